"""What a pane is given by the console: the open workspace, the task runner and the user."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from engine.store import Workspace
from widgets.tasks import TaskRunner


@dataclass
class PaneContext:
    workspace: Workspace
    tasks: TaskRunner
    user: str = "staff"  # who edits: stored with every change
    # notify(level, message): "info" | "warning" | "error"; shown by the console, never a dialog
    # opened from a worker thread.
    notify: Callable[[str, str], None] = field(default=lambda level, message: None)
    options: dict = field(default_factory=dict)  # console settings panes may read (model path…)
