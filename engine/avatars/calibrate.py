"""Labelled avatar pairs for choosing and checking the confusability threshold.

Labels follow how people tell list avatars apart at a glance — by background colour and by the
subject's silhouette — and are derived from the library's structure, not from the distance:

* **confusable**: the same subject (motif) drawn the same way (plate or no plate) on the same
  background colour, differing only in style (saturation, outline, size); or the same picture on
  two backgrounds closer than ΔE 20 (neighbouring tints);
* **distinct**: subjects from different themes on backgrounds more than ΔE 30 apart.

Pairs in between (same theme, or related colours) carry no label.  :func:`choose_threshold`
picks the smallest threshold that flags ≥ ``recall`` of the confusable pairs of the *training*
motifs; :func:`evaluate` reports recall and false-alarm rate on held-out motifs.
"""
from __future__ import annotations

import numpy as np

from engine.avatars.library import BACKGROUNDS
from engine.avatars.perceptual import VariantSpace, srgb_to_lab


def labelled_pairs(space: VariantSpace, motifs: set[str] | None = None):
    """(distances, labels) with label 1 = confusable, 0 = distinct, for pairs whose both
    pictures belong to ``motifs`` (all when None)."""
    B = space.n_bg
    pics = space.pictures
    motif = np.array([next((t[6:] for t in p.tags if t.startswith("motif:")), p.id) for p in pics])
    plate = np.array([p.id.endswith("-b") for p in pics])
    theme = np.array([p.theme for p in pics])
    keep_pic = np.ones(len(pics), dtype=bool) if motifs is None else np.isin(motif, list(motifs))
    bg_lab = srgb_to_lab(np.array([[int(h[i:i + 2], 16) / 255.0 for i in (1, 3, 5)]
                                   for h in BACKGROUNDS]))
    bg_d = np.linalg.norm(bg_lab[:, None] - bg_lab[None], axis=-1)
    v = np.nonzero(np.repeat(keep_pic, B))[0]
    a, b = np.triu_indices(len(v), 1)
    a, b = v[a], v[b]
    pa, pb, ba, bb = a // B, b // B, a % B, b % B
    conf = (((motif[pa] == motif[pb]) & (plate[pa] == plate[pb]) & (ba == bb) & (pa != pb))
            | ((pa == pb) & (ba != bb) & (bg_d[ba, bb] < 20)))
    dist = (theme[pa] != theme[pb]) & (bg_d[ba, bb] > 30)
    sel = conf | dist
    return space.dist[a[sel], b[sel]].astype(np.float64), conf[sel].astype(np.int8)


def choose_threshold(d: np.ndarray, y: np.ndarray, recall: float = 0.85) -> float:
    """Smallest threshold (0.5 ΔE steps) flagging ≥ ``recall`` of the confusable pairs."""
    conf = np.sort(d[y == 1])
    if conf.size == 0:
        raise ValueError("no confusable pairs to calibrate on")
    t = float(conf[min(len(conf) - 1, int(np.ceil(recall * len(conf))) - 1)])
    return float(np.ceil(t * 2) / 2)


def evaluate(d: np.ndarray, y: np.ndarray, threshold: float) -> dict:
    flagged = d < threshold
    return {"recall": float(flagged[y == 1].mean()) if (y == 1).any() else float("nan"),
            "false_alarms": float(flagged[y == 0].mean()) if (y == 0).any() else float("nan"),
            "n_confusable": int((y == 1).sum()), "n_distinct": int((y == 0).sum())}


def split_motifs(space: VariantSpace, holdout_every: int = 3) -> tuple[set[str], set[str]]:
    """Deterministic split of motifs: every ``holdout_every``-th motif (sorted) is held out."""
    motifs = sorted({next((t[6:] for t in p.tags if t.startswith("motif:")), p.id)
                     for p in space.pictures})
    test = {m for i, m in enumerate(motifs) if i % holdout_every == holdout_every - 1}
    return set(motifs) - test, test
