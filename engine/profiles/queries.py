"""Reading profiles for the pane and the CLI: plain dicts and lists, never ORM objects."""
from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import and_, func, or_, select

from engine.errors import NotFoundError
from engine.profiles.closeness import closeness
from engine.profiles.media import resolve as resolve_media
from engine.progress import NO_STATE, TaskState
from engine.store.models.chat import Message
from engine.store.models.people import Customer, Staff
from engine.store.models.profiles import (CustomerNote, CustomerOperation, CustomerProfile, CustomerTag,
                                          ProfileField, ProfileHistory)

SORTS = {"id": Customer.id, "name": func.coalesce(CustomerProfile.name, Customer.nickname),
         "city": func.coalesce(CustomerProfile.city, Customer.region), "pending": CustomerProfile.pending,
         "updated": CustomerProfile.updated_at}


def customer_ids(ws, *, search: str = "", tag: str = "", city: str = "", has_field: str = "",
                 sort: str = "id", descending: bool = False, state: TaskState = NO_STATE) -> list[str]:
    """Ids of customers matching the filters, in order (the list model fetches rows lazily)."""
    q = select(Customer.id).outerjoin(CustomerProfile, CustomerProfile.customer_id == Customer.id)
    if search:
        like = f"%{search}%"
        q = q.where(or_(Customer.id.like(like), Customer.nickname.like(like), CustomerProfile.name.like(like),
                        CustomerProfile.phone.like(like), CustomerProfile.company.like(like)))
    if tag:
        q = q.where(CustomerProfile.tags.like(f"%,{tag},%"))
    if city:
        q = q.where(or_(CustomerProfile.city == city, and_(CustomerProfile.city.is_(None), Customer.region.like(f"%{city}%"))))
    if has_field:
        q = q.where(CustomerProfile.fields.like(f"%,{has_field},%"))
    col = SORTS.get(sort, Customer.id)
    q = q.order_by(col.desc() if descending else col, Customer.id)
    with ws.session() as s:
        ids = list(s.scalars(q))
    state.set_progress(1.0, f"{len(ids):,} customers")
    return ids


def customer_rows(ws, ids: list[str]) -> dict[str, dict]:
    """List rows for ``ids`` (one page), keyed by id."""
    with ws.session() as s:
        rows = s.execute(select(Customer.id, Customer.nickname, Customer.region, CustomerProfile.name,
                                CustomerProfile.city, CustomerProfile.phone, CustomerProfile.company,
                                CustomerProfile.tags, CustomerProfile.pending)
                         .outerjoin(CustomerProfile, CustomerProfile.customer_id == Customer.id)
                         .where(Customer.id.in_(ids))).all()
    return {r[0]: {"id": r[0], "nickname": r[1] or "", "name": r[3] or "", "city": r[4] or r[2] or "",
                   "phone": r[5] or "", "company": r[6] or "", "tags": (r[7] or "").strip(","),
                   "pending": r[8] or 0} for r in rows}


def filter_choices(ws, state: TaskState = NO_STATE) -> dict[str, list[str]]:
    with ws.session() as s:
        tags = list(s.scalars(select(CustomerTag.tag).distinct().order_by(CustomerTag.tag).limit(500)))
        cities = list(s.scalars(select(CustomerProfile.city).where(CustomerProfile.city.is_not(None))
                                .group_by(CustomerProfile.city).order_by(func.count().desc()).limit(200)))
    return {"tags": tags, "cities": cities}


