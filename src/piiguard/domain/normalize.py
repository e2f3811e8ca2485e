"""Canonical forms of identifying values, so the blind index matches what people type.

`13812345678`, `138-1234-5678` and `+86 138 1234 5678` are one phone number; `A@B.cn` and
`a@b.cn ` one email address. Pure string work: the keyed hashing happens in adapters/vault.
"""

from __future__ import annotations

import re
import unicodedata

from piiguard.domain.taxonomy import Lookup

_NON_DIGIT = re.compile(r"[^0-9]")
_SEPARATORS = re.compile(r"[\s\-·./]")
_CN_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")


def normalize(lookup: Lookup, value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if lookup is Lookup.EMAIL:
        return text.casefold()
    if lookup is Lookup.PHONE:
        return _phone(text)
    if lookup is Lookup.IDENTIFIER:
        return _SEPARATORS.sub("", text).upper()
    return text


def _phone(text: str) -> str:
    head = text.lstrip("( ")  # "(+86) 138 ..." writes the country code in parentheses
    plus = head.startswith(("+", "00"))
    digits = _NON_DIGIT.sub("", text)
    if head.startswith("00"):
        digits = digits[2:]
    if plus:
        return "+" + digits
    if _CN_MOBILE.match(digits):
        return "+86" + digits
    if digits.startswith("0") and len(digits) >= 10:  # CN landline with trunk prefix, e.g. 0757
        return "+86" + digits[1:]
    return digits
