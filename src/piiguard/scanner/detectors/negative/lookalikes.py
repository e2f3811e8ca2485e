"""Look-alikes rejected by the words before them, where no field names them.

A field (`P/N: 13812345678`, `"version": "10.4.0.118"`) claims its value already
(context.py, fields.NOT_PERSONAL). In running text and lists the value is often a few words
away from what says it is a part or a version: `料号是 13567042288，上次发错成了 13567042289`,
`"materials": ["13524595712", "13524595713"]`, `固件先升到 6.1.3.204`, `Version of T&C:
3.2.1.0`. So:

- after a part, serial, order or batch word (料号, 物料编码, 零件, 序列号, serial, part, SKU,
  order …), the mobile- and resident-ID-shaped numbers on the rest of the line, up
  to 64 characters on and until a word that announces a phone or an ID (电话, 手机, 身份证,
  tel, mobile, ID …)
  or the next `key=` / `key:` field;
- after a version word (version, firmware, build, bootloader, 固件, 版本, 升级 …), the
  IPv4-shaped dotted quads in the same stretch;
- a dotted quad as a container image's tag (`registry/shop/app:4.18.2.7`);
- a mobile-shaped number glued to a code by a dash or underscore (`SKF-15887760021`);
- a Chinese 400/800 service number (`400-820-8820`, `+86 400 820 8820`): a company's
  hotline, never a person's.

Each claims the value with a NOT_PERSONAL hit, which outranks the phone or IP hit there.
The four cue rules run in C where the extension is built (scanner/_cues.c, with these words;
tests/scanner/test_native_many.py holds the two to the same claims).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.vocabulary import NOT_PERSONAL

REACH = 64  # characters after the cue word that it still speaks for
PART_EN = (
    "part|parts|p/n|pn|serial|serials|s/n|sn|sku|material|materials|model|imei|order|batch|"
    "lot|item|asset|revision|drawing|"  # (a drawing's number: The drawing no. is 1…)
    "bom"  # a bill of materials' number: update BOM 1…
)
PART_ZH = (
    "料号|物料|零件|型号|序列号|批号|批次|编码|条码|机身号|单号|订单|货号|资产|设备号|串号|"
    "备件|配件|主板"  # spare parts: 备件1938…已出库; a board replaced: 更换主板 1…
)
VERSION_EN = (
    "version|ver|v|firmware|fw|build|release|rev|bootloader|image|patch|sdk|upgrade|updated|"
    "upgraded|bumped|"
    "fixed in|fix in|introduced in"
)
VERSION_ZH = "固件|版本|升级|升到|补丁|发布"
# Words that announce a phone number: a part word before them no longer speaks.
PHONE_ZH = "电话|手机|联系|致电|拨打|热线|身份证|证件|回电|回拨|来电|微信"
PHONE_EN = "tel|phone|mobile|mob|call|contact|fax|id|id card|identity"
_PHONE = re.compile(rf"{PHONE_ZH}|\b(?:{PHONE_EN})\b", re.IGNORECASE)
# (A value that runs on into letters, "@" or a dash is part of something else: an e-mail
# address, a token.)
# ... and where the next field begins (`version=2.2.0 device_ip=120.229.18.54`).
_STOP = re.compile(  # (a full stop ends the sentence the cue is in)
    rf"{_PHONE.pattern}|。|[\s,;{{]\"?[A-Za-z_][\w.\-]*\"?[ \t]*[=:](?![:/])|&[A-Za-z_][\w.\-]*=",
    re.IGNORECASE,
)
_MOBILE = re.compile(  # (138-1234-5678 too) and 18-digit order numbers shaped like resident IDs
    r"(?<![0-9A-Za-z_\-])(?:1[3-9]\d(?:([ \-]?)\d{4}\1\d{4})|\d{17}[0-9X])(?![0-9A-Za-z@_\-])"
)
_QUAD = re.compile(r"(?<![0-9A-Za-z.])\d{1,3}(?:\.\d{1,3}){3}(?![0-9A-Za-z@]|\.\d)")
PART_CUE = re.compile(rf"\b(?:{PART_EN})\b|{PART_ZH}", re.IGNORECASE)
VERSION_CUE = re.compile(rf"\b(?:{VERSION_EN})\b|{VERSION_ZH}", re.IGNORECASE)


def _claim(text: str, start: int, end: int) -> Hit:
    return Hit(NOT_PERSONAL, start, end, text[start:end], 2.0, Validator.FORMAT)


def _stretch(text: str, pos: int) -> int:
    """Where the cue word at `pos` stops speaking: the line's end, REACH characters on, or
    a word that announces a phone number."""
    end = text.find("\n", pos, pos + REACH)
    end = min(len(text), pos + REACH) if end < 0 else end
    line = text.rfind("\n", 0, pos) + 1
    if max(text.rfind("(", line, pos), text.rfind("（", line, pos)) > max(
        text.rfind(")", line, pos), text.rfind("）", line, pos)
    ):  # a cue in brackets speaks until they close: `（料号 1841…），客户要求回电 1339…`
        close = min(
            (i for i in (text.find(")", pos, end), text.find("）", pos, end)) if i >= 0),
            default=end,
        )
        end = close
    stop = _STOP.search(text, pos, end)
    if stop is not None and stop.start() == pos and not _PHONE.search(stop.group()):
        stop = _STOP.search(text, stop.end(), end)  # the cue's own key: `Parts replaced: …`
    return end if stop is None else stop.start()


_CODE_TAIL = re.compile(r"[\-_][A-Za-z0-9]")
_KEY_VALUE = re.compile(r"=[\"']?[^\s&,;\"'<>]*")


def _after(value: re.Pattern[str]) -> Callable[[re.Match[str], str], list[Hit]]:
    def claims(m: re.Match[str], text: str) -> list[Hit]:
        if _CODE_TAIL.match(text, m.end()):
            return []  # the cue begins a code of its own (SKU-21861600): it names nothing after
        pair = _KEY_VALUE.match(text, m.end())
        # A cue that is a key (v=6.7.13.5183, sn=…) speaks for its value only: the next
        # field on a log line is something else (an IIS line's client address).
        stop = pair.end() if pair is not None else _stretch(text, m.end())
        return [_claim(text, *v.span()) for v in value.finditer(text, m.end(), stop)]

    return claims


_after_part = _after(_MOBILE)
_after_version = _after(_QUAD)

IMAGE_TAG = re.compile(r"/[A-Za-z0-9._\-]+:(?P<v>\d{1,3}(?:\.\d{1,3}){3})(?![0-9])")
GLUED = re.compile(r"[A-Za-z]{2,}[\-_](?P<v>1[3-9]\d{9}|\d{3}-\d{4}-\d{4})(?![0-9A-Za-z@_\-])")
_PHONE_LABEL = frozenset({"tel", "mob", "mobile", "phone", "cell", "fax", "hp"})
SERVICE = re.compile(r"(?:\+86[ \-]?)?(?P<v>[48]00[ \-]?\d{3}[ \-]?\d{4})(?![0-9])")


def _group(m: re.Match[str], text: str) -> Hit | None:
    return _claim(text, m.start("v"), m.end("v"))


def _glued(m: re.Match[str], text: str) -> Hit | None:
    """A code's letters before the number (SKF-1588…, ZJ-167-2218-7557), not a phone's
    label (Tel-138-…, MOB_138…)."""
    start = m.start()
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    if text[start : m.start("v") - 1].lower() in _PHONE_LABEL:
        return None
    return _group(m, text)


def _cue_hs(words: str) -> str:
    return "|".join(w.replace("/", "\\/") for w in words.split("|"))


RULES = (
    Rule(
        "part_cue",
        (rf"(?:^|[^A-Za-z])(?:{_cue_hs(PART_EN)})[^A-Za-z0-9]",),
        PART_CUE,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_after_part,
    ),
    Rule("part_cue_zh", (), PART_CUE, lambda m, text: None, utf8=(PART_ZH,), many=_after_part),
    Rule(
        "version_cue",
        (rf"(?:^|[^A-Za-z])(?:{_cue_hs(VERSION_EN)})[^A-Za-z]",),
        VERSION_CUE,
        lambda m, text: None,
        lead=True,
        caseless=True,
        many=_after_version,
    ),
    Rule(
        "version_cue_zh",
        (),
        VERSION_CUE,
        lambda m, text: None,
        utf8=(VERSION_ZH,),
        many=_after_version,
    ),
    Rule("image_tag", (r"/[A-Za-z0-9._\-]+:[0-9]",), IMAGE_TAG, _group),
    Rule("glued_code", (r"[A-Za-z][A-Za-z][\-_](?:1[3-9]|[0-9]{3}-)",), GLUED, _glued),
    Rule(
        "service_number",
        (r"(?:^|[^0-9])(?:\+86[ \-]?)?[48]00[ \-]?[0-9]",),
        SERVICE,
        _group,
        lead=True,
    ),
)
