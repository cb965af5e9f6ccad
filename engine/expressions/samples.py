"""Shipped sample photos (resources/expressions/samples, CC BY 4.0) and the demo burst video."""
from __future__ import annotations

from pathlib import Path

from engine.expressions.modelfile import cache_dir
from engine.resources import resource

SAMPLES = resource("expressions", "samples")
DEMO_VIDEO_NAME = "demo_burst.avi"


def sample_photos() -> dict[str, Path]:
    return {p.stem: p for p in sorted(SAMPLES.glob("*.jpg"))} if SAMPLES.is_dir() else {}


def demo_video(folder: Path | None = None) -> Path | None:
    """A 5 s, 15 fps, 640x480 video of a neutral face with a 6-frame smile; built once, cached.

    None when the sample photos are not installed.
    """
    photos = sample_photos()
    neutral, happy = photos.get("london_002_neutral"), photos.get("london_002_happy")
    if not (neutral and happy):
        return None
    out = (folder or cache_dir() / "expressions") / DEMO_VIDEO_NAME
    if out.is_file() and out.stat().st_mtime >= max(neutral.stat().st_mtime, happy.stat().st_mtime):
        return out
    from engine.expressions.video import make_burst_video

    return make_burst_video(neutral, happy, out, n_frames=75, burst=(40, 46), fps=15.0, seed=3)
