"""From a snapshot to nudges: merged attrs, rendered messages, the CLI's JSON rows."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from engine.nudges.evaluate import History, Snapshot, apply_filters, evaluate
from engine.nudges.events import NS
from engine.nudges.messages import RenderError, choose_template, merge_attrs, render
from engine.nudges.rules import Process
from engine.progress import NO_STATE, SubState, TaskState


@dataclass
class Nudge:
    user_id: str
    process_id: str
    node_id: str
    dwell_ns: int
    visit_start_ns: int
    message: str
    channel: str = "app"
    priority: int = 0
    language: str = ""

    def as_json(self) -> dict:
        return {"user_id": self.user_id, "process_id": self.process_id, "node_id": self.node_id,
                "dwell_seconds": dwell_seconds(self.dwell_ns), "message": self.message}


@dataclass
class Outcome:
    nudges: list[Nudge] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)  # template errors: not sent
    removed: dict[str, int] = field(default_factory=dict)
    snapshot: Snapshot | None = None


def dwell_seconds(ns: int) -> int | float:
    """Whole seconds as an int, otherwise a float of the exact nanosecond count."""
    ns = int(ns)
    return ns // NS if ns % NS == 0 else ns / NS


def attrs_for(events: pa.Table, snap: Snapshot, rows: np.ndarray) -> list[dict]:
    """Each row's attrs merged over its pair's events up to T, in (ts, position) order."""
    if not len(rows) or snap.event_pair is None:
        return [{} for _ in rows]
    attrs = events["attrs"].combine_chunks()
    ts = events["ts"].combine_chunks().to_numpy()
    has = attrs.is_valid().to_numpy(zero_copy_only=False) & (ts <= snap.at_ns)
    wanted = np.zeros(int(snap.event_pair.max()) + 1, dtype=bool)
    wanted[snap.pair_code[rows]] = True
    idx = np.flatnonzero(has & wanted[snap.event_pair])
    order = idx[np.lexsort((idx, ts[idx], snap.event_pair[idx]))]
    texts = attrs.take(pa.array(order)).to_pylist()
    pairs = snap.event_pair[order]
    bounds = np.flatnonzero(np.diff(pairs)) + 1
    starts = np.concatenate([[0], bounds]).astype(int)
    ends = np.concatenate([bounds, [len(order)]]).astype(int)
    merged = {int(pairs[a]): merge_attrs(texts[a:b]) for a, b in zip(starts, ends) if b > a}
    return [merged.get(int(snap.pair_code[r]), {}) for r in rows]


def build_nudges(events: pa.Table, snap: Snapshot, rows: np.ndarray | None = None) -> Outcome:
    """Render the message of every due row (or of ``rows``)."""
    rows = np.flatnonzero(snap.due) if rows is None else np.asarray(rows)
    procs = {p.id: p for p in snap.index.processes}
    nodes = {(p.id, n.id): n for p in snap.index.processes for n in p.nodes}
    node_ids = snap.node_id(rows)
    out = Outcome(snapshot=snap)
    for r, nid, attrs in zip(rows.tolist(), node_ids.tolist(), attrs_for(events, snap, rows)):
        pid = snap.process_id[r]
        p, n = procs[pid], nodes[(pid, nid)]
        chosen = choose_template(n.templates, attrs, p.language_attr, p.default_language)
        lang, text = chosen if chosen else ("", "")
        msg = render(text, attrs, p.fallbacks_for(lang)) if chosen else ""
        if isinstance(msg, RenderError):
            out.errors.append({"user_id": snap.user_id[r], "process_id": pid, "node_id": nid,
                               "language": lang, "error": str(msg)})
            continue
        out.nudges.append(Nudge(snap.user_id[r], pid, nid, int(snap.dwell_ns[r]),
                                int(snap.visit_start_ns[r]), msg, n.channel, n.priority, lang))
    out.nudges.sort(key=lambda x: (-x.priority, x.process_id, x.user_id))
    return out


def run_evaluation(events: pa.Table, processes: list[Process], at_ns: int,
                   history: History | None = None, state: TaskState = NO_STATE) -> Outcome:
    """Evaluate, apply quiet hours / caps / history, render: the nudges due at ``at_ns``."""
    snap = evaluate(events, processes, at_ns, state=SubState(state, 0.0, 0.8))
    removed = apply_filters(snap, history)
    state.set_progress(0.85, "rendering messages")
    out = build_nudges(events, snap)
    out.removed = removed
    state.set_progress(1.0, f"{len(out.nudges)} nudges due")
    return out
