"""Keeping consoles in step: the ``profile_event`` change feed and PostgreSQL LISTEN/NOTIFY.

Every write appends to ``profile_event`` in its transaction and, on PostgreSQL, sends
``NOTIFY profile_changes, '<customer id or *>'`` which PostgreSQL delivers at commit.  A console
on SQLite polls :func:`changes_since` (one indexed query); on PostgreSQL a :class:`ChangeListener`
waits on the notification channel and calls back as soon as a colleague commits.
"""
from __future__ import annotations

import threading
from typing import Callable

from sqlalchemy import func, select

from engine.store.models.profiles import ProfileEvent

CHANNEL = "profile_changes"


def latest_event(ws) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.max(ProfileEvent.id))) or 0)


def changes_since(ws, since: int) -> tuple[int, set[str]]:
    """(newest event id, customer ids changed after ``since``; '*' means many)."""
    with ws.session() as s:
        rows = s.execute(select(ProfileEvent.id, ProfileEvent.customer_id)
                         .where(ProfileEvent.id > since).order_by(ProfileEvent.id).limit(5000)).all()
    if not rows:
        return since, set()
    return rows[-1][0], {r[1] for r in rows}


class ChangeListener:
    """LISTEN on PostgreSQL in a daemon thread; ``callback(customer_id)`` runs on that thread, so
    a Qt caller must forward it with a queued signal.  ``stop()`` ends and joins the thread."""

    def __init__(self, ws, callback: Callable[[str], None], poll_seconds: float = 0.5) -> None:
        if ws.dialect != "postgresql":
            raise ValueError("LISTEN/NOTIFY needs PostgreSQL")
        self._url = ws.engine.url
        self._callback = callback
        self._poll = poll_seconds
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="profile-listener", daemon=True)
        self.error: str | None = None

    def start(self, timeout: float = 10.0) -> "ChangeListener":
        self._thread.start()
        self._ready.wait(timeout)
        return self

    def _run(self) -> None:
        import psycopg

        u = self._url
        try:
            conn = psycopg.connect(host=u.host, port=u.port, user=u.username, password=u.password,
                                   dbname=u.database, autocommit=True)
        except psycopg.Error as exc:
            self.error = f"cannot listen for changes: {exc}"
            self._ready.set()
            return
        try:
            conn.execute(f"LISTEN {CHANNEL}")
            self._ready.set()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=self._poll, stop_after=50):
                    self._callback(note.payload)
        except psycopg.Error as exc:
            if not self._stop.is_set():
                self.error = f"change listener stopped: {exc}"
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)
