"""Evaluation at a time T: who is at which node, for how long, and who is due.

Follows docs/nudges.md ("Semantics") exactly.  The pipeline is a few vectorised stages over the
event table, with no sort and no Python loop per event: every per-(user, process) quantity is a
grouped max/min (``np.maximum.at``) keyed by a dense pair code.

1. window    ``ts ≤ T``
2. tail      latest event per pair = max ``(ts, position)``  → current node, last activity
3. run       latest event per pair on *another* node = max ``(ts, position)`` among them;
             the run is everything after it
4. visit     start = max ``ts`` of the run's ``enter`` events, else min ``ts`` of the run
5. dwell     ``stay``: T − visit start; ``idle``: T − last event
6. due       dwell ≥ threshold, not completed, known process and node (then :func:`apply_filters`)
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from engine.nudges.events import EVENTS, NS
from engine.nudges.rules import Process
from engine.progress import NO_STATE, TaskState

I64_MIN = np.iinfo(np.int64).min
I64_MAX = np.iinfo(np.int64).max
ENTER, OPERATE, LEAVE, COMPLETE = range(4)


@dataclass
class NodeIndex:
    """Flat numbering of every (process, node) of the rules: arrays the stages index into."""

    processes: list[Process]
    keys: list[tuple[str, str]] = field(default_factory=list)
    threshold_ns: np.ndarray = None
    stay: np.ndarray = None
    enabled: np.ndarray = None

    def __post_init__(self) -> None:
        self.keys = [(p.id, n.id) for p in self.processes for n in p.nodes]
        nodes = [n for p in self.processes for n in p.nodes]
        self.threshold_ns = np.array([round(n.threshold * NS) for n in nodes], dtype=np.int64)
        self.stay = np.array([n.basis == "stay" for n in nodes], dtype=bool)
        self.enabled = np.array([n.enabled for n in nodes], dtype=bool)
        self.position = {k: i for i, k in enumerate(self.keys)}

    def lookup(self, process_dict: list[str], node_dict: list[str]) -> np.ndarray:
        """table[process code, node code] -> flat node index or -1 (unknown)."""
        table = np.full((max(len(process_dict), 1), max(len(node_dict), 1)), -1, dtype=np.int64)
        pcode = {v: i for i, v in enumerate(process_dict)}
        ncode = {v: i for i, v in enumerate(node_dict)}
        for g, (pid, nid) in enumerate(self.keys):
            if pid in pcode and nid in ncode:
                table[pcode[pid], ncode[nid]] = g
        return table


@dataclass
class Snapshot:
    """Every active (user, process) pair at T: not completed, at a node the rules know.

    Arrays are aligned; ``due`` is rule 8 before quiet hours, caps and "already nudged".
    """

    at_ns: int
    user_id: np.ndarray  # object array of str
    process_id: np.ndarray
    node: np.ndarray  # flat node index (NodeIndex)
    visit_start_ns: np.ndarray
    last_ns: np.ndarray
    dwell_ns: np.ndarray
    due: np.ndarray
    pair_code: np.ndarray  # internal pair codes (to find the pair's events again)
    index: NodeIndex
    completed_pairs: int = 0
    unknown_pairs: int = 0
    event_pair: np.ndarray | None = None  # pair code of every event row (attrs lookup)

    def __len__(self) -> int:
        return len(self.node)

    def node_id(self, rows=None) -> np.ndarray:
        ids = np.array([k[1] for k in self.index.keys] or [""], dtype=object)
        return ids[self.node if rows is None else self.node[rows]]


def _codes(col) -> tuple[np.ndarray, list[str]]:
    arr = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    if not pa.types.is_dictionary(arr.type):
        arr = pc.dictionary_encode(arr)
    return (arr.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            arr.dictionary.to_pylist())


def pair_codes(events: pa.Table) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str], list[str]]:
    """Dense (user, process) codes of every row, plus for each code its user and process."""
    u, users = _codes(events["user_id"])
    p, procs = _codes(events["process_id"])
    raw = u * max(len(procs), 1) + p
    span = max(len(users), 1) * max(len(procs), 1)
    if span <= 4 * max(len(raw), 1):
        seen = np.zeros(span, dtype=bool)
        seen[raw] = True
        dense = np.cumsum(seen) - 1
        codes = np.flatnonzero(seen)
        pair = dense[raw]
    else:
        codes, pair = np.unique(raw, return_inverse=True)
    return pair, codes // max(len(procs), 1), codes % max(len(procs), 1), users, procs


def evaluate(events: pa.Table, processes: list[Process], at_ns: int,
             state: TaskState = NO_STATE) -> Snapshot:
    """The snapshot of every active pair at ``at_ns`` (nanoseconds since the epoch)."""
    index = NodeIndex(processes)
    ts_all = events["ts"].combine_chunks().to_numpy() if len(events) else np.zeros(0, np.int64)
    state.set_progress(0.05, "window")
    keep = ts_all <= at_ns
    pos = np.flatnonzero(keep) if not keep.all() else np.arange(len(ts_all))
    ts = ts_all[pos]
    pair_all, pair_user, pair_proc, users, procs = pair_codes(events)
    pair = pair_all[pos]
    n_all, nodes = _codes(events["node_id"])
    e_all, ev_names = _codes(events["event"])
    ev_map = np.array([EVENTS.index(v) for v in ev_names] or [0], dtype=np.int8)
    ev = ev_map[e_all[pos]]
    node = n_all[pos]
    npairs = len(pair_user)
    state.check()

    state.set_progress(0.2, "latest event per user")
    last_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    np.maximum.at(last_ts, pair, ts)
    at_max = ts == last_ts[pair]
    last_pos = np.full(npairs, -1, dtype=np.int64)
    np.maximum.at(last_pos, pair[at_max], pos[at_max])
    present = last_pos >= 0
    done = np.zeros(npairs, dtype=bool)
    done[pair[ev == COMPLETE]] = True
    cur = np.full(npairs, -1, dtype=np.int64)
    cur[present] = n_all[last_pos[present]]
    table = index.lookup(procs, nodes)
    rule = np.full(npairs, -1, dtype=np.int64)
    rule[present] = table[pair_proc[present], cur[present]]
    active = present & ~done & (rule >= 0)
    state.check()

    state.set_progress(0.45, "current visit")
    # Only events of active pairs matter from here on.
    sel = active[pair]
    if not sel.all():
        pair, ts, node, ev, epos = pair[sel], ts[sel], node[sel], ev[sel], pos[sel]
    else:
        epos = pos
    other = node != cur[pair]
    b_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    np.maximum.at(b_ts, pair[other], ts[other])
    at_b = other & (ts == b_ts[pair])
    b_pos = np.full(npairs, -1, dtype=np.int64)
    np.maximum.at(b_pos, pair[at_b], epos[at_b])
    bt = b_ts[pair]
    in_run = (ts > bt) | ((ts == bt) & (epos > b_pos[pair]))
    state.check()
    state.set_progress(0.7, "visit start")
    enter_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    m = in_run & (ev == ENTER)
    np.maximum.at(enter_ts, pair[m], ts[m])
    first_ts = np.full(npairs, I64_MAX, dtype=np.int64)
    np.minimum.at(first_ts, pair[in_run], ts[in_run])
    visit = np.where(enter_ts != I64_MIN, enter_ts, first_ts)

    state.set_progress(0.9, "dwell")
    rows = np.flatnonzero(active)
    g = rule[rows]
    stay = index.stay[g]
    dwell = np.where(stay, at_ns - visit[rows], at_ns - last_ts[rows])
    due = (dwell >= index.threshold_ns[g]) & index.enabled[g]
    users_arr = np.array(users, dtype=object)
    procs_arr = np.array(procs, dtype=object)
    snap = Snapshot(at_ns=int(at_ns), user_id=users_arr[pair_user[rows]],
                    process_id=procs_arr[pair_proc[rows]], node=g, visit_start_ns=visit[rows],
                    last_ns=last_ts[rows], dwell_ns=dwell, due=due, pair_code=rows, index=index,
                    completed_pairs=int((present & done).sum()),
                    unknown_pairs=int((present & ~done & (rule < 0)).sum()),
                    event_pair=pair_all)
    state.set_progress(1.0, "evaluated")
    return snap


def due_keys(snap: Snapshot) -> set[tuple[str, str, str]]:
    """{(user_id, process_id, node_id)} of the due rows (for comparisons and tests)."""
    rows = np.flatnonzero(snap.due)
    return set(zip(snap.user_id[rows].tolist(), snap.process_id[rows].tolist(),
                   snap.node_id(rows).tolist()))


def in_quiet_hours(process: Process, at_ns: int) -> bool:
    q = process.quiet_hours
    if q is None:
        return False
    local_min = ((at_ns // NS + q.utc_offset_minutes * 60) // 60) % 1440
    start, end = q.minutes()
    if start < end:
        return start <= local_min < end
    return local_min >= start or local_min < end


def quiet_end_ns(process: Process, at_ns: int) -> int:
    """The first moment ≥ at_ns outside the process's quiet hours."""
    if not in_quiet_hours(process, at_ns):
        return at_ns
    q = process.quiet_hours
    _, end = q.minutes()
    minute_ns = 60 * NS
    local = at_ns + q.utc_offset_minutes * minute_ns
    day = local - local % (1440 * minute_ns)
    cand = day + end * minute_ns
    if cand <= local:
        cand += 1440 * minute_ns
    return cand - q.utc_offset_minutes * minute_ns


