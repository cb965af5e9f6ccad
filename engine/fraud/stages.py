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
from scipy import sparse

from engine.fraud.io import Events
from engine.fraud.params import Params
from engine.progress import NO_STATE, TaskState

VIA_TARGET, VIA_DEVICE, VIA_IP = 1, 2, 4
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _bits(x: int) -> int:
    return max(int(x), 1).bit_length()


def sort_packed(*cols: np.ndarray) -> list[np.ndarray]:
    """Sort rows of non-negative int columns lexicographically (first column major).

    When the columns fit together in 63 bits they are packed into one int64 and sorted by value
    (numpy's value sort is several times faster than argsort/lexsort on this machine); otherwise
    falls back to lexsort.
    """
    widths = [_bits(c.max()) if c.size else 1 for c in cols]
    if sum(widths) <= 63:
        packed = np.zeros(cols[0].size, np.int64)
        for c, w in zip(cols, widths):
            packed <<= w
            packed |= c.astype(np.int64)
        packed.sort()
        out = []
        for w in reversed(widths):
            out.append(packed & ((1 << w) - 1))
            packed >>= w
        return out[::-1]
    order = np.lexsort(cols[::-1])
    return [c[order].astype(np.int64) for c in cols]


def factorize(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Dense codes of an int64 column: (codes int32, distinct values, ascending)."""
    if keys.size == 0:
        return np.zeros(0, np.int32), keys.astype(np.int64)
    kmin = int(keys.min())
    k, idx = sort_packed(keys - kmin, np.arange(keys.size, dtype=np.int64))
    new = np.r_[True, k[1:] != k[:-1]]
    codes = np.empty(keys.size, np.int32)
    codes[idx] = np.cumsum(new) - 1
    return codes, k[new] + kmin


def count_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct non-negative int64 keys (ascending) and how often each occurs."""
    if keys.size == 0:
        return keys.astype(np.int64), np.zeros(0, np.int64)
    k = np.sort(keys)
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    return k[starts], np.diff(np.r_[starts, k.size])


def distinct_keys(keys: np.ndarray) -> np.ndarray:
    if keys.size == 0:
        return keys.astype(np.int64)
    k = np.sort(keys)
    return k[np.r_[True, k[1:] != k[:-1]]]


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
    counts: sparse.csr_matrix   # users × main-grid cells (target, slot): event counts
    tfidf: sparse.csr_matrix    # users × (main + shifted cells), rows L2-normalised TF-IDF
    active: sparse.csr_matrix   # users × main-grid cells, 0/1
    keys: np.ndarray            # main-grid column → packed key target·(n_slots+1) + slot
    n_slots: int


def decode_feature(keys: np.ndarray, n_slots: int) -> tuple[np.ndarray, np.ndarray]:
    """(target code, slot index) of main-grid columns."""
    return keys // (n_slots + 1), keys % (n_slots + 1)


def _count_matrix(rows: np.ndarray, keys: np.ndarray, n_users: int
                  ) -> tuple[sparse.csr_matrix, np.ndarray]:
    """CSR users × distinct keys with counts, built from one packed sort (already canonical)."""
    codes, values = factorize(keys)
    r, c = sort_packed(rows.astype(np.int64), codes.astype(np.int64))
    new = np.r_[True, (r[1:] != r[:-1]) | (c[1:] != c[:-1])] if r.size else np.zeros(0, bool)
    starts = np.flatnonzero(new)
    data = np.diff(np.r_[starts, r.size]).astype(np.float32)
    indptr = np.r_[0, np.cumsum(np.bincount(r[starts], minlength=n_users))]
    m = sparse.csr_matrix((data, c[starts].astype(np.int32), indptr),
                          shape=(n_users, int(values.size)))
    m.has_sorted_indices = True
    return m, values


def slot_features(sel: Selected, p: Params) -> Features:
    """Per-user counts in (target, slot) cells on two grids offset by half a slot.

    The second grid catches lock-step actions that straddle a slot boundary; TF-IDF damps counts
    (log) and weights cells by rarity (a peak minute of a top streamer says little).
    """
    n_users = int(sel.kept.size)
    rel = sel.ts - sel.t0
    n_slots = int(rel.max() // p.slot) + 2 if rel.size else 1
    tgt = sel.target.astype(np.int64) * (n_slots + 1)
    from concurrent.futures import ThreadPoolExecutor

    # numpy sorts release the GIL: the two grids are built on two threads
    with ThreadPoolExecutor(max_workers=2) as pool:
        main_f = pool.submit(_count_matrix, sel.u, tgt + rel // p.slot, n_users)
        shift_f = pool.submit(_count_matrix, sel.u, tgt + (rel + p.slot // 2) // p.slot, n_users)
        (counts, keys), (shifted, _) = main_f.result(), shift_f.result()
    parts = []
    for m in (counts, shifted):
        df = np.bincount(m.indices, minlength=m.shape[1]).astype(np.float32)
        idf = np.log1p(n_users / np.maximum(df, 1.0)).astype(np.float32)
        w = m.copy()
        w.data = np.log1p(w.data) * idf[w.indices]
        parts.append(w)
    tfidf = sparse.hstack(parts, format="csr")
    norms = np.sqrt(np.bincount(np.repeat(np.arange(n_users), np.diff(tfidf.indptr)),
                                weights=tfidf.data.astype(np.float64) ** 2, minlength=n_users))
    norms[norms == 0] = 1.0
    tfidf.data /= np.repeat(norms, np.diff(tfidf.indptr)).astype(np.float32)
    active = counts.copy()
    active.data[:] = 1.0
    return Features(counts, tfidf, active, keys, n_slots)


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
    buckets users are sorted by each MinHash order and each is linked to its next
    ``neighbours`` users *that carry the same MinHash value* (locality-sensitive hashing: two
    users agree with probability equal to the Jaccard similarity of their slot sets), so a
    bucket of any size costs ≤ neighbours·orders pairs per user and honest strangers who merely
    share a carrier-NAT IP or a top streamer's peak minute are rarely paired.
    ``orders`` holds, per MinHash, the rank of each user's value (int64).  Input rows must be
    distinct (bucket, user).
    """
    empty = np.zeros(0, np.int32)
    if bucket.size == 0:
        return empty, empty
    b, u = sort_packed(bucket, user.astype(np.int64))
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
        bcode = np.cumsum(np.r_[True, bb[1:] != bb[:-1]]) - 1
        for rank in orders:
            b2, r2, u2 = sort_packed(bcode, rank[ub], ub)
            for d in range(1, neighbours + 1):
                same = (b2[d:] == b2[:-d]) & (r2[d:] == r2[:-d])
                us.append(u2[:-d][same])
                vs.append(u2[d:][same])
    if not us:
        return empty, empty
    a, c = np.concatenate(us), np.concatenate(vs)
    return np.minimum(a, c).astype(np.int32), np.maximum(a, c).astype(np.int32)


def minhash_ranks(active: sparse.csr_matrix, p: Params) -> list[np.ndarray]:
    """Per MinHash order, each user's dense rank of its MinHash value (equal value = equal rank)."""
    out = []
    for i in range(p.minhash_orders):
        h = minhash(active, p.seed * 7919 + i) >> np.uint64(24)  # 40 bits: ties ≈ never
        rank, _ = factorize(h.astype(np.int64))
        out.append(rank.astype(np.int64))
    return out


@dataclass
class Pairs:
    u: np.ndarray     # int32, u < v, compact user indices
    v: np.ndarray
    via: np.ndarray   # int8 bit set: 1 same target & window, 2 shared device, 4 shared IP
    generated: int    # pairs emitted before de-duplication (the blow-up the caps prevent)


def _target_window_keys(sel: Selected, p: Params, n: np.int64, orders) -> tuple[np.ndarray, int]:
    """(a) same target within the same window, kept when co-occurring in ≥ min_cooccur windows."""
    win = (sel.ts - sel.t0) // p.window
    n_win = int(win.max()) + 1 if win.size else 1
    bk = sel.target.astype(np.int64) * n_win + win
    ub = distinct_keys(bk * n + sel.u)
    a, b = bucket_pairs(ub // n, (ub % n).astype(np.int32), p.bucket_cap, p.neighbours, orders)
    keys, cnt = count_keys(a.astype(np.int64) * n + b)
    return keys[cnt >= p.min_cooccur], int(a.size)


def _shared_keys(col: np.ndarray, lu: np.ndarray, p: Params, n: np.int64, orders
                 ) -> tuple[np.ndarray, int]:
    """(b, c) accounts sharing a device / an IP, from every event of kept users."""
    m = (lu >= 0) & (col >= 0)
    if not m.any():
        return np.zeros(0, np.int64), 0
    ud = distinct_keys(col[m].astype(np.int64) * n + lu[m])
    a, b = bucket_pairs(ud // n, (ud % n).astype(np.int32), p.bucket_cap, p.neighbours, orders)
    return distinct_keys(a.astype(np.int64) * n + b), int(a.size)


def candidate_pairs(ev: Events, sel: Selected, feat: Features, p: Params,
                    state: TaskState = NO_STATE) -> Pairs:
    n = np.int64(max(int(sel.kept.size), 1))
    orders = minhash_ranks(feat.active, p)
    lu = sel.local[ev.user]
    # The three link kinds are independent (a Spark job would run them side by side); here they
    # run one after the other to keep peak memory low.
    found = [(_target_window_keys(sel, p, n, orders), VIA_TARGET)]
    state.check()
    found.append((_shared_keys(ev.device, lu, p, n, orders), VIA_DEVICE))
    state.check()
    found.append((_shared_keys(ev.ip, lu, p, n, orders), VIA_IP))
    state.check()
    generated = sum(g for (_, g), _ in found)
    all_keys = np.concatenate([k for (k, _), _ in found])
    bits = np.concatenate([np.full(k.size, bit, np.int8) for (k, _), bit in found])
    k, b = sort_packed(all_keys, bits.astype(np.int64))
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]]) if k.size else np.zeros(0, np.int64)
    via = np.bitwise_or.reduceat(b, starts) if k.size else np.zeros(0, np.int64)
    k = k[starts]
    return Pairs((k // n).astype(np.int32), (k % n).astype(np.int32), via.astype(np.int8),
                 generated)


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
    strong: np.ndarray | None = None  # sim ≥ similarity (the rest only attach accounts)

    def __post_init__(self) -> None:
        if self.strong is None:
            self.strong = np.ones(self.u.size, bool)


def prune(pairs: Pairs, sim: np.ndarray, feat: Features, p: Params,
          state: TaskState = NO_STATE) -> Edges:
    """Keep pairs with ≥ ``min_common_slots`` common slots and similarity ≥ ``similarity``
    (strong edges) or ≥ ``attach_similarity`` (weak edges: they can only attach an account to a
    group the strong edges formed, see :func:`find_groups`)."""
    low = min(p.attach_similarity, p.similarity) if p.attach_links else p.similarity
    idx = np.flatnonzero(sim >= low)
    common = common_slots(pairs, feat, idx, state=state)
    keep = common >= p.min_common_slots
    idx = idx[keep]
    return Edges(pairs.u[idx], pairs.v[idx], sim[idx], common[keep], pairs.via[idx],
                 sim[idx] >= p.similarity)


# ---------------------------------------------------------------- stage 6: groups
def find_groups(n_users: int, edges: Edges, p: Params) -> np.ndarray:
    """Group label per user (-1: in no group of at least ``min_group_size``).

    Connected components of the pruned graph; a component larger than ``split_above`` is split
    into communities (Louvain, weighted by similarity), so two rings joined by a stray edge are
    judged separately.
    """
    from scipy.sparse.csgraph import connected_components

    st = edges.strong
    g = sparse.coo_matrix((np.ones(int(st.sum()), np.int8), (edges.u[st], edges.v[st])),
                          shape=(n_users, n_users))
    _, comp = connected_components(g, directed=False)
    sizes = np.bincount(comp)
    label = np.where(sizes[comp] >= p.min_group_size, comp, -1).astype(np.int64)
    if p.split_above:
        next_label = int(comp.max(initial=0)) + 1
        strong = Edges(edges.u[st], edges.v[st], edges.sim[st], edges.common[st], edges.via[st])
        for c in np.flatnonzero(sizes > p.split_above):
            next_label = _split(c, comp, strong, label, next_label, p)
    if p.attach_links and (~st).any():
        _attach(label, edges, p.attach_links)
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


def _attach(label: np.ndarray, edges: Edges, need: int) -> None:
    """Hysteresis: an account outside every group joins group g when it has ≥ ``need`` weak or
    strong edges into g (and more into g than into any other group).  Done once, so weak edges
    never chain honest accounts into a group through each other."""
    u, v = edges.u, edges.v
    lu, lv = label[u], label[v]
    a = np.r_[u[(lu < 0) & (lv >= 0)], v[(lv < 0) & (lu >= 0)]]
    g = np.r_[lv[(lu < 0) & (lv >= 0)], lu[(lv < 0) & (lu >= 0)]]
    if not a.size:
        return
    keys, cnt = count_keys(a.astype(np.int64) * (int(label.max()) + 1) + g)
    acc, grp = keys // (int(label.max()) + 1), keys % (int(label.max()) + 1)
    ok = cnt >= need
    acc, grp, cnt = acc[ok], grp[ok], cnt[ok]
    if not acc.size:
        return
    order = np.lexsort((-cnt, acc))  # per account, the group it is most tied to first
    acc, grp = acc[order], grp[order]
    first = np.r_[True, acc[1:] != acc[:-1]]
    label[acc[first]] = grp[first]


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
