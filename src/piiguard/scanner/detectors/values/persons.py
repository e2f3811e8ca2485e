"""The values of name fields: a Chinese name (a surname and given characters, or dotted
parts), a Latin-script name (capitalised words and family-name particles, not a company's or a
team's words), a first or last name alone. fields.py holds each field's value to these."""

from __future__ import annotations

import re
from collections.abc import Callable

from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    GIVEN_CHARS,
    NOT_NAMES,
    NOT_NAMES_ZH,
    SINGLE_SURNAMES,
)
from piiguard.scanner.detectors.native import NATIVE
from piiguard.scanner.detectors.words import COMPANY_FORM

_SURNAMES = frozenset(SINGLE_SURNAMES)
_COMPOUNDS = frozenset(COMPOUND_SURNAMES)
# Characters seldom in a given name: a run of them after a surname is a word, not a name.
_NOT_GIVEN = frozenset(
    "的了是在有与及或就都而把被让向从对于给到说会能要也还这那些个们么吗呢吧啊公司部门组室"
    "店厂局院所处系班区市省县村街号楼层单座期批次型号款件台套箱包份日分秒"
    "先女士姐经总监主管老师傅工程主任律医同学阿姨客户服务电话手机地址邮箱"
    "不没将已去位请您你我他她它总"
)
_ZH_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Latin letters with their accents (Gómez, Schäfer, Lindström, Ní Bhriain, Łukasz).
# Vietnamese adds the horned Ơ and Ư and the letters with two marks of Latin Extended
# Additional, capital and small in turn (Phạm Thị Hương, Đặng Ngọc Yến, Nguyễn Ái Quốc).
_VI_UP = "ƠƯ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA, 2))
_VI_LOW = "ơư" + "".join(chr(c) for c in range(0x1EA1, 0x1EFA, 2))
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ" + _VI_UP
_LOW = "a-zß-öø-ÿā-žſ" + _VI_LOW
_LATIN_WORD = (  # Sarah, O'Brien, McDonald, Mary-Jane, Chen-Martin, Al-Sayed, Smith-McCarthy, DUAN
    rf"(?:[{_UP}]['’])?[{_UP}][{_LOW}]+(?:[{_UP}][{_LOW}]+)?"
    rf"(?:['’\-][{_UP}]?[{_LOW}]+(?:[{_UP}][{_LOW}]+)?)*"
    rf"|[{_UP}]{{2,}}(?:['’\-][{_UP}]+)*"
)
# The particles of family names (van der Heyden, de la Fontaine, von Stein, bin Salman):
# lower-case words between (or, in a last-name field, before) the capitalised ones.
_PARTICLE = r"(?:van|von|der|den|de|del|della|di|da|do|dos|das|du|la|le|ter|ten|zu|bin|ibn|al|y)"
_LATIN_NAME = re.compile(
    rf"(?:{_PARTICLE} )*(?:{_LATIN_WORD})"
    rf"(?:(?:[ ]|,[ ]?)(?:{_PARTICLE} )*(?:{_LATIN_WORD})){{0,3}}"
)
_LEADING_PARTICLE = re.compile(rf"(?:{_PARTICLE} )+")


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


LATIN_STOP = NOT_NAMES | _words(
    "co ltd inc llc gmbh corp company group limited technology technologies team support "
    "ag kg pte pty plc bv nv spa sarl "
    "service center centre dept department office store shop factory plant system admin "
    "noreply no-reply reply info sales hr na n/a folks guys everybody world agent visitor "
    "ops lead engineer technician director officer specialist assistant consultant "
    "representative coordinator supervisor executive president analyst after-sales quality "
    "purchasing procurement logistics finance warehouse operations marketing "
    # the words of a company's name (Guangzhou Lianchuang Trading, Foshan Hengli Electric)
    "trading trade industrial industries industry electric electrical electronics "
    "electronic machinery mechanical manufacturing manufacturer hardware appliances "
    "appliance motors motor metal metals plastics plastic materials chemical chemicals "
    "holdings holding enterprise enterprises international imp exp import export "
    "components parts products solutions systems works tech packaging textile textiles "
    "bank branch university hospital school "
    # a Vietnamese company or department (Công ty TNHH …, Phòng Kế Toán, … JSC)
    "tnhh cty phòng jsc lighting "
    # a kinship in brackets after a contact's name (王芳 (Mother)); not Son (Sơn, a name)
    "mother father spouse wife husband daughter brother sister parent parents guardian "
    # a value's type in a log's parameter list (余美康(String), 1388…(String))
    "string integer boolean varchar bigdecimal "
    # words that label a time, as a chat line's speaker does (`Start Time 2024-02-12 10:11`)
    "time date at on login logon logout run build created updated modified printed "
    "generated sent received start end next last due issued expires expiry until since "
    "report timestamp backup sync shipped delivered ordered posted released opened closed "
    # and words that label a number on the line below (`Total Amount⏎13800138000`)
    "total amount number mobile fax hotline contact price balance invoice tracking code "
    "serial emergency call direct line cell home work main toll free whatsapp wechat "
    "hours update deadline shift "
    # events and rooms one meets at (Canton Fair, Meeting Room B)
    "fair expo exhibition conference summit forum show room hall booth "
    # and carriers that receive a parcel (received by SF Express)
    "express courier freight cargo shipping"
)
_PARTICLE_WORD = re.compile(_PARTICLE)


