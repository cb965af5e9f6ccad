"""Per-frame expression features: blendshapes (L/R averaged) plus landmark geometry.

All functions are vectorised over frames: ``(n, 52)`` blendshapes and ``(n, 478, 3)`` landmarks in,
``(n, len(FEATURES))`` out.  Geometry is measured in a face-aligned frame: landmarks in pixels,
rotated so the eye line is horizontal, centred between the eyes, divided by the inter-ocular
distance (so it does not depend on image size, distance to camera or head roll).
"""
from __future__ import annotations

import numpy as np

from engine.expressions.landmarker import BS_INDEX

# name -> blendshapes averaged over left/right
BLEND_FEATURES = {
    "smile": ("mouthSmileLeft", "mouthSmileRight"),
    "cheek": ("cheekSquintLeft", "cheekSquintRight"),
    "squint": ("eyeSquintLeft", "eyeSquintRight"),
    "blink": ("eyeBlinkLeft", "eyeBlinkRight"),
    "brow_down": ("browDownLeft", "browDownRight"),
    "brow_inner_up": ("browInnerUp",),
    "brow_outer_up": ("browOuterUpLeft", "browOuterUpRight"),
    "eye_wide": ("eyeWideLeft", "eyeWideRight"),
    "jaw_open": ("jawOpen",),
    "frown": ("mouthFrownLeft", "mouthFrownRight"),
    "stretch": ("mouthStretchLeft", "mouthStretchRight"),
    "upper_up": ("mouthUpperUpLeft", "mouthUpperUpRight"),
    "lower_down": ("mouthLowerDownLeft", "mouthLowerDownRight"),
    "sneer": ("noseSneerLeft", "noseSneerRight"),
    "press": ("mouthPressLeft", "mouthPressRight"),
    "pucker": ("mouthPucker",),
}
GEOMETRY_FEATURES = ("mouth_open", "mouth_width", "corner_lift", "eye_open", "brow_raise")
FEATURES = tuple(BLEND_FEATURES) + GEOMETRY_FEATURES
F = {name: i for i, name in enumerate(FEATURES)}

# A typical relaxed face (used to re-centre a user's own neutral baseline onto): blendshapes near
# zero, geometry in inter-ocular units.  Chosen from FACS descriptions of a neutral face and the
# model's typical output, not fitted to the labelled photos.
POPULATION_NEUTRAL = {name: 0.02 for name in BLEND_FEATURES}
POPULATION_NEUTRAL.update({"squint": 0.2, "blink": 0.1, "brow_down": 0.05,
                           "mouth_open": 0.0, "mouth_width": 0.80, "corner_lift": 0.0,
                           "eye_open": 0.155, "brow_raise": 0.30})
NEUTRAL_VECTOR = np.array([POPULATION_NEUTRAL[n] for n in FEATURES], np.float32)

# (52, 16) averaging matrix: one product per batch instead of 16 gathers (the live preview calls
# this once per frame, where per-call overhead dominates)
_BS_AVERAGE = np.zeros((len(BS_INDEX), len(BLEND_FEATURES)), np.float32)
for _j, _names in enumerate(BLEND_FEATURES.values()):
    for _b in _names:
        _BS_AVERAGE[BS_INDEX[_b], _j] = 1.0 / len(_names)
# landmark ids (MediaPipe 478-point mesh)
EYE_L, EYE_R = (33, 133), (362, 263)
LIP_UP, LIP_LOW, CORNER_L, CORNER_R = 13, 14, 61, 291
LID_UP_L, LID_LOW_L, LID_UP_R, LID_LOW_R = 159, 145, 386, 374
BROW_MID_L, BROW_MID_R = 105, 334


def blend_features(bs: np.ndarray) -> np.ndarray:
    bs = np.asarray(bs, np.float32).reshape(-1, bs.shape[-1])
    return bs @ _BS_AVERAGE


# the landmarks the geometry reads, gathered first so per-frame work does not scale with the mesh
_USED = (*EYE_L, *EYE_R, LIP_UP, LIP_LOW, CORNER_L, CORNER_R, LID_UP_L, LID_LOW_L, LID_UP_R,
         LID_LOW_R, BROW_MID_L, BROW_MID_R)
_AT = {lm_id: i for i, lm_id in enumerate(_USED)}


def geometry_features(landmarks: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """(n, 478, 3) normalised landmarks + (n, 2) image sizes -> (n, 5) geometry."""
    lm = np.asarray(landmarks, np.float32)[:, _USED, :2]
    pts = lm * np.asarray(sizes, np.float32)[:, None, :]  # pixels, keeps aspect
    a = _AT
    left = (pts[:, a[EYE_L[0]]] + pts[:, a[EYE_L[1]]]) / 2
    right = (pts[:, a[EYE_R[0]]] + pts[:, a[EYE_R[1]]]) / 2
    axis = right - left
    iod = np.linalg.norm(axis, axis=1)
    iod = np.where(iod > 1e-6, iod, np.nan)
    cos, sin = axis[:, 0] / iod, axis[:, 1] / iod
    centred = pts - ((left + right) / 2)[:, None, :]
    # rotate by -angle: x' = x cos + y sin, y' = -x sin + y cos (y points down)
    y = (-centred[..., 0] * sin[:, None] + centred[..., 1] * cos[:, None]) / iod[:, None]
    x = (centred[..., 0] * cos[:, None] + centred[..., 1] * sin[:, None]) / iod[:, None]
    mouth_open = y[:, a[LIP_LOW]] - y[:, a[LIP_UP]]
    mouth_width = np.hypot(x[:, a[CORNER_R]] - x[:, a[CORNER_L]],
                           y[:, a[CORNER_R]] - y[:, a[CORNER_L]])
    corner_lift = (y[:, a[LIP_UP]] + y[:, a[LIP_LOW]]) / 2 \
        - (y[:, a[CORNER_L]] + y[:, a[CORNER_R]]) / 2
    eye_open = ((y[:, a[LID_LOW_L]] - y[:, a[LID_UP_L]])
                + (y[:, a[LID_LOW_R]] - y[:, a[LID_UP_R]])) / 2
    brow_raise = ((y[:, a[LID_UP_L]] - y[:, a[BROW_MID_L]])
                  + (y[:, a[LID_UP_R]] - y[:, a[BROW_MID_R]])) / 2
    return np.stack([mouth_open, mouth_width, corner_lift, eye_open, brow_raise], axis=1)


def frame_features(blendshapes: np.ndarray, landmarks: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """(n, len(FEATURES)) features; NaN rows where no face was found."""
    return np.concatenate([blend_features(blendshapes), geometry_features(landmarks, sizes)],
                          axis=1).astype(np.float32)


def to_dict(vector: np.ndarray) -> dict[str, float]:
    return {name: round(float(v), 4) for name, v in zip(FEATURES, vector)}


def from_dict(values: dict[str, float]) -> np.ndarray:
    return np.array([float(values.get(n, POPULATION_NEUTRAL[n])) for n in FEATURES], np.float32)
