"""Detection parameters with their defaults (docs/fraud.md says what moving each does)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from engine.errors import InputError

DEFAULT_BEHAVIOURS = ("follow", "barrage", "gift", "like")


@dataclass
class Params:
    # Behaviours that count as "acting together" (others are ignored entirely).
    behaviours: tuple[str, ...] = DEFAULT_BEHAVIOURS
    # Candidate link: users acting on the same target within the same window of this many seconds.
    window: int = 120
    # Similarity: per-user counts in (target, slot) cells of this many seconds.
    slot: int = 60
    # Prune: keep a linked pair only if its TF-IDF cosine similarity reaches this ...
    similarity: float = 0.10
    # ... and the two accounts were active in at least this many common slots.
    min_common_slots: int = 4
    # Hysteresis: an account outside the groups joins one when it has at least ``attach_links``
    # edges into it with similarity ≥ ``attach_similarity`` (0 links = off).
    attach_similarity: float = 0.05
    attach_links: int = 2
    # Ignore accounts with fewer events of the chosen behaviours (too little to judge).
    min_user_events: int = 3
    # Buckets (target window, device, IP) with more distinct users than this get capped links.
    bucket_cap: int = 24
    # In a capped bucket each user is linked to this many neighbours in each MinHash order.
    neighbours: int = 4
    # Number of MinHash orders used inside capped buckets.
    minhash_orders: int = 4
    # A target-window pair is kept as a candidate only if it co-occurs in this many windows
    # (pairs sharing a device or IP are always candidates).
    min_cooccur: int = 2
    # Groups smaller than this are not reported.
    min_group_size: int = 5
    # Accounts per device / per IP at which device and IP sharing count as fully suspicious.
    device_ratio: float = 5.0
    ip_ratio: float = 5.0
    # Groups scoring below this (0-100) are not reported.
    min_score: float = 30.0
    # Components larger than this are split by community detection (0 = never split).
    split_above: int = 400
    # Seed of the MinHash orders and of community detection (results are reproducible).
    seed: int = 0

    def validate(self) -> "Params":
        def need(ok: bool, name: str, what: str) -> None:
            if not ok:
                raise InputError(what, place=f"parameter {name}")

        need(len(self.behaviours) > 0, "behaviours", "choose at least one behaviour")
        need(self.window >= 1, "window", f"window must be ≥ 1 second, got {self.window}")
        need(self.slot >= 1, "slot", f"slot must be ≥ 1 second, got {self.slot}")
        need(0.0 <= self.similarity <= 1.0, "similarity",
             f"similarity must be between 0 and 1, got {self.similarity}")
        need(self.min_common_slots >= 1, "min_common_slots", "must be ≥ 1")
        need(self.min_user_events >= 1, "min_user_events", "must be ≥ 1")
        need(0.0 <= self.attach_similarity <= 1.0, "attach_similarity", "must be between 0 and 1")
        need(self.attach_links >= 0, "attach_links", "must be ≥ 0")
        need(self.bucket_cap >= 2, "bucket_cap", "must be ≥ 2")
        need(self.neighbours >= 1, "neighbours", "must be ≥ 1")
        need(self.minhash_orders >= 1, "minhash_orders", "must be ≥ 1")
        need(self.min_cooccur >= 1, "min_cooccur", "must be ≥ 1")
        need(self.min_group_size >= 2, "min_group_size", "must be ≥ 2")
        need(self.device_ratio > 1 and self.ip_ratio > 1, "device_ratio/ip_ratio", "must be > 1")
        need(0.0 <= self.min_score <= 100.0, "min_score", "must be between 0 and 100")
        need(self.split_above >= 0, "split_above", "must be ≥ 0")
        return self

    def to_dict(self) -> dict:
        d = asdict(self)
        d["behaviours"] = list(self.behaviours)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> "Params":
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise InputError(f"unknown parameter(s): {', '.join(sorted(unknown))}", place="params")
        kwargs = dict(data)
        if "behaviours" in kwargs:
            b = kwargs["behaviours"]
            if isinstance(b, str):
                b = [x.strip() for x in b.split(",") if x.strip()]
            kwargs["behaviours"] = tuple(b)
        return cls(**kwargs).validate()
