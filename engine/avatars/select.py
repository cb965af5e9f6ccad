"""Selection: rank pictures by portrait match, then assign over the co-occurrence graph.

Ranking.  score(u, p) = Σ_tag portrait(u)[tag] × picture(p)[tag] (one sparse × dense product).
A *variant* is (picture, background).  Its score adds a per-user background preference (a
rotation of the palette seeded by the user id, ≤ 0.03), a legibility penalty (−0.2 when the
motif melts into that background) and a tie-break jitter (≤ 0.01) seeded by user id and the
user's *generation* (bumped by "regenerate").

Assignment.  Users are visited in a fixed order — locked users, then users who already have an
avatar (they keep it when it is still valid), then the rest by descending degree and id — and each
takes the best-scoring candidate variant that (a) shows a different picture from, and (b) lies at
perceptual distance ≥ threshold from, every neighbour already placed.  The search runs over the
user's top candidates first, then over the whole library; if nothing satisfies the rule the
variant farthest from the neighbours is taken and marked ``best_effort``.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field

import numpy as np

from engine.avatars.library import Picture
from engine.avatars.perceptual import DEFAULT_THRESHOLD, VariantSpace
from engine.avatars.portrait import Portrait
from engine.progress import NO_STATE, TaskState

TOP_PICTURES = 16
BG_PREFERENCE = 0.03
LEGIBILITY_MIN, LEGIBILITY_PENALTY = 25.0, 0.2
JITTER = 0.01


@dataclass
class Params:
    threshold: float = DEFAULT_THRESHOLD
    clique_max: int = 60  # groups / contact lists up to this size: every pair must be distinct
    window: int = 12  # longer lists: pairs within this many rows of each other in display order
    top_pictures: int = TOP_PICTURES


@dataclass
class Previous:
    """What a user has now (from the workspace)."""

    variant: int
    locked: bool = False
    generation: int = 0


@dataclass
class Choice:
    variant: int
    score: float
    status: str  # auto | kept | forced | best_effort | locked
    min_distance: float | None
    rank: int  # position of the chosen variant in the user's ranking (0 = best match)
    conflicts: list = field(default_factory=list)  # neighbours that pushed the user off


# -- ranking -------------------------------------------------------------------------------
def tag_matrices(portraits: list[Portrait], pictures: list[Picture]):
    """Sparse users×tags and dense tags×pictures matrices over a shared tag index."""
    from scipy import sparse

    index: dict[str, int] = {}
    for p in pictures:
        for t in p.tags:
            index.setdefault(t, len(index))
    rows, cols, vals = [], [], []
    for i, por in enumerate(portraits):
        for t, w in por.tags.items():
            j = index.get(t)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(w)
    U = sparse.csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)),
                          shape=(len(portraits), len(index)))
    Pm = np.zeros((len(index), len(pictures)), dtype=np.float32)
    for k, p in enumerate(pictures):
        for t, w in p.tags.items():
            Pm[index[t], k] = w
    return U, Pm, index


def _hash01(keys: np.ndarray, salt) -> np.ndarray:
    """Deterministic uniform(0, 1) per (key, salt) (SplitMix64 mixing, vectorised, broadcasts)."""
    m = np.uint64(0xFFFFFFFFFFFFFFFF)
    x = (np.asarray(keys).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
         + np.asarray(salt).astype(np.uint64)) & m
    x ^= x >> np.uint64(31)
    x = (x * np.uint64(0xBF58476D1CE4E5B9)) & m
    x ^= x >> np.uint64(29)
    x = (x * np.uint64(0x94D049BB133111EB)) & m
    x ^= x >> np.uint64(32)
    return (x >> np.uint64(11)).astype(np.float64) / float(2 ** 53)


def user_seed(user_id: str) -> int:
    return zlib.crc32(user_id.encode("utf-8"))


def picture_scores(U, Pm: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    sub = U if rows is None else U[rows]
    return np.asarray(sub @ Pm, dtype=np.float32)


def rank_variants(pic_scores: np.ndarray, pics: np.ndarray, seeds: np.ndarray,
                  generations: np.ndarray, space: VariantSpace) -> tuple[np.ndarray, np.ndarray]:
    """Candidate variants of a block of users, best first.

    ``pic_scores`` (b, n_pictures), ``pics`` (b, k) picture indices to expand with every
    background, ``seeds``/``generations`` (b,).  Returns (variants, scores), both (b, k × B).
    """
    B = space.n_bg
    b = pic_scores.shape[0]
    v = (pics[:, :, None] * B + np.arange(B)[None, None, :]).reshape(b, -1)
    seeds = np.asarray(seeds, dtype=np.int64)[:, None]
    bg = v % B
    pref = BG_PREFERENCE * (1.0 - ((bg - seeds) % B) / B)
    leg = np.where(space.legibility[v] < LEGIBILITY_MIN, -LEGIBILITY_PENALTY, 0.0)
    salt = (seeds * 1_000_003 + np.asarray(generations, dtype=np.int64)[:, None] * 7919) % (2 ** 32)
    jitter = JITTER * _hash01(v, salt)
    sc = np.take_along_axis(pic_scores, v // B, axis=1) + pref + leg + jitter
    order = np.argsort(-sc, axis=1, kind="stable")
    return np.take_along_axis(v, order, axis=1), np.take_along_axis(sc, order, axis=1)


def variant_scores(pic_scores: np.ndarray, space: VariantSpace, seed: int,
                   generation: int, pictures: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(variant ids, scores) of one user over ``pictures`` (all when None), best first."""
    pics = np.arange(len(space.pictures)) if pictures is None else np.asarray(pictures)
    v, sc = rank_variants(np.asarray(pic_scores)[None, :], pics[None, :], np.array([seed]),
                          np.array([generation]), space)
    return v[0], sc[0]


