"""Staff operations and the data the avatars pane shows (plain dicts, own transactions)."""
from __future__ import annotations

import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
from sqlalchemy import func, select

from engine.avatars import store
from engine.avatars.flow import look_for
from engine.avatars.library import BACKGROUNDS, Picture, format_tags, parse_tags
from engine.avatars.perceptual import variant_space
from engine.avatars.portrait import build_portrait
from engine.avatars.render import Look, decode_image, render_png
from engine.avatars.select import reasons, tag_matrices, variant_scores, user_seed
from engine.errors import ConflictError, InputError, NotFoundError
from engine.progress import NO_STATE, TaskState
from engine.store.models.avatars import AvatarAssignment, AvatarPicture
from engine.store.models.people import Customer, Friendship, GroupChat, GroupMember, Staff

PHOTO_SHAPES = [{"t": "ellipse", "b": [34, 20, 66, 54], "f": "#8a93a0"},
                {"t": "ellipse", "b": [16, 58, 84, 112], "f": "#8a93a0"}]
SHAPE_TYPES = {"ellipse": ("b",), "rect": ("b",), "poly": ("p",), "line": ("p",), "pie": ("b",)}
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SLUG = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")


# -- library management --------------------------------------------------------------------
def validate_spec(spec, place: str) -> dict:
    if not isinstance(spec, dict) or not isinstance(spec.get("shapes"), list) or not spec["shapes"]:
        raise InputError('a picture spec is {"shapes": [...]} with at least one shape', place=place)
    for i, s in enumerate(spec["shapes"]):
        where = f"{place} shape {i}"
        if not isinstance(s, dict) or s.get("t") not in SHAPE_TYPES:
            raise InputError(f"type must be one of {', '.join(SHAPE_TYPES)}", place=where)
        for key in SHAPE_TYPES[s["t"]]:
            v = s.get(key)
            if not isinstance(v, list) or not all(isinstance(x, (int, float)) for x in v) or \
                    (key == "b" and len(v) != 4) or (key == "p" and (len(v) < 4 or len(v) % 2)):
                raise InputError(f"'{key}' must be a list of numbers", place=where)
        for key in ("f", "s"):
            if key in s and s[key] != "none" and not (isinstance(s[key], str) and HEX.match(s[key])):
                raise InputError(f"colour '{key}' must be #rrggbb", place=where)
        if s["t"] == "line" and "s" not in s:
            raise InputError("a line needs a colour 's'", place=where)
    return spec


def add_picture(ws, *, title: str, theme: str, tags: str | dict = "", png: bytes | None = None,
                spec: dict | None = None, style: str = "custom", by: str = "staff",
                place: str = "picture") -> str:
    title = (title or "").strip()
    if not title:
        raise InputError("a picture needs a title", place=f"{place} title")
    theme = (theme or "").strip().lower()
    if not SLUG.match(theme):
        raise InputError("theme must be a short lower-case word, e.g. animals", place=f"{place} theme")
    tag_map = parse_tags(tags, place=f"{place} tags") if isinstance(tags, str) else dict(tags)
    tag_map.setdefault(f"theme:{theme}", 1.0)
    if (png is None) == (spec is None):
        raise InputError("give either an image or a shape spec", place=place)
    if png is not None:
        img = decode_image(png, place=place).resize((256, 256))
        buf = io.BytesIO()
        img.save(buf, format="PNG")
        png = buf.getvalue()
    else:
        validate_spec(spec, place)
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "picture"
    now = datetime.now(timezone.utc)
    with ws.session() as s:
        pid, k = f"staff-{base}", 1
        while s.get(AvatarPicture, pid) is not None:
            k += 1
            pid = f"staff-{base}-{k}"
        s.add(AvatarPicture(id=pid, title=title, theme=theme, style=style,
                            tags=format_tags(tag_map),
                            spec_json=json.dumps(spec) if spec is not None else None,
                            image_png=png, source="staff", enabled=True, created_at=now,
                            updated_at=now, updated_by=by))
    return pid


