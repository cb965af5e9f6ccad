"""The classifier and frame aggregation on feature vectors (no model, no Qt)."""
import numpy as np
import pytest

from engine.expressions.classifier import (CLASSES, DEFAULT_PARAMS, aggregate, evidence,
                                           frame_scores)
from engine.expressions.features import F, FEATURES, NEUTRAL_VECTOR


def face(**values) -> np.ndarray:
    v = NEUTRAL_VECTOR.copy()
    for k, x in values.items():
        v[F[k]] = x
    return v


SMILE = face(smile=0.85, cheek=0.3, corner_lift=0.10)
SURPRISE = face(mouth_open=0.30, eye_wide=0.4, brow_inner_up=0.5, brow_outer_up=0.5, jaw_open=0.4)
ANGRY = face(brow_down=0.7, press=0.3, squint=0.6)
CRYING = face(smile=0.6, eye_open=0.03, mouth_open=0.35, brow_down=0.6)


@pytest.mark.parametrize("vector, expected", [
    (NEUTRAL_VECTOR, "neutral"), (SMILE, "happy"), (SURPRISE, "surprised"), (ANGRY, "angry"),
    (CRYING, "sad"), (face(sneer=0.5, upper_up=0.4), "disgusted"),
    (face(eye_wide=0.5, stretch=0.4, brow_inner_up=0.6, brow_down=0.5), "fearful"),
])
def test_prototypes_classify_as_their_class(vector, expected):
    res = aggregate(vector[None, :], stream=False)
    assert res.expression == expected
    assert abs(sum(res.scores.values()) - 1.0) < 1e-5
    assert res.confidence == pytest.approx(max(res.scores.values()))


def test_talking_mouth_alone_is_not_surprise():
    talking = face(mouth_open=0.25)
    assert aggregate(talking[None, :], stream=False).expression == "neutral"


def test_brief_burst_is_caught_where_averaging_dilutes_it():
    feats = np.tile(NEUTRAL_VECTOR, (60, 1))
    feats[30:34] = SMILE
    res = aggregate(feats, stream=True)
    assert res.expression == "happy"
    assert res.peak == (30, 34)  # the whole 4-frame episode
    # the plain per-frame mean of probabilities would call it neutral
    assert CLASSES[int(np.argmax(frame_scores(feats).mean(axis=0)))] == "neutral"


def test_a_single_frame_glitch_is_ignored_in_a_stream():
    feats = np.tile(NEUTRAL_VECTOR, (30, 1))
    feats[12] = SMILE
    assert aggregate(feats, stream=True).expression == "neutral"
    assert aggregate(feats[12:13], stream=False).expression == "happy"


def test_faint_change_relative_to_the_users_resting_face_is_caught():
    rest = face(smile=0.05, brow_down=0.0)
    feats = np.tile(rest, (40, 1)) + np.random.default_rng(0).normal(0, 0.005, (40, len(FEATURES)))
    feats[20:24] = face(smile=0.05, brow_down=0.42, press=0.12)  # faint frown burst
    assert aggregate(feats, stream=True).expression == "angry"


def test_user_baseline_removes_a_resting_smile():
    resting_smiler = face(smile=0.42, corner_lift=0.06)
    frames = np.tile(resting_smiler, (3, 1))
    assert aggregate(frames, stream=False).expression == "happy"
    assert aggregate(frames, stream=False, baseline=resting_smiler).expression == "neutral"


def test_frames_without_a_face_are_skipped_and_counted():
    feats = np.tile(SMILE, (10, 1))
    feats[::2] = np.nan
    res = aggregate(feats, stream=True)
    assert (res.frames, res.face_frames, res.expression) == (10, 5, "happy")
    assert np.isnan(res.timeline[0]).all() and not np.isnan(res.timeline[1]).any()
    empty = aggregate(np.full((4, len(FEATURES)), np.nan), stream=True)
    assert empty.expression is None and empty.face_frames == 0


def test_evidence_is_vectorised_and_threshold_moves_the_decision():
    ev = evidence(np.stack([NEUTRAL_VECTOR, SMILE]))
    assert ev.shape == (2, len(CLASSES) - 1) and ev[1, 0] > ev[0, 0]
    mild = face(smile=0.33)
    from dataclasses import replace

    assert aggregate(mild[None], stream=False).expression == "neutral"
    assert aggregate(mild[None], stream=False,
                     params=replace(DEFAULT_PARAMS, tau=0.25)).expression == "happy"
