"""Frames -> face arrays -> features -> classification, for files and batches."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engine.errors import InputError, OperatorError
from engine.expressions.classifier import DEFAULT_PARAMS, Classification, ClassifierParams, aggregate
from engine.expressions.features import frame_features
from engine.expressions.frames import Frame, FrameBatch, ImageSource, kind_of, open_video, read_batch
from engine.expressions.landmarker import FaceArrays, FaceTracker
from engine.progress import NO_STATE, SubState, TaskState

MAX_VIDEO_FRAMES = 300


@dataclass
class BatchAnalysis:
    batch: FrameBatch
    faces: FaceArrays
    features: np.ndarray  # (n, n_features), NaN rows without a face
    result: Classification


def features_of(frames: list[Frame], *, stream: bool, model_path: str | None = None,
                tracker: FaceTracker | None = None,
                state: TaskState = NO_STATE) -> tuple[FaceArrays, np.ndarray]:
    own = tracker is None
    tracker = tracker or FaceTracker(model_path, video=stream)
    try:
        faces = tracker.run(frames, state=state)
    finally:
        if own:
            tracker.close()
    return faces, frame_features(faces.blendshapes, faces.landmarks, faces.sizes)


def analyse_batch(batch: FrameBatch, *, model_path: str | None = None,
                  params: ClassifierParams = DEFAULT_PARAMS, baseline: np.ndarray | None = None,
                  state: TaskState = NO_STATE) -> BatchAnalysis:
    if not batch.frames:
        raise InputError("no frames could be read", place=batch.source)
    faces, feats = features_of(batch.frames, stream=batch.stream, model_path=model_path,
                               state=state)
    result = aggregate(feats, stream=batch.stream, params=params, baseline=baseline)
    return BatchAnalysis(batch, faces, feats, result)


def batch_from_paths(paths: list[str | Path], user_id: str | None = None,
                     max_frames: int = MAX_VIDEO_FRAMES) -> FrameBatch:
    """One batch from images (stills, IMAGE mode) or a single video (stream, VIDEO mode)."""
    if not paths:
        raise InputError("give at least one image or video", place="PATH")
    kinds = [kind_of(p) for p in paths]
    if "video" in kinds:
        if len(paths) > 1:
            raise InputError("give either one video or a list of images, not both",
                             place=", ".join(str(p) for p in paths))
        with open_video(paths[0]) as src:
            batch = read_batch(src, max_frames, user_id)
        if not batch.frames:
            raise InputError("the video holds no readable frames", place=str(paths[0]))
        return batch
    src = ImageSource(list(paths))
    return read_batch(src, None, user_id)


def classify_paths(paths: list[str | Path], *, model_path: str | None = None,
                   params: ClassifierParams = DEFAULT_PARAMS, max_frames: int = MAX_VIDEO_FRAMES,
                   state: TaskState = NO_STATE) -> list[dict]:
    """One result per input file: images in IMAGE mode, videos in VIDEO mode over their frames.

    A file that cannot be read gets ``{"path", "error"}``; one without a face gets
    ``"expression": None`` and ``"error": "no face found"``; the others are not affected.
    """
    out: list[dict] = []
    image_tracker = None
    try:
        for i, path in enumerate(paths):
            state.check()
            sub = SubState(state, i / len(paths), (i + 1) / len(paths))
            sub.set_progress(0.0, str(path))
            try:
                if kind_of(path) == "video":
                    batch = batch_from_paths([path], max_frames=max_frames)
                    _faces, feats = features_of(batch.frames, stream=True, model_path=model_path,
                                                state=sub)
                    res = aggregate(feats, stream=True, params=params)
                else:
                    batch = read_batch(ImageSource([path]), None)
                    if image_tracker is None:
                        image_tracker = FaceTracker(model_path, video=False)
                    _faces, feats = features_of(batch.frames, stream=False, tracker=image_tracker)
                    res = aggregate(feats, stream=False, params=params)
            except InputError as exc:
                out.append({"path": str(path), "error": str(exc)})
                continue
            row = {"path": str(path), **res.as_dict()}
            if res.expression is None:
                row["error"] = "no face found"
            out.append(row)
    finally:
        if image_tracker is not None:
            image_tracker.close()
    state.set_progress(1.0, "classified")
    return out


__all__ = ["BatchAnalysis", "OperatorError", "analyse_batch", "batch_from_paths",
           "classify_paths", "features_of"]
