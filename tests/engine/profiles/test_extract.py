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


def chat(*lines):
    """Facts of a conversation written as ("S"|"C", text) pairs: {(message index, field, value)}."""
    msgs = [Message(str(i), "c", "s1" if who == "S" else "u1", "staff" if who == "S" else "customer", TS, text)
            for i, (who, text) in enumerate(lines)]
    return {(int(f.message_id), f.field, str(f.value)) for f in extract_conversation(msgs)}


def test_a_correction_in_the_next_message_takes_the_earlier_value_back():
    got = chat(("S", "请留个电话"), ("C", "13823419087"), ("C", "啊不对打错了，是13823419078"))
    assert {(i, v) for i, f, v in got if f == "phone"} == {(2, "+8613823419078")}
    got = chat(("S", "Can I get your name and number?"), ("C", "Priya Raghunathan, 416-829-3307"),
               ("C", "sorry typo, 416-829-3370"))
    assert {(i, v) for i, f, v in got if f == "phone"} == {(2, "+14168293370")}
    assert (1, "name", "Priya Raghunathan") in got  # only the corrected field is taken back


def test_an_answer_to_a_question_about_someone_elses_contact_is_theirs():
    got = chat(("S", "Can I have your name and contact?"), ("C", "Tan Wei Ming, 9123 4477, Tampines"),
               ("S", "And your wife's number in case?"), ("C", "8345 2219 (Grace). Email me at weiming.tan@grab.com"))
    assert {v for _, f, v in got if f == "phone"} == {"+6591234477"}
    assert (3, "email", "weiming.tan@grab.com") in got  # "email me": the customer's own
    got = chat(("S", "Should we cc your son?"), ("C", "yes, ethan.w2012@gmail.com"))
    assert not any(f == "email" for _, f, _ in got)


def test_contacts_in_brackets_after_someone_else_are_theirs():
    got = facts("Yes, Central. My EA Wendy (wendy.ho@harbourfrontcap.com, 5487 2210) handles my diary.", region="HK")
    assert not any(f in ("phone", "email") for f, _ in got)
    got = facts("6187 2235，我助手 Mandy 嘅電話係 5123 8876，有事都可以搵佢", region="HK")
    assert {v for f, v in got if f == "phone"} == {"+85261872235"}
    assert not any(f == "phone" for f, _ in facts("Frequent flyer number 884 120 557 if you need it.", region="AU"))


def test_a_district_said_as_where_one_is_gives_its_city():
    assert ("city", "广州") in facts("我在网易做游戏策划，天河那边")
    assert ("city", "深圳") in facts("福田 离家近，一学期一万以内可以接受")
    assert ("city", "杭州") in facts("西湖区，文三路那边", asked="city")
    assert ("city", "Melbourne") in facts("Sarah O'Connor, 0431 228 904, Brunswick.")


def test_an_ambiguous_district_takes_the_conversations_city():
    got = chat(("S", "您好，苏宁南京分店，请问住哪个区？"), ("C", "我就住鼓楼 很近"))
    assert (1, "city", "南京") in got
    got = chat(("S", "您好，请问住哪个区？"), ("C", "我就住鼓楼 很近"))
    assert not any(f == "city" for _, f, _ in got)  # 南京, 福州, 徐州 or 开封: no one to say which
    # the prefecture of the customer's own ID number says which 城关区
    assert ("city", "兰州") in facts("我的620102198912301667 我叫马晓红 住城关区")
    got = facts("210202199112196401，住中山区人民路那边")
    assert {v for f, v in got if f == "city"} == {"大连"}  # 大连's 中山区, not the city 中山


def test_names_given_as_surname_then_given_name_after_a_role_or_signed_at_the_end():
    assert ("name", "周建国") in facts("您好。本人姓周，名建国，今年六十八岁")
    assert ("name", "林慧敏") in facts("我是他妈妈林慧敏，440106198305172340")
    assert ("name", "黄伟") in facts("挖掘机液压泵两台，我是宁波建工设备部的黄伟")
    assert ("name", "Sneha") in facts("98220 47163, or my husband's 98811 20457. Thanks! Sneha", region="IN")
    assert ("name", "marcus webb") in facts("hey its marcus webb")
    assert ("name", "Geoffrey Whitlock") in facts("Mr Geoffrey Whitlock. I am the passenger myself.")
    assert ("name", "emma rodriguez") in facts("emma rodriguez", asked="name")
    assert not any(f == "name" for f, _ in facts("im looking at used tacomas"))


def test_employers_named_with_a_place_or_a_site():
    assert ("company", "四川航空") in facts("我在四川航空上班白天要飞")  # the province is part of the name
    assert ("company", "苏宁") in facts("白天我在苏宁总部上班")
    assert ("company", "华为") in facts("我住西乡，在华为坂田基地上班")
    assert ("company", "Dell") in facts("Yes, we rent off South Lamar right now, I work remote for Dell")
    assert ("company", "QuantaForge") in facts("Marcus Bell, CTO @ QuantaForge.")
    assert not any(f == "company" for f, _ in facts("对，我在国贸上班"))  # a business district
    assert ("city", "北京") in facts("对，我在国贸上班")


def test_dictated_numbers_and_addresses():
    got = facts("perfect do that my callback number is five one two five five five three three eight zero")
    assert ("phone", "+15125553380") in got
    assert ("phone", "+14693128804") in facts("469 three one two 8804", asked="phone", region="US")
    got = facts("six one seven three two nine four zero five eight and its kevin dot brennan at gmail dot com")
    assert ("email", "kevin.brennan@gmail.com") in got
    assert not any(f == "email" for f, _ in facts("we met at the cafe dot"))


