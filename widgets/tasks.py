"""Background task runner: engine callables on a thread pool, results back on the GUI thread.

Modelled on Orange's ConcurrentMixin and superqt's workers: a :class:`Task` handle lives on the GUI
thread; the callable runs in a QRunnable with its own :class:`TaskStateBridge` (the engine's
progress/cancel protocol) and reports through queued signals only.  Starting a task for an
``owner`` that already runs one cancels the older task, so a pane never shows stale results.
"""
from __future__ import annotations

import logging
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from engine.errors import Cancelled, OperatorError
from engine.progress import BasicState

log = logging.getLogger(__name__)


class _TaskSignals(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str, str)  # readable message, traceback text ("" for expected errors)
    cancelled = Signal()


class TaskStateBridge(BasicState):
    """The engine's TaskState, forwarding progress to the GUI at most every ``interval`` s."""

    def __init__(self, signals: _TaskSignals, interval: float = 0.05) -> None:
        super().__init__()
        self._signals = signals
        self._interval = interval
        self._last = 0.0

    def set_progress(self, fraction: float, text: str = "") -> None:
        super().set_progress(fraction, text)
        now = time.monotonic()
        if now - self._last >= self._interval or self.fraction >= 1.0:
            self._last = now
            try:
                self._signals.progressed.emit(self.fraction, self.text)
            except RuntimeError:  # handle deleted (window closed): stop the work
                self.cancel()


def describe_error(exc: BaseException, title: str) -> tuple[str, str]:
    """A message for people and, for unexpected errors, the traceback for the log."""
    if isinstance(exc, OperatorError):
        return str(exc), ""
    tb = "".join(traceback.format_exception(exc))
    return f"{title} failed unexpectedly: {type(exc).__name__}: {exc}", tb


class _Runnable(QRunnable):
    def __init__(self, fn: Callable, args: tuple, kwargs: dict, state: TaskStateBridge,
                 signals: _TaskSignals, title: str) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._state, self._signals, self._title = state, signals, title

    def _emit(self, signal_name: str, *args) -> None:
        try:
            getattr(self._signals, signal_name).emit(*args)
        except RuntimeError:
            # The handle was destroyed meanwhile (its window closed): nobody waits for the outcome.
            log.debug("task %r ended after its handle was deleted", self._title)

    def run(self) -> None:
        try:
            self._state.check()
            result = self._fn(*self._args, state=self._state, **self._kwargs)
        except Cancelled:
            self._emit("cancelled")
        except BaseException as exc:  # noqa: BLE001 - every error must reach the GUI readable
            if self._state.cancel_requested():
                self._emit("cancelled")
                return
            message, tb = describe_error(exc, self._title)
            if tb:
                log.error("%s\n%s", message, tb)
            self._emit("failed", message, tb)
        else:
            if self._state.cancel_requested():
                self._emit("cancelled")
            else:
                self._emit("succeeded", result)


class Task(QObject):
    """GUI-thread handle of one background task."""

    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    ended = Signal()  # after any of the three outcomes

    def __init__(self, title: str, owner: object | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.owner = owner
        self.fraction = 0.0
        self.text = ""
        self.running = True
        self.outcome = ""  # "done" | "failed" | "cancelled"
        self.error = ""
        self.result: Any = None
        self._signals = _TaskSignals()
        self.state = TaskStateBridge(self._signals)
        self._signals.progressed.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_success)
        self._signals.failed.connect(self._on_failure)
        self._signals.cancelled.connect(self._on_cancel)

    def cancel(self) -> None:
        self.state.cancel()

    def _on_progress(self, fraction: float, text: str) -> None:
        if self.running:
            self.fraction, self.text = fraction, text
            self.progressed.emit(fraction, text)

    def _finish(self, outcome: str) -> None:
        self.running = False
        self.outcome = outcome
        self.ended.emit()

    def _on_success(self, result: object) -> None:
        self.result = result
        self.fraction = 1.0
        self.succeeded.emit(result)
        self._finish("done")

    def _on_failure(self, message: str, _tb: str) -> None:
        self.error = message
        self.failed.emit(message)
        self._finish("failed")

    def _on_cancel(self) -> None:
        self.cancelled.emit()
        self._finish("cancelled")


class TaskRunner(QObject):
    """Runs engine callables off the GUI thread; the status bar lists its running tasks."""

    task_started = Signal(object)
    task_ended = Signal(object)

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._tasks: list[Task] = []

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        title: str,
        owner: object | None = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[float, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, state=..., **kwargs)`` in the pool; callbacks run on the GUI thread."""
        if owner is not None:
            for old in self._tasks:
                if old.owner is owner and old.running:
                    old.cancel()
        task = Task(title, owner, self)
        if on_progress:
            task.progressed.connect(on_progress)
        if on_done:
            task.succeeded.connect(on_done)
        if on_error:
            task.failed.connect(on_error)
        if on_cancel:
            task.cancelled.connect(on_cancel)
        task.ended.connect(lambda t=task: self._ended(t))
        self._tasks.append(task)
        self.task_started.emit(task)
        self._pool.start(_Runnable(fn, args, kwargs, task.state, task._signals, title))
        return task

    def _ended(self, task: Task) -> None:
        if task in self._tasks:
            self._tasks.remove(task)
        self.task_ended.emit(task)
        task.deleteLater()

    def running(self) -> list[Task]:
        return [t for t in self._tasks if t.running]

    def is_idle(self) -> bool:
        return not self._tasks and self._pool.activeThreadCount() == 0

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> bool:
        """Cancel everything and wait for the workers (call before tearing widgets down)."""
        self.cancel_all()
        return self._pool.waitForDone(timeout_ms)
