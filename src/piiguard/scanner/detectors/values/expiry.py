"""A payment card's number as cards are printed and dumped: the number, then its expiry
(`5020 0397 9932 03/31`, `213135457253877 12/28`, `6759511637230 Exp: 09/27`; Faker's
credit_card_full, a receipt, a card-on-file note) — a Luhn-valid number of 12 to 19 digits
that the issuer rules (numbers.py) leave alone because no issuer they know takes its prefix
and length: Maestro's 12 to 19 digits, the old JCB 15 (1800, 2131), cards of 35… and 56…
(issue 18, R2.7). The expiry vouches for it as a card field does (values/numbered.py)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import NOT_ALNUM, Rule

_EXPIRY = (
    r"(?:(?:exp(?:iry|ires)?|valid thru|valid through)[:.]?[ \t]*)?(?:0[1-9]|1[0-2])/(?:20)?\d\d"
)
PATTERN = re.compile(
    rf"[0-6]\d{{3}}(?:[ -]?\d){{8,15}}(?=[ \t]{{1,3}}{_EXPIRY}(?![0-9/]))", re.IGNORECASE
)


def _card(m: re.Match[str], text: str) -> Hit | None:
    digits = m.group().replace(" ", "").replace("-", "")
    if not checks.luhn(digits) or len(set(digits)) < 3 or checks.resident_id_18(digits):
        return None
    return Hit("credit_card", m.start(), m.end(), m.group(), 0.93, Validator.CHECKSUM)


RULES = (
    Rule(
        "card_expiry",
        (rf"{NOT_ALNUM}[0-6]\d{{3}}(?:[ \-]?\d){{8,15}}[ \t]{{1,3}}{_EXPIRY}",),
        PATTERN,
        _card,
        lead=True,
        caseless=True,
    ),
)
