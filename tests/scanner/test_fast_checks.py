"""The fast validators give the same answers as the libraries they stand in for."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest
from stdnum import iban as stdnum_iban
from stdnum import luhn as stdnum_luhn

from piiguard.scanner.detectors import checks, phones
from piiguard.scanner.detectors.rule import words

pytestmark = pytest.mark.req("R6.3")


def _slow(number: str, region: str) -> bool:
    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(number, region)))
    except phonenumbers.NumberParseException:
        return False


def _digits(r: random.Random, n: int) -> str:
    return "".join(r.choice("0123456789") for _ in range(n))


def test_chinese_landlines_agree_with_phonenumbers() -> None:
    r = random.Random(11)
    areas = ["10", "21", "755", "757", "20", "571", "28", "371", "0", "00", ""]
    for _ in range(2000):
        area = r.choice(areas) if r.random() < 0.7 else _digits(r, r.choice([1, 2, 3]))
        number = "0" + area + _digits(r, r.choice([6, 7, 8, 9]))
        assert phones.cn_trunk(number) is _slow(number, "CN"), number


def test_north_american_numbers_agree_with_phonenumbers() -> None:
    r = random.Random(12)
    shapes = ["({}) {}-{}", "{}-{}-{}", "{}.{}.{}", "1-{}-{}-{}", "1 ({}) {}-{}"]
    for _ in range(2000):
        number = r.choice(shapes).format(_digits(r, 3), _digits(r, 3), _digits(r, 4))
        assert phones.national(number, "US", 1) is _slow(number, "US"), number


def test_international_numbers_agree_with_phonenumbers() -> None:
    r = random.Random(13)
    codes = list(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
    for _ in range(2000):
        code = str(r.choice(codes)) if r.random() < 0.8 else "1" + _digits(r, r.choice([0, 1, 2]))
        groups = " ".join(_digits(r, r.choice([1, 2, 3, 4])) for _ in range(r.choice([2, 3, 4])))
        number = "+" + code + r.choice([" ", "-", ""]) + ("(0)" if r.random() < 0.2 else "")
        number += groups
        assert phones.international(number) is _slow(number, "ZZ"), number


def test_example_numbers_of_every_region_agree_with_phonenumbers() -> None:
    r = random.Random(14)
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in kinds:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            nsn = phonenumbers.national_significant_number(example)
            for _ in range(3):
                varied = nsn[:-3] + _digits(r, 3)
                number = f"+{example.country_code} {varied[:3]} {varied[3:]}"
                assert phones.international(number) is _slow(number, "ZZ"), number


def test_luhn_agrees_with_stdnum() -> None:
    r = random.Random(15)
    for _ in range(5000):
        number = _digits(r, r.randint(2, 20))
        assert checks.luhn(number) is stdnum_luhn.is_valid(number), number


def test_iban_pre_check_rejects_only_what_stdnum_rejects() -> None:
    r = random.Random(16)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    valid = 0
    for _ in range(6000):
        country = r.choice(["DE", "GB", "NL", "CH", "AT", "FR", "SO", "BE", "ES", "NO", "XX"])
        if r.random() < 0.5:  # the registry's shape for the country, so that many are valid
            shape = {"DE": "n" * 18, "GB": "aaaa" + "n" * 14, "NL": "aaaa" + "n" * 10}
            pools = {"n": "0123456789", "a": letters}
            body = "".join(r.choice(pools[k]) for k in shape.get(country, "n" * 16))
        else:
            body = "".join(r.choice(letters + "0123456789") for _ in range(r.randint(10, 26)))
        check = f"{98 - int((body + country + '00').translate(_numbers())) % 97:02d}"
        for value in (country + check + body, country + _digits(r, 2) + body):
            expected = bool(stdnum_iban.is_valid(value))
            valid += expected
            assert checks.iban(value) is expected, value
    assert valid > 500


def _numbers() -> dict[int, str]:
    return {ord(c): str(ord(c) - 55) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def test_context_words_rewritten_without_leading_boundary_match_the_same() -> None:
    r = random.Random(17)
    alternatives = [r"\bID\b", r"\btel\b", "phone", r"\blat", "地址", r"\bv", r"\bver\.?"]
    plain = re.compile("|".join(alternatives), re.IGNORECASE)
    fast = words(*alternatives)
    alphabet = "vVeErRiIdDtTlLaA .:/-_1éß中地址\n"
    for _ in range(20000):
        text = "".join(r.choice(alphabet) for _ in range(r.randint(1, 30)))
        lo = r.randint(0, len(text))
        hi = r.randint(lo, len(text))
        a, b = plain.search(text, lo, hi), fast.search(text, lo, hi)
        assert (a and a.span()) == (b and b.span()), (text, lo, hi)
