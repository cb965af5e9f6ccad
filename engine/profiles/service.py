"""Writing profiles: import chats and events, store suggestions, accept/reject/edit with history,
tags, notes, and the per-customer summary the customer list reads.

Every public function is one transaction (``ws.session()``): it commits whole or not at all.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections import defaultdict
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone

from sqlalchemy import delete, select, text as sql_text

from engine.profiles import lexicon as L
from engine.profiles.extract import Fact, Message, extract_conversation
from engine.profiles.importers import ReadResult, read_file
from engine.profiles.media import resolve as resolve_media
from engine.progress import NO_STATE, SubState, TaskState
from engine.store.models.chat import Message as MessageRow
from engine.store.models.people import Customer, Friendship, Staff
from engine.store.models.profiles import (CustomerOperation, CustomerProfile, CustomerTag,
                                          ProfileEvent, ProfileField, ProfileHistory)

CHUNK = 5000
# Big imports extract in worker processes (spawned, never forked: the GUI has threads).
PARALLEL_WORKERS = max(1, min(4, os.cpu_count() or 1))
PARALLEL_MIN = 100_000
EXTRACT_STEP = 20_000


def _sqlite_time(v):
    # the text SQLAlchemy's DateTime stores on SQLite for a UTC instant (see engine.store.base)
    if v is None:
        return None
    if v.tzinfo is not timezone.utc:
        v = v.astimezone(timezone.utc) if v.tzinfo else v.replace(tzinfo=timezone.utc)
    return v.isoformat(" ", "microseconds")[:26]


def bulk_insert(session, model, rows: list[dict], chunk: int = 20_000) -> int:
    """executemany without ORM bookkeeping or RETURNING: one round trip per chunk.

    On SQLite the rows go straight to the driver (SQLAlchemy's per-value type processing costs
    more than the insert itself at a million rows); elsewhere through a Core insert."""
    if not rows:
        return 0
    table = model.__table__
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        from operator import itemgetter

        from engine.store.base import UtcDateTime

        given = list(rows[0])
        defaults = {c.key: c.default.arg for c in table.columns
                    if c.key not in given and c.default is not None and c.default.is_scalar}
        keys = given + list(defaults)
        sql = (f'INSERT INTO "{table.name}" ({", ".join(chr(34) + k + chr(34) for k in keys)}) '
               f'VALUES ({", ".join("?" for _ in keys)})')
        extra = tuple(defaults.values())
        times = [i for i, k in enumerate(given) if isinstance(table.c[k].type, UtcDateTime)]
        get = itemgetter(*given) if len(given) > 1 else (lambda r, k=given[0]: (r[k],))
        for start in range(0, len(rows), chunk):
            batch = []
            for r in rows[start:start + chunk]:
                t = get(r)
                if times:
                    t = list(t)
                    for i in times:
                        t[i] = _sqlite_time(t[i])
                batch.append(tuple(t) + extra if extra else tuple(t))
            conn.exec_driver_sql(sql, batch)
        return len(rows)
    for start in range(0, len(rows), chunk):
        session.execute(table.insert(), rows[start:start + chunk])
    return len(rows)


def now() -> datetime:
    return datetime.now(timezone.utc)


def value_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------ import
def import_file(ws, path, *, strict: bool = False, extract: bool = True, ocr: bool = True,
                by: str = "import", state: TaskState = NO_STATE) -> dict:
    """Import a chat file (JSONL / Telegram export) or an event file into the workspace."""
    state.set_progress(0.0, "reading file")
    result = read_file(path, strict=strict)
    state.check()
    if result.kind == "events":
        counts = import_events(ws, result, by=by, state=SubState(state, 0.1, 1.0))
    else:
        counts = import_messages(ws, result.messages, extract=extract, ocr=ocr, by=by,
                                 state=SubState(state, 0.1, 1.0))
    counts["bad_lines"] = len(result.errors)
    counts["errors"] = result.errors[:200]
    return counts


def _missing(session, column, ids) -> list:
    ids = list(ids)
    found = set()
    for i in range(0, len(ids), CHUNK):
        found.update(session.scalars(select(column).where(column.in_(ids[i:i + CHUNK]))))
    return [x for x in ids if x not in found]


def message_rows(messages: list[Message]) -> list[dict]:
    """Assign each message its customer and staff: a 1:1 conversation belongs to its customer."""
    conv_customer, conv_staff = {}, {}
    for m in messages:
        if m.group_id:
            continue
        if m.role == "customer":
            conv_customer.setdefault(m.conversation_id, m.sender_id)
        else:
            conv_staff.setdefault(m.conversation_id, m.sender_id)
    rows = []
    for m in messages:
        if m.group_id:
            cust = m.sender_id if m.role == "customer" else None
            staff = m.sender_id if m.role == "staff" else None
        else:
            cust = conv_customer.get(m.conversation_id)
            staff = conv_staff.get(m.conversation_id)
        m.customer_id = cust
        rows.append({"id": m.id, "conversation_id": m.conversation_id, "sender_id": m.sender_id,
                     "sender_role": m.role, "customer_id": cust, "staff_id": staff,
                     "group_id": m.group_id, "ts": m.ts, "text": m.text, "image_path": m.image})
    return rows


def import_messages(ws, messages: list[Message], *, extract=True, ocr=True, by="import",
                    state: TaskState = NO_STATE) -> dict:
    rows = message_rows(messages)
    with ws.session() as s:
        state.set_progress(0.0, "checking existing rows")
        new_ids = set(_missing(s, MessageRow.id, [r["id"] for r in rows]))
        rows = [r for r in rows if r["id"] in new_ids]
        fresh = [m for m in messages if m.id in new_ids]
        customers = {r["customer_id"] for r in rows if r["customer_id"]}
        staff = {r["staff_id"] for r in rows if r["staff_id"]}
        t = now()
        # the workers extract while this process stores the messages
        job = Extraction(fresh, ocr=ocr, state=SubState(state, 0.0, 0.1)) if extract and fresh else None
        with job or contextlib.nullcontext():
            counts = _store_messages(s, rows, customers, staff, t, len(messages), state)
            if job is not None:
                facts, image_errors = job.result(SubState(state, 0.5, 0.95))
                counts["image_errors"] = image_errors
                counts["suggestions"] = store_facts(s, fresh, facts)
        refresh_summaries(s, customers)
        emit(s, customers, "import", by)
    state.set_progress(1.0, "imported")
    return counts


def _store_messages(s, rows, customers, staff, t, given, state) -> dict:
    bulk_insert(s, Customer, [{"id": c, "nickname": None, "created_at": t, "updated_at": t,
                               "version": 1} for c in _missing(s, Customer.id, customers)])
    bulk_insert(s, Staff, [{"id": x, "name": x, "created_at": t} for x in _missing(s, Staff.id, staff)])
    for i in range(0, len(rows), 50_000):
        state.check()
        bulk_insert(s, MessageRow, rows[i:i + 50_000])
        state.set_progress(0.1 + 0.4 * min(1.0, (i + 50_000) / max(len(rows), 1)),
                           f"stored {min(i + 50_000, len(rows)):,} messages")
    return {"messages": len(rows), "skipped_existing": given - len(rows),
            "customers": len(customers), "suggestions": 0, "image_errors": []}


def extract_messages(messages: list[Message], *, ocr=True, parallel: bool = True, state: TaskState = NO_STATE):
    """Facts from messages (sorted per conversation), reading customers' images when ``ocr``."""
    with Extraction(messages, ocr=ocr, parallel=parallel, state=SubState(state, 0.0, 0.5)) as job:
        return job.result(SubState(state, 0.5, 1.0))


