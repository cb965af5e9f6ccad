"""The content catalogue (tracks with mood / genre tags) as column arrays, CSV import/export."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from engine.errors import InputError
from engine.store.models.expressions import ExprTrack

CSV_COLUMNS = ("id", "title", "artist", "genre", "mood", "valence", "energy", "duration_s", "tags")
REQUIRED = ("id", "title", "genre", "mood", "valence", "energy")


@dataclass
class Catalogue:
    ids: np.ndarray  # (n,) object
    titles: np.ndarray
    artists: np.ndarray
    genres: np.ndarray
    moods: np.ndarray
    valence: np.ndarray  # (n,) float
    energy: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def index(self) -> dict[str, int]:
        return {tid: i for i, tid in enumerate(self.ids)}

    def track(self, i: int) -> dict:
        return {"id": str(self.ids[i]), "title": str(self.titles[i]),
                "artist": str(self.artists[i]), "genre": str(self.genres[i]),
                "mood": str(self.moods[i]), "valence": round(float(self.valence[i]), 3),
                "energy": round(float(self.energy[i]), 3)}


def load_catalogue(session: Session) -> Catalogue:
    rows = session.execute(select(ExprTrack.id, ExprTrack.title, ExprTrack.artist, ExprTrack.genre,
                                  ExprTrack.mood, ExprTrack.valence, ExprTrack.energy)
                           .order_by(ExprTrack.id)).all()
    cols = list(zip(*rows)) if rows else [()] * 7
    obj = [np.array(c, dtype=object) for c in cols[:5]]
    return Catalogue(*obj, np.array(cols[5], float), np.array(cols[6], float))


def parse_catalogue_csv(text: str, place: str = "catalogue.csv") -> list[dict]:
    """Rows ready for insert; InputError names the file, line and column of the first problem."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        raise InputError("empty file (expected a header line)", place=place)
    header = [h.strip() for h in reader.fieldnames]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; the header must contain "
                         f"{', '.join(CSV_COLUMNS)}", place=f"{place}:1")
    rows, seen = [], set()
    for line_no, raw in enumerate(reader, start=2):
        rec = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        where = f"{place}:{line_no}"
        for col in REQUIRED:
            if not rec.get(col):
                raise InputError(f"empty '{col}'", place=where)
        if rec["id"] in seen:
            raise InputError(f"duplicate id '{rec['id']}'", place=where)
        seen.add(rec["id"])
        values = {}
        for col in ("valence", "energy"):
            try:
                values[col] = float(rec[col])
            except ValueError as exc:
                raise InputError(f"'{col}' must be a number in [0, 1], got '{rec[col]}'",
                                 place=where) from exc
            if not 0.0 <= values[col] <= 1.0:
                raise InputError(f"'{col}' must be in [0, 1], got {values[col]}", place=where)
        try:
            duration = int(float(rec.get("duration_s") or 0))
        except ValueError as exc:
            raise InputError(f"'duration_s' must be whole seconds, got '{rec['duration_s']}'",
                             place=where) from exc
        rows.append({"id": rec["id"], "title": rec["title"], "artist": rec.get("artist", ""),
                     "genre": rec["genre"].lower(), "mood": rec["mood"].lower(),
                     "valence": values["valence"], "energy": values["energy"],
                     "duration_s": duration, "tags": rec.get("tags", "")})
    if not rows:
        raise InputError("no tracks in the file", place=place)
    return rows


def import_catalogue(ws, path: str | Path) -> dict[str, int]:
    """Insert or update the tracks of a CSV file in one transaction (all or nothing)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError("no such file", place=str(p)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read as UTF-8 text: {exc}", place=str(p)) from exc
    rows = parse_catalogue_csv(text, str(p))
    with ws.session() as s:
        existing = set(s.scalars(select(ExprTrack.id).where(
            ExprTrack.id.in_([r["id"] for r in rows]))))
        old = [r for r in rows if r["id"] in existing]
        new = [r for r in rows if r["id"] not in existing]
        if old:  # ORM bulk UPDATE by primary key (one executemany)
            s.execute(update(ExprTrack), old)
        if new:
            s.execute(insert(ExprTrack), new)
    return {"tracks": len(rows), "updated": len(existing), "added": len(rows) - len(existing)}


def catalogue_csv(cat: Catalogue) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS[:7])
    for i in range(len(cat)):
        t = cat.track(i)
        w.writerow([t["id"], t["title"], t["artist"], t["genre"], t["mood"], t["valence"],
                    t["energy"]])
    return out.getvalue()
