"""The Qt binding keeps Python's reference counts straight on the plot paint path.

PySide6 6.12.0 lost a reference to None/True on every pyqtgraph axis repaint; a long-lived pane
(a live timeline) then aborted the process with "none_dealloc". This fails on such a binding.
"""
import gc
import sys

import numpy as np
import pyqtgraph as pg


def _singleton_refs() -> tuple[int, int, int]:
    gc.collect()
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_repainting_a_plot_does_not_leak_singleton_references(qtbot):
    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    curve = plot.plot([0, 1, 2], [2, 0, 1])
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    rng = np.random.default_rng(0)
    plot.grab()
    before = _singleton_refs()
    for _ in range(60):
        curve.setData(np.arange(50), rng.random(50))
        plot.grab()
    after = _singleton_refs()
    lost = [b - a for a, b in zip(before, after)]
    # a correct binding keeps these counts level (or lets them grow with caches); a leak loses
    # several references per repaint, i.e. hundreds over this loop
    assert min(lost) > -20, f"references to None/True/False lost over 60 repaints: {lost}"
