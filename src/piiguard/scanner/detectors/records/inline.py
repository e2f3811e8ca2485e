"""A Chinese name inside an English sentence, after a word that takes a person: `As
discussed with <b>邱新春</b>, please …`, `please ask 王伟 for the invoice`, `cc 卫阳`. The run
of Chinese characters stands alone in the Latin text (perhaps in an inline tag) and is a
name, whole, held to the character model (a place or a company written in Chinese is not).
"""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

# (words that take a person, not a place: "from 南海", "to 高明" are districts)
_BEFORE = (
    "with|contact|ask|call|cc|thank|thanks|colleague|engineer|manager|mr|ms|mrs|dr|dear|"
    "hi|hello|attn|inform|tell|told|met|meet"
)
_TAG = r"(?:<(?:b|strong|i|em|span|u)>)?"
INLINE = re.compile(
    rf"(?:{_BEFORE})\.?[ ]+{_TAG}(?P<v>[\u4e00-\u9fff]{{2,4}})(?=</?[a-z]|[ ,.;:!?)]|$)",
    re.IGNORECASE,
)


def _inline(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if fields.zh_name(value, strict=True) != (0, len(value)):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.75, Validator.CONTEXT)


RULES: tuple[Rule, ...] = (
    Rule(
        "inline_zh_name",
        (),
        INLINE,
        _inline,
        utf8=(rf"(?:^|[^A-Za-z])(?:{_BEFORE})\.? +{_TAG}[\x{{4e00}}-\x{{9fff}}]{{2}}",),
        lead=True,
        caseless=True,
    ),
)


# A Latin name after a role noun with its determiner (`our technician Jiazhuo Huo visited`,
# `Our driver Haihao Pan will`), or after a verb or a label whose object is a person
# (`Pls call Wai Hin asap`, `Thanks for meeting Qiang Tian`, `full name TAN Jin,`): the
# whole name, two words at least (one could be a product or a place).
_ROLES = "technician|engineer|driver|colleague|installer|courier"
# (cc'd on a mail: `Please cc Anna Patel on the quote`; a ticket booked in a name)
_VERBS = "call|meeting|met|[Ff]ull name|cc|[Bb]ooked for|[Rr]eserved for|[Tt]icketed for"
LATIN_AFTER = re.compile(rf"(?:(?:[Oo]ur|[Yy]our|[Tt]he|[Mm]y) (?:{_ROLES})|{_VERBS}) (?=[A-Z])")


def _latin_after(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.end(), single=False)
    if span is None:
        return None
    return Hit("person_name", *span, text[span[0] : span[1]], 0.75, Validator.CONTEXT)


RULES += (
    Rule(
        "inline_latin_name",
        (
            rf"(?:^|[^A-Za-z])(?:[Oo]ur|[Yy]our|[Tt]he|[Mm]y) (?:{_ROLES}) [A-Z]",
            rf"(?:^|[^A-Za-z])(?:{_VERBS}) [A-Z]",
        ),
        LATIN_AFTER,
        _latin_after,
        lead=True,
    ),
)


# A Latin name inside running Chinese, right before what the person does (`…碰头，Julia Novak
# 也来`, `车间Tom Reed到场`): after a Chinese character or punctuation, whole, two words at least.
_ACTS = "也来|也到|负责|跟进|到场|上门|已到场|已上门"  # (a person's acts, not a product's)
LATIN_IN_ZH = re.compile(
    rf"[\u3000-\u303f\u4e00-\u9fff\uff01-\uff1f](?P<v>[A-Z][a-z]+(?: [A-Z][a-z]+){{1,2}})"
    rf"(?=(?:{_ACTS})(?<!负责)|负责(?!人))"
)


def _latin_in_zh(m: re.Match[str], text: str) -> Hit | None:
    value = m.group("v")
    if fields.latin_name(value, single=False) != (0, len(value)):
        return None
    return Hit("person_name", m.start("v"), m.end("v"), value, 0.75, Validator.CONTEXT)


RULES += (
    Rule(
        "latin_in_zh",
        (),
        LATIN_IN_ZH,
        _latin_in_zh,
        utf8=(
            r"[\x{3000}-\x{303f}\x{4e00}-\x{9fff}\x{ff01}-\x{ff1f}][A-Z][a-z]+(?: [A-Z][a-z]+){1,2}"
            rf"(?:{_ACTS})",
        ),
    ),
)
