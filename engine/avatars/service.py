"""The avatar endpoint's logic (transport-free): look up or assign, render, cache, validate.

``AvatarService.get(user_id, fmt, size, if_none_match)`` returns a :class:`Reply` the HTTP layer
writes as is.  Rendered bytes are cached in memory (LRU) per (user, format, size); the cache is
dropped whenever the workspace's avatar data changes, which is checked at most every
``revalidate_s`` seconds with one aggregate query — so a warm hit costs no database round trip.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from engine.avatars import flow
from engine.avatars.render import check_size, render_png, render_svg
from engine.errors import InputError, NotFoundError
from engine.store.models.avatars import AvatarAssignment, AvatarPicture, AvatarSetting

TYPES = {"png": "image/png", "svg": "image/svg+xml; charset=utf-8"}


@dataclass
class Reply:
    status: int
    body: bytes = b""
    headers: dict = field(default_factory=dict)


class AvatarService:
    def __init__(self, ws, *, max_age: int = 300, revalidate_s: float = 1.0,
                 cache_items: int = 20_000) -> None:
        self.ws = ws
        self.max_age = max_age
        self.revalidate_s = revalidate_s
        self._cache: OrderedDict = OrderedDict()
        self._cache_items = cache_items
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()  # one assignment at a time (SQLite-friendly)
        self._epoch: tuple | None = None
        self._checked = 0.0
        self.hits = self.misses = 0

    # -- freshness ---------------------------------------------------------------------------
    def _data_epoch(self) -> tuple:
        with self.ws.session() as s:
            a = s.execute(select(func.count(), func.coalesce(func.sum(AvatarAssignment.version), 0),
                                 func.max(AvatarAssignment.assigned_at))).one()
            p = s.execute(select(func.count(), func.coalesce(func.sum(AvatarPicture.version), 0),
                                 func.max(AvatarPicture.updated_at))).one()
            settings = tuple(s.execute(select(AvatarSetting.key, AvatarSetting.value)
                                       .order_by(AvatarSetting.key)).all())
        return tuple(a) + tuple(p) + settings

    def _revalidate(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.revalidate_s:
            return
        epoch = self._data_epoch()
        with self._lock:
            self._checked = now
            if epoch != self._epoch:
                self._epoch = epoch
                self._cache.clear()

    def invalidate(self) -> None:
        with self._lock:
            self._cache.clear()
            self._checked = 0.0

    # -- requests ----------------------------------------------------------------------------
    def get_cached(self, user_id: str, fmt: str, size, if_none_match: str | None = None
                   ) -> Reply | None:
        """The reply when it needs neither the database nor rendering (a warm hit whose
        freshness check is not due), else None: callers then run :meth:`get` off their loop."""
        if time.monotonic() - self._checked >= self.revalidate_s or fmt not in TYPES:
            return None
        try:
            key = (user_id, fmt, int(size))
        except (TypeError, ValueError):
            return None
        with self._lock:
            hit = self._cache.get(key)
            if hit is None:
                return None
            self._cache.move_to_end(key)
            self.hits += 1
        return self._reply(hit, fmt, if_none_match)

    def get(self, user_id: str, fmt: str, size, if_none_match: str | None = None) -> Reply:
        if fmt not in TYPES:
            return self._error(404, f"unknown format '.{fmt}': use .png or .svg")
        try:
            size = check_size(size)
        except InputError as exc:
            return self._error(400, str(exc))
        self._revalidate()
        key = (user_id, fmt, size)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                self.hits += 1
        if hit is None:
            try:
                hit = self._render(user_id, fmt, size)
            except NotFoundError as exc:
                return self._error(404, str(exc))
            with self._lock:
                self.misses += 1
                self._cache[key] = hit
                while len(self._cache) > self._cache_items:
                    self._cache.popitem(last=False)
        return self._reply(hit, fmt, if_none_match)

    def _reply(self, hit: tuple[str, bytes], fmt: str, if_none_match: str | None) -> Reply:
        etag, body = hit
        headers = {"ETag": etag, "Cache-Control": f"public, max-age={self.max_age}"}
        if if_none_match and (if_none_match.strip() == "*" or
                              etag in [t.strip() for t in if_none_match.split(",")]):
            return Reply(304, b"", headers)
        headers["Content-Type"] = TYPES[fmt]
        return Reply(200, body, headers)

    def _render(self, user_id: str, fmt: str, size: int) -> tuple[str, bytes]:
        with self.ws.session() as s:
            av = flow.load_avatar(s, user_id)
        if av is None:
            with self._write_lock:
                try:
                    av = flow.ensure_avatar(self.ws, user_id)
                except IntegrityError:  # assigned by another console at the same moment
                    with self.ws.session() as s:
                        av = flow.load_avatar(s, user_id)
                    if av is None:
                        raise
            # Our own write changed the epoch; it touched only this user, who is not cached,
            # so adopt the new epoch instead of dropping everyone's cached avatars.
            epoch = self._data_epoch()
            with self._lock:
                self._epoch, self._checked = epoch, time.monotonic()
        if fmt == "png":
            body = render_png(av.picture, av.look, size)
        else:
            body = render_svg(av.picture, av.look, size).encode("utf-8")
        tag = hashlib.sha1(repr((av.picture.key, av.look, av.version, size, fmt)).encode())
        return f'"{tag.hexdigest()[:20]}"', body

    def _error(self, status: int, message: str) -> Reply:
        body = json.dumps({"error": message}, ensure_ascii=False).encode("utf-8")
        return Reply(status, body, {"Content-Type": "application/json; charset=utf-8",
                                    "Cache-Control": "no-store"})
