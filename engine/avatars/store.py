"""Workspace adapter: reads users, lists, library, settings and assignments as plain data.

Customers (``engine/store/models/people.py``) give nickname, gender and city; ``Friendship`` rows
are staff contact lists; ``GroupMember`` rows are group chats.  ``avatar_user_signal`` adds age,
interests and activity.  When the profiles capability is installed, its *accepted*
``profile_field`` values (interests, age, gender, city) are read as well; without it (or with an
older schema) they are simply absent.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from engine.avatars.library import Picture, format_tags, parse_tags, read_seed
from engine.avatars.perceptual import DEFAULT_THRESHOLD
from engine.avatars.render import MARKS, SHAPES
from engine.demo.common import bulk_insert
from engine.errors import InputError
from engine.store.models.avatars import (AvatarAssignment, AvatarPicture, AvatarSetting,
                                         AvatarUserSignal)
from engine.store.models.people import Customer, Friendship, GroupMember

log = logging.getLogger(__name__)

SETTINGS_DEFAULTS = {"mark": "initial", "shape": "circle", "threshold": DEFAULT_THRESHOLD,
                     "clique_max": 60, "window": 12}


# -- library -------------------------------------------------------------------------------
def seed_library(session, now: datetime | None = None) -> int:
    """Insert the shipped library pictures the workspace does not have yet (idempotent)."""
    have = set(session.scalars(select(AvatarPicture.id)))
    now = now or datetime.now(timezone.utc)
    rows = [{"id": p.id, "title": p.title, "theme": p.theme, "style": p.style,
             "tags": format_tags(p.tags), "spec_json": json.dumps(p.spec, separators=(",", ":")),
             "image_png": None, "source": "library", "enabled": True, "created_at": now,
             "updated_at": now, "updated_by": "library", "version": 1}
            for p in read_seed() if p.id not in have]
    return bulk_insert(session, AvatarPicture, rows)


def picture_from_row(r) -> Picture:
    return Picture(id=r.id, title=r.title, theme=r.theme, style=r.style,
                   tags=parse_tags(r.tags, place=f"picture {r.id}"),
                   spec=json.loads(r.spec_json) if r.spec_json else None, png=r.image_png,
                   source=r.source, enabled=r.enabled, version=r.version)


def load_pictures(session, include_disabled: bool = False) -> list[Picture]:
    q = select(AvatarPicture).order_by(AvatarPicture.id)
    if not include_disabled:
        q = q.where(AvatarPicture.enabled.is_(True))
    pictures = [picture_from_row(r) for r in session.scalars(q)]
    if not pictures and not include_disabled:
        seed_library(session)
        session.flush()
        pictures = [picture_from_row(r) for r in session.scalars(q)]
    return pictures


# -- settings ------------------------------------------------------------------------------
def load_settings(session) -> dict:
    values = dict(SETTINGS_DEFAULTS)
    for row in session.scalars(select(AvatarSetting)):
        try:
            values[row.key] = json.loads(row.value)
        except ValueError:
            log.warning("ignoring unreadable avatar setting %s", row.key)
    return values


def validate_settings(values: dict) -> dict:
    out = {**SETTINGS_DEFAULTS, **values}
    if out["mark"] not in MARKS:
        raise InputError(f"mark must be one of {', '.join(MARKS)}", place="mark")
    if out["shape"] not in SHAPES:
        raise InputError(f"shape must be one of {', '.join(SHAPES)}", place="shape")
    try:
        out["threshold"] = float(out["threshold"])
        out["clique_max"] = int(out["clique_max"])
        out["window"] = int(out["window"])
    except (TypeError, ValueError) as exc:
        raise InputError(f"not a number: {exc}", place="settings") from exc
    if not 0 <= out["threshold"] <= 60:
        raise InputError("threshold must be between 0 and 60 (ΔE units)", place="threshold")
    if out["clique_max"] < 2 or out["window"] < 2:
        raise InputError("clique_max and window must be at least 2", place="settings")
    return out


def save_settings(session, values: dict) -> dict:
    clean = validate_settings(values)
    for key, value in clean.items():
        session.merge(AvatarSetting(key=key, value=json.dumps(value)))
    return clean


# -- users ---------------------------------------------------------------------------------
def _chunks(ids: list[str], n: int = 900):
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def default_avatar_users(session, only: set[str] | None = None) -> dict[str, dict]:
    """Customers without an avatar of their own, as portrait input dicts (id → dict)."""
    cols = (Customer.id, Customer.nickname, Customer.gender, Customer.region, Customer.signature,
            Customer.avatar_url)
    rows = []
    if only is None:
        rows = session.execute(select(*cols).where(Customer.avatar_url.is_(None))).all()
    else:
        for part in _chunks(sorted(only)):
            rows += session.execute(select(*cols).where(Customer.id.in_(part),
                                                        Customer.avatar_url.is_(None))).all()
    users = {r.id: {"user_id": r.id, "nickname": r.nickname, "gender": r.gender,
                    "city": r.region, "signature": r.signature} for r in rows}
    q = select(AvatarUserSignal)
    sig_rows = []
    if only is None:
        sig_rows = session.scalars(q).all()
    else:
        for part in _chunks(sorted(users)):
            sig_rows += session.scalars(q.where(AvatarUserSignal.user_id.in_(part))).all()
    for s in sig_rows:
        u = users.get(s.user_id)
        if u is None:
            continue
        if s.age is not None:
            u["age"] = s.age
        if s.interests:
            u["interests"] = [x.strip() for x in s.interests.split(",") if x.strip()]
        if s.activity is not None:
            u["activity"] = s.activity
    for uid, (activity, mentions) in message_signals(
            session, None if only is None else set(users)).items():
        u = users.get(uid)
        if u is None:
            continue
        if mentions:
            u["message_interests"] = mentions
        if u.get("activity") is None:
            u["activity"] = activity
    for uid, extra in profile_signals(session, None if only is None else set(users)).items():
        u = users.get(uid)
        if u is None:
            continue
        if extra.get("interests"):
            u["profile_interests"] = extra["interests"]
        for key in ("age", "gender", "city"):
            if extra.get(key) is not None and u.get(key) in (None, "", "unknown"):
                u[key] = extra[key]
    return users


def _mention_pattern():
    import re

    from engine.avatars.vocab import KEYWORDS

    words = sorted((w for w in KEYWORDS if len(w) >= 3 or not w.isascii()), key=len, reverse=True)
    parts = [rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w)
             for w in words if len(w) >= 2]
    return re.compile("|".join(parts))


MESSAGE_WINDOW_DAYS = 30


def message_signals(session, only: set[str] | None) -> dict[str, tuple[float, dict[str, int]]]:
    """Behaviour from the chat history: messages per day over the last 30 days (before the newest
    message in the workspace, so the figure does not drift with the clock) and how often each
    interest keyword appears in what the customer wrote."""
    from datetime import timedelta

    from sqlalchemy import func

    from engine.store.models.chat import Message

    newest = session.scalar(select(func.max(Message.ts)))
    if newest is None:
        return {}
    since = newest - timedelta(days=MESSAGE_WINDOW_DAYS)
    q = select(Message.customer_id, Message.text, Message.ts).where(
        Message.sender_role == "customer", Message.customer_id.is_not(None))
    rows = []
    if only is None:
        rows = session.execute(q).all()
    else:
        for part in _chunks(sorted(only)):
            rows += session.execute(q.where(Message.customer_id.in_(part))).all()
    pattern = _mention_pattern()
    recent: dict[str, int] = defaultdict(int)
    mentions: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for cid, text, ts in rows:
        if ts is not None and ts >= since:
            recent[cid] += 1
        if text:
            for m in pattern.finditer(text.lower()):
                mentions[cid][m.group(0)] += 1
    return {cid: (round(recent.get(cid, 0) / MESSAGE_WINDOW_DAYS, 3), dict(mentions.get(cid, {})))
            for cid in set(recent) | set(mentions)}


def profile_signals(session, only: set[str] | None) -> dict[str, dict]:
    """Accepted profile fields (interests with confidence, age, gender, city), if installed."""
    try:
        from engine.store.models.profiles import ProfileField
    except ImportError:
        return {}
    try:
        cols = (ProfileField.customer_id, ProfileField.field, ProfileField.value_json,
                ProfileField.confidence)
        q = select(*cols).where(ProfileField.status == "accepted",
                                ProfileField.field.in_(["interests", "age", "gender", "city"]))
        rows = []
        if only is None:
            rows = session.execute(q).all()
        else:
            for part in _chunks(sorted(only)):
                rows += session.execute(q.where(ProfileField.customer_id.in_(part))).all()
    except (SQLAlchemyError, AttributeError) as exc:  # older schema without these columns
        log.info("profile fields not readable, portraits use directory data only: %s", exc)
        return {}
    out: dict[str, dict] = defaultdict(dict)
    for cid, field, value_json, conf in rows:
        try:
            value = json.loads(value_json)
        except (TypeError, ValueError):
            value = value_json
        if field == "interests" and isinstance(value, str):
            out[cid].setdefault("interests", {})[value] = float(conf or 1.0)
        elif field == "age":
            try:
                out[cid]["age"] = int(value)
            except (TypeError, ValueError):
                pass
        elif field in ("gender", "city") and isinstance(value, str):
            out[cid][field] = value
    return dict(out)


# -- lists (co-occurrence) -----------------------------------------------------------------
def member_lists(session, containing: set[str] | None = None) -> list[tuple[str, list[str]]]:
    """Group chats and staff contact lists as (list id, customer ids in display order).

    Display order = nickname then id, as an IM member list sorts.  With ``containing``, only the
    lists one of those customers belongs to.
    """
    gq = (select(GroupMember.group_id, GroupMember.member_id)
          .join(Customer, Customer.id == GroupMember.member_id)
          .where(GroupMember.member_kind == "customer")
          .order_by(GroupMember.group_id, Customer.nickname, Customer.id))
    fq = (select(Friendship.staff_id, Friendship.customer_id)
          .join(Customer, Customer.id == Friendship.customer_id)
          .order_by(Friendship.staff_id, Customer.nickname, Customer.id))
    if containing is not None:
        ids = sorted(containing)
        groups, staff = set(), set()
        for part in _chunks(ids):
            groups |= set(session.scalars(select(GroupMember.group_id)
                                          .where(GroupMember.member_id.in_(part))))
            staff |= set(session.scalars(select(Friendship.staff_id)
                                         .where(Friendship.customer_id.in_(part))))
        gq = gq.where(GroupMember.group_id.in_(sorted(groups)))
        fq = fq.where(Friendship.staff_id.in_(sorted(staff)))
    lists: list[tuple[str, list[str]]] = []
    for prefix, q in (("group", gq), ("contacts", fq)):
        current, members = None, []
        for key, member in session.execute(q):
            if key != current:
                if members:
                    lists.append((f"{prefix}:{current}", members))
                current, members = key, []
            members.append(member)
        if members:
            lists.append((f"{prefix}:{current}", members))
    return lists


# -- assignments ---------------------------------------------------------------------------
def load_assignments(session, ids: set[str] | None = None) -> dict[str, AvatarAssignment]:
    if ids is None:
        return {a.user_id: a for a in session.scalars(select(AvatarAssignment))}
    out = {}
    for part in _chunks(sorted(ids)):
        for a in session.scalars(select(AvatarAssignment).where(AvatarAssignment.user_id.in_(part))):
            out[a.user_id] = a
    return out