def _stop(word: str, field: bool = False) -> bool:
    """A word that is not part of a name ("Team", "Ltd"); "NA" is "not available", "Na"
    may be a name (Li Na). `field`: the value is a name field's, where the English words
    that are also syllables of Vietnamese and Cantonese names (Nguyen Thi An, To Minh Hieu,
    Chan Tai On) are a name's, capitalised (not `To` last: Ship To, Bill To)."""
    if field and word[:1].isupper() and word.lower() in SYLLABLE_STOPS:
        return False
    return word in {"NA", "na"} or (word != "Na" and word.lower() in LATIN_STOP)


# A word of a romanised Chinese or Vietnamese name: one or two syllables, each an initial,
# vowels and a final (Lam, Ka, Yan, Cheung, Tsang, Nguyen, Xiulan; not Office, Philips, Head).
_SYLLABLE = r"(?:[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|nh|n|m|p|t|k|h|r)?|ng|m)"
_ROMANISED = re.compile(rf"(?i:{_SYLLABLE}{{1,2}})")


def romanised(words: str) -> bool:
    """Whether every word (by blanks and hyphens) has the shape of a romanised syllable or
    two: the Latin writing of a Chinese name, word by word (Chan Tai Man, Lam Ka-yan)."""
    return all(_ROMANISED.fullmatch(w) for w in re.split(r"[ \-]", words))


# English stop words that are syllables of Asian names too (安 An, 杜 To / Đỗ, 安 On).
SYLLABLE_STOPS = frozenset(["an", "to", "on"])
# ... and words that are common English family names too (Hall, Booth, Price, Holder, Branch):
# last after a name's other words, capitalised, they are the family name (Exhibition Hall is
# none: its first word is a stop word still).
FAMILY_STOPS = frozenset(["hall", "booth", "price", "holder", "branch"])


# Names written in Chinese characters with a middle dot between their parts: Uyghur, Kazakh
# and foreign names (买买提·艾力, 阿依古丽·买买提, 迪丽热巴·阿不都) have no surname from the list.
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・‧][\u4e00-\u9fff]{1,8}){1,3}")


def zh_name_python(  # noqa: PLR0911 - the first test that refuses
    value: str, pos: int = 0, end: int | None = None, strict: bool = False
) -> tuple[int, int] | None:
    """The span of a Chinese name at value[pos:], a surname and one or two given characters,
    ending with the run of Chinese characters (or, in a longer run, after the given characters
    the model accepts). `strict`: every given character common in given names (GIVEN_CHARS)."""
    dotted = _DOTTED.match(value, pos)
    if dotted is not None and (end is None or dotted.end() <= end or end - pos >= 4):
        stop = dotted.end()
        if stop == len(value) or not "\u4e00" <= value[stop] <= "\u9fff":
            return pos, stop
    m = _ZH_NAME.match(value, pos, len(value) if end is None else end)
    if m is None:
        return None
    run = m.group()
    surname = 2 if run[:2] in _COMPOUNDS else 1 if run[0] in _SURNAMES else 0
    if not surname or len(run) <= surname:
        return None
    stop = pos + len(run)
    whole = stop == len(value) or not "\u4e00" <= value[stop] <= "\u9fff"
    if whole and len(run) <= surname + 2:
        given = run[surname:]
    else:  # the run goes on: take what reads as given-name characters
        given = run[surname : surname + 2]
        while given and given[-1] in _NOT_GIVEN:
            given = given[:-1]
    if not given or any(c in _NOT_GIVEN for c in given):
        return None
    if strict and not all(c in GIVEN_CHARS for c in given):
        return None  # nothing but the shape says it is a name: hold it to the model
    if value[pos : pos + surname + len(given)] in NOT_NAMES_ZH:
        return None
    return pos, pos + surname + len(given)


