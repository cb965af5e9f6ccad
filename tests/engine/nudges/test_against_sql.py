"""Property-style: the engine, the stream evaluator and the backtest agree with an independent
SQL formulation (DuckDB window query in benchmarks/nudges.py) on randomised logs."""
import numpy as np
import pyarrow as pa
import pytest

from benchmarks.nudges import duckdb_due, engine_due, format_ts, generate, rules, to_table
from engine.nudges.backtest import backtest
from engine.nudges.evaluate import evaluate
from engine.nudges.events import NS, normalise
from engine.nudges.stream import StreamEvaluator

pytest.importorskip("duckdb")


@pytest.mark.parametrize("seed", range(12))
def test_due_set_equals_sql_on_random_logs(seed):
    rng = np.random.default_rng(seed)
    cols, t = generate(int(rng.integers(200, 4000)), seed, n_users=int(rng.integers(20, 300)))
    table = to_table(cols)
    procs = rules()
    for at in (t, t - int(rng.integers(0, 5 * 86400)) * NS, int(cols["ts"][rng.integers(len(
            cols["ts"]))])):  # also exactly at an event's ts
        ours = engine_due(table, procs, at)
        assert ours == duckdb_due(table, procs, at)
    assert ours  # the logs do produce due users


def test_sql_agrees_after_a_round_trip_through_mixed_text_timestamps():
    rng = np.random.default_rng(5)
    cols, t = generate(3000, 5, n_users=200)
    table = to_table(cols)
    text = format_ts(cols["ts"], rng)
    raw = pa.table({"user_id": table["user_id"].cast(pa.string()),
                    "process_id": table["process_id"].cast(pa.string()),
                    "node_id": table["node_id"].cast(pa.string()),
                    "event": table["event"].cast(pa.string()),
                    "ts": pa.array(text.tolist(), pa.string())})
    parsed = normalise(raw)
    assert np.array_equal(parsed["ts"].to_numpy(), cols["ts"])
    assert engine_due(parsed, rules(), t) == duckdb_due(table, rules(), t)


@pytest.mark.parametrize("seed", range(4))
def test_stream_in_random_batches_equals_batch_evaluation(seed):
    rng = np.random.default_rng(100 + seed)
    cols, t = generate(5000, 100 + seed, n_users=300)
    table = to_table(cols)
    procs = rules()
    stream = StreamEvaluator(procs, capacity=8)
    a = 0
    while a < len(table):
        b = a + int(rng.integers(1, 700))
        stream.ingest(table.slice(a, b - a))
        a = b
    assert stream.late_events > 0
    for at in (t, int(table["ts"].to_numpy().max()), t - 86400 * NS):
        assert stream.due(at) == engine_due(table, procs, at)


def test_backtest_nudge_moments_are_exactly_when_evaluation_turns_due():
    cols, _ = generate(4000, 9, n_users=300)
    table = to_table(cols)
    procs = rules()
    result = backtest(table, procs)
    assert len(result.nudge_time) > 50
    rng = np.random.default_rng(0)
    for i in rng.choice(len(result.nudge_time), 40, replace=False):
        t, user, g = int(result.nudge_time[i]), result.nudge_user[i], int(result.nudge_node[i])
        now, before = evaluate(table, procs, t), evaluate(table, procs, t - 1)
        assert ((now.user_id == user) & (now.node == g) & now.due).any()
        assert not ((before.user_id == user) & (before.node == g) & before.due).any()


def test_backtest_with_quiet_hours_matches_filtered_evaluation():
    from engine.nudges.evaluate import apply_filters
    from engine.nudges.rules import parse_rules
    from benchmarks.nudges import RULES

    doc = {"process": [dict(p, quiet_hours={"start": "22:00", "end": "08:00",
                                            "utc_offset": "+08:00"}) for p in RULES["process"]]}
    procs = parse_rules(doc)
    cols, _ = generate(4000, 21, n_users=300)
    table = to_table(cols)
    result = backtest(table, procs)
    assert len(result.nudge_time) > 50
    local_hour = ((result.nudge_time // NS + 8 * 3600) // 3600) % 24
    assert not ((local_hour >= 22) | (local_hour < 8)).any()
    rng = np.random.default_rng(1)
    for i in rng.choice(len(result.nudge_time), 30, replace=False):
        t, user, g = int(result.nudge_time[i]), result.nudge_user[i], int(result.nudge_node[i])
        now, before = evaluate(table, procs, t), evaluate(table, procs, t - 1)
        apply_filters(now)
        apply_filters(before)
        assert ((now.user_id == user) & (now.node == g) & now.due).any()
        assert not ((before.user_id == user) & (before.node == g) & before.due).any()
