"""Where a workspace keeps image files: ``<workspace file>.media/`` beside a SQLite workspace, the
user data folder ``media/<database>/`` for PostgreSQL.  A message's ``image_path`` that is not
absolute is relative to this folder (the demo stores its pictures so, which keeps the workspace
identical for a seed wherever it lives)."""
from __future__ import annotations

from pathlib import Path


def media_root(url) -> Path:
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db = Path(url.database)
        return db.with_name(db.name + ".media")
    from platformdirs import user_data_dir

    return Path(user_data_dir("operator-console", appauthor=False)) / "media" / (url.database or "memory")


def resolve(url, image_path: str | None) -> str | None:
    if not image_path:
        return image_path
    p = Path(image_path)
    return str(p if p.is_absolute() else media_root(url) / p)
