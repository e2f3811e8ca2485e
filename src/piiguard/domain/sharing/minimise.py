"""What a minimisation profile does to a value (R3.1): whole, masked, hashed with the
recipient's own key, a date of birth as its year, an address as its city. Pure: the keyed
hash is passed in (the vault's, adapters), so the domain holds no key."""

from __future__ import annotations

import re
from collections.abc import Callable

from piiguard.domain.sharing.register import Treatment

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CN_CITY = re.compile(r"^(?:[^省市]{2,8}省)?([^省市]{1,8}市)")
_POSTCODE = re.compile(r"\b[0-9A-Z]{3,10}(?:[- ][0-9A-Z]{3,4})?\b")


def mask(value: str) -> str:
    """Keep the first and last character (the domain of an e-mail address whole)."""
    local, at, domain = value.partition("@")
    if at:
        return mask(local) + "@" + domain
    if len(value) <= 2:
        return "*" * len(value)
    return value[0] + "*" * (len(value) - 2) + value[-1]


def birth_year(value: str) -> str:
    """1990-05-17, 17.05.1990, 1990年5月17日 -> 1990; '' when no year can be read."""
    m = _YEAR.search(value)
    return m.group(1) if m else ""


def city(value: str) -> str:
    """An address as its city: a Chinese address up to its 市 (after the province), a
    comma-separated one as the segment before the country, without its postal code;
    '' when no city can be read (then nothing of the address goes out)."""
    text = value.strip()
    m = _CN_CITY.match(text.replace(" ", ""))
    if m:
        return m.group(1)
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 3:  # a street and a town at least, and the country
        return ""
    town = _POSTCODE.sub("", parts[-2]).strip()
    return town if town and not any(ch.isdigit() for ch in town) else ""


def apply(treatment: Treatment, value: str, keyed_hash: Callable[[str], str]) -> str:
    """The value as the recipient receives it."""
    match treatment:
        case Treatment.WHOLE:
            return value
        case Treatment.MASKED:
            return mask(value)
        case Treatment.HASHED:
            return keyed_hash(value)
        case Treatment.BIRTH_YEAR:
            return birth_year(value)
        case Treatment.CITY:
            return city(value)
