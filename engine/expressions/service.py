"""The whole chain against a workspace: classify a user's frames, decide, record the push."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import numpy as np
from sqlalchemy import func, select

from engine.errors import NotFoundError
from engine.expressions.analysis import Decision, History, decide
from engine.expressions.catalogue import Catalogue, load_catalogue
from engine.expressions.classifier import (CLASSES, DEFAULT_PARAMS, Classification,
                                           ClassifierParams, aggregate)
from engine.expressions.features import from_dict, to_dict
from engine.expressions.frames import FrameBatch
from engine.expressions.pipeline import batch_from_paths, features_of
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.models.expressions import (ExprBaseline, ExprListen, ExprPush, ExprSession,
                                             ExprTrack)
from engine.store.models.people import Customer

BASELINE_MIN_FRAMES = 5
BASELINE_RATE = 0.3  # weight of a new neutral capture in the running baseline


def check_user(session, user_id: str) -> None:
    if session.get(Customer, user_id) is None:
        raise NotFoundError(f"no user '{user_id}' in this workspace (customer ids look like "
                            "c000123)")


def load_user_context(ws, user_id: str) -> tuple[Catalogue, History, list[str], np.ndarray | None]:
    """Catalogue, the user's history, the track ids recently pushed and the neutral baseline."""
    with ws.session() as s:
        check_user(s, user_id)
        cat = load_catalogue(s)
        rows = s.execute(select(ExprListen.track_id, ExprListen.action, ExprListen.ts)
                         .where(ExprListen.user_id == user_id)).all()
        pushes = list(s.scalars(select(ExprPush.track_id).where(ExprPush.user_id == user_id)
                                .order_by(ExprPush.ts.desc(), ExprPush.id.desc()).limit(50)))
        base = s.get(ExprBaseline, user_id)
        baseline = from_dict(json.loads(base.features_json)) if base else None
    index = cat.index()
    keep = [(index[t], a, ts.timestamp()) for t, a, ts in rows if t in index]
    history = (History(np.array([k[0] for k in keep], int), np.array([k[1] for k in keep], object),
                       np.array([k[2] for k in keep], float)) if keep else History.empty())
    return cat, history, pushes[::-1], baseline


def user_baseline(ws, user_id: str | None) -> np.ndarray | None:
    """The user's stored neutral-face features, or None."""
    if not user_id:
        return None
    with ws.session() as s:
        row = s.get(ExprBaseline, user_id)
        return from_dict(json.loads(row.features_json)) if row else None


def _update_baseline(s, user_id: str, feats: np.ndarray, now: datetime) -> None:
    ok = feats[~np.isnan(feats).any(axis=1)]
    if len(ok) < BASELINE_MIN_FRAMES:
        return
    median = np.median(ok, axis=0)
    row = s.get(ExprBaseline, user_id)
    if row is None:
        s.add(ExprBaseline(user_id=user_id, features_json=json.dumps(to_dict(median)),
                           n_frames=len(ok), updated_at=now))
    else:
        old = from_dict(json.loads(row.features_json))
        row.features_json = json.dumps(to_dict((1 - BASELINE_RATE) * old + BASELINE_RATE * median))
        row.n_frames += len(ok)
        row.updated_at = now


def record(ws, user_id: str, source: str, result: Classification, decision: Decision,
           feats: np.ndarray, now: datetime, *, push: bool = True) -> dict:
    """Store the session and (when a track was chosen and ``push``) the push, in one transaction."""
    timeline = np.nan_to_num(result.timeline, nan=-1.0).round(3).tolist()
    with ws.session() as s:
        check_user(s, user_id)
        sess = ExprSession(user_id=user_id, source=source[:1000], created_at=now,
                           frames_total=result.frames, frames_with_face=result.face_frames,
                           expression=result.expression, confidence=result.confidence,
                           scores_json=json.dumps({k: round(v, 4) for k, v in result.scores.items()}),
                           peak_start=result.peak[0], peak_end=result.peak[1],
                           timeline_json=json.dumps(timeline), label=decision.label,
                           explanation=decision.reason)
        s.add(sess)
        s.flush()
        push_id = None
        if push and decision.track is not None:
            p = ExprPush(session_id=sess.id, user_id=user_id, track_id=decision.track["id"], ts=now,
                         frames_used=result.face_frames, expression=result.expression,
                         label=decision.label, reason=decision.reason)
            s.add(p)
            s.flush()
            push_id = p.id
        if result.expression == "neutral":
            _update_baseline(s, user_id, feats, now)
        return {"session_id": sess.id, "push_id": push_id}


