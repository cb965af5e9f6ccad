"""Loading behaviour logs (CSV / Parquet / workspace) into a columnar :class:`Events` table.

Columns: ``user_id, action, target_id, ts, device_id, ip``.  ``ts`` is ISO-8601 (``2026-10-01T20:15:03Z``,
``2026-10-01 20:15:03+08:00``; no offset means UTC) or epoch seconds.  ``device_id`` and ``ip`` may be
empty.  Every problem names the file, the row (CSV: the line number) and the column.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from engine.errors import InputError, NotFoundError

COLUMNS = ("user_id", "action", "target_id", "ts", "device_id", "ip")
REQUIRED = ("user_id", "action", "target_id", "ts")


@dataclass
class Events:
    """Stage 0 table: one row per event, strings dictionary-encoded to int codes.

    ``user/action/target`` are int32 codes into ``users/actions/targets``; ``device``/``ip`` are
    int32 codes into ``devices``/``ips`` with -1 for "unknown"; ``ts`` is int64 epoch seconds.
    """

    user: np.ndarray
    action: np.ndarray
    target: np.ndarray
    ts: np.ndarray
    device: np.ndarray
    ip: np.ndarray
    users: np.ndarray
    actions: np.ndarray
    targets: np.ndarray
    devices: np.ndarray
    ips: np.ndarray
    source: str = ""

    def __len__(self) -> int:
        return int(self.user.shape[0])

    def to_arrow(self) -> pa.Table:
        """Back to a plain string table (the import into the workspace uses this)."""
        def decode(codes, vocab):
            out = pa.array(vocab, type=pa.string()).take(pa.array(np.maximum(codes, 0)))
            if (codes < 0).any():
                out = pc.if_else(pa.array(codes < 0), pa.scalar(None, pa.string()), out)
            return out

        return pa.table({
            "user_id": decode(self.user, self.users),
            "action": decode(self.action, self.actions),
            "target_id": decode(self.target, self.targets),
            "ts": pa.array(self.ts, type=pa.int64()),
            "device_id": decode(self.device, self.devices),
            "ip": decode(self.ip, self.ips),
        })


def _row_name(kind: str, index: int) -> str:
    # CSV: line 1 is the header, so row i (0-based) is on line i + 2.
    return f"line {index + 2}" if kind == "csv" else f"row {index + 1}"


def _first_failing(arr: pa.Array, convert) -> int:
    """Index of the first element ``convert`` rejects (bisection: O(log n) conversions)."""
    lo, hi = 0, len(arr)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        try:
            convert(arr.slice(lo, mid - lo))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
            hi = mid
        else:
            lo = mid
    return lo


def _parse_ts(col: pa.Array, place: str, kind: str) -> np.ndarray:
    t = col.type
    if pa.types.is_timestamp(t):
        return pc.cast(col.cast(pa.timestamp(t.unit, tz=t.tz)), pa.int64()).to_numpy() // {
            "s": 1, "ms": 1000, "us": 1_000_000, "ns": 1_000_000_000}[t.unit]
    if pa.types.is_integer(t):
        return col.cast(pa.int64()).to_numpy()
    if pa.types.is_floating(t):
        vals = col.to_numpy(zero_copy_only=False)
        bad = ~np.isfinite(vals)
        if bad.any():
            i = int(np.argmax(bad))
            raise InputError("ts is not a number", place=f"{place}, {_row_name(kind, i)}, column ts")
        return np.floor(vals).astype(np.int64)
    if not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        raise InputError(f"ts has type {t}; expected ISO-8601 text or epoch seconds",
                         place=f"{place}, column ts")
    col = pc.utf8_trim_whitespace(col)
    numeric = pc.match_substring_regex(col, r"^-?\d+(\.\d+)?$")
    if pc.all(numeric).as_py():
        return np.floor(col.cast(pa.float64()).to_numpy()).astype(np.int64)

    def iso(a: pa.Array) -> pa.Array:
        # Arrow parses ISO-8601 with 'T' or ' ', fractions, 'Z' and ±hh:mm offsets; naive = UTC.
        return a.cast(pa.timestamp("us", tz="UTC"))

    def mixed(a: pa.Array) -> np.ndarray:
        num = pc.match_substring_regex(a, r"^-?\d+(\.\d+)?$")
        iso_part = pc.if_else(num, pa.scalar("1970-01-01T00:00:00Z"), a)
        secs = pc.cast(iso(iso_part), pa.int64()).to_numpy() // 1_000_000
        nums = pc.if_else(num, a, pa.scalar("0")).cast(pa.float64()).to_numpy()
        return np.where(num.to_numpy(zero_copy_only=False), np.floor(nums).astype(np.int64), secs)

    try:
        return mixed(col)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        i = _first_failing(col, mixed)
        raise InputError(
            f"ts '{col[i].as_py()}' is neither ISO-8601 (e.g. 2026-10-01T20:15:03Z) nor epoch seconds",
            place=f"{place}, {_row_name(kind, i)}, column ts") from None


def _encode(col: pa.Array, name: str, place: str, kind: str, required: bool,
            lower: bool = False, sort: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Dictionary-encode first, then clean only the (small) dictionary: trim, case-fold, empties.

    Returns int32 codes (-1 = missing) and the vocabulary as an object array.  With ``sort`` the
    vocabulary is in sorted order, so results do not depend on the order of the rows.
    """
    if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
            or pa.types.is_dictionary(col.type)):
        col = col.cast(pa.string())
    enc = col if pa.types.is_dictionary(col.type) else pc.dictionary_encode(col)
    missing = pc.is_null(enc.indices).to_numpy(zero_copy_only=False) if enc.null_count else None
    codes = pc.fill_null(enc.indices, 0).to_numpy(zero_copy_only=False)
    words = pc.utf8_trim_whitespace(enc.dictionary.cast(pa.string()))
    if lower:
        words = pc.utf8_lower(words)
    empty_word = pc.fill_null(pc.equal(words, ""), True).to_numpy(zero_copy_only=False)
    same = pc.all(pc.equal(words, enc.dictionary.cast(pa.string()))).as_py()
    if same and not empty_word.any():  # the usual case: nothing to clean
        if required and missing is not None and missing.any():
            i = int(np.argmax(missing))
            raise InputError(f"{name} is empty",
                             place=f"{place}, {_row_name(kind, i)}, column {name}")
        out = np.asarray(codes, dtype=np.int32)
        if sort and len(words) > 1:
            perm = pc.array_sort_indices(words).to_numpy()
            rank = np.empty(perm.size, np.int32)
            rank[perm] = np.arange(perm.size, dtype=np.int32)
            out = rank[out]
            words = words.take(pa.array(perm))
        if missing is not None:
            out = np.where(missing, -1, out).astype(np.int32)
        return out, np.asarray(words.to_pylist(), dtype=object)
    # trimming can merge two spellings (" u1" and "u1"): re-number through the clean words
    # (np.unique sorts, so this path always gives a sorted vocabulary)
    vocab_raw = np.asarray(words.to_pylist(), dtype=object)
    vocab, remap = np.unique(np.where(empty_word, "", vocab_raw).astype(str), return_inverse=True)
    new_codes = remap.astype(np.int32)[np.asarray(codes, dtype=np.int64)] if codes.size else (
        np.zeros(0, np.int32))
    bad = empty_word[np.asarray(codes, dtype=np.int64)] if codes.size else np.zeros(0, bool)
    if missing is not None:
        bad |= missing
    if required and bad.any():
        i = int(np.argmax(bad))
        raise InputError(f"{name} is empty", place=f"{place}, {_row_name(kind, i)}, column {name}")
    if bad.any():
        new_codes[bad] = -1
    if empty_word.any():  # drop "" from the vocabulary and shift codes above it
        gap = int(np.searchsorted(vocab, ""))
        if gap < vocab.size and vocab[gap] == "":
            vocab = np.delete(vocab, gap)
            new_codes[new_codes > gap] -= 1
    return new_codes, vocab.astype(object)