class Extraction:
    """Extraction of ``messages`` started at once: big batches go to worker processes that run
    while the caller goes on (an import stores its messages meanwhile); ``result()`` gathers the
    facts. Used as a context manager, so the workers stop when the caller fails or is cancelled."""

    def __init__(self, messages: list[Message], *, ocr=True, parallel: bool = True, state: TaskState = NO_STATE):
        self.ordered = sorted(messages, key=lambda m: (m.conversation_id, m.ts))
        self.ocr_text, self.errors = {}, []
        images = [m for m in self.ordered if m.image and m.role == "customer"] if ocr else []
        if images:
            from engine.profiles.ocr import read_image

            for i, m in enumerate(images):
                state.check()
                res = read_image(m.image)
                if res.error:
                    self.errors.append(f"message {m.id}: {res.error}")
                if res.text:
                    self.ocr_text[m.id] = res.text
                state.set_progress((i + 1) / len(images), f"reading image {i + 1}/{len(images)}")
        # chunk boundaries fall between conversations, so staff-question context is never split
        self.bounds, start = [], 0
        while start < len(self.ordered):
            end = min(start + EXTRACT_STEP, len(self.ordered))
            while end < len(self.ordered) and self.ordered[end].conversation_id == self.ordered[end - 1].conversation_id:
                end += 1
            self.bounds.append((start, end))
            start = end
        workers = PARALLEL_WORKERS if parallel and len(self.ordered) >= PARALLEL_MIN else 1
        self.pool, self.futures = None, []
        if workers > 1 and len(self.bounds) > 1:
            self._start_workers(workers)

    def _start_workers(self, workers: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
        self.futures = [self.pool.submit(_extract_rows, [(m.id, m.conversation_id, m.role, m.ts, m.text)
                                                         for m in self.ordered[a:b]],
                                         {m.id: self.ocr_text[m.id] for m in self.ordered[a:b] if m.id in self.ocr_text})
                        for a, b in self.bounds]

    def result(self, state: TaskState = NO_STATE) -> tuple[list[Fact], list[str]]:
        if self.pool is not None:
            try:
                return self._gather(state), self.errors
            except BrokenProcessPool:  # e.g. no importable __main__ to spawn from: do it here
                self.close()
        facts = []
        for i, (a, b) in enumerate(self.bounds):
            state.check()
            facts += extract_conversation(self.ordered[a:b], self.ocr_text)
            state.set_progress((i + 1) / len(self.bounds), "extracting fields")
        return facts, self.errors

    def _gather(self, state: TaskState) -> list[Fact]:
        from concurrent.futures import as_completed

        facts: list[Fact] = []
        for done, fut in enumerate(as_completed(self.futures), 1):
            state.check()
            facts += [Fact(*t) for t in fut.result()]
            state.set_progress(done / len(self.futures), "extracting fields")
        return facts

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def __enter__(self) -> "Extraction":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _extract_rows(rows: list[tuple], ocr_text: dict) -> list[tuple]:
    """Worker side: plain tuples in and out (cheaper to pickle than objects)."""
    msgs = [Message(id=i, conversation_id=c, sender_id="", role=r, ts=t, text=x) for i, c, r, t, x in rows]
    return [(f.field, f.value, f.display, f.confidence, f.start, f.end, f.message_id, f.source)
            for f in extract_conversation(msgs, ocr_text)]


def store_facts(s, messages: list[Message], facts: list[Fact], at: datetime | None = None) -> int:
    """Store new facts as suggestions; a value already known for that field is not repeated."""
    by_id = {m.id: m for m in messages}
    customers = {by_id[f.message_id].customer_id for f in facts if by_id[f.message_id].customer_id}
    known = set()
    cl = list(customers)
    for i in range(0, len(cl), CHUNK):
        known.update(map(tuple, s.execute(select(ProfileField.customer_id, ProfileField.field, ProfileField.value_json)
                                          .where(ProfileField.customer_id.in_(cl[i:i + CHUNK]))).all()))
    t = at or now()
    rows = []
    for f in facts:
        m = by_id[f.message_id]
        if not m.customer_id or m.role != "customer" or m.sender_id != m.customer_id:
            continue
        key = (m.customer_id, f.field, value_json(f.value))
        if key in known:
            continue
        known.add(key)
        text = m.text if f.source == "text" else None
        rows.append({"customer_id": m.customer_id, "field": f.field, "value_json": key[2],
                     "display": f.display[:500], "status": "suggested", "confidence": f.confidence,
                     "source": f.source, "message_id": m.id, "span_start": f.start if text else None,
                     "span_end": f.end if text else None,
                     "evidence": (text[max(0, f.start - 20):f.end + 20] if text else None),
                     "observed_at": m.ts, "created_at": t, "updated_at": t,
                     "updated_by": "extractor", "version": 1})
    bulk_insert(s, ProfileField, rows)
    return len(rows)


# ------------------------------------------------------------------ events
def import_events(ws, result: ReadResult, *, by="import", state: TaskState = NO_STATE) -> dict:
    """Directory entries and friend-adds create/update customers (directory fields accepted as
    source "directory"); operations go to the timeline."""
    evs = result.events
    counts = defaultdict(int)
    with ws.session() as s:
        t = now()
        cust_ids = {e["customer_id"] for e in evs}
        existing = {c.id: c for i in range(0, len(cust_ids), CHUNK)
                    for c in s.scalars(select(Customer).where(Customer.id.in_(list(cust_ids)[i:i + CHUNK])))}
        staff_ids = {e["staff_id"] for e in evs if e.get("staff_id")}
        bulk_insert(s, Staff, [{"id": x, "name": x, "created_at": t} for x in _missing(s, Staff.id, staff_ids)])
        friends = set(map(tuple, s.execute(select(Friendship.staff_id, Friendship.customer_id)
                                           .where(Friendship.staff_id.in_(list(staff_ids)))).all())) if staff_ids else set()
        ops, friend_rows, dir_facts = [], [], []
        for i, e in enumerate(evs):
            if i % 10_000 == 0:
                state.check()
                state.set_progress(i / max(len(evs), 1), "events")
            cid = e["customer_id"]
            if e["type"] in ("directory", "friend_add"):
                c = existing.get(cid)
                if c is None:
                    c = Customer(id=cid, created_at=e.get("ts") or t)
                    s.add(c)
                    existing[cid] = c
                    counts["customers_created"] += 1
                for key in ("nickname", "gender", "region", "signature", "avatar_url"):
                    if e.get(key) is not None and getattr(c, key) != e[key]:
                        setattr(c, key, e[key])
                if e.get("gender") in ("male", "female"):
                    dir_facts.append((cid, "gender", e["gender"]))
                region = e.get("region") or ""
                city = next((x for x in L.CN_CITIES if x in region), None) or next(
                    (x for x in L.EN_CITIES if x in region), None)
                if city:
                    dir_facts.append((cid, "city", L.CITY_ALIASES.get(city.lower(), city)))
                counts["directory"] += 1
            if e["type"] == "friend_add" and (e["staff_id"], cid) not in friends:
                friends.add((e["staff_id"], cid))
                friend_rows.append({"staff_id": e["staff_id"], "customer_id": cid, "added_at": e["ts"],
                                    "source": e.get("source")})
            if e["type"] == "operation":
                ops.append({"customer_id": cid, "staff_id": e.get("staff_id"), "kind": e["kind"],
                            "ts": e["ts"], "amount": e.get("amount"), "detail": e.get("detail")})
        s.flush()
        bulk_insert(s, Friendship, friend_rows)
        bulk_insert(s, CustomerOperation, ops)
        counts["friendships"] = len(friend_rows)
        counts["operations"] = len(ops)
        counts["directory_fields"] = _directory_fields(s, dir_facts, t)
        refresh_summaries(s, cust_ids)
        emit(s, cust_ids, "directory", by)
    return dict(counts)


def _directory_fields(s, facts, t) -> int:
    """Directory facts are accepted with source "directory"; a changed value supersedes the old."""
    latest = {(c, f): v for c, f, v in facts}
    custs = list({c for c, _ in latest})
    current = {}
    for i in range(0, len(custs), CHUNK):
        for row in s.scalars(select(ProfileField).where(ProfileField.customer_id.in_(custs[i:i + CHUNK]),
                                                        ProfileField.source == "directory",
                                                        ProfileField.status == "accepted")):
            current[(row.customer_id, row.field)] = row
    new = []
    for (c, f), v in latest.items():
        vj = value_json(v)
        old = current.get((c, f))
        if old is not None:
            if old.value_json == vj:
                continue
            old.status = "superseded"
            s.add(ProfileHistory(customer_id=c, field_id=old.id, field=f, action="supersede",
                                 old_value=old.display, new_value=v, by="im-directory", at=t))
        new.append({"customer_id": c, "field": f, "value_json": vj, "display": v, "status": "accepted",
                    "confidence": 1.0, "source": "directory", "observed_at": t, "created_at": t,
                    "updated_at": t, "updated_by": "im-directory", "version": 1})
    bulk_insert(s, ProfileField, new)
    return len(new)


# ------------------------------------------------------------------ summary + change feed
SUMMARY_FIELDS = ("name", "phone", "city", "company")


def refresh_summaries(s, customer_ids, at: datetime | None = None) -> None:
    """Recompute ``customer_profile`` rows: accepted value first, else the newest confident
    suggestion (≥ 0.8)."""
    ids = list(customer_ids)
    t = at or now()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        best: dict[str, dict] = defaultdict(dict)
        have: dict[str, set] = defaultdict(set)
        pending: dict[str, int] = defaultdict(int)
        rows = s.execute(select(ProfileField.customer_id, ProfileField.field, ProfileField.display,
                                ProfileField.status, ProfileField.confidence, ProfileField.observed_at)
                         .where(ProfileField.customer_id.in_(chunk),
                                ProfileField.status.in_(("accepted", "suggested")))
                         .order_by(ProfileField.observed_at)).all()
        for cid, fld, disp, status, conf, _obs in rows:
            if status == "suggested":
                pending[cid] += 1
            if status == "accepted" or conf >= 0.8:
                have[cid].add(fld)
                rank = 2 if status == "accepted" else 1
                if fld in SUMMARY_FIELDS and rank >= best[cid].get(fld, (0, ""))[0]:
                    best[cid][fld] = (rank, disp)
        tags: dict[str, list] = defaultdict(list)
        for cid, tag in s.execute(select(CustomerTag.customer_id, CustomerTag.tag)
                                  .where(CustomerTag.customer_id.in_(chunk)).order_by(CustomerTag.tag)):
            tags[cid].append(tag)
        s.execute(delete(CustomerProfile).where(CustomerProfile.customer_id.in_(chunk)))
        bulk_insert(s, CustomerProfile, [{
            "customer_id": c, **{f: best[c].get(f, (0, None))[1] for f in SUMMARY_FIELDS},
            "tags": ("," + ",".join(tags[c]) + ",") if tags[c] else "",
            "fields": ("," + ",".join(sorted(have[c])) + ",") if have[c] else "",
            "pending": pending[c], "updated_at": t} for c in chunk])


def emit(s, customer_ids, kind: str, by: str) -> None:
    """Append to the change feed; on PostgreSQL also NOTIFY (delivered when the transaction commits)."""
    ids = list(customer_ids)
    t = now()
    bulk_insert(s, ProfileEvent, [{"customer_id": c, "kind": kind, "by": by, "at": t} for c in ids[:1000]]
                if len(ids) <= 1000 else [{"customer_id": "*", "kind": kind, "by": by, "at": t}])
    if s.get_bind().dialect.name == "postgresql":
        payload = ids[0] if len(ids) == 1 else "*"
        s.execute(sql_text("SELECT pg_notify('profile_changes', :p)"), {"p": payload})


def read_images(ws, customer_id: str | None = None, *, by: str = "ocr", state: TaskState = NO_STATE) -> dict:
    """OCR the customers' stored images that gave no facts yet; per-image errors are returned."""
    with ws.session() as s:
        done = select(ProfileField.message_id).where(ProfileField.source.in_(("image", "qr")),
                                                     ProfileField.message_id.is_not(None))
        q = select(MessageRow).where(MessageRow.image_path.is_not(None), MessageRow.sender_role == "customer",
                                     MessageRow.id.not_in(done))
        if customer_id:
            q = q.where(MessageRow.customer_id == customer_id)
        rows = list(s.scalars(q.order_by(MessageRow.ts)))
        url = s.get_bind().url
        msgs = [Message(id=m.id, conversation_id=m.conversation_id, sender_id=m.sender_id, role=m.sender_role,
                        ts=m.ts, image=resolve_media(url, m.image_path), group_id=m.group_id,
                        customer_id=m.customer_id) for m in rows]
        facts, errors = extract_messages(msgs, ocr=True, state=state)
        n = store_facts(s, msgs, facts)
        custs = {m.customer_id for m in msgs if m.customer_id}
        refresh_summaries(s, custs)
        emit(s, custs, "ocr", by)
    return {"images": len(msgs), "suggestions": n, "errors": errors}
