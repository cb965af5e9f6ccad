"""The demo part: catalogue, histories, sessions and pushes, reproducible from the seed."""
from sqlalchemy import func, select

from engine.demo import build_demo
from engine.store import open_workspace
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
    again = open_workspace(f"sqlite:///{tmp_path / 'again.sqlite'}")
    build_demo(again, seed=7, scale="small")
    assert _summary(again) == a
    again.dispose()
    with demo_workspace.session() as s:
        # every push names a track from the catalogue and its session's expression
        bad = s.scalar(select(func.count()).select_from(ExprPush)
                       .join(ExprSession, ExprSession.id == ExprPush.session_id)
                       .where(ExprSession.expression != ExprPush.expression))
        assert bad == 0
