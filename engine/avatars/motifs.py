"""Parametric motifs: each function draws one subject as shapes on a 100×100 view box.

A shape is a plain dict (the same description renders to PNG with Pillow and to SVG text):

* ``{"t": "ellipse", "b": [x0, y0, x1, y1], "f": fill}``
* ``{"t": "rect", "b": [x0, y0, x1, y1], "r": radius, "f": fill}``
* ``{"t": "poly", "p": [x, y, x, y, ...], "f": fill}``
* ``{"t": "line", "p": [x, y, ...], "w": width, "s": colour}``  (round joints)
* ``{"t": "pie", "b": [x0, y0, x1, y1], "a0": deg, "a1": deg, "f": fill}``  (clockwise from 3 o'clock)

Any filled shape may carry ``"s"`` (stroke colour) and ``"w"`` (stroke width); ``"d": 1`` marks a
small detail that styles never outline.  Fills name palette colours (``main``, ``accent``,
``dark``, ``light``, ``white``, natural colours); :func:`engine.avatars.library.build_picture`
resolves them to hex for a style and palette variant.
"""
from __future__ import annotations

import math


def E(x0, y0, x1, y1, f, **kw):
    return {"t": "ellipse", "b": [x0, y0, x1, y1], "f": f, **kw}


def C(cx, cy, r, f, **kw):
    return E(cx - r, cy - r, cx + r, cy + r, f, **kw)


def R(x0, y0, x1, y1, f, r=0, **kw):
    return {"t": "rect", "b": [x0, y0, x1, y1], "r": r, "f": f, **kw}


def P(pts, f, **kw):
    return {"t": "poly", "p": [round(v, 2) for v in pts], "f": f, **kw}


def L(pts, s, w=3, **kw):
    return {"t": "line", "p": [round(v, 2) for v in pts], "s": s, "w": w, **kw}


def PIE(x0, y0, x1, y1, a0, a1, f, **kw):
    return {"t": "pie", "b": [x0, y0, x1, y1], "a0": a0, "a1": a1, "f": f, **kw}


def arc(cx, cy, rx, ry, a0, a1, n=18):
    """Points along an elliptic arc, angles in degrees (0 = 3 o'clock, clockwise on screen)."""
    out = []
    for i in range(n + 1):
        a = math.radians(a0 + (a1 - a0) * i / n)
        out += [cx + rx * math.cos(a), cy + ry * math.sin(a)]
    return out


def rot(pts, deg, cx=50.0, cy=50.0):
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    out = []
    for i in range(0, len(pts), 2):
        x, y = pts[i] - cx, pts[i + 1] - cy
        out += [cx + x * c - y * s, cy + x * s + y * c]
    return out


def star(cx, cy, r_out, r_in, n=5, turn=-90):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(turn + i * 180 / n)
        pts += [cx + r * math.cos(a), cy + r * math.sin(a)]
    return pts


# -- animals -------------------------------------------------------------------------------
def cat():
    return [P([22, 46, 26, 12, 48, 30], "main"), P([78, 46, 74, 12, 52, 30], "main"),
            P([28, 36, 29, 20, 40, 30], "pink", d=1), P([72, 36, 71, 20, 60, 30], "pink", d=1),
            E(20, 26, 80, 84, "main"), E(34, 48, 43, 60, "dark", d=1), E(57, 48, 66, 60, "dark", d=1),
            P([45, 64, 55, 64, 50, 70], "pink", d=1),
            L([30, 66, 12, 62], "dark", 1.6, d=1), L([30, 70, 12, 72], "dark", 1.6, d=1),
            L([70, 66, 88, 62], "dark", 1.6, d=1), L([70, 70, 88, 72], "dark", 1.6, d=1)]


