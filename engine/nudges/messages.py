"""Rendering nudge messages: Jinja2 in a sandbox, with a documented fallback for missing fields.

* Templates run in :class:`jinja2.sandbox.SandboxedEnvironment` (no attribute access to internals,
  no imports, no file access); autoescape is off because messages are plain text.
* A field the user's attrs do not have renders as the process's fallback for that field
  (``fallbacks = {name = "customer"}``) or, without one, as an empty string; ``{{ name or
  "friend" }}`` and ``{{ name | default("friend") }}`` work as usual.  Attribute access on a missing
  field (``{{ doc.title }}``) is missing too, never an error.
* A template that does not compile, or fails while rendering (``{{ 1 / 0 }}``, a sandbox
  violation), yields a :class:`RenderError`; the nudge is not sent and the editor shows the error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from jinja2 import ChainableUndefined, TemplateSyntaxError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

MAX_MESSAGE = 2000


class _Missing(ChainableUndefined):
    """A missing field: renders as the fallback (or ''), chains through attribute access."""

    fallbacks: dict[str, str] = {}

    def __str__(self) -> str:  # noqa: D105
        if self._undefined_exception is SecurityError:  # blocked by the sandbox: an error
            self._fail_with_undefined_error()
        return self.fallbacks.get(self._undefined_name or "", "")


@dataclass
class RenderError:
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


def _environment(fallbacks: tuple[tuple[str, str], ...]) -> SandboxedEnvironment:
    missing = type("Missing", (_Missing,), {"fallbacks": dict(fallbacks)})
    env = SandboxedEnvironment(undefined=missing, autoescape=False, keep_trailing_newline=False)
    return env


@lru_cache(maxsize=64)
def _env(fallbacks: tuple[tuple[str, str], ...]) -> SandboxedEnvironment:
    return _environment(fallbacks)


@lru_cache(maxsize=1024)
def _compiled(text: str, fallbacks: tuple[tuple[str, str], ...]):
    return _env(fallbacks).from_string(text)


def compile_check(text: str) -> str | None:
    """None if the template compiles, else a readable message with the line number."""
    try:
        _compiled(text, ())
    except TemplateSyntaxError as exc:
        return f"template error at line {exc.lineno}: {exc.message}"
    return None


def render(text: str, attrs: dict, fallbacks: dict[str, str] | None = None) -> str | RenderError:
    """The message for one user, or a :class:`RenderError` (never raises)."""
    key = tuple(sorted((fallbacks or {}).items()))
    try:
        template = _compiled(text, key)
    except TemplateSyntaxError as exc:
        return RenderError(exc.message or "syntax error", exc.lineno)
    try:
        out = template.render(**{k: v for k, v in attrs.items() if isinstance(k, str)})
    except Exception as exc:  # noqa: BLE001 - any failure at render time means "do not send"
        return RenderError(f"{type(exc).__name__}: {exc}")
    return out.strip()[:MAX_MESSAGE]


def choose_template(templates: dict[str, str], attrs: dict, language_attr: str,
                    default_language: str) -> tuple[str, str] | None:
    """(language, text): the user's language if the node has it, else the default, else any."""
    if not templates:
        return None
    lang = attrs.get(language_attr)
    for key in (lang, default_language, "default"):
        if isinstance(key, str) and key in templates:
            return key, templates[key]
    first = next(iter(templates))
    return first, templates[first]


def merge_attrs(attr_texts) -> dict:
    """Merge JSON objects in order (later keys win); empty/invalid entries are skipped."""
    merged: dict = {}
    for text in attr_texts:
        if not text:
            continue
        try:
            value = json.loads(text)
        except (TypeError, ValueError):
            continue
        if isinstance(value, dict):
            merged.update(value)
    return merged
