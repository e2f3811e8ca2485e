"""Validators of candidate values: checksums and formats. Pure functions of strings."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import phonenumbers
from stdnum import iban as stdnum_iban

# GB/T 2260 province-level codes: the first two digits of a resident ID number.
CN_PROVINCE_CODES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
        "91",
    ]
)
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"
MIN_BIRTH_YEAR = 1900
MAX_BIRTH_YEAR = 2100


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return MIN_BIRTH_YEAR <= year <= MAX_BIRTH_YEAR


def ric_check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character of a Chinese resident ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _RIC_WEIGHTS, strict=True))
    return _RIC_CHECK[total % 11]


def resident_id_18(value: str) -> bool:
    """18-character resident ID: province code, a real birth date, the check character."""
    if len(value) != 18 or not value[:17].isdigit() or value[:2] not in CN_PROVINCE_CODES:
        return False
    if not valid_date(int(value[6:10]), int(value[10:12]), int(value[12:14])):
        return False
    return ric_check_char(value[:17]) == value[17].upper()


def resident_id_15(value: str) -> bool:
    """Old 15-digit form: no check digit, so only province code and birth date (19yy)."""
    return (
        len(value) == 15
        and value.isdigit()
        and value[:2] in CN_PROVINCE_CODES
        and valid_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    )


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def card_issuer(digits: str) -> str | None:  # noqa: PLR0911 - one return per scheme
    """The card scheme whose number plan admits these digits (prefix and length)."""
    n = len(digits)
    p2 = int(digits[:2])
    p4 = int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if (digits.startswith("6011") or p2 == 65 or 644 <= int(digits[:3]) <= 649) and 16 <= n <= 19:
        return "discover"
    if (p2 in (36, 38) or 300 <= int(digits[:3]) <= 305) and n in (14, 16):
        return "diners"
    return None


def iban(compact: str) -> bool:
    return bool(stdnum_iban.is_valid(compact))


def ipv4(value: str) -> bool:
    parts = value.split(".")
    if len(parts) != 4:
        return False
    for part in parts:
        if not part.isdigit() or (len(part) > 1 and part[0] == "0") or int(part) > 255:
            return False
    return value not in ("0.0.0.0", "255.255.255.255")  # noqa: S104 - not a bind address


@lru_cache(maxsize=4096)
def _phone_plan_valid(probe: str, region: str) -> bool:
    try:
        number = phonenumbers.parse(probe, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def cn_mobile(digits: str) -> bool:
    """An 11-digit Chinese mobile number in an allocated range (phonenumbers metadata).

    Ranges are allocated by the first five digits; the probe keeps those and zeroes the rest,
    so the cache stays small however many numbers a file holds.
    """
    return len(digits) == 11 and _phone_plan_valid(digits[:5] + "000000", "CN")


def phone_in_region(number: str, region: str) -> bool:
    """Any number valid in the phonenumbers plan of `region` (or international with +)."""
    return _phone_plan_valid(number, region)


def e164(number: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