def dog():
    return [E(24, 24, 76, 82, "tan"), E(12, 24, 34, 66, "brown"), E(66, 24, 88, 66, "brown"),
            E(36, 54, 64, 78, "light"), E(44, 54, 56, 63, "dark", d=1),
            C(39, 46, 4, "dark", d=1), C(61, 46, 4, "dark", d=1),
            L([50, 63, 50, 70, 44, 73], "dark", 1.8, d=1), L([50, 70, 56, 73], "dark", 1.8, d=1),
            E(46, 72, 54, 82, "red", d=1)]


def panda():
    return [C(28, 30, 10, "black"), C(72, 30, 10, "black"), E(20, 26, 80, 84, "white"),
            P(rot([30, 46, 46, 46, 46, 64, 30, 64], -20, 38, 55), "black", d=1),
            P(rot([54, 46, 70, 46, 70, 64, 54, 64], 20, 62, 55), "black", d=1),
            C(39, 54, 3, "white", d=1), C(61, 54, 3, "white", d=1),
            E(45, 64, 55, 71, "black", d=1), L(arc(50, 70, 6, 5, 20, 160, 8), "black", 1.8, d=1)]


def bird():
    return [P([30, 30, 36, 14, 44, 28], "main"), P([70, 30, 64, 14, 56, 28], "main"),
            E(26, 22, 74, 88, "main"), E(36, 48, 64, 84, "light"),
            C(40, 42, 10, "white"), C(60, 42, 10, "white"), C(41, 43, 4.5, "dark", d=1),
            C(59, 43, 4.5, "dark", d=1), P([45, 52, 55, 52, 50, 60], "orange", d=1),
            L(arc(50, 72, 8, 4, 20, 160, 6), "main", 2, d=1)]


def fish():
    return [P([64, 52, 88, 32, 84, 52, 88, 72], "accent"), E(14, 32, 72, 72, "main"),
            P([34, 34, 48, 20, 56, 36], "accent"), C(30, 48, 6, "white", d=1),
            C(31, 48, 3, "dark", d=1), L(arc(44, 52, 6, 12, -70, 70, 8), "dark", 1.8, d=1),
            C(80, 18, 4, "light", d=1), C(88, 10, 2.5, "light", d=1)]


# -- sports --------------------------------------------------------------------------------
def basketball():
    return [C(50, 50, 34, "orange"), L([50, 16, 50, 84], "dark", 2.6, d=1),
            L([16, 50, 84, 50], "dark", 2.6, d=1),
            L(arc(18, 50, 22, 28, -60, 60, 14), "dark", 2.6, d=1),
            L(arc(82, 50, 22, 28, 120, 240, 14), "dark", 2.6, d=1)]


def football():
    pent = []
    for i in range(5):
        a = math.radians(-90 + 72 * i)
        pent += [50 + 11 * math.cos(a), 50 + 11 * math.sin(a)]
    out = [C(50, 50, 34, "white"), P(pent, "black", d=1)]
    for i in range(5):
        a = -90 + 72 * i
        cx, cy = 50 + 28 * math.cos(math.radians(a)), 50 + 28 * math.sin(math.radians(a))
        pts = []
        for k in range(5):
            b = math.radians(a + 180 + 72 * k)
            pts += [cx + 7 * math.cos(b), cy + 7 * math.sin(b)]
        out.append(P(pts, "black", d=1))
        out.append(L([50 + 11 * math.cos(math.radians(a)), 50 + 11 * math.sin(math.radians(a)),
                      cx - 7 * math.cos(math.radians(a)), cy - 7 * math.sin(math.radians(a))],
                     "dark", 1.6, d=1))
    return out


def tennis():
    head = rot(arc(42, 40, 22, 28, 0, 360, 36), 35, 42, 40)
    handle = rot([38, 66, 46, 66, 46, 92, 38, 92], 35, 42, 40)
    out = [P(handle, "dark"), P(head, "light", s="main", w=6)]
    for k in (-12, -4, 4, 12):
        out.append(L(rot([42 + k, 16, 42 + k, 64], 35, 42, 40), "grey", 1, d=1))
    out += [C(76, 74, 12, "lime"), L(arc(64, 74, 8, 10, -60, 60, 8), "white", 2, d=1)]
    return out