def events_from_table(table: pa.Table, place: str = "events", kind: str = "table") -> Events:
    """Validate and encode a table with the six columns (extra columns are ignored)."""
    names = [n.strip().lower() for n in table.column_names]
    table = table.rename_columns(names)
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise InputError(f"missing column(s) {', '.join(missing)}; the log needs "
                         f"{', '.join(COLUMNS)} (device_id and ip may be empty)", place=place)
    n = table.num_rows

    def column(name):
        if name not in names:
            return pa.nulls(n, pa.string())
        return table.column(name).combine_chunks()

    ts_col = column("ts")
    if ts_col.null_count:
        i = int(np.argmax(pc.is_null(ts_col).to_numpy(zero_copy_only=False)))
        raise InputError("ts is empty", place=f"{place}, {_row_name(kind, i)}, column ts")
    ts = _parse_ts(ts_col, place, kind)
    del ts_col
    def encode(name):
        # accounts, actions, targets: order-independent numbering
        return _encode(column(name), name, place, kind, name in REQUIRED,
                       lower=name == "action", sort=name in REQUIRED)

    # Arrow kernels release the GIL: encode the string columns on two threads.
    from concurrent.futures import ThreadPoolExecutor

    order = ("user_id", "device_id", "target_id", "ip", "action")
    with ThreadPoolExecutor(max_workers=2) as pool:
        enc = dict(zip(order, pool.map(encode, order)))
    (user, users), (action, actions), (target, targets) = (enc["user_id"], enc["action"],
                                                           enc["target_id"])
    (device, devices), (ip, ips) = enc["device_id"], enc["ip"]
    return Events(user, action.astype(np.int16), target, ts.astype(np.int64), device, ip,
                  users, actions, targets, devices, ips, source=place)


def read_table(path: str | Path) -> tuple[pa.Table, str]:
    """Read a CSV or Parquet file into an Arrow table; returns (table, "csv" | "parquet")."""
    p = Path(path)
    if not p.exists():
        raise NotFoundError(f"{p}: no such file")
    if p.is_dir():
        raise InputError("is a folder; give a .csv or .parquet file", place=str(p))
    suffix = "".join(p.suffixes[-2:]).lower() if p.suffix.lower() == ".gz" else p.suffix.lower()
    try:
        if suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            return pq.read_table(p), "parquet"
        if suffix in (".csv", ".csv.gz", ".txt", ".tsv"):
            from pyarrow import csv

            opts = csv.ConvertOptions(column_types={c: pa.string() for c in COLUMNS},
                                      strings_can_be_null=True)
            parse = csv.ParseOptions(delimiter="\t" if suffix == ".tsv" else ",")
            return csv.read_csv(p, parse_options=parse, convert_options=opts), "csv"
    except (pa.ArrowInvalid, OSError) as exc:
        msg = str(exc).splitlines()[0]
        raise InputError(f"cannot read: {msg}", place=str(p)) from None
    raise InputError(f"unknown file type '{p.suffix}'; use .csv, .csv.gz, .tsv or .parquet",
                     place=str(p))


def load_events(path: str | Path) -> Events:
    table, kind = read_table(path)
    return events_from_table(table, place=str(path), kind=kind)
