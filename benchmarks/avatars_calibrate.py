"""Choose the confusability threshold on two thirds of the motifs, check it on the rest.

    python -m benchmarks.avatars_calibrate

Labels come from the library's structure (see engine/avatars/calibrate.py), not from distances.
"""
from __future__ import annotations

import json

import numpy as np

from engine.avatars.calibrate import choose_threshold, evaluate, labelled_pairs, split_motifs
from engine.avatars.library import read_seed
from engine.avatars.perceptual import DEFAULT_THRESHOLD, variant_space


def main() -> None:
    space = variant_space(read_seed())
    train, test = split_motifs(space)
    d_train, y_train = labelled_pairs(space, train)
    d_test, y_test = labelled_pairs(space, test)
    print("motifs", json.dumps({"train": len(train), "held_out": len(test)}))
    for name, d, y in (("train", d_train, y_train), ("held-out", d_test, y_test)):
        conf, dist = d[y == 1], d[y == 0]
        print(name, json.dumps({
            "confusable_pairs": int(conf.size), "distinct_pairs": int(dist.size),
            "confusable_D_p50_p90_p99": [round(float(x), 1) for x in np.percentile(conf, [50, 90, 99])],
            "distinct_D_p1_p5_p50": [round(float(x), 1) for x in np.percentile(dist, [1, 5, 50])]}))
    for recall in (0.8, 0.85, 0.9, 0.95):
        t = choose_threshold(d_train, y_train, recall)
        print(f"recall target {recall}", json.dumps({
            "threshold": t, "train": evaluate(d_train, y_train, t),
            "held_out": evaluate(d_test, y_test, t)}))
    print("default", json.dumps({"threshold": DEFAULT_THRESHOLD,
                                 "held_out": evaluate(d_test, y_test, DEFAULT_THRESHOLD)}))


if __name__ == "__main__":
    main()
