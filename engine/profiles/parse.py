"""Value parsers: money amounts, dates (absolute and relative), PRC ID numbers, phone numbers."""
from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, timedelta

CN_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
_CN_NUM = re.compile(f"[{CN_DIGITS}]+")

UNITS = {"千万": 1e7, "万": 1e4, "w": 1e4, "W": 1e4, "千": 1e3, "k": 1e3, "K": 1e3, "百万": 1e6, "m": 1e6,
         "M": 1e6, "亿": 1e8, "million": 1e6, "mil": 1e6, "thousand": 1e3, "grand": 1e3, "lakh": 1e5,
         "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "juta": 1e6, "jt": 1e6, "ribu": 1e3, "rb": 1e3, "triệu": 1e6, "tỷ": 1e9, "만": 1e4}
CURRENCY_WORDS = {
    "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "元": "CNY", "块": "CNY", "块钱": "CNY", "人民币": "CNY",
    "yuan": "CNY", "$": "USD", "us$": "USD", "usd": "USD", "美元": "USD", "美金": "USD", "刀": "USD",
    "dollars": "USD", "dollar": "USD", "bucks": "USD", "s$": "SGD", "sgd": "SGD", "新币": "SGD",
    "hk$": "HKD", "hkd": "HKD", "港币": "HKD", "€": "EUR", "eur": "EUR", "欧元": "EUR",
    "£": "GBP", "gbp": "GBP", "英镑": "GBP", "a$": "AUD", "au$": "AUD", "aud": "AUD", "澳币": "AUD",
    "澳元": "AUD", "澳": "AUD", "원": "KRW", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "加币": "CAD", "nz$": "NZD", "nzd": "NZD",
    "rm": "MYR", "myr": "MYR", "令吉": "MYR", "nt$": "TWD", "twd": "TWD", "台币": "TWD", "sg$": "SGD",
    "jpy": "JPY", "日元": "JPY", "yen": "JPY", "円": "JPY", "krw": "KRW", "韩元": "KRW", "chf": "CHF", "aed": "AED", "inr": "INR",
    "₹": "INR", "₩": "KRW", "mop": "MOP", "澳门币": "MOP", "港纸": "HKD", "港元": "HKD", "蚊": "HKD",
    "新台币": "TWD", "马币": "MYR", "新加坡元": "SGD", "r": "ZAR", "rand": "ZAR", "zar": "ZAR", "澳门元": "MOP",
    "₱": "PHP", "php": "PHP", "peso": "PHP", "pesos": "PHP", "฿": "THB", "baht": "THB", "thb": "THB", "泰铢": "THB",
    "rp": "IDR", "rp.": "IDR", "idr": "IDR", "rupiah": "IDR", "ksh": "KES", "kes": "KES", "₦": "NGN", "naira": "NGN",
    "ngn": "NGN", "quid": "GBP", "rs": "INR", "rs.": "INR", "rupees": "INR", "canadian dollars": "CAD", "dirhams": "AED",
    "bob": "KES", "dong": "VND", "vnd": "VND", "₫": "VND", "đồng": "VND", "镑": "GBP",
    "蚊人民币": "CNY", "欧": "EUR", "gh₵": "GHS", "ghs": "GHS", "cedis": "GHS", "纽币": "NZD", "纽元": "NZD",
    "印尼盾": "IDR", "越南盾": "VND", "盾": "VND", "迪拉姆": "AED", "卢比": "INR", "比索": "PHP", "林吉特": "MYR",
    "兰特": "ZAR", "奈拉": "NGN", "ntd": "TWD", "krw": "KRW", "taka": "BDT", "tk": "BDT", "৳": "BDT", "bdt": "BDT",
    "lkr": "LKR", "ugx": "UGX", "tzs": "TZS", "pkr": "PKR", "shillings": "KES", "shilling": "KES", "ksh.": "KES",
}
# what a bare amount, "$" and "元" mean where the customer is (phone region of the conversation)
REGION_CURRENCY = {"CN": "CNY", "HK": "HKD", "TW": "TWD", "MO": "MOP", "SG": "SGD", "MY": "MYR", "US": "USD",
                   "GB": "GBP", "AU": "AUD", "CA": "CAD", "NZ": "NZD", "IE": "EUR", "IN": "INR", "DE": "EUR",
                   "FR": "EUR", "NL": "EUR", "JP": "JPY", "KR": "KRW", "ZA": "ZAR", "PH": "PHP", "KE": "KES",
                   "NG": "NGN", "AE": "AED", "ID": "IDR", "TH": "THB", "VN": "VND", "PK": "PKR", "GH": "GHS",
                   "BD": "BDT", "LK": "LKR", "UG": "UGX", "TZ": "TZS"}
DOLLAR_CURRENCIES = frozenset({"USD", "SGD", "HKD", "AUD", "CAD", "NZD", "TWD"})
AMOUNT_RE = re.compile(
    r"(?P<cur1>(?:US|AU|SG|CA|NZ|NT|HK|[ASC])\$|[¥￥$€£₹₩₱฿₦]|RM(?=\s?[\d一二两三四五六七八九十])|(?<![A-Za-z])R(?=\s?\d)|(?<![A-Za-z])R[ps]\.?(?=\s?\d)|KSh|GH₵|GHS|MOP|RMB|CNY|USD|SGD|HKD|EUR|GBP|AUD|CAD|ZAR|PHP|THB|IDR|KES|NGN|INR|AED|TWD|NTD|VND|JPY|KRW|"
    r"港币|人民币|美元|新币|澳门币|澳门元|澳币|澳元|加币|台币|新台币|欧元|英镑|日元|马币|"
    r"NZD|MYR|rmb|usd)?\s*"
    r"(?P<num>(?(cur1)\d{1,3}(?: \d{3})+(?!\d|[.,]\d)|(?!))|\d{1,3},\d{1,2}(?=\s*(?:juta|jt|ribu|rb)\b)|\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d+(?:[,，]\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十廿卅百千万亿点]{1,12}(?![袋瓶盒件只张份套]))\s*"
    r"(?:个(?=[万wW]))?(?P<unit>千万|百万|万|千|亿|million|mil|thousand|grand|lakhs?|crores?|juta|jt|ribu|rb|triệu|tỷ|만|(?:(?<=[\d零〇一二两三四五六七八九十百千点个])[wW]|[kKmM])(?![a-zA-Z]))?(?P<tail>(?<=[万wW千])[1-9](?![\d.,万千百])|(?<=[万wW]) [1-9](?![\d.,万千]))?\s*"
    r"(?P<cur2>蚊人民币|印尼盾|越南盾|盾|迪拉姆|卢比|比索|林吉特|兰特|奈拉|欧元|欧(?![洲美])|元|块钱|块|人民币|美元|美金|刀|新台币|新币|新加坡元|港币|港纸|港元|蚊|马币|英镑|澳币|澳元|加币|台币|令吉|日元|韩元|澳门币|dollars?|"
    r"bucks|yuan|yen|円|RMB|rmb|CNY|USD|SGD|HKD|EUR|GBP|AUD|CAD|NZD|MYR|JPY|KRW|CHF|AED|INR|rand|ZAR|澳门元|澳(?![门門洲大])|원|"
    r"baht|泰铢|pesos?|rupiah|naira|cedis|纽币|纽元|quid|rupees|taka|shillings?|BDT|LKR|UGX|TZS|PKR|PHP|THB|IDR|KES|NGN|VND|Canadian dollars|dirhams|bob|dong|đồng|₫|镑|\$(?![\d]))?"
)


_T2S: dict[int, str] | None = None


def to_simplified(text: str) -> str:
    """Traditional Chinese characters replaced by simplified ones (喺預算萬 → 喺预算万).

    One character for one, so every position in the result is the same position in ``text``;
    OpenCC's character table (opencc-python-reimplemented) gives the mapping.
    """
    global _T2S
    if _T2S is None:
        import importlib.resources

        table: dict[int, str] = {}
        try:
            lines = (importlib.resources.files("opencc") / "dictionary" / "TSCharacters.txt").read_text(
                encoding="utf-8").splitlines()
        except (ModuleNotFoundError, FileNotFoundError):  # another "opencc" distribution: read as written
            lines = []
        for line in lines:
            trad, _, simp = line.partition("\t")
            simp = simp.split()[0] if simp.split() else ""
            if len(trad) == 1 and len(simp) == 1:
                table[ord(trad)] = simp
        _T2S = table
    return text.translate(_T2S)


def cn_number(text: str) -> float | None:
    """五十万 → 500000, 三点五 → 3.5, 两千 → 2000 (cn2an), None if not a numeral."""
    import cn2an

    try:
        return float(cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def parse_amount(match: re.Match, default_currency: str, region: str | None = None,
                 min_bare: float = 100) -> tuple[float, str] | None:
    """(value, ISO currency); ``region`` says what "$", "元" and a bare amount mean there."""
    num = match.group("num")
    if not num:
        return None
    if num[0].isdigit():
        if re.fullmatch(r"\d{1,3},\d{1,2}", num):  # "Rp 7,5 juta": a decimal comma
            num = num.replace(",", ".")
        cur0 = (match.group("cur1") or match.group("cur2") or "").lower()
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num) and (CURRENCY_WORDS.get(cur0) in ("IDR", "VND")
                                                            or (not cur0 and REGION_CURRENCY.get(region or "") in ("IDR", "VND"))):
            num = num.replace(".", "")  # "Rp 50.000": dots group thousands
        value = float(num.replace(",", "").replace("，", "").replace(" ", ""))
    else:
        # "万二": 一万二, "百五": 一百五; 廿 and 卅 are twenty and thirty
        num = num.replace("廿", "二十").replace("卅", "三十")
        value = cn_number("一" + num if re.fullmatch(r"[百千万][一二三四五六七八九]", num) else num)
        if value is None:
            return None
    unit = match.group("unit")
    if unit:
        value *= UNITS[unit]
    if match.group("tail"):  # "1万5", "2 万 5": and five thousand
        value += int(match.group("tail").strip()) * UNITS[unit] / 10
    cur = match.group("cur1") or match.group("cur2")
    currency = CURRENCY_WORDS.get(cur.lower() if cur else "", None) or default_currency
    local = REGION_CURRENCY.get(region or "")
    if unit and unit.lower() in ("juta", "jt", "ribu", "rb") and not cur:
        currency = "IDR"  # "15 juta": Indonesian millions
    elif unit and unit.lower() in ("lakh", "lakhs", "crore", "crores") and not cur and local not in ("PKR", "LKR", "BDT", "NPR"):
        currency = "INR"  # "upto 1.2 lakh": South Asian counting, rupees unless the region says which
    elif local and (cur in ("$", None) or (cur or "").lower() in ("dollars", "dollar", "bucks")) \
            and (local in DOLLAR_CURRENCIES or cur is None):
        currency = local  # "$300" in Singapore, "30 dollars" in Canada, "800万" in Hong Kong
    elif local == "TWD" and cur in ("元", "块"):
        currency = local
    elif local in ("MOP", "CNY") and cur == "蚊":  # Macau says 蚊 for patacas too, Guangdong for yuan
        currency = local
    elif local in ("PKR", "LKR", "BDT") and currency == "INR":  # rupees (and lakhs) in Pakistan, Sri Lanka, Bangladesh
        currency = local
    elif local in ("UGX", "TZS") and currency == "KES":  # shillings in Uganda, Tanzania
        currency = local
    if not (match.group("cur1") or match.group("cur2") or unit) and value < min_bare:
        return None  # a bare small number is not a budget (unless a limit word says it is one)
    return value, currency


def format_amount(amount: float, currency: str) -> str:
    symbol = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£", "SGD": "S$", "HKD": "HK$"}.get(currency, "")
    return f"{symbol}{amount:,.0f} {currency}" if symbol else f"{amount:,.0f} {currency}"


# ---------------------------------------------------------------- dates
WEEKDAYS_CN = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
WEEKDAYS_EN = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
               "saturday": 5, "sunday": 6, "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4,
               "sat": 5, "sun": 6}
