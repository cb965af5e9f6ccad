import time

import pytest

import console.main_window as main_window_module
import console.panes as panes
from console.app import create_window
from console.settings import Settings


@pytest.fixture
def fake_panes(monkeypatch):
    specs = [panes.PaneSpec("fake", "tests.console.fake_pane", "FakePane", "Fake", "service"),
             panes.PaneSpec("other", "tests.console.fake_pane", "FakePane", "Other", "product"),
             panes.PaneSpec("absent", "widgets.no_such_pane", "X", "Absent", "product")]
    monkeypatch.setattr(panes, "KNOWN_PANES", specs)
    monkeypatch.setattr(main_window_module, "available_panes", panes.available_panes)


def test_only_existing_panes_are_listed_and_load_data(qtbot, demo_workspace, fake_panes):
    window = create_window(demo_workspace, Settings())
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window.pane_names() == ["fake", "other"]
    pane = window.show_pane("fake")
    qtbot.waitUntil(lambda: pane.count is not None, timeout=5000)
    assert pane.count == 2000
    window.close()
    assert pane.shut


def test_status_bar_shows_running_job_and_cancels_it(qtbot, demo_workspace):
    window = create_window(demo_workspace, Settings())
    qtbot.addWidget(window)
    window.show()

    def wait(*, state):
        for i in range(400):
            state.check()
            state.set_progress(i / 400, f"{i}")
            time.sleep(0.01)

    task = window.tasks.submit(wait, title="Long import")
    qtbot.waitUntil(lambda: window.jobs.isVisible(), timeout=3000)
    assert "Long import" in window.jobs._label.text()
    with qtbot.waitSignal(task.cancelled, timeout=3000):
        window.jobs._cancel.click()
    qtbot.waitUntil(lambda: not window.jobs.isVisible(), timeout=3000)
    window.close()


def test_errors_reach_the_status_bar(qtbot, demo_workspace):
    window = create_window(demo_workspace, Settings())
    qtbot.addWidget(window)

    def bad(*, state):
        raise ValueError("disk on fire")

    task = window.tasks.submit(bad, title="Export", on_error=lambda m: window.notifier.notify("error", m))
    with qtbot.waitSignal(task.failed, timeout=3000):
        pass
    qtbot.waitUntil(lambda: "disk on fire" in window.statusBar().currentMessage(), timeout=3000)
    assert window.notifier.history[-1][0] == "error"
    window.close()


def test_demo_is_built_in_background_from_the_menu(qtbot, workspace):
    from engine.store.info import is_empty

    window = create_window(workspace, Settings())
    qtbot.addWidget(window)
    window.show()
    task = window.build_demo(replace=True)
    with qtbot.waitSignal(task.ended, timeout=120000):
        pass
    assert task.outcome == "done", task.error
    with workspace.session() as s:
        assert not is_empty(s)
    window.close()
