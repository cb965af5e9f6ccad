import csv

import numpy as np
import pytest
from sqlalchemy import func, select

from engine.errors import ConflictError, InputError, NotFoundError
from engine.fraud import store
from engine.fraud.params import Params
from engine.fraud.pipeline import detect
from engine.fraud.synth import generate
from engine.store.models.fraud import FraudEvent, FraudLog


@pytest.fixture(scope="module")
def synth():
    return generate(4000, 50_000, seed=31, fraud_share=0.05)


def test_import_and_load_round_trip(any_db_url, synth):
    from engine.store import open_workspace

    ws = open_workspace(any_db_url)
    try:
        log = store.import_log(ws, synth.events, name="week", source="gen", user="alice")
        back = store.load_log(ws, log["id"])
        ev = synth.events
        assert len(back) == len(ev)
        assert list(back.users[back.user][:50]) == list(ev.users[ev.user][:50])
        assert np.array_equal(back.ts, ev.ts)
        dev_in = np.where(ev.device >= 0, ev.devices[np.maximum(ev.device, 0)], None)
        dev_out = np.where(back.device >= 0, back.devices[np.maximum(back.device, 0)], None)
        assert list(dev_in) == list(dev_out)
        with pytest.raises(InputError, match="exists already"):
            store.import_log(ws, synth.events, name="week")
    finally:
        ws.dispose()


def test_failed_import_leaves_nothing(workspace, synth, monkeypatch):
    real = workspace.session

    def broken_insert(s, log_id, events, state, chunk=50_000):
        s.connection().exec_driver_sql("SELECT 1")
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "insert_events", broken_insert)
    with pytest.raises(RuntimeError):
        store.import_log(workspace, synth.events, name="broken")
    with real() as s:
        assert s.scalar(select(func.count()).select_from(FraudLog)) == 0
        assert s.scalar(select(func.count()).select_from(FraudEvent)) == 0


def test_decisions_survive_reruns(workspace, synth):
    log = store.import_log(workspace, synth.events, name="week")
    run = store.detect_log(workspace, log["id"], Params(), user="bob")
    assert run["groups"], "the generator plants groups"
    first, second = run["groups"][0], run["groups"][1]
    store.decide(workspace, first["group_id"], status="confirmed", note="farm", user="bob")
    store.decide(workspace, second["group_id"], status="dismissed", user="carol")
    # re-run with a stricter threshold: groups change a little, decisions follow them
    rerun = store.detect_log(workspace, log["id"], Params(similarity=0.12), user="bob")
    by_key = {g["id"]: g for g in rerun["groups"]}
    def best_match(members):
        m = set(members)
        return max(rerun["groups"], key=lambda g: len(m & set(g["members"])) / len(m | set(g["members"])))
    g1 = best_match(first["members"])
    assert g1["status"] == "confirmed" and g1["note"] == "farm" and g1["decided_by"] == "bob"
    assert g1["match"] >= store.MATCH_JACCARD
    g2 = best_match(second["members"])
    assert g2["status"] == "dismissed"
    undecided = [g for g in rerun["groups"] if g not in (g1, g2)]
    assert all(g["status"] == "" for g in undecided)
    assert len(by_key) == len(rerun["groups"])


def test_decide_validates_and_detects_conflicts(workspace, synth):
    log = store.import_log(workspace, synth.events, name="w")
    run = store.detect_log(workspace, log["id"], Params())
    gid = run["groups"][0]["group_id"]
    with pytest.raises(InputError, match="unknown status"):
        store.decide(workspace, gid, status="banned", user="x")
    with pytest.raises(NotFoundError):
        store.decide(workspace, 999_999, status="confirmed", user="x")
    d = store.decide(workspace, gid, status="needs_review", user="x")
    store.decide(workspace, gid, note="checked", user="y", expected_version=d["version"])
    with pytest.raises(ConflictError):
        store.decide(workspace, gid, status="confirmed", user="x", expected_version=d["version"])
    again = store.load_run(workspace, run["run_id"])["groups"][0]
    assert again["status"] == "needs_review" and again["note"] == "checked"


def test_export_csv(tmp_path, synth):
    result = detect(synth.events, Params())
    groups = [dict(g, rank=i + 1, status="", note="", decided_by="", decided_at=None)
              for i, g in enumerate(result["groups"])]
    path = tmp_path / "groups.csv"
    assert store.write_csv(groups, path) == len(groups)
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == len(groups)
    assert rows[0]["members"].split() == groups[0]["members"]
    with pytest.raises(InputError):
        store.write_csv(groups, tmp_path / "missing" / "x.csv")


def test_group_view_layout(workspace, synth):
    log = store.import_log(workspace, synth.events, name="w")
    run = store.detect_log(workspace, log["id"], Params())
    view = store.group_view(workspace, run["groups"][0]["group_id"])
    g = view["group"]
    n = len(view["graph"]["labels"])
    assert view["pos"].shape == (n, 2) and np.isfinite(view["pos"]).all()
    assert n == g["size"] + len(g["evidence"]["devices"]) + len(g["evidence"]["ips"])


def test_demo_part_is_reproducible_and_consistent(workspace):
    from engine.fraud import demo

    with workspace.session() as s:
        counts = demo.populate(s, seed=3, scale="small")
    assert counts["fraud_events"] > 40_000 and counts["fraud_groups"] >= 2
    run = store.load_run(workspace, store.latest_run(workspace))
    assert "seconds" not in run["stats"]  # no wall-clock values in demo rows
    statuses = sorted(g["status"] for g in run["groups"] if g["status"])
    assert statuses == ["confirmed", "needs_review"]
    assert len(store.load_log(workspace, run["log_id"])) == counts["fraud_events"]
