"""End-to-end detection: the stages of :mod:`engine.fraud.stages` run in order, with progress."""
from __future__ import annotations

import time

import numpy as np

from engine.fraud import stages
from engine.fraud.io import Events
from engine.fraud.judge import judge
from engine.fraud.params import Params
from engine.progress import NO_STATE, SubState, TaskState

# Share of the progress bar each stage gets (measured at 1M events).
_STEPS = [("selecting events", 0.05), ("building slot vectors", 0.15),
          ("linking candidate pairs", 0.35), ("scoring similarity", 0.25),
          ("pruning", 0.08), ("finding groups", 0.04), ("judging groups", 0.08)]


class _Progress:
    def __init__(self, state: TaskState) -> None:
        self.state, self.done, self.timings, self._t = state, 0.0, {}, time.perf_counter()
        self._name, self._share = "", 0.0

    def step(self, i: int) -> TaskState:
        self.state.check()
        now = time.perf_counter()
        if self._name:
            self.timings[self._name] = round(now - self._t, 3)
            self.done += self._share
        self._t = now
        self._name, self._share = _STEPS[i]
        self.state.set_progress(self.done, self._name)
        return SubState(self.state, self.done, self.done + self._share)

    def finish(self) -> None:
        self.timings[self._name] = round(time.perf_counter() - self._t, 3)
        self.state.set_progress(1.0, "done")


def detect(events: Events, params: Params | None = None, state: TaskState = NO_STATE) -> dict:
    """Run every stage; returns ``{"groups": [...], "params": {...}, "stats": {...}}``.

    Groups are sorted by score (highest first); each has ``id, members, devices, ips, score,
    reasons`` plus ``size, similarity, evidence`` (edges, devices, IPs, synchronised slots,
    heatmap) for the console.
    """
    p = (params or Params()).validate()
    prog = _Progress(state)
    t_start = time.perf_counter()

    prog.step(0)
    sel = stages.select_events(events, p)
    n_users = int(sel.kept.size)
    prog.step(1)
    if n_users == 0:
        prog.finish()
        return _result([], p, events, sel, None, None, 0, prog, t_start)
    feat = stages.slot_features(sel, p)
    sub = prog.step(2)
    pairs = stages.candidate_pairs(events, sel, feat, p, state=sub)
    sub = prog.step(3)
    sim, _ = stages.pair_similarity(pairs, feat, state=sub)
    sub = prog.step(4)
    edges = stages.prune(pairs, sim, feat, p, state=sub)
    prog.step(5)
    label = stages.find_groups(n_users, edges, p)
    sub = prog.step(6)
    groups = judge(events, sel, feat, edges, label, p, state=sub)
    prog.finish()
    return _result(groups, p, events, sel, pairs, edges, int(label.max()) + 1, prog, t_start)


def _result(groups, p, events, sel, pairs, edges, n_components, prog, t_start) -> dict:
    stats = {
        "events": len(events),
        "users": int(len(events.users)),
        "acting_events": int(sel.u.size),
        "analysed_users": int(sel.kept.size),
        "pairs_generated": int(pairs.generated) if pairs is not None else 0,
        "candidate_pairs": int(pairs.u.size) if pairs is not None else 0,
        "candidate_pairs_by_link": {
            "target_window": int(np.count_nonzero(pairs.via & stages.VIA_TARGET)),
            "device": int(np.count_nonzero(pairs.via & stages.VIA_DEVICE)),
            "ip": int(np.count_nonzero(pairs.via & stages.VIA_IP)),
        } if pairs is not None else {},
        "kept_edges": int(edges.u.size) if edges is not None else 0,
        "components": int(max(n_components, 0)),
        "groups": len(groups),
        "flagged_accounts": int(sum(g["size"] for g in groups)),
        "seconds": round(time.perf_counter() - t_start, 3),
        "stage_seconds": prog.timings,
    }
    if sel.ts.size:
        stats["period"] = [int(sel.ts.min()), int(sel.ts.max())]
    return {"groups": groups, "params": p.to_dict(), "stats": stats}


def public_json(result: dict, *, evidence: bool = False) -> dict:
    """The CLI's JSON: groups with id, members, devices, ips, score, reasons (+ evidence)."""
    keys = ("id", "members", "devices", "ips", "score", "reasons")
    groups = []
    for g in result["groups"]:
        item = {k: g[k] for k in keys}
        if evidence:
            item["evidence"] = g["evidence"]
        groups.append(item)
    return {"groups": groups, "params": result["params"], "stats": result["stats"]}
