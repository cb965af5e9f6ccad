"""The fraud capability in the workspace: logs, runs, groups and moderator decisions.

Every write is one transaction (``ws.session()``): an import, a run with all its groups, or a
decision is stored whole or not at all.  Functions hand back plain dicts, never ORM objects.
"""
from __future__ import annotations

from datetime import datetime, timezone

import numpy as np
import pyarrow as pa
from sqlalchemy import delete, func, select

from engine.errors import ConflictError, InputError, NotFoundError
from engine.fraud.io import Events, events_from_table
from engine.progress import NO_STATE, TaskState
from engine.store.db import Workspace
from engine.store.models.fraud import FraudDecision, FraudEvent, FraudGroup, FraudLog, FraudRun

STATUSES = ("confirmed", "dismissed", "needs_review")
MATCH_JACCARD = 0.5  # a new group inherits a decision when members overlap at least this much
_COLS = ("user_id", "action", "target_id", "ts", "device_id", "ip")


def insert_events(session, log_id: int, events: Events, state: TaskState = NO_STATE,
                  chunk: int = 50_000) -> int:
    """Bulk insert (executemany of plain tuples, one round trip per chunk)."""
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO fraud_event (log_id, {', '.join(_COLS)}) "
           f"VALUES ({', '.join([mark] * 7)})")
    cols = [events.users[events.user], events.actions[events.action],
            events.targets[events.target], events.ts.tolist()]
    for codes, vocab in ((events.device, events.devices), (events.ip, events.ips)):
        v = np.append(vocab, None).astype(object)
        cols.append(v[np.where(codes < 0, vocab.size, codes)])
    n = len(events)
    for s in range(0, n, chunk):
        e = min(n, s + chunk)
        rows = list(zip([log_id] * (e - s), *(c[s:e] for c in cols)))
        conn.exec_driver_sql(sql, rows)
        state.set_progress(e / n, f"stored {e:,} of {n:,} events")
        state.check()
    return n


def import_log(ws: Workspace, events: Events, *, name: str, source: str = "", user: str = "",
               replace: bool = False, state: TaskState = NO_STATE) -> dict:
    """Store ``events`` as the log ``name`` (refuses an existing name unless ``replace``)."""
    if not name.strip():
        raise InputError("a log needs a name", place="--name")
    with ws.session() as s:
        return import_log_in(s, events, name=name, source=source, user=user, replace=replace,
                             state=state)


def import_log_in(s, events: Events, *, name: str, source: str = "", user: str = "",
                  replace: bool = False, state: TaskState = NO_STATE) -> dict:
    """:func:`import_log` inside an open session."""
    old = s.scalar(select(FraudLog).where(FraudLog.name == name))
    if old is not None:
        if not replace:
            raise InputError(f"a log named '{name}' exists already; pass --replace to "
                             "overwrite it or choose another --name", place="--name")
        s.execute(delete(FraudEvent).where(FraudEvent.log_id == old.id))
        s.delete(old)
        s.flush()
    log = FraudLog(name=name, source=source, events=len(events), users=int(len(events.users)),
                   ts_min=int(events.ts.min()) if len(events) else None,
                   ts_max=int(events.ts.max()) if len(events) else None,
                   imported_by=user or None)
    s.add(log)
    s.flush()
    insert_events(s, log.id, events, state)
    return _log_dict(log)


def _log_dict(log: FraudLog) -> dict:
    return {"id": log.id, "name": log.name, "source": log.source, "events": log.events,
            "users": log.users, "ts_min": log.ts_min, "ts_max": log.ts_max,
            "imported_at": log.imported_at, "imported_by": log.imported_by}


def list_logs(ws: Workspace) -> list[dict]:
    with ws.session() as s:
        return [_log_dict(x) for x in s.scalars(select(FraudLog).order_by(FraudLog.id))]


def load_log(ws: Workspace, log_id: int, state: TaskState = NO_STATE) -> Events:
    with ws.session() as s:
        log = s.get(FraudLog, log_id)
        if log is None:
            raise NotFoundError(f"no behaviour log with id {log_id}")
        conn = s.connection()
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        result = conn.exec_driver_sql(
            f"SELECT {', '.join(_COLS)} FROM fraud_event WHERE log_id = {mark} ORDER BY id",
            (log_id,))
        columns: list[list] = [[] for _ in _COLS]
        done = 0
        while True:
            rows = result.fetchmany(100_000)
            if not rows:
                break
            for col, values in zip(columns, zip(*rows)):
                col.extend(values)
            done += len(rows)
            state.set_progress(done / max(log.events, 1), f"read {done:,} events")
            state.check()
        name = log.name
    table = pa.table({c: pa.array(v, type=pa.int64() if c == "ts" else pa.string())
                      for c, v in zip(_COLS, columns)})
    return events_from_table(table, place=f"workspace log '{name}'")


