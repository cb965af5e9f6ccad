import numpy as np
import pytest

from engine.avatars.calibrate import choose_threshold, evaluate, labelled_pairs, split_motifs
from engine.avatars.library import build_library
from engine.avatars.perceptual import (DEFAULT_THRESHOLD, features_from_thumbs, pairwise,
                                       srgb_to_lab, variant_space)


@pytest.fixture(scope="module")
def space():
    return variant_space(build_library())


def test_lab_conversion_reference_values():
    lab = srgb_to_lab(np.array([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 0.0, 0.0]]))
    assert lab[0] == pytest.approx([100, 0, 0], abs=0.05)
    assert lab[1] == pytest.approx([0, 0, 0], abs=0.05)
    assert lab[2] == pytest.approx([53.24, 80.09, 67.20], abs=0.1)


def test_distance_is_a_metric_on_the_variants(space):
    D = space.dist
    assert D.shape == (space.n_variants, space.n_variants)
    assert np.allclose(D, D.T, atol=1e-3)
    assert np.all(np.diag(D) == 0)
    rng = np.random.default_rng(0)
    a, b, c = rng.integers(0, len(D), size=(3, 2000))
    assert np.all(D[a, c] <= D[a, b] + D[b, c] + 1e-2)


def test_pairwise_equals_the_direct_formula():
    rng = np.random.default_rng(1)
    lab = rng.normal(50, 20, size=(3, 16, 16, 3))
    f = features_from_thumbs(lab)
    direct = np.sqrt(((f[0] - f[1]) ** 2).sum() / 256)
    assert pairwise(f[:1], f[1:2])[0, 0] == pytest.approx(direct, rel=1e-6)


def test_the_threshold_generalises_to_held_out_motifs(space):
    """Choose on two thirds of the motifs, check on the rest (labels come from structure)."""
    train, test = split_motifs(space)
    d, y = labelled_pairs(space, train)
    t = choose_threshold(d, y, recall=0.9)
    assert abs(t - DEFAULT_THRESHOLD) <= 1.0
    held = evaluate(*labelled_pairs(space, test), DEFAULT_THRESHOLD)
    assert held["recall"] >= 0.85
    assert held["false_alarms"] <= 0.005


def test_background_changes_are_seen(space):
    B = space.n_bg
    same_pic = space.dist[0, 1:B]  # picture 0 on its other backgrounds
    assert same_pic.min() > 3.0
