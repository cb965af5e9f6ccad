"""Masking personal data until staff choose to reveal it (each reveal is audited)."""
from __future__ import annotations

from engine.profiles.lexicon import PII_FIELDS


def mask(field: str, text: str) -> str:
    if not text or field not in PII_FIELDS:
        return text
    if field == "phone":
        return text[:-8] + "****" + text[-4:] if len(text) > 8 else "****"
    if field == "id_number":
        return text[:3] + "*" * (len(text) - 5) + text[-2:]
    if field == "email":
        user, _, domain = text.partition("@")
        return (user[:1] + "***@" + domain) if domain else "***"
    if field == "address":
        return text[:6] + "…"
    return text[:2] + "***"