def medal():
    return [P([30, 10, 44, 10, 58, 50, 46, 56], "accent"), P([70, 10, 56, 10, 42, 50, 54, 56], "main"),
            C(50, 64, 24, "gold"), C(50, 64, 17, "yellow", d=1),
            P(star(50, 64, 12, 5), "gold", d=1)]


# -- music ---------------------------------------------------------------------------------
def guitar():
    return [L([52, 48, 80, 16], "dark", 7), R(74, 8, 88, 20, "dark", 3),
            C(38, 66, 20, "orange"), C(54, 50, 14, "orange"), C(44, 60, 6, "dark", d=1),
            L([30, 74, 38, 82], "dark", 3, d=1)]


def headphones():
    return [L(arc(50, 56, 32, 36, 180, 360, 20), "main", 8),
            R(12, 50, 32, 84, "dark", 8), R(68, 50, 88, 84, "dark", 8),
            R(18, 56, 28, 78, "accent", 4, d=1), R(72, 56, 82, 78, "accent", 4, d=1)]


def piano():
    out = [R(12, 28, 88, 76, "white", 4, s="dark", w=2.5)]
    for i in range(1, 8):
        x = 12 + i * 76 / 8
        out.append(L([x, 28, x, 76], "grey", 1.2, d=1))
    for i in (1, 2, 4, 5, 6):
        x = 12 + i * 76 / 8
        out.append(R(x - 3.5, 28, x + 3.5, 56, "dark", 1, d=1))
    out.append(R(12, 20, 88, 30, "main", 3))
    return out


def note():
    return [E(18, 64, 40, 80, "main"), E(58, 56, 80, 72, "main"),
            L([38, 72, 38, 22], "main", 5), L([78, 64, 78, 14], "main", 5),
            P([36, 20, 80, 12, 80, 24, 36, 32], "main")]


# -- travel --------------------------------------------------------------------------------
def plane():
    body = [46, 10, 54, 10, 56, 80, 50, 88, 44, 80]
    wings = [50, 36, 90, 58, 90, 64, 50, 54, 10, 64, 10, 58]
    tail = [50, 74, 66, 86, 66, 90, 50, 84, 34, 90, 34, 86]
    return [P(rot(wings, 45), "accent"), P(rot(tail, 45), "accent"), P(rot(body, 45), "white",
            s="main", w=2), C(*rot([50, 26], 45), 3, "main", d=1)]


def mountain():
    return [C(72, 28, 11, "yellow"), P([6, 84, 38, 30, 70, 84], "green"),
            P([38, 84, 66, 42, 94, 84], "teal"), P([30, 44, 38, 30, 46, 44, 38, 40], "white", d=1),
            P([60, 52, 66, 42, 72, 52], "white", d=1)]


def suitcase():
    return [R(36, 18, 64, 34, "none", 5, s="dark", w=4), R(16, 30, 84, 84, "main", 8),
            R(30, 30, 36, 84, "accent", 0, d=1), R(64, 30, 70, 84, "accent", 0, d=1),
            C(26, 88, 4, "dark", d=1), C(74, 88, 4, "dark", d=1)]


def compass():
    return [C(50, 50, 36, "light", s="dark", w=3), C(50, 50, 28, "white", d=1),
            P([50, 22, 57, 50, 43, 50], "red"), P([50, 78, 57, 50, 43, 50], "grey"),
            C(50, 50, 4, "dark", d=1), L([50, 14, 50, 20], "dark", 2, d=1),
            L([86, 50, 80, 50], "dark", 2, d=1), L([14, 50, 20, 50], "dark", 2, d=1)]


