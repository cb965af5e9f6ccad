"""Rendering: one parametric description → PNG (Pillow) and SVG text.

An avatar = background shape in the user's palette colour + the picture (clipped to the shape) +
an optional mark (the nickname's initial or a star badge in a corner disc).
"""
from __future__ import annotations

import base64
import io
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

from engine.avatars.library import BACKGROUNDS, Picture
from engine.avatars.motifs import star
from engine.errors import InputError

MIN_SIZE, MAX_SIZE = 64, 512
MARKS = ("initial", "badge", "none")
SHAPES = ("circle", "rounded", "square")
BADGE_COLOURS = ["#e76f51", "#2a9d8f", "#264653", "#8338ec", "#d62828", "#3a86ff", "#6a994e",
                 "#bc6c25"]
FONT_FILES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "C:/Windows/Fonts/msyh.ttc", "/System/Library/Fonts/PingFang.ttc",
]
SVG_FONTS = "'Noto Sans CJK SC','PingFang SC','Microsoft YaHei','DejaVu Sans',sans-serif"


@dataclass(frozen=True)
class Look:
    """Personalisation of one avatar (what the settings and the assignment decide)."""

    background: int = 0  # index into BACKGROUNDS
    mark: str = "initial"  # initial | badge | none
    text: str = ""  # the initial shown by mark="initial"
    badge: int = 0  # index into BADGE_COLOURS for mark="badge"
    shape: str = "circle"


def check_size(size) -> int:
    try:
        n = int(size)
    except (TypeError, ValueError) as exc:
        raise InputError(f"size '{size}' is not a whole number", place="size") from exc
    if not MIN_SIZE <= n <= MAX_SIZE:
        raise InputError(f"size {n} is outside {MIN_SIZE}–{MAX_SIZE} px", place="size")
    return n


def initial_of(nickname: str | None) -> str:
    """First visible character: a CJK character or an upper-case letter/digit."""
    for ch in (nickname or "").strip():
        if ch.isalnum():
            return ch.upper()
    return ""


def badge_index(user_id: str) -> int:
    return zlib.crc32(user_id.encode()) % len(BADGE_COLOURS)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _darker(hex_colour: str, k: float = 0.5) -> str:
    r, g, b = _rgb(hex_colour)
    return "#%02x%02x%02x" % (int(r * k), int(g * k), int(b * k))


# -- Pillow --------------------------------------------------------------------------------
def _draw_shapes(draw: ImageDraw.ImageDraw, shapes: list[dict], k: float) -> None:
    for s in shapes:
        t = s["t"]
        fill = None if s.get("f", "none") == "none" else s.get("f")
        stroke, w = s.get("s"), s.get("w", 0) * k
        width = max(1, round(w)) if stroke else 0
        if t in ("ellipse", "rect", "pie"):
            x0, y0, x1, y1 = (v * k for v in s["b"])
            if stroke:  # Pillow draws outlines inside the box; SVG centres them on the edge
                x0, y0, x1, y1 = x0 - w / 2, y0 - w / 2, x1 + w / 2, y1 + w / 2
            box = [x0, y0, x1, y1]
            if t == "ellipse":
                draw.ellipse(box, fill=fill, outline=stroke, width=width)
            elif t == "rect":
                radius = s.get("r", 0) * k + (w / 2 if stroke else 0)
                draw.rounded_rectangle(box, radius=radius, fill=fill, outline=stroke, width=width)
            else:
                draw.pieslice(box, s["a0"], s["a1"], fill=fill, outline=stroke, width=width)
        elif t == "poly":
            pts = [v * k for v in s["p"]]
            draw.polygon(pts, fill=fill, outline=stroke, width=width)
        elif t == "line":
            pts = [v * k for v in s["p"]]
            lw = max(1, round(s.get("w", 3) * k))
            draw.line(pts, fill=s["s"], width=lw, joint="curve")
            r = lw / 2
            for x, y in ((pts[0], pts[1]), (pts[-2], pts[-1])):
                draw.ellipse([x - r, y - r, x + r, y + r], fill=s["s"])


def _supersample(size: int) -> int:
    return 4 if size <= 64 else 3 if size <= 160 else 2


class _LRU:
    def __init__(self, limit: int) -> None:
        self._d: OrderedDict = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            if key in self._d:
                self._d.move_to_end(key)
                return self._d[key]
        return None

    def put(self, key, value) -> None:
        with self._lock:
            self._d[key] = value
            self._d.move_to_end(key)
            while len(self._d) > self._limit:
                self._d.popitem(last=False)


