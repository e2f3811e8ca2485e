"""Names said beside what they go with, where no field names them:

- a Latin name someone gives as theirs in Chinese (`我是Cheryl Koh 嗯 电话是 …`, `我叫 Trần Minh
  Yến，`), held to fields.latin_name whole, two words at least (the Chinese names after 我是 and
  我叫 are records/named.py's);
- a name someone gives as theirs in English (`Hello, this is Tyler Palmer.`, `my name is Ana
  Lima and …`, `I'm Grace Wong from accounts`): two words at least, whole (fields.latin_name),
  then the sentence's sign or a word that goes on about the speaker (from, here, speaking);
- an IBAN's holder in brackets after it (`IBAN GB89 HSBC 6175 6496 5570 96 (Ou Lingbang)`,
  `NL25ABNA2517475157（王磊）`): the IBAN must pass its check, the name whole (a Chinese one
  held to the character model); a product, a branch or a note in brackets stays quiet."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks, fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

SELF = re.compile(r"(?:我是|我叫|本人)[ \t]*(?=[A-Z\u00c0-\u024f\u1ea0-\u1ef9])")
_END = re.compile(r"[ \t]|[，,。！!？?；;：:\r\n]|[\u4e00-\u9fff]|$")


def _self(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.end(), single=False)
    if span is None or not _END.match(text, span[1]):
        return None
    start, end = span
    return Hit("person_name", start, end, text[start:end], 0.75, Validator.CONTEXT)


SELF_EN = re.compile(
    r"(?<![A-Za-z])(?:[Tt]his is|[Mm]y name is|[Mm]y name's|I am|I'm|I’m)[ \t]+(?=[A-Z])"
)
_END_EN = re.compile(
    r"[.,;:!?)\r\n]|$|[ \t]+(?:from|here|speaking|calling|with|at|of|and|again)(?![A-Za-z])"
)


def _self_en(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.end(), single=False)
    if span is None or not _END_EN.match(text, span[1]):
        return None
    start, end = span
    return Hit("person_name", start, end, text[start:end], 0.75, Validator.CONTEXT)


_IBAN = r"[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]){11,30}"
HOLDER = re.compile(rf"(?P<iban>{_IBAN})[ \t]*[（(](?P<v>[^()（）\r\n]{{2,40}})[)）]")


def _holder(m: re.Match[str], text: str) -> Hit | None:
    if not checks.iban(m.group("iban").replace(" ", "")):
        return None
    value = m.group("v").strip()
    if "\u4e00" <= value[:1] <= "\u9fff":
        whole = fields.zh_name(value, strict=True) == (0, len(value))
    else:
        whole = fields.latin_name(value, single=False) == (0, len(value))
    if not whole:
        return None
    start = text.index(value, m.start("v"))
    return Hit("person_name", start, start + len(value), value, 0.75, Validator.CONTEXT)


RULES = (
    Rule("self_latin", (), SELF, _self, utf8=(r"(?:我是|我叫|本人)[ \t]*[A-Z\x{c0}-\x{24f}]",)),
    Rule(
        "self_latin_en",
        (r"(?:^|[^A-Za-z])(?:[Tt]his is|[Mm]y name is|[Mm]y name's|I am|I'm|I\?m)[ \t]+[A-Z]",),
        SELF_EN,
        _self_en,
        lead=True,
    ),
    Rule(
        "iban_holder",
        (r"(?:^|[^A-Za-z0-9])[A-Z]{2}[0-9]{2}[ A-Z0-9]+[(?][^()\r\n]+[)?]",),
        HOLDER,
        _holder,
        lead=True,
    ),
)
