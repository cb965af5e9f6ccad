"""Analysis model: expression + listening history -> behaviour label -> a track, with reasons.

1. **Strategy** from the expression: each expression maps to a target point in (valence, energy)
   and a mood word (``STRATEGIES``): happy -> "upbeat" (0.85, 0.75); sad -> "comfort" (0.45, 0.30,
   favours tracks the user liked before); angry -> "calm" (0.55, 0.25); fearful -> "soothing";
   surprised -> "fresh" (favours tracks the user has not heard); disgusted -> "fresh" and avoids
   the genres just played; neutral -> the user's own habit at this time of day.
2. **History profile**, per genre: ``sum(weight(action) * decay(age) * daypart(hour))`` with
   weight liked +2, played +1, skipped -1.5; decay = 0.5 ** (age_days / 30); daypart = 1 for events
   in the same part of the day as now (night 0-6, morning 6-12, afternoon 12-18, evening 18-24),
   0.35 otherwise.  The neutral strategy's target is the weighted mean (valence, energy) of the
   user's positively-weighted events in this part of the day.
3. **Label** = mood word + the genre with the highest ``affinity + fit``, where fit is how many
   catalogue tracks of the genre lie near the target; e.g. "upbeat pop", "calm acoustic".
4. **Track** = argmax over the catalogue (vectorised) of
   ``-2 * distance((v, e), target) + 0.8 * [genre == label genre] + 0.4 * affinity(genre)
   + familiarity / novelty bonus - 1.0 * [user skipped it]``; tracks pushed to the user in the last
   ``recent_window`` pushes are excluded, so the user never gets the same thing twice in a row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from engine.errors import InputError
from engine.expressions.catalogue import Catalogue

ACTION_WEIGHT = {"liked": 2.0, "played": 1.0, "skipped": -1.5}
HALF_LIFE_DAYS = 30.0
OTHER_DAYPART = 0.35
DAYPARTS = ((0, "night"), (6, "morning"), (12, "afternoon"), (18, "evening"))


@dataclass(frozen=True)
class Strategy:
    mood: str  # the first word of the label
    valence: float | None  # None: the user's own habit
    energy: float | None
    familiar: float = 0.0  # bonus for tracks the user liked/played before
    novel: float = 0.0  # bonus for tracks the user never heard
    avoid_recent_genres: bool = False
    why: str = ""


STRATEGIES = {
    "happy": Strategy("upbeat", 0.85, 0.75, why="keep the good mood going"),
    "surprised": Strategy("fresh", 0.70, 0.65, novel=0.5, why="they are curious: something new"),
    "neutral": Strategy("usual", None, None, familiar=0.2,
                        why="no strong feeling: what they usually enjoy at this time"),
    "sad": Strategy("comfort", 0.45, 0.30, familiar=0.6, why="gentle, familiar comfort"),
    "angry": Strategy("calm", 0.55, 0.25, why="bring the tension down"),
    "disgusted": Strategy("fresh", 0.65, 0.55, novel=0.3, avoid_recent_genres=True,
                          why="change the scene: away from what was just playing"),
    "fearful": Strategy("soothing", 0.60, 0.30, familiar=0.5, why="reassuring and familiar"),
}


@dataclass
class History:
    """A user's events as arrays: catalogue row, action, time (seconds since epoch)."""

    track_rows: np.ndarray  # (m,) int indices into the catalogue
    actions: np.ndarray  # (m,) object: played | skipped | liked
    ts: np.ndarray  # (m,) float seconds

    @classmethod
    def empty(cls) -> "History":
        return cls(np.zeros(0, int), np.zeros(0, object), np.zeros(0, float))

    def __len__(self) -> int:
        return len(self.track_rows)


@dataclass
class Decision:
    expression: str
    label: str
    strategy: str
    track: dict | None
    reason: str
    target: tuple[float, float]
    daypart: str
    genre_affinity: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"expression": self.expression, "label": self.label, "track": self.track,
                "reason": self.reason, "daypart": self.daypart,
                "target": {"valence": round(self.target[0], 3), "energy": round(self.target[1], 3)}}


def daypart(hour: int | np.ndarray):
    h = np.asarray(hour)
    return np.select([h < 6, h < 12, h < 18], [0, 1, 2], 3)


def daypart_name(when: datetime) -> str:
    return DAYPARTS[int(daypart(when.hour))][1]


