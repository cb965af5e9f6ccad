"""Incremental evaluation of a live event stream: state per (user, process).

:class:`StreamEvaluator` folds batches of events into per-pair state arrays — last event time,
current node, visit start, completed — with the same vectorised grouped max/min stages as
:func:`engine.nudges.evaluate.evaluate`, so a batch costs O(batch), not O(history):

* a pair whose new events all come after its state (the usual case) is updated from the batch
  alone: if the batch's run is on the state's node and has no event on another node, the visit
  continues (its start is the batch's latest ``enter`` or the stored start), otherwise the batch
  starts a new visit;
* a pair that received a *late* event (earlier than its last one) is recomputed exactly from its
  stored history (rule 2: order is by ts, then arrival).

:meth:`StreamEvaluator.due` at T gives the same due-set as the batch evaluation of everything
ingested; pairs whose state is newer than T are recomputed from history at T.
"""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from engine.nudges.evaluate import COMPLETE, ENTER, I64_MAX, I64_MIN, NodeIndex, _codes
from engine.nudges.events import EVENTS
from engine.nudges.rules import Process


def tails(pair: np.ndarray, ts: np.ndarray, seq: np.ndarray, node: np.ndarray, ev: np.ndarray,
          npairs: int) -> dict[str, np.ndarray]:
    """Per pair: last ts, current node, completed, visit start, and whether the run is whole."""
    last_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    np.maximum.at(last_ts, pair, ts)
    at_max = ts == last_ts[pair]
    last_seq = np.full(npairs, -1, dtype=np.int64)
    np.maximum.at(last_seq, pair[at_max], seq[at_max])
    present = last_seq >= 0
    is_last = at_max & (seq == last_seq[pair])
    cur = np.full(npairs, -1, dtype=np.int64)
    cur[pair[is_last]] = node[is_last]
    done = np.zeros(npairs, dtype=bool)
    done[pair[ev == COMPLETE]] = True
    other = node != cur[pair]
    b_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    np.maximum.at(b_ts, pair[other], ts[other])
    at_b = other & (ts == b_ts[pair])
    b_seq = np.full(npairs, -1, dtype=np.int64)
    np.maximum.at(b_seq, pair[at_b], seq[at_b])
    whole = np.zeros(npairs, dtype=bool)
    whole[present] = b_seq[present] < 0
    bt = b_ts[pair]
    in_run = (ts > bt) | ((ts == bt) & (seq > b_seq[pair]))
    enter_ts = np.full(npairs, I64_MIN, dtype=np.int64)
    m = in_run & (ev == ENTER)
    np.maximum.at(enter_ts, pair[m], ts[m])
    first_ts = np.full(npairs, I64_MAX, dtype=np.int64)
    np.minimum.at(first_ts, pair[in_run], ts[in_run])
    return {"last_ts": last_ts, "last_seq": last_seq, "cur": cur, "done": done,
            "has_enter": enter_ts != I64_MIN, "enter_ts": enter_ts, "first_ts": first_ts,
            "whole": whole, "present": present}


