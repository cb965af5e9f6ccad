import json

import pytest

from engine.avatars.library import (SEED_FILE, build_library, format_tags, parse_tags, read_seed)
from engine.avatars.vocab import AGE_BANDS, STYLE_AGES, THEMES
from engine.errors import InputError


def test_library_has_200_distinct_pictures_over_every_theme_and_age_band():
    pics = build_library()
    assert len(pics) >= 200
    assert len({p.id for p in pics}) == len(pics)
    assert {p.theme for p in pics} == set(THEMES)
    for band, _lo, _hi in AGE_BANDS:
        assert any(p.tags.get(f"age:{band}", 0) >= 0.7 for p in pics), band
    assert {p.style for p in pics} == set(STYLE_AGES)
    for p in pics:
        assert p.tags[f"theme:{p.theme}"] == 1.0
        assert any(t.startswith("motif:") for t in p.tags)


def test_shipped_seed_matches_the_generator():
    """resources/avatars/library.json must be regenerated when motifs change."""
    shipped = read_seed()
    built = build_library()
    assert [p.id for p in shipped] == [p.id for p in built]
    assert [p.spec for p in shipped] == [json.loads(json.dumps(p.spec)) for p in built]
    assert [p.tags for p in shipped] == [parse_tags(format_tags(p.tags)) for p in built]


def test_tag_text_round_trips_and_bad_tags_are_named():
    tags = parse_tags("theme:animals, motif:cat=0.5 ; age:child=1")
    assert tags == {"theme:animals": 1.0, "motif:cat": 0.5, "age:child": 1.0}
    assert parse_tags(format_tags(tags)) == tags
    for bad in ("cat", "theme:animals=2", "motif:cat=x", "theme:"):
        with pytest.raises(InputError) as err:
            parse_tags(bad, place="picture p1 tags")
        assert "picture p1 tags" in str(err.value)


def test_corrupt_seed_file_is_an_input_error(tmp_path):
    bad = tmp_path / "library.json"
    bad.write_text("{nope", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_seed(bad)
    assert str(bad) in str(err.value)
    assert SEED_FILE.exists()
