"""Qt models of the nudges pane: rules, outbox and backtest tables over plain engine data."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex,
                            Qt, Signal)

from engine.errors import InputError
from engine.nudges.rules import BASES, Process, format_duration, parse_duration


class RulesTableModel(QAbstractTableModel):
    """One row per (process, node); threshold, basis, channel, priority and cap are editable.

    An invalid edit is refused and reported through :attr:`validation_failed` (place, message).
    """

    validation_failed = Signal(str, str)
    rules_changed = Signal()
    COLUMNS = (QT_TRANSLATE_NOOP("NudgesModels", "Process"),
               QT_TRANSLATE_NOOP("NudgesModels", "Node"),
               QT_TRANSLATE_NOOP("NudgesModels", "Threshold"),
               QT_TRANSLATE_NOOP("NudgesModels", "Basis"),
               QT_TRANSLATE_NOOP("NudgesModels", "Channel"),
               QT_TRANSLATE_NOOP("NudgesModels", "Priority"),
               QT_TRANSLATE_NOOP("NudgesModels", "Cap"),
               QT_TRANSLATE_NOOP("NudgesModels", "Templates"),
               QT_TRANSLATE_NOOP("NudgesModels", "Enabled"))
    EDITABLE = {2, 3, 4, 5, 6, 8}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._processes: list[Process] = []
        self._rows: list[tuple[int, int]] = []
        self.dirty = False

    def set_processes(self, processes: list[Process]) -> None:
        self.beginResetModel()
        self._processes = list(processes)
        self._rows = [(i, j) for i, p in enumerate(self._processes) for j in range(len(p.nodes))]
        self.dirty = False
        self.endResetModel()

    def processes(self) -> list[Process]:
        return list(self._processes)

    def key(self, row: int) -> tuple[str, str]:
        i, j = self._rows[row]
        return self._processes[i].id, self._processes[i].nodes[j].id

    def row_of(self, process_id: str, node_id: str) -> int:
        for r in range(len(self._rows)):
            if self.key(r) == (process_id, node_id):
                return r
        return -1

    def node(self, row: int):
        i, j = self._rows[row]
        return self._processes[i], self._processes[i].nodes[j]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("NudgesModels", self.COLUMNS[section])
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == 8:
            return base | Qt.ItemIsUserCheckable
        return base | Qt.ItemIsEditable if index.column() in self.EDITABLE else base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, n = self.node(index.row())
        c = index.column()
        if role == Qt.CheckStateRole and c == 8:
            return Qt.Checked if n.enabled else Qt.Unchecked
        if role in (Qt.DisplayRole, Qt.EditRole):
            if c == 0:
                return p.name or p.id
            if c == 1:
                return n.name or n.id
            if c == 2:
                return format_duration(n.threshold)
            if c == 3:
                return n.basis
            if c == 4:
                return n.channel
            if c == 5:
                return n.priority
            if c == 6:
                return (f"{p.cap.max_nudges} / {format_duration(p.cap.per_seconds)}"
                        if p.cap else "")
            if c == 7:
                return ", ".join(n.templates)
        if role == Qt.ToolTipRole and c == 1:
            return f"{p.id} > {n.id}" + (f" ({n.attribute})" if n.attribute else "")
        return None

    def _place(self, row: int, what: str) -> str:
        pid, nid = self.key(row)
        return f"process '{pid}' > node '{nid}' > {what}"

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        row, c = index.row(), index.column()
        i, j = self._rows[row]
        p, n = self.node(row)
        try:
            if c == 8 and role == Qt.CheckStateRole:
                n = replace(n, enabled=Qt.CheckState(value) == Qt.Checked)
            elif role != Qt.EditRole:
                return False
            elif c == 2:
                n = replace(n, threshold=parse_duration(str(value).strip(),
                                                        self._place(row, "threshold")))
            elif c == 3:
                if value not in BASES:
                    raise InputError("basis must be 'idle' or 'stay'", place=self._place(row, "basis"))
                n = replace(n, basis=str(value))
            elif c == 4:
                if not str(value).strip():
                    raise InputError("channel cannot be empty", place=self._place(row, "channel"))
                n = replace(n, channel=str(value).strip())
            elif c == 5:
                try:
                    n = replace(n, priority=int(value))
                except (TypeError, ValueError):
                    raise InputError("priority must be a whole number",
                                     place=self._place(row, "priority")) from None
            elif c == 6:
                p = self._with_cap(p, str(value), row)
            else:
                return False
        except InputError as exc:
            self.validation_failed.emit(exc.place or "", str(exc))
            return False
        self._set(i, j, p, n)
        return True

    def _with_cap(self, p: Process, text: str, row: int) -> Process:
        from engine.nudges.rules import Cap

        text = text.strip()
        if not text:
            return replace(p, cap=None)
        try:
            max_s, per_s = (v.strip() for v in text.split("/"))
            max_n = int(max_s)
        except ValueError:
            raise InputError("write the cap as 'MAX / PERIOD', e.g. '2 / 1d'",
                             place=f"process '{p.id}' > cap") from None
        if max_n < 1:
            raise InputError("cap must allow at least 1 nudge", place=f"process '{p.id}' > cap")
        return replace(p, cap=Cap(max_n, parse_duration(per_s, f"process '{p.id}' > cap > per")))

    def _set(self, i: int, j: int, p: Process, n) -> None:
        nodes = list(p.nodes)
        nodes[j] = n
        self._processes[i] = replace(p, nodes=nodes)
        self.dirty = True
        first = self.index(0, 0)
        last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
        self.dataChanged.emit(first, last)
        self.rules_changed.emit()

    def set_threshold(self, row: int, seconds: float) -> None:
        i, j = self._rows[row]
        p, n = self.node(row)
        self._set(i, j, p, replace(n, threshold=round(float(seconds), 3)))

    def set_template(self, row: int, language: str, text: str) -> None:
        i, j = self._rows[row]
        p, n = self.node(row)
        self._set(i, j, p, replace(n, templates={**n.templates, language: text}))


class ListTableModel(QAbstractTableModel):
    """A read-only table over a list of dicts; sorting is done on the list, not in a proxy."""

    COLUMNS: tuple[tuple[str, str], ...] = ()  # (key, English header)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []

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
        if role == Qt.DisplayRole and orientation == Qt.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("NudgesModels", self.COLUMNS[section][1])
        return None

    def format(self, key: str, value):
        return "" if value is None else str(value)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key = self.COLUMNS[index.column()][0]
        value = self._rows[index.row()].get(key)
        if role == Qt.DisplayRole:
            return self.format(key, value)
        if role == Qt.ToolTipRole and key in ("message", "last_error"):
            return value
        if role == Qt.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.COLUMNS[column][0]
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda r: (r.get(key) is None, r.get(key) if r.get(key) is not None
                                       else 0), reverse=order == Qt.DescendingOrder)
        self.layoutChanged.emit()


class OutboxModel(ListTableModel):
    COLUMNS = (
        ("status", QT_TRANSLATE_NOOP("NudgesModels", "Status")),
        ("user_id", QT_TRANSLATE_NOOP("NudgesModels", "User")),
        ("node_id", QT_TRANSLATE_NOOP("NudgesModels", "Node")),
        ("channel", QT_TRANSLATE_NOOP("NudgesModels", "Channel")),
        ("created_at", QT_TRANSLATE_NOOP("NudgesModels", "Created")),
        ("attempts", QT_TRANSLATE_NOOP("NudgesModels", "Attempts")),
        ("last_error", QT_TRANSLATE_NOOP("NudgesModels", "Error")),
        ("message", QT_TRANSLATE_NOOP("NudgesModels", "Message")),
    )

    def format(self, key, value):
        if key == "created_at" and value is not None:
            return value.strftime("%Y-%m-%d %H:%M")
        return super().format(key, value)

    def data(self, index, role=Qt.DisplayRole):
        if role == Qt.ForegroundRole and index.isValid() and index.column() == 0:
            from PySide6.QtGui import QColor

            status = self._rows[index.row()].get("status")
            return QColor({"sent": "#2e7d32", "failed": "#c62828"}.get(status, "#b26a00"))
        return super().data(index, role)


class BacktestModel(ListTableModel):
    COLUMNS = (
        ("node_id", QT_TRANSLATE_NOOP("NudgesModels", "Node")),
        ("basis", QT_TRANSLATE_NOOP("NudgesModels", "Basis")),
        ("threshold", QT_TRANSLATE_NOOP("NudgesModels", "Threshold")),
        ("visits", QT_TRANSLATE_NOOP("NudgesModels", "Visits")),
        ("nudges", QT_TRANSLATE_NOOP("NudgesModels", "Nudges")),
        ("nudges_per_day", QT_TRANSLATE_NOOP("NudgesModels", "Per day")),
        ("advanced_anyway_rate", QT_TRANSLATE_NOOP("NudgesModels", "Advanced anyway")),
        ("nudged_advanced_rate", QT_TRANSLATE_NOOP("NudgesModels", "Nudged: advanced")),
        ("comparable_advanced_rate", QT_TRANSLATE_NOOP("NudgesModels", "Comparable: advanced")),
        ("lift", QT_TRANSLATE_NOOP("NudgesModels", "Lift")),
    )

    def format(self, key, value):
        if value is None:
            return "—"
        if key.endswith("_rate"):
            return f"{value * 100:.1f}%"
        if key == "lift":
            return f"{value * 100:+.1f} pt"
        if key == "nudges_per_day":
            return f"{value:,.1f}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)
