"""A small hand-made workspace for the avatars engine tests (fast, no full demo)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from engine.demo.common import bulk_insert
from engine.store.models.avatars import AvatarUserSignal
from engine.store.models.people import Customer, Friendship, GroupChat, GroupMember, Staff

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
INTERESTS = ["篮球", "cats", "travel", "coffee", "video games", "piano", "hiking", "photography",
             "reading", "robots", "cooking", "flowers"]


def make_people(ws, n: int = 40, own_avatar: tuple[int, ...] = (0, 5)) -> list[str]:
    """n customers (a few with their own photo), one staff contact list, three group chats."""
    ids = [f"c{i:04d}" for i in range(n)]
    with ws.session() as s:
        bulk_insert(s, Staff, [{"id": "s1", "name": "Staff One", "im_id": "w1", "created_at": T0}])
        bulk_insert(s, Customer, [{
            "id": cid, "nickname": ("王" if i % 2 else "Amy") + str(i), "gender": "female" if i % 2 else "male",
            "region": "北京" if i % 3 else "London", "signature": None,
            "avatar_url": "https://x/p.jpg" if i in own_avatar else None,
            "created_at": T0, "updated_at": T0, "version": 1} for i, cid in enumerate(ids)])
        bulk_insert(s, AvatarUserSignal, [{
            "user_id": cid, "age": 10 + (i * 7) % 60, "interests": INTERESTS[i % len(INTERESTS)]
            if i % 4 else "", "activity": float(i % 9), "source": "test"}
            for i, cid in enumerate(ids)])
        bulk_insert(s, Friendship, [{"staff_id": "s1", "customer_id": cid, "added_at": T0,
                                     "source": "test"} for cid in ids])
        groups = {"g1": ids[:12], "g2": ids[8:30], "g3": ids[25:]}
        bulk_insert(s, GroupChat, [{"id": g, "name": g.upper(), "created_at": T0} for g in groups])
        bulk_insert(s, GroupMember, [{"group_id": g, "member_id": m, "member_kind": "customer",
                                      "joined_at": T0} for g, ms in groups.items() for m in ms])
    return ids


@pytest.fixture
def people_ws(workspace):
    make_people(workspace)
    return workspace
