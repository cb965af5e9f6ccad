"""Qt models of the expressions pane."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt)


class PushesModel(QAbstractTableModel):
    """Recent pushes (plain dicts from ``engine.expressions.service.recent_pushes``)."""

    COLUMNS = ("ts", "user", "expression", "confidence", "label", "track", "frames_used")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []
        self._headers = (self.tr("Time"), self.tr("User"), self.tr("Expression"),
                         self.tr("Confidence"), self.tr("Behaviour label"), self.tr("Pushed"),
                         self.tr("Frames"))

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int) -> dict:
        return self._rows[i]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.DisplayRole:
            if col == "ts":
                ts = r.get("ts")
                return ts.astimezone().strftime("%Y-%m-%d %H:%M") if isinstance(ts, datetime) else ""
            if col == "user":
                nick = r.get("nickname") or ""
                return f"{r.get('user_id', '')} {nick}".strip()
            if col == "confidence":
                conf = r.get("confidence")
                return f"{conf:.0%}" if conf is not None else ""
            if col == "expression":
                return QCoreApplication.translate("Expressions", str(r.get(col) or ""))
            if col == "track":
                return f"{r.get('title', '')} — {r.get('artist', '')}"
            value = r.get(col)
            return "" if value is None else str(value)
        if role == Qt.ToolTipRole:
            return r.get("reason") or None
        if role == Qt.TextAlignmentRole and col in ("confidence", "frames_used"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None
