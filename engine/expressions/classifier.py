"""Expression classifier: FACS-style evidence per class, neutral threshold, peak over frames.

Per frame, each non-neutral class gets an *evidence* value built from the features (blendshapes
and landmark geometry) that its facial action units move (Ekman & Friesen's EMFACS prototypes,
mapped onto MediaPipe's blendshapes); neutral gets the constant threshold ``tau``.  Scores are
``softmax(beta * [tau, e_happy, ...])``.

Over several frames (see :func:`aggregate`):

1. **Baseline.** Features are re-centred on the user's own neutral face when one is known
   (``x - baseline + population_neutral``), so a person whose resting face already "smiles" or
   frowns is not read as happy or angry; with a stream of >= ``self_baseline_min`` frames the
   batch's per-feature median is a second, in-batch baseline, and the evidence used is the larger
   of the absolute and the baseline-relative one (a faint change relative to the person's rest is
   caught; a sustained expression is not cancelled by its own median).
2. **Sustain.** A sliding minimum over ``min_frames`` consecutive face frames: an expression must
   hold for that many frames (a blink or a tracking glitch in one frame is ignored).
3. **Peak.** The strongest sustained evidence over the whole batch decides: if it reaches
   ``tau`` the expression is that class, and scores/confidence are the mean softmax over the peak
   window (the reported episode spans the surrounding frames at or above ``tau``); otherwise the batch is neutral (mean softmax over all face frames).  A brief burst of
   4 frames in 60 is therefore caught, where averaging all frames would dilute it away.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from engine.expressions.features import F, NEUTRAL_VECTOR

CLASSES = ("neutral", "happy", "sad", "surprised", "angry", "disgusted", "fearful")


@dataclass(frozen=True)
class ClassifierParams:
    tau: float = 0.40  # neutral threshold on evidence (calibrated by leave-one-out)
    beta: float = 6.0  # softmax sharpness
    min_frames: int = 2  # frames an expression must last in a stream
    self_baseline_min: int = 8  # stream frames needed before the batch median is a baseline


DEFAULT_PARAMS = ClassifierParams()


def _relu(x):
    return np.maximum(x, 0.0)


def evidence(feats: np.ndarray) -> np.ndarray:
    """(n, n_features) -> (n, 6) evidence for CLASSES[1:]; rows of NaN stay NaN."""
    x = np.asarray(feats, np.float32)
    g = lambda name: x[:, F[name]]  # noqa: E731
    closed = np.clip((0.10 - g("eye_open")) / 0.05, 0.0, 1.0)  # eyes squeezed shut
    open_eyes = 1.0 - closed
    gap = np.clip((g("mouth_open") - 0.08) / 0.20, 0.0, 1.0)  # lips apart
    no_smile = 1.0 - np.clip(g("smile") / 0.5, 0.0, 1.0)
    brow_down = _relu(g("brow_down") - 0.2) * 2.0  # AU4 above the resting level
    # AU6 + AU12: smile, cheek raise, corners lifted; a smile-shaped mouth with eyes squeezed
    # shut is the crying face, not joy
    happy = (g("smile") + 0.5 * g("cheek") + 3.0 * _relu(g("corner_lift") - 0.03)) \
        * (1.0 - 0.8 * closed)
    # AU1 + AU4 + AU15, and the weeping face (eyes shut, mouth open)
    sad = g("frown") + 0.5 * g("brow_inner_up") * (1.0 - g("brow_outer_up")) \
        + 1.2 * closed * gap
    # AU1 + AU2 + AU5 + AU26: brows up, eyes wide, jaw dropped, without a smile or frown
    # (lips apart alone is talking, not surprise: the open mouth counts in full only with raised
    # brows or widened eyes)
    raised = np.clip(2.0 * g("eye_wide") + g("brow_outer_up") + g("brow_inner_up")
                     + np.clip((g("brow_raise") - 0.32) / 0.06, 0.0, 1.0), 0.0, 1.0)
    surprised = open_eyes * no_smile * (1.0 - np.clip(brow_down, 0.0, 1.0)) * (
        gap * (0.3 + 0.7 * raised) + g("eye_wide") + 0.5 * g("jaw_open")
        + 0.2 * (g("brow_inner_up") + g("brow_outer_up")))
    # AU4 + AU5/7 + AU23/24: brows lowered, glaring (eyes open), lips pressed or snarl
    angry = no_smile * (1.0 - 0.5 * closed) * (
        brow_down + _relu(g("squint") - 0.4) + g("press") + 0.5 * g("upper_up"))
    # AU9 + AU10 (+AU4, eyes narrowed): nose wrinkle, upper lip raised, mouth closed
    disgusted = no_smile * (2.0 * g("sneer") + 0.5 * g("upper_up")
                            + brow_down * closed * (1.0 - gap))
    # AU1 + AU2 + AU4 + AU5 + AU20: brows up and drawn together, eyes wide, lips stretched
    fearful = open_eyes * no_smile * (1.5 * g("eye_wide") + 2.0 * g("stretch")
                                      + 2.0 * g("brow_inner_up") * np.clip(brow_down, 0, 1)
                                      + 0.5 * g("brow_inner_up"))
    return np.stack([happy, sad, surprised, angry, disgusted, fearful], axis=1)


def softmax_scores(ev: np.ndarray, params: ClassifierParams = DEFAULT_PARAMS) -> np.ndarray:
    """(n, 6) evidence -> (n, 7) class probabilities in CLASSES order."""
    logits = params.beta * np.concatenate(
        [np.full((ev.shape[0], 1), params.tau, np.float32), ev], axis=1)
    logits -= np.nanmax(logits, axis=1, keepdims=True)
    e = np.exp(logits)
    return e / e.sum(axis=1, keepdims=True)


def frame_scores(feats: np.ndarray, params: ClassifierParams = DEFAULT_PARAMS,
                 baseline: np.ndarray | None = None) -> np.ndarray:
    """Per-frame class probabilities (n, 7) (for live bars and the timeline)."""
    return softmax_scores(_combined_evidence(feats, baseline, None), params)


def _recentre(feats: np.ndarray, baseline: np.ndarray) -> np.ndarray:
    return feats - baseline[None, :] + NEUTRAL_VECTOR[None, :]


def _combined_evidence(feats, baseline, batch_baseline) -> np.ndarray:
    ev = evidence(_recentre(feats, baseline) if baseline is not None else feats)
    if batch_baseline is not None:
        ev = np.maximum(ev, evidence(_recentre(feats, batch_baseline)))
    return ev


@dataclass
class Classification:
    expression: str | None  # None when no frame had a face
    confidence: float
    scores: dict[str, float]
    frames: int  # frames given
    face_frames: int  # frames with a face
    peak: tuple[int, int] = (0, 0)  # [start, end) frame indices of the expression episode
    timeline: np.ndarray = field(default_factory=lambda: np.zeros((0, len(CLASSES))))

    def as_dict(self) -> dict:
        return {"expression": self.expression, "confidence": round(self.confidence, 4),
                "scores": {k: round(v, 4) for k, v in self.scores.items()},
                "frames": self.frames, "face_frames": self.face_frames}


def aggregate(feats: np.ndarray, *, stream: bool = True, params: ClassifierParams = DEFAULT_PARAMS,
              baseline: np.ndarray | None = None) -> Classification:
    """Classify a batch of frames (rows of NaN = no face) into one expression."""
    feats = np.asarray(feats, np.float32).reshape(-1, len(NEUTRAL_VECTOR))
    n = feats.shape[0]
    ok = ~np.isnan(feats).any(axis=1)
    idx = np.flatnonzero(ok)
    timeline = np.full((n, len(CLASSES)), np.nan, np.float32)
    if idx.size == 0:
        return Classification(None, 0.0, {c: 0.0 for c in CLASSES}, n, 0, (0, 0), timeline)
    x = feats[idx]
    batch_baseline = None
    if stream and idx.size >= params.self_baseline_min:
        batch_baseline = np.median(x, axis=0)
    ev = _combined_evidence(x, baseline, batch_baseline)
    probs = softmax_scores(ev, params)
    timeline[idx] = probs
    m = max(1, min(params.min_frames if stream else 1, idx.size))
    if m > 1:  # sliding minimum over m consecutive face frames
        windows = np.lib.stride_tricks.sliding_window_view(ev, m, axis=0)  # (k, 6, m)
        sustained = windows.min(axis=2)
    else:
        sustained = ev
    flat = int(np.argmax(sustained.max(axis=1)))
    peak_value = float(sustained[flat].max())
    if peak_value >= params.tau:
        window = probs[flat:flat + m].mean(axis=0)
        # report the whole episode: the run of face frames around the peak in which the winning
        # class stays at or above tau (scores still come from the peak window)
        cls = int(np.argmax(sustained[flat]))
        below = np.flatnonzero(ev[:, cls] < params.tau)
        first = int(below[below < flat].max()) + 1 if (below < flat).any() else 0
        after = below[below >= flat + m]
        last = int(after.min()) - 1 if after.size else len(ev) - 1
        start, end = int(idx[min(first, flat)]), int(idx[max(last, flat + m - 1)]) + 1
    else:
        window = probs.mean(axis=0)
        start, end = int(idx[0]), int(idx[-1]) + 1
    best = int(np.argmax(window))
    return Classification(CLASSES[best], float(window[best]),
                          {c: float(v) for c, v in zip(CLASSES, window)}, n, int(idx.size),
                          (start, end), timeline)
