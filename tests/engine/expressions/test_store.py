"""Catalogue import, session + push records and baselines on SQLite and PostgreSQL."""
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest
from sqlalchemy import func, insert, select

from engine.errors import InputError, NotFoundError
from engine.expressions.catalogue import import_catalogue
from engine.expressions.features import F, NEUTRAL_VECTOR
from engine.expressions.service import (decide_for_features, last_session, recent_pushes,
                                        user_baseline)
from engine.store import open_workspace
from engine.store.models.expressions import ExprBaseline, ExprListen, ExprPush, ExprTrack
from engine.store.models.people import Customer

NOW = datetime(2026, 10, 3, 9, 0, tzinfo=timezone.utc)
CSV = ("id,title,artist,genre,mood,valence,energy,duration_s,tags\n"
       "t1,Sunny,A,pop,upbeat,0.9,0.8,200,\n"
       "t2,Sunnier,A,pop,upbeat,0.85,0.75,210,\n"
       "t3,Quiet Room,B,acoustic,calm,0.5,0.25,180,\n"
       "t4,Rainy Day,C,ballad,melancholic,0.35,0.3,240,\n")


@pytest.fixture
def ws(any_db_url, tmp_path):
    ws = open_workspace(any_db_url)
    with ws.session() as s:
        s.execute(insert(Customer), [{"id": "c1", "nickname": "小王", "version": 1},
                                     {"id": "c2", "nickname": "Amy", "version": 1}])
    path = tmp_path / "tracks.csv"
    path.write_text(CSV, encoding="utf-8")
    assert import_catalogue(ws, path) == {"tracks": 4, "updated": 0, "added": 4}
    yield ws
    ws.dispose()


def smiles(n=12, burst=(5, 9)):
    feats = np.tile(NEUTRAL_VECTOR, (n, 1))
    feats[burst[0]:burst[1], F["smile"]] = 0.85
    return feats


def test_push_round_trip_and_no_repeat(ws):
    with ws.session() as s:
        s.execute(insert(ExprListen), [{"user_id": "c1", "track_id": "t1", "action": "skipped",
                                        "ts": NOW - timedelta(days=1)}])
    a = decide_for_features(ws, "c1", smiles(), stream=True, source="cam", now=NOW)
    b = decide_for_features(ws, "c1", smiles(), stream=True, source="cam",
                            now=NOW + timedelta(minutes=1))
    assert a["expression"] == b["expression"] == "happy"
    assert a["track"]["id"] == "t2"  # t1 was skipped by this user
    assert b["track"]["id"] != a["track"]["id"]
    rows = recent_pushes(ws)
    assert [r["user_id"] for r in rows] == ["c1", "c1"]
    assert rows[0]["ts"] > rows[1]["ts"] and rows[0]["nickname"] == "小王"
    last = last_session(ws)
    assert last["expression"] == "happy" and len(last["timeline"]) == 12
    assert last["created_at"].tzinfo is not None


def test_dry_run_records_nothing_and_neutral_updates_baseline(ws):
    dry = decide_for_features(ws, "c2", smiles(), stream=True, source="cam", now=NOW,
                              record_session=False)
    assert dry["session_id"] is None and dry["track"] is not None
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(ExprPush)) == 0
    resting = np.tile(NEUTRAL_VECTOR, (10, 1))
    resting[:, F["smile"]] = 0.3
    assert user_baseline(ws, "c2") is None
    decide_for_features(ws, "c2", resting, stream=True, source="cam", now=NOW, push=False)
    assert user_baseline(ws, "c2")[F["smile"]] == pytest.approx(0.3, abs=1e-3)
    with ws.session() as s:
        base = s.get(ExprBaseline, "c2")
        assert base.n_frames == 10 and '"smile": 0.3' in base.features_json
    # with the baseline, c2's resting smile is neutral even as a single still
    out = decide_for_features(ws, "c2", resting[:1], stream=False, source="img", now=NOW,
                              record_session=False)
    assert out["expression"] == "neutral" and out["baseline_used"]


def test_errors_name_the_problem(ws, tmp_path):
    with pytest.raises(NotFoundError):
        decide_for_features(ws, "ghost", smiles(), stream=True, source="cam", now=NOW)
    with pytest.raises(InputError, match="no face found"):
        decide_for_features(ws, "c1", np.full((5, len(NEUTRAL_VECTOR)), np.nan), stream=True,
                            source="cam", now=NOW)
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.replace("t4,Rainy Day,C,ballad,melancholic,0.35,0.3,240,",
                               "t5,New,D,rock,intense,2,0.3,240,"), encoding="utf-8")
    with pytest.raises(InputError, match="bad.csv:5"):
        import_catalogue(ws, bad)
    with ws.session() as s:  # all or nothing: t5 not added
        assert s.get(ExprTrack, "t5") is None
    again = tmp_path / "again.csv"
    again.write_text(CSV.replace("Sunny,A", "Sunny (remaster),A"), encoding="utf-8")
    assert import_catalogue(ws, again) == {"tracks": 4, "updated": 4, "added": 0}
    with ws.session() as s:
        assert s.get(ExprTrack, "t1").title == "Sunny (remaster)"