# ------------------------------------------------------------------ runs and decisions
def _jaccard_best(groups: list[list[str]], decided: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """For each group: index of the decided member set with the highest Jaccard, and that value."""
    from scipy import sparse

    if not groups or not decided:
        return np.full(len(groups), -1), np.zeros(len(groups))
    vocab: dict[str, int] = {}

    def incidence(sets):
        rows, cols = [], []
        for i, members in enumerate(sets):
            for m in members:
                rows.append(i)
                cols.append(vocab.setdefault(m, len(vocab)))
        return rows, cols

    gr, gc = incidence(groups)
    dr, dc = incidence(decided)
    shape_c = len(vocab)
    a = sparse.csr_matrix((np.ones(len(gr)), (gr, gc)), shape=(len(groups), shape_c))
    b = sparse.csr_matrix((np.ones(len(dr)), (dr, dc)), shape=(len(decided), shape_c))
    a.sum_duplicates(); a.data[:] = 1
    b.sum_duplicates(); b.data[:] = 1
    inter = (a @ b.T).toarray()
    union = np.add.outer(np.asarray(a.sum(1)).ravel(), np.asarray(b.sum(1)).ravel()) - inter
    jac = inter / np.maximum(union, 1)
    best = jac.argmax(axis=1)
    return best, jac[np.arange(len(groups)), best]


def save_run(ws: Workspace, result: dict, *, log_id: int | None = None, source: str = "",
             user: str = "") -> dict:
    """Store a detection result; each group is matched to the closest earlier decision."""
    with ws.session() as s:
        return save_run_in(s, result, log_id=log_id, source=source, user=user)


def save_run_in(s, result: dict, *, log_id: int | None = None, source: str = "",
                user: str = "") -> dict:
    """:func:`save_run` inside an open session (the demo builds everything in one transaction)."""
    decisions = list(s.scalars(select(FraudDecision)))
    best, jac = _jaccard_best([g["members"] for g in result["groups"]],
                              [d.members for d in decisions])
    run = FraudRun(log_id=log_id, source=source, params=result["params"],
                   stats=result["stats"], created_by=user or None)
    s.add(run)
    s.flush()
    rows = []
    for rank, g in enumerate(result["groups"]):
        matched = decisions[best[rank]] if jac[rank] >= MATCH_JACCARD else None
        rows.append(FraudGroup(
            run_id=run.id, rank=rank + 1, key=g["id"], score=g["score"], size=g["size"],
            devices=g["devices"], ips=g["ips"], similarity=g["similarity"],
            members=g["members"], reasons=g["reasons"], evidence=g["evidence"],
            decision_id=matched.id if matched else None,
            match=round(float(jac[rank]), 4) if matched else None))
    s.add_all(rows)
    s.flush()
    return {"run_id": run.id, "groups": len(rows),
            "matched": sum(1 for r in rows if r.decision_id is not None)}


def latest_run(ws: Workspace, log_id: int | None = None) -> int | None:
    with ws.session() as s:
        q = select(func.max(FraudRun.id))
        if log_id is not None:
            q = q.where(FraudRun.log_id == log_id)
        return s.scalar(q)


def load_run(ws: Workspace, run_id: int) -> dict:
    """A run with its groups (without evidence) and each group's decision, as plain data."""
    with ws.session() as s:
        run = s.get(FraudRun, run_id)
        if run is None:
            raise NotFoundError(f"no fraud run with id {run_id}")
        q = (select(FraudGroup.id, FraudGroup.rank, FraudGroup.key, FraudGroup.score,
                    FraudGroup.size, FraudGroup.devices, FraudGroup.ips, FraudGroup.similarity,
                    FraudGroup.reasons, FraudGroup.members, FraudGroup.match, FraudDecision.id, FraudDecision.status,
                    FraudDecision.note, FraudDecision.decided_by, FraudDecision.decided_at)
             .outerjoin(FraudDecision, FraudGroup.decision_id == FraudDecision.id)
             .where(FraudGroup.run_id == run_id).order_by(FraudGroup.rank))
        groups = [{"group_id": r[0], "rank": r[1], "id": r[2], "score": r[3], "size": r[4],
                   "devices": r[5], "ips": r[6], "similarity": r[7], "reasons": r[8],
                   "members": r[9], "match": r[10], "decision_id": r[11],
                   "status": r[12] or "", "note": r[13] or "", "decided_by": r[14] or "",
                   "decided_at": r[15]}
                  for r in s.execute(q)]
        return {"run_id": run.id, "log_id": run.log_id, "source": run.source,
                "params": run.params, "stats": run.stats, "created_at": run.created_at,
                "groups": groups}


def load_group(ws: Workspace, group_id: int) -> dict:
    """One group with its members and evidence (graph, heatmap) for the detail views."""
    with ws.session() as s:
        g = s.get(FraudGroup, group_id)
        if g is None:
            raise NotFoundError(f"no fraud group with id {group_id}")
        return {"group_id": g.id, "id": g.key, "members": list(g.members),
                "reasons": list(g.reasons), "evidence": dict(g.evidence), "score": g.score,
                "size": g.size, "devices": g.devices, "ips": g.ips, "similarity": g.similarity}


def decide(ws: Workspace, group_id: int, *, status: str | None = None, note: str | None = None,
           user: str, expected_version: int | None = None, state: TaskState = NO_STATE) -> dict:
    """Record a moderator's decision (and/or note) on a group.

    The decision holds the group's members so later runs find it again; if the group already
    inherits a decision, that decision is updated (optimistic lock: ``expected_version``).
    """
    if status is not None and status not in STATUSES:
        raise InputError(f"unknown status '{status}' (use {', '.join(STATUSES)})", place="status")
    if not user:
        raise InputError("a decision needs the name of who made it", place="user")
    with ws.session() as s:
        g = s.get(FraudGroup, group_id)
        if g is None:
            raise NotFoundError(f"no fraud group with id {group_id}")
        now = datetime.now(timezone.utc)
        d = s.get(FraudDecision, g.decision_id) if g.decision_id else None
        if d is None:
            d = FraudDecision(status=status or "needs_review", note=note or "",
                              members=list(g.members), decided_by=user, decided_at=now)
            s.add(d)
            s.flush()
            g.decision_id, g.match = d.id, 1.0
        else:
            if expected_version is not None and d.version != expected_version:
                raise ConflictError("this decision was changed by someone else since you opened "
                                    "it; reload to see their change, then decide again")
            if status is not None:
                d.status = status
            if note is not None:
                d.note = note
            d.members = list(g.members)
            d.decided_by, d.decided_at = user, now
        s.flush()
        return {"decision_id": d.id, "status": d.status, "note": d.note,
                "decided_by": d.decided_by, "decided_at": d.decided_at, "version": d.version}


def detect_log(ws: Workspace, log_id: int, params, *, user: str = "",
               state: TaskState = NO_STATE) -> dict:
    """Load a workspace log, detect, store the run; returns the stored run (see :func:`load_run`)."""
    from engine.fraud.pipeline import detect
    from engine.progress import SubState

    events = load_log(ws, log_id, state=SubState(state, 0.0, 0.25))
    result = detect(events, params, state=SubState(state, 0.25, 0.95))
    state.check()
    state.set_progress(0.96, "saving groups")
    saved = save_run(ws, result, log_id=log_id, source=events.source, user=user)
    state.set_progress(1.0, "done")
    return load_run(ws, saved["run_id"])


def group_view(ws: Workspace, group_id: int, state: TaskState = NO_STATE) -> dict:
    """A group plus its graph and node positions, ready for the console's views."""
    from engine.fraud.layout import force_layout, group_graph

    group = load_group(ws, group_id)
    state.set_progress(0.3, "laying out the graph")
    graph = group_graph(group)
    pos = force_layout(len(graph["labels"]), graph["u"], graph["v"], graph["w"], seed=group_id)
    return {"group": group, "graph": graph, "pos": pos}


def write_csv(groups: list[dict], path, state: TaskState = NO_STATE) -> int:
    """Export groups (as from :func:`load_run`) to CSV; members space-separated."""
    import csv

    cols = ["rank", "id", "score", "size", "devices", "ips", "similarity", "status", "note",
            "decided_by", "decided_at", "members", "reasons"]
    try:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(cols)
            for g in groups:
                row = dict(g)
                row["members"] = " ".join(g.get("members", []))
                row["reasons"] = " | ".join(g.get("reasons", []))
                row["decided_at"] = g["decided_at"].isoformat() if g.get("decided_at") else ""
                w.writerow([row.get(c, "") if row.get(c) is not None else "" for c in cols])
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", place=str(path)) from None
    return len(groups)


def overview(ws: Workspace, log_id: int | None = None, state: TaskState = NO_STATE) -> dict:
    """Logs in the workspace and the latest run of ``log_id`` (or of the newest log)."""
    logs = list_logs(ws)
    if log_id is None and logs:
        log_id = logs[-1]["id"]
    run_id = latest_run(ws, log_id) if log_id is not None else None
    return {"logs": logs, "log_id": log_id, "run": load_run(ws, run_id) if run_id else None}


def import_file(ws: Workspace, path, *, name: str = "", user: str = "", replace: bool = False,
                state: TaskState = NO_STATE) -> dict:
    """Read a CSV/Parquet log and store it (what the console's Import button runs)."""
    from pathlib import Path

    from engine.fraud.io import load_events
    from engine.progress import SubState

    state.set_progress(0.0, f"reading {Path(path).name}")
    events = load_events(path)
    state.check()
    return import_log(ws, events, name=name or Path(path).name, source=str(path), user=user,
                      replace=replace, state=SubState(state, 0.3, 1.0))
