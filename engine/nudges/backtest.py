"""Backtest: replay a historical log with given thresholds.

For every visit (docs/nudges.md, rule 6) the replay finds the first moment the visit would have
been due under the rules — continuously, not on a polling grid — then applies exit criteria,
quiet hours (a nudge falling in them is delayed to their end, if the user is still there) and
the per-user cap, one nudge per visit.  All stages are vectorised over the sorted event table.

For each would-be nudge at time t the outcome is *advanced*: the user had an event on a later
node of the process, or completed it, within ``(t, t + window]``.

Comparison with similar users: when the log period had real nudges (``sent``: the outbox's
``(user, process, node, visit start)`` keys, optionally mapped to the time the nudge went out),
the visits that would be nudged under the tested rule split into those that really got a nudge
and those that did not.  Both groups are
*comparable*: same process and node, same basis and threshold reached (so the same dwell at the
reference moment), still in the process and not yet advanced at that moment; the reference moment
is the would-be nudge time for both.  The difference of their advance rates is the lift.  Without
``sent`` the table still gives the base rate: how many would-be nudged users advance anyway.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from engine.nudges.evaluate import ENTER, COMPLETE, NodeIndex, _codes, pair_codes
from engine.nudges.events import EVENTS, NS
from engine.nudges.rules import Process
from engine.progress import NO_STATE, TaskState

I64_MAX = np.iinfo(np.int64).max
DAY = 86400 * NS


@dataclass
class NodeResult:
    process_id: str
    node_id: str
    basis: str
    threshold_s: float
    visits: int
    nudges: int
    per_day: float
    advanced: int  # would-be nudged users who advanced within the window anyway
    nudged_n: int = 0  # really nudged (sent history)
    nudged_adv: int = 0
    control_n: int = 0
    control_adv: int = 0

    @property
    def advanced_rate(self) -> float | None:
        return self.advanced / self.nudges if self.nudges else None

    @property
    def nudged_rate(self) -> float | None:
        return self.nudged_adv / self.nudged_n if self.nudged_n else None

    @property
    def control_rate(self) -> float | None:
        return self.control_adv / self.control_n if self.control_n else None

    @property
    def lift(self) -> float | None:
        a, b = self.nudged_rate, self.control_rate
        return None if a is None or b is None else a - b


@dataclass
class BacktestResult:
    nodes: list[NodeResult]
    days: list[str]
    per_day: dict[tuple[str, str], list[int]]  # (process, node) -> count per day in ``days``
    window_s: float
    start_ns: int
    end_ns: int
    nudge_user: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    nudge_time: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    nudge_node: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def rows(self) -> list[dict]:
        return [{"process_id": r.process_id, "node_id": r.node_id, "basis": r.basis,
                 "threshold_s": r.threshold_s, "visits": r.visits, "nudges": r.nudges,
                 "nudges_per_day": round(r.per_day, 2), "advanced_anyway": r.advanced,
                 "advanced_anyway_rate": r.advanced_rate, "nudged": r.nudged_n,
                 "nudged_advanced_rate": r.nudged_rate, "comparable": r.control_n,
                 "comparable_advanced_rate": r.control_rate, "lift": r.lift} for r in self.nodes]


def _quiet_shift(p: Process, t: np.ndarray) -> np.ndarray:
    """Each time moved to the end of the quiet hours if it falls in them."""
    if p.quiet_hours is None or not len(t):
        return t
    q = p.quiet_hours
    start, end = q.minutes()
    off = q.utc_offset_minutes * 60 * NS
    local = t + off
    minute = (local // (60 * NS)) % 1440
    inside = (minute >= start) & (minute < end) if start < end else (minute >= start) | (minute < end)
    day0 = local - local % DAY
    cand = day0 + end * 60 * NS
    cand = np.where(cand <= local, cand + DAY, cand)
    return np.where(inside, cand - off, t)


def _apply_cap(pair: np.ndarray, t: np.ndarray, keep: np.ndarray, max_n: int,
               per_ns: int) -> None:
    """Greedy cap: walk each pair's nudges in time order (only pairs with > max_n candidates)."""
    counts = np.bincount(pair[keep], minlength=int(pair.max()) + 1 if len(pair) else 0)
    heavy = np.flatnonzero(counts > max_n)
    if not len(heavy):
        return
    rows = np.flatnonzero(keep & np.isin(pair, heavy))
    rows = rows[np.lexsort((t[rows], pair[rows]))]
    current, kept = -1, []
    for r in rows.tolist():
        if pair[r] != current:
            current, kept = pair[r], []
        recent = [k for k in kept if k > t[r] - per_ns]
        if len(recent) >= max_n:
            keep[r] = False
        else:
            kept.append(int(t[r]))


