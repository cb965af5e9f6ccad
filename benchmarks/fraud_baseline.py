"""The same detection pipeline written the plain way: Python dicts, per-pair loops, networkx.

Used only by ``benchmarks.fraud`` to measure how much the vectorised engine gains.  It follows
the engine's rules (two slot grids, TF-IDF cosine, capped buckets with MinHash agreement,
co-occurrence filter, pruning, connected components, the same score) so both find the same
groups; only the implementation differs.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from engine.fraud.io import Events
from engine.fraud.judge import WEIGHTS
from engine.fraud.params import Params


def _minhash(features: set, seed: int) -> int:
    return min(hash((seed, f)) for f in features)


def _bucket_pairs(members: list[int], cap: int, neighbours: int, ranks: list[dict]):
    if len(members) <= cap:
        yield from combinations(sorted(members), 2)
        return
    for rank in ranks:
        ordered = sorted(members, key=lambda u: (rank[u], u))
        for i, u in enumerate(ordered):
            for v in ordered[i + 1:i + 1 + neighbours]:
                if rank[u] == rank[v]:
                    yield (min(u, v), max(u, v))


def detect_plain(ev: Events, p: Params | None = None) -> dict:
    p = p or Params()
    wanted = {i for i, a in enumerate(ev.actions) if str(a) in set(p.behaviours)}
    users, actions, targets, tss = (ev.user.tolist(), ev.action.tolist(), ev.target.tolist(),
                                    ev.ts.tolist())
    devices, ips = ev.device.tolist(), ev.ip.tolist()
    n_act = Counter(u for u, a in zip(users, actions) if a in wanted)
    kept = {u for u, c in n_act.items() if c >= p.min_user_events}
    acting = [(u, t, ts) for u, a, t, ts in zip(users, actions, targets, tss)
              if a in wanted and u in kept]
    t0 = min(ts for _, _, ts in acting)
    vec: dict[int, Counter] = defaultdict(Counter)
    for u, t, ts in acting:
        vec[u][(0, t, (ts - t0) // p.slot)] += 1
        vec[u][(1, t, (ts - t0 + p.slot // 2) // p.slot)] += 1
    df = Counter(f for c in vec.values() for f in c)
    n = len(kept)
    tfidf = {}
    for u, c in vec.items():
        w = {f: math.log1p(x) * math.log1p(n / df[f]) for f, x in c.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        tfidf[u] = {f: x / norm for f, x in w.items()}
    main = {u: {f for f in c if f[0] == 0} for u, c in vec.items()}
    ranks = []
    for i in range(p.minhash_orders):
        h = {u: _minhash(main[u], i) for u in kept}
        order = {v: r for r, v in enumerate(sorted(set(h.values())))}
        ranks.append({u: order[h[u]] for u in kept})
    buckets = defaultdict(set)
    for u, t, ts in acting:
        buckets[(t, (ts - t0) // p.window)].add(u)
    co = Counter()
    for members in buckets.values():
        co.update(_bucket_pairs(list(members), p.bucket_cap, p.neighbours, ranks))
    candidates = {pair for pair, c in co.items() if c >= p.min_cooccur}
    for col in (devices, ips):
        shared = defaultdict(set)
        for u, d in zip(users, col):
            if d >= 0 and u in kept:
                shared[d].add(u)
        for members in shared.values():
            candidates.update(_bucket_pairs(list(members), p.bucket_cap, p.neighbours, ranks))
    g = nx.Graph()
    weak = []
    low = min(p.attach_similarity, p.similarity) if p.attach_links else p.similarity
    for u, v in candidates:
        a, b = tfidf[u], tfidf[v]
        if len(a) > len(b):
            a, b = b, a
        sim = sum(x * b.get(f, 0.0) for f, x in a.items())
        if sim < low:
            continue
        if len(main[u] & main[v]) < p.min_common_slots:
            continue
        if sim >= p.similarity:
            g.add_edge(u, v, weight=sim)
        else:
            weak.append((u, v, sim))
    comps = [set(c) for c in nx.connected_components(g) if len(c) >= p.min_group_size]
    owner = {u: i for i, c in enumerate(comps) for u in c}
    ties = defaultdict(Counter)
    for u, v, _ in weak + [(a, b, 0) for a, b in g.edges()]:
        if u in owner and v not in owner:
            ties[v][owner[u]] += 1
        elif v in owner and u not in owner:
            ties[u][owner[v]] += 1
    for u, counter in ties.items():
        best, n_links = max(counter.items(), key=lambda kv: (kv[1], -kv[0]))
        if p.attach_links and n_links >= p.attach_links:
            comps[best].add(u)
    for u, v, sim in weak:
        g.add_edge(u, v, weight=sim)
    dev_of, ip_of = defaultdict(set), defaultdict(set)
    for u, d, i in zip(users, devices, ips):
        if d >= 0:
            dev_of[u].add(d)
        if i >= 0:
            ip_of[u].add(i)
    groups = []
    for comp in comps:
        k = len(comp)
        sims = [d["weight"] for _, _, d in g.subgraph(comp).edges(data=True)]
        slot_members = Counter(f for u in comp for f in main[u])
        need = max(3, math.ceil(0.5 * k))
        sync = sum(1 for c in slot_members.values() if c >= need)
        n_dev = len(set().union(*(dev_of[u] for u in comp)))
        n_ip = len(set().union(*(ip_of[u] for u in comp)))

        def share(m, ratio):
            r = k / max(m, 1)
            return min(1.0, max(0.0, math.log(r) / math.log(ratio))) if r > 1 else 0.0

        score = 100 * (WEIGHTS["sim"] * (sum(sims) / len(sims)) + WEIGHTS["sync"] * min(1, sync / 10)
                       + WEIGHTS["share"] * max(share(n_dev, p.device_ratio), share(n_ip, p.ip_ratio))
                       + WEIGHTS["size"] * min(1.0, math.log(k) / math.log(50)))
        if score >= p.min_score:
            groups.append({"members": sorted(str(ev.users[u]) for u in comp), "score": score})
    groups.sort(key=lambda x: -x["score"])
    return {"groups": groups}
