"""Test set-up shared by every test: offscreen Qt, settings in tmp, no leaked threads."""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

# pytest-qt has no ini key for the platform; without a display Qt would abort.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.postgres import postgres_server  # noqa: E402,F401  (session fixture)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _fresh_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own config dir and no OPERATOR_CONSOLE_DB from the environment."""
    monkeypatch.setenv("OPERATOR_CONSOLE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("OPERATOR_CONSOLE_DB", raising=False)


@pytest.fixture(autouse=True)
def _dangling_threads():
    """Fail a test that leaves Python threads running (napari's _dangling_qthreads idea)."""
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate() if t not in before and t.is_alive()
              and not t.daemon]
    for t in leaked:
        t.join(timeout=5)
    leaked = [t for t in leaked if t.is_alive()]
    assert not leaked, f"test left threads running: {leaked}"


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'workspace.sqlite'}"


@pytest.fixture
def workspace(sqlite_url):
    from engine.store import open_workspace

    ws = open_workspace(sqlite_url)
    yield ws
    ws.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db_url(request, tmp_path):
    """A fresh empty database on SQLite and, where a server could be started, on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.sqlite'}"
        return
    server = request.getfixturevalue("postgres_server")
    yield server.new_database()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    """The small demo workspace (seed 7), built once per test run."""
    from engine.demo import build_demo
    from engine.store import open_workspace

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    ws = open_workspace(f"sqlite:///{path}")
    build_demo(ws, seed=7, scale="small")
    ws.dispose()  # closing the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def demo_workspace(_demo_template, tmp_path):
    """A private copy of the small demo workspace: tests may change it freely."""
    import shutil

    from engine.store import open_workspace

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(_demo_template, path)
    for suffix in ("-wal", "-shm"):
        extra = _demo_template.with_name(_demo_template.name + suffix)
        if extra.exists():
            shutil.copyfile(extra, path.with_name(path.name + suffix))
    ws = open_workspace(f"sqlite:///{path}")
    yield ws
    ws.dispose()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder not found beside the repo ({SHARED})")
    return SHARED
