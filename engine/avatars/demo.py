"""Demo part: the picture library, portrait signals of users without an avatar, assignments.

About 40 % of demo customers have no avatar of their own (``avatar_url`` empty).  Each gets an
age, an activity level and — for 75 % of them — 1–4 interests in their language, drawn so that
interests correlate with age the way a real user base does (children → games and animals,
seniors → nature, reading, food).  Then every one of them is assigned a default avatar; a few are
locked or overridden so the pane shows those states.
"""
from __future__ import annotations

import re

import numpy as np
from sqlalchemy import select, update

from engine.avatars import store
from engine.avatars.flow import _assign_in_session
from engine.demo.common import DEMO_EPOCH, bulk_insert
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.models.avatars import AvatarAssignment, AvatarUserSignal
from engine.store.models.people import Customer

INTERESTS = {  # theme → (English labels, Chinese labels)
    "animals": (["cats", "dogs", "pets", "birdwatching", "aquarium"], ["猫咪", "狗狗", "萌宠", "观鸟", "钓鱼"]),
    "sports": (["basketball", "football", "running", "tennis", "yoga"], ["篮球", "足球", "跑步", "羽毛球", "健身"]),
    "music": (["music", "guitar", "piano", "concert", "karaoke"], ["音乐", "吉他", "钢琴", "演唱会", "唱歌"]),
    "travel": (["travel", "hiking", "camping", "road trip"], ["旅行", "徒步", "露营", "自驾"]),
    "food": (["cooking", "coffee", "baking", "hotpot", "dessert"], ["美食", "咖啡", "烘焙", "火锅", "甜品"]),
    "games": (["video games", "board games", "chess", "esports"], ["游戏", "桌游", "围棋", "电竞"]),
    "nature": (["gardening", "flowers", "stargazing", "plants"], ["养花", "园艺", "星空", "植物"]),
    "tech": (["programming", "gadgets", "robots", "space"], ["编程", "数码", "机器人", "航天"]),
    "art": (["photography", "movies", "drawing", "design"], ["摄影", "电影", "画画", "设计"]),
    "reading": (["reading", "books", "investing", "study"], ["读书", "看书", "理财", "学习"]),
}
THEMES = list(INTERESTS)
# Relative popularity of each theme per age band (child, teen, young, adult, senior).
AFFINITY = np.array([
    [3, 1, 1, 1, 1.5], [1.5, 2.5, 2, 1.5, 0.8], [1, 2, 2, 1.2, 0.8], [0.3, 1, 2, 2, 1.5],
    [1, 1, 2, 2, 2], [3, 3, 1.5, 0.8, 0.4], [0.5, 0.4, 0.8, 1.5, 3], [0.8, 1.5, 2, 1.5, 0.5],
    [1, 1.5, 2, 1.2, 0.8], [1, 1.5, 1, 1.5, 2.5]])
BANDS = [(6, 12), (13, 17), (18, 29), (30, 49), (50, 75)]
CJK = re.compile(r"[\u3400-\u9fff]")


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    n_pics = store.seed_library(session, now=DEMO_EPOCH)
    session.flush()
    state.set_progress(0.05, "avatar library")
    rows = session.execute(select(Customer.id, Customer.nickname)
                           .where(Customer.avatar_url.is_(None)).order_by(Customer.id)).all()
    n = len(rows)
    band = rng.choice(len(BANDS), size=n, p=[0.06, 0.12, 0.36, 0.32, 0.14])
    lo = np.array([b[0] for b in BANDS])[band]
    hi = np.array([b[1] for b in BANDS])[band]
    ages = lo + (rng.random(n) * (hi - lo + 1)).astype(int)
    activity = np.round(np.exp(rng.normal(0.3, 1.2, size=n)), 2)
    has_interests = rng.random(n) < 0.75
    k_interests = rng.integers(1, 5, size=n)
    signals = []
    for i, (cid, nickname) in enumerate(rows):
        labels = []
        if has_interests[i]:
            p = AFFINITY[:, band[i]] / AFFINITY[:, band[i]].sum()
            themes = rng.choice(len(THEMES), size=int(k_interests[i]), replace=False, p=p)
            chinese = bool(CJK.search(nickname or ""))
            for t in themes:
                options = INTERESTS[THEMES[t]][1 if chinese else 0]
                labels.append(options[rng.integers(len(options))])
        signals.append({"user_id": cid, "age": int(ages[i]), "interests": ",".join(labels),
                        "activity": float(activity[i]), "source": "demo"})
    bulk_insert(session, AvatarUserSignal, signals)
    session.flush()
    state.set_progress(0.15, "avatar portraits")
    counts = _assign_in_session(session, None, set(), "demo", SubState(state, 0.15, 0.95))
    session.flush()
    # A few staff decisions so the pane shows locked and overridden avatars.
    session.execute(update(AvatarAssignment).where(AvatarAssignment.user_id.in_(
        [r.id for r in rows[3:n:97]])).values(locked=True, assigned_by="s001"))
    session.execute(update(AvatarAssignment).values(assigned_at=DEMO_EPOCH))
    state.set_progress(1.0, "avatars")
    return {"avatar_pictures": n_pics, "avatar_signals": len(signals),
            "avatar_assignments": counts["assigned"]}