MONTHS_EN = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS_EN.update({m[:3]: i for m, i in list(MONTHS_EN.items())})
MONTHS_EN["sept"] = 9

_MON = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
_WD = "|".join(sorted(WEEKDAYS_EN, key=len, reverse=True))
DATE_PATTERNS = [
    # 14/02/1987 or 07-22-1979: day and month told apart only when one of them exceeds 12
    ("num_dmy", re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})(?![\d/.-])")),
    ("roc", re.compile(r"民国\s*(?P<y>\d{2,3})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?")),
    ("ymd", re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*[日号]?")),
    ("ymd_short", re.compile(r"(?<!\d)(?P<y2>\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})(?!\d)")),
    ("md_cn", re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?:[日号]|(?=\s*(?:生日|过生|出生)))")),
    ("md_cn_dot", re.compile(r"(?<![\d.])(?P<m>\d{1,2})[.](?P<d>\d{1,2})(?![\d.])")),
    ("en_mdy", re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b", re.I)),
    ("en_dmy", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\.?(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b", re.I)),
    ("rel_cn_day", re.compile(r"(?P<w>大后天|后天|明天|今天|昨天)")),
    ("rel_cn_week", re.compile(r"(?P<p>下下|下个?|这个?|本|上个?)?(?:周|星期|礼拜)(?P<w>[一二三四五六日天])")),
    ("rel_cn_month", re.compile(r"(?P<p>下个?月|这个?月|本月)\s*(?P<d>\d{1,2})\s*[日号]")),
    ("rel_en_day", re.compile(r"\b(?P<w>today|tomorrow|yesterday)\b", re.I)),
    ("rel_en_week", re.compile(rf"\b(?P<p>next|this|on|coming)\s+(?P<w>{_WD})\b", re.I)),
    ("rel_en_in", re.compile(r"\bin\s+(?P<n>\d{1,2})\s+days?\b", re.I)),
    # "sunday is my birthday": a weekday on its own is the coming one (full names only: "sat", "sun" are words)
    ("rel_en_bare", re.compile(r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def full_year(year: int, this_year: int) -> int:
    """A year of birth written with two digits ("96年", "九二年"): the latest century not in the future."""
    if year >= 100:
        return year
    return 2000 + year if year <= this_year % 100 else 1900 + year


def find_date(text: str, ts: datetime, year_of_birth: bool = False,
              day_first: bool | None = None) -> tuple[str, int, int, bool] | None:
    """First date in ``text`` as (ISO value, start, end, has_year); relative dates use ``ts``.

    Without a year of birth the value is the month-day ``--MM-DD`` (ISO 8601:2000 truncated form,
    as vCard's BDAY uses); a relative date ("下周三", "next Friday") is resolved against ``ts``
    and also gives ``--MM-DD`` unless ``year_of_birth`` says the resolved year is meant.
    """
    today = ts.date()
    best = None
    for kind, rx in DATE_PATTERNS:
        m = rx.search(text)
        if not m or (best and m.start() >= best[1]):
            continue
        g = m.groupdict()
        value, has_year = None, True
        if kind == "num_dmy":
            a, b = int(g["a"]), int(g["b"])
            if a == b or a > 12 >= b or (a <= 12 and b <= 12 and day_first is True):
                d = _safe_date(int(g["y"]), b, a)
            elif b > 12 >= a or (a <= 12 and b <= 12 and day_first is False):
                d = _safe_date(int(g["y"]), a, b)
            else:
                d = None  # 03/04/1990 and nothing says where: which is the month is not written
            value = d.isoformat() if d else None
        elif kind == "ymd_short":  # 九二年七月十五 -> 92年7月15
            d = _safe_date(full_year(int(g["y2"]), today.year), int(g["m"]), int(g["d"]))
            value = d.isoformat() if d else None
        elif kind == "roc":  # Taiwan's Minguo years: 民國78年 is 1989
            d = _safe_date(int(g["y"]) + 1911, int(g["m"]), int(g["d"]))
            value = d.isoformat() if d else None
        elif kind == "ymd":
            d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
            value = d.isoformat() if d else None
        elif kind in ("md_cn", "md_cn_dot", "en_mdy", "en_dmy"):
            month = int(g["m"]) if "m" in g and g.get("m") else MONTHS_EN.get(g["mon"].lower().rstrip("."))
            day = int(g["d"])
            year = g.get("y")
            if month and _safe_date(2000, month, day):
                if year:
                    d = _safe_date(int(year), month, day)
                    value = d.isoformat() if d else None
                else:
                    value, has_year = f"--{month:02d}-{day:02d}", False
        else:
            d = _relative(kind, g, today)
            if d and year_of_birth:
                value = d.isoformat()
            elif d:  # "my birthday is next Friday" tells the day, not the year of birth
                value, has_year = f"--{d.month:02d}-{d.day:02d}", False
        if value:
            best = (value, m.start(), m.end(), has_year)
    return best


def _relative(kind: str, g: dict, today: date) -> date | None:
    if kind == "rel_cn_day":
        return today + timedelta(days={"今天": 0, "明天": 1, "后天": 2, "大后天": 3, "昨天": -1}[g["w"]])
    if kind == "rel_en_day":
        return today + timedelta(days={"today": 0, "tomorrow": 1, "yesterday": -1}[g["w"].lower()])
    if kind == "rel_en_in":
        return today + timedelta(days=int(g["n"]))
    monday = today - timedelta(days=today.weekday())
    if kind == "rel_cn_week":
        p = g["p"] or ""
        offset = 14 if p == "下下" else 7 if p.startswith("下") else -7 if p.startswith("上") else 0
        return monday + timedelta(days=offset + WEEKDAYS_CN[g["w"]])
    if kind in ("rel_en_week", "rel_en_bare"):
        wd = WEEKDAYS_EN[g["w"].lower()]
        p = (g.get("p") or "on").lower()
        if p == "next":
            return monday + timedelta(days=7 + wd)
        if p == "this":
            return monday + timedelta(days=wd)
        # "on Friday" / "coming Friday": the next such day after today
        ahead = (wd - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if kind == "rel_cn_month":
        base = today.replace(day=1)
        if g["p"].startswith("下"):
            base = (base + timedelta(days=32)).replace(day=1)
        return _safe_date(base.year, base.month, int(g["d"]))
    return None


# ---------------------------------------------------------------- PRC ID numbers
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_number_info(value: str) -> tuple[str, str] | None:
    """(birth date ISO, gender) for a valid 18-character PRC resident ID number, else None.

    Valid = 17 digits + check character (ISO 7064 MOD 11-2), a province code 11–83 (81, 82 and 83
    are the residence permits of Hong Kong, Macau and Taiwan residents) and a real birth date
    between 1900 and today.
    """
    value = value.upper()
    if len(value) != 18 or not value[:17].isdigit():
        return None
    total = sum(int(c) * w for c, w in zip(value[:17], _ID_WEIGHTS))
    if _ID_CHECK[total % 11] != value[17]:
        return None
    if not 11 <= int(value[:2]) <= 83:
        return None
    born = _safe_date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    if born is None or born.year < 1900 or born > date.today():
        return None
    return born.isoformat(), ("male" if int(value[16]) % 2 else "female")


def make_id_number(prefix6: str, born: date, seq: int) -> str:
    """A checksum-valid ID number (for demos and tests)."""
    body = f"{prefix6}{born:%Y%m%d}{seq:03d}"
    total = sum(int(c) * w for c, w in zip(body, _ID_WEIGHTS))
    return body + _ID_CHECK[total % 11]


def normalise_cn_mobile(digits: str) -> str:
    return "+86" + digits[-11:]


_PHONENUMBERS = None


def _phonenumbers():
    """The phonenumbers module, with its pattern cache on: numbers of a dozen regions use more
    metadata patterns than the re module's own cache holds, which would recompile them."""
    global _PHONENUMBERS
    if _PHONENUMBERS is None:
        import phonenumbers
        from phonenumbers import re_util

        re_util.enable_pattern_cache()
        _PHONENUMBERS = phonenumbers
    return _PHONENUMBERS


def parse_international(raw: str, region: str | None) -> str | None:
    """E.164 of a valid international or regional number (phonenumbers), else None."""
    phonenumbers = _phonenumbers()

    try:
        num = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


@functools.lru_cache(maxsize=None)
def _lengths(region: str) -> tuple[frozenset, str, str]:
    """Possible national-number lengths, trunk prefix and country code of ``region``."""
    phonenumbers = _phonenumbers()

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    return frozenset(meta.general_desc.possible_length), meta.national_prefix or "", str(meta.country_code)


@functools.lru_cache(maxsize=None)
def _national_shapes(region: str):
    """(country code, trunk-prefix pattern, patterns of every national number under that country
    code, international dialling prefix), or None where the trunk prefix is rewritten rather than cut (no cheap test then)."""
    phonenumbers = _phonenumbers()

    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta.national_prefix_transform_rule:
        return None
    # a number parsed for one region may be valid in another under the same code (US / CA)
    shared = [phonenumbers.PhoneMetadata.metadata_for_region(r)
              for r in phonenumbers.region_codes_for_country_code(meta.country_code)]
    if any(m is None or m.general_desc.national_number_pattern is None for m in shared):
        return None
    pattern = re.compile("|".join(f"(?:{m.general_desc.national_number_pattern})" for m in shared))
    prefix = re.compile(meta.national_prefix_for_parsing) if meta.national_prefix_for_parsing else None
    dialling_out = re.compile(meta.international_prefix) if meta.international_prefix else None
    return str(meta.country_code), prefix, pattern, dialling_out


def _may_be_national(digits: str, region: str) -> bool:
    """False only when no way phonenumbers may read ``digits`` (as written, without its trunk
    prefix, without the country code) fits a national number of the country: a parse and a
    validity check cost a hundred times more than these pattern tests."""
    shapes = _national_shapes(region)
    if shapes is None:
        return True
    code, prefix, pattern, dialling_out = shapes
    if dialling_out is not None and dialling_out.match(digits):
        return True  # "0039 …" dialled from abroad: another country's number, left to phonenumbers
    readings = {digits}
    if digits.startswith(code):
        readings.add(digits[len(code):])
    if prefix is not None:
        for r in list(readings):
            m = prefix.match(r)
            if m:
                readings.add(r[m.end():])
    readings |= {r.lstrip("0") for r in readings}  # the national number is kept as an integer
    return any(pattern.fullmatch(r) for r in readings)


@functools.lru_cache(maxsize=65536)
def valid_in(digits: str, region: str) -> bool:
    """Whether ``digits`` (a local number, no "+") is a valid number of ``region`` — a cheap test
    before phonenumbers' matcher looks at how the number is written."""
    phonenumbers = _phonenumbers()

    lengths, trunk, code = _lengths(region)
    n = len(digits)
    if not digits.isascii():  # "１３６…": full-width digits count as digits
        digits = "".join(str(unicodedata.digit(c)) for c in digits)
    if not (n in lengths or (trunk and digits.startswith(trunk) and n - len(trunk) in lengths)
            or (digits.startswith(code) and n - len(code) in lengths)):
        return False  # no number of that region has so many digits
    if not _may_be_national(digits, region):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, region))
    except phonenumbers.NumberParseException:
        return False


def find_phone_numbers(text: str, region: str, exact_grouping: bool = False) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of the phone numbers phonenumbers' matcher finds in ``text``.

    Local numbers must be valid in ``region``; with ``exact_grouping`` (the region is only a guess)
    they must also be grouped the way that region writes them ("98450 12345" is no US number). A
    number written with its ``+`` country code only needs to be a possible one.
    """
    phonenumbers = _phonenumbers()

    out = []
    grouped = None  # spans grouped as the region writes them, matched only when a local one is seen
    for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
        if "/" in m.raw_string:
            continue  # "SCH/2025/778812": a reference, not a number to dial
        if not m.raw_string.startswith("+"):
            if not phonenumbers.is_valid_number(m.number):
                continue
            if exact_grouping:
                if grouped is None:
                    grouped = {(g.start, g.end) for g in phonenumbers.PhoneNumberMatcher(
                        text, region, leniency=phonenumbers.Leniency.EXACT_GROUPING)}
                if (m.start, m.end) not in grouped:
                    continue
        out.append((m.start, m.end, phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)))
    return out


@functools.lru_cache(maxsize=65536)
def region_of_number(e164: str) -> str | None:
    phonenumbers = _phonenumbers()

    try:
        return phonenumbers.region_code_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return None


def is_mobile(e164: str) -> bool:
    phonenumbers = _phonenumbers()

    kind = phonenumbers.number_type(phonenumbers.parse(e164, None))
    return kind in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
