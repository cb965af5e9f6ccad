"""Workspace-free extraction: a chat file in, the ``profiles.json`` document out."""
from __future__ import annotations

from engine.profiles import lexicon as L
from engine.profiles.importers import read_file
from engine.profiles.service import extract_messages, message_rows
from engine.progress import NO_STATE, SubState, TaskState


def extract_file(path, *, strict: bool = False, ocr: bool = True, state: TaskState = NO_STATE) -> dict:
    """``{"customers": {id: {"fields": {field: [{value, confidence, message_id}]}, "tags": [...]}}}``

    Each field lists its distinct values newest first (so the first is the current one; older ones
    stay as history), each with the highest confidence seen and the newest message that said it.
    ``tags`` are the customer's interests and intents.  Also returns ``errors`` per bad line/image.
    """
    state.set_progress(0.0, "reading file")
    result = read_file(path, strict=strict)
    if result.kind != "chat":
        from engine.errors import InputError

        raise InputError("extract needs a chat file (JSON Lines messages or a Telegram export)", place=str(path))
    message_rows(result.messages)  # assigns customer_id per message
    facts, image_errors = extract_messages(result.messages, ocr=ocr, state=SubState(state, 0.05, 1.0))
    by_id = {m.id: m for m in result.messages}
    customers: dict[str, dict] = {}
    for m in result.messages:
        if m.role == "customer" and m.customer_id == m.sender_id:
            customers.setdefault(m.sender_id, {"fields": {}, "tags": []})
    best: dict[tuple, dict] = {}
    for f in facts:
        m = by_id[f.message_id]
        if m.role != "customer" or m.customer_id != m.sender_id:
            continue
        key = (m.sender_id, f.field, repr(f.value))
        entry = best.get(key)
        if entry is None:
            best[key] = {"value": f.value, "confidence": f.confidence, "message_id": m.id, "_ts": m.ts}
        else:
            entry["confidence"] = max(entry["confidence"], f.confidence)
            if m.ts >= entry["_ts"]:
                entry["message_id"], entry["_ts"] = m.id, m.ts
    for (cid, field, _), entry in sorted(best.items(), key=lambda kv: kv[1]["_ts"], reverse=True):
        customers[cid]["fields"].setdefault(field, []).append(entry)
    for cid, doc in customers.items():
        for entries in doc["fields"].values():
            for e in entries:
                e.pop("_ts", None)
        doc["fields"] = {f: doc["fields"][f] for f in L.FIELDS if f in doc["fields"]}
        doc["tags"] = sorted({e["value"] for f in ("interests", "intent") for e in doc["fields"].get(f, [])})
    state.set_progress(1.0, "done")
    return {"customers": customers, "errors": result.errors + image_errors}