def backtest(events: pa.Table, processes: list[Process], *, window_s: float = 86400.0,
             end_ns: int | None = None,
             sent: set[tuple[str, str, str, int]] | dict[tuple[str, str, str, int], int] | None = None,
             state: TaskState = NO_STATE) -> BacktestResult:
    """Replay ``events`` under ``processes`` (see the module docstring for the definitions)."""
    index = NodeIndex(processes)
    n = len(events)
    ts_all = events["ts"].combine_chunks().to_numpy() if n else np.zeros(0, np.int64)
    end_ns = int(ts_all.max()) if end_ns is None and n else int(end_ns or 0)
    state.set_progress(0.05, "sorting events")
    pair_all, pair_user, pair_proc, users, procs = pair_codes(events)
    node_code, nodes = _codes(events["node_id"])
    e_codes, ev_names = _codes(events["event"])
    ev_all = np.array([EVENTS.index(v) for v in ev_names] or [0], dtype=np.int8)[e_codes]
    keep = ts_all <= end_ns
    pos = np.flatnonzero(keep)
    order = pos[np.lexsort((pos, ts_all[pos], pair_all[pos]))]
    pair, ts, ev = pair_all[order], ts_all[order], ev_all[order]
    table = index.lookup(procs, nodes)
    g = table[pair_proc[pair], node_code[order]]
    state.check()
    state.set_progress(0.25, "visits")
    m = len(order)
    new_pair = np.ones(m, dtype=bool)
    new_pair[1:] = pair[1:] != pair[:-1]
    # drop everything from the first complete on (the complete itself ends the last visit)
    comp = (ev == COMPLETE).astype(np.int64)
    csum = np.cumsum(comp)
    base = np.maximum.accumulate(np.where(new_pair, csum - comp, 0))
    after_complete = (csum - base) > 0  # this event is a complete or follows one
    nxt_ts = np.full(m, end_ns + 1, dtype=np.int64)  # a visit open at the end is due up to end
    same_next = np.zeros(m, dtype=bool)
    same_next[:-1] = ~new_pair[1:]
    nxt_ts[:-1] = np.where(same_next[:-1], ts[1:], end_ns + 1)
    node_raw = node_code[order]
    new_visit = new_pair.copy()
    new_visit[1:] |= node_raw[1:] != node_raw[:-1]
    new_visit |= ev == ENTER
    visit = np.cumsum(new_visit) - 1
    vstart_idx = np.flatnonzero(new_visit)
    vstart = ts[vstart_idx]
    nv = len(vstart_idx)
    valid = ~after_complete & (g >= 0)
    # visit end: next_ts of the visit's last event
    vlast_idx = np.concatenate([vstart_idx[1:] - 1, [m - 1]]) if nv else vstart_idx
    vend = nxt_ts[vlast_idx] if nv else np.zeros(0, np.int64)
    state.check()
    state.set_progress(0.45, "due moments")
    thr = index.threshold_ns[np.maximum(g, 0)]
    stay = index.stay[np.maximum(g, 0)]
    vis_start_ev = vstart[visit] if nv else np.zeros(0, np.int64)
    cand = np.where(stay, vis_start_ev + thr, ts + thr)
    # the candidate must fall in this event's interval [ts, next) (stay) / before next (idle)
    ok = valid & (cand < nxt_ts) & np.where(stay, cand >= ts, True) & index.enabled[np.maximum(g, 0)]
    for p in processes:
        pc_mask = ok & (np.array([k[0] == p.id for k in index.keys] or [False])[np.maximum(g, 0)])
        rows = np.flatnonzero(pc_mask)
        if not len(rows):
            continue
        shifted = _quiet_shift(p, cand[rows])
        end_here = np.where(stay[rows], vend[visit[rows]], nxt_ts[rows])
        good = shifted < end_here
        if p.abandon_after is not None:
            good &= shifted - ts[rows] <= round(p.abandon_after * NS)
        cand[rows] = shifted
        ok[rows[~good]] = False
    vdue = np.full(nv, I64_MAX, dtype=np.int64)
    np.minimum.at(vdue, visit[ok], cand[ok])
    nudged_v = np.flatnonzero(vdue < I64_MAX)
    v_g = g[vstart_idx] if nv else np.zeros(0, np.int64)
    v_pair = pair[vstart_idx] if nv else np.zeros(0, np.int64)
    keepv = np.ones(len(nudged_v), dtype=bool)
    for p in processes:
        if p.cap is None:
            continue
        mine = np.array([k[0] == p.id for k in index.keys])[v_g[nudged_v]]
        sub = np.flatnonzero(mine)
        k2 = keepv[sub].copy()
        _apply_cap(v_pair[nudged_v][sub], vdue[nudged_v][sub], k2, p.cap.max_nudges,
                   round(p.cap.per_seconds * NS))
        keepv[sub] = k2
    nudged_v = nudged_v[keepv]
    t_n = vdue[nudged_v]
    state.check()
    state.set_progress(0.65, "outcomes")
    # advanced: an event on a later node of the process, or a complete, in (t, t + window]
    node_rank = np.full(len(index.keys), 0, dtype=np.int64)
    for p in processes:
        for i, nd in enumerate(p.nodes):
            node_rank[index.position[(p.id, nd.id)]] = i
    ev_rank = np.where(g >= 0, node_rank[np.maximum(g, 0)], -1)
    ev_rank = np.where(ev == COMPLETE, 10**6, ev_rank)
    q_rank = node_rank[v_g[nudged_v]]
    q_pair = v_pair[nudged_v]
    def first_advance(rows: np.ndarray, q_time: np.ndarray) -> np.ndarray:
        """For nudges ``rows``: ts of the first later-node or complete event after q_time."""
        out = np.full(len(rows), I64_MAX, dtype=np.int64)
        for k in np.unique(q_rank[rows]).tolist():
            qi = np.flatnonzero(q_rank[rows] == k)
            ei = np.flatnonzero(ev_rank > k)
            kp = np.concatenate([pair[ei], q_pair[rows][qi]])
            kt = np.concatenate([ts[ei], q_time[qi]])
            kind = np.concatenate([np.zeros(len(ei), np.int8), np.ones(len(qi), np.int8)])
            o = np.lexsort((kind, kt, kp))  # an event at exactly q_time is not "after"
            is_ev = kind[o] == 0
            idx = np.where(is_ev, np.arange(len(o)), len(o))
            nxt = np.minimum.accumulate(idx[::-1])[::-1]
            qpos = np.flatnonzero(~is_ev)
            j = nxt[qpos]
            jj = np.minimum(j, len(o) - 1)
            same = (j < len(o)) & (kp[o][jj] == kp[o][qpos])
            out[qi[o[qpos] - len(ei)]] = np.where(same, kt[o][jj], I64_MAX)
        return out

    window_ns = round(window_s * NS)
    advanced = first_advance(np.arange(len(nudged_v)), t_n) <= t_n + window_ns
    # really nudged (sent history) vs comparable; a really nudged user's outcome is measured
    # from the real nudge when it came after the would-be moment
    really = np.zeros(len(nudged_v), dtype=bool)
    adv_ref = advanced.copy()
    if sent:
        keys = list(zip(np.array(users, dtype=object)[pair_user[q_pair]].tolist(),
                        np.array(procs, dtype=object)[pair_proc[q_pair]].tolist(),
                        [index.keys[x][1] for x in v_g[nudged_v].tolist()],
                        vstart[nudged_v].tolist()))
        times = sent if isinstance(sent, dict) else dict.fromkeys(sent)
        really = np.array([k in times for k in keys], dtype=bool)
        sent_ns = np.array([-1 if times.get(k) is None else int(times[k]) for k in keys],
                           dtype=np.int64)
        later = np.flatnonzero(really & (sent_ns > t_n))
        if len(later):
            ref = sent_ns[later]
            adv_ref[later] = first_advance(later, ref) <= ref + window_ns
    state.set_progress(0.85, "per node")
    start_ns = int(ts.min()) if m else end_ns
    day0 = start_ns - start_ns % DAY
    n_days = max(1, int((end_ns - day0) // DAY) + 1)
    span_days = max((end_ns - start_ns) / DAY, 1e-9) if m else 1.0
    day_idx = ((t_n - day0) // DAY).astype(np.int64)
    visits_per_g = np.bincount(v_g[v_g >= 0], minlength=len(index.keys))
    nodes_out, per_day = [], {}
    ng = v_g[nudged_v]
    for gi, (pid, nid) in enumerate(index.keys):
        sel = ng == gi
        node = processes[[p.id for p in processes].index(pid)].node(nid)
        r = NodeResult(pid, nid, node.basis, node.threshold, int(visits_per_g[gi]),
                       int(sel.sum()), float(sel.sum() / span_days), int((advanced & sel).sum()),
                       int((really & sel).sum()), int((adv_ref & really & sel).sum()),
                       int((~really & sel).sum()) if sent else 0,
                       int((advanced & ~really & sel).sum()) if sent else 0)
        nodes_out.append(r)
        per_day[(pid, nid)] = np.bincount(day_idx[sel], minlength=n_days)[:n_days].tolist()
    from engine.nudges.events import iso

    days = [iso(day0 + i * DAY)[:10] for i in range(n_days)]
    state.set_progress(1.0, "backtest done")
    return BacktestResult(nodes_out, days, per_day, window_s, start_ns, end_ns,
                          np.array(users, dtype=object)[pair_user[q_pair]], t_n, ng)


def format_table(result: BacktestResult) -> str:
    """The per-node table the CLI prints."""
    def pct(v):
        return "—" if v is None else f"{v * 100:5.1f}%"

    head = ("process", "node", "basis", "threshold", "visits", "nudges", "per day",
            "adv. anyway", "nudged adv.", "comparable adv.", "lift")
    rows = []
    from engine.nudges.rules import format_duration

    for r in result.nodes:
        rows.append((r.process_id, r.node_id, r.basis, format_duration(r.threshold_s),
                     f"{r.visits:,}", f"{r.nudges:,}", f"{r.per_day:,.1f}", pct(r.advanced_rate),
                     f"{pct(r.nudged_rate)} (n={r.nudged_n})" if r.nudged_n else "—",
                     f"{pct(r.control_rate)} (n={r.control_n})" if r.control_n else "—",
                     "—" if r.lift is None else f"{r.lift * 100:+.1f} pt"))
    widths = [max(len(h), *(len(str(x[i])) for x in rows)) if rows else len(h)
              for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(str(v).ljust(w) for v, w in zip(row, widths)) for row in rows]
    from engine.nudges.rules import format_duration as fd

    lines.append(f"window {fd(result.window_s)}; advanced = an event on a later node or complete "
                 "within the window after the nudge")
    return "\n".join(lines)
