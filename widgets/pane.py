"""Base class of the console's panes."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from widgets.context import PaneContext


class Pane(QWidget):
    """A pane shown in the console's main area.

    Subclasses build their view in ``__init__`` and load data in :meth:`refresh` through
    ``self.context.tasks`` (never on the GUI thread if it can take more than ~50 ms).
    """

    def __init__(self, context: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def refresh(self) -> None:
        """Reload from the workspace (called when shown for the first time and on demand)."""

    def shutdown(self) -> None:
        """Stop timers, cameras and tasks this pane owns (called before the pane is destroyed)."""


class InlineMessage(QLabel):
    """An inline, dismissable-looking message: what went wrong and what to do (no dialogs)."""

    STYLES = {
        "info": "background:#e8f1fb;color:#0b3d6b;border:1px solid #9cc3ea;",
        "warning": "background:#fff6e0;color:#6b4a00;border:1px solid #f0c36d;",
        "error": "background:#fdecea;color:#7a1b12;border:1px solid #f1998e;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, level: str, text: str) -> None:
        self.setStyleSheet(self.STYLES.get(level, self.STYLES["info"]) + "padding:6px;border-radius:4px;")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def vbox(*widgets: QWidget, margins: int = 0) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(margins, margins, margins, margins)
    for w in widgets:
        layout.addWidget(w)
    return layout
