"""Validators of candidate values: checksums and formats. Pure functions of strings."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from operator import mul

from piiguard.scanner.detectors import phones

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
_RIC_OFFSET = 48 * sum(_RIC_WEIGHTS)
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
    if len(first17) != 17 or not (first17.isascii() and first17.isdigit()):
        raise ValueError("17 ASCII digits expected")
    # The byte values are the digits plus 48 each: subtract what the 48s add up to.
    total = sum(map(mul, first17.encode(), _RIC_WEIGHTS)) - _RIC_OFFSET
    return _RIC_CHECK[total % 11]


def resident_id_18(value: str) -> bool:
    """18-character resident ID: province code, a real birth date, the check character."""
    first17 = value[:17]
    if (
        len(value) != 18
        or not (first17.isascii() and first17.isdigit())
        or value[:2] not in CN_PROVINCE_CODES
    ):
        return False
    if not valid_date(int(value[6:10]), int(value[10:12]), int(value[12:14])):
        return False
    return ric_check_char(first17) == value[17].upper()


def resident_id_15(value: str) -> bool:
    """Old 15-digit form: no check digit, so only province code and birth date (19yy)."""
    return (
        len(value) == 15
        and value.isdigit()
        and value[:2] in CN_PROVINCE_CODES
        and valid_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    )


# Luhn doubles every second digit from the right: 0-9 become these digit sums.
_LUHN_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn(digits: str) -> bool:
    """The Luhn check of a string of ASCII digits (sums of byte values: no loop in Python)."""
    doubled = digits[-2::-2].translate(_LUHN_DOUBLED)
    total = sum(digits[-1::-2].encode()) + sum(doubled.encode()) - 48 * len(digits)
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


# IBAN mod 97: letters count as 10-35 (ISO 13616).
_IBAN_LETTERS = {ord(c): str(i) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ", start=10)}


_BBAN_CLASSES = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Za-z0-9]"}
# Country -> the BBAN's class at each position ("n", "a", "c"), or None where python-stdnum
# decides: _bban_structure as a table for the compiled fast path (native.py), filled as it runs.
IBAN_CLASSES: dict[str, str | None] = {}


@cache
def _bban_structure(country: str) -> re.Pattern[str] | None:
    """The BBAN pattern python-stdnum's IBAN registry gives this country ("8!n10!n" is eight
    digits then ten); None where stdnum has more to check (a country module) or no entry."""
    # python-stdnum is imported here, when the first IBAN-shaped value is checked: it costs
    # ~40 ms, a third of the scan command's start (docs/benchmarks.md, "CLI start")
    from stdnum import numdb  # noqa: PLC0415
    from stdnum.util import get_cc_module  # noqa: PLC0415

    IBAN_CLASSES[country] = None
    if get_cc_module(country.lower(), "iban") is not None:
        return None
    properties = numdb.get("iban").info(country)[0][1]
    if not properties:
        return None
    parts = re.findall(r"([1-9][0-9]*)!([nac])", properties.get("bban", ""))
    IBAN_CLASSES[country] = "".join(kind * int(count) for count, kind in parts)
    return re.compile("".join(f"{_BBAN_CLASSES[kind]}{{{count}}}" for count, kind in parts))


def iban(compact: str) -> bool:
    """python-stdnum's IBAN check (mod 97, the registry's structure for the country, country
    rules), with the mod 97 in integer arithmetic and the structure cached per country."""
    if len(compact) > 4 and compact.isascii() and compact.isalnum():
        number = compact.upper()
        if int((number[4:] + number[:4]).translate(_IBAN_LETTERS)) % 97 != 1:
            return False
        structure = _bban_structure(number[:2])
        if structure is not None:
            return structure.fullmatch(number[4:]) is not None
    from stdnum import iban as stdnum_iban  # noqa: PLC0415 - see _bban_structure

    return bool(stdnum_iban.is_valid(compact))


_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4 = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")


def ipv4(value: str) -> bool:
    """Four dotted octets of ASCII digits, each at most 255 and without a leading zero."""
    return _IPV4.fullmatch(value) is not None and value not in ("0.0.0.0", "255.255.255.255")  # noqa: S104


def cn_mobile(digits: str) -> bool:
    """An 11-digit Chinese mobile number in an allocated range (phonenumbers metadata).

    Ranges are allocated by the first five digits; the probe keeps those and zeroes the rest,
    so the cache stays small however many numbers a file holds.
    """
    # phones.national: phonenumbers' answer from its metadata's compiled pattern, without
    # phonenumbers.parse (50 µs a probe; a few thousand prefixes in a 5 MB scan)
    return len(digits) == 11 and phones.national(digits[:5] + "000000", "CN", 86)


def phone_in_region(number: str, region: str) -> bool:
    """Any number valid in the phonenumbers plan of `region` (or international with +)."""
    return phones.parsed_valid(number, region)


def e164(number: str, region: str) -> str | None:
    phonenumbers = phones.library()
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
