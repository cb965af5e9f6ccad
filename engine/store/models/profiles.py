"""Tables of the profiles capability: extracted fields, their history, tags, notes, operations.

* ``profile_field``    — one value of one canonical field for a customer (suggested by the
                         extractor, taken from the IM directory or typed by staff) with provenance
                         (message, span, source, confidence) and its status. ``Versioned``: two
                         staff editing the same field at once get a ConflictError, not a lost edit.
* ``profile_history``  — every change of a field, tag or note: who, when, old and new value.
* ``customer_tag``     — staff tags on a customer.
* ``customer_note``    — staff notes on a customer.
* ``customer_operation`` — what the customer did towards staff (viewed profile, liked a post…).
* ``customer_profile`` — per-customer summary (current name/phone/city/…, tags, counts) kept up to
                         date by the engine so the customer list over 100k customers is one query.
* ``profile_event``    — an append-only change feed; consoles on SQLite poll it, PostgreSQL also
                         sends ``NOTIFY profile_changes`` with the customer id.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base, Versioned, utcnow


class ProfileField(Base, Versioned):
    __tablename__ = "profile_field"
    __table_args__ = (Index("ix_profile_field_customer_field", "customer_id", "field"),
                      Index("ix_profile_field_field_status", "field", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))
    value_json: Mapped[str] = mapped_column(Text)  # JSON: str, int, or {"amount","currency"}
    display: Mapped[str] = mapped_column(String(500))  # human-readable value
    status: Mapped[str] = mapped_column(String(16))  # suggested|accepted|rejected|superseded
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    source: Mapped[str] = mapped_column(String(16))  # text|image|qr|directory|staff
    message_id: Mapped[str | None] = mapped_column(String(128), index=True)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    evidence: Mapped[str | None] = mapped_column(String(500))
    observed_at: Mapped[datetime] = mapped_column(default=utcnow)  # time of the message
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="extractor")


class ProfileHistory(Base):
    __tablename__ = "profile_history"
    __table_args__ = (Index("ix_profile_history_customer_at", "customer_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    field_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile_field.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(32))  # canonical field, "tags", "notes" or "pii"
    action: Mapped[str] = mapped_column(String(16))  # suggest|accept|reject|edit|supersede|add|remove|reveal
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class CustomerTag(Base):
    __tablename__ = "customer_tag"
    __table_args__ = (Index("ix_customer_tag_tag", "tag"),)

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                             primary_key=True)
    tag: Mapped[str] = mapped_column(String(64), primary_key=True)
    added_by: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[datetime] = mapped_column(default=utcnow)


class CustomerNote(Base, Versioned):
    __tablename__ = "customer_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                             index=True)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CustomerOperation(Base):
    __tablename__ = "customer_operation"
    __table_args__ = (Index("ix_customer_operation_customer_ts", "customer_id", "ts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    staff_id: Mapped[str | None] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    ts: Mapped[datetime] = mapped_column()
    amount: Mapped[float | None] = mapped_column(Float)
    detail: Mapped[str | None] = mapped_column(String(500))


class CustomerProfile(Base):
    __tablename__ = "customer_profile"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"),
                                             primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200), index=True)
    phone: Mapped[str | None] = mapped_column(String(64), index=True)
    city: Mapped[str | None] = mapped_column(String(100), index=True)
    company: Mapped[str | None] = mapped_column(String(200))
    tags: Mapped[str] = mapped_column(Text, default="")  # ",tag1,tag2," for LIKE filtering
    fields: Mapped[str] = mapped_column(Text, default="")  # ",phone,email," fields with a value
    pending: Mapped[int] = mapped_column(Integer, default=0)  # suggestions awaiting review
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ProfileEvent(Base):
    __tablename__ = "profile_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[str] = mapped_column(String(128), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
