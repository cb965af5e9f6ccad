import time

import numpy as np
import pytest
from PySide6.QtCore import Qt

from engine.fraud import store
from engine.fraud.params import Params
from engine.fraud.synth import generate
from widgets.context import PaneContext
from widgets.fraud.models import GroupTableModel
from widgets.fraud.pane import FraudPane
from widgets.fraud.views import GroupGraphView
from widgets.tasks import TaskRunner


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    assert r.shutdown(10000)


@pytest.fixture
def fraud_ws(workspace):
    s = generate(3000, 40_000, seed=51, fraud_share=0.06)
    log = store.import_log(workspace, s.events, name="week")
    store.detect_log(workspace, log["id"], Params(), user="t")
    return workspace


def wait_idle(qtbot, runner, timeout=20000):
    qtbot.waitUntil(runner.is_idle, timeout=timeout)


@pytest.fixture
def pane(qtbot, fraud_ws, runner):
    notes = []
    ctx = PaneContext(workspace=fraud_ws, tasks=runner, user="moderator",
                      notify=lambda level, msg: notes.append((level, msg)))
    p = FraudPane(ctx)
    p.notes = notes
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.refresh()
    wait_idle(qtbot, runner)
    yield p
    p.shutdown()


def sample_groups():
    return [{"group_id": i, "rank": i, "id": f"g-{i}", "score": s, "size": n, "devices": d,
             "ips": 1, "similarity": 0.3, "reasons": [f"r{i}"], "members": [], "status": st,
             "decided_by": "", "note": "", "decided_at": None, "match": None}
            for i, (s, n, d, st) in enumerate([(50.0, 9, 2, ""), (80.0, 5, 1, "confirmed"),
                                               (65.0, 40, 8, "dismissed")], start=1)]


def test_group_model_contract_and_numpy_sort(qtmodeltester):
    m = GroupTableModel()
    m.set_groups(sample_groups())
    qtmodeltester.check(m)
    m.sort(1, Qt.SortOrder.DescendingOrder)
    assert [m.group(r)["score"] for r in range(3)] == [80.0, 65.0, 50.0]
    m.sort(2, Qt.SortOrder.AscendingOrder)
    assert [m.group(r)["size"] for r in range(3)] == [5, 9, 40]
    m.update_group(3, status="confirmed")
    assert m.data(m.index(2, 6)) == "Confirmed"
    qtmodeltester.check(m)


def test_pane_shows_stored_run_and_group_details(qtbot, pane):
    assert pane.model.rowCount() > 0
    assert pane.log_combo.count() == 1
    scores = [pane.model.group(r)["score"] for r in range(pane.model.rowCount())]
    assert scores == sorted(scores, reverse=True)
    # the first group is selected and its graph/heatmap drawn
    g = pane.selected_group()
    assert g is not None
    n_nodes = len(pane.graph.scatter.data)
    assert n_nodes >= g["size"]
    assert pane.heatmap.image.image.shape[0] == g["size"]
    assert "lock-step" in pane.reasons.toPlainText()


def test_run_from_pane_with_changed_parameters(qtbot, pane, runner):
    before = pane.model.rowCount()
    pane.min_score.setValue(99.0)
    qtbot.mouseClick(pane.run_button, Qt.MouseButton.LeftButton)
    assert pane.cancel_button.isEnabled() and not pane.run_button.isEnabled()
    wait_idle(qtbot, runner)
    assert pane.model.rowCount() == 0 < before
    assert pane.run_button.isEnabled() and not pane.cancel_button.isEnabled()
    pane.reset_parameters()
    pane.run_detection()
    wait_idle(qtbot, runner)
    assert pane.model.rowCount() == before


def test_cancel_keeps_previous_results(qtbot, pane, runner, monkeypatch):
    before = pane.model.rowCount()
    real = store.detect_log

    def slow_detect(*a, state, **k):
        for _ in range(200):
            state.check()
            time.sleep(0.01)
        return real(*a, state=state, **k)

    monkeypatch.setattr(store, "detect_log", slow_detect)
    pane.run_detection()
    qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    assert "Cancelled" in pane.status.text()
    assert pane.model.rowCount() == before


