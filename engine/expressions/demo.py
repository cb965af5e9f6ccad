"""Demo part: a music catalogue, listening histories by time of day, past captures and pushes."""
from __future__ import annotations

import json
from datetime import timedelta

import numpy as np

from engine.demo.common import DEMO_EPOCH, bulk_insert
from engine.expressions.analysis import History, decide
from engine.expressions.catalogue import Catalogue
from engine.expressions.classifier import CLASSES
from engine.progress import NO_STATE, TaskState
from engine.store.models.expressions import ExprListen, ExprPush, ExprSession, ExprTrack

# genre -> (valence centre, energy centre, moods)
GENRES = {
    "pop": (0.75, 0.70, ("upbeat", "happy")),
    "dance": (0.80, 0.85, ("energetic", "upbeat")),
    "rock": (0.55, 0.80, ("energetic", "intense")),
    "acoustic": (0.55, 0.30, ("calm", "warm")),
    "ballad": (0.35, 0.30, ("melancholic", "tender")),
    "jazz": (0.60, 0.40, ("relaxed", "smooth")),
    "classical": (0.50, 0.25, ("calm", "serene")),
    "lo-fi": (0.55, 0.20, ("calm", "focus")),
    "hip-hop": (0.60, 0.75, ("confident", "energetic")),
    "folk": (0.60, 0.35, ("warm", "nostalgic")),
    "c-pop": (0.65, 0.55, ("sweet", "upbeat")),
}
WORDS_EN = ["Morning", "River", "Neon", "Paper", "Golden", "Quiet", "Summer", "Midnight", "Blue",
            "Falling", "City", "Ocean", "Little", "Wild", "Silver", "Empty", "Bright", "Slow"]
NOUNS_EN = ["Lights", "Road", "Heart", "Rain", "Dreams", "Window", "Stars", "Song", "Streets",
            "Garden", "Letters", "Waves", "Echo", "Fire", "Sky"]
WORDS_CN = ["晴天", "夜空", "远方", "微风", "海边", "小城", "星光", "旧时光", "回家", "雨后", "月亮",
            "春天", "晚安", "彩虹", "山丘"]
ARTISTS = ["Lumen Park", "The Paper Boats", "Mira Chen", "陈一鸣", "北岸乐队", "Kite Theory",
           "Aria Lowe", "林小夏", "Slow Harbor", "Neon Tiger", "周末乐团", "Jade Rivers",
           "Old Lantern", "Sunday Static", "白鸽", "Oak & Ash"]
SIZES = {"small": {"tracks": 160, "users": 150, "events": 40, "sessions": 36},
         "large": {"tracks": 3000, "users": 10000, "events": 50, "sessions": 3000}}
ACTIONS = np.array(["played", "skipped", "liked"], dtype=object)


