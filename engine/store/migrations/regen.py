"""Regenerate the capability-tables migration (0002) from the models, while it is unreleased.

0001 holds the core tables (people, chat); 0002 the capability tables.  Run
``python -m engine.store.migrations.regen`` after changing a model module; once a release has
shipped, add a new revision with ``alembic revision --autogenerate`` instead of regenerating.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from engine.store.db import make_engine
from engine.store.migrate import MIGRATIONS, alembic_config

CAPABILITY_REV = "0002"


def main() -> None:
    versions = MIGRATIONS / "versions"
    for old in versions.glob(f"{CAPABILITY_REV}_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'regen.sqlite'}")
        cfg = alembic_config(engine)
        command.upgrade(cfg, "0001")
        command.revision(
            cfg, message="capability tables", autogenerate=True, rev_id=CAPABILITY_REV,
            head="0001",
        )
        engine.dispose()
    print("wrote", *sorted(p.name for p in versions.glob(f"{CAPABILITY_REV}_*.py")))


if __name__ == "__main__":
    main()
