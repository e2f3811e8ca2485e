"""Names in an address book's or a calendar's records, by their property names (RFC 6350
vCard, RFC 5545 iCalendar): `FN:高华婷`, `N:Young;Michael;;;` (family; given; additional
names), a phonetic name (`X-PHONETIC:Huating Gao`, `X-PHONETIC-FIRST-NAME`), and the common
name of a meeting's organizer and attendees (`ATTENDEE;ROLE=REQ-PARTICIPANT;CN="罗慧永":mailto:
…`, `ORGANIZER;CN=Nancy Fernández:mailto:…`). Each value is held to what a name field holds
(fields.classify), whole: a company's formatted name (`FN:佛山市恒鑫五金制品厂`) is none."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.tables import cell_hit

_PARAMS = r"(?:;[^:\r\n]*)?"  # a property's parameters: ;TYPE=…;CHARSET=UTF-8
CARD_NAME = re.compile(
    rf"(?P<p>FN|N|X-PHONETIC(?:-[A-Z]+)*){_PARAMS}:(?P<v>[^\r\n]+)", re.IGNORECASE
)
CALENDAR_NAME = re.compile(
    r"(?:ORGANIZER|ATTENDEE)(?:;[^:\r\n]*?)?;CN=(?P<q>\"?)(?P<v>[^\";:\r\n]+)(?P=q)[;:]",
    re.IGNORECASE,
)


def _whole(meaning: str, text: str, start: int, end: int) -> Hit | None:
    found = cell_hit(meaning, text, start, end)  # a name field's value: the name, whole
    return found if found is not None and found.type == "person_name" else None


def _card_name(m: re.Match[str], text: str) -> list[Hit]:
    start, end = m.span("v")
    if m.group("p").upper() != "N":
        found = _whole(fields.NAME, text, start, end)
        return [] if found is None else [found]
    # N: family;given;additional;prefixes;suffixes — the names, each on its own
    if ";" not in m.group("v"):
        return []  # `N: 12` is no structured name
    out: list[Hit] = []
    for component in m.group("v").split(";")[:3]:
        if component.strip():
            found = _whole(fields.NAME_PART, text, start, start + len(component))
            if found is not None:
                out.append(found)
        start += len(component) + 1
    return out


def _calendar_name(m: re.Match[str], text: str) -> list[Hit]:
    found = _whole(fields.NAME, text, *m.span("v"))
    return [] if found is None else [found]


RULES = (
    Rule(
        "card_name",
        (r"(?:^|\n)(?:FN|N|X-PHONETIC[A-Za-z\-]*)(?:;[^:\r\n]*)?:",),
        CARD_NAME,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_card_name,
    ),
    Rule(
        "calendar_name",
        (r"(?:^|\n)(?:ORGANIZER|ATTENDEE)[;:]",),
        CALENDAR_NAME,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_calendar_name,
    ),
)
