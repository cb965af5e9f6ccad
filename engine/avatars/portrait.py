"""User portraits: weighted tags built from plain user data.

Input is one dict per user (the CLI's JSONL line, or what :mod:`engine.avatars.workspace` reads):

    {"user_id", "nickname"?, "gender"?, "age"?, "city"?/"region"?, "interests"?: [...],
     "profile_interests"?: {label: weight}, "message_interests"?: {keyword: mentions},
     "activity"?: messages per day, "signature"?}

Derivation (weights in 0..1; several sources of one tag combine by noisy-or, 1 − Π(1 − wᵢ)):

=====================  =================================================================
tag                    weight
=====================  =================================================================
theme:T (interests)    0.85^rank for the interest at ``rank`` (0 = first listed)
motif:M (interests)    0.8 × the same, when the interest names a specific subject
theme:T (profiles)     0.9 × the accepted profile interest's weight
theme/motif (text)     0.5 / 0.4 for a keyword found in the signature
theme/motif (chats)    min(0.7, 0.3 + 0.1 × (mentions − 1)) for a keyword in the user's messages
age:BAND               0.6 when the age is known
region:cn|intl         0.3 from the city (Chinese city or CJK text → cn)
gender:female|male     0.2 (weak on purpose: the library is not gendered art)
activity:high|low      0.5 for ≥ 5 messages/day, 0.5 for ≤ 0.5 messages/day
=====================  =================================================================
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from engine.avatars.vocab import KEYWORDS, age_band, match_interest

INTEREST_DECAY = 0.85
MOTIF_FACTOR = 0.8
PROFILE_FACTOR = 0.9
SIGNATURE_THEME, SIGNATURE_MOTIF = 0.5, 0.4
MESSAGE_BASE, MESSAGE_STEP, MESSAGE_MAX = 0.3, 0.1, 0.7
AGE_WEIGHT, REGION_WEIGHT, GENDER_WEIGHT, ACTIVITY_WEIGHT = 0.6, 0.3, 0.2, 0.5
HIGH_ACTIVITY, LOW_ACTIVITY = 5.0, 0.5

CN_CITIES = {"beijing", "shanghai", "guangzhou", "shenzhen", "hangzhou", "chengdu", "wuhan",
             "nanjing", "xi'an", "xian", "chongqing", "suzhou", "tianjin", "changsha",
             "zhengzhou", "qingdao", "xiamen", "hong kong", "macau", "taipei", "china"}
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Portrait:
    user_id: str
    tags: dict[str, float] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)  # tag → how it was derived
    has_interests: bool = False  # interests from the user, profiles or signature
    unmatched: list[str] = field(default_factory=list)  # interests no keyword maps

    def add(self, tag: str, weight: float, why: str) -> None:
        if weight <= 0:
            return
        old = self.tags.get(tag, 0.0)
        self.tags[tag] = round(1.0 - (1.0 - old) * (1.0 - min(1.0, weight)), 4)
        self.sources.setdefault(tag, []).append(why)

    def top(self, n: int = 3) -> list[str]:
        return [t for t, _ in sorted(self.tags.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]

    def top_interest_tags(self, n: int = 3) -> list[str]:
        ranked = sorted(((t, w) for t, w in self.tags.items()
                         if t.startswith(("theme:", "motif:"))), key=lambda kv: (-kv[1], kv[0]))
        return [t for t, _ in ranked[:n]]


def region_of(city: str | None) -> str | None:
    if not city or not str(city).strip():
        return None
    text = str(city).strip()
    if _CJK.search(text) or text.lower() in CN_CITIES:
        return "cn"
    return "intl"


def _signature_hits(text: str) -> list[tuple[str, tuple[str, str | None]]]:
    s = text.lower()
    hits = []
    for word, hit in KEYWORDS.items():
        if len(word) >= 2 and word in s:
            hits.append((word, hit))
    return hits


def build_portrait(user: dict) -> Portrait:
    """The weighted tag set of one user (pure function of the dict)."""
    p = Portrait(user_id=str(user.get("user_id", "")))
    for rank, label in enumerate(user.get("interests") or []):
        hit = match_interest(str(label))
        if hit is None:
            p.unmatched.append(str(label))
            continue
        theme, motif = hit
        w = INTEREST_DECAY ** rank
        p.add(f"theme:{theme}", w, f"interest “{label}” (#{rank + 1})")
        if motif:
            p.add(f"motif:{motif}", MOTIF_FACTOR * w, f"interest “{label}”")
        p.has_interests = True
    for label, weight in (user.get("profile_interests") or {}).items():
        hit = match_interest(str(label))
        if hit is None:
            p.unmatched.append(str(label))
            continue
        theme, motif = hit
        w = PROFILE_FACTOR * max(0.0, min(1.0, float(weight)))
        p.add(f"theme:{theme}", w, f"profile interest “{label}” ({float(weight):.2f})")
        if motif:
            p.add(f"motif:{motif}", MOTIF_FACTOR * w, f"profile interest “{label}”")
        p.has_interests = True
    for word, count in sorted((user.get("message_interests") or {}).items()):
        hit = match_interest(str(word))
        if hit is None or int(count) <= 0:
            continue
        theme, motif = hit
        w = min(MESSAGE_MAX, MESSAGE_BASE + MESSAGE_STEP * (int(count) - 1))
        p.add(f"theme:{theme}", w, f"wrote “{word}” in {int(count)} message(s)")
        if motif:
            p.add(f"motif:{motif}", MOTIF_FACTOR * w, f"wrote “{word}”")
        p.has_interests = True
    signature = user.get("signature")
    if signature:
        for word, (theme, motif) in _signature_hits(str(signature)):
            p.add(f"theme:{theme}", SIGNATURE_THEME, f"signature mentions “{word}”")
            if motif:
                p.add(f"motif:{motif}", SIGNATURE_MOTIF, f"signature mentions “{word}”")
            p.has_interests = True
    band = age_band(user.get("age"))
    if band:
        p.add(f"age:{band}", AGE_WEIGHT, f"age {user.get('age')}")
    region = region_of(user.get("city") or user.get("region"))
    if region:
        p.add(f"region:{region}", REGION_WEIGHT, f"city {user.get('city') or user.get('region')}")
    gender = str(user.get("gender") or "").lower()
    if gender in ("female", "male", "f", "m", "女", "男"):
        g = "female" if gender in ("female", "f", "女") else "male"
        p.add(f"gender:{g}", GENDER_WEIGHT, f"gender {user.get('gender')}")
    activity = user.get("activity")
    if activity is not None:
        try:
            a = float(activity)
        except (TypeError, ValueError):
            a = None
        if a is not None and a >= HIGH_ACTIVITY:
            p.add("activity:high", ACTIVITY_WEIGHT, f"{a:g} messages/day")
        elif a is not None and a <= LOW_ACTIVITY:
            p.add("activity:low", ACTIVITY_WEIGHT, f"{a:g} messages/day")
    return p
