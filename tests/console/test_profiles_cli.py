"""``operator-console profiles import`` and ``profiles extract``."""
import json
from datetime import datetime, timedelta, timezone

from console.cli import main

T0 = datetime(2026, 10, 14, 10, tzinfo=timezone.utc)


def _chat(tmp_path, bad=False):
    from engine.profiles.cards import render_card

    render_card(["张伟", "销售总监", "华为技术有限公司", "手机：13812345678", "邮箱：zhang.wei@huawei.com"],
                tmp_path / "card.png")
    (tmp_path / "junk.png").write_bytes(b"not an image")
    rows = [
        {"id": "m1", "conversation_id": "k", "sender_id": "s1", "sender_role": "staff", "ts": T0.isoformat(),
         "text": "请问怎么称呼？我的电话 13900001111"},
        {"id": "m2", "conversation_id": "k", "sender_id": "cu1", "sender_role": "customer",
         "ts": (T0 + timedelta(minutes=1)).isoformat(), "text": "张伟，下周三是我生日"},
        {"id": "m3", "conversation_id": "k", "sender_id": "cu1", "sender_role": "customer",
         "ts": (T0 + timedelta(minutes=2)).isoformat(), "image": "card.png"},
        {"id": "m4", "conversation_id": "k", "sender_id": "cu1", "sender_role": "customer",
         "ts": (T0 + timedelta(minutes=3)).isoformat(), "image": "junk.png"},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    if bad:
        lines.insert(1, "{oops")
    p = tmp_path / "chat.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_extract_writes_the_documented_shape(tmp_path, capsys):
    out = tmp_path / "profiles.json"
    code = main(["profiles", "extract", str(_chat(tmp_path)), "--out", str(out)])
    assert code == 1  # the junk image is reported
    assert "m4" in capsys.readouterr().err
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == {"customers"} and set(doc["customers"]) == {"cu1"}
    cust = doc["customers"]["cu1"]
    assert set(cust) == {"fields", "tags"}
    for entries in cust["fields"].values():
        for e in entries:
            assert set(e) == {"value", "confidence", "message_id"}
    assert cust["fields"]["birthday"][0]["value"] == "--10-21"
    phones = cust["fields"]["phone"]
    assert [p["value"] for p in phones] == ["+8613812345678"] and phones[0]["message_id"] == "m3"  # from the card
    assert {e["value"] for e in cust["fields"]["name"]} == {"张伟"}


def test_import_reports_line_numbers(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    code = main(["--db", db, "profiles", "import", "--no-ocr", str(_chat(tmp_path, bad=True))])
    captured = capsys.readouterr()
    assert code == 1 and "chat.jsonl:2" in captured.err
    counts = json.loads(captured.out)
    assert counts["messages"] == 4 and counts["bad_lines"] == 1
    assert main(["--db", db, "profiles", "import", "--strict", str(_chat(tmp_path, bad=True))]) == 2
