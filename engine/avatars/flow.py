"""The avatar flow over a workspace: build portraits, pick, personalise, store, explain.

Every function opens its own transaction (``with ws.session()``) and returns plain data.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np
from sqlalchemy import insert, select, update

from engine.avatars import store
from engine.avatars.library import BACKGROUNDS, Picture
from engine.avatars.perceptual import variant_space
from engine.avatars.portrait import Portrait, build_portrait
from engine.avatars.render import Look, badge_index, initial_of
from engine.avatars.select import Params, Previous, assign, cooccurrence_graph, reasons
from engine.errors import InputError, NotFoundError
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.models.avatars import AvatarAssignment, AvatarPicture
from engine.store.models.people import Customer


@dataclass
class Avatar:
    """What the endpoint and the pane need to draw one user's avatar."""

    user_id: str
    picture: Picture
    look: Look
    version: int  # assignment version (changes on regenerate / override / forced move)
    status: str
    locked: bool


def params_from(settings: dict) -> Params:
    return Params(threshold=float(settings["threshold"]), clique_max=int(settings["clique_max"]),
                  window=int(settings["window"]))


def look_for(settings: dict, user_id: str, nickname: str | None, background: int) -> Look:
    return Look(background=int(background) % len(BACKGROUNDS), mark=settings["mark"],
                text=initial_of(nickname), badge=badge_index(user_id), shape=settings["shape"])


