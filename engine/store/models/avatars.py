"""Tables of the avatars capability: the picture library, per-user signals and assignments.

* ``avatar_picture``     — the library: parametric pictures (``spec_json``, shapes on a 100×100
                           view box) or staff-uploaded raster art (``image_png``), with tags.
* ``avatar_user_signal`` — what the workspace knows about a user beyond the IM directory that the
                           portrait needs (age, interests, activity); filled by imports / the demo.
* ``avatar_assignment``  — the default avatar each user got: picture + background + mark, why,
                           whether staff locked or overrode it, and its generation counter.
* ``avatar_setting``     — personalisation and selection settings (JSON values by key).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, Versioned, utcnow


class AvatarPicture(Base, Versioned):
    __tablename__ = "avatar_picture"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    theme: Mapped[str] = mapped_column(String(32), index=True)
    style: Mapped[str] = mapped_column(String(32))
    tags: Mapped[str] = mapped_column(Text, default="")  # "tag=weight,tag=weight" (weight 0..1)
    spec_json: Mapped[str | None] = mapped_column(Text)  # parametric shapes (library art)
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary)  # staff-uploaded raster art
    source: Mapped[str] = mapped_column(String(16), default="library")  # library | staff
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class AvatarUserSignal(Base):
    __tablename__ = "avatar_user_signal"

    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                         primary_key=True)
    age: Mapped[int | None] = mapped_column(Integer)
    interests: Mapped[str] = mapped_column(Text, default="")  # comma-separated, strongest first
    activity: Mapped[float | None] = mapped_column(Float)  # messages per day (recent 30 days)
    source: Mapped[str] = mapped_column(String(32), default="import")


class AvatarAssignment(Base, Versioned):
    __tablename__ = "avatar_assignment"

    user_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                         primary_key=True)
    picture_id: Mapped[str] = mapped_column(ForeignKey("avatar_picture.id", ondelete="CASCADE"),
                                            index=True)
    background: Mapped[int] = mapped_column(Integer)  # index into the background palette
    score: Mapped[float] = mapped_column(Float, default=0.0)
    tags_json: Mapped[str] = mapped_column(Text, default="[]")  # the user's portrait top tags
    reasons_json: Mapped[str] = mapped_column(Text, default="[]")
    min_distance: Mapped[float | None] = mapped_column(Float)  # to co-occurring avatars
    status: Mapped[str] = mapped_column(String(16), default="auto")  # auto | forced | best_effort
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    override: Mapped[bool] = mapped_column(Boolean, default=False)  # staff chose the picture
    generation: Mapped[int] = mapped_column(Integer, default=0)  # bumped by "regenerate"
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_by: Mapped[str] = mapped_column(String(64), default="engine")


class AvatarSetting(Base):
    __tablename__ = "avatar_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
