"""The real chain with the MediaPipe model: labelled photos, burst videos, push records."""
import json
from datetime import datetime, timezone

import numpy as np
import pytest
from sqlalchemy import func, select

from engine.errors import InputError, NotFoundError
from engine.store.models.expressions import ExprBaseline, ExprPush, ExprSession

pytestmark = pytest.mark.slow
NOW = datetime(2026, 10, 2, 20, 30, tzinfo=timezone.utc)


def test_labelled_photos_meet_the_targets(faces_dir, model_path):
    from engine.expressions.pipeline import classify_paths

    paths = sorted(p for p in faces_dir.glob("*/*") if p.suffix.lower() in (".png", ".jpg"))
    rows = classify_paths(paths, model_path=model_path)
    truth = [p.parent.name for p in paths]
    pred = [r["expression"] for r in rows]
    correct = np.array(truth) == np.array(pred)
    assert correct.mean() >= 0.7, list(zip(truth, pred))
    for label in ("happy", "neutral", "surprised"):
        mask = np.array(truth) == label
        assert correct[mask].mean() >= 0.85, (label, list(zip(truth, pred)))


def test_blank_image_says_no_face(tmp_path, model_path):
    import cv2

    from engine.expressions.pipeline import classify_paths

    blank = tmp_path / "wall.png"
    cv2.imwrite(str(blank), np.full((240, 320, 3), 200, np.uint8))
    (row,) = classify_paths([blank], model_path=model_path)
    assert row["expression"] is None and row["error"] == "no face found" and row["frames"] == 1


def test_burst_videos_stand_in_for_a_webcam(burst_videos, model_path):
    from engine.expressions.pipeline import classify_paths

    rows = {r["path"]: r for r in classify_paths(list(burst_videos.values()), model_path=model_path)}
    burst, faint, none = (rows[str(burst_videos[k])] for k in ("burst", "faint", "none"))
    assert burst["expression"] == "happy" and burst["frames"] == 40 and burst["face_frames"] == 40
    assert faint["expression"] == "happy"
    assert none["expression"] == "neutral"


def test_push_records_session_and_push_and_does_not_repeat(expr_workspace, burst_videos,
                                                           model_path):
    from engine.expressions.pipeline import batch_from_paths
    from engine.expressions.service import push_paths, run_push

    ws = expr_workspace
    user = "c000001"
    first = push_paths(ws, user, [str(burst_videos["burst"])], model_path=model_path, now=NOW)
    assert first["expression"] == "happy" and first["label"].startswith("upbeat")
    assert first["track"] and first["push_id"]
    batch = batch_from_paths([str(burst_videos["burst"])], user)
    second = run_push(ws, user, batch, model_path=model_path, now=NOW)
    assert second["track"]["id"] != first["track"]["id"]
    with ws.session() as s:
        push = s.get(ExprPush, first["push_id"])
        assert (push.user_id, push.frames_used, push.expression) == (user, 40, "happy")
        sess = s.get(ExprSession, first["session_id"])
        assert len(json.loads(sess.timeline_json)) == 40 and sess.label == first["label"]
        assert s.get(ExprBaseline, user) is None  # only neutral captures update the baseline
    neutral = push_paths(ws, user, [str(burst_videos["none"])], model_path=model_path, now=NOW)
    assert neutral["expression"] == "neutral"
    with ws.session() as s:
        assert s.get(ExprBaseline, user).n_frames == 40


def test_push_errors_leave_nothing_behind(expr_workspace, burst_videos, model_path, tmp_path):
    import cv2

    from engine.expressions.service import push_paths

    ws = expr_workspace
    with ws.session() as s:
        before = s.scalar(select(func.count()).select_from(ExprSession))
    with pytest.raises(NotFoundError, match="no user 'nobody'"):
        push_paths(ws, "nobody", [str(burst_videos["burst"])], model_path=model_path)
    blank = tmp_path / "blank.jpg"
    cv2.imwrite(str(blank), np.zeros((200, 200, 3), np.uint8))
    with pytest.raises(InputError, match="no face found"):
        push_paths(ws, "c000002", [str(blank)], model_path=model_path)
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(ExprSession)) == before
