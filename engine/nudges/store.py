"""The nudges workspace: process definitions, imported events and the outbox.

Exactly once per user-node visit: the outbox has a unique key on (user, process, node, visit
start) and :func:`enqueue` inserts a whole evaluation's nudges in one transaction with
``ON CONFLICT DO NOTHING``.  A run that crashes before the commit leaves nothing; one that crashes
after leaves every row, and re-running the evaluation adds none twice.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone

import numpy as np
import pyarrow as pa
from sqlalchemy import func, select, update

from engine.errors import ConflictError, InputError, NotFoundError
from engine.nudges.evaluate import History
from engine.nudges.events import DICT, NS, SCHEMA
from engine.nudges.nudging import Nudge
from engine.nudges.rules import Process, parse_process, process_to_dict
from engine.progress import NO_STATE, TaskState
from engine.store.db import Workspace
from engine.store.models.nudges import NudgeEvent, NudgeOutbox, NudgeProcess

CHUNK = 50_000
OUTBOX_CHUNK = 5_000


def _insert(session):
    name = session.get_bind().dialect.name
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


# -- processes ------------------------------------------------------------------------------
def save_processes(ws: Workspace, processes: list[Process], user: str = "",
                   expected: dict[str, int] | None = None) -> dict[str, int]:
    """Insert or replace process definitions in one transaction; returns their new versions.

    ``expected`` maps a process id to the version the editor loaded: if someone saved that
    process since, nothing is written and :class:`ConflictError` says so.
    """
    versions = {}
    with ws.session() as s:
        for p in processes:
            row = s.get(NudgeProcess, p.id)
            text = json.dumps(process_to_dict(p), ensure_ascii=False)
            if expected is not None and p.id in expected and (
                    row is None or row.version != expected[p.id]):
                who = (row.updated_by if row is not None else "") or "someone"
                raise ConflictError(f"process '{p.id}' was changed by {who} since you loaded it; "
                                    "reload to see their change, then edit again")
            if row is None:
                row = NudgeProcess(id=p.id, name=p.name, definition=text, updated_by=user)
                s.add(row)
            else:
                row.name, row.definition, row.updated_by = p.name, text, user
            s.flush()
            versions[p.id] = row.version
    return versions


def process_versions(ws: Workspace) -> dict[str, int]:
    with ws.session() as s:
        return dict(s.execute(select(NudgeProcess.id, NudgeProcess.version)).all())


def load_processes(ws: Workspace) -> list[Process]:
    with ws.session() as s:
        rows = s.execute(select(NudgeProcess).order_by(NudgeProcess.id)).scalars().all()
        return [parse_process(json.loads(r.definition), f"workspace process[{r.id}]")
                for r in rows]


def delete_process(ws: Workspace, process_id: str) -> None:
    with ws.session() as s:
        row = s.get(NudgeProcess, process_id)
        if row is None:
            raise NotFoundError(f"no process '{process_id}' in the workspace")
        s.delete(row)


# -- events ---------------------------------------------------------------------------------
def import_events(ws: Workspace, events: pa.Table, state: TaskState = NO_STATE) -> int:
    """Append an event log to the workspace, keeping its order after the events already there."""
    n = len(events)
    with ws.session() as s:
        start = (s.execute(select(func.max(NudgeEvent.seq))).scalar() or 0) + 1
        cols = {c: events[c].combine_chunks() for c in SCHEMA.names}
        for a in range(0, n, CHUNK):
            state.check()
            b = min(n, a + CHUNK)
            ts = cols["ts"].slice(a, b - a).to_numpy()
            rows = [{"seq": start + a + i, "user_id": u, "process_id": p, "node_id": nd,
                     "event": e, "ts_ns": t,
                     "ts": datetime.fromtimestamp(t // 1000 / 1e6, tz=timezone.utc), "attrs": at}
                    for i, (u, p, nd, e, t, at) in enumerate(zip(
                        cols["user_id"].slice(a, b - a).cast(pa.string()).to_pylist(),
                        cols["process_id"].slice(a, b - a).cast(pa.string()).to_pylist(),
                        cols["node_id"].slice(a, b - a).cast(pa.string()).to_pylist(),
                        cols["event"].slice(a, b - a).cast(pa.string()).to_pylist(),
                        ts.tolist(), cols["attrs"].slice(a, b - a).to_pylist()))]
            s.execute(NudgeEvent.__table__.insert(), rows)
            state.set_progress(b / max(n, 1), f"imported {b:,} of {n:,} events")
    return n


def workspace_events(ws: Workspace, process_id: str | None = None,
                     state: TaskState = NO_STATE) -> pa.Table:
    """The workspace's events as an event-log table, in input order."""
    t = NudgeEvent.__table__
    q = select(t.c.user_id, t.c.process_id, t.c.node_id, t.c.event, t.c.ts_ns, t.c.attrs)
    if process_id:
        q = q.where(t.c.process_id == process_id)
    q = q.order_by(t.c.seq)
    cols: dict[str, list] = {c: [] for c in ("user_id", "process_id", "node_id", "event", "ts",
                                             "attrs")}
    with ws.engine.connect() as conn:
        result = conn.execution_options(yield_per=CHUNK).execute(q)
        for part in result.partitions():
            state.check()
            u, p, nd, e, ts, at = zip(*part)
            cols["user_id"] += u
            cols["process_id"] += p
            cols["node_id"] += nd
            cols["event"] += e
            cols["ts"] += ts
            cols["attrs"] += at
    if not cols["ts"]:
        return SCHEMA.empty_table()
    import pyarrow.compute as pc

    def enc(values):
        return pc.dictionary_encode(pa.array(values, pa.string())).cast(DICT)

    return pa.table([enc(cols["user_id"]), enc(cols["process_id"]), enc(cols["node_id"]),
                     enc(cols["event"]), pa.array(np.asarray(cols["ts"], dtype=np.int64)),
                     pa.array(cols["attrs"], pa.string())], schema=SCHEMA)


