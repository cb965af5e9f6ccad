"""Seeded generator of realistic behaviour logs with planted fraud groups (demo and benchmark).

* Honest users: heavy-tailed activity (log-normal), sessions on favourite streamers picked by a
  Zipf-like popularity (a few huge streamers), diurnal rhythm (evening peak), several actions per
  session spread over 5–90 minutes; a home device and IP, sometimes a carrier-NAT IP shared by
  thousands.
* Internet cafés: 15–150 honest users on 1–3 PCs behind one IP, each acting on their own.
* Fan clubs: 5–12 honest users who watch two or three streams together (a few shared slots).
* Fraud groups: 5–200 accounts that act on 1–3 client streamers in 8–30 lock-step sessions
  (each member joins a session with probability 0.55–0.95 and acts within 5–75 s of its start),
  with camouflage (as many honest-looking actions again on popular streamers at other times) and
  varied device/IP sharing: "farm" (few phones, few IPs), "proxy" (own device ids, few IPs),
  "mixed" and "distinct" (own device and IP per account: behaviour alone must find them).

Everything is drawn from one ``numpy`` generator seeded by ``seed``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.fraud.io import Events
from engine.fraud.stages import factorize, sort_packed

EPOCH = 1_790_812_800  # 2026-10-01T00:00:00Z
ACTIONS = np.array(["like", "barrage", "gift", "follow", "enter", "share"], dtype=object)
HONEST_ACTION_P = [0.52, 0.25, 0.04, 0.03, 0.12, 0.04]
FRAUD_ACTION_P = [0.55, 0.30, 0.05, 0.10, 0.0, 0.0]
DIURNAL = np.array([3, 2, 1.2, .8, .6, .6, 1, 1.6, 2.2, 2.6, 2.8, 3.2, 3.6, 3.4, 3.2, 3.2, 3.4, 3.8,
                    4.6, 5.8, 7, 7.6, 6.6, 4.6])
DIURNAL = DIURNAL / DIURNAL.sum()
MODES = ("farm", "proxy", "mixed", "distinct")


@dataclass
class Synthetic:
    events: Events
    fraud_group: np.ndarray  # per user code: planted group index or -1
    cafe: np.ndarray         # per user code: café index or -1
    fan_club: np.ndarray     # per user code: fan club index or -1
    group_modes: list[str]

    @property
    def fraud_users(self) -> np.ndarray:
        return self.fraud_group >= 0


def _times(rng, n: int, days: int) -> np.ndarray:
    day = rng.integers(0, days, n)
    hour = rng.choice(24, size=n, p=DIURNAL)
    return EPOCH + day * 86400 + hour * 3600 + rng.integers(0, 3600, n)


def generate(n_users: int = 100_000, n_events: int = 1_000_000, *, seed: int = 0, days: int = 7,
             fraud_share: float = 0.02, cafe_share: float = 0.015) -> Synthetic:
    rng = np.random.default_rng(seed)
    n_targets = max(60, n_users // 40)
    pop = 1.0 / (np.arange(n_targets) + 8.0) ** 1.05
    pop /= pop.sum()

    # ---- plant fraud groups and cafés on user codes
    fraud_group = np.full(n_users, -1, np.int32)
    cafe = np.full(n_users, -1, np.int32)
    fan = np.full(n_users, -1, np.int32)
    perm = rng.permutation(n_users)
    pos = 0
    sizes = []
    budget = int(n_users * fraud_share)
    while budget >= 5:
        s = int(min(budget, np.exp(rng.uniform(np.log(5), np.log(200)))))
        if s < 5:
            break
        sizes.append(s)
        fraud_group[perm[pos:pos + s]] = len(sizes) - 1
        pos += s
        budget -= s
    cafe_sizes = []
    budget = int(n_users * cafe_share)
    while budget >= 15:
        s = int(min(budget, rng.integers(15, 151)))
        cafe_sizes.append(s)
        cafe[perm[pos:pos + s]] = len(cafe_sizes) - 1
        pos += s
        budget -= s
    n_fans = max(2, n_users // 4000)
    for i in range(n_fans):
        s = int(rng.integers(5, 13))
        fan[perm[pos:pos + s]] = i
        pos += s

    # ---- honest activity (fraud accounts get camouflage from it below)
    n_fraud_accounts = int((fraud_group >= 0).sum())
    sessions_per_group = rng.integers(8, 31, len(sizes))
    part = rng.uniform(0.55, 0.95, len(sizes))
    per_action = rng.integers(1, 4, len(sizes))
    fraud_est = int(sum(s * k * pp * a * 2 for s, k, pp, a in
                        zip(sizes, sessions_per_group, part, per_action)))
    honest_budget = max(n_users, n_events - fraud_est)
    act = rng.lognormal(0.0, 1.3, n_users)
    act[fraud_group >= 0] = 0.0
    counts = np.maximum(1, np.round(act / act.sum() * (honest_budget - n_fraud_accounts)
                                    )).astype(np.int64)
    counts[fraud_group >= 0] = 0
    user = np.repeat(np.arange(n_users, dtype=np.int32), counts)
    starts = np.cumsum(counts) - counts
    rank = np.arange(user.size) - np.repeat(starts, counts)
    per_session = rng.integers(1, 7, n_users)
    sess_key = user.astype(np.int64) * 1_000_000 + rank // per_session[user]
    new = np.r_[True, sess_key[1:] != sess_key[:-1]]
    sess = np.cumsum(new) - 1
    n_sess = int(sess[-1]) + 1 if sess.size else 0
    sess_user = user[new]
    fav = rng.choice(n_targets, size=(n_users, 3), p=pop)
    use_fav = rng.random(n_sess) < 0.8
    sess_target = np.where(use_fav, fav[sess_user, rng.integers(0, 3, n_sess)],
                           rng.choice(n_targets, size=n_sess, p=pop))
    sess_start = _times(rng, n_sess, days)
    sess_len = rng.integers(300, 5400, n_sess)
    ts = sess_start[sess] + (rng.random(user.size) * sess_len[sess]).astype(np.int64)
    target = sess_target[sess]
    action = rng.choice(len(ACTIONS), size=user.size, p=HONEST_ACTION_P)

    # ---- fan clubs: a few streams watched together
    f_u, f_t, f_ts = [], [], []
    for i in range(n_fans):
        members = np.flatnonzero(fan == i)
        for _ in range(int(rng.integers(2, 4))):
            t0 = _times(rng, 1, days)[0]
            tgt = rng.choice(n_targets, p=pop)
            who = members[rng.random(members.size) < 0.8]
            k = rng.integers(1, 4, who.size)
            f_u.append(np.repeat(who, k))
            f_t.append(np.full(int(k.sum()), tgt))
            f_ts.append(t0 + rng.integers(0, 1800, int(k.sum())))

    # ---- fraud: lock-step sessions on client streamers, plus camouflage
    modes = [MODES[i] for i in rng.integers(0, len(MODES), len(sizes))]
    g_u, g_t, g_ts = [], [], []
    for g, s in enumerate(sizes):
        members = np.flatnonzero(fraud_group == g)
        n_clients = int(rng.integers(1, 4))
        # clients are mid/long-tail streamers, now and then a popular one
        lo = 0 if rng.random() < 0.15 else n_targets // 20
        clients = rng.integers(lo, n_targets, n_clients)
        jitter = int(rng.integers(5, 76))
        for _ in range(int(sessions_per_group[g])):
            t0 = _times(rng, 1, days)[0]
            tgt = clients[rng.integers(0, n_clients)]
            who = members[rng.random(members.size) < part[g]]
            k = rng.integers(1, per_action[g] + 1, who.size)
            g_u.append(np.repeat(who, k))
            g_t.append(np.full(int(k.sum()), tgt))
            g_ts.append(t0 + rng.integers(0, jitter + 1, int(k.sum())))
    fraud_n = int(sum(a.size for a in g_u))
    if fraud_n:
        fu = np.concatenate(g_u)
        # camouflage: about as many honest-looking actions, on popular streamers, own times
        cam = rng.integers(0, 2 * max(1, fraud_n // max(1, n_fraud_accounts)) + 1,
                           n_fraud_accounts)
        fr_members = np.flatnonzero(fraud_group >= 0)
        cu = np.repeat(fr_members, cam)
        user = np.concatenate([user, *f_u, fu, cu]).astype(np.int32)
        target = np.concatenate([target, *f_t, np.concatenate(g_t),
                                 rng.choice(n_targets, size=cu.size, p=pop)])
        ts = np.concatenate([ts, *f_ts, np.concatenate(g_ts), _times(rng, cu.size, days)])
        action = np.concatenate([
            action, rng.choice(len(ACTIONS), size=sum(a.size for a in f_u), p=HONEST_ACTION_P),
            rng.choice(len(ACTIONS), size=fu.size, p=FRAUD_ACTION_P),
            rng.choice(len(ACTIONS), size=cu.size, p=HONEST_ACTION_P)])

    # ---- devices and IPs
    n = user.size
    home_dev = np.arange(n_users, dtype=np.int64)
    second_dev = n_users + np.arange(n_users, dtype=np.int64)
    home_ip = np.arange(n_users, dtype=np.int64)
    n_nat = max(4, n_users // 20_000)
    nat_ip = n_users + rng.integers(0, n_nat, n)
    dev = np.where(rng.random(n) < 0.92, home_dev[user], second_dev[user])
    ip = np.where(rng.random(n) < 0.85, home_ip[user], nat_ip)
    next_dev, next_ip = 2 * n_users, n_users + n_nat
    # cafés: each café has 1–3 PCs and one IP; a user is at the café for 70–100 % of events
    n_cafes = len(cafe_sizes)
    if n_cafes:
        n_pcs = rng.integers(1, 4, n_cafes)
        pc_base = next_dev + np.r_[0, np.cumsum(n_pcs)[:-1]]
        next_dev += int(n_pcs.sum())
        at_cafe = rng.uniform(0.7, 1.0, n_cafes)
        c = cafe[user]
        m = c >= 0
        m[m] = rng.random(int(m.sum())) < at_cafe[c[m]]
        cm = c[m]
        dev[m] = pc_base[cm] + (rng.random(cm.size) * n_pcs[cm]).astype(np.int64)
        ip[m] = next_ip + cm
        next_ip += n_cafes
    # fraud: "farm" all on few phones and IPs, "mixed" 60 % of the time, "proxy" own device
    # ids but few IPs, "distinct" own device and IP
    n_groups = len(sizes)
    if n_groups:
        mode_arr = np.array(modes, dtype=object)
        sizes_a = np.asarray(sizes)
        n_phones = np.maximum(1, np.round(sizes_a / rng.uniform(4, 20, n_groups))).astype(np.int64)
        n_ips = np.maximum(1, np.round(sizes_a / rng.uniform(5, 25, n_groups))).astype(np.int64)
        phone_base = next_dev + np.r_[0, np.cumsum(n_phones)[:-1]]
        ip_base = next_ip + np.r_[0, np.cumsum(n_ips)[:-1]]
        next_dev += int(n_phones.sum())
        next_ip += int(n_ips.sum())
        member = np.flatnonzero(fraud_group >= 0)
        g_of = fraud_group[member]
        phone_of = np.full(n_users, -1, np.int64)
        phone_of[member] = phone_base[g_of] + (rng.random(member.size) * n_phones[g_of]).astype(np.int64)
        uses_phone = np.isin(mode_arr, ["farm", "mixed"])
        uses_ips = np.isin(mode_arr, ["farm", "proxy", "mixed"])
        share_p = np.where(mode_arr == "mixed", 0.6, 1.0).astype(float)
        g = fraud_group[user]
        f = np.flatnonzero(g >= 0)
        gf = g[f]
        take = uses_phone[gf] & (rng.random(f.size) < share_p[gf])
        dev[f[take]] = phone_of[user[f[take]]]
        take = uses_ips[gf] & (rng.random(f.size) < share_p[gf])
        ft, gt = f[take], gf[take]
        ip[ft] = ip_base[gt] + (rng.random(ft.size) * n_ips[gt]).astype(np.int64)

    _, order = sort_packed(ts - ts.min(), np.arange(ts.size, dtype=np.int64))
    user, target, ts, action = user[order], target[order], ts[order], action[order]
    dev, ip = dev[order], ip[order]
    dev_i, dcodes = factorize(dev)
    ip_i, icodes = factorize(ip)
    users = np.array([f"u{i:07d}" for i in range(n_users)], dtype=object)
    targets = np.array([f"t{i:06d}" for i in range(n_targets)], dtype=object)
    devices = np.array([f"dev-{int(d):08x}" for d in dcodes], dtype=object)
    ips = np.array([f"10.{(int(x) >> 16) & 255}.{(int(x) >> 8) & 255}.{int(x) & 255}"
                    if x < n_users else f"100.64.{(int(x) >> 8) & 255}.{int(x) & 255}"
                    for x in icodes], dtype=object)
    ev = Events(user.astype(np.int32), action.astype(np.int16), target.astype(np.int32),
                ts.astype(np.int64), dev_i.astype(np.int32), ip_i.astype(np.int32),
                users, ACTIONS.copy(), targets, devices, ips, source=f"synthetic seed {seed}")
    return Synthetic(ev, fraud_group, cafe, fan, modes)
