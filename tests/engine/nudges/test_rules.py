import pytest

from engine.errors import InputError
from engine.nudges.rules import dumps_rules, load_rules, loads_rules, parse_rules, save_rules
from engine.resources import resource


def test_demo_rules_round_trip_through_toml_yaml_json(tmp_path):
    processes = load_rules(resource("nudges", "loan.toml"))
    assert [n.id for n in processes[0].nodes] == ["register", "verify", "bind_card", "authorise",
                                                  "submit"]
    for ext in ("toml", "yaml", "json"):
        path = tmp_path / f"rules.{ext}"
        save_rules(processes, path)
        assert load_rules(path) == processes
    assert processes[0].quiet_hours.utc_offset_minutes == 480
    assert processes[0].cap.max_nudges == 2 and processes[0].cap.per_seconds == 86400


def doc(**node):
    return {"process": [{"id": "p", "nodes": [{"id": "n1", "threshold": 60, **node}]}]}


@pytest.mark.parametrize("node, place, words", [
    ({"threshold": "ten minutes"}, "process 'p' > node 'n1' > threshold", "duration"),
    ({"threshold": -5}, "process 'p' > node 'n1' > threshold", "≥ 0"),
    ({"basis": "dwell"}, "process 'p' > node 'n1' > basis", "idle"),
    ({"templates": {"en": "Hi {{ name "}}, "process 'p' > node 'n1' > templates > en", "line 1"),
    ({"priority": "high"}, "process 'p' > node 'n1' > priority", "integer"),
    ({"colour": "red"}, "process 'p' > node 'n1'", "unknown key"),
])
def test_validation_names_the_place(node, place, words):
    with pytest.raises(InputError) as err:
        parse_rules(doc(**node), "rules.toml")
    assert err.value.place.endswith(place)
    assert words in str(err.value)


def test_process_level_errors():
    with pytest.raises(InputError, match="appears twice"):
        parse_rules({"process": [{"id": "p", "nodes": [{"id": "a", "threshold": 1},
                                                       {"id": "a", "threshold": 2}]}]})
    with pytest.raises(InputError, match="HH:MM"):
        parse_rules({"process": [{"id": "p", "quiet_hours": {"start": "25:00", "end": "08:00"},
                                  "nodes": [{"id": "a", "threshold": 1}]}]})
    with pytest.raises(InputError, match="max"):
        parse_rules({"process": [{"id": "p", "cap": {"max": 0, "per": "1d"},
                                  "nodes": [{"id": "a", "threshold": 1}]}]})
    with pytest.raises(InputError, match="non-empty list"):
        parse_rules({"process": [{"id": "p", "nodes": []}]})
    with pytest.raises(InputError, match="not valid TOML"):
        loads_rules("[[process]\nid=", "toml", "x.toml")


def test_durations_and_export_formats():
    p = parse_rules(doc(threshold="1.5h"))
    assert p[0].nodes[0].threshold == 5400
    assert "threshold = \"90m\"" in dumps_rules(p, "toml")
    assert parse_rules(doc(threshold="2d"))[0].nodes[0].threshold == 172800


def test_fallbacks_per_language():
    p = load_rules(resource("nudges", "loan.toml"))[0]
    assert p.fallbacks_for("en")["name"] == "there" and p.fallbacks_for("zh")["name"] == "您好"
    assert p.fallbacks_for("fr")["name"] == "您好"  # the default language's text
    with pytest.raises(InputError, match="fallbacks"):
        parse_rules({"process": [{"id": "p", "fallbacks": {"name": 3},
                                  "nodes": [{"id": "a", "threshold": 1}]}]})


def test_saving_over_someone_elses_change_is_a_conflict(workspace):
    from engine.errors import ConflictError
    from engine.nudges.rules import with_threshold
    from engine.nudges.store import load_processes, process_versions, save_processes

    processes = load_rules(resource("nudges", "loan.toml"))
    save_processes(workspace, processes, "a")
    mine, theirs = process_versions(workspace), process_versions(workspace)
    theirs.update(save_processes(workspace, with_threshold(processes, "loan", "verify", 60), "b",
                                 expected=theirs))
    with pytest.raises(ConflictError, match="changed by b"):
        save_processes(workspace, with_threshold(processes, "loan", "verify", 99), "a",
                       expected=mine)
    assert load_processes(workspace)[0].node("verify").threshold == 60
    save_processes(workspace, with_threshold(processes, "loan", "verify", 99), "b", expected=theirs)
    assert load_processes(workspace)[0].node("verify").threshold == 99


def test_aliases_single_process_and_unicode_ids():
    from engine.nudges.evaluate import due_keys, evaluate
    from engine.nudges.events import events_from_rows

    p = parse_rules({"id": "贷款", "steps": [{"id": "实名 认证", "threshold_seconds": 60,
                                              "template": "请完成{{ step }}"}]})
    assert p[0].nodes[0].threshold == 60 and p[0].nodes[0].templates == {"default": "请完成{{ step }}"}
    ev = events_from_rows([{"user_id": "u", "process_id": "贷款", "node_id": "实名 认证",
                            "event": "enter", "ts": "0"}])
    assert due_keys(evaluate(ev, p, 60 * 10**9)) == {("u", "贷款", "实名 认证")}
    with pytest.raises(InputError, match="id"):
        parse_rules({"id": " padded", "nodes": [{"id": "a", "threshold": 1}]})
