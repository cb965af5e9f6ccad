"""Qt models of the fraud pane: the table of suspect groups (sorted in numpy)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt

STATUS_TEXT = {"confirmed": QT_TRANSLATE_NOOP("FraudStatus", "Confirmed"),
               "dismissed": QT_TRANSLATE_NOOP("FraudStatus", "Dismissed"),
               "needs_review": QT_TRANSLATE_NOOP("FraudStatus", "Needs review"),
               "": QT_TRANSLATE_NOOP("FraudStatus", "New")}


def status_text(status: str) -> str:
    return QCoreApplication.translate("FraudStatus", STATUS_TEXT.get(status or "", status))


class GroupTableModel(QAbstractTableModel):
    """Rows are groups of one run (plain dicts from ``engine.fraud.store.load_run``)."""

    COLUMNS = [("rank", "#"), ("score", QT_TRANSLATE_NOOP("GroupTableModel", "Score")),
               ("size", QT_TRANSLATE_NOOP("GroupTableModel", "Accounts")),
               ("devices", QT_TRANSLATE_NOOP("GroupTableModel", "Devices")),
               ("ips", QT_TRANSLATE_NOOP("GroupTableModel", "IPs")),
               ("similarity", QT_TRANSLATE_NOOP("GroupTableModel", "Similarity")),
               ("status", QT_TRANSLATE_NOOP("GroupTableModel", "Decision")),
               ("decided_by", QT_TRANSLATE_NOOP("GroupTableModel", "By")),
               ("id", QT_TRANSLATE_NOOP("GroupTableModel", "Group id"))]
    NUMERIC = {"rank", "score", "size", "devices", "ips", "similarity"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[dict] = []
        self._order = np.zeros(0, np.int64)
        self._sort = (1, Qt.SortOrder.DescendingOrder)

    # -- data
    def set_groups(self, groups: list[dict]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self._order = np.arange(len(self._groups))
        self.endResetModel()
        self.sort(*self._sort)

    def group(self, row: int) -> dict | None:
        if 0 <= row < len(self._order):
            return self._groups[int(self._order[row])]
        return None

    def row_of(self, group_id: int) -> int:
        for row, i in enumerate(self._order):
            if self._groups[int(i)]["group_id"] == group_id:
                return row
        return -1

    def groups(self) -> list[dict]:
        return [self._groups[int(i)] for i in self._order]

    def update_group(self, group_id: int, **changes) -> None:
        row = self.row_of(group_id)
        if row < 0:
            return
        self._groups[int(self._order[row])].update(changes)
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return self.tr(self.COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._order)):
            return None
        g = self._groups[int(self._order[index.row()])]
        key = self.COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            value = g.get(key)
            if key == "score":
                return f"{value:.1f}"
            if key == "similarity":
                return f"{value:.2f}"
            if key == "status":
                return status_text(value)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(g.get("reasons", []))
        if role == Qt.ItemDataRole.UserRole:
            return g.get("group_id")
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.COLUMNS)):
            return
        self._sort = (column, order)
        key = self.COLUMNS[column][0]
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        held = [(ix, int(self._order[ix.row()])) for ix in persistent]
        if key in self.NUMERIC:
            values = np.array([float(g.get(key) or 0) for g in self._groups])
            idx = np.argsort(values, kind="stable")
        else:
            values = np.array([str(g.get(key) or "") for g in self._groups], dtype=object)
            idx = np.argsort(values.astype(str), kind="stable") if len(values) else values
        idx = np.asarray(idx, np.int64)
        if order == Qt.SortOrder.DescendingOrder:
            idx = idx[::-1]
        self._order = idx
        if held:
            where = np.empty(len(idx), np.int64)
            where[idx] = np.arange(len(idx))
            self.changePersistentIndexList(
                [ix for ix, _ in held],
                [self.index(int(where[g]), ix.column()) for ix, g in held])
        self.layoutChanged.emit()
