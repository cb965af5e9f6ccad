"""Demo part: the loan-application process, two weeks of events and the outbox of past nudges.

Users (the demo customers) start an application at a random time in the 14 days before
``DEMO_EPOCH``.  At each step they dwell for a log-normal time (medians and spreads per step below,
with a heavy tail of people who stall), operate a few times, sometimes leave and come back, and
either advance or drop out.  80 % of stalled visits that crossed the step's threshold got a nudge
(the other 20 % are the hold-out group); a nudge brings some users back sooner, so the backtest's
"nudged vs comparable" comparison has a real effect to find.  Events after DEMO_EPOCH are cut: at
the demo clock many users are mid-process, which is what the pane evaluates.
"""
from __future__ import annotations

import json
from datetime import timedelta, timezone

import numpy as np
from sqlalchemy import select

from engine.demo.common import DEMO_EPOCH, bulk_insert
from engine.nudges.events import NS
from engine.nudges.rules import load_rules, process_to_dict
from engine.progress import NO_STATE, TaskState
from engine.resources import resource
from engine.store.info import set_info
from engine.store.models.nudges import NudgeEvent, NudgeOutbox, NudgeProcess
from engine.store.models.people import Customer

SIZES = {"small": 1_500, "large": 100_000}
# per step: median dwell (s), log-normal sigma, P(advance | not stalled), P(stall)
STEPS = [("register", 240, 0.9, 0.93, 0.30), ("verify", 900, 1.1, 0.85, 0.35),
         ("bind_card", 600, 1.0, 0.80, 0.35), ("authorise", 1800, 1.2, 0.88, 0.30),
         ("submit", 300, 0.8, 0.95, 0.20)]
STALL_MEDIAN = [3 * 3600, 8 * 3600, 6 * 3600, 10 * 3600, 2 * 3600]
DOCS_ZH = ["身份证正面", "身份证反面", "人脸识别", "工作证明", "银行流水"]
DOCS_EN = ["ID card front", "ID card back", "face check", "proof of employment",
           "bank statement"]
NUDGE_EFFECT = 0.35  # share of nudged stalled users who come back soon after the nudge
DEMO_CLOCK_KEY = "nudges_clock"


