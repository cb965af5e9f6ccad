import hashlib

import numpy as np
import pytest
from sqlalchemy import select

from engine.avatars import demo, manage, store
from engine.avatars.perceptual import variant_space
from engine.avatars.portrait import build_portrait
from engine.demo import people
from engine.store import open_workspace
from engine.store.models.avatars import AvatarAssignment, AvatarPicture, AvatarUserSignal
from engine.store.models.people import GroupChat

pytestmark = pytest.mark.slow
TABLES = (AvatarPicture.__table__, AvatarAssignment.__table__, AvatarUserSignal.__table__)


def build(path, seed):
    ws = open_workspace(f"sqlite:///{path}")
    with ws.session() as s:
        people.populate(s, seed=5, scale="small")
        s.flush()
        counts = demo.populate(s, seed=seed, scale="small")
    return ws, counts


def digest(ws):
    with ws.engine.connect() as c:
        return {t.name: hashlib.sha256(repr(c.execute(
            select(t).order_by(*t.primary_key.columns)).all()).encode()).hexdigest()
            for t in TABLES}


def test_demo_part_is_reproducible_distinct_and_matching(tmp_path):
    a, counts = build(tmp_path / "a.sqlite", 9)
    b, _ = build(tmp_path / "b.sqlite", 9)
    assert counts["avatar_pictures"] >= 200 and counts["avatar_assignments"] > 500
    assert digest(a) == digest(b)
    with a.session() as s:
        users = store.default_avatar_users(s)
        got = {x.user_id: x for x in s.scalars(select(AvatarAssignment))}
        pictures = {p.id: p for p in store.load_pictures(s)}
    assert set(got) == set(users)
    hits = [bool(set(p.top(3)) & set(pictures[got[u].picture_id].tags))
            for u in users if (p := build_portrait(users[u])).has_interests]
    assert len(hits) > 300 and np.mean(hits) >= 0.9
    with a.session() as s:
        groups = list(s.scalars(select(GroupChat.id)))
    for gid in groups[:40]:
        g = manage.group_preview(a, gid)
        assert g["confusable"] == [], gid
    for ws in (a, b):
        ws.dispose()
