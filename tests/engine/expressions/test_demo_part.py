"""The demo part: catalogue, histories, sessions and pushes, reproducible from the seed."""
from sqlalchemy import func, select

from engine.store.models.expressions import ExprListen, ExprPush, ExprSession, ExprTrack


def _summary(ws):
    with ws.session() as s:
        return (s.scalar(select(func.count()).select_from(ExprTrack)),
                s.scalar(select(func.count()).select_from(ExprListen)),
                s.scalar(select(func.count()).select_from(ExprPush)),
                tuple(s.scalars(select(ExprPush.label).order_by(ExprPush.id))),
                tuple(s.scalars(select(ExprSession.expression).order_by(ExprSession.id))))


def test_demo_part_is_reproducible_and_consistent(demo_workspace, tmp_path):
    a = _summary(demo_workspace)
    assert a[0] >= 100 and a[1] >= 1000 and a[2] >= 20
    assert len(set(a[4])) >= 4  # several expressions in the past sessions
    # the same seed gives the same rows, whatever other demo parts exist
    from tests.engine.expressions._demo import light_demo_workspace

    again = light_demo_workspace(tmp_path / "again.sqlite")
    assert _summary(again) == a
    again.dispose()
    with demo_workspace.session() as s:
        # every push names a track from the catalogue and its session's expression
        bad = s.scalar(select(func.count()).select_from(ExprPush)
                       .join(ExprSession, ExprSession.id == ExprPush.session_id)
                       .where(ExprSession.expression != ExprPush.expression))
        assert bad == 0
