import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from engine.errors import InputError, NotFoundError
from engine.fraud.io import events_from_table, load_events

HEADER = "user_id,action,target_id,ts,device_id,ip\n"


def write(tmp_path, text, name="log.csv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_with_iso_and_epoch_timestamps(tmp_path):
    p = write(tmp_path, HEADER
              + "u1,like,t1,2026-10-01T00:00:10Z,d1,1.2.3.4\n"
              + "u2,Barrage,t1,1790812820,,\n"
              + "u1,gift,t2,2026-10-01 08:00:30+08:00,d1,1.2.3.4\n")
    ev = load_events(p)
    assert len(ev) == 3
    assert ev.ts.tolist() == [1790812810, 1790812820, 1790812830]
    assert list(ev.users[ev.user]) == ["u1", "u2", "u1"]
    assert list(ev.actions[ev.action]) == ["like", "barrage", "gift"]  # case folded
    assert ev.device.tolist()[1] == -1 and ev.ip.tolist()[1] == -1
    assert ev.devices[ev.device[0]] == "d1"


def test_parquet_with_timestamp_column(tmp_path):
    t = pa.table({"user_id": ["a", "b"], "action": ["like", "like"], "target_id": ["x", "x"],
                  "ts": pa.array([1_790_812_800_000, 1_790_812_805_000], pa.timestamp("ms", "UTC")),
                  "device_id": ["d", None], "ip": ["i", "i"]})
    pq.write_table(t, tmp_path / "log.parquet")
    ev = load_events(tmp_path / "log.parquet")
    assert ev.ts.tolist() == [1790812800, 1790812805]
    assert ev.device.tolist() == [0, -1]


def test_missing_column_is_named(tmp_path):
    p = write(tmp_path, "user_id,action,ts\nu1,like,1\n")
    with pytest.raises(InputError) as err:
        load_events(p)
    assert "target_id" in str(err.value) and str(p) in str(err.value)


def test_bad_timestamp_names_line_and_column(tmp_path):
    rows = "".join(f"u{i},like,t1,{1790812800 + i},d,ip\n" for i in range(50))
    p = write(tmp_path, HEADER + rows + "u9,like,t1,yesterday,d,ip\n" + rows)
    with pytest.raises(InputError) as err:
        load_events(p)
    msg = str(err.value)
    assert "line 52" in msg and "column ts" in msg and "yesterday" in msg


def test_empty_user_names_line(tmp_path):
    p = write(tmp_path, HEADER + "u1,like,t1,1,d,ip\n,like,t1,2,d,ip\n")
    with pytest.raises(InputError, match=r"line 3, column user_id"):
        load_events(p)


def test_missing_file_and_unknown_type(tmp_path):
    with pytest.raises(NotFoundError):
        load_events(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="unknown file type"):
        load_events(write(tmp_path, "x", "log.xlsx"))


def test_round_trip_through_arrow():
    t = pa.table({"user_id": ["a", "b", "a"], "action": ["like"] * 3, "target_id": ["x", "y", "x"],
                  "ts": [1, 2, 3], "device_id": ["d", None, "d"], "ip": [None, None, "i"]})
    ev = events_from_table(t)
    back = ev.to_arrow()
    assert back.column("user_id").to_pylist() == ["a", "b", "a"]
    assert back.column("device_id").to_pylist() == ["d", None, "d"]
    assert back.column("ip").to_pylist() == [None, None, "i"]
    assert np.array_equal(back.column("ts").to_numpy(), [1, 2, 3])


def test_untrimmed_and_empty_values_are_cleaned(tmp_path):
    p = write(tmp_path, HEADER + " u1 ,LIKE,t1,1,,\nu1,like,t1,2,  ,10.0.0.1\nu2,like, t1,3,d2, \n")
    ev = load_events(p)
    assert list(ev.users[ev.user]) == ["u1", "u1", "u2"]  # " u1 " and "u1" are one account
    assert list(ev.targets[ev.target]) == ["t1", "t1", "t1"]
    assert ev.device.tolist()[:2] == [-1, -1] and ev.devices[ev.device[2]] == "d2"
    assert ev.ip.tolist()[0] == -1 and ev.ip.tolist()[2] == -1
    assert "" not in set(ev.devices) and "" not in set(ev.ips)


@pytest.mark.parametrize("pad", ["", " "])
def test_vocabularies_are_sorted_whatever_the_row_order(tmp_path, pad):
    p = write(tmp_path, HEADER + f"zed{pad},like,t9,1,d,i\namy,gift,t1,2,d,i\nbob,like,t5,3,d,i\n")
    ev = load_events(p)
    assert list(ev.users) == ["amy", "bob", "zed"]
    assert list(ev.targets) == ["t1", "t5", "t9"]
    assert list(ev.users[ev.user]) == ["zed", "amy", "bob"]