_LAYERS = _LRU(4096)


def picture_layer(picture: Picture, size: int) -> Image.Image:
    """The picture alone on transparency at ``size`` px (cached by picture key and size)."""
    key = (picture.key, size)
    hit = _LAYERS.get(key)
    if hit is not None:
        return hit
    if picture.png is not None:
        layer = decode_image(picture.png, place=picture.id).resize((size, size), Image.LANCZOS)
    else:
        ss = _supersample(size)
        big = Image.new("RGBA", (size * ss, size * ss), (0, 0, 0, 0))
        _draw_shapes(ImageDraw.Draw(big), picture.spec["shapes"], size * ss / 100.0)
        layer = big.resize((size, size), Image.LANCZOS)
    _LAYERS.put(key, layer)
    return layer


def decode_image(data: bytes, *, place: str) -> Image.Image:
    """Decode uploaded art to a square RGBA image, or raise InputError naming ``place``."""
    try:
        img = Image.open(io.BytesIO(data))
        img.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputError(f"not a readable image: {exc}", place=place) from exc
    img = img.convert("RGBA")
    w, h = img.size
    side = min(w, h)
    if side < 16:
        raise InputError(f"image is too small ({w}×{h}); use at least 64×64", place=place)
    left, top = (w - side) // 2, (h - side) // 2
    return img.crop((left, top, left + side, top + side))


@lru_cache(maxsize=64)
def _shape_mask(shape: str, size: int) -> Image.Image:
    ss = 4
    big = Image.new("L", (size * ss, size * ss), 0)
    d = ImageDraw.Draw(big)
    box = [0, 0, size * ss - 1, size * ss - 1]
    if shape == "circle":
        d.ellipse(box, fill=255)
    elif shape == "rounded":
        d.rounded_rectangle(box, radius=size * ss * 0.22, fill=255)
    else:
        d.rectangle(box, fill=255)
    return big.resize((size, size), Image.LANCZOS)


@lru_cache(maxsize=8)
def _font(px: int):
    for path in FONT_FILES:
        try:
            return ImageFont.truetype(path, px)
        except OSError:
            continue
    return ImageFont.load_default(px)


_FONT_LOCK = threading.Lock()  # FreeType faces are not thread-safe: one text render at a time


@lru_cache(maxsize=4096)
def _mark_layer(mark: str, text: str, colour: str, size: int) -> Image.Image | None:
    if mark == "none" or (mark == "initial" and not text):
        return None
    with _FONT_LOCK:
        return _draw_mark(mark, text, colour, size)


def _draw_mark(mark: str, text: str, colour: str, size: int) -> Image.Image:
    ss = 3 if size <= 160 else 2
    n = size * ss
    img = Image.new("RGBA", (n, n), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    k = n / 100.0
    cx, cy, r = 80 * k, 80 * k, 17 * k
    d.ellipse([cx - r - 2.5 * k, cy - r - 2.5 * k, cx + r + 2.5 * k, cy + r + 2.5 * k],
              fill="#ffffff")
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
    if mark == "initial":
        font = _font(max(8, int(20 * k)))
        d.text((cx, cy), text, font=font, fill="#ffffff", anchor="mm")
    else:
        d.polygon([v * k for v in star(80, 80, 11, 4.6)], fill="#ffffff")
    return img.resize((size, size), Image.LANCZOS)


def mark_colour(look: Look) -> str:
    return (_darker(BACKGROUNDS[look.background], 0.45) if look.mark == "initial"
            else BADGE_COLOURS[look.badge % len(BADGE_COLOURS)])


def render_image(picture: Picture, look: Look, size: int, bg: str | None = None) -> Image.Image:
    """The avatar as an RGBA image; ``bg`` overrides the palette colour (previews only)."""
    size = check_size(size)
    mask = _shape_mask(look.shape, size)
    out = Image.new("RGBA", (size, size), _rgb(bg or BACKGROUNDS[look.background]) + (255,))
    out.alpha_composite(picture_layer(picture, size))
    mark = _mark_layer(look.mark, look.text, mark_colour(look), size)
    if mark is not None:
        out.alpha_composite(mark)
    out.putalpha(mask)
    return out


def render_png(picture: Picture, look: Look, size: int = 128, bg: str | None = None) -> bytes:
    """PNG bytes: a 256-colour palette image (flat art survives it; mean error ≈ 3/255 per
    channel), ~4 KB at 128 px and about twice as fast to encode as 32-bit RGBA."""
    img = render_image(picture, look, size, bg).quantize(256, method=Image.Quantize.FASTOCTREE)
    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=3, compress_type=zlib.Z_RLE)
    return buf.getvalue()


