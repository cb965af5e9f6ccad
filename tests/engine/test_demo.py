import hashlib

import pytest
from sqlalchemy import select

from engine.demo import build_demo
from engine.errors import WorkspaceError
from engine.store import open_workspace
from engine.store.models import Base


def digest(ws) -> dict[str, str]:
    out = {}
    with ws.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = conn.execute(select(table).order_by(*table.primary_key.columns)).all()
            out[table.name] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


@pytest.mark.slow
def test_same_seed_same_workspace_other_seed_differs(tmp_path):
    a = open_workspace(f"sqlite:///{tmp_path / 'a.sqlite'}")
    b = open_workspace(f"sqlite:///{tmp_path / 'b.sqlite'}")
    c = open_workspace(f"sqlite:///{tmp_path / 'c.sqlite'}")
    counts = build_demo(a, seed=11)
    assert counts["staff"] >= 20 and counts["customers"] >= 2000
    build_demo(b, seed=11)
    build_demo(c, seed=12)
    da, db, dc = digest(a), digest(b), digest(c)
    assert da == db
    assert da["customer"] != dc["customer"]
    for ws in (a, b, c):
        ws.dispose()


def test_demo_refuses_to_overwrite_data(demo_workspace):
    with pytest.raises(WorkspaceError, match="already holds data"):
        build_demo(demo_workspace, seed=1)


@pytest.mark.slow
@pytest.mark.postgres
def test_demo_builds_on_postgresql_like_on_sqlite(postgres_server, demo_workspace):
    """Same code, both backends: every capability's demo part writes the same rows on PostgreSQL."""
    from sqlalchemy import func

    pg = open_workspace(postgres_server.new_database())
    build_demo(pg, seed=7)
    with pg.engine.connect() as a, demo_workspace.engine.connect() as b:
        for table in Base.metadata.sorted_tables:
            count_pg = a.scalar(select(func.count()).select_from(table))
            count_sqlite = b.scalar(select(func.count()).select_from(table))
            assert count_pg == count_sqlite, table.name
    pg.dispose()