def test_bad_parameters_show_inline(qtbot, pane):
    for box in pane.behaviour_boxes.values():
        box.setChecked(False)
    pane.run_detection()
    assert pane.message.isVisible() and "behaviour" in pane.message.text()


def test_decisions_and_note(qtbot, pane, runner):
    pane.table.selectRow(0)
    wait_idle(qtbot, runner)
    gid = pane.selected_group()["group_id"]
    qtbot.mouseClick(pane.confirm_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    row = pane.model.row_of(gid)
    assert pane.model.group(row)["status"] == "confirmed"
    assert pane.model.group(row)["decided_by"] == "moderator"
    pane.note_edit.setText("three phones")
    qtbot.mouseClick(pane.note_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, runner)
    run = store.load_run(pane.context.workspace, store.latest_run(pane.context.workspace))
    stored = next(g for g in run["groups"] if g["group_id"] == gid)
    assert stored["status"] == "confirmed" and stored["note"] == "three phones"
    assert "Confirmed by moderator" in pane.decision_label.text()


def test_export_csv(qtbot, pane, runner, tmp_path):
    path = tmp_path / "out.csv"
    task = pane.export_to(str(path))
    with qtbot.waitSignal(task.succeeded, timeout=10000):
        pass
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == pane.model.rowCount() + 1


def test_graph_of_2000_accounts_lays_out_and_draws(qtbot):
    # how fast this is drawn is a benchmark figure (python -m benchmarks.fraud --only graph)
    from engine.fraud.layout import force_layout

    rng = np.random.default_rng(0)
    n_acc, n_dev = 2000, 150
    u = rng.integers(0, n_acc, 12000)
    v = rng.integers(0, n_acc, 12000)
    md = np.stack([np.arange(n_acc), rng.integers(0, n_dev, n_acc)], 1)
    graph = {"labels": [f"u{i}" for i in range(n_acc)] + [f"d{i}" for i in range(n_dev)],
             "kind": np.r_[np.zeros(n_acc, int), np.ones(n_dev, int)],
             "u": np.r_[u, md[:, 0]], "v": np.r_[v, md[:, 1] + n_acc],
             "w": np.r_[rng.random(12000), np.full(n_acc, 0.5)],
             "edge_kind": np.r_[np.zeros(12000, int), np.ones(n_acc, int)]}
    pos = force_layout(len(graph["labels"]), graph["u"], graph["v"], graph["w"])
    assert pos.shape == (n_acc + n_dev, 2) and np.isfinite(pos).all()
    assert len(np.unique(np.round(pos, 6), axis=0)) == len(pos)  # no two nodes on one spot
    view = GroupGraphView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    view.set_graph(graph, pos)
    before = view.grab().toImage()
    vb = view.plot.getViewBox()
    (x0, x1), _ = vb.viewRange()
    vb.scaleBy((0.5, 0.5))
    (z0, z1), _ = vb.viewRange()
    assert z1 - z0 == pytest.approx((x1 - x0) * 0.5, rel=1e-3)
    assert view.grab().toImage() != before  # the zoomed view repaints
    assert len(view.scatter.data) == n_acc + n_dev
    # hovering reports the account name
    view._on_hover(view.scatter, [view.scatter.points()[7]], None)
    assert "u7" in view.info.text()


def test_import_from_pane_and_readable_error(qtbot, pane, runner, tmp_path):
    good = tmp_path / "week2.csv"
    rows = ["user_id,action,target_id,ts,device_id,ip"]
    rows += [f"a{i % 7},like,t{i % 3},{1790812800 + 13 * i},d{i % 7},ip{i % 7}" for i in range(200)]
    good.write_text("\n".join(rows) + "\n", encoding="utf-8")
    pane.import_file(str(good))
    wait_idle(qtbot, runner)
    assert pane.log_combo.count() == 2
    assert pane.log_combo.currentData() == store.list_logs(pane.context.workspace)[-1]["id"]
    assert "200" in pane.status.text()
    bad = tmp_path / "bad.csv"
    bad.write_text("user_id,action,target_id\nu,like,t\n", encoding="utf-8")
    pane.import_file(str(bad))
    wait_idle(qtbot, runner)
    assert pane.message.isVisible() and "ts" in pane.message.text() and "bad.csv" in pane.message.text()
    assert pane.log_combo.count() == 2
