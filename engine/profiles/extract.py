"""Rule-based extraction of canonical profile fields from one customer's messages.

Each rule finds a candidate with its span, then two checks decide whether it is a fact about the
customer: the sender must be the customer (staff messages only give context: "what is your
phone?"), and the sentence must not attribute it to someone else ("my wife's number is …").
Rules, confidences and word lists are documented in docs/profiles.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from engine.profiles import lexicon as L
from engine.profiles import parse as P
from engine.profiles.keywords import scan


@dataclass(frozen=True, slots=True)
class Fact:
    field: str
    value: object  # str | int | {"amount": float, "currency": str}
    display: str
    confidence: float
    start: int  # span in the message text (OCR text for images)
    end: int
    message_id: str = ""
    source: str = "text"  # text | image | qr


@dataclass(slots=True)
class Message:
    id: str
    conversation_id: str
    sender_id: str
    role: str  # staff | customer
    ts: datetime
    text: str | None = None
    image: str | None = None
    group_id: str | None = None
    customer_id: str | None = None


CN_CITY_SET = frozenset(L.CN_CITIES)
EN_TITLE_SET = frozenset(t.lower() for t in (*L.EN_TITLES, "ceo", "cfo", "cto", "coo", "md", "boss", "owner", "founder"))
CN_TITLE_SET = frozenset(L.CN_TITLES)
THIRD_PARTY_CN_SET = frozenset(L.THIRD_PARTY_CN)
CITY_BY_LOWER = {c.lower(): c for c in L.CITY_REGION}


def _alt(words) -> str:
    """One regular expression for a word list, as a trie (retrie): Python's ``re`` tries the
    branches of a plain alternation one by one, a trie's branches by their first character."""
    from retrie.trie import Trie

    words = list(words)
    pattern = Trie(*words).pattern()
    if len(words) < 20:
        return pattern
    # a set of first characters is one table lookup: most positions fail there at once
    first = "".join(sorted({re.escape(w[0]) for w in words if w}))
    return f"(?=[{first}]){pattern}"


SENT_END = re.compile(r"[。！？!?；;\n]|(?<!\bno)(?<!\bNo)(?<!\btel)(?<!\bTel)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bSt)\.(?:\s|$)")
CLAUSE_END = re.compile(r"[，,。！？!?；;\n]")
THIRD_RX = re.compile(rf"(?:{_alt(L.THIRD_PARTY_CN)})|我们(?:的)?(?:主管|部长|处长|科长|主任|院长|总监|经理|老总|领导|老板|财务|会计|行政|法人)|"
                      rf"\b(?:{_alt(L.THIRD_PARTY_EN)})\b|\b(?:my|our|the) (?:[a-z]+ )?(?:accountant|bookkeeper|FD|MD|CEO|CFO|COO|"
                      rf"director|lawyer|solicitor|caretaker|landlord|tenant|cleaner|nanny|driver|(?:office|finance|operations|site) manager|analyst|intern|deputy|guy|girl|"
                      rf"managing partner)\b|\b(?:hers|theirs)\b|\bmy employer,?\s+(?:Mrs|Mr|Ms|Madam|Mdm|Sir)\b", re.I)
POSSESSIVE_AFTER = re.compile(r"\s*(?:的|嘅|'s|’s|电话|手机|号码|邮箱|微信|地址|number|phone|email|address|"
                              r"contact|是|is|:|：)", re.I)
SELF_RX = re.compile(rf"(?:{_alt(L.SELF_CN)})|我|\b(?:my own|mine|my|i am|i'm|me|i|we|we're)\b|\b(?-i:us)\b", re.I)  # ("we" holds the writer, as 我们 does)
SPEAKER_ROLE_BEFORE = re.compile(r"(?:我是|我[^，,。！？]{0,10}?(?:做|当)|(?<![a-z])(?:i'm|i am|im|(?:i )?work(?:ing)? as|i'm working as)\s+)(?:他|她|孩子的?|宝宝的?|(?:his|her|their|the kid's)\s+|"
                                 r"(?:an?|the)\s+(?:[a-z]+\s+){0,2}|[\u4e00-\u9fffA-Za-z ]{1,16})?$", re.I)
JOINT_BEFORE = re.compile(r"(?:我和|我跟|我与|我同|(?:^|(?<=[，,。\s]))(?:而家|现在|宜家|目前|平时|一直)?(?:同|跟|和)|(?<![a-z])me (?:and|&|n) |\bi \w+(?: it)? with )(?:我的?|my )?$", re.I)
JOINT_AFTER = re.compile(r"(?:和我|跟我|\s+and (?:i|me)\b)", re.I)
CONTACT_LABEL = re.compile(r"\s*(?:电话|手机|号码|联系方式|phone|number|tel)", re.I)
OWNED_AFTER = re.compile(rf"\s*[，,—–-]*\s*(?:wait,?\s+|sorry,?\s+)?(?:这个|这|那个|that|this|it)?\s*(?:是|系|係|is|was|'s|belongs to)\s*(?:我|my)?\s*(?:late\s+|ex-?\s*)?(?:你的|您的|yours\b|your\b|{_alt(L.THIRD_PARTY_CN)}|"
                         rf"(?:{_alt(L.THIRD_PARTY_EN)})\b)(?!帮我|给我|替我|幫我)", re.I)  # ("是朋友帮我办的": mine, a friend got it)
SELF_OWNED_AFTER = re.compile(r"\s*[，,]?\s*(?:是我的|係我嘅|系我嘅|是我自己的|is mine\b|are mine\b)", re.I)
# "371302…0822 孩子的", "6177 2083 係我朋友嘅": a value followed by whose it is
OWNER_AFTER_CN = re.compile(rf"\s*[，,]?\s*(?:是|系|係)?\s*我?(?:{_alt(L.THIRD_PARTY_CN)})(?:的|嘅)(?![\u4e00-\u9fff]|\s*[\d+])|"
                            r"\s*[，,]\s*(?:他|她)(?:的)?(?:户口|户籍|身份证|老家)")  # "5201…，他户口还在贵阳": his
# "Ben's number is …", "send the papers to Karen, karen@…", "ringing Greg on …", "she's on …", "(pls cc …)"
OWNER_NAMED_BEFORE = re.compile(r"(?:\b(?:to|ring|call|text|ringing|calling|try|cc)\s+(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?(?:\s+(?:on|at))?[,:]?|"
                                r"(?-i:[A-Z][a-z]+)['’]s\s+(?:own\s+)?(?:(?:mobile|cell|phone|home)\s+)?(?:number|mobile|cell|phone|email|e-mail|no\.?)(?:\s+is)?[:：]?|"
                                r"\b(?:she|he)(?:'s|’s| is|s(?= on\b))(?:\s+(?:on|at))?|(?-i:[A-Z][a-z]{2,})['’]s(?=\s*$)|(?-i:[A-Z][a-zA-Z]+)['’]s(?:\s+is|:)|\b(?:pls\s+|please\s+|and\s+)?cc:?|"
                                r"(?-i:[A-Z][a-z]+)(?: [\w']+){0,4}? (?:is|'s) (?:on|at))\s*$", re.I)

HEDGE_RX = re.compile(r"可能|也许|大概是|好像|maybe|perhaps|probably|i think", re.I)
CJK_RX = re.compile(r"[\u4e00-\u9fff]")


THIRD_LABEL = re.compile(r"(?:他|她|佢)(?:的|嘅|现在的|现在|系|是)?[\u4e00-\u9fff]{0,3}?(?:身份证号?|证件号|电话|手机号?|号码|号|邮箱|微信)"
                         r"\s*(?:是|系|係|:|：)?\s*$|(?:^|(?<=[\s，,。]))(?:他|她|佢)(?:是|系|係)\s*$|(?:他|她|佢)(?:的|嘅)?\s*(?i:email|e-mail|mail|whatsapp|wa)\s*(?:是|系|係|:|：)?\s*$|"
                         r"[\u4e00-\u9fff](?:生|太|先生|小姐|女士|总|經理|经理|老师|老師)(?:的|嘅)?(?:电话|電話|手机|手機|号码|號碼|邮箱|微信)\s*(?:是|系|係|:|：)?\s*$|(?:^|(?<=[\s，,。]))(?:他|她|佢)(?:的|嘅)?(?:是|系|係)?\s*$")  # "我3702… 她3702…", "佢嘅係6651…"
LABEL_ONLY = re.compile(r"(?:屋企|家里|家|住宅|公司|办公室|(?i:home|work|office)\s*)?(?:身份证号?|证件号|电话|手机号?|号码|号|邮箱|微信|(?i:phone|mobile|cell|number|email|id|hp|h/p|tel|mob))(?:是|:)?")
OTHERS_POSSESSIVE = re.compile(r"\s*(?:(?i:her|his|their)\b|她的|他的|佢嘅)")
SUBJECT_OTHER = re.compile(r"\s*(?:他|她|佢|他们|她们|佢哋|(?i:he|she|they)\b)(?!\s*(?:说|讲|问|said|says|asked))")


def _last_end(rx: re.Pattern, text: str, pos: int) -> int:
    """Where the last match of ``rx`` before ``pos`` ends (0 when there is none): the start of
    the sentence or clause that ``pos`` is in."""
    return max((m.end() for m in rx.finditer(text, 0, pos)), default=0)


def _third_parties(segment: str) -> list[re.Match]:
    """Third-party words in ``segment`` that are not the speaker's own role ("我是他妈妈")."""
    return [m for m in THIRD_RX.finditer(segment) if not SPEAKER_ROLE_BEFORE.search(segment, 0, m.start())
            and not _own_job_word(segment, m)]


def _own_job_word(window: str, m: re.Match) -> bool:
    """A third-party word that is part of the speaker's own job: "在中興大學當行政助理",
    "宁波银行 客户经理", "Yes, admin assistant at NHS Lothian"."""
    if re.search(r"(?:当|做|任|係|是)[\u4e00-\u9fff]{0,3}$", window[max(0, m.start() - 5):m.start()]) and CN_TITLE_SET.intersection(
            window[m.start() - k:m.end()] for k in range(0, 4) if m.start() >= k):
        return True
    return m.group() == "客户" and window.startswith(("经理", "代表", "专员", "总监", "主管", "服务"), m.end())


OTHER_SUBJECT_CLAUSE = re.compile(r"\s*(?:她|他|佢)(?:现在|目前|今年|也|还|一直)?(?:在|住|喺)|\s*(?i:she|he|they)(?:'s|’s| is| are|'re| works?| was)\b")
NAMED_CLAUSE = re.compile(r"\s*(?:叫|名叫|名字叫)?\s*")  # what may lead a bare name in its clause
OTHER_IS_BEFORE = re.compile(rf"(?<!我)(?:是|系)(?:我的?)?(?:{_alt(L.THIRD_PARTY_CN)})[，,\s]*$")
THIRD_ALONE = re.compile(rf"\s*(?:我的?|我们)?(?:{_alt(L.THIRD_PARTY_CN)})的?\s*[，,：:]?\s*")
OWN_CLAUSE_LABEL = re.compile(r"(?:发|或者|或|也可以|还有)\s*(?:我的?)?(?:邮箱|电话|手机|微信|email|e-mail)\s*[:：]?\s*$", re.I)


OTHER_NAMED_CLAUSE = re.compile(r"\s*(?:他|她|佢)(?:叫|是|系)\s*[\u4e00-\u9fffA-Za-z ]{2,12}?\s*[，,]?\s*(?:电话|手机|号码|[:：])?\s*$")
NAMED_OWNER_CN = re.compile(r"(?:^|(?<=[，,。\s]))(?:([\u4e00-\u9fff]{2,3})|([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*)的(?:电话|手机号?|号码|微信|邮箱)(?:号码)?(?:是|为|[:：])?\s*$")
PREDICATE_ONLY = re.compile(r"(?i:is|'s|are|can be reached|is reachable)\s+(?i:on|at)")
ROLE_AT_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:at|with)\s+$")
POSSESSOR_BEFORE = re.compile(r"\b(?:my|our|his|her|their|the)\s+(?:[a-z]+\s+)?$|['’]s\s+(?:[a-z]+\s+)?$", re.I)


def belongs_to_customer(text: str, start: int, end: int, *, contact: bool = False) -> bool:
    """False when the sentence around ``text[start:end]`` attributes it to a third party.

    ``contact``: the value is a contact detail, which someone owns; standing alone in its clause
    it continues the clause before it ("cc my husband too, tom@…").
    """
    window = text[_last_end(SENT_END, text, start):start]
    clause_start = _last_end(CLAUSE_END, window, len(window))
    third = -1
    bare_label = CONTACT_LABEL.match(window, clause_start) is not None
    # "打我爱人电话吧 139…，或者发邮箱 yu@…": a contact labelled in its own clause is read in that clause
    own_label = OWN_CLAUSE_LABEL.search(window, clause_start) is not None
    if contact and (not window[clause_start:].strip() or LABEL_ONLY.fullmatch(window[clause_start:].strip())):
        prev_start = _last_end(CLAUSE_END, window, max(0, clause_start - 1))
        prev = window[prev_start:clause_start]
        for _ in range(2):  # "Tom Bailey, tom.bailey@…, 020 7116 1000": past the other contacts to their owner
            if prev_start == 0 or not CONTACT_ONLY.fullmatch(prev.strip(" ,，;；")):
                break
            clause_start, prev_start = prev_start, _last_end(CLAUSE_END, window, max(0, prev_start - 1))
            prev = window[prev_start:clause_start]
        if SUBJECT_OTHER.match(prev) or OTHERS_POSSESSIVE.match(prev):
            return False  # ("her ID 3301…, hp 9786 2234": hers too)
        third_prev = [m for m in _third_parties(prev)  # "我和老公…": a clause about both is the customer's too
                      if not (JOINT_BEFORE.search(prev, 0, m.start()) or JOINT_AFTER.match(prev, m.end()))]
        if third_prev and third_prev[-1].start() >= max((m.start() for m in SELF_RX.finditer(prev)), default=-1):
            return False
    if contact and PREDICATE_ONLY.fullmatch(window[clause_start:].strip()):
        thirds = _third_parties(window)  # "My PA, Blessing, is on 0805 …": the clause goes on about the PA
        if thirds and thirds[-1].start() >= max((m.start() for m in SELF_RX.finditer(window)), default=-1):
            return False
    for m in THIRD_RX.finditer(window):
        if SPEAKER_ROLE_BEFORE.search(window, 0, m.start()):
            continue  # "我是他妈妈" / "I'm her dad": the speaker's own role, not someone else
        if JOINT_BEFORE.search(window, 0, m.start()) or JOINT_AFTER.match(window, m.end()):
            continue  # "我和我对象都在长沙", "my wife and I": a fact about both includes the customer
        if ROLE_AT_AFTER.match(window, m.end()) and not POSSESSOR_BEFORE.search(window, max(clause_start, m.start() - 12), m.start()):
            continue  # "Yes, admin assistant at NHS Lothian": the speaker's own job
        if _own_job_word(window, m):
            continue
        in_clause = m.start() >= clause_start
        if in_clause or bare_label or (POSSESSIVE_AFTER.match(window, m.end()) and not (contact and own_label)):
            third = m.start()
    if contact and SELF_OWNED_AFTER.match(text, end):
        return True  # "电话 180 8012 6539 是我的"
    if contact and OTHER_NAMED_CLAUSE.match(window, clause_start):
        return False  # "他叫程亮 18956402876": his
    named = NAMED_OWNER_CN.search(window, clause_start) if contact else None
    if named and (named.group(2) or (_cn_name(named.group(1), 0) or ("", 0))[1] == len(named.group(1))):
        return False  # "顾晨的电话是 139…", "Lucy 的电话 07956 …": the person named owns it
    if contact and SUBJECT_OTHER.match(window) and not SELF_RX.search(window):
        return False  # "她叫王欣，身份证…，澳洲号 0421 …": the sentence is about her
    if not contact and OTHER_SUBJECT_CLAUSE.match(window, clause_start) and not SELF_RX.search(window, clause_start):
        return False  # "她现在在台中念小三": the clause is about her
    if not contact and clause_start and NAMED_CLAUSE.fullmatch(window[clause_start:]):
        prev = window[_last_end(CLAUSE_END, window, clause_start - 1):clause_start]
        if SUBJECT_OTHER.match(prev) or OTHER_IS_BEFORE.search(prev) or THIRD_ALONE.fullmatch(prev):
            return False  # "她今年68了，叫赵桂芳", "汇款人是我妈，赵丽华", "我媳妇，于美娟": the name is hers
    if contact and (THIRD_LABEL.search(window, clause_start) or OWNER_NAMED_BEFORE.search(window, max(0, len(window) - 70))):
        return False  # "她身份证110…", "他现在的号是135…", "Ben's number is …"
    own = max((m.start() for m in SELF_RX.finditer(window)), default=-1)
    if third >= 0 and third >= own:  # "我先生": the self word is part of the third-party word
        return False
    return not OWNED_AFTER.match(text, end) and not (contact and OWNER_AFTER_CN.match(text, end))


# ------------------------------------------------------------------ patterns
DATE_SHAPED = re.compile(r"(?<!\d)(?:\d{1,2}([-/.])\d{1,2}\1(?:19|20)\d{2}|(?:19|20)\d{2}([-/.])\d{1,2}\2\d{1,2})(?!\d)")
DIGIT_RUN = re.compile(r"(?<![\dA-Za-z+])(?<![A-Za-z]-)\(?\d[\d\s()-]{6,14}\d(?![\dA-Za-z])")
HANDPHONE_BEFORE = re.compile(r"\b(?:hp|h/p|handphone)\b[\s:.]*$", re.I)
FALLBACK_REGIONS = ("SG", "HK", "MY", "TW", "AU", "NZ", "GB", "IE", "IN", "US", "CA", "PH")
CN_DIGITS = str.maketrans("零〇一幺二两三四五六七八九", "0011223456789")
CN_DIGIT_RUN = re.compile(r"[零〇一幺二两三四五六七八九](?:[\s-]?[零〇一幺二两三四五六七八九]){7,17}")
OTHER_CODE_BEFORE = re.compile(r"\+(?!86)\d{1,3}[\s-]?$")  # "+49 151 …" is no CN mobile
STAFF_INTL_RX = re.compile(r"\+\d[\d\s()-]{7,16}\d")
CN_MOBILE = re.compile(r"(?<![\dA-Za-z])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\dA-Za-z])|"
                       r"(?<![\dA-Za-z] )(?<![\dA-Za-z])(1 [3-9] \d) (\d \d \d \d) (\d \d \d \d)(?! ?\d)")  # "1 3 8 3 7 0 5 2 6 9 1": read out digit by digit
LANDLINE = re.compile(r"(?:电话|座机|tel|phone|call me on|call me at)[^\d+]{0,6}(0\d{2,3})[\s-]?(\d{7,8})(?!\d)", re.I)
NOT_PHONE_BEFORE = re.compile(r"(?<![A-Za-z])(?:订单|单号|快递|运单|账号|账户|户口号码|户号|用户号|表号|(?<![主副])卡号|application|applicant|验证码|工号|qq|QQ|扣扣|微信|vx|VX|wx|"
                              r"保单|理赔|工单|票号|热线|客服电话|服务电话|hotline|order|tracking|account|card|invoice|ref|reference|policy|claim|booking|"
                              r"confirmation|wechat|passport|护照|签证|visa|po|(?<!phone on )(?<!number on )acct|flyer|member(?:ship)?|loyalty|licen[cs]e|serial|imei|"
                              r"会员卡?|学号|医保卡?|社保卡?|车牌|student|national id|TFN|SSN|SIN|NRIC|CNIC|BVN|NIN|PAN|Aadhaa?r|IRD|PPSN?|NINO|EIN|ITIN|税号|tax file)\s*(?:号|号码|no\.?|number|#|id)?"
                              r"\s*(?:是|为|is|:|：|也行|也可以|也可)?\s*(?-i:[A-Z]{2,4}[\s-]?)?$", re.I)  # "policy MOT 228 41…", "QQ 也行 2847…"
EMAIL = re.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9.-]+\.[A-Za-z]{2,12}(?![A-Za-z0-9_])")
WECHAT = re.compile(r"(?:微信号?|vx|VX|wx|WX|weixin|wechat(?:\s*id)?)\s*(?:号|号码|id|ID)?\s*"
                    r"(?:是|为|:|：|is|-)?\s*([a-zA-Z][-_a-zA-Z0-9]{5,19}|1[3-9]\d{9})(?![\w])", re.I)
QQ = re.compile(r"(?:QQ|qq|扣扣)\s*(?:号|号码|number)?\s*(?:通知我|联系我|找我|加我)?\s*(?:就是|也是|也可以|也行|是|为|:|：|is)?\s*([1-9]\d{4,10}|[1-9]\d{2,3}(?: \d{3,4}){1,2})(?![\d])")
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{4,6}(?: \d{2,8}){2,5}[Xx]?)(?![0-9A-Za-z])")

NAME_CN_CUE = re.compile(r"(?:(?<![A-Za-z])(?i:im|i'm|i am)\s+(?=[\u4e00-\u9fff]{2,4}(?:[，,。!！\s]|$))|我自己(?=[\u4e00-\u9fff]{2,3}[，,])|(?:乘机人|联系人|收货人|收件人|入住人|开户人|持卡人|投保人|机主|车主|家长|借款人|经办人|申请人|寄件人|法人(?:代表)?|负责人|业主|联系我)(?:是|为|写|填|系|[:：])?\s*(?:我自己[，,]?|我本人[，,]?|我[，,])?|(?:谢谢|多谢|感谢)[\s，,!！]*(?=[\u4e00-\u9fff]{2,3}$)|(?<=姓.[，, ])|(?<=姓.)|我叫|叫我|(?:^|(?<=[，,。\s]))叫(?=[\u4e00-\u9fff]{2,3}(?:[，,。!！\s]|$))|(?:真名|大名|全名|本名|中文名)(?:是|叫)?|我的名字[是叫]|名字[是叫:：]?|本人姓名|姓名\s*[:：]?|本人(?=[\u4e00-\u9fff]{2,3}(?:[，,。!！\s]|$))|"
                         r"我是[\u4e00-\u9fff]{1,4}[\s，,]+(?=[\u4e00-\u9fff]{2,3}(?:[，,。!！~～\s]|$))|"
                         r"我是(?=[\u4e00-\u9fff]{2,4}(?:[，,。!！~～\s]|$))|(?:这边是|这里是|我这边是)(?=[\u4e00-\u9fff]{2,3}(?:[，,。!！~～\s]|$)))\s*")
# one word of a person's name in Latin letters, Vietnamese ones included ("Nguyễn", "McIntyre"), and
# the particles a full name may carry between its words ("van der Merwe", "dela Cruz", "binte")
_NAME_WORD = r"(?:[A-Z]['’])?[A-ZÀ-ÖØ-ÞĐ\u1ea0-\u1ef8][a-zà-öø-ÿđ\u0101-\u017f\u01a1\u01b0\u1ea1-\u1ef9]+(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_NAME_PARTICLES = r"(?:de|dela|del|delos|van|von|der|den|da|di|du|la|le|bin|binti|binte|al|a/[pl]|s/o|d/o|Ó|Ní|Mac|Mc)"
NAME_EN_CUE = re.compile(r"(?:叫我\s*|我叫\s*(?=[A-Z])|名字(?:是|叫)\s*(?=[A-Z])|全名\s*(?:是|叫)?\s*(?=[A-Z])|(?:^|(?<=[.!,]\s))(?i:me)\s*[-–—:]\s*(?=[A-Z])|我是\s*(?:[a-z][\w-]*\s+){1,3}|我是\s*(?=[A-Z][a-z]+(?: [A-Z][a-z]+)+)|我是\s*(?=[A-Z][a-z]{2,}[，,。！!])|\b(?:ask for|under)\s+(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?(?=[A-Z])|名字\s*(?=[A-Z])|(?:账户名|户名|姓名)\s*[:：]?\s*(?=[A-Z])|\b(?i:under my name,?|my name,|my name is|name is|name on (?:both|it|them|the [a-z]+|my [a-z]+) is|(?<!shop )(?<!Shop )(?<!store )(?<!brand )(?<!company )(?<!patient )(?<!Patient )(?-i:name|Name)(?= [A-ZÀ-ÖØ-Þ][a-z])|my name's|name's|name\s*:|i'm called|call me|this is|it's|i am|i'm|(?-i:im|Im|its|Its|myself|Myself|my names|My names|(?<![a-z] )saya|Saya|aku|Aku|(?<=[.!?] )Am|^Am))\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?)"
                         r"((?:[A-Z]\.\s(?=[A-Z][a-z]{3,}))?" + _NAME_WORD + r"(?:-[a-z]{2,})?"
                         r"(?:[ -](?:" + _NAME_PARTICLES + r" ){0,2}" + _NAME_WORD + r"(?:-[a-z]{2,})?){0,3})")
EN_NAME_STOP = {"worth", "here", "interested", "live", "living", "work", "working", "stay", "staying", "based", "currently", "fine", "good", "ok", "okay", "sorry", "from", "in", "at",
                "not", "looking", "a", "an", "the", "very", "so", "just", "back", "ready", "sure",
                "glad", "happy", "chinese", "english", "american", "british", "busy", "single",
                "married", "thinking", "planning", "also", "still", "on", "with", "afraid", "curious"}
# capitalised words that start sentences or name things, never a person's name
EN_NOT_NAME = {"Thanks", "Thank", "Please", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
               "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December", "Street", "Road", "Avenue",
               "Mobile", "Phone", "Email", "Call", "Text", "Office", "Home", "Work", "Pro", "Max",
               "Plus", "Air", "Mini", "Hospital", "Bank", "University", "Group", "Ltd", "Inc", "Labs", "Lab",
               "LLC", "LLP", "Consulting", "Partners", "Capital", "Studio", "Studios", "Solutions", "Systems",
               "Technologies", "Analytics", "Holdings", "Pte", "Co", "Corp", "East", "West", "North", "South",
               "Upper", "Lower", "New", "Old", "Port", "Saint", "St", "Founder", "Manager", "Director",
               "Taman", "Jalan", "Lorong", "Persiaran", "Residensi", "Bandar", "Kampung", "Desa", "Bukit", "Plateau", "Mont",
               "Aku", "Saya", "Kami", "Kita", "Little"}
GENDER_CN = re.compile(r"(?:我是|本人|我|性别\s*[:：]?)\s*(?:一个|一名|个)?(男|女)(?:的|生|士|性|孩|人)?(?![朋友儿])|"
                       r"我是个?[^，,。！!？?]{0,8}的(男|女)(?=生|孩)|我是[\u4e00-\u9fff](女|先)(?=士|生)")
GENDER_ROLE = re.compile(r"\bsingle (mom|mum|mother|dad|father)\b|(宝妈|孕妈|全职妈妈|宝爸|奶爸|(?<=我是他)妈妈|(?<=我是她)妈妈|(?<=我是孩子)妈妈|(?<=我是他)爸爸|"
                         r"(?<=我是她)爸爸|(?<=我是孩子)爸爸)|\b(?:i'm|i am|as)\s+(?:a\s+)?(mom|mum|mother|dad|father|"
                         r"woman|man|guy|girl|lady|male|female)\b", re.I)
AGE_CN = re.compile(r"(?:今年|我|本人|年龄|已经)\s*(?:已经|才|都)?\s*(\d{2}|[一二三四五六七八九十]{1,3})\s*(?:周)?岁")
AGE_CN2 = re.compile(r"(?:(?<![\d.])(\d{2})\s*周岁|(?:今年|我|本人)\s*(?:刚|已经|才)?满\s*(\d{2})(?!\d)|"
                     r"今年\s*(\d{2})(?=\s*(?:[，,。！!]|$))|(?:^|(?<=[，,。\s]))(\d{2})\s*岁(?![的生])"
                     r"|\b(?i:i'm|i am)\s+[A-Z][a-z]+(?:\s+btw)?,\s*(\d{2})(?=[,.\s]|$))")
AGE_EN = re.compile(r"\b(?:i'm|i am|im|age[d:]?|turning)\s*(\d{2})\b(?:\s*(?:years?|yrs?)(?:\s*old)?)?", re.I)
AGE_EN2 = re.compile(r"\b(\d{2})\s*(?:years?|yrs?)\s*old\b", re.I)
AGE_EN3 = re.compile(r"\b(?i:i'm|i am)\s+[A-Z][a-z]+,\s*(\d{2})(?=[,.\s]|$)")
FACTORY_KIND = "(?:制品|加工|纺织|织造|印刷|食品|服装|服饰|鞋业|五金|电子|塑胶|塑料|机械|家具|化工|包装|模具)"  # "鑫达塑胶制品厂"
COMPANY_CN = re.compile(rf"(?:我在|我就职于|我任职于|我是|(?<=[，,])是|我们是|公司是|公司叫|公司[:：]|抬头[是为:：]|单位是|厂是|我们|我来自|来自|在)\s*"
                        rf"((?:(?!是|在|的|叫|开(?![发元封平]))[\u4e00-\u9fffA-Za-z0-9（）()]){{2,24}}?(?:{_alt(L.ORG_SUFFIXES)}|{FACTORY_KIND}厂)+)(?!园|城|区|孵化|附近|旁边|对面|门口|校区|那边)")
WORKPLACE_CN = re.compile(r"(?:在|喺)\s*([\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-zÀ-ÿ'’ &]{1,36}?)\s*(?:上班|教书|工作(?!室|证|签|日|服)|上流水线|流水线上干|三班倒|倒班|上夜班|上白班|干活|打工|任职|实习|做嘢|返工|写代码|敲代码|开飞机|教(?:数学|语文|英语|物理|化学|生物|历史|地理|政治|体育|音乐|美术|科学|计算机|编程|钢琴|舞蹈|书法)|(?=[做当干搞](?:美术|画师|原画|动画|剪辑|后期|摄影|[\u4e00-\u9fffA-Z]{0,4}"
                          rf"(?:{_alt(L.CN_TITLES)}|开发|设计|运营|销售|产品|测试|研发|IT|技术|财务|市场|策划|审计|咨询|风控|法务|"
                          rf"编辑|翻译|文员|客服|行政|人事|采购|会计|出纳|前端|后端|算法|数据|业务|运维|质检|售后|仓管|后勤|安保|保洁|分拣|搬运|装卸|配送|打包|民警|辅警|交警|[\u4e00-\u9fff]{{1,3}}员(?!工))|\s*[A-Za-z]{{2,}})))")
# an organisation standing alone as a clause of a message that introduces the customer
COMPANY_AS_CN = re.compile(rf"(?:^|(?<=[，,。\s]))([\u4e00-\u9fffA-Za-z0-9]{{2,20}}?(?:{_alt(L.ORG_SUFFIXES)}))"
                           rf"(?=[当做任]?[\u4e00-\u9fff]{{0,4}}(?:{_alt(L.CN_TITLES)}))")
# "自己开了家茶叶店叫雅韵茶行", "I run a small logistics firm, Cheung Kee Transport"
OWN_BUSINESS_CN = re.compile(r"(?:开|有)(?:了)?(?:[一两二三四五几]?(?:家|个|间))?[\u4e00-\u9fff]{0,6}?(?:店|公司|工作室|厂|馆|行|超市|小卖部|档口|作坊|车房|诊所|铺|档|客栈|民宿|农场|合作社|果园|茶园|餐馆|饭馆|餐厅|茶餐厅)(?:的)?\s*[，,]?\s*(?:(?:名字|厂名|店名)\s*(?:是|叫)?|叫)"
                             r"([\u4e00-\u9fffA-Za-z]{2,12}?)(?=[，,。！!\s]|$)")
OWN_BUSINESS_EN = re.compile(r"\b(?i:i run|i own|we run|we own|i started|i founded|(?:i've|ive|i have) got|i have)\s+(?i:an?|my|our)?\s*(?i:[a-z-]+\s+){0,3}?"
                             r"(?i:firm|company|business|shop|store|agency|studio|restaurant|cafe|café|clinic|practice|startup|bakery|salon|takeaway|pub|spa|garage|farm|workshop|boutique|gym|pharmacy|daycare|nursery|fund|charity|ranch|brewery|winery|hotel|guesthouse|academy)"
                             r"\s*,?\s*(?i:called\s+)?((?:[A-Z][\w&.'-]*)(?:[ \t]+(?:[A-Z][\w&.'-]*|&|of|and)){0,4})")
COMPANY_OF_TITLE_CN = re.compile(rf"(?:我是|我就是|就是|我在|我现在是|我目前是|目前是|现在是)(?:这里|这边|那边)?([\u4e00-\u9fffA-Za-z0-9]{{2,20}}?)的\s*(?:一名|一个|一位|老)?"
                                 rf"[\u4e00-\u9fffA-Z]{{0,4}}(?:{_alt(L.CN_TITLES)}|职工|员工|工人|正式工|合同工|前台)(?!公司|集团|们)")
# "…，武汉钢铁的老职工": a clause that is an employer and one's place on its staff
STAFF_OF_CN = re.compile(r"(?:^|(?<=[，,。\s]))([\u4e00-\u9fffA-Za-z]{2,12}?)的(?:老|正式|合同)?(?:职工|员工|工人)(?=[，,。！!\s]|$)")
GENERIC_ORG = frozenset("CBD 机场 工地 厂里 工厂 厂区 车间 店里 公司里 公司 学校 医院 单位 银行 集团 政府 外企 国企 私企 央企 小公司 大公司 本地 这边 那边 家里 自己 我们公司 他们公司 "
                        "我们单位 一线 基层 总部 分公司 门店 店里 部门 我们学校 我们医院 地里 田里 大棚 村里 镇上 县城 城里 外面 工地上 仓库 食堂 煤矿 矿上 矿里 分店 自由职业 自由职业者 个体户 个体".split())
GENERIC_ORG_OF_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}的(?:小学|中学|学校|医院|幼儿园|公司|工厂|厂|银行|诊所)")  # "昌平的小学"
DESCRIBED_ORG = re.compile(r"[一某这那]家|一所|一个(?=[\u4e00-\u9fff]{0,4}(?:厂|店|公司))")  # "一家医院" describes an organisation, it does not name one
ORG_END = re.compile(rf"(?:{_alt(L.ORG_SUFFIXES)}|\b(?:{_alt(L.EN_ORG_SUFFIXES)}|B\.V\.|Pte Ltd|Sdn Bhd|Ltd\.))\.?$")
COMPANY_UNIT_CN = re.compile(r"(?:单位是|单位叫|单位[:：]|单位写|公司是|公司系|律所是|律所系|医院是|学校是|公司叫|公司[（(]|公司名叫|公司名是|公司名字叫|就职于|任职于|供职于)"
                             r"(?:([\u4e00-\u9fffA-Za-z]{2,12}?)(?=[，,。！!\s]|$)|\s*([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3})(?=\s*(?:[，,。！!]|$)|\s+[\u4e00-\u9fff]))")  # "公司是 Nvidia", "公司是 Rakuten 平日…"
# "…，交通银行上班": a clause that is an organisation and where one works
COMPANY_WORK_CLAUSE_CN = re.compile(rf"(?:^|(?<=[，,。\s]))([\u4e00-\u9fffA-Za-z]{{2,16}}?(?:{_alt(L.ORG_SUFFIXES)})|[\u4e00-\u9fffA-Z]{{2,5}})(?:上班|工作)(?=[，,。！!\s]|$)")
ORG_CONTINUES = re.compile(rf"[\u4e00-\u9fff]{{1,10}}?(?:{_alt(L.ORG_SUFFIXES)}|分校|分行|分院|校区)")
CALLED_ORG_CN = re.compile(r"(?:公司|机构|单位|startup|工作室|团队|厂|店铺|网店|小店|铺头|舖頭|鋪頭|档口|檔口|店|餐馆|饭馆|餐厅|酒楼|馆|养殖场|事务所|会计所|律所|中心|合作社|农场|客栈|民宿|做[\u4e00-\u9fff]{1,6}的)[^。！？!?]{0,12}?[，,]?\s*(?<![他她它佢])叫\s*(?!我)"
                           r"[「“\"『]?([\u4e00-\u9fffA-Za-z0-9]{2,16}?)[」”\"』]?(?=\s*(?:[，,。！!]|$)|(?<=[\u4e00-\u9fff」”\"』])\s)", re.I)
EN_ORG_IN_CN = re.compile(r"(?:我在|在|我是|我们是|(?:^|(?<=[，,。\s])))\s*([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,5}\s+"
                          r"(?:Pte\.? Ltd|Sdn\.? Bhd|Co\., Ltd|Ltd|LLC|LLP|GmbH|Inc|PLC|Limited))\.?(?=\s|，|,|$|。)")
# "我叫周大勇，在Golden Dragon Restaurant", "Horizon Capital的合伙人": a Latin name with a kind of business, in Chinese
EN_KIND_ORG_IN_CN = re.compile(r"(?:我在|在|我是|(?:^|(?<=[，,。])))\s*([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,4}\s+"
                               r"(?:Restaurant|Capital|Health|Bank|Hospital|Group|Partners|Labs|Clinic|Cafe|Studio|Consulting|"
                               r"Logistics|Technologies))(?=\s*(?:[，,。的]|$|[\u4e00-\u9fff]))")
COMPANY_CLAUSE_CN = re.compile(rf"(?:^|(?<=[，,。\s]))([\u4e00-\u9fffA-Za-z0-9（）()]{{2,24}}?(?:{_alt(L.ORG_SUFFIXES)}))"
                               rf"(?=[，,]\s*(?:我是|我在|在|本人|我们|(?:做|当|任)?[\u4e00-\u9fffA-Z]{{0,4}}(?:{_alt(L.CN_TITLES)})(?:[，,。！!\s]|$)))|"
                               r"(?:^|(?<=[，,。\s]))([\u4e00-\u9fff（）()]{2,20}?(?:有限责任公司|股份有限公司|有限公司|集团))"
                               rf"(?=\s*(?:[，,。！!]|$)|\s+[\u4e00-\u9fff]{{0,4}}(?:{_alt(L.CN_TITLES)})(?:\s|$))")
# "…, Sandhu Electrical Ltd": a clause that is an organisation's registered name
# "Shopify, I'm a UX designer": the organisation, then the speaker's role in it
NOT_AN_ORG_WORDS = frozenset("evenings mornings afternoons weekends weekdays nights today tomorrow yes no sure ok okay "
                             "thanks hi hello hey well also actually honestly".split())
ORG_THEN_ROLE_EN = re.compile(r"^(?:(?i:sure|yes|yeah|ok|okay)[.,!]\s+)?((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|&)){0,3}),\s*(?i:i'm|i am|im) (?i:an?|the) ")
COMPANY_CLAUSE_EN = re.compile(rf"(?:^|(?<=[,.;]\s)|(?<=[，。；]))((?:[A-Z][\w&'’-]*\s+|&\s+){{1,5}}(?:{_alt(L.EN_ORG_SUFFIXES)}|Pte Ltd|Sdn Bhd|LLP|Bhd)\.?)(?=\s*(?:[,;!，。；(]|\.(?:\s|$)|$))")
COMPANY_EN = re.compile(rf"\b(?i:work (?:at|for)|my employer(?:,| is)|employer:|(?:ceo|cto|cfo|coo|cmo|founder|co-founder|owner|president|md|managing director) of|(?:moved|switched|joined) to(?= [A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*,? as\b)|"
                        rf"(?:i'm|i am|im) at(?= [A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)? (?:(?:office|HQ|headquarters|during|as)\b|in [A-Z]|in the day\b|all day\b|on weekdays\b))|(?:i'm|i am|im) at(?= (?:the )?(?-i:(?:[A-Z][\w&.'-]*\s+){{1,4}}(?:Hospital|Council|University|Clinic|Bank|Trust)\b))|employer for the form:|work (?:nights|days|shifts|weekends) at|(?:i )?do (?:nights|days|shifts|weekends|nightshifts) at|(?:i|we) run(?= (?:(?:[A-Z][\w&.'-]*|&)\s+){{1,4}}?(?:[A-Z][\w&.'-]*)(?:[,.;]|\s+(?:and|so|in|for|out of|here|just|near|outside|with)\b|$))|(?:working|work) in(?= [A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)* as\b)|(?:new |first )?job at|(?:just )?started at|(?:working|work) as (?:an? )?[a-z ]{{2,30}}? (?:in|at|with)|work(?:ing)? (?:from home|remotely|remote) for|company is|current company:|company:|im with|teach(?:ing)? at|(?:shop|business|firm|practice|restaurant|bakery|cafe|café|salon|clinic) is|my (?:[a-z]+ )?(?:firm|company|business|shop|store|bakery|cafe|café|restaurant|practice|clinic|salon|studio|agency),|(?:nagwowork|nagtatrabaho|work|working|kerja|bekerja|jurutera|nurse|engineer)(?: ako)? (?:sa|di|dengan|kat)|(?:^|(?<=[.,]\s))(?-i:[A-Z][a-z]+ [A-Z][a-z]+) from|i'm with|i am with|working (?:at|for)|employed (?:at|by)|"
                        rf"i'm (?:an?|the) [a-z ,]{{2,30}}? (?:at|with)|(?:i'm|i am|im) (?:cabin crew|crew|ground crew|staff|on staff) (?:at|with)(?= [A-Z])|i am (?:an?|the) [a-z ,]{{2,30}}? (?:at|with)|"
                        rf"(?:{_alt(L.EN_TITLES)}) (?:at|with|@|for(?= [A-Z]))|my employer(?= [A-Z])|drives? (?:a|an|the) [a-z ]{{2,20}}? for(?= [A-Z])|currently with(?= [A-Z])|"
                        rf"(?:general manager|owner|principal) of(?= [A-Z])|trading as(?= [A-Z])|(?<='s )office at|(?<=’s )office at|fly for(?= [A-Z])|at the(?= [A-Z][\w&.'-]* (?:office|offices|HQ|headquarters|plant|site|warehouse|depot|branch)\b)|"
                        rf"work(?:ing)? in (?-i:[A-Z][\w]+)(?: (?-i:[A-Z][\w]+))? with(?= [A-Z])|(?:team|department|dept) at|\d+ of us at|(?:ceo|cto|cfo|coo|cmo|founder|md) @|head of (?:[A-Za-z&]+ ){{0,2}}[A-Za-z&]+ at|"
                        rf"(?:this is|i'm|im|i am|it's) (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}|[a-z]{{2,}} [a-z]{{2,}})(?: here)? from|i own(?= [A-Z])|"
                        rf"work(?:ing)? in (?-i:[A-Z][\w]+(?: [A-Z][\w]+)?) at|work(?:ing)?(?: [a-z]+){{1,4}} at(?= [A-Z])|on shift at|"
                        rf"based in (?-i:[A-Z][\w]+) at|(?:work(?:ing)?|{_alt(L.EN_TITLES)}) in(?= (?-i:(?:[A-Z][\w&.'-]*\s+){{1,4}}(?:Group|Bank|Hospital|Authority|Council|Corporation|Limited|Ltd|Bhd)\b))|work(?:ing)? with(?= [A-Z])|(?:i'm |im )?on (?:nights|days|shift) at|part[- ]time at|"
                        rf"lecture(?:r)?(?: in [a-z]+)? at|làm (?:việc )?(?:ở|tại)|on shifts at|(?:PA|EA|assistant) to the (?-i:[A-Z]{{2,4}}) at|(?:currently|now|starting|started) at|job with|head (?:of )?[a-z]+ at|buyer for|(?:drive|driving) for|both (?:at|work(?:ing)?(?: at| for)?)|"
                        rf"work in (?-i:[A-Z][\w]+) for|work(?:ing)? in(?= (?-i:[A-Z][\w&.-]*)['’]s\b)|(?:relocated|transferred)[^.!?]{{0,40}}? with|(?:^|(?<=, ))run(?= [A-Z])|store is|"
                        rf"(?:desk line|desk) at|(?<=, )work(?= (?-i:[A-Z]{{2,}})\b)|teach(?:ing)?(?: [\w-]+){{0,3}} (?:at|for)|my shifts? at|(?:just |recently |got )?hired (?:at|by)|"
                        rf"(?:just |recently )joined(?= (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*)(?:,| as\b| in\b))|my company(?= (?-i:[A-Z]))|"
                        # a shift somewhere: "I'm at Irving till 4", "I'm at Alliance so might not answer", "I get off at
                        # the Les Schwab at 2", "I haul for Viterra", "I do books for Bandon Co-op", "on the tills at the Co-op"
                        rf"(?:i'm|im|i am) at(?= (?:the )?(?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,3}}) (?:till|til|until|'til|so (?:i )?(?:might|may|can't|cannot|won't|wont|prob)\b|and (?:can't|cannot|won't|can not)\b))|"
                        # "a claims adjuster w/ State Farm", "FIFO with Rio Tinto", "serving in Pakistan Army", "I work in Google on
                        # the docks", "I'm Safaricom staff", ", with Deloitte, so…"
                        rf"(?:i'm|im|i am) (?:an? |the )?[a-z ]{{2,30}}? w/|(?:{_alt(L.EN_TITLES)}) w/|fifo (?:with|for)|serving (?:in|with)(?= (?:the )?(?-i:[A-Z]))|"
                        rf"(?:i |we )work in(?= (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,2}}) (?:on|so|and|as|since)\b)|"
                        rf"(?:i'm|im|i am)(?= (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,2}}) (?:staff|employee|staffer)\b)|(?<=, )with(?= (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,3}}),)|"
                        rf"working in (?-i:[A-Z][\w]+) for|"
                        rf"get off(?: work)? at(?= (?:the )?(?-i:[A-Z]))|knock off at(?= (?:the )?(?-i:[A-Z]))|(?:haul|truck|deliver|cook|clean)s?(?: [a-z]+)? for(?= (?:the )?(?-i:[A-Z]))|"
                        rf"(?:wfh|work from home|work remotely) for(?= (?-i:[A-Z]))|drives? (?:[a-z]+ ){{1,3}}for(?= (?-i:[A-Z]))|"
                        rf"(?:i'm|im|i am) at(?= the (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{1,3}}) (?:weekdays|weekends|days|nights|during)\b)|"
                        rf"(?:i'm|im|i am) in(?= (?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,2}}), (?:{_alt(L.EN_TITLES)}|senior|junior|lead|head|tech)\b)|"
                        rf"(?:studio|store|farm|workshop|company|salon|shop) is called|(?:studio|workshop) is|"
                        rf"do (?:the )?(?:books|accounts|bookkeeping|payroll|admin) for|on the (?:tills|checkouts|tools|floor|line|counter|deli|registers?) (?:at|for)|"
                        rf"been with(?= (?:the )?(?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){{0,4}}) (?:\d+|for|since|nearly|almost|over)\b)|"
                        rf"(?:working|work|job) in(?= (?-i:(?!IT\b|HR\b|PR\b|QA\b|UK\b|US\b|USA\b|UAE\b|{_alt(a for a in L.EN_CITY_ALIASES if a.isupper())}\b)[A-Z]{{2,6}})\b(?!\s+[A-Z]))|from|for)\s+(?:the\s+)?"
                        r"((?:[A-Z][\w&.'-]*)(?:[ \t]+(?:[A-Z][\w&.'-]*|&|\+|of\b|and\b|\(Pty\))|,\s*Ltd\b)*)")
TITLE_CN = re.compile(rf"(?:我是|都是|是一名|是一位|我是一名|我是一个|在[\u4e00-\u9fff]{{2,20}}?(?:当|做|任)|我做|我当|职位是|职务是|担任)"
                      rf"\s*(?:一名|一个|个)?((?:(?!的)[\u4e00-\u9fffA-Z]){{0,6}}(?:{_alt(L.CN_TITLES)}))(?!公司)")
TITLE_ORG_CN = re.compile(rf"(?:{_alt(L.ORG_SUFFIXES)})的?\s*(?:一名|一个|[做当任干])?([\u4e00-\u9fff]{{0,4}}(?:{_alt(L.CN_TITLES)}))(?![\u4e00-\u9fff])")
TITLE_DO_CN = re.compile(r"(?:我是|(?:^|(?<=[，,。]))|我)做([\u4e00-\u9fff]{2,4}?)的(?=[，,。！!]|$)")
# "我是一家外企的HR", "…工作，是客户经理", "在字节跳动做后端开发"
TITLE_OF_CN = re.compile(rf"(?:我是[^，,。！!？?]{{0,12}}的|(?<=[，,])是|在[\u4e00-\u9fffA-Za-z]{{2,12}}?[做当干])"
                         rf"((?:{_alt(L.CN_TITLES)})|[\u4e00-\u9fff]{{0,2}}(?:开发|设计|运营|研发|测试))(?=[，,。！!？?\s]|$)")
# "Carlos Mendoza, CTO at Loopwise": a title at the head of a clause, followed by at/with
TITLE_AT_EN = re.compile(rf"(?:^|(?<=[,.;]\s))(?:(?:an?|the)\s+)?((?i:head of [a-z&]+)|(?i:[a-z]+\s+){{0,2}}?(?:{_alt(L.EN_TITLES)}|{_alt(t.upper() for t in ('ceo', 'cto', 'cfo', 'coo', 'vp'))}))"
                         r"\s+(?:at|with)\s+[A-Z]", re.I)
TITLE_EN2 = re.compile(rf"\b(?i:i'm|i am)\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*(?i:an?|the)\s+((?i:[a-z]+\s+){{0,3}}?"
                       rf"(?i:{_alt(L.EN_TITLES)}))\b")
TITLE_EN = re.compile(rf"\b(?:i'm|i am|i work as|working as|as)\s+(?:an?|the)\s+((?:[a-z]+\s+){{0,3}}?"
                      rf"(?:{_alt(L.EN_TITLES)}))\b", re.I)
CITY_CN_NAMES = _alt(L.CN_CITIES)
# without the 2,800 cities abroad from GeoNames: for patterns tried at every position of a message
# (an address, a branch's city), where the larger trie costs four times as much and a city abroad
# is not expected
CITY_CN_CORE_NAMES = _alt(L.CN_CITIES_CORE)
CITY_CN = re.compile(rf"(?:学校在|派驻在|派驻到|外派到|外派在|(?<=已经)到(?=(?:{CITY_CN_CORE_NAMES})了)|我在|我们在|我们都在|都在|也在|我也在|公司在|单位在|刚来|调来|刚调到|来(?=(?:{CITY_CN_CORE_NAMES})(?:读|工作|上班|打工|定居))|(?<![原本回])来(?=(?:{CITY_CN_CORE_NAMES})[一二三四五六七八九十几\d]+多?年)|(?<=过)嚟(?=(?:{CITY_CN_CORE_NAMES})(?:做嘢|工作|返工|读书|打工))|(?:^|(?<=[，,。\s])|(?<=我们))(?:就|都|也|目前|而家|现在)?住紧?|调到|调去|部队在|驻地在|驻扎在|已经在|一直在|来(?=(?:{CITY_CN_NAMES})(?:看我|找我|陪我))|(?:我|我是|我系|我係)(?=(?:{CITY_CN_CORE_NAMES})土生土长)|在(?=(?:{CITY_CN_CORE_NAMES})(?:住(?![^，,。]{{0,5}}(?:酒店|宾馆|民宿))|生活|定居))|移民到|移民去|移民来|(?<=已经|早就)搬去|(?<=已|刚)搬去|(?<=已经|早就)搬过去|(?<=了)住|喺|现在在|(?:^|(?<=[，,。\s]))(?=(?:{CITY_CN_CORE_NAMES})(?:[\u4e00-\u9fff]{{1,4}}?[区县])?(?:上班|工作)(?:[，,。！!\s]|$))|本人在|本人住在?|这边是|屋头在|屋里在|房子在|(?:我们|我的)?店在|(?i:working in|work in|live in|living in|based in)\s*|去(?=(?:{CITY_CN_CORE_NAMES})[\u4e00-\u9fff]{{0,4}}(?:返工|上班|工作))|我在老家(?=(?:{CITY_CN_CORE_NAMES})[\u4e00-\u9fff]{{0,4}}?(?:当|做|上班|工作|打工|种|开))|平时在|刚搬来|搬来|搬到|搬嚟|搬咗去|搬咗嚟|搬咗到|我是(?=(?:{CITY_CN_CORE_NAMES})(?:过来|来的))|我(?:就|也|还|一直)?住在?|我们住在?|都住在?|(?:我是|都是|我们是|我俩是|我就是|我们就是|(?:^|(?<=[，,。\s]))(?:我们)?)(?=(?:{CITY_CN_CORE_NAMES})(?:(?!大学|或者|还是)[\u4e00-\u9fff]){{0,12}}?[的嘅](?:[，,。！!\s]|$|(?:新|老)?(?:业主|住户|居民|村民)))|(?:^|(?<=[，,。\s]))(?:我们)?(?=(?:{CITY_CN_CORE_NAMES})(?:[\u4e00-\u9fff]{{0,8}}?[区县市镇乡村])?(?:一家|这边|那边))|我家在|(?<!老)家在|家住在?|住在|(?:^|(?<=[，,。\s？?！!]))在|人在|(?<=我们)(?=(?:{CITY_CN_CORE_NAMES})(?:冬天|夏天|这边|这里|这儿|本地))|坐标|定居在?|"
                     rf"常住|现居地?\s*[:：]?|目前在|还在|我是在|现在住|现住|送货到|家就在|就在|仓库在|工厂在|厂在|总部在|办公室在|office在|位于|我们是(?=(?:{CITY_CN_CORE_NAMES})[\u4e00-\u9fff]{{0,5}}?(?:的|一家))|我是(?=(?:{CITY_CN_CORE_NAMES})[\u4e00-\u9fff]{{0,4}}?一家)|收货在|收货地在|寄到|送到|发到|邮寄到|从(?=(?:{CITY_CN_CORE_NAMES})(?:飞|出发|过去|过来|坐|来(?=出差|开会|办事)))|工作地点?(?:在|是)|base在?|我还在|我是(?=(?:{_alt(L.PROVINCES)})?省?(?:{CITY_CN_CORE_NAMES})市?人))\s*"
                     rf"(?:{_alt(L.PROVINCES)})?省?\s*({CITY_CN_NAMES})(?:市)?")
_CN_DISTRICTS = _alt(d for d in L.DISTRICT_CITY if CJK_RX.match(d))
_EN_DISTRICTS = _alt(d for d in L.DISTRICT_CITY if not CJK_RX.match(d))
# "重庆渝北区，我住这边" / "深圳南山区科技园…，我在这边上班": a district, then "here" is where I live/work
CITY_DISTRICT_HERE = re.compile(rf"(?:^|(?<=[，,。\s]))({CITY_CN_CORE_NAMES})市?[\u4e00-\u9fff]{{1,4}}[区县]"
                                rf"(?=[^。！？!?]*?(?:我住这边|我住这里|我在这边|我在这里|我家在这|住这边))")
CITY_EN = re.compile(rf"\b(?:i live in|i'm living in|living in|based in|based out of|i'm in|i am in|located in|"
                     rf"i'm from|i am from|(?:we're|we are|we|i) from|i staying|we staying|moved to|moved from [A-Z][a-z]+ to|(?:just )?arrived in|(?:just )?landed in(?= \w+(?: \w+)? (?:last|this|as)\b)|live in|we're in|we are in|we live in|here in|been in|"
                     rf"relocating from|moving from|stay in|staying in|(?:an?|the) [a-z]+ from|up the road in|"
                     rf"already in|still in|(?<!trip )home to|back home in|(?:from )?home in|relocated (?:here )?(?:from (?-i:[A-Z])[\w ]{{1,20}}? )?to|(?:my|our)(?: first| new)? (?:house|home|place|flat|apartment|condo) in|"
                     rf"(?:we're|we are|i'm|i am) (?:up|down|out|over) in|(?:live|living) (?:over|out|up|down) in|(?:we're|we are) both in|"
                     rf"moving within|in (?-i:[A-Z][\w&]+(?: [A-Z][\w&]+)?),|renting in|rent in|commute (?:into|to)(?: downtown| central)?|"
                     rf"(?:live|living|farm|based) (?:just )?outside(?: of)?|visiting me in|visit me in|come see me in|"
                     rf"(?:work|working) in|(?-i:{_alt(L.EN_TITLES)}) in|(?:work|working|study|studying|{_alt(L.EN_TITLES)}) (?:at|for) (?:the )?"
                     rf"(?-i:[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*)*) in)"
                     rf"\s+(?:(?:greater|downtown|inner|outer) )?({_alt(L.EN_CITIES)})(?:'s)?\b", re.I)
CITY_EN_AREA = re.compile(rf"\b({_alt(L.EN_CITIES)})(?: (?:area|office)| where (?:i|we) live\b| at the moment\b|[- ]based|,\s+(?:[A-Z]{{2}}|NSW|VIC|QLD|TAS|ACT)\b(?:\s+\d{{4,5}})?)\b|\b({_alt(L.EN_CITY_ALIASES)}) office\b|\bin ({_alt(L.EN_CITIES)})(?=\s*(?:[.!;,]|$|(?:rn|atm|now)\b))|"
                          rf"\b(?i:(?:i'm|i am|we're|we are|based|live|work|working) in|moved to|moved from (?-i:[A-Z][a-z]+) to|(?:i|we) stay(?:ing)?(?: in| at)?|(?:i'm|im|i am|we're|we are|we|i) from|based out of) ({_alt(L.EN_CITY_ALIASES)})\b")
# "Ottawa, I work at Shopify": the city first, then the speaker
CITY_FIRST_EN = re.compile(rf"^(?:(?i:yes|yeah|ok|sure)[,.!]?\s+)?({_alt(L.EN_CITIES)}),\s+(?i:i work|i'm|i am|i live|im|working|work at|based|staying)\b")
# "郑州金水区，…" / "北京朝阳这边": a city and district standing as the whole clause
CITY_DISTRICT_CLAUSE = re.compile(rf"^({CITY_CN_CORE_NAMES})市?[\u4e00-\u9fff]{{1,4}}区|^({CITY_CN_CORE_NAMES})市(?=[\u4e00-\u9fff]{{2,12}}?(?:路|街|大道)\d)|"
                                  rf"(?:^|(?<=[，,。\s]))({CITY_CN_CORE_NAMES})人(?=\s*(?:[，,。！!]|$))(?![^。！？!?]*(?:现在|目前|而家))|"
                                  rf"(?:^|(?<=[，,。\s]))({CITY_CN_CORE_NAMES})市?(?:{_CN_DISTRICTS})区?(?=\s*(?:[，,。！!]|$)|\s)|"
                                  rf"(?:^|(?<=[，,。\s])|(?<=我是)|(?<=我们是)|(?<=我))(?:(?:{_alt(L.PROVINCES)})省?)?({CITY_CN_CORE_NAMES})(?:市?(?:{_CN_DISTRICTS})区?)?(?:这边|那边)?的(?=\s*(?:[，,。！!]|$)|\s|[\u4e00-\u9fff]{{2,3}}(?:[，,。！!\s]|$))|"
                                  rf"(?:^|(?<=[，,。\s])|(?<=^我)|(?<=^我是)|(?<=[，,。\s]我)|(?<=[，,。\s]我是))(?:{_alt(L.PROVINCES)})?省?({CITY_CN_CORE_NAMES})市?(?:[\u4e00-\u9fff]{{1,4}}[区县]的?|[\u4e00-\u9fff]{{2,3}}这边)"
                                  rf"(?=\s*(?:[，,。！!]|$)|\s|[\u4e00-\u9fff]{{1,8}}?(?:[镇乡村]|小区|[期栋号]))|^({CITY_CN_CORE_NAMES})市?\s*(?:{_CN_DISTRICTS})区?(?:的|这边|附近)?(?=[\s，,。]|搬)")
# a company named after a city may sit anywhere; a hospital or school named so is in that city
_CN_HOME_PLACES = _alt([*(d for d in L.DISTRICT_CITY if CJK_RX.match(d)), *L.CN_AREA_CITY])  # districts and areas (cn_areas.tsv)
DISTRICT_HOME_CN = re.compile(rf"(?:住紧|住在?|家在|本人在|我在|我们在|都住|都在|现在在|喺|就在|上班在|工作在|平时在|搬到|搬去|搬咗去|搬咗嚟|收货在|寄到|送到|发到|工厂在|厂在|公司在|单位在|办公室在|(?:^|(?<=[，,。\s]))在)\s*({_CN_HOME_PLACES})(?:区)?|"
                           rf"(?:^|(?<=[，,。\s]))({_CN_HOME_PLACES})(?:区)?的(?=\s*(?:[，,。！!]|$))")
IRISH_COUNTY_TOWN = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),?\s+Co\.?\s+(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|"
                               r"Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|"
                               r"Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)\b")
ESTATE_STREET_EN = re.compile(rf"\b((?i:{_EN_DISTRICTS}))\s+(?i:st|street|ave|avenue|rd|road|dr|drive|cres|crescent|ring road|link|way|central)\.?\s*\d{{1,3}}[A-Za-z]?\b")
DISTRICT_HOME_EN = re.compile(rf"(?:^|(?<=[,.;]\s))in ({_EN_DISTRICTS})(?=\s*(?:[.!;,]|$))|"
                           rf"\b(?i:live in|living in|stay in|staying in|stay at|based in|we're in|i'm in|we are in|i am in|"
                           rf"work in|working in|(?:i|we) stay(?:ing)?|renting in|rent in|moved to|moving to|still in|already in|now at|now in|staying at|"
                           rf"work around|working around|at home in|(?:live|living) (?:over|out|up|down) in|(?:we're|we are) both in|(?:our|my) (?:new )?(?:BTO|HDB|flat|condo|apartment|house|home|place) (?:at|in)|office in|"
                           rf"(?:with|at) (?-i:[A-Z][\w&]*(?: (?:[A-Z][\w&]*|&))*) in|office at|based at)\s+"
                           rf"((?i:{_EN_DISTRICTS}))\b(?! (?:Heights|Hills|Park|Village|Valley)\b)")


# a district name several cities have ("住鼓楼", "在长安区 毛坯"): the conversation's city says which
AMBIGUOUS_HOME_CN = re.compile(rf"(?:住在?|家在|我在|我们在|都住|喺|就在|(?:^|(?<=[，,。\s]))在|^|(?<=[，,。\s]))\s*"
                               rf"({_alt(L.AMBIGUOUS_DISTRICT)})(?:区)?(?=[\s，,。！!]|$|上班|工作|这边|那边|附近|一带|"
                               rf"[\u4e00-\u9fff]{{1,6}}(?:路|街|大道))")


def _id_cities(facts) -> set[str]:
    """The prefecture cities of the ID numbers among ``facts`` (6201… → 兰州)."""
    return {L.CITY_BY_ID_CODE[f.value[:4]] for f in facts if f.field == "id_number" and f.value[:4] in L.CITY_BY_ID_CODE}


def _ambiguous_home(text: str, facts, own, hedged, context: frozenset) -> None:
    """"我就住鼓楼" in a conversation about 南京 (the staff member's branch, a city the customer
    named, the prefecture of their own ID number)."""
    context = context | _id_cities(facts)
    for m in AMBIGUOUS_HOME_CN.finditer(text):
        cities = set(L.AMBIGUOUS_DISTRICT[m.group(1)]) & context
        if len(cities) == 1 and own(*m.span(1)) and not TRAVEL_AFTER.match(text, m.end()):
            city = cities.pop()
            facts.append(_fact("city", city, city, 0.7, *m.span(1), hedged))
            return


LATIN_HOME_CN = re.compile(r"(?:住在?|我住|家在|租在|在|过咗嚟|过嚟|嚟咗|搬咗去|搬咗嚟|移民到|移民去|搬到|调来|调到|刚来|刚到|(?i:live in|living in|stay in|staying in|based in))\s*([A-Z][a-z'’]+(?: [A-Z][a-z]+){0,2}|[A-Z]{2,4})(?:\s+\w+)?(?=\s*(?:住|那边|这边|附近|的|[，,。！!]|$|上班|工作|读|念|做|当|打工|实习|定居|生活|开了|开家|开个|开店))"
                           r"|(?:office|公司|办公室)\s*在\s*([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")


LATIN_CITY_THEN_DISTRICT = re.compile(r"[A-Z][a-z]+\s*[\u4e00-\u9fff]{1,3}区")


LIVES_CUE_CN = re.compile(r"(?:住|我住|家在|租在|(?i:live|living|stay|staying))")


def _latin_home(text: str, facts, own, hedged, region=None) -> None:
    """A place in Latin script where a Chinese message says the customer lives: "住在 Tampines";
    a suburb of the conversation's country as that country's people mean it ("住Howick" in a New
    Zealand conversation is Auckland)."""
    for m in LATIN_HOME_CN.finditer(text):
        name = m.group(m.lastindex)
        lives = region and LIVES_CUE_CN.match(m.group())  # ("在 Monash 上课", "在Midtown上班": where one studies, works)
        opened = re.match(r"\s*(?:\w+\s*)?开", text[m.end(m.lastindex):])  # "在Box Hill开了个小超市": where one's business is
        city = (lives and L.SUBURB_CITY.get(region, {}).get(name)) or L.DISTRICT_CITY.get(name) or (name if name in L.CITY_REGION or name in L.FOREIGN_CITY_COUNTRY else None) \
            or (None if opened else L.TOWN_CITY.get(name)) or L.EN_CITY_ALIASES.get(name) \
            or (L.SMALL_TOWN_CITY.get(name, {}).get(region) if lives else None)  # ("住 Eindhoven": a city abroad the gazetteer names)
        written_cn = re.match(r"\s*([\u4e00-\u9fff]{2,4})", text[m.end(m.lastindex):])
        if not city and written_cn:  # "I live in Futian 福田": the place, then its Chinese name
            cn = written_cn.group(1)
            city = L.DISTRICT_CITY.get(cn) or (cn if cn in CN_CITY_SET else None)
        first = name.split()[0]
        if not city and " " in name and first in L.CITY_REGION:
            city = first  # "住 Vancouver Richmond 那边": the city, then its suburb
        if city and own(*m.span(m.lastindex)) and not TRAVEL_AFTER.match(text, m.end()):
            facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.75, *m.span(m.lastindex), hedged))
            return


def _district_homes(text: str, gates) -> list[re.Match]:
    """Matches of the Chinese and the English district cues, in the order they occur (``gates``:
    the message's keyword hits, which say whether any district name occurs at all)."""
    found = list(DISTRICT_HOME_CN.finditer(text)) if "cn_district" in gates else []
    if "en_district" in gates:
        found = sorted(found + list(DISTRICT_HOME_EN.finditer(text)), key=lambda m: m.start())
    return found


HOME_ORIGIN_EN = re.compile(rf"\b(?:(?:on (?:a )?)?(?:business )?trip from\s+({_alt(L.EN_CITIES)})\b)|\b(?:coming|flying|driving|travelling|traveling|heading|moving|relocating) "
                            rf"(?:in |up |down |over |back )?from\s+({_alt(L.EN_CITIES)})\b|"
                            rf"^(?:from|moving from)\s+((?-i:{_alt(L.EN_CITY_ALIASES)})|{_alt(L.EN_CITIES)})\s+to\b", re.I)
FROM_I_LIVE_THERE = re.compile(rf"\b(?:from|out of) ({_alt(L.EN_CITIES)})\b[^.!?]{{0,20}}\b(?:I|we) live there\b", re.I)
ORG_AFTER_CITY = re.compile(r"市?[\u4e00-\u9fff]{0,10}(?:有限责任公司|股份有限公司|有限公司|集团|公司)")
TRAVEL_AFTER = re.compile(r"(?:出差|旅游|玩|开会|转机|[\u4e00-\u9fff]{0,2}(?:出差|旅游|开会)|"
                          r"\s*(?:for (?:a|the) |on business|on holiday|on vacation|this week|for work|"
                          r"next week|for a few days|over (?:christmas|the holidays|new year|easter|the summer)|for (?:christmas|the holidays|new year)))", re.I)
# cues that name home outright, whatever follows ("平时在合肥 这次来出差", "我是成都过来出差的")
CAME_ON_TRIP = re.compile(r"过?来(?:这边)?(?:出差|开会|办事)")  # "我是从遵义过来出差的": home is where the trip began
HOME_CUE = re.compile(r"平时在|我是|搬来|搬到")
# sentences about somewhere else: a trip, a booking, an event, a place to buy
OWN_HOME_CUE_EN = re.compile(r"(?i)(?:my|our) (?:house|home|apartment|flat|place|unit|condo) in")
_TRIP_WORDS = r"fly|flying|flew|flight|trip|visit|visiting|holiday|vacation|conference|travel|hotel|booking"
TRIP_SENTENCE = re.compile(rf"\b(?:{_TRIP_WORDS})\w*\b", re.I)
# a sentence about a trip, an event or a place one is still looking for
TRAVEL_SENTENCE = re.compile(rf"\b(?:{_TRIP_WORDS}|wedding|honeymoon|getting married|buy(?!ers?\b)|buying|looking for|looking at)\w*\b", re.I)
ADDRESS_CUE = re.compile(r"(?:收货地址|地址|寄到|送到|邮寄到|寄给我|address|ship (?:it )?to|send (?:it )?to|deliver to)"
                         r"\s*(?:是|为|:|：|is)?\s*", re.I)
ADDRESS_CN = re.compile(rf"((?:{_alt(L.PROVINCES)})?(?:省|自治区)?(?:{CITY_CN_CORE_NAMES})市?[\u4e00-\u9fff]{{1,6}}?[区县]"
                        r"[\u4e00-\u9fffA-Za-z0-9\-]{1,24}?(?:(?:路|街|大道|巷|弄|道)(?:[东西南北中]段?)?\s*\d+\s*号|\d+\s*(?:栋|幢|号楼|号院))"
                        r"[\u4e00-\u9fffA-Za-z0-9\-]{0,16})")
ADDRESS_EN = re.compile(r"\b(\d{1,5}[A-Z]?\s+(?:[A-Z][a-z]+\s+){1,4}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|"
                        r"Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Crescent)\b\.?(?:,?\s*(?:#?(?:[A-Z][\w-]*|\d[\w-]*)\s*){1,4}){0,3})")
BUDGET_CUE = re.compile(r"预算|set aside|put aside|\bupto\b|\b(?:we|i) could (?:do|pay|go to)|总共|一共|出到|能出|可以出|投入|可以投|能投|想投|打算投|(?:keep it|stay|want|keep things|be) under|nothing (?:over|above|more than)|go much over|\bhanggang\b|\bsampai\b|(?<=bajet )(?:kami |saya )?dalam|唔好超过|能承担|可以承担|承担得起|bajet|maksimal|ceiling|stretch to|go over|go above|anything over|more than|\bcap\b|capped at|limit of|保费|有一笔|手上有|手头有|手里有|打算拿|准备拿|想拿|先拿|能拿|打算存|准备存|想存|能接受|可以接受|承受|打算花|准备花|想花|控制在|不超过|不能超过|别超过|莫超过|唔超过|加起来|人均|年缴|年交|不要超过|不想超过|手里就|手上就|手头就|最多|拿出|可投资|投资金额|"
                        r"can't go over|cannot go over|no more than|thinking around|budget|afford|spend|(?:pre-?)?approved (?:for|to|up to)|hoping for|"
                        r"每(?:年|月|期)(?:交|供|缴|存)|(?:一笔过|一筆過|大约|大約|大概|打算|准备|想)放|"
                        r"up to|no more than|max(?:imum)?|within|put (?:about |around )?|\b(?:i'd|i would|we'd|we can|i can)(?: only| probably| maybe)? (?:do|pay)(?: maybe| about| around| like)?\s*$|"
                        r"\b(?:max|most) (?:we|i) can do is\s*$|\bpremium (?:maybe |about |around |ard |like )?$|(?:能出|可以出|出得起|压到|谈到|降到|能凑个?|凑个|能出的就|能投的就|准备了|只打算出|打算出|存满|全款|手里有个|手上有个)\s*$|\bi can do(?: maybe| about| around)?\s*$|(?:先|想|打算|准备|再)投(?:个|入)?\s*$", re.I)
# weaker cues: they make a budget only of an amount written with its currency
BUDGET_SOFT_CUE = re.compile(r"(?:(?:can you )?do it for|can do|can you do|around|about|roughly|approximately|approx\.?|ard|sekitar|kira-kira|under|below|less than|ideally|more like|closer to|i (?:only )?(?:got|have)(?: like)?|"
                             r"大概|大约|差不多)\s*$", re.I)
BUDGET_AFTER = re.compile(r"\s*(?:(?:a|per|/)\s*(?:month|mth|mo|year|yr|night|day|week|head|person|pax|seat|user|licen[cs]e)\s*(?:(?:premium|rent|fee)\s+)?)?(?:进去|is the most|is the limit|is my (?:limit|max)|[?.]?\s*that's what i have|(?:左右)?都?(?:能接受|可以接受)|以内|内的|最多了?|顶天了?|封顶|内(?=都|也|可|吧|OK|ok|$|，|,)|预算|cap\b|limit\b|上限|之内|以下|能接受|可以接受|都能接受|左右的?预算|的预算|(?:左右)?(?:的)?闲钱|(?:左右)?可以投|能办|搞定|能搞定|就续|我?拿得出|我们?出得起|能拿下|is my budget|(?:\?\s*)?that'?s (?:my (?:limit|max|budget)|what i budgeted)|(?:total |all in )?max\b|maximum|tops|or less|(?:想|打算|准备)投资|搞得掂|"
                          r"at most|to spend|set aside|put aside|saved up|saved for)", re.I)
FAMILY_RULES = [
    ("married", re.compile(r"(?:我|我的|我家|本人)(?:先生|老公|老婆|丈夫|妻子|爱人|媳妇|太太)|(?:^|[，,。])(?:老婆|老公|媳妇)(?=也|在|是|说)|已婚|结婚了|\bmy (?:wife|husband)\b|"
                           r"\bi'm married\b|\bi am married\b|\bgot married\b|(?:^|[.!?,;]\s*)married\b", re.I)),
    ("has_children", re.compile(r"(?:我|我的|我家)(?:有)?(?:[一两二三四\d]个)?(?:儿子|女儿|孩子|宝宝|娃)|宝妈|宝爸|"
                                r"(?:^|[，,。])(?:孩子|儿子|女儿)(?:在|上|今年|已经|刚)|"
                                r"(?:家里|我们家|家中)有?[一两二三四\d]个(?:孩子|娃|宝宝|儿子|女儿)|给(?:孩子|儿子|女儿|宝宝)|带孩子|"
                                r"\bmy (?:(?:two|three|four|\d|little|young|baby|eldest|youngest|oldest)\s+)?"
                                r"(?:son|daughter|kids|children|baby|sons|daughters|boys|girls)\b|"
                                r"\b(?:have|with) (?:a|an|one|two|three|four|\d) (?:\d+[- ]?(?:year|month)[- ]old|"
                                r"(?:little |young )?(?:kids?|children|sons?|daughters?|toddler|baby))\b|"
                                r"\b(?:\d|two|three|four) (?:kids|children)\b|\b(?:mom|mum|mother|dad|father|parent) of "
                                r"(?:one|two|three|four|\d)\b", re.I)),
    ("single", re.compile(r"单身|未婚|还没结婚|没结婚|\b(?:i'm|i am)\b[^.]{0,25}\bsingle\b|\bnot married\b|"
                          r"\bsingle (?:mom|mum|mother|dad|father|parent)\b", re.I)),
    ("divorced", re.compile(r"离婚了|离异|(?:刚|已经?)离婚|\bdivorced\b", re.I)),
    ("expecting", re.compile(r"怀孕|孕妈|\bpregnant\b|\bexpecting (?:a|our|my) (?:first |second |third )?"
                             r"(?:baby|child|twins)\b|\bexpecting twins\b", re.I)),
]
NEG_MARRIED = re.compile(r"没结婚|未婚|还没结婚|not married", re.I)
BIRTHDAY_THAT_DAY = re.compile(r"\b(?:it'?s|is) my (?:birthday|bday|b-day)\b|\bmy (?:birthday|bday) (?:that day|then|also)\b|"
                               r"(?:那天|当天)(?:是|正好是)?我(?:的)?生日|是我(?:的)?生日|(?:刚好|正好|刚巧|恰好)(?:是)?我(?:的)?生日", re.I)
BIRTHDAY_CUE = re.compile(r"生日|出生|birthday|b-?day|born|date of birth|dob", re.I)
NEGATION_RX = re.compile(rf"(?:{_alt(L.NEGATIONS_CN)})|\b(?:{_alt(L.NEGATIONS_EN)})\b", re.I)

DIGIT_RX = re.compile(r"\d")

# What a staff question asks for (the customer's next short reply answers it).
ASK_RULES = [
    ("name", re.compile(r"怎么称呼|点称呼|称呼|贵姓|全名|大名|名字|(?:parent|guardian|owner|holder|contact)(?:'s)? name|\bname\?|您叫什么|你叫什么|您的名字|姓名|联系人|your name|full name|who am i speaking|who am i (?:chatting|talking) (?:with|to)|who(?:'s| is) this|"
                        r"name (?:and|&)|name for the|name on the", re.I)),
    ("city", re.compile(r"哪个城市|在哪里|在哪儿|哪里人|所在城市|从哪里|哪里出发|哪个区|哪区|住哪|住在哪|边区|边度住|本地吗|"
                        r"哪个片区|哪一带|住.{0,4}哪|地址还在|还在.{0,6}吗|which city|do you stay|(?:are you )?still in|\bzip\b|where are you (?:based|located|from)|where do you (?:live|stay)|"
                        r"do you live|are you based|which (?:area|suburb|part of)|what (?:area|suburb)|your postcode|邮编|"
                        r"(?:^|[\s,.])(?:city|suburb|town|location|area)\s*\?|(?:moving|coming) from where|where (?:from|are you)\?", re.I)),
    ("budget", re.compile(r"预算|budget|spend|afford|价位|价格区间|投入多少|多少资金|可投资", re.I)),
    ("phone", re.compile(r"手机|电话|号码|联系方式|phone|mobile|contact number|your number|best number|whatsapp|"
                         r"reach you|\bhp\b|cell|registered number|contact no|number (?:and|&)", re.I)),
    ("company", re.compile(r"哪家公司|什么公司|公司名|单位是|在哪上班|哪个单位|which company|where do you work|company name|"
                           r"(?:^|\b)company[,?]|your company|organi[sz]ation\?", re.I)),
    ("age", re.compile(r"多大|年龄|几岁|how old|your age|age\?", re.I)),
    ("birthday", re.compile(r"生日|出生日期|出生年月|birthday|date of birth|\bdob\b", re.I)),
]


# foreign cities written in Chinese (温哥华 → Vancouver, 新加坡 → Singapore), and those whose phone region is known
FOREIGN_CITIES_CN = frozenset(cn for cn, en in L.CITY_ALIASES.items() if not cn.isascii() and en.isascii())
FOREIGN_CITY_CN = {cn: en for cn, en in L.CITY_ALIASES.items() if not cn.isascii() and en in L.CITY_REGION}
CITY_REGION_RX = re.compile(rf"(?<![A-Za-z])({_alt(L.COUNTRY_REGION)})(?![a-z])|(?<![A-Za-z])({_alt(L.CITY_REGION)})(?![A-Za-z])|({_alt(L.TW_CITIES)})|"
                            rf"(?<![A-Za-z])({_alt(d for d in L.DISTRICT_CITY if d.isascii())})(?![A-Za-z])|({_alt(FOREIGN_CITY_CN)})")


BRAND_RX = re.compile(rf"(?<![\w&])({_alt(L.BRAND_REGION)})(?![\w&])")


def _region_of_city(city: str) -> str | None:
    """Phone region of a canonical city name (Chinese names are mainland cities but for HK/Macau;
    a Latin-script town no table knows says nothing)."""
    known = L.CITY_REGION.get(city) or L.TOWN_REGION.get(city) or L.FOREIGN_CITY_COUNTRY.get(city) or L.NEIGHBOURHOOD_CITY_REGION.get(city)
    if known or city.isascii():
        return known
    return "TW" if city in L.TW_CITIES else {"香港": "HK", "澳门": "MO"}.get(city, "CN")


def _region_in(text: str) -> str | None:
    """The phone region of the first country or international city named in ``text``."""
    m = CITY_REGION_RX.search(text)
    if not m:
        return None
    if m.group(1):
        return L.COUNTRY_REGION[m.group(1)]
    if m.group(4):  # a district: the region of its city
        return _region_of_city(L.DISTRICT_CITY[m.group(4)])
    if m.group(5):  # "住温哥华": a foreign city written in Chinese
        return L.CITY_REGION[FOREIGN_CITY_CN[m.group(5)]]
    return L.CITY_REGION[m.group(2)] if m.group(2) else "TW"


def _fact(field, value, display, conf, start, end, hedged=False) -> Fact:
    if field == "company" and value != value.strip():  # " PT Wings Surya": a name has no edge spaces
        lead = len(value) - len(value.lstrip())
        value = display = value.strip()
        start, end = start + lead, start + lead + len(value)
    return Fact(field, value, display, round(conf * (0.8 if hedged else 1.0), 3), start, end)


_WORDS: frozenset | None = None


_PLACES: frozenset | None = None


def _place_prefix(text: str) -> str | None:
    """The longest start of ``text`` that is a place name in jieba's dictionary (tagged ns) or a
    park/plaza word (科技园, 广场): "新街口", "徐家汇美团" -> "徐家汇"."""
    if _PLACES is None:
        _load_words()
    for n in range(min(6, len(text)), 1, -1):
        head = text[:n]
        if (head in _PLACES and head != "中国") or head.endswith(("园", "园区", "广场", "大厦", "中心", "路", "街")):
            return head
    return None


def starts_with_common_word(name: str) -> bool:
    """"方案发", "马上到": the first two characters are an ordinary word (jieba's dictionary: frequent,
    not tagged as a person's name). Weak name rules — a name written beside a contact — skip these."""
    if _WORDS is None:
        _load_words()
    return name[:2] in _WORDS


def _load_words() -> None:
    """Read jieba's dictionary once: frequent ordinary 2-character words, and place names (ns)."""
    global _WORDS, _PLACES
    import os

    import jieba

    words, places = set(), set()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            if len(word) == 2 and not tag.startswith("nr") and int(freq) >= 500:
                words.add(word)
            if tag == "ns" and 2 <= len(word) <= 5:
                places.add(word)
    _WORDS, _PLACES = frozenset(words), frozenset(places)


NAME_WITHOUT_SURNAME_CN = re.compile(r"([\u4e00-\u9fff]{2,4})(?=[，,。！!\s]|$)")
NAME_STOP_RX = re.compile(r"[的了是在我你他她们啊吧呢哈嘛就也都]")


def _cn_name(text: str, pos: int) -> tuple[str, int] | None:
    """A Chinese personal name starting at ``pos`` (surname + 1-2 given characters)."""
    s = text[pos:pos + 4]
    if s[:2] in L.CN_COMPOUND_SURNAMES:
        n = 2
    elif s[:1] in L.CN_SURNAMES:
        n = 1
    else:
        return None
    given = ""
    for i, ch in enumerate(s[n:], n):
        if len(given) == 2 or not CJK_RX.match(ch):
            break
        if ch in L.NAME_STOP and not (ch == "小" and s[i:i + 2] != "小姐") \
                and not (ch == "家" and i == n and CJK_RX.match(s[i + 1:i + 2] or " ") and s[i + 1] not in L.NAME_STOP):
            break  # 林小美 and 何家俊 are names, 王小姐 and 王家里 are not
        given += ch
    if not given or given in ("太", "生", "先") or s[:n] + given in THIRD_PARTY_CN_SET or s[:n] + given in CN_TITLE_SET \
            or ((s[:n] + given)[:2] in CN_CITY_SET and not (len(given) == 2 and (s[:n] + given)[:2] in L.COUNTY_CITIES)) \
            or (s[:n] + given)[:3] in CN_CITY_SET:  # (龙海波 is a name, though 龙海 is a county-level city)
        return None
    return s[:n] + given, pos + n + len(given)


DOTTED_NUMBER = re.compile(r"(?<![\d.])\d{2,4}\.\d{3,4}\.\d{3,4}(?![\d.])")
FULL_WIDTH_NUMBER = re.compile(r"[０-９－＋]")
FULL_WIDTH_TO_ASCII = str.maketrans("０１２３４５６７８９－＋", "0123456789-+")


def prepare(text: str) -> tuple[str, dict]:
    """The text the rules read (traditional characters as simplified, 我係 as 我是, full-width
    digits as ASCII; one character for one, so spans stay in place) and its keyword hits."""
    if FULL_WIDTH_NUMBER.search(text):  # "０９１７－３５２－４８６"
        text = text.translate(FULL_WIDTH_TO_ASCII)
    if "【" in text:  # "【姓名】蔡子轩【手机】…": a form, read as "姓名：蔡子轩 手机：…"
        text = text.replace("【", " ").replace("】", "：")
    if "." in text:  # "0972.385.160": a number grouped with dots, read as grouped with spaces
        text = DOTTED_NUMBER.sub(lambda m: m.group().replace(".", " "), text)
    if CJK_RX.search(text):
        text = CANTONESE_IS.sub("是", P.to_simplified(text))
        if "俺" in text:  # northern speech: 俺 is 我 ("俺的是150…", "俺是种大棚的")
            text = text.replace("俺", "我")
    return text, scan(text.lower())


def extract_text(text: str, ts: datetime, *, asked: str | frozenset | None = None,
                 region: str | None = None, prepared: tuple[str, dict] | None = None,
                 context: frozenset = frozenset()) -> list[Fact]:
    """All candidate facts about the sender in one customer message (or OCR text of their image).

    ``region`` (ISO 3166) is where the conversation points the customer to (a city they named, the
    staff member's own number); local phone numbers are read in it. ``prepared`` is
    :func:`prepare` of ``text`` when the caller already has it. ``context``: Chinese cities the
    conversation has named so far, which say where an ambiguous district is.
    """
    if not text:
        return []
    asked = frozenset([asked]) if isinstance(asked, str) else (asked or frozenset())
    facts: list[Fact] = []
    has_cjk = CJK_RX.search(text) is not None
    written = text
    text, gates = prepared or prepare(text)  # values written as-is are restored below
    hedged = HEDGE_RX.search(text) is not None
    own = lambda s, e: belongs_to_customer(text, s, e)  # noqa: E731
    own_contact = lambda s, e: belongs_to_customer(text, s, e, contact=True)  # noqa: E731
    taken: list[tuple[int, int]] = []

    # numbers spoken in Chinese digits ("一五八 六七八九 零一二三") read like written ones; the
    # translation keeps every character in place, so spans still point into ``text``
    num_text = CN_DIGIT_RUN.sub(lambda m: m.group().translate(CN_DIGITS), text) \
        if CN_DIGIT_RUN.search(text) else text
    has_digit = DIGIT_RX.search(num_text) is not None
    home_region = region  # what money means is where the customer lives, not a place they mention
    if has_digit:
        region = _region_in(text) or region
    # identifiers first: their spans block overlapping numbers
    for m in (ID_NUMBER.finditer(num_text) if has_digit else ()):
        compact = m.group(1).replace(" ", "")
        if len(compact) != 18:
            continue
        info = P.id_number_info(compact)
        if " " in m.group(1) and not info:
            continue  # grouped digits that are no ID number may still be a phone number
        taken.append(m.span(1))
        if info and own_contact(*m.span(1)):
            value = compact.upper()
            facts.append(_fact("id_number", value, value, 0.99, *m.span(1)))
            facts.append(_fact("birthday", info[0], info[0], 0.9, *m.span(1)))
            facts.append(_fact("gender", info[1], info[1], 0.85, *m.span(1)))
    for m in (EMAIL.finditer(text) if "@" in text else ()):
        taken.append(m.span())
        if own_contact(*m.span()) and not SENT_TO_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            v = m.group().lower()
            if MISTYPED_MAILBOX.search(v):
                fixed = TLD_FIXED_AFTER.match(text, m.end())
                if not fixed:
                    continue  # "…@gmial.com": a slip, which the customer corrects
                v = v.rsplit(".", 1)[0] + "." + fixed.group(1).lower()  # "…@hotmail.con sorry .com": the address as corrected
            facts.append(_fact("email", v, v, 0.97, *m.span(), hedged))
    if " dot " in text and not any(f.field == "email" for f in facts):
        for m in SPOKEN_EMAIL.finditer(text):  # "dana at whitfieldcreative dot com": dictated
            v = f"{DOT_WORD.sub('.', m.group(1))}@{DOT_WORD.sub('.', m.group(2))}".lower()
            taken.append(m.span())
            if EMAIL.fullmatch(v) and own_contact(*m.span()):
                facts.append(_fact("email", v, m.group(), 0.8, *m.span(), hedged))
    emails = [f for f in facts if f.field == "email"]
    if len(emails) > 1 and CORRECTION_RX.search(text, emails[0].end, emails[-1].start):
        facts = [f for f in facts if f.field != "email" or f is emails[-1]]
    for m in (WECHAT.finditer(text) if "wechat" in gates else ()):
        taken.append(m.span(1))
        if own_contact(*m.span(1)):
            facts.append(_fact("wechat_id", m.group(1), m.group(1), 0.9, *m.span(1), hedged))
    for m in (QQ.finditer(text) if has_digit and "qq" in gates else ()):
        taken.append(m.span(1))
        if own_contact(*m.span(1)):
            qq = m.group(1).replace(" ", "")
            if 5 <= len(qq) <= 11:
                facts.append(_fact("qq", qq, qq, 0.9, *m.span(1), hedged))
    phone_spans = _phone_spans(text, num_text, region, has_cjk, taken, "phone" in asked) if has_digit else []
    if not has_cjk and len(gates.get("spoken_digit", ())) >= 3:
        phone_spans += _spoken_phones(text, region, taken + [p[0] for p in phone_spans])
    for span, v, conf in phone_spans:
        taken.append(span)
        if own_contact(*span):
            facts.append(_fact("phone", v, v, conf, *span, hedged))

    # a mistyped ID number is still someone's ID: it marks a message of contact details too
    contact_spans = [(f.start, f.end) for f in facts if f.field in CONTACT_FIELDS] + \
        [m.span() for m in ID_SHAPED.finditer(num_text)]
    has_contact = bool(contact_spans)
    if "name" in asked or "name" in gates or has_contact or LEAD_FULL_NAME.match(text) or NAME_SENTENCE_EN.search(text) \
            or (has_cjk and LEAD_NAME_COMMA.match(text)):
        _names(text, facts, own, hedged, asked, has_contact, contact_spans)
        for i, f in enumerate(facts):
            lead = NAME_PREFIX_EN.search(text, max(0, f.start - 7), f.start) if f.field == "name" else None
            if lead:  # "Md. Rafiqul Islam": Muhammad, abbreviated, is part of the name
                facts[i] = _fact("name", text[lead.start():f.end], text[lead.start():f.end], f.confidence, lead.start(), f.end)
    if SIGNATURE_SEP.search(text):
        _signature(text, facts, own, hedged)
    if "work" in gates or "company" in asked:
        _work(text, facts, own, hedged, has_cjk, asked)
    if "employer" in gates and not any(f.field == "company" for f in facts):
        _named_employer(text, facts, own, hedged, asked)
    m = DASH_CARD_CN.search(text) if has_cjk and ("—" in text or "--" in text) else None
    if m and (_cn_name(m.group(1), 0) or ("", 0))[1] == len(m.group(1)) and m.group(2) not in GENERIC_ORG and own(*m.span(1)):
        # "——周丽娜 宁波银行 客户经理 zhoulina@…": a card signed after a dash, its name, firm and title
        facts[:] = [f for f in facts if f.field not in ("name", "company")]
        facts.append(_fact("name", m.group(1), m.group(1), 0.8, *m.span(1), hedged))
        facts.append(_fact("company", m.group(2), m.group(2), 0.75, *m.span(2), hedged))
    m = LEAD_NAME_SPACE_CN.match(text) if has_cjk and not any(f.field == "name" for f in facts) else None
    if m and any(f.field == "company" and f.start == m.end() for f in facts):
        got = _cn_name(m.group(1), 0)  # "陈国栋 温州鼎盛鞋业有限公司 董事长": a card's name, firm and title
        if got and got[1] == len(m.group(1)) and own(*m.span(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.75, *m.span(1), hedged))
    m = ORDINAL_ORG_CLAUSE.search(text) if has_cjk and not any(f.field == "company" for f in facts) else None
    if m and any(f.field in CONTACT_FIELDS or f.field == "name" for f in facts) and own(*m.span(1)):
        facts.append(_fact("company", m.group(1), m.group(1), 0.7, *m.span(1), hedged))  # "高健，中建三局的，…"
    if has_cjk:
        _more_employers_cn(text, facts, own, hedged)
    firms = {f.value for f in facts if f.field == "company" and (f.value.isascii() or f.value in EMPLOYER_NAMES_ANY_CN)}
    if firms and any(f.field == "name" and f.value in firms for f in facts):
        # "… w/ State Farm", "I'm Safaricom staff", "我是包钢的": a firm, no one's name
        facts[:] = [f for f in facts if f.field != "name" or f.value not in firms]
    m = NAME_THEN_ORG_EN.search(text) if "(" in text and not any(f.field == "company" for f in facts) else None
    if m and any(f.field == "name" and f.value == m.group(1) for f in facts) and not _part_city(m.group(2)):
        facts.append(_fact("company", m.group(2), m.group(2), 0.75, *m.span(2), hedged))  # "Thanks, Hoang Duc Anh (FPT Software)"
    if has_cjk and not any(f.field == "city" for f in facts):
        _leading_city_district(text, facts, own, hedged, asked)
    if has_cjk and not any(f.field == "city" for f in facts) and ("县" in text or "区" in text or "旗" in text):
        _county_home(text, facts, own, hedged)
    if has_cjk and not any(f.field == "city" for f in facts) and any(f.field in CONTACT_FIELDS or f.field == "name" for f in facts):
        _place_clause(text, facts, own, hedged)
    m = LEAD_PLACE_CITY_EN.match(text) if not has_cjk and "en_city" in gates else None
    if m and not any(f.field == "city" for f in facts) and own(*m.span(2)):
        c = _canonical_city(CITY_BY_LOWER.get(m.group(2).lower(), m.group(2)))  # "Halswell, Christchurch. I'm …"
        facts.append(_fact("city", c, c, 0.75, *m.span(2), hedged))
    if region in L.SUBURB_CITY and not has_cjk and "home_cue" in gates and not any(f.field == "city" for f in facts):
        _suburb_home(text, facts, own, hedged, L.SUBURB_CITY[region])  # before the towns of every country
    if "city" in asked or "place" in gates:
        _places(text, facts, own, hedged, asked, has_cjk, gates, context, region)
    elif not has_cjk:  # a town no list names: after a home cue, or before its postcode or state
        if "home_cue" in gates:
            _home_place_en(text, facts, own, hedged, region)
        if not any(f.field == "city" for f in facts) and POSTCODE_OR_STATE.search(text):
            _town_by_postcode(text, facts, own, hedged)
    if not has_cjk and not any(f.field == "city" for f in facts) and text.count(",") >= 2 and has_digit:
        _address_tail_city(text, facts, own, hedged)
    m = IRISH_COUNTY_TOWN.search(text) if "Co" in text and not has_cjk else None
    if m and any(f.field == "city" for f in facts) and not any(f.field == "city" and f.start >= m.end(1) for f in facts):
        m = None  # a city read before the town stands (only the county's own name after "Co." gives way)
    if m and not STREET_WORD.search(m.group(1)) and not any(f.field == "name" and f.value == m.group(1) for f in facts) and own(*m.span(1)):
        facts[:] = [f for f in facts if f.field != "city"]
        town = m.group(1)  # "I live in Macroom, Co. Cork", "14 Main Street, Kinsale, Co. Cork": the town (a suburb's city)
        c = _canonical_city(L.SUBURB_CITY.get("IE", {}).get(town) or L.DISTRICT_CITY.get(town) or town)
        facts.append(_fact("city", c, c, 0.7, *m.span(1), hedged))
    m = ESTATE_STREET_EN.search(text) if "en_district" in gates and not any(f.field == "city" for f in facts) else None
    if m and own(*m.span(1)):  # "Tampines St 81", "Bishan st 22": an estate's numbered street, as Singapore writes it
        c = _district_city(m.group(1))
        facts.append(_fact("city", c, c, 0.75, *m.span(1), hedged))
    m = FORM_PLACE_EN.search(text) if ":" in text and not any(f.field == "city" for f in facts) else None
    city = _part_city(m.group(1)) if m else None
    if city and own(*m.span(1)):  # "Town: Kisumu", "Suburb: Paddington QLD": a form's place field
        facts.append(_fact("city", city, city, 0.8, *m.span(1), hedged))
    if has_cjk and "university" in gates and not any(f.field == "city" for f in facts):
        _university_city(text, facts, own, hedged)
    if has_cjk and LATIN_WORD.search(text) and (not any(f.field == "city" for f in facts) or LATIN_CITY_THEN_DISTRICT.search(text)):
        kept = [f for f in facts if f.field != "city"]
        _latin_home(text, kept, own, hedged, region)
        if any(f.field == "city" for f in kept) or not any(f.field == "city" for f in facts):
            facts[:] = kept  # "我们住 Vancouver 东区": Vancouver's east, not 攀枝花's 东区
    if has_cjk and not any(f.field == "city" for f in facts) and (context or any(f.field == "id_number" for f in facts)):
        _ambiguous_home(text, facts, own, hedged, context)
    if not has_cjk and not any(f.field == "city" for f in facts) and any(f.field == "company" for f in facts):
        _work_town_en(text, facts, own, hedged, region)
    cities = [f for f in facts if f.field == "city"]
    if len(cities) > 1:  # "吉隆坡" holds 吉隆, a county of 日喀则: the longer name is the place
        facts[:] = [f for f in facts if f.field != "city" or not any(
            g is not f and g.start <= f.start and f.end <= g.end and g.end - g.start > f.end - f.start for g in cities)]
    _personal(text, ts, facts, own, hedged, asked, taken, gates, region)
    home_city = next((f.value for f in facts if f.field == "city"), None)
    if home_city:  # "預算6萬，住大里": the money is Taichung's
        home_region = _region_of_city(home_city) or region
    if "budget" in asked or "budget" in gates:
        # ("屋企喺佛山南海區，預算一百蚊左右": Cantonese, but a mainland city's 蚊 are yuan)
        money_region = home_region if not has_cjk or home_region in ("HK", "TW", "MO") or (home_city and home_region == "CN") \
            or (home_region in ("AU", "CA", "NZ", "SG", "US", "MY") and "$" in text) else None  # ("保费一年控制在 $2500" in Canada)
        if money_region == "HK" and not home_city and written == text and "蚊" in text:
            money_region = "CN"  # Cantonese in simplified characters is Guangdong's: its 蚊 are yuan
        _budget(text, facts, hedged, has_cjk, asked, taken, money_region)
    _tags(text, facts, own, gates)
    if written != text:
        facts = [_as_written(f, text, written) for f in facts]
    return facts


CANTONESE_IS = re.compile(r"(?<=我|们|哋)系(?![统列主里])")  # 我係/我们係 → 我系 after conversion: "I am", "we are"
AS_WRITTEN_FIELDS = frozenset({"name", "company", "job_title", "address", "wechat_id"})


# "南京大学大三的", "在川大读研": a student is where their university is
STUDY_CN = re.compile(r"大[一二三四五]|研[一二三]|读研|读博|读书|念书|在读|学生|研究生|博士|硕士|本科|上学|毕业")
UNIVERSITY_CN = re.compile(rf"(?:{_alt(L.UNIVERSITY_CITY)})|(?<![\u4e00-\u9fff])(?!吉林)({CITY_CN_CORE_NAMES})"
                           r"(?:大学|理工大学|师范大学|科技大学|医科大学|交通大学|财经大学|工业大学)")


def _university_city(text, facts, own, hedged):
    """The city of the university the customer studies at, when nothing else says where they are
    (a university named for a city may be elsewhere: 吉林大学 is in 长春)."""
    for m in UNIVERSITY_CN.finditer(text):
        if STUDY_CN.search(_sentence(text, m.start())) and own(*m.span()):
            city = _canonical_city(m.group(1) or L.UNIVERSITY_CITY[m.group()])
            facts.append(_fact("city", city, city, 0.65, *m.span(), hedged))
            return


FORM_PLACE_EN = re.compile(r"\b(?:Town|City|Suburb|Location|Area|Hometown|Home town|Moving from|Current address|Locality)\s*:\s*([A-Z][\w'’ -]{1,30}?)"
                           r"(?=\s*(?:\([A-Z0-9 ]{2,8}\)\s*)?(?:[,/|;]|\.(?:\s|$)|$))")  # "Area: Leamington Spa (CV32) |"
CITY_PART_TAIL = re.compile(r"\s+(?:Selatan|Utara|Barat|Timur|Pusat|pa rin po|po)$|[.!]+$")


def _address_tail_city(text, facts, own, hedged):
    """"Blk 5 Lot 12, Mahogany St, Lanang, Davao City", "400053, Andheri West, Mumbai.": an address
    written as parts, the city last."""
    end = SENT_END.search(text)
    for head in dict.fromkeys((text[:end.start()] if end and end.start() > 0 else text, text)):  # "Jl. Kemang …": a stop inside
        parts = head.split(",")
        if len(parts) < 3 or not DIGIT_RX.search(",".join(parts[:-1])):
            continue
        last = parts[-1].strip()
        s0 = head.rindex(last) if last else 0
        city = _part_city(last) or _part_city(CITY_PART_TAIL.sub("", last))
        if city and own(s0, s0 + len(last)):
            facts.append(_fact("city", city, city, 0.7, s0, s0 + len(last), hedged))
            return


DOTTED_NAME_CN = re.compile(r"(?:^|(?<=[，,。\s])|(?<=我叫)|(?<=我是)|(?<=叫))([\u4e00-\u9fff]{1,5}[·•・][\u4e00-\u9fff]{1,6})(?=[，,。!！\s]|$)")
DASH_CARD_CN = re.compile(rf"(?:——|—|--)\s*([\u4e00-\u9fff]{{2,3}})\s+([\u4e00-\u9fffA-Za-z]{{2,16}}?)\s+(?:{_alt(L.CN_TITLES)})(?=\s|$)")
LEAD_NAME_SPACE_CN = re.compile(r"^([\u4e00-\u9fff]{2,4})\s+")


MISTYPED_MAILBOX = re.compile(r"@(?:gmial|gmal|gamil|gnail|hotmial|hotmal|yahooo|outlok)\.|\.(?:con|cmo|comm)$")
TLD_FIXED_AFTER = re.compile(r"\s*,?\s*(?:sorry|oops|i mean)?,?\s*\.(com|net|org)\b", re.I)


def _as_written(f: Fact, text: str, written: str) -> Fact:
    if f.field in AS_WRITTEN_FIELDS and f.value == text[f.start:f.end]:
        value = written[f.start:f.end]
        return Fact(f.field, value, value, f.confidence, f.start, f.end)
    return f


def _labelled_or_signed(text: str, pos: int) -> bool:
    """A phone label ("mobile", "电话"), a name or a correction ("sorry typo") written just before ``pos``."""
    return bool(CONTACT_LABEL_BEFORE.search(text[max(0, pos - 12):pos]) or EN_NAME_BEFORE.search(text[max(0, pos - 40):pos])
                or CN_NAME_BEFORE.search(text[max(0, pos - 12):pos]) or CORRECTED_TO_BEFORE.search(text[max(0, pos - 16):pos]))


CORRECTED_TO_BEFORE = re.compile(r"(?:typo|sorry|i mean|actually|不对|打错了|应该是|是|系)\W{0,3}$", re.I)


NOT_MINE_AFTER = re.compile(r"\s*[，,]\s*(?:找|打给|联系)(?:他|她|佢)|\s*[，,]\s*(?:是|这是|那是)?我(?:老婆|老公|爱人|媳妇|太太|先生|妈妈?|爸爸?|母亲|父亲|儿子|女儿|哥哥?|姐姐?|弟弟?|妹妹?|同事|朋友)的(?:手机|号码?|电话)(?=\s*(?:[，,。！!~～]|$))|\s*(?:is|=|—|-|,)?\s*(?:our|the)?\s*(?:front desk|reception|switchboard|main line|general line|(?:department|dept|main|school|clinic) office|"
                            r"总机|前台|(?:是|系|係)(?:我们)?(?:公司|单位|店里|店)?(?:的)?(?:前台|总机|座机|固话|办公室))|[.,]?\s*(?:pls |please )?(?:don'?t|do not|dont) (?:call|use|ring|text) (?:that|this)(?: one| number)?", re.I)
NOT_MINE_BEFORE = re.compile(r"(?:reception|front desk|switchboard|总机|前台)(?:座机|电话)?\W{0,3}(?:is|number|no\.?|:|：)?\s*$|"
                             r"(?:找|打给|联系|打电话给)(?:她|他|佢)\s*[:：]?\s*$|(?:骗子|诈骗|骚扰|推销)(?:的|电话|号码|号)*(?:是|为|[:：])?\s*$|\bscam(?:mer)?(?:'s)?\s+(?:number|no\.?|call)?\s*(?:is|was|:)?\s*$|\b(?:no|don'?t|do not) call (?:the other one|that one|this one)\s*$", re.I)  # "可以直接找她 0955 …"
# "Should I send the photos to rob.tanaka@insurer.com?": an address one sends to is someone else's
# (but "send the label to lucy@…" asks for something to be sent to the customer)
SENT_TO_BEFORE = re.compile(r"(?:已经?|我已经?|刚)(?:发到|发给|寄到|发去)了?\s*$|"
                            r"\b(?:i|i'll|i will|shall i|should i|can i|could i|i can|i've|i have|we'll|we will|should we)\s+"
                            r"(?:\w+\s+){0,2}?(?:send|sent|forward|forwarded|email|emailed|e-mail|mail|mailed)\b"
                            r"(?:(?!\b(?:me|my|mine)\b)[^.?!]){0,40}\bto\s*$", re.I)
TAKEN_BACK = re.compile(r"\s*[，,.]?\s*(?:哦|啊|呃|oh|oops|sorry)?\s*(?:不对|打错了|写错了|输错了|wrong|typo|sorry wrong|"
                        r"(?:no wait,? )?(?:sorry,? )?that'?s (?:my|the) old (?:one|number))", re.I)


DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
               "six": "6", "seven": "7", "eight": "8", "nine": "9"}
SPOKEN_DIGIT = re.compile(r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine)\b", re.I)
_DIGIT_TOKEN = r"(?:(?:double|triple)\s+)?(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b|\d+"
SPOKEN_NUMBER = re.compile(rf"(?<![\w-])(?:{_DIGIT_TOKEN})(?:[\s,-]+(?:{_DIGIT_TOKEN}))+", re.I)
SPOKEN_EMAIL = re.compile(r"\b([a-z0-9][a-z0-9._-]*(?:\s+dot\s+[a-z0-9_-]+)*)\s+at\s+([a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)*"
                          r"\s+dot\s+(?:com|net|org|edu|gov|io|co|uk|au|ca|sg|my|hk|tw|cn|in|nz|ie|za|de|fr))\b", re.I)
DOT_WORD = re.compile(r"\s+dot\s+", re.I)


# the country an e-mail address belongs to: "@xtra.co.nz", "oliver at grantandhale dot co dot uk"
EMAIL_TLD_REGION = re.compile(r"(?:@|\bat\s)[\w.-]*?(?:\.|\s+dot\s+)(?:(?:co|com|org|net|gov|edu)(?:\.|\s+dot\s+))?"
                              r"(uk|au|nz|ie|ca|sg|my|hk|in|ph|za|tw)\b", re.I)
TLD_REGION = {"uk": "GB", "au": "AU", "nz": "NZ", "ie": "IE", "ca": "CA", "sg": "SG", "my": "MY", "hk": "HK",
              "in": "IN", "ph": "PH", "za": "ZA", "tw": "TW"}


NUMBER_COUNTRY = {**L.COUNTRIES_CN, "内地": "CN", "大陆": "CN", "国内": "CN"}
_COUNTRY_NUMBER = rf"({_alt(NUMBER_COUNTRY)})(?:的)?(?:手机)?(?:号码?|手机|电话)"  # "马来西亚号", "香港的手机"
COUNTRY_NUMBER_CN = re.compile(_COUNTRY_NUMBER)
COUNTRY_NUMBER_LABEL = re.compile(_COUNTRY_NUMBER + r"\s*(?:是|系|:|：)?\s*$")


def _spoken_phones(text: str, region: str | None, taken) -> list[tuple[tuple[int, int], str, float]]:
    """Numbers dictated in words: "five one two five five five three three eight zero", "469 three one two 8804"."""
    out = []
    tld = EMAIL_TLD_REGION.search(text) if region is None else None
    region = TLD_REGION[tld.group(1).lower()] if tld else region
    for m in SPOKEN_NUMBER.finditer(text):
        if not SPOKEN_DIGIT.search(m.group()) or not free_span(taken, *m.span()):
            continue
        digits = ""
        for tok in re.findall(r"(double|triple)\s+(\w+)|(\w+)", m.group(), re.I):
            times, word, single = tok
            d = DIGIT_WORDS.get((word or single).lower(), (word or single) if (word or single).isdigit() else "")
            digits += d * (2 if times.lower() == "double" else 3 if times.lower() == "triple" else 1)
        if 7 <= len(digits) <= 15:
            if region:
                v = P.parse_international(digits, region)
            else:  # no country said: the one served region the number is valid in
                found = {P.parse_international(digits, r) for r in FALLBACK_REGIONS if P.valid_in(digits, r)} - {None}
                if len(found) > 1:  # people dictate their mobile; else English text is read as North American
                    found = {v for v in found if P.is_mobile(v)} or {v for v in found if v.startswith("+1")}
                v = found.pop() if len(found) == 1 else None
            if v:
                out.append((m.span(), v, 0.75))
    return out


NANP_SHAPED = re.compile(r"\(?[2-9]\d{2}\)?[-. ]\d{3}[-. ]\d{4}")
KR_MOBILE_SHAPED = re.compile(r"010([- ])\d{4}\1\d{4}")


def _phone_spans(text: str, num_text: str, region: str | None, has_cjk: bool,
                 taken: list[tuple[int, int]], asked_phone: bool = False) -> list[tuple[tuple[int, int], str, float]]:
    """((start, end), E.164, confidence) of the phone numbers in a message, before attribution."""

    phone_spans = []
    for run in DIGIT_RUN.finditer(num_text) if COUNTRY_NUMBER_CN.search(text) else ():
        label = COUNTRY_NUMBER_LABEL.search(text, max(0, run.start() - 12), run.start())
        if label and free_span(taken, *run.span()):  # "马来西亚号 016-729 4485，新加坡号 8826 1937"
            v = P.parse_international(re.sub(r"[^\d+]", "", run.group()), NUMBER_COUNTRY[label.group(1)])
            if v:
                phone_spans.append((run.span(), v, 0.9))
    for m in CN_MOBILE.finditer(num_text):
        if any(a <= m.start() and m.end() <= b for (a, b), _, _ in phone_spans):
            continue
        before = text[max(0, m.start() - 14):m.start()]
        if free_span(taken, *m.span()) and not NOT_PHONE_BEFORE.search(before) and not OTHER_CODE_BEFORE.search(before):
            phone_spans.append((m.span(), P.normalise_cn_mobile("".join(g for g in m.groups() if g).replace(" ", "")), 0.97))
    if _digits_left(num_text, taken + [p[0] for p in phone_spans]) >= 7:
        # other numbers (international, or local to the region the conversation points at) via
        # phonenumbers' matcher; a CN-mobile-looking tail of "+49 151 …" belongs to the whole
        plus = STAFF_INTL_RX.search(num_text) if "+" in num_text else None
        plus_region = P.region_of_number(re.sub(r"[\s()-]", "", plus.group())) if plus else None
        if plus_region and plus_region not in ("001", "CN", region):
            region = plus_region  # "021 427 3390 home or mobile +353 85 …": an Irish landline
        local_region = region or ("CN" if has_cjk else "US")
        known = taken + [p[0] for p in phone_spans]
        for s, e, v in _find_in_windows(num_text, local_region, region is None and not has_cjk, known):
            if not free_span(taken, s, e) or NOT_PHONE_BEFORE.search(text[max(0, s - 14):s]) \
                    or (s and text[s - 1].isascii() and text[s - 1].isalpha()) or DATE_SHAPED.fullmatch(text, s, e) \
                    or (s > 1 and text[s - 1] == "-" and text[s - 2].isascii() and text[s - 2].isalpha()) \
                    or re.match(r"-\d", text[e:e + 2]) or (s > 1 and re.match(r"\d-", text[s - 2:s])):
                continue  # "YT8866201473" is a tracking code, "14-05-1993" a date, "402-7719384-2290113" an order
            if v.startswith("+86") and not v.startswith("+861") and NANP_SHAPED.fullmatch(text, s, e):
                continue  # "416-728-3390": grouped as North America writes it; a Chinese landline keeps its 0
            if v.startswith("+8610") and KR_MOBILE_SHAPED.fullmatch(text, s, e):
                v = P.parse_international(re.sub(r"\D", "", text[s:e]), "KR") or v  # "010-4827-1935": Seoul's mobiles, not Beijing's lines, are grouped 3-4-4
            inside = [p for p in phone_spans if s <= p[0][0] and p[0][1] <= e]
            if inside and (v.startswith("+86") or text[s] != "+"):
                continue  # the CN mobile rule already has it, unless another country code leads
            phone_spans = [p for p in phone_spans if p not in inside]
            if all(e <= a or s >= b for (a, b), _, _ in phone_spans):
                phone_spans.append(((s, e), v, 0.95 if text[s] == "+" else 0.85))
    if _digits_left(num_text, taken + [p[0] for p in phone_spans]) >= 8:
        # a local number in a conversation that says nothing of its country: taken when it is
        # valid in exactly one of the regions the console serves, and labelled or signed as one
        by_span: dict[tuple[int, int], set] = {}
        for run in DIGIT_RUN.finditer(num_text):
            s0, e0 = run.span()
            signed = _labelled_or_signed(text, s0)
            if re.match(r"-\d", text[e0:e0 + 2]) or (s0 > 1 and re.match(r"\d-", text[s0 - 2:s0])):
                continue  # "402-7719384-2290113": an order number
            if not (asked_phone or signed) or not free_span(taken, s0, e0) or DATE_SHAPED.search(num_text, s0, e0) \
                    or NOT_PHONE_BEFORE.search(text[max(0, s0 - 14):s0]):
                continue  # only labelled or signed runs are worth asking every region about
            if any(a <= s0 and e0 <= b for (a, b), _, _ in phone_spans):
                continue  # already read as a number: what the regions find in it could not be kept
            digits = re.sub(r"\D", "", num_text[s0:e0])
            for r in (r for r in FALLBACK_REGIONS if P.valid_in(digits, r)):  # unlabelled: grouped as the region writes it
                # Indian numbers only as India groups them: "07700 900123" is a British drama number
                for s, e, v in P.find_phone_numbers(num_text[s0:e0], r, exact_grouping=not signed or r == "IN"):
                    by_span.setdefault((s0 + s, s0 + e), set()).add(v)
        for (s, e), values in by_span.items():
            if len(values) > 1:  # people give their mobile: "0412 …" is an AU mobile, an IE landline
                values = {v for v in values if P.is_mobile(v)}
            if len(values) > 1 and NANP_SHAPED.fullmatch(text, s, e):
                values = {v for v in values if v.startswith("+1")} or values  # "206-718-3392": grouped as North America does
            if len(values) > 1 and HANDPHONE_BEFORE.search(text[max(0, s - 12):s]):
                values = {v for v in values if v.startswith(("+65", "+60"))}  # "hp": Singapore/Malaysia usage
            local = {v for v in values if P.region_of_number(v) == region}
            if len(values) > 1 and local:
                values = local
            if len(values) == 1 and (asked_phone or _labelled_or_signed(text, s)) and all(e <= a or s >= b for (a, b), _, _ in phone_spans):
                phone_spans.append(((s, e), values.pop(), 0.7))
    for m in LANDLINE.finditer(num_text):
        span = (m.start(1), m.end(m.lastindex))
        if free_span(taken, *span) and all(span[1] <= a or span[0] >= b for (a, b), _, _ in phone_spans):
            v = P.parse_international(num_text[span[0]:span[1]], "CN")
            if v:
                phone_spans.append((span, v, 0.85))
    # 400/800 numbers are a business's hotline, no one's own
    phone_spans = [p for p in phone_spans if not p[1].startswith(("+86400", "+86800"))]
    # "(415) 872-1100 is our front desk, don't use that", "don't ring the office reception (01) 677 …"
    others = [p for p in phone_spans if NOT_MINE_AFTER.match(text, p[0][1]) or NOT_MINE_BEFORE.search(text[max(0, p[0][0] - 30):p[0][0]])]
    taken.extend(p[0] for p in others)  # someone else's number is still a number, not an amount
    phone_spans = [p for p in phone_spans if p not in others]
    if len(phone_spans) == 1 and TAKEN_BACK.match(text, phone_spans[0][0][1]) and not CORRECTS_LAST.match(text):
        phone_spans = []  # "139 7314 5520 哦不对，打错了": the number is withdrawn
    if len(phone_spans) > 1:
        ordered = sorted(phone_spans)
        if NEGATED_BEFORE.search(text, max(0, ordered[-1][0][0] - 8), ordered[-1][0][0]):
            phone_spans = ordered[:-1]  # "6023 1185（唔係 9456 0712 呀）": the number said not to be it
        elif CORRECTION_RX.search(text, ordered[0][0][1], ordered[-1][0][0]):
            phone_spans = ordered[-1:]  # "312-555-0196 wait no, 312-555-0169"
    return phone_spans


CONTACT_FIELDS = frozenset({"phone", "email", "id_number", "wechat_id", "qq"})
CLAUSE_RX = re.compile(r"(?:[^，,。！？!?；;:：\n()（）.|/～]|\.(?!\s|$))+")
# "Pieter van der Merwe", "Park Ji-hoon", "Nurul Aisyah binte Rahman", "S. Ramasubramanian"
EN_FULL_NAME = re.compile(r"(?:[A-Z]\.\s(?=[A-Z][a-z]{3,})|[A-Z]{2,}|" + _NAME_WORD + r"(?:-[a-z]{2,})?)"
                          r"(?:(?<=\.\s)|(?<=\.)|[ -](?:" + _NAME_PARTICLES + r" ){0,2})" + _NAME_WORD + r"(?:-[a-z]{2,})?"
                          r"(?:[ -](?:" + _NAME_PARTICLES + r" ){0,2}" + _NAME_WORD + r"(?:-[a-z]{2,})?){0,2}")
# a clause that is only a contact or a name: what comes before it says whose they are
CONTACT_ONLY = re.compile(r"(?:[\w.+-]+@[\w.-]+\.[A-Za-z]{2,}|\+?[\d\s()-]{7,}|" + EN_FULL_NAME.pattern + r"|[\u4e00-\u9fff]{2,3})")
EN_NAME_LEAD = re.compile(r"(?:(?:hi|hey|hello|yes|sure|ok|okay|it's|this is|i'm|i am|name|name's|name is)\s*,?:?\s+)", re.I)
TITLE_NAME_CN = re.compile(rf"(?:(?:{_alt(L.CN_TITLES)}|宝妈|宝爸|新郎|新娘|行政|人事|前台|采购|家长|[\u4e00-\u9fff]{{1,6}}(?:部|科|处))\s?|(?i:{_alt(L.EN_TITLES)}|lead|executive|specialist|coordinator|co-founder|EA|PA|HR)\s*)"
                           rf"(?=[\u4e00-\u9fff]{{2,4}}(?:[，,。！!\s/|｜]|$))")  # "物流主管 董昊，", "国际物流部 邱明"


ID_SHAPED = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


CONTACT_LABEL_BEFORE = re.compile(r"(?:电话|手机号?|号码|身份证号?|证件号|微信|邮箱|[:：]|(?<![A-Za-z])(?:vx|mob(?:ile)?(?:'s)?|cell|phone|tel|hp|h/p|handphone|no\.?|number|"
                                  r"whatsapp(?: me)?|wa|wechat(?: id)?|wx|line|telegram|text me|call me|reach me|contact me|ring me|"
                                  r"id|email|e-mail))(?:\s*(?:is|on|at|[:：]))?\s*$", re.I)
CN_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s，,。！!？?：:]))([\u4e00-\u9fff]{2,4})\s*(?:[男女](?:的|士|生)?\s*)?(?:\d{2}岁\s*)?$")
EN_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s,.;:!?-]))((?:[A-Z]{2,}|" + _NAME_WORD + r")(?: (?:(?:de|van|von|der|den|da|di|du|la|le|bin|binti|al) )?" + _NAME_WORD + r"){1,3})"
                            r"[\s,.-]*$")


# a message that opens with the writer's name before saying more about them: "Karen Leung, I'm
# HR Manager at …", "马超 男 28岁 手机…" (the way forms and introductions are written)
LEAD_NAME_EN = re.compile(r"(?:^|(?<=[.!?]\s))(?:(?i:hi|hello|hey|howzit|morning|good (?:morning|afternoon|evening|day)|dear [a-z]+)(?:\s+[A-Z][a-z]+)?[,.!\s—–-]+)?"
                          r"(?:(?:Dr|Mr|Mrs|Ms)\.?\s+)?(" + EN_FULL_NAME.pattern + r")(?:\s*[,–-]\s*"
                          r"(?=(?i:i'm|i am|here|from|calling from|with)\b|(?:[A-Za-z&]+\s+){0,4}(?i:" + _alt(L.EN_TITLES) + r"|co-owner|owner|proprietor|controller|founder)\b"
                          r"|(?:[A-Z][\w&'-]*\s+){1,5}(?:LLC|Ltd|Inc|CC|Pty|Pvt)\b)"
                          r"|\s+(?=(?i:from|here)\b))")
ORG_AFTER_NAME_EN = re.compile(r"\s+(?:Sdn|Bhd|Ltd|LLC|Inc|Pte|Pty|Trading|Holdings|by|&)\b")
ROLE_THEN_NAME_EN = re.compile(r"\b(?i:i'm|i am|im) the (?i:owner|founder|co-founder|proprietor|director|manager|principal),\s+(" + EN_FULL_NAME.pattern + r")(?=\s*(?:[.,;!]|$))|"
                               r"(?:^|(?<=[.!?]\s))(" + EN_FULL_NAME.pattern + r") btw\.?$")
NAME_HERE_EN = re.compile(r"(?:^|(?<=[.,!?]\s))(" + EN_FULL_NAME.pattern + r"|(?:(?<=^)|(?<=^hi, )|(?<=^hey, )|(?<=^Hi, )|(?<=^Hey, ))[A-Z][a-z]{2,}) here\b(?!\s+(?:is|are|in|at|for)\b)")
LEAD_NAME_CN = re.compile(r"^([\u4e00-\u9fff]{2,4})\s+(?=[男女](?:的|生|士)?(?:[\s，,]|$)|\d{2}岁)")
# "梁凱欣，我搬咗去深圳住", "Lau Ka Ho，我住屯門": a Chinese message that opens with the writer's name
LEAD_NAME_COMMA = re.compile(r"^(?:([\u4e00-\u9fff]{3})|(" + EN_FULL_NAME.pattern + r"))[，,]\s*(?=我|住|在)")
CN_NAME_AFTER = re.compile(r"^(?:\s+|\s*[—–-]+\s*)([\u4e00-\u9fff]{2,4})(?=\s*(?:[，,。！!]|$)|\s)")


def _name_before_contact(text, facts, own, hedged, contact_spans):
    """"吴婷婷 18912345678", "Hannah Brooks 07845 612309": a name written just before a contact
    (or just after it: "3301…4322 林佳")."""
    for _start, end in sorted(contact_spans):
        m = CN_NAME_AFTER.match(text[end:])
        got = _cn_name(m.group(1), 0) if m else None
        if got and got[1] == len(m.group(1)) and not starts_with_common_word(got[0]) and own(end + m.start(1), end + m.end(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.8, end + m.start(1), end + m.end(1), hedged))
            return
    for start, _end in sorted(contact_spans):
        before = text[max(0, start - 40):start]
        label = CONTACT_LABEL_BEFORE.search(before)
        if label:
            before = before[:label.start()]
        before = before.rstrip()
        offset = max(0, start - 40)
        m = CN_NAME_BEFORE.search(before)
        if m:
            got = _cn_name(m.group(1), 0)
            opens = offset + m.start(1) == 0 and before[m.end(1):m.end(1) + 1].isspace()  # "王国栋 4101…": the message opens with it
            if got and got[1] == len(m.group(1)) and m.group(1) not in CN_CITY_SET and (opens or not starts_with_common_word(got[0])) \
                    and not m.group(1).endswith(("区", "县", "市", "镇")):  # "金水区，…电话": a place
                s0 = offset + m.start(1)
                if own(s0, s0 + len(m.group(1))):
                    facts.append(_fact("name", m.group(1), m.group(1), 0.8, s0, s0 + len(m.group(1)), hedged))
                    return
        m = EN_NAME_BEFORE.search(before)
        if m:
            name = m.group(1)
            words = name.split()
            if any(w.lower() in EN_NAME_STOP or w in L.CITY_REGION or w in EN_NOT_NAME or w in L.DISTRICT_CITY for w in words) \
                    or name in L.CITY_REGION or name in L.DISTRICT_CITY:
                continue
            s0 = offset + m.start(1)
            if own(s0, s0 + len(name)):
                facts.append(_fact("name", name, name, 0.8, s0, s0 + len(name), hedged))
                return


TRAILING_DATE = re.compile(r"[\s，,]+\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
NICKNAME_BEFORE = re.compile(r"叫我\s*$|call me\s*$|english name\s*(?:is\s*)?$|英文名(?:叫|是)?\s*$", re.I)
FULL_NAME_CUE = re.compile(r"真名|大名|全名|本名")
SELF_INTRO = re.compile(r"我是|我叫|本人|我自己|\b(?:i'm|i am)\b", re.I)  # a message about oneself may end with one's name


SIGNED_DASH_CN = re.compile(r"(?:——|—|～|~|--)\s*([\u4e00-\u9fff]{2,3})(?=\s*(?:[|｜，,。]|$))")
SURNAME_GIVEN_CN = re.compile(r"(?:本人|我|敝|免贵)姓([\u4e00-\u9fff]{1,2})[，,\s]*名(?:字)?(?:叫)?([\u4e00-\u9fff]{1,2})(?=[，,。！!\s]|$)")
ROLE_THEN_NAME_CN = re.compile(rf"(?:(?:^|(?<=[，,。\s]))是我[，,\s]+|我是[\u4e00-\u9fff]{{0,16}}?(?:妈妈|爸爸|家长|太太|老婆|妻子|老公|先生|丈夫|儿子|女儿|孙子|孙女|外孙|的|{_alt(L.CN_TITLES)}|内勤|科员|秘书|爸|妈|个仔|个女|仔))[，,]?\s*([\u4e00-\u9fff]{{2,3}})(?=[，,。！!\s\d]|$|我们|我在|我住)")
THANKS_NAME_END = re.compile(r"(?i:thanks|thank you|cheers|regards|thx|tq)[!,.\s]+(?:-\s*)?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s*[.!]?$")
GREETING_LEAD = re.compile(r"\W*(?:(?:hi|hey|hello|yo|ok|okay|yes|yeah|ya)[\s,!.]*)?", re.I)
HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mdm|Madam)\.?\s+")
LOWER_NAME_EN = re.compile(r"\b(?:i'm|im|its|it's|my name is|my name's|name is|name's|this is)\s+([a-z]{2,}(?: [a-z]{2,})?)"
                           r"(?=\s*(?:[,.](?!\w)|\+?\d|$|btw\b|(?:i|and|from|here)\b))")
STRONG_NAME_CUE = re.compile(r"\b(?:my name is|my name's|name is|name's)\s+$", re.I)
COMMON_LOWER_WORDS = frozenset("urgent the a an my your his her our their this that here there now not just also still very so "
                               "always never really packed full late early great bad crowded quiet "
                               "me us him them it yes no "
                               "too back home work free busy done new old sure fine good okay well sorry available "
                               "interested looking calling asking wondering trying going coming waiting ready open "
                               "closed away out off in on at to for with from about over under up down".split())


def _leading_name(text, facts, own, hedged):
    m = LEAD_NAME_EN.search(text)  # "hello! Jessica Wong from …", "… for my clinic. Dr. Amaka Eze, Medical Director": the greeting is part of the pattern
    if m and m.group(1).split()[0].lower() not in ("hi", "hello", "hey", "dear") and not any(w.lower() in EN_NAME_STOP or w in L.CITY_REGION or w in EN_NOT_NAME for w in m.group(1).split()):
        if own(*m.span(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.8, *m.span(1), hedged))
        return
    m = NAME_HERE_EN.search(text) if "here" in text else None
    if m and not any(w.lower() in EN_NAME_STOP or w in L.CITY_REGION or w in EN_NOT_NAME for w in m.group(1).split()):
        if own(*m.span(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.8, *m.span(1), hedged))
        return
    m = LEAD_FULL_NAME.match(text)
    name = (m.group(1) or m.group(2)) if m else None
    if name and name.split()[0].lower() not in NOT_A_LEAD_NAME and not any(w.lower() in EN_NAME_STOP or w.lower() in COMMON_LOWER_WORDS or w in L.CITY_REGION or w in EN_NOT_NAME
                        or w in L.EN_ORG_SUFFIXES or w in ORG_WORDS_EN for w in name.split()) and name not in L.DISTRICT_CITY:
        s0 = m.start(1) if m.group(1) else m.start(2)
        if own(s0, s0 + len(name)):
            facts.append(_fact("name", name, name, 0.75, s0, s0 + len(name), hedged))
        return
    m = SIGNED_AFTER.search(text) if SIGN_OFF_WORD.search(text) else None
    if m and not any(w in EN_NOT_NAME or w.lower() in EN_NAME_STOP for w in m.group(1).split()) and own(*m.span(1)):
        facts.append(_fact("name", m.group(1), m.group(1), 0.75, *m.span(1), hedged))
        return
    m = LEAD_NAME_COMMA.match(text) if CJK_RX.search(text) else None
    if m and m.group(2) and m.group(2).split()[0].lower() not in NOT_A_LEAD_NAME and not any(
            w.lower() in EN_NAME_STOP or w in L.CITY_REGION or w in EN_NOT_NAME for w in m.group(2).split()):
        if own(*m.span(2)):
            facts.append(_fact("name", m.group(2), m.group(2), 0.75, *m.span(2), hedged))
        return
    if m and m.group(1) and m.group(1)[-1] in "总姐哥生太叔姨":
        m = None  # "王总，我…", "陈生，我…": someone addressed, not the writer
    m = (m if m and m.group(1) else None) or LEAD_NAME_CN.match(text) or LEAD_NAME_TOKEN_CN.match(text)
    got = _cn_name(m.group(1), 0) if m else None
    if got and got[1] == len(m.group(1)) and m.group(1) not in CN_CITY_SET and not starts_with_common_word(got[0]) \
            and m.group(1) not in L.DISTRICT_CITY and m.group(1) not in L.AMBIGUOUS_DISTRICT and own(*m.span(1)):
        facts.append(_fact("name", m.group(1), m.group(1), 0.8, *m.span(1), hedged))


# a full name as a sentence of its own, then the writer's details: "Tom Whitfield. 14/03/1979. 07823 …",
# "…jacked it up. Kyle Brennan, plumber, run …", "-- Rosa Delgado, Owner, …", "… — Jennifer Yip, CLP Power"
NAME_SENTENCE_EN = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[—–~～]\s)|(?<=--\s)|(?<=[\U0001F300-\U0001FAFF]\s))(" + EN_FULL_NAME.pattern + r")"
                              r"(?=(?:\s+po|\s+btw)?\s*[,.](?:\s|$)|\s*$|\s*\||\s+[\U0001F300-\U0001FAFF\u2600-\u27BF])")
DETAILS_AFTER_NAME = re.compile(rf"\d|\||\b(?i:i own|i run|i'm|i am|i work|working|{_alt(L.EN_TITLES)}|owner|founder|stay|staying|live|living|policy|account)\b")


# "我係佢媽媽 Cheung Mei Ling": the speaker's role, then a name in Latin letters
ROLE_THEN_LATIN_NAME = re.compile(r"我[是係系][\u4e00-\u9fff]{0,8}?(?:妈妈|媽媽|爸爸|家长|家長|太太|老婆|老公|先生|的|助理|秘书|秘書)\s*(" + EN_FULL_NAME.pattern + r")|"
                                  r"\b(?i:i'm|i am|im)\s+(?i:his|her|their|the kid's|the patient's)\s+(?i:son|daughter|mum|mom|mother|dad|father|wife|husband|"
                                  r"brother|sister|carer|guardian|parent)[,\s]+(" + EN_FULL_NAME.pattern + r")|"
                                  r"我[是系](?:他|她|佢)(?:的|个|嘅)?(?:仔|女|儿子|女儿|妈妈|爸爸|老婆|老公|太太|先生)\s*([\u4e00-\u9fff]{2,3})(?=[，,。\s]|$)")


PLACE_OR_FIRM_WORDS_EN = frozenset("Estate Industrial House Village Heights Gardens Power Road Street Avenue Mall Plaza Centre Center Market "  # (not Park: a surname)
                                   "Station Airport Hospital School College University Bank Trading Holdings Point "
                                   "Bhd Ltd LLC Inc Plumbing Books Physio Florists Engineering Services Solutions Consulting Dental "
                                   "Clinic Salon Bakery Cafe Construction Logistics Motors Electrical Studio Designs Accessories".split())


SURNAME_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mdm|Madam|Dr)\.?\s+$")
FULL_AFTER_NICKNAME = re.compile(r"[，,]\s*([\u4e00-\u9fff]{2,3})(?=[，,。\s]|$)")


def _not_a_person(name: str) -> bool:
    """"Managing Partner", "Dear Sir", "Green Point", "金水区": a title, a greeting or a place read as a name."""
    words = name.split()
    if CJK_RX.match(name):  # (a Chinese name may be a county's too: 业主武强); "张工": a title
        return name.endswith(("区", "县", "镇", "号")) or (len(name) == 2 and name[1] in "工总") or name in ("陆配", "陸配", "外配", "台商", "港人", "高才通", "优才", "優才", "专才") \
            or re.fullmatch(r"[高初][一二三]|大[一二三四]", name) is not None  # "高一": a school year
    if words[0].lower() in ("employer", "company", "address", "employer:", "student", "patient") \
            or words[0] in ("Mt", "Mt.", "Mount", "Port", "Lake", "Fort"):  # "Student Emily Zhang": the child; "Mt Albert": a suburb
        return True
    return (len(words) > 1 and words[-1].lower() in EN_TITLE_SET) or words[0].lower() in ("dear", "hi", "hello", "ay", "my") \
        or (name.islower() and len(words) == 1 and name.endswith(("ier", "est", "ly"))) \
        or name in L.DISTRICT_CITY or name in L.TOWN_CITY or name.lower() in CITY_BY_LOWER \
        or words[0] in L.COUNTRY_REGION or words[-1] in PLACE_OR_FIRM_WORDS_EN  # "Kenya Power", "Ogba Industrial Estate"


def _role_latin_name(text, facts, own, hedged):
    # (``own`` is not asked: the role the writer gives, "I'm his son …", is what makes the name theirs)
    m = ROLE_THEN_LATIN_NAME.search(text)
    g = m.lastindex if m else None
    if m and (g < 3 or (_cn_name(m.group(g), 0) or ("", 0))[1] == len(m.group(g))):  # "I'm his son Amit Sharma": the writer
        facts.append(_fact("name", m.group(g), m.group(g), 0.8, *m.span(g), hedged))


# "on behalf of my boss, Mr. Richard Lim": the name given is that person's
APPOSITIVE_OTHER = re.compile(rf"\b(?:my|our)\s+(?:{_alt(L.THIRD_PARTY_EN)}|(?:office|finance|operations|site|practice) manager|accountant|"
                              rf"bookkeeper|PA|EA|assistant|helper|director|lawyer|solicitor)\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+)?$", re.I)
OTHERS_AFTER_NAME = re.compile(r"\s*[,，]?\s*(?:his|her|their)\b(?!\s+(?:mum|mom|dad|father|mother|parent|guardian|carer)\b)|"
                               rf"\s*(?:的|嘅)\s*(?:妈妈|媽媽|爸爸|家长|家長|老师|老師)|\s*[（(]\s*(?:我的?)?(?:{_alt(L.THIRD_PARTY_CN)})", re.I)


def _sentence_name(text, facts, own, hedged):
    for m in NAME_SENTENCE_EN.finditer(text):
        name, words = m.group(1), m.group(1).split()
        if words[0].lower() in NOT_A_LEAD_NAME or any(w.isupper() or w.lower() in EN_NAME_STOP or w.lower() in COMMON_LOWER_WORDS or w in EN_NOT_NAME
               or w in ORG_WORDS_EN or w in L.EN_ORG_SUFFIXES for w in words) \
                or any(x in L.CITY_REGION or x in L.DISTRICT_CITY or x in L.TOWN_CITY for x in (name, words[0])):
            continue
        rest = text[m.end():]
        if OTHERS_AFTER_NAME.match(text, m.end()):
            continue  # "Li Jianguo, his ID …": someone else's details
        if re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St)\.\s$", text[max(0, m.start() - 6):m.start()]):
            continue  # "Mr. Richard Ho": the full stop ends a title, not a sentence
        if (rest.strip(" .!") and not DETAILS_AFTER_NAME.search(rest)) or not own(*m.span(1)):
            continue
        facts.append(_fact("name", name, name, 0.7, *m.span(1), hedged))
        return


def _clause_names(text, facts, own, hedged):
    """A clause that is nothing but a full name, in a message that gives contact details
    ("Sophie Walker, mobile 0412 …", "…1203，孙磊，189…"): people sign their details so."""
    for m in CLAUSE_RX.finditer(text):
        clause = m.group().strip()
        lead_ws = len(m.group()) - len(m.group().lstrip())
        start = m.start() + lead_ws
        lead = EN_NAME_LEAD.match(clause)
        if lead:
            clause, start = clause[lead.end():], start + lead.end()
        if CJK_RX.match(clause):
            got = _cn_name(clause, 0) if 2 <= len(clause) <= 4 else None
            if got and got[1] == len(clause) and clause not in CN_CITY_SET and not starts_with_common_word(clause) \
                    and own(start, start + len(clause)):
                facts.append(_fact("name", clause, clause, 0.8, start, start + len(clause), hedged))
                return
        elif EN_FULL_NAME.fullmatch(clause):
            words = clause.split()
            if any(w.lower() in EN_NAME_STOP for w in words) or clause in L.CITY_REGION or \
                    any(w in L.CITY_REGION or w in EN_NOT_NAME or w in ORG_WORDS_EN or w in L.EN_ORG_SUFFIXES for w in words):
                continue
            if own(start, start + len(clause)) and not OTHERS_AFTER_NAME.match(text, start + len(clause)):
                facts.append(_fact("name", clause, clause, 0.8, start, start + len(clause), hedged))
                return
    for m in TITLE_NAME_CN.finditer(text) if CJK_RX.search(text) else ():
        got = _cn_name(text, m.end())
        if got and own(m.end(), got[1]):
            facts.append(_fact("name", got[0], got[0], 0.8, m.end(), got[1], hedged))
            return


SURNAME_AFTER = re.compile(r" ((?:[A-Z]['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?)\b")


def _first_name_then_surname(rest: str, first: str) -> tuple[int, str] | None:
    """Where ``first`` is written again with a surname after it ("… Jenny Marsh"): (position, surname).
    A plain search: a pattern built for each name would fill the regular-expression cache."""
    p = rest.find(first)
    while p != -1:
        if p == 0 or not (rest[p - 1].isalnum() or rest[p - 1] == "_"):
            m = SURNAME_AFTER.match(rest, p + len(first))
            if m:
                return p, m.group(1)
        p = rest.find(first, p + 1)
    return None


def _names(text, facts, own, hedged, asked, has_contact=False, contact_spans=()):
    full_at = None
    cjk, latin = CJK_RX.search(text) is not None, LATIN_WORD.search(text) is not None
    for m in NAME_CN_CUE.finditer(text) if cjk else ():
        at = m.end()
        got = _cn_name(text, at)
        dotted = NAME_DOT_CN.match(text, at)
        if dotted:  # a Uyghur or other name written with its dot
            got = (dotted.group(), dotted.end())
        if got is None and m.group().strip() in ("我叫", "真名叫", "全名叫", "名字叫", "大名叫"):
            bare = NAME_WITHOUT_SURNAME_CN.match(text, at)
            if bare and not NAME_STOP_RX.search(bare.group(1)) and bare.group(1) not in CN_CITY_SET \
                    and not starts_with_common_word(bare.group(1)):
                got = (bare.group(1), bare.end(1))  # "我叫巴特尔", "我叫次仁多吉": names with no Han surname
        if got is None and m.group().startswith("我是") and len(m.group().rstrip("，, ")) <= 6:
            at = m.start() + 2  # "我是刘洋，成都的": the name itself, not a role before one
            got = _cn_name(text, at)
            if got and got[1] < len(text) and CJK_RX.match(text[got[1]]):
                got = None
        if got and m.group().rstrip().endswith("我是") and starts_with_common_word(got[0]):
            continue  # "我是项目经理": a role, not 项目
        if got and own(at, got[1]):
            facts.append(_fact("name", got[0], got[0], 0.9, at, got[1], hedged))
            if FULL_NAME_CUE.search(m.group()):  # "叫我 Kevin 就行，全名许凯文": the full name is the name
                full_at = m.end()
    for m in NAME_EN_CUE.finditer(text) if latin else ():
        name = m.group(1)
        words = name.split()
        if words[0].lower() in EN_NAME_STOP or name in L.EN_CITIES or not name[0].isupper() or OTHERS_AFTER_NAME.match(text, m.end(1)):
            continue  # "我是 Chong Mei Yee 的妈妈": the child's name
        while words and words[-1].lower() in EN_NAME_STOP:
            words.pop()
        cue = m.group().lower()
        if cue.startswith("under") and (len(words) < 2 or ORG_AFTER_NAME_EN.match(text, m.end(1)) or words[-1] in ORG_WORDS_EN):
            continue  # "under Keppel", "under Hock Seng Trading Sdn Bhd": an account in a firm's name
        conf = 0.95 if "name" in cue else 0.8 if ("call me" in cue or "this is" in cue) else 0.75
        if words and own(m.start(1), m.start(1) + len(" ".join(words))):
            facts.append(_fact("name", " ".join(words), " ".join(words), conf, m.start(1),
                               m.start(1) + len(" ".join(words)), hedged))
    if not any(f.field == "name" for f in facts):
        _role_latin_name(text, facts, own, hedged)  # before a name that opens the message: "Brian, he's 6. I'm his dad, Kevin …"
    if not any(f.field == "name" for f in facts):
        _leading_name(text, facts, own, hedged)
    m = SIGNED_DASH_CN.search(text) if cjk and not any(f.field == "name" for f in facts) else None
    got = _cn_name(m.group(1), 0) if m else None
    if got and got[1] == len(m.group(1)) and not starts_with_common_word(got[0]) and own(*m.span(1)):
        facts.append(_fact("name", got[0], got[0], 0.8, *m.span(1), hedged))  # "——曾国栋 | 采购总监 | …"
    for rx in (SURNAME_GIVEN_CN, ROLE_THEN_NAME_CN) if cjk and not any(f.field == "name" for f in facts) else ():
        m = rx.search(text)  # "本人姓周，名建国", "我是他妈妈林慧敏"
        got = _cn_name(m.group(1) + m.group(2), 0) if m and rx is SURNAME_GIVEN_CN else _cn_name(text, m.start(1)) if m else None
        if got and (rx is SURNAME_GIVEN_CN or got[1] == m.end(1)) and own(*m.span(1)):
            facts.append(_fact("name", got[0], got[0], 0.85, m.start(1), m.end(m.lastindex), hedged))
    if not any(f.field == "name" for f in facts):
        m = LOWER_NAME_EN.search(text)  # "ye its danny okafor 07823 451906": texting in lower case
        if m and not (has_contact or "name" in asked or GREETING_LEAD.fullmatch(text, 0, m.start())
                      or STRONG_NAME_CUE.search(text, 0, m.start(1))):
            m = None  # "hey its marcus webb", "im jake, …": introducing oneself first thing
        if m and not any(w in EN_NAME_STOP or w in COMMON_LOWER_WORDS for w in m.group(1).split()) and own(*m.span(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.7, *m.span(1), hedged))
    if (has_contact or "name" in asked or SELF_INTRO.search(text)) and not any(f.field == "name" for f in facts):
        _clause_names(text, facts, own, hedged)
    if contact_spans and not any(f.field == "name" for f in facts):
        _name_before_contact(text, facts, own, hedged, contact_spans)
    m = ROLE_THEN_NAME_EN.search(text) if latin and not any(f.field == "name" for f in facts) else None
    g = 1 if m and m.group(1) else 2
    if m and not any(w in EN_NOT_NAME or w.lower() in EN_NAME_STOP for w in m.group(g).split()) and own(*m.span(g)):
        facts.append(_fact("name", m.group(g), m.group(g), 0.75, *m.span(g), hedged))  # "I'm the owner, Maricel Santos", "Sofia Martinez btw"
    m = DOTTED_NAME_CN.search(text) if cjk and not any(f.field == "name" for f in facts) else None
    if m and own(*m.span(1)):  # "艾力·买买提": a Uyghur (or a foreign) name, written with its dot
        facts.append(_fact("name", m.group(1), m.group(1), 0.75, *m.span(1), hedged))
    if latin and not any(f.field == "name" for f in facts):
        m = NAME_LAST_EN.search(text)
        name = (m.group(1) or m.group(2)) if m else None
        if name and not any(w in EN_NOT_NAME or w.lower() in EN_NAME_STOP or w in L.CITY_REGION or w in ORG_WORDS_EN
                            or w in L.EN_ORG_SUFFIXES for w in name.split()) and (" " in name or m.group(2)):
            s0 = m.start(1) if m.group(1) else m.start(2)
            if own(s0, s0 + len(name)):
                facts.append(_fact("name", name, name, 0.7, s0, s0 + len(name), hedged))
    if latin and not any(f.field == "name" for f in facts):
        _sentence_name(text, facts, own, hedged)
    if latin and not any(f.field == "name" for f in facts):
        m = THANKS_NAME_END.search(text)  # "…. Thanks! Sneha": signed at the end
        if m and m.group(1) not in EN_NOT_NAME and m.group(1).lower() not in EN_NAME_STOP and own(*m.span(1)):
            facts.append(_fact("name", m.group(1), m.group(1), 0.7, *m.span(1), hedged))
    for i, f in enumerate(facts):
        if f.field == "name" and " " not in f.value and f.value.isascii():
            full = _first_name_then_surname(text[f.end:], f.value)
            if full:
                name = f"{f.value} {full[1]}"
                s0 = f.end + full[0]
                facts[i] = _fact("name", name, name, f.confidence, s0, s0 + len(name), hedged)
    if full_at is not None:
        facts[:] = [f for f in facts if f.field != "name" or f.start == full_at]
    facts[:] = [f for f in facts if f.field != "name" or not APPOSITIVE_OTHER.search(text, max(0, f.start - 30), f.start)]
    names = [f for f in facts if f.field == "name"]
    if len(names) == 1 and NICKNAME_BEFORE.search(text, max(0, names[0].start - 14), names[0].start):
        rest = [f for f in facts if f.field != "name"]  # "Nattapong Srisuk, but call me Boy"
        for rule in (_leading_name, _sentence_name, _role_latin_name):
            rule(text, rest, own, hedged)
            if any(f.field == "name" for f in rest):
                facts[:] = rest
                break
        names = [f for f in facts if f.field == "name"]
    if len(names) > 1:  # "我叫劉芷晴，叫我Cherry得啦": the name, not the nickname
        nick = [f for f in names if NICKNAME_BEFORE.search(text, max(0, f.start - 14), f.start)]
        if len(nick) < len(names):
            facts[:] = [f for f in facts if f not in nick]
        names = [f for f in facts if f.field == "name"]
        short = [f for f in names if " " not in f.value and any(
            g is not f and g.value.lower().split()[0] == f.value.lower() and " " in g.value for g in names)]
        facts[:] = [f for f in facts if f not in short]  # "im jake, Jake Morrison": the full name
    facts[:] = [f for f in facts if f.field != "name" or not _not_a_person(f.value)]
    facts[:] = [f for f in facts if f.field != "name" or " " in f.value or CJK_RX.match(f.value)
                or not SURNAME_HONORIFIC_BEFORE.search(text, max(0, f.start - 6), f.start)]  # "I'm Mrs Lim": a surname only
    for i, f in enumerate(facts):
        full = FULL_AFTER_NICKNAME.match(text, f.end) if f.field == "name" and re.fullmatch(r"[小老阿].", f.value) else None
        if full and full.group(1)[0] == f.value[1] and (_cn_name(full.group(1), 0) or ("", 0))[1] == len(full.group(1)):
            facts[i] = _fact("name", full.group(1), full.group(1), f.confidence, *full.span(1), hedged)  # "我叫小周，周俊"
    emails = [(f.start, f.end) for f in facts if f.field == "email"]
    if emails:  # "it's garysutcliffe62@yahoo.co.uk": the mailbox, not a name
        facts[:] = [f for f in facts if f.field != "name" or all(f.end <= a or f.start >= b for a, b in emails)]
    if "name" in asked and not any(f.field == "name" for f in facts):
        stripped = ANSWER_NAME_LEAD.sub("", TRAILING_DATE.sub("", text.strip(" 。.!！~～")).strip(" ，,"))
        lead = text.index(stripped) if stripped and stripped in text else len(text) - len(text.lstrip(" "))
        if 2 <= len(stripped) <= 4 and CJK_RX.match(stripped):
            got = _cn_name(stripped, 0)
            if got and got[1] == len(stripped):
                facts.append(_fact("name", got[0], got[0], 0.8, lead, lead + got[1]))
        elif (EN_FULL_NAME.fullmatch(stripped) or re.fullmatch(r"[A-Z][a-z]+|[a-z]{3,}(?: [a-z]{3,}){0,2}", stripped)) \
                and not any(w.lower() in EN_NAME_STOP or w.lower() in COMMON_LOWER_WORDS or w in EN_NOT_NAME for w in stripped.split()):
            facts.append(_fact("name", stripped, stripped, 0.75, lead, lead + len(stripped)))
    for i, f in enumerate(facts):
        honorific = HONORIFIC.match(f.value) if f.field == "name" and f.value.isascii() else None
        if honorific and " " in f.value[honorific.end():]:  # "Mr Geoffrey Whitlock": the name is Geoffrey Whitlock
            facts[i] = _fact("name", f.value[honorific.end():], f.value[honorific.end():], f.confidence,
                             f.start + honorific.end(), f.end, hedged)


ANSWER_ORG_EN = re.compile(r"(?:[A-Z][\w&.'-]*)(?:[ \t]+(?:[A-Z][\w&.'-]*|&|of|and)){0,4}")
ANSWER_ORG_CN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,24}")
NOT_AN_ORG_ANSWER = re.compile(r"[我你他她是在的不没吗呢吧哈嗯哦好对]|^(?:Yes|No|Sure|Thanks|Thank|Ok|Okay|Hi|Hello|Hey|Sorry|"
                               r"Just|We|I|It|My|Our|The)\b")


# a pasted signature: "Megan Alvarez | VP of Sales | Brightline Analytics | San Francisco, CA | …",
# "Kind regards, Fraser McLeod - Head of People - Caledonia Brewing Co. - Leith, Edinburgh - 0131 …"
SIGNATURE_SEP = re.compile(r"\s[|｜/–—•·-]\s|｜|\||•|(?<=[\u4e00-\u9fff])/|/(?=[\u4e00-\u9fff])")  # "…有限公司/设备部/工程师 常磊/Tel:…"
SIGN_OFF = re.compile(r"^(?:(?:kind |best |warm )?regards|best|thanks|thank you|cheers|sincerely|yours (?:faithfully|sincerely|truly)|"
                      r"sure|of course|yes|yep|ok|okay|here you go|that's me)\s*[,—–-]?\s*", re.I)
NOT_A_LEAD_NAME = frozenset("hi hello hey dear ok okay sure yes yeah yep yup mate lol oops sorry thanks morning evening".split())
ORG_WORDS_EN = frozenset("Logistics Trading Solutions Services Consulting Partners Holdings Systems Studio Studios Cafe Café "
                         "Pharmacy Engineering Creatives Creative Learning Landscaping Sdn Bhd Builds "
                         "Enterprise Kitchen Skincare Boutique Salon Spa Textiles Garage Supply Supplies Imports Exports "
                         "Clinic Dental Media Capital Realty Properties Foods Motors Energy Insurance Financial Industries "
                         "Enterprises Agency Associates Design Digital Software Tech Bakery Restaurant Store Shop".split())  # "Hi Hannah,": the addressee
ANSWER_ONLY = re.compile(r"(?:sure|of course|yes|yep|yeah|ok|okay|here you go|here|that's me|hi|hello)[!.]?", re.I)
# a full name first thing, then a comma: "Ray Delgado, Mesa AZ, retired", "jake morrison, 412 Bergen St"
# ("jake morrison, 720 384 2219", "HU JUN, 4201…": lower or upper case only before a number)
LEAD_FULL_NAME = re.compile(r"^(?:(?i:ok|okay|sure|yes)[,!\s]+)?(?:(" + EN_FULL_NAME.pattern + r")|([a-z]{2,} [a-z]{2,}|[A-Z]{2,} [A-Z]{2,}(?: [A-Z]{2,})?))"
                            r"(?:\s+po)?\s*,\s*(?(2)(?=\d|[\w.+-]+@))")
# a name written last: "this is ridiculous. Jake Morrison", "my bday is 10/24 🎉 Ashley Carter", "Jasmine btw 😊"
NAME_LAST_EN = re.compile(r"(?:[.!?]|[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+(" + EN_FULL_NAME.pattern + r")(?:\s+po)?\s*[.!]?$|"
                          r"(?:^|[.!?,]\s+)([A-Z][a-z]+) btw\b")
NAME_DOT_CN = re.compile(r"[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,8}")  # 阿依古丽·买买提
ANSWER_NAME_LEAD = re.compile(r"^(?:是我|对|嗯|好的|是的|yes|yep|sure)[，,\s]+", re.I)
SIGN_OFF_WORD = re.compile(r"egards|aithfully|incerely|hank|heers", re.I)
SIGNED_AFTER = re.compile(r"\b(?i:kind regards|best regards|regards|yours faithfully|yours sincerely|sincerely|thanks|thank you|cheers)"
                          r"\s*[,!]\s*(" + EN_FULL_NAME.pattern + r")(?=\s*(?:[,(]|$|\.$))")
LEAD_NAME_TOKEN_CN = re.compile(r"^(?:(?:对|嗯|好的?|是的?|在的)[\s，,]*)?([\u4e00-\u9fff]{2,3})(?=\s)")
EN_TITLE_PART = re.compile(rf"^(?:(?i:head of [a-z& ]+)|(?:[A-Za-z&/-]+\s+){{0,4}}(?i:{_alt(L.EN_TITLES)})s?(?:\s+of\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?|\s+[A-Z][a-z]+(?:ist|ian))?|"
                           rf"(?:[A-Za-z&/-]+\s+){{0,3}}(?:CEO|CTO|CFO|COO|VP|MD)(?:\s+of\s+[A-Za-z& ]+)?)$")
CN_TITLE_PART = re.compile(rf"^[\u4e00-\u9fffA-Za-z]{{0,6}}(?:{_alt(L.CN_TITLES)})$")
ORG_PART_EN = re.compile(r"^(?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|&|of|and|the|for))*$")


PART_LABEL = re.compile(r"^([\u4e00-\u9fffA-Za-z ]{1,10})[:：]\s*")
LABEL_FIELDS = [("company", re.compile(r"公司|单位|公司名称|company|organi[sz]ation|employer", re.I)),
                ("name", re.compile(r"联系人|姓名|名字|name|contact", re.I)),
                ("job_title", re.compile(r"职位|职务|title|position|role", re.I))]


POSTCODE_TAIL = re.compile(r"\s+(?:[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)?\s*\d{4,6})$")


def _part_city(part: str) -> str | None:
    for piece in reversed([POSTCODE_TAIL.sub("", p.strip()) for p in part.split(",")]):  # "London EC2"
        if piece in L.CITY_REGION or piece.rstrip("市") in CN_CITY_SET:
            return _canonical_city(piece.rstrip("市") if CJK_RX.match(piece) else piece)
        if piece in L.DISTRICT_CITY:
            return _canonical_city(L.DISTRICT_CITY[piece])
        if piece in L.TOWN_CITY:  # a part of its own in a signature: "… | Kisumu | Tel: …"
            return _canonical_city(L.TOWN_CITY[piece])
    return None


POST_NOMINALS = re.compile(r"(?<=[a-z])(?:\s+(?:ACA|FCA|ACCA|CPA|CFA|MBA|PhD|MD|RN|CA\(SA\)|CA|PE|PMP|FRCS|MRCP))+$")


def _signature(text, facts, own, hedged):
    """Name, title, company and city from a signature written on one line (three or more parts)."""
    found = [m.group().strip() for m in SIGNATURE_SEP.finditer(text)]
    sep = max(dict.fromkeys(found), key=found.count)  # "Sure — Melissa Ortega | Registered Nurse | …": the "|"
    parts, pos = [], 0
    bare_slash = sep == "/" and not re.search(r"\s/\s", text)
    for piece in (text.split(sep) if sep in "|｜" or bare_slash else re.split(rf"\s{re.escape(sep)}\s", text)):
        start = text.index(piece, pos)
        pos = start + len(piece)
        lead = len(piece) - len(piece.lstrip())
        parts.append((piece.strip(), start + lead))
    if len(parts) < 3:
        return
    have = {f.field for f in facts}
    parts = [(part.lstrip("-–—•· "), start + len(part) - len(part.lstrip("-–—•· "))) for part, start in parts]
    parts = [(POST_NOMINALS.sub("", part), start) for part, start in parts]  # "Eleanor Hughes ACA", "Sipho Mokoena CA(SA)"
    if ANSWER_ONLY.fullmatch(parts[0][0]):  # "Of course - Amara Okafor - Product Manager - …"
        parts = parts[1:]
    if len(parts) < 2:
        return
    head, head_start = parts[0]
    sign_off = SIGN_OFF.match(head)
    if sign_off:
        parts[0] = (head[sign_off.end():], head_start + sign_off.end())
    title_at = None
    for i, (part, start) in enumerate(parts):
        label = PART_LABEL.match(part)
        if label:  # "公司：上海云帆信息科技有限公司", "联系人：吴倩": the label says what the part is
            part, start = part[label.end():], start + label.end()
            field = next((f for f, rx in LABEL_FIELDS if rx.fullmatch(label.group(1).strip())), None)
            if field and field not in have and part and own(start, start + len(part)):
                facts.append(_fact(field, part, part, 0.8, start, start + len(part), hedged))
                have.add(field)
            continue
        if not part or "@" in part or (DIGIT_RX.search(part) and not (POSTCODE_TAIL.search(part) and _part_city(part))):
            continue  # (but "London EC2" is a city and its postcode)
        title_first = re.match(r"([^,]+),\s*(.+)$", part)
        if title_first and EN_TITLE_PART.match(title_first.group(1)) and ORG_PART_EN.match(title_first.group(2)) \
                and "company" not in have:  # "VP, Barclays Investment Bank": the title, then the firm
            org, s_org = title_first.group(2), start + title_first.start(2)
            if "job_title" not in have:
                facts.append(_fact("job_title", title_first.group(1), title_first.group(1), 0.8, start, start + len(title_first.group(1)), hedged))
                have.add("job_title")
            facts.append(_fact("company", org, org, 0.8, s_org, s_org + len(org), hedged))
            have.add("company")
            continue
        if (EN_TITLE_PART.match(part) or CN_TITLE_PART.match(part)) and not (title_at is not None and ORG_PART_EN.match(part)):
            title_at = i  # (a second title-like part after the title is the firm: "… | Fenwick & Hale Solicitors")
            if "job_title" not in have:
                facts.append(_fact("job_title", part, part, 0.8, start, start + len(part), hedged))
                have.add("job_title")
            continue
        city = _part_city(part)
        if city:
            if "city" not in have and own(start, start + len(part)):
                facts.append(_fact("city", city, city, 0.75, start, start + len(part), hedged))
                have.add("city")
            continue
        if i == 0 and "name" not in have and (EN_FULL_NAME.fullmatch(part) or (
                CJK_RX.match(part) and 2 <= len(part) <= 4 and (_cn_name(part, 0) or (None, 0))[1] == len(part))):
            if not any(w in EN_NOT_NAME or w.lower() in EN_NAME_STOP for w in part.split()):
                facts.append(_fact("name", part, part, 0.8, start, start + len(part), hedged))
                have.add("name")
            continue
        head = part.split()[0] if CJK_RX.match(part) and " " in part else ""
        if head and ORG_END.search(head) and len(head) >= 4 and "company" not in have and CN_TITLE_PART.match(part[len(head):].strip()):
            facts.append(_fact("company", head, head, 0.8, start, start + len(head), hedged))  # "苏州青木电子商务有限公司 运营主管"
            have.add("company")
            continue
        is_org = ORG_END.search(part) or (i == 1 and "name" in have and part in L.EMPLOYER_NAMES_EN) or (title_at is not None and i == title_at + 1 and
                                          (ORG_PART_EN.match(part) or CJK_RX.match(part)))
        if is_org and "company" not in have and 2 <= len(part) <= 60:
            facts.append(_fact("company", part, part, 0.8, start, start + len(part), hedged))
            have.add("company")


def _asked_company(text, facts, hedged):
    """The answer to "which company?" / "company name and budget?": its first clause, when that
    clause is an organisation's name ("Trailhead Labs. around $2k/mo", "字节跳动，…")."""
    m = CLAUSE_RX.search(text)
    if not m:
        return
    clause = m.group().strip()
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    rx = ANSWER_ORG_CN if CJK_RX.match(clause) else ANSWER_ORG_EN
    if not rx.fullmatch(clause) or NOT_AN_ORG_ANSWER.search(clause) or clause in CN_CITY_SET \
            or clause in L.CITY_REGION or clause in L.DISTRICT_CITY or clause in GENERIC_ORG:
        return
    facts.append(_fact("company", clause, clause, 0.75, start, start + len(clause), hedged))


WORK_AFTER = re.compile(r"(?:工作|上班|任职|实习|做|当|的)")


LEGAL_FORM_END = re.compile(r"\b(?:Co\.,? Ltd\.?|Pte\.? Ltd|Sdn\.? Bhd|Ltd|LLC|LLP|GmbH|PLC|plc|Limited|Inc\.?|Corp\.?)(?=\s|,|$|\.)")


def _without_sentence_stop(org: str, text: str, start: int) -> str:
    """"… Sandhu Electrical Ltd." at the end of a sentence: the full stop is the sentence's."""
    end = start + len(org)
    if org.endswith(".") and (end == len(text) or re.match(r"\s+[A-Z\u4e00-\u9fff]", text[end:])):
        return org[:-1]
    if org.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|B\.V)\.$", org):
        return org.rstrip(".")  # "Ltd." is written so or not; "Inc." and "Co." keep their point
    return org


IM_AT = re.compile(r"\b(?i:i'm|i am|im) at ([A-Z][\w&'-]*)")


def _email_domain_org(text, facts, own, hedged) -> None:
    """"…@tcs.com, I'm at TCS": a place one is at is the employer when the e-mail domain names it."""
    domains = {f.value.split("@")[1].split(".")[0] for f in facts if f.field == "email"}
    for m in IM_AT.finditer(text) if domains else ():
        if m.group(1).lower() in domains and own(*m.span(1)):
            facts.append(_fact("company", m.group(1), m.group(1), 0.8, *m.span(1), hedged))
            return


NAME_THEN_ORG_EN = re.compile(r"(" + EN_FULL_NAME.pattern + r")\s*\(((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|&|of)){0,4})\)")
SAINT_PREFIX = ("St ", "St. ", "Saint ")  # "St. Luke's" keeps its 's
PROVIDER_CONTEXT = re.compile(r"\b(?:plans?|contract|provider|policy|insurer|cover|switch(?:ing)?|compar(?:e|ing)|renew(?:al|s)?|"
                              r"network|bill|broadband|mobile plan|quote)\b", re.I)
CITY_AFTER_ORG_EN = re.compile(r"(?:,\s*|\s+in\s+)([A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z]{2,3})(?=\s*(?:[.,;!|]|$))")
EN_DISTRICT_NAMES = tuple(d for d in (*L.DISTRICT_CITY, *L.TOWN_CITY) if d.isascii() and " " in d)  # "Intel Bayan Lepas"
# places an organisation's name may end with, in the order they are tried ("Pos Laju Shah Alam")
PLACE_AFTER_ORG_ORDER: dict[str, int] = {}
for _i, _place in enumerate((*L.EN_CITY_ALIASES, *L.CITY_REGION, *EN_DISTRICT_NAMES)):
    PLACE_AFTER_ORG_ORDER.setdefault(_place, _i)
TIME_WORDS_CN = frozenset("白天 晚上 平时 周末 每天 早上 下午 上午 中午 夜里 夜班 白班".split())  # "…新区 白天上班"
# numbered institutions: "浙大一院" (a university's first hospital), "福州三中", "中建三局", "济南二机床"
EMPLOYER_UNIT_TAIL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:事业群|事业部|园区|厂区|基地|大厦|大樓|大楼|总部|總部)|[\u4e00-\u9fff]{2}(?:厂|廠)")  # (not "五粮液酒厂")
SITE_TAIL_CN = re.compile(r"(?:工业园|科技园|产业园|基地|仓库|(?<=[\u4e00-\u9fff]{2})仓|总部|大厦)$")
_ORDINAL_ORG = r"[\u4e00-\u9fff]{2,4}?[一二三四五六七八九十]{1,2}(?:院|附院|医院|中|小|高|局|机床|建|厂|纺|棉)"
ORDINAL_ORG_CN = re.compile(rf"({_ORDINAL_ORG})(?:[\u4e00-\u9fff]{{1,3}}?(?:处|科|部|室|车间|病区))?$")
# "店名 Golden Lotus Jewelry", "店叫 Moda Stella srl": a Latin name after a word that introduces one
LATIN_NAME_CALLED_CN = re.compile(r"(?:店名|店叫|店铺叫|公司叫|公司名|厂名|牌子叫|品牌叫|公司系|公司是)\s*(?:叫|是|系)?\s*"
                                  r"([A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|&|de|di|la|del|da|srl|S\.L\.|S\.A\.)){0,5})(?=\s*(?:[，,。！!]|$))")
OWN_SHOP_NAMED_CN = re.compile(r"开了?(?:家|个|间)[\u4e00-\u9fff]{0,4}?(五金|眼镜|服装|水果|花|烟酒|建材|饰品|茶叶|母婴|宠物|手机|电器|家具|药)店[，,]\s*"
                               r"([\u4e00-\u9fff]{2,6}?\1)(?=[，,。！!\s]|$)|"
                               r"开了?(?:家|个|间)([\u4e00-\u9fffA-Za-z]{2,8}?)(?:加盟店|专卖店|连锁店)|"
                               r"我开的([\u4e00-\u9fff]{2,10}?(?:超市|便利店|饭店|餐馆|药店|诊所|工作室|五金店|商行))(?=[\u4e00-\u9fff]{0,6}|[，,。！!\s]|$)|"
                               r"开了?(?:一)?(?:家|间)([\u4e00-\u9fff]{2,4}(?:汽修|五金|超市|饭店|餐馆|药房|诊所|花店|书店|美容|美发|理发|酒楼|火锅|烧烤|奶茶|茶行|便利店))(?=[，,。！!\s]|$)")
WORK_AT_AFTER_VERB_CN = re.compile(r"(?:返工|上班|做嘢|打工)(?:喺|在)\s*([\u4e00-\u9fffA-Za-z]{2,12}?)(?=[，,。！!\s]|$)")
EMPLOYER_NAMES_ANY_CN = L.KNOWN_EMPLOYERS_CN | L.EMPLOYER_NAMES_CN  # an employer's name, whichever list holds it
# "…，中建中东公司的，": a clause that is a firm and one's belonging to it
FIRM_OF_CLAUSE_CN = re.compile(r"(?:^|(?<=[，,。\s]))([\u4e00-\u9fff]{2,12}?(?:公司|集团|银行|医院|油田))的(?=[，,。！!\s]|$)")
# "我是中石油的", "在张江上班，中芯国际的": a known employer one says one belongs to (but "这台是华为的" is a phone's brand)
KNOWN_FIRM_OF_CLAUSE_CN = re.compile(rf"(?:(?:^|(?<=[，,。\s]))(?:我是|我係|我系|本人是|我也是|我们是|都是|我们都是|我俩都是|我们俩都是)|(?<=(?:上班|工作|干活|打工)[，,]))"
                                     rf"({_alt(EMPLOYER_NAMES_ANY_CN)})的(?=[，,。！!\s]|$)|"
                                     # "我在阿里，住未来科技城", "…我在网易游戏": where one is, a known employer, the clause ends
                                     rf"(?:^|(?<=[，,。\s]))(?:我|我们|我俩|我也|我现在|我目前|都)在({_alt(EMPLOYER_NAMES_ANY_CN)})(?=[，,。！!]|$)")
# "广汽本田，做会计": a message that opens with a name, then one's role
LEAD_ORG_THEN_ROLE_CN = re.compile(rf"^([\u4e00-\u9fffA-Za-z]{{2,8}})[，,]\s*(?:做|当|任)(?:{_alt(L.CN_TITLES)})(?=[，,。！!\s]|$)")
NOT_ORG_BEFORE_TITLE = frozenset("高级 资深 初级 中级 一名 一个 一位 兼职 全职 退休 在职 注册 执业 实习 见习 小学 中学 大学 高中 初中 幼儿园 "
                                 "个体 自由 普通 临时 正式 专职 主任 副主任 首席 新手 前台 公司 单位 医院 学校 银行 工厂 厂里 本地 外地 一线".split())


# "在南宁上班，广西北部湾银行", "在浦东张江上班，罗氏制药的", "都在厦门上班，我在厦门航空": the clause after one's work names the employer
ORG_AFTER_WORK_CLAUSE_CN = re.compile(r"(?:(?<=上班[，,])|(?<=工作[，,])|(?<=干活[，,])|(?<=打工[，,])|(?<=SOHO[，,]))\s*(?:我在|我是|在|是)?"
                                      r"([\u4e00-\u9fff]{2,16}?)(的)?(?=\s*(?:[，,。！!]|$))")
# "何志伟，广汽埃安的工程师": after the name, a clause that is an employer and one's title there
ORG_OF_TITLE_CLAUSE_CN = re.compile(rf"(?:^|(?<=[，,。\s]))([\u4e00-\u9fffA-Za-z]{{2,8}}?)的(?:{_alt(L.CN_TITLES)})(?=[，,。！!\s]|$|[哈呢啊呀哦])")
# "给顺丰送快递", "给美团跑外卖": whom one drives or delivers for
WORK_FOR_CN = re.compile(r"给([\u4e00-\u9fffA-Za-z]{2,6}?)(?:送快递|送外卖|跑外卖|送货|跑腿|开车|跑车|开货车|当司机|当骑手|打工)")
NOT_AN_EMPLOYER_FOR = frozenset("老板 别人 人家 自己 私人 个人 家里 亲戚 朋友 老乡 公司 厂里 工地 包工头 一家 熟人".split())


def _more_employers_cn(text, facts, own, hedged) -> None:
    """Employers named without the usual cue words (see the patterns above)."""
    m = LATIN_NAME_CALLED_CN.search(text)
    if m and own(*m.span(1)):
        s0, e0 = m.span(1)
        facts[:] = [f for f in facts if not (f.field == "company" and s0 <= f.start and f.end <= e0)]
        if not any(f.field == "company" for f in facts):
            facts.append(_fact("company", m.group(1), m.group(1), 0.75, s0, e0, hedged))
    if any(f.field == "company" for f in facts):
        return
    m = OWN_SHOP_NAMED_CN.search(text)
    if m and own(*m.span(m.lastindex)):  # "开了个五金店，志远五金", "开了家蜜雪冰城加盟店", "我开的吴店惠民超市"
        g = next(k for k in (2, 3, 4, 5) if m.group(k))
        facts.append(_fact("company", m.group(g), m.group(g), 0.75, *m.span(g), hedged))
        return
    m = WORK_AT_AFTER_VERB_CN.search(text)
    if m and own(*m.span(1)):  # "返工喺腾讯滨海大厦": Cantonese puts the verb first
        org = HQ_TAIL.sub("", m.group(1)) or m.group(1)
        known = _leading_key(org, EMPLOYER_NAMES_ANY_CN, longest=4)
        if known and len(org) - len(known) <= 4:
            org = known
        if len(org) >= 2 and org not in GENERIC_ORG and not NOT_ORG_WORDS_CN.search(org) and org not in L.DISTRICT_CITY \
                and org not in CN_CITY_SET and _place_prefix(org) != org:
            facts.append(_fact("company", org, org, 0.7, m.start(1), m.start(1) + len(org), hedged))
            return
    m = ORG_OF_TITLE_CLAUSE_CN.search(text) if any(f.field == "name" for f in facts) else None
    if m and m.group(1) not in GENERIC_ORG and m.group(1) not in CN_CITY_SET and m.group(1) not in L.DISTRICT_CITY \
            and not re.search(r"[我你他她们的了在是]", m.group(1)) and not THIRD_RX.search(m.group(1)) \
            and not (_cn_name(m.group(1), 0) or ("", 0))[1] == len(m.group(1)) and own(*m.span(1)):
        facts.append(_fact("company", m.group(1), m.group(1), 0.7, *m.span(1), hedged))  # "何志伟，广汽埃安的工程师"
        return
    m = WORK_FOR_CN.search(text)
    if m and m.group(1) not in NOT_AN_EMPLOYER_FOR and not re.search(r"[我你他她们的了在是]", m.group(1)) and own(*m.span(1)):
        facts.append(_fact("company", m.group(1), m.group(1), 0.7, *m.span(1), hedged))  # "给顺丰送快递"
        return
    for rx in (FIRM_OF_CLAUSE_CN, KNOWN_FIRM_OF_CLAUSE_CN, ORG_AFTER_WORK_CLAUSE_CN, LEAD_ORG_THEN_ROLE_CN):
        m = rx.search(text)
        if not m:
            continue
        g = 2 if rx is KNOWN_FIRM_OF_CLAUSE_CN and m.group(2) else 1  # (its second form names the employer in its second group)
        org = m.group(g)
        after_work = rx is ORG_AFTER_WORK_CLAUSE_CN
        if after_work and not _employer_after_work(text, m):
            continue
        if org in NOT_ORG_BEFORE_TITLE or org in GENERIC_ORG or org in CN_CITY_SET or org in L.DISTRICT_CITY \
                or org in L.AMBIGUOUS_DISTRICT or _place_prefix(org) == org or NOT_ORG_WORDS_CN.search(org) \
                or org in TIME_WORDS_CN or re.search(r"[我你他她们的了在是]", org) or DESCRIBED_ORG.search(org) \
                or (_cn_name(org, 0) and not after_work and org not in EMPLOYER_NAMES_ANY_CN):  # ("包钢" is no 包 family's)
            continue  # (after one's work, "罗氏制药" is the employer, though it starts like a name)
        if own(*m.span(g)):
            facts.append(_fact("company", org, org, 0.7, *m.span(g), hedged))
            return


def _employer_after_work(text, m: re.Match) -> bool:
    """Whether the clause after one's work clause names one's employer: an organisation's name
    ("广西北部湾银行", "罗氏制药"), not more about the job ("工资不高", "离家近的") or someone else's work."""
    org = m.group(1)
    if not (ORG_END.search(org) or org in EMPLOYER_NAMES_ANY_CN or (len(org) >= 4 and any(org.endswith(w) for w in INDUSTRY_WORDS))):
        return False
    work_clause = text[_last_end(CLAUSE_END, text, max(0, m.start() - 1)):m.start()]
    # "老公在 Monash 大学工作，…", "都在首尔工作，想买份夫妻保险"
    return not (THIRD_RX.search(work_clause) or org[0] in "想要买去给做读" or re.search(r"孩子|小孩|儿子|女儿|[想要买去给做读]", org[1:]))


ORDINAL_ORG_CLAUSE = re.compile(rf"(?:^|(?<=[，,。\s]))({_ORDINAL_ORG})的(?=[，,。！!\s]|$)")
HQ_TAIL = re.compile(r"(?:总部|總部|总行|總行|基地|工业园|仓库|(?<=[\u4e00-\u9fff]{2})仓|园区|分部|办事处|办公室|研发中心|分所|分行|支行|分公司|分店|大厦|大楼|(?<![的嘅])工厂|(?<![的嘅])厂区)$")
OFFICE_AFTER_EN = re.compile(r"\s+(?:regional\s+)?(?:office|offices|HQ|headquarters|branch|hub)\b", re.I)
REGION_TAIL_EN = re.compile(r"\s+(?:Middle East|Asia Pacific|APAC|EMEA|MENA|Asia|Europe|Africa|Americas|Gulf|Global|International|UK|US|China|India)$")
SITE_TAIL_EN = re.compile(r"\s+(?:(?:UK|US|USA|SG|HK|AU|NZ|IE|EU|Asia|APAC)\s+)?(?:HQ|headquarters|head office|office|offices|campus|depot|warehouse|branch)$")
ORG_LEAD_CN = re.compile(r"^(?:发票开|抬头开|开票给|开给|就是|也就是|刚入职|新入职|入职|刚进|刚去|[\u4e00-\u9fff]{2,8}?[区县](?![\u4e00-\u9fff]{1,4}?(?:镇|乡|街道)|[\u4e00-\u9fff]*(?:合作社|人民医院|中医院|第[一二三四五六七八九十]+[中小]学|交警大队|农商银行)|(?:实验|中心)(?:小学|中学|学校|幼儿园))(?=[\u4e00-\u9fff]{4,}))")  # (not "南昌县莲塘镇…", a county's co-operative)
# "Lululemon is transferring me", "a small fintech called PaySetu", "a 40-person company, Acme Logistics,"
ORG_MOVES_ME_EN = re.compile(r"(?:^|(?<=[.,!]\s))((?:[A-Z][\w&'-]*)(?:\s+[A-Z][\w&'-]*){0,2}) (?:is|are) (?:transferring|relocating|moving|sending|posting) me\b")
ORG_CALLED_EN = re.compile(r"\b(?:(?:startup|company|shop|firm|business|agency|fintech|studio|cafe|café|brand|label|consultancy|practice|"
                           r"restaurant|bakery|salon|clinic|outfit|store|team)(?:\s+in\s+[A-Z][\w ,]{1,30}?,?)?\s+called|(?i:shop|store|brand|company|business) name(?: is)?:?|namanya|own business\s*[—–:-]|"
                           r"(?:company|firm|business|shop|startup|agency|studio|store|practice|clinic|salon|cafe|café|restaurant|bakery|centre|center)"
                           r"(?:\s+(?:in|here in)\s+[A-Z][\w ]{1,20}?|\s+here)?,|"
                           r"\bmy (?:online |own |small |little )?(?:shop|store|brand|label|boutique|business|firm|practice|agency|clinic|company)(?=\s+[A-Z]))\s+"
                           r"((?:[A-Z][\w&.'-]*)(?:[ \t]+(?:[A-Z][\w&.'-]*|&|of|and|ni|de|la|del|da|di)){0,4})(?=\s*(?:[,.;!|]|$|\s(?:but|and|in|based|looking|which|that)\b))")
# Indonesian firms carry their legal form first: "PT Sinar Mas Agro", "UD Maju Jaya"
ORG_PT_ID = re.compile(r"\b((?:PT|CV|UD)\.?\s+[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,4})")
# "Singtel, project manager.": the organisation, then the speaker's role in it, as the first clause
ORG_THEN_TITLE_EN = re.compile(rf"^([A-Z][\w&.'-]*),\s*(?i:[a-z]+\s+){{0,2}}(?i:{_alt(L.EN_TITLES)})\b")
# "i teach english at 广州外国语学校", "maths teacher at 北京德威英国国际学校": an English cue, a Chinese name
EN_CUE_CN_ORG = re.compile(rf"\b(?i:teach(?:ing)?(?: [a-z]+)? at|work(?:ing)? (?:at|for)|(?:{_alt(L.EN_TITLES)}) at|i'm with|i am with)\s*([\u4e00-\u9fff]{{2,20}})")
# "我跑滴滴的", "在美团跑外卖": a platform one drives or delivers for
GIG_CN = re.compile(rf"(?:跑|开)({_alt(L.GIG_PLATFORMS_CN)})|(?:在|给|喺|帮|幫)({_alt(L.GIG_PLATFORMS_CN)})(?:跑|送|开)")
# "自己开了家上海立新贸易有限公司": one's own firm by its registered name
OWN_FIRM_CN = re.compile(r"开了?一?(?:家|个|间)\s*((?:(?!是|的|叫)[\u4e00-\u9fffA-Za-z0-9（）()]){4,24}?(?:有限责任公司|股份有限公司|有限公司))")
# "我係「貓貓手作」老闆": a business named in quotes, then one's role in it
QUOTED_ORG_ROLE_CN = re.compile(rf"[「“\"『]([^」”\"』]{{2,12}})[」”\"』]\s*的?\s*(?:{_alt(L.CN_TITLES)})")
# "返工喺MTR HQ": where one works, after the work
WORK_AT_LATIN_CN = re.compile(r"(?:返工|上班|工作)(?:喺|在)\s*([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})|"
                              r"(?:我|我们|我和[\u4e00-\u9fff]{1,3}|都|也)在\s*([A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})\s*(?=做事|做嘢|打工|返工)")  # "我和太太都在DBS做事"
# "门头叫国栋袜业", "厂名振华鞋业", "发票开强记服饰": a business named by its sign, its registration or its invoice
NAMED_BUSINESS_CN = re.compile(r"(?:门头叫|厂名(?:是|叫)?|店名(?:是|叫)?|发票开给?(?:我们公司)?|发票抬头开)\s*[「“\"『]?([\u4e00-\u9fffA-Za-z]{2,12}?)[」”\"』]?(?=[，,。！!\s]|$)")
# "Deloitte, been there 2 yrs": an employer first, then how long one has been there
ORG_BEEN_THERE = re.compile(r"^((?:[A-Z][\w&.'-]*)(?:\s+(?:[A-Z][\w&.'-]*|&)){0,3}),?\s+been there\b")
INDUSTRY_WORDS = frozenset("轨道 鼓风机 城投 交投 城建 机床 国资 文旅 报业 地产 地產 置地 银行 集团 证券 保险 电信 移动 联通 汽车 电力 电网 医院 大学 科技 物流 能源 石化 煤矿 煤电 矿务 电机 林业 "
                           "石油 钢铁 烟草 交通 建工 建设 机场 港务 铁路 地铁 公交 水务 燃气 传媒 日报 广电 农商行 易购 实业 控股 "
                           "电器 电气 啤酒 医药 制药 药业 食品 酒店 百货 航运 重工 机械 化工 电子 通信 软件 网络 信息 咨询 "
                           "铜业 铝业 矿业 煤业 乳业 纸业 建材 家电 家居 电脑 化学 光电 半导体 水泥 纺织 白药 讯飞".split())
STUDENT_AFTER = re.compile(r"的?[\u4e00-\u9fff]{0,4}?(?:学生|留学生|研究生|博士生|硕士生|本科生|新生)|读(?:大[一二三四]|研|博|本科|书)|念书|上学")
STAY_AFTER = re.compile(r"(?:住院|看病|就诊|看诊|治疗|做手术|开刀|体检)")
CN_TITLE_RULES = frozenset({TITLE_CN, TITLE_ORG_CN, TITLE_OF_CN, TITLE_DO_CN})


# an institution and the department one writes from: "山西医科大学第二医院设备科", "宇通客车股份有限公司国际部"
COMPANY_DEPT_CN = re.compile(rf"(?:^|(?<=[，,。\s])|(?<=我是)|(?<=我们是))(?![我你他她在喺])([\u4e00-\u9fff（）()]{{2,30}}(?:{_alt(L.ORG_SUFFIXES)}|图书馆|科学院|文化馆|博物馆|美术馆|科技馆|档案馆|体育馆|派出所|卫生院))"
                             rf"(?=\s?[\u4e00-\u9fff]{{0,8}}?(?:事业部|项目部|部|科|处|中心|办公室|办|室)(?:{_alt(L.CN_TITLES)})?的?(?:[，,。！!\s/]|$))")
REGISTERED_NAME_CN = re.compile(rf"(?:{CITY_CN_CORE_NAMES})市?[\u4e00-\u9fff]{{0,6}}[区县]\|.*(?:有限责任公司|股份有限公司|有限公司|厂)")
PAREN_ORG_TAIL = re.compile(r"[）)]\s*(?:股份)?(?:有限责任公司|有限公司|公司)")
# "字节跳动做算法工程师": a clause that is an employer and one's job there
ORG_DOING_CN = re.compile(rf"(?:^|(?<=[，,。\s]))(?<![A-Za-z]\s)(?:(?:係|系)\s*)?(?![在喺住去])([\u4e00-\u9fffA-Za-z&]{{2,12}}?)\s*[做当]\s*"
                          rf"(?:[\u4e00-\u9fff]{{0,4}}(?:{_alt(L.CN_TITLES)})|[a-z][a-z ]{{2,30}}?)(?=[，,。！!\s]|$)")
CLAUSE_ORG_EN = re.compile(rf"^((?:[A-Z][\w&.'’-]*\s+|&\s+){{1,5}}(?:{_alt(L.EN_ORG_SUFFIXES)}|LLP|PLC|Partners|Capital|Technologies|"
                           rf"Electrical|Plumbing|Construction|Builders|Ventures|Logistics|Consulting|Solutions|Holdings|Systems|"
                           rf"Pharmacy|Bakeshop|Bakery|Florists|Dental|Physio|Studio|Accounting|Architects|Creative|Management|"
                           rf"Motors|Realty|Properties|Clinic|Salon|Cafe|Café))"
                           r"(?:\s+in\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?$")


# what may trail an organisation's name as read: its boss (恒拓电子陈总) or its site in a city (台積電新竹廠)
ORG_TAIL_CN = re.compile(rf"(?:(?<=[\u4e00-\u9fff])[{''.join(sorted(L.CN_SURNAMES))}](?:总|经理|董)|({CITY_CN_CORE_NAMES})(?:厂|工厂|厂区)|"
                         rf"({_alt(FOREIGN_CITIES_CN)})(?:分公司|分行|支行|分所|办事处|分部)|"  # "华为迪拜分公司" (but "中石化北京分公司" is one name)
                         rf"(?:{_alt(L.COUNTRIES_CN)})(?:厂|工厂|厂区|办事处|总部|分部|基地|工地))$")  # "立讯精密越南厂" (but "华为马来西亚公司" is a firm of its own)
JOINED_CN = re.compile(r"(?<!可能)(?<!打算)(?<!准备)(?<!考虑)(?<!明年)(?<!想)(?:跳到|跳槽到|跳槽去|刚入职|入职了|加入了)\s*([\u4e00-\u9fffA-Za-z]{2,8}?)了?(?=[，,。！!\s]|$|做|当|上班)")
COUNTY_BODY_ENDS = ("局", "委", "政府", "法院", "检察院", "医院", "卫生院", "中学", "小学", "街道办", "大队", "中队", "派出所",
                    "烟草站", "林业站", "粮站", "农技站", "畜牧站", "水利站", "供电所", "财政所", "卫生所", "信用社", "供销社",
                    "农商银行", "农商行", "信用社", "农信社", "村镇银行", "供电公司", "供电局", "自来水公司")
LOCAL_BODY_CN = re.compile(r"[^县区旗市省州盟镇乡村\s，,]{1,4}?(?:[镇乡]|(?<=[\u4e00-\u9fff]{2})村)(?:中心)?(?:小学|中学|卫生院|卫生室|人民政府|政府|派出所|中心校|幼儿园|财政所|供电所|村委会|委会|农技站)$")
COUNTY_BODY_AFTER_CITY = re.compile(r"市?[\u4e00-\u9fff]{1,4}[县区](?:人民|中医)?(?:医院|中学|小学|电力局|供电局|税务局|公安局|法院|检察院|政府|教育局|卫生院)")
BUDGET_WORDS_IN_ORG = re.compile(r"以内|预算|差标|一晚|每月|每年")
NOT_ORG_WORDS_CN = re.compile(BUDGET_WORDS_IN_ORG.pattern + r"|左右|[这那哪]边|家里|附近|在(?!线)|^(?:你|他|她|就|也|都|还|到|没|找|跑|开车|送|返|去)")
NOT_AN_ORG_CN = re.compile(r"读完|讀完|^第[一二三四五六七八九十\d]+[郡区坊]$")  # "喺香港讀完書留低做嘢", "胡志明市第七郡"
# what may lead an organisation's name as read: who says it, where it is ("宁波鄞州的", "经开区"), or the
# words that introduce it ("叫", "发票抬头写")
SPEAKER_ORG_LEAD = re.compile(rf"(?:我们是|我是|我们|我在|叫|名叫|(?:我们)?单位|(?:发票)?抬头(?:写|是|开)?(?:我们)?(?:单位)?)?(?:({CITY_CN_CORE_NAMES})市?[\u4e00-\u9fff]{{0,4}}?(?:这边|那边)?的|"
                              rf"(?:{CITY_CN_CORE_NAMES})?[\u4e00-\u9fff]{{0,2}}(?:经开区|经济开发区|高新区|开发区|新区))?")


PAST_JOB_BEFORE_EN = re.compile(r"\b(?:used to|formerly|previously|worked)\b[^.!?]{0,15}$|\bex-\s*$", re.I)
STUDENT_BEFORE_EN = re.compile(r"\b(?:student|studying|study|phd|undergrad|pupil)\b[^.!?]{0,20}$", re.I)
DESCRIBED_AFTER_EN = re.compile(r" (?:restaurant|shop|store|cafe|café|company|firm|bakery|salon|clinic|school|hospital|factory|bank)\b")


SIGNED_ORG_WORDS = frozenset("Hospital Clinic School University College Council Bank Health Care Trust Group".split())


def _comma_signature(text, facts, hedged):
    """"Kind regards, Siobhan Kearney, Senior Pharmacist, Boots Ireland, 087 …", "Gary Holt, Holt
    Plastering, 07456 …": a signature written with commas — the firm follows the title, or the
    name when a contact follows it."""
    names = {f.value for f in facts if f.field == "name"}
    parts, pos = [], 0
    for piece in text.split(","):
        parts.append((piece.strip(), text.index(piece, pos) + len(piece) - len(piece.lstrip())))
        pos += len(piece) + 1
    for i in range(1, len(parts)):
        part, start = parts[i]
        before, after = parts[i - 1][0], parts[i + 1][0] if i + 1 < len(parts) else ""
        if EN_TITLE_PART.match(before):  # the line after a title: "…, Didsbury Dental Care", "…, National Hospital Abuja. +234 …"
            part = re.split(r"\.(?:\s|$)|\s+[|(]|\s+\+?\d", part)[0].strip()
        if not part or (i == len(parts) - 1 and not EN_TITLE_PART.match(before)):
            continue
        after_title = bool(EN_TITLE_PART.match(before)) and not EN_TITLE_PART.match(part) \
            and before.split()[0].lower() not in NOT_A_LEAD_NAME and part.split()[0] not in ("I", "I'm", "Im", "My", "We", "Our")
        after_name = before in names and (DIGIT_RX.search(after) is not None or "@" in after)
        if not (after_title or after_name) or not ORG_PART_EN.fullmatch(part) or part in names \
                or _part_city(part) or len(part) < 4 or any((w in EN_NOT_NAME or w.lower() in EN_NAME_STOP
                                                           or w.lower() in EN_TITLE_SET or w in ("VP", "SVP", "EVP")) and w not in SIGNED_ORG_WORDS
                                                          for w in part.split()):
            continue  # ("VP Operations" is a title, "PR" a residency)
        facts.append(_fact("company", part, part, 0.7, start, start + len(part), hedged))
        last = part.rsplit(" ", 1)[-1]
        if " " in part and last.lower() in CITY_BY_LOWER and not any(f.field == "city" for f in facts):
            city = _canonical_city(CITY_BY_LOWER[last.lower()])  # "National Hospital Abuja": the firm in its city
            facts.append(_fact("city", city, city, 0.65, start + len(part) - len(last), start + len(part), hedged))
        return


EMPLOYER_NAME = re.compile(rf"(?<![A-Za-z&])(?:{_alt(L.EMPLOYER_NAMES_EN)})(?![A-Za-z&])|(?:{_alt(L.EMPLOYER_NAMES_CN)})")
TITLE_AFTER_ORG_CN = re.compile(rf"\s*[\u4e00-\u9fff]{{0,4}}(?:{_alt(L.CN_TITLES)})(?=\s|$)")  # "科大讯飞 算法工程师"
WORKS_IN_BEFORE_CN = re.compile(r"^(?:我|我也|也|都|我都)?(?:在|喺)")  # "我在海康", "喺銀河"
WORKS_AT_BEFORE_EN = re.compile(r"\b(?:at|with|for)$", re.I)  # "I work at Raffles Place, at Deloitte"
WORK_VERB_AFTER = re.compile(r"\s*(?:上班|工作|做|当|干|搞|上课|返工|实习|上流水线|打工|(?i:as\b))")
ANSWER_LEAD_EN = re.compile(r"^(?i:(?:yes|yeah|yep|ok|okay|sure|currently|still|now)[,.!]?\s*)*$")


def _named_employer(text, facts, own, hedged, asked):
    """A large employer named with no cue word, as a clause of its own in a message about the
    writer: "南方航空，做财务", "茅台 182…", "龙华富士康 何俊 158…", "07834 562 190. yes, KPMG"."""
    about_self = "company" in asked or any(f.field in CONTACT_FIELDS or f.field in ("name", "job_title") for f in facts)
    for m in EMPLOYER_NAME.finditer(text):
        s0, e0 = m.span()
        cn = CJK_RX.match(m.group()) is not None
        start = max(_last_end(CLAUSE_END, text, s0), text.rfind(" ", 0, s0) + 1 if cn else 0)
        end = CLAUSE_END.search(text, e0)
        before, after = text[start:s0].strip(), text[e0:end.start() if end else len(text)]
        at_cue = not cn and WORKS_AT_BEFORE_EN.search(before) is not None  # "…, at Deloitte": whatever follows
        if at_cue and before.lower().endswith("with") and not re.search(r"\b(?:been|worked|working|work)\s+with$", before, re.I) \
                and PROVIDER_CONTEXT.search(_sentence(text, s0)):
            at_cue = False  # "comparing your rates with Wells Fargo": a provider
        place = WORKS_IN_BEFORE_CN.sub("", before) if cn else before
        lead_ok = not before or ANSWER_LEAD_EN.match(before) or at_cue or (cn and (
            not place or place in L.DISTRICT_CITY or place.rstrip("市") in CN_CITY_SET or _place_prefix(place) == place))
        work_after = WORK_VERB_AFTER.match(after) is not None
        tail_ok = not after.strip(" .!") or after.strip() in ("的", "的员工", "的人") or work_after or TITLE_AFTER_ORG_CN.match(after) \
            or (cn and re.match(r"的\s", after)) \
            or at_cue or (cn and after[:1].isspace())
        next_clause = text[end.end():] if end else ""
        if cn and re.fullmatch(r"(?:我|本人)(?:是|係|系)", before) and TITLE_AFTER_ORG_CN.match(after):
            lead_ok = about_self = True  # "我是饿了么骑手": one's own employer and post
        if lead_ok and tail_ok and (about_self or work_after or WORK_VERB_AFTER.match(next_clause)
                                    or TITLE_AFTER_ORG_CN.match(next_clause)) and own(s0, e0):
            facts.append(_fact("company", m.group(), m.group(), 0.7, s0, e0, hedged))
            return


def _named_after_city(rest: str) -> bool:
    """Whether what follows a city is an employer named after it: "大连万达", "厦门航空", "青岛啤酒厂",
    "郴州汽车站", "大庆油田" (not a district or a generic word: "北京朝阳", "上海公司")."""
    if not rest or rest[0].isspace() or rest in L.KNOWN_EMPLOYERS_CN or (COUNTY_BODY_AFTER_CITY.match(rest) and "县" in rest[:5]):
        return False  # ("吉隆坡华为" is Huawei's office in Kuala Lumpur; "石家庄正定县电力局" the county's)
    return (rest in INDUSTRY_WORDS or re.fullmatch(r"[\u4e00-\u9fff]{2}厂", rest) is not None
            or (len(rest) >= 4 and (rest[:2] in INDUSTRY_WORDS or rest[:2] in NAMED_AFTER_CITY_STARTS)  # "中山大学附属第一医院", "大庆油田采油二厂"
                and rest not in EMPLOYER_NAMES_ANY_CN and "的" not in rest and "园" not in rest)  # (not "合肥科大讯飞", "厦门软件园")
            or (2 <= len(rest) <= 6 and rest.endswith(PUBLIC_BODY_ENDS) and rest not in GENERIC_ORG)
            or rest in ("政府", "人民政府", "高中") or PUBLIC_BRANCH.fullmatch(rest) is not None  # "台中市政府", "西安市公安局雁塔分局"
            or (len(rest) == 2 and CJK_RX.match(rest) is not None and rest not in L.DISTRICT_CITY
                and rest not in GENERIC_ORG and rest not in L.AMBIGUOUS_DISTRICT))


TOWNSHIP_AFTER = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:镇|乡|街道)")
NAMED_AFTER_CITY_STARTS = frozenset("交大 医大 师大 理工 科大 农大 工大 财大 油田 化纤 港务 铁路".split())
PUBLIC_BRANCH = re.compile(r"[\u4e00-\u9fff]{1,4}局[\u4e00-\u9fff]{2,4}分局|[\u4e00-\u9fff]{0,4}[工车机电]务段|供电段")
PUBLIC_BODY_ENDS = ("局", "委", "厅", "法院", "检察院", "港", "汽车站", "火车站", "客运站", "油田", "税务局", "公安局", "电视台", "日报", "中学", "小学", "一中", "二中", "三中")


LOCALITY_LEAD_CN = re.compile(r"(?:县城|县里|县上|老家|镇上|镇里|乡里|乡上|村里|村上|市里|城里|当地|本地|(?:我们)?自己(?:有个|开的|的)?)(?:的)?")


def _work(text, facts, own, hedged, has_cjk, asked=frozenset()):
    latin = LATIN_WORD.search(text) is not None
    for m in COMPANY_DEPT_CN.finditer(text) if has_cjk else ():
        org, s0 = m.group(1), m.start(1)
        city = _leading_key(org, CN_CITY_SET)
        if city and (_leading_key(org[len(city):], CN_CITY_SET) or org[len(city):].startswith(tuple(L.PROVINCES))):
            org, s0 = org[len(city):], s0 + len(city)  # "乌鲁木齐新疆医科大学…": where it is, then its name
        if own(s0, s0 + len(org)) and not THIRD_RX.search(org) and org not in GENERIC_ORG:
            facts.append(_fact("company", org, org, 0.8, s0, s0 + len(org), hedged))
            break
    for m in COMPANY_CN.finditer(text) if has_cjk else ():
        org, (s0, e0) = m.group(1), m.span(1)
        if any(f.field == "company" and f.start <= s0 and e0 <= f.end for f in facts):
            continue  # part of the institution already read with its department
        if org.startswith(("一家", "这家", "那家", "贵公司", "贵司", "贵行", "贵单位")) or DESCRIBED_ORG.search(org) \
                or not own(s0, e0) or "叫" in org[:5]:  # ("我们合作社叫…": the name comes after 叫)
            continue
        more = ORG_CONTINUES.match(text, e0)
        if more and WORK_AFTER.match(text, more.end()):  # "厦门大学附属第一医院工作": the whole name
            org, e0 = text[s0:more.end()], more.end()
        if STAY_AFTER.match(text, e0) or STUDENT_AFTER.match(text, e0):
            continue  # "在奇美醫院住院", "马来亚大学的中国留学生": a patient or a student, not an employee
        paren = PAREN_ORG_TAIL.match(text, e0)
        if paren:  # "太原钢铁（集团）有限公司": the name goes on after its bracket
            org, e0 = text[s0:paren.end()], paren.end()
        lead = ORG_LEAD_CN.match(org)
        if lead:  # "章贡区赣州银行": the district, then the bank
            org, s0 = org[lead.end():], s0 + lead.end()
        city = _leading_key(org, CN_CITY_SET)
        foreign = city in FOREIGN_CITIES_CN  # 新加坡, 吉隆坡: no bank is named after them
        if city and COUNTY_BODY_AFTER_CITY.match(org[len(city):]):
            org, s0 = org[len(city):].lstrip("市"), s0 + len(org) - len(org[len(city):].lstrip("市"))  # "石家庄正定县医院": the county's hospital
        # (a hospital keeps its city: "新加坡中央医院", "纽约长老会医院")
        suffix = next((x for x in ("集团", "银行", "酒店") if org.endswith(x) and (x == "集团" or foreign)), None)
        if city and suffix and len(org) - len(city) >= 4 and org[len(city)] != "市" \
                and org[len(city):-len(suffix)] not in INDUSTRY_WORDS and org[len(city):-len(suffix)] not in NAMED_AFTER_CITY_STARTS:
            # (but "哈尔滨电气集团", "吉林化纤集团" are named after their city)
            org, s0 = org[len(city):], s0 + len(city)  # "呼和浩特伊利集团", "新加坡星展银行": the site, then the name
            if not any(f.field == "city" for f in facts) and own(s0 - len(city), s0):
                facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.75, s0 - len(city), s0, hedged))
        district = _leading_key(org, L.DISTRICT_CITY) if CJK_RX.match(org) else None  # ("Deakin Uni" is one name)
        if district and len(org) - len(district) >= 4 and not _leading_key(org, CN_CITY_SET) \
                and not TOWNSHIP_AFTER.match(org, len(district)) and not (district.endswith(("县", "区")) and org.endswith(COUNTY_BODY_ENDS)):
            # ("南昌县莲塘镇中心小学", "沂南县人民医院": named with their county)
            org, s0 = org[len(district):], s0 + len(district)  # "福田平安银行": 福田's 平安银行
        facts.append(_fact("company", org, org, 0.85, s0, e0, hedged))
    if not any(f.field == "company" for f in facts):
        for m in WORKPLACE_CN.finditer(text) if has_cjk else ():
            place, start = m.group(1), m.start(1)
            if NOT_NOW_BEFORE_CN.search(text, max(0, m.start() - 6), m.start() + 2):
                continue  # "以前在美团做数据分析": a past job
            lead_word = re.match(r"(?:在|还在|也在|都在|就在|一直在|仍然在|现在在|目前在|还|也|都|就|一直)", place)
            if lead_word:  # "现在在武汉工作", "现在还在常州上班"
                place, start = place[lead_word.end():], start + lead_word.end()
            ordinal = ORDINAL_ORG_CN.match(place)
            if ordinal:  # "浙大一院后勤处", "福州三中", "济南二机床": a numbered hospital, school or works, named whole
                if own(start, start + ordinal.end(1)):
                    facts.append(_fact("company", ordinal.group(1), ordinal.group(1), 0.75, start, start + ordinal.end(1), hedged))
                continue
            site = re.fullmatch(r"([A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,2}) ([\u4e00-\u9fff]{2,5})(?: (?:office|HQ|branch))?", place)
            if site and site.group(2) in CN_CITY_SET:  # "喺 Tencent 香港 office 做": the employer, then its office's city
                if own(start, start + len(site.group(1))):
                    facts.append(_fact("company", site.group(1), site.group(1), 0.75, start, start + len(site.group(1)), hedged))
                    if not any(f.field == "city" for f in facts):
                        c, s_city = _canonical_city(site.group(2)), start + site.start(2)
                        facts.append(_fact("city", c, c, 0.75, s_city, s_city + len(site.group(2)), hedged))
                continue
            city = _leading_key(place, CN_CITY_SET)
            rest = place[len(city):].lstrip("市") if city else ""
            site = re.search(r"[的嘅](?:厂里|工厂|厂区|车间|仓库|店里|门店|公司里)$", rest) if city else None
            if site and _named_after_city(rest[:site.start()]):  # "青岛啤酒的厂里": the employer named after its city
                place, rest = place[:len(place) - len(rest) + site.start()], rest[:site.start()]
            whole = bool(city) and (_named_after_city(rest) or place[len(city):].startswith(("市立", "县立", "省立"))) and city not in FOREIGN_CITIES_CN  # ("东京品川" is a district)
            if city and own(start, start + len(city)) and not any(f.field == "city" for f in facts):
                facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.8, start, start + len(city), hedged))
            if whole:  # "大连万达", "厦门航空", "上海交大": the city is part of the employer's name
                if own(start, start + len(place)):
                    facts.append(_fact("company", place, place, 0.7, start, start + len(place), hedged))
                continue
            if city:
                place, start = place[len(city):].lstrip("市"), start + len(place) - len(place[len(city):].lstrip("市"))
            if re.search(r"\s\S+\s*(?:附近|一带)$", place):
                continue  # "在曼谷 Sukhumvit 附近上班": near a place, not at an employer
            place = re.sub(r"\s*(?:这边|那边|附近|这里)$", "", place)
            inside = re.search(r"(?<![的嘅])(?:厂|店|公司|单位)里$", place)
            if inside and inside.start() >= 2:  # "富士康厂里": the employer (but "OPPO的厂里" is read below)
                place = place[:inside.start()]
            if re.match(r"[A-Za-z]", place):
                place = SITE_TAIL_EN.sub("", place) or place  # "在 Maybank HQ 做 auditor"
            if place[:1].isspace():  # "在悉尼 Chatswood 上班": the city, then its suburb
                start, place = start + len(place) - len(place.lstrip()), place.lstrip()
            if " " in place and (CJK_RX.match(place.rpartition(" ")[0][-1:]) or CJK_RX.match(place.rpartition(" ")[2][:1])) \
                    and not HQ_TAIL.search(place) and place.rpartition(" ")[2] not in INDUSTRY_WORDS:
                if place.rpartition(" ")[2] in TIME_WORDS_CN:  # "天津滨海新区 白天上班": a time, not an employer
                    continue
                # "西湖区 阿里巴巴": the district, then the employer (but "Queensland Health" is one name)
                head, _, tail = place.rpartition(" ")
                place, start = tail, start + len(head) + 1
                cut = max(place.rfind("在"), place.rfind("喺"))
                if cut >= 0:  # voice-typed clauses: "在不 那台…还在不 我在鹤壁富士康上班" is read from the last 在
                    place, start = place[cut + 1:], start + cut + 1
                city = _leading_key(place, CN_CITY_SET)
                if city and len(place) - len(city) >= 2 and not _named_after_city(place[len(city):].lstrip("市")):
                    # "我在鹤壁富士康": the city, then the employer
                    if own(start, start + len(city)) and not any(f.field == "city" for f in facts):
                        c = _canonical_city(city)
                        facts.append(_fact("city", c, c, 0.8, start, start + len(city), hedged))
                    place, start = place[len(city):], start + len(city)
            named = _leading_key(place, CN_CITY_SET)
            if named and _named_after_city(place[len(named):].lstrip("市")):  # "大庆 大庆油田上班": after the clause's city
                if own(start, start + len(place)):
                    facts.append(_fact("company", place, place, 0.7, start, start + len(place), hedged))
                continue
            named_district = re.match(r"[\u4e00-\u9fff]{1,4}?[区县](?=[\u4e00-\u9fff]{2,})", place)
            if named_district and place[len(named_district.group()):] in EMPLOYER_NAMES_ANY_CN:
                place, start = place[named_district.end():], start + named_district.end()  # "郫都区富士康"
            lead = _leading_key(place[:-2], L.DISTRICT_CITY) if CJK_RX.match(place) else None  # ("Deakin Uni" is one name)
            short_ok = not city  # after a city, two characters are a district more often (北京国贸)
            if lead and (place[len(lead):] in GENERIC_ORG or place[len(lead):] in ("区政府", "政府", "法院", "检察院")
                         or ((lead.endswith(("县", "区")) or lead + "县" in L.DISTRICT_CITY) and place.endswith(COUNTY_BODY_ENDS))):
                lead = None  # "小店区政府", "正定县电力局": the district's own office
            if lead and (place[len(lead):] in INDUSTRY_WORDS or place in EMPLOYER_NAMES_ANY_CN):
                lead = None  # "太古地產", "中联重科": the name, not 太古's 地产
            if lead and re.fullmatch(r"[\u4e00-\u9fff]{2}厂", place[len(lead):]):
                continue  # "瓯海眼镜厂": a glasses factory in 瓯海, not one named
            if re.fullmatch(r"[\u4e00-\u9fff]{1,4}[镇乡村][\u4e00-\u9fff]{2}厂", place):
                continue  # "长安镇电子厂": a town's electronics factory
            if lead:  # "光谷华为": the district, then the employer
                place, start, short_ok = place[len(lead):], start + len(lead), True
            if len(place) >= 4 and (HQ_TAIL.search(place) or (place[-2:] in CN_CITY_SET and not place[:-2].endswith("银"))):
                # "苏宁总部", "华为坂田基地", "腾讯香港" (but "中银香港" is the bank's name)
                place = HQ_TAIL.sub("", place)
                if place.endswith(("的", "嘅")) and place not in EMPLOYER_NAMES_ANY_CN:
                    place = place[:-1]  # "京东物流的仓库" (but "美的总部")
                tail_city = next((place[-n:] for n in (5, 4, 3, 2) if place[-n:] in CN_CITY_SET and len(place) - n >= 2), None)
                if tail_city:  # "腾讯深圳总部": the employer's office in that city
                    place = place[:-len(tail_city)]
                    if not any(f.field == "city" for f in facts) and own(start + len(place), start + len(place) + len(tail_city)):
                        c = _canonical_city(tail_city)
                        facts.append(_fact("city", c, c, 0.75, start + len(place), start + len(place) + len(tail_city), hedged))
                place = next((place[:-n] for n in (3, 2) if place[-n:] in L.DISTRICT_CITY and len(place) - n >= 2), place).rstrip()
                if place in ("工业", "科技", "产业", "高新", "经济", "开发", "物流", "软件"):
                    continue  # "工业园区": a park, not an employer
            area = _place_prefix(place[:-2]) if place not in EMPLOYER_NAMES_ANY_CN else None  # ("中联重科" is one name)
            if lead and area and not area.endswith(("园", "园区", "广场", "大厦", "中心", "路", "街", "村")):
                area = None  # after "星沙", "中联重科" is the name (but "南山科技园腾讯": the park, then the firm)
            if area and area.endswith(("县", "区")) and place.endswith(COUNTY_BODY_ENDS):
                area = None  # "正定县电力局": the county's own bureau
            if area and place[len(area):].startswith("道"):
                area = None  # "高坪街道办": a sub-district office, not a street's
            if area and (place[len(area):] in INDUSTRY_WORDS or place[len(area):] in ("附中", "附小", "附院", "一中", "二中", "实验")
                         or area.removesuffix("省") in L.PROVINCES or area in ("华北", "华东", "华南", "华中", "西北", "东北", "西南")):
                # ("四川长虹", "华北油田": a province or region before a brand is part of its name)
                area = None  # "四川航空", "太古地產": the place is part of the name
            if area:  # "科技园腾讯", "徐家汇美团": a place name, then the employer
                place, start, short_ok = place[len(area):], start + len(area), True
            known_tail = next((place[-n:] for n in (4, 3, 2) if len(place) > n + 1 and place[-n:] in EMPLOYER_NAMES_ANY_CN
                               and place[-n - 1] in "的嘅"), None)
            if known_tail:  # "顺德的美的": the place, then the employer (whose own name holds 的)
                place, start = known_tail, start + len(place) - len(known_tail)
            of_at = max(place.rfind("的"), place.rfind("嘅"))
            if place in EMPLOYER_NAMES_ANY_CN or of_at == len(place) - 1:
                of_at = -1  # "美的": the employer's name holds 的
            if of_at >= 0 and place[of_at + 1:] in GENERIC_ORG:
                place = re.sub(r"(?:下面|下属|旗下|底下)$", "", place[:of_at])  # "OPPO的厂里", "山西焦煤下面的煤矿": the employer
                area = _place_prefix(place)
                if area and len(place) > len(area) and area.removesuffix("省") not in L.PROVINCES:  # ("山西焦煤")
                    place, start = place[len(area):], start + len(area)
                lead = _leading_key(place, L.DISTRICT_CITY)
                if lead and len(place) > len(lead):
                    place, start = place[len(lead):], start + len(lead)
            elif of_at >= 0:  # "北京望京的阿里", "铜锣湾嘅腾讯": the district, then the employer
                head = place[:of_at]
                if head in CN_CITY_SET and not any(f.field == "city" for f in facts) and own(start, start + len(head)):
                    c = _canonical_city(head)  # "在里昂的欧莱雅": the city abroad, then the employer
                    facts.append(_fact("city", c, c, 0.75, start, start + len(head), hedged))
                cut = of_at + 1
                place, start, short_ok = place[cut:], start + cut, True
            if city in FOREIGN_CITIES_CN and place in EMPLOYER_NAMES_ANY_CN:
                short_ok = True  # "在慕尼黑宝马工作": a large employer's office abroad (but "东京品川" is a district)
            if len(place) < (2 if short_ok or place in L.KNOWN_EMPLOYERS_CN else 3) or (len(place) > 2 and _place_prefix(place) == place) or place in ("外地", "本地", "公司", "家里", "这边", "那边", "国外") \
                    or place in GENERIC_ORG or place in L.CITY_REGION or place in L.TOWN_CITY or place in L.EN_CITY_ALIASES \
                    or place.endswith(("这边", "那边", "附近", "这里", "那里", "区", "园", "新城", "大厦", "广场", "商圈", "路", "街", "大道", "大学城", "SOHO", "码头")) \
                    or place in TIME_WORDS_CN \
                    or place in L.DISTRICT_CITY or place in L.AMBIGUOUS_DISTRICT \
                    or re.match(r"[一某这那]家|一所|一个", place) or re.search(r"[一某这那]家|一所|一间", place):
                continue
            if own(start, start + len(place)):
                facts.append(_fact("company", place, place, 0.7, start, start + len(place), hedged))
    for m in COMPANY_EN.finditer(text) if latin else ():
        org = m.group(1)
        legal = LEGAL_FORM_END.search(org)
        if legal:  # "Halden Home Goods Ltd. LCL from …": the name ends with its legal form
            org = org[:legal.end()]
        cut = re.search(r"(?<!\bLtd)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bBhd)(?<!\bPte)(?<!\bSt)(?<!\bMt)(?<!\bDr)\.\s", org)
        if cut:  # "CTO of Payfinch. You can…": the name ends with the sentence
            org = org[:cut.start()]
        org = _without_sentence_stop(org, text, m.start(1))
        org = SITE_TAIL_EN.sub("", org) or org  # "Deliveroo HQ": Deliveroo
        if OFFICE_AFTER_EN.match(text, m.start(1) + len(org)):
            org = REGION_TAIL_EN.sub("", org) or org  # "Huawei Middle East office": Huawei
        org = re.sub(r"\s+(?:and|of|&|\+)$", "", org)  # "work at Flipkart and my salary…"
        org = re.sub(r"\s+and\s+(?:I|I'm|I’m|Im|we|we're|my|our)$", "", org)  # "a banker at GTBank and I'm running…"
        parent = PARENT_ORG_AFTER_EN.match(text, m.start(1) + len(org)) if DEPARTMENT_OF_EN.match(org) else None
        if parent:  # "the Department of Engineering, University of Cambridge": the clause after names the employer
            if own(*parent.span(1)):
                facts.append(_fact("company", parent.group(1), parent.group(1), 0.75, *parent.span(1), hedged))
            continue
        if re.match(r"\s+(?:team|department|dept)\b", text[m.start(1) + len(org):]):
            continue  # "from the HR team": a department
        low = m.group().lower()
        if org in L.EN_CITIES or org in L.DISTRICT_CITY or org in L.COUNTRY_REGION or org in L.TOWN_CITY \
                or org.split()[0] in ("I", "The") and len(org.split()) == 1:
            continue
        if org.endswith((" in", " at")):
            org = org.rsplit(" ", 1)[0]
        if org in ("FIFO", "DIDO", "WFH", "PRN"):
            continue  # "work FIFO for BHP": a roster, not the employer
        words = org.split(" ")
        tails = [t for t in (" ".join(words[-k:]) for k in range(1, min(6, len(words)))) if t in PLACE_AFTER_ORG_ORDER
                 and not org[:-len(t)].rstrip().endswith((" of", " and", "&"))]
        place = min(tails, key=PLACE_AFTER_ORG_ORDER.get) if tails else None
        if not place and len(words) == 2 and words[0].isupper() and words[1] in L.DISTRICT_CITY:
            place = words[1]  # "OCBC Tampines": the bank's branch there
        if not place and len(words) == 2 and words[1].isupper() and words[1] in L.DISTRICT_CITY:
            org = words[0]  # "Petronas KLCC": the firm at its tower (whose district says little of home)
        if place:  # "Pos Laju Shah Alam", "Petronas Twin Towers KL": the organisation, then where it is
            if not INSTITUTION_BEFORE_PLACE_EN.search(org[:-len(place) - 1]) \
                    and not re.fullmatch(r"U[A-Z]{1,3}|[A-Z]{1,3}U", org[:-len(place) - 1]):  # ("University Hospital Galway", "UT Austin" are one name)
                org = org[:-len(place) - 1]
            city = _canonical_city(L.EN_CITY_ALIASES.get(place) or L.DISTRICT_CITY.get(place) or L.TOWN_CITY.get(place) or place)
            if not any(f.field == "city" for f in facts) and own(m.start(1), m.end(1)) and place not in EN_DISTRICT_NAMES:
                ps = m.start(1) + len(org) + 1
                facts.append(_fact("city", city, city, 0.75, ps, ps + len(place), hedged))
        if low.startswith(("from", "for")) and not any(org.rstrip(".").endswith(s) for s in (*L.EN_ORG_SUFFIXES, "LLP", "Bhd", "PLC")):
            continue  # a bare "from"/"for" needs the legal form: "from Fenwick Analytics Ltd"
        if org in L.COUNTRY_REGION or org in L.CITY_REGION or org in NOT_AN_EMPLOYER_EN or org in ("Pte Ltd", "Ltd", "LLC", "Inc", "Sdn Bhd") or STUDENT_BEFORE_EN.search(text, max(0, m.start() - 30), m.start(1)) \
                or PAST_JOB_BEFORE_EN.search(text, max(0, m.start() - 25), m.start(1)) \
                or DESCRIBED_AFTER_EN.match(text, m.start(1) + len(org)):
            continue  # "student from China", "PhD student at Boston University", "work at Korean restaurant"
        if low.startswith(("i'm with", "im with", "i am with")) and PROVIDER_CONTEXT.search(_sentence(text, m.start())) \
                and not re.match(r"\s+as\b", text[m.end(1):]):  # ("I'm with Deloitte as senior manager" is a job)
            continue  # "I'm with Rogers now but comparing your plans": a provider, not an employer
        inner = re.search(r"['’]s\s+(\w+)", org)
        if inner and (inner.group(1) in L.TOWN_CITY or inner.group(1) in L.CITY_REGION or inner.group(1) in L.DISTRICT_CITY
                      or inner.group(1).lower() in ("office", "branch", "plant", "site", "factory", "campus", "hq", "store")):
            # "Jaguar Land Rover's Solihull plant" (but "Doyle's Marine Supply" is one name, "St. Luke's" a saint's)
            org = org[:inner.start() + (2 if org.startswith(SAINT_PREFIX) else 0)]
        if org.endswith(("'s", "’s")) and not org.startswith(SAINT_PREFIX):  # "Shanghai Ocean Shipping's Durban branch" (but "the CEO's office" is no employer)
            org = org[:-2]
            if org.lower() in EN_TITLE_SET or org.isupper() and len(org) <= 4:
                continue
        if own(m.start(1), m.start(1) + len(org)):
            facts.append(_fact("company", org, org, 0.8, m.start(1), m.start(1) + len(org), hedged))
            there = CITY_AFTER_ORG_EN.match(text, m.start(1) + len(org))
            town = there and (CITY_BY_LOWER.get(there.group(1).lower()) or L.DISTRICT_CITY.get(there.group(1)) or L.EN_CITY_ALIASES.get(there.group(1))
                              or CITY_BY_LOWER.get(there.group(1).split()[0].lower()) or L.TOWN_CITY.get(there.group(1)))
            if town and not any(f.field == "city" for f in facts):  # "finance manager at Kaveri Textiles, Coimbatore"
                city = _canonical_city(town)
                facts.append(_fact("city", city, city, 0.7, *there.span(1), hedged))
    for rx, needs in ((COMPANY_AS_CN, "cn"), (COMPANY_UNIT_CN, "cn"), (COMPANY_CLAUSE_CN, "cn"),
                      (COMPANY_OF_TITLE_CN, "cn"), (OWN_BUSINESS_CN, "cn"), (OWN_BUSINESS_EN, "en"),
                      (COMPANY_WORK_CLAUSE_CN, "cn"), (COMPANY_CLAUSE_EN, "en"), (CALLED_ORG_CN, "cn"),
                      (EN_ORG_IN_CN, "en"), (ORG_THEN_ROLE_EN, "en"), (ORG_BEEN_THERE, "en"), (ORG_DOING_CN, "cn"),
                      (ORG_MOVES_ME_EN, "en"), (ORG_CALLED_EN, "en"), (ORG_THEN_TITLE_EN, "en"), (NAMED_BUSINESS_CN, "cn"), (ORG_PT_ID, "en"),
                      (QUOTED_ORG_ROLE_CN, "cn"), (WORK_AT_LATIN_CN, "cn"), (OWN_FIRM_CN, "cn"), (EN_KIND_ORG_IN_CN, "cn"), (GIG_CN, "cn"), (STAFF_OF_CN, "cn"), (EN_CUE_CN_ORG, "cn")):
        if not (has_cjk if needs == "cn" else latin):
            continue  # each rule needs its script: a Chinese rule cannot match English text
        for m in rx.finditer(text):
            g = m.lastindex or 1
            org = m.group(g)
            if DESCRIBED_ORG.search(org) or any(f.field == "company" for f in facts) or org in GENERIC_ORG or NOT_ORG_WORDS_CN.search(org) \
                    or org in CN_CITY_SET or org in L.DISTRICT_CITY or "自己" in org or THIRD_RX.search(org) \
                    or (CJK_RX.match(org) and "叫" in org[1:8]):  # ("养殖场叫…合作社": the name comes after 叫)
                continue
            if rx is COMPANY_CLAUSE_EN:
                org = _without_sentence_stop(org, text, m.start(g))
            if rx is COMPANY_WORK_CLAUSE_CN and not ORG_END.search(org) and (re.search(r"[我你他她]", org) or starts_with_common_word(org)):
                continue  # "白天我上班": a clause about the speaker, not an employer
            if rx is WORK_AT_LATIN_CN:
                org = SITE_TAIL_EN.sub("", org)
                if org in L.DISTRICT_CITY or org in L.CITY_REGION or org in L.EN_CITY_ALIASES:
                    continue  # "上班在 Chatswood": a suburb
            if rx is ORG_PT_ID and " " in org and org.rsplit(" ", 1)[1] in L.CITY_REGION:
                org = org.rsplit(" ", 1)[0]  # "PT Bumi Perkasa Medan": the firm, then its city
            start = m.start(g)
            site = SITE_TAIL_CN.search(org) if CJK_RX.search(org[-3:]) else None
            if site and site.start() >= 2:  # "海尔工业园的装配工": the employer, not its site
                org = org[:site.start()]
            lead = ORG_LEAD_CN.match(org) if CJK_RX.match(org) else None
            if lead and REGISTERED_NAME_CN.fullmatch(org[:lead.end()] + "|" + org[lead.end():]):
                lead = None  # "苏州工业园区博瑞电子科技有限公司": a registered name starts with its city and district
            if lead:  # "发票开义乌市华通进出口有限公司", "新竹科学园区晶宇科技…"
                org, start = org[lead.end():], start + lead.end()
            if rx in (ORG_THEN_ROLE_EN, ORG_THEN_TITLE_EN) and (org in EN_NOT_NAME or org.lower() in NOT_AN_ORG_WORDS):
                continue
            if rx is ORG_DOING_CN and (NOT_AN_ORG_ANSWER.search(org) or starts_with_common_word(org) or org in CN_TITLE_SET
                                       or _leading_key(org, CN_CITY_SET) == org):
                continue  # "我做销售", "平时做饭": no employer
            if own(start, start + len(org)):
                facts.append(_fact("company", org, org, 0.8, start, start + len(org), hedged))
    if latin and not any(f.field == "company" for f in facts) and (
            any(f.field in CONTACT_FIELDS or f.field in ("name", "job_title") for f in facts) or "company" in asked):
        for m in CLAUSE_RX.finditer(text):  # "Niamh O'Connor, Rathmines Pharmacy, 01 497 2231"
            clause = m.group().strip()
            org = CLAUSE_ORG_EN.match(clause)
            if org and (org.group(1).split()[0] not in ("The", "Our", "My") or len(org.group(1).split()) > 2):
                s0 = m.start() + m.group().index(clause)
                if own(s0, s0 + len(org.group(1))):
                    facts.append(_fact("company", org.group(1), org.group(1), 0.75, s0, s0 + len(org.group(1)), hedged))
                    break
    if latin and not any(f.field == "company" for f in facts) and text.count(",") >= 2 and (any(
            f.field in CONTACT_FIELDS for f in facts) or any(f.field == "name" for f in facts)):
        _comma_signature(text, facts, hedged)
    for i, f in enumerate(facts):
        unit = LOCAL_BODY_CN.search(f.value) if f.field == "company" and has_cjk else None
        if unit and unit.start() > 0 and re.search(r"[县区旗市]", f.value[:unit.start()]):
            # "上饶婺源县紫阳镇中心小学", "邢台威县章台镇东王村卫生室": the town's (or village's) own school, clinic, office
            facts[i] = f = _fact("company", unit.group(), unit.group(), f.confidence, f.start + unit.start(), f.end, hedged)
        tail = ORG_TAIL_CN.search(f.value) if f.field == "company" and has_cjk else None
        if tail and len(f.value) - len(tail.group()) >= 2 and f.value[:tail.start()] not in CN_CITY_SET:  # "恒拓电子陈总": the firm, then its boss; "台积电新竹厂": a site
            org = f.value[:tail.start()]
            facts[i] = f = _fact("company", org, org, f.confidence, f.start, f.start + len(org), hedged)
            tail_city = tail.group(1) or tail.group(2)
            if tail_city and not any(g.field == "city" for g in facts):
                c = _canonical_city(tail_city)
                facts.append(_fact("city", c, c, 0.75, f.end, f.end + len(tail_city), hedged))
        local = LOCALITY_LEAD_CN.match(f.value) if f.field == "company" and has_cjk else None
        if local and len(f.value) - local.end() >= 4:  # "在县城宏达罐头厂上班", "自己有个稻田绿源蔬菜合作社": where, then the name
            # (but "镇上卫生院" is the town's own clinic)
            facts[i] = f = _fact("company", f.value[local.end():], f.value[local.end():], f.confidence, f.start + local.end(), f.end, hedged)
        lead = SPEAKER_ORG_LEAD.match(f.value) if f.field == "company" and has_cjk else None
        if lead and lead.end() and len(f.value) - lead.end() >= 2:  # "我们是高雄的海港水产有限公司": who, where, then the name
            org, s0 = f.value[lead.end():], f.start + lead.end()
            facts[i] = _fact("company", org, org, f.confidence, s0, f.end, hedged)
            city = lead.group(1)
            if city and not any(g.field == "city" for g in facts) and own(f.start + lead.start(1), f.start + lead.end(1)):
                facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.75,
                                   f.start + lead.start(1), f.start + lead.end(1), hedged))
    for i, f in enumerate(facts):
        if f.field == "company" and has_cjk and CJK_RX.match(f.value) and len(f.value) >= 4:
            known = _leading_key(f.value, EMPLOYER_NAMES_ANY_CN, longest=4)
            if known and EMPLOYER_UNIT_TAIL.fullmatch(f.value[len(known):]):
                # "美团到店事业群", "阿里巴巴滨江园区", "台積電竹科廠": the employer, then its unit or site
                facts[i] = _fact("company", known, known, f.confidence, f.start, f.start + len(known), hedged)
            elif known and f.value[len(known):] in L.DISTRICT_CITY:  # "华为松山湖": the employer, then where its site is
                facts[i] = _fact("company", known, known, f.confidence, f.start, f.start + len(known), hedged)
                if not any(g.field == "city" for g in facts):
                    c = _canonical_city(L.DISTRICT_CITY[f.value[len(known):]])
                    facts.append(_fact("city", c, c, 0.7, f.start + len(known), f.end, hedged))
    for i, f in enumerate(facts):
        head, _, last = f.value.rpartition(" ") if f.field == "company" and f.value.isascii() else ("", "", "")
        if head and not head.endswith((" of", " the", " de", "&", "+")) and head.split()[0] not in ("The", "University", "Bank") \
                and last in L.CITY_REGION and len(head) >= 3 and not (head.isupper() and len(head) <= 3 and "U" in head) \
                and head.split()[-1] not in ("Hospital", "University", "College", "Council", "School", "Clinic", "Centre", "Center", "Airport", "Port", "City"):
            # ("UT Austin", "National Hospital Abuja", "Foster + Hale" are whole names)
            facts[i] = _fact("company", head, head, f.confidence, f.start, f.start + len(head), hedged)  # "KPMG Sydney": the firm, then its office's city
            if not any(g.field == "city" for g in facts):
                c = _canonical_city(last)
                facts.append(_fact("city", c, c, 0.7, f.start + len(head) + 1, f.end, hedged))
    for i, f in enumerate(facts):
        area = _leading_key(f.value, L.CN_AREA_CITY, longest=6) if f.field == "company" and has_cjk else None
        phase = re.match(r"[一二三四五六七八九十\d]+期", f.value) if f.field == "company" and not area else None
        area = area or (phase and phase.group())  # ("软件园二期美图", read after the park as "二期美图")
        rest = f.value[len(area):] if area else ""
        if area and _leading_key(rest, EMPLOYER_NAMES_ANY_CN, longest=4) == rest:  # "软件园二期美图": where, then the employer
            facts[i] = _fact("company", rest, rest, f.confidence, f.start + len(area), f.end, hedged)
    if has_cjk:  # "公司差标一晚两千以内", "白天我", "邓雪梅": a budget, a clause or a person, not an employer
        facts[:] = [f for f in facts if f.field != "company" or f.value not in L.CN_AREA_CITY]  # "我就在江北嘴上班": a place
        facts[:] = [f for f in facts if f.field != "company" or not (
            BUDGET_WORDS_IN_ORG.search(f.value) or GENERIC_ORG_OF_PLACE.fullmatch(f.value) or NOT_AN_ORG_CN.search(f.value)
            or (CJK_RX.match(f.value) and len(f.value) == 3 and (_cn_name(f.value, 0) or ("", 0))[1] == 3
                and any(g.field == "name" and g.value == f.value for g in facts)))]
    m = JOINED_CN.search(text) if has_cjk and not any(f.field == "company" for f in facts) else None
    if m and m.group(1) not in GENERIC_ORG and own(*m.span(1)):  # "今年刚跳到拼多多"
        s0, org = m.start(1), m.group(1)
        city = _leading_key(org, CN_CITY_SET)
        if city and len(org) - len(city) >= 2:  # "跳槽去杭州阿里巴巴了": the city, then the employer
            org, s0 = org[len(city):], s0 + len(city)
            if not any(f.field == "city" for f in facts):
                c = _canonical_city(city)
                facts.append(_fact("city", c, c, 0.7, m.start(1), s0, hedged))
        facts.append(_fact("company", org, org, 0.75, s0, s0 + len(org), hedged))
    if "@" in text and not any(f.field == "company" for f in facts):
        _email_domain_org(text, facts, own, hedged)
    if "company" in asked and not any(f.field == "company" for f in facts):
        _asked_company(text, facts, hedged)
    titles_seen = set()
    for rx in (TITLE_CN, TITLE_ORG_CN, TITLE_EN, TITLE_EN2, TITLE_OF_CN, TITLE_AT_EN, TITLE_DO_CN):
        if not (has_cjk if rx in CN_TITLE_RULES else latin):
            continue
        for m in rx.finditer(text):
            title = re.sub(r"^(?i:i am|i'm|im|am)\s+", "", m.group(1).strip())
            if rx is TITLE_DO_CN and title not in CN_TITLE_SET:
                continue  # "做外贸的" names a trade, "做销售的" a job
            if own(*m.span(1)) and title not in titles_seen:
                titles_seen.add(title)
                facts.append(_fact("job_title", title, title, 0.8, *m.span(1), hedged))


# "a hygienist at Bupa in Norwich so…", "KCB Bank, Mombasa branch", "GreenEdge, out of Penrith": where one works
WORK_TOWN_AFTER_ORG_EN = re.compile(r"(?:\s*,\s*(?:(?:based |out )?(?:in|of)\s+)?|\s+(?:(?:based )?in|out of)\s+)(?:the\s+)?"
                                    r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
                                    r"(?=\s*(?:[.,;!|)]|$)|\s+(?:so|and|but|as|since|for|now|until|til|till|on|with|at|branch|office|campus|site|plant|store|depot|hub|area)\b)")


def _work_town_en(text, facts, own, hedged, region=None) -> None:
    """The town an English-named employer's site is in, when nothing says where the customer lives
    (in the conversation's country, when it is known: a British Thornbury is not Melbourne's)."""
    for f in facts:
        if f.field != "company" or not f.value.isascii():
            continue
        m = WORK_TOWN_AFTER_ORG_EN.match(text, f.end)
        town = m and m.group(1)
        named = town and (L.SUBURB_CITY.get(region or "", {}).get(town) or L.EN_CITY_ALIASES.get(town) or CITY_BY_LOWER.get(town.lower())
                          or L.DISTRICT_CITY.get(town) or L.TOWN_CITY.get(town))
        city = named and _canonical_city(named)
        if city and region and _region_of_city(city) not in (None, region):
            continue
        if city and town not in L.COUNTRY_REGION and own(*m.span(1)):
            facts.append(_fact("city", city, city, 0.65, *m.span(1), hedged))
            return


def _sentence(text: str, pos: int) -> str:
    end = SENT_END.search(text, pos)
    return text[_last_end(SENT_END, text, pos):end.start() if end else len(text)]


DISTRICT_BY_LOWER = {d.lower(): c for d, c in L.DISTRICT_CITY.items() if d.isascii()}


def _district_city(name: str) -> str:
    return L.DISTRICT_CITY.get(name) or L.CN_AREA_CITY.get(name) or DISTRICT_BY_LOWER[name.lower()]


def _canonical_city(name: str) -> str:
    """The city's written name: "chicago" → "Chicago", "NYC" → "New York"."""
    return L.CITY_ALIASES.get(name.lower()) or L.EN_CITY_ALIASES.get(name) or CITY_BY_LOWER.get(name.lower(), name)


POSTCODE_AROUND = re.compile(r"^\d{3,6}\s+|\s+(?:\d{3,6}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$")
OTHERS_HOME_AFTER = re.compile(r"[\s，,。]*(?:他们|她们|他|她|爸妈|父母|我爸妈|我父母)(?:住|家)|[\s,.]*(?:is )?(?:my )?(?:parents'|their)", re.I)


LATIN_WORD = re.compile(r"[A-Za-z]{2}")
LATIN_LETTER = re.compile(r"[A-Za-z]")


CITY_CN_ANYWHERE = re.compile(CITY_CN_CORE_NAMES)
CITY_EN_ANYWHERE = re.compile(rf"\b({_alt(L.EN_CITIES)})\b")
DISTRICT_EN_ANYWHERE = re.compile(rf"\b({_EN_DISTRICTS})\b")


def _leading_key(text: str, keys, longest: int = 6) -> str | None:
    """The longest key of ``keys`` that ``text`` starts with (keys are 2 to ``longest`` characters)."""
    for n in range(min(longest, len(text)), 1, -1):
        if text[:n] in keys and not (text[n - 1].isascii() and text[n - 1].isalpha() and text[n:n + 1].isascii() and text[n:n + 1].isalpha()):
            return text[:n]  # (a Latin key ends at a word's end: "Adelaide CBD" does not start with "Adel")
    return None


ANSWER_LEAD = re.compile(r"^(?:(?:yes|yep|yeah|ya|yup|ok|sure|对|嗯|是的|系|係)[,，.!\s]+)", re.I)
PLACE_TAIL = re.compile(r"(?:这边|那边|附近|那个|那里|这里|一带|区)$")
LOCATIVE_TAIL = re.compile(r"(?:这边|那边|附近|那里|这里|一带)$")
# a district said as where one is, asked or not: "天河那边", "福田 离家近"
DISTRICT_HERE_CN = re.compile(r"^([\u4e00-\u9fff]{2,4}?)(?:区)?(?:这边|那边|附近|一带)$")
NEAR_HOME_AFTER = re.compile(r"\s*离(?:家|我家|公司|单位)?[\u4e00-\u9fff]{0,6}近")


NON_SPACE_RUN = re.compile(r"\S+")
TRIMMED = re.compile(r"\S.*\S|\S")


def _clauses(text: str, offset: int = 0):
    """(start, clause) of each clause; in Chinese text a space also ends one ("1988.6.2 徐汇 我在…")."""
    for m in CLAUSE_RX.finditer(text, offset):
        parts = NON_SPACE_RUN.finditer(m.group()) if CJK_RX.search(m.group()) else (TRIMMED.search(m.group()),)
        for part in parts:
            if part:
                yield m.start() + part.start(), part.group()


def _place_of_clause(clause: str) -> str | None:
    """The city a clause that is only a place names: "西湖区", "天河那边", "Parramatta", "台中西屯"."""
    core = POSTCODE_AROUND.sub("", LOCATIVE_TAIL.sub("", clause)).strip()
    for name in dict.fromkeys((core, PLACE_TAIL.sub("", core))):
        if name.rstrip("市") in CN_CITY_SET or name in L.CITY_REGION:
            return name.rstrip("市") if CJK_RX.match(name) else name
        if name in L.DISTRICT_CITY or name.lower() in DISTRICT_BY_LOWER:
            return _district_city(name)
    if CJK_RX.match(core):
        return _leading_key(core, CN_CITY_SET)  # "台中西屯": a city, then its district
    return None


def _answered_place(text: str, facts) -> None:
    """"对，朝阳这边", "yep, Parramatta", "Indooroopilly, Brisbane", "台中西屯": where the customer
    lives, answering a question about it — a city or a district anywhere among the clauses."""
    lead = ANSWER_LEAD.match(text.strip())
    offset = text.index(text.strip()) + (lead.end() if lead else 0)
    for s0, clause in _clauses(text, offset):
        city = _place_of_clause(clause)
        if city:
            city = _canonical_city(city)
            facts.append(_fact("city", city, city, 0.75, s0, s0 + len(clause)))
            return


# where one lives, said before a suburb or a city a few words on: "just up the road in Grey Lynn,
# Auckland", "im in Moseley", "rent a house in the Heights in Houston"
HOME_CUE_EN = re.compile(r"\b(?:i|we|i'm|im|we're|were|i am|we are|my family|my wife and i|my husband and i)?\s*"
                         r"(?:live|living|stay|staying|reside|residing|based|located|flatting|rent(?:ing)?(?: a [a-z]+)?|"
                         r"(?:(?:i'm|im|we're|were|i am|we are)(?: just| currently| now)?(?: (?:up the road|over|out|down|up|back))?(?: (?:west|east|north|south))?))"
                         r"(?:\s+(?:over|out|down|both|all))?\s+(?:in|at)\s+(?:the\s+)?", re.I)
# where one works or comes from, before the town: "I work at KCB Bank in Kisumu", "it's Rahul Verma
# from Bengaluru", "moving a 1-bed from Chicago to Denver", "driving up from Hartford"
HOME_CUE_EN2 = re.compile(r"\b(?:(?:i |we )?(?:work|working) (?:at|for) (?:the )?(?:[A-Z][\w&.'-]*\s+){1,4}in|(?:just |recently )moved (?:here )?to|"
                          r"(?:started|new job|job|hired) at (?:the )?(?:[A-Z][\w&.'-]*\s+){1,4}in|"
                          r"taga|duduk(?: di)?|tinggal(?: di)?|sewa di|(?:aku|saya) di|dari(?![^.!?,]*\bke\b)|(?:kilang|kedai|rumah|pejabat|ofis) (?:saya|kami|aku) di|(?<=, )(?:out|over|up|down) in|(?:my|our) (?:house|home|apartment|flat|place|unit|condo) in|dito lang ako sa|dito sa|out past|kantor (?:kami|saya) di|visiting me in|"
                          r"(?:work|working|based)[^.!?]{0,30}? out of|(?:bakery|shop|café|cafe|salon|business|restaurant|clinic|practice|studio|store|takeaway|pub|garage|warehouse|factory|depot) in|(?:usually |now )?stay(?:ing)?(?= [A-Z])|"
                          r"(?:it's|its|this is|i'm|im|i am) (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?) from|moving out of|"
                          r"(?<=i )live(?= (?-i:[A-Z])[a-z]+(?:\s*[.,!;]|$))|(?:i'm|im|we're|we are|i am)(?: (?:out|over|up|down|round))?(?= (?-i:[A-Z])[a-z]+(?: [A-Z][a-z]+)? way\b)|"
                          r"moving (?:a |my |our )?[\w-]+(?: [\w-]+)? from|(?:moving|relocating|we're moving|we are moving) from(?= (?-i:[A-Z])[^.!?]{1,30}? to )|"
                          r"(?:moving|relocating|going) (?:back |over |out )?to (?-i:[A-Z])[\w ]{1,25}?(?: (?:next|this|in|on) [\w ]{1,12}?)?,? from|(?:driving|coming) (?:up |down |over |in )?from|"
                          rf"(?:{_alt(t for t in L.EN_TITLES if len(t) > 3)}) in(?= (?-i:[A-Z])))\s+", re.I)  # "a flat in Sai Kung" is often the one being sought; "dentist in Banjara Hills": where one works
PLACE_EN_ANY_CASE = re.compile(rf"\b({_alt(L.EN_CITIES)}|{_EN_DISTRICTS})\b", re.I)
TOWN_EN = re.compile(rf"\b({_alt(L.TOWN_CITY)})\b")  # written with its capital: "Decatur", "Glen Waverley"
TOWN_EN_LOWER = re.compile(rf"((?i:{_alt(L.TOWN_CITY)}))(?=\s*(?:[,.!?;]|$)|\s+(?:so|and|now|btw|area|rn|atm|too)\b)")
TOWN_BY_LOWER = {t.lower(): t for t in L.TOWN_CITY}
DISTRICT_EN_BY_LOWER = {d.lower(): c for d, c in L.DISTRICT_CITY.items() if d.isascii()}
# a town before its postcode or state: "Cheltenham GL50 1HA", "Cork T12 W8K2", "Columbus OH 43215",
# "Mosman NSW 2088", "Mesa AZ"
US_CA_STATES = ("AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC "
                "ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AB BC MB NB NL NS ON PE QC SK").split()
TOWN_POSTCODE = re.compile(
    r"(?:^|(?<=[\s,]))((?:[A-Z][a-z]+|[A-Z][a-z]+ [A-Z][a-z]+)),?\s+(?:"
    r"(?P<uk>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})|(?P<ie>[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y\d]{4})|"
    r"(?P<au>NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+(?P<aupc>\d{4})|"
    rf"(?P<us>{'|'.join(US_CA_STATES)})\.?(?:\s+(?P<zip>\d{{5}}(?:-\d{{4}})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d))?)(?![\w])")
STREET_WORD = re.compile(r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Ct|Place|Pl|Crescent|"
                         r"Terrace|Hill|Park|Square|Sq|Unit|Suite|Flat|Floor|Level|Block|Blk)$")
AU_CAPITAL_POSTCODES = (((2000, 2249), "Sydney"), ((2555, 2574), "Sydney"), ((2740, 2786), "Sydney"),
                        ((3000, 3207), "Melbourne"), ((3750, 3810), "Melbourne"), ((4000, 4207), "Brisbane"),
                        ((4300, 4305), "Brisbane"), ((4500, 4519), "Brisbane"), ((5000, 5199), "Adelaide"),
                        ((6000, 6199), "Perth"), ((7000, 7099), "Hobart"), ((2600, 2620), "Canberra"),
                        ((2900, 2920), "Canberra"), ((800, 832), "Darwin"), ((4208, 4230), "Gold Coast"))


POSTCODE_OR_STATE = re.compile(r"[A-Z][a-z]+,?\s+(?:[A-Z]{2,3}\b|[A-Z]{1,2}\d)")


def _town_city(town: str, m: re.Match) -> str:
    """The city a town in an address stands for: a known suburb's city, an Australian capital by
    its postcode range, else the town itself."""
    if m.group("aupc") and town not in L.CITY_REGION:
        known = L.DISTRICT_CITY.get(town) or L.TOWN_CITY.get(town)
        if known and L.CITY_REGION.get(known) == "AU":
            return known
        code = int(m.group("aupc"))  # "Kensington NSW 2033" is Sydney's, whatever London's is called
        return next((c for (lo, hi), c in AU_CAPITAL_POSTCODES if lo <= code <= hi), town)
    if town in L.DISTRICT_CITY:
        return L.DISTRICT_CITY[town]
    if town in L.TOWN_CITY:
        return L.TOWN_CITY[town]
    return _canonical_city(town)


CITY_DISTRICT_NEAR_CN = re.compile(rf"(?:(?<=[，,。\s])|^)({CITY_CN_CORE_NAMES})市?({_CN_DISTRICTS})[\u4e00-\u9fff]{{0,8}}?(?:那边|这边|附近|一带)")
DISTRICT_OF_MINE_AFTER = re.compile(r"区?[\u4e00-\u9fff]{0,8}?(?:的(?=[，,。！!\s]|$)|这边|那边)")
CITY_DISTRICT_LEAD_CN = re.compile(rf"(?:我们|我家|家)?(?:住|在)?({CITY_CN_CORE_NAMES})市?({_CN_DISTRICTS})(?!到|去|飞|出差|旅游|玩)")
DISTRICT_LEAD_CN = re.compile(rf"({_CN_DISTRICTS})(?!到|去|飞|出差|旅游|玩)")


def _district_of(district: str, city: str) -> bool:
    """Whether ``district`` is one of ``city``'s (the only one of its name, or one of several)."""
    return L.DISTRICT_CITY.get(district) == city or city in L.AMBIGUOUS_DISTRICT.get(district, ())


# a clause that is only where one lives, among one's contact details: "…，湖南常德，我叫…", "13602455871 广州天河棠下，",
# "…，青岛市北区台东，0532-…", "我郑州本地的"
PLACE_CLAUSE_CN = re.compile(rf"(?:^|(?<=[，,。；;\s]))(?:我是?|本人)?(?:({_alt(L.PROVINCES)})省?)?({CITY_CN_CORE_NAMES})市?"
                             rf"(?:({_CN_DISTRICTS})(?:区|县)?[\u4e00-\u9fff]{{0,6}}?|(本地的|本地人|本地))?(?:这边|那边|的)?(?=\s*(?:[，,。！!；;]|$))")


def _place_clause(text, facts, own, hedged) -> None:
    for m in PLACE_CLAUSE_CN.finditer(text):
        province, city, district, local = m.group(1), m.group(2), m.group(3), m.group(4)
        if district and not _district_of(district, city):
            continue
        if not (province or district or local) or not own(*m.span(2)):
            continue  # a city alone may be anyone's
        c = _canonical_city(city)
        facts.append(_fact("city", c, c, 0.7, *m.span(2), hedged))
        return


# where one's home county or district is, with its towns and villages: "我们是砀山县良梨镇的",
# "俺是临泉县的", "我叫李得旺，郸城县汲冢镇王庄村三组的", "我们隆回县好几个姐妹", "在华容县承包了600亩水稻"
_COUNTIES_WITH_SUFFIX = _alt(d for d in L.DISTRICT_CITY if CJK_RX.match(d) and d.endswith(("县", "区", "旗")))
COUNTY_HOME_CN = re.compile(
    rf"(?:^|(?<=[，,。！!？?；;\s]))((?:我|我们|俺|俺们|咱|咱们|我家|我们家)(?:就|也|都)?(?:是|在|住|住在|家在)?|在|住在|家在)?"
    rf"(?:(?:{_alt(L.PROVINCES)})省?)?(?:({CITY_CN_CORE_NAMES})市?)?({_COUNTIES_WITH_SUFFIX})"
    rf"((?:[\u4e00-\u9fff]{{1,6}}?(?:镇|乡|村|组|屯|街道|社区))*)(的|人|这边|那边|下面)?"
    rf"(?=[，,。！!？?；;\s]|$|好几|[\u4e00-\u9fff]{{0,4}}?(?:承包|种|养|开了|上班|教书|打工))")


def _county_home(text, facts, own, hedged) -> None:
    for m in COUNTY_HOME_CN.finditer(text):
        lead, city, county, towns, tail = m.groups()
        if not (lead or towns or tail) or (city and not _district_of(county, city)):
            continue  # a county named alone may be anywhere the talk goes
        if re.search(r"(?:去|到|回|飞|离开)$", text[max(0, m.start() - 2):m.start()]) or not own(*m.span(3)):
            continue
        c = _canonical_city(city or L.DISTRICT_CITY[county])
        facts.append(_fact("city", c, c, 0.7, *m.span(3), hedged))
        return


def _leading_city_district(text, facts, own, hedged, asked) -> None:
    """A message that opens with a city and one of its districts ("北京通州果园，120平三居",
    "苏州吴中，…"), or, when the staff asked where, with a district alone ("番禺市桥附近")."""
    m = CITY_DISTRICT_LEAD_CN.match(text)
    if m:
        city, district = m.group(1), m.group(2)
        if _district_of(district, city) and own(*m.span(1)) \
                and not ORG_AFTER_CITY.match(text, m.end(1)):  # ("宁波海曙凯乐进出口有限公司" is a firm's registered name)
            c = _canonical_city(city)
            facts.append(_fact("city", c, c, 0.75, *m.span(1), hedged))
        return
    for m in CITY_DISTRICT_NEAR_CN.finditer(text):  # "…你们能上门接吗 长沙岳麓区梅溪湖那边"
        city, district = m.group(1), m.group(2)
        if _district_of(district, city) and own(*m.span(1)):
            c = _canonical_city(city)
            facts.append(_fact("city", c, c, 0.7, *m.span(1), hedged))
            return
    m = DISTRICT_LEAD_CN.match(text)
    if m and not ("city" in asked or DISTRICT_OF_MINE_AFTER.match(text, m.end())):
        m = None  # a district alone opens a message about something else, unless asked or "藁城区岗上镇的"
    if m and m.group(1) in L.DISTRICT_CITY and own(*m.span(1)):
        c = _canonical_city(L.DISTRICT_CITY[m.group(1)])
        facts.append(_fact("city", c, c, 0.7, *m.span(1), hedged))


NAME_PREFIX_EN = re.compile(r"(?<![A-Za-z])(?:Md\.?|Mohd\.?|Muhd\.?|Mohd|Syed|Sk\.)\s+$")
LEAD_PLACE_CITY_EN = re.compile(rf"^((?:[A-Z][a-z]+ ?){{1,3}}),\s+({_alt(L.EN_CITIES)})(?=\s*(?:[.;!]|$))")
CAPITALISED_WORDS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


def _suburb_home(text, facts, own, hedged, suburbs: dict[str, str]) -> None:
    """A suburb of the conversation's country after a home cue: "we're in Red Hill" in an
    Australian conversation is Brisbane, "Newtown" in a New Zealand one Wellington."""
    for cue in [*HOME_CUE_EN.finditer(text), *HOME_CUE_EN2.finditer(text)]:
        words = CAPITALISED_WORDS.match(text, cue.end())
        if not words:
            continue
        parts = words.group().split(" ")
        for n in range(len(parts), 0, -1):  # the longest name first: "Burwood East", not "Burwood"
            name = " ".join(parts[:n])
            if re.match(r",?\s*\(|,\s*[A-Z]", text[cue.end() + len(name):]):
                return  # "Belmont, Geelong", "Epping (Sydney)": the city is named next to it
            if name in suburbs and own(cue.end(), cue.end() + len(name)) and not TRAVEL_SENTENCE.search(_sentence(text, cue.start())):
                facts.append(_fact("city", suburbs[name], suburbs[name], 0.7, cue.end(), cue.end() + len(name), hedged))
                return


LEAD_PLACE_WORDS = re.compile(r"((?-i:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}))")
NEAR_PLACE = re.compile(r",\s*(?:just |right )?(?:outside(?: of)?|north of|south of|east of|west of|near|close to)\s+(?-i:[A-Z])")


PLACE_GOES_ON = re.compile(r" (?:Heights|Hills|Park|Village|Valley|Springs|Beach|Falls)\b")


# how people say where they live in passing, beyond HOME_CUE_EN: "we farm out by Cabri", "just
# outside Westport", "here in Bandon", "a house near Minden", "currently up in Roy", "from up in
# Joseph", "moved to Frisco City", "Craig Dickson, out Mataura way" (a capital must follow)
NEAR_HOME_CUE_EN = re.compile(
    r"(?i:\b(?:out|up|down|over)\s+(?:by|past|near|around)|\b(?:just|right|live|living|we're|we are|i'm|im|i am|based)\s+outside(?:\s+of)?|"
    r"\bhere in|\bdown the road in|\bup the road in|"
    r"\b(?:live|living|based|farm|property|place|house|home|we're|we are|i'm|im|i am)\s+(?:just\s+|right\s+)?near|"
    r"\bcurrently\s+(?:(?:up|out|down|over)\s+)?in|\bfrom\s+(?:up|down|out|over)\s+in|"
    r"\b(?:we|i|we've|i've|just)\s+(?:just\s+)?moved\s+(?:out\s+|over\s+|up\s+|down\s+)?to|(?:^|(?<=[,.] ))moved\s+(?:out\s+|over\s+|up\s+|down\s+)?to|"
    r"\b(?:just|right)\s+out\s+of|\b(?:my|our)\s+(?:[1-5]\s?(?:br|bed|bdrm|bedroom)\s+)?(?:apt|apartment|flat|place|unit|house|home|condo|townhouse|bungalow)\s+in|"
    r"\bme and (?:my|the) [a-z]+ (?:are|live) in|\bjust arrived in|\bcrashing (?:w/|with) [a-z ]{1,20}? in|\bnear us in|"
    r"\bmoved (?:up |down |over |out )?from (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?) to|(?:(?<=[,.—–-] )|^)(?:out|up|down|over)\s+in|\bmoving\s+from\s+(?:a|my|our|the)\s+[\w-]+(?:\s+[\w-]+)?\s+in|"
    r"(?<=, )from(?=\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*,\s*(?:\+?\d|[\w.+-]+@))|(?:(?<=, )|(?<=farm )|(?<=property )|(?<=place )|(?<=live )|(?<=living ))out(?=\s+[A-Z][a-z]+(?: [A-Z][a-z]+)? way\b))"
    r"\s+(?=[A-Z])")


def _small_town_at(window: str, region: str | None) -> tuple[re.Match, str] | None:
    """A small town written at the start of ``window`` ("Methven", "Frisco City"), the longest
    name first, and the city it is: the one in the conversation's country when that is known."""
    words = CAPITALISED_WORDS.match(window)
    if not words:
        return None
    parts = words.group().split(" ")
    for n in range(len(parts), 0, -1):
        name = " ".join(parts[:n])
        by_country = L.SMALL_TOWN_CITY.get(name)
        if by_country and n > 1 and parts[n - 1] in ("East", "West", "North", "South", "Central") and " ".join(parts[:n - 1]) in L.TOWN_CITY:
            return None  # "Burwood East": a part of the Burwood the bigger table names
        if by_country:
            city = by_country.get(region) if region else next(iter(by_country.values()))
            if city is None:
                return None  # a town of another country than the conversation's
            if city != name and re.match(r",\s*[A-Z]", window[len(name):]):
                return None  # "Paddington, Brissie": the city named after it says which Paddington
            after = re.match(r",?\s*([A-Z][a-z]+(?: [A-Z][a-z]+)?)", window[len(name):])
            if after and any(w.lower() in CITY_BY_LOWER or w in L.TOWN_CITY for w in (after.group(1), after.group(1).split(" ")[0])):
                return None  # "Beaverdale, Des Moines", "Midtown Atlanta": the city is named next to it
            return re.compile("(" + re.escape(name) + r")\b").match(window), _canonical_city(city)
    return None


def _tail_of_a_name(window: str, at: int) -> bool:
    """Whether a capitalised word other than a street word ("418 Magnolia Street Metairie") comes
    right before ``at``: "Malviya Nagar" is one name, whose last word is no place of its own."""
    before = re.search(r"\b([A-Z][a-z]+) $", window[:at])
    return before is not None and not STREET_WORD.fullmatch(before.group(1))


def _home_place_en(text, facts, own, hedged, region=None) -> None:
    near_cues = [c for c in NEAR_HOME_CUE_EN.finditer(text)
                 if not (re.match(r"(?i)(?:just |right )?(?:outside|near)", c.group()) and re.search(r"[,\-–]\s*$", text[:c.start()]))]
    # ("Westerville, OH 43081 - just outside Columbus": the city named is a landmark of the place before it)
    for cue in [*HOME_CUE_EN.finditer(text), *HOME_CUE_EN2.finditer(text), *near_cues]:
        end = SENT_END.search(text, cue.end())
        window = text[cue.end():min(end.start() if end else len(text), cue.end() + 50)]
        if cue.group().rstrip().lower().endswith("from"):
            window = re.split(r"\s+to\s+", window, maxsplit=1)[0]  # "from Clapham to Brighton": Clapham
        elif cue.group().rstrip().lower().endswith("to"):
            window = re.split(r"\s+from\s+", window, maxsplit=1)[0]  # "moved to Plano from Austin": Plano
        sentence = _sentence(text, cue.start())
        settled = OWN_HOME_CUE_EN.match(cue.group()) or re.match(r"(?i)(?:just |recently )moved", cue.group()) \
            or re.search(r"(?i)\b(?:farm|property|ranch|acres|house|home|place|live|living)\s+$", text[max(0, cue.start() - 12):cue.start()])
        # ("got a farm out by Fergus Falls" is home, though the sentence is "looking at" stock tanks)
        if TRAVEL_SENTENCE.search(sentence) and not (settled and not TRIP_SENTENCE.search(sentence)):
            continue  # (but "insurance for my apartment in Somerville" is about home, though one is looking for cover)
        places = list(PLACE_EN_ANY_CASE.finditer(window))
        # "Morningside Heights, Manhattan": a name that goes on is another place than the one listed
        places = [p for p in places if not PLACE_GOES_ON.match(window, p.end(1))] or places
        # "Malviya Nagar, Jaipur": a place that is the last word of a longer name is not the one named
        places = [p for p in places if not _tail_of_a_name(window, p.start(1))] or places
        lead, near = LEAD_PLACE_WORDS.match(window), NEAR_PLACE.search(window)
        if lead and near and near.start() == lead.end() and own(cue.end(), cue.end() + lead.end()) \
                and not (lead.group(1) in L.DISTRICT_CITY or lead.group(1) in L.TOWN_CITY or lead.group(1).lower() in CITY_BY_LOWER):
            # "we're in Chew Magna, just outside Bristol": a village no table names is home, the city
            # a landmark (a known suburb, "Douglas just outside Cork", is read as its city below)
            name = lead.group(1)
            facts.append(_fact("city", name, name, 0.65, cue.end(), cue.end() + len(name), hedged))
            return
        small = _small_town_at(window, region) if not (places and places[0].start() == 0) else None
        if small and places and own(cue.end(), cue.end() + small[0].end()):
            # "out near Grunthal, RM of Hanover": the town the cue names, not a place further on
            facts.append(_fact("city", small[1], small[1], 0.7, cue.end(), cue.end() + small[0].end(), hedged))
            return
        if not places or places[0].start() > 25:
            # a town just after the cue: "we're over in Decatur" (not the last word of a longer name:
            # "Malviya Nagar, Jaipur")
            town = next((t for t in TOWN_EN.finditer(window, 0, 30) if not _tail_of_a_name(window, t.start())), None)
            if (town and town.start() == 0 and not (small and small[0].end() > town.end())) or not small:
                small = None  # (but "Fergus Falls" is longer than the "Fergus" a bigger table names)
            else:
                town = small[0]  # the small town the cue names before a bigger one: "Grunthal, RM of Hanover"
            if not town and cue.group().islower():  # texting in lower case: "we're in new braunfels", "im in aurora so …"
                low = TOWN_EN_LOWER.match(window)
                town = low if low and low.group(1).lower() not in COMMON_LOWER_WORDS else None
            if town and own(cue.end(), cue.end() + town.end()):
                city = small[1] if small else L.TOWN_CITY[TOWN_BY_LOWER[town.group(1).lower()]]
                facts.append(_fact("city", city, city, 0.7, cue.end(), cue.end() + town.end(), hedged))
                return
            continue
        # "Grey Lynn, Auckland": the city named after the suburb is the one to give
        m = next((p for p in places if p.group(1).lower() in CITY_BY_LOWER), places[0])
        name = m.group(1)
        if name.islower() and (not cue.group().islower() or (name.lower() not in CITY_BY_LOWER and re.search(r"[A-Z]", text[cue.end():]))):
            continue  # a lower-case word in a written sentence is a word, not a place ("a little village just outside Harrogate")
        city = CITY_BY_LOWER.get(name.lower()) or DISTRICT_EN_BY_LOWER[name.lower()]
        s0 = cue.end() + m.start(1)
        if any(f.field == "company" and f.start <= s0 < f.end for f in facts):
            continue  # "I'm at Central Valley Ag till 5": the place names the employer
        if own(s0, s0 + len(name)):
            facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.75, s0, s0 + len(name), hedged))
            return


def _town_by_postcode(text, facts, own, hedged) -> None:
    for m in TOWN_POSTCODE.finditer(text):
        town, s_town = m.group(1), m.start(1)
        street, _, rest = town.partition(" ")
        if rest and STREET_WORD.fullmatch(street):
            town, s_town = rest, s_town + len(street) + 1  # "2217 Oakwood Ave Columbus OH 43206": the street ends, the town begins
        if STREET_WORD.search(town) or town in EN_NOT_NAME or town.split()[0] in ("I", "My", "The", "Our") \
                or any(f.field == "name" and f.value == town for f in facts):  # "Rhys Jenkins, CF14 3NT"
            continue
        coded = m.group("uk") or m.group("ie") or m.group("aupc") or m.group("zip")
        before = text[max(0, m.start() - 14):m.start()]
        whole_clause = re.fullmatch(r"(?:.*[,:\-–|]\s*|\s*)", before) is not None and \
            (re.match(r"\s*(?:[,.;|\-–]|$)", text[m.end():]) is not None or text[m.end() - 1] == ".")
        if not (coded or whole_clause or re.search(r"\b(?:in|Location:?)\s*$", before)):
            continue  # "Sounds OK" is no town in Oklahoma
        if own(s_town, m.end(1)):
            city = _town_city(town, m)
            facts.append(_fact("city", city, city, 0.7, s_town, m.end(1), hedged))
            return


AREA_TAIL_CN = re.compile(r"(?:这边|那边|附近|一带|这块儿?|那块儿?|上班|工作|住|的)?$")


ROAD_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:路|街|道|大道)\d")  # "东吴北路299号…"


def _district_lead_city(clause: str) -> str | None:
    """A clause that starts with a district and goes on with a place in it: "浦东张江", "海淀上地这边",
    "岳麓区大学城", "南山科技园上班", "锦江区春熙路附近" — or is a district with 区 ("思明区")."""
    lead = _leading_key(clause, L.DISTRICT_CITY)
    if not lead or (len(clause) > 12 and not ROAD_NUMBER.match(clause, len(lead))):
        return None
    rest = AREA_TAIL_CN.sub("", clause[len(lead):])
    if not rest and (lead.endswith("区") or len(clause) > len(lead)):
        return L.DISTRICT_CITY[lead]  # "思明区", "天河那边"
    if rest.startswith("区"):
        rest = rest[1:]
    if rest and (_leading_key(rest, L.DISTRICT_CITY) or rest.endswith(("路", "街", "城", "园", "山", "湖", "广场", "小区"))
                 or ROAD_NUMBER.match(rest)):
        return L.DISTRICT_CITY[lead]
    return None


FUTURE_GO_CN = re.compile(r"(?:明年|以后|将来|可能|打算|准备|计划)(?:可能|会|要|想)?去$")  # "明年可能去伦敦工作": not yet
FUTURE_BEFORE_CN = re.compile(r"明年|下个?月|下周|下星期|下礼拜|下个星期")
CITY_AFTER_DISTRICT = re.compile(rf",\s*({_alt(L.EN_CITIES)})\b")


NAME_FROM_CITY_EN = re.compile(rf"\b(?i:myself|i'm|i am|im|this is|it's)\s+(?:{EN_FULL_NAME.pattern}|[A-Z][a-z]+),?\s+from\s+({_alt(L.EN_CITIES)})\b"
                               r"(?!\s+(?:office|branch|team|campus|store|to\b))")
NOT_AN_EMPLOYER_EN = frozenset("China Mainland Mainland China PRC Taiwan Vietnam Indonesia Thailand Pakistan Bangladesh Nepal".split()) | {"Mainland China"}
INSTITUTION_BEFORE_PLACE_EN = re.compile(r"\b(?:Hospital|Hospitals|University|College|Airport|Council|Library|Museum|Infirmary)$")
DEPARTMENT_OF_EN = re.compile(r"(?:Department|Dept\.?|School|Faculty|Division|Institute) of ")
PARENT_ORG_AFTER_EN = re.compile(r",\s*(?:the\s+)?([A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|and|&))*)(?=\s*(?:[,.;!]|$))")
NAME_FROM_PLACE_LEAD_EN = re.compile(rf"(?:{EN_FULL_NAME.pattern})\s+from\s+({_alt(L.EN_CITIES)}|{_EN_DISTRICTS})(?=\s*(?:[,.;!]|$))")
# "student at University of Manchester", "studying at Uni of Adelaide", "PhD student at Boston University"
UNIVERSITY_CITY = re.compile(rf"\b(?:student|studying|study|undergrad|phd)\b[^.!?]{{0,30}}?"
                             rf"\b(?:(?:University|Uni) of ({_alt(L.EN_CITIES)})\b|({_alt(L.EN_CITIES)}) (?:University|Uni)\b)", re.I)
# a British postcode district after a home cue: "I'm in E17", "we're in M20"
UK_OUTWARD_HOME = re.compile(r"\b(?:i'm in|i am in|we're in|we are in|based in|live in|living in)\s+([A-Z]{1,2})\d{1,2}[A-Z]?\b(?!\s?\d[A-Z]{2})", re.I)
UK_POSTCODE_AREA_CITY = {**{a: "London" for a in "E EC N NW SE SW W WC".split()}, "M": "Manchester", "B": "Birmingham",
                         "L": "Liverpool", "LS": "Leeds", "G": "Glasgow", "EH": "Edinburgh", "CF": "Cardiff",
                         "BS": "Bristol", "NE": "Newcastle", "BT": "Belfast", "S": "Sheffield", "NG": "Nottingham"}


FUTURE_MOVE_EN = re.compile(r"\b(?:might|may|will|gonna|going to|plan(?:ning)? to|want to|thinking of|hoping to)\s+(?:be\s+)?(?:move|moving|relocat\w*)\s+(?:to\s+)?$", re.I)
NOT_NOW_BEFORE_CN = re.compile(r"(?:以前|之前|原来|曾经|以往|老家)(?:也|都|是)?(?:在|喺|住)|(?:户口|户籍)(?:还|也|都)?(?:在|是)|"
                               r"(?:要|准备|打算|可能|下个?月|明年|将|会|想)(?:要)?(?:搬|调|移民)(?:到|去)?|想(?:喺|在)")


def _place_then_city(clause: str) -> str | None:
    """The city that ends a clause of a few place words: "Koramangala Bangalore" -> "Bangalore"."""
    words = clause.split()
    if not 2 <= len(words) <= 6 or not LATIN_WORD.match(clause):
        return None
    for k in (3, 2, 1):
        tail = " ".join(words[-k:])
        if len(words) > k and tail.lower() in CITY_BY_LOWER and tail[0].isupper() \
                and all(w[0].isupper() or w[0].isdigit() for w in words[:-k]) \
                and words[-k - 1] not in ("Greater", "New", "North", "South", "East", "West", "Old") \
                and words[0].rstrip(":") not in ("Employer", "Company", "Work", "Office", "Employer's"):
            return tail
    return None


TRIP_AFTER_CN = ("出差", "旅游", "玩", "开会", "参加")


def _trip_to(text: str, city: str) -> bool:
    """"去兰州出差", "飞成都玩": ``city`` is somewhere the customer travels to (a string scan: a
    pattern built per city would be compiled again for every message)."""
    at = text.find(city, 1)
    while at > 0:
        if text[at - 1] in "去到飞" and text.startswith(TRIP_AFTER_CN, at + len(city)):
            return True
        at = text.find(city, at + 1)
    return False


def _places(text, facts, own, hedged, asked=None, has_cjk=True, gates=None, context=frozenset(), region=None):
    # the Chinese rules need a Chinese city named, the English ones an English one
    gates = scan(text.lower()) if gates is None else gates
    rules = ((CITY_CN, CITY_DISTRICT_HERE, CITY_DISTRICT_CLAUSE) if "cn_city" in gates else ()) + \
        ((CITY_EN, CITY_EN_AREA, FROM_I_LIVE_THERE, HOME_ORIGIN_EN, CITY_FIRST_EN) if "en_city" in gates else ())
    for m in _district_homes(text, gates):
        g = m.lastindex
        if any(f.field == "city" for f in facts) or TRAVEL_AFTER.match(text, m.end()) or not own(*m.span(g)):
            continue
        if text[max(0, m.start(g) - 2):m.start(g)] in CN_CITY_SET or FUTURE_BEFORE_CN.search(text, max(_last_end(CLAUSE_END, text, m.start()), m.start() - 8), m.start()):
            continue  # "住新北板橋": the city says whose 板桥; "明年 4 月喺西貢搞婚禮": an event
        city = _district_city(m.group(g))
        if m.group(g) in CN_CITY_SET and city not in ("香港", "澳门"):
            continue  # "住新北板橋": 新北 the city, not 常州's district (but 马鞍山 in Hong Kong's speech)
        named = CITY_AFTER_DISTRICT.match(text, m.end(g))
        if named and CITY_BY_LOWER.get(named.group(1).lower(), city) != city:
            city = _canonical_city(CITY_BY_LOWER[named.group(1).lower()])  # "Kensington, Calgary": not London's
        if context and city not in context and _region_of_city(city) == "CN" and CJK_RX.match(m.group(g)) and not m.group(g).endswith(("区", "县", "旗")) \
                and not text.startswith("区", m.end(g)):
            continue  # "我住西乡" in a conversation about 深圳: its 西乡 street, not 汉中's 西乡县
        facts.append(_fact("city", city, city, 0.75, *m.span(g), hedged))
    moved = False
    for rx in rules:
        for m in rx.finditer(text):
            g = m.lastindex or 1
            span = m.span(g)
            home = (rx is CITY_CN and (HOME_CUE.match(m.group()) or (m.group().startswith("从") and CAME_ON_TRIP.match(text, m.end())))) \
                or rx is HOME_ORIGIN_EN or \
                (rx is CITY_EN and re.match(r"(?i)(?:just )?(?:moved|relocated) to", m.group()))
            if moved and not home:
                continue  # after "I moved to Manchester", "a job at the BBC in Salford" is not home
            if (TRAVEL_AFTER.match(text, m.end()) and not home) or not own(*span):
                continue
            if rx is CITY_CN and not home and _trip_to(text, m.group(g)):
                continue  # "下周三我要去兰州出差，兰州那边能用…": a trip there
            if rx is CITY_CN and text.startswith("人", span[1] + (text[span[1]:span[1] + 1] == "市")) \
                    and re.search(r"现在|目前|而家", text[span[1]:]):
                continue  # "我是湖南长沙人，现在在东莞打工": where one comes from
            if FUTURE_MOVE_EN.search(text, max(0, m.start() - 25), span[0]):
                continue  # "might move to Melbourne next year"
            if rx is CITY_CN and (NOT_NOW_BEFORE_CN.search(text, max(0, m.start() - 8), m.start() + 2)
                                  or FUTURE_GO_CN.search(text, max(0, m.start() - 8), m.start() + 1)):
                continue  # "以前喺香港做護士", "下个月要搬到无锡": not where they are now
            if rx is CITY_EN_AREA and text.endswith(("Mount ", "Mt "), 0, span[0]):
                continue  # "Mount Austin" is a Johor Bahru suburb, not Austin
            if rx is CITY_EN_AREA and g == 3 and TRAVEL_SENTENCE.search(_sentence(text, span[0])):
                continue  # "… flying in to Brisbane." is a trip
            if rx is CITY_CN and ORG_AFTER_CITY.match(text, span[1]) and not text.startswith(("开", "办"), span[1]):
                continue  # "我在哈尔滨电气集团上班": the city names the employer (but "在罗马开贸易公司")
            if rx is CITY_CN and text.startswith("区", span[1]) and (
                    L.DISTRICT_CITY.get(m.group(g) + "区", m.group(g)) != m.group(g) or m.group(g) + "区" in L.AMBIGUOUS_DISTRICT):
                continue  # "住中山区": 大连's district, not the city 中山
            if rx is CITY_DISTRICT_CLAUSE and OTHERS_HOME_AFTER.search(text, span[1]):
                continue  # "石家庄市长安区…3号楼 他们住那": someone else's home
            city = _canonical_city(m.group(g))
            if home and rx is CITY_EN:  # "I moved to Manchester for a job at the BBC in Salford": the move says home
                facts[:] = [f for f in facts if f.field != "city" or f.confidence > 0.75]
                moved = True
            if not any(f.field == "city" and f.value == city for f in facts):
                facts.append(_fact("city", city, city, 0.85, *span, hedged))
    if not any(f.field == "city" for f in facts) and any(f.field in CONTACT_FIELDS or f.field == "name" for f in facts):
        # a clause that is only a city, among contact details ("Mark, 0423 987 654, Sydney.")
        for m in CLAUSE_RX.finditer(text):
            clause = POSTCODE_AROUND.sub("", m.group().strip())
            if clause in L.CITY_REGION or clause.rstrip("市") in CN_CITY_SET or clause in L.DISTRICT_CITY:
                s = m.start() + m.group().index(clause)
                if own(s, s + len(clause)):  # "Sarah O'Connor, 0431 228 904, Brunswick."
                    city = _canonical_city(L.DISTRICT_CITY.get(clause) or clause.rstrip("市"))
                    facts.append(_fact("city", city, city, 0.75, s, s + len(clause), hedged))
                    break
            tail = _place_then_city(clause)
            if tail:  # "Gachibowli Hyderabad", "GRA Phase 2 Port Harcourt": a place in the city, then the city
                s = m.start() + m.group().index(clause) + len(clause) - len(tail)
                c0 = s + len(tail) - len(clause)
                if own(s, s + len(tail)) and not any(f.field in ("name", "company") and f.start < s + len(tail) and c0 < f.end
                                                     for f in facts):  # ("Denise Washington", "ByteDance Singapore")
                    city = _canonical_city(CITY_BY_LOWER[tail.lower()])
                    facts.append(_fact("city", city, city, 0.7, s, s + len(tail), hedged))
                    break
    if "city" in asked and not any(f.field == "city" for f in facts):
        first = CLAUSE_RX.match(text.strip())
        lead = text.strip()[:first.end()].strip() if first else ""
        if lead.rstrip("市") in CN_CITY_SET or lead in L.CITY_REGION:  # "成都，我们家就在…"
            s = text.index(lead)
            city = _canonical_city(lead.rstrip("市"))
            facts.append(_fact("city", city, city, 0.8, s, s + len(lead)))
    if "city" in asked and not any(f.field == "city" for f in facts):
        _answered_place(text, facts)
    if not any(f.field == "city" for f in facts) and LATIN_WORD.search(text):
        _home_place_en(text, facts, own, hedged, region)
    if not any(f.field == "city" for f in facts) and POSTCODE_OR_STATE.search(text):
        _town_by_postcode(text, facts, own, hedged)
    m = NAME_FROM_CITY_EN.search(text) if not has_cjk and not any(f.field == "city" for f in facts) else None
    if m and own(*m.span(1)):  # "myself Priyanka Raghavan from Bengaluru": who one is and where from
        city = _canonical_city(CITY_BY_LOWER.get(m.group(1).lower(), m.group(1)))
        facts.append(_fact("city", city, city, 0.7, *m.span(1), hedged))
    m = NAME_FROM_PLACE_LEAD_EN.match(text) if not has_cjk and not any(f.field == "city" for f in facts) else None
    if m and any(f.field == "name" for f in facts) and own(*m.span(1)):  # "Pieter van der Merwe from Randburg, 072 …"
        place = m.group(1)
        city = _canonical_city(L.DISTRICT_CITY.get(place) or CITY_BY_LOWER.get(place.lower(), place))
        facts.append(_fact("city", city, city, 0.7, *m.span(1), hedged))
    for rx in (UNIVERSITY_CITY, UK_OUTWARD_HOME) if not has_cjk and not any(f.field == "city" for f in facts) else ():
        m = rx.search(text)
        g = m.lastindex if m else None
        city = (CITY_BY_LOWER.get(m.group(g).lower()) if rx is UNIVERSITY_CITY else UK_POSTCODE_AREA_CITY.get(m.group(g).upper())) if m else None
        if city and own(*m.span(g)):
            facts.append(_fact("city", _canonical_city(city), _canonical_city(city), 0.7, *m.span(g), hedged))
            break
    if has_cjk and "cn_district" in gates and not any(f.field == "city" for f in facts):
        for s0, clause in _clauses(text):
            m = DISTRICT_HERE_CN.match(clause)
            name = m.group(1) if m else clause if NEAR_HOME_AFTER.match(text, s0 + len(clause)) else None
            city = _district_city(name) if name in L.DISTRICT_CITY else _district_lead_city(clause)
            if city and own(s0, s0 + len(clause)) and not TRAVEL_AFTER.match(text, s0 + len(clause)):
                facts.append(_fact("city", city, city, 0.75, s0, s0 + len(clause), hedged))
                break
    if "city" in asked and not any(f.field == "city" for f in facts):
        bare = text.strip(" 。.!！~～")
        if bare.rstrip("市") in CN_CITY_SET or bare in L.EN_CITIES:
            s = text.index(bare)
            city = _canonical_city(bare.rstrip("市"))
            facts.append(_fact("city", city, city, 0.8, s, s + len(bare)))
    spans = []
    for m in ADDRESS_CN.finditer(text):
        spans.append(m.span(1))
    for m in ADDRESS_EN.finditer(text):
        spans.append((m.start(1), m.end(1) - (len(m.group(1)) - len(m.group(1).rstrip(" ,.")))))
    if not spans:
        for m in ADDRESS_CUE.finditer(text):
            end = SENT_END.search(text, m.end())
            stop = end.start() if end else len(text)
            seg = text[m.end():stop].strip()
            lead = re.match(r"(?:是|系|为|在)\s*", seg)  # "地址係觀塘…": the copula is no part of it
            if lead:
                seg = seg[lead.end():]
            if len(seg) >= 6 and re.search(r"\d.*(?:[路街道巷号]|street|road|ave)|[省市]\S*[区县镇]", seg, re.I):
                seg_end = m.end() + len(text[m.end():stop].rstrip())
                spans.append((seg_end - len(seg), seg_end))
    for s, e in spans:
        if OTHERS_HOME_AFTER.match(text, e):
            continue
        if own(s, e):
            addr = text[s:e].strip()
            facts.append(_fact("address", addr, addr, 0.85, s, e, hedged))
            if not any(f.field == "city" for f in facts):
                named = CITY_CN_ANYWHERE.search(addr, 0, 12)
                district = None if named else next((L.DISTRICT_CITY[addr[i:i + n]] for i in range(0, 4) for n in (4, 3, 2)
                                                    if addr[i:i + n] in L.DISTRICT_CITY and CJK_RX.match(addr[i:i + 1] or " ")), None)
                if named:  # "河南洛阳涧西区南昌路22号": the first city, not the road named after 南昌
                    c = named.group()
                    facts.append(_fact("city", c, c, 0.7, s, e))
                elif district:  # "九龍觀塘協和街101號": 觀塘 is in Hong Kong
                    facts.append(_fact("city", district, district, 0.7, s, e))
                else:
                    named = CITY_EN_ANYWHERE.search(addr) or DISTRICT_EN_ANYWHERE.search(addr)
                    if named:
                        c = _canonical_city(L.DISTRICT_CITY.get(named.group(1), named.group(1)))
                        facts.append(_fact("city", c, c, 0.7, s, e))


def _personal(text, ts, facts, own, hedged, asked, taken, gates, region=None):
    gender = "gender" in gates
    for m in (GENDER_CN.finditer(text) if gender else ()):
        span = m.span(m.lastindex)
        if own(*span) and not re.match(r"[朋同]", text[m.end():m.end() + 1]):
            g = "male" if m.group(m.lastindex) in ("男", "先") else "female"
            facts.append(_fact("gender", g, g, 0.85, *span, hedged))
    for m in (GENDER_ROLE.finditer(text) if gender else ()):
        word = m.group(m.lastindex).lower()
        g = "female" if word in ("宝妈", "孕妈", "全职妈妈", "妈妈", "mom", "mum", "mother", "woman", "girl",
                                 "lady", "female") else "male"
        span = m.span(m.lastindex)
        if own(*span):
            facts.append(_fact("gender", g, g, 0.75, *span, hedged))
    age_rules = ((AGE_CN,) if CJK_RX.search(text) else ()) + (AGE_CN2,) + \
        ((AGE_EN, AGE_EN2, AGE_EN3) if LATIN_LETTER.search(text) else ())  # "I'm 33": one letter at a time
    for rx in age_rules if "age" in gates or "name" in gates else ():
        for m in rx.finditer(text):
            raw = m.group(m.lastindex)
            age = int(raw) if raw.isdigit() else P.cn_number(raw)
            span = m.span(m.lastindex)
            if age and 14 <= age <= 99 and own(*span) and all(span[1] <= a or span[0] >= b for a, b in taken) \
                    and not any(f.field == "age" and f.value == int(age) for f in facts):
                facts.append(_fact("age", int(age), str(int(age)), 0.85, *span, hedged))
    if not any(f.field == "age" for f in facts) and ("age" in asked or any(
            f.field in CONTACT_FIELDS or f.field in ("name", "job_title") for f in facts)):
        # "Kevin Wong, 24, 604-555-0199" / a bare "34" to "how old are you?"
        for m in CLAUSE_RX.finditer(text):
            clause = m.group().strip()
            if re.fullmatch(r"\d{2}", clause) and 14 <= int(clause) <= 99:
                s0 = m.start() + m.group().index(clause)
                if text[s0 - 1:s0] in ("/", "-") or text[s0 + 2:s0 + 3] in ("/", "-"):
                    continue  # "10/23-10/25": part of a date
                if free_span(taken, s0, s0 + 2):
                    facts.append(_fact("age", int(clause), clause, 0.75, s0, s0 + 2, hedged))
                    break
    cue = BIRTHDAY_CUE.search(text) if "birthday" in gates else None
    if cue or "birthday" in asked:
        sent_s = _last_end(SENT_END, text, cue.start() if cue else 0)
        end_m = SENT_END.search(text, cue.end()) if cue else None  # an answer to "DOB?" is the whole message
        sent_e = end_m.start() if end_m else len(text)
        seg = text[sent_s:sent_e]
        if re.search(r"[零一二三四五六七八九十]+[月号日年]", seg):
            import warnings

            import cn2an
            try:
                with warnings.catch_warnings():  # cn2an warns on numerals it leaves alone ("万")
                    warnings.simplefilter("ignore")
                    seg2 = cn2an.transform(seg, "cn2an")
            except Exception:  # noqa: BLE001 - cn2an raises bare errors on odd input
                seg2 = seg
            seg = seg2 if len(seg2) == len(seg) else seg
        day_first = None if region is None else region not in ("US", "CA", "PH")
        found = P.find_date(seg, ts, day_first=day_first)
        if found and not cue and not found[3]:
            # asked for a date of birth but none named as such: a relative day is an appointment
            later = P.find_date(seg[found[2]:], ts, day_first=day_first)
            found = (later[0], later[1] + found[2], later[2] + found[2], later[3]) if later and later[3] else None
        if not found and cue and BIRTHDAY_THAT_DAY.search(text):
            # "this Sunday? it's my birthday": the day named elsewhere in the message
            whole = P.find_date(text, ts, day_first=day_first)
            if whole and not whole[3]:
                found, sent_s = whole, 0
        if found and cue and _birthday_of_other(text, sent_s, cue.start()):
            found = None
        if found and found[3] and int(found[0][:4]) > ts.year - 14:
            found = None  # born less than 14 years ago: a child's birthday
        if found and not found[3]:
            year = BIRTH_YEAR.search(text)
            if year:
                y = P.full_year(int(year.group(1) or year.group(2)), ts.year)
                full = P._safe_date(y, int(found[0][2:4]), int(found[0][5:7]))
                if full:
                    found = (full.isoformat(), found[1], found[2], True)
        mine = MINE_IS.search(text) if cue else None
        if mine:  # the birthday just named was someone else's; the customer's follows "mine is"
            own_date = P.find_date(text[mine.end():], ts, day_first=day_first)
            if own_date and own_date[1] == 0:
                found, sent_s = own_date, mine.end()
        if found and not any(f.field == "birthday" for f in facts):
            value, s, e, _ = found
            s, e = s + sent_s, e + sent_s
            if own(s, e) and free_span(taken, s, e):
                facts.append(_fact("birthday", value, value, 0.85, s, e, hedged))
    seen = set()
    for name, rx in FAMILY_RULES if "family" in gates else ():
        m = rx.search(text)
        if not m or name in seen:
            continue
        if name == "married" and NEG_MARRIED.search(text):
            continue
        if name in ("single", "divorced") and not own(*m.span()):
            continue
        seen.add(name)
        facts.append(_fact("family", name, name, 0.8, *m.span(), hedged))


NUMBER_RUN = re.compile(r"\d(?:[\s().-]{0,2}\d){6,}")  # seven digits or more, as any phone number has


def _find_in_windows(text: str, region: str, exact: bool, known=()) -> list[tuple[int, int, str]]:
    """phonenumbers' matcher run only around runs of seven or more digits (with room for a leading
    "+86 " or bracket) that are not already an ID number or a mobile: its cost grows with the text
    it reads."""
    windows: list[list[int]] = []
    for m in NUMBER_RUN.finditer(text):
        if any(a <= m.start() and m.end() <= b for a, b in known):
            continue
        a, b = max(0, m.start() - 6), min(len(text), m.end() + 1)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    return [(a + s, a + e, v) for a, b in windows for s, e, v in P.find_phone_numbers(text[a:b], region, exact)]


def _digits_left(text: str, spans) -> int:
    """Digits of ``text`` outside ``spans`` (the phone matcher is skipped when too few are left)."""
    n = len(DIGIT_RX.findall(text))
    for s, e in spans:
        n -= len(DIGIT_RX.findall(text, s, e))
    return n


BIRTH_YEAR = re.compile(r"(?<!\d)(\d{2}|(?:19|20)\d{2})年(?:的|生|出生)|\bborn in ((?:19|20)\d{2})\b", re.I)


MINE_IS = re.compile(r"\b(?:mine is|mine's|and mine|mine:)\s*|我的是|我是(?=\d)", re.I)


def _birthday_of_other(text: str, sent_start: int, cue_start: int) -> bool:
    """A third-party word right before 生日/birthday, or owning the sentence ("我女儿…出生"), or
    someone's name in the possessive ("Emma's DOB is …")."""
    if _third_parties(text[max(sent_start, cue_start - 6):cue_start]):
        return True
    if re.search(r"\b[A-Z][a-z]+['’]s\s*$", text[max(sent_start, cue_start - 20):cue_start]):
        return True
    sent = text[sent_start:cue_start]
    thirds = _third_parties(sent)
    return bool(thirds) and re.search(r"(?:^|我|给我|my |for my )$", sent[:thirds[-1].start()], re.I) is not None


def free_span(taken, s, e) -> bool:
    return all(e <= a or s >= b for a, b in taken)


OTHERS_BUDGET = re.compile(rf"(?:{_alt(L.THIRD_PARTY_CN)})的预算|\b(?:{_alt(L.THIRD_PARTY_EN)})'s budget", re.I)
AREA_AFTER = re.compile(r"\s*(?:平米|平方|平|㎡|m2|sqm|sq ?ft|square)", re.I)
PHONE_LIKE = re.compile(r"(?<!\d)\d{3,4}[\s-]\d{4}(?!\d)")
NEGATED_BEFORE = re.compile(r"(?:唔系|唔係|不是|\bnot)\s*$", re.I)
CORRECTION_RX = re.compile(r"actually|make that|i mean|sorry|oops|wait no|no wait|hang on|scratch that|typo|old number|old one|new one is|new (?:no|number)\b|"
                           r"以前(?:是|的|用)|旧号|现在用|换号|原来的|不用了|新号码|唔系|唔係|不对|不是|(?:哦|噢|啊|呃)不\s*是|改成|说错|应该是|打错|\bay mali\b|\bmali\b|\bsalah\b", re.I)


# an amount that is a salary or a count, not money to spend ("€75k base", "about 120 staff")
NOT_BUDGET_AFTER = re.compile(r"\s*(?:base\b|salary|per annum|p\.a\.|a year salary|staff|people|employees|guests|users|seats|"
                              r"rooms|units|branches|stores|pax|students|members|kids|km|kg|miles|sq|pcs|pieces|boxes|cartons|"
                              r"人|位|名|个人|家店|套|平|公里|月薪|年薪|只|件|台|箱|张|份|吨|打|双|条|瓶|包(?![括含])|盒|桌|岁|次|小时|分钟|公斤|斤|号(?!码)|栋|幢|单元|室|"
                              r"%|percent|per cent|年(?:以后|以前|之后|款|的|(?=\d{1,2}月))|meg\b|mbps|gb\b|mb\b|mins?\b|minutes|太多|太贵|太高|is too much|too much|too expensive)", re.I)
PERIOD_RX = re.compile(r"每个?月|一个月|月租|每周|每年|一年|a month|per month|/month|/mo\b|monthly|a week|per week|weekly|a year|per year", re.I)
LIMIT_CUE = re.compile(r"不超过|不能超过|最多|以内|之内|封顶|no more than|not more than|max|tops|go over|at most|is the most|is the limit|up to|under|afford|can do|below", re.I)
NOT_BUDGET_BEFORE = re.compile(r"(?:\b(?:CNIC|NIC|NRIC|IC|ID|SSN|SIN|TFN|PAN|NIN|BVN)(?:\s*(?:no\.?|number|#))?\s*[:：]?\s*(?:\d[\d-]*)?$|salary|earn|earning|paid|spent|交了|付了|花了|月薪|年薪|工资|收入|薪资|给了|现在每个月(?:话费)?|\bbill\b[^.,;]{0,12}|\bbalance\b[^.,;]{0,12}|\bowe\b|\bi pay|\bwe pay|paying|turnover|revenue|take-home|take home|charged me|billed me|营业额|流水|汇钱|汇款|转账|\bremit\w*)\D{0,12}$|(?:number|no\.|phone|mobile|cell|hp|tel)\s*(?:is\s*)?$|(?:保额|保障额度|赔付)[^，,。；;\d]{0,6}$|(?:单元|栋|幢|号楼|路|街|巷)$", re.I)


MONTHLY_PAYMENT_BEFORE = re.compile(r"月供|每月还|每个月还|monthly repayment", re.I)
RANGE_HIGH_AFTER = re.compile(r"\s*(?:到|至|~|～|to)\s*[\d一二两三四五六七八九十]", re.I)
PART_AMOUNT_BEFORE = re.compile(r"首付|再加|自己有|自有资金|每件|每个|每张|每套|每箱|自备款|头期款|定金|订金|人均|每人|每位|per person|per head|each|deposit|down payment", re.I)
# "十万块钱左右", "五千来块钱的", "一期三千二可以": about an amount, in a message about buying something
ABOUT_AMOUNT_AFTER = re.compile(r"\s*(?:来)?(?:块钱?|元)?\s*(?:左右|上下|来块钱?|可以(?:接受)?)(?:吧|的|啊|呢|嘛)?(?=[\s，,。！!~]|$)")
BUYING_WORDS = re.compile(r"买|购|装修|翻新|报[个名班]|换|想要|推荐|选|比较|预算|价位|以内|一期|一学期|一个月|每月")
OTHER_PAYS_BEFORE = re.compile(r"\b(?:he|she|they)(?:'ll| will| would| said| says| can)?\s+(?:\w+\s+){0,3}$|"
                               r"\b(?:employer|company|work)\s+(?:reimburses|pays|covers|will pay|will cover)\b[^.!?]{0,12}$|"
                               r"\b(?:he|she|they)\b[^.!?]{0,15}\b(?:can|could|will|would)\s+(?:cover|pay|give|chip in)\b[^.!?]{0,15}$", re.I)  # beside a total, a part


BUT_RX = re.compile(r"\bbut\b|但是|不过|可是", re.I)


def _clause_before(text: str, pos: int) -> str:
    return text[_last_end(CLAUSE_END, text, pos):pos]


ADDRESS_NUMBER_BEFORE = re.compile(r"(?:\b(?:Blk|Block|Ave|Avenue|St|Street|Rd|Road|Singapore|Unit|Apt)\s*|#\d{1,3}-)$", re.I)
POSTCODE_CITY_AFTER = re.compile(r"\s+[A-Z][a-zà-ÿ]+(?:\s+(?:am|an der|[A-Z][a-z]+))*\s*(?:[,.]|$)")


def _budget(text, facts, hedged, has_cjk, asked, taken, region=None):
    default = "CNY" if has_cjk else "USD"
    found = []
    for m in P.AMOUNT_RE.finditer(text):
        if not m.group("num") or not free_span(taken, *m.span("num")):
            continue
        if (m.group("num").startswith("万") and text[m.end():m.end() + 1] in ("到", "至", "~", "～", "-")) \
                or RANGE_HIGH_AFTER.match(text, m.end()):
            continue  # "萬八到兩萬", "三千到五千": the low end of a range
        if AREA_AFTER.match(text, m.end("num")) or AREA_AFTER.match(text, m.end()):
            continue  # 一百二十平: an area
        if not (m.group("cur1") or m.group("cur2") or m.group("unit")) and (
                ADDRESS_NUMBER_BEFORE.search(text, max(0, m.start() - 10), m.start()) or POSTCODE_CITY_AFTER.match(text, m.end())):
            continue  # "Blk 456 Ang Mo Kio Ave 10 #08-1234, Singapore 560456", "28013 Madrid": an address
        not_after = NOT_BUDGET_AFTER.match(text, m.end())
        if not_after and re.match(r"\s*(?:per annum|p\.a\.)", not_after.group(), re.I) \
                and re.search(r"(?i)\bbudget\b", text[max(0, m.start() - 25):m.start()]):
            not_after = None  # "premium budget approx ₹25,000 per annum": a budget by the year, not a salary
        if not_after or NOT_BUDGET_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        marked = m.group("cur1") or m.group("cur2") or m.group("unit")
        before = text[max(0, m.start() - 16):m.start()]
        cue = BUDGET_CUE.search(before) or BUDGET_AFTER.match(text, m.end())
        if not cue and has_cjk and (m.group("unit") or not m.group("num")[0].isdigit() or marked) \
                and ABOUT_AMOUNT_AFTER.match(text, m.end()) and BUYING_WORDS.search(text):
            cue = ABOUT_AMOUNT_AFTER.match(text, m.end())
        if not cue and marked and (m.group("num")[0].isdigit() or m.group("cur1") or m.group("cur2")):
            cue = BUDGET_SOFT_CUE.search(before)  # "大概澳門幣一百萬": Chinese numerals with their currency
        if not cue and "budget" not in asked:
            continue
        if not cue and not marked and PHONE_LIKE.search(text):
            continue  # "Rachel Tan. 9123 4567" answers with a number, not an amount
        if SENT_END.search(before[cue.end():] if cue and not BUDGET_AFTER.match(text, m.end()) else ""):
            continue
        # "每个月不超过三十", "月租50以内": a small limit is a monthly or weekly fee
        small_ok = bool(cue and LIMIT_CUE.search(cue.group()) and PERIOD_RX.search(_sentence(text, m.start())))
        parsed = P.parse_amount(m, default, region, min_bare=10 if small_ok else 100)
        if not parsed or parsed[0] < (10 if (m.group("cur1") or m.group("cur2") or small_ok) else 100):
            continue
        s, e = m.start(), m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        # what someone spends is theirs even when it is for someone else ("送她 预算三万"),
        # unless the budget itself is said to be another's ("my husband's budget")
        if not OTHERS_BUDGET.search(text[max(0, s - 20):s]) and not OTHER_PAYS_BEFORE.search(_clause_before(text, s)):
            amount, cur = parsed
            found.append(_fact("budget", {"amount": amount, "currency": cur}, P.format_amount(amount, cur),
                               0.85 if cue else 0.7, s, e, hedged))
            taken.append((s, e))
    if len(found) > 1 and (CORRECTION_RX.search(text, found[0].end, found[-1].start)
                           or BUT_RX.search(text, found[0].end, found[-1].start)):
        found = found[-1:]  # "£25k tops. actually make that £22k", "loan max is $40,000 but keep it under $35k"
    down = [f for f in found if PART_AMOUNT_BEFORE.search(text[max(0, f.start - 8):f.start])]
    monthly = [f for f in found if MONTHLY_PAYMENT_BEFORE.search(text[max(0, f.start - 8):f.start])]
    if down and monthly and len(down) + len(monthly) == len(found):
        found = down  # "首付能凑个150万，月供最好一万二以内": the down payment is what they bring
    elif down and len(down) < len(found):
        found = [f for f in found if f not in down]  # "首付一百万" beside the total: the total is the budget
    facts.extend(found)


IDENTITY_INTEREST = [
    ("food", re.compile(r"\bfoodies?\b|吃货|美食家", re.I)),
    ("gaming", re.compile(r"\bgamers?\b|游戏迷|资深玩家", re.I)),
    ("cars", re.compile(r"车迷|汽车爱好者|\bcar (?:guy|enthusiast|nut)\b|\bpetrolhead\b", re.I)),
    ("movies", re.compile(r"影迷|\bcinephile\b|\bmovie buff\b|\bfilm buff\b", re.I)),
    ("reading", re.compile(r"书迷|\bbookworm\b|\bavid reader\b", re.I)),
    ("sports", re.compile(r"球迷|健身达人|\bgym rat\b", re.I)),
    ("photography", re.compile(r"摄影爱好者|摄影师", re.I)),
    ("pets", re.compile(r"(?:家里|我家|我养了?|养了)有?[一两二三四\d]?只(?:猫|狗|猫咪|狗狗)|我家的?(?:狗狗|猫咪)|铲屎官|"
                        r"\b(?:my|our) (?:dogs?|cats?|puppy|puppies|kittens?)\b|"
                        r"\badopted an? [\w\s-]{0,25}?(?:puppy|dog|kitten|cat)\b", re.I)),
]


TOPIC_PERSON_RX = re.compile(r"\b([a-z]+) (?:nerd|geek|buff|fanatic|enthusiast|junkie|lover|addict)\b", re.I)
TOPIC_TAG = {w.lower(): tag for tag, words in L.INTERESTS.items() for w in words if w.isascii()}


def _tags(text, facts, own, gates):
    seen_identity = set()
    for m in TOPIC_PERSON_RX.finditer(text) if "identity" in gates else ():
        tag = TOPIC_TAG.get(m.group(1).lower())
        if tag and tag not in seen_identity and own(*m.span()):
            seen_identity.add(tag)
            facts.append(_fact("interests", tag, tag, 0.7, *m.span()))
    for tag, rx in IDENTITY_INTEREST if "identity" in gates else ():
        m = rx.search(text)
        if m and own(*m.span()) and not NEGATION_RX.search(text[max(0, m.start() - 12):m.start()]):
            seen_identity.add(tag)
            facts.append(_fact("interests", tag, tag, 0.7, *m.span()))
    cues = gates.get("interest_cue", ())
    if cues:
        keywords = sorted((span, g[9:]) for g, spans in gates.items() if g.startswith("interest:") for span in spans)
        seen = set()
        for cs, ce in cues:
            if NEGATION_RX.search(text[max(0, cs - 4):ce]):
                continue
            end = SENT_END.search(text, ce)
            stop = end.start() if end else len(text)
            for (ks, ke), tag in keywords:
                if ce <= ks and ke <= stop and tag not in seen and tag not in seen_identity and own(ks, ke):
                    seen.add(tag)
                    facts.append(_fact("interests", tag, tag, 0.75, ks, ke))
    for g, spans in gates.items():
        if g.startswith("intent:"):
            facts.append(_fact("intent", g[7:], g[7:], 0.7, *spans[0]))


ASKS_ABOUT_OTHER = re.compile(r"\b(?:her|his|their|the child's|your (?:wife|husband|son|daughter|child)'s)\s+"
                              r"(?:full )?(?:name|date of birth|birthday|number)|(?:他|她|孩子|宝宝|小朋友|您爱人)的?(?:名字|姓名|生日|电话)",
                              re.I)


# "给我老公挂号" / "booking for my son": the service is for someone else, and a later question
# about the patient, passenger or student asks for that person's documents
FOR_OTHER_RX = re.compile(rf"(?:给|帮|替|为)我?的?(?:{_alt(L.THIRD_PARTY_CN)})(?:挂号|预约|报名|办理?|买|订|投保|开户|申请|咨询)|"
                          rf"\b(?:for|on behalf of) my (?:{_alt(L.THIRD_PARTY_EN)})\b", re.I)
ASKS_FOR_SUBJECT = re.compile(r"患者|病人|就诊人|乘客|乘机人|旅客|学员|学生|孩子|宝宝|被保险人|被保人|入住人|"
                              r"\b(?:patient|passenger|traveller|traveler|student|child|insured)\b", re.I)
OWN_WORDS = re.compile(r"我|本人|\b(?:my|mine|me|i)\b", re.I)


def _drop_subject_documents(found: list[Fact], text: str) -> list[Fact]:
    """An ID number given in answer to a question about the person the service is for is that
    person's (with the birthday and sex read from it), unless the customer says it is theirs."""
    if OWN_WORDS.search(text):
        return found
    spans = {(f.start, f.end) for f in found if f.field == "id_number"}
    return [f for f in found if (f.start, f.end) not in spans]


# a word each rule of ASK_RULES needs (test_ask_words_cover_every_ask_rule keeps them in step)
ASK_WORDS = re.compile(_alt([
    "称呼", "贵姓", "您叫", "你叫", "名字", "姓名", "联系人", "全名", "大名", "name", "speaking", "chatting", "talking",
    "who's this", "who is this",
    "城市", "哪", "住", "边区", "边度", "本地", "片区", "一带", "还在", "city", "where", "live", "based", "area", "town", "location",
    "suburb", "part of", "postcode", "邮编", "stay", "still in", "zip",
    "预算", "budget", "spend", "afford", "价位", "价格区间", "投入多少", "多少资金", "可投资",
    "手机", "电话", "号码", "联系方式", "phone", "mobile", "number", "whatsapp", "reach you", "hp", "cell", "contact no",
    "公司", "单位", "上班", "company", "work", "organis", "organiz",
    "多大", "年龄", "几岁", "how old", "age",
    "生日", "出生", "birthday", "date of birth", "dob"]), re.I)


def asked_fields(staff_text: str | None) -> frozenset:
    """The fields a staff message asks for ("your name and date of birth?" asks for two).

    A question about someone else ("her name and date of birth?") asks nothing of the customer.
    """
    if not staff_text:
        return frozenset()
    if CJK_RX.search(staff_text):
        staff_text = P.to_simplified(staff_text)
    if not ASK_WORDS.search(staff_text) or ASKS_ABOUT_OTHER.search(staff_text):
        return frozenset()  # most staff messages ask nothing: one pass tells
    return frozenset(name for name, rx in ASK_RULES if rx.search(staff_text))


# money and speech that belong to one place, for conversations that name none
CURRENCY_REGION_RX = [(re.compile(r"S\$|SGD|新币|新加坡元"), "SG"), (re.compile(r"\bRM\s?\d|MYR|令吉|马币"), "MY"),
                      (re.compile(r"HK\$|HKD|港币|港紙|港纸|港元"), "HK"), (re.compile(r"NT\$|台幣|台币|TWD"), "TW"),
                      (re.compile(r"A\$|AUD"), "AU"), (re.compile(r"£|GBP"), "GB"), (re.compile(r"₹|INR|\blakhs?\b"), "IN"),
                      (re.compile(r"(?<![A-Za-z])R\s?\d|\brand\b|ZAR"), "ZA"), (re.compile(r"MOP|澳门元|澳門元|葡币"), "MO"),
                      (re.compile(r"\bKES\b|\bKSh"), "KE"), (re.compile(r"₱|\bPHP\s?\d"), "PH"), (re.compile(r"₦|\bNGN\b"), "NG"),
                      (re.compile(r"\bAED\b|dirhams?"), "AE"), (re.compile(r"\btaka\b|\bBDT\b|৳|\bTk\.?\s?\d"), "BD"),
                      (re.compile(r"\bLKR\b"), "LK"), (re.compile(r"\bUGX\b"), "UG"), (re.compile(r"\bTZS\b"), "TZ")]
# the first characters of every alternative above: a lookahead lets the engine skip other positions fast
CURRENCY_HINT = re.compile("(?=[SRMHNTAG£₹IlrZ澳葡K₱P₦d新令马港台])(?:" +
                           "|".join(f"(?:{rx.pattern})" for rx, _ in CURRENCY_REGION_RX) + ")")
CANTONESE_RX = re.compile(r"[喺嘅佢咗冇唔嘢啲哋嚟睇]")
TRADITIONAL_ONLY = re.compile(r"[們這個說話電費預價錢買賣號碼區縣灣臺學習業務點後來還會時總萬頭準備與為對東車長開門間問題]")
# national shapes of a mobile or a North American number, written in a Latin-script message:
# "(604) 270-8865" (its area code tells Canada from the US), "07823 416 902" (UK), "0423 118 740" (AU)
NATIONAL_PHONE_SHAPES = (
    (re.compile(r"(?<![\d+])\(?([2-9]\d\d)\)?[\s.-]?[2-9]\d\d[\s.-]?\d{4}(?!\d)"), None),
    (re.compile(r"(?<![\d+])07\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)"), "GB"),
    (re.compile(r"(?<![\d+])04\d\d[\s-]?\d{3}[\s-]?\d{3}(?!\d)"), "AU"),
    (re.compile(r"(?<![\d+])02[12789][\s-]?\d{3}[\s-]?\d{3,4}(?!\d)"), "NZ"),
    (re.compile(r"(?<![\d+])0(?:2[0346]|5[0-9])[\s-]?\d{3}[\s-]?\d{4}(?!\d)"), "GH"),
    (re.compile(r"(?<![\d+])0(?:70|80|81)\d[\s-]?\d{3}[\s-]?\d{4}(?!\d)"), "NG"),
    (re.compile(r"(?<![\d+])07\d\d[\s-]?\d{3}[\s-]?\d{3}(?!\d)"), "KE"),
    (re.compile(r"(?<![\d+])03[0-4]\d[\s-]?(?:\d{7}|\d{3}[\s-]?\d{4}|\d{4}[\s-]?\d{3})(?!\d)"), "PK"),
    (re.compile(r"(?<![\d+])01[3-9]\d\d-?\d{6}(?!\d)"), "BD"))  # 11 digits: Malaysia's 013–019 mobiles have 10


def _phone_shape_region(text: str) -> str | None:
    for rx, region in NATIONAL_PHONE_SHAPES:
        m = rx.search(text)
        if m:
            if region:
                return region
            r = P.region_of_number("+1" + re.sub(r"\D", "", m.group()))
            return r if r in ("US", "CA") else None
    return None


INDONESIAN_RX = re.compile(r"\b(?:Rp|rupiah|kak|mbak|dong|banget|gimana|nggak|gak|aja|kirim|terima kasih banyak)\b|\bRp\.?\s?\d", re.I)
VIETNAMESE_RX = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ]")
THAI_RX = re.compile(r"\b(?:baht|krub|khrap|khob khun|na ka)\b|฿|[\u0e00-\u0e7f]", re.I)
SINGLISH_RX = re.compile(r"\b(?:shiok|paiseh|kiasu|lepak|HDB|BTO|COE|CPF)\b")  # "lah", "lor" are HK and MY speech too
TAGLISH_RX = re.compile(r"\b(?:opo|naman|yung|salamat|kasi|talaga|pinas|ay mali|po na|lang po|ko po)\b", re.I)


def _home_regions(messages: list[Message], prepared: dict[int, tuple[str, dict]]) -> tuple[dict[str, str], set[str]]:
    """Conversation -> phone region of the place its customer says they live or work (else the
    place their money or speech belongs to); and the conversations whose region only their money,
    speech or number shapes hint at."""
    out: dict[str, str] = {}
    hinted: dict[str, str] = {}
    mentioned: dict[str, str] = {}
    for msg in messages:
        if msg.role != "customer" or not msg.text or msg.conversation_id in out:
            continue
        text, gates = prepared[id(msg)]
        for m in CITY_EN.finditer(text) if "en_city" in gates else ():
            if not TRAVEL_AFTER.match(msg.text, m.end()):
                name = CITY_BY_LOWER.get(m.group(1).lower())
                if name:
                    out[msg.conversation_id] = _region_of_city(name)
                    break
        else:
            district = next(iter(_district_homes(text, gates)), None)
            if district:  # "I stay Jurong West", "work in Kwun Tong", "我喺旺角返工"
                out[msg.conversation_id] = _region_of_city(_district_city(district.group(district.lastindex)))
            elif msg.conversation_id not in hinted or hinted[msg.conversation_id] == "TW":
                money = CURRENCY_HINT.search(msg.text)
                hint = next((r for rx, r in CURRENCY_REGION_RX if rx.search(msg.text)), None) if money else None
                if hint is None and CJK_RX.search(msg.text):
                    if CANTONESE_RX.search(text):
                        hint = "HK"  # 喺, 嘅, 佢: written Cantonese
                    elif text != msg.text and len(TRADITIONAL_ONLY.findall(msg.text)) >= 2:
                        hint = "TW"  # traditional characters and no Cantonese
                tld = EMAIL_TLD_REGION.search(msg.text) if hint is None and "@" in msg.text else None
                if tld:  # "…@xtra.co.nz": the address's country
                    hint = TLD_REGION[tld.group(1).lower()]
                if hint is None and TAGLISH_RX.search(msg.text):
                    hint = "PH"  # Tagalog words: a customer in the Philippines
                if hint is None and INDONESIAN_RX.search(msg.text):
                    hint = "ID"  # words Indonesians write and Malaysians do not
                if hint is None and THAI_RX.search(msg.text):
                    hint = "TH"
                if hint is None and VIETNAMESE_RX.search(msg.text):
                    hint = "VN"
                if hint is None and SINGLISH_RX.search(msg.text):
                    hint = "SG"  # Malaysians say "lah" too, but their mobiles (01x) are no Singapore numbers
                if hint is None and not CJK_RX.search(msg.text) and re.search(r"\d{3}", msg.text):
                    hint = _phone_shape_region(msg.text)
                if hint:
                    hinted[msg.conversation_id] = hint
            if msg.conversation_id not in mentioned:
                place = CITY_REGION_RX.search(text)
                hint = _region_in(place.group()) if place and (place.group(2) or place.group(4)) else None
                if hint in FALLBACK_REGIONS:  # "need a car in Cairns": that country, if it is one we serve
                    mentioned[msg.conversation_id] = hint
    return {**mentioned, **hinted, **out}, set(hinted) - set(out)


# the customer's next message takes back what the one before said: "啊不对打错了，是139…", "sorry typo, 416-…"
CORRECTS_LAST = re.compile(r"^\W*(?:(?:啊|哦|呃|噢|额|等下|等等|等一下|唔好意思|不好意思|oh|oops|sorry|sry|wait|actually)[\s,，.!！~]*)*"
                           r"(?:不对|打错了?|写错了?|输错了?|说错了?|搞错了?|更正一下|纠正一下|typo|wrong (?:number|one|email)|"
                           r"correction|my bad|i mean)", re.I)
# the staff member asks for someone else's contact: "And your wife's number in case?", "cc your son?"
ASKS_OTHERS_CONTACT = re.compile(
    rf"(?:你|您|your|ur)\s*(?:的)?\s*(?:{_alt(L.THIRD_PARTY_CN)}|(?:{_alt(L.THIRD_PARTY_EN)})\b)\s*(?:'s|’s|的)?\s*"
    rf"(?:(?:mobile|cell|phone|contact)\s*)?(?:电话|手机|号码|联系方式|邮箱|number|phone|mobile|cell|e-?mail|contact|details)|"
    rf"\b(?:cc|copy in|loop in|add)\s+(?:your|ur)\s+(?:{_alt(L.THIRD_PARTY_EN)})\b|紧急联系人|emergency contact", re.I)


def _asks_of_other(text: str) -> bool:
    """A question about someone else ("Her name and date of birth?"), not a statement ("她电话 136…")."""
    for m in ASKS_ABOUT_OTHER.finditer(text):
        end = SENT_END.search(text, m.end())
        if (end is None and not re.search(r"\d{5}|@", text[m.end():])) or (end and end.group() in "?？") \
                or (end and re.search(r"[吗呢]$", text[m.end():end.start()])):
            return True  # ("他的电话是138…": the staff member gives a number, asks nothing)
    return False


ASKS_OWN_CONTACT = re.compile(r"\b(?:for you|your (?:own )?(?:contact|number|phone|mobile|cell|e-?mail))\b|(?:你|您)(?:自己)?的?(?:电话|手机|联系方式|邮箱)", re.I)
KANA_RX = re.compile(r"[\u3040-\u30ff]")
HANGUL_RX = re.compile(r"[\uac00-\ud7af]")
PERSON_FIELDS = frozenset({"phone", "email", "name", "birthday", "age", "gender", "id_number"})


def _not_answering_for_self(found: list[Fact], text: str, fields=frozenset({"phone", "email"})) -> list[Fact]:
    """After a question about someone else, what answers it without "my/me/我" is theirs."""
    def own_cue(f: Fact) -> bool:
        return bool(SELF_RX.search(text, _last_end(SENT_END, text, f.start), f.start))
    return [f for f in found if f.field not in fields or own_cue(f)]


def extract_conversation(messages: list[Message], ocr_text: dict[str, str] | None = None) -> list[Fact]:
    """Facts about customers in time-ordered ``messages`` (one or more conversations).

    A staff message sets what was asked for the next two customer messages of the same
    conversation; staff-sent text and images never yield facts.
    """
    out: list[Fact] = []
    asked: dict[str, tuple[str, int]] = {}
    prepared = {id(m): prepare(m.text) for m in messages if m.role == "customer" and m.text}  # by object: ids may repeat
    region, hinted = _home_regions(messages, prepared)  # conversation -> phone region it points at
    staff_numbers: dict[str, set[str]] = {}  # conversation -> e-mails and last 8 digits of numbers staff sent
    greeted: set[str] = set()  # conversations whose first staff message has been read
    for_other: set[str] = set()  # conversations whose service is for someone else
    about_subject: dict[str, int] = {}  # conversation -> customer messages left that answer about them
    others_contact: dict[str, frozenset] = {}  # conversation -> fields the staff just asked of someone else
    last_facts: dict[str, list[Fact]] = {}  # conversation -> facts of the customer's last message
    taken_back: set[int] = set()  # facts a later message corrected
    named_cities: dict[str, frozenset] = {}  # conversation -> Chinese cities named in it so far
    staff_named: set[str] = set()  # conversations whose staff have named a city
    customer_numbers: dict[str, set[str]] = {}  # conversation -> last 8 digits of the customer's numbers
    for msg in messages:
        if msg.role != "customer" and msg.text and msg.conversation_id not in staff_named and CJK_RX.search(msg.text):
            cities = set(CITY_CN_ANYWHERE.findall(msg.text))
            if cities:  # "平安人寿杭州分公司": the branch's city (the first the staff name)
                staff_named.add(msg.conversation_id)
                named_cities[msg.conversation_id] = named_cities.get(msg.conversation_id, frozenset()) | cities
        if msg.role != "customer":
            for address in EMAIL.findall(msg.text or "") if "@" in (msg.text or "") else ():
                staff_numbers.setdefault(msg.conversation_id, set()).add(address.lower())
            for run in DIGIT_RUN.findall(msg.text or ""):
                digits = re.sub(r"\D", "", run)
                if len(digits) >= 7 and digits[-8:] not in customer_numbers.get(msg.conversation_id, ()):
                    # (a number the customer gave, read back to confirm it, stays theirs)
                    staff_numbers.setdefault(msg.conversation_id, set()).add(digits[-8:])
            if msg.conversation_id in for_other and ASKS_FOR_SUBJECT.search(msg.text or ""):
                about_subject[msg.conversation_id] = 1
            for number in STAFF_INTL_RX.findall(msg.text or "") if msg.conversation_id not in region else ():
                r = P.region_of_number(re.sub(r"[\s()-]", "", number))
                if r and r != "001":
                    region.setdefault(msg.conversation_id, r)
            brand = BRAND_RX.search(msg.text or "") if msg.conversation_id not in region else None
            if brand:  # "Hi, Singtel here": the business serves one country
                region[msg.conversation_id] = L.BRAND_REGION[brand.group(1)]
            greeting = msg.conversation_id not in greeted
            place = CITY_REGION_RX.search(msg.text or "") if msg.conversation_id not in region or (
                greeting and msg.conversation_id in hinted) else None  # ("Lahore Auto Mall here" over "45 lakh")
            greeted.add(msg.conversation_id)
            if place and (place.group(2) or place.group(4) or greeting):  # "Smile Bright Dental Sydney", "PetCover NZ here"
                region[msg.conversation_id] = _region_in(place.group())
            elif greeting and msg.conversation_id not in region and msg.text:
                script = KANA_RX.search(msg.text) and "JP" or HANGUL_RX.search(msg.text) and "KR"
                if script:  # "こんにちは、ソフトバンク新宿店です", "안녕하세요, 하나은행": a business in Japan or Korea
                    region[msg.conversation_id] = script
            if _asks_of_other(msg.text or ""):  # "Her name and date of birth?"
                # ("Her date of birth, and a contact number and email for you?": the contacts are the customer's)
                others_contact[msg.conversation_id] = PERSON_FIELDS - {"phone", "email"} \
                    if ASKS_OWN_CONTACT.search(msg.text or "") else PERSON_FIELDS
            elif ASKS_OTHERS_CONTACT.search(msg.text or ""):
                others_contact[msg.conversation_id] = frozenset({"phone", "email"})
            else:
                others_contact.pop(msg.conversation_id, None)
            a = asked_fields(msg.text)
            if a:
                asked[msg.conversation_id] = (a, 2)
            else:
                asked.pop(msg.conversation_id, None)
            continue
        ask = asked.get(msg.conversation_id)
        field = ask[0] if ask else frozenset()
        if ask:
            asked[msg.conversation_id] = (ask[0], ask[1] - 1) if ask[1] > 1 else None
            if asked[msg.conversation_id] is None:
                del asked[msg.conversation_id]
        if msg.text:
            found = extract_text(msg.text, msg.ts, asked=field, region=region.get(msg.conversation_id),
                                 prepared=prepared[id(msg)], context=named_cities.get(msg.conversation_id, frozenset()))
            own_cities = {f.value for f in found if f.field == "city"} | _id_cities(found)
            if own_cities:
                named_cities[msg.conversation_id] = named_cities.get(msg.conversation_id, frozenset()) | own_cities
            if FOR_OTHER_RX.search(msg.text):
                for_other.add(msg.conversation_id)
            if about_subject.pop(msg.conversation_id, 0):
                found = _drop_subject_documents(found, msg.text)
            if msg.conversation_id in others_contact:
                found = _not_answering_for_self(found, msg.text, others_contact.pop(msg.conversation_id))
            if found and CORRECTS_LAST.match(msg.text):
                corrected = {f.field for f in found}
                taken_back.update(id(f) for f in last_facts.get(msg.conversation_id, ()) if f.field in corrected)
            echoed = staff_numbers.get(msg.conversation_id)
            if echoed:  # "Got it, 416-962-3385 saved", "kefu@… 是吧": the staff member's own, repeated back
                found = [f for f in found if not (f.field == "phone" and f.value[-8:] in echoed
                                                  or f.field == "email" and f.value in echoed)]
            kept = [Fact(f.field, f.value, f.display, f.confidence, f.start, f.end, msg.id, "text") for f in found]
            for f in kept:
                if f.field == "phone":
                    customer_numbers.setdefault(msg.conversation_id, set()).add(f.value[-8:])
            out.extend(kept)
            last_facts[msg.conversation_id] = kept
            city = next((f.value for f in found if f.field == "city"), None)
            named = _region_of_city(city) if city else None
            money = next((r for rx, r in CURRENCY_REGION_RX if rx.search(msg.text)), None) if named else None
            if named and money and money != named and named not in ("HK", "MO", "TW", "CN"):
                named = None  # "£2,000 … renting a room in Stratford": London's Stratford, not Connecticut's
            if named:  # the customer's own city outranks the staff member's number
                region[msg.conversation_id] = named
        if ocr_text and msg.id in ocr_text:
            for f in extract_text(ocr_text[msg.id], msg.ts):
                out.append(Fact(f.field, f.value, f.display, round(f.confidence * 0.95, 3), f.start,
                                f.end, msg.id, "image"))
    return [f for f in out if id(f) not in taken_back] if taken_back else out
