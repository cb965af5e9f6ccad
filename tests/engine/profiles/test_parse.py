"""parse.valid_in asks phonenumbers only after cheap tests (length, national-number patterns); the
answers must be phonenumbers' own."""
import random

import phonenumbers
import pytest

from engine.profiles import parse as P

REGIONS = ("SG", "HK", "MY", "TW", "AU", "NZ", "GB", "IE", "IN", "US", "CA", "PH", "CN", "JP", "KR", "NG", "KE",
           "ZA", "GH", "PK", "DE", "MO", "ID")


def _phonenumbers_says(digits: str, region: str) -> bool:
    """What valid_in answered before the pattern tests: a possible length for the region, then
    phonenumbers' parse and validity check."""
    lengths, trunk, code = P._lengths(region)
    n = len(digits)
    if not (n in lengths or (trunk and digits.startswith(trunk) and n - len(trunk) in lengths)
            or (digits.startswith(code) and n - len(code) in lengths)):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(digits, region))
    except phonenumbers.NumberParseException:
        return False


def _samples() -> list[str]:
    rng = random.Random(7)
    out = ["0412345678", "07700900123", "91234567", "0933222111", "13812345678", "4165550134", "00393508596275",
           "8860055917902", "600097489479", "0871234567", "021 427 3390".replace(" ", "")]
    for _ in range(1500):
        out.append("".join(rng.choice("0123456789") for _ in range(rng.randint(7, 13))))
        out.append(rng.choice(["0", "1", "60", "65", "44", "61", "852", "886", "86", "00"]) +
                   "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 11))))
    return out


@pytest.mark.parametrize("region", REGIONS)
def test_the_cheap_tests_before_phonenumbers_never_change_its_answer(region):
    samples = _samples()
    valid = 0
    for digits in samples:
        expected = _phonenumbers_says(digits, region)
        valid += expected
        assert P.valid_in.__wrapped__(digits, region) == expected, (digits, region)
    assert valid > 0  # the sample holds numbers valid in the region, not only ones the shortcut rejects
