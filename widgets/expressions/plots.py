"""pyqtgraph views: live feature bars and the rolling expression timeline."""
from __future__ import annotations

from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from engine.expressions.classifier import CLASSES
from engine.expressions.features import BLEND_FEATURES

CLASS_COLOURS = {"neutral": "#9e9e9e", "happy": "#f2b705", "sad": "#3d7bd9",
                 "surprised": "#9c27b0", "angry": "#e53935", "disgusted": "#43a047",
                 "fearful": "#00acc1"}
# listed literally so that lupdate extracts the class and feature names for translation
CLASS_NAMES = (
    QT_TRANSLATE_NOOP("Expressions", "neutral"),
    QT_TRANSLATE_NOOP("Expressions", "happy"),
    QT_TRANSLATE_NOOP("Expressions", "sad"),
    QT_TRANSLATE_NOOP("Expressions", "surprised"),
    QT_TRANSLATE_NOOP("Expressions", "angry"),
    QT_TRANSLATE_NOOP("Expressions", "disgusted"),
    QT_TRANSLATE_NOOP("Expressions", "fearful"),
)
FEATURE_NAMES = (
    QT_TRANSLATE_NOOP("Expressions", "smile"),
    QT_TRANSLATE_NOOP("Expressions", "cheek"),
    QT_TRANSLATE_NOOP("Expressions", "squint"),
    QT_TRANSLATE_NOOP("Expressions", "blink"),
    QT_TRANSLATE_NOOP("Expressions", "brow down"),
    QT_TRANSLATE_NOOP("Expressions", "brow inner up"),
    QT_TRANSLATE_NOOP("Expressions", "brow outer up"),
    QT_TRANSLATE_NOOP("Expressions", "eye wide"),
    QT_TRANSLATE_NOOP("Expressions", "jaw open"),
    QT_TRANSLATE_NOOP("Expressions", "frown"),
    QT_TRANSLATE_NOOP("Expressions", "stretch"),
    QT_TRANSLATE_NOOP("Expressions", "upper up"),
    QT_TRANSLATE_NOOP("Expressions", "lower down"),
    QT_TRANSLATE_NOOP("Expressions", "sneer"),
    QT_TRANSLATE_NOOP("Expressions", "press"),
    QT_TRANSLATE_NOOP("Expressions", "pucker"),
)


def class_name(name: str) -> str:
    return QCoreApplication.translate("Expressions", name)


class FeatureBarsView(pg.PlotWidget):
    """Horizontal bars of the 16 blendshape groups (0..1), updated per frame."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names = list(BLEND_FEATURES)
        n = len(self.names)
        self._bars = pg.BarGraphItem(x0=np.zeros(n), y=np.arange(n), height=0.7,
                                     width=np.zeros(n), brush="#3d7bd9", pen=None)
        self.addItem(self._bars)
        self.setXRange(0, 1, padding=0.02)
        self.setYRange(-0.6, n - 0.4, padding=0)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().invertY(True)
        self.getAxis("left").setTicks([[
            (i, QCoreApplication.translate("Expressions", name.replace("_", " ")))
            for i, name in enumerate(self.names)]])
        self.setMinimumHeight(180)

    def set_values(self, values: np.ndarray | None) -> None:
        v = np.zeros(len(self.names)) if values is None else np.nan_to_num(
            np.asarray(values[:len(self.names)], float))
        self._bars.setOpts(width=np.clip(v, 0, 1))

    def values(self) -> np.ndarray:
        return np.asarray(self._bars.opts["width"], float)


class TimelineView(pg.PlotWidget):
    """Per-frame class probabilities over the last ``window`` frames, plus the capture's peak."""

    def __init__(self, window: int = 150, parent=None) -> None:
        super().__init__(parent)
        self.window = window
        self._x: deque[int] = deque(maxlen=window)
        self._y: deque[np.ndarray] = deque(maxlen=window)
        self.addLegend(offset=(5, 5), colCount=4, labelTextSize="8pt")
        self.curves = {c: self.plot([], [], pen=pg.mkPen(CLASS_COLOURS[c], width=2),
                                    name=class_name(c), antialias=False) for c in CLASSES}
        self.setYRange(0, 1.05, padding=0)
        self.setLabel("bottom", QCoreApplication.translate("Expressions", "frame"))
        self.setLabel("left", QCoreApplication.translate("Expressions", "probability"))
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(255, 193, 7, 60))
        self.region.hide()
        self.addItem(self.region)
        self.setMinimumHeight(160)

    def clear_data(self) -> None:
        self._x.clear()
        self._y.clear()
        self.region.hide()
        self._redraw()

    def append(self, frame_no: int, scores: np.ndarray, redraw: bool = True) -> None:
        self._x.append(frame_no)
        self._y.append(np.asarray(scores, float))
        if redraw:
            self._redraw()

    def redraw(self) -> None:
        self._redraw()

    def set_series(self, frame_numbers, scores: np.ndarray) -> None:
        self._x.clear()
        self._y.clear()
        for x, y in zip(frame_numbers, scores):
            self._x.append(int(x))
            self._y.append(np.asarray(y, float))
        self._redraw()

    def mark(self, start: float, end: float) -> None:
        self.region.setRegion((start - 0.5, end - 0.5))
        self.region.show()

    def series(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array(self._x), (np.array(self._y) if self._y else np.zeros((0, len(CLASSES))))

    def _redraw(self) -> None:
        x, y = self.series()
        for i, c in enumerate(CLASSES):
            if len(x):
                ys = y[:, i]
                ok = ys >= 0  # -1 / NaN = no face in that frame
                self.curves[c].setData(x[ok], ys[ok])
            else:
                self.curves[c].setData([], [])
