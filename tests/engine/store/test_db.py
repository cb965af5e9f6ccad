import threading

import pytest
from sqlalchemy import select, text

from engine.errors import ConflictError, WorkspaceError
from engine.store import open_workspace, resolve_db_url
from engine.store.models.people import Customer


def test_resolve_order():
    assert resolve_db_url("sqlite:///a", {"OPERATOR_CONSOLE_DB": "sqlite:///b"}) == "sqlite:///a"
    assert resolve_db_url(None, {"OPERATOR_CONSOLE_DB": "sqlite:///b"}) == "sqlite:///b"
    assert resolve_db_url(None, {}).startswith("sqlite:///")
    assert resolve_db_url(None, {}).endswith("workspace.sqlite")


@pytest.mark.parametrize("url,fragment", [
    ("not a url", "not a database URL"),
    ("mysql://u@h/db", "unsupported database 'mysql'"),
    ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot open workspace"),
])
def test_bad_urls_give_clear_errors(url, fragment):
    with pytest.raises(WorkspaceError, match=fragment):
        open_workspace(url)


def test_sqlite_runs_wal_with_foreign_keys(workspace):
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_failed_unit_of_work_writes_nothing(workspace):
    with pytest.raises(RuntimeError):
        with workspace.session() as s:
            s.add(Customer(id="c1", nickname="a"))
            s.flush()
            raise RuntimeError("boom")
    with workspace.session() as s:
        assert s.get(Customer, "c1") is None


def test_concurrent_edit_is_detected_not_lost(any_db_url):
    ws = open_workspace(any_db_url)
    with ws.session() as s:
        s.add(Customer(id="c1", nickname="first"))
    # two consoles read the same version …
    with ws.session() as a_read:
        a = a_read.get(Customer, "c1")
    with ws.session() as b_read:
        b = b_read.get(Customer, "c1")
    assert a.version == b.version == 1
    # … the first saves; the second's save must be refused, not overwrite silently
    with ws.session() as s:
        s.merge(a).nickname = "from A"
    with pytest.raises(ConflictError, match="changed by someone else"):
        with ws.session() as s:
            s.merge(b).nickname = "from B"
    with ws.session() as s:
        row = s.get(Customer, "c1")
        assert (row.nickname, row.version) == ("from A", 2)
    ws.dispose()


def test_sessions_in_threads(workspace):
    errors = []

    def writer(i):
        try:
            with workspace.session() as s:
                s.add(Customer(id=f"t{i}", nickname=str(i)))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with workspace.session() as s:
        assert len(s.scalars(select(Customer.id)).all()) == 8
