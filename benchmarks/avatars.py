"""Avatars benchmark: distinctness vs baselines, portrait match, render speed, 100k assignment,
endpoint latency.

    python -m benchmarks.avatars [--quick]

Populations are synthetic (seeded) and independent of the demo: interests are drawn from a wider
label list than the demo uses, in English and Chinese, including labels no keyword knows.
"""
from __future__ import annotations

import argparse
import asyncio
import hashlib
import http.client
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from engine.avatars.library import BACKGROUNDS, read_seed
from engine.avatars.perceptual import (DEFAULT_THRESHOLD, THUMB_PX, features_from_thumbs,
                                       srgb_to_lab, variant_space)
from engine.avatars.portrait import build_portrait
from engine.avatars.render import Look, render_png
from engine.avatars.select import Params, assign, cooccurrence_graph

LABELS = ["basketball", "篮球", "football", "足球", "yoga", "cats", "猫", "dogs", "panda", "aquarium",
          "guitar", "钢琴", "concert", "hip hop", "travel", "旅游", "hiking", "露营", "backpacking",
          "coffee", "奶茶", "hotpot", "baking", "pizza", "video games", "电竞", "mahjong", "chess",
          "gardening", "花", "stargazing", "forest", "programming", "机器人", "space", "gadgets",
          "photography", "电影", "drawing", "fashion", "reading", "理财", "study", "news",
          "knitting", "wine tasting", "骑马", "volunteering"]  # the last four map to no theme


def population(n: int, n_groups: int, n_staff: int, seed: int):
    rng = np.random.default_rng(seed)
    ages = rng.integers(6, 80, size=n)
    k = rng.choice([0, 1, 2, 3, 4], size=n, p=[0.25, 0.25, 0.25, 0.15, 0.1])
    users = []
    for i in range(n):
        interests = list(rng.choice(LABELS, size=int(k[i]), replace=False)) if k[i] else []
        users.append({"user_id": f"u{i:06d}", "nickname": f"N{i}", "age": int(ages[i]),
                      "city": "上海" if i % 3 else "Sydney", "gender": ["female", "male"][i % 2],
                      "interests": interests, "activity": float(rng.exponential(3))})
    lists = []
    for _ in range(n_groups):  # group chats: heavy-tailed sizes capped at 60, like the demo
        size = int(min(60, 3 + rng.pareto(1.2) * 6))
        lists.append(("group", rng.choice(n, size=size, replace=False)))
    popularity = rng.pareto(1.5, n_staff) + 1
    popularity /= popularity.sum()
    owner = rng.choice(n_staff, size=n, p=popularity)  # each user in one staff contact list
    order = np.argsort(owner, kind="stable")
    bounds = np.r_[np.searchsorted(owner[order], np.arange(n_staff)), n]
    for s in range(n_staff):
        members = order[bounds[s]:bounds[s + 1]]
        if len(members) > 1:
            lists.append(("contacts", np.sort(members)))  # display order = nickname order
    for _ in range(n_staff * 2):  # staff with a small book of customers (≤ 60 contacts)
        lists.append(("contacts", np.sort(rng.choice(n, size=int(rng.integers(5, 61)),
                                                     replace=False))))
    return users, lists


def list_pairs(lists, params: Params):
    """(a, b, list kind) of every pair the distinctness rule covers."""
    out_a, out_b, kind = [], [], []
    for k, m in lists:
        n = len(m)
        if n <= params.clique_max:
            a, b = np.triu_indices(n, 1)
        else:
            w = params.window
            a = np.concatenate([np.arange(n - d) for d in range(1, w)])
            b = np.concatenate([np.arange(d, n) for d in range(1, w)])
        out_a.append(m[a])
        out_b.append(m[b])
        kind.append(np.full(len(a), 0 if k == "group" else (1 if n <= params.clique_max else 2)))
    return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(kind)


def identicon_features(user_ids: list[str]) -> np.ndarray:
    """GitHub-style identicons (5×5 mirrored grid, hashed colour) → the same feature space."""
    n = len(user_ids)
    digests = np.frombuffer(b"".join(hashlib.md5(u.encode()).digest() for u in user_ids),
                            dtype=np.uint8).reshape(n, 16)
    bits = (digests[:, :15] % 2 == 0)
    grid = np.zeros((n, 5, 5), dtype=bool)
    grid[:, :, :3] = bits.reshape(n, 5, 3)
    grid[:, :, 3] = grid[:, :, 1]
    grid[:, :, 4] = grid[:, :, 0]
    hue = digests[:, 15] / 255.0
    import colorsys
    rgb = np.array([colorsys.hls_to_rgb(h, 0.55, 0.6) for h in hue])
    px = 48
    cell = np.kron(grid, np.ones((8, 8), dtype=bool))  # 40×40
    img = np.ones((n, px, px, 3)) * 0.94
    img[:, 4:44, 4:44][cell] = np.repeat(rgb, cell.reshape(n, -1).sum(1), axis=0)
    yy, xx = np.mgrid[0:px, 0:px]
    mask = (((yy + 0.5 - px / 2) ** 2 + (xx + 0.5 - px / 2) ** 2) <= (px / 2) ** 2)[..., None]
    img = img * mask + (1 - mask)
    f = px // THUMB_PX
    small = img.reshape(n, THUMB_PX, f, THUMB_PX, f, 3).mean(axis=(2, 4))
    return features_from_thumbs(srgb_to_lab(small)).astype(np.float32)


