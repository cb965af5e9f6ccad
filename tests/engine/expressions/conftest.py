"""Fixtures: the shared face model and labelled photos, and webcam-like burst videos."""
from __future__ import annotations

import pytest


@pytest.fixture
def model_path(shared_dir) -> str:
    path = shared_dir / "models" / "face_landmarker.task"
    if not path.is_file():
        pytest.skip("face_landmarker.task not in ../shared/models")
    return str(path)


@pytest.fixture
def faces_dir(shared_dir):
    path = shared_dir / "faces"
    if not path.is_dir():
        pytest.skip("labelled faces not in ../shared/faces")
    return path


@pytest.fixture(scope="session")
def burst_videos(tmp_path_factory):
    """{name: path}: london_001 neutral with a 5-frame smile burst (full and faint) and none."""
    from tests.conftest import SHARED

    faces = SHARED / "faces"
    if not faces.is_dir():
        pytest.skip("labelled faces not in ../shared/faces")
    from engine.expressions.video import make_burst_video

    out = tmp_path_factory.mktemp("videos")
    neutral, happy = faces / "neutral" / "london_001_03.jpg", faces / "happy" / "london_001_08.jpg"
    return {
        "burst": make_burst_video(neutral, happy, out / "burst.avi", n_frames=40, burst=(20, 25)),
        "faint": make_burst_video(neutral, happy, out / "faint.mp4", n_frames=40, burst=(20, 25),
                                  intensity=0.6),
        "none": make_burst_video(neutral, neutral, out / "none.avi", n_frames=40),
    }


@pytest.fixture(scope="module")
def expr_workspace(tmp_path_factory):
    """People + expressions demo parts (seed 7), shared by a test module."""
    from tests.engine.expressions._demo import light_demo_workspace

    ws = light_demo_workspace(tmp_path_factory.mktemp("expr") / "demo.sqlite")
    yield ws
    ws.dispose()
