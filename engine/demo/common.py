"""Shared helpers for demo parts: the fixed clock, names, bulk inserts."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import insert

DEMO_EPOCH = datetime(2026, 10, 1, tzinfo=timezone.utc)

CN_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
CN_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
            "明", "超", "秀英", "霞", "平", "刚", "桂英", "子涵", "欣怡", "梓轩", "浩然", "一诺",
            "宇轩", "思远", "雨桐", "佳怡", "俊杰", "晓东", "海燕", "建华", "文博", "嘉怡", "梦琪"]
EN_FIRST = ["James", "Mary", "John", "Linda", "Michael", "Sarah", "David", "Emma", "Daniel",
            "Olivia", "Lucas", "Sophia", "Ethan", "Mia", "Noah", "Chloe", "Liam", "Grace",
            "Henry", "Ava", "Jack", "Lily", "Ryan", "Zoe", "Kevin", "Amy", "Tom", "Nina"]
EN_LAST = ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Lee", "Walker", "Hall", "Young",
           "King", "Wright", "Green", "Baker", "Chen", "Wong", "Patel", "Miller", "Clark"]
CN_CITIES = ["北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆",
             "苏州", "天津", "长沙", "郑州", "青岛", "厦门"]
EN_CITIES = ["Singapore", "London", "New York", "Sydney", "Toronto", "Vancouver",
             "Kuala Lumpur", "Hong Kong", "San Francisco", "Melbourne"]


def bulk_insert(session, model, rows: list[dict], chunk: int = 20_000) -> int:
    """executemany in chunks: one round trip per chunk, not per row."""
    for start in range(0, len(rows), chunk):
        session.execute(insert(model), rows[start:start + chunk])
    return len(rows)