# -- co-occurrence graph -------------------------------------------------------------------
def cooccurrence_graph(n_users: int, lists: list[np.ndarray], params: Params):
    """Symmetric CSR adjacency from member lists (user indices in display order; -1 = not a
    default-avatar user, e.g. staff or users with their own photo, which keep a row slot)."""
    from scipy import sparse

    src, dst = [], []
    for members in lists:
        m = np.asarray(members, dtype=np.int64)
        k = len(m)
        if k < 2:
            continue
        if k <= params.clique_max:
            a, b = np.triu_indices(k, 1)
        else:
            w = min(params.window, k)
            a = np.concatenate([np.arange(k - d) for d in range(1, w)])
            b = np.concatenate([np.arange(d, k) for d in range(1, w)])
        ua, ub = m[a], m[b]
        keep = (ua >= 0) & (ub >= 0) & (ua != ub)
        src.append(ua[keep])
        dst.append(ub[keep])
    if src:
        s = np.concatenate(src)
        d = np.concatenate(dst)
    else:
        s = d = np.zeros(0, dtype=np.int64)
    data = np.ones(2 * len(s), dtype=np.int8)
    adj = sparse.csr_matrix((data, (np.concatenate([s, d]), np.concatenate([d, s]))),
                            shape=(n_users, n_users))
    adj.sum_duplicates()
    return adj


