"""Tables of the fraud capability: behaviour logs, detection runs, suspect groups, decisions.

Behaviour events keep ``ts`` as integer epoch seconds (UTC), not a datetime column: the log is read
back in millions of rows straight into numpy arrays, and an integer column needs no per-row
conversion on either backend.  Everything people read or edit (runs, groups, decisions) uses
tz-aware datetimes like the rest of the workspace.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, Versioned, utcnow


class FraudLog(Base):
    """One imported behaviour log (a file loaded with ``fraud import`` or the demo's log)."""

    __tablename__ = "fraud_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    source: Mapped[str | None] = mapped_column(String(1000))
    events: Mapped[int] = mapped_column(Integer, default=0)
    users: Mapped[int] = mapped_column(Integer, default=0)
    ts_min: Mapped[int | None] = mapped_column(BigInteger)
    ts_max: Mapped[int | None] = mapped_column(BigInteger)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(128))


class FraudEvent(Base):
    """One behaviour event: ``user_id`` did ``action`` on ``target_id`` at ``ts`` (epoch s, UTC)."""

    __tablename__ = "fraud_event"
    __table_args__ = (Index("ix_fraud_event_log_user", "log_id", "user_id"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    log_id: Mapped[int] = mapped_column(ForeignKey("fraud_log.id", ondelete="CASCADE"))
    user_id: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str] = mapped_column(String(128))
    ts: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str | None] = mapped_column(String(128))
    ip: Mapped[str | None] = mapped_column(String(64))


class FraudRun(Base):
    """One detection run over a log: the parameters used and the run's statistics."""

    __tablename__ = "fraud_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    log_id: Mapped[int | None] = mapped_column(ForeignKey("fraud_log.id", ondelete="SET NULL"),
                                               index=True)
    source: Mapped[str | None] = mapped_column(String(1000))
    params: Mapped[dict] = mapped_column(JSON)
    stats: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(128))


class FraudGroup(Base):
    """A group found by a run, with its score, reasons and the evidence the pane draws."""

    __tablename__ = "fraud_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("fraud_run.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(64))  # stable id: hash of the sorted members
    score: Mapped[float] = mapped_column(Float)
    size: Mapped[int] = mapped_column(Integer)
    devices: Mapped[int] = mapped_column(Integer)
    ips: Mapped[int] = mapped_column(Integer)
    similarity: Mapped[float] = mapped_column(Float)
    members: Mapped[list] = mapped_column(JSON)
    reasons: Mapped[list] = mapped_column(JSON)
    evidence: Mapped[dict] = mapped_column(JSON)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("fraud_decision.id", ondelete="SET NULL"))
    match: Mapped[float | None] = mapped_column(Float)  # member Jaccard with the decided group


class FraudDecision(Base, Versioned):
    """A moderator's decision on a group; re-runs match new groups to it by member overlap."""

    __tablename__ = "fraud_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # confirmed | dismissed | needs_review
    note: Mapped[str] = mapped_column(Text, default="")
    members: Mapped[list] = mapped_column(JSON)
    decided_by: Mapped[str] = mapped_column(String(128))
    decided_at: Mapped[datetime] = mapped_column(default=utcnow)
