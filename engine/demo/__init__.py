"""The demo workspace: seeded, reproducible data for every capability, in Chinese and English.

Each capability contributes a part, a module with
``populate(session, *, seed: int, scale: str, state: TaskState) -> dict[str, int]`` that adds its
rows inside the one transaction :func:`build_demo` opens, sets every timestamp itself (from
:data:`DEMO_EPOCH`, never the clock) and draws randomness only from ``seed``.
"""
from __future__ import annotations

import importlib
import importlib.util
import zlib

from sqlalchemy import delete

from engine.errors import InputError, WorkspaceError
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.db import Workspace
from engine.store.info import is_empty, set_info
from engine.store.models import Base

SCALES = ("small", "large")

PARTS = [
    "engine.demo.people",
    "engine.profiles.demo",
    "engine.fraud.demo",
    "engine.avatars.demo",
    "engine.expressions.demo",
    "engine.nudges.demo",
]


def present_parts() -> list[str]:
    found = []
    for name in PARTS:
        try:
            if importlib.util.find_spec(name) is not None:
                found.append(name)
        except ModuleNotFoundError:
            pass
    return found


def part_seed(seed: int, part: str) -> int:
    """Each part gets its own stream, so adding a part never changes another part's data."""
    return (seed * 1_000_003 + zlib.crc32(part.encode())) % (2**32)


def clear_workspace(session) -> None:
    for table in reversed(Base.metadata.sorted_tables):
        session.execute(delete(table))


def build_demo(ws: Workspace, *, seed: int = 7, scale: str = "small", replace: bool = False,
               state: TaskState = NO_STATE) -> dict[str, int]:
    """Fill ``ws`` with the demo workspace; refuses a non-empty workspace unless ``replace``."""
    if scale not in SCALES:
        raise InputError(f"unknown scale '{scale}' (use {' or '.join(SCALES)})", place="--scale")
    parts = present_parts()
    counts: dict[str, int] = {}
    with ws.session() as session:
        if not is_empty(session):
            if not replace:
                raise WorkspaceError(
                    f"workspace {ws.display_name} already holds data; pass --replace to wipe it "
                    "and build the demo, or choose another --db"
                )
            state.set_progress(0.0, "clearing workspace")
            clear_workspace(session)
            session.flush()
        for i, name in enumerate(parts):
            state.check()
            sub = SubState(state, i / len(parts), (i + 1) / len(parts))
            sub.set_progress(0.0, f"demo: {name.split('.')[-2] if name.endswith('.demo') else 'people'}")
            module = importlib.import_module(name)
            part_counts = module.populate(session, seed=part_seed(seed, name), scale=scale, state=sub)
            session.flush()
            counts.update(part_counts or {})
        set_info(session, "demo_seed", str(seed))
        set_info(session, "demo_scale", scale)
    state.set_progress(1.0, "demo workspace ready")
    return counts
