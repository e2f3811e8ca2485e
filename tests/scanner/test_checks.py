"""Validators with known valid and invalid numbers, cross-checked with python-stdnum."""

from __future__ import annotations

import random

import pytest
from stdnum.cn import ric
from stdnum.iso7064 import mod_11_2

from piiguard.scanner.detectors import checks, phones

pytestmark = pytest.mark.req("R5.5")

VALID_IDS = ["11010519491231002X", "440524198001010013", "310104198801016628"]
INVALID_IDS = [
    "110105194912310021",  # check character wrong
    "110105194913310024",  # month 13
    "990105194912310021",  # no such province
    "11010519491231002",  # too short
]


@pytest.mark.parametrize("number", VALID_IDS)
def test_valid_resident_ids_pass_and_agree_with_stdnum(number: str) -> None:
    assert checks.resident_id_18(number)
    assert mod_11_2.is_valid(number)


def test_stdnum_accepts_the_textbook_example() -> None:
    assert ric.is_valid(VALID_IDS[0])
    assert checks.resident_id_18(VALID_IDS[0])


@pytest.mark.parametrize("number", INVALID_IDS)
def test_invalid_resident_ids_fail(number: str) -> None:
    assert not checks.resident_id_18(number)


def test_check_character_matches_stdnum_on_many_numbers() -> None:
    for seq in range(0, 1000, 7):
        body = f"44030619900101{seq:03d}"
        assert checks.ric_check_char(body) == mod_11_2.calc_check_digit(body)


def test_old_fifteen_digit_form_needs_a_real_date() -> None:
    assert checks.resident_id_15("110105491231002")
    assert not checks.resident_id_15("110105491331002")


@pytest.mark.parametrize(
    "number",
    [
        "4111111111111111",
        "5500005555555559",
        "378282246310005",
        "6222021234567890128",
        "6212260200012345670",
    ],
)
def test_luhn_valid_card_numbers(number: str) -> None:
    assert checks.luhn(number)
    assert checks.card_issuer(number) is not None


@pytest.mark.parametrize("number", ["4111111111111112", "6222021234567890127", "1234567812345678"])
def test_luhn_invalid_or_unissued_numbers(number: str) -> None:
    assert not (checks.luhn(number) and checks.card_issuer(number))


def test_issuer_by_prefix_and_length() -> None:
    assert checks.card_issuer("6222021234567890128") == "unionpay"
    assert checks.card_issuer("378282246310005") == "amex"
    assert checks.card_issuer("5500005555555559") == "mastercard"
    assert checks.card_issuer("41111111111111") is None  # Visa has no 14-digit numbers


@pytest.mark.parametrize(
    "value", ["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606"]
)
def test_valid_ibans(value: str) -> None:
    assert checks.iban(value)


@pytest.mark.parametrize("value", ["DE89370400440532013001", "GB82WEST1234569876543"])
def test_invalid_ibans(value: str) -> None:
    assert not checks.iban(value)


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("192.168.1.20", True),
        ("8.8.8.8", True),
        ("256.1.1.1", False),
        ("01.2.3.4", False),
        ("0.0.0.0", False),  # noqa: S104 - a value to validate, not a bind
        ("1.2.3", False),
    ],
)
def test_ipv4_octets(value: str, ok: bool) -> None:
    assert checks.ipv4(value) is ok


@pytest.mark.parametrize(
    ("digits", "ok"),
    [("13812345678", True), ("19912345678", True), ("12012345678", False), ("1381234567", False)],
)
def test_chinese_mobile_ranges(digits: str, ok: bool) -> None:
    assert checks.cn_mobile(digits) is ok


def test_chinese_mobile_ranges_agree_with_phonenumbers_parse() -> None:
    """Every 5-digit range from 100 to 199 (a sample of each thousand): the fast path's answer
    is phonenumbers.parse + is_valid_number's (issue 18: off parse on the hot path)."""
    rng = random.Random(18)
    prefixes = [f"1{t:02d}{rng.randrange(100):02d}" for t in range(100) for _ in range(8)]
    for prefix in prefixes:
        probe = prefix + "000000"
        assert checks.cn_mobile(probe) is phones.parsed_valid(probe, "CN"), probe


def test_phone_normalised_to_e164() -> None:
    assert checks.e164("(0757) 8123 4567", "CN") == "+8675781234567"
    assert checks.e164("123", "CN") is None
