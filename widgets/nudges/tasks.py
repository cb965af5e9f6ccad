"""Background work of the nudges pane: plain functions returning plain data (no Qt)."""
from __future__ import annotations

import time

from engine.nudges import store
from engine.nudges.backtest import backtest
from engine.nudges.events import NS
from engine.nudges.nudging import run_evaluation
from engine.nudges.overview import overview
from engine.nudges.rules import format_duration, load_rules, parse_duration, save_rules as _save
from engine.progress import NO_STATE, SubState
from engine.store.info import get_info


def default_time(ws) -> int:
    """The demo's clock in a demo workspace, otherwise now."""
    from engine.nudges.demo import DEMO_CLOCK_KEY

    with ws.session() as s:
        value = get_info(s, DEMO_CLOCK_KEY)
    return int(value) if value else time.time_ns()


def load_all(ws, at_ns: int | None, state=NO_STATE) -> dict:
    at = at_ns if at_ns is not None else default_time(ws)
    processes = store.load_processes(ws)
    versions = store.process_versions(ws)
    events = store.workspace_events(ws, state=SubState(state, 0.0, 0.4))
    ov = overview(events, processes, at, state=SubState(state, 0.4, 0.9))
    rows, counts = load_outbox(ws, None)
    return {"at": at, "processes": processes, "versions": versions, "events": events,
            "overview": ov,
            "outbox": rows, "outbox_counts": counts}


def load_outbox(ws, status: str | None, state=NO_STATE) -> tuple[list[dict], dict]:
    return store.outbox_rows(ws, status, limit=20_000), store.outbox_counts(ws)


def queue_due(ws, events, processes, at_ns: int, state=NO_STATE) -> dict:
    hist = store.history(ws, [p.id for p in processes])
    out = run_evaluation(events, processes, at_ns, hist, state=SubState(state, 0, 0.8))
    new = store.enqueue(ws, out.nudges, at_ns)
    return {"new": new, "due": len(out.nudges), "errors": out.errors}


def deliver(ws, spec: str, state=NO_STATE) -> dict:
    from engine.nudges.senders import make_sender

    return store.dispatch(ws, make_sender(spec), state=state)


def retry_failed(ws, state=NO_STATE) -> int:
    """Failed rows back to pending (after fixing the webhook, say)."""
    return store.retry_failed(ws)


def run_backtest(ws, events, processes, window_text: str, state=NO_STATE) -> dict:
    window = parse_duration(window_text, "advance window")
    sent = {(r["user_id"], r["process_id"], r["node_id"], r["visit_start_ns"]): r["evaluated_at_ns"]
            for r in store.outbox_rows(ws, "sent", limit=10**9)}
    result = backtest(events, processes, window_s=window, sent=sent or None, state=state)
    rows = result.rows()
    for r in rows:
        r["threshold"] = format_duration(r["threshold_s"])
    return {"rows": rows, "days": result.days,
            "per_day": {f"{p}.{n}": v for (p, n), v in result.per_day.items()}}


def import_rules(ws, path: str, user: str, state=NO_STATE) -> dict[str, int]:
    return store.save_processes(ws, load_rules(path), user)


def export_rules(processes, path: str, state=NO_STATE) -> None:
    _save(processes, path)


def save_rules(ws, processes, user: str, versions: dict[str, int] | None = None,
               state=NO_STATE) -> dict[str, int]:
    return store.save_processes(ws, processes, user, expected=versions)


__all__ = ["NS", "load_all", "load_outbox", "queue_due", "deliver", "run_backtest",
           "import_rules", "export_rules", "save_rules"]
