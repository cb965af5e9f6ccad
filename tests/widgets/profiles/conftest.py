"""One demo workspace per module, copied per test (building the demo takes seconds)."""
import shutil

import pytest


@pytest.fixture(scope="module")
def _demo_file(tmp_path_factory):
    from engine.demo import build_demo
    from engine.store import open_workspace

    path = tmp_path_factory.mktemp("profiles-demo") / "demo.sqlite"
    ws = open_workspace(f"sqlite:///{path}")
    build_demo(ws, seed=7, scale="small")
    ws.dispose()
    return path


@pytest.fixture
def profiles_workspace(_demo_file, tmp_path):
    from engine.store import open_workspace

    target = tmp_path / "demo.sqlite"
    shutil.copy(_demo_file, target)
    ws = open_workspace(f"sqlite:///{target}")
    yield ws
    ws.dispose()
