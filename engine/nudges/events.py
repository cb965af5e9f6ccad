"""Operation events: loading CSV/Parquet into one normalised Arrow table.

The event log is a :class:`pyarrow.Table` whose row order is the input position (rule 2 of the
semantics: ties on ``ts`` are broken by it) with columns

=============  ==============================  =============================================
user_id        dictionary<int32, string>       who
process_id     dictionary<int32, string>       which process
node_id        dictionary<int32, string>       which step
event          dictionary<int32, string>       enter | operate | leave | complete
ts             int64                           nanoseconds since 1970-01-01T00:00:00Z, exact
attrs          string (nullable)               a JSON object of personal details
=============  ==============================  =============================================

Timestamps are parsed vectorised: ISO-8601 with ``Z`` or an offset (``+08:00``, ``+0800``,
``+08``; no offset means UTC), a space or ``T`` between date and time, fractions up to
nanoseconds kept exactly (digits beyond the ninth are dropped), or epoch seconds as a number or a
digit string (``1727740800`` or ``1727740800.25``).  One file may mix all of these.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from engine.errors import InputError

EVENTS = ("enter", "operate", "leave", "complete")
COLUMNS = ("user_id", "process_id", "node_id", "event", "ts", "attrs")
NS = 1_000_000_000
MAX_SECONDS = 9_223_372_036  # int64 nanoseconds reach 2262-04-11
DICT = pa.dictionary(pa.int32(), pa.string())
SCHEMA = pa.schema([("user_id", DICT), ("process_id", DICT), ("node_id", DICT), ("event", DICT),
                    ("ts", pa.int64()), ("attrs", pa.string())])

ISO_RE = (r"^\s*(?P<d>\d{4}-\d{2}-\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})"
          r"(?::(?P<s>\d{2})(?:[.,](?P<f>\d{1,9})\d*)?)?)?"
          r"\s*(?P<z>[Zz]|[+-]\d{2}(?::?\d{2})?)?\s*$")
EPOCH_RE = r"^\s*(?P<sign>-?)(?P<i>\d+)(?:\.(?P<f>\d{0,9})\d*)?\s*$"


def _int(arr: pa.Array) -> np.ndarray:
    """'' -> 0, digits -> int64."""
    filled = pc.if_else(pc.equal(arr, ""), "0", arr)
    return pc.cast(filled, pa.int64()).to_numpy(zero_copy_only=False)


def _frac_ns(arr: pa.Array) -> np.ndarray:
    return _int(pc.utf8_rpad(pc.if_else(pc.equal(arr, ""), "0", arr), 9, "0"))


def _bad(values: pa.Array, mask: np.ndarray, what: str, place: str, first_line: int) -> InputError:
    i = int(np.flatnonzero(mask)[0])
    return InputError(f"{what}: {values[i].as_py()!r} (and {int(mask.sum()) - 1} more)"
                      if mask.sum() > 1 else f"{what}: {values[i].as_py()!r}",
                      place=f"{place} line {i + first_line}, column ts")


def parse_timestamps(values, place: str = "events", first_line: int = 2) -> np.ndarray:
    """int64 nanoseconds since the epoch (UTC) from strings, numbers or Arrow timestamps."""
    arr = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else pa.array(values)
    if pa.types.is_timestamp(arr.type):
        if arr.null_count:
            raise _bad(arr, arr.is_null().to_numpy(zero_copy_only=False), "missing timestamp",
                       place, first_line)
        unit = {"s": NS, "ms": 1_000_000, "us": 1_000, "ns": 1}[arr.type.unit]
        return arr.cast(pa.int64()).to_numpy() * unit
    if pa.types.is_integer(arr.type):
        if arr.null_count:
            raise _bad(arr, arr.is_null().to_numpy(zero_copy_only=False), "missing timestamp",
                       place, first_line)
        return arr.cast(pa.int64()).to_numpy() * NS
    if pa.types.is_floating(arr.type):
        # Floats cannot hold every fraction exactly; go through their shortest decimal text.
        arr = pc.cast(arr, pa.string())
    if pa.types.is_large_string(arr.type) or pa.types.is_dictionary(arr.type):
        arr = arr.cast(pa.string())
    if not pa.types.is_string(arr.type):
        raise InputError(f"ts has type {arr.type}; expected text, a number or a timestamp",
                         place=f"{place}, column ts")
    null = arr.is_null().to_numpy(zero_copy_only=False)
    if null.any():
        raise _bad(arr, null, "missing timestamp", place, first_line)
    epoch = pc.match_substring_regex(arr, EPOCH_RE).to_numpy(zero_copy_only=False)
    fast = _fast_path(arr, epoch)
    if fast is not None:
        return fast
    return _exact_path(arr, epoch, place, first_line)


def _fast_path(arr: pa.Array, epoch: np.ndarray) -> np.ndarray | None:
    """Arrow's own ISO-8601 and decimal parsers; None when any value needs the exact path
    (a lower-case z, more than nine fraction digits, blanks, or an error to report)."""
    from decimal import Decimal

    out = np.zeros(len(arr), dtype=np.int64)
    try:
        if epoch.any():
            sub = arr.filter(pa.array(epoch)) if not epoch.all() else arr
            dec = pc.multiply(pc.cast(sub, pa.decimal128(22, 9)),
                              pa.scalar(Decimal(NS), pa.decimal128(10, 0)))
            out[epoch] = pc.cast(dec, pa.int64()).to_numpy(zero_copy_only=False)
        iso = ~epoch
        if iso.any():
            sub = arr.filter(pa.array(iso)) if not iso.all() else arr
            tail = pc.utf8_slice_codeunits(sub, 19)
            zoned = pc.or_(pc.or_(pc.match_substring(tail, "+"), pc.match_substring(tail, "-")),
                           pc.match_substring(tail, "Z")).to_numpy(zero_copy_only=False)
            part = np.zeros(len(sub), dtype=np.int64)
            for mask, typ in ((zoned, pa.timestamp("ns", "UTC")), (~zoned, pa.timestamp("ns"))):
                if mask.any():
                    vals = sub.filter(pa.array(mask)) if not mask.all() else sub
                    part[mask] = pc.cast(vals, typ).cast(pa.int64()).to_numpy(
                        zero_copy_only=False)
            out[iso] = part
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return out


def _exact_path(arr: pa.Array, epoch: np.ndarray, place: str, first_line: int) -> np.ndarray:
    """Regex-based parsing that truncates fractions to ns and names the first bad row."""
    n = len(arr)
    out = np.zeros(n, dtype=np.int64)
    if epoch.any():
        sub = arr.filter(pa.array(epoch))
        parts = pc.extract_regex(sub, EPOCH_RE)
        whole = parts.field("i")
        if pc.max(pc.utf8_length(whole)).as_py() > 11:
            raise _bad(arr, epoch & (pc.utf8_length(arr).to_numpy(zero_copy_only=False) > 11),
                       "epoch seconds out of range", place, first_line)
        sign = np.where(pc.equal(parts.field("sign"), "-").to_numpy(zero_copy_only=False), -1, 1)
        secs = _int(whole)
        big = secs >= MAX_SECONDS
        if big.any():
            bad = np.zeros(n, dtype=bool)
            bad[np.flatnonzero(epoch)[big]] = True
            raise _bad(arr, bad, "epoch seconds out of range (1677–2262)", place, first_line)
        out[epoch] = sign * (secs * NS + _frac_ns(parts.field("f")))
    iso = ~epoch
    if iso.any():
        sub = arr.filter(pa.array(iso)) if not iso.all() else arr
        parts = pc.extract_regex(sub, ISO_RE)
        ok = parts.is_valid().to_numpy(zero_copy_only=False)
        if not ok.all():
            bad = np.zeros(n, dtype=bool)
            bad[np.flatnonzero(iso)[~ok]] = True
            raise _bad(arr, bad, "not an ISO-8601 time or epoch seconds", place, first_line)
        try:
            days = pc.cast(parts.field("d"), pa.date32()).cast(pa.int32()).to_numpy(
                zero_copy_only=False).astype(np.int64)
        except pa.ArrowInvalid:
            from datetime import date

            wrong = []
            for d in pc.unique(parts.field("d")).to_pylist():
                try:
                    date.fromisoformat(d)
                except ValueError:
                    wrong.append(d)
            bad = np.zeros(n, dtype=bool)
            bad[np.flatnonzero(iso)[pc.is_in(parts.field("d"), pa.array(wrong, pa.string()))
                                    .to_numpy(zero_copy_only=False)]] = True
            raise _bad(arr, bad, "invalid calendar date", place, first_line) from None
        h, mi, s = _int(parts.field("h")), _int(parts.field("mi")), _int(parts.field("s"))
        badtime = (h > 23) | (mi > 59) | (s > 59)
        z = parts.field("z")
        zs = pc.replace_substring(pc.if_else(pc.equal(pc.utf8_upper(z), "Z"), "", z), ":", "")
        zsign = np.where(pc.starts_with(zs, "-").to_numpy(zero_copy_only=False), -1, 1)
        zdigits = pc.utf8_slice_codeunits(zs, 1)
        zh = _int(pc.utf8_slice_codeunits(zdigits, 0, 2))
        zm = _int(pc.utf8_slice_codeunits(zdigits, 2, 4))
        badtime |= (zh > 18) | (zm > 59)
        if badtime.any():
            bad = np.zeros(n, dtype=bool)
            bad[np.flatnonzero(iso)[badtime]] = True
            raise _bad(arr, bad, "time of day or offset out of range", place, first_line)
        far = np.abs(days) >= MAX_SECONDS // 86400 - 1
        if far.any():
            bad = np.zeros(n, dtype=bool)
            bad[np.flatnonzero(iso)[far]] = True
            raise _bad(arr, bad, "date out of range (1677–2262)", place, first_line)
        offset = zsign * (zh * 3600 + zm * 60)
        secs = days * 86400 + h * 3600 + mi * 60 + s - offset
        out[iso] = secs * NS + _frac_ns(parts.field("f"))
    return out


def _as_dict(col, name: str, place: str, first_line: int) -> pa.Array:
    arr = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    if pa.types.is_dictionary(arr.type):
        arr = arr.cast(pa.string()) if arr.type != DICT else arr
    if not pa.types.is_dictionary(arr.type):
        if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
            arr = pc.cast(arr, pa.string())
        arr = pc.dictionary_encode(arr.cast(pa.string()))
    blank_codes = np.flatnonzero(pc.equal(pc.utf8_trim_whitespace(arr.dictionary), "")
                                 .to_numpy(zero_copy_only=False))
    if arr.null_count or len(blank_codes):
        codes = arr.indices.to_numpy(zero_copy_only=False)
        blank = np.isin(codes, blank_codes) | arr.is_null().to_numpy(zero_copy_only=False)
        i = int(np.flatnonzero(blank)[0])
        raise InputError(f"empty {name}", place=f"{place} line {i + first_line}, column {name}")
    return arr.cast(DICT)


def normalise(table: pa.Table, place: str = "events", first_line: int = 2) -> pa.Table:
    """Validate and convert a raw table (any column types) to the event-log schema."""
    missing = [c for c in COLUMNS if c not in table.column_names and c != "attrs"]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; need {', '.join(COLUMNS)}",
                         place=place)
    cols = {name: _as_dict(table[name], name, place, first_line)
            for name in ("user_id", "process_id", "node_id", "event")}
    ev = cols["event"]
    unknown = [v for v in ev.dictionary.to_pylist() if v not in EVENTS]
    if unknown:
        bad = pc.is_in(ev.cast(pa.string()), pa.array(unknown)).to_numpy(zero_copy_only=False)
        i = int(np.flatnonzero(bad)[0])
        raise InputError(f"event must be one of {', '.join(EVENTS)}, got {unknown[0]!r}",
                         place=f"{place} line {i + first_line}, column event")
    ts = parse_timestamps(table["ts"], place, first_line)
    if "attrs" in table.column_names:
        attrs = table["attrs"].combine_chunks()
        if not pa.types.is_string(attrs.type):
            attrs = pc.cast(attrs, pa.string())
        attrs = pc.if_else(pc.equal(pc.utf8_trim_whitespace(attrs), ""), pa.scalar(None, pa.string()),
                           attrs)
        looks = pc.match_substring_regex(attrs, r"^\s*\{[\s\S]*\}\s*$")
        bad = pc.and_(pc.is_valid(attrs), pc.invert(pc.fill_null(looks, False)))
        if pc.any(bad).as_py():
            i = int(np.flatnonzero(bad.to_numpy(zero_copy_only=False))[0])
            raise InputError("attrs must be a JSON object such as {\"name\": \"Li\"}",
                             place=f"{place} line {i + first_line}, column attrs")
    else:
        attrs = pa.nulls(len(table), pa.string())
    return pa.table([cols["user_id"], cols["process_id"], cols["node_id"], cols["event"],
                     pa.array(ts), attrs], schema=SCHEMA)


def load_events(path) -> pa.Table:
    """Read a CSV (header row) or Parquet event file into the event-log schema."""
    path = Path(path)
    if not path.exists():
        raise InputError("file not found", place=str(path))
    ext = path.suffix.lower()
    try:
        if ext == ".parquet" or ext == ".pq":
            import pyarrow.parquet as pq

            table = pq.read_table(path)
            first_line = 1
        elif ext in (".csv", ".txt", ".gz"):
            from pyarrow import csv

            types = {c: pa.string() for c in COLUMNS}
            table = csv.read_csv(path, convert_options=csv.ConvertOptions(
                column_types=types, strings_can_be_null=False),
                read_options=csv.ReadOptions(block_size=1 << 24))
            first_line = 2
        else:
            raise InputError("events must be a .csv or .parquet file", place=str(path))
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"cannot read: {exc}", place=str(path)) from exc
    return normalise(table, str(path), first_line)


def events_from_rows(rows: list[dict]) -> pa.Table:
    """Build an event log from Python dicts (tests, the demo, small imports)."""
    cols = {c: [r.get(c) for r in rows] for c in COLUMNS}
    cols["ts"] = [str(v) if v is not None else None for v in cols["ts"]]
    cols["attrs"] = [None if v is None else (v if isinstance(v, str) else __import__("json").dumps(
        v, ensure_ascii=False)) for v in cols["attrs"]]
    return normalise(pa.table({c: pa.array(v, pa.string()) for c, v in cols.items()}), "rows", 0)


def empty_events() -> pa.Table:
    return SCHEMA.empty_table()


def iso(ns: int) -> str:
    """ISO-8601 UTC text for nanoseconds, keeping the fraction exactly."""
    from datetime import datetime, timezone

    sec, frac = divmod(int(ns), NS)
    base = datetime.fromtimestamp(sec, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    return f"{base}.{frac:09d}".rstrip("0").rstrip(".") + "Z" if frac else base + "Z"


def parse_time(value: str, place: str = "--at") -> int:
    """One timestamp (for ``--at``) as nanoseconds; 'now' is the clock."""
    if value == "now":
        import time

        return time.time_ns()
    return int(parse_timestamps(pa.array([value]), place, 0)[0])
