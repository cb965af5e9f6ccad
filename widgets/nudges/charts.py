"""Plots of the nudges pane: the funnel and the dwell histogram with a draggable threshold."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor

from engine.nudges.rules import format_duration

TICKS = [1, 10, 60, 300, 900, 1800, 3600, 2 * 3600, 6 * 3600, 86400, 3 * 86400, 7 * 86400,
         30 * 86400]


def _short(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f}s"
    if seconds < 3600:
        return f"{seconds / 60:.0f}m"
    if seconds < 86400:
        return f"{seconds / 3600:.0f}h"
    return f"{seconds / 86400:.0f}d"


class FunnelView(pg.PlotWidget):
    """Users reaching each node, with the step-to-step conversion above each bar."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        self._items: list = []
        self.counts: list[int] = []

    def set_funnel(self, names: list[str], counts: list[int], completed: int | None,
                   complete_label: str) -> None:
        for item in self._items:
            self.removeItem(item)
        self._items = []
        labels = list(names) + ([complete_label] if completed is not None else [])
        values = list(counts) + ([completed] if completed is not None else [])
        self.counts = values
        if not values:
            return
        y = -np.arange(len(values), dtype=float)  # first step on top
        brushes = [QColor(33, 113, 181, 200)] * len(counts) + (
            [QColor(46, 125, 50, 200)] if completed is not None else [])
        bars = pg.BarGraphItem(x0=0, y=y, height=0.7, width=values, brushes=brushes)
        self.addItem(bars)
        self._items.append(bars)
        top = max(values) or 1
        for i, v in enumerate(values):
            conv = "" if i == 0 or not values[i - 1] else f"  ({v / values[i - 1] * 100:.0f}%)"
            text = pg.TextItem(f"{v:,}{conv}", anchor=(0.0, 0.5), color=(110, 110, 110))
            text.setPos(v + top * 0.01, y[i])
            self.addItem(text)
            self._items.append(text)
        self.getAxis("left").setTicks([[(float(y[i]), s) for i, s in enumerate(labels)]])
        self.setXRange(0, top * 1.3)
        self.setYRange(-len(values) + 0.5, 0.5)


class DwellView(pg.PlotWidget):
    """Histogram of the dwell of users at a node (log time axis) and a draggable threshold.

    ``threshold_moved(seconds)`` fires while dragging; ``threshold_set(seconds)`` on release.
    """

    threshold_moved = Signal(float)
    threshold_set = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        self._bars = None
        self._past = None
        self.addLegend(offset=(-10, 10))
        self.line = pg.InfiniteLine(angle=90, movable=True,
                                    pen=pg.mkPen(QColor(198, 40, 40), width=2),
                                    hoverPen=pg.mkPen(QColor(239, 83, 80), width=3))
        self.line.setZValue(10)
        self.addItem(self.line)
        self.line.sigPositionChanged.connect(
            lambda: self.threshold_moved.emit(self.threshold()))
        self.line.sigPositionChangeFinished.connect(
            lambda: self.threshold_set.emit(self.threshold()))
        self.getAxis("bottom").setTicks([[(math.log10(t), _short(t)) for t in TICKS]])

    def threshold(self) -> float:
        return float(10 ** self.line.value())

    def set_threshold(self, seconds: float) -> None:
        self.line.blockSignals(True)
        self.line.setValue(math.log10(max(seconds, 1.0)))
        self.line.blockSignals(False)
        self.line.setToolTip(format_duration(seconds))

    def set_dwell(self, dwell_sorted: np.ndarray, threshold_s: float,
                  past_sorted: np.ndarray | None = None, labels: tuple[str, str] = ("", "")) -> None:
        """Bars: users at the node now; line: longest dwell of every past visit (scaled)."""
        for item in (self._bars, self._past):
            if item is not None:
                self.removeItem(item)
        self._bars = self._past = None
        self.plotItem.legend.clear()
        lo, hi = 0.0, math.log10(30 * 86400)
        if len(dwell_sorted):
            logs = np.log10(np.maximum(dwell_sorted, 1.0))
            hi = max(hi, float(logs[-1]) + 0.1)
            counts, edges = np.histogram(logs, bins=48, range=(lo, hi))
            centers = (edges[:-1] + edges[1:]) / 2
            due = centers >= math.log10(max(threshold_s, 1.0))
            brushes = [QColor(239, 108, 0, 190) if d else QColor(120, 144, 156, 170) for d in due]
            self._bars = pg.BarGraphItem(x=centers, height=counts, width=(hi - lo) / 48 * 0.9,
                                         brushes=brushes, name=labels[0])
            self.addItem(self._bars)
            ymax = max(1, counts.max())
            if past_sorted is not None and len(past_sorted):
                plogs = np.log10(np.maximum(past_sorted, 1.0))
                pc, _ = np.histogram(plogs, bins=48, range=(lo, hi))
                scaled = pc * (ymax / max(1, pc.max()))
                self._past = self.plot(centers, scaled, pen=pg.mkPen(QColor(21, 101, 192), width=2),
                                       name=labels[1])
            self.setYRange(0, ymax * 1.15)
        self.setXRange(lo, hi, padding=0.02)
        self.line.setBounds((lo, hi))
        self.set_threshold(threshold_s)


class PerDayView(pg.PlotWidget):
    """Would-be nudges per calendar day, one line per node."""

    COLORS = [(33, 113, 181), (239, 108, 0), (46, 125, 50), (142, 36, 170), (198, 40, 40),
              (0, 131, 143), (121, 85, 72)]

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMenuEnabled(False)
        self.showGrid(y=True, alpha=0.2)
        self.addLegend(offset=(10, 10))
        self.series: dict[str, list[int]] = {}

    def set_series(self, days: list[str], series: dict[str, list[int]]) -> None:
        self.clear()
        self.plotItem.legend.clear()
        self.series = dict(series)
        x = np.arange(len(days))
        for i, (name, values) in enumerate(series.items()):
            self.plot(x, values, pen=pg.mkPen(QColor(*self.COLORS[i % len(self.COLORS)]), width=2),
                      symbol="o", symbolSize=4, name=name)
        step = max(1, len(days) // 8)
        self.getAxis("bottom").setTicks([[(i, d[5:]) for i, d in enumerate(days) if i % step == 0]])