def clear_events(ws: Workspace) -> None:
    with ws.session() as s:
        s.execute(NudgeEvent.__table__.delete())


# -- outbox ---------------------------------------------------------------------------------
def history(ws: Workspace, process_ids: list[str] | None = None) -> History:
    """Nudges already in the outbox (any status): "already nudged" and the per-user caps."""
    t = NudgeOutbox.__table__
    q = select(t.c.user_id, t.c.process_id, t.c.node_id, t.c.visit_start_ns, t.c.evaluated_at_ns)
    if process_ids:
        q = q.where(t.c.process_id.in_(process_ids))
    h = History()
    with ws.engine.connect() as conn:
        for u, p, n, v, e in conn.execute(q):
            h.add(u, p, n, v, e)
    return h


def enqueue(ws: Workspace, nudges: list[Nudge], at_ns: int) -> int:
    """Add due nudges to the outbox in one transaction; returns how many were new."""
    if not nudges:
        return 0
    rows = [{"user_id": x.user_id, "process_id": x.process_id, "node_id": x.node_id,
             "visit_start_ns": x.visit_start_ns, "evaluated_at_ns": int(at_ns),
             "dwell_seconds": x.dwell_ns / NS, "message": x.message, "channel": x.channel,
             "priority": x.priority, "language": x.language, "status": "pending", "attempts": 0,
             "created_at": datetime.now(timezone.utc)} for x in nudges]
    new = 0
    with ws.session() as s:
        insert = _insert(s)
        for a in range(0, len(rows), OUTBOX_CHUNK):
            stmt = insert(NudgeOutbox).values(rows[a:a + OUTBOX_CHUNK]).on_conflict_do_nothing(
                index_elements=["user_id", "process_id", "node_id", "visit_start_ns"]
            ).returning(NudgeOutbox.id)
            new += len(s.execute(stmt).all())
    return new


def outbox_rows(ws: Workspace, status: str | None = None, limit: int = 100_000) -> list[dict]:
    t = NudgeOutbox.__table__
    q = select(t).order_by(t.c.id.desc()).limit(limit)
    if status:
        q = q.where(t.c.status == status)
    with ws.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def outbox_counts(ws: Workspace) -> dict[str, int]:
    t = NudgeOutbox.__table__
    with ws.engine.connect() as conn:
        return {s: n for s, n in conn.execute(select(t.c.status, func.count()).group_by(t.c.status))}


def dispatch(ws: Workspace, sender, *, limit: int | None = None, max_attempts: int = 5,
             state: TaskState = NO_STATE) -> dict[str, int]:
    """Deliver pending outbox rows through ``sender``; each row's outcome commits on its own.

    A crash mid-run leaves unsent rows ``pending`` for the next run.  Senders get an idempotency
    key (``outbox-<id>``) so a receiver can drop the one duplicate a crash between "sent" and the
    status commit could cause.
    """
    from engine.nudges.senders import SendError

    t = NudgeOutbox.__table__
    q = select(t).where(t.c.status == "pending").order_by(t.c.priority.desc(), t.c.id)
    if limit:
        q = q.limit(limit)
    with ws.engine.connect() as conn:
        pending = [dict(r._mapping) for r in conn.execute(q)]
    counts = {"sent": 0, "failed": 0, "pending": 0}
    for i, row in enumerate(pending):
        state.check()
        payload = {"idempotency_key": f"outbox-{row['id']}", "user_id": row["user_id"],
                   "process_id": row["process_id"], "node_id": row["node_id"],
                   "channel": row["channel"], "priority": row["priority"],
                   "message": row["message"], "dwell_seconds": row["dwell_seconds"]}
        values: dict = {"attempts": t.c.attempts + 1}
        try:
            sender.send(payload)
        except SendError as exc:
            final = exc.permanent or row["attempts"] + 1 >= max_attempts
            values.update(status="failed" if final else "pending", last_error=str(exc))
            counts["failed" if final else "pending"] += 1
        else:
            values.update(status="sent", sent_at=datetime.now(timezone.utc), last_error=None)
            counts["sent"] += 1
        with ws.session() as s:
            s.execute(update(t).where(t.c.id == row["id"]).values(**values))
        state.set_progress((i + 1) / len(pending), f"delivered {i + 1:,} of {len(pending):,}")
    return counts


def retry_failed(ws: Workspace) -> int:
    t = NudgeOutbox.__table__
    with ws.session() as s:
        return s.execute(update(t).where(t.c.status == "failed").values(
            status="pending", attempts=0)).rowcount or 0


def require_processes(ws: Workspace) -> list[Process]:
    processes = load_processes(ws)
    if not processes:
        raise InputError("the workspace has no nudge processes; import a rules file first "
                         "(operator-console nudges import-rules FILE)", place="workspace")
    return processes
