"""Rendering business-card images with Pillow (demo data, tests and the OCR benchmark)."""
from __future__ import annotations

from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
)


def cjk_font(size: int):
    from PIL import ImageFont

    for path in FONT_CANDIDATES:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def render_card(lines: list[str], path: Path, *, qr_payload: str | None = None, seed: int = 0) -> Path:
    """A 720×400 card: the first line large (the name), the rest smaller; optional QR code."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    bg = tuple(int(x) for x in rng.integers(235, 256, 3))
    im = Image.new("RGB", (720, 400), bg)
    d = ImageDraw.Draw(im)
    accent = tuple(int(x) for x in rng.integers(20, 120, 3))
    d.rectangle((0, 0, 12, 400), fill=accent)
    y = 36
    for i, line in enumerate(lines):
        font = cjk_font(40 if i == 0 else 24)
        d.text((48, y), line, fill=(20, 20, 20) if i else accent, font=font)
        y += 62 if i == 0 else 40
    if qr_payload:
        import cv2

        qr = cv2.QRCodeEncoder.create().encode(qr_payload)
        qr = cv2.resize(qr, (qr.shape[1] * 5, qr.shape[0] * 5), interpolation=cv2.INTER_NEAREST)
        q = Image.fromarray(qr).convert("RGB")
        q = q.resize((170, 170), Image.NEAREST)
        im.paste(q, (520, 200))
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path)
    return path
