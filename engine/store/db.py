"""Opening a workspace: one database URL (SQLite file by default, or PostgreSQL)."""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from engine.errors import ConflictError, WorkspaceError

ENV_VAR = "OPERATOR_CONSOLE_DB"
APP_NAME = "operator-console"


def default_db_url() -> str:
    """SQLite workspace in the user's data directory (platformdirs)."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'workspace.sqlite'}"


def resolve_db_url(cli_value: str | None = None, environ: dict | None = None) -> str:
    """``--db`` wins over ``OPERATOR_CONSOLE_DB``, which wins over the default SQLite file."""
    environ = os.environ if environ is None else environ
    return cli_value or environ.get(ENV_VAR) or default_db_url()


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # Let SQLAlchemy, not pysqlite, decide when transactions begin, so DDL in migrations and
    # SAVEPOINTs are transactional too (the SQLAlchemy "pysqlite serializable" recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create an engine for ``url`` or raise :class:`WorkspaceError` that says what is wrong."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise WorkspaceError(
            f"'{url}' is not a database URL; use e.g. sqlite:///path/to/workspace.sqlite "
            f"or postgresql+psycopg://user@host/dbname"
        ) from exc
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", "postgresql"):
        raise WorkspaceError(f"unsupported database '{backend}' in '{url}': use sqlite or postgresql")
    kwargs: dict = {}
    if backend == "sqlite":
        db = parsed.database
        if db and db != ":memory:":
            path = Path(db).expanduser()
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"cannot create folder for workspace {path}: {exc}") from exc
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    try:
        engine = create_engine(parsed, **kwargs)
    except (NoSuchModuleError, ImportError) as exc:
        raise WorkspaceError(f"no driver for '{parsed.drivername}' in '{url}': {exc}") from exc
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


class Workspace:
    """An open workspace: the SQLAlchemy engine plus transactional sessions.

    Use ``with ws.session() as s:`` for a unit of work: it commits on success, rolls back on any
    error (nothing half-written), and reports an optimistic-lock clash as :class:`ConflictError`.
    Each thread opens its own session; hand plain data, not ORM objects, across threads.
    """

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_name(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            session.rollback()
            raise ConflictError(
                "this record was changed by someone else since you opened it; "
                "reload to see their change, then edit again"
            ) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def check_connection(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            raise WorkspaceError(
                f"cannot open workspace {self.display_name}: {exc.orig}".strip()
            ) from exc
        except SQLAlchemyError as exc:
            raise WorkspaceError(f"cannot open workspace {self.display_name}: {exc}") from exc

    def dispose(self) -> None:
        self.engine.dispose()


def open_workspace(url: str | None = None, *, upgrade: bool = True) -> Workspace:
    """Open (creating if needed) the workspace at ``url`` and upgrade its schema to the newest."""
    from engine.store import migrate

    ws = Workspace(resolve_db_url(url))
    ws.check_connection()
    if upgrade:
        migrate.upgrade(ws.engine)
    return ws
