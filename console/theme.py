"""Light and dark themes (Fusion style + palette), applied to Qt and pyqtgraph alike."""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

DARK = {
    QPalette.Window: "#2b2d30", QPalette.WindowText: "#e6e6e6", QPalette.Base: "#1f2023",
    QPalette.AlternateBase: "#2a2c2f", QPalette.ToolTipBase: "#3a3d41",
    QPalette.ToolTipText: "#f0f0f0", QPalette.Text: "#e6e6e6", QPalette.Button: "#35383c",
    QPalette.ButtonText: "#e6e6e6", QPalette.BrightText: "#ff6b6b", QPalette.Highlight: "#3d7bd9",
    QPalette.HighlightedText: "#ffffff", QPalette.Link: "#6aa7ff",
    QPalette.PlaceholderText: "#8b8f94",
}


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    if theme == "dark":
        palette = QPalette()
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.Disabled, QPalette.Text, QColor("#777a7e"))
        palette.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#777a7e"))
    else:
        palette = app.style().standardPalette()
    app.setPalette(palette)
    import sys

    if "pyqtgraph" in sys.modules:  # else the first pane applies it (keeps pyqtgraph off start-up)
        apply_plot_theme(app)


def apply_plot_theme(app: QApplication) -> None:
    """pyqtgraph's colours from the application palette (call before building plots)."""
    import pyqtgraph as pg

    palette = app.palette()
    pg.setConfigOptions(background=palette.color(QPalette.Base).name(),
                        foreground=palette.color(QPalette.WindowText).name(), antialias=True)