def _catalogue(rng, n: int) -> list[dict]:
    genres = list(GENRES)
    g = rng.integers(len(genres), size=n)
    rows = []
    for i in range(n):
        genre = genres[g[i]]
        v0, e0, moods = GENRES[genre]
        v = float(np.clip(rng.normal(v0, 0.12), 0.02, 0.98))
        e = float(np.clip(rng.normal(e0, 0.12), 0.02, 0.98))
        if rng.random() < 0.35:
            title = WORDS_CN[rng.integers(len(WORDS_CN))] + ("" if rng.random() < 0.5 else
                                                             WORDS_CN[rng.integers(len(WORDS_CN))])
        else:
            title = f"{WORDS_EN[rng.integers(len(WORDS_EN))]} {NOUNS_EN[rng.integers(len(NOUNS_EN))]}"
        rows.append({"id": f"t{i:05d}", "title": title, "artist": ARTISTS[rng.integers(len(ARTISTS))],
                     "genre": genre, "mood": moods[rng.integers(len(moods))],
                     "tags": ",".join(sorted({moods[0], genre})), "valence": round(v, 3),
                     "energy": round(e, 3), "duration_s": int(rng.integers(140, 320))})
    return rows


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    from engine.demo.people import SIZES as PEOPLE_SIZES, customer_id

    rng = np.random.default_rng(seed)
    size = SIZES[scale]
    tracks = _catalogue(rng, size["tracks"])
    bulk_insert(session, ExprTrack, tracks)
    state.set_progress(0.2, "music catalogue")

    n_cust = PEOPLE_SIZES[scale]["customers"]
    users = np.sort(rng.choice(n_cust, size=min(size["users"], n_cust), replace=False))
    genres = np.array([t["genre"] for t in tracks])
    genre_names = np.array(list(GENRES))
    by_genre = {g: np.flatnonzero(genres == g) for g in genre_names}
    n_users, per = len(users), size["events"]
    # each user: a daytime favourite genre and an evening/night favourite (vectorised draws)
    day_fav = rng.integers(len(genre_names), size=n_users)
    night_fav = rng.integers(len(genre_names), size=n_users)
    disliked = rng.integers(len(genre_names), size=n_users)
    m = n_users * per
    owner = np.repeat(np.arange(n_users), per)
    age_s = rng.integers(0, 60 * 86400, size=m)
    hour = rng.choice(24, size=m, p=np.r_[np.full(7, 0.01), np.full(11, 0.05), np.full(6, 0.065)]
                      / np.r_[np.full(7, 0.01), np.full(11, 0.05), np.full(6, 0.065)].sum())
    evening = (hour >= 18) | (hour < 6)
    pick = rng.random(m)
    fav = np.where(evening, night_fav[owner], day_fav[owner])
    genre_idx = np.where(pick < 0.6, fav, np.where(pick < 0.75, disliked[owner],
                                                   rng.integers(len(genre_names), size=m)))
    # a random track of each event's genre, vectorised: tracks sorted by genre + offsets
    counts = np.array([len(by_genre[g]) for g in genre_names])
    genre_idx = np.where(counts[genre_idx] > 0, genre_idx, int(np.argmax(counts)))
    order = np.concatenate([by_genre[g] for g in genre_names])
    starts = np.r_[0, np.cumsum(counts)[:-1]]
    track_rows = order[starts[genre_idx] + (rng.random(m) * counts[genre_idx]).astype(int)]
    action = np.where(genre_idx == disliked[owner], np.where(rng.random(m) < 0.7, 1, 0),
                      np.where(rng.random(m) < 0.2, 2, np.where(rng.random(m) < 0.1, 1, 0)))
    day = (DEMO_EPOCH - timedelta(days=1)).replace(hour=0)
    listen_rows = [{"user_id": customer_id(int(users[owner[k]])),
                    "track_id": tracks[int(track_rows[k])]["id"], "action": str(ACTIONS[action[k]]),
                    "ts": day - timedelta(days=int(age_s[k] // 86400)) + timedelta(hours=int(hour[k]),
                                                                                   minutes=int(age_s[k] % 60))}
                   for k in range(m)]
    bulk_insert(session, ExprListen, listen_rows)
    state.set_progress(0.6, "listening history")

    # past capture sessions and their pushes, decided by the real analysis model
    cat = Catalogue(np.array([t["id"] for t in tracks], object),
                    np.array([t["title"] for t in tracks], object),
                    np.array([t["artist"] for t in tracks], object), genres.astype(object),
                    np.array([t["mood"] for t in tracks], object),
                    np.array([t["valence"] for t in tracks], float),
                    np.array([t["energy"] for t in tracks], float))
    ts_all = np.array([r["ts"].timestamp() for r in listen_rows])
    sess_rows, push_rows = [], []
    expr_p = np.array([0.35, 0.25, 0.12, 0.1, 0.08, 0.04, 0.06])
    pushed: dict[int, list[str]] = {}
    for k in range(size["sessions"]):
        u = int(rng.integers(n_users))
        expression = str(rng.choice(CLASSES, p=expr_p))
        ci = CLASSES.index(expression)
        frames = int(rng.choice([30, 45, 60]))
        start = int(rng.integers(5, frames - 8))
        length = int(rng.integers(3, 8))
        base = np.tile(np.r_[0.62, np.full(6, 0.38 / 6)], (frames, 1))
        conf = float(np.clip(rng.normal(0.72, 0.12), 0.4, 0.97))
        if ci:
            peak = np.full(7, (1 - conf) / 6)
            peak[ci] = conf
            base[start:start + length] = peak
        base += rng.normal(0, 0.02, base.shape)
        base = np.clip(base, 0, 1)
        base /= base.sum(axis=1, keepdims=True)
        scores = base[start:start + length].mean(axis=0) if ci else base.mean(axis=0)
        when = DEMO_EPOCH - timedelta(hours=int(rng.integers(1, 24 * 14)), minutes=int(rng.integers(60)))
        mask = slice(u * per, (u + 1) * per)  # events are grouped by user
        hist = History(track_rows[mask], ACTIONS[action[mask]], ts_all[mask])
        decision = decide(expression, cat, hist, when, recent_pushes=pushed.get(u, []),
                          confidence=float(scores[ci]))
        sid = k + 1
        uid = customer_id(int(users[u]))
        sess_rows.append({"id": sid, "user_id": uid,
                          "source": ["camera:0", "demo_burst.avi", "images:3"][k % 3],
                          "created_at": when, "frames_total": frames, "frames_with_face": frames,
                          "expression": expression, "confidence": float(scores[ci]),
                          "scores_json": json.dumps({c: round(float(v), 4)
                                                     for c, v in zip(CLASSES, scores)}),
                          "peak_start": start if ci else 0, "peak_end": start + length if ci else frames,
                          "timeline_json": json.dumps(base.round(3).tolist()),
                          "label": decision.label, "explanation": decision.reason})
        if decision.track:
            pushed.setdefault(u, []).append(decision.track["id"])
            push_rows.append({"session_id": sid, "user_id": uid, "track_id": decision.track["id"],
                              "ts": when, "frames_used": frames, "expression": expression,
                              "label": decision.label, "reason": decision.reason})
        if k % 50 == 0:
            state.check()
            state.set_progress(0.6 + 0.4 * k / size["sessions"], "capture sessions")
    bulk_insert(session, ExprSession, sess_rows)
    bulk_insert(session, ExprPush, push_rows)
    state.set_progress(1.0, "expression sessions")
    return {"expr_tracks": len(tracks), "expr_listens": len(listen_rows),
            "expr_sessions": len(sess_rows), "expr_pushes": len(push_rows)}
