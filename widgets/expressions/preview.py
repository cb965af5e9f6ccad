"""The live preview worker: frames -> landmarker -> features/scores -> mesh overlay, off the GUI.

Two stages, both off the GUI thread: the worker (a QThread) reads frames at the source's pace
and emits each one with the newest face mesh drawn on it; an inference thread it owns runs the
landmarker + classifier on the newest frame whenever it is free.  So the preview keeps the
source's frame rate even when the model is slower than the camera (frames the model had no time
for are shown with the previous mesh and simply not classified).  Signals are queued; when the
GUI falls behind, frames are dropped instead of queued.  Widgets are never touched here.
"""
from __future__ import annotations

import threading
import time

import numpy as np
from PySide6.QtCore import QThread, Signal
from PySide6.QtGui import QImage

from engine.errors import OperatorError


class _Inference:
    """Runs the tracker on the newest submitted frame in its own thread (joined on stop)."""

    def __init__(self, tracker, baseline) -> None:
        self.tracker = tracker
        self.baseline = baseline
        self._cv = threading.Condition()
        self._job = None
        self._result = None
        self._fresh = False
        self._stop = False
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="expressions-inference")

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        with self._cv:
            self._stop = True
            self._cv.notify_all()
        self._thread.join()

    def submit(self, rgb: np.ndarray, k: int, ts_ms: int) -> bool:
        """Queue the frame if the model is free; False when it is still busy."""
        with self._cv:
            if self._job is not None:
                return False
            self._job = (rgb, k, ts_ms)
            self._cv.notify()
            return True

    def wait_idle(self, timeout: float = 5.0) -> None:
        """Block until the queued frame is processed (for still images)."""
        deadline = time.monotonic() + timeout
        with self._cv:
            while self._job is not None and not self._stop and time.monotonic() < deadline:
                self._cv.wait(0.05)

    def take(self):
        """The newest result once: (k, landmarks|None, features, scores, ms), or None."""
        with self._cv:
            if not self._fresh:
                return None
            self._fresh = False
            return self._result

    def latest_landmarks(self):
        with self._cv:
            return None if self._result is None else self._result[1]

    def _loop(self) -> None:
        from engine.expressions.classifier import frame_scores
        from engine.expressions.features import frame_features

        while True:
            with self._cv:
                while self._job is None and not self._stop:
                    self._cv.wait()
                if self._stop:
                    return
                rgb, k, ts = self._job
            t0 = time.perf_counter()
            try:
                res = self.tracker.detect(rgb, ts)
            except BaseException as exc:  # noqa: BLE001 - handed to the worker, reported inline
                with self._cv:
                    self.error = exc
                    self._job = None
                    self._cv.notify_all()
                return
            h, w = rgb.shape[:2]
            if res is None:
                lm = None
                feats = np.full(21, np.nan, np.float32)
                scores = np.full(7, np.nan, np.float32)
            else:
                bs, lm = res
                feats = frame_features(bs[None], lm[None], np.array([[w, h]]))[0]
                scores = frame_scores(feats[None], baseline=self.baseline)[0]
            ms = (time.perf_counter() - t0) * 1000.0
            with self._cv:
                self._result = (k, lm, feats, scores, ms)
                self._fresh = True
                self._job = None
                self._cv.notify_all()


