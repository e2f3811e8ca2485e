"""Latin names where people address, thank, reach or mention one another, in chat and mail
written in Chinese as often as in English: `@Zhou Yutong can you check`, `Michael Brown，你好`,
`Sophie Laurent：` on a line of its own, `Thanks Kevin Zhang!`, `Called Jason, customer
says …`, and a signature's name over a line that is only a phone number. Each is held to
`fields.latin_name`, whole, with its stop words (a team, a label, a time word)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.conversation import COURTESY, LATIN_HS
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule

_LATIN_CHARS_UTF8 = r"A-Za-z'.\-\x{c0}-\x{17f}"
_LATIN_UTF8 = (
    rf"[A-Z][{_LATIN_CHARS_UTF8}]*(?:,? [A-Z\x{{c0}}-\x{{17f}}][{_LATIN_CHARS_UTF8}]*){{0,3}}"
)


def _name_hit(text: str, start: int, end: int, confidence: float) -> Hit:
    return Hit("person_name", start, end, text[start:end], confidence, Validator.CONTEXT)


# `@Zhou Yutong can you check`, `@Anna 明天能发货吗`: a Latin name mentioned in a chat. Not
# after a letter or a dot (an e-mail address); one word alone only where the message goes
# on after it on the same line (`@Override⏎` is a code annotation) and not a code word.
LATIN_MENTION = re.compile(r"@(?P<v>[A-Z])")
_CODE_WORDS = (
    "override deprecated test autowired inject component service entity bean data value "
    "param before after table column id query nullable nonnull transactional "
    "configuration controller repository mapping suppresswarnings functionalinterface"
)
_ANNOTATIONS = frozenset(_CODE_WORDS.split())


def _latin_mention(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.start("v"), single=True)
    if span is None:
        return None
    start, end = span
    value = text[start:end]
    if " " not in value and "," not in value:
        after = text[end : end + 2]
        if (
            value.lower() in _ANNOTATIONS
            or len(after) < 2
            or not (after[0] in " ，,:：" or "\u4e00" <= after[0] <= "\u9fff")
            or after[1] in "\r\n("
        ):
            return None
    return _name_hit(text, start, end, 0.75)


# A Latin name greeted in Chinese (`Michael Brown，你好`, `Lan，您好！`) or addressed on a
# line of its own with a full-width colon (`Sophie Laurent：`, a Chinese mail's salutation),
# and thanked (`Thanks Kevin Zhang!`, `Thanks Eva!`).
LATIN_ADDRESSED = re.compile(
    rf"[ \t>]*(?P<v>[A-Z][^\r\n，,：:!！]{{0,40}}?)[ \t]*(?:[，,：: ]?(?:{COURTESY})|：[ \t]*\r?\n)"
)
THANKS = re.compile(r"(?:Thanks|Thank you|Thx),? (?P<v>[A-Z])")


def _latin_whole(m: re.Match[str], text: str, single: bool = True) -> Hit | None:
    """The group `v` when it is a Latin name, whole (one word alone only when `single`)."""
    value = m.group("v")
    if fields.latin_name(value, 0, single=single) != (0, len(value)):
        return None
    return _name_hit(text, m.start("v"), m.end("v"), 0.75)


def _thanks(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.start("v"), single=True)
    if span is None or text[span[1] : span[1] + 1] not in ("!", "！", ",", "，", ".", "\n", "\r"):
        return None
    return _name_hit(text, *span, 0.75)


# A name on a line of its own over a line that is only a phone number: a signature block
# without a closing (`Stefan Fischer⏎13374339603`). Not a field's label over its value, a
# number's name ending in ID / No. / Number (`Driver ID⏎  510104…`, R2.7).
NAME_OVER_PHONE = re.compile(r"[ \t>]*(?P<v>[A-Z][^\r\n]{1,40}?)[ \t]*\r?\n")
_NUMBER_WORDS = frozenset(["id", "no", "no.", "nr", "nr.", "number", "num", "code", "ref"])


def _over_phone(m: re.Match[str], text: str) -> Hit | None:
    if m.group("v").rsplit(" ", 1)[-1].lower() in _NUMBER_WORDS:
        return None
    return _latin_whole(m, text, single=False)


# A signature's name on a line of its own over the writer's job title (`Xiao Fangjing⏎
# Logistics Coordinator`, `Eric Hu⏎Quality Engineer`).
_JOBS = (
    "Coordinator|Engineer|Manager|Supervisor|Director|Specialist|Assistant|Officer|"
    "Representative|Executive|Analyst|Buyer|Purchaser|Consultant|Technician|Accountant|Clerk"
)
NAME_OVER_TITLE = re.compile(r"[ \t>]*(?P<v>[A-Z][^\r\n]{1,40}?)[ \t]*\r?\n")


# A Latin name after a verb of reaching someone (`Called Jason, customer says`, `Emailed Hu
# Min about the refund`, `As discussed with …`, `ask for … at reception`) or a job title written
# as a title (`Engineer Maja Lind checked …`); one word alone only before a comma, a full stop
# or `to`/`about`/`and`.
REACHED = re.compile(
    r"(?:Called|Phoned|Rang|Emailed|E-mailed|Texted|Messaged|Contacted|Informed|Notified|"
    r"Reminded|Spoke (?:to|with)|Talked (?:to|with)|[Cc]olleague|[Dd]iscussed with|"
    r"[Aa]sk(?:ed)? for|Engineer|Technician|(?P<staff>Agent|Driver|Courier|Inspector)) (?P<v>[A-Z])"
)
_AFTER_ONE = re.compile(r"[,.;:!?]|\s*$| (?:to|about|and|back|again|re)\b")


def _reached(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.start("v"), single=True)
    if span is None:
        return None
    start, end = span
    if " " not in text[start:end] and (m.group("staff") or _AFTER_ONE.match(text, end) is None):
        return None  # (a ticket's `Agent Lena Ortiz: …`; not `Agent Notes:`)
    return _name_hit(text, start, end, 0.75)


# A log's act done for someone (`refund approved for Zhang Wei`, `password reset for
# customer Liu Yang`, `ticket opened for Sarah Tanaka (VIP)`): a name of two words or more,
# perhaps after the word for who they are, ending the clause.
_DONE = (
    "approved|rejected|declined|issued|processed|requested|created|opened|closed|resolved|"
    "scheduled|booked|confirmed|cancelled|canceled|reset|unlocked|locked|disabled|enabled|"
    "registered|renewed|refunded|completed|initiated|raised|generated|sent|shipped|"
    "dispatched|reserved|submitted|escalated|granted|revoked|activated|deactivated|verified|"
    "refund|invoice|ticket|booking|appointment|reminder|callback|quote|voucher|replacement"
)
_WHO = "customer|user|client|member|guest|patient|employee|buyer|tenant|caller|cardholder"
DONE_FOR = re.compile(rf"\b(?i:{_DONE}) for (?:(?:the )?(?i:{_WHO}) )?(?P<v>[A-Z])")
_CLAUSE_END = re.compile(
    r"[ \t]*(?:$|[\r\n,.;:!?)\]（(|]| (?:on|at|via|by|with|from|to|and|in|after|-|—|\d))"
)


# A time (scheduled for Monday Morning), not a person.
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "next"}
    | {"morning", "afternoon", "evening", "night", "noon", "tonight", "today", "tomorrow"}
    | {"week", "weekend", "month", "year", "january", "february", "march", "april", "may"}
    | {"june", "july", "august", "september", "october", "november", "december"}
)


def _done_for(m: re.Match[str], text: str) -> Hit | None:
    span = fields.latin_name(text, m.start("v"), single=False)
    if span is None or not _CLAUSE_END.match(text, span[1]):
        return None
    if _TIME_WORDS.intersection(text[span[0] : span[1]].lower().split()):
        return None
    return _name_hit(text, *span, 0.75)


RULES = (
    Rule(
        "done_for",
        (rf"(?:^|[^A-Za-z])(?:{_DONE}) for (?:(?:the )?(?:{_WHO}) )?[A-Z]",),
        DONE_FOR,
        _done_for,
        lead=True,
        caseless=True,
    ),
    Rule(
        "latin_mention",
        (r"(?:^|[^0-9A-Za-z_.\-+])@[A-Z][a-z]",),
        LATIN_MENTION,
        _latin_mention,
        lead=True,
    ),
    Rule(
        "latin_addressed",
        (rf"(?:^|\n)[ \t>]*{LATIN_HS}[ \t]*\?[ \t]*\r?\n",),
        LATIN_ADDRESSED,
        _latin_whole,
        utf8=(rf"(?:^|\n)[ \t>]*{_LATIN_UTF8}[，,：: ]?(?:{COURTESY})",),
        lead=True,
    ),
    Rule(
        "reached",
        (
            r"\b(?:Called|Phoned|Rang|Emailed|E-mailed|Texted|Messaged|Contacted|Informed|"
            r"Notified|Reminded|Spoke to|Spoke with|Talked to|Talked with|[Cc]olleague|"
            r"[Dd]iscussed with|[Aa]sk for|[Aa]sked for|Engineer|Technician|Agent|Driver|Courier|"
            r"Inspector) [A-Z][a-z]",
        ),
        REACHED,
        _reached,
    ),
    Rule("thanks", (r"\b(?:Thanks|Thank you|Thx),? [A-Z][a-z]",), THANKS, _thanks),
    Rule(
        "name_over_title",
        (
            rf"(?:^|\n)[ \t>]*{LATIN_HS}[ \t]*\r?\n[ \t>]*(?:[A-Z][A-Za-z&/\-]* ){{0,3}}"
            rf"(?:{_JOBS})(?:[ \t]*\r?\n|$)",
        ),
        NAME_OVER_TITLE,
        lambda m, text: _latin_whole(m, text, single=False),
        lead=True,
    ),
    Rule(
        "name_over_phone",
        (
            rf"(?:^|\n)[ \t>]*{LATIN_HS}[ \t]*\r?\n[ \t>]*(?:\+|\(\+?)?[0-9][0-9 ()\-]{{6,18}}"
            r"[0-9][ \t]*\r?(?:\n|$)",
        ),
        NAME_OVER_PHONE,
        _over_phone,
        lead=True,
    ),
)
