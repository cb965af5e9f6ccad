"""Background work of the expressions pane (plain functions run by the task runner, no widgets).

Each returns plain data; the pane shows it on the GUI thread.
"""
from __future__ import annotations

import numpy as np

from engine.errors import ResourceMissingError
from engine.expressions.classifier import CLASSES
from engine.progress import NO_STATE, SubState, TaskState


def load_pane_state(workspace, model_path: str | None, user: str | None,
                    state: TaskState = NO_STATE) -> dict:
    """Background load: users, recent pushes, model status and a dry run on the demo video."""
    from engine.expressions.frames import open_video, read_batch
    from engine.expressions.modelfile import find_model
    from engine.expressions.overlay import draw_mesh
    from engine.expressions.pipeline import features_of
    from engine.expressions.samples import demo_video
    from engine.expressions.service import (decide_for_features, last_session, recent_pushes,
                                            users_with_history)

    out: dict = {"users": users_with_history(workspace), "pushes": recent_pushes(workspace),
                 "last": last_session(workspace), "model_error": None, "demo_video": None,
                 "dry_run": None}
    state.set_progress(0.1, "workspace")
    try:
        out["model"] = str(find_model(model_path))
    except ResourceMissingError as exc:
        out["model_error"] = str(exc)
        return out
    video = demo_video()
    out["demo_video"] = str(video) if video else None
    state.set_progress(0.3, "demo video")
    if video is None:
        return out
    user = user or (out["users"][0][0] if out["users"] else None)
    with open_video(video) as src:
        batch = read_batch(src, None, user)
    faces, feats = features_of(batch.frames, stream=True, model_path=out["model"],
                               state=SubState(state, 0.3, 0.95))
    if user is None:
        return out
    result = decide_for_features(workspace, user, feats, stream=True, source=str(video),
                                 record_session=False)
    start, end = result["peak"]
    column = CLASSES.index(result["expression"])
    strongest = np.nan_to_num(result["timeline"][start:end, column], nan=-1.0)
    peak = min(start + int(np.argmax(strongest)) if end > start else 0, len(batch.frames) - 1)
    result["still"] = draw_mesh(batch.frames[peak].rgb, faces.landmarks[peak])
    result["still_features"] = feats[peak]
    result["still_frame"] = peak
    result["frame_numbers"] = list(range(len(batch.frames)))
    out["dry_run"] = result
    state.set_progress(1.0, "ready")
    return out


def analyse_capture(workspace, user: str, payload: dict, state: TaskState = NO_STATE) -> dict:
    """Background: aggregate captured frame features for ``user`` and decide (dry run)."""
    from engine.expressions.service import decide_for_features

    result = decide_for_features(workspace, user, payload["features"], stream=payload["stream"],
                                 source=payload["source"], record_session=False, state=state)
    result["frame_numbers"] = payload["frame_numbers"]
    result["features"] = payload["features"]
    return result


def record_push(workspace, user: str, payload: dict, state: TaskState = NO_STATE) -> dict:
    from engine.expressions.service import decide_for_features, recent_pushes

    result = decide_for_features(workspace, user, payload["features"], stream=payload["stream"],
                                 source=payload["source"], push=True, state=state)
    return {"result": result, "pushes": recent_pushes(workspace)}
