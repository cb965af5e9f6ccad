"""Tables of the nudges capability."""
from __future__ import annotations

from engine.store.base import Base  # noqa: F401