class StreamEvaluator:
    def __init__(self, processes: list[Process], capacity: int = 1 << 16) -> None:
        self.index = NodeIndex(processes)
        self.pair_ids: dict[tuple[str, str], int] = {}
        self.pair_keys: list[tuple[str, str]] = []
        self.node_ids: dict[str, int] = {}
        self.node_names: list[str] = []
        self.seq = 0
        self._alloc(capacity)
        # history: one array block sorted by pair (searchsorted look-ups) + recent batches,
        # merged into the block whenever they outgrow it (amortised O(log n) per event)
        empty = np.zeros(0, dtype=np.int64)
        self._sorted = (empty, empty, empty, empty, np.zeros(0, dtype=np.int8))
        self._recent: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        self._recent_n = 0
        self.late_events = 0
        self.recomputed_pairs = 0

    def _alloc(self, n: int) -> None:
        self.last_ts = np.full(n, I64_MIN, dtype=np.int64)
        self.last_seq = np.full(n, -1, dtype=np.int64)
        self.cur = np.full(n, -1, dtype=np.int64)
        self.done = np.zeros(n, dtype=bool)
        self.visit = np.zeros(n, dtype=np.int64)

    def _grow(self, n: int) -> None:
        size = len(self.last_ts)
        if n <= size:
            return
        new = max(n, size * 2)
        for name, fill in (("last_ts", I64_MIN), ("last_seq", -1), ("cur", -1), ("done", False),
                           ("visit", 0)):
            old = getattr(self, name)
            arr = np.full(new, fill, dtype=old.dtype)
            arr[:size] = old
            setattr(self, name, arr)

    def __len__(self) -> int:
        return len(self.pair_keys)

    def _map(self, col, registry: dict, names: list) -> np.ndarray:
        codes, values = _codes(col)
        lut = np.empty(len(values), dtype=np.int64)
        for i, v in enumerate(values):
            j = registry.get(v)
            if j is None:
                j = registry[v] = len(names)
                names.append(v)
            lut[i] = j
        return lut[codes] if len(values) else codes

    def ingest(self, batch: pa.Table) -> None:
        """Fold one batch (event-log schema, in arrival order) into the state."""
        n = len(batch)
        if not n:
            return
        u, users = _codes(batch["user_id"])
        p, procs = _codes(batch["process_id"])
        local = u * max(len(procs), 1) + p
        uniq, inv = np.unique(local, return_inverse=True)
        lut = np.empty(len(uniq), dtype=np.int64)
        np_ = max(len(procs), 1)
        for i, code in enumerate(uniq.tolist()):
            key = (users[code // np_], procs[code % np_])
            j = self.pair_ids.get(key)
            if j is None:
                j = self.pair_ids[key] = len(self.pair_keys)
                self.pair_keys.append(key)
            lut[i] = j
        pair = lut[inv]
        self._grow(len(self.pair_keys))
        node = self._map(batch["node_id"], self.node_ids, self.node_names)
        e_codes, ev_names = _codes(batch["event"])
        ev = np.array([EVENTS.index(v) for v in ev_names], dtype=np.int8)[e_codes]
        ts = batch["ts"].combine_chunks().to_numpy()
        seq = self.seq + np.arange(n, dtype=np.int64)
        self.seq += n
        self._recent.append((pair, ts, seq, node, ev))
        self._recent_n += n
        if self._recent_n > max(len(self._sorted[0]), 1 << 18):
            self._compact()
        # late: earlier than the pair's stored last event
        late = ts < self.last_ts[pair]
        late_pairs = np.unique(pair[late]) if late.any() else np.zeros(0, np.int64)
        self.late_events += int(late.sum())
        # fold the batch: local pair numbering over this batch's pairs
        bp = inv
        t = tails(bp, ts, seq, node, ev, len(uniq))
        g = lut  # global id of each local pair
        prev_cur = self.cur[g]
        cont = t["whole"] & (t["cur"] == prev_cur) & (self.last_seq[g] >= 0)
        batch_visit = np.where(t["has_enter"], t["enter_ts"], t["first_ts"])
        visit = np.where(cont & ~t["has_enter"], self.visit[g], batch_visit)
        self.visit[g] = visit
        self.cur[g] = t["cur"]
        self.last_ts[g] = np.maximum(self.last_ts[g], t["last_ts"])
        self.last_seq[g] = t["last_seq"]
        self.done[g] |= t["done"]
        if len(late_pairs):
            self._recompute(late_pairs, None)

    def _compact(self) -> None:
        parts = [self._sorted] + self._recent
        cols = [np.concatenate([p[i] for p in parts]) for i in range(5)]
        order = np.argsort(cols[0], kind="stable")
        self._sorted = tuple(c[order] for c in cols)
        self._recent, self._recent_n = [], 0

    def _gather(self, pairs: np.ndarray):
        """All stored events of ``pairs`` (any order; ``tails`` orders by ts and seq)."""
        key = self._sorted[0]
        lo = np.searchsorted(key, pairs, "left")
        hi = np.searchsorted(key, pairs, "right")
        lengths = hi - lo
        total = int(lengths.sum())
        offsets = np.cumsum(lengths) - lengths
        idx = np.repeat(lo - offsets, lengths) + np.arange(total)
        found = [tuple(a[idx] for a in self._sorted)]
        if self._recent:
            flag = np.zeros(len(self.pair_keys), dtype=bool)
            flag[pairs] = True
            found += [tuple(a[flag[h[0]]] for a in h) for h in self._recent]
        return [np.concatenate([x[i] for x in found]) for i in range(5)]

    def _recompute(self, pairs: np.ndarray, at_ns: int | None) -> dict | None:
        pair, ts, seq, node, ev = self._gather(pairs)
        if at_ns is not None:
            keep = ts <= at_ns
            pair, ts, seq, node, ev = pair[keep], ts[keep], seq[keep], node[keep], ev[keep]
        dense = np.full(len(self.pair_keys), -1, dtype=np.int64)
        dense[pairs] = np.arange(len(pairs))
        t = tails(dense[pair], ts, seq, node, ev, len(pairs))
        visit = np.where(t["has_enter"], t["enter_ts"], t["first_ts"])
        if at_ns is not None:
            return {"pairs": pairs, **t, "visit": visit}
        self.recomputed_pairs += len(pairs)
        self.last_ts[pairs] = t["last_ts"]
        self.last_seq[pairs] = t["last_seq"]
        self.cur[pairs] = t["cur"]
        self.done[pairs] = t["done"]
        self.visit[pairs] = visit
        return None

    def due(self, at_ns: int) -> dict[tuple[str, str, str], int]:
        """{(user, process, node): dwell_ns} due at ``at_ns`` (rule 8, before filters)."""
        n = len(self.pair_keys)
        last_ts, cur = self.last_ts[:n].copy(), self.cur[:n].copy()
        done, visit = self.done[:n].copy(), self.visit[:n].copy()
        present = self.last_seq[:n] >= 0
        newer = np.flatnonzero(last_ts > at_ns)
        if len(newer):
            r = self._recompute(newer, at_ns)
            last_ts[newer], cur[newer] = r["last_ts"], r["cur"]
            done[newer], visit[newer] = r["done"], r["visit"]
            present[newer] = r["present"]
        procs = sorted({k[1] for k in self.pair_keys})
        table = self.index.lookup(procs, self.node_names)
        pcode = {v: i for i, v in enumerate(procs)}
        pair_proc = np.array([pcode[k[1]] for k in self.pair_keys], dtype=np.int64) \
            if n else np.zeros(0, np.int64)
        rule = np.full(n, -1, dtype=np.int64)
        ok = present & (cur >= 0)
        rule[ok] = table[pair_proc[ok], cur[ok]]
        active = ok & ~done & (rule >= 0)
        rows = np.flatnonzero(active)
        gi = rule[rows]
        dwell = np.where(self.index.stay[gi], at_ns - visit[rows], at_ns - last_ts[rows])
        due = (dwell >= self.index.threshold_ns[gi]) & self.index.enabled[gi]
        out = {}
        for r, d, g in zip(rows[due].tolist(), dwell[due].tolist(), gi[due].tolist()):
            u, p = self.pair_keys[r]
            out[(u, p, self.index.keys[g][1])] = int(d)
        return out
