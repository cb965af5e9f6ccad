import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.errors import InputError
from engine.nudges.events import iso, load_events, parse_time, parse_timestamps

HEADER = "user_id,process_id,node_id,event,ts,attrs\n"


def test_csv_with_mixed_formats_and_quoted_json_attrs(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(HEADER +
                    'u1,loan,a,enter,2026-10-01T08:00:00+08:00,"{""name"": ""李雷""}"\n'
                    "u1,loan,a,operate,1790812800.123456789,\n"
                    "u2,loan,b,enter,2026-10-01 00:00:00.5Z,\n"
                    "u2,loan,b,leave,2026-09-30T19:30:00-0430,\n", encoding="utf-8")
    t = load_events(path)
    ns = t["ts"].to_numpy()
    base = 1790812800 * 10**9
    assert ns.tolist() == [base, base + 123456789, base + 500_000_000, base]
    assert t["attrs"][0].as_py() == '{"name": "李雷"}' and t["attrs"][1].as_py() is None
    assert iso(ns[1]) == "2026-10-01T00:00:00.123456789Z"


@pytest.mark.parametrize("row, line, column, words", [
    ("u1,loan,a,enter,yesterday,", 3, "ts", "ISO-8601"),
    ("u1,loan,a,jump,2026-10-01T00:00:00Z,", 3, "event", "enter, operate"),
    (",loan,a,enter,2026-10-01T00:00:00Z,", 3, "user_id", "empty"),
    ("u1,loan,a,enter,2026-02-30T00:00:00Z,", 3, "ts", "calendar"),
    ("u1,loan,a,enter,2026-10-01T00:00:00Z,not json", 3, "attrs", "JSON object"),
])
def test_bad_rows_name_file_line_and_column(tmp_path, row, line, column, words):
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "u0,loan,a,enter,2026-10-01T00:00:00Z,\n" + row + "\n")
    with pytest.raises(InputError) as err:
        load_events(path)
    assert f"bad.csv line {line}, column {column}" in str(err.value)
    assert words in str(err.value)


def test_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("user_id,node_id,event,ts\nu,a,enter,1\n")
    with pytest.raises(InputError, match="process_id"):
        load_events(path)
    with pytest.raises(InputError, match="not found"):
        load_events(tmp_path / "nope.csv")


def test_parquet_with_timestamp_and_integer_epoch(tmp_path):
    table = pa.table({"user_id": ["u", "v"], "process_id": ["loan", "loan"],
                      "node_id": ["a", "a"], "event": ["enter", "enter"],
                      "ts": pa.array([1_700_000_000_000_000_001, 5], pa.timestamp("ns", "UTC"))})
    pq.write_table(table, tmp_path / "e.parquet")
    assert load_events(tmp_path / "e.parquet")["ts"].to_numpy().tolist() == [
        1_700_000_000_000_000_001, 5]
    assert parse_timestamps(pa.array([1, 2], pa.int64())).tolist() == [10**9, 2 * 10**9]


def test_parse_time_and_negative_epoch():
    assert parse_time("2026-10-01T00:00:00Z") == 1790812800 * 10**9
    assert parse_timestamps(pa.array(["-1.5"])).tolist() == [-1_500_000_000]
    assert np.array_equal(parse_timestamps(pa.array(["1970-01-01T00:00:00+00:00"])), [0])


@pytest.mark.parametrize("value", ["99999999999", "9999999999.5", "2300-01-01T00:00:00Z",
                                   "1500-01-01T00:00:00"])
def test_times_beyond_int64_nanoseconds_are_rejected_not_wrapped(value):
    with pytest.raises(InputError, match="range"):
        parse_timestamps(pa.array(["2026-10-01T00:00:00Z", value]))
