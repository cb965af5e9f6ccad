"""Where the project's shipped resources live (icons, translations, avatar art, model files)."""
from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)