class PreviewWorker(QThread):
    # image, features|None, scores|None, classified frame number (-1: none new), model ms
    frame_ready = Signal(QImage, object, object, int, float)
    captured = Signal(object)  # {"features", "frame_numbers", "stream", "source"}
    failed = Signal(str)

    MAX_PENDING = 2

    def __init__(self, source, model_path: str | None, *, baseline: np.ndarray | None = None,
                 baseline_loader=None, realtime: bool = True, parent=None) -> None:
        super().__init__(parent)
        self.baseline_loader = baseline_loader  # called on the worker thread (own DB session)
        self.source_spec = source  # int camera index | video path | list of image paths
        self.model_path = model_path
        self.baseline = baseline
        self.realtime = realtime
        self._lock = threading.Lock()
        self._capture_n = 0
        self._buffer: list[np.ndarray] = []
        self._buffer_no: list[int] = []
        self.pending = 0  # frames emitted but not yet shown (GUI decrements)
        self.dropped = 0  # frames not shown because the GUI was behind
        self.frames_read = 0
        self.frames_classified = 0
        self.display_size: tuple[int, int] | None = None  # preview label size, set by the pane

    def request_capture(self, n: int) -> None:
        with self._lock:
            images = isinstance(self.source_spec, (list, tuple))
            self._capture_n = min(n, len(self.source_spec)) if images else n
            self._buffer, self._buffer_no = [], []

    def stop(self, timeout_ms: int = 10000) -> None:
        self.requestInterruption()
        self.wait(timeout_ms)

    def frame_shown(self) -> None:
        self.pending = max(0, self.pending - 1)

    def source_name(self) -> str:
        if isinstance(self.source_spec, int):
            return f"camera:{self.source_spec}"
        if isinstance(self.source_spec, (list, tuple)):
            return f"images:{len(self.source_spec)}"
        return str(self.source_spec)

    def run(self) -> None:
        from engine.expressions.frames import ImageSource, open_source, open_video
        from engine.expressions.landmarker import FaceTracker

        images = isinstance(self.source_spec, (list, tuple))
        source = tracker = None
        try:
            if images:
                source = ImageSource(list(self.source_spec))
            elif isinstance(self.source_spec, int):
                source = open_source(self.source_spec)
            else:
                source = open_video(self.source_spec, loop=True)
            tracker = FaceTracker(self.model_path, video=not images)
            if self.baseline is None and self.baseline_loader is not None:
                self.baseline = self.baseline_loader()
        except OperatorError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - reported inline, never a crash of the thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        if tracker is None:
            if source is not None:
                source.close()
            return
        inference = _Inference(tracker, self.baseline)
        inference.start()
        try:
            self._loop(source, inference, images)
        except OperatorError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            inference.stop()
            tracker.close()
            source.close()

    def _loop(self, source, inference: _Inference, images: bool) -> None:
        from engine.expressions.overlay import draw_mesh

        period = 0.5 if images else 1.0 / source.fps
        k = 0
        next_due = time.monotonic()
        while not self.isInterruptionRequested():
            got_any = False
            for frame in source:
                got_any = True
                if self.isInterruptionRequested():
                    return
                inference.submit(frame.rgb, k, int(k * period * 1000))
                if images:
                    inference.wait_idle()  # every still is classified
                if inference.error is not None:
                    raise inference.error
                result = inference.take()
                feats = scores = None
                number, ms = -1, 0.0
                if result is not None:
                    number, _lm, feats, scores, ms = result
                    self.frames_classified += 1
                    self._collect(feats, number, images)
                lm = inference.latest_landmarks()
                if self.pending < self.MAX_PENDING:
                    shown = self._fit(frame.rgb)  # scaled here, not on the GUI thread
                    if lm is not None:
                        shown = draw_mesh(shown, lm)
                    h, w = shown.shape[:2]
                    shown = np.ascontiguousarray(shown)
                    image = QImage(shown.data, w, h, 3 * w, QImage.Format_RGB888).copy()
                    self.pending += 1
                    self.frame_ready.emit(image, feats, scores, number, ms)
                else:
                    self.dropped += 1
                k += 1
                self.frames_read = k
                if self.realtime:
                    next_due += period
                    delay = next_due - time.monotonic()
                    if delay > 0:
                        self.msleep(int(delay * 1000))
                    else:
                        next_due = time.monotonic()
            if not images or not got_any:
                if not self.isInterruptionRequested():
                    what = (self.tr("The camera stopped delivering frames.")
                            if isinstance(self.source_spec, int)
                            else self.tr("{0}: no readable frames").format(self.source_name()))
                    self.failed.emit(what)
                return

    def _fit(self, rgb: np.ndarray) -> np.ndarray:
        """Scale to ``display_size`` (set by the pane) keeping the aspect ratio."""
        import cv2

        size = self.display_size
        if not size:
            return rgb
        h, w = rgb.shape[:2]
        scale = min(size[0] / w, size[1] / h)
        if abs(scale - 1.0) < 0.02 or scale <= 0:
            return rgb
        interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
        return cv2.resize(rgb, (max(1, int(w * scale)), max(1, int(h * scale))),
                          interpolation=interp)

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