def test_south_african_money_numbers_and_places():
    assert ("budget", str({"amount": 150000.0, "currency": "ZAR"})) in facts("Golden Dragon Trading (Pty) Ltd. Budget R150 000")
    assert ("phone", "+27793326618") in facts("Call 011 784 3302 shop or 079 332 6618", region="ZA")
    assert ("city", "Johannesburg") in facts("Hi yes, I work at Discovery in Sandton and want something near the office")


def test_taiwan_money_and_full_width_numbers():
    got = facts("我跟太太住左營，小孩要上小學了想換三房，預算1500萬左右")
    assert ("budget", str({"amount": 15000000.0, "currency": "TWD"})) in got
    assert ("phone", "+886917352486") in facts("０９１７－３５２－４８６，我叫黃俊傑", region="TW")


def test_budgets_said_about_an_amount_while_buying():
    def budgets(text, **kw):
        return {v for f, v in facts(text, **kw) if f == "budget"}
    assert budgets("想买个SUV 十万块钱左右 要得不") == {str({"amount": 100000.0, "currency": "CNY"})}
    assert budgets("我想买个按摩椅 自己用 腰不好 五千来块钱的") == {str({"amount": 5000.0, "currency": "CNY"})}
    assert not budgets("我们大概十个人左右")  # a count, and nothing bought
    assert budgets("Loan max is $40,000 but we'd like to keep it under $35k", region="CA") == \
        {str({"amount": 35000.0, "currency": "CAD"})}
    assert not budgets("yes he said he'll cover up to 1500 if it needs replacing", region="US")
    assert budgets("總價兩千五百萬以內，自備款大概800萬", region="TW") == {str({"amount": 25000000.0, "currency": "TWD"})}


def test_someone_elses_id_or_address_in_the_same_message():
    got = facts("我370212198103155010 她370212198305207624 我叫于海涛")
    assert {v for f, v in got if f == "id_number"} == {"370212198103155010"}
    assert not any(f == "id_number" for f, _ in facts("我想幫我阿媽開戶口，佢係內地身份證 440111197503032185"))
    assert not any(f == "email" for f, _ in facts("Should I send the photos to rob.tanaka@evergreenmutual.com?"))
    assert ("email", "lucy.harper@icloud.com") in facts("send the label to Lucy.Harper@icloud.com pls")


def test_names_leading_a_message_or_signed_off():
    assert ("name", "Ray Delgado") in facts("Ray Delgado, Mesa AZ, retired, 67 yrs old, want panels")
    assert ("name", "jake morrison") in facts("jake morrison, 412 Bergen St Apt 3, Brooklyn NY 11217")
    assert not any(f == "name" for f, _ in facts("Hi Hannah, my spaniel just ate a sock, can we come in asap?"))
    assert ("name", "Rupert Ashdown") in facts("Yours faithfully, Rupert Ashdown, Finance Director, Ashdown & Finch Ltd")
    assert ("name", "Priya Raghunathan") in facts("Hello, myself Priya Raghunathan, I am working as finance controller")
    assert ("name", "林小雨") in facts("林小雨 南山科技园上班 在腾讯做运营", asked="name")
    assert ("name", "Nurul Aisyah") in facts("hai, saya Nurul Aisyah dari Ipoh, kedai saya Aisyah Batik.")
    got = facts("Sure — Melissa Ortega | Registered Nurse | Swedish Medical Center | Capitol Hill, Seattle WA")
    assert {("name", "Melissa Ortega"), ("company", "Swedish Medical Center")} <= got


def test_employer_phrasings_and_what_is_not_an_employer():
    assert ("company", "Deloitte") in facts("Deloitte, been there 2 yrs as a senior consultant. mobile 0490 318 225")
    assert ("company", "Deliveroo") in facts("name's Sophie Tran, i work at Deliveroo HQ so im home after 6 only")
    assert ("company", "赣州银行") in facts("钟小燕 我在章贡区赣州银行上班")
    assert ("company", "府城手作皂") in facts("我在台南經營一家小網店叫「府城手作皂」，想寄貨到馬來西亞")
    assert not any(f == "company" for f, _ in facts("我上個月在奇美醫院住院，醫藥費花了NT$45,000"))


def test_towns_beyond_the_hand_made_lists_after_a_home_cue():
    assert ("city", "Decatur") in facts("we're over in Decatur btw, kids school is right by there")
    assert ("city", "Melbourne") in facts("I live in Glen Waverley")  # a suburb of Melbourne
    assert ("city", "Mesa") in facts("Ray Delgado, Mesa AZ, retired, 67 yrs old")
    # a town's name elsewhere in a sentence is no home: "Hale" is a town in England
    assert not any(f == "city" for f, _ in facts("brilliant. I'm an architect at Foster + Hale so fair warning"))


def test_institutions_written_with_their_department_and_employers_in_mixed_script():
    assert ("company", "山西医科大学第二医院") in facts("您好，山西医科大学第二医院设备科，我们想采购一台3.0T核磁")
    assert ("company", "太原钢铁（集团）有限公司") in facts("你好，我们是太原钢铁（集团）有限公司的，我是设备部采购员郭亮")
    assert ("company", "Amazon") in facts("我是张子昂，在 Burnaby 住，在 Amazon 做 software engineer")
    assert ("company", "Ernst & Young") in facts("我叫何嘉欣，住多伦多 Scarborough，在 Ernst & Young 上班")
    assert ("company", "字节跳动") in facts("王思远，在上海，字节跳动做算法工程师")
    assert ("company", "大连万达") in facts("我叫于晓彤，大连的，在大连万达做会计")
    assert not any(f == "company" for f, _ in facts("我叫陳美琪，喺中環做律師，住半山"))


