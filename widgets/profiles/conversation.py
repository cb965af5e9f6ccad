"""The conversation with extracted spans highlighted in place; clicking a span accepts it."""
from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl, Signal

from engine.profiles.lexicon import PII_FIELDS
from engine.profiles.pii import mask
from PySide6.QtWidgets import QTextBrowser

STATUS_COLOURS = {"suggested": "#ffe58f", "accepted": "#b7eb8f", "rejected": "#e0e0e0", "superseded": "#d6e4ff"}


def render_html(messages: list[dict], revealed: bool = False) -> str:
    """HTML for the messages: staff on the right, customer on the left, facts as links.

    Personal data the extractor found (phone, ID number, …) stays masked until ``revealed``."""
    parts = ["<html><body style='font-size:13px'>"]
    for m in messages:
        staff = m["role"] == "staff"
        align = "right" if staff else "left"
        bg = "#dcecfb" if staff else "#eeeeee"
        parts.append(f"<p align='{align}' style='margin:2px 0;color:#777;font-size:11px'>"
                     f"{html.escape(m['sender'])} · {m['ts']:%Y-%m-%d %H:%M}</p>")
        body = _marked(m["text"], [f for f in m["facts"] if f["source"] == "text" and f["start"] is not None],
                       revealed)
        if m.get("image"):
            name = html.escape(str(m["image"]).replace("\\", "/").rsplit("/", 1)[-1])
            if m.get("image_ok") and revealed:  # pictures may show personal data: only once revealed
                src = html.escape(QUrl.fromLocalFile(m["image"]).toString())
                note = f"<img src='{src}' width='220'>"
            elif m.get("image_ok"):
                note = "<i>" + html.escape(QCoreApplication.translate("ConversationView", "(picture hidden until personal data is revealed)")) + "</i>"
            else:
                note = "<i>" + html.escape(QCoreApplication.translate("ConversationView", "(not a readable image)")) + "</i>"
            label = html.escape(QCoreApplication.translate("ConversationView", "image"))
            body += ("<br>" if body else "") + f"{note}<br><i>{label}: {name}</i>"
            chips = [f for f in m["facts"] if f["source"] != "text"]
            if chips:
                body += "<br>" + " ".join(_link(f, f"{f['field']}: " + html.escape(
                    f["display"] if revealed else mask(f["field"], f["display"]))) for f in chips)
        parts.append(f"<table align='{align}' cellpadding='6' style='margin-bottom:6px'><tr>"
                     f"<td style='background:{bg};color:#1a1a1a;border-radius:6px'>{body}</td></tr></table>")
    parts.append("</body></html>")
    return "".join(parts)


def _link(f: dict, label: str) -> str:
    colour = STATUS_COLOURS.get(f["status"], "#ffe58f")
    deco = "line-through" if f["status"] == "rejected" else "none"
    return (f"<a href='fact:{f['id']}:{f['version']}' title='{html.escape(f['field'])} ({f['status']})' "
            f"style='background:{colour};color:#111;text-decoration:{deco}'>{label}</a>")


def _marked(text: str, facts: list[dict], revealed: bool = True) -> str:
    out, pos = [], 0
    pii = {(f["start"], f["end"]): f["field"] for f in facts if f["field"] in PII_FIELDS}
    for f in sorted(facts, key=lambda f: (f["start"], -f["end"], f["field"] not in PII_FIELDS)):
        s, e = f["start"], f["end"]
        if s < pos or e > len(text):
            continue
        out.append(html.escape(text[pos:s]))
        shown = text[s:e] if revealed or (s, e) not in pii else mask(pii[(s, e)], text[s:e])
        out.append(_link(f, html.escape(shown)))
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


class ConversationView(QTextBrowser):
    """Emits ``fact_clicked(field_id, version)`` when a highlighted span is clicked."""

    fact_clicked = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.messages: list[dict] = []

    def show_messages(self, messages: list[dict], revealed: bool = False) -> None:
        self.messages = messages
        self.setHtml(render_html(messages, revealed))
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("fact:"):
            _, fid, version = text.split(":")
            self.fact_clicked.emit(int(fid), int(version))
