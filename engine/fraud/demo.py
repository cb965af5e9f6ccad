"""Demo part: a behaviour log with planted fraud groups, café clusters and honest users, one
detection run over it and two moderator decisions (the generator is the benchmark's)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from engine.demo.common import DEMO_EPOCH
from engine.fraud.params import Params
from engine.fraud.pipeline import detect
from engine.fraud.store import import_log_in, save_run_in
from engine.fraud.synth import generate
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.models.fraud import FraudDecision, FraudGroup, FraudLog, FraudRun

SIZES = {"small": (3_000, 45_000), "large": (110_000, 1_150_000)}  # large: ≥ 1M events


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    n_users, n_events = SIZES[scale]
    state.set_progress(0.0, "fraud: generating behaviour log")
    synth = generate(n_users, n_events, seed=seed % (2**31), fraud_share=0.06, cafe_share=0.03)
    ev = synth.events
    log = import_log_in(session, ev, name="demo-live-week", source="demo generator",
                        user="s000", state=SubState(state, 0.05, 0.6))
    state.check()
    result = detect(ev, Params(), state=SubState(state, 0.6, 0.95))
    saved = save_run_in(session, result, log_id=log["id"], source="demo-live-week", user="s000")
    # fixed clock and no wall-clock timings: the same seed gives the same rows
    session.get(FraudLog, log["id"]).imported_at = DEMO_EPOCH + timedelta(days=7, hours=8)
    run = session.get(FraudRun, saved["run_id"])
    run.created_at = DEMO_EPOCH + timedelta(days=7, hours=9)
    run.stats = {k: v for k, v in run.stats.items() if k not in ("seconds", "stage_seconds")}
    groups = list(session.scalars(select(FraudGroup).where(FraudGroup.run_id == run.id)
                                  .order_by(FraudGroup.rank).limit(3)))
    decisions = 0
    for g, status, note, who in zip(groups, ("confirmed", "needs_review"),
                                    ("Same 3 phones, lock-step likes on one streamer; banned.",
                                     "Check with the streamer's agency before acting."),
                                    ("s001", "s002")):
        d = FraudDecision(status=status, note=note, members=list(g.members), decided_by=who,
                          decided_at=DEMO_EPOCH + timedelta(days=7, hours=10 + decisions))
        session.add(d)
        session.flush()
        g.decision_id, g.match = d.id, 1.0
        decisions += 1
    state.set_progress(1.0, "fraud demo ready")
    return {"fraud_events": len(ev), "fraud_users": int(len(ev.users)),
            "fraud_groups": saved["groups"], "fraud_decisions": decisions}