def test_chinese_messages_with_places_and_names_in_other_forms():
    assert ("city", "Singapore") in facts("你好，我叫林佳慧，住在 Tampines，电话 9662 3418")
    assert ("city", "Burnaby") in facts("我是张子昂，在 Burnaby 住，在 Amazon 做 software engineer")
    assert ("city", "深圳") in facts("我叫黄志鹏，深圳南山的，在腾讯做产品经理")
    assert ("city", "兰州") in facts("我在中国石油兰州石化分公司上班，家在兰州西固区")
    assert ("city", "库尔勒") in facts("你好，我在库尔勒，中国石油塔里木油田分公司物资采办事业部的")
    assert not any(f == "city" for f, _ in facts("我老家在兰州，现在不住那了"))
    assert ("name", "刘洋") in facts("我是刘洋，成都的，做外贸生意")
    assert ("name", "董佳琪") in facts("我是销售内勤董佳琪，电话 177 0931 8765")
    assert ("name", "白云飞") in facts("经办人白云飞，身份证150602198909091170")


def test_home_towns_after_work_origin_and_moving_cues():
    assert ("city", "Kisumu") in facts("Grace Achieng Otieno, I work at KCB Bank in Kisumu. no more than KES 15,000 total")
    assert ("city", "Bengaluru") in facts("thanks. again it's Rahul Verma from Bengaluru, don't make me call twice")
    assert ("city", "Chicago") in facts("moving a 1-bed from Chicago to Denver. I'm with Deloitte")
    assert ("city", "London") in facts("need a quote for moving a 2-bed flat from Clapham to Brighton")
    assert not any(f == "city" for f, _ in facts("I'm Jason from PropNex, saw your enquiry"))
    got = chat(("S", "City?"), ("C", "Wellington"))
    assert (1, "city", "Wellington") in got


def test_names_written_last_or_with_a_dot():
    got = facts("hi! room for 10/23-10/25, my bday is 10/24 🎉 Ashley Carter")
    assert ("name", "Ashley Carter") in got and not any(f == "age" for f, _ in got)
    assert ("name", "Jake Morrison") in facts("my order #4481920375 STILL hasnt arrived. this is ridiculous. Jake Morrison")
    assert ("name", "阿依古丽·买买提") in facts("联系人：阿依古丽·买买提 电话：0991-4567890")


def test_colleagues_hotlines_and_addresses_already_written_to():
    assert not any(f == "phone" for f, _ in facts("我们处长的手机是 13895012367，重大事项请直接跟他沟通"))
    assert not any(f == "phone" for f, _ in facts("你们热线400-800-1234打了半天打不通"))
    got = facts("已发到 claims@yingtao-express.com 了，我邮箱 xuqing.uk@yahoo.com")
    assert {v for f, v in got if f == "email"} == {"xuqing.uk@yahoo.com"}
    assert ("email", "zhangli@xinghe-trade.cn") in facts("发到 ZhangLi@xinghe-trade.cn 就行，我叫张丽")
    assert not any(f == "email" for f, _ in facts("你搵我助理 Cindy 啦，佢電話 5127 6683，email cindy.lau@kwlaw.hk", region="HK"))


def test_employers_of_small_businesses_and_in_other_languages():
    assert ("company", "Laurier & Singh LLP") in facts("Priya Raman, office administrator, Laurier & Singh LLP, 613-233-7719")
    assert ("company", "Clarke & Sons Plumbing & Heating") in facts(
        "looking to lease 6 Transit vans for my plumbing firm, Clarke & Sons Plumbing & Heating in Stockport")
    assert ("company", "Accenture") in facts("ok. kaya ko mga ₱700k max for the unit. nagwowork ako sa Accenture")
    assert ("company", "Intel") in facts("Jason Khoo. 016-452 8899. stay George Town, work at Intel Bayan Lepas")
    assert ("company", "平安银行") in facts("我是他女儿刘敏，我在福田平安银行上班")
    assert not any(f == "company" for f, _ in facts("你好，我是马来亚大学的中国留学生，eKYC一直失败"))


def test_an_email_address_says_the_country_of_a_dictated_number():
    got = facts("oh two oh seven seven three nine four one eight two and its oliver at grantandhale dot co dot uk")
    assert ("phone", "+442077394182") in got


def test_home_places_in_south_east_asian_phrasings_and_chinese_addresses():
    assert ("city", "Quezon City") in facts("email ko po mcdelacruz@yahoo.com.ph, taga Quezon City po ako")
    assert ("city", "Shah Alam") in facts("bawah RM 80 sebulan. saya duduk Shah Alam, kerja dengan Proton.")
    assert ("city", "Petaling Jaya") in facts("我叫黄美玲，预算大概RM 650k，我和老公现在住在PJ SS2")
    assert ("city", "Penang") in facts("I stay Bayan Lepas, work at Intel there as test engineer")
    assert ("city", "香港") in facts("我喺港鐵做嘢要返更，地址係九龍觀塘協和街101號6樓B室")
    assert ("city", "苏州") in facts("吴中区东吴北路299号东湖小区8幢301")


def test_the_currency_hint_sees_every_currency_it_knows():
    from engine.profiles.extract import CURRENCY_HINT, CURRENCY_REGION_RX

    samples = ["S$40", "SGD 5", "新币", "新加坡元", "RM 20", "MYR 5", "令吉", "马币", "HK$8M", "HKD 3", "港币", "港纸", "港元",
               "NT$5", "台币", "TWD 9", "A$3", "AUD 4", "£3", "GBP 2", "₹5", "INR 4", "2 lakhs", "R600", "5 rand", "ZAR 3",
               "MOP 2", "澳门元", "葡币", "KES 1", "KSh 5", "₱7", "PHP 5", "₦5", "NGN 2", "AED 5", "dirhams"]
    for text in samples:
        assert any(rx.search(text) for rx, _ in CURRENCY_REGION_RX), text
        assert CURRENCY_HINT.search(text), text


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


