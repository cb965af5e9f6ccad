"""What the pane shows: funnel, dwell distributions and the data the threshold slider needs.

Everything the slider needs is precomputed as sorted arrays, so moving a threshold θ is two
``searchsorted`` calls whatever the number of users:

* due now at T  = #{active users at the node with dwell ≥ θ}        (``dwell_sorted``)
* per day       = #{visits in the log whose longest dwell > θ} / days (``visit_max_sorted``);
  a visit's longest dwell is its length for ``stay`` and its longest gap between events (or to
  the next step / the end of the log) for ``idle`` — exactly when the backtest would nudge it,
  before quiet hours and caps.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from engine.nudges.evaluate import (COMPLETE, ENTER, NodeIndex, Snapshot, _codes, apply_filters,
                                   evaluate, pair_codes)
from engine.nudges.events import EVENTS, NS
from engine.nudges.nudging import attrs_for
from engine.nudges.rules import Process
from engine.progress import NO_STATE, SubState, TaskState

DAY = 86400 * NS


@dataclass
class NodeStats:
    process_id: str
    node_id: str
    reached: int  # users (pairs) with any event at this node up to T
    active: int  # users currently here (not completed, not abandoned)
    dwell_sorted: np.ndarray  # seconds, ascending, of the active users
    visit_max_sorted: np.ndarray  # seconds, ascending, longest dwell of every visit in the log

    def due_now(self, threshold_s: float) -> int:
        return int(len(self.dwell_sorted) - np.searchsorted(self.dwell_sorted, threshold_s, "left"))

    def per_day(self, threshold_s: float, days: float) -> float:
        n = len(self.visit_max_sorted) - np.searchsorted(self.visit_max_sorted, threshold_s, "right")
        return float(n) / max(days, 1e-9)


@dataclass
class Overview:
    at_ns: int
    nodes: dict[tuple[str, str], NodeStats]
    completed: dict[str, int]  # process -> users who completed
    span_days: float
    snapshot: Snapshot
    samples: dict[tuple[str, str], list[tuple[str, dict]]] = field(default_factory=dict)


def visit_max_dwell(events: pa.Table, processes: list[Process], end_ns: int
                    ) -> dict[int, np.ndarray]:
    """Per flat node index: sorted longest dwell (s) of every visit up to ``end_ns``."""
    index = NodeIndex(processes)
    ts_all = events["ts"].combine_chunks().to_numpy()
    pair_all, _, pair_proc, _, procs = pair_codes(events)
    node_code, nodes = _codes(events["node_id"])
    e_codes, ev_names = _codes(events["event"])
    ev_all = np.array([EVENTS.index(v) for v in ev_names] or [0], dtype=np.int8)[e_codes]
    pos = np.flatnonzero(ts_all <= end_ns)
    order = pos[np.lexsort((pos, ts_all[pos], pair_all[pos]))]
    pair, ts, ev, node = pair_all[order], ts_all[order], ev_all[order], node_code[order]
    m = len(order)
    if not m:
        return {}
    g = index.lookup(procs, nodes)[pair_proc[pair], node]
    new_pair = np.ones(m, dtype=bool)
    new_pair[1:] = pair[1:] != pair[:-1]
    comp = (ev == COMPLETE).astype(np.int64)
    csum = np.cumsum(comp)
    base = np.maximum.accumulate(np.where(new_pair, csum - comp, 0))
    valid = ((csum - base) == 0) & (g >= 0)
    nxt = np.full(m, end_ns, dtype=np.int64)
    nxt[:-1] = np.where(~new_pair[1:], ts[1:], end_ns)
    new_visit = new_pair.copy()
    new_visit[1:] |= node[1:] != node[:-1]
    new_visit |= ev == ENTER
    visit = np.cumsum(new_visit) - 1
    vstart = ts[np.flatnonzero(new_visit)]
    stay = index.stay[np.maximum(g, 0)]
    length = np.where(stay, nxt - vstart[visit], nxt - ts)
    vmax = np.full(len(vstart), -1, dtype=np.int64)
    np.maximum.at(vmax, visit[valid], length[valid])
    vg = g[np.flatnonzero(new_visit)]
    out = {}
    for gi in range(len(index.keys)):
        sel = (vg == gi) & (vmax >= 0)
        out[gi] = np.sort(vmax[sel]) / NS
    return out


def overview(events: pa.Table, processes: list[Process], at_ns: int, samples_per_node: int = 40,
             state: TaskState = NO_STATE) -> Overview:
    snap = evaluate(events, processes, at_ns, state=SubState(state, 0.0, 0.5))
    apply_filters(snap)  # quiet hours and exit criteria (no outbox history here)
    state.check()
    index = snap.index
    ts = events["ts"].combine_chunks().to_numpy() if len(events) else np.zeros(0, np.int64)
    w = ts <= at_ns
    pair_all, _, pair_proc, _, procs = pair_codes(events) if len(events) else (
        np.zeros(0, np.int64), None, np.zeros(0, np.int64), [], [])
    node_code, nodes = _codes(events["node_id"]) if len(events) else (np.zeros(0, np.int64), [])
    table = index.lookup(procs, nodes)
    g = table[pair_proc[pair_all[w]], node_code[w]] if len(events) else np.zeros(0, np.int64)
    npairs = int(pair_all.max()) + 1 if len(pair_all) else 0
    state.set_progress(0.6, "funnel")
    reached = {}
    for gi in range(len(index.keys)):
        seen = np.zeros(npairs, dtype=bool)
        seen[pair_all[w][g == gi]] = True
        reached[gi] = int(seen.sum())
    completed = {}
    if len(events):
        e_codes, ev_names = _codes(events["event"])
        ev = np.array([EVENTS.index(v) for v in ev_names], dtype=np.int8)[e_codes]
        for p in processes:
            pc = procs.index(p.id) if p.id in procs else -1
            done = np.zeros(npairs, dtype=bool)
            sel = w & (ev == COMPLETE) & (pair_proc[pair_all] == pc)
            done[pair_all[sel]] = True
            completed[p.id] = int(done.sum())
    state.set_progress(0.7, "dwell distributions")
    vmax = visit_max_dwell(events, processes, at_ns) if len(events) else {}
    start = int(ts[w].min()) if w.any() else at_ns
    span_days = max((at_ns - start) / DAY, 1e-9)
    # users past their process's abandon_after have exited: not "here now"
    alive = np.ones(len(snap), dtype=bool)
    for p in processes:
        if p.abandon_after is not None:
            alive &= ~((snap.process_id == p.id)
                       & (at_ns - snap.last_ns > round(p.abandon_after * NS)))
    stats = {}
    for gi, key in enumerate(index.keys):
        rows = np.flatnonzero((snap.node == gi) & alive)
        stats[key] = NodeStats(key[0], key[1], reached[gi], len(rows),
                               np.sort(snap.dwell_ns[rows]) / NS,
                               vmax.get(gi, np.zeros(0)))
    state.set_progress(0.85, "sample users")
    samples = {}
    pick = []
    for gi, key in enumerate(index.keys):
        rows = np.flatnonzero((snap.node == gi) & alive)
        rows = rows[np.argsort(-snap.dwell_ns[rows], kind="stable")][:samples_per_node]
        pick.append((key, rows))
    all_rows = np.concatenate([r for _, r in pick]) if pick else np.zeros(0, np.int64)
    attrs = attrs_for(events, snap, all_rows) if len(all_rows) else []
    i = 0
    for key, rows in pick:
        samples[key] = [(snap.user_id[r], attrs[i + j]) for j, r in enumerate(rows.tolist())]
        i += len(rows)
    state.set_progress(1.0, "overview ready")
    return Overview(at_ns, stats, completed, span_days, snap, samples)
