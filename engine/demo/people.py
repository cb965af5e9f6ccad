"""Demo part: staff, customers with IM directory info, friendships and group chats."""
from __future__ import annotations

from datetime import timedelta

import numpy as np

from engine.demo.common import (CN_CITIES, CN_GIVEN, CN_SURNAMES, DEMO_EPOCH, EN_CITIES, EN_FIRST,
                                EN_LAST, bulk_insert)
from engine.progress import NO_STATE, TaskState
from engine.store.models.people import Customer, Friendship, GroupChat, GroupMember, Staff

SIZES = {
    "small": {"staff": 20, "customers": 2_000, "groups": 120},
    "large": {"staff": 200, "customers": 100_000, "groups": 4_000},
}
SIGNATURES_CN = ["生活就是要开心", "努力工作，好好生活", "喜欢旅行和美食", "宝妈一枚", "在路上",
                 "专注理财十年", "热爱篮球", ""]
SIGNATURES_EN = ["Living my best life", "Coffee first", "Dad of two", "Travel & food",
                 "Work hard, play hard", ""]


def customer_id(i: int) -> str:
    return f"c{i:06d}"


def staff_id(i: int) -> str:
    return f"s{i:03d}"


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    size = SIZES[scale]
    n_staff, n_cust, n_groups = size["staff"], size["customers"], size["groups"]

    staff_rows = []
    for i in range(n_staff):
        if i % 3 == 2:
            name = f"{EN_FIRST[rng.integers(len(EN_FIRST))]} {EN_LAST[rng.integers(len(EN_LAST))]}"
        else:
            name = CN_SURNAMES[rng.integers(len(CN_SURNAMES))] + CN_GIVEN[rng.integers(len(CN_GIVEN))]
        staff_rows.append({"id": staff_id(i), "name": name, "im_id": f"wx_staff_{i:03d}",
                           "created_at": DEMO_EPOCH - timedelta(days=365)})
    bulk_insert(session, Staff, staff_rows)
    state.set_progress(0.1, "staff")

    chinese = rng.random(n_cust) < 0.7
    genders = rng.choice(["female", "male", "unknown"], size=n_cust, p=[0.48, 0.47, 0.05])
    joined = rng.integers(0, 300 * 86400, size=n_cust)
    cust_rows = []
    for i in range(n_cust):
        if chinese[i]:
            nick = CN_SURNAMES[rng.integers(len(CN_SURNAMES))] + CN_GIVEN[rng.integers(len(CN_GIVEN))]
            if rng.random() < 0.3:
                nick = ["小", "阿", "老"][rng.integers(3)] + nick[-1]
            region = CN_CITIES[rng.integers(len(CN_CITIES))]
            signature = SIGNATURES_CN[rng.integers(len(SIGNATURES_CN))]
        else:
            nick = EN_FIRST[rng.integers(len(EN_FIRST))]
            if rng.random() < 0.5:
                nick += f" {EN_LAST[rng.integers(len(EN_LAST))][0]}."
            region = EN_CITIES[rng.integers(len(EN_CITIES))]
            signature = SIGNATURES_EN[rng.integers(len(SIGNATURES_EN))]
        ts = DEMO_EPOCH - timedelta(seconds=int(300 * 86400 - joined[i]))
        cust_rows.append({
            "id": customer_id(i), "nickname": nick, "gender": str(genders[i]), "region": region,
            "signature": signature or None,
            "avatar_url": (f"https://im.example.com/avatar/{customer_id(i)}.jpg"
                           if rng.random() < 0.6 else None),
            "created_at": ts, "updated_at": ts, "version": 1,
        })
    bulk_insert(session, Customer, cust_rows)
    state.set_progress(0.5, "customers")

    # Each customer befriends 1-3 staff; staff popularity is skewed (some handle many customers).
    popularity = rng.pareto(1.5, n_staff) + 1
    popularity /= popularity.sum()
    friend_rows = []
    for i in range(n_cust):
        k = 1 + int(rng.random() < 0.35) + int(rng.random() < 0.1)
        for s in rng.choice(n_staff, size=k, replace=False, p=popularity):
            friend_rows.append({"staff_id": staff_id(int(s)), "customer_id": customer_id(i),
                                "added_at": cust_rows[i]["created_at"] + timedelta(hours=1),
                                "source": ["qr_code", "search", "group", "referral"][rng.integers(4)]})
    bulk_insert(session, Friendship, friend_rows)
    state.set_progress(0.7, "friendships")

    group_rows, member_rows = [], []
    for g in range(n_groups):
        gid = f"g{g:05d}"
        group_rows.append({"id": gid, "name": f"{CN_CITIES[g % len(CN_CITIES)]}客户群{g}"
                           if g % 3 else f"VIP Club {g}", "created_at": DEMO_EPOCH - timedelta(days=200)})
        size_g = int(min(60, 3 + rng.pareto(1.2) * 6))
        members = rng.choice(n_cust, size=min(size_g, n_cust), replace=False)
        for m in members:
            member_rows.append({"group_id": gid, "member_id": customer_id(int(m)),
                                "member_kind": "customer", "joined_at": DEMO_EPOCH - timedelta(days=100)})
        for s in rng.choice(n_staff, size=int(rng.integers(1, 3)), replace=False):
            member_rows.append({"group_id": gid, "member_id": staff_id(int(s)), "member_kind": "staff",
                                "joined_at": DEMO_EPOCH - timedelta(days=150)})
    bulk_insert(session, GroupChat, group_rows)
    bulk_insert(session, GroupMember, member_rows)
    state.set_progress(1.0, "group chats")
    return {"staff": n_staff, "customers": n_cust, "friendships": len(friend_rows),
            "groups": n_groups, "group_members": len(member_rows)}
