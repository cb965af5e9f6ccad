import pytest

from engine.avatars.portrait import build_portrait, region_of
from engine.avatars.vocab import age_band, match_interest


@pytest.mark.parametrize("label, theme, motif", [
    ("篮球", "sports", "basketball"), ("Basketball", "sports", "basketball"),
    ("猫咪", "animals", "cat"), ("road trip", "travel", "suitcase"), ("摄影", "art", "camera"),
    ("I love hiking in the alps", "travel", "mountain"), ("gaming", "games", None),
])
def test_interest_labels_map_to_theme_and_motif(label, theme, motif):
    assert match_interest(label) == (theme, motif)


def test_unknown_interest_is_kept_as_unmatched_and_adds_no_tag():
    p = build_portrait({"user_id": "u", "interests": ["quantum knitting"]})
    assert p.unmatched == ["quantum knitting"]
    assert not p.has_interests and not any(t.startswith("theme:") for t in p.tags)


def test_first_interest_weighs_most_and_decays_by_rank():
    p = build_portrait({"user_id": "u", "interests": ["piano", "coffee", "chess"]})
    assert p.tags["theme:music"] == 1.0
    assert p.tags["theme:music"] > p.tags["theme:food"] > p.tags["theme:games"]
    assert p.top(3) == ["theme:music", "theme:food", "motif:piano"]


def test_sources_combine_by_noisy_or_and_stay_below_one():
    p = build_portrait({"user_id": "u", "interests": ["cooking", "baking"],
                        "signature": "美食爱好者"})
    w = p.tags["theme:food"]
    assert 0.99 <= w <= 1.0
    assert len(p.sources["theme:food"]) == 3


@pytest.mark.parametrize("age, band", [(5, "child"), (12, "child"), (13, "teen"), (18, "young"),
                                       (29, "young"), (30, "adult"), (50, "senior"),
                                       (None, None), (-3, None), ("x", None), (300, None)])
def test_age_bands(age, band):
    assert age_band(age) == band


def test_directory_fields_and_activity():
    p = build_portrait({"user_id": "u", "age": 70, "city": "上海", "gender": "女", "activity": 12})
    assert p.tags == {"age:senior": 0.6, "region:cn": 0.3, "gender:female": 0.2,
                      "activity:high": 0.5}
    q = build_portrait({"user_id": "v", "city": "London", "activity": 0.1})
    assert q.tags == {"region:intl": 0.3, "activity:low": 0.5}
    assert region_of("") is None and region_of("Hong Kong") == "cn"


def test_profile_interests_are_weighted_by_confidence():
    p = build_portrait({"user_id": "u", "profile_interests": {"pets": 0.5, "photography": 1.0}})
    assert p.has_interests
    assert p.tags["theme:animals"] == pytest.approx(0.45)
    assert p.tags["theme:art"] == pytest.approx(0.9)


def test_chat_mentions_add_behaviour_tags_that_grow_with_evidence():
    once = build_portrait({"user_id": "u", "message_interests": {"篮球": 1}})
    often = build_portrait({"user_id": "u", "message_interests": {"篮球": 9}})
    assert once.tags["theme:sports"] == pytest.approx(0.3)
    assert often.tags["theme:sports"] == pytest.approx(0.7)
    assert once.has_interests and "message" in once.sources["theme:sports"][0]
