"""Behaviour label and content choice from expression + history."""
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from engine.errors import InputError
from engine.expressions.analysis import History, decide, genre_affinity
from engine.expressions.catalogue import Catalogue, parse_catalogue_csv

NOW = datetime(2026, 10, 1, 21, 0, tzinfo=timezone.utc)  # evening


def catalogue() -> Catalogue:
    rows = [("a1", "acoustic", 0.50, 0.25), ("a2", "acoustic", 0.55, 0.30), ("a3", "acoustic", 0.45, 0.35),
            ("p1", "pop", 0.85, 0.75), ("p2", "pop", 0.80, 0.80), ("p3", "pop", 0.90, 0.70),
            ("r1", "rock", 0.55, 0.85), ("r2", "rock", 0.80, 0.78), ("b1", "ballad", 0.30, 0.25)]
    ids, genres, v, e = zip(*rows)
    n = len(rows)
    return Catalogue(np.array(ids, object), np.array([f"T{i}" for i in ids], object),
                     np.array(["X"] * n, object), np.array(genres, object),
                     np.array(["m"] * n, object), np.array(v), np.array(e))


def history(cat, events) -> History:
    idx = cat.index()
    return History(np.array([idx[t] for t, _a, _h in events]), np.array([a for _t, a, _h in events], object),
                   np.array([(NOW - timedelta(hours=h)).timestamp() for _t, _a, h in events]))


def test_happy_without_history_is_upbeat_and_sad_is_comfort():
    cat = catalogue()
    happy = decide("happy", cat, History.empty(), NOW)
    assert happy.label.startswith("upbeat") and happy.track["valence"] >= 0.8
    sad = decide("sad", cat, History.empty(), NOW)
    assert sad.label.startswith("comfort") and sad.track["energy"] <= 0.4
    assert "sad" in sad.reason and sad.track["title"] in sad.reason


def test_history_chooses_the_genre_and_skips_count_against():
    cat = catalogue()
    rock_fan = history(cat, [("r2", "liked", 24), ("r2", "played", 48), ("r1", "played", 72),
                             ("p1", "skipped", 24), ("p2", "skipped", 48)])
    d = decide("happy", cat, rock_fan, NOW)
    assert d.label == "upbeat rock" and d.track["id"] == "r2"
    assert genre_affinity(cat, rock_fan, NOW)["pop"] < 0 < genre_affinity(cat, rock_fan, NOW)["rock"]
    assert decide("happy", cat, History.empty(), NOW).label == "upbeat pop"


def test_time_of_day_matters_for_the_neutral_habit():
    cat = catalogue()
    # calm acoustic in the evening, pop in the morning
    events = [("a1", "liked", 24 * d) for d in range(1, 6)] + \
             [("p1", "liked", 24 * d + 12) for d in range(1, 6)]
    h = history(cat, events)
    evening = decide("neutral", cat, h, NOW)
    morning = decide("neutral", cat, h, NOW - timedelta(hours=12))
    assert evening.label == "calm acoustic"
    assert morning.track["genre"] == "pop" and evening.track["genre"] == "acoustic"


def test_recent_pushes_are_not_repeated():
    cat = catalogue()
    seen = []
    for _ in range(3):
        d = decide("happy", cat, History.empty(), NOW, recent_pushes=seen)
        assert d.track["id"] not in seen
        seen.append(d.track["id"])
    assert len(set(seen)) == 3
    everything = list(cat.ids)
    assert decide("happy", cat, History.empty(), NOW, recent_pushes=everything).track is None


def test_unknown_expression_and_empty_catalogue():
    with pytest.raises(InputError):
        decide("bored", catalogue(), History.empty(), NOW)
    empty = Catalogue(*(np.zeros(0, object),) * 5, np.zeros(0), np.zeros(0))
    d = decide("happy", empty, History.empty(), NOW)
    assert d.track is None and "catalogue is empty" in d.reason


def test_catalogue_csv_errors_name_the_line():
    good = "id,title,artist,genre,mood,valence,energy\nx1,Song,A,Pop,upbeat,0.8,0.7\n"
    assert parse_catalogue_csv(good)[0]["genre"] == "pop"
    with pytest.raises(InputError, match=r"cat.csv:3: 'energy' must be in \[0, 1\]"):
        parse_catalogue_csv(good + "x2,S,A,pop,calm,0.5,1.7\n", "cat.csv")
    with pytest.raises(InputError, match="cat.csv:1: missing column"):
        parse_catalogue_csv("id,title\nx,y\n", "cat.csv")
    with pytest.raises(InputError, match="duplicate id 'x1'"):
        parse_catalogue_csv(good + "x1,Song,A,Pop,upbeat,0.8,0.7\n", "cat.csv")