def load_profile(ws, customer_id: str, state: TaskState = NO_STATE) -> dict:
    """Everything the profile card shows for one customer."""
    with ws.session() as s:
        c = s.get(Customer, customer_id)
        if c is None:
            raise NotFoundError(f"customer {customer_id} does not exist")
        fields = [{"id": f.id, "field": f.field, "value": json.loads(f.value_json), "display": f.display,
                   "status": f.status, "confidence": f.confidence, "source": f.source,
                   "message_id": f.message_id, "span": (f.span_start, f.span_end), "evidence": f.evidence,
                   "observed_at": f.observed_at, "updated_at": f.updated_at, "updated_by": f.updated_by,
                   "version": f.version}
                  for f in s.scalars(select(ProfileField).where(ProfileField.customer_id == customer_id)
                                     .order_by(ProfileField.field, ProfileField.observed_at.desc()))]
        history = [{"field_id": h.field_id, "field": h.field, "action": h.action, "old": h.old_value,
                    "new": h.new_value, "by": h.by, "at": h.at}
                   for h in s.scalars(select(ProfileHistory).where(ProfileHistory.customer_id == customer_id)
                                      .order_by(ProfileHistory.at.desc(), ProfileHistory.id.desc()).limit(500))]
        tags = list(s.scalars(select(CustomerTag.tag).where(CustomerTag.customer_id == customer_id).order_by(CustomerTag.tag)))
        notes = [{"id": n.id, "text": n.text, "author": n.author, "at": n.created_at}
                 for n in s.scalars(select(CustomerNote).where(CustomerNote.customer_id == customer_id)
                                    .order_by(CustomerNote.created_at.desc()))]
        ops = [{"ts": o.ts, "kind": o.kind, "staff_id": o.staff_id, "amount": o.amount, "detail": o.detail}
               for o in s.scalars(select(CustomerOperation).where(CustomerOperation.customer_id == customer_id)
                                  .order_by(CustomerOperation.ts))]
        convs = s.execute(select(Message.conversation_id, Message.staff_id, Message.group_id, func.count(),
                                 func.max(Message.ts))
                          .where(Message.customer_id == customer_id)
                          .group_by(Message.conversation_id, Message.staff_id, Message.group_id)
                          .order_by(func.max(Message.ts).desc())).all()
        names = dict(s.execute(select(Staff.id, Staff.name)).all()) if convs else {}
        ranking = closeness(s, customer_id)
        return {"customer": {"id": c.id, "nickname": c.nickname, "gender": c.gender, "region": c.region,
                             "signature": c.signature, "avatar_url": c.avatar_url, "version": c.version},
                "fields": fields, "history": history, "tags": tags, "notes": notes, "operations": ops,
                "conversations": [{"conversation_id": cv, "staff_id": st, "staff_name": names.get(st, st or ""),
                                   "group_id": g, "messages": n, "last": last} for cv, st, g, n, last in convs],
                "closeness": ranking}


def conversation(ws, conversation_id: str, customer_id: str, limit: int = 400,
                 state: TaskState = NO_STATE) -> list[dict]:
    """The newest ``limit`` messages of a conversation, oldest first, with extracted spans."""
    with ws.session() as s:
        q = select(Message).where(Message.conversation_id == conversation_id)
        rows = list(s.scalars(q.order_by(Message.ts.desc()).limit(limit)))[::-1]
        ids = [m.id for m in rows]
        spans: dict[str, list] = {}
        for f in s.scalars(select(ProfileField).where(ProfileField.message_id.in_(ids),
                                                      ProfileField.customer_id == customer_id)):
            spans.setdefault(f.message_id, []).append(
                {"id": f.id, "field": f.field, "display": f.display, "status": f.status,
                 "start": f.span_start, "end": f.span_end, "source": f.source, "version": f.version})
        names = dict(s.execute(select(Staff.id, Staff.name)).all())
        url = s.get_bind().url
    out = []
    for m in rows:
        image = resolve_media(url, m.image_path)
        out.append({"id": m.id, "role": m.sender_role, "sender": names.get(m.sender_id, m.sender_id),
                    "ts": m.ts, "text": m.text or "", "image": image,
                    "image_ok": bool(image) and Path(image).is_file() and _is_picture(image),
                    "facts": spans.get(m.id, [])})
    return out


def _is_picture(path: str) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(12)
    return head.startswith((b"\x89PNG", b"\xff\xd8", b"GIF8")) or head[8:12] == b"WEBP"
