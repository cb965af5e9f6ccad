"""Drawing the face mesh over a frame (numpy/OpenCV only, so it can run on a worker thread)."""
from __future__ import annotations

from functools import lru_cache

import numpy as np


@lru_cache(maxsize=1)
def _edges() -> tuple[np.ndarray, np.ndarray]:
    """(tessellation edges, contour edges) as (k, 2) landmark index arrays."""
    from mediapipe.tasks.python.vision import FaceLandmarksConnections as C

    tess = np.array([(c.start, c.end) for c in C.FACE_LANDMARKS_TESSELATION], np.int32)
    contours = np.array([(c.start, c.end) for c in C.FACE_LANDMARKS_CONTOURS], np.int32)
    return tess, contours


def draw_mesh(rgb: np.ndarray, landmarks: np.ndarray, *, mesh_colour=(90, 200, 255),
              contour_colour=(255, 235, 120)) -> np.ndarray:
    """A copy of ``rgb`` with the tessellation (thin) and the contours (bright) drawn on it."""
    import cv2

    out = np.ascontiguousarray(rgb).copy()
    if landmarks is None or np.isnan(landmarks).any():
        return out
    h, w = out.shape[:2]
    pts = np.round(landmarks[:, :2] * (w, h)).astype(np.int32)
    tess, contours = _edges()
    cv2.polylines(out, list(pts[tess]), False, mesh_colour, 1, cv2.LINE_8)
    cv2.polylines(out, list(pts[contours]), False, contour_colour, 1, cv2.LINE_AA)
    return out
