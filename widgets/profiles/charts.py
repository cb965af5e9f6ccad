"""Closeness ranking (bar chart + table) and the customer-operations timeline."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget

from widgets.profiles.models import RecordsModel


def _match_palette(plot: pg.PlotWidget) -> None:
    """Plot background and axes follow the application's palette (light or dark theme)."""
    pal = plot.palette()
    plot.setBackground(pal.color(QPalette.Base))
    for name in ("left", "bottom"):
        plot.getAxis(name).setTextPen(pal.color(QPalette.Text))
        plot.getAxis(name).setPen(pal.color(QPalette.Mid))


class ClosenessView(QWidget):
    """Staff ranked by closeness; "Open conversation" shows that colleague's chat."""

    open_conversation = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        _match_palette(self.plot)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.setLabel("bottom", self.tr("closeness (0–100)"))
        self.plot.setXRange(0, 100)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.6, width=[], brush="#4a90d9")
        self.plot.addItem(self.bars)
        self.model = RecordsModel([("name", self.tr("Staff")), ("score", self.tr("Score")),
                                   ("friend", self.tr("Friend")), ("groups", self.tr("Groups")),
                                   ("interaction", self.tr("Interaction")), ("messages", self.tr("Messages")),
                                   ("reciprocity", self.tr("Reciprocity"))], self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setSelectionMode(QTableView.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.open_button = QPushButton(self.tr("Open this colleague's conversation"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.plot)
        split.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        lay.addLayout(row)

    def set_ranking(self, ranking: list[dict]) -> None:
        self.model.set_rows(ranking)
        n = len(ranking)
        ys = list(range(n))[::-1]
        self.bars.setOpts(x0=[0] * n, y=ys, width=[r["score"] for r in ranking], height=0.6)
        left = self.plot.getAxis("left")
        left.setTicks([[(y, r["name"][:14]) for y, r in zip(ys, ranking)]])
        left.setWidth(110)
        self.plot.setYRange(-0.6, max(n - 0.4, 0.6))
        if n:
            self.table.selectRow(0)
        self._update_button()

    def _selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_button(self, *_):
        rec = self._selected()
        self.open_button.setEnabled(bool(rec and rec.get("conversation_id")))

    def _open(self) -> None:
        rec = self._selected()
        if rec and rec.get("conversation_id"):
            self.open_conversation.emit(rec["conversation_id"])


class TimelineView(QWidget):
    """Operations as points on a time axis, one row per kind, and the same list as a table."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        _match_palette(self.plot)
        self.plot.setMenuEnabled(False)
        self.scatter = pg.ScatterPlotItem(size=10, brush="#e8833a", pen=None)
        self.plot.addItem(self.scatter)
        self.model = RecordsModel([("ts", self.tr("When")), ("kind", self.tr("Operation")),
                                   ("staff_id", self.tr("Towards")), ("amount", self.tr("Amount")),
                                   ("detail", self.tr("Detail"))], self,
                                  formatter=lambda k, r: f"{r[k]:%Y-%m-%d %H:%M}" if k == "ts" else r.get(k))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setColumnWidth(0, 130)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.plot)
        split.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

    def set_operations(self, ops: list[dict]) -> None:
        self.model.set_rows(sorted(ops, key=lambda o: o["ts"], reverse=True))
        kinds = sorted({o["kind"] for o in ops})
        ky = {k: i for i, k in enumerate(kinds)}
        self.scatter.setData(x=[o["ts"].timestamp() for o in ops], y=[ky[o["kind"]] for o in ops])
        self.plot.getAxis("left").setTicks([[(i, k) for k, i in ky.items()]])
        self.plot.getAxis("left").setWidth(110)
        self.plot.setYRange(-0.5, max(len(kinds) - 0.5, 0.5))
