from engine.nudges.events import events_from_rows
from engine.nudges.rules import parse_rules

RULES = {"process": [
    {"id": "loan", "fallbacks": {"name": "friend"}, "nodes": [
        {"id": "a", "threshold": 100, "basis": "stay", "templates": {"en": "A {{ name }}"}},
        {"id": "b", "threshold": 100, "basis": "idle", "templates": {"en": "B {{ name }} {{ amount }}"}},
        {"id": "c", "threshold": "1h", "basis": "stay", "templates": {"en": "C"}}]},
    {"id": "kyc", "nodes": [{"id": "x", "threshold": 10, "basis": "idle", "template": "X"}]},
]}
BASE = 1_800_000_000  # epoch seconds


def rules(**changes):
    return parse_rules(RULES, "test rules")


def log(*rows):
    """rows: (user, process, node, event, seconds after BASE or a ts string[, attrs])."""
    out = []
    for r in rows:
        ts = r[4] if isinstance(r[4], str) else str(BASE + r[4])
        out.append({"user_id": r[0], "process_id": r[1], "node_id": r[2], "event": r[3],
                    "ts": ts, "attrs": r[5] if len(r) > 5 else None})
    return events_from_rows(out)


def at(seconds) -> int:
    return (BASE + seconds) * 1_000_000_000
