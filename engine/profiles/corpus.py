"""The labelled chat corpus format and per-field precision/recall scoring.

Format (UTF-8 text): ``# id`` starts a conversation, ``S: text`` is a staff message, ``C: text``
a customer message, optionally followed by `` => field=value; field=value`` — the facts about
the customer that message states.  Every conversation starts at :data:`CORPUS_START` and each line
is one minute later, so relative dates have a known reference.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from engine.errors import InputError
from engine.profiles.extract import Fact, Message, extract_conversation

CORPUS_START = datetime(2026, 10, 14, 10, 0, tzinfo=timezone.utc)


@dataclass
class LabelledMessage:
    message: Message
    labels: set[tuple[str, str]]


def load_corpus(path: Path) -> list[LabelledMessage]:
    out: list[LabelledMessage] = []
    conv, minute = None, 0
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            tag = line[1:].strip()
            if tag and " " not in tag:
                conv, minute = tag, 0
            continue
        if line[:2] not in ("S:", "C:") or conv is None:
            raise InputError("expected 'S:' or 'C:' after a '# id' line", place=f"{path}:{lineno}")
        role = "staff" if line[0] == "S" else "customer"
        text, _, label_text = line[2:].partition(" => ")
        labels = set()
        for item in label_text.split(";"):
            item = item.strip()
            if item:
                fld, sep, value = item.partition("=")
                if not sep:
                    raise InputError(f"label '{item}' is not field=value", place=f"{path}:{lineno}")
                labels.add((fld.strip(), value.strip()))
        minute += 1
        msg = Message(id=f"{conv}-{minute}", conversation_id=conv,
                      sender_id=f"{conv}-{'staff' if role == 'staff' else 'cust'}", role=role,
                      ts=CORPUS_START + timedelta(minutes=minute), text=text.strip())
        out.append(LabelledMessage(msg, labels))
    return out


def fact_key(f: Fact) -> tuple[str, str]:
    if f.field == "budget":
        return f.field, f"{f.value['amount']:.0f} {f.value['currency']}"
    return f.field, str(f.value)


def score(corpus: list[LabelledMessage]) -> dict[str, dict[str, float]]:
    """Per-field precision, recall and counts (message-level match of field and value)."""
    facts = extract_conversation([lm.message for lm in corpus])
    predicted: dict[str, set] = defaultdict(set)
    for f in facts:
        predicted[f.message_id].add(fact_key(f))
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    errors = []
    for lm in corpus:
        pred = predicted.get(lm.message.id, set())
        for k in pred & lm.labels:
            tp[k[0]] += 1
        for k in pred - lm.labels:
            fp[k[0]] += 1
            errors.append(("FP", lm.message.id, k, lm.message.text))
        for k in lm.labels - pred:
            fn[k[0]] += 1
            errors.append(("FN", lm.message.id, k, lm.message.text))
    result = {}
    for fld in sorted(set(tp) | set(fp) | set(fn)):
        p_den, r_den = tp[fld] + fp[fld], tp[fld] + fn[fld]
        result[fld] = {"precision": tp[fld] / p_den if p_den else 1.0,
                       "recall": tp[fld] / r_den if r_den else 1.0,
                       "tp": tp[fld], "fp": fp[fld], "fn": fn[fld]}
    result["_errors"] = errors  # type: ignore[assignment]
    return result
