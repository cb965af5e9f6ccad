"""One Aho–Corasick pass finds every trigger word of every rule family in a message.

Python's ``re`` tries big keyword alternations position by position; an automaton over all
keywords (pyahocorasick) reads the lower-cased message once.  ASCII keywords must stand as whole
words ("son" does not fire inside "person").
"""
from __future__ import annotations

from collections import defaultdict

from engine.profiles import lexicon as L

GATES: dict[str, list[str]] = {
    "wechat": ["微信", "vx", "wx", "weixin", "wechat"],
    "qq": ["qq", "扣扣"],
    "name": ["叫", "名字", "车主", "·", "家长", "我自己", "借款人", "姓名", "真名", "大名", "全名", "岁", "这边是", "这里是", "im", "here", "ask for", "under", "我姓", "免贵", "我自己", "hello", "hi", "hey", "我係", "本人", "我是", "乘机人", "联系人", "收货人", "收件人", "入住人", "name", "call me",
             "this is", "i'm", "i am", "it's", "regards", "faithfully", "sincerely", "cheers", "thanks", "myself", "its",
             "saya", "开户人", "持卡人", "投保人", "机主", "经办人", "申请人", "寄件人", "法人", "——", "～", "me -", "me –", "业主", "負責人", "负责人", "老板", "aku ", " po ", " po."],
    "work": list(L.ORG_SUFFIXES) + ["上班", "教书", "教", "teach", "hired", "shift at", "工作", "任职", "实习", "职位", "职务", "担任", "当", "做", "干", "开发", "是一",
                                   "我是", "work", "working", "job", "started", " at ", "开了家", "开了一家", "开家", "店叫", "店 叫", "铺头叫", "舖頭叫", "鋪頭叫", "档口叫", "檔口叫", "行叫", "馆叫", "厅叫", "家叫", "送快递", "送外卖", "跑外卖", "开了两家", "开了几家", "店，叫", "店,叫",
                                   "run", "own", "founded", "moved to", "joined", "|", " / ", "employer", "做嘢", "返工",
                                   "employed", "with", "from", "as a", "as an", "i'm a", "i'm an", "i am a", ", a ", ", an ", "i'm the",
                                   "i am the", "head of", "单位", "transferring me", "relocating me", "moving me", "sending me",
                                   "called", "-person", "currently at", "buyer", "purchasing", "head ", "跳到", "跳槽", "入职", "厂是", "厂名", "店名", "门头", "发票开", " 叫", "，叫", ",叫", "làm ở", "làm tại", "làm việc", " pt ", " ud ", " cv ", "centre", "center", "studio", "namanya"]
            + [t.lower() for t in L.CN_TITLES] + [s.lower() for s in L.EN_ORG_SUFFIXES]
            + [t.lower() for t in L.EN_TITLES] + ["llp", "plc", "pty", "shop is", "firm", "business is", "practice",
                                                  "nagwowork", "kerja", "jurutera", "我现在是", "我目前是", "目前是", "我们是", "厂", "搞", "「", "“", "my online", "my own", "my small", "my little", "my shop", "my store", "my brand",
                                                  "my label", "my boutique", "my business", "office at", "drive ", "haul ", "truck for", "deliver for",
                                                  "cook for", "clean for", "on the tools", "on the tills", "books for", "accounts for", "get off at", "been with", "working in", "work in", "job in",
                                                  "staff", "employee", "staffer", "w/", "fifo", "serving in", "serving with", "wfh", "knock off", "做事", "studio is", "workshop is", "有个", "有家", "客栈", "民宿", "农场", "合作社", "跑", "职工", "员工", "工人", "律所", "开了个", "开了间", "开个", "新开", "前台"],
    "place": list(L.CN_CITIES) + [c.lower() for c in L.EN_CITIES] + list(L.CITY_ALIASES) + [d.lower() for d in L.DISTRICT_CITY] + [a.lower() for a in L.EN_CITY_ALIASES]
             + list(L.CN_AREA_CITY)
             + ["地址", "寄到", "送到", "邮寄", "路", "街", "address", "ship", "send", "deliver", "street", "road",
                "avenue", "ave", "st", "rd", "lane", "drive"],
    # where one lives, before a town the lists above may not hold
    "home_cue": ["live in", "living in", "stay in", "staying in", "reside in", "residing in", "based in", "located in",
                 "we're in", "were in", "both in", "i'm in", "im in", "i am in", "we are in", "over in", "up the road in",
                 "out in", "down in", "rent in", "renting in", "work at", "working at", "work for", "working for",
                 "moving", "taga ", "sewa di", "tinggal di", "duduk di", "saya di", "up in", "back in", "arrived in", "flatting in", "house in", "home in", "apartment in", "flat in", "place in", "unit in", "condo in", "driving up", "driving down", "coming from", "driving from",
                 "moved", "relocat", "outside", "out of", "out past", "visiting me", "dari", "stay at", "staying at", " way",
                 "shop in", "business in", "takeaway in", "store in", "studio in", "clinic in", "practice in", "restaurant in",
                 "salon in", "cafe in", "café in", "pub in", "bakery in", "garage in",
                 "out by", "up by", "down by", "over by", "out at", "here in", "near", "currently",  # ("near" fires for "up near", "near us")
                 "from up", "from down", "from out", "down the road", "are in", "crashing", "apt in"],  # ("moved" for "moved from")
    "gender": ["男", "女", "妈", "先生", "爸", "mom", "mum", "mother", "dad", "father", "woman", "man", "guy", "girl",
               "lady", "male", "female"],
    "age": ["岁", "满", "今年", "btw", "im ", "year old", "years old", "yrs", "age", "aged", "i'm ", "i am ", "turning"],
    "family": ["老公", "老婆", "丈夫", "妻子", "爱人", "媳妇", "太太", "先生", "婚", "儿子", "女儿", "孩子", "宝宝", "娃", "宝妈",
               "宝爸", "单身", "离异", "怀孕", "孕", "wife", "husband", "married", "son", "daughter", "kid", "kids",
               "children", "baby", "single", "divorced", "pregnant", "expecting", "daughters", "sons", "toddler",
               "year old", "year-old", "month old", "boys", "girls", "twins", "mom of", "mum of",
               "dad of", "single mom", "single mum", "single dad", "离婚"],
    "budget": ["预算", "under", "go much over", "出到", "能出", "可以出", "投入", "可以投", "能投", "想投", "打算投", "cap", "capped", "limit", "上限", "保费", "有一笔", "手上有", "手头有", "手里有", "打算拿", "准备拿", "想拿", "先拿", "能拿", "打算存", "准备存", "想存", "能接受", "可以接受", "承受", "打算花", "准备花", "想花", "控制在", "不超过", "最多", "以内", "之内",
               "拿出", "首付", "闲钱", "可以投", "to spend", "可投资", "投资金额", "不能超过", "go over", "thinking around", "put", "$", "£", "€", "¥", "￥", "rm", "around", "about", "under", "below",
               "roughly", "ideally", "大概", "大约", "差不多",
               "以下", "budget", "afford", "spend", "up to", "no more than", "max", "maximum", "within", "tops",
               "or less", "at most", "左右", "上下", "来块", "顶天", "封顶", "内的", "go above", "anything over", "rand",
               "is the most", "that's what i have", "stretch", "ceiling", "bajet", "maksimal", "approved", "hoping for",
               "每年交", "每月交", "每年供", "每月供", "每年存", "每月存", "每年缴", "每月缴", "年缴", "年交", "唔好超过", "唔超过",
               "能承担", "可以承担", "承担得起", "do it for", "my limit", "budgeted", "人均", "hanggang", "sampai", "dalam", "想投资", "搞得掂", "一笔过放", "大概放", "大约放", "打算放", "准备放", "想放",
               "₱", "฿", "₹", "₦", " rp", "rp.", " rs.", " rs ", "baht", "peso", "quid", "juta", "0jt", "more than", "ksh", " kes",
               "先投", "想投", "打算投", "准备投", "再投", "进去", "i can do", "别超过", "不要超过", "不想超过", "手里就", "手上就",
               "手头就", "gh₵", "cedis", "纽币", "i'd do", "i would do", "we can do", "can pay", "can do is", "premium", "能出",
               "可以出", "出得起", " ard ", "压到", "谈到", "降到", "能办", "搞定", "就续", "能凑", "凑个", "能出的就", "能投的就", "准备了", "打算出", "存满",
               "全款", "手里有个", "手上有个", "拿得出", "能拿下", "is my budget", "i got", "i have", "only got", "莫超过", "加起来",
               "can probably", "欧", "唔超过", "人均", "年缴", "年交", "sekitar"],
    "birthday": ["生日", "出生", "birthday", "bday", "b-day", "born", "date of birth", "dob"],
    "interest_cue": list(L.INTEREST_CUES_CN) + list(L.INTEREST_CUES_EN),
    "identity": ["foodie", "foodies", "吃货", "美食家", "gamer", "gamers", "游戏迷", "资深玩家", "车迷", "汽车爱好者",
                 "car guy", "car enthusiast", "car nut", "petrolhead", "影迷", "cinephile", "movie buff",
                 "film buff", "书迷", "bookworm", "avid reader", "球迷", "健身达人", "gym rat", "摄影爱好者",
                 "摄影师", "只猫", "只狗", "猫咪", "狗狗", "铲屎官", "my dog", "my dogs", "my cat", "my cats",
                 "our dog", "our cat", "my puppy", "adopted", "我家狗狗", "我家的狗狗", "我家猫咪", "nerd", "geek", "buff",
                 "fanatic", "enthusiast", "junkie", "lover", "addict"],
}
# large employers, named with no cue word
GATES["employer"] = [n.lower() for n in (*L.EMPLOYER_NAMES_CN, *L.EMPLOYER_NAMES_EN)]
# Chinese universities, whose city is where a student is
GATES["university"] = ["大学", *L.UNIVERSITY_CITY]
# digits said as words ("five one two …"): the dictated-number rule runs only when three occur
GATES["spoken_digit"] = "zero one two three four five six seven eight nine".split()
# which place lists occur at all: the place rules for a script run only when one of its names does
GATES["cn_city"] = list(L.CN_CITIES)
GATES["en_city"] = [c.lower() for c in L.EN_CITIES] + [a.lower() for a in L.EN_CITY_ALIASES]
GATES["cn_district"] = [d for d in L.DISTRICT_CITY if not d.isascii()] + list(L.CN_AREA_CITY)
GATES["en_district"] = [d.lower() for d in L.DISTRICT_CITY if d.isascii()]
for _tag, _words in L.INTERESTS.items():
    GATES[f"interest:{_tag}"] = [w.lower() for w in _words]