def add_picture_file(ws, path, *, title: str, theme: str, tags: str = "", by: str = "staff") -> str:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", place=str(p)) from exc
    if p.suffix.lower() == ".json":
        try:
            spec = json.loads(data.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise InputError(f"not a JSON shape spec: {exc}", place=str(p)) from exc
        return add_picture(ws, title=title, theme=theme, tags=tags, spec=spec, by=by, place=str(p))
    return add_picture(ws, title=title, theme=theme, tags=tags, png=data, by=by, place=str(p))


def set_picture_tags(ws, picture_id: str, tags: str, *, version: int, by: str = "staff") -> int:
    """Replace a picture's tags; ``version`` is the one the editor saw (optimistic lock)."""
    tag_map = parse_tags(tags, place=f"{picture_id} tags")
    if not any(t.startswith("theme:") for t in tag_map):
        raise InputError("keep at least one theme: tag", place=f"{picture_id} tags")
    with ws.session() as s:
        pic = s.get(AvatarPicture, picture_id)
        if pic is None:
            raise NotFoundError(f"no picture with id {picture_id}")
        if pic.version != version:
            raise ConflictError(f"picture {picture_id} was changed by {pic.updated_by} since you "
                                "opened it; reload to see the change, then edit again")
        pic.tags = format_tags(tag_map)
        pic.updated_by = by
        pic.updated_at = datetime.now(timezone.utc)
        s.flush()
        return pic.version


def set_picture_enabled(ws, picture_id: str, enabled: bool, *, by: str = "staff") -> None:
    with ws.session() as s:
        pic = s.get(AvatarPicture, picture_id)
        if pic is None:
            raise NotFoundError(f"no picture with id {picture_id}")
        pic.enabled, pic.updated_by = enabled, by


def list_pictures(ws, state: TaskState = NO_STATE, thumb: int = 64) -> list[dict]:
    """Every library picture with its usage and a thumbnail PNG (on a neutral background)."""
    with ws.session() as s:
        pictures = store.load_pictures(s, include_disabled=True)
        used = dict(s.execute(select(AvatarAssignment.picture_id, func.count())
                              .group_by(AvatarAssignment.picture_id)).all())
        settings = store.load_settings(s)
    out = []
    for n, p in enumerate(pictures):
        if n % 20 == 0:
            state.check()
            state.set_progress(n / max(1, len(pictures)), "library thumbnails")
        look = look_for({**settings, "mark": "none"}, p.id, None, 3)
        out.append({"id": p.id, "title": p.title, "theme": p.theme, "style": p.style,
                    "tags": format_tags(p.tags), "source": p.source, "enabled": p.enabled,
                    "version": p.version, "used": int(used.get(p.id, 0)),
                    "png": render_png(p, look, max(64, thumb))})
    return out


# -- pane data -----------------------------------------------------------------------------
def list_users(ws, state: TaskState = NO_STATE) -> list[dict]:
    """Default-avatar users with their current assignment (one query each)."""
    with ws.session() as s:
        rows = s.execute(select(Customer.id, Customer.nickname, Customer.region,
                                AvatarAssignment.picture_id, AvatarAssignment.status,
                                AvatarAssignment.locked, AvatarAssignment.min_distance)
                         .outerjoin(AvatarAssignment, AvatarAssignment.user_id == Customer.id)
                         .where(Customer.avatar_url.is_(None)).order_by(Customer.id)).all()
    return [{"user_id": r[0], "nickname": r[1] or "", "city": r[2] or "", "picture_id": r[3] or "",
             "status": r[4] or "none", "locked": bool(r[5]), "min_distance": r[6]} for r in rows]


def user_detail(ws, user_id: str, n_candidates: int = 8, size: int = 96,
                state: TaskState = NO_STATE) -> dict:
    """Portrait tags (with derivations), the current avatar and the best candidates with why."""
    with ws.session() as s:
        users = store.default_avatar_users(s, only={user_id})
        if user_id not in users:
            if s.get(Customer, user_id) is None:
                raise NotFoundError(f"no customer with id {user_id}")
            raise NotFoundError(f"customer {user_id} has an avatar of their own")
        settings = store.load_settings(s)
        pictures = store.load_pictures(s)
        assignment = s.get(AvatarAssignment, user_id)
        groups = s.execute(select(GroupChat.id, GroupChat.name)
                           .join(GroupMember, GroupMember.group_id == GroupChat.id)
                           .where(GroupMember.member_id == user_id).order_by(GroupChat.id)).all()
        contacts = s.execute(select(Staff.id, Staff.name)
                             .join(Friendship, Friendship.staff_id == Staff.id)
                             .where(Friendship.customer_id == user_id).order_by(Staff.id)).all()
        a = None if assignment is None else {
            "picture_id": assignment.picture_id, "background": assignment.background,
            "status": assignment.status, "locked": assignment.locked,
            "override": assignment.override, "reasons": json.loads(assignment.reasons_json),
            "min_distance": assignment.min_distance, "version": assignment.version,
            "generation": assignment.generation}
    state.check()
    user = users[user_id]
    portrait = build_portrait(user)
    space = variant_space(pictures, settings["shape"])
    U, Pm, _ = tag_matrices([portrait], pictures)
    scores = np.asarray(U @ Pm).ravel()
    v, vs = variant_scores(scores, space, user_seed(user_id), a["generation"] if a else 0)
    order = np.argsort(-vs, kind="stable")
    cands, seen = [], set()
    for j in order:
        k = int(v[j]) // space.n_bg
        if k in seen:
            continue
        seen.add(k)
        pic = pictures[k]
        look = look_for(settings, user_id, user.get("nickname"), int(v[j]) % space.n_bg)
        cands.append({"picture_id": pic.id, "title": pic.title, "score": round(float(scores[k]), 3),
                      "background": int(v[j]) % space.n_bg, "reasons": reasons(portrait, pic),
                      "png": render_png(pic, look, size)})
        if len(cands) >= n_candidates:
            break
    current_png = None
    if a is not None:
        pic = next((p for p in pictures if p.id == a["picture_id"]), None)
        if pic is not None:
            current_png = render_png(pic, look_for(settings, user_id, user.get("nickname"),
                                                   a["background"]), 160)
    return {"user": user, "tags": [(t, portrait.tags[t], "; ".join(portrait.sources[t]))
                                   for t in sorted(portrait.tags, key=lambda t: -portrait.tags[t])],
            "unmatched": portrait.unmatched, "assignment": a, "current_png": current_png,
            "candidates": cands, "groups": [(g[0], g[1] or g[0]) for g in groups],
            "contacts": [(c[0], c[1] or c[0]) for c in contacts],
            "threshold": settings["threshold"]}


def group_preview(ws, group_id: str, size: int = 64, state: TaskState = NO_STATE) -> dict:
    """All members of a group as an IM list shows them, and every confusable pair."""
    with ws.session() as s:
        g = s.get(GroupChat, group_id)
        if g is None:
            raise NotFoundError(f"no group chat with id {group_id}")
        rows = s.execute(select(GroupMember.member_id, GroupMember.member_kind, Customer.nickname,
                                Customer.avatar_url)
                         .outerjoin(Customer, Customer.id == GroupMember.member_id)
                         .where(GroupMember.group_id == group_id)
                         .order_by(GroupMember.member_kind, Customer.nickname,
                                   GroupMember.member_id)).all()
        settings = store.load_settings(s)
        pictures = store.load_pictures(s)
        assigned = store.load_assignments(s, {r[0] for r in rows})
    window = None if len(rows) <= int(settings["clique_max"]) else int(settings["window"])
    return {"group_id": group_id, "name": g.name or group_id,
            **_preview(rows, assigned, settings, pictures, size, window)}


def contacts_preview(ws, staff_id: str, user_id: str, size: int = 64,
                     state: TaskState = NO_STATE) -> dict:
    """The rows of a staff member's contact list around ``user_id``, in display order."""
    with ws.session() as s:
        staff = s.get(Staff, staff_id)
        if staff is None:
            raise NotFoundError(f"no staff member with id {staff_id}")
        rows = s.execute(select(Friendship.customer_id, Customer.nickname, Customer.avatar_url)
                         .join(Customer, Customer.id == Friendship.customer_id)
                         .where(Friendship.staff_id == staff_id)
                         .order_by(Customer.nickname, Customer.id)).all()
        settings = store.load_settings(s)
        ids = [r[0] for r in rows]
        if user_id not in ids:
            raise NotFoundError(f"customer {user_id} is not in {staff_id}'s contacts")
        n, clique = len(rows), int(settings["clique_max"])
        window = None if n <= clique else int(settings["window"])
        at = ids.index(user_id)
        lo, hi = (0, n) if window is None else (max(0, at - window + 1), min(n, at + window))
        rows = [(r[0], "customer", r[1], r[2]) for r in rows[lo:hi]]
        pictures = store.load_pictures(s)
        assigned = store.load_assignments(s, {r[0] for r in rows})
    return {"group_id": f"contacts:{staff_id}", "name": staff.name, "total": n, "first_row": lo,
            **_preview(rows, assigned, settings, pictures, size, window)}


def _preview(rows, assigned, settings, pictures, size: int, window: int | None) -> dict:
    """Render a member list and find its confusable pairs (within ``window`` rows if given)."""
    space = variant_space(pictures, settings["shape"])
    index = {p.id: k for k, p in enumerate(pictures)}
    members, variants = [], []
    placeholder = Picture(id="photo-placeholder", title="photo", theme="none", style="none",
                          tags={}, spec={"shapes": PHOTO_SHAPES})
    for mid, kind, nickname, avatar_url in rows:
        a = assigned.get(mid)
        m = {"user_id": mid, "kind": kind, "nickname": nickname or mid,
             "own_avatar": bool(avatar_url), "picture_id": a.picture_id if a else None, "png": None}
        if a is not None and a.picture_id in index:
            k = index[a.picture_id]
            m["png"] = render_png(pictures[k], look_for(settings, mid, nickname, a.background), size)
            variants.append((len(members), k * space.n_bg + a.background % space.n_bg))
        else:  # staff or own photo: the app shows their photo; a neutral stand-in here
            m["png"] = render_png(placeholder, Look(background=0, mark="none",
                                                    shape=settings["shape"]), size, bg="#c9ced6")
        members.append(m)
    pairs = []
    T = float(settings["threshold"])
    min_d = None
    if len(variants) > 1:
        pos = np.array([p for p, _ in variants])
        vv = np.array([v for _, v in variants])
        d = space.dist[np.ix_(vv, vv)]
        same = (vv[:, None] // space.n_bg) == (vv[None, :] // space.n_bg)
        iu = np.triu_indices(len(vv), 1)
        counted = np.ones(len(iu[0]), dtype=bool) if window is None else \
            (pos[iu[1]] - pos[iu[0]]) < window
        bad = ((d[iu] < T) | same[iu]) & counted
        for a_, b_ in zip(iu[0][bad], iu[1][bad]):
            pairs.append((int(pos[a_]), int(pos[b_]), round(float(d[a_, b_]), 1)))
        if counted.any():
            min_d = float(d[iu][counted].min())
    return {"members": members, "confusable": pairs, "min_distance": min_d, "threshold": T,
            "window": window, "backgrounds": BACKGROUNDS}
