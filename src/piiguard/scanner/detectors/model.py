"""What a detector reports: a typed span of text, how sure it is and what confirmed it."""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Validator(StrEnum):
    CHECKSUM = "checksum"  # Luhn, ISO 7064 MOD 11-2, IBAN mod 97
    FORMAT = "format"  # a structure that only this kind of value has (phone plan, octets)
    CONTEXT = "context"  # a format confirmed by words around it (出生, passport, 先生 ...)


class Hit(NamedTuple):
    """A span [start, end) of code points in the scanned text.

    A named tuple rather than a frozen dataclass: as immutable, and about four times cheaper
    to create, which counts at a hundred thousand hits per 5 MB.
    """

    type: str
    start: int
    end: int
    value: str
    confidence: float
    validator: Validator
