"""Reading and writing workspace_info facts."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engine.store.models.meta import WorkspaceInfo
from engine.store.models.people import Customer, Staff


def get_info(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(WorkspaceInfo, key)
    return row.value if row else default


def set_info(session: Session, key: str, value: str) -> None:
    session.merge(WorkspaceInfo(key=key, value=value))


def is_empty(session: Session) -> bool:
    """True for a workspace nobody has put data in yet (no staff, no customers, no demo)."""
    if get_info(session, "demo_seed") is not None:
        return False
    staff = session.scalar(select(func.count()).select_from(Staff))
    customers = session.scalar(select(func.count()).select_from(Customer))
    return not staff and not customers