def demo_rules():
    return load_rules(resource("nudges", "loan.toml"))


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text or "")


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    processes = demo_rules()
    loan = processes[0]
    for p in processes:
        session.add(NudgeProcess(id=p.id, name=p.name, updated_by="demo", updated_at=DEMO_EPOCH,
                                 definition=json.dumps(process_to_dict(p), ensure_ascii=False)))
    customers = session.execute(select(Customer.id, Customer.nickname).order_by(Customer.id)).all()
    n_users = min(SIZES[scale], len(customers)) if customers else SIZES[scale]
    if not customers:
        customers = [(f"c{i:06d}", f"用户{i}") for i in range(n_users)]
    thresholds = [loan.node(s[0]).threshold for s in STEPS]
    epoch_ns = int(DEMO_EPOCH.timestamp()) * NS
    events, outbox = [], []
    seq = 0
    start = epoch_ns - (rng.random(n_users) * 14 * 86400 * NS).astype(np.int64)
    for u in range(n_users):
        if u % 500 == 0:
            state.check()
            state.set_progress(0.9 * u / n_users, f"loan applications {u:,}/{n_users:,}")
        uid, nick = customers[u]
        zh = _is_cjk(nick or "")
        amount = int(rng.choice([3000, 5000, 8000, 10000, 20000, 50000], p=[.15, .25, .2, .2, .15, .05]))
        attrs = {"name": nick, "amount": amount, "lang": "zh" if zh else "en"}
        if rng.random() < 0.08:
            attrs.pop("name")  # the fallback shows in messages
        t = int(start[u])
        first = True
        for k, (node, median, sigma, p_adv, p_stall) in enumerate(STEPS):
            visit_start = t
            ev_attrs = dict(attrs) if first else None
            if node == "verify":
                docs = [d for d in (DOCS_ZH if zh else DOCS_EN) if rng.random() < 0.3][:3]
                ev_attrs = {**(ev_attrs or {}), "missing_docs": docs}
            first = False
            events.append((uid, node, "enter", t, ev_attrs))
            stalled = rng.random() < p_stall
            dwell = rng.lognormal(np.log(STALL_MEDIAN[k] if stalled else median), sigma)
            nudged_at = None
            if dwell > thresholds[k] and rng.random() < 0.8:
                nudged_at = visit_start + int(thresholds[k] * NS)
                if rng.random() < NUDGE_EFFECT:
                    dwell = thresholds[k] + rng.exponential(1800)
            end = t + int(dwell * NS)
            n_ops = int(rng.integers(0, 4))
            ops = np.sort(rng.integers(t, max(end, t + 1), n_ops)) if n_ops else []
            for o in ops:
                events.append((uid, node, "operate", int(o), None))
            if rng.random() < 0.15 and end - t > 120 * NS:  # left the page and came back
                back = int(t + (end - t) * rng.uniform(0.3, 0.9))
                events.append((uid, node, "leave", back - 60 * NS, None))
                events.append((uid, node, "enter", back, None))
                if nudged_at is not None and nudged_at > back:
                    nudged_at = None  # the nudge belonged to the earlier visit
            if nudged_at is not None and nudged_at <= epoch_ns:
                outbox.append((uid, node, visit_start, nudged_at, dwell, attrs))
            advance = rng.random() < (p_adv if not stalled else p_adv * 0.6)
            if not advance:
                if rng.random() < 0.5:
                    events.append((uid, node, "leave", end, None))
                break
            t = end
            if k == len(STEPS) - 1:
                events.append((uid, node, "complete", end, None))
    state.set_progress(0.9, "storing events")
    events.sort(key=lambda e: e[3])  # arrival order; ties keep generation order
    rows = []
    for uid, node, ev, ts, at in events:
        if ts > epoch_ns:
            continue
        seq += 1
        rows.append({"seq": seq, "user_id": uid, "process_id": "loan", "node_id": node,
                     "event": ev, "ts_ns": ts,
                     "ts": DEMO_EPOCH + timedelta(microseconds=(ts - epoch_ns) // 1000),
                     "attrs": json.dumps(at, ensure_ascii=False) if at else None})
    bulk_insert(session, NudgeEvent, rows)
    from engine.nudges.messages import choose_template, render

    ob_rows = []
    for i, (uid, node, vstart, sent, dwell, attrs) in enumerate(outbox):
        n = loan.node(node)
        lang, text = choose_template(n.templates, attrs, loan.language_attr, loan.default_language)
        msg = render(text, attrs, loan.fallbacks_for(lang))
        status = "sent" if sent < epoch_ns - 3600 * NS else ("pending" if i % 7 else "failed")
        sent_dt = (DEMO_EPOCH + timedelta(microseconds=(sent - epoch_ns) // 1000)).astimezone(
            timezone.utc)
        ob_rows.append({"user_id": uid, "process_id": "loan", "node_id": node,
                        "visit_start_ns": vstart, "evaluated_at_ns": sent,
                        "dwell_seconds": n.threshold, "message": str(msg), "channel": n.channel,
                        "priority": n.priority, "language": lang, "status": status,
                        "attempts": 1 if status != "pending" else 0,
                        "last_error": "HTTP 503 from webhook (after 4 attempts)"
                        if status == "failed" else None,
                        "created_at": sent_dt, "sent_at": sent_dt if status == "sent" else None})
    bulk_insert(session, NudgeOutbox, ob_rows)
    set_info(session, DEMO_CLOCK_KEY, str(epoch_ns))
    state.set_progress(1.0, "nudges demo")
    return {"nudge_processes": len(processes), "nudge_events": len(rows),
            "nudge_outbox": len(ob_rows)}
