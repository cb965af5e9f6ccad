"""The small progress/cancel protocol every long engine function accepts.

Engine functions take ``state: TaskState`` (default :data:`NO_STATE`) and call
``state.set_progress(fraction, text)`` now and then and ``state.check()`` between steps; ``check``
raises :class:`engine.errors.Cancelled` once cancellation was requested.  The Qt task runner and the
CLI's terminal progress both implement it, so the same function runs in either.
"""
from __future__ import annotations

import sys
import threading
import time
from typing import Protocol

from engine.errors import Cancelled


class TaskState(Protocol):
    def set_progress(self, fraction: float, text: str = "") -> None: ...
    def cancel_requested(self) -> bool: ...
    def check(self) -> None: ...


class BasicState:
    """A thread-safe state: records progress and can be cancelled from another thread."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.fraction = 0.0
        self.text = ""

    def set_progress(self, fraction: float, text: str = "") -> None:
        self.fraction = min(max(float(fraction), 0.0), 1.0)
        if text:
            self.text = text

    def cancel(self) -> None:
        self._cancel.set()

    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class NullState(BasicState):
    """Ignores progress; never cancelled unless asked."""


NO_STATE = NullState()


class TerminalState(BasicState):
    """Draws a one-line progress bar on stderr when it is a terminal (used by the CLI)."""

    def __init__(self, stream=None, min_interval: float = 0.1) -> None:
        super().__init__()
        self._stream = stream or sys.stderr
        self._tty = hasattr(self._stream, "isatty") and self._stream.isatty()
        self._last = 0.0
        self._min_interval = min_interval
        self._last_text = ""

    def set_progress(self, fraction: float, text: str = "") -> None:
        super().set_progress(fraction, text)
        now = time.monotonic()
        if self._tty:
            if now - self._last < self._min_interval and fraction < 1.0:
                return
            self._last = now
            width = 30
            filled = int(width * self.fraction)
            bar = "#" * filled + "-" * (width - filled)
            self._stream.write(f"\r[{bar}] {self.fraction * 100:5.1f}% {self.text[:60]:<60}")
            if self.fraction >= 1.0:
                self._stream.write("\n")
            self._stream.flush()
        elif text and text != self._last_text:
            self._last_text = text
            self._stream.write(f"{self.fraction * 100:5.1f}% {text}\n")
            self._stream.flush()


class SubState:
    """Maps a sub-step's 0..1 progress onto [start, end] of a parent state."""

    def __init__(self, parent: TaskState, start: float, end: float) -> None:
        self._parent, self._start, self._end = parent, start, end

    def set_progress(self, fraction: float, text: str = "") -> None:
        self._parent.set_progress(self._start + (self._end - self._start) * fraction, text)

    def cancel_requested(self) -> bool:
        return self._parent.cancel_requested()

    def check(self) -> None:
        self._parent.check()