def _assign_in_session(session, targets: set[str] | None, regenerate: set[str], by: str,
                       state: TaskState) -> dict:
    settings = store.load_settings(session)
    pictures = store.load_pictures(session)
    state.set_progress(0.02, "rendering the library for perceptual distances")
    space = variant_space(pictures, settings["shape"])
    state.check()
    state.set_progress(0.1, "reading users and lists")
    params = params_from(settings)
    lists = [members for _lid, members in store.member_lists(session, containing=targets)]
    if targets is None:
        users = store.default_avatar_users(session)
    else:
        # Only the targets' neighbours matter: whole short lists, and in long lists the rows
        # within the display window of a target (the rest stay as placeholders, so positions
        # and therefore windows are unchanged).
        trimmed = []
        for members in lists:
            if len(members) > params.clique_max:
                pos = np.array([k for k, m in enumerate(members) if m in targets])
                near = np.zeros(len(members), dtype=bool)
                for d in range(-params.window + 1, params.window):
                    q = pos + d
                    near[q[(q >= 0) & (q < len(members))]] = True
                members = [m if near[k] else None for k, m in enumerate(members)]
            trimmed.append(members)
        lists = trimmed
        universe = set(targets)
        for members in lists:
            universe.update(m for m in members if m is not None)
        users = store.default_avatar_users(session, only=universe)
    ids = sorted(users)
    index = {u: i for i, u in enumerate(ids)}
    todo_set = set(ids) if targets is None else set(targets)
    # Portraits are needed for the users being assigned only; neighbours just constrain.
    portraits = [build_portrait(users[u]) if u in todo_set else Portrait(u) for u in ids]
    adj = cooccurrence_graph(len(ids), [np.array([index.get(m, -1) for m in members])
                                        for members in lists], params)
    state.check()
    pic_index = {p.id: k for k, p in enumerate(pictures)}
    B = space.n_bg
    current = store.load_assignments(session, None if targets is None else set(ids))
    previous: dict[int, Previous] = {}
    avoid: dict[int, int] = {}
    for uid, a in current.items():
        i = index.get(uid)
        k = pic_index.get(a.picture_id)
        if i is None or k is None:
            continue
        gen = a.generation + (1 if uid in regenerate else 0)
        previous[i] = Previous(variant=k * B + a.background % B, locked=a.locked, generation=gen)
        if uid in regenerate and not a.locked:
            avoid[i] = k
    todo_ids = ids if targets is None else [u for u in ids if u in targets]
    todo = np.array([index[u] for u in todo_ids], dtype=np.int64)
    choices = assign(ids, portraits, space, adj, previous, todo, params,
                     SubState(state, 0.15, 0.9), avoid)
    state.set_progress(0.9, "storing assignments")
    now = datetime.now(timezone.utc)
    inserts, updates = [], []
    counts = {"assigned": 0, "kept": 0, "changed": 0, "locked": 0, "best_effort": 0}
    for i, ch in choices.items():
        uid = ids[i]
        if ch.status == "locked":
            counts["locked"] += 1
            continue
        if ch.status == "kept":
            counts["kept"] += 1
            continue
        counts["best_effort"] += ch.status == "best_effort"
        pic = pictures[ch.variant // B]
        why = reasons(portraits[i], pic)
        if ch.conflicts:
            why.append("moved: confusable with " + ", ".join(ids[j] for j in ch.conflicts[:3]))
        row = {"user_id": uid, "picture_id": pic.id, "background": ch.variant % B,
               "score": round(ch.score, 4),
               "tags_json": json.dumps([[t, portraits[i].tags[t]] for t in portraits[i].top(6)],
                                       ensure_ascii=False),
               "reasons_json": json.dumps(why, ensure_ascii=False),
               "min_distance": None if ch.min_distance is None else round(ch.min_distance, 2),
               "status": "regenerated" if uid in regenerate else ch.status,
               "generation": previous[i].generation if i in previous else 0,
               "assigned_at": now, "assigned_by": by if uid in regenerate else "engine"}
        if uid in current:
            updates.append(row)
            counts["changed"] += 1
        else:
            inserts.append({**row, "locked": False, "override": False, "version": 1})
            counts["assigned"] += 1
    if inserts:
        store.bulk_insert(session, AvatarAssignment, inserts)
    for row in updates:
        session.execute(update(AvatarAssignment)
                        .where(AvatarAssignment.user_id == row["user_id"])
                        .values(**{k: v for k, v in row.items() if k != "user_id"},
                                version=AvatarAssignment.version + 1))
    counts["users"] = len(todo_ids)
    return counts


def assign_all(ws, *, by: str = "engine", state: TaskState = NO_STATE) -> dict:
    """Assign every default-avatar user of the workspace (keeps valid existing avatars)."""
    with ws.session() as s:
        out = _assign_in_session(s, None, set(), by, state)
    state.set_progress(1.0, "avatars assigned")
    return out


def regenerate(ws, user_ids: list[str], *, by: str = "staff",
               state: TaskState = NO_STATE) -> dict:
    """Give these users a new avatar (another picture where one fits); locked users stay."""
    with ws.session() as s:
        _require_users(s, user_ids)
        return _assign_in_session(s, set(user_ids), set(user_ids), by, state)


def _require_users(session, user_ids) -> None:
    found = set(session.scalars(select(Customer.id).where(Customer.id.in_(list(user_ids)))))
    missing = [u for u in user_ids if u not in found]
    if missing:
        raise NotFoundError(f"no customer with id {', '.join(missing[:5])}")


def load_avatar(session, user_id: str, settings: dict | None = None) -> Avatar | None:
    row = session.execute(select(AvatarAssignment, Customer.nickname, AvatarPicture)
                          .join(Customer, Customer.id == AvatarAssignment.user_id)
                          .join(AvatarPicture, AvatarPicture.id == AvatarAssignment.picture_id)
                          .where(AvatarAssignment.user_id == user_id)).first()
    if row is None:
        return None
    a, nickname, prow = row
    settings = settings or store.load_settings(session)
    return Avatar(user_id, store.picture_from_row(prow),
                  look_for(settings, user_id, nickname, a.background), a.version, a.status,
                  a.locked)


def ensure_avatar(ws, user_id: str, state: TaskState = NO_STATE) -> Avatar:
    """The user's default avatar, assigning (and storing) one first when there is none."""
    with ws.session() as s:
        av = load_avatar(s, user_id)
        if av is not None:
            return av
        _require_users(s, [user_id])
        _assign_in_session(s, {user_id}, set(), "engine", state)
        s.flush()
        av = load_avatar(s, user_id)
    if av is None:
        raise NotFoundError(f"customer {user_id} has an avatar of their own")
    return av


def set_locked(ws, user_id: str, locked: bool, *, by: str = "staff") -> None:
    with ws.session() as s:
        a = s.get(AvatarAssignment, user_id)
        if a is None:
            raise NotFoundError(f"customer {user_id} has no default avatar yet; generate first")
        a.locked = locked
        a.assigned_by = by


def override(ws, user_id: str, picture_id: str, background: int | None = None, *,
             by: str = "staff") -> None:
    """Staff choose the picture (and optionally the background); the result is locked."""
    with ws.session() as s:
        _require_users(s, [user_id])
        pic = s.get(AvatarPicture, picture_id)
        if pic is None:
            raise NotFoundError(f"no picture with id {picture_id}")
        if background is not None and not 0 <= int(background) < len(BACKGROUNDS):
            raise InputError(f"background must be 0–{len(BACKGROUNDS) - 1}", place="background")
        a = s.get(AvatarAssignment, user_id)
        why = json.dumps([f"chosen by {by}"], ensure_ascii=False)
        if a is None:
            s.execute(insert(AvatarAssignment).values(
                user_id=user_id, picture_id=picture_id, background=int(background or 0),
                score=0.0, tags_json="[]", reasons_json=why, status="override", locked=True,
                override=True, generation=0, assigned_at=datetime.now(timezone.utc),
                assigned_by=by, version=1))
        else:
            a.picture_id = picture_id
            if background is not None:
                a.background = int(background)
            a.locked, a.override, a.status = True, True, "override"
            a.reasons_json, a.assigned_by = why, by
            a.assigned_at = datetime.now(timezone.utc)
