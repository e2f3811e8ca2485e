"""A location a chat shares, as its export writes it: WeChat's `[位置] 27.85,112.9`, a
`[Location] 22.54, 114.05` or `【定位】…` tag, then latitude and longitude.

The tag says what the numbers are, so they need not have the four decimals that coordinates
in running text are held to (formats.COORDINATES): a gazetteer's place is written as short as
it is exact (27.85,112.9). Both in range; the pair is reported as one value."""

from __future__ import annotations

import re

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

TAGS = "位置|定位|地理位置|共享位置|实时位置|Location|Live location|Pin"
SHARED = re.compile(
    rf"[\[【](?:{TAGS})[\]】][ \t]*"
    r"(?P<v>(?P<lat>[-+]?\d{1,2}\.\d{1,8})[ \t]*[,，][ \t]*(?P<lon>[-+]?\d{1,3}\.\d{1,8}))"
    r"(?![\d.])",
    re.IGNORECASE,
)


def _shared(m: re.Match[str], text: str) -> Hit | None:
    lat, lon = float(m.group("lat")), float(m.group("lon"))
    if abs(lat) > 90 or abs(lon) > 180 or lat == lon == 0:
        return None
    start, end = m.span("v")
    return Hit("coordinates", start, end, m.group("v"), 0.9, Validator.CONTEXT)


RULES = (
    Rule(
        "shared_location",
        (r"\[(?:location|live location|pin)\]",),
        SHARED,
        _shared,
        utf8=(r"[\[【](?:位置|定位|地理位置|共享位置|实时位置)[\]】]",),
        caseless=True,
    ),
)