# -- SVG -----------------------------------------------------------------------------------
def _svg_shape(s: dict) -> str:
    fill = s.get("f", "none")
    stroke = f' stroke="{s["s"]}" stroke-width="{s.get("w", 1):g}"' if s.get("s") and \
        s["t"] != "line" else ""
    t = s["t"]
    if t == "ellipse":
        x0, y0, x1, y1 = s["b"]
        return (f'<ellipse cx="{(x0 + x1) / 2:g}" cy="{(y0 + y1) / 2:g}" rx="{(x1 - x0) / 2:g}" '
                f'ry="{(y1 - y0) / 2:g}" fill="{fill}"{stroke}/>')
    if t == "rect":
        x0, y0, x1, y1 = s["b"]
        r = s.get("r", 0)
        return (f'<rect x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" '
                f'rx="{r:g}" fill="{fill}"{stroke}/>')
    if t == "poly":
        pts = " ".join(f"{s['p'][i]:g},{s['p'][i + 1]:g}" for i in range(0, len(s["p"]), 2))
        return f'<polygon points="{pts}" fill="{fill}"{stroke}/>'
    if t == "line":
        pts = " ".join(f"{s['p'][i]:g},{s['p'][i + 1]:g}" for i in range(0, len(s["p"]), 2))
        return (f'<polyline points="{pts}" fill="none" stroke="{s["s"]}" '
                f'stroke-width="{s.get("w", 3):g}" stroke-linecap="round" stroke-linejoin="round"/>')
    if t == "pie":
        import math

        x0, y0, x1, y1 = s["b"]
        cx, cy, rx, ry = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        a0, a1 = math.radians(s["a0"]), math.radians(s["a1"])
        sx, sy = cx + rx * math.cos(a0), cy + ry * math.sin(a0)
        ex, ey = cx + rx * math.cos(a1), cy + ry * math.sin(a1)
        large = 1 if (s["a1"] - s["a0"]) % 360 > 180 else 0
        return (f'<path d="M{cx:g},{cy:g} L{sx:.2f},{sy:.2f} A{rx:g},{ry:g} 0 {large} 1 '
                f'{ex:.2f},{ey:.2f} Z" fill="{fill}"{stroke}/>')
    raise InputError(f"unknown shape type '{t}'", place="picture spec")


def render_svg(picture: Picture, look: Look, size: int = 128) -> str:
    size = check_size(size)
    bg = BACKGROUNDS[look.background]
    if look.shape == "circle":
        clip = '<circle cx="50" cy="50" r="50"/>'
    elif look.shape == "rounded":
        clip = '<rect width="100" height="100" rx="22"/>'
    else:
        clip = '<rect width="100" height="100"/>'
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'viewBox="0 0 100 100">', f'<defs><clipPath id="c">{clip}</clipPath></defs>',
             '<g clip-path="url(#c)">', f'<rect width="100" height="100" fill="{bg}"/>']
    if picture.png is not None:
        buf = io.BytesIO()
        decode_image(picture.png, place=picture.id).resize((256, 256)).save(buf, format="PNG")
        data = base64.b64encode(buf.getvalue()).decode()
        parts.append(f'<image width="100" height="100" href="data:image/png;base64,{data}"/>')
    else:
        parts += [_svg_shape(s) for s in picture.spec["shapes"]]
    if look.mark != "none" and (look.mark != "initial" or look.text):
        colour = mark_colour(look)
        parts.append('<circle cx="80" cy="80" r="19.5" fill="#ffffff"/>')
        parts.append(f'<circle cx="80" cy="80" r="17" fill="{colour}"/>')
        if look.mark == "initial":
            parts.append(f'<text x="80" y="80" font-family="{SVG_FONTS}" font-size="20" '
                         f'font-weight="bold" fill="#ffffff" text-anchor="middle" '
                         f'dominant-baseline="central">{escape(look.text)}</text>')
        else:
            pts = star(80, 80, 11, 4.6)
            pts_s = " ".join(f"{pts[i]:.2f},{pts[i + 1]:.2f}" for i in range(0, len(pts), 2))
            parts.append(f'<polygon points="{pts_s}" fill="#ffffff"/>')
    parts.append("</g></svg>")
    return "".join(parts)