# -- food ----------------------------------------------------------------------------------
def coffee():
    return [E(14, 74, 80, 88, "light"), E(56, 46, 80, 70, "none", s="white", w=5),
            P([22, 38, 66, 38, 62, 80, 26, 80], "white"), E(22, 34, 66, 44, "brown", d=1),
            L([34, 28, 30, 20, 36, 12], "grey", 2.5, d=1), L([46, 28, 42, 20, 48, 12], "grey", 2.5, d=1)]


def noodles():
    out = [L([20, 8, 60, 50], "brown", 3), L([32, 4, 66, 48], "brown", 3)]
    for k in range(4):
        y = 40 + k * 4
        out.append(L([30, y, 36, y - 4, 42, y, 48, y - 4, 54, y, 60, y - 4, 66, y, 72, y - 4],
                     "yellow", 2.5, d=1))
    out += [PIE(12, 20, 88, 90, 0, 180, "main"), R(12, 52, 88, 56, "accent", 2, d=1)]
    return out


def cake():
    return [P([28, 54, 72, 54, 66, 88, 34, 88], "accent"), E(22, 42, 78, 62, "pink"),
            E(30, 30, 70, 48, "pink"), E(38, 20, 62, 36, "pink"), C(50, 16, 6, "red", d=1),
            L([40, 56, 42, 86], "light", 1.5, d=1), L([60, 56, 58, 86], "light", 1.5, d=1)]


def pizza():
    return [P([50, 90, 16, 26, 84, 26], "yellow"), R(12, 16, 88, 30, "brown", 7),
            C(44, 42, 6, "red", d=1), C(60, 40, 5, "red", d=1), C(52, 62, 5, "red", d=1),
            C(38, 54, 2, "green", d=1), C(62, 54, 2, "green", d=1)]


# -- games ---------------------------------------------------------------------------------
def gamepad():
    return [R(12, 34, 88, 72, "main", 17), R(22, 49, 40, 55, "dark", 1, d=1),
            R(28, 43, 34, 61, "dark", 1, d=1), C(66, 46, 4, "accent", d=1),
            C(74, 54, 4, "accent", d=1), C(58, 54, 4, "yellow", d=1), C(66, 62, 4, "green", d=1)]


def dice():
    out = [P(rot([22, 22, 78, 22, 78, 78, 22, 78], 12), "white", s="dark", w=2.5)]
    for x, y in ((34, 34), (66, 34), (50, 50), (34, 66), (66, 66)):
        out.append(C(*rot([x, y], 12), 5, "main", d=1))
    return out


def chess():
    return [R(24, 78, 76, 90, "dark", 3), P([34, 78, 40, 50, 60, 50, 66, 78], "dark"),
            E(34, 44, 66, 54, "dark"), C(50, 30, 14, "dark"), C(45, 25, 3, "light", d=1)]


def invader():
    grid = ["..X.....X..", "...X...X...", "..XXXXXXX..", ".XX.XXX.XX.", "XXXXXXXXXXX",
            "X.XXXXXXX.X", "X.X.....X.X", "...XX.XX..."]
    out = []
    for r, row in enumerate(grid):
        for c, ch in enumerate(row):
            if ch == "X":
                x, y = 12 + c * 7, 22 + r * 7
                out.append(R(x, y, x + 7.4, y + 7.4, "accent", 0, d=1))
    return out


# -- nature --------------------------------------------------------------------------------
def flower():
    out = [L([50, 56, 50, 92], "green", 5), E(50, 70, 76, 82, "green")]
    for k in range(6):
        a = math.radians(k * 60)
        out.append(C(50 + 17 * math.cos(a), 40 + 17 * math.sin(a), 12, "pink"))
    out.append(C(50, 40, 10, "yellow", d=1))
    return out


def tree():
    return [R(44, 58, 56, 90, "brown", 2), C(50, 34, 22, "green"), C(32, 52, 16, "green"),
            C(68, 52, 16, "green"), C(42, 30, 5, "light", d=1)]


