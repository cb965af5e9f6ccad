"""Extraction rules: facts about the customer only, with spans; value parsers."""
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from engine.profiles.corpus import load_corpus, score
from engine.profiles.extract import Message, extract_conversation, extract_text
from engine.profiles.parse import find_date, id_number_info, make_id_number

TS = datetime(2026, 10, 14, 10, tzinfo=timezone.utc)  # a Wednesday
DATA = Path(__file__).with_name("data")


def facts(text, **kw):
    return {(f.field, str(f.value)) for f in extract_text(text, TS, **kw)}


def test_spans_point_at_the_value():
    text = "我叫王芳，手机13812345678"
    got = {f.field: f for f in extract_text(text, TS)}
    assert text[got["name"].start:got["name"].end] == "王芳"
    assert text[got["phone"].start:got["phone"].end] == "13812345678"
    assert got["phone"].value == "+8613812345678"


def test_third_party_numbers_are_not_the_customers():
    assert ("phone", "+8613912345678") not in facts("这是我老公的电话 13912345678")
    assert ("phone", "+8613812345679") in facts("我老公的是13912345678，我的是138-1234-5679")
    assert not any(f == "phone" for f, _ in facts("my wife's number is +65 9876 5432"))
    assert not any(f == "email" for f, _ in facts("my assistant's email is jane@acme.com"))


def test_staff_messages_never_give_facts():
    msgs = [Message("1", "c", "s1", "staff", TS, "我的工作号是13900001111"),
            Message("2", "c", "u1", "customer", TS, "好的")]
    assert extract_conversation(msgs) == []


def test_staff_question_gives_context_to_a_bare_answer():
    msgs = [Message("1", "c", "s1", "staff", TS, "请问怎么称呼您？"),
            Message("2", "c", "u1", "customer", TS, "李娜")]
    assert [(f.field, f.value, f.message_id) for f in extract_conversation(msgs)] == [("name", "李娜", "2")]
    msgs[0].text = "今天天气不错"
    assert extract_conversation(msgs) == []


def test_id_numbers_are_check_digit_validated():
    valid = make_id_number("110105", date(1988, 5, 12), 123)
    assert id_number_info(valid) == ("1988-05-12", "male")
    broken = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    assert id_number_info(broken) is None
    assert ("id_number", valid) in facts(f"身份证号{valid}")
    assert not any(f == "id_number" for f, _ in facts(f"身份证号{broken}"))
    assert id_number_info("110105199002301234") is None  # 30 February


@pytest.mark.parametrize("text,expected", [
    ("预算大概五十万左右", ("budget", "{'amount': 500000.0, 'currency': 'CNY'}")),
    ("预算50w", ("budget", "{'amount': 500000.0, 'currency': 'CNY'}")),
    ("budget is around 50k", ("budget", "{'amount': 50000.0, 'currency': 'USD'}")),
    ("我的预算 ¥500,000", ("budget", "{'amount': 500000.0, 'currency': 'CNY'}")),
])
def test_budget_formats(text, expected):
    assert expected in facts(text)


def test_prices_without_a_budget_cue_are_not_budgets():
    assert not any(f == "budget" for f, _ in facts("这款 3999 元，上次买的 5000 块"))


def test_relative_dates_resolve_against_message_time():
    assert find_date("下周三", TS)[0] == "--10-21"
    assert find_date("next Friday", TS)[0] == "--10-23"
    assert find_date("明天", TS)[0] == "--10-15"
    assert find_date("1992年11月3日", TS)[0] == "1992-11-03"
    assert ("birthday", "--10-21") in facts("下周三是我生日")


def test_travel_is_not_where_someone_lives():
    assert not any(f == "city" for f, _ in facts("我下周去北京出差"))
    assert not any(f == "city" for f, _ in facts("I'm in Sydney for a conference this week"))
    assert ("city", "London") in facts("I'm based in London")


def test_corpus_meets_targets_on_held_out_part():
    """The held-out part was never used to tune rules; targets from the issue (identifiers)."""
    result = score(load_corpus(DATA / "corpus_heldout.txt"))
    for field in ("email", "id_number"):
        assert result[field]["precision"] >= 0.97 and result[field]["recall"] >= 0.95, field
    assert result["phone"]["recall"] >= 0.95
    for field in ("birthday", "budget"):
        assert result[field]["precision"] >= 0.85 and result[field]["recall"] >= 0.85, field


def test_corpus_loader_reports_bad_lines(tmp_path):
    from engine.errors import InputError

    p = tmp_path / "c.txt"
    p.write_text("# x\nX: hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="c.txt:2"):
        load_corpus(p)
