"""The picture library: parametric pictures built from motifs × styles × palette variants.

``python -m engine.avatars.library`` rewrites ``resources/avatars/library.json`` (the seed the
workspace imports); pictures staff add live only in the workspace.
"""
from __future__ import annotations

import colorsys
import json
from dataclasses import dataclass, field
from pathlib import Path

from engine.avatars.motifs import MOTIFS
from engine.avatars.vocab import STYLE_AGES
from engine.errors import InputError
from engine.resources import resource

SEED_FILE = resource("avatars", "library.json")

NATURAL = {
    "dark": "#2b2d42", "black": "#1b1b1f", "white": "#ffffff", "light": "#e8f1f7",
    "grey": "#9aa5b1", "pink": "#ff8fab", "red": "#e63946", "orange": "#f4862a",
    "yellow": "#ffd23f", "gold": "#e9a800", "green": "#43a047", "teal": "#1f8a70",
    "lime": "#c6e03b", "brown": "#8d5a3b", "tan": "#d9a066", "blue": "#3a86ff",
}
VARIANTS = {"a": {"main": "#ff6b6b", "accent": "#2ec4b6"},
            "b": {"main": "#5e60ce", "accent": "#ffb703"}}
# style → (saturation factor, value factor, geometry scale, outline width or 0)
STYLES = {"playful": (1.1, 1.04, 1.04, 3.2), "modern": (1.0, 1.0, 1.0, 0.0),
          "classic": (0.55, 0.9, 0.9, 1.6)}
KEEP = {"dark", "black", "white"}

# Per-user background colours (index stored in the assignment).  Twelve hues, light to mid tones,
# so any motif keeps contrast with the dark outlines and the initial badge.
BACKGROUNDS = ["#ffd6a5", "#fdffb6", "#caffbf", "#9bf6ff", "#a0c4ff", "#bdb2ff", "#ffc6ff",
               "#ffadad", "#d4a373", "#8ecae6", "#90be6d", "#f9c74f"]


@dataclass
class Picture:
    """One library picture as plain data (what the engine ranks, renders and compares)."""

    id: str
    title: str
    theme: str
    style: str
    tags: dict[str, float]
    spec: dict | None = None  # {"shapes": [...]} on a 100×100 view box
    png: bytes | None = None  # staff-uploaded raster art instead of a spec
    source: str = "library"
    enabled: bool = True
    version: int = 1
    extra: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Changes whenever what the picture looks like changes (render caches use it)."""
        return f"{self.id}@{self.version}"


def _shade(hex_colour: str, sat: float, val: float) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    h, s, v = colorsys.rgb_to_hsv(r, g, b)
    r, g, b = colorsys.hsv_to_rgb(h, min(1.0, s * sat), min(1.0, v * val))
    return "#%02x%02x%02x" % (round(r * 255), round(g * 255), round(b * 255))


def palette(style: str, variant: str) -> dict[str, str]:
    sat, val = STYLES[style][:2]
    colours = {**NATURAL, **VARIANTS[variant]}
    return {k: (v if k in KEEP else _shade(v, sat, val)) for k, v in colours.items()}


def _scale(shape: dict, k: float) -> dict:
    out = dict(shape)
    if "b" in out:
        out["b"] = [round(50 + (v - 50) * k, 2) for v in out["b"]]
    if "p" in out:
        out["p"] = [round(50 + (v - 50) * k, 2) for v in out["p"]]
    if out.get("r"):
        out["r"] = round(out["r"] * k, 2)
    if out.get("w"):
        out["w"] = round(out["w"] * k, 2)
    return out


def style_shapes(shapes: list[dict], style: str, variant: str) -> list[dict]:
    """Resolve colour names and apply a style's geometry and outline to raw motif shapes."""
    colours = palette(style, variant)
    _, _, scale, outline = STYLES[style]
    out = []
    for raw in shapes:
        s = _scale(raw, scale)
        for key in ("f", "s"):
            if key in s and s[key] != "none":
                s[key] = colours.get(s[key], s[key])
        if outline and s["t"] != "line" and not s.get("d") and "s" not in s:
            s["s"], s["w"] = colours["dark"], outline
        s.pop("d", None)
        out.append(s)
    if variant == "b":  # on a white plate ringed in the accent colour, motif a little smaller
        out = [_scale(sh, 0.86) for sh in out]
        out.insert(0, {"t": "ellipse", "b": [10, 10, 90, 90], "f": "#ffffff",
                       "s": colours["accent"], "w": 3.5})
    return out


def build_picture(theme: str, motif: str, style: str, variant: str) -> Picture:
    fn, extra = MOTIFS[theme][motif]
    tags = {f"theme:{theme}": 1.0, f"motif:{motif}": 1.0, f"style:{style}": 1.0,
            **STYLE_AGES[style], **extra}
    title = f"{motif.capitalize()} ({style}, {variant})"
    return Picture(id=f"{theme}-{motif}-{style}-{variant}", title=title, theme=theme, style=style,
                   tags=tags, spec={"shapes": style_shapes(fn(), style, variant)})


def build_library() -> list[Picture]:
    return [build_picture(theme, motif, style, variant)
            for theme, motifs in MOTIFS.items() for motif in motifs
            for style in STYLES for variant in VARIANTS]


# -- tags as text ----------------------------------------------------------------------------
def format_tags(tags: dict[str, float]) -> str:
    return ",".join(f"{k}={v:g}" for k, v in sorted(tags.items(), key=lambda kv: (-kv[1], kv[0])))


def parse_tags(text: str, *, place: str = "tags") -> dict[str, float]:
    """``"theme:animals=1, motif:cat, age:child=0.8"`` → dict; a bare tag weighs 1."""
    tags: dict[str, float] = {}
    for part in (text or "").replace(";", ",").replace("\n", ",").split(","):
        part = part.strip()
        if not part:
            continue
        name, _, weight = part.partition("=")
        name = name.strip().lower()
        if ":" not in name or not name.split(":", 1)[1] or " " in name:
            raise InputError(f"'{part}' is not a tag like family:value or family:value=0.8",
                             place=place)
        try:
            w = float(weight) if weight.strip() else 1.0
        except ValueError as exc:
            raise InputError(f"weight of '{name}' is not a number", place=place) from exc
        if not 0.0 <= w <= 1.0:
            raise InputError(f"weight of '{name}' must be between 0 and 1", place=place)
        tags[name] = w
    return tags


# -- seed file -------------------------------------------------------------------------------
def write_seed(path: Path = SEED_FILE) -> int:
    pictures = build_library()
    rows = [{"id": p.id, "title": p.title, "theme": p.theme, "style": p.style,
             "tags": format_tags(p.tags), "spec": p.spec} for p in pictures]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"format": 1, "pictures": rows}, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    tmp.replace(path)
    return len(rows)


def read_seed(path: Path = SEED_FILE) -> list[Picture]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = data["pictures"]
    except FileNotFoundError:
        return build_library()
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not a picture library file: {exc}", place=str(path)) from exc
    out = []
    for i, r in enumerate(rows):
        try:
            out.append(Picture(id=r["id"], title=r["title"], theme=r["theme"], style=r["style"],
                               tags=parse_tags(r["tags"], place=f"{path} picture {i}"),
                               spec=r["spec"]))
        except (KeyError, TypeError) as exc:
            raise InputError(f"picture {i} lacks {exc}", place=str(path)) from exc
    return out


if __name__ == "__main__":
    print(f"wrote {write_seed()} pictures to {SEED_FILE.name}")
