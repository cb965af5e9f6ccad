"""Perceptual distance between rendered avatars.

Every *variant* (picture × background colour) is rendered as the chat list would show it — the
shape on white — at 48 px, box-averaged to a 16×16 thumbnail (what an eye resolves of a 32–40 px
list avatar), blurred with σ = 0.7 px and converted to CIELAB.  The feature vector holds the three
Lab channels plus the horizontal and vertical gradients of L (the silhouette), so

    D(a, b)² = mean_pixels(ΔE76(a, b)²) + λ · mean_pixels(|∇L_a − ∇L_b|²),   λ = 0.5

is a Euclidean distance and the whole matrix comes from one matrix product.  D is in ΔE units:
D ≈ 0 for the same image, ≈ 10 when only the hue of a light background moves a little, and
25–60 for a different subject on a different colour.  The threshold that counts as "confusable"
is calibrated in ``benchmarks/avatars_calibrate.py`` (see docs/avatars.md).

The mark (initial or badge) is left out on purpose: it covers ~10 % of the area and is personal,
so two avatars that differ only by their marks must count as confusable.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

import numpy as np

from engine.avatars.library import BACKGROUNDS, Picture
from engine.avatars.render import _shape_mask, picture_layer

RENDER_PX = 48
THUMB_PX = 16
BLUR_SIGMA = 0.7
GRAD_WEIGHT = 0.5
DEFAULT_THRESHOLD = 18.0  # ΔE units; calibrated by benchmarks/avatars_calibrate.py (docs/avatars.md)


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """sRGB in 0..1 (…, 3) → CIELAB (D65)."""
    c = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.4124564, 0.3575761, 0.1804375],
                  [0.2126729, 0.7151522, 0.0721750],
                  [0.0193339, 0.1191920, 0.9503041]])
    xyz = c @ m.T / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    lab = np.empty_like(f)
    lab[..., 0] = 116 * f[..., 1] - 16
    lab[..., 1] = 500 * (f[..., 0] - f[..., 1])
    lab[..., 2] = 200 * (f[..., 1] - f[..., 2])
    return lab


def _blur(img: np.ndarray, sigma: float) -> np.ndarray:
    """Separable Gaussian blur over the two pixel axes of (..., H, W, C)."""
    radius = max(1, int(round(3 * sigma)))
    x = np.arange(-radius, radius + 1)
    k = np.exp(-x ** 2 / (2 * sigma ** 2))
    k /= k.sum()
    pad = [(0, 0)] * img.ndim
    pad[-3] = pad[-2] = (radius, radius)
    p = np.pad(img, pad, mode="edge")
    h = img.shape[-3]
    w = img.shape[-2]
    out = sum(k[i] * p[..., i:i + h, radius:radius + w, :] for i in range(len(k)))
    out2 = np.pad(out, [(0, 0)] * (img.ndim - 2) + [(radius, radius), (0, 0)], mode="edge")
    return sum(k[i] * out2[..., i:i + w, :] for i in range(len(k)))


def variant_thumbs(pictures: list[Picture], shape: str = "circle") -> np.ndarray:
    """(n_pictures, n_backgrounds, 16, 16, 3) Lab thumbnails of every variant on white."""
    mask = np.asarray(_shape_mask(shape, RENDER_PX), dtype=np.float64)[..., None] / 255.0
    layers = np.stack([np.asarray(picture_layer(p, RENDER_PX), dtype=np.float64) / 255.0
                       for p in pictures])  # (P, H, W, 4)
    alpha = layers[..., 3:4]
    bgs = np.array([[int(h[i:i + 2], 16) / 255.0 for i in (1, 3, 5)] for h in BACKGROUNDS])
    f = RENDER_PX // THUMB_PX

    def box(x):  # (…, 48, 48, C) → (…, 16, 16, C) block means
        return x.reshape(*x.shape[:-3], THUMB_PX, f, THUMB_PX, f, x.shape[-1]).mean(axis=(-4, -2))

    # Compositing is linear in colour, so average each term first and combine at 16 px:
    # comp = mask·(α·pic + (1−α)·bg) + (1 − mask)·white
    pic_term = box(mask * alpha * layers[..., :3])  # (P, 16, 16, 3)
    bg_weight = box(mask * (1 - alpha))  # (P, 16, 16, 1)
    white = box(1 - mask[None])[0]  # (16, 16, 1)
    small = pic_term[:, None] + bg_weight[:, None] * bgs[None, :, None, None, :] + white
    return srgb_to_lab(_blur(small, BLUR_SIGMA))


def features_from_thumbs(lab: np.ndarray) -> np.ndarray:
    """Flatten Lab thumbs (…, 16, 16, 3) into vectors whose Euclidean distance² / 256 is D²."""
    L = lab[..., 0]
    gy = np.zeros_like(L)
    gx = np.zeros_like(L)
    gy[..., 1:-1, :] = (L[..., 2:, :] - L[..., :-2, :]) / 2
    gx[..., :, 1:-1] = (L[..., :, 2:] - L[..., :, :-2]) / 2
    g = np.sqrt(GRAD_WEIGHT) * np.stack([gx, gy], axis=-1)
    lead = lab.shape[:-3]
    return np.concatenate([lab.reshape(*lead, -1), g.reshape(*lead, -1)], axis=-1)


def pairwise(fa: np.ndarray, fb: np.ndarray) -> np.ndarray:
    """D between every row of ``fa`` and every row of ``fb`` (both from features_from_thumbs)."""
    n_pix = THUMB_PX * THUMB_PX
    sq = (np.einsum("ij,ij->i", fa, fa)[:, None] + np.einsum("ij,ij->i", fb, fb)[None, :]
          - 2.0 * fa @ fb.T)
    return np.sqrt(np.maximum(sq, 0.0) / n_pix)


@dataclass
class VariantSpace:
    """All variants of a library with their pairwise perceptual distances.

    Variant index v = picture_index * n_backgrounds + background.  ``dist`` is float32 (V, V);
    ``legibility`` is the mean ΔE between the picture's own pixels and its background (low = the
    motif melts into the colour).
    """

    pictures: list[Picture]
    n_bg: int
    dist: np.ndarray
    legibility: np.ndarray
    fingerprint: str

    @property
    def n_variants(self) -> int:
        return len(self.pictures) * self.n_bg

    def picture_of(self, v):
        return np.asarray(v) // self.n_bg

    def background_of(self, v):
        return np.asarray(v) % self.n_bg


def fingerprint(pictures: list[Picture], shape: str) -> str:
    h = hashlib.sha1(shape.encode())
    for p in pictures:
        h.update(p.key.encode())
    h.update(",".join(BACKGROUNDS).encode())
    return h.hexdigest()


_CACHE: dict[str, VariantSpace] = {}
_LOCK = threading.Lock()


def variant_space(pictures: list[Picture], shape: str = "circle") -> VariantSpace:
    """Build (or reuse) the variant distance matrix for this exact library and shape."""
    fp = fingerprint(pictures, shape)
    with _LOCK:
        hit = _CACHE.get(fp)
        if hit is not None:
            return hit
        lab = variant_thumbs(pictures, shape)
        P, B = lab.shape[:2]
        feats = features_from_thumbs(lab).reshape(P * B, -1).astype(np.float32)
        dist = pairwise(feats, feats).astype(np.float32)
        np.fill_diagonal(dist, 0.0)
        # legibility: ΔE between the picture pixels and the bare background, alpha-weighted
        bg_lab = srgb_to_lab(np.array([[int(h[i:i + 2], 16) / 255.0 for i in (1, 3, 5)]
                                       for h in BACKGROUNDS]))
        de = np.linalg.norm(lab - bg_lab[None, :, None, None, :], axis=-1)  # (P, B, 16, 16)
        legibility = np.percentile(de.reshape(P, B, -1), 90, axis=-1).reshape(-1)
        space = VariantSpace(list(pictures), B, dist, legibility.astype(np.float32), fp)
        if len(_CACHE) > 4:
            _CACHE.clear()
        _CACHE[fp] = space
        return space
