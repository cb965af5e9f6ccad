"""Benchmark and independent check of the nudge engine.

    python -m benchmarks.nudges [--quick] [--events N] [--seed S]

* a seeded generator of event logs with the corner cases of the semantics (ties, unsorted rows,
  leave/re-enter, going back a step, complete then stray events, unknown nodes and processes,
  events after T, mixed offsets, epoch seconds, nanosecond fractions);
* an independent formulation of "who is due at T" as one DuckDB window query (below), which
  must give the identical due-set (user, process, node, dwell);
* timings: the engine vs DuckDB on N events (default 10M), incremental ingestion throughput,
  and the threshold-drag update on 1M users.
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

from engine.nudges.events import NS, SCHEMA
from engine.nudges.rules import parse_rules

T0 = 1_790_000_000 * NS  # 2026-09-21T...Z: generator epoch
RULES = {"process": [
    {"id": "loan", "nodes": [
        {"id": "register", "threshold": "10m", "basis": "idle",
         "templates": {"en": "Hi {{ name }}, finish registering"}},
        {"id": "verify", "threshold": "30m", "basis": "stay",
         "templates": {"en": "Verify your name, {{ name }}"}},
        {"id": "bind_card", "threshold": "1h", "basis": "idle",
         "templates": {"en": "Bind a card for {{ amount }}"}},
        {"id": "authorise", "threshold": "2h", "basis": "stay",
         "templates": {"en": "Authorise credit"}},
        {"id": "submit", "threshold": "15m", "basis": "idle",
         "templates": {"en": "Submit now"}}]},
    {"id": "kyc", "nodes": [
        {"id": "upload", "threshold": "1d", "basis": "stay", "templates": {"en": "Upload"}},
        {"id": "review", "threshold": "6h", "basis": "idle", "templates": {"en": "Review"}}]},
]}
NODES = {"loan": ["register", "verify", "bind_card", "authorise", "submit"],
         "kyc": ["upload", "review"]}


def rules():
    return parse_rules(RULES, "benchmark rules")


def generate(n_events: int, seed: int = 0, n_users: int | None = None) -> tuple[dict, int]:
    """Columns (numpy) of a synthetic log and a good evaluation time T (ns)."""
    rng = np.random.default_rng(seed)
    mean_len = 9
    n_pairs = max(1, n_events // mean_len)
    n_users = n_users or max(1, int(n_pairs * 0.8))
    lens = 1 + rng.poisson(mean_len - 1, n_pairs)
    lens = np.maximum(1, (lens * n_events / lens.sum()).astype(np.int64))
    lens[-1] += n_events - lens.sum()
    while lens[-1] < 1:  # keep total exact
        j = rng.integers(len(lens) - 1)
        if lens[j] > 1:
            lens[j] -= 1
            lens[-1] += 1
    n = int(lens.sum())
    pair = np.repeat(np.arange(n_pairs), lens)
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    step = np.arange(n) - starts[pair]
    proc_names = np.array(["loan", "kyc", "legacy"], dtype=object)
    proc_of_pair = rng.choice(3, n_pairs, p=[0.75, 0.23, 0.02])
    user_of_pair = rng.integers(0, n_users, n_pairs)
    # node walk: advance / back / stay, cumulated within the pair, clipped to the process
    move = rng.choice([1, -1, 0], n, p=[0.28, 0.05, 0.67])
    move[starts] = 0
    level = np.cumsum(move)
    level -= level[starts][pair]
    nmax = np.array([5, 2, 3])[proc_of_pair][pair]
    level = np.clip(level, 0, nmax - 1)
    all_nodes = np.array(NODES["loan"] + NODES["kyc"] + ["step_a", "step_b", "step_c", "promo"],
                         dtype=object)
    offset = np.array([0, 5, 7])[proc_of_pair][pair]
    node = offset + level
    node[rng.random(n) < 0.01] = len(all_nodes) - 1  # unknown node "promo"
    changed = np.ones(n, dtype=bool)
    changed[1:] = node[1:] != node[:-1]
    changed[starts] = True
    r = rng.random(n)
    ev = np.where(r < 0.72, 1, np.where(r < 0.86, 2, 0))  # operate / leave / enter
    ev[changed & (rng.random(n) < 0.9)] = 0
    last = starts + lens - 1
    finishing = rng.random(n_pairs) < 0.25
    ev[last[finishing]] = 3
    stray = finishing & (lens > 2) & (rng.random(n_pairs) < 0.3)  # complete, then one more event
    ev[last[stray] - 1] = 3
    early = (rng.random(n_pairs) < 0.02) & (lens > 3)  # complete on an early node
    ev[starts[early] + 1] = 3
    # time: start per pair in the 30 days before T, gaps from seconds to days, some ties
    horizon = 30 * 86400 * NS
    t_eval = T0 + horizon
    start_t = T0 + rng.integers(0, horizon, n_pairs)
    gap = (rng.lognormal(np.log(600), 1.8, n) * NS).astype(np.int64)
    gap[rng.random(n) < 0.05] = 0
    gap[starts] = 0
    frac = rng.random(n) < 0.3
    gap[frac] += rng.integers(0, NS, int(frac.sum()))
    t = np.cumsum(gap)
    t = t - t[starts][pair] + start_t[pair]
    # row order: roughly by time, with late rows
    jitter = (rng.exponential(120, n) * NS).astype(np.int64)
    jitter[rng.random(n) < 0.02] *= 200
    order = np.argsort(t + jitter, kind="stable")
    # some exact ties across different nodes of one pair in reversed row order
    cols = {"user_id": np.char.add("u", user_of_pair[pair].astype(str))[order] if n < 2_000_000
            else None,
            "user_code": user_of_pair[pair][order], "process": proc_names[proc_of_pair][pair][order],
            "node": all_nodes[node][order], "event": np.array(["enter", "operate", "leave",
                                                              "complete"], dtype=object)[ev][order],
            "ts": t[order]}
    return cols, int(t_eval - 3 * 86400 * NS)


def to_table(cols: dict) -> pa.Table:
    """The generated columns as an event-log table (dictionary-encoded, ts in ns)."""
    codes = cols["user_code"]
    uniq, inv = np.unique(codes, return_inverse=True)
    users = pa.DictionaryArray.from_arrays(pa.array(inv.astype(np.int32)),
                                           pa.array(np.char.add("u", uniq.astype(str))))

    def enc(values):
        u, i = np.unique(values.astype(str), return_inverse=True)
        return pa.DictionaryArray.from_arrays(pa.array(i.astype(np.int32)), pa.array(u))

    n = len(cols["ts"])
    attrs = np.full(n, None, dtype=object)
    return pa.table([users, enc(cols["process"]), enc(cols["node"]), enc(cols["event"]),
                     pa.array(cols["ts"]), pa.array(attrs, pa.string())], schema=SCHEMA)


def format_ts(ts: np.ndarray, rng) -> np.ndarray:
    """Mixed textual timestamps: Z, +08:00, -05:30, no offset, epoch digits, epoch fractions."""
    from datetime import datetime, timedelta, timezone

    kinds = rng.integers(0, 6, len(ts))
    out = np.empty(len(ts), dtype=object)
    for i, (v, k) in enumerate(zip(ts.tolist(), kinds.tolist())):
        sec, frac = divmod(v, NS)
        fs = f".{frac:09d}" if frac else ""
        if k == 4:
            out[i] = str(sec) if not frac else f"{sec}{fs}"
        elif k == 5:
            out[i] = f"{sec}{fs}" if frac else str(sec)
        else:
            off = {0: 0, 1: 480, 2: -330, 3: 0}[k]
            dt = datetime.fromtimestamp(sec, tz=timezone.utc) + timedelta(minutes=off)
            sign = "+" if off >= 0 else "-"
            zone = ["Z", f"{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}",
                    f"{sign}{abs(off) // 60:02d}{abs(off) % 60:02d}", ""][k]
            out[i] = dt.strftime("%Y-%m-%dT%H:%M:%S") + fs + zone
    return out


# ---------------------------------------------------------------------------------------------
# The independent formulation: one SQL query with window functions (DuckDB).
DUE_SQL = """
WITH w AS (
    SELECT user_id, process_id, node_id, event, ts, pos FROM ev WHERE ts <= $at
), o AS (
    SELECT *,
           row_number() OVER (PARTITION BY user_id, process_id ORDER BY ts, pos) AS rn,
           count(*) OVER (PARTITION BY user_id, process_id) AS n,
           bool_or(event = 'complete') OVER (PARTITION BY user_id, process_id) AS done
    FROM w
), last AS (
    SELECT user_id, process_id, node_id AS cur, ts AS last_ts
    FROM o WHERE rn = n AND NOT done
), brk AS (
    SELECT o.user_id, o.process_id, max(o.rn) AS brk_rn
    FROM o JOIN last USING (user_id, process_id)
    WHERE o.node_id <> last.cur
    GROUP BY o.user_id, o.process_id
), run AS (
    SELECT o.user_id, o.process_id, o.event, o.ts
    FROM o LEFT JOIN brk USING (user_id, process_id)
    WHERE o.rn > coalesce(brk.brk_rn, 0) AND NOT o.done
), visit AS (
    SELECT user_id, process_id,
           coalesce(max(ts) FILTER (WHERE event = 'enter'), min(ts)) AS visit_start
    FROM run GROUP BY user_id, process_id
)
SELECT l.user_id, l.process_id, l.cur AS node_id,
       CASE WHEN r.basis = 'stay' THEN $at - v.visit_start ELSE $at - l.last_ts END AS dwell