def moon():
    outer = arc(50, 50, 32, 32, 60, 300, 30)
    inner = arc(64, 44, 24, 24, 262, 98, 30)
    return [P(outer + inner, "yellow"), P(star(76, 24, 8, 3.4), "yellow", d=1),
            P(star(82, 64, 5, 2.2), "yellow", d=1)]


def leaf():
    body = rot(arc(50, 50, 20, 38, 0, 360, 36), 40)
    return [P(body, "green"), L(rot([50, 16, 50, 90], 40), "teal", 2.5, d=1),
            L(rot([50, 40, 62, 30], 40), "teal", 1.6, d=1),
            L(rot([50, 56, 38, 46], 40), "teal", 1.6, d=1)]


# -- tech ----------------------------------------------------------------------------------
def robot():
    return [L([50, 28, 50, 14], "dark", 2.5), C(50, 12, 5, "red", d=1),
            R(14, 44, 22, 62, "dark", 2), R(78, 44, 86, 62, "dark", 2),
            R(22, 28, 78, 80, "grey", 10), C(38, 48, 8, "accent", d=1), C(62, 48, 8, "accent", d=1),
            C(38, 48, 3, "dark", d=1), C(62, 48, 3, "dark", d=1), R(34, 64, 66, 70, "dark", 2, d=1)]


def rocket():
    body = [50, 8, 62, 26, 62, 66, 38, 66, 38, 26]
    fin_l = [38, 50, 26, 70, 38, 66]
    fin_r = [62, 50, 74, 70, 62, 66]
    flame = [42, 66, 58, 66, 50, 90]
    return [P(rot(flame, 35), "orange"), P(rot(fin_l, 35), "accent"), P(rot(fin_r, 35), "accent"),
            P(rot(body, 35), "white", s="main", w=2), C(*rot([50, 34], 35), 6, "main", d=1)]


def laptop():
    return [R(22, 24, 78, 64, "dark", 4), R(27, 29, 73, 59, "accent", 1, d=1),
            P([14, 66, 86, 66, 92, 76, 8, 76], "grey"), R(42, 68, 58, 71, "dark", 1, d=1)]


def bulb():
    return [C(50, 40, 24, "yellow"), P([40, 58, 60, 58, 58, 70, 42, 70], "yellow"),
            R(40, 70, 60, 76, "grey", 2), R(42, 77, 58, 83, "grey", 2), R(46, 84, 54, 88, "dark", 2),
            L([46, 56, 46, 44, 50, 48, 54, 44, 54, 56], "orange", 2, d=1),
            L([14, 40, 8, 40], "orange", 3, d=1), L([86, 40, 92, 40], "orange", 3, d=1),
            L([24, 14, 20, 10], "orange", 3, d=1), L([76, 14, 80, 10], "orange", 3, d=1)]


# -- art -----------------------------------------------------------------------------------
def camera():
    return [R(30, 24, 50, 36, "dark", 3), R(12, 32, 88, 80, "dark", 8),
            C(50, 56, 18, "grey"), C(50, 56, 11, "accent", d=1), C(46, 52, 3, "white", d=1),
            R(70, 38, 80, 44, "yellow", 1, d=1)]


def film():
    top = [18, 34, 82, 22, 84, 32, 20, 44]
    out = [R(18, 44, 82, 86, "dark", 3), P(top, "dark")]
    for k in range(4):
        x0 = 24 + k * 15
        out.append(P([x0, 33 - k * 2.8, x0 + 7, 31.7 - k * 2.8, x0 + 9, 37 - k * 2.8,
                      x0 + 2, 38.4 - k * 2.8], "white", d=1))
        out.append(R(22 + k * 15, 46, 30 + k * 15, 52, "white", 0, d=1))
    out.append(P([44, 58, 44, 78, 62, 68], "accent", d=1))
    return out


