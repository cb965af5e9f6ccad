"""The live preview worker: frames -> landmarker -> features/scores -> mesh overlay, off the GUI.

A QThread (not the task runner: it runs until stopped).  It reports only through queued signals
and never touches a widget; when the GUI falls behind it drops frames instead of queueing them.
"""
from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from engine.errors import OperatorError


class PreviewWorker(QThread):
    frame_ready = Signal(QImage, object, object, int, float)  # image, features, scores, no, ms
    captured = Signal(object)  # {"features", "frame_numbers", "stream", "source"}
    failed = Signal(str)

    MAX_PENDING = 2

    def __init__(self, source, model_path: str | None, *, baseline: np.ndarray | None = None,
                 realtime: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.source_spec = source  # int camera index | video path | list of image paths
        self.model_path = model_path
        self.baseline = baseline
        self.realtime = realtime
        self._lock = threading.Lock()
        self._capture_n = 0
        self._buffer: list[np.ndarray] = []
        self._buffer_no: list[int] = []
        self.pending = 0  # frames emitted but not yet shown (GUI decrements)
        self.dropped = 0
        self.frames_done = 0

    def request_capture(self, n: int) -> None:
        with self._lock:
            images = isinstance(self.source_spec, (list, tuple))
            self._capture_n = min(n, len(self.source_spec)) if images else n
            self._buffer, self._buffer_no = [], []

    def stop(self, timeout_ms: int = 5000) -> None:
        self.requestInterruption()
        self.wait(timeout_ms)

    def frame_shown(self) -> None:
        self.pending = max(0, self.pending - 1)

    def run(self) -> None:  # noqa: C901 - one loop, kept together for clarity
        from engine.expressions.classifier import frame_scores
        from engine.expressions.features import frame_features
        from engine.expressions.frames import ImageSource, open_source, open_video
        from engine.expressions.landmarker import FaceTracker
        from engine.expressions.overlay import draw_mesh

        images = isinstance(self.source_spec, (list, tuple))
        try:
            if images:
                source = ImageSource(list(self.source_spec))
            elif isinstance(self.source_spec, int):
                source = open_source(self.source_spec)
            else:
                source = open_video(self.source_spec, loop=True)
            tracker = FaceTracker(self.model_path, video=not images)
        except OperatorError as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:  # noqa: BLE001 - reported inline, never a crash of the thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        period = 0.5 if images else 1.0 / source.fps
        k = 0
        next_due = time.monotonic()
        try:
            while not self.isInterruptionRequested():
                got_any = False
                for frame in source:
                    got_any = True
                    if self.isInterruptionRequested():
                        break
                    t0 = time.perf_counter()
                    res = tracker.detect(frame.rgb, int(k * period * 1000))
                    h, w = frame.rgb.shape[:2]
                    if res is None:
                        feats = np.full(21, np.nan, np.float32)
                        scores = np.full(7, np.nan, np.float32)
                        shown = frame.rgb
                    else:
                        bs, lm = res
                        feats = frame_features(bs[None], lm[None], np.array([[w, h]]))[0]
                        scores = frame_scores(feats[None], baseline=self.baseline)[0]
                        shown = draw_mesh(frame.rgb, lm)
                    ms = (time.perf_counter() - t0) * 1000.0
                    self._collect(feats, k, images)
                    if self.pending < self.MAX_PENDING:
                        shown = np.ascontiguousarray(shown)
                        image = QImage(shown.data, w, h, 3 * w, QImage.Format_RGB888).copy()
                        self.pending += 1
                        self.frame_ready.emit(image, feats, scores, k, ms)
                    else:
                        self.dropped += 1
                    k += 1
                    self.frames_done = k
                    if self.realtime:
                        next_due += period
                        delay = next_due - time.monotonic()
                        if delay > 0:
                            self.msleep(int(delay * 1000))
                        else:
                            next_due = time.monotonic()
                if not images or not got_any:
                    break  # camera or looping video ended / failed
        except OperatorError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            tracker.close()
            source.close()

    def _collect(self, feats: np.ndarray, k: int, images: bool) -> None:
        with self._lock:
            if self._capture_n <= 0:
                return
            self._buffer.append(feats)
            self._buffer_no.append(k)
            if len(self._buffer) < self._capture_n:
                return
            payload = {"features": np.stack(self._buffer), "frame_numbers": list(self._buffer_no),
                       "stream": not images, "source": self.source_name()}
            self._capture_n = 0
            self._buffer, self._buffer_no = [], []
        self.captured.emit(payload)

    def source_name(self) -> str:
        if isinstance(self.source_spec, int):
            return f"camera:{self.source_spec}"
        if isinstance(self.source_spec, (list, tuple)):
            return f"images:{len(self.source_spec)}"
        return str(self.source_spec)
