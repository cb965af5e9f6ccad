"""MediaPipe Face Landmarker (Tasks API): blendshapes and landmarks of the largest face.

IMAGE mode for unrelated stills, VIDEO mode for consecutive frames (it tracks the face between
frames, which is both faster and steadier).  Results come back as arrays:
``blendshapes (n, 52)`` in :data:`BLENDSHAPES` order, ``landmarks (n, 478, 3)`` normalised to the
image, and ``found (n,)``.  Frames without a face get NaN rows.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.errors import OperatorError
from engine.expressions.modelfile import find_model
from engine.progress import NO_STATE, TaskState

BLENDSHAPES = (
    "_neutral", "browDownLeft", "browDownRight", "browInnerUp", "browOuterUpLeft",
    "browOuterUpRight", "cheekPuff", "cheekSquintLeft", "cheekSquintRight", "eyeBlinkLeft",
    "eyeBlinkRight", "eyeLookDownLeft", "eyeLookDownRight", "eyeLookInLeft", "eyeLookInRight",
    "eyeLookOutLeft", "eyeLookOutRight", "eyeLookUpLeft", "eyeLookUpRight", "eyeSquintLeft",
    "eyeSquintRight", "eyeWideLeft", "eyeWideRight", "jawForward", "jawLeft", "jawOpen",
    "jawRight", "mouthClose", "mouthDimpleLeft", "mouthDimpleRight", "mouthFrownLeft",
    "mouthFrownRight", "mouthFunnel", "mouthLeft", "mouthLowerDownLeft", "mouthLowerDownRight",
    "mouthPressLeft", "mouthPressRight", "mouthPucker", "mouthRight", "mouthRollLower",
    "mouthRollUpper", "mouthShrugLower", "mouthShrugUpper", "mouthSmileLeft", "mouthSmileRight",
    "mouthStretchLeft", "mouthStretchRight", "mouthUpperUpLeft", "mouthUpperUpRight",
    "noseSneerLeft", "noseSneerRight",
)
BS_INDEX = {name: i for i, name in enumerate(BLENDSHAPES)}
N_LANDMARKS = 478


@dataclass
class FaceArrays:
    found: np.ndarray  # (n,) bool
    blendshapes: np.ndarray  # (n, 52) float32, NaN where no face
    landmarks: np.ndarray  # (n, 478, 3) float32 normalised x, y in [0, 1], z relative
    sizes: np.ndarray  # (n, 2) image width, height

    @classmethod
    def empty(cls, n: int) -> "FaceArrays":
        return cls(np.zeros(n, bool), np.full((n, len(BLENDSHAPES)), np.nan, np.float32),
                   np.full((n, N_LANDMARKS, 3), np.nan, np.float32), np.zeros((n, 2), np.int32))

    def __len__(self) -> int:
        return len(self.found)


class FaceTracker:
    """One Face Landmarker instance (not thread-safe: one per thread). Use as a context manager."""

    def __init__(self, model_path: str | None = None, *, video: bool = False,
                 min_confidence: float = 0.5) -> None:
        import mediapipe as mp
        from mediapipe.tasks.python import BaseOptions, vision

        self._mp = mp
        self.model_path = find_model(model_path)
        self.video = video
        mode = vision.RunningMode.VIDEO if video else vision.RunningMode.IMAGE
        options = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(self.model_path)),
            running_mode=mode, num_faces=1, output_face_blendshapes=True,
            min_face_detection_confidence=min_confidence,
            min_face_presence_confidence=min_confidence, min_tracking_confidence=min_confidence)
        try:
            self._landmarker = vision.FaceLandmarker.create_from_options(options)
        except (RuntimeError, ValueError) as exc:
            raise OperatorError(f"could not load the face model {self.model_path}: {exc}") from exc
        self._last_ts = -1

    def close(self) -> None:
        if self._landmarker is not None:
            self._landmarker.close()
            self._landmarker = None

    def __enter__(self) -> "FaceTracker":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def detect(self, rgb: np.ndarray, ts_ms: int | None = None):
        """(blendshapes (52,), landmarks (478, 3)) of one frame, or None when no face."""
        image = self._mp.Image(image_format=self._mp.ImageFormat.SRGB,
                               data=np.ascontiguousarray(rgb))
        if self.video:
            ts = int(ts_ms if ts_ms is not None else self._last_ts + 33)
            ts = max(ts, self._last_ts + 1)  # VIDEO mode needs strictly increasing timestamps
            self._last_ts = ts
            result = self._landmarker.detect_for_video(image, ts)
        else:
            result = self._landmarker.detect(image)
        if not result.face_landmarks:
            return None
        bs = np.fromiter((c.score for c in result.face_blendshapes[0]), np.float32,
                         count=len(BLENDSHAPES))
        lm = np.array([(p.x, p.y, p.z) for p in result.face_landmarks[0]], np.float32)
        return bs, lm

    def run(self, frames, state: TaskState = NO_STATE) -> FaceArrays:
        """Landmarks and blendshapes of every frame (a list of :class:`Frame`)."""
        out = FaceArrays.empty(len(frames))
        for i, frame in enumerate(frames):
            state.check()
            h, w = frame.rgb.shape[:2]
            out.sizes[i] = (w, h)
            res = self.detect(frame.rgb, frame.ts_ms)
            if res is not None:
                out.found[i] = True
                out.blendshapes[i], out.landmarks[i] = res
            if i % 5 == 0:
                state.set_progress((i + 1) / len(frames), "finding faces" if i == 0 else "")
        return out