def palette():
    return [E(10, 20, 90, 82, "tan"), C(66, 66, 7, "brown", d=1), C(30, 42, 6, "red", d=1),
            C(46, 32, 6, "yellow", d=1), C(64, 34, 6, "blue", d=1), C(76, 48, 6, "green", d=1),
            C(30, 62, 6, "main", d=1), L([88, 8, 56, 52], "brown", 4), L([58, 49, 52, 58], "dark", 5, d=1)]


# -- reading -------------------------------------------------------------------------------
def book():
    return [P([10, 30, 50, 38, 90, 30, 90, 80, 50, 88, 10, 80], "main"),
            P([14, 26, 50, 34, 50, 82, 14, 74], "white"), P([86, 26, 50, 34, 50, 82, 86, 74], "white"),
            L([20, 40, 44, 44], "grey", 1.6, d=1), L([20, 50, 44, 54], "grey", 1.6, d=1),
            L([56, 44, 80, 40], "grey", 1.6, d=1), L([56, 54, 80, 50], "grey", 1.6, d=1)]


def glasses():
    return [C(30, 54, 17, "light", s="dark", w=5), C(70, 54, 17, "light", s="dark", w=5),
            L(arc(50, 54, 6, 6, 200, 340, 8), "dark", 4), L([13, 50, 6, 40], "dark", 4),
            L([87, 50, 94, 40], "dark", 4), L([22, 46, 28, 42], "white", 2, d=1)]


def news():
    return [R(14, 16, 86, 86, "white", 3, s="dark", w=2), R(20, 22, 80, 32, "main", 1, d=1),
            R(20, 38, 46, 60, "accent", 1, d=1), L([52, 40, 80, 40], "grey", 2, d=1),
            L([52, 48, 80, 48], "grey", 2, d=1), L([52, 56, 80, 56], "grey", 2, d=1),
            L([20, 68, 80, 68], "grey", 2, d=1), L([20, 76, 70, 76], "grey", 2, d=1)]


# theme → motif name → (drawing function, extra tags with weights)
MOTIFS: dict[str, dict[str, tuple]] = {
    "animals": {"cat": (cat, {}), "dog": (dog, {}), "panda": (panda, {"region:cn": 0.6}),
                "bird": (bird, {"activity:low": 0.4}), "fish": (fish, {"activity:low": 0.4})},
    "sports": {"basketball": (basketball, {"activity:high": 0.5}),
               "football": (football, {"activity:high": 0.5}),
               "tennis": (tennis, {"activity:high": 0.4}), "medal": (medal, {"activity:high": 0.5})},
    "music": {"guitar": (guitar, {}), "headphones": (headphones, {"activity:high": 0.3}),
              "piano": (piano, {"activity:low": 0.3}), "note": (note, {})},
    "travel": {"plane": (plane, {"region:intl": 0.4}), "mountain": (mountain, {}),
               "suitcase": (suitcase, {}), "compass": (compass, {})},
    "food": {"coffee": (coffee, {"activity:low": 0.3}), "noodles": (noodles, {"region:cn": 0.6}),
             "cake": (cake, {}), "pizza": (pizza, {"region:intl": 0.4})},
    "games": {"gamepad": (gamepad, {"activity:high": 0.4}), "dice": (dice, {}),
              "chess": (chess, {"activity:low": 0.3}), "invader": (invader, {})},
    "nature": {"flower": (flower, {}), "tree": (tree, {"activity:low": 0.4}),
               "moon": (moon, {"activity:low": 0.4}), "leaf": (leaf, {})},
    "tech": {"robot": (robot, {}), "rocket": (rocket, {"activity:high": 0.4}),
             "laptop": (laptop, {}), "bulb": (bulb, {})},
    "art": {"camera": (camera, {}), "film": (film, {}), "palette": (palette, {})},
    "reading": {"book": (book, {"activity:low": 0.4}), "glasses": (glasses, {}),
                "news": (news, {})},
}
