"""``operator-console nudges …`` end to end."""
import json

import pytest

from console.cli import EXIT_USAGE, main
from engine.resources import resource

CSV = """user_id,process_id,node_id,event,ts,attrs
u1,loan,register,enter,2026-10-01T08:00:00+08:00,"{""name"": ""王芳"", ""lang"": ""zh"", ""amount"": 5000}"
u2,loan,verify,enter,1759276800,"{""name"": ""Amy"", ""lang"": ""en""}"
u2,loan,verify,operate,2026-10-01T00:30:00.25Z,
u3,loan,verify,enter,2026-10-01T00:00:00Z,
u3,loan,submit,complete,2026-10-01T00:10:00Z,
u4,loan,promo,enter,2026-10-01T00:00:00Z,
"""


@pytest.fixture
def files(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text(CSV.replace("1759276800", "1790812800"), encoding="utf-8")
    return events, resource("nudges", "loan.toml")


def test_evaluate_writes_the_exact_json_shape(files, tmp_path, capsys):
    events, rules = files
    out = tmp_path / "nudges.json"
    code = main(["nudges", "evaluate", str(events), "--rules", str(rules),
                 "--at", "2026-10-01T02:30:00Z", "--out", str(out)])
    assert code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert list(doc) == ["nudges"]
    rows = {r["user_id"]: r for r in doc["nudges"]}
    assert set(rows) == {"u1", "u2"}  # u3 completed, u4 on an unknown node
    for r in rows.values():
        assert list(r) == ["user_id", "process_id", "node_id", "dwell_seconds", "message"]
    assert rows["u1"]["dwell_seconds"] == 9000 and rows["u1"]["node_id"] == "register"
    assert rows["u1"]["message"].startswith("王芳，注册只差最后一步") and "5000" in rows["u1"]["message"]
    assert rows["u2"]["dwell_seconds"] == 9000  # stay: from the enter, not the operate
    assert rows["u2"]["message"].startswith("Hi Amy, your verification still needs one step")
    assert "2 nudges due" in capsys.readouterr().err


def test_evaluate_at_quiet_hours_gives_no_nudges(files, tmp_path):
    events, rules = files
    out = tmp_path / "n.json"
    # 23:00 at +08:00 is inside 22:00–08:00
    assert main(["nudges", "evaluate", str(events), "--rules", str(rules),
                 "--at", "2026-10-01T23:00:00+08:00", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["nudges"] == []


def test_backtest_prints_a_per_node_table(files, capsys):
    events, rules = files
    assert main(["nudges", "backtest", str(events), "--rules", str(rules), "--window", "6h",
                 "--set", "loan.verify=10m"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["process", "node", "basis", "threshold"]
    verify = next(line for line in lines if " verify " in line)
    # u2 stays on verify 30 min; u3 completes exactly at 10 min, and an event at T counts first
    assert "10m" in verify and verify.split()[4:6] == ["2", "1"]


def test_import_rules_and_events_then_evaluate_from_the_workspace(files, tmp_path, capsys):
    events, rules = files
    db = f"sqlite:///{tmp_path / 'w.sqlite'}"
    assert main(["--db", db, "nudges", "import-rules", str(rules)]) == 0
    assert main(["--db", db, "nudges", "import-events", str(events)]) == 0
    out = tmp_path / "n.json"
    log = tmp_path / "sent.jsonl"
    assert main(["--db", db, "nudges", "evaluate", "workspace", "--rules", "workspace",
                 "--at", "2026-10-01T02:30:00Z", "--out", str(out),
                 "--deliver", f"log:{log}"]) == 0
    assert len(json.loads(out.read_text())["nudges"]) == 2
    assert len(log.read_text(encoding="utf-8").splitlines()) == 2
    # evaluating again: already nudged for these visits, nothing new
    assert main(["--db", db, "nudges", "evaluate", "workspace", "--rules", "workspace",
                 "--at", "2026-10-01T02:40:00Z", "--out", str(out),
                 "--deliver", f"log:{log}"]) == 0
    assert json.loads(out.read_text())["nudges"] == []
    assert main(["--db", db, "nudges", "export-rules", str(tmp_path / "back.yaml")]) == 0
    assert "bind_card" in (tmp_path / "back.yaml").read_text(encoding="utf-8")


def test_bad_inputs_exit_with_usage_errors_naming_the_place(files, tmp_path, capsys):
    events, rules = files
    bad = tmp_path / "bad.toml"
    bad.write_text('[[process]]\nid = "p"\n[[process.nodes]]\nid = "a"\nthreshold = "soon"\n')
    assert main(["nudges", "evaluate", str(events), "--rules", str(bad), "--at", "0"]) == EXIT_USAGE
    assert "process 'p' > node 'a' > threshold" in capsys.readouterr().err
    assert main(["nudges", "evaluate", str(events), "--rules", str(rules),
                 "--at", "tomorrow"]) == EXIT_USAGE
    assert "--at" in capsys.readouterr().err
    assert main(["nudges", "backtest", str(events), "--rules", str(rules),
                 "--set", "loan.nope=1h"]) == EXIT_USAGE
