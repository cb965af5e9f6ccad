import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.nudges.demo import populate
from engine.nudges.overview import NodeStats
from engine.store import open_workspace
from widgets.context import PaneContext
from widgets.nudges.models import BacktestModel, OutboxModel, RulesTableModel
from widgets.nudges.pane import NudgesPane
from widgets.tasks import TaskRunner


@pytest.fixture(scope="module")
def nudges_template(tmp_path_factory):
    """The nudges demo part built once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("nudges") / "template.sqlite"
    ws = open_workspace(f"sqlite:///{path}")
    with ws.session() as s:
        populate(s, seed=3, scale="small")
    with ws.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.dispose()
    return path


@pytest.fixture
def nudges_ws(tmp_path, nudges_template):
    import shutil

    shutil.copy(nudges_template, tmp_path / "n.sqlite")
    ws = open_workspace(f"sqlite:///{tmp_path / 'n.sqlite'}")
    yield ws
    ws.dispose()


@pytest.fixture
def pane(qtbot, nudges_ws):
    runner = TaskRunner()
    p = NudgesPane(PaneContext(workspace=nudges_ws, tasks=runner))
    qtbot.addWidget(p)
    p.resize(1300, 850)
    p.show()
    p.refresh()
    qtbot.waitUntil(lambda: runner.is_idle() and p.overview is not None, timeout=30_000)
    yield p
    p.shutdown()
    runner.shutdown()


def wait_idle(qtbot, pane):
    qtbot.waitUntil(pane.context.tasks.is_idle, timeout=30_000)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, pane):
    qtmodeltester.check(pane.rules_model)
    qtmodeltester.check(pane.outbox_model)
    pane._run_backtest()
    wait_idle(qtbot, pane)
    assert pane.backtest_model.rowCount() == 5
    qtmodeltester.check(pane.backtest_model)
    qtmodeltester.check(OutboxModel())


def test_rules_model_refuses_invalid_edits_and_names_the_place(qtbot, pane):
    model: RulesTableModel = pane.rules_model
    idx = model.index(1, 2)
    with qtbot.waitSignal(model.validation_failed) as blocker:
        assert not model.setData(idx, "soonish")
    assert blocker.args[0] == "process 'loan' > node 'verify' > threshold"
    assert not model.setData(model.index(1, 3), "forever")
    assert not model.setData(model.index(0, 6), "3 per day")
    assert model.setData(idx, "45m") and model.node(1)[1].threshold == 2700
    assert model.setData(model.index(0, 6), "1 / 12h") and model.node(0)[0].cap.per_seconds == 43200
    assert pane.save_btn.isEnabled()


def test_funnel_and_counts_follow_the_engine(pane):
    ov = pane.overview
    assert pane.funnel.counts[:5] == [ov.nodes[("loan", n)].reached for n in
                                      ("register", "verify", "bind_card", "authorise", "submit")]
    assert pane.funnel.counts[0] >= pane.funnel.counts[1] > 0
    assert pane.funnel.counts[-1] == ov.completed["loan"]


def test_dragging_the_threshold_updates_counts_and_release_sets_the_rule(qtbot, pane):
    pane.node_combo.setCurrentIndex(1)  # verify
    stats = pane.overview.nodes[("loan", "verify")]
    pane.dwell.line.setValue(np.log10(3 * 3600))  # what a drag does
    expected = int((stats.dwell_sorted >= 3 * 3600 - 1e-6).sum())
    assert f"<b>{expected:,}</b> of" in pane.counts.text()
    pane.dwell.line.sigPositionChangeFinished.emit(pane.dwell.line)
    assert abs(pane.rules_model.node(1)[1].threshold - 3 * 3600) <= 1
    assert pane.save_btn.isEnabled()
    pane._save_rules()
    wait_idle(qtbot, pane)
    from engine.nudges.store import load_processes

    assert abs(load_processes(pane.context.workspace)[0].nodes[1].threshold - 10800) <= 1


def test_threshold_drag_updates_counts_on_a_million_users(pane):
    # how fast a drag step is, is a benchmark figure (python -m benchmarks.nudges: "drag")
    rng = np.random.default_rng(0)
    big = NodeStats("loan", "verify", 1_000_000, 1_000_000,
                    np.sort(rng.lognormal(8, 2, 1_000_000)), np.sort(rng.lognormal(7, 2, 3_000_000)))
    pane.overview.nodes[("loan", "verify")] = big
    pane.node_combo.setCurrentIndex(1)
    seen = set()
    for thr in np.geomspace(60, 86400 * 7, 25):
        pane.dwell.line.setValue(np.log10(thr))
        due = big.due_now(thr)
        assert f"<b>{due:,}</b> of 1,000,000" in pane.counts.text()
        seen.add(due)
    assert len(seen) > 20  # the count follows the line, it is not stuck on one value


def test_template_editor_previews_and_shows_errors_inline(pane):
    pane.tabs.setCurrentIndex(1)
    pane.node_combo.setCurrentIndex(0)
    assert pane.tpl_user.count() > 1
    pane.tpl_user.setCurrentIndex(0)
    attrs = pane.tpl_user.currentData()
    pane.tpl_edit.setPlainText("Hello {{ name }} / {{ amount }}")
    fallback = "您好" if pane.tpl_lang.currentText() == "zh" else "there"
    assert pane.tpl_preview.text() == f"Hello {attrs.get('name', fallback)} / {attrs['amount']}"
    assert pane.tpl_error.isHidden()
    pane.tpl_edit.setPlainText("Hello {{ name ")
    assert not pane.tpl_error.isHidden() and "not be sent" in pane.tpl_error.text()
    assert not pane.tpl_apply.isEnabled()
    pane.tpl_edit.setPlainText("Hi {{ name }}!")
    pane.tpl_apply.click()
    lang = pane.tpl_lang.currentText()
    assert pane.rules_model.node(0)[1].templates[lang] == "Hi {{ name }}!"


def test_queue_due_nudges_then_backtest(qtbot, pane):
    before = pane.outbox_model.rowCount()
    pane._queue_due()
    wait_idle(qtbot, pane)
    assert pane.outbox_model.rowCount() > before
    assert not pane.message.isHidden() and "queued" in pane.message.text()
    pane._queue_due()  # again: nothing new
    wait_idle(qtbot, pane)
    assert pane.message.text().startswith("0 new")
    pane._run_backtest()
    wait_idle(qtbot, pane)
    rows = [pane.backtest_model.row(i) for i in range(pane.backtest_model.rowCount())]
    assert [r["node_id"] for r in rows] == ["register", "verify", "bind_card", "authorise",
                                             "submit"]
    assert rows[0]["nudged"] > 0 and rows[0]["comparable"] > 0
    assert pane.backtest_model.data(pane.backtest_model.index(0, 9), Qt.DisplayRole).endswith("pt")
    assert sum(pane.bt_days.series["register"]) == rows[0]["nudges"]


def test_bad_sender_is_an_inline_error(qtbot, pane):
    pane.ob_sender.setText("ftp://nowhere")
    pane._deliver()
    wait_idle(qtbot, pane)
    assert "http" in pane.message.text() and not pane.message.isHidden()


def test_empty_workspace_says_what_to_do(qtbot, workspace):
    runner = TaskRunner()
    p = NudgesPane(PaneContext(workspace=workspace, tasks=runner))
    qtbot.addWidget(p)
    p.refresh()
    qtbot.waitUntil(lambda: runner.is_idle() and p.overview is not None, timeout=30_000)
    assert not p.message.isHidden() and "import-events" in p.message.text()
    assert p.rules_model.rowCount() == 0 and p.funnel.counts == []
    p.shutdown()
    runner.shutdown()


def test_retry_failed_puts_failed_rows_back_to_pending(qtbot, pane):
    from engine.nudges.store import outbox_counts

    before = outbox_counts(pane.context.workspace)
    assert before.get("failed", 0) > 0
    pane.ob_retry.click()
    wait_idle(qtbot, pane)
    after = outbox_counts(pane.context.workspace)
    assert after.get("failed", 0) == 0
    assert after["pending"] == before.get("pending", 0) + before["failed"]
    assert "failed 0" in pane.ob_counts.text()