TARGETS = {"phone": (0.97, 0.95), "email": (0.97, 0.95), "id_number": (0.97, 0.95),
           **{f: (0.85, 0.85) for f in ("name", "company", "city", "birthday", "budget")}}


DEV_PARTS = ("dev", *(f"dev{i}" for i in range(2, 27)))
NEWEST_DEV_PARTS = tuple(f"dev{i}" for i in range(27, 132))  # tuned on in the fourth to ninth sessions
HELD_OUT_PARTS = ("heldout111", "heldout112", "heldout113")


def _scored(parts):
    corpus = [m for part in parts for m in load_corpus(DATA / f"corpus_{part}.txt")]
    assert len({m.message.id for m in corpus}) == len(corpus), "message ids collide across parts"
    return score(corpus)


def test_development_parts_together_meet_every_target():
    """The development parts tuned on over several sessions keep every one of the issue's targets."""
    result = _scored(DEV_PARTS)
    for field, (p, r) in TARGETS.items():
        assert result[field]["precision"] >= p and result[field]["recall"] >= r, (field, result[field])


def test_all_development_parts_meet_every_target():
    """With the newest parts added (dev27–131), every target is met too."""
    result = _scored(DEV_PARTS + NEWEST_DEV_PARTS)
    for field, (p, r) in TARGETS.items():
        assert result[field]["precision"] >= p and result[field]["recall"] >= r, (field, result[field])


def test_untouched_held_out_parts_keep_the_targets_they_meet():
    """corpus_heldout111/112/113 were never used to tune rules; docs/profiles.md lists where they fall short."""
    result = _scored(HELD_OUT_PARTS)
    for field in ("email", "id_number", "name", "birthday", "budget"):
        p, r = TARGETS[field]
        assert result[field]["precision"] >= p and result[field]["recall"] >= r, (field, result[field])
    # phone recall meets the target and precision falls short (0.963 at the end of the ninth session);
    # company and city precision meet it, their recall falls short (0.78, 0.79)
    assert result["phone"]["precision"] >= 0.95 and result["phone"]["recall"] >= 0.95, result["phone"]
    for field, recall in (("company", 0.77), ("city", 0.77)):
        assert result[field]["precision"] >= 0.85 and result[field]["recall"] >= recall, (field, result[field])


