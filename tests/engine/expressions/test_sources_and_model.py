"""Frame sources and model lookup: readable errors, lookup order, checksum-verified install."""
from pathlib import Path

import numpy as np
import pytest

from engine.errors import InputError, OperatorError, ResourceMissingError
from engine.expressions import frames as fr
from engine.expressions import modelfile


def test_missing_camera_says_so_and_what_to_do():
    with pytest.raises(ResourceMissingError, match="no camera at index 7"):
        fr.open_camera(7)


def test_corrupt_and_unknown_files_name_the_file(tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"\xff\xd8not really a jpeg")
    with pytest.raises(InputError, match="broken.jpg: not a readable image"):
        fr.load_image(bad)
    with pytest.raises(InputError, match="notes.txt: unknown file type"):
        fr.open_source(str(tmp_path / "notes.txt"))
    with pytest.raises(InputError, match="missing.png: no such file"):
        fr.ImageSource([tmp_path / "missing.png"])
    fake_video = tmp_path / "fake.avi"
    fake_video.write_bytes(b"garbage")
    with pytest.raises(InputError, match="fake.avi"):
        with fr.open_video(fake_video) as src:
            if not fr.read_batch(src, 5).frames:
                raise InputError("no frames", place=str(fake_video))


def test_video_round_trip_carries_user_and_timestamps(tmp_path):
    from engine.expressions.video import write_video

    frames = np.zeros((12, 480, 640, 3), np.uint8)
    frames[:, :, :, 0] = np.arange(12)[:, None, None] * 20
    path = write_video(frames, tmp_path / "clip.avi", fps=10)
    with fr.open_source(str(path)) as src:
        batch = fr.read_batch(src, 8, user_id="c000001", stride=2)
    assert batch.user_id == "c000001" and batch.stream
    assert len(batch.frames) == 6
    assert [f.index for f in batch.frames] == [0, 2, 4, 6, 8, 10]
    assert batch.frames[1].ts_ms == 200 and batch.frames[0].rgb.shape == (480, 640, 3)
    # MJPG keeps the red ramp (RGB order restored)
    assert abs(int(batch.frames[3].rgb[..., 0].mean()) - 120) < 8


def test_model_lookup_order(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv(modelfile.CACHE_ENV, str(cache))
    monkeypatch.setattr(modelfile, "resources_model_path", lambda: tmp_path / "res" / "m.task")
    with pytest.raises(ResourceMissingError) as err:
        modelfile.find_model(None)
    text = str(err.value)
    assert str(cache / "models" / "face_landmarker.task") in text and "--download" in text
    cached = cache / "models" / "face_landmarker.task"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"x")
    assert modelfile.find_model(None) == cached
    (tmp_path / "res").mkdir()
    (tmp_path / "res" / "m.task").write_bytes(b"y")
    assert modelfile.find_model(None) == tmp_path / "res" / "m.task"  # resources before cache
    configured = tmp_path / "mine.task"
    configured.write_bytes(b"z")
    assert modelfile.find_model(str(configured)) == configured
    with pytest.raises(ResourceMissingError, match="configured face model file"):
        modelfile.find_model(str(tmp_path / "nope.task"))


def test_install_and_download_verify_the_checksum(tmp_path, model_path):
    wrong = tmp_path / "wrong.task"
    wrong.write_bytes(b"not the model")
    with pytest.raises(InputError, match="not the expected face landmarker model"):
        modelfile.install_model(wrong, tmp_path / "a" / "face_landmarker.task")
    target = tmp_path / "b" / "face_landmarker.task"
    with pytest.raises(OperatorError, match="does not match"):
        modelfile.download_model(target, url=Path(wrong).as_uri())
    assert not target.exists() and not list(target.parent.glob("*.part"))
    got = modelfile.download_model(target, url=Path(model_path).as_uri())
    assert got == target and modelfile.sha256_of(target) == modelfile.MODEL_SHA256
    assert modelfile.install_model(model_path, tmp_path / "c" / "m.task").is_file()
