"""Readers of chat files: the JSON Lines chat format, Telegram Desktop's JSON export, and the
directory / friend-add / operation event file.  Readers return plain rows plus per-line errors;
they never write.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from engine.errors import InputError
from engine.profiles.extract import Message

ROLES = ("staff", "customer")
EVENT_TYPES = ("directory", "friend_add", "operation")
OPERATION_KINDS = ("viewed_profile", "liked_post", "commented", "clicked_link", "transferred",
                   "called", "visited_store", "shared", "purchased", "redeemed_coupon")


@dataclass
class ReadResult:
    kind: str  # chat | events
    messages: list[Message] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # "FILE:LINE: message"
    lines: int = 0


def parse_ts(value, place: str) -> datetime:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, timezone.utc)
    if not isinstance(value, str):
        raise InputError("'ts' must be an ISO-8601 string", place=place)
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"'ts' {value!r} is not ISO-8601", place=place) from exc
    return ts if ts.tzinfo else ts.replace(tzinfo=timezone.utc)


def detect_kind(path: Path) -> str:
    """'telegram' for a Telegram Desktop export, 'chat' or 'events' for JSON Lines."""
    if not path.is_file():
        raise InputError("file not found", place=str(path))
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", errors="replace").lstrip("\ufeff \r\n\t")
    if head.startswith("{") and ("\"messages\"" in head or "\"chats\"" in head) and "\n{" not in head[:200]:
        first = head.splitlines()[0] if head else ""
        try:
            json.loads(first)
        except json.JSONDecodeError:
            return "telegram"
    for line in head.splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return "chat"
            if isinstance(obj, dict) and obj.get("type") in EVENT_TYPES:
                return "events"
            if isinstance(obj, dict) and "messages" in obj:
                return "telegram"
            return "chat"
    return "chat"


def read_file(path: str | Path, *, strict: bool = False) -> ReadResult:
    path = Path(path)
    kind = detect_kind(path)
    if kind == "telegram":
        return read_telegram(path)
    result = read_jsonl(path, kind)
    if strict and result.errors:
        raise InputError(f"{len(result.errors)} bad line(s), nothing imported; first: "
                         f"{result.errors[0]}", place=str(path))
    return result


def read_jsonl(path: Path, kind: str) -> ReadResult:
    result = ReadResult(kind)
    loads = json.loads
    with path.open("r", encoding="utf-8", errors="strict") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            result.lines += 1
            place = f"{path.name}:{lineno}"
            try:
                obj = loads(line)
                if not isinstance(obj, dict):
                    raise InputError("a line must be a JSON object", place=place)
                if kind == "chat":
                    result.messages.append(_chat_message(obj, place, path.parent))
                else:
                    result.events.append(_event(obj, place))
            except json.JSONDecodeError as exc:
                result.errors.append(f"{place}: not JSON ({exc.msg} at column {exc.colno})")
            except InputError as exc:
                result.errors.append(str(exc))
    return result


def _chat_message(obj: dict, place: str, folder: Path) -> Message:
    for key in ("id", "conversation_id", "sender_id", "sender_role", "ts"):
        if obj.get(key) in (None, ""):
            raise InputError(f"missing '{key}'", place=place)
    role = obj["sender_role"]
    if role not in ROLES:
        raise InputError(f"'sender_role' must be staff or customer, not {role!r}", place=place)
    text, image = obj.get("text"), obj.get("image")
    if text is None and image is None:
        raise InputError("a message needs 'text' or 'image'", place=place)
    if text is not None and not isinstance(text, str):
        raise InputError("'text' must be a string", place=place)
    if image is not None:
        if not isinstance(image, str):
            raise InputError("'image' must be a path string", place=place)
        image = str((folder / image).resolve())
    return Message(id=str(obj["id"]), conversation_id=str(obj["conversation_id"]),
                   sender_id=str(obj["sender_id"]), role=role, ts=parse_ts(obj["ts"], place),
                   text=text, image=image, group_id=obj.get("group_id"))


def _event(obj: dict, place: str) -> dict:
    kind = obj.get("type")
    if kind not in EVENT_TYPES:
        raise InputError(f"'type' must be one of {', '.join(EVENT_TYPES)}", place=place)
    cust = obj.get("customer_id") or obj.get("id")
    if not cust:
        raise InputError("missing 'customer_id'", place=place)
    ev = {"type": kind, "customer_id": str(cust), "place": place}
    if kind in ("directory", "friend_add"):
        for key in ("nickname", "gender", "region", "signature", "avatar_url"):
            ev[key] = obj.get(key)
        if ev["gender"] not in (None, "male", "female", "unknown"):
            raise InputError("'gender' must be male, female or unknown", place=place)
    if kind in ("friend_add", "operation"):
        if kind == "friend_add" and not obj.get("staff_id"):
            raise InputError("missing 'staff_id'", place=place)
        ev["staff_id"] = obj.get("staff_id")
        ev["ts"] = parse_ts(obj.get("ts"), place)
        ev["source"] = obj.get("source")
    if kind == "operation":
        if not obj.get("kind"):
            raise InputError("missing 'kind'", place=place)
        ev["kind"] = str(obj["kind"])
        amount = obj.get("amount")
        if amount is not None and not isinstance(amount, (int, float)):
            raise InputError("'amount' must be a number", place=place)
        ev["amount"] = amount
        ev["detail"] = obj.get("detail")
    return ev


def _tg_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(p if isinstance(p, str) else str(p.get("text", "")) for p in value)
    return ""


def read_telegram(path: Path) -> ReadResult:
    """Telegram Desktop "Export chat history" (JSON): one chat or a full export (chats.list).

    In a personal chat the export's chat ``id`` is the other person's user id, so the sender
    ``user<id>`` is the customer and the account that exported is staff.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not a Telegram JSON export: {exc}", place=str(path)) from exc
    chats = data.get("chats", {}).get("list") if isinstance(data.get("chats"), dict) else None
    chats = chats if chats is not None else [data]
    result = ReadResult("chat")
    info = data.get("personal_information") if isinstance(data.get("personal_information"), dict) else {}
    owner = f"user{info['user_id']}" if info.get("user_id") else None
    for ci, chat in enumerate(chats):
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            result.errors.append(f"{path.name}: chat {ci}: no 'messages' list")
            continue
        conv = f"tg{chat.get('id', ci)}"
        customer = f"user{chat.get('id')}" if chat.get("type") == "personal_chat" else None
        group = conv if chat.get("type", "").endswith("group") else None
        for mi, m in enumerate(chat["messages"]):
            result.lines += 1
            place = f"{path.name}: chat {chat.get('id', ci)} message {m.get('id', mi)}"
            if m.get("type") != "message":
                continue
            try:
                sender = m.get("from_id")
                if not sender:
                    raise InputError("missing 'from_id'", place=place)
                ts = (parse_ts(int(m["date_unixtime"]), place) if m.get("date_unixtime")
                      else parse_ts(m.get("date"), place))
                if customer:
                    role = "customer" if sender == customer else "staff"
                else:
                    role = "staff" if sender == owner else "customer"
                image = m.get("photo") or (m.get("file") if str(m.get("mime_type", "")).startswith("image/") else None)
                text = _tg_text(m.get("text"))
                if not text and not image:
                    continue
                result.messages.append(Message(
                    id=f"{conv}-{m.get('id', mi)}", conversation_id=conv, sender_id=str(sender),
                    role=role, ts=ts, text=text or None,
                    image=str((path.parent / image).resolve()) if image else None, group_id=group))
            except InputError as exc:
                result.errors.append(str(exc))
    return result
