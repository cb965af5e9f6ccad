"""Workspace storage: SQLAlchemy 2 models, engine/session set-up and Alembic migrations."""
from engine.store.db import Workspace, default_db_url, open_workspace, resolve_db_url

__all__ = ["Workspace", "default_db_url", "open_workspace", "resolve_db_url"]
