"""Fixtures of the expressions pane tests."""
import pytest


@pytest.fixture(scope="module")
def expr_workspace(tmp_path_factory):
    """People + expressions demo parts (seed 7), shared by the module's tests."""
    from tests.engine.expressions._demo import light_demo_workspace

    ws = light_demo_workspace(tmp_path_factory.mktemp("expr") / "demo.sqlite")
    yield ws
    ws.dispose()