def decide_for_features(ws, user_id: str, feats: np.ndarray, *, stream: bool, source: str,
                        now: datetime | None = None, params: ClassifierParams = DEFAULT_PARAMS,
                        push: bool = True, record_session: bool = True,
                        state: TaskState = NO_STATE) -> dict:
    """Aggregate per-frame features of ``user_id``, decide the content, optionally record it.

    ``record_session=False`` is a dry run (what would be pushed); ``push=False`` records the
    capture session without a push.  Returns plain data for the CLI and the pane.
    """
    from engine.errors import InputError

    now = now or datetime.now(timezone.utc)
    cat, history, pushes, baseline = load_user_context(ws, user_id)
    result = aggregate(feats, stream=stream, params=params, baseline=baseline)
    if result.expression is None:
        raise InputError("no face found in any frame; nothing was pushed", place=source)
    decision = decide(result.expression, cat, history, now, recent_pushes=pushes,
                      confidence=result.confidence)
    state.check()
    ids = (record(ws, user_id, source, result, decision, feats, now, push=push)
           if record_session else {"session_id": None, "push_id": None})
    return {"user": user_id, "source": source, **result.as_dict(), "peak": list(result.peak),
            "timeline": result.timeline, "baseline_used": baseline is not None,
            **decision.as_dict(), **ids, "ts": now.isoformat()}


def run_push(ws, user_id: str, batch: FrameBatch, *, model_path: str | None = None,
             now: datetime | None = None, params: ClassifierParams = DEFAULT_PARAMS,
             push: bool = True, state: TaskState = NO_STATE) -> dict:
    """Classify ``batch`` for ``user_id``, pick content, record the session and push."""
    with ws.session() as s:
        check_user(s, user_id)
    faces, feats = features_of(batch.frames, stream=batch.stream, model_path=model_path,
                               state=SubState(state, 0.0, 0.9))
    no_face = ([f.origin for f, found in zip(batch.frames, faces.found) if not found]
               if not batch.stream else [])
    out = decide_for_features(ws, user_id, feats, stream=batch.stream, source=batch.source,
                              now=now, params=params, push=push, state=state)
    out.pop("timeline")
    out["no_face"] = no_face  # still images in which no face was found (not used)
    state.set_progress(1.0, "pushed" if push else "analysed")
    return out


def push_paths(ws, user_id: str, paths: list[str], *, model_path: str | None = None,
               now: datetime | None = None, state: TaskState = NO_STATE) -> dict:
    with ws.session() as s:
        check_user(s, user_id)
    batch = batch_from_paths(paths, user_id)
    return run_push(ws, user_id, batch, model_path=model_path, now=now, state=state)


def recent_pushes(ws, limit: int = 200, user_id: str | None = None) -> list[dict]:
    """Latest pushes as plain rows (for the pane's table)."""
    with ws.session() as s:
        q = (select(ExprPush.id, ExprPush.ts, ExprPush.user_id, Customer.nickname,
                    ExprPush.expression, ExprPush.label, ExprTrack.title, ExprTrack.artist,
                    ExprPush.frames_used, ExprPush.reason, ExprSession.confidence)
             .join(ExprTrack, ExprTrack.id == ExprPush.track_id)
             .join(ExprSession, ExprSession.id == ExprPush.session_id)
             .outerjoin(Customer, Customer.id == ExprPush.user_id)
             .order_by(ExprPush.ts.desc(), ExprPush.id.desc()).limit(limit))
        if user_id:
            q = q.where(ExprPush.user_id == user_id)
        return [dict(r._mapping) for r in s.execute(q)]


def last_session(ws) -> dict | None:
    with ws.session() as s:
        row = s.scalars(select(ExprSession).order_by(ExprSession.created_at.desc(),
                                                     ExprSession.id.desc()).limit(1)).first()
        if row is None:
            return None
        pushed = s.execute(select(ExprTrack.title, ExprTrack.artist, ExprTrack.genre)
                           .join(ExprPush, ExprPush.track_id == ExprTrack.id)
                           .where(ExprPush.session_id == row.id)).first()
        return {"id": row.id, "user_id": row.user_id, "source": row.source,
                "track_text": (f"{pushed[0]} — {pushed[1]}  [{pushed[2]}]" if pushed else ""),
                "created_at": row.created_at, "expression": row.expression,
                "confidence": row.confidence, "scores": json.loads(row.scores_json),
                "timeline": json.loads(row.timeline_json), "label": row.label,
                "explanation": row.explanation, "frames": row.frames_total,
                "face_frames": row.frames_with_face, "peak": (row.peak_start, row.peak_end)}


def users_with_history(ws, limit: int = 50) -> list[tuple[str, str]]:
    """(id, nickname) of the users with the most listening events."""
    with ws.session() as s:
        rows = s.execute(select(ExprListen.user_id, Customer.nickname, func.count())
                         .join(Customer, Customer.id == ExprListen.user_id)
                         .group_by(ExprListen.user_id, Customer.nickname)
                         .order_by(func.count().desc(), ExprListen.user_id).limit(limit)).all()
    return [(r[0], r[1] or "") for r in rows]


__all__ = ["CLASSES", "last_session", "push_paths", "recent_pushes", "run_push"]