def _compiled_zh_name() -> Callable[..., tuple[int, int] | None]:
    """zh_name: the compiled one (_native.zh_name, the same answers: test_native.py) where
    built, else zh_name_python; it runs for every value of a name field (issue 18)."""
    if NATIVE is None:
        return zh_name_python
    NATIVE.configure_fields(
        surnames="".join(sorted(_SURNAMES)),
        given="".join(sorted(GIVEN_CHARS)),
        not_given="".join(sorted(_NOT_GIVEN)),
        compounds=_COMPOUNDS,
        not_names=frozenset(NOT_NAMES_ZH),
    )
    compiled: Callable[..., tuple[int, int] | None] = NATIVE.zh_name
    return compiled


zh_name = _compiled_zh_name()


def latin_name(
    value: str, pos: int = 0, single: bool = True, field: bool = False
) -> tuple[int, int] | None:
    """The span of a Latin-script name at value[pos:] ("Sarah Duan", "DUAN Sarah",
    "Duan, Sarah"); a lone word only when `single` (a first- or last-name field); `field`:
    the value of a name field (SYLLABLE_STOPS are name words there, _stop)."""
    m = _LATIN_NAME.match(value, pos)
    if m is None:
        return None
    lead = _LEADING_PARTICLE.match(m.group())
    if lead is not None and not single:
        return None  # "de la Torre" alone is a name only where the field says last name
    tokens = [t for t in re.split(r",? |,", m.group()) if not _PARTICLE_WORD.fullmatch(t)]
    family = len(tokens) > 1 and tokens[-1].istitle() and tokens[-1].lower() in FAMILY_STOPS
    while tokens and (_stop(tokens[-1], field) or (field and tokens[-1].lower() == "to")):
        if family:
            break  # (Paige Hall, Maria Price: the last word is the family name)
        tokens.pop()
    if not tokens or any(_stop(t, field) for t in tokens[: -1 if family else None]):
        return None
    if len(tokens) == 1 and not single and lead is None:
        return None
    end = m.end()
    after = value[end : end + 1]  # (Chinese may follow: 新同事Wong Ka Yan下周一入职)
    if after and ((after.isascii() and after.isalnum()) or after in "@_/-"):
        return None  # part of something else: a handle, a path, a product code (LH-AC-207)
    text = m.group()
    cut = 0
    for t in tokens:
        cut = text.index(t, cut) + len(t)
    # Nordbau GmbH, Rossi S.p.A., Wong Brothers有限公司, Foshan Ever Co., Ltd.: a company's name
    company = COMPANY_FORM.match(value, pos + cut) or any(map(COMPANY_FORM.fullmatch, tokens))
    return None if company else (pos, pos + cut)


# The words that end a Chinese company's name (佛山市顺德区美的电器, 王氏五金厂, 王建国 有限公司):
# the characters before them are the company's, not a person's name — a factory's 厂 not
# before 厂长 / 厂家 …, a 科技 not a 科技部 (in Traditional script too: 集團, 廠, 電器).
_ZH_COMPANY_ENDS = ("有限", "集团", "集團", "电器", "電器", "科技", "公司", "厂", "廠")
_ZH_COMPANY_AFTER = re.compile(  # (公司：, 单位 公司 after a name is a label's word)
    r"[ 　]?(?:有限|集团|集團|电器|電器|科技(?![部园園局处處])"
    r"|[厂廠](?![长長家区區里裡内內房方商]))(?![:：])"
)


def zh_company(text: str, start: int, end: int) -> bool:
    """Whether the Chinese "name" text[start:end] is a company's: a company's word ends it
    (王建厂) or follows it, perhaps after a space (王建国 有限公司, 张伟科技); a name with
    anything else between it and a company (王建国（美的集团）, 王建国 美的集团) is a name."""
    if not "\u4e00" <= text[start:end][:1] <= "\u9fff":
        return False
    if text[start:end].endswith(_ZH_COMPANY_ENDS):
        return True
    return _ZH_COMPANY_AFTER.match(text, end) is not None


def person_name(
    value: str, pos: int = 0, single: bool = True, field: bool = False
) -> tuple[int, int] | None:
    if pos < len(value) and "\u4e00" <= value[pos] <= "\u9fff":
        return zh_name(value, pos)
    return latin_name(value, pos, single, field)


_ZH_PART = re.compile(r"[\u4e00-\u9fff]{1,3}(?![\u4e00-\u9fff])")


def zh_name_part(value: str, pos: int) -> tuple[int, int] | None:
    """A first or last name in Chinese characters, alone: a surname (钟离, 王) or one or two
    characters common in given names (嘉豪)."""
    m = _ZH_PART.match(value, pos)
    if m is None:
        return None
    part = m.group()
    if part in _COMPOUNDS or (len(part) == 1 and part in _SURNAMES):
        return m.span()
    if len(part) <= 2 and all(c in GIVEN_CHARS for c in part):
        return m.span()
    return None
