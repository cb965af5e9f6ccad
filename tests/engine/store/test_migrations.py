from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, insert, select

from engine.store import migrate
from engine.store.db import Workspace
from engine.store.models import Base
from engine.store.models.people import Customer


def test_upgrade_from_empty_matches_models(any_db_url):
    ws = Workspace(any_db_url)
    migrate.upgrade(ws.engine)
    assert migrate.current_revision(ws.engine) == migrate.head_revision()
    tables = set(inspect(ws.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"models and migrations disagree: {diff}"
    ws.dispose()


def test_older_workspace_is_upgraded_in_place_keeping_data(any_db_url):
    ws = Workspace(any_db_url)
    migrate.upgrade(ws.engine, "0001")
    assert migrate.current_revision(ws.engine) == "0001"
    with ws.engine.begin() as conn:
        conn.execute(insert(Customer), [{"id": "c1", "nickname": "老王", "version": 1,
                                          "created_at": Customer.created_at.default.arg(None),
                                          "updated_at": Customer.created_at.default.arg(None)}])
    migrate.upgrade(ws.engine)
    assert migrate.current_revision(ws.engine) == migrate.head_revision()
    with ws.session() as s:
        assert s.scalar(select(Customer.nickname).where(Customer.id == "c1")) == "老王"
    ws.dispose()


def test_upgrade_is_idempotent(sqlite_url):
    ws = Workspace(sqlite_url)
    migrate.upgrade(ws.engine)
    migrate.upgrade(ws.engine)
    assert migrate.current_revision(ws.engine) == migrate.head_revision()
    ws.dispose()
