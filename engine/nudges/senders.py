"""Pluggable senders: where a nudge goes after the outbox.

A sender has ``send(payload: dict) -> None`` and raises :class:`SendError` (``permanent=True``
for a failure that retrying cannot fix, such as HTTP 4xx).  ``payload["idempotency_key"]`` is the
same for every attempt of one outbox row.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

from engine.errors import InputError


class SendError(Exception):
    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class LogFileSender:
    """Appends one JSON line per nudge to a file; skips a key it has already written."""

    def __init__(self, path) -> None:
        self.path = Path(path)
        self._seen: set[str] = set()
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    self._seen.add(json.loads(line)["idempotency_key"])
                except (ValueError, KeyError, TypeError):
                    continue

    def send(self, payload: dict) -> None:
        key = payload.get("idempotency_key", "")
        if key in self._seen:
            return
        try:
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False) + "\n")
        except OSError as exc:
            raise SendError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._seen.add(key)


class WebhookSender:
    """POSTs the payload as JSON to ``url``; retries 5xx, 429 and network errors with backoff.

    Waits ``backoff * 2**attempt`` seconds (capped at ``max_backoff``) between ``retries`` extra
    attempts; honours a numeric ``Retry-After``.  4xx other than 408/429 fail at once.
    """

    def __init__(self, url: str, *, retries: int = 3, backoff: float = 0.5,
                 max_backoff: float = 30.0, timeout: float = 10.0, headers: dict | None = None,
                 sleep=time.sleep) -> None:
        if not url.startswith(("http://", "https://")):
            raise InputError("webhook URL must start with http:// or https://", place="webhook")
        self.url, self.retries, self.backoff = url, retries, backoff
        self.max_backoff, self.timeout = max_backoff, timeout
        self.headers = dict(headers or {})
        self._sleep = sleep
        self.attempts = 0

    def send(self, payload: dict) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8",
                   "Idempotency-Key": str(payload.get("idempotency_key", "")), **self.headers}
        last = ""
        for attempt in range(self.retries + 1):
            self.attempts += 1
            wait = min(self.max_backoff, self.backoff * 2 ** attempt)
            req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    resp.read()
                return
            except urllib.error.HTTPError as exc:
                last = f"HTTP {exc.code} from {self.url}"
                if exc.code not in (408, 429) and exc.code < 500:
                    raise SendError(last, permanent=True) from exc
                retry_after = exc.headers.get("Retry-After") if exc.headers else None
                if retry_after and retry_after.isdigit():
                    wait = min(self.max_backoff, float(retry_after))
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                last = f"cannot reach {self.url}: {getattr(exc, 'reason', exc)}"
            if attempt < self.retries:
                self._sleep(wait)
        raise SendError(f"{last} (after {self.retries + 1} attempts)")


def make_sender(spec: str):
    """``log:PATH`` or an http(s) URL."""
    if spec.startswith("log:"):
        return LogFileSender(spec[4:])
    if spec.startswith(("http://", "https://")):
        return WebhookSender(spec)
    raise InputError("use log:FILE or an http(s):// webhook URL", place="--sender")
