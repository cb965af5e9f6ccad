"""Calibration and evaluation on labelled face photos (a folder per class).

* :func:`evaluate` — confusion matrix, per-class precision/recall, accuracy.
* :func:`leave_one_out_tau` — the neutral threshold ``tau`` is the only fitted parameter: for each
  photo, ``tau`` is chosen on the *other* photos (best accuracy, ties -> closest to the default)
  and the held-out photo is predicted with it, so the reported accuracy is not fitted to itself.
* :func:`augment` — mirrored, half-size, darker, rotated and JPEG-compressed variants, to check that
  the rules hold on images they were not designed on.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from engine.expressions.classifier import CLASSES, DEFAULT_PARAMS, ClassifierParams, evidence
from engine.expressions.frames import IMAGE_EXTS

TAU_GRID = np.round(np.arange(0.20, 0.701, 0.025), 3)
AUGMENTATIONS = ("mirror", "half_size", "dark", "rotate_8", "jpeg_q30")


def labelled_photos(folder: str | Path) -> list[tuple[Path, str]]:
    """(path, label) for every image in ``folder/<class>/``."""
    root = Path(folder)
    return [(p, p.parent.name) for p in sorted(root.glob("*/*"))
            if p.suffix.lower() in IMAGE_EXTS and p.parent.name in CLASSES]


def predict(feats: np.ndarray, params: ClassifierParams = DEFAULT_PARAMS) -> np.ndarray:
    """Single-frame predictions (IMAGE mode); '' where no face."""
    ev = evidence(feats)
    logits = np.concatenate([np.full((len(ev), 1), params.tau), ev], axis=1)
    pred = np.array(CLASSES, object)[np.nanargmax(np.nan_to_num(logits, nan=-1), axis=1)]
    pred[np.isnan(feats).any(axis=1)] = ""
    return pred


def evaluate(truth, pred) -> dict:
    truth, pred = np.asarray(truth, object), np.asarray(pred, object)
    k = len(CLASSES)
    idx = {c: i for i, c in enumerate(CLASSES)}
    cm = np.zeros((k, k + 1), int)  # last column: no face
    for t, p in zip(truth, pred):
        cm[idx[t], idx.get(p, k)] += 1
    per_class = {}
    for c, i in idx.items():
        tp = cm[i, i]
        support = cm[i].sum()
        predicted = cm[:, i].sum()
        per_class[c] = {"support": int(support),
                        "precision": float(tp / predicted) if predicted else None,
                        "recall": float(tp / support) if support else None}
    return {"accuracy": float((truth == pred).mean()) if len(truth) else 0.0,
            "confusion": cm, "per_class": per_class, "n": int(len(truth))}


def leave_one_out_tau(feats: np.ndarray, truth, grid=TAU_GRID,
                      params: ClassifierParams = DEFAULT_PARAMS) -> tuple[np.ndarray, np.ndarray]:
    """Held-out predictions and the tau chosen for each held-out photo."""
    truth = np.asarray(truth, object)
    preds = np.stack([predict(feats, replace(params, tau=float(t))) for t in grid])  # (g, n)
    correct = preds == truth[None, :]
    n = len(truth)
    out, taus = np.empty(n, object), np.empty(n)
    for i in range(n):
        acc = (correct.sum(axis=1) - correct[:, i]) / max(n - 1, 1)
        best = np.flatnonzero(acc == acc.max())
        j = best[np.argmin(np.abs(grid[best] - params.tau))]
        out[i], taus[i] = preds[j, i], grid[j]
    return out, taus


def augment(rgb: np.ndarray, kind: str) -> np.ndarray:
    import cv2

    if kind == "mirror":
        return rgb[:, ::-1].copy()
    if kind == "half_size":
        h, w = rgb.shape[:2]
        return cv2.resize(rgb, (max(w // 2, 1), max(h // 2, 1)), interpolation=cv2.INTER_AREA)
    if kind == "dark":
        return (255.0 * (rgb / 255.0) ** 1.8).astype(np.uint8)
    if kind == "rotate_8":
        h, w = rgb.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), 8, 1.0)
        return cv2.warpAffine(rgb, m, (w, h), borderMode=cv2.BORDER_REPLICATE)
    if kind == "jpeg_q30":
        ok, buf = cv2.imencode(".jpg", rgb[:, :, ::-1], [cv2.IMWRITE_JPEG_QUALITY, 30])
        return cv2.imdecode(buf, cv2.IMREAD_COLOR)[:, :, ::-1].copy()
    raise ValueError(kind)


def photo_features(images: list[np.ndarray], model_path: str | None = None) -> np.ndarray:
    """IMAGE-mode features of unrelated stills (one landmarker for all)."""
    from engine.expressions.frames import Frame
    from engine.expressions.pipeline import features_of

    frames = [Frame(img, i * 1000, i, f"image {i}") for i, img in enumerate(images)]
    return features_of(frames, stream=False, model_path=model_path)[1]
