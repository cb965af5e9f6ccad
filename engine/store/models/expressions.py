"""Tables of the expressions capability: catalogue, listening history, capture sessions, pushes.

* ``expr_track``     — the content catalogue (tracks with mood / genre tags, valence and energy).
* ``expr_listen``    — a user's history with catalogue content: played, skipped or liked, when.
* ``expr_session``   — one capture: which user, how many frames, the expression found and the
                       behaviour label derived from it (with per-class scores as JSON).
* ``expr_push``      — the content pushed for a session (user, frames used, expression, label,
                       track, reason, time).
* ``expr_baseline``  — each user's neutral-face baseline (mean features of neutral captures).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, utcnow


class ExprTrack(Base):
    __tablename__ = "expr_track"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    artist: Mapped[str] = mapped_column(String(300), default="")
    genre: Mapped[str] = mapped_column(String(64), index=True)
    mood: Mapped[str] = mapped_column(String(64))  # calm | upbeat | melancholic | energetic | ...
    tags: Mapped[str] = mapped_column(String(500), default="")  # comma-separated extra tags
    valence: Mapped[float] = mapped_column(Float)  # 0 sad … 1 cheerful
    energy: Mapped[float] = mapped_column(Float)  # 0 quiet … 1 intense
    duration_s: Mapped[int] = mapped_column(Integer, default=0)


class ExprListen(Base):
    __tablename__ = "expr_listen"
    __table_args__ = (Index("ix_expr_listen_user_ts", "user_id", "ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    track_id: Mapped[str] = mapped_column(ForeignKey("expr_track.id", ondelete="CASCADE"))
    action: Mapped[str] = mapped_column(String(16))  # played | skipped | liked
    ts: Mapped[datetime] = mapped_column()


class ExprSession(Base):
    __tablename__ = "expr_session"
    __table_args__ = (Index("ix_expr_session_user_ts", "user_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(String(1000))  # "camera:0", a video path, "3 images"
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    frames_total: Mapped[int] = mapped_column(Integer)
    frames_with_face: Mapped[int] = mapped_column(Integer)
    expression: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    scores_json: Mapped[str] = mapped_column(Text)  # {"happy": 0.8, ...}
    peak_start: Mapped[int] = mapped_column(Integer, default=0)  # frames of the peak window
    peak_end: Mapped[int] = mapped_column(Integer, default=0)
    timeline_json: Mapped[str] = mapped_column(Text, default="[]")  # per-frame class scores
    label: Mapped[str] = mapped_column(String(64))
    explanation: Mapped[str] = mapped_column(Text, default="")


class ExprPush(Base):
    __tablename__ = "expr_push"
    __table_args__ = (Index("ix_expr_push_user_ts", "user_id", "ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("expr_session.id", ondelete="CASCADE"),
                                            index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    track_id: Mapped[str] = mapped_column(ForeignKey("expr_track.id", ondelete="CASCADE"))
    ts: Mapped[datetime] = mapped_column(default=utcnow)
    frames_used: Mapped[int] = mapped_column(Integer)
    expression: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text, default="")


class ExprBaseline(Base):
    __tablename__ = "expr_baseline"

    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                         primary_key=True)
    features_json: Mapped[str] = mapped_column(Text)  # {"smile": 0.1, ...} mean neutral features
    n_frames: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