for _intent, _words in L.INTENTS.items():
    GATES[f"intent:{_intent}"] = [w.lower() for w in _words]

_AUTOMATON = None


def _automaton():
    global _AUTOMATON
    if _AUTOMATON is None:
        import ahocorasick

        by_word: dict[str, set[str]] = defaultdict(set)
        for gate, words in GATES.items():
            for w in words:
                if w:
                    by_word[w.lower()].add(gate)
        a = ahocorasick.Automaton()
        for word, gates in by_word.items():
            a.add_word(word, (word, tuple(sorted(gates)), word.isascii() and word[:1].isalnum(),
                              word.isascii() and word[-1:].isalnum()))
        a.make_automaton()
        _AUTOMATON = a
    return _AUTOMATON


def scan(lowered: str) -> dict[str, list[tuple[int, int]]]:
    """Gate name → spans of its keywords in ``lowered`` (the message in lower case)."""
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    n = len(lowered)
    for end, (word, gates, word_start, word_end) in _automaton().iter(lowered):
        start = end - len(word) + 1
        if word_start and start > 0 and lowered[start - 1].isascii() and lowered[start - 1].isalnum():
            continue
        if word_end and end + 1 < n and lowered[end + 1].isascii() and lowered[end + 1].isalnum():
            continue
        for g in gates:
            hits[g].append((start, end + 1))
    return hits
