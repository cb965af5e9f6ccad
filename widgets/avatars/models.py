"""Qt models of the avatars pane: plain rows from the engine, sorted in numpy."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap

PngRole = Qt.UserRole + 1
RowRole = Qt.UserRole + 2


def pixmap_from_png(data: bytes | None) -> QPixmap:
    pm = QPixmap()
    if data:
        pm.loadFromData(data, "PNG")
    return pm


class RowsTableModel(QAbstractTableModel):
    """A read-only table over a list of dicts; ``columns`` = [(header, key)].

    Rows with a ``png`` key show it as the first column's icon; ``highlight`` rows are tinted.
    """

    def __init__(self, columns: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[dict] = []
        self._icons: dict[int, QIcon] = {}
        self.highlight: set[int] = set()
        self.tooltips: dict[int, str] = {}

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._icons.clear()
        self.highlight = set()
        self.tooltips = {}
        self.endResetModel()

    def row(self, r: int) -> dict:
        return self._rows[r]

    def rows(self) -> list[dict]:
        return self._rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section][0]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = self._columns[index.column()][1]
        if role == Qt.DisplayRole:
            value = row.get(key)
            if isinstance(value, bool):
                return "✓" if value else ""
            if isinstance(value, float):
                return f"{value:.2f}"
            return "" if value is None else str(value)
        if role == Qt.ToolTipRole:
            return self.tooltips.get(index.row()) or (str(row.get(key)) if row.get(key) is not None
                                                      else None)
        if role == Qt.DecorationRole and index.column() == 0 and row.get("png"):
            icon = self._icons.get(index.row())
            if icon is None:
                icon = QIcon(pixmap_from_png(row["png"]))
                self._icons[index.row()] = icon
            return icon
        if role == Qt.BackgroundRole and index.row() in self.highlight:
            return QBrush(QColor(255, 120, 100, 90))
        if role == RowRole:
            return row
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if not self._rows or not 0 <= column < len(self._columns):
            return
        key = self._columns[column][1]
        values = [row.get(key) for row in self._rows]
        missing = np.array([v is None or v == "" for v in values])
        present = np.nonzero(~missing)[0]
        if all(isinstance(values[i], (int, float)) for i in present):
            keys = np.array([float(values[i]) for i in present])
        else:
            keys = np.array([str(values[i]) for i in present])
        idx = present[np.argsort(keys, kind="stable")] if len(present) else present
        if order == Qt.DescendingOrder:
            idx = idx[::-1]
        idx = np.concatenate([idx, np.nonzero(missing)[0]]).astype(int)  # empty cells last
        self.layoutAboutToBeChanged.emit()
        self._rows = [self._rows[i] for i in idx]
        self._icons.clear()
        self.layoutChanged.emit()


class PicturesModel(QAbstractListModel):
    """The picture library as icons with titles (for a QListView in icon mode)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []
        self._visible: np.ndarray = np.zeros(0, dtype=int)
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._icons.clear()
        self._visible = np.arange(len(self._rows))
        self.endResetModel()

    def set_filter(self, theme: str = "", text: str = "") -> None:
        text = text.strip().lower()
        keep = [i for i, r in enumerate(self._rows)
                if (not theme or r["theme"] == theme)
                and (not text or text in r["id"].lower() or text in r["tags"].lower()
                     or text in r["title"].lower())]
        self.beginResetModel()
        self._visible = np.asarray(keep, dtype=int)
        self.endResetModel()

    def update_row(self, picture_id: str, **changes) -> None:
        for i, r in enumerate(self._rows):
            if r["id"] == picture_id:
                r.update(changes)
                pos = np.nonzero(self._visible == i)[0]
                if len(pos):
                    ix = self.index(int(pos[0]))
                    self.dataChanged.emit(ix, ix)

    def themes(self) -> list[str]:
        return sorted({r["theme"] for r in self._rows})

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[int(self._visible[index.row()])]
        if role == Qt.DisplayRole:
            return row["title"]
        if role == Qt.DecorationRole:
            icon = self._icons.get(row["id"])
            if icon is None:
                icon = QIcon(pixmap_from_png(row["png"]))
                self._icons[row["id"]] = icon
            return icon
        if role == Qt.ToolTipRole:
            return f"{row['id']}\n{row['tags']}\nused by {row['used']}"
        if role == Qt.ForegroundRole and not row["enabled"]:
            return QBrush(QColor(150, 150, 150))
        if role == Qt.SizeHintRole:
            return QSize(92, 96)
        if role == RowRole:
            return row
        return None
