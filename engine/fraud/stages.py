"""The detection stages, each a function from column tables to column tables.

Every stage takes and returns plain numpy arrays (conceptually, tables with the named columns), so
each maps onto a Spark job with the same contract (see docs/fraud.md, "Stage contracts"):

1. :func:`select_events`   events → acting events ``(u, target, ts)`` of kept users + user map
2. :func:`slot_features`   acting events → user × (target, slot) matrices (counts, TF-IDF, active)
3. :func:`candidate_pairs` acting events + all events → candidate pairs ``(u, v, via)``
4. :func:`pair_similarity` pairs + matrices → ``(sim, common)`` per pair
5. :func:`prune`           pairs with similarity → kept edges
6. :func:`find_groups`     edges → group label per user
(7. judging lives in :mod:`engine.fraud.judge`.)

No stage loops in Python over events or pairs; loops run over a handful of offsets, chunks of
pairs, or groups.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from scipy import sparse

from engine.fraud.io import Events
from engine.fraud.params import Params
from engine.progress import NO_STATE, TaskState

VIA_TARGET, VIA_DEVICE, VIA_IP = 1, 2, 4
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def factorize(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hash-based factorisation of an int64 column: (codes int32, distinct values)."""
    enc = pc.dictionary_encode(pa.array(keys, type=pa.int64()))
    return enc.indices.to_numpy().astype(np.int32), enc.dictionary.to_numpy()


def count_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct int64 keys and how often each occurs (hash aggregation, no sort)."""
    if keys.size == 0:
        return keys.astype(np.int64), np.zeros(0, np.int64)
    t = pa.table({"k": pa.array(keys, type=pa.int64())}).group_by("k").aggregate([("k", "count")])
    return t.column("k").to_numpy(), t.column("k_count").to_numpy()


def distinct_keys(keys: np.ndarray) -> np.ndarray:
    if keys.size == 0:
        return keys.astype(np.int64)
    return pc.unique(pa.array(keys, type=pa.int64())).to_numpy()


# ---------------------------------------------------------------- stage 1: select
@dataclass
class Selected:
    """Acting events of kept users.  ``local[user_code]`` = compact user index or -1."""

    u: np.ndarray          # int32 compact user index per acting event
    target: np.ndarray     # int32
    ts: np.ndarray         # int64
    local: np.ndarray      # int32, len(events.users)
    kept: np.ndarray       # int32 user codes of kept users (compact index → user code)
    t0: int


def select_events(ev: Events, p: Params) -> Selected:
    wanted = {b.lower() for b in p.behaviours}
    codes = np.array([i for i, a in enumerate(ev.actions) if str(a) in wanted], dtype=np.int16)
    m = np.isin(ev.action, codes)
    counts = np.bincount(ev.user[m], minlength=len(ev.users))
    keep = counts >= p.min_user_events
    m &= keep[ev.user]
    kept = np.flatnonzero(keep).astype(np.int32)
    local = np.full(len(ev.users), -1, np.int32)
    local[kept] = np.arange(kept.size, dtype=np.int32)
    ts = ev.ts[m]
    return Selected(local[ev.user[m]], ev.target[m], ts, local, kept,
                    int(ts.min()) if ts.size else 0)


# ---------------------------------------------------------------- stage 2: features
@dataclass
class Features:
    counts: sparse.csr_matrix   # users × features, event counts (both slot grids)
    tfidf: sparse.csr_matrix    # rows L2-normalised log(1+count)·idf
    active: sparse.csr_matrix   # users × features of the main grid only, 0/1
    keys: np.ndarray            # feature → packed key (see decode_feature)
    n_slots: int


def decode_feature(keys: np.ndarray, n_slots: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(target code, slot index, grid 0 = main / 1 = shifted by half a slot)."""
    grid = keys & 1
    rest = keys >> 1
    return rest // (n_slots + 1), rest % (n_slots + 1), grid


