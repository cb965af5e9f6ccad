"""Evaluation metrics, the leave-one-out threshold, augmentations and the mesh overlay."""
import numpy as np
import pytest

from engine.expressions.calibration import (AUGMENTATIONS, augment, evaluate, leave_one_out_tau,
                                            predict)
from engine.expressions.features import F, NEUTRAL_VECTOR


def vec(**values):
    v = NEUTRAL_VECTOR.copy()
    for k, x in values.items():
        v[F[k]] = x
    return v


def test_evaluate_confusion_precision_recall():
    r = evaluate(["happy", "happy", "neutral", "sad"], ["happy", "neutral", "neutral", ""])
    assert r["accuracy"] == 0.5
    assert r["per_class"]["happy"] == {"support": 2, "precision": 1.0, "recall": 0.5}
    assert r["per_class"]["neutral"]["precision"] == 0.5
    assert r["confusion"][2, -1] == 1  # sad -> no face column
    assert r["confusion"].sum() == 4


def test_leave_one_out_never_uses_the_held_out_photo():
    # smiles of 0.30..0.55 labelled happy, resting faces neutral: tau must land between them
    feats = np.stack([vec(smile=s) for s in (0.30, 0.40, 0.45, 0.55)]
                     + [vec(smile=s) for s in (0.0, 0.05, 0.1, 0.2)])
    truth = ["happy"] * 4 + ["neutral"] * 4
    pred, taus = leave_one_out_tau(feats, truth)
    assert (taus >= 0.2).all() and (taus <= 0.45).all()
    assert (pred == np.array(truth, object)).mean() >= 0.75
    # a face with no landmarks is reported as no face, not as a class
    nan = np.full_like(feats[:1], np.nan)
    assert predict(nan)[0] == ""


@pytest.mark.parametrize("kind", AUGMENTATIONS)
def test_augmentations_keep_an_rgb_image(kind):
    rng = np.random.default_rng(1)
    img = rng.integers(0, 255, (60, 80, 3), dtype=np.uint8)
    out = augment(img, kind)
    assert out.dtype == np.uint8 and out.ndim == 3 and out.shape[2] == 3
    assert not np.array_equal(out[: min(out.shape[0], 60), : min(out.shape[1], 80)],
                              img[: out.shape[0], : out.shape[1]])


def test_mesh_overlay_draws_on_a_copy():
    from engine.expressions.overlay import draw_mesh

    img = np.zeros((120, 160, 3), np.uint8)
    rng = np.random.default_rng(0)
    lm = np.concatenate([rng.uniform(0.2, 0.8, (478, 2)), np.zeros((478, 1))], axis=1)
    out = draw_mesh(img, lm.astype(np.float32))
    assert out.shape == img.shape and out.any() and not img.any()
    assert not draw_mesh(img, np.full((478, 3), np.nan, np.float32)).any()