@dataclass
class History:
    """Nudges already created (from the outbox): visit keys and creation times per user."""

    visits: set[tuple[str, str, str, int]] = field(default_factory=set)
    times: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def add(self, user: str, process: str, node: str, visit_ns: int, created_ns: int) -> None:
        self.visits.add((user, process, node, int(visit_ns)))
        self.times.setdefault((user, process), []).append(int(created_ns))


def apply_filters(snap: Snapshot, history: History | None = None) -> dict[str, int]:
    """Rule 9: remove from ``snap.due`` what exit criteria, quiet hours, caps or history forbid.

    Returns how many were removed for each reason.  Nothing is ever added or moved.
    """
    removed = {"abandoned": 0, "quiet_hours": 0, "already_nudged": 0, "cap": 0}
    procs = {p.id: p for p in snap.index.processes}
    for pid, p in procs.items():
        rows = np.flatnonzero(snap.due & (snap.process_id == pid))
        if not len(rows):
            continue
        if p.abandon_after is not None:
            gone = snap.at_ns - snap.last_ns[rows] > round(p.abandon_after * NS)
            snap.due[rows[gone]] = False
            removed["abandoned"] += int(gone.sum())
            rows = rows[~gone]
        if in_quiet_hours(p, snap.at_ns):
            snap.due[rows] = False
            removed["quiet_hours"] += len(rows)
            continue
        if history is None:
            continue
        nodes = snap.node_id(rows)
        for r, nid in zip(rows.tolist(), nodes.tolist()):
            key = (snap.user_id[r], pid, nid, int(snap.visit_start_ns[r]))
            if key in history.visits:
                snap.due[r] = False
                removed["already_nudged"] += 1
            elif p.cap is not None:
                times = history.times.get((snap.user_id[r], pid), ())
                since = snap.at_ns - round(p.cap.per_seconds * NS)
                if sum(1 for t in times if t > since) >= p.cap.max_nudges:
                    snap.due[r] = False
                    removed["cap"] += 1
    return removed


def dwell_by_node(snap: Snapshot) -> dict[int, np.ndarray]:
    """Sorted dwell (seconds) of the active users at each node: the threshold slider's data."""
    out = {}
    order = np.argsort(snap.node, kind="stable")
    nodes, starts = np.unique(snap.node[order], return_index=True)
    bounds = list(starts[1:]) + [len(order)]
    for g, a, b in zip(nodes.tolist(), starts.tolist(), bounds):
        out[g] = np.sort(snap.dwell_ns[order[a:b]]) / NS
    return out
