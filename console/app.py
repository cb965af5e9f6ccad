"""Creating the QApplication and the main window (GUI launch and offscreen rendering)."""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from console.i18n import install_translators
from console.main_window import MainWindow
from console.notifier import Notifier
from console.settings import Settings, load_settings
from console.theme import apply_theme
from engine.store import Workspace, open_workspace, resolve_db_url
from engine.store.db import default_db_url
from widgets.tasks import TaskRunner

_T0 = time.perf_counter()


def get_app(offscreen: bool = False) -> QApplication:
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("Operator Console")
        app.setOrganizationName("operator-console")
    return app


def resolve_url(cli_db: str | None, settings: Settings) -> str:
    """``--db`` > ``OPERATOR_CONSOLE_DB`` > the workspace last opened > the default SQLite file."""
    return resolve_db_url(cli_db) if (cli_db or os.environ.get("OPERATOR_CONSOLE_DB")) else (
        settings.db_url or default_db_url())


def create_window(workspace: Workspace, settings: Settings | None = None) -> MainWindow:
    app = get_app()
    settings = settings or load_settings()
    install_translators(app, settings.language)
    apply_theme(app, settings.theme)
    notifier = Notifier(app)
    window = MainWindow(settings, workspace, TaskRunner(), notifier,
                        apply_theme=lambda theme: apply_theme(app, theme))
    window.tasks.setParent(window)  # the runner lives and dies with its window
    return window


def wait_until_idle(window: MainWindow, timeout_s: float = 60.0) -> bool:
    """Run the event loop until the window's background tasks are done (for offscreen grabs)."""
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s
    settled = {"idle_ticks": 0}

    def poll() -> None:
        settled["idle_ticks"] = settled["idle_ticks"] + 1 if window.tasks.is_idle() else 0
        if settled["idle_ticks"] >= 5 or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    loop.exec()
    timer.stop()
    return window.tasks.is_idle()


def run_gui(cli_db: str | None = None, startup_probe: bool = False) -> int:
    app = get_app()
    settings = load_settings()
    url = resolve_url(cli_db, settings)
    workspace = open_workspace(url)
    window = create_window(workspace, settings)
    window.notifier.install_excepthooks()
    first_launch_demo = url == default_db_url()
    if startup_probe:
        window.first_painted.connect(lambda: (print(
            f"first paint after {time.perf_counter() - _T0:.3f} s", flush=True), app.quit()))
    # Panes are built after the first paint, so the window appears at once whatever they load.
    window.first_painted.connect(window.start)
    window.show()
    if first_launch_demo and not startup_probe:
        from engine.store.info import is_empty

        with workspace.session() as s:
            if is_empty(s):
                QTimer.singleShot(0, lambda: window.build_demo(replace=True))
    code = app.exec()
    window.notifier.uninstall_excepthooks()
    return code
