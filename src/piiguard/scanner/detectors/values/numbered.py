"""The values of fields that say card, national identity number, IBAN or bank account
(lexicon/numbered.py), held to what such a field holds as the world writes it (issue 18,
R2.7).

- A card field: any Luhn-valid number of 12 to 19 digits, grouped or not, whose first digit
  is a payment card's (1-6: ISO/IEC 7812's industries; not 8, a SIM's ICCID) — Maestro's 12
  digits (6759…, 5020…), the old JCB 15 (1800…, 2131…), 35… and 56… cards the issuer rules
  leave to a field. Not a valid Chinese resident ID (its own rule reports it).
- A national identity field: a US SSN (123-45-6789, area not 000, 666 or 9xx), a UK
  National Insurance number (AB 12 34 56 C), a Taiwan ID (A123456789), a Hong Kong ID
  (A123456(7)), a Singapore NRIC (S1234567D) → resident_id, as the taxonomy files every
  national identification number.
- An IBAN field: two letters, two check digits and 8-30 letters and digits that pass mod 97,
  whatever the registry says of the country's length (a system's IBANs as it wrote them).
- A bank account field: besides the digits fields.py reads, an account written with its
  bank's code (a BBAN: NWBK60161331926819, ABNA0417164300): capitals and at least eight
  digits.
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks

Found = tuple[str, int, int, float] | None

_CARD = re.compile(r"[0-6]\d{3}(?:[ -]?\d){8,15}(?![0-9A-Za-z@])")
# A card field's name that says bank card (银行卡, debit): a bank card, else a credit card.
_SSN = re.compile(r"(?!000|666|9)\d{3}([- ]?)(?!00)\d{2}\1(?!0000)\d{4}(?![0-9A-Za-z])")
_NINO = re.compile(r"[A-Z]{2} ?\d{2} ?\d{2} ?\d{2}(?: ?[A-Z])?(?![0-9A-Za-z])")
_TW_ID = re.compile(r"[A-Z][12]\d{8}(?![0-9A-Za-z])")
_HK_ID = re.compile(r"[A-Z]{1,2}\d{6}(?:\([0-9A]\)|[0-9A](?![0-9A-Za-z]))")
_HK_ID_BRACKETED = re.compile(r"[A-Z]{1,2}\d{6}\([0-9A]\)")
_SSN_DASHED = re.compile(r"(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![0-9A-Za-z])")
_NRIC = re.compile(r"[STFGM]\d{7}[A-Z](?![0-9A-Za-z])")
_IBAN = re.compile(r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]){8,30}(?![0-9A-Za-z])")
_BBAN = re.compile(r"[A-Z]{1,6}[ -]?\d(?:[ -]?[0-9A-Z]){7,30}(?![0-9A-Za-z@])")
# Taiwan's letters, A-Z, stand for 10-35 in this order (I, O, W … after the first ones)
_TW_LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO"


def card(value: str, pos: int, bank: bool = False) -> Found:
    m = _CARD.match(value, pos)
    if m is None:
        return None
    digits = m.group().replace(" ", "").replace("-", "")
    if not checks.luhn(digits) or len(set(digits)) < 3 or checks.resident_id_18(digits):
        return None
    return ("bank_card" if bank else "credit_card", m.start(), m.end(), 0.93)


def _tw_id(value: str) -> bool:
    n = 10 + _TW_LETTERS.index(value[0])
    weights = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
    digits = (n // 10, n % 10, *map(int, value[1:]))
    return sum(w * d for w, d in zip(weights, digits, strict=True)) % 10 == 0


def tw_id(value: str, pos: int) -> tuple[int, int] | None:
    """A Taiwan national ID with a valid check digit (one letter, 1 or 2, eight digits)."""
    m = _TW_ID.match(value, pos)
    return m.span() if m is not None and _tw_id(m.group()) else None


def national_id(value: str, pos: int) -> Found:
    span = tw_id(value, pos)
    if span is None:
        for shape in (_SSN, _NINO, _HK_ID, _NRIC, _TW_ID):
            m = shape.match(value, pos)
            if m is not None:
                span = m.span()
                break
    return None if span is None else ("resident_id", *span, 0.92)


def id_document(value: str, pos: int) -> Found:
    """A national identity number in an identity document's field (证件号码, id_no) where
    its shape cannot be a passport's: a Taiwan ID with its check digit, a US SSN with its
    dashes, a UK NI number, a Hong Kong ID with its bracketed check digit, an NRIC."""
    span = tw_id(value, pos)
    if span is None:
        for shape in (_SSN_DASHED, _NINO, _HK_ID_BRACKETED, _NRIC):
            m = shape.match(value, pos)
            if m is not None and not m.group().isalpha():
                span = m.span()
                break
    return None if span is None else ("resident_id", *span, 0.92)


def iban(value: str, pos: int) -> Found:
    """An IBAN's shape: the field vouches for it where its check digits fail (an account
    mistyped or made up by a test system is still written as someone's account)."""
    m = _IBAN.match(value, pos)
    if m is None or sum(c.isdigit() for c in m.group()) < 8:
        return None
    compact = m.group().replace(" ", "")
    number = compact[4:] + compact[:4]
    valid = int(number.translate({ord(c): str(ord(c) - 55) for c in set(number) if c.isalpha()}))
    return ("iban", m.start(), m.end(), 0.95 if valid % 97 == 1 else 0.9)


def bban(value: str, pos: int) -> Found:
    m = _BBAN.match(value, pos)
    if m is None:
        return None
    compact = re.sub(r"[ -]", "", m.group())
    digits = sum(c.isdigit() for c in compact)
    if digits < 8 or len(compact) - digits > 6 or len(compact) > 34 or checks.iban(compact):
        return None  # (a valid IBAN is the IBAN rule's)
    return ("bank_account", m.start(), m.end(), 0.98)
