"""Stage 7: judge each group — score, reasons and the evidence a moderator looks at.

Score (0–100) = 100 × (0.35·S_sim + 0.30·S_sync + 0.20·S_share + 0.15·S_size) where

* S_sim   = mean similarity of the group's kept edges,
* S_sync  = min(1, synchronised slots / 10); a slot is synchronised when at least
  max(3, ½·size) members acted on the same target in it,
* S_share = min(1, log(accounts per device) / log(device_ratio)), the same for IPs, the larger
  of the two (0 when every account has its own device and IP),
* S_size  = min(1, log(size) / log(50)).
"""
from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import numpy as np
from scipy import sparse

from engine.fraud.io import Events
from engine.fraud.params import Params
from engine.fraud.stages import Edges, Features, Selected, decode_feature
from engine.progress import NO_STATE, TaskState

HEAT_SLOTS = 48
MAX_EDGES = 20_000
WEIGHTS = {"sim": 0.35, "sync": 0.30, "share": 0.20, "size": 0.15}


def group_key(members: list[str]) -> str:
    return "g-" + hashlib.sha1("\n".join(sorted(members)).encode()).hexdigest()[:10]


def iso(ts: int) -> str:
    return datetime.fromtimestamp(int(ts), tz=timezone.utc).strftime("%Y-%m-%d %H:%M")


def _ratio_score(n: int, k: int, ratio: float) -> float:
    r = n / max(k, 1)
    return float(min(1.0, max(0.0, np.log(r) / np.log(ratio)))) if r > 1 else 0.0


