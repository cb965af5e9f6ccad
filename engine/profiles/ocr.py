"""Reading images sent in chat: OCR (rapidocr-onnxruntime, models ship in the wheel, offline) and
QR codes (OpenCV).  A corrupt or non-image file gives a per-message error, never an exception.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

_ENGINE = None
_LOCK = threading.Lock()


@dataclass
class ImageText:
    text: str = ""  # OCR lines joined with newlines, then decoded QR payloads
    lines: list[str] = field(default_factory=list)
    qr: list[str] = field(default_factory=list)
    error: str | None = None


def _engine():
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            from rapidocr_onnxruntime import RapidOCR

            _ENGINE = RapidOCR()
    return _ENGINE


def load_image(path: str | Path):
    """The image as a BGR numpy array, or raise ValueError saying why it cannot be read."""
    import numpy as np
    from PIL import Image, UnidentifiedImageError

    p = Path(path)
    if not p.is_file():
        raise ValueError(f"image file not found: {p.name}")
    try:
        with Image.open(p) as im:
            im.load()
            rgb = np.asarray(im.convert("RGB"))
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise ValueError(f"not a readable image ({p.name}): {exc}") from exc
    if rgb.shape[0] < 8 or rgb.shape[1] < 8:
        raise ValueError(f"image too small to read ({p.name})")
    return rgb[:, :, ::-1].copy()


def decode_qr(bgr) -> list[str]:
    import cv2

    detector = cv2.QRCodeDetector()
    try:
        ok, payloads, _pts, _ = detector.detectAndDecodeMulti(bgr)
    except cv2.error:
        return []
    return [p for p in payloads if p] if ok else []


def qr_to_text(payload: str) -> str:
    """vCard / MECARD contact QR codes become labelled lines the text rules understand."""
    lines = []
    if payload.startswith("BEGIN:VCARD"):
        for raw in payload.splitlines():
            key, _, val = raw.partition(":")
            key = key.split(";")[0].upper()
            if key == "FN":
                lines.append(f"My name is {val}" if val.isascii() else f"我叫{val}")
            elif key == "TEL":
                lines.append(f"phone: {val}")
            elif key == "EMAIL":
                lines.append(val)
            elif key == "ORG":
                lines.append(f"公司是{val}" if not val.isascii() else f"I work at {val}")
            elif key == "ADR":
                lines.append("地址：" + "".join(v for v in val.split(";") if v))
        return "\n".join(lines)
    if payload.startswith("MECARD:"):
        for part in payload[7:].split(";"):
            key, _, val = part.partition(":")
            if key == "N":
                lines.append(f"我叫{val.replace(',', '')}" if not val.isascii() else f"My name is {val}")
            elif key == "TEL":
                lines.append(f"phone: {val}")
            elif key == "EMAIL":
                lines.append(val)
        return "\n".join(lines)
    if "wechat" in payload.lower() or "weixin" in payload.lower():
        return ""  # a WeChat friend link carries no readable id
    return payload


def card_text(lines: list[str]) -> str:
    """Business-card layout to sentences the text rules understand.

    Contact lines (with digits, ':' or '@') stay as they are. Among the other lines, the first
    that ends in a title word is the job title, the first with an organisation suffix (or, once
    name and title are known, the next plain line) is the company, and the first that looks like
    a personal name (2–4 Chinese characters starting with a surname, or 2–3 Title-Case words) is
    the name.
    """
    from engine.profiles import lexicon as L

    out = []
    name = title = org = False
    for line in lines:
        s = line.strip()
        plain = s and not any(c.isdigit() for c in s) and not any(c in s for c in ":：@")
        cjk = any("\u4e00" <= c <= "\u9fff" for c in s)
        words = s.replace(".", "").split()
        if plain and not title and (any(s.endswith(t) for t in L.CN_TITLES) or
                                    (not cjk and words and words[-1].lower() in L.EN_TITLES)):
            out.append(f"我是{s}。" if cjk else f"I work as a {s}.")
            title = True
        elif plain and not org and (any(s.endswith(x) for x in L.ORG_SUFFIXES) or
                                    (not cjk and words and words[-1] in L.EN_ORG_SUFFIXES)):
            out.append(f"我在{s}。" if cjk else f"I work at {s}.")
            org = True
        elif plain and not name and cjk and 2 <= len(s) <= 4 and (s[0] in L.CN_SURNAMES or s[:2] in L.CN_COMPOUND_SURNAMES) \
                and all("\u4e00" <= c <= "\u9fff" for c in s):
            out.append(f"我叫{s}。")
            name = True
        elif plain and not name and not cjk and s.isascii() and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
            out.append(f"My name is {s}.")
            name = True
        elif plain and not org and name and title and len(s) <= 40:
            out.append(f"我在{s}。" if cjk else f"I work at {s}.")
            org = True
        else:
            out.append(s + ("" if s.endswith(("。", ".")) else "。"))
    return "\n".join(out)


def read_image(path: str | Path) -> ImageText:
    """OCR + QR of one image; errors come back in ``error``."""
    try:
        bgr = load_image(path)
    except ValueError as exc:
        return ImageText(error=str(exc))
    qr = decode_qr(bgr)
    try:
        result, _ = _engine()(bgr)
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises many types on bad input
        return ImageText(qr=qr, error=f"OCR failed on {Path(path).name}: {exc}")
    lines = [r[1] for r in (result or [])]
    parts = [card_text(lines)] + [qr_to_text(p) for p in qr]
    return ImageText(text="\n".join(p for p in parts if p), lines=lines, qr=qr)
