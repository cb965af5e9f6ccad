"""A light demo workspace for these tests: the people part and the expressions part only."""
from __future__ import annotations

from engine.demo import part_seed
from engine.store import open_workspace


def light_demo_workspace(path, seed: int = 7):
    from engine.demo import people
    from engine.expressions import demo

    ws = open_workspace(f"sqlite:///{path}")
    with ws.session() as s:
        people.populate(s, seed=part_seed(seed, "engine.demo.people"), scale="small")
        s.flush()
        demo.populate(s, seed=part_seed(seed, "engine.expressions.demo"), scale="small")
    return ws
