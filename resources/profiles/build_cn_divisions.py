"""Rebuild ``cn_divisions.tsv`` (place name → the city people would say) from cpca's adcodes.

cpca (MIT licence, https://github.com/DQinYuan/chinese_province_city_area_mapper) ships the
national administrative division codes as ``cpca/resources/adcodes.csv``; run

    python resources/profiles/build_cn_divisions.py path/to/adcodes.csv

Rows: ``name<TAB>city<TAB>kind`` where kind is ``city`` (prefecture-level city, or a
municipality), ``county_city`` (county-level city people name as their own: 昆山, 义乌),
``district`` (区/县/旗 by its full name) or ``short`` (a district without its 区/县, kept only
when that is unambiguous and not a common word: a list below, and jieba's dictionary frequency),
``ambiguous`` (a district name found under several cities, which are listed comma-separated: the
conversation has to say which) or ``code`` (the first four digits of a division code, as in a
resident ID number, and its city).
"""
from __future__ import annotations

import csv
import sys
from collections import defaultdict
from pathlib import Path

MUNICIPALITIES = {"11": "北京", "12": "天津", "31": "上海", "50": "重庆"}
# short forms that are ordinary words or used for many places
NOT_SHORT = set("城关 城区 新区 高新 开发 经济 新城 郊区 市中 中心 东区 西区 南区 北区 城中 城东 城西 城南 城北 "
                "河东 河西 河北 河南 江北 江南 山东 山西 海南 广西 江东 新华 和平 长安 宝山 白云 青山 红旗 "
                "向阳 前进 胜利 东方 中山 永安 安定 太平 建华 铁西 铁东 立山 平山 新市 普陀 鼓楼 朝阳 "
                "西湖 南山 东山 北山 金山 龙华 龙湖 双桥 清河 沙河 榆林 阳明 桥西 桥东 开平 路北 路南 "
                "大同 永和 万全 海城 平安 光明 高明 丰泽 三元 矿区 郊县 全州 东港 大方 安居 吉利 "
                "仁和 民和 安宁 长寿 富顺 大安 永定 乐业 和田 上街 惠民 大通 阳城 新荣 城厢 城阳".split())

# names people say for a district far more than for the prefecture city of that name
DISTRICT_BEFORE_CITY = {"朝阳"}  # Beijing's 朝阳区, not Liaoning's 朝阳市


def _word_frequencies() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, part of speech); 'ns' marks place names."""
    import os

    import jieba

    out = {}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            out[word] = (int(freq), tag)
    return out


def build(adcodes: Path) -> list[tuple[str, str, str]]:
    words = _word_frequencies()
    rows = list(csv.DictReader(adcodes.open(encoding="utf-8")))
    by_code = {r["adcode"]: r["name"] for r in rows}

    def city_of(code: str) -> str | None:
        if code[:2] in MUNICIPALITIES:
            return MUNICIPALITIES[code[:2]]
        name = by_code.get(code[:4] + "0" * 8, "")
        return name[:-1] if name.endswith("市") and len(name) >= 3 else None

    out: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for code, name in MUNICIPALITIES.items():
        out[name].add((name, "city"))
    for r in rows:
        code, name = r["adcode"], r["name"]
        if code[4:] == "0" * 8 and code[2:4] != "00":  # prefecture level
            if name.endswith("市") and len(name) >= 3:
                out[name[:-1]].add((name[:-1], "city"))
        elif code[6:] == "0" * 6 and code[4:6] != "00":  # county level
            city = city_of(code)
            if name.endswith("市") and len(name) >= 3:  # also under an autonomous prefecture: 库尔勒, 个旧
                out[name[:-1]].add((name[:-1], "county_city"))
                continue
            if not city or name == "市辖区":
                continue
            elif name.endswith(("区", "县", "旗")):
                out[name].add((city, "district"))
                if len(name) >= 3 and not name.endswith("自治县"):
                    out[name[:-1]].add((city, "short"))
    table = []
    for name, targets in sorted(out.items()):
        cities = {c for c, _ in targets}
        kinds = {k for _, k in targets}
        if "city" in kinds and name not in DISTRICT_BEFORE_CITY:  # 大同 is the prefecture city, though 大庆 has a 大同区
            table.append((name, next(c for c, k in targets if k == "city"), "city"))
            continue
        if len(cities) != 1:  # 鼓楼区 is in 南京, 福州, 徐州 and 开封
            if kinds <= {"district", "short"} and len(name) >= 2 and words.get(name, (0, "ns"))[0] < 500:
                table.append((name, ",".join(sorted(cities)), "ambiguous"))
            continue
        kind = next(k for k in ("city", "county_city", "district", "short") if k in kinds)
        if kind == "short" and (name in NOT_SHORT or len(name) < 2):
            continue
        freq, tag = words.get(name, (0, "ns"))
        if tag != "ns" and freq >= {"short": 200, "county_city": 1000}.get(kind, 10**9):
            continue  # 公安, 东风, 光泽: far more often an ordinary word than the county
        table.append((name, cities.pop(), kind))
    for r in rows:
        code = r["adcode"]
        if code[4:] == "0" * 8 and code[2:4] != "00" and city_of(code):
            table.append((code[:4], city_of(code), "code"))
    for code, name in MUNICIPALITIES.items():
        table.extend((code + d, name, "code") for d in ("01", "02"))
    return table


def main() -> None:
    from tsv_table import write_table

    write_table(build(Path(sys.argv[1])), "cn_divisions.tsv",
                "name\tcity\tkind — built by build_cn_divisions.py from cpca's adcodes.csv (MIT)")


if __name__ == "__main__":
    main()
