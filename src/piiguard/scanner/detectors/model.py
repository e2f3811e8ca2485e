"""What a detector reports: a typed span of text, how sure it is and what confirmed it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Validator(StrEnum):
    CHECKSUM = "checksum"  # Luhn, ISO 7064 MOD 11-2, IBAN mod 97
    FORMAT = "format"  # a structure that only this kind of value has (phone plan, octets)
    CONTEXT = "context"  # a format confirmed by words around it (出生, passport, 先生 ...)


@dataclass(frozen=True, slots=True)
class Hit:
    """A span [start, end) of code points in the scanned text."""

    type: str
    start: int
    end: int
    value: str
    confidence: float
    validator: Validator
