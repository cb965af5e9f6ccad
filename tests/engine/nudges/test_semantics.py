"""Each rule of the evaluation semantics (docs/nudges.md), one small log at a time."""
import numpy as np

from engine.nudges.evaluate import due_keys, evaluate
from engine.nudges.nudging import run_evaluation
from tests.engine.nudges.helpers import at, log, rules


def due(events, t):
    snap = evaluate(events, rules(), at(t))
    rows = np.flatnonzero(snap.due)
    return {(snap.user_id[r], snap.process_id[r], snap.node_id()[r]): int(snap.dwell_ns[r]) // 10**9
            for r in rows}


def test_window_ignores_later_events_and_counts_an_event_exactly_at_t():
    ev = log(("u", "loan", "a", "enter", 0), ("u", "loan", "b", "enter", 150))
    assert due(ev, 149) == {("u", "loan", "a"): 149}
    # at 150 the enter on b counts (ts == T): the user is on b with dwell 0
    assert due(ev, 150) == {}
    assert due(ev, 250) == {("u", "loan", "b"): 100}


def test_ties_on_ts_follow_input_position_and_rows_may_be_unsorted():
    # same ts on two nodes: the later row is the later event
    ev = log(("u", "loan", "b", "enter", 50), ("u", "loan", "a", "enter", 10),
             ("u", "loan", "a", "operate", 50))
    # a@10, b@50 (row 0), a@50 (row 2): the run on a starts at 50 (no enter in it)
    assert due(ev, 200) == {("u", "loan", "a"): 150}
    ev2 = log(("u", "loan", "a", "operate", 50), ("u", "loan", "a", "enter", 10),
              ("u", "loan", "b", "enter", 50))
    assert due(ev2, 200) == {("u", "loan", "b"): 150}


def test_complete_anywhere_ends_the_process_whatever_follows():
    ev = log(("u", "loan", "a", "enter", 0), ("u", "loan", "c", "complete", 20),
             ("u", "loan", "a", "leave", 30), ("u", "loan", "b", "enter", 40))
    assert due(ev, 10_000) == {}
    assert due(ev, 19) == {}  # threshold 100 not reached before the complete
    assert due(log(("u", "loan", "a", "enter", 0), ("u", "loan", "c", "complete", 200)), 150) \
        == {("u", "loan", "a"): 150}


def test_latest_leave_keeps_the_user_at_the_node():
    ev = log(("u", "loan", "b", "enter", 0), ("u", "loan", "b", "leave", 30))
    assert due(ev, 129) == {}
    assert due(ev, 130) == {("u", "loan", "b"): 100}  # idle counts from the leave; equality due


def test_unknown_process_or_node_is_no_nudge_and_no_error():
    ev = log(("u", "loan", "zzz", "enter", 0), ("v", "other", "a", "enter", 0),
             ("w", "loan", "a", "enter", 0), ("w", "loan", "promo", "operate", 5))
    assert due(ev, 10_000) == {}


def test_visit_restarts_at_latest_enter_of_the_run_and_earlier_visits_never_count():
    ev = log(("u", "loan", "a", "enter", 0), ("u", "loan", "a", "leave", 10),
             ("u", "loan", "a", "enter", 500), ("u", "loan", "a", "operate", 520))
    assert due(ev, 599) == {}
    assert due(ev, 600) == {("u", "loan", "a"): 100}
    # back a step: the first visit of a does not count
    back = log(("u", "loan", "a", "enter", 0), ("u", "loan", "b", "enter", 50),
               ("u", "loan", "a", "operate", 60))
    assert due(back, 159) == {}
    assert due(back, 160) == {("u", "loan", "a"): 100}


def test_run_without_enter_starts_at_its_first_event():
    ev = log(("u", "loan", "b", "enter", 0), ("u", "loan", "a", "operate", 40),
             ("u", "loan", "a", "operate", 90))
    assert due(ev, 140) == {("u", "loan", "a"): 100}


def test_stay_versus_idle():
    ev = log(("u", "loan", "a", "enter", 0), ("u", "loan", "a", "operate", 90),
             ("v", "loan", "b", "enter", 0), ("v", "loan", "b", "operate", 90))
    # stay on a counts from the enter, idle on b from the last operation
    assert due(ev, 100) == {("u", "loan", "a"): 100}
    assert due(ev, 190) == {("u", "loan", "a"): 190, ("v", "loan", "b"): 100}


def test_one_nudge_per_user_and_process_but_two_processes_both():
    ev = log(("u", "loan", "a", "enter", 0), ("u", "kyc", "x", "enter", 0))
    assert due(ev, 100) == {("u", "loan", "a"): 100, ("u", "kyc", "x"): 100}


def test_mixed_offsets_epoch_seconds_and_fractions_kept_exactly():
    from tests.engine.nudges.helpers import BASE
    from datetime import datetime, timezone

    iso = datetime.fromtimestamp(BASE, tz=timezone.utc)
    local = iso.astimezone().replace(tzinfo=None)  # noqa: F841 (documentation only)
    plus8 = datetime.fromtimestamp(BASE + 8 * 3600, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    ev = log(("u", "loan", "a", "enter", plus8 + ".000000001+08:00"),
             ("v", "loan", "a", "enter", f"{BASE}.5"),
             ("w", "loan", "a", "enter", iso.strftime("%Y-%m-%dT%H:%M:%S")))  # no offset = UTC
    snap = evaluate(ev, rules(), at(100))
    got = {u: int(d) for u, d in zip(snap.user_id, snap.dwell_ns)}
    assert got == {"u": 100 * 10**9 - 1, "v": 99_500_000_000, "w": 100 * 10**9}
    assert due_keys(snap) == {("w", "loan", "a")}  # u and v are just short of 100 s


def test_message_uses_attrs_merged_in_order_later_keys_win_and_fallback():
    ev = log(("u", "loan", "b", "enter", 0, {"name": "Li", "amount": 5}),
             ("u", "loan", "b", "operate", 5, {"amount": 8000}),
             ("u", "loan", "b", "operate", 1_000, {"amount": 1}),  # after T: ignored
             ("v", "loan", "b", "enter", 0))
    out = run_evaluation(ev, rules(), at(200))
    msgs = {n.user_id: n.message for n in out.nudges}
    assert msgs == {"u": "B Li 8000", "v": "B friend"}
    assert {n.as_json()["dwell_seconds"] for n in out.nudges} == {195, 200}


def test_empty_logs_and_logs_entirely_after_t():
    from engine.nudges.backtest import backtest
    from engine.nudges.events import empty_events
    from engine.nudges.stream import StreamEvaluator

    assert len(evaluate(empty_events(), rules(), at(0))) == 0
    assert backtest(empty_events(), rules()).rows()[0]["nudges"] == 0
    later = log(("u", "loan", "a", "enter", 100))
    assert due(later, 99) == {} and len(evaluate(later, rules(), at(99))) == 0
    stream = StreamEvaluator(rules())
    stream.ingest(later)
    assert stream.due(at(99)) == {} and stream.due(at(200)) == {("u", "loan", "a"): 100 * 10**9}