def event_weights(history: History, now: datetime) -> np.ndarray:
    if not len(history):
        return np.zeros(0)
    actions = history.actions.astype(str)
    action_w = np.select([actions == a for a in ACTION_WEIGHT], list(ACTION_WEIGHT.values()), 0.0)
    age_days = np.maximum(now.timestamp() - history.ts, 0.0) / 86400.0
    decay = 0.5 ** (age_days / HALF_LIFE_DAYS)
    hours = ((history.ts // 3600) % 24).astype(int)
    same = daypart(hours) == daypart(now.hour)
    return action_w * decay * np.where(same, 1.0, OTHER_DAYPART)


def genre_affinity(cat: Catalogue, history: History, now: datetime) -> dict[str, float]:
    genres = np.unique(cat.genres.astype(str)) if len(cat) else np.zeros(0, str)
    if not len(history):
        return {str(g): 0.0 for g in genres}
    w = event_weights(history, now)
    g_idx = np.searchsorted(genres, cat.genres[history.track_rows].astype(str))
    sums = np.bincount(g_idx, weights=w, minlength=len(genres))
    return {str(g): float(v) for g, v in zip(genres, sums)}


def decide(expression: str, cat: Catalogue, history: History, now: datetime, *,
           recent_pushes: list[str] | tuple = (), confidence: float = 1.0,
           recent_window: int = 10) -> Decision:
    """The behaviour label and the track to push, with a readable reason."""
    if expression not in STRATEGIES:
        raise InputError(f"unknown expression '{expression}'", place="expression")
    strat = STRATEGIES[expression]
    part = daypart_name(now)
    affinity = genre_affinity(cat, history, now)
    w = event_weights(history, now)
    # target point
    if strat.valence is None:
        pos = w > 0
        if pos.any():
            rows = history.track_rows[pos]
            target = (float(np.average(cat.valence[rows], weights=w[pos])),
                      float(np.average(cat.energy[rows], weights=w[pos])))
        else:
            target = (0.6, 0.5)
        mood = ("calm" if target[1] < 0.4 else "upbeat" if target[1] > 0.65 and target[0] > 0.6
                else "easy")
    else:
        target = (strat.valence, strat.energy)
        mood = strat.mood
    if not len(cat):
        return Decision(expression, mood, strat.mood, None,
                        "the catalogue is empty: import one with `operator-console expressions "
                        "catalogue-import FILE.csv`", target, part, affinity)
    dist = np.hypot(cat.valence - target[0], cat.energy - target[1])
    genres = np.array(sorted(affinity))
    g_of_track = np.searchsorted(genres, cat.genres.astype(str))
    aff = np.array([affinity[g] for g in genres])
    aff_norm = aff / (np.abs(aff).max() or 1.0)
    near = np.bincount(g_of_track, weights=(dist < 0.3).astype(float), minlength=len(genres))
    fit = near / (near.max() or 1.0)
    recent_genres: set[str] = set()
    if strat.avoid_recent_genres and len(history):
        last = np.argsort(history.ts)[-5:]
        recent_genres = set(cat.genres[history.track_rows[last]].astype(str))
    genre_score = aff_norm + fit - 2.0 * np.isin(genres, list(recent_genres))
    genre_score[near == 0] -= 5.0  # a genre with nothing near the target cannot name the label
    label_genre = str(genres[int(np.argmax(genre_score))])
    label = f"{mood} {label_genre}"

    heard = np.zeros(len(cat))
    skipped = np.zeros(len(cat))
    if len(history):
        np.add.at(heard, history.track_rows, np.maximum(w, 0.0))
        np.add.at(skipped, history.track_rows, (history.actions == "skipped").astype(float))
    familiar = np.minimum(heard, 3.0) / 3.0
    score = (-2.0 * dist + 0.8 * (cat.genres.astype(str) == label_genre)
             + 0.4 * aff_norm[g_of_track] + strat.familiar * familiar
             + strat.novel * (heard == 0) - 1.0 * np.minimum(skipped, 2.0)
             - 2.0 * np.isin(cat.genres.astype(str), list(recent_genres)))
    blocked = np.isin(cat.ids.astype(str), list(recent_pushes)[-recent_window:])
    score[blocked] = -np.inf
    if np.isneginf(score).all():
        return Decision(expression, label, strat.mood, None,
                        "every catalogue track was pushed to this user recently", target, part,
                        affinity)
    best = int(np.argmax(score))
    track = cat.track(best)
    liked = sorted(((v, g) for g, v in affinity.items() if v > 0), reverse=True)[:2]
    disliked = [g for g, v in affinity.items() if v < 0]
    when_text = "at night" if part == "night" else f"in the {part}"
    habits = (f"{when_text} this user mostly enjoys "
              + " and ".join(g for _v, g in liked) if liked else "no listening history yet")
    if disliked:
        habits += f", skips {', '.join(sorted(disliked)[:2])}"
    reason = (f"{expression} ({confidence:.0%}) → {strat.why}; {habits}; → '{label}': "
              f"“{track['title']}” by {track['artist'] or 'unknown'} (valence {track['valence']:.2f},"
              f" energy {track['energy']:.2f})")
    if blocked.any():
        reason += f"; {int(blocked.sum())} recently pushed track(s) left out"
    return Decision(expression, label, strat.mood, track, reason, target, part, affinity)
