"""A shared location: a chat message or a record tagged as a place (`[位置]`, `【位置】`,
`[Location]`, `位置：`), then the address and, on the same line or the next, the
`lat, lon` pair of the point shared. The tag says what the pair is, however far the address
between them runs (the coordinates rule looks only 24 characters back for its words).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_TAGS = r"\[位置\]|【位置】|\[定位\]|【定位】|\[地址位置\]|位置[:：]|定位[:：]"
TAG = re.compile(rf"{_TAGS}|\[(?i:location)\]|(?i:location)[:：]")
_PAIR = re.compile(
    r"(?<![\d.])[-+]?\d{1,2}\.\d{3,8}[ \t]*[,，][ \t]*[-+]?\d{1,3}\.\d{3,8}(?![\d.])"
)
_REACH = 2  # lines: the tag's own and the next


def _shared(m: re.Match[str], text: str) -> Hit | None:
    end = m.end()
    for _ in range(_REACH):
        nl = text.find("\n", end, end + 240)
        end = min(len(text), end + 240) if nl < 0 else nl + 1
    pair = _PAIR.search(text, m.end(), end)
    if pair is None:
        return None
    found = fields.classify(fields.COORDINATES, text, pair.start())
    if found is None or found[2] != pair.end():
        return None
    return Hit("coordinates", pair.start(), pair.end(), pair.group(), 0.9, Validator.CONTEXT)


RULES = (
    Rule(
        "location_share",
        (r"\[[Ll]ocation\]|[Ll]ocation:",),
        TAG,
        _shared,
        utf8=(_TAGS,),
    ),
)
