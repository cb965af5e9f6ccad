"""Staff edits: accept / reject / edit a field, add a value, tags, notes, PII reveal audit.

Every edit names the version of the field the editor saw; if someone else changed it since, the
edit raises :class:`ConflictError` (and the Versioned mixin catches a clash between read and
write), so a concurrent edit is reported, never silently lost.  Each change writes a history row.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from engine.errors import ConflictError, InputError, NotFoundError
from engine.profiles import lexicon as L
from engine.profiles import parse as P
from engine.profiles.service import emit, now, refresh_summaries, value_json
from engine.store.models.people import Customer
from engine.store.models.profiles import CustomerNote, CustomerTag, ProfileField, ProfileHistory

TAG_RX = re.compile(r"^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .&+-]{0,63}$")


def _field(s, field_id: int, version: int | None) -> ProfileField:
    row = s.get(ProfileField, field_id)
    if row is None:
        raise NotFoundError(f"profile field {field_id} does not exist (it may have been deleted)")
    if version is not None and row.version != version:
        raise ConflictError(f"{row.field} of customer {row.customer_id} was changed by {row.updated_by} "
                            f"at {row.updated_at:%Y-%m-%d %H:%M} since you opened it; reload and edit again")
    return row


def _history(s, row: ProfileField, action: str, old, new, by: str) -> None:
    s.add(ProfileHistory(customer_id=row.customer_id, field_id=row.id, field=row.field, action=action,
                         old_value=old, new_value=new, by=by, at=now()))


def _supersede_others(s, row: ProfileField, by: str) -> None:
    if row.field in L.MULTI_VALUED:
        return
    for other in s.scalars(select(ProfileField).where(
            ProfileField.customer_id == row.customer_id, ProfileField.field == row.field,
            ProfileField.status == "accepted", ProfileField.id != row.id)):
        other.status = "superseded"
        other.updated_by, other.updated_at = by, now()
        _history(s, other, "supersede", other.display, row.display, by)


def _done(s, customer_id: str, by: str, kind: str) -> None:
    s.flush()
    refresh_summaries(s, [customer_id])
    emit(s, [customer_id], kind, by)


def accept(ws, field_id: int, *, by: str, version: int | None = None) -> dict:
    with ws.session() as s:
        row = _field(s, field_id, version)
        old = row.status
        row.status, row.updated_by, row.updated_at = "accepted", by, now()
        _history(s, row, "accept", old, row.display, by)
        _supersede_others(s, row, by)
        _done(s, row.customer_id, by, "accept")
        return {"id": row.id, "version": row.version, "status": row.status}


def reject(ws, field_id: int, *, by: str, version: int | None = None) -> dict:
    with ws.session() as s:
        row = _field(s, field_id, version)
        old = row.status
        row.status, row.updated_by, row.updated_at = "rejected", by, now()
        _history(s, row, "reject", old, row.display, by)
        _done(s, row.customer_id, by, "reject")
        return {"id": row.id, "version": row.version, "status": row.status}


def parse_value(field: str, text: str):
    """A typed value from what staff typed; raises InputError naming the field."""
    text = text.strip()
    if not text:
        raise InputError("empty value", place=field)
    if field == "budget":
        m = P.AMOUNT_RE.search(text)
        parsed = P.parse_amount(m, "CNY") if m else None
        if not parsed:
            raise InputError(f"'{text}' is not an amount (e.g. 500000 CNY, 50w, $2,000)", place=field)
        return {"amount": parsed[0], "currency": parsed[1]}, P.format_amount(*parsed)
    if field == "age":
        if not text.isdigit() or not 0 < int(text) < 130:
            raise InputError(f"'{text}' is not an age", place=field)
        return int(text), text
    if field == "id_number" and not P.id_number_info(text):
        raise InputError(f"'{text}' is not a valid PRC ID number (check digit or date wrong)", place=field)
    if field == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", text):
        raise InputError(f"'{text}' is not an e-mail address", place=field)
    if field == "phone":
        v = P.parse_international(text, "CN")
        if not v:
            raise InputError(f"'{text}' is not a valid phone number", place=field)
        return v, v
    if field not in L.FIELDS:
        raise InputError(f"unknown field '{field}' (use one of {', '.join(L.FIELDS)})", place="field")
    return text, text


def edit(ws, field_id: int, new_text: str, *, by: str, version: int | None = None) -> dict:
    """Correct a value: the row keeps its provenance, becomes accepted, history keeps the old value."""
    with ws.session() as s:
        row = _field(s, field_id, version)
        value, display = parse_value(row.field, new_text)
        old = row.display
        row.value_json, row.display = value_json(value), display
        row.status, row.updated_by, row.updated_at = "accepted", by, now()
        _history(s, row, "edit", old, display, by)
        _supersede_others(s, row, by)
        _done(s, row.customer_id, by, "edit")
        return {"id": row.id, "version": row.version, "status": row.status}


def add_value(ws, customer_id: str, field: str, new_text: str, *, by: str) -> dict:
    """Staff type a value themselves (source "staff", accepted, newer supersedes older)."""
    with ws.session() as s:
        if s.get(Customer, customer_id) is None:
            raise NotFoundError(f"customer {customer_id} does not exist")
        value, display = parse_value(field, new_text)
        t = now()
        row = ProfileField(customer_id=customer_id, field=field, value_json=value_json(value),
                           display=display, status="accepted", confidence=1.0, source="staff",
                           observed_at=t, created_at=t, updated_at=t, updated_by=by)
        s.add(row)
        s.flush()
        _history(s, row, "add", None, display, by)
        _supersede_others(s, row, by)
        _done(s, customer_id, by, "edit")
        return {"id": row.id, "version": row.version, "status": row.status}


def add_tag(ws, customer_id: str, tag: str, *, by: str) -> None:
    tag = tag.strip()
    if not TAG_RX.match(tag) or "," in tag:
        raise InputError(f"'{tag}' is not a tag (letters, digits, spaces, . & + -; up to 64)", place="tag")
    with ws.session() as s:
        if s.get(Customer, customer_id) is None:
            raise NotFoundError(f"customer {customer_id} does not exist")
        if s.get(CustomerTag, (customer_id, tag)) is None:
            s.add(CustomerTag(customer_id=customer_id, tag=tag, added_by=by, added_at=now()))
            s.add(ProfileHistory(customer_id=customer_id, field="tags", action="add", new_value=tag, by=by, at=now()))
            _done(s, customer_id, by, "tag")


def remove_tag(ws, customer_id: str, tag: str, *, by: str) -> None:
    with ws.session() as s:
        row = s.get(CustomerTag, (customer_id, tag))
        if row is not None:
            s.delete(row)
            s.add(ProfileHistory(customer_id=customer_id, field="tags", action="remove", old_value=tag, by=by, at=now()))
            _done(s, customer_id, by, "tag")


def add_note(ws, customer_id: str, text: str, *, by: str) -> int:
    text = text.strip()
    if not text:
        raise InputError("empty note", place="note")
    with ws.session() as s:
        if s.get(Customer, customer_id) is None:
            raise NotFoundError(f"customer {customer_id} does not exist")
        note = CustomerNote(customer_id=customer_id, text=text, author=by, created_at=now())
        s.add(note)
        s.add(ProfileHistory(customer_id=customer_id, field="notes", action="add", new_value=text[:500], by=by, at=now()))
        _done(s, customer_id, by, "note")
        return note.id


def reveal_pii(ws, customer_id: str, *, by: str) -> None:
    """Record that ``by`` unmasked this customer's phone / ID number (an audit trail)."""
    with ws.session() as s:
        s.add(ProfileHistory(customer_id=customer_id, field="pii", action="reveal", by=by, at=now()))
