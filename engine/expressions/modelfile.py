"""Finding (and, only when asked, downloading) the MediaPipe Face Landmarker model file.

Lookup order: the configured path (console setting ``model_path`` / ``--model``) ->
``resources/models/face_landmarker.task`` -> the user cache
(``platformdirs.user_cache_dir("operator-console")/models/face_landmarker.task``).  Nothing is
downloaded unless :func:`download_model` is called (the pane's "Download" button, or
``operator-console expressions model --download``); the download is checked against SHA256.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from engine.errors import InputError, OperatorError, ResourceMissingError
from engine.progress import NO_STATE, TaskState
from engine.resources import resource

MODEL_NAME = "face_landmarker.task"
MODEL_URL = ("https://storage.googleapis.com/mediapipe-models/face_landmarker/face_landmarker/"
             "float16/1/face_landmarker.task")
MODEL_SHA256 = "64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff"
MODEL_SIZE = 3_758_596
CACHE_ENV = "OPERATOR_CONSOLE_CACHE_DIR"


def cache_dir() -> Path:
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("operator-console", appauthor=False))


def cached_model_path() -> Path:
    return cache_dir() / "models" / MODEL_NAME


def resources_model_path() -> Path:
    return resource("models", MODEL_NAME)


def candidate_paths(configured: str | os.PathLike | None = None) -> list[tuple[str, Path]]:
    found: list[tuple[str, Path]] = []
    if configured:
        found.append(("configured path", Path(configured).expanduser()))
    found.append(("resources", resources_model_path()))
    found.append(("user cache", cached_model_path()))
    return found


def missing_message(configured: str | os.PathLike | None = None) -> str:
    lines = [f"the face landmarker model ({MODEL_NAME}) was not found. Looked in:"]
    lines += [f"  - {where}: {path}" for where, path in candidate_paths(configured)]
    lines.append(f"Place {MODEL_NAME} (sha256 {MODEL_SHA256[:16]}…) at {cached_model_path()}, "
                 "or set its path in Settings → Face model file, or download it with "
                 "`operator-console expressions model --download` (from MediaPipe's official "
                 f"URL {MODEL_URL}).")
    return "\n".join(lines)


def find_model(configured: str | os.PathLike | None = None) -> Path:
    """The first existing model file in lookup order, or :class:`ResourceMissingError`."""
    if configured:
        path = Path(configured).expanduser()
        if path.is_dir():
            path = path / MODEL_NAME
        if not path.is_file():
            raise ResourceMissingError(
                f"the configured face model file {path} does not exist; fix Settings → Face "
                f"model file (or --model), or clear it to use {cached_model_path()}")
        return path
    for _where, path in candidate_paths(None):
        if path.is_file():
            return path
    raise ResourceMissingError(missing_message(configured))


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def install_model(source: str | os.PathLike, target: Path | None = None) -> Path:
    """Copy a model file into the user cache after checking its SHA256."""
    source = Path(source).expanduser()
    if not source.is_file():
        raise InputError("no such file", place=str(source))
    digest = sha256_of(source)
    if digest != MODEL_SHA256:
        raise InputError(f"not the expected face landmarker model (sha256 {digest}, expected "
                         f"{MODEL_SHA256})", place=str(source))
    target = target or cached_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".part")
    shutil.copyfile(source, tmp)
    tmp.replace(target)
    return target


def download_model(target: Path | None = None, *, url: str = MODEL_URL,
                   expected_sha256: str = MODEL_SHA256, state: TaskState = NO_STATE,
                   timeout: float = 30.0) -> Path:
    """Download the model (only when the user asked), verify SHA256, move it into place.

    The file is written to a temporary name next to the target and renamed only after the checksum
    matched, so an interrupted or tampered download never leaves a model behind.
    """
    import urllib.error
    import urllib.request

    target = target or cached_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    h = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=".face_landmarker", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as resp:
            total = int(resp.headers.get("Content-Length") or MODEL_SIZE)
            done = 0
            while True:
                state.check()
                block = resp.read(1 << 16)
                if not block:
                    break
                out.write(block)
                h.update(block)
                done += len(block)
                state.set_progress(min(done / total, 1.0), f"downloading {MODEL_NAME}")
        if h.hexdigest() != expected_sha256:
            raise OperatorError(f"the downloaded model's sha256 {h.hexdigest()} does not match "
                                f"{expected_sha256}; nothing was installed")
        tmp.replace(target)
    except (urllib.error.URLError, OSError) as exc:
        raise ResourceMissingError(f"could not download {url}: {exc}. "
                                   + missing_message(None).splitlines()[-1]) from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
