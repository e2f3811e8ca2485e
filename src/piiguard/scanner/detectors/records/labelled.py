"""A label, then a few words of instruction or change, then the value: `出生日期请按身份证填写：
1986-10-10`, `收款账号已变更为 6222 0212 3456 7890 123`, `生日是1990年5月3日`. The label says
what the value is as surely as when the value follows it straight (context.py's form
labels); the words between are a clause of Chinese characters only (no punctuation: a
sentence that went on is something else), ending in a colon, 为 or 是. The value is held
to the label's meaning (fields.classify); a login's 账号 is no bank account (登录账号)."""

from __future__ import annotations

import re
from collections.abc import Callable

from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.vocabulary import zh_excluded

# (a bare 账号 is as often a login's: only a bank's or a payee's account here)
_LABELS = "出生日期|出生年月|生日|收款账号|收款账户|银行账号|银行帐号|银行账户|收款帐号"
# The words between: an instruction or a change (请按身份证填写, 已变更为), not another
# label's noun (账号锁定时间：… is a time).
_ACT = "请|按|填|写|变更|更改|改|更新|修改|应|须|需"
_CJK = "[\u4e00-\u9fff]"
LABELLED = re.compile(
    rf"(?P<label>{_LABELS})(?:{_CJK}{{0,6}}?(?:{_ACT}){_CJK}{{0,6}}?)?"
    r"(?:[：:]|[为是])[ \t]*(?=\d)"
)
_CLAUSE_END = re.compile(r"[。，,；;！!？?\r\n（(]")


def _labelled(m: re.Match[str], text: str) -> Hit | None:
    meaning = fields.meaning_of(m.group("label"))
    if meaning is None or (m.end() == m.end("label") + 1 and text[m.end("label")] in "：:"):
        return None  # (a label and its colon: the form label rules' own)
    if zh_excluded(text[max(0, m.start() - 4) : m.start()], meaning):
        return None
    stop = _CLAUSE_END.search(text, m.end(), m.end() + 48)
    region = text[m.end() : stop.start() if stop else min(len(text), m.end() + 48)]
    found = fields.classify(meaning, region)
    if found is None or found[0] == fields.NOT_PERSONAL:
        return None
    kind, start, end, confidence = found
    a, b = m.end() + start, m.end() + end
    return Hit(kind, a, b, text[a:b], confidence, Validator.CONTEXT)


# A password said in a sentence: `wifi密码是 Hk#2026spring`, `初始密码为 Abc@12345` — the
# label, 是 or 为, and a value of ASCII (a word or a question after 是 is no password).
_SECRET_SAID = re.compile(r"(?:密码|口令)(?:是|为)[ \t]*(?=[\x21-\x7e])")
# A birth date said in English: `my DOB is 22/04/2003`, `date of birth was 1 May 1990`.
_BIRTH_SAID = re.compile(
    r"\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|birthday)[ \t]+(?:is|was)[ \t]+(?=\w)",
    re.IGNORECASE,
)


_SAID_END = re.compile(r"[。，；;！!？?\r\n]")  # (not ",": Jan 22, 1980)

# … and in English: `the wifi pwd for the showroom is Qwe#vTjJTMrS`, `password was Hk#2026spring`
# — the value ASCII, 8 characters or more, of two kinds at least of small letters, capitals,
# digits and signs (`the password is incorrect`, `… is required`, `… is 12345678` stay quiet).
_SECRET_SAID_EN = re.compile(
    r"\b(?:password|passwd|pwd|passcode|pass code|passphrase)"
    r"(?:[ \t]+for[ \t]+[A-Za-z0-9' \-]{1,30}?)?[ \t]+(?:is|was)[ \t]+(?=[\x21-\x7e])",
    re.IGNORECASE,
)
_SAID_VALUE = re.compile(r"[\x21-\x7e]{8,64}?(?=[.,;:!?)]?(?:\s|$))")
_KINDS = (re.compile("[a-z]"), re.compile("[A-Z]"), re.compile("[0-9]"), re.compile("[^A-Za-z0-9]"))


def _secret_said_en(m: re.Match[str], text: str) -> Hit | None:
    value = _SAID_VALUE.match(text, m.end())
    said = "" if value is None else value.group().rstrip(".,;:!?)")  # (`… is expired.`)
    if value is None or len(said) < 8 or sum(1 for k in _KINDS if k.search(said)) < 2:
        return None
    return Hit("secret", value.start(), value.end(), value.group(), 0.85, Validator.CONTEXT)


def _said(meaning: str) -> Callable[[re.Match[str], str], Hit | None]:
    def check(m: re.Match[str], text: str) -> Hit | None:
        stop = _SAID_END.search(text, m.end(), m.end() + 64)
        region = text[m.end() : stop.start() if stop else min(len(text), m.end() + 64)]
        found = fields.classify(meaning, region)
        if found is None:
            return None
        kind, start, end, confidence = found
        a, b = m.end() + start, m.end() + end
        return Hit(kind, a, b, text[a:b], confidence, Validator.CONTEXT)

    return check


RULES = (
    Rule(
        "secret_said",
        (),
        _SECRET_SAID,
        _said(fields.SECRET),
        utf8=(r"(?:密码|口令)(?:是|为)[ \t]*[\x21-\x7e]",),
    ),
    Rule(
        "secret_said_en",
        (
            r"(?:^|[^A-Za-z])(?:password|passwd|pwd|passcode|pass code|passphrase)"
            r"(?:[ \t]+for[ \t]+[A-Za-z0-9' \-]+)?[ \t]+(?:is|was)[ \t]+[\x21-\x7e]",
        ),
        _SECRET_SAID_EN,
        _secret_said_en,
        lead=True,
        caseless=True,
    ),
    Rule(
        "birth_said",
        (
            r"(?:^|[^A-Za-z])(?:DOB|D\.O\.B\.?|date of birth|birth ?date|birthday)"
            r"[ \t]+(?:is|was)[ \t]",
        ),
        _BIRTH_SAID,
        _said(fields.DOB),
        lead=True,
        caseless=True,
    ),
    Rule(
        "zh_label_clause",
        (),
        LABELLED,
        _labelled,
        utf8=(rf"(?:{_LABELS})[\x{{4e00}}-\x{{9fff}}]{{0,10}}(?:[：:]|为|是)[ \t]*[0-9]",),
    ),
)
