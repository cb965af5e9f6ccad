"""Synthetic test videos that stand in for a webcam: neutral frames with a brief expression burst.

Frames are 640x480 by default: the photo is scaled to fit, letterboxed, shifted by a few pixels of
hand-held jitter and given a little sensor noise; during the burst the neutral photo cross-fades
into the expression photo (``intensity`` < 1 gives a faint expression).  Written with
cv2.VideoWriter as MJPG .avi (or mp4v .mp4), which OpenCV reads back everywhere.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from engine.errors import InputError
from engine.expressions.frames import load_image


def fit_frame(rgb: np.ndarray, size: tuple[int, int] = (640, 480)) -> np.ndarray:
    import cv2

    w, h = size
    ih, iw = rgb.shape[:2]
    scale = min(w / iw, h / ih)
    nw, nh = max(1, int(iw * scale)), max(1, int(ih * scale))
    small = cv2.resize(rgb, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas = np.full((h, w, 3), 40, np.uint8)
    x0, y0 = (w - nw) // 2, (h - nh) // 2
    canvas[y0:y0 + nh, x0:x0 + nw] = small
    return canvas


def burst_frames(neutral: np.ndarray, expression: np.ndarray, *, n_frames: int = 60,
                 burst: tuple[int, int] = (30, 36), intensity: float = 1.0,
                 size: tuple[int, int] = (640, 480), seed: int = 0) -> np.ndarray:
    """(n, h, w, 3) uint8 RGB frames: neutral, a burst of the expression, neutral again."""
    import cv2

    rng = np.random.default_rng(seed)
    a = fit_frame(neutral, size).astype(np.float32)
    b = fit_frame(expression, size).astype(np.float32)
    start, end = burst
    alpha = np.zeros(n_frames, np.float32)
    alpha[max(start, 0):min(end, n_frames)] = intensity
    frames = np.empty((n_frames, size[1], size[0], 3), np.uint8)
    for i in range(n_frames):
        img = a * (1 - alpha[i]) + b * alpha[i]
        dx, dy = rng.integers(-2, 3, size=2)
        m = np.float32([[1, 0, dx], [0, 1, dy]])
        img = cv2.warpAffine(img, m, size, borderMode=cv2.BORDER_REPLICATE)
        img += rng.normal(0, 2.0, img.shape).astype(np.float32)
        frames[i] = np.clip(img, 0, 255).astype(np.uint8)
    return frames


def write_video(frames: np.ndarray, path: str | Path, fps: float = 15.0) -> Path:
    import cv2

    p = Path(path)
    fourcc = {".avi": "MJPG", ".mp4": "mp4v"}.get(p.suffix.lower())
    if fourcc is None:
        raise InputError("write .avi (MJPG) or .mp4 (mp4v)", place=str(p))
    p.parent.mkdir(parents=True, exist_ok=True)
    h, w = frames.shape[1:3]
    tmp = p.with_name(p.stem + ".part" + p.suffix)
    writer = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*fourcc), fps, (w, h))
    if not writer.isOpened():
        raise InputError(f"OpenCV cannot write {fourcc} video here", place=str(p))
    try:
        for f in frames:
            writer.write(cv2.cvtColor(f, cv2.COLOR_RGB2BGR))
    finally:
        writer.release()
    tmp.replace(p)
    return p


def make_burst_video(neutral_path, expression_path, out_path, **kwargs) -> Path:
    fps = kwargs.pop("fps", 15.0)
    frames = burst_frames(load_image(neutral_path), load_image(expression_path), **kwargs)
    return write_video(frames, out_path, fps=fps)
