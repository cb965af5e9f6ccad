"""Workspace-wide key/value facts (how and when the workspace was created, demo seed…)."""
from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from engine.store.base import Base


class WorkspaceInfo(Base):
    __tablename__ = "workspace_info"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
