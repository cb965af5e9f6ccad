"""The vectorised feature stages agree with the plain definitions they implement."""
import numpy as np

from engine.expressions.features import (BLEND_FEATURES, FEATURES, GEOMETRY_FEATURES,
                                         blend_features, frame_features, geometry_features)
from engine.expressions.landmarker import BS_INDEX


def test_blend_features_are_left_right_means_and_keep_no_face_rows_nan():
    rng = np.random.default_rng(3)
    bs = rng.random((40, len(BS_INDEX))).astype(np.float32)
    bs[7] = np.nan
    out = blend_features(bs)
    for j, names in enumerate(BLEND_FEATURES.values()):
        expected = np.mean([bs[:, BS_INDEX[n]] for n in names], axis=0)
        np.testing.assert_allclose(out[:, j], expected, rtol=1e-6)
    assert np.isnan(out[7]).all() and not np.isnan(np.delete(out, 7, axis=0)).any()


def test_geometry_ignores_image_size_and_head_roll():
    rng = np.random.default_rng(4)
    lm = rng.random((1, 478, 3)).astype(np.float32)
    base = geometry_features(lm, np.array([[640, 480]]))
    # the same face at twice the size, and rolled by 20 degrees about the image centre
    big = geometry_features(lm, np.array([[1280, 960]]))
    np.testing.assert_allclose(big, base, rtol=1e-5)
    angle = np.deg2rad(20)
    px = lm[0, :, :2] * [640, 480] - [320, 240]
    rot = px @ np.array([[np.cos(angle), np.sin(angle)], [-np.sin(angle), np.cos(angle)]])
    rolled = lm.copy()
    rolled[0, :, :2] = (rot + [320, 240]) / [640, 480]
    np.testing.assert_allclose(geometry_features(rolled, np.array([[640, 480]])), base,
                               rtol=1e-4, atol=1e-5)


def test_frame_features_layout():
    rng = np.random.default_rng(5)
    out = frame_features(rng.random((3, len(BS_INDEX))), rng.random((3, 478, 3)),
                         np.tile([[640, 480]], (3, 1)))
    assert out.shape == (3, len(FEATURES)) == (3, len(BLEND_FEATURES) + len(GEOMETRY_FEATURES))
    assert out.dtype == np.float32
