"""Closeness of each staff member to a customer (documented in docs/profiles.md).

    closeness = 100 · (W_F·F + W_G·G + W_I·I)        W_F = 0.25, W_G = 0.15, W_I = 0.60

* F — friendship: 1 if the staff member has the customer as an IM friend, else 0.
* G — shared groups: 1 − exp(−Σ_g 1/(n_g − 1)) over group chats both are in, n_g members.  In a
  group of n, one member is one of n−1 people the other might talk to, so a 3-person group counts
  0.5 and a 200-person group 0.005: big broadcast groups say little about a relationship.
* I — interaction in their 1:1 conversation, from messages before the reference time:
  A = Σ_m exp(−age_m / τ) (τ = 30 days) is recency-weighted activity;
  frequency = 1 − exp(−A / 10), recency = exp(−days since last message / τ),
  reciprocity = 2·min(c, s)/(c + s) with c, s the customer's and staff's message counts.
  I = (0.6·frequency + 0.4·recency) · (0.4 + 0.6·reciprocity): a conversation where only staff
  write is worth at most 40 % of one where both sides talk.
Interaction dominates because it is what staff actually share with a customer; friendship is a
precondition more than a measure; groups are weak evidence.
"""
from __future__ import annotations

from datetime import datetime

import numpy as np
from sqlalchemy import func, select

from engine.store.models.chat import Message
from engine.store.models.people import Friendship, GroupMember, Staff

W_F, W_G, W_I = 0.25, 0.15, 0.60
TAU_DAYS = 30.0
ACTIVITY_SCALE = 10.0


def score_arrays(friend, group_sum, ages_days, staff_idx, is_customer, n_staff):
    """Vectorised core: per-staff scores from message arrays (index into staff, age in days)."""
    friend = np.asarray(friend, float)
    G = 1.0 - np.exp(-np.asarray(group_sum, float))
    ages = np.asarray(ages_days, float)
    idx = np.asarray(staff_idx, int)
    cust = np.asarray(is_customer, bool)
    A = np.bincount(idx, weights=np.exp(-ages / TAU_DAYS), minlength=n_staff)
    c = np.bincount(idx, weights=cust.astype(float), minlength=n_staff)
    s = np.bincount(idx, weights=(~cust).astype(float), minlength=n_staff)
    last = np.full(n_staff, np.inf)
    if len(idx):
        np.minimum.at(last, idx, ages)
    freq = 1.0 - np.exp(-A / ACTIVITY_SCALE)
    rec = np.where(np.isfinite(last), np.exp(-np.where(np.isfinite(last), last, 0) / TAU_DAYS), 0.0)
    total = c + s
    recip = np.where(total > 0, 2 * np.minimum(c, s) / np.maximum(total, 1), 0.0)
    I = (0.6 * freq + 0.4 * rec) * (0.4 + 0.6 * recip)
    I = np.where(total > 0, I, 0.0)
    score = 100 * (W_F * friend + W_G * G + W_I * I)
    return score, {"friend": friend, "groups": G, "interaction": I, "messages": total,
                   "customer_messages": c, "staff_messages": s, "frequency": freq,
                   "recency": rec, "reciprocity": recip}


def closeness(session, customer_id: str, at: datetime | None = None) -> list[dict]:
    """Ranked staff linked to the customer (friend, shared group or 1:1 messages)."""
    friends = set(session.scalars(select(Friendship.staff_id).where(Friendship.customer_id == customer_id)))
    groups = list(session.scalars(select(GroupMember.group_id).where(GroupMember.member_id == customer_id)))
    gsum: dict[str, float] = {}
    if groups:
        sizes = dict(session.execute(select(GroupMember.group_id, func.count())
                                     .where(GroupMember.group_id.in_(groups)).group_by(GroupMember.group_id)).all())
        for gid, sid in session.execute(select(GroupMember.group_id, GroupMember.member_id)
                                        .where(GroupMember.group_id.in_(groups), GroupMember.member_kind == "staff")):
            gsum[sid] = gsum.get(sid, 0.0) + 1.0 / max(sizes[gid] - 1, 1)
    msgs = session.execute(select(Message.staff_id, Message.sender_role, Message.ts, Message.conversation_id)
                           .where(Message.customer_id == customer_id, Message.group_id.is_(None),
                                  Message.staff_id.is_not(None))).all()
    staff = sorted(friends | set(gsum) | {m[0] for m in msgs})
    if not staff:
        return []
    pos = {s: i for i, s in enumerate(staff)}
    ref = at or max((m[2] for m in msgs), default=None) or datetime.now().astimezone()
    ages = np.array([max((ref - m[2]).total_seconds(), 0) / 86400 for m in msgs], float)
    score, parts = score_arrays([s in friends for s in staff], [gsum.get(s, 0.0) for s in staff], ages,
                                [pos[m[0]] for m in msgs], [m[1] == "customer" for m in msgs], len(staff))
    names = dict(session.execute(select(Staff.id, Staff.name).where(Staff.id.in_(staff))).all())
    conv = {}
    for m in msgs:
        conv.setdefault(m[0], m[3])
    order = np.argsort(-score, kind="stable")
    return [{"staff_id": staff[i], "name": names.get(staff[i], staff[i]), "score": round(float(score[i]), 1),
             "conversation_id": conv.get(staff[i]),
             **{k: (int(v[i]) if k.endswith("messages") else round(float(v[i]), 3)) for k, v in parts.items()}}
            for i in order]
