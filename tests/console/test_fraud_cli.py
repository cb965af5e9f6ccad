import json

import pytest

from console.cli import main
from engine.fraud.synth import generate


@pytest.fixture(scope="module")
def log_file(tmp_path_factory):
    import pyarrow.csv as pacsv

    s = generate(3000, 40_000, seed=41, fraud_share=0.05)
    path = tmp_path_factory.mktemp("fraud") / "log.csv"
    pacsv.write_csv(s.events.to_arrow(), path)
    return path


def test_detect_writes_the_documented_json(log_file, tmp_path, capsys):
    out = tmp_path / "groups.json"
    assert main(["fraud", "detect", str(log_file), "--out", str(out), "--similarity", "0.12"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == {"groups", "params", "stats"}
    assert data["groups"], "planted groups are found"
    assert set(data["groups"][0]) == {"id", "members", "devices", "ips", "score", "reasons"}
    scores = [g["score"] for g in data["groups"]]
    assert scores == sorted(scores, reverse=True)
    assert data["params"]["similarity"] == 0.12
    assert data["stats"]["events"] > 30_000
    assert "groups" in capsys.readouterr().err


def test_bad_file_is_a_readable_usage_error(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("user_id,action,target_id,ts\nu1,like,t1,1\nu2,like,t1,soon\n")
    assert main(["fraud", "detect", str(bad), "--out", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert "line 3" in err and "column ts" in err and "bad.csv" in err
    assert main(["fraud", "detect", str(tmp_path / "none.csv"), "--out", "x.json"]) == 2
    assert main(["fraud", "detect", str(bad), "--out", "x.json", "--similarity", "2"]) == 2


def test_import_detect_from_workspace_and_decide(log_file, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    assert main(["--db", db, "fraud", "import", str(log_file), "--name", "week"]) == 0
    assert "imported" in capsys.readouterr().out
    out = tmp_path / "g.json"
    assert main(["--db", db, "fraud", "detect", "ws:week", "--out", str(out), "--save"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["stats"]["saved_run"] >= 1
    assert main(["--db", db, "fraud", "decide", "1", "confirmed", "--user", "ann",
                 "--note", "farm"]) == 0
    assert main(["--db", db, "fraud", "detect", "ws:week", "--out", str(out), "--save"]) == 0
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["stats"]["matched_decisions"] == 1
    assert any("earlier decision confirmed by ann" in r and "farm" in r
               for g in again["groups"] for r in g["reasons"])
    assert {"id", "members", "devices", "ips", "score", "reasons", "group"} == set(again["groups"][0])
    assert main(["--db", db, "fraud", "detect", "ws:nope", "--out", str(out)]) == 2


def test_cli_defaults_match_engine_defaults():
    from console.commands.fraud import _OPTIONS
    from engine.fraud.params import Params

    d = Params().to_dict()
    for flag, _typ, default, _ in _OPTIONS:
        key = flag[2:].replace("-", "_")
        want = ",".join(d[key]) if key == "behaviours" else d[key]
        assert default == want, key
