"""Staff, customers (IM users), friendships, group chats and memberships."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, Versioned, utcnow


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    im_id: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Customer(Base, Versioned):
    """A customer as known from the IM user directory (the ``id`` is their IM user id)."""

    __tablename__ = "customer"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    nickname: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(16))
    region: Mapped[str | None] = mapped_column(String(200))
    signature: Mapped[str | None] = mapped_column(String(500))
    avatar_url: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Friendship(Base):
    """A staff member added a customer as an IM friend."""

    __tablename__ = "friendship"
    __table_args__ = (UniqueConstraint("staff_id", "customer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[str] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    added_at: Mapped[datetime] = mapped_column(default=utcnow)
    source: Mapped[str | None] = mapped_column(String(64))


class GroupChat(Base):
    __tablename__ = "group_chat"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class GroupMember(Base):
    """Membership of a staff member or a customer in a group chat (``member_kind`` says which)."""

    __tablename__ = "group_member"
    __table_args__ = (Index("ix_group_member_member", "member_id"),)

    group_id: Mapped[str] = mapped_column(
        ForeignKey("group_chat.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    member_kind: Mapped[str] = mapped_column(String(16))  # "staff" | "customer"
    joined_at: Mapped[datetime | None] = mapped_column()