FROM last l
JOIN visit v USING (user_id, process_id)
JOIN rules r ON r.process_id = l.process_id AND r.node_id = l.cur
WHERE (CASE WHEN r.basis = 'stay' THEN $at - v.visit_start ELSE $at - l.last_ts END)
      >= r.threshold_ns
"""


def duckdb_connect(table: pa.Table, processes, threads: int | None = None):
    """A DuckDB connection holding the log (plain strings + input position) and the rules."""
    import duckdb

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    if threads:
        con.execute(f"SET threads = {threads}")
    plain = pa.table({
        "user_id": table["user_id"].cast(pa.string()), "process_id": table["process_id"].cast(
            pa.string()), "node_id": table["node_id"].cast(pa.string()),
        "event": table["event"].cast(pa.string()), "ts": table["ts"],
        "pos": pa.array(np.arange(len(table), dtype=np.int64))})
    rules_t = pa.table({
        "process_id": [p.id for p in processes for _ in p.nodes],
        "node_id": [n.id for p in processes for n in p.nodes],
        "threshold_ns": pa.array([round(n.threshold * NS) for p in processes for n in p.nodes],
                                 pa.int64()),
        "basis": [n.basis for p in processes for n in p.nodes]})
    con.execute("CREATE TABLE ev AS SELECT * FROM plain")
    con.execute("CREATE TABLE rules AS SELECT * FROM rules_t")
    return con


def duckdb_query(con, at_ns: int) -> dict:
    rows = con.execute(DUE_SQL, {"at": at_ns}).fetchall()
    return {(u, p, n): int(d) for u, p, n, d in rows}


def duckdb_due(table: pa.Table, processes, at_ns: int, threads: int | None = None):
    """The due-set {(user, process, node): dwell_ns} by the SQL formulation."""
    con = duckdb_connect(table, processes, threads)
    try:
        return duckdb_query(con, at_ns)
    finally:
        con.close()


def engine_due(table: pa.Table, processes, at_ns: int):
    from engine.nudges.evaluate import evaluate

    snap = evaluate(table, processes, at_ns)
    rows = np.flatnonzero(snap.due)
    return {(u, p, n): int(d) for u, p, n, d in zip(
        snap.user_id[rows].tolist(), snap.process_id[rows].tolist(),
        snap.node_id(rows).tolist(), snap.dwell_ns[rows].tolist())}


# ---------------------------------------------------------------------------------------------
def _timed(fn, *args):
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def bench_correctness(seed: int) -> None:
    """Many small logs + one CSV round trip with mixed text timestamps: identical due-sets."""
    from engine.nudges.events import load_events

    rng = np.random.default_rng(seed)
    checked = 0
    for i in range(30):
        cols, t = generate(int(rng.integers(500, 20_000)), seed + i,
                           n_users=int(rng.integers(50, 2000)))
        table = to_table(cols)
        for at in (t, int(cols["ts"][rng.integers(len(cols["ts"]))])):
            ours, ref = engine_due(table, rules(), at), duckdb_due(table, rules(), at)
            if ours != ref:
                raise SystemExit(f"MISMATCH seed {seed + i}: {len(ours ^ ref.keys())} keys differ")
            checked += len(ours)
    cols, t = generate(200_000, seed + 99)
    table = to_table(cols)
    text = format_ts(cols["ts"], rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.csv"
        import pyarrow.csv as pcsv

        pcsv.write_csv(pa.table({
            "user_id": table["user_id"].cast(pa.string()),
            "process_id": table["process_id"].cast(pa.string()),
            "node_id": table["node_id"].cast(pa.string()),
            "event": table["event"].cast(pa.string()),
            "ts": pa.array(text.tolist(), pa.string()),
            "attrs": pa.nulls(len(table), pa.string())}), path)
        loaded, secs = _timed(load_events, path)
    same_ts = bool(np.array_equal(loaded["ts"].to_numpy(), cols["ts"]))
    equal = engine_due(loaded, rules(), t) == duckdb_due(table, rules(), t)
    print(f"correctness: 60 evaluations on 30 random logs, {checked:,} due rows, identical to "
          f"DuckDB; CSV round trip of 200,000 rows with mixed offsets/epoch: ts exact={same_ts}, "
          f"due-set identical={equal}, load {secs:.2f} s")
    if not (same_ts and equal):
        raise SystemExit("MISMATCH in the CSV round trip")


def bench_scale(n: int, seed: int) -> None:
    from engine.nudges.evaluate import evaluate

    cols, t = generate(n, seed)
    table = to_table(cols)
    del cols
    procs = rules()
    snap, ours = _timed(evaluate, table, procs, t)
    import os

    con, load = _timed(duckdb_connect, table, procs)
    ref, theirs = _timed(duckdb_query, con, t)
    con.close()
    due = engine_due(table, procs, t)
    print(f"scale: {n:,} events, {len(snap):,} active pairs, {int(snap.due.sum()):,} due; "
          f"engine {ours:.2f} s, DuckDB query ({os.cpu_count()} threads, table already loaded "
          f"in {load:.2f} s) {theirs:.2f} s, ratio engine/DuckDB {ours / theirs:.2f}; "
          f"due-sets identical: {due == ref}")


def bench_stream(n: int, seed: int, batch: int = 50_000) -> None:
    from engine.nudges.stream import StreamEvaluator

    cols, t = generate(n, seed)
    table = to_table(cols)
    stream = StreamEvaluator(rules())
    t0 = time.perf_counter()
    for a in range(0, len(table), batch):
        stream.ingest(table.slice(a, batch))
    secs = time.perf_counter() - t0
    same = stream.due(t) == engine_due(table, rules(), t)
    print(f"stream: {n:,} events in batches of {batch:,}: {secs:.2f} s = "
          f"{n / secs:,.0f} events/s ({stream.late_events:,} late events, "
          f"{stream.recomputed_pairs:,} pairs recomputed); due-set equals batch: {same}")


def bench_drag(users: int = 1_000_000) -> None:
    from engine.nudges.overview import NodeStats

    rng = np.random.default_rng(1)
    t0 = time.perf_counter()
    stats = NodeStats("loan", "verify", users, users, np.sort(rng.lognormal(8, 2, users)),
                      np.sort(rng.lognormal(7, 2, 3 * users)))
    prep = time.perf_counter() - t0
    times = []
    for thr in np.geomspace(10, 30 * 86400, 200):
        t0 = time.perf_counter()
        stats.due_now(thr)
        stats.per_day(thr, 14.0)
        times.append(time.perf_counter() - t0)
    times = np.array(times) * 1000
    print(f"drag: {users:,} users (+{3 * users:,} past visits): precompute {prep:.2f} s; "
          f"update median {np.median(times):.3f} ms, max {times.max():.3f} ms")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1M events instead of 10M")
    parser.add_argument("--events", type=int, help="events for the scale run")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    n = args.events or (1_000_000 if args.quick else 10_000_000)
    bench_correctness(args.seed)
    bench_drag()
    bench_stream(min(n, 2_000_000), args.seed + 1)
    bench_scale(n, args.seed + 2)


if __name__ == "__main__":
    main()
