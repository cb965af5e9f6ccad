"""The portrait tag vocabulary shared by portraits and pictures.

Tags are ``family:value`` strings.  Families and values (documented in docs/avatars.md):

* ``theme:*``    — interest themes (:data:`THEMES`); from interests, signatures, profile interests.
* ``motif:*``    — a specific subject inside a theme (``motif:basketball``); from interests.
* ``age:*``      — age band (:data:`AGE_BANDS`); from the user's age.
* ``gender:*``   — ``female`` / ``male``; from the directory (weak weight, see portrait.py).
* ``region:*``   — ``cn`` / ``intl``; from the directory city.
* ``activity:*`` — ``high`` / ``low``; from messages per day.
"""
from __future__ import annotations

THEMES = ("animals", "sports", "music", "travel", "food", "games", "nature", "tech", "art",
          "reading")

AGE_BANDS = (  # (tag value, lowest age, highest age)
    ("child", 0, 12),
    ("teen", 13, 17),
    ("young", 18, 29),
    ("adult", 30, 49),
    ("senior", 50, 200),
)

# Picture styles and the age bands each one suits (weight of the age tag on the picture).
STYLE_AGES = {
    "playful": {"age:child": 1.0, "age:teen": 0.8, "age:young": 0.3},
    "modern": {"age:teen": 0.5, "age:young": 1.0, "age:adult": 0.8},
    "classic": {"age:adult": 0.7, "age:senior": 1.0},
}

# Interest keywords (English and Chinese, lower case) → (theme, motif or None).
KEYWORDS: dict[str, tuple[str, str | None]] = {}


def _kw(theme: str, motif: str | None, *words: str) -> None:
    for w in words:
        KEYWORDS[w.lower()] = (theme, motif)


_kw("animals", None, "animals", "pets", "pet", "动物", "宠物", "萌宠")
_kw("animals", "cat", "cat", "cats", "kitten", "猫", "猫咪", "撸猫")
_kw("animals", "dog", "dog", "dogs", "puppy", "狗", "狗狗", "遛狗")
_kw("animals", "panda", "panda", "熊猫")
_kw("animals", "bird", "bird", "birds", "birdwatching", "owl", "鸟", "观鸟")
_kw("animals", "fish", "fish", "aquarium", "fishing", "鱼", "钓鱼")
_kw("sports", None, "sports", "sport", "fitness", "gym", "running", "yoga", "运动", "健身",
    "跑步", "瑜伽")
_kw("sports", "basketball", "basketball", "nba", "篮球")
_kw("sports", "football", "football", "soccer", "足球")
_kw("sports", "tennis", "tennis", "badminton", "table tennis", "ping pong", "网球", "羽毛球",
    "乒乓球")
_kw("sports", "medal", "olympics", "marathon", "competition", "马拉松", "比赛")
_kw("music", None, "music", "concert", "singing", "karaoke", "音乐", "唱歌", "演唱会", "k歌")
_kw("music", "guitar", "guitar", "rock", "band", "吉他", "摇滚")
_kw("music", "headphones", "podcast", "edm", "hip hop", "pop music", "耳机", "流行音乐", "说唱")
_kw("music", "piano", "piano", "classical", "classical music", "钢琴", "古典音乐")
_kw("travel", None, "travel", "traveling", "trip", "tourism", "旅行", "旅游", "出行")
_kw("travel", "plane", "flights", "flying", "abroad", "出国", "飞行")
_kw("travel", "mountain", "hiking", "climbing", "outdoors", "camping", "徒步", "登山", "露营",
    "户外")
_kw("travel", "suitcase", "backpacking", "road trip", "自驾", "背包客")
_kw("food", None, "food", "cooking", "foodie", "restaurants", "baking", "美食", "做饭",
    "吃货", "烘焙", "厨艺")
_kw("food", "coffee", "coffee", "tea", "cafe", "咖啡", "茶", "奶茶")
_kw("food", "noodles", "noodles", "hotpot", "chinese food", "面", "火锅", "小吃")
_kw("food", "cake", "cake", "dessert", "sweets", "甜品", "蛋糕")
_kw("food", "pizza", "pizza", "fast food", "披萨")
_kw("games", None, "games", "gaming", "video games", "esports", "游戏", "电竞", "手游")
_kw("games", "dice", "board games", "tabletop", "mahjong", "桌游", "麻将")
_kw("games", "chess", "chess", "go", "weiqi", "象棋", "围棋", "国际象棋")
_kw("nature", None, "nature", "plants", "environment", "大自然", "自然", "环保", "植物")
_kw("nature", "flower", "flowers", "gardening", "花", "养花", "园艺")
_kw("nature", "tree", "forest", "trees", "森林", "树")
_kw("nature", "moon", "astronomy", "stars", "stargazing", "天文", "星空")
_kw("tech", None, "tech", "technology", "programming", "coding", "gadgets", "ai", "科技",
    "编程", "数码", "人工智能")
_kw("tech", "robot", "robots", "robotics", "机器人")
_kw("tech", "rocket", "space", "science", "航天", "太空", "科学")
_kw("tech", "laptop", "computers", "internet", "电脑", "互联网")
_kw("art", None, "art", "design", "drawing", "painting", "crafts", "艺术", "设计", "画画",
    "绘画", "手工")
_kw("art", "camera", "photography", "photo", "camera", "vlog", "摄影", "拍照", "相机")
_kw("art", "film", "movies", "film", "cinema", "tv series", "电影", "追剧", "影视")
_kw("reading", None, "reading", "books", "literature", "writing", "poetry", "阅读", "读书",
    "看书", "文学", "写作")
_kw("reading", "glasses", "study", "learning", "education", "exam", "学习", "考试", "教育")
_kw("reading", "news", "news", "finance", "investing", "stocks", "理财", "投资", "股票", "新闻")

# Interest labels of the profiles capability's taxonomy that are not keywords above.
_kw("travel", "mountain", "outdoors")
_kw("games", None, "gaming")
_kw("travel", "suitcase", "cars", "car", "汽车", "自驾游")
_kw("art", None, "fashion", "beauty", "makeup", "时尚", "穿搭", "美妆")

# The interest labels the profiles capability may produce map through the same keywords; the
# theme names themselves are keywords too.
for _t in THEMES:
    KEYWORDS.setdefault(_t, (_t, None))


def match_interest(text: str) -> tuple[str, str | None] | None:
    """Theme and motif for one interest label; longest keyword contained in it wins."""
    s = (text or "").strip().lower()
    if not s:
        return None
    if s in KEYWORDS:
        return KEYWORDS[s]
    best = None
    for word, hit in KEYWORDS.items():
        # Single CJK characters are too ambiguous inside longer text; latin words need length.
        if len(word) >= 2 and word in s and (best is None or len(word) > len(best[0])):
            best = (word, hit)
    return best[1] if best else None


def age_band(age: int | float | None) -> str | None:
    if age is None:
        return None
    try:
        a = float(age)
    except (TypeError, ValueError):
        return None
    if a != a or a < 0 or a > 130:
        return None
    for name, lo, hi in AGE_BANDS:
        if lo <= a <= hi:
            return name
    return None
