"""Demo part: chats (Chinese and English) in which demo customers mention facts about themselves,
with the traps real chats have (staff numbers, a spouse's number, an invalid ID number, relative
dates), group-chat messages, business-card images, customer operations, tags and notes; then the
extractor runs and some suggestions are reviewed so the pane shows history.

Images are rendered with Pillow into the workspace's media folder (``<workspace>.media/profiles``
beside a SQLite file, the user data folder for PostgreSQL; see ``engine.profiles.media``) and the
messages store paths relative to it, so the same seed gives the same rows and the same pictures.
Images are read (OCR) on demand, not while the demo is built.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import select

from engine.demo.common import CN_CITIES, CN_GIVEN, CN_SURNAMES, DEMO_EPOCH, EN_CITIES, EN_FIRST, EN_LAST
from engine.profiles.extract import Message
from engine.profiles.media import media_root
from engine.profiles.parse import make_id_number
from engine.profiles.service import bulk_insert, extract_messages, message_rows, refresh_summaries, store_facts
from engine.progress import NO_STATE, TaskState
from engine.store.models.chat import Message as MessageRow
from engine.store.models.people import Customer, Friendship, GroupMember, Staff
from engine.store.models.profiles import CustomerNote, CustomerOperation, CustomerTag, ProfileField, ProfileHistory

SIZES = {"small": {"chatty": 300, "cards": 8, "groups": 40}, "large": {"chatty": 12_000, "cards": 30, "groups": 600}}
CN_COMPANIES = ["华为技术有限公司", "招商银行", "腾讯科技有限公司", "比亚迪股份有限公司", "顺丰速运有限公司",
                "万科集团", "中国平安保险公司", "美团点评公司", "小米科技有限公司", "阿里巴巴集团"]
CN_TITLES = ["销售总监", "产品经理", "软件工程师", "财务经理", "设计师", "医生", "老师", "项目经理"]
EN_COMPANIES = ["DBS Bank", "Acme Corp", "Shopee", "Standard Chartered", "Grab", "Wilson Group", "Atlassian"]
EN_TITLES = ["product manager", "software engineer", "teacher", "nurse", "data analyst", "sales manager"]
CN_BUDGET = [("五十万", 500_000), ("30w", 300_000), ("20万", 200_000), ("¥800,000", 800_000), ("一百万", 1_000_000)]
EN_BUDGET = [("50k", 50_000), ("$20,000", 20_000), ("30k", 30_000), ("$100,000", 100_000)]
CN_INTERESTS = ["钓鱼", "旅游", "健身", "摄影", "看书", "打篮球", "理财", "做饭"]
EN_INTERESTS = ["hiking", "travel", "photography", "yoga", "cooking", "investing", "tennis"]
WEEKDAY_CN = "一二三四五六日"
WEEKDAY_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OP_KINDS = ["viewed_profile", "liked_post", "commented", "clicked_link", "transferred", "called", "purchased"]
TAGS = ["VIP", "高意向", "老客户", "需回访", "price-sensitive", "referral"]


def media_folder(session) -> Path:
    return media_root(session.get_bind().url) / "profiles"


def _mobile(rng) -> str:
    return f"1{rng.choice([3, 5, 8, 9])}{rng.integers(0, 10)}{rng.integers(0, 10**8):08d}"


class _Chat:
    def __init__(self, conv, cust, staff, start):
        self.conv, self.cust, self.staff, self.t = conv, cust, staff, start
        self.msgs: list[Message] = []

    def say(self, role, text=None, image=None, minutes=3):
        self.t += timedelta(minutes=int(minutes))
        sender = self.cust if role == "customer" else self.staff
        self.msgs.append(Message(id=f"{self.conv}-{len(self.msgs) + 1}", conversation_id=self.conv,
                                 sender_id=sender, role=role, ts=self.t, text=text, image=image))


def _cn_script(ch, rng, staff_name, i, gender="unknown"):
    name = CN_SURNAMES[rng.integers(len(CN_SURNAMES))] + CN_GIVEN[rng.integers(len(CN_GIVEN))]
    ch.say("staff", f"您好，我是{staff_name}，很高兴为您服务！请问怎么称呼您？")
    ch.say("customer", f"我叫{name}")
    ch.say("staff", f"您好！方便留个电话吗？我的工作手机是{_mobile(rng)}，有事随时找我")
    ch.say("customer", _mobile(rng))
    city, company = CN_CITIES[rng.integers(len(CN_CITIES))], CN_COMPANIES[rng.integers(len(CN_COMPANIES))]
    if rng.random() < 0.5:
        ch.say("customer", f"我在{city}，是{company}的{CN_TITLES[rng.integers(len(CN_TITLES))]}", minutes=rng.integers(2, 600))
    else:
        ch.say("customer", f"坐标{city}，我在{company}上班", minutes=rng.integers(2, 600))
    ch.say("staff", "请问您的预算大概多少？")
    text, _ = CN_BUDGET[rng.integers(len(CN_BUDGET))]
    ch.say("customer", f"预算{text}左右吧")
    ch.say("customer", f"平时喜欢{CN_INTERESTS[rng.integers(len(CN_INTERESTS))]}", minutes=rng.integers(60, 3000))
    if rng.random() < 0.3:
        spouse, pronoun = ("老婆", "她") if gender == "male" else ("老公", "他")
        ch.say("customer", f"这是我{spouse}的电话 {_mobile(rng)}，找不到我可以打{pronoun}")
    if rng.random() < 0.35:
        ch.say("customer", f"下周{WEEKDAY_CN[rng.integers(7)]}是我生日，有优惠吗")
    if rng.random() < 0.2:
        born = date(1970, 1, 1) + timedelta(days=int(rng.integers(0, 12000)))
        seq = int(rng.integers(1, 999))
        if gender in ("male", "female") and seq % 2 != (gender == "male"):
            seq += 1 if seq < 999 else -1  # the ID's 17th digit tells the holder's sex
        idn = make_id_number("110105", born, seq)
        if rng.random() < 0.3:  # a typo: the check digit no longer matches
            idn = idn[:-1] + ("0" if idn[-1] != "0" else "1")
        ch.say("customer", f"身份证号{idn}，帮我登记一下")
    if rng.random() < 0.25:
        ch.say("customer", f"我换号了，新号码是{_mobile(rng)}", minutes=rng.integers(1440, 20000))
    ch.say("customer", ["我想对比一下别家的价格", "什么时候能下单？", "上次买的坏了，我要投诉", "好的谢谢"][rng.integers(4)])


def _en_script(ch, rng, staff_name, i, gender="unknown"):
    name = f"{EN_FIRST[rng.integers(len(EN_FIRST))]} {EN_LAST[rng.integers(len(EN_LAST))]}"
    ch.say("staff", f"Hi, I'm {staff_name}. May I have your name?")
    ch.say("customer", f"Hi, my name is {name}")
    ch.say("staff", f"Nice to meet you! You can reach me at +65 9{rng.integers(0, 10**7):07d} anytime.")
    ch.say("customer", f"Thanks. My email is {name.lower().replace(' ', '.')}@example.com")
    city = EN_CITIES[rng.integers(len(EN_CITIES))]
    ch.say("customer", f"I live in {city} and work at {EN_COMPANIES[rng.integers(len(EN_COMPANIES))]} as a "
                       f"{EN_TITLES[rng.integers(len(EN_TITLES))]}", minutes=rng.integers(2, 600))
    ch.say("staff", "What budget do you have in mind?")
    ch.say("customer", f"budget is around {EN_BUDGET[rng.integers(len(EN_BUDGET))][0]}")
    ch.say("customer", f"I love {EN_INTERESTS[rng.integers(len(EN_INTERESTS))]}", minutes=rng.integers(60, 3000))
    if rng.random() < 0.3:
        spouse = "husband" if gender == "female" else "wife"
        ch.say("customer", f"my {spouse}'s number is +65 8{rng.integers(0, 10**7):07d} if I don't pick up")
    if rng.random() < 0.35:
        ch.say("customer", f"next {WEEKDAY_EN[rng.integers(7)]} is my birthday!")
    ch.say("customer", ["Can you compare this with the Pro model?", "I'd like to place an order",
                        "The last one broke, I want a refund", "ok thanks"][rng.integers(4)])


def populate(session, *, seed: int, scale: str, state: TaskState = NO_STATE) -> dict[str, int]:
    rng = np.random.default_rng(seed)
    size = SIZES[scale]
    customers = session.execute(select(Customer.id, Customer.nickname, Customer.gender).order_by(Customer.id)).all()
    if not customers:
        return {}
    friends = {}
    for sid, cid in session.execute(select(Friendship.staff_id, Friendship.customer_id).order_by(Friendship.id)):
        friends.setdefault(cid, []).append(sid)
    staff_names = dict(session.execute(select(Staff.id, Staff.name)).all())
    picks = rng.choice(len(customers), size=min(size["chatty"], len(customers)), replace=False)
    folder = media_folder(session)
    messages: list[Message] = []
    card_budget = size["cards"]
    for n, k in enumerate(sorted(picks)):
        cid, nick, gender = customers[k]
        staff_ids = friends.get(cid) or [sorted(staff_names)[0]]
        chinese = any("\u4e00" <= ch <= "\u9fff" for ch in (nick or ""))
        for j, sid in enumerate(staff_ids[:2]):
            start = DEMO_EPOCH - timedelta(days=int(rng.integers(3, 90)), minutes=int(rng.integers(0, 1440)))
            ch = _Chat(f"dm-{cid}-{sid}", cid, sid, start)
            if j == 0:
                (_cn_script if chinese else _en_script)(ch, rng, staff_names.get(sid, sid), n, gender)
                if card_budget > 0:
                    card_budget -= 1
                    _card(folder, rng, chinese, f"card-{cid}.png", seed + n)
                    ch.say("customer", None, f"profiles/card-{cid}.png")  # relative to the media folder
            else:
                ch.say("customer", "在吗？上次那个还有货吗" if chinese else "Hi, is the offer still on?")
                ch.say("staff", "有的，给您留着" if chinese else "Yes, I kept one for you.")
                ch.say("customer", "好的，谢谢" if chinese else "Great, thanks!")
            messages += ch.msgs
        if n % 200 == 0:
            state.check()
            state.set_progress(0.4 * n / len(picks), "demo chats")
    if messages:  # one broken attachment shows a per-message error
        bad = folder / "broken.png"
        bad.parent.mkdir(parents=True, exist_ok=True)
        bad.write_bytes(b"not really a png")
        first = next(m for m in messages if m.role == "customer")
        messages.append(Message(id=f"{first.conversation_id}-bad", conversation_id=first.conversation_id,
                                sender_id=first.sender_id, role="customer", ts=first.ts + timedelta(minutes=1),
                                image="profiles/broken.png"))
    # group chat messages: customers in groups chatting with the group's staff
    members = session.execute(select(GroupMember.group_id, GroupMember.member_id, GroupMember.member_kind)
                              .order_by(GroupMember.group_id, GroupMember.member_id)).all()
    by_group: dict[str, list] = {}
    for g, m, kind in members:
        by_group.setdefault(g, []).append((m, kind))
    for g in sorted(by_group)[:size["groups"]]:
        t = DEMO_EPOCH - timedelta(days=int(rng.integers(1, 60)))
        for j in range(int(rng.integers(3, 9))):
            m, kind = by_group[g][rng.integers(len(by_group[g]))]
            t += timedelta(minutes=int(rng.integers(1, 120)))
            text = ["大家好", "这个活动什么时候结束？", "我在深圳，周末可以去门店吗", "Thanks for sharing!",
                    "已下单", "求链接"][rng.integers(6)]
            messages.append(Message(id=f"gm-{g}-{j}", conversation_id=g, sender_id=m,
                                    role="customer" if kind == "customer" else "staff", ts=t, text=text, group_id=g))
    rows = message_rows(messages)
    bulk_insert(session, MessageRow, rows)
    state.set_progress(0.5, "demo messages stored")
    facts, _errors = extract_messages(messages, ocr=False, parallel=False, state=NO_STATE)
    n_facts = store_facts(session, messages, facts, at=DEMO_EPOCH)
    state.set_progress(0.8, "demo suggestions")
    _review(session, rng, [customers[k][0] for k in sorted(picks)])
    ops = _operations(session, rng, [customers[k][0] for k in sorted(picks)], friends)
    refresh_summaries(session, [c[0] for c in customers], at=DEMO_EPOCH)
    state.set_progress(1.0, "demo profiles")
    return {"profile_messages": len(rows), "profile_suggestions": n_facts, "customer_operations": ops}


def _card(folder: Path, rng, chinese: bool, name: str, seed: int) -> Path:
    from engine.profiles.cards import render_card

    if chinese:
        person = CN_SURNAMES[rng.integers(len(CN_SURNAMES))] + CN_GIVEN[rng.integers(len(CN_GIVEN))]
        lines = [person, CN_TITLES[rng.integers(len(CN_TITLES))], CN_COMPANIES[rng.integers(len(CN_COMPANIES))],
                 f"手机：{_mobile(rng)}", f"邮箱：user{rng.integers(1000, 9999)}@163.com",
                 f"地址：{CN_CITIES[rng.integers(len(CN_CITIES))]}市南山区科技园路{rng.integers(1, 300)}号"]
    else:
        person = f"{EN_FIRST[rng.integers(len(EN_FIRST))]} {EN_LAST[rng.integers(len(EN_LAST))]}"
        lines = [person, EN_TITLES[rng.integers(len(EN_TITLES))].title(), EN_COMPANIES[rng.integers(len(EN_COMPANIES))],
                 f"Mobile: +65 9{rng.integers(0, 10**7):07d}", f"Email: {person.split()[0].lower()}@example.com"]
    return render_card(lines, folder / name, seed=seed)


def _review(session, rng, customer_ids) -> None:
    """Staff accept most confident suggestions of some customers, reject a few, tag and note."""
    t = DEMO_EPOCH
    rows = session.execute(select(ProfileField.id, ProfileField.customer_id, ProfileField.field,
                                  ProfileField.display, ProfileField.confidence)
                           .where(ProfileField.customer_id.in_(customer_ids[: len(customer_ids) // 2]))
                           .order_by(ProfileField.id)).all()
    accepted, hist = [], []
    for fid, cid, field, disp, conf in rows:
        if conf >= 0.85 and rng.random() < 0.7:
            accepted.append(fid)
            hist.append({"customer_id": cid, "field_id": fid, "field": field, "action": "accept",
                         "old_value": "suggested", "new_value": disp, "by": "s000", "at": t})
    if accepted:
        from sqlalchemy import update

        session.execute(update(ProfileField).where(ProfileField.id.in_(accepted))
                        .values(status="accepted", updated_by="s000", updated_at=t))
    bulk_insert(session, ProfileHistory, hist)
    tags, notes = [], []
    for cid in customer_ids:
        for tag in rng.choice(TAGS, size=int(rng.integers(0, 3)), replace=False):
            tags.append({"customer_id": cid, "tag": str(tag), "added_by": "s000", "added_at": t})
        if rng.random() < 0.2:
            notes.append({"customer_id": cid, "text": ["周末方便联系", "prefers WeChat voice calls",
                                                       "对价格敏感，优先推荐活动款"][rng.integers(3)],
                          "author": "s001", "created_at": t, "version": 1})
    bulk_insert(session, CustomerTag, tags)
    bulk_insert(session, CustomerNote, notes)


def _operations(session, rng, customer_ids, friends) -> int:
    rows = []
    for cid in customer_ids:
        staff = friends.get(cid) or [None]
        for _ in range(int(rng.integers(0, 9))):
            kind = OP_KINDS[rng.integers(len(OP_KINDS))]
            rows.append({"customer_id": cid, "staff_id": staff[rng.integers(len(staff))], "kind": kind,
                         "ts": DEMO_EPOCH - timedelta(days=float(rng.uniform(0, 60))),
                         "amount": float(rng.integers(1, 200)) * 100 if kind in ("transferred", "purchased") else None,
                         "detail": {"clicked_link": "promo page", "liked_post": "moments post"}.get(kind)})
    bulk_insert(session, CustomerOperation, rows)
    return len(rows)
