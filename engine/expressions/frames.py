"""Frame sources: a webcam (OpenCV index), a video file, or a list of still images.

Every source yields :class:`Frame` (RGB uint8 array + timestamp in ms); :func:`read_batch` collects
up to ``n`` of them into a :class:`FrameBatch` that carries the user id.  Sources open lazily and
raise readable errors: no camera -> :class:`ResourceMissingError`; unreadable file ->
:class:`InputError` naming the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import numpy as np

from engine.errors import InputError, ResourceMissingError

IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".bmp", ".webp", ".tif", ".tiff"}
VIDEO_EXTS = {".avi", ".mp4", ".mov", ".mkv", ".webm", ".m4v", ".mpg", ".mpeg"}


@dataclass
class Frame:
    rgb: np.ndarray  # (h, w, 3) uint8, RGB
    ts_ms: int  # monotonically increasing within a stream
    index: int
    origin: str  # file the frame came from ("camera:0" for a webcam)


@dataclass
class FrameBatch:
    user_id: str | None
    source: str
    frames: list[Frame] = field(default_factory=list)

    @property
    def stream(self) -> bool:
        """True when frames are consecutive (video/camera): classify in VIDEO mode."""
        return not self.source.startswith("images:")


def kind_of(path: str | Path) -> str:
    ext = Path(path).suffix.lower()
    if ext in IMAGE_EXTS:
        return "image"
    if ext in VIDEO_EXTS:
        return "video"
    raise InputError(f"unknown file type '{ext or '(none)'}': use an image "
                     f"({', '.join(sorted(IMAGE_EXTS))}) or a video ({', '.join(sorted(VIDEO_EXTS))})",
                     place=str(path))


def load_image(path: str | Path) -> np.ndarray:
    """RGB uint8 image, or InputError naming the file (missing, corrupt, not an image)."""
    import cv2

    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", place=str(path))
    data = np.fromfile(str(p), dtype=np.uint8)  # works with non-ASCII paths too
    img = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size else None
    if img is None:
        raise InputError("not a readable image (corrupt or unsupported format)", place=str(path))
    return cv2.cvtColor(img, cv2.COLOR_BGR2RGB)


class FrameSource:
    """Base: iterate frames; ``close()`` releases the device/file."""

    name = "source"
    fps = 30.0

    def __iter__(self) -> Iterator[Frame]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _CaptureSource(FrameSource):
    def __init__(self, cap, name: str, loop: bool = False) -> None:
        self._cap = cap
        self.name = name
        self.loop = loop
        import cv2

        fps = cap.get(cv2.CAP_PROP_FPS)
        self.fps = float(fps) if fps and 1 <= fps <= 240 else 30.0

    def __iter__(self) -> Iterator[Frame]:
        import cv2

        i = 0
        period = 1000.0 / self.fps
        while True:
            ok, bgr = self._cap.read()
            if not ok or bgr is None:
                if self.loop and i > 0:
                    self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                    ok, bgr = self._cap.read()
                if not ok or bgr is None:
                    return
            yield Frame(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB), int(round(i * period)), i, self.name)
            i += 1

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None


def open_camera(index: int = 0, width: int = 640, height: int = 480) -> FrameSource:
    """A webcam by OpenCV index; ResourceMissingError with what to do when there is none."""
    import cv2

    cap = cv2.VideoCapture(int(index))
    ok = cap.isOpened()
    if ok:
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        ok, _ = cap.read()
    if not ok:
        cap.release()
        raise ResourceMissingError(
            f"no camera at index {index}: none is connected, it is in use by another program, or "
            "this user may not open it. Connect a webcam (or pick another index), or choose a "
            "video file or images as the source.")
    return _CaptureSource(cap, f"camera:{index}")


def open_video(path: str | Path, loop: bool = False) -> FrameSource:
    import cv2

    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", place=str(path))
    cap = cv2.VideoCapture(str(p))
    if not cap.isOpened():
        cap.release()
        raise InputError("not a readable video (corrupt, or a codec OpenCV cannot decode)",
                         place=str(path))
    return _CaptureSource(cap, str(p), loop=loop)


class ImageSource(FrameSource):
    """Still images, one frame each (classified in IMAGE mode)."""

    def __init__(self, paths: list[str | Path]) -> None:
        if not paths:
            raise InputError("no images given", place="images")
        self.paths = [Path(p) for p in paths]
        for p in self.paths:
            if not p.is_file():
                raise InputError("no such file", place=str(p))
        self.name = f"images:{len(self.paths)}"
        self.fps = 1.0

    def __iter__(self) -> Iterator[Frame]:
        for i, p in enumerate(self.paths):
            yield Frame(load_image(p), i * 1000, i, str(p))


def open_source(spec: str | int | list) -> FrameSource:
    """``int`` or "camera:N" -> webcam; a video path -> video; list of image paths -> images."""
    if isinstance(spec, int):
        return open_camera(spec)
    if isinstance(spec, (list, tuple)):
        return ImageSource(list(spec))
    text = str(spec)
    if text.startswith("camera:"):
        try:
            return open_camera(int(text.split(":", 1)[1]))
        except ValueError as exc:
            raise InputError("camera index must be a number, e.g. camera:0", place=text) from exc
    kind = kind_of(text)
    return open_video(text) if kind == "video" else ImageSource([text])


def read_batch(source: FrameSource, n: int | None, user_id: str | None = None,
               stride: int = 1) -> FrameBatch:
    """Up to ``n`` frames (all when None), every ``stride``-th, as one batch for ``user_id``."""
    batch = FrameBatch(user_id=user_id, source=source.name)
    for k, frame in enumerate(source):
        if k % stride:
            continue
        batch.frames.append(frame)
        if n is not None and len(batch.frames) >= n:
            break
    return batch


def video_frame_count(path: str | Path) -> int:
    import cv2

    cap = cv2.VideoCapture(str(path))
    try:
        return int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    finally:
        cap.release()