def _distinct_per_group(gid: np.ndarray, col: np.ndarray, lu: np.ndarray):
    """For events of grouped users: distinct (group, value) and users per (group, value)."""
    m = (gid >= 0) & (col >= 0)
    if not m.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    big = np.int64(col.max()) + 1
    nu = np.int64(lu.max()) + 1
    triple = np.unique((gid[m] * big + col[m]) * nu + lu[m])
    gv, users = np.unique(triple // nu, return_counts=True)
    return gv // big, gv % big, users


def judge(ev: Events, sel: Selected, feat: Features, edges: Edges, label: np.ndarray,
          p: Params, state: TaskState = NO_STATE) -> list[dict]:
    n_groups = int(label.max()) + 1 if label.size else 0
    if n_groups == 0:
        return []
    lu = sel.local[ev.user]
    gid = np.where(lu >= 0, label[np.maximum(lu, 0)], -1)
    dev_g, dev_v, dev_users = _distinct_per_group(gid, ev.device, lu)
    ip_g, ip_v, ip_users = _distinct_per_group(gid, ev.ip, lu)
    n_dev = np.bincount(dev_g, minlength=n_groups)
    n_ip = np.bincount(ip_g, minlength=n_groups)
    # member → devices / IPs (for the graph): distinct (user, value) of grouped users
    md = _by_group(_member_links(gid, lu, ev.device), label, n_groups)
    mi = _by_group(_member_links(gid, lu, ev.ip), label, n_groups)
    dev_s = np.searchsorted(dev_g, np.arange(n_groups + 1))  # dev_g/ip_g are sorted by group
    ip_s = np.searchsorted(ip_g, np.arange(n_groups + 1))
    eg = label[edges.u]
    in_group = (eg >= 0) & (eg == label[edges.v])
    e_order = np.argsort(eg[in_group], kind="stable")
    e_idx = np.flatnonzero(in_group)[e_order]
    e_starts = np.searchsorted(eg[e_idx], np.arange(n_groups + 1))
    members_of = np.argsort(label, kind="stable")
    m_starts = np.searchsorted(label[members_of], np.arange(n_groups + 1))
    m_target, m_slot = decode_feature(feat.keys, feat.n_slots)
    counts_main = feat.counts
    groups = []
    for g in range(n_groups):
        if g % 50 == 0:
            state.set_progress(g / n_groups, f"judging group {g + 1} of {n_groups}")
            state.check()
        local = members_of[m_starts[g]:m_starts[g + 1]]
        n = int(local.size)
        names = [str(x) for x in ev.users[sel.kept[local]]]
        ge = e_idx[e_starts[g]:e_starts[g + 1]]
        sims = edges.sim[ge]
        mean_sim = float(sims.mean()) if sims.size else 0.0
        act = feat.active[local]
        cols, per_slot = np.unique(act.indices, return_counts=True)  # busy columns only
        need = max(3, int(np.ceil(0.5 * n)))
        sync_idx = np.flatnonzero(per_slot >= need)
        s_sim = mean_sim
        s_sync = min(1.0, sync_idx.size / 10.0)
        s_share = max(_ratio_score(n, int(n_dev[g]), p.device_ratio),
                      _ratio_score(n, int(n_ip[g]), p.ip_ratio))
        s_size = float(min(1.0, np.log(n) / np.log(50)))
        score = 100 * (WEIGHTS["sim"] * s_sim + WEIGHTS["sync"] * s_sync
                       + WEIGHTS["share"] * s_share + WEIGHTS["size"] * s_size)
        if score < p.min_score:
            continue
        dsel = slice(dev_s[g], dev_s[g + 1])
        isel = slice(ip_s[g], ip_s[g + 1])
        shared_dev = _shared(ev.devices, dev_v[dsel], dev_users[dsel])
        shared_ip = _shared(ev.ips, ip_v[isel], ip_users[isel])
        sync_sorted = sync_idx[np.argsort(-per_slot[sync_idx], kind="stable")]
        slots = [{"target": str(ev.targets[m_target[cols[i]]]),
                  "start": int(sel.t0 + m_slot[cols[i]] * p.slot), "members": int(per_slot[i])}
                 for i in sync_sorted[:200]]
        reasons = _reasons(n, int(n_dev[g]), int(n_ip[g]), shared_dev, shared_ip, mean_sim,
                           sims, sync_idx.size, slots, need)
        evidence = _evidence(g, local, names, ge, edges, md[g], mi[g], ev, sel, counts_main,
                             cols, per_slot, m_target, m_slot, p)
        evidence.update({
            "similarity": {"mean": round(mean_sim, 4),
                           "min": round(float(sims.min()), 4) if sims.size else 0.0,
                           "pairs": int(sims.size)},
            "components": {"similarity": round(s_sim, 4), "sync": round(s_sync, 4),
                           "sharing": round(s_share, 4), "size": round(s_size, 4)},
            "sync_slots": int(sync_idx.size), "slots": slots,
            "shared_devices": shared_dev[:50], "shared_ips": shared_ip[:50],
        })
        groups.append({"id": group_key(names), "members": names, "devices": int(n_dev[g]),
                       "ips": int(n_ip[g]), "score": round(float(score), 2), "reasons": reasons,
                       "size": n, "similarity": round(mean_sim, 4), "evidence": evidence})
    groups.sort(key=lambda x: (-x["score"], x["id"]))
    return groups


def _member_links(gid: np.ndarray, lu: np.ndarray, col: np.ndarray) -> np.ndarray:
    m = (gid >= 0) & (col >= 0)
    nv = np.int64(col.max(initial=0)) + 1
    pairs = np.unique(lu[m].astype(np.int64) * nv + col[m])
    return np.stack([pairs // nv, pairs % nv], axis=1) if pairs.size else np.zeros((0, 2), np.int64)


def _shared(vocab: np.ndarray, values: np.ndarray, users: np.ndarray) -> list[list]:
    keep = users >= 2
    order = np.argsort(-users[keep], kind="stable")
    return [[str(vocab[v]), int(c)] for v, c in zip(values[keep][order], users[keep][order])]


def _reasons(n, n_dev, n_ip, shared_dev, shared_ip, mean_sim, sims, n_sync, slots, need):
    out = []
    for k, what in ((n_dev, "device"), (n_ip, "IP")):
        if not k:
            continue
        plural = "s" if k != 1 else ""
        if n / k >= 1.5:
            out.append(f"{n} accounts on {k} {what}{plural} ({n / k:.1f} accounts per {what})")
        else:
            out.append(f"{n} accounts on {k} {what}{plural} (no {what} sharing to speak of)")
    if shared_dev:
        top = ", ".join(f"{d} ({c} accounts)" for d, c in shared_dev[:3])
        out.append(f"shared devices: {top}")
    if shared_ip:
        top = ", ".join(f"{d} ({c} accounts)" for d, c in shared_ip[:3])
        out.append(f"shared IPs: {top}")
    if sims.size:
        out.append(f"behaviour similarity {mean_sim:.2f} on average (min {float(sims.min()):.2f}) "
                   f"over {sims.size} linked pairs")
    if n_sync:
        first = slots[0]
        out.append(f"acted in lock-step in {n_sync} time slot{'s' if n_sync != 1 else ''} "
                   f"(≥{need} members on one target), e.g. {iso(first['start'])} UTC on "
                   f"{first['target']} with {first['members']} members")
    return out


def _by_group(links: np.ndarray, label: np.ndarray, n_groups: int) -> list[np.ndarray]:
    """Split (user, value) rows into one array per group label (one sort, then slices)."""
    if not links.size:
        return [links] * n_groups
    lab = label[links[:, 0]]
    order = np.argsort(lab, kind="stable")
    links, lab = links[order], lab[order]
    starts = np.searchsorted(lab, np.arange(n_groups + 1))
    return [links[starts[g]:starts[g + 1]] for g in range(n_groups)]


def _evidence(g, local, names, ge, edges, md, mi, ev, sel, counts_main, cols, per_slot,
              m_target, m_slot, p) -> dict:
    # ``local`` is sorted: position of a compact user index in the group = searchsorted
    def pos(x):
        return np.searchsorted(local, x)

    if ge.size > MAX_EDGES:
        ge = ge[np.argsort(-edges.sim[ge], kind="stable")[:MAX_EDGES]]
    e = np.column_stack([pos(edges.u[ge]), pos(edges.v[ge]),
                         np.round(edges.sim[ge].astype(np.float64), 3)]).tolist()
    out = {"edges": [[int(a), int(b), s] for a, b, s in e]}
    for name, links, vocab in (("device", md, ev.devices), ("ip", mi, ev.ips)):
        sel_rows = links
        values, inv = np.unique(sel_rows[:, 1], return_inverse=True) if sel_rows.size else (
            np.zeros(0, np.int64), np.zeros(0, np.int64))
        out[f"{name}s"] = [str(vocab[v]) for v in values]
        out[f"member_{name}s"] = np.column_stack([pos(sel_rows[:, 0]), inv]).astype(int).tolist()
    # heatmap: members × the busiest slots of the group, in time order
    top = cols[np.argsort(-per_slot, kind="stable")[:HEAT_SLOTS]]
    top = top[np.lexsort((m_target[top], m_slot[top]))]
    sub = counts_main[local].tocoo()  # rows of the members only; never slice the wide columns
    heat = np.zeros((local.size, top.size), int)
    if top.size:
        order = np.argsort(top)
        k = np.searchsorted(top[order], sub.col)
        k = np.minimum(k, top.size - 1)
        hit = top[order][k] == sub.col
        heat[sub.row[hit], order[k[hit]]] = sub.data[hit].astype(int)
    out["heatmap"] = heat.tolist()
    out["heat_slots"] = [{"target": str(ev.targets[m_target[c]]),
                          "start": int(sel.t0 + m_slot[c] * p.slot)} for c in top]
    return out
