"""Qt models of the profiles pane: the lazy customer list and the small per-customer tables."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from engine.profiles.pii import mask

PAGE = 200


class CustomerListModel(QAbstractTableModel):
    """Only ids are held; rows are fetched a page at a time when the view first shows them and
    cached (Anki's browser table does the same), so 100k customers cost one id list."""

    COLUMNS = ("id", "name", "city", "phone", "company", "tags", "pending")
    sort_requested = Signal(str, bool)
    SORT_KEYS = {0: "id", 1: "name", 2: "city", 6: "pending"}

    def __init__(self, fetch_rows: Callable[[list[str]], dict], parent=None) -> None:
        super().__init__(parent)
        self._fetch = fetch_rows
        self._ids: list[str] = []
        self._cache: dict[str, dict] = {}
        self.reveal_all = False
        self.revealed: set[str] = set()
        self.headers = [self.tr("Customer"), self.tr("Name"), self.tr("City"), self.tr("Phone"),
                        self.tr("Company"), self.tr("Tags"), self.tr("To review")]

    def set_ids(self, ids: list[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._cache.clear()
        self.endResetModel()

    def invalidate(self, ids: set[str] | None = None) -> None:
        """Forget cached rows (all, or these ids) so the next paint fetches them fresh."""
        if ids is None or "*" in ids:
            self._cache.clear()
        else:
            for i in ids:
                self._cache.pop(i, None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def customer_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: str) -> int:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _row(self, row: int) -> dict:
        cid = self._ids[row]
        got = self._cache.get(cid)
        if got is None:
            start = row - row % PAGE
            page = self._ids[start:start + PAGE]
            fetched = self._fetch(page)
            for i in page:
                self._cache[i] = fetched.get(i, {"id": i})
            got = self._cache[cid]
        return got

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            r = self._row(index.row())
            key = self.COLUMNS[index.column()]
            if key == "name":
                return r.get("name") or r.get("nickname", "")
            value = r.get(key, "")
            if key == "phone" and not (self.reveal_all or r.get("id") in self.revealed):
                return mask("phone", value)
            if key == "pending":
                return int(value or 0) if role == Qt.DisplayRole else None
            return value
        if role == Qt.TextAlignmentRole and index.column() == 6:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if column in self.SORT_KEYS:
            self.sort_requested.emit(self.SORT_KEYS[column], order == Qt.DescendingOrder)


class RecordsModel(QAbstractTableModel):
    """A read-only table over a list of dicts (fields, history, operations, closeness)."""

    def __init__(self, columns: list[tuple[str, str]], parent=None,
                 formatter: Callable[[str, dict], object] | None = None) -> None:
        super().__init__(parent)
        self._columns = columns  # (key, header)
        self._rows: list[dict] = []
        self._fmt = formatter

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        key = self._columns[index.column()][0]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            value = self._fmt(key, rec) if self._fmt else rec.get(key)
            return "" if value is None else str(value)
        if role == Qt.ForegroundRole and rec.get("status") in ("rejected", "superseded"):
            return QColor("#888888")
        if role == Qt.FontRole and rec.get("status") == "suggested":
            from PySide6.QtGui import QFont

            f = QFont()
            f.setItalic(True)
            return f
        return None

    def headerData(self, section: int, orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self._columns):
            return self._columns[section][1]
        return None
