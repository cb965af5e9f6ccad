"""Batch generation from files (the CLI): USERS.jsonl [+ GROUPS.jsonl] → PNGs + manifest.json.

Users line: ``{"user_id", "nickname"?, "gender"?, "age"?, "city"?, "interests"?: [...],
"has_avatar"?}``; groups line: ``{"group_id", "members": [...]}``.  Extra keys ``activity``
(messages/day) and ``signature`` are read too.  Nothing is written to the workspace.
"""
from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from engine.avatars.library import BACKGROUNDS, Picture, read_seed
from engine.avatars.perceptual import DEFAULT_THRESHOLD, variant_space
from engine.avatars.portrait import build_portrait
from engine.avatars.render import MARKS, SHAPES, Look, badge_index, check_size, initial_of, \
    render_png, render_svg
from engine.avatars.select import Params, assign, cooccurrence_graph, reasons
from engine.errors import InputError
from engine.progress import NO_STATE, SubState, TaskState

SAFE_ID = re.compile(r"^[A-Za-z0-9_.@\-\u3400-\u9fff]{1,128}$")


def _lines(path: Path):
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", place=str(path)) from exc
    with fh:
        try:
            for no, line in enumerate(fh, 1):
                if line.strip():
                    yield no, line
        except UnicodeDecodeError as exc:
            raise InputError("not UTF-8 text", place=str(path)) from exc


def _obj(path: Path, no: int, line: str) -> dict:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", place=f"{path}:{no}") from exc
    if not isinstance(obj, dict):
        raise InputError("each line must be a JSON object", place=f"{path}:{no}")
    return obj


def read_users(path) -> list[dict]:
    path = Path(path)
    users, seen = [], set()
    for no, line in _lines(path):
        u = _obj(path, no, line)
        place = f"{path}:{no}"
        uid = u.get("user_id")
        if isinstance(uid, int) and not isinstance(uid, bool):
            uid = str(uid)
        if not isinstance(uid, str) or not uid.strip():
            raise InputError("user_id is missing or empty", place=place)
        if not SAFE_ID.match(uid) or uid in (".", ".."):
            raise InputError(f"user_id '{uid}' cannot be a file name (letters, digits, _.-@)",
                             place=place)
        if uid in seen:
            raise InputError(f"user_id '{uid}' appears twice", place=place)
        seen.add(uid)
        for key in ("nickname", "gender", "city", "signature"):
            if u.get(key) is not None and not isinstance(u[key], str):
                raise InputError(f"{key} must be text", place=f"{place} {key}")
        for key in ("age", "activity"):
            if u.get(key) is not None and (isinstance(u[key], bool)
                                           or not isinstance(u[key], (int, float))):
                raise InputError(f"{key} must be a number", place=f"{place} {key}")
        interests = u.get("interests")
        if interests is not None and (not isinstance(interests, list)
                                      or not all(isinstance(x, str) for x in interests)):
            raise InputError("interests must be a list of text", place=f"{place} interests")
        if u.get("has_avatar") is not None and not isinstance(u["has_avatar"], bool):
            raise InputError("has_avatar must be true or false", place=f"{place} has_avatar")
        users.append({**u, "user_id": uid})
    return users


def read_groups(path) -> list[tuple[str, list[str]]]:
    path = Path(path)
    groups = []
    for no, line in _lines(path):
        g = _obj(path, no, line)
        place = f"{path}:{no}"
        gid = g.get("group_id")
        if gid is None or (isinstance(gid, str) and not gid.strip()):
            raise InputError("group_id is missing", place=place)
        members = g.get("members")
        if not isinstance(members, list) or not all(isinstance(m, (str, int)) and
                                                   not isinstance(m, bool) for m in members):
            raise InputError("members must be a list of user ids", place=f"{place} members")
        groups.append((str(gid), [str(m) for m in members]))
    return groups


def generate(users: list[dict], groups: list[tuple[str, list[str]]], out_dir, *,
             size: int = 128, svg: bool = False, mark: str = "initial", shape: str = "circle",
             threshold: float = DEFAULT_THRESHOLD, pictures: list[Picture] | None = None,
             workers: int | None = None, state: TaskState = NO_STATE) -> dict:
    """Assign and render avatars for users without one; returns the manifest written."""
    size = check_size(size)
    if mark not in MARKS:
        raise InputError(f"mark must be one of {', '.join(MARKS)}", place="--mark")
    if shape not in SHAPES:
        raise InputError(f"shape must be one of {', '.join(SHAPES)}", place="--shape")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create folder: {exc.strerror}", place=str(out)) from exc
    pictures = pictures if pictures is not None else read_seed()
    state.set_progress(0.0, "rendering the library for perceptual distances")
    space = variant_space(pictures, shape)
    todo_users = [u for u in users if not u.get("has_avatar")]
    todo_users.sort(key=lambda u: u["user_id"])
    ids = [u["user_id"] for u in todo_users]
    index = {u: i for i, u in enumerate(ids)}
    by_id = {u["user_id"]: u for u in users}
    portraits = [build_portrait(u) for u in todo_users]
    params = Params(threshold=threshold)
    lists = []
    for _gid, members in groups:
        ordered = sorted(members, key=lambda m: (str(by_id.get(m, {}).get("nickname") or ""), m))
        lists.append(np.array([index.get(m, -1) for m in ordered], dtype=np.int64))
    adj = cooccurrence_graph(len(ids), lists, params)
    choices = assign(ids, portraits, space, adj, params=params, state=SubState(state, 0.1, 0.4))
    B = space.n_bg
    manifest = {}
    sub = SubState(state, 0.4, 1.0)
    jobs = []
    for uid in ids:
        ch = choices[index[uid]]
        pic = pictures[ch.variant // B]
        look = Look(background=ch.variant % B, mark=mark,
                    text=initial_of(by_id[uid].get("nickname")), badge=badge_index(uid),
                    shape=shape)
        jobs.append((uid, pic, look))
        por = portraits[index[uid]]
        manifest[uid] = {"picture_id": pic.id, "tags": por.top(6), "reasons": reasons(por, pic),
                         "background": BACKGROUNDS[ch.variant % B], "status": ch.status,
                         "min_distance": None if ch.min_distance is None
                         else round(ch.min_distance, 2)}

    def work(job) -> None:
        uid, pic, look = job
        _write(out / f"{uid}.png", render_png(pic, look, size))
        if svg:
            _write(out / f"{uid}.svg", render_svg(pic, look, size).encode("utf-8"))

    # Pillow and zlib release the GIL while drawing and encoding: threads use every core.
    with ThreadPoolExecutor(max_workers=workers or min(8, os.cpu_count() or 1)) as pool:
        for start in range(0, len(jobs), 256):
            state.check()
            sub.set_progress(start / max(1, len(jobs)), f"rendering {start:,}/{len(jobs):,}")
            list(pool.map(work, jobs[start:start + 256]))
    _write(out / "manifest.json",
           json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    sub.set_progress(1.0, f"wrote {len(ids):,} avatars")
    return manifest


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", place=str(path)) from exc