def test_corpus_loader_reports_bad_lines(tmp_path):
    from engine.errors import InputError

    p = tmp_path / "c.txt"
    p.write_text("# x\nX: hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="c.txt:2"):
        load_corpus(p)


def test_local_numbers_are_read_in_the_region_the_conversation_points_at():
    # the customer's own city in the message
    assert ("phone", "+61412345678") in facts("Sophie here, mobile 0412 345 678, I live in Melbourne")
    # a city said later in the conversation, or the staff member's own number
    msgs = [Message("1", "c", "s1", "staff", TS, "Hi, Harbour Realty here, +44 20 7946 0000"),
            Message("2", "c", "u1", "customer", TS, "name's Tom Hughes, 07723 456 789"),
            Message("3", "d", "u2", "customer", TS, "Aisha Rahman, 647-555-0182"),
            Message("4", "d", "u2", "customer", TS, "I live in Toronto")]
    got = {(f.message_id, f.field, f.value) for f in extract_conversation(msgs)}
    assert ("2", "phone", "+447723456789") in got
    assert ("3", "phone", "+16475550182") in got
    # a foreign country code is not swallowed by the CN mobile rule
    assert facts("Hannah, +49 151 2345 6789.") >= {("phone", "+4915123456789")}
    assert not any(v.startswith("+86") for f, v in facts("Hannah, +49 151 2345 6789.") if f == "phone")


def test_a_name_standing_among_contact_details_is_the_customers():
    assert ("name", "Sophie Walker") in facts("Sophie Walker, mobile 0412 345 678, I live in Sydney")
    assert ("name", "孙磊") in facts("南京市鼓楼区中山北路288号5栋1203，孙磊，18952046631")
    assert ("name", "Lars de Vries") in facts("I'm Lars de Vries btw, really into road cycling")
    # without contact details a capitalised pair is not taken for a name
    assert not any(f == "name" for f, _ in facts("MacBook Air, or the ThinkPad X1?"))


def test_a_contact_after_a_clause_about_someone_else_is_theirs():
    got = facts("Olivia Grant, olivia.g@protonmail.com. Please cc my husband too, tom.grant@gmail.com")
    assert ("email", "olivia.g@protonmail.com") in got
    assert ("email", "tom.grant@gmail.com") not in got
    assert ("phone", "+8618874126653") not in facts("顺便把我老公那个号也关了，18874126653，我们在长沙")
    # the speaker's own role is no third party
    assert ("phone", "+8613671829034") in facts("我是他妈妈，赵静，电话13671829034")


@pytest.mark.parametrize("text,budget", [
    ("budget is about A$650,000 for a 2-bed", "650000 AUD"),
    ("condo for me, RM 800k max", "800000 MYR"),
    ("a baby shower for about 30 guests, budget C$3,000", "3000 CAD"),
    ("about 10 boxes and a piano, budget 300,000 yen", "300000 JPY"),
    ("ideally under £1,500", "1500 GBP"),
])
def test_budgets_in_more_currencies(text, budget):
    from engine.profiles.corpus import fact_key

    got = {fact_key(f) for f in extract_text(text, TS) if f.field == "budget"}
    assert got == {("budget", budget)}
    # a currency amount with a soft cue is a budget only when written with its currency
    assert not any(f.field == "budget" for f in extract_text("about 30 guests", TS))


def test_grouped_id_numbers_and_cities_named_by_employers():
    idn = make_id_number("330106", date(1988, 4, 25), 317)
    grouped = " ".join([idn[:4], idn[4:8], idn[8:12], idn[12:16], idn[16:]])
    assert ("id_number", idn) in facts(grouped)
    assert not any(f == "city" for f, _ in facts("我在哈尔滨电气集团上班"))
    assert ("city", "重庆") in facts("重庆渝北区，我住这边")


def test_numeric_dates_only_when_day_and_month_can_be_told_apart():
    assert find_date("14/02/1987", TS)[0] == "1987-02-14"
    assert find_date("07-22-1979", TS)[0] == "1979-07-22"
    assert find_date("03/04/1990", TS) is None


def test_questions_about_someone_else_and_their_birthdays():
    msgs = [Message("1", "c", "s1", "staff", TS, "Sure. Her name and date of birth?"),
            Message("2", "c", "u1", "customer", TS, "Jennifer Park, 03/15/1990"),
            Message("3", "d", "s1", "staff", TS, "Your full name and date of birth please"),
            Message("4", "d", "u2", "customer", TS, "Maria Lopez, 07-22-1979")]
    got = {(f.message_id, f.field, f.value) for f in extract_conversation(msgs)}
    assert not any(m == "2" for m, _, _ in got)
    assert {("4", "name", "Maria Lopez"), ("4", "birthday", "1979-07-22")} <= got
    assert not any(f == "birthday" for f, _ in facts("我叫何俊。下周五我老婆生日，能给她也办一张吗"))
    assert not any(f == "birthday" for f, _ in facts("想给我女儿买个少儿医疗险，陈可欣，2019年6月1号出生"))
    assert ("birthday", "--10-21") in facts("下周三是我生日")


def test_ask_words_cover_every_ask_rule():
    """The one-pass pre-check of staff questions never hides a question an ask rule would see."""
    from engine.profiles import parse as P
    from engine.profiles.extract import ASK_RULES, ASK_WORDS, CJK_RX

    staff = [m.message.text for path in sorted(DATA.glob("corpus_*.txt")) for m in load_corpus(path)
             if m.message.role == "staff"]
    assert len(staff) > 1000
    for text in staff:
        text = P.to_simplified(text) if CJK_RX.search(text) else text
        if any(rx.search(text) for _, rx in ASK_RULES):
            assert ASK_WORDS.search(text), text


def test_contacts_whose_owner_is_named_are_not_the_customers():
    assert not any(f == "phone" for f, _ in facts("wife Eleni does the paperwork, she's on 0421 668 930"))
    assert not any(f == "phone" for f, _ in facts("Ben's number is 0433 906 127 btw"))
    assert not any(f == "email" for f, _ in facts("Please send the papers to Karen, karen.fraser.ns@gmail.com"))
    assert not any(f == "id_number" for f, _ in facts("顺便帮我妈也问问，她是 31011519600214042X"))
    assert not any(f == "id_number" for f, _ in facts("371302201604150822 孩子的 我是她妈妈周静"))
    # whose it is, said before the next value, leaves the first one the customer's
    assert ("id_number", "320106199005120319") in facts("我的 320106199005120319，我老婆的 320582200002293365")


def test_an_email_the_staff_sent_is_theirs_when_repeated():
    msgs = [Message("1", "c", "s1", "staff", TS, "请把材料发到 kefu@kmkq.cn"),
            Message("2", "c", "u1", "customer", TS, "好 kefu@kmkq.cn 是吧 我发过去"),
            Message("3", "c", "u1", "customer", TS, "我的邮箱是 wang.lei@163.com")]
    got = {(f.field, f.value) for f in extract_conversation(msgs)}
    assert ("email", "wang.lei@163.com") in got and ("email", "kefu@kmkq.cn") not in got


def test_a_full_name_as_its_own_sentence_before_details():
    assert ("name", "Tom Whitfield") in facts("Tom Whitfield. 14/03/1979. 07823 416 902")
    assert ("name", "Rosa Delgado") in facts("-- Rosa Delgado, Owner, Delgado Nails & Spa, Scottsdale AZ")
    assert not any(f == "name" for f, _ in facts("Hi Priya, 2 nights from next Friday, king room"))
    assert not any(f == "name" for f, _ in facts("Mr. Richard Ho, passport K09821145, DOB 1975-03-09"))


def test_a_national_phone_shape_tells_the_currency_of_a_dollar_budget():
    msgs = [Message("1", "c", "u1", "customer", TS, "My number is 902 455 3018. I don't want to spend more than $25.")]
    budgets = [f.value for f in extract_conversation(msgs) if f.field == "budget"]
    assert budgets and budgets[0]["currency"] == "CAD"
    assert ("city", "Calgary") in facts("Amira Haddad, 403-875-2219. I'm in Kensington, Calgary")


def test_amounts_in_south_east_asian_african_and_indian_currencies():
    def budget(text):
        return [f.value for f in extract_text(text, TS) if f.field == "budget"]
    assert budget("Total maksimal Rp 7,5 juta ya kak") == [{"amount": 7_500_000.0, "currency": "IDR"}]
    assert budget("ok can, I can spend up to 15,000 baht") == [{"amount": 15_000.0, "currency": "THB"}]
    assert budget("Cash budget is R220 000, not a cent more") == [{"amount": 220_000.0, "currency": "ZAR"}]
    assert budget("budget around ₹2,00,000 per year") == [{"amount": 200_000.0, "currency": "INR"}]
    assert budget("有点贵，我这边最多 2 万 5") == [{"amount": 25_000.0, "currency": "CNY"}]
    # a small limit is a fee only with a period; a bill or a percentage is no budget
    assert budget("每个月不超过三十就行") == [{"amount": 30.0, "currency": "CNY"}]
    assert budget("最多22。") == []
    assert budget("hello dear. my bill has gone up to £212 this month") == []
    assert budget("around $850k max with a 15% deposit") == [{"amount": 850_000.0, "currency": "USD"}]


def test_employers_and_places_read_from_new_phrasings():
    assert ("company", "Lululemon") in facts("Hi, I'm Zhang Wei, Lululemon is transferring me from Shanghai to Vancouver")
    assert ("company", "PaySetu") in facts("need a 4 seater cabin, we're a small fintech called PaySetu, working out of my flat")
    assert ("company", "强记服饰") in facts("那就7天的 发票开强记服饰")
    got = facts("我在台積電新竹廠當製程工程師")
    assert ("company", "台積電") in got and ("city", "新竹") in got
    # a university one studies at is no employer, but its city is where one lives
    got = facts("hello, I'm a student at University of Manchester, need a SIM contract")
    assert ("city", "Manchester") in got and not any(f == "company" for f, _ in got)
    assert ("city", "常州") in facts("G6，二十万出头吧，最多22。我可能下个月要搬到无锡，现在还在常州上班")
    assert not any(f == "city" for f, _ in facts("我叫麥詠珊，以前喺香港做護士"))
    # a number grouped with dots is read as a number, not as two amounts
    got = facts("手機 0972.385.160，白天在玉山銀行上班")
    assert ("phone", "+886972385160") in got and not any(f == "budget" for f, _ in got)


def test_rules_of_the_fifth_session():
    # a large employer named with no cue word, in a message about the writer
    assert ("company", "南方航空") in facts("广州天河，南方航空，做财务。hejingyi_gz@163.com")
    # a number labelled with its country is read in that country
    got = facts("郑伟杰，马来西亚号 016-729 4485，新加坡号 8826 1937")
    assert ("phone", "+60167294485") in got and ("phone", "+6588261937") in got
    # a foreign city beside Chinese text says where the number is dialled
    assert ("phone", "+447956428563") in facts("这边是刘思远，07956 428 563，人在Manchester")
    # the number said not to be it is dropped
    got = facts("6023 1185（唔係 9456 0712 呀）", region="HK")
    assert ("phone", "+85260231185") in got and ("phone", "+85294560712") not in got
    # 'dollars' are the local dollars, juta are rupiah
    assert ("budget", str({"amount": 30.0, "currency": "CAD"})) in facts("budget like 30 dollars a month", region="CA")
    assert ("budget", str({"amount": 15000000.0, "currency": "IDR"})) in facts("honeymoon to Bali, budget 15 juta")
    # a bare name after a clause about someone else is theirs
    assert not any(f == "name" for f, _ in facts("帮我妈问一下白内障手术，她今年68了，叫赵桂芳"))


def test_a_number_the_staff_read_back_stays_the_customers():
    msgs = [Message("1", "c", "u1", "customer", TS, "new one is 07824 556310"),
            Message("2", "c", "s1", "staff", TS, "Just to confirm, that's 07824 556310?"),
            Message("3", "c", "u1", "customer", TS, "yes 07824556310")]
    got = {(f.message_id, f.field, f.value) for f in extract_conversation(msgs)}
    assert ("3", "phone", "+447824556310") in got


def test_rules_of_the_sixth_session():
    # a city abroad written in Chinese (GeoNames' Chinese names), and the country it dials in
    assert ("city", "Milan") in facts("我在米兰开了家中餐馆")
    msgs = [Message("1", "c", "u1", "customer", TS, "你好，我住埃因霍温，想问下房贷"),
            Message("2", "c", "s1", "staff", TS, "好的，请留个电话"),
            Message("3", "c", "u1", "customer", TS, "06 1234 5678")]
    assert ("3", "phone", "+31612345678") in {(f.message_id, f.field, f.value) for f in extract_conversation(msgs)}
    # an employer's plant abroad is cut off its name
    assert ("company", "立讯精密") in facts("张伟，在立讯精密越南厂做品质主管")
    # a numbered hospital or school is named whole
    assert ("company", "福州三中") in facts("我在福州三中教书，下午有空")
    # a message that opens with a city and one of its districts
    assert ("city", "北京") in facts("北京通州果园附近，想翻新老房")
    # a suburb of the conversation's country, read after a home cue
    assert ("city", "Brisbane") in facts("we're in Red Hill, can you come Friday?", region="AU")
    # an Australian state and postcode outrank a suburb's namesake elsewhere
    assert ("city", "Sydney") in facts("new address 5 Anzac Parade, Kensington NSW 2033")
    # currencies written before the amount or named in Chinese
    assert ("budget", str({"amount": 60000.0, "currency": "AED"})) in facts("我们的 budget 是 AED 60k 以内")
    assert ("budget", str({"amount": 250000.0, "currency": "VND"})) in facts("预算25万盾以内")
    # a name after 我叫 with no Han surname on the list
    assert ("name", "巴特尔") in facts("我叫巴特尔，电话 155 4738 2069")
    # "working as … at X" is the speaker's own role
    assert ("company", "L&T Construction") in facts("Gurpreet, 27, working as site supervisor at L&T Construction")
    # a QQ number is no phone number
    assert not any(f == "phone" for f, _ in facts("谢文涛，QQ 也行 284716395"))


def test_rules_of_the_seventh_session():
    # employers after a role or a shift, and a city's own institution named whole
    assert ("company", "浪潮") in facts("王鹏，手机15153120487，在浪潮做运维")
    assert ("company", "顺丰") in facts("我在郑州给顺丰送快递的")
    assert ("company", "西安市公安局雁塔分局") in facts("行，我在西安市公安局雁塔分局上班")
    # a town's own school is named from its town
    assert ("company", "紫阳镇中心小学") in facts("我叫程丽萍，上饶婺源县紫阳镇中心小学的数学老师")
    # a prefecture city wins over another city's district of that name
    assert ("city", "大同") in facts("我在同煤集团矿上干活，家就在大同左云")
    # a business trip says where home is
    assert ("city", "遵义") in facts("房间有烟味，投诉！我是从遵义过来出差的")
    # a comma signature whose last line is the firm
    got = facts("Kind regards, Eleanor Whitfield, Practice Manager, Didsbury Dental Care")
    assert ("company", "Didsbury Dental Care") in got and ("name", "Eleanor Whitfield") in got
    # a name at a sentence's start before a title, after a greeting with its addressee
    assert ("name", "Amaka Eze") in facts("I need 2,000 folders for my clinic. Dr. Amaka Eze, Medical Director, CareFirst Family Clinic")
    assert ("name", "Huang Zhiwei") in facts("I want to cancel my NBN, account is under Huang Zhiwei")
    # a move says home over a workplace's town
    got = facts("I moved to Manchester for a job at the BBC in Salford")
    assert ("city", "Manchester") in got and ("city", "Salford") not in got
    # an estate's numbered street, as Singapore writes it
    assert ("city", "Singapore") in facts("ya Tampines St 81. my company DBS will claim")
    # someone else's number, named or pointed at, and the front desk's
    assert ("phone", "+8613962117788") not in facts("我的是 177-1234-8890，顾晨的电话是13962117788")
    assert not any(f == "phone" for f, _ in facts("(0755)86013388是公司前台"))
    # a mistyped mailbox is dropped, a corrected one kept
    assert ("email", "ahmed.qureshi@hotmail.com") in facts("0300 1234567, ahmed.qureshi@hotmail.con sorry .com")
    # a small monthly limit after 'up to'
    assert ("budget", str({"amount": 25.0, "currency": "CAD"})) in facts("Ok I can do up to 25 a month", region="CA")


def test_rules_of_the_eighth_session():
    """Each case failed with the rules the eighth session started from (commit bedda5a)."""
    assert ("company", "中石油") in facts("天津滨海新区于家堡，我是中石油的，王磊")
    assert ("company", "饿了么") in facts("手机充不进电，我是饿了么骑手，在南昌红谷滩跑单")
    assert ("company", "宁夏大学") in facts("想开个工资卡，刚入职宁夏大学当辅导员，在银川")
    assert ("company", "广西北部湾银行") in facts("老家广西百色的，现在在南宁上班，广西北部湾银行")
    assert ("company", "中联重科") in facts("罗志勇，手机13787310526，工作日白天在中联重科上班")
    assert ("company", "苏州青木电子商务有限公司") in facts("冯雪｜苏州青木电子商务有限公司 运营主管｜181 1264 3370｜fengxue@qingmu-ec.com")
    assert ("phone", "+821048271935") in facts("010-4827-1935，只能晚上7点后哦")
    assert not any(f == "phone" for f, _ in facts("啊对，下单用的是13899120485，我老婆的手机"))
    assert ("city", "常德") in facts("想申请融e借，我在市税务局上班，湖南常德，我叫彭宇航")
    assert ("city", "New York") in facts("你好，我住法拉盛，想咨询绿卡续期")
    got = facts("我哋一家下個月移民去曼城，而家住將軍澳，想問海運搬屋幾錢")
    assert ("city", "Manchester") in facts("住曼城Fallowfield") and ("city", "Manchester") not in got and ("city", "香港") in got
    assert ("city", "Round Rock") in facts("512-867-3321, text is better. im in round rock so can come by sat")
    assert ("city", "Norwich") in facts("I'm a dental hygienist at Bupa in Norwich so weekdays after 4")
    assert ("city", "Decatur") in facts("need a quote, moving from Decatur to Marietta on Nov 14")
    assert ("city", "Regina") in facts("we're moving to Calgary next month from Regina")
    assert ("city", "Henderson") in facts("hi looking for weekly pool service, we just moved to Henderson from Reno")
    assert ("city", "Columbus") in facts("delivery to 2217 Oakwood Ave Columbus OH 43206 please.")
    assert ("city", "Mombasa") in facts("I'm a nurse at Coast General so I'll come after shift. I live Nyali")


def test_rules_of_the_ninth_session():
    """Each case failed with the rules the ninth session started from (commit 58ab8d4)."""
    # small towns named in passing, after the ways people say where they live
    assert ("city", "Methven") in facts("Hi, I want a library card. I am working on a dairy farm near Methven. My name Yang Fan")
    assert ("city", "Comrie") in facts("hiya, do you stock log splitters? we're just outside Comrie")
    assert ("city", "Burwell") in facts("might work if you take my trade. Its Kurt Wolfe, we're up by Burwell")
    assert ("city", "Pipestone") in facts("Hi, I am Gao Peng, my son just started 3rd grade. We live here in Pipestone.")
    assert ("city", "Grunthal") in facts("We're out near Grunthal, RM of Hanover. I'm Karen Friesen")
    assert ("city", "Dublin") in facts("Renting in Clondalkin at the moment, we both work in the city centre")
    # a county and its towns give the prefecture city
    assert ("city", "宿州") in facts("别太贵，骨灰盒加车费总共三千以内。我们是砀山县良梨镇的")
    assert ("city", "阜阳") in facts("电话我不太会用，打俺侄子电话吧 17856234019，俺是临泉县的")
    assert ("city", "周口") in facts("我叫李得旺，郸城县汲冢镇王庄村三组的")
    assert ("city", "成都") in facts("罗德华，我是郫都区唐昌镇的")
    # where the firm is is not its name
    assert ("company", "宏达罐头厂") in facts("我是他儿子，叫吴长江，在县城宏达罐头厂上班")
    assert ("company", "红星砖厂") in facts("我今年22，在老家红星砖厂干活")
    # shifts and work for a firm, in English
    assert ("company", "Central Valley Ag") in facts("308-346-5187. I'm at Central Valley Ag till 5. and I'm 52")
    assert not any(f == "city" for f, _ in facts("I'm at Central Valley Ag till 5. and I'm 52"))
    assert ("company", "Viterra") in facts("my number's 306 587 2214. I haul for Viterra in the winter so evenings only")
    assert ("company", "Comrie Croft") in facts("Fiona McLaren, 07968 554 120, I do the books for Comrie Croft so I'm about")
    assert ("company", "Galway County Council") in facts("Ciarán Byrne. Been with Galway County Council 8 yrs")
    assert ("company", "TCS") in facts("Rahul Verma this side. I am working in TCS, Hinjewadi phase 2")
    # budgets
    assert ("budget", str({"amount": 650000.0, "currency": "AUD"})) in facts("想买两房的apartment，预算65万澳左右")
    assert not any(f == "budget" and "700000" in v for f, v in facts("I get off at 2 so perfect. keep it under 70 w tip pls"))


def test_more_rules_of_the_ninth_session():
    """Each case failed with the rules the ninth session started from (commit 58ab8d4)."""
    # neighbourhoods and areas people name instead of their city
    assert ("city", "Cardiff") in facts("Rhys Llewellyn. I'm in Roath, just off City Road")
    assert ("city", "Birmingham") in facts("Hello, 1 bed near Snow Hill, max £1,100 per month. I'm in Selly Oak now")
    assert ("city", "London") in facts("Sophie Adeyemi, 07823 415906. We're over Walthamstow way already")
    assert ("city", "北京") in facts("想找个住家阿姨带娃，孩子刚满一岁，我们住天通苑东三区")
    assert ("city", "长沙") in facts("我们家在梅溪湖那边，新房毛坯140平，硬装预算二十万")
    assert ("city", "Jaipur") in facts("Sunita Agarwal, we are in Malviya Nagar, Jaipur. I am govt teacher")
    # an area is no employer; a firm may carry one in its registered name
    assert not any(f == "company" for f, _ in facts("想咨询下种牙，我就在江北嘴上班，午休过来方便吗"))
    assert ("company", "美图") in facts("租房，我在软件园二期美图上班，想找环岛路附近的一房")
    assert ("company", "华为") in facts("我在华为松山湖上班，想试驾M7")
    # employers
    assert ("company", "State Farm") in facts("text me at 602.318.4477. I'm a claims adjuster w/ State Farm")
    assert ("name", "State Farm") not in facts("text me at 602.318.4477. I'm a claims adjuster w/ State Farm")
    assert ("company", "Rio Tinto") in facts("need new tyres before I fly back up north, I'm FIFO with Rio Tinto")
    assert ("company", "Google") in facts("Ciara Dunne, 01 497 2250. I work in Google on the docks so lunchtimes are best")
    assert ("company", "Safaricom") in facts("0722 384 519. I'm Safaricom staff btw so we have a small cover")
    assert ("company", "网易游戏") in facts("首套，我跟女朋友明年结婚，我在网易游戏")
    assert ("company", "菊厂") in facts("黄志强，13826571093，我跟老婆两个人住，都是菊厂的")
    assert ("company", "荣记茶餐厅") in facts("铺头叫荣记茶餐厅，地址广州市荔湾区龙津西路128号")
    # budgets, phones
    assert ("budget", str({"amount": 1500.0, "currency": "GBP"})) in facts("we've got £1,500 set aside for it honestly")
    assert ("budget", str({"amount": 120000.0, "currency": "INR"})) in facts("we can do upto 1.2 lakh")
    assert ("budget", str({"amount": 500000.0, "currency": "KRW"})) in facts("预算50만원")
    assert not any(f == "phone" for f, _ in facts("TFN 459 882 113，身份证500103198508294171", region="AU"))
    assert [v for f, v in facts("周明杰 06-12345678 哦不 是 06-12345687") if f == "phone"] == ["+886612345687"]
    assert ("city", "Tempe") in facts("moving my 2br apt in Tempe to a house in Mesa on the 31st")
    assert ("city", "Boise") in facts("me and my hubby are in Boise, North End. 6 grand tops")


def test_what_the_ninth_sessions_rules_leave_alone():
    """Held before those rules and still hold: their cues do not reach these."""
    assert ("company", "Irving") not in facts("I'm at Irving till 4")  # a town of the tables is not read as a firm
    assert not any(f == "company" for f, _ in facts("I'm Chen Yuting, Chinese national working in KL"))
    assert ("budget", str({"amount": 60000.0, "currency": "CNY"})) in facts("贵了点，俺预算6个w，能拿下不")
    assert ("company", "美兰机场") in facts("想租个两房，每月3000以内，我在美兰机场上班")  # an airport among the areas stays an employer
    assert ("company", "Deakin Uni") in facts("我住 Box Hill，在 Deakin Uni 做 lecturer，email lan.xu@deakin.edu.au")


def test_a_small_town_is_read_in_the_conversations_country():
    text = "after a quote for a new woolshed roof. We live in Amberley, farm's just out of town"
    msgs = [Message("1", "c", "s1", "staff", TS, "Kia ora, Rural Roofing NZ here"),
            Message("2", "c", "u1", "customer", TS, text)]
    assert ("city", "Amberley") in {(f.field, f.value) for f in extract_conversation(msgs)}  # Canterbury's
    assert ("city", "Cincinnati") in facts(text)  # no country known: the most populous Amberley, a suburb of Cincinnati


def test_the_clause_after_ones_work_passes_the_shared_employer_checks():
    assert ("company", "罗氏制药") in facts("我叫沈佳怡，在浦东张江上班，罗氏制药的")
    for text in ("我在上海上班，我们公司", "我在上海上班，公司", "我在上海上班，一家公司"):
        assert not any(f == "company" for f, _ in facts(text)), text
