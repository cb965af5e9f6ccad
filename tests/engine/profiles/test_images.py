"""Images: card layout, QR codes, corrupt files, OCR of a rendered business card."""
from datetime import datetime, timezone

import pytest

from engine.profiles.cards import render_card
from engine.profiles.extract import extract_text
from engine.profiles.ocr import card_text, decode_qr, load_image, qr_to_text, read_image

TS = datetime(2026, 10, 14, tzinfo=timezone.utc)


def keys(text):
    return {(f.field, str(f.value)) for f in extract_text(text, TS)}


def test_card_layout_rules():
    got = keys(card_text(["华为技术有限公司", "张伟", "销售总监", "手机：138 1234 5678"]))
    assert {("name", "张伟"), ("job_title", "销售总监"), ("company", "华为技术有限公司"),
            ("phone", "+8613812345678")} <= got
    got = keys(card_text(["Jack Baker", "Sales Manager", "Standard Chartered", "Email: jack@example.com"]))
    assert {("name", "Jack Baker"), ("company", "Standard Chartered"), ("email", "jack@example.com")} <= got
    assert ("name", "项目") not in keys(card_text(["贺思远", "项目经理"]))


def test_corrupt_and_missing_images_give_errors(tmp_path):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    assert "not a readable image" in read_image(bad).error
    assert "not found" in read_image(tmp_path / "nope.jpg").error
    with pytest.raises(ValueError):
        load_image(bad)


def test_vcard_qr_code_is_decoded(tmp_path):
    vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Lily Chen\nTEL:+6591234567\nEMAIL:lily@example.com\nEND:VCARD"
    path = render_card(["Lily Chen"], tmp_path / "qr.png", qr_payload=vcard)
    payloads = decode_qr(load_image(path))
    assert payloads == [vcard]
    got = keys(qr_to_text(payloads[0]))
    assert {("name", "Lily Chen"), ("phone", "+6591234567"), ("email", "lily@example.com")} <= got


@pytest.mark.slow
def test_ocr_reads_a_business_card(tmp_path):
    path = render_card(["王建国", "销售总监", "华为技术有限公司", "手机：138 1234 5678",
                        "邮箱：wang.jg@huawei.com"], tmp_path / "card.png")
    res = read_image(path)
    assert res.error is None
    got = keys(res.text)
    assert {("name", "王建国"), ("phone", "+8613812345678"), ("email", "wang.jg@huawei.com"),
            ("company", "华为技术有限公司"), ("job_title", "销售总监")} <= got


@pytest.mark.slow
def test_read_images_resolves_media_paths_and_reports_bad_files(workspace):
    from engine.profiles import queries, service
    from engine.profiles.extract import Message
    from engine.profiles.media import media_root

    root = media_root(workspace.engine.url)
    render_card(["李娜", "财务经理", "招商银行", "手机：13922223333"], root / "profiles" / "c.png")
    (root / "profiles" / "x.png").write_bytes(b"oops")
    msgs = [Message("i1", "k", "cu1", "customer", TS, image="profiles/c.png"),
            Message("i2", "k", "cu1", "customer", TS, image="profiles/x.png"),
            Message("i3", "k", "s1", "staff", TS, text="ok")]
    service.import_messages(workspace, msgs, extract=False)
    result = service.read_images(workspace, "cu1")
    assert result["images"] == 2 and len(result["errors"]) == 1 and "i2" in result["errors"][0]
    got = {(f["field"], f["display"], f["source"]) for f in queries.load_profile(workspace, "cu1")["fields"]}
    assert {("name", "李娜", "image"), ("phone", "+8613922223333", "image"), ("company", "招商银行", "image")} <= got
