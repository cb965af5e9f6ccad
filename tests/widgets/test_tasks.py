import threading
import time

import pytest
from PySide6.QtCore import QTimer

from engine.errors import InputError
from widgets.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    assert r.shutdown(5000)


def slow(n, *, state, step=0.02):
    for i in range(n):
        state.check()
        time.sleep(step)
        state.set_progress((i + 1) / n, f"step {i + 1}")
    return n * 2


def test_result_and_progress_arrive_on_gui_thread(qtbot, runner):
    seen, threads = [], []
    gui = threading.get_ident()
    task = runner.submit(slow, 10, title="slow",
                         on_progress=lambda f, t: (seen.append(f), threads.append(threading.get_ident())))
    with qtbot.waitSignal(task.succeeded, timeout=5000) as blocker:
        pass
    assert blocker.args == [20]
    assert seen and seen[-1] == pytest.approx(1.0)
    assert seen == sorted(seen)
    assert set(threads) == {gui}


def test_event_loop_keeps_turning_during_slow_job(qtbot, runner):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    task = runner.submit(slow, 1, step=0.6, title="blocking sleep")
    with qtbot.waitSignal(task.ended, timeout=5000):
        pass
    timer.stop()
    # a frozen loop would give ~0 ticks in 0.6 s; a live one gives dozens
    assert len(ticks) >= 20
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert max(gaps) < 0.3


def test_cancel_stops_the_work(qtbot, runner):
    task = runner.submit(slow, 500, title="long")
    qtbot.waitUntil(lambda: task.fraction > 0, timeout=3000)
    with qtbot.waitSignal(task.cancelled, timeout=3000):
        task.cancel()
    assert task.outcome == "cancelled"
    assert task.fraction < 0.5
    assert runner.running() == []


def test_expected_error_is_readable(qtbot, runner):
    def bad(*, state):
        raise InputError("line 3: not JSON", place="chats.jsonl")

    task = runner.submit(bad, title="import")
    with qtbot.waitSignal(task.failed, timeout=3000) as blocker:
        pass
    assert blocker.args == ["chats.jsonl: line 3: not JSON"]


def test_unexpected_error_names_the_job(qtbot, runner):
    def broken(*, state):
        return {}["missing"]

    task = runner.submit(broken, title="Detect groups")
    with qtbot.waitSignal(task.failed, timeout=3000) as blocker:
        pass
    assert blocker.args[0].startswith("Detect groups failed unexpectedly: KeyError")


def test_new_task_for_same_owner_cancels_the_old_one(qtbot, runner):
    owner = object()
    first = runner.submit(slow, 500, title="first", owner=owner)
    second = runner.submit(slow, 2, title="second", owner=owner)
    with qtbot.waitSignals([first.cancelled, second.succeeded], timeout=5000):
        pass
    assert first.outcome == "cancelled" and second.outcome == "done"
