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


def _hash01(keys: np.ndarray, salt: int) -> np.ndarray:
    """Deterministic uniform(0, 1) per uint32 key (SplitMix-style mixing, vectorised)."""
    x = (keys.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(salt)) & \
        np.uint64(0xFFFFFFFFFFFFFFFF)
    x ^= x >> np.uint64(31)
    x = (x * np.uint64(0xBF58476D1CE4E5B9)) & np.uint64(0xFFFFFFFFFFFFFFFF)
    x ^= x >> np.uint64(29)
    return (x >> np.uint64(11)).astype(np.float64) / float(2 ** 53)


def user_seed(user_id: str) -> int:
    return zlib.crc32(user_id.encode("utf-8"))


def picture_scores(U, Pm: np.ndarray, rows: np.ndarray | None = None) -> np.ndarray:
    sub = U if rows is None else U[rows]
    return np.asarray(sub @ Pm, dtype=np.float32)


def variant_scores(pic_scores: np.ndarray, space: VariantSpace, seed: int,
                   generation: int, pictures: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(variant ids, scores) for one user over ``pictures`` (all when None)."""
    B = space.n_bg
    pics = np.arange(len(space.pictures)) if pictures is None else np.asarray(pictures)
    v = (pics[:, None] * B + np.arange(B)[None, :]).reshape(-1)
    bg = v % B
    pref = BG_PREFERENCE * (1.0 - ((bg - seed) % B) / B)
    leg = np.where(space.legibility[v] < LEGIBILITY_MIN, -LEGIBILITY_PENALTY, 0.0)
    salt = (seed * 1_000_003 + generation * 7919) % (2 ** 32)
    jitter = JITTER * _hash01(v.astype(np.uint64), salt)
    s = pic_scores[pics // 1].repeat(B) + pref + leg + jitter
    return v, s


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
    total = max(1, len(order))
    chunk = 4096
    for start in range(0, len(order), chunk):
        state.check()
        state.set_progress(start / total, f"assigning avatars {start:,}/{total:,}")
        block = order[start:start + chunk]
        scores = picture_scores(U, Pm, block)  # (b, n_pics)
        top = np.argpartition(-scores, K - 1, axis=1)[:, :K] if K < n_pics else \
            np.tile(np.arange(n_pics), (len(block), 1))
        for r, i in enumerate(block):
            i = int(i)
            seed = user_seed(user_ids[i])
            prev = previous.get(i)
            gen = prev.generation if prev else 0
            nb = adj.indices[adj.indptr[i]:adj.indptr[i + 1]]
            nv = placed[nb]
            nbv = nb[nv >= 0]
            nv = nv[nv >= 0]
            if prev is not None and i not in avoid_pictures:
                ok, dmin, culprits = _valid(prev.variant, nv, nbv, D, B, T)
                if ok:
                    placed[i] = prev.variant
                    out[i] = Choice(int(prev.variant), float(scores[r, prev.variant // B]), "kept",
                                    dmin, -1)
                    continue
            else:
                culprits = []
            cand, cs = variant_scores(scores[r], space, seed, gen, top[r])
            o = np.argsort(-cs, kind="stable")
            cand, cs = cand[o], cs[o]
            choice = _pick(cand, cs, nv, D, B, T, avoid_pictures.get(i))
            if choice is None:  # nothing valid among the top pictures: search the whole library
                allv, alls = variant_scores(scores[r], space, seed, gen)
                o = np.argsort(-alls, kind="stable")
                choice = _pick(allv[o], alls[o], nv, D, B, T, avoid_pictures.get(i))
                if choice is not None:
                    v, sc, dmin = choice
                    rank = int(np.nonzero(allv[o] == v)[0][0])
                    choice = (v, sc, dmin, rank, "forced")
                else:
                    v, sc, dmin = _farthest(allv[o], alls[o], nv, D, B)
                    choice = (v, sc, dmin, int(np.nonzero(allv[o] == v)[0][0]), "best_effort")
            else:
                v, sc, dmin = choice
                rank = int(np.nonzero(cand == v)[0][0])
                status = "forced" if (prev is not None and i not in avoid_pictures) else "auto"
                choice = (v, sc, dmin, rank, status)
            v, sc, dmin, rank, status = choice
            placed[i] = v
            out[i] = Choice(int(v), float(sc), status, dmin, rank, culprits)
    state.set_progress(1.0, f"assigned {len(order):,} avatars")
    return out


def _valid(v: int, nv: np.ndarray, nbv: np.ndarray, D, B: int, T: float):
    if nv.size == 0:
        return True, None, []
    d = D[v, nv]
    bad = (d < T) | (nv // B == v // B)
    culprits = [int(x) for x in nbv[bad]]
    return (not bad.any()), float(d.min()), culprits


def _pick(cand: np.ndarray, cs: np.ndarray, nv: np.ndarray, D, B: int, T: float,
          avoid_picture: int | None):
    if nv.size == 0:
        ok = np.ones(len(cand), dtype=bool)
        dmin = np.full(len(cand), np.inf)
    else:
        sub = D[np.ix_(cand, nv)]
        dmin = sub.min(axis=1)
        ok = (dmin >= T) & ~(cand[:, None] // B == nv[None, :] // B).any(axis=1)
    if avoid_picture is not None:
        alt = ok & (cand // B != avoid_picture)
        if alt.any():
            ok = alt
    if not ok.any():
        return None
    j = int(np.argmax(ok))
    return int(cand[j]), float(cs[j]), (None if nv.size == 0 else float(dmin[j]))


def _farthest(cand, cs, nv, D, B):
    sub = D[np.ix_(cand, nv)]
    same = (cand[:, None] // B == nv[None, :] // B).any(axis=1)
    dmin = np.where(same, -1.0, sub.min(axis=1))
    j = int(np.argmax(dmin))
    return int(cand[j]), float(cs[j]), float(sub[j].min())


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
