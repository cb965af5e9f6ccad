"""pyqtgraph views of one group: the relation graph and the members × slots heatmap.

The graph draws every node in ONE ScatterPlotItem and the edges in a handful of PlotCurveItems
(``connect="pairs"``, one per similarity band), so a 2,000-account group pans and zooms smoothly.
"""
from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

ACCOUNT, DEVICE, IP = 0, 1, 2
NODE_STYLE = {  # symbol, colour, size
    ACCOUNT: ("o", (52, 120, 246), 9),
    DEVICE: ("s", (230, 126, 34), 12),
    IP: ("t", (39, 174, 96), 12),
}
BANDS = [(0.0, 0.2, 0.6), (0.2, 0.35, 1.2), (0.35, 0.6, 2.2), (0.6, 1.01, 3.5)]


class GroupGraphView(QWidget):
    """Accounts (blue circles), devices (orange squares), IPs (green triangles)."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.info = QLabel(self.tr("Select a group to see its accounts, devices and IPs."))
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.info)
        self._link_curves: list[pg.PlotCurveItem] = []
        for kind in (DEVICE, IP):
            c = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen(NODE_STYLE[kind][1] + (90,), width=0.8))
            self.plot.addItem(c)
            self._link_curves.append(c)
        self._band_curves = []
        for _lo, _hi, width in BANDS:
            c = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen((90, 90, 110, 170), width=width))
            self.plot.addItem(c)
            self._band_curves.append(c)
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=None, pxMode=True)
        self.plot.addItem(self.scatter)
        self.scatter.sigHovered.connect(self._on_hover)
        self._labels: list[str] = []
        self._kinds = np.zeros(0, int)
        legend = self.plot.addLegend(offset=(8, 8))
        for kind, text in ((ACCOUNT, self.tr("account")), (DEVICE, self.tr("device")),
                           (IP, self.tr("IP"))):
            sym, col, size = NODE_STYLE[kind]
            legend.addItem(pg.ScatterPlotItem(symbol=sym, brush=pg.mkBrush(col), size=size,
                                              pen=None), text)

    def clear(self) -> None:
        self.scatter.clear()
        for c in self._band_curves + self._link_curves:
            c.setData([], [])
        self._labels = []

    def set_graph(self, graph: dict, pos: np.ndarray) -> None:
        """``graph`` from ``engine.fraud.layout.group_graph``; ``pos`` its node positions."""
        self._labels = list(graph["labels"])
        kinds = np.asarray(graph["kind"], int)
        self._kinds = kinds
        symbols = np.array([NODE_STYLE[k][0] for k in range(3)], dtype=object)[kinds]
        brushes = [pg.mkBrush(NODE_STYLE[k][1]) for k in range(3)]
        sizes = np.array([NODE_STYLE[k][2] for k in range(3)])[kinds]
        self.scatter.setData(pos=pos, symbol=list(symbols), size=sizes,
                             brush=[brushes[k] for k in kinds], pen=None,
                             data=np.arange(len(kinds)))
        u, v = np.asarray(graph["u"], int), np.asarray(graph["v"], int)
        w, ek = np.asarray(graph["w"], float), np.asarray(graph["edge_kind"], int)

        def pairs(mask):
            xy = np.empty((2 * int(mask.sum()), 2))
            xy[0::2], xy[1::2] = pos[u[mask]], pos[v[mask]]
            return xy[:, 0], xy[:, 1]

        for curve, kind in zip(self._link_curves, (DEVICE, IP)):
            curve.setData(*pairs(ek == kind))
        for curve, (lo, hi, _w) in zip(self._band_curves, BANDS):
            curve.setData(*pairs((ek == 0) & (w >= lo) & (w < hi)))
        n_acc = int((kinds == ACCOUNT).sum())
        self.info.setText(self.tr("{0} accounts, {1} devices, {2} IPs — edge width = similarity; "
                                  "drag to pan, wheel to zoom, hover a node for its name")
                          .format(n_acc, int((kinds == DEVICE).sum()), int((kinds == IP).sum())))
        self.plot.autoRange()

    def _on_hover(self, _item, points, _ev) -> None:
        if len(points) == 0:
            return
        i = int(points[0].data())
        if 0 <= i < len(self._labels):
            kind = {ACCOUNT: self.tr("account"), DEVICE: self.tr("device"), IP: self.tr("IP")}[
                int(self._kinds[i])]
            text = f"{kind}: {self._labels[i]}"
            self.info.setText(text)
            self.scatter.setToolTip(text)
            self.hovered.emit(self._labels[i])


class SlotHeatmapView(QWidget):
    """Members (rows) × the group's busiest time slots (columns): lock-step shows as stripes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.plot.addItem(self.image)
        self.plot.invertY(True)
        self.plot.setLabel("left", self.tr("accounts"))
        self.plot.setLabel("bottom", self.tr("time slot (UTC) · target"))
        self.info = QLabel("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.info)
        self._members: list[str] = []
        self._slots: list[dict] = []
        self.plot.scene().sigMouseMoved.connect(self._on_move)

    def clear(self) -> None:
        self.image.clear()
        self._members, self._slots = [], []
        self.info.setText("")

    def set_heatmap(self, members: list[str], heat: list[list[int]], slots: list[dict]) -> None:
        m = np.asarray(heat, float).reshape(len(members), len(slots))
        order = np.lexsort((-m.sum(1), np.argmax(m > 0, axis=1))) if m.size else np.arange(0)
        self._members = [members[i] for i in order]
        self._slots = slots
        m = m[order] if m.size else m
        if m.size:
            self.image.setImage(m, levels=(0, max(1.0, float(m.max()))))
            self.image.setRect(0, 0, m.shape[1], m.shape[0])
        else:
            self.image.clear()
        ticks = []
        step = max(1, len(slots) // 6)
        for i in range(0, len(slots), step):
            t = datetime.fromtimestamp(slots[i]["start"], tz=timezone.utc).strftime("%m-%d %H:%M")
            ticks.append((i + 0.5, t))
        self.plot.getAxis("bottom").setTicks([ticks])
        if 0 < len(self._members) <= 40:  # small groups: name every row
            self.plot.getAxis("left").setTicks(
                [[(i + 0.5, name) for i, name in enumerate(self._members)]])
        else:
            self.plot.getAxis("left").setTicks(None)
        self.info.setText(self.tr("{0} accounts × {1} busiest slots; brighter = more actions")
                          .format(len(members), len(slots)))
        self.plot.autoRange()

    def _on_move(self, pos) -> None:
        if not self._slots or not self._members:
            return
        p = self.plot.getViewBox().mapSceneToView(pos)
        col, row = int(np.floor(p.x())), int(np.floor(p.y()))
        if 0 <= col < len(self._slots) and 0 <= row < len(self._members):
            s = self._slots[col]
            t = datetime.fromtimestamp(s["start"], tz=timezone.utc).strftime("%Y-%m-%d %H:%M")
            self.info.setText(f"{self._members[row]} · {t} UTC · {s['target']}")
