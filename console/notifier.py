"""One place where errors and notices reach the user (hooks sys/threading excepthooks)."""
from __future__ import annotations

import logging
import sys
import threading
import traceback

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("operator_console")


class Notifier(QObject):
    """Emits ``notified(level, message)`` on the GUI thread, whichever thread reported."""

    notified = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.history: list[tuple[str, str]] = []
        self.notified.connect(lambda level, msg: self.history.append((level, msg)))
        self._old_hooks = None

    def notify(self, level: str, message: str) -> None:
        getattr(log, "error" if level == "error" else "info")(message)
        self.notified.emit(level, message)  # queued when called from a worker thread

    def install_excepthooks(self) -> None:
        self._old_hooks = (sys.excepthook, threading.excepthook)

        def on_exception(exc_type, exc, tb):
            log.error("".join(traceback.format_exception(exc_type, exc, tb)))
            self.notify("error", self.tr("Unexpected error: {0}: {1}").format(exc_type.__name__, exc))

        sys.excepthook = on_exception
        threading.excepthook = lambda args: on_exception(args.exc_type, args.exc_value,
                                                        args.exc_traceback)

    def uninstall_excepthooks(self) -> None:
        if self._old_hooks:
            sys.excepthook, threading.excepthook = self._old_hooks
            self._old_hooks = None