# -- assignment ----------------------------------------------------------------------------
def assign(user_ids: list[str], portraits: list[Portrait], space: VariantSpace, adj,
           previous: dict[int, Previous] | None = None, todo: np.ndarray | None = None,
           params: Params | None = None, state: TaskState = NO_STATE,
           avoid_pictures: dict[int, int] | None = None) -> dict[int, Choice]:
    """Choose a variant for every user index in ``todo`` (default: all).

    ``previous`` maps user index → current avatar; users outside ``todo`` keep theirs and only
    constrain.  ``avoid_pictures`` maps a user index to a picture to skip when an alternative
    exists (used by "regenerate").  Returns user index → :class:`Choice`.
    """
    params = params or Params()
    previous = previous or {}
    avoid_pictures = avoid_pictures or {}
    n = len(user_ids)
    todo = np.arange(n) if todo is None else np.asarray(todo, dtype=np.int64)
    U, Pm, _ = tag_matrices(portraits, space.pictures)
    B = space.n_bg
    n_pics = len(space.pictures)
    K = min(params.top_pictures, n_pics)
    D = space.dist
    T = params.threshold

    placed = np.full(n, -1, dtype=np.int64)
    in_todo = np.zeros(n, dtype=bool)
    in_todo[todo] = True
    for i, prev in previous.items():
        if not in_todo[i] or prev.locked:
            placed[i] = prev.variant

    degree = np.diff(adj.indptr)
    locked = np.array([i for i in todo if i in previous and previous[i].locked], dtype=np.int64)
    kept = np.array([i for i in todo if i in previous and not previous[i].locked], dtype=np.int64)
    fresh = np.array([i for i in todo if i not in previous], dtype=np.int64)
    ids = np.asarray(user_ids, dtype=object)
    if len(kept):
        kept = kept[np.lexsort((ids[kept].astype(str), -degree[kept]))]
    if len(fresh):
        fresh = fresh[np.lexsort((ids[fresh].astype(str), -degree[fresh]))]

    out: dict[int, Choice] = {}
    for i in locked:
        out[int(i)] = Choice(int(previous[int(i)].variant), 0.0, "locked", None, -1)
    order = np.concatenate([kept, fresh]).astype(np.int64)
    seeds_all = np.array([user_seed(u) for u in user_ids], dtype=np.int64)
    gens_all = np.zeros(n, dtype=np.int64)
    for i, prev in previous.items():
        gens_all[i] = prev.generation
    total = max(1, len(order))
    chunk = 4096
    for start in range(0, len(order), chunk):
        state.check()
        state.set_progress(start / total, f"assigning avatars {start:,}/{total:,}")
        block = order[start:start + chunk]
        scores = picture_scores(U, Pm, block)  # (b, n_pics)
        top = np.argpartition(-scores, K - 1, axis=1)[:, :K] if K < n_pics else \
            np.tile(np.arange(n_pics), (len(block), 1))
        cands, cscores = rank_variants(scores, top, seeds_all[block], gens_all[block], space)
        for r, i in enumerate(block):
            i = int(i)
            prev = previous.get(i)
            nb = adj.indices[adj.indptr[i]:adj.indptr[i + 1]]
            nv = placed[nb]
            nbv = nb[nv >= 0]
            nv = nv[nv >= 0]
            culprits: list[int] = []
            if prev is not None and i not in avoid_pictures:
                ok, dmin, culprits = _valid(prev.variant, nv, nbv, D, B, T)
                if ok:
                    placed[i] = prev.variant
                    out[i] = Choice(int(prev.variant), float(scores[r, prev.variant // B]), "kept",
                                    dmin, -1)
                    continue
            forced = prev is not None and i not in avoid_pictures
            cand, cs = cands[r], cscores[r]
            choice = _pick(cand, cs, nv, D, B, T, avoid_pictures.get(i))
            if choice is None:  # nothing valid among the top pictures: search the whole library
                cand, cs = variant_scores(scores[r], space, int(seeds_all[i]), int(gens_all[i]))
                choice = _pick(cand, cs, nv, D, B, T, avoid_pictures.get(i))
                forced = True
            if choice is not None:
                j, dmin = choice
                status = "forced" if forced else "auto"
            else:
                j, dmin = _farthest(cand, nv, D, B)
                status = "best_effort"
            v = int(cand[j])
            placed[i] = v
            out[i] = Choice(v, float(cs[j]), status, dmin, j, culprits)
    state.set_progress(1.0, f"assigned {len(order):,} avatars")
    return out


def _valid(v: int, nv: np.ndarray, nbv: np.ndarray, D, B: int, T: float):
    if nv.size == 0:
        return True, None, []
    d = D[v, nv]
    bad = (d < T) | (nv // B == v // B)
    culprits = [int(x) for x in nbv[bad]]
    return (not bad.any()), float(d.min()), culprits


PICK_STEP = 24


def _pick(cand: np.ndarray, cs: np.ndarray, nv: np.ndarray, D, B: int, T: float,
          avoid_picture: int | None):
    """Index of the best candidate valid against the placed neighbours ``nv`` (and its minimum
    distance), or None.  Candidates are checked in slices, best first, so a typical user costs
    one small gather.  A picture to avoid is taken only when nothing else is valid."""
    for exclude in ((avoid_picture, None) if avoid_picture is not None else (None,)):
        if nv.size == 0:
            ok = np.ones(len(cand), dtype=bool) if exclude is None else cand // B != exclude
            if ok.any():
                return int(np.argmax(ok)), None
            continue
        nvp = np.unique(nv // B)
        for s in range(0, len(cand), PICK_STEP):
            c = cand[s:s + PICK_STEP]
            dmin = D[c[:, None], nv[None, :]].min(axis=1)
            ok = (dmin >= T) & ~np.isin(c // B, nvp)
            if exclude is not None:
                ok &= c // B != exclude
            if ok.any():
                j = int(np.argmax(ok))
                return s + j, float(dmin[j])
    return None


def _farthest(cand, nv, D, B):
    sub = D[np.ix_(cand, nv)]
    same = np.isin(cand // B, nv // B)
    dmin = np.where(same, -1.0, sub.min(axis=1))
    j = int(np.argmax(dmin))
    return j, float(sub[j].min())


def reasons(portrait: Portrait, picture: Picture, limit: int = 4) -> list[str]:
    """Why a picture matches: the tags it shares with the portrait, strongest first."""
    shared = [(portrait.tags[t] * w, t) for t, w in picture.tags.items() if t in portrait.tags]
    shared.sort(key=lambda x: (-x[0], x[1]))
    out = []
    for contrib, t in shared[:limit]:
        why = "; ".join(portrait.sources.get(t, [])[:2])
        out.append(f"{t} {portrait.tags[t]:.2f}×{picture.tags[t]:.2f} — {why}")
    if not out:
        out.append("none — no shared tags; chosen for distinctness (no portrait data matched)")
    return out
