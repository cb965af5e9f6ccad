"""Status-bar widget: running jobs with progress and a cancel button."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QProgressBar, QToolButton, QWidget

from widgets.tasks import Task, TaskRunner


class JobsIndicator(QWidget):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._label = QLabel()
        self._bar = QProgressBar()
        self._bar.setRange(0, 1000)
        self._bar.setFixedWidth(160)
        self._bar.setTextVisible(False)
        self._cancel = QToolButton()
        self._cancel.setText(self.tr("Cancel"))
        self._cancel.setToolTip(self.tr("Cancel the running job"))
        self._cancel.clicked.connect(self._cancel_current)
        self._more = QToolButton()
        self._more.setPopupMode(QToolButton.InstantPopup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self._label, self._bar, self._cancel, self._more):
            layout.addWidget(w)
        # bound methods, not lambdas: Qt drops these connections when this widget is deleted
        runner.task_started.connect(self._watch)
        runner.task_ended.connect(self._on_ended)
        self._update()

    def _watch(self, task: Task) -> None:
        task.progressed.connect(self._on_progress)
        self._update()

    def _on_progress(self, _fraction: float, _text: str) -> None:
        self._update()

    def _on_ended(self, _task: Task) -> None:
        self._update()

    def current(self) -> Task | None:
        running = self._runner.running()
        return running[-1] if running else None

    def _cancel_current(self) -> None:
        task = self.current()
        if task:
            task.cancel()

    def _update(self) -> None:
        running = self._runner.running()
        if not running:
            self.hide()
            return
        task = running[-1]
        text = task.title + (f" — {task.text}" if task.text else "")
        self._label.setText(text)
        self._bar.setValue(int(task.fraction * 1000))
        self._more.setVisible(len(running) > 1)
        if len(running) > 1:
            self._more.setText(self.tr("+{0} more").format(len(running) - 1))
            menu = QMenu(self._more)
            for other in running[:-1]:
                menu.addAction(self.tr("Cancel “{0}”").format(other.title), other.cancel)
            self._more.setMenu(menu)
        self.show()
