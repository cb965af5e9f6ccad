"""Scoring a detection against a labelled log (benchmark and tests).

* account level: predicted = members of reported groups; precision/recall/F1 against fraud accounts;
* group level: a reported group is correct when most of its members come from one planted group;
  a planted group is found when at least half of its accounts sit in reported groups that are
  correct for it;
* cafés: a café counts as flagged when two or more of its users appear in reported groups.
"""
from __future__ import annotations

import numpy as np

from engine.fraud.synth import Synthetic


def _prf(tp: int, n_pred: int, n_true: int) -> dict:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_true if n_true else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(result: dict, truth: Synthetic) -> dict:
    ev = truth.events
    index = {str(name): i for i, name in enumerate(ev.users)}

    def lookup(names):
        return np.array([index[n] for n in names], np.int64)

    fg = truth.fraud_group
    n_planted = int(fg.max()) + 1 if fg.size and fg.max() >= 0 else 0
    predicted = np.zeros(fg.size, bool)
    covered = np.zeros(n_planted, np.int64)
    correct = 0
    cafe_hits = np.zeros(int(truth.cafe.max()) + 1 if truth.cafe.max() >= 0 else 0, np.int64)
    for g in result["groups"]:
        idx = lookup(g["members"])
        predicted[idx] = True
        labels = fg[idx]
        if (labels >= 0).any():
            major = np.bincount(labels[labels >= 0]).argmax()
            share = np.mean(labels == major)
            if share >= 0.5:
                correct += 1
                covered[major] += int(np.sum(labels == major))
        c = truth.cafe[idx]
        if (c >= 0).any():
            cafe_hits += np.bincount(c[c >= 0], minlength=cafe_hits.size)
    sizes = np.bincount(fg[fg >= 0], minlength=n_planted)
    found = int(np.sum(covered * 2 >= sizes)) if n_planted else 0
    n_groups = len(result["groups"])
    gp = correct / n_groups if n_groups else 1.0
    gr = found / n_planted if n_planted else 1.0
    account = _prf(int(np.sum(predicted & (fg >= 0))), int(predicted.sum()), int((fg >= 0).sum()))
    by_mode = {}
    for mode in sorted(set(truth.group_modes)):
        gs = [i for i, m in enumerate(truth.group_modes) if m == mode]
        mask = np.isin(fg, gs)
        by_mode[mode] = round(float(predicted[mask].mean()) if mask.any() else 1.0, 4)
    return {
        "account": account,
        "group": {"precision": round(gp, 4), "recall": round(gr, 4),
                  "f1": round(2 * gp * gr / (gp + gr), 4) if gp + gr else 0.0,
                  "reported": n_groups, "planted": n_planted, "found": found},
        "cafes": {"total": int(cafe_hits.size), "flagged": int(np.sum(cafe_hits >= 2)),
                  "accounts_flagged": int(cafe_hits.sum())},
        "fan_club_accounts_flagged": int(np.sum(predicted & (truth.fan_club >= 0))),
        "recall_by_sharing_mode": by_mode,
    }
