"""All workspace models; importing this package registers every table on ``Base.metadata``.

One module per domain.  A domain changes its tables only through a new Alembic migration
(``python -m engine.store.migrations.regen`` while the schema is still unreleased).
"""
from engine.store.base import Base
from engine.store.models import meta, people, chat  # noqa: F401  (register tables)
from engine.store.models import profiles, fraud, avatars, expressions, nudges  # noqa: F401

__all__ = ["Base"]