def slot_features(sel: Selected, p: Params) -> Features:
    """Per-user counts in (target, slot) cells on two grids offset by half a slot.

    The second grid catches lock-step actions that straddle a slot boundary; TF-IDF damps counts
    (log) and weights cells by rarity (a peak minute of a top streamer says little).
    """
    n_users = int(sel.kept.size)
    rel = sel.ts - sel.t0
    n_slots = int(rel.max() // p.slot) + 2 if rel.size else 1
    tgt = sel.target.astype(np.int64) * (n_slots + 1)
    key_a = ((tgt + rel // p.slot) << 1)
    key_b = ((tgt + (rel + p.slot // 2) // p.slot) << 1) | 1
    codes, keys = factorize(np.concatenate([key_a, key_b]))
    rows = np.concatenate([sel.u, sel.u])
    n_feat = int(keys.size)
    counts = sparse.csr_matrix((np.ones(rows.size, np.float32), (rows, codes)),
                               shape=(n_users, n_feat))
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=n_feat).astype(np.float32)
    idf = np.log1p(n_users / np.maximum(df, 1.0)).astype(np.float32)
    tfidf = counts.copy()
    tfidf.data = np.log1p(tfidf.data) * idf[tfidf.indices]
    norms = np.sqrt(np.asarray(tfidf.multiply(tfidf).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    tfidf = sparse.diags(1.0 / norms.astype(np.float32)) @ tfidf
    tfidf = tfidf.tocsr()
    main = (keys & 1) == 0
    active = counts[:, np.flatnonzero(main)].tocsr() if main.any() else counts[:, :0].tocsr()
    active.data[:] = 1.0
    # keep main-grid column positions addressable: a map from feature → main column
    return Features(counts, tfidf, active, keys, n_slots)


def main_columns(feat: Features) -> np.ndarray:
    return np.flatnonzero((feat.keys & 1) == 0)


# ---------------------------------------------------------------- stage 3: candidates
def minhash(rows: sparse.csr_matrix, seed: int) -> np.ndarray:
    """One MinHash value per row over its column set (uint64; all-ones for empty rows)."""
    rng = np.random.default_rng(seed)
    a = np.uint64(rng.integers(1, 2**62) | 1)
    b = np.uint64(rng.integers(0, 2**62))
    with np.errstate(over="ignore"):
        h = (rows.indices.astype(np.uint64) * a + b) & _MASK64
        h ^= h >> np.uint64(29)
        h = (h * np.uint64(0xBF58476D1CE4E5B9)) & _MASK64
        h ^= h >> np.uint64(32)
    out = np.full(rows.shape[0], np.iinfo(np.uint64).max, np.uint64)
    nnz = np.diff(rows.indptr)
    has = np.flatnonzero(nnz)
    if has.size:
        out[has] = np.minimum.reduceat(h, rows.indptr[:-1][has])
    return out


def bucket_pairs(bucket: np.ndarray, user: np.ndarray, cap: int, neighbours: int,
                 orders: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of distinct users sharing a bucket, without the quadratic blow-up.

    Buckets of at most ``cap`` users give all their pairs (≤ cap·(cap-1)/2 each).  In bigger
    buckets users are sorted by each MinHash order (users acting alike share MinHash values and
    end up adjacent) and each is linked to its next ``neighbours`` users: ≤ neighbours·orders
    pairs per user, whatever the bucket's size.  Input rows must be distinct (bucket, user).
    """
    if bucket.size == 0:
        e = np.zeros(0, np.int32)
        return e, e
    order = np.lexsort((user, bucket))
    b, u = bucket[order], user[order]
    start = np.r_[True, b[1:] != b[:-1]]
    bid = np.cumsum(start) - 1
    size = np.bincount(bid)
    small = size[bid] <= cap
    us, vs = [], []
    bs, uu = b[small], u[small]
    for d in range(1, min(cap, int(size.max(initial=1)))):
        same = bs[d:] == bs[:-d]
        if not same.any():
            break
        us.append(uu[:-d][same])
        vs.append(uu[d:][same])
    big = ~small
    if big.any():
        bb, ub = b[big], u[big]
        for h in orders:
            o = np.lexsort((ub, h[ub], bb))
            b2, u2 = bb[o], ub[o]
            for d in range(1, neighbours + 1):
                same = b2[d:] == b2[:-d]
                us.append(u2[:-d][same])
                vs.append(u2[d:][same])
    if not us:
        e = np.zeros(0, np.int32)
        return e, e
    a, c = np.concatenate(us), np.concatenate(vs)
    return np.minimum(a, c).astype(np.int32), np.maximum(a, c).astype(np.int32)


@dataclass
class Pairs:
    u: np.ndarray     # int32, u < v, compact user indices
    v: np.ndarray
    via: np.ndarray   # int8 bit set: 1 same target & window, 2 shared device, 4 shared IP
    generated: int    # pairs emitted before de-duplication (the blow-up the caps prevent)


def candidate_pairs(ev: Events, sel: Selected, feat: Features, p: Params,
                    state: TaskState = NO_STATE) -> Pairs:
    n = np.int64(max(int(sel.kept.size), 1))
    orders = [minhash(feat.active, p.seed * 7919 + i) for i in range(p.minhash_orders)]
    generated = 0
    # (a) same target within the same window, counted over windows.
    win = (sel.ts - sel.t0) // p.window
    n_win = int(win.max()) + 1 if win.size else 1
    bk = sel.target.astype(np.int64) * n_win + win
    ub = distinct_keys(bk * n + sel.u)
    a, b = bucket_pairs(ub // n, (ub % n).astype(np.int32), p.bucket_cap, p.neighbours, orders)
    generated += a.size
    keys, cnt = count_keys(a.astype(np.int64) * n + b)
    del a, b
    t_keys = keys[cnt >= p.min_cooccur]
    state.check()
    # (b, c) shared device / shared IP, from every event of kept users.
    lu = sel.local[ev.user]
    parts = [(t_keys, VIA_TARGET)]
    for col, bit in ((ev.device, VIA_DEVICE), (ev.ip, VIA_IP)):
        m = (lu >= 0) & (col >= 0)
        if not m.any():
            continue
        ud = distinct_keys(col[m].astype(np.int64) * n + lu[m])
        a, b = bucket_pairs(ud // n, (ud % n).astype(np.int32), p.bucket_cap, p.neighbours, orders)
        generated += a.size
        parts.append((distinct_keys(a.astype(np.int64) * n + b), bit))
        state.check()
    all_keys = np.concatenate([k for k, _ in parts])
    bits = np.concatenate([np.full(k.size, bit, np.int8) for k, bit in parts])
    t = pa.table({"k": all_keys, "b": bits}).group_by("k").aggregate([("b", "sum")])
    k = t.column("k").to_numpy()
    return Pairs((k // n).astype(np.int32), (k % n).astype(np.int32),
                 t.column("b_sum").to_numpy().astype(np.int8), generated)


# ---------------------------------------------------------------- stage 4: similarity
def rowwise_dot(m: sparse.csr_matrix, u: np.ndarray, v: np.ndarray, chunk: int = 400_000,
                state: TaskState = NO_STATE) -> np.ndarray:
    """``out[i] = m[u[i]] · m[v[i]]`` for every pair, in chunks of sparse row products."""
    out = np.zeros(u.size, np.float32)
    for s in range(0, u.size, chunk):
        e = min(s + chunk, u.size)
        out[s:e] = np.asarray(m[u[s:e]].multiply(m[v[s:e]]).sum(axis=1)).ravel()
        state.check()
    return out


def pair_similarity(pairs: Pairs, feat: Features, state: TaskState = NO_STATE
                    ) -> tuple[np.ndarray, np.ndarray]:
    """TF-IDF cosine of the two users' slot vectors, and their number of common main-grid slots."""
    sim = rowwise_dot(feat.tfidf, pairs.u, pairs.v, state=state)
    # Only pairs that can pass pruning on similarity need the common-slot count.
    common = np.zeros(pairs.u.size, np.int32)
    return sim, common


def common_slots(pairs: Pairs, feat: Features, idx: np.ndarray, state: TaskState = NO_STATE
                 ) -> np.ndarray:
    return np.rint(rowwise_dot(feat.active, pairs.u[idx], pairs.v[idx], state=state)).astype(np.int32)


# ---------------------------------------------------------------- stage 5: prune
@dataclass
class Edges:
    u: np.ndarray
    v: np.ndarray
    sim: np.ndarray
    common: np.ndarray
    via: np.ndarray


def prune(pairs: Pairs, sim: np.ndarray, feat: Features, p: Params,
          state: TaskState = NO_STATE) -> Edges:
    idx = np.flatnonzero(sim >= p.similarity)
    common = common_slots(pairs, feat, idx, state=state)
    keep = common >= p.min_common_slots
    idx = idx[keep]
    return Edges(pairs.u[idx], pairs.v[idx], sim[idx], common[keep], pairs.via[idx])


# ---------------------------------------------------------------- stage 6: groups
def find_groups(n_users: int, edges: Edges, p: Params) -> np.ndarray:
    """Group label per user (-1: in no group of at least ``min_group_size``).

    Connected components of the pruned graph; a component larger than ``split_above`` is split
    into communities (Louvain, weighted by similarity), so two rings joined by a stray edge are
    judged separately.
    """
    from scipy.sparse.csgraph import connected_components

    g = sparse.coo_matrix((np.ones(edges.u.size, np.int8), (edges.u, edges.v)),
                          shape=(n_users, n_users))
    _, comp = connected_components(g, directed=False)
    sizes = np.bincount(comp)
    label = np.where(sizes[comp] >= p.min_group_size, comp, -1).astype(np.int64)
    if p.split_above:
        next_label = int(comp.max(initial=0)) + 1
        for c in np.flatnonzero(sizes > p.split_above):
            next_label = _split(c, comp, edges, label, next_label, p)
    # relabel 0..k-1 and drop communities that came out too small
    valid = label >= 0
    if valid.any():
        _, inv = np.unique(label[valid], return_inverse=True)
        sizes = np.bincount(inv)
        inv = np.where(sizes[inv] >= p.min_group_size, inv, -1)
        _, inv2 = np.unique(inv, return_inverse=True)
        out = np.full(n_users, -1, np.int64)
        out[valid] = np.where(inv >= 0, inv2 - (1 if (inv < 0).any() else 0), -1)
        return out
    return label


def _split(c: int, comp: np.ndarray, edges: Edges, label: np.ndarray, next_label: int,
           p: Params) -> int:
    import networkx as nx

    m = comp[edges.u] == c
    g = nx.Graph()
    g.add_weighted_edges_from(zip(edges.u[m].tolist(), edges.v[m].tolist(), edges.sim[m].tolist()))
    for community in nx.community.louvain_communities(g, weight="weight", seed=p.seed,
                                                      resolution=1.0):
        label[np.fromiter(community, np.int64)] = next_label
        next_label += 1
    return next_label