def pair_distance(feats: np.ndarray, a: np.ndarray, b: np.ndarray, chunk: int = 200_000):
    out = np.empty(len(a), dtype=np.float32)
    for s in range(0, len(a), chunk):
        d = feats[a[s:s + chunk]] - feats[b[s:s + chunk]]
        out[s:s + chunk] = np.sqrt((d * d).sum(1) / (THUMB_PX * THUMB_PX))
    return out


def bench_distinctness(n: int, seed: int) -> dict:
    pictures = read_seed()
    space = variant_space(pictures)
    users, lists = population(n, n // 20, max(10, n // 500), seed)
    params = Params()
    portraits = [build_portrait(u) for u in users]
    adj = cooccurrence_graph(n, [m for _k, m in lists], params)
    t0 = time.perf_counter()
    out = assign([u["user_id"] for u in users], portraits, space, adj, params=params)
    elapsed = time.perf_counter() - t0
    v = np.array([out[i].variant for i in range(n)])
    a, b, kind = list_pairs(lists, params)
    ours = space.dist[v[a], v[b]]
    same_pic = (v[a] // space.n_bg) == (v[b] // space.n_bg)
    ident = pair_distance(identicon_features([u["user_id"] for u in users]), a, b)
    # our library and palette, but each user's variant picked by a hash of the id (no graph)
    import zlib
    vh = np.array([zlib.crc32(u["user_id"].encode()) % space.n_variants for u in users])
    hashed = space.dist[vh[a], vh[b]]
    hashed_same = (vh[a] // space.n_bg) == (vh[b] // space.n_bg)
    res = {"users": n, "pairs": int(len(a)), "assign_s": round(elapsed, 2)}
    for name, sel in (("groups<=60", kind == 0), ("contact lists<=60", kind == 1),
                      ("long contact lists (window)", kind == 2)):
        if not sel.any():
            continue
        res[name] = {
            "pairs": int(sel.sum()),
            "ours_min_D": round(float(ours[sel].min()), 2),
            "ours_below_T": int((ours[sel] < DEFAULT_THRESHOLD).sum()),
            "ours_same_picture": int(same_pic[sel].sum()),
            "identicon_min_D": round(float(ident[sel].min()), 2),
            "identicon_below_T_share": round(float((ident[sel] < DEFAULT_THRESHOLD).mean()), 4),
            "hashed_library_min_D": round(float(hashed[sel].min()), 2),
            "hashed_library_below_T_or_same_picture": int(((hashed[sel] < DEFAULT_THRESHOLD)
                                                           | hashed_same[sel]).sum()),
            "shared_default_min_D": 0.0}
    # match share where interest data exists
    has = np.array([p.has_interests for p in portraits])
    top3 = np.array([bool(set(p.top(3)) & set(space.pictures[v[i] // space.n_bg].tags))
                     for i, p in enumerate(portraits)])
    top3i = np.array([bool(set(p.top_interest_tags(3)) & set(space.pictures[v[i] // space.n_bg].tags))
                      for i, p in enumerate(portraits)])
    res["match_top3_with_interests"] = round(float(top3[has].mean()), 4)
    res["match_top3_interest_tags"] = round(float(top3i[has].mean()), 4)
    res["match_top3_without_interests"] = round(float(top3[~has].mean()), 4)
    res["statuses"] = {s: int(c) for s, c in zip(*np.unique([c.status for c in out.values()],
                                                             return_counts=True))}
    return res


def bench_100k(n: int, seed: int) -> dict:
    pictures = read_seed()
    t0 = time.perf_counter()
    space = variant_space(pictures)
    t_space = time.perf_counter() - t0
    users, lists = population(n, n // 25, 200, seed)
    t1 = time.perf_counter()
    portraits = [build_portrait(u) for u in users]
    t2 = time.perf_counter()
    adj = cooccurrence_graph(n, [m for _k, m in lists], Params())
    t3 = time.perf_counter()
    assign([u["user_id"] for u in users], portraits, space, adj)
    t4 = time.perf_counter()
    return {"users": n, "edges": int(adj.nnz // 2), "variant_space_s": round(t_space, 2),
            "portraits_s": round(t2 - t1, 2), "graph_s": round(t3 - t2, 2),
            "assign_s": round(t4 - t3, 2), "total_s": round(t4 - t1 + t_space, 2)}


def bench_render(n: int) -> dict:
    from concurrent.futures import ThreadPoolExecutor

    pictures = read_seed()
    rng = np.random.default_rng(1)
    jobs = [(pictures[int(rng.integers(len(pictures)))],
             Look(background=int(rng.integers(len(BACKGROUNDS))), text=chr(0x4e00 + i % 300)
                  if i % 2 else chr(65 + i % 26), badge=i % 8)) for i in range(n)]
    out = {"avatars": n}
    for name in ("cold", "warm"):  # cold: the picture layers are drawn the first time
        w, c = time.perf_counter(), time.process_time()
        total = sum(len(render_png(p, look, 128)) for p, look in jobs)
        out[f"{name}_per_s"] = round(n / (time.perf_counter() - w), 1)
        out[f"{name}_per_cpu_s"] = round(n / (time.process_time() - c), 1)
    out["mean_png_bytes"] = total // n
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        w = time.perf_counter()
        list(pool.map(lambda j: render_png(j[0], j[1], 128), jobs))
        out[f"warm_{os.cpu_count()}_threads_per_s"] = round(n / (time.perf_counter() - w), 1)
    return out


async def _load(host: str, port: int, ids: list[str], clients: int, per_client: int):
    """``clients`` concurrent keep-alive connections, each sending ``per_client`` requests one
    after another; latency = request written → whole body read."""
    latencies: list[float] = []
    errors: list[int] = []

    async def client(k: int) -> None:
        rng = np.random.default_rng(k)
        reader, writer = await asyncio.open_connection(host, port)
        for _ in range(per_client):
            uid = ids[int(rng.integers(len(ids)))]
            s = time.perf_counter()
            writer.write(f"GET /avatars/{uid}.png?size=128 HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            status = int((await reader.readline()).split()[1])
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - s)
            if status != 200:
                errors.append(status)
        writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    return latencies, errors, time.perf_counter() - t0


def bench_endpoint(n_users: int, clients: int, per_client: int) -> dict:
    from datetime import datetime, timezone

    from engine.avatars import flow
    from engine.demo.common import bulk_insert
    from engine.store import open_workspace
    from engine.store.models.avatars import AvatarUserSignal
    from engine.store.models.people import Customer, GroupChat, GroupMember

    tmp = tempfile.mkdtemp(prefix="avatars-bench-")
    url = f"sqlite:///{Path(tmp) / 'w.sqlite'}"
    ws = open_workspace(url)
    users, lists = population(n_users, n_users // 20, 10, seed=5)
    ids = [u["user_id"] for u in users]
    t = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with ws.session() as s:
        bulk_insert(s, Customer, [{"id": u["user_id"], "nickname": u["nickname"],
                                   "gender": u["gender"], "region": u["city"], "signature": None,
                                   "avatar_url": None, "created_at": t, "updated_at": t,
                                   "version": 1} for u in users])
        bulk_insert(s, AvatarUserSignal, [{"user_id": u["user_id"], "age": u["age"],
                                           "interests": ",".join(u["interests"]),
                                           "activity": u["activity"], "source": "bench"}
                                          for u in users])
        groups = [m for k, m in lists if k == "group"]
        bulk_insert(s, GroupChat, [{"id": f"g{g}", "name": f"g{g}", "created_at": t}
                                   for g in range(len(groups))])
        bulk_insert(s, GroupMember, [{"group_id": f"g{g}", "member_id": ids[int(i)],
                                      "member_kind": "customer", "joined_at": t}
                                     for g, m in enumerate(groups) for i in m])
    flow.assign_all(ws)
    ws.dispose()
    proc = subprocess.Popen([sys.executable, "-m", "console.cli", "--db", url, "serve", "--port",
                             "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stdout.readline()
        host, port = re.search(r"http://([\d.]+):(\d+)/", line).groups()
        port = int(port)
        conn = http.client.HTTPConnection(host, port, timeout=30)
        t0 = time.perf_counter()
        for uid in ids:  # warm the cache
            conn.request("GET", f"/avatars/{uid}.png?size=128")
            conn.getresponse().read()
        warmup = time.perf_counter() - t0
        conn.close()
        cpu0 = _cpu_seconds(proc.pid)
        latencies, errors, wall = asyncio.run(_load(host, port, ids, clients, per_client))
        server_cpu = _cpu_seconds(proc.pid) - cpu0
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    lat = np.array(latencies) * 1000
    return {"users": n_users, "clients": clients, "requests": int(len(lat)),
            "errors": len(errors), "cold_fill_s": round(warmup, 2),
            "p50_ms": round(float(np.percentile(lat, 50)), 2),
            "p95_ms": round(float(np.percentile(lat, 95)), 2),
            "p99_ms": round(float(np.percentile(lat, 99)), 2),
            "throughput_rps": round(len(lat) / wall, 1),
            "server_cpu_ms_per_request": round(server_cpu * 1000 / max(1, len(lat)), 3),
            "load_average": os.getloadavg()[0]}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU of a process (Linux /proc), to separate cost from machine load."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=["distinct", "scale", "render", "endpoint"])
    args = parser.parse_args()
    q = args.quick
    runs = {"distinct": lambda: bench_distinctness(4000 if q else 20000, seed=21),
            "scale": lambda: bench_100k(20000 if q else 100_000, seed=33),
            "render": lambda: bench_render(500 if q else 3000),
            "endpoint": lambda: bench_endpoint(500 if q else 2000, 50, 40 if q else 200)}
    for name, fn in runs.items():
        if args.only and name != args.only:
            continue
        print(name, json.dumps(fn(), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
