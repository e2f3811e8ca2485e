"""Phone-number validity from phonenumbers' own metadata, without `phonenumbers.parse`.

`phonenumbers.is_valid_number(phonenumbers.parse(...))` costs 30-50 µs a number, most of it
in parsing (digit normalisation character by character) and in ten separate pattern tests.
For the shapes the phone rules extract (digits with spaces, dots, dashes, brackets), parsing
reduces to splitting off the country code; validity is then one compiled pattern per region
and length: the region's general pattern as a look-ahead, then any of the number-type
patterns that allow that length, exactly the test of `_number_type_helper`. Whatever does
not take the plain path (a national prefix to strip, an odd length) goes to phonenumbers
itself, so the answer is always phonenumbers' (tests/scanner/test_checks.py compares the two
on thousands of numbers).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from phonenumbers import PhoneMetadata


@cache
def library() -> ModuleType:
    """phonenumbers, imported the first time a candidate needs it (about 20-25 ms of a
    scan's start otherwise; a scan that meets no phone-shaped value never loads it)."""
    import phonenumbers  # noqa: PLC0415 - lazily, see above

    return phonenumbers


# The order of phonenumberutil._number_type_helper; mobile last, and only when its pattern
# is not the fixed-line one.
_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
    "mobile",
)
_MAX_NSN = 17  # phonenumberutil._MAX_LENGTH_FOR_NSN
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _parsed_valid(number: str, region: str) -> bool:
    phonenumbers = library()
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(parsed))


def parsed_valid(number: str, region: str) -> bool:
    """phonenumbers' own answer (slow; cached)."""
    return _parsed_valid(number, region)


@lru_cache(maxsize=4096)
def possible_international(number: str) -> bool:
    """`is_possible_number` of a "+" number: its country code exists and its national part
    has a length that country's numbers have (a range the metadata does not list yet, such
    as a new Hong Kong mobile block, is still someone's number)."""
    phonenumbers = library()
    try:
        parsed = phonenumbers.parse(number, "ZZ")
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_possible_number(parsed))


@cache
def _metadata(region: str) -> PhoneMetadata | None:
    metadata: PhoneMetadata | None = library().PhoneMetadata.metadata_for_region(region, None)
    return metadata


@cache
def _type_pattern(region: str, length: int) -> re.Pattern[str] | None:
    """One pattern saying whether a national number of this length has a known type."""
    metadata = _metadata(region)
    if metadata is None:
        return None
    general = metadata.general_desc
    if general is None or not general.national_number_pattern:
        return None
    if general.possible_length and length not in general.possible_length:
        return None
    alternatives = []
    for name in _TYPES:
        if name == "mobile" and metadata.same_mobile_and_fixed_line_pattern:
            continue
        desc = getattr(metadata, name)
        if desc is None or not desc.national_number_pattern:
            continue
        if desc.possible_length and length not in desc.possible_length:
            continue
        alternatives.append(f"(?:{desc.national_number_pattern})")
    if not alternatives:
        return None
    return re.compile(rf"(?=(?:{general.national_number_pattern})\Z)(?:{'|'.join(alternatives)})\Z")


def known_type(region: str, national: str) -> bool:
    """`_number_type_helper(national, metadata(region)) != UNKNOWN`."""
    pattern = _type_pattern(region, len(national))
    return pattern is not None and pattern.match(national) is not None


@cache
def _leading_digits(region: str) -> re.Pattern[str] | None:
    metadata = _metadata(region)
    if metadata is None or metadata.leading_digits is None:
        return None
    return re.compile(metadata.leading_digits)


def _regions(country_code: int) -> Any:
    """phonenumbers' regions of a country code (None: not a country code)."""
    return library().COUNTRY_CODE_TO_REGION_CODE.get(country_code)


def valid_number(country_code: int, national: str) -> bool:
    """`is_valid_number` of a number with this country code and national significant number:
    the region is chosen as `region_code_for_number` does."""
    regions = _regions(country_code)
    if not regions:
        return False
    if len(regions) == 1:
        return known_type(regions[0], national)
    for region in regions:
        if _metadata(region) is None:
            continue
        leading = _leading_digits(region)
        if leading is not None:
            if leading.match(national):
                return known_type(region, national)
        elif known_type(region, national):
            return True
    return False


@cache
def _strips(region: str) -> re.Pattern[str] | None:
    """The national prefix phonenumbers would try to strip when parsing in this region."""
    metadata = _metadata(region)
    prefix = None if metadata is None else metadata.national_prefix_for_parsing
    return re.compile(prefix) if prefix else None


@cache
def _possible_lengths(region: str) -> frozenset[int]:
    metadata = _metadata(region)
    general = None if metadata is None else metadata.general_desc
    return frozenset(() if general is None else general.possible_length)


def _plain_length(region: str, national: str) -> bool:
    return len(national) in _possible_lengths(region)


def international(raw: str) -> bool:
    """`is_valid_number(parse(raw, "ZZ"))` for "+" followed by digits and separators: the
    country code is the first one to three digits that are one (`_extract_country_code`)."""
    digits = "".join(_DIGITS.findall(raw))
    if digits[:1] not in ("", "0"):
        for size in (1, 2, 3):
            code = int(digits[:size])
            regions = _regions(code)
            if regions is None:
                continue
            rest = digits[size:]
            strip = _strips(regions[0])
            if (
                regions[0] != "001"  # non-geographic numbers: metadata by code, left to parse
                and 2 <= len(rest) <= _MAX_NSN
                and rest[0] != "0"
                and (strip is None or not strip.match(rest))
            ):
                return valid_number(code, rest)
            break
    return parsed_valid(raw, "ZZ")


def national(raw: str, region: str, country_code: int) -> bool:
    """`is_valid_number(parse(raw, region))` for digits and separators without "+": the plain
    case, a national number that begins with neither a national nor an international prefix
    nor the country code and has a possible length."""
    digits = "".join(_DIGITS.findall(raw))
    strip = _strips(region)
    if (
        digits
        and digits[0] != "0"
        and not digits.startswith(str(country_code))
        and (strip is None or not strip.match(digits))
        and _plain_length(region, digits)
    ):
        return valid_number(country_code, digits)
    return parsed_valid(raw, region)


@cache
def _general(region: str) -> re.Pattern[str] | None:
    metadata = _metadata(region)
    general = None if metadata is None else metadata.general_desc
    pattern = None if general is None else general.national_number_pattern
    return re.compile(pattern) if pattern else None


def cn_trunk(number: str) -> bool:
    """`is_valid_number(parse(number, "CN"))` for "0" + area code + subscriber number: the
    trunk prefix 0 is stripped when what remains is a possible, viable national number."""
    rest = number[1:]
    general = _general("CN")
    if (
        number[:1] == "0"
        and rest[:1] not in ("", "0")
        and _plain_length("CN", rest)
        and general is not None
        and general.fullmatch(rest)
    ):
        return valid_number(86, rest)
    return parsed_valid(number, "CN")
