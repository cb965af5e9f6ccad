"""Instant-messaging messages (text and images) between staff and customers."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base


class Message(Base):
    __tablename__ = "message"
    __table_args__ = (
        Index("ix_message_customer_ts", "customer_id", "ts"),
        Index("ix_message_conversation_ts", "conversation_id", "ts"),
    )

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(128))
    sender_id: Mapped[str] = mapped_column(String(128))
    sender_role: Mapped[str] = mapped_column(String(16))  # "staff" | "customer"
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    staff_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    group_id: Mapped[str | None] = mapped_column(String(128), index=True)
    ts: Mapped[datetime] = mapped_column()
    text: Mapped[str | None] = mapped_column(Text)
    image_path: Mapped[str | None] = mapped_column(String(1000))
