"""Tables of the nudges capability: process definitions, imported events, the outbox."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Float, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, Versioned, utcnow


class NudgeProcess(Base, Versioned):
    """One process definition; ``definition`` is its rules document as JSON (ordered nodes)."""

    __tablename__ = "nudge_process"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    definition: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(128), default="")


class NudgeEvent(Base):
    """An imported operation event; ``seq`` is its input position (ties on ``ts`` follow it).

    ``ts_ns`` holds the exact time (nanoseconds since the epoch, UTC); ``ts`` the same instant as
    a datetime (microseconds) for people and SQL.
    """

    __tablename__ = "nudge_event"
    __table_args__ = (Index("ix_nudge_event_pair", "user_id", "process_id"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                     primary_key=True, autoincrement=False)
    user_id: Mapped[str] = mapped_column(String(128))
    process_id: Mapped[str] = mapped_column(String(128))
    node_id: Mapped[str] = mapped_column(String(128))
    event: Mapped[str] = mapped_column(String(16))
    ts_ns: Mapped[int] = mapped_column(BigInteger, index=True)
    ts: Mapped[datetime] = mapped_column()
    attrs: Mapped[str | None] = mapped_column(Text)


class NudgeOutbox(Base):
    """A nudge to deliver.  One row per user-node visit, enforced by the unique key."""

    __tablename__ = "nudge_outbox"
    __table_args__ = (
        UniqueConstraint("user_id", "process_id", "node_id", "visit_start_ns",
                         name="uq_nudge_outbox_visit"),
        Index("ix_nudge_outbox_status", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(String(128))
    process_id: Mapped[str] = mapped_column(String(128))
    node_id: Mapped[str] = mapped_column(String(128))
    visit_start_ns: Mapped[int] = mapped_column(BigInteger)
    evaluated_at_ns: Mapped[int] = mapped_column(BigInteger)
    dwell_seconds: Mapped[float] = mapped_column(Float)
    message: Mapped[str] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(32), default="app")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    language: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
