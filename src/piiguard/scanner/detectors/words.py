"""Rules that need words around the value: person names and dates of birth (postal
addresses: places/addresses.py, whose rules stand in RULES between them, as before)."""

from __future__ import annotations

import re

from piiguard.scanner.detectors import checks
from piiguard.scanner.detectors.model import Hit, Validator
from piiguard.scanner.detectors.names import (
    COMPOUND_SURNAMES,
    FUNCTION_CHARS,
    NAME_TERMINATORS,
    NOT_NAMES,
    ROLE_WORDS,
    SINGLE_SURNAMES,
)
from piiguard.scanner.detectors.places.addresses import CJK
from piiguard.scanner.detectors.places.addresses import RULES as ADDRESS_RULES
from piiguard.scanner.detectors.places.postal import RULES as POSTAL_RULES
from piiguard.scanner.detectors.places.zones import RULES as ZONE_RULES
from piiguard.scanner.detectors.rule import Rule, hit

_SURNAME_SET = frozenset(SINGLE_SURNAMES)
COMPOUND_SET = frozenset(COMPOUND_SURNAMES)
# Characters that name a unit of an organisation or a service, never a given name: a
# "name" ending in them before a role word is a department (工程部主管, 我司服务工程师).
UNIT_CHARS = frozenset("部门组室处厂店司局院所系班区市省县村街号楼层服务")


def _seq(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


# Family words: a person is named after them (我老公…昨天打过电话, 她外公林先生), as after a
# role word (records/roles.py reads names after both).
KIN = _seq(
    "老公 老婆 爱人 丈夫 妻子 女儿 儿子 家属 父亲 母亲 外公 外婆 公公 婆婆 岳父 岳母 哥哥 姐姐 "
    "弟弟 妹妹 房东 邻居"
)
# Role and family words that end in a surname character (老公, 主管, 主任, 会计, 跟单): that
# character ends the word, no name begins at it (老公梁先生 is 梁, not 公梁; 主管何伟先生 何伟).
WORD_ENDS = frozenset(w for w in (*ROLE_WORDS, *KIN) if w[-1] in _SURNAME_SET)


def ends_word(text: str, pos: int) -> bool:
    """Whether text[pos] is the last character of a role or family word (WORD_ENDS)."""
    return any(text[pos - k : pos + 1] in WORD_ENDS for k in (1, 2, 3) if pos >= k)


# Two-character words that begin with a surname character but are not names.
COMMON_WORDS = frozenset(
    [
        "安装",  # 安装师傅: the installer
        "关系",  # 姓名⇥关系⇥电话: a family table's header
        "项目",
        "公司",
        "高级",
        "市场",
        "全国",
        "区域",
        "大区",
        "部门",
        "客户",
        "销售",
        "技术",
        "产品",
        "财务",
        "人事",
        "行政",
        "采购",
        "质量",
        "售后",
        "服务",
        "业务",
        "总部",
        "区域",
        "分公司",
        "该位",
        "这位",
        "那位",
        "各位",
        "诸位",
        "每位",
        "两位",
        "几位",
        "本公司",
        "贵公司",
        "王牌",
        "常务",
        "执行",
        "资深",
        "首席",
        "副总",
        "总经",
        "主管",
        "值班",
        "当班",
        "安全",
        "项目部",
        "车间",
        "平台",
        "管理",
        "运营",
        "我们",
        "你们",
    ]
)

SUFFIX_WORDS = (
    "先生",
    "女士",
    "小姐",
    "经理",
    "总监",
    "主管",
    "老师",
    "师傅",
    "工程师",
    "主任",
    "律师",
    "医生",
    "同学",
    "阿姨",
)
SUFFIX = re.compile("|".join(SUFFIX_WORDS))
LABEL_WORDS = _seq(
    "联系人 姓名 收件人 收货人 寄件人 经办人 负责人 申请人 投诉人 签收人 持卡人 尊敬的 亲爱的"
    # who received, closed or took over a job (代收人 龙嘉欣, 结单人：包静怡)
    " 代收人 结单人 受理人 对接人 跟单人 办理人"
)
LABEL = re.compile("(?:" + "|".join(LABEL_WORDS) + r")[:：]?[ \t]*(?=[" + CJK + "])")
FOLLOW_WORDS = _seq(
    "先生 女士 小姐 经理 电话 手机 您好 你好 的 反馈 来电 表示 称 说 已 "
    "于 在 要求 投诉 地址 邮箱 身份证 护照 银行 卡号 工号 同学 老师 收 "
    "签收 先 ， 。 、"
)
_FOLLOW = re.compile("|".join(FOLLOW_WORDS))


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _given_ok(text: str, a: int, b: int) -> bool:
    return not any(c in UNIT_CHARS for c in text[a:b])


def _name_before(text: str, end: int) -> int | None:
    """Start of the Chinese name that ends at `end`, or None."""
    for length in (4, 3):  # compound surname + one or two given characters
        start = end - length
        if (
            start >= 0
            and text[start : start + 2] in COMPOUND_SET
            and _given_ok(text, start + 2, end)
            and not ends_word(text, start)
        ):
            return start
    s3, s2 = end - 3, end - 2
    if (
        s3 >= 0
        and text[s3] in _SURNAME_SET
        and text[s3] not in FUNCTION_CHARS
        and all(_is_cjk(c) for c in text[s3:end])
        and _given_ok(text, s3 + 1, end)
        and text[s3 : s3 + 2] not in COMMON_WORDS
        and not ends_word(text, s3)
    ):
        return s3
    if (
        s2 >= 0
        and text[s2] in _SURNAME_SET
        and all(_is_cjk(c) for c in text[s2:end])
        and _given_ok(text, s2 + 1, end)
        and not ends_word(text, s2)
    ):
        return s2
    return None


def _zh_name_suffix(m: re.Match[str], text: str) -> Hit | None:
    start = _name_before(text, m.start())
    if start is None or text[start : m.start()] in COMMON_WORDS:
        return None
    return Hit("person_name", start, m.start(), text[start : m.start()], 0.85, Validator.CONTEXT)


def _zh_name_label(m: re.Match[str], text: str) -> Hit | None:
    start = m.end()
    surname = 2 if text[start : start + 2] in COMPOUND_SET else 1
    if surname == 1 and text[start : start + 1] not in _SURNAME_SET:
        return None
    for given in (2, 1):
        end = start + surname + given
        if end > len(text) or not all(_is_cjk(c) for c in text[start:end]):
            continue
        if end == len(text) or not _is_cjk(text[end]) or _FOLLOW.match(text, end):
            value = text[start:end]
            if value in COMMON_WORDS:
                return None
            return Hit("person_name", start, end, value, 0.85, Validator.CONTEXT)
    return None


_WORD = r"[A-Z][a-z]*(?:['’-]?[A-Z][a-z]+)+|[A-Z][a-z]+"
LATIN_NAME = re.compile(
    r"(?:\b(?:Dear|Hi|Hello)(?:[ ]+(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?)?"
    r"|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?"
    r"|\b(?i:Name|Full name|Customer name|customer|Contact|Contact person|Attn|Attention|Recipient|"
    r"Cardholder|Account holder|Signed|Sincerely|Regards|Best regards|Kind regards|Yours)"
    r"[ \t]*[:,]?)"
    rf"[ \t]*\n?[ \t]*(?P<v>(?:{_WORD})(?:[ ](?:{_WORD})){{0,2}})"
)
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s*$")
NOT_LAST = NAME_TERMINATORS | NOT_NAMES | {"name"}  # (a header's next label: First Name⇥Last Name)
# A company's legal form after the words (Nordbau GmbH, Acme Trading Ltd., Rossi S.p.A.,
# 美华有限公司): the words are the company's name, not a person's.
COMPANY_FORM = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:GmbH|AG|KG|Ltd|Co|Inc|LLC|S\.A|S\.p\.A|SpA|B\.V|BV|N\.V|Pte|Pty|PLC"
    r"|Corp|SARL|SAS|Oy|有限|集团|公司|厂)(?![A-Za-z0-9-])"  # (Co-founder is a role)
)


def _latin_name(m: re.Match[str], text: str) -> Hit | None:
    tokens = m.group("v").split(" ")
    end = m.end("v")
    if end < len(text) and text[end].isascii() and text[end].isalnum():
        tokens.pop()  # the pattern stopped inside a word (Gmb|H): that word is no name's
    while tokens and tokens[-1].lower() in NOT_LAST:
        tokens.pop()
    if not tokens or tokens[0].lower() in NOT_NAMES:
        return None
    value = " ".join(tokens)
    start = m.start("v")
    if COMPANY_FORM.match(text, start + len(value)) or COMPANY_FORM.fullmatch(tokens[-1]):
        return None  # (Account Name: Foshan Ever Co., Ltd.)
    titled = _TITLE.search(text, max(0, start - 8), start) is not None
    if len(tokens) == 1 and not titled:
        return None  # a lone capitalised word after "Dear" is as often a role as a name
    confidence = 0.85 if len(tokens) > 1 else 0.7
    return Hit("person_name", start, start + len(value), value, confidence, Validator.CONTEXT)


_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_DATE = (
    r"(?P<y1>\d{4})[-/.年](?P<m1>\d{1,2})[-/.月](?P<d1>\d{1,2})日?"
    r"|(?P<a2>\d{1,2})[/.-](?P<b2>\d{1,2})[/.-](?P<y2>\d{4})"
    rf"|(?P<m3>{_MONTHS})\.? (?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y3>\d{{4}})"
    rf"|(?P<d4>\d{{1,2}})(?:st|nd|rd|th)? (?P<m4>{_MONTHS})\.?,? (?P<y4>\d{{4}})"
)
DOB = re.compile(
    r"(?:出生日期|出生年月日|出生年月|出生于|出生|生日|诞辰|DOB|D\.O\.B\.?|date of birth|"
    r"birth ?date|birthday|born(?: on)?)[ \t:：是为,，]{0,4}"
    rf"(?P<v>{_DATE})(?![\d])",
    re.IGNORECASE,
)
DOB_AFTER = re.compile(
    r"(?<![\d])(?P<v>(?P<y1>\d{4})年(?P<m1>\d{1,2})月(?P<d1>\d{1,2})日)[ \t]?(?:出生|生)"
)
_MONTH_NUMBER = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


def _date_ok(m: re.Match[str]) -> bool:
    g = m.groupdict()
    if g.get("y1"):
        return checks.valid_date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
    if g.get("y2"):  # month/day order is ambiguous: either reading will do
        a, b, y = int(g["a2"]), int(g["b2"]), int(g["y2"])
        return checks.valid_date(y, a, b) or checks.valid_date(y, b, a)
    month = g.get("m3") or g.get("m4") or ""
    day = g.get("d3") or g.get("d4") or "0"
    year = g.get("y3") or g.get("y4") or "0"
    return checks.valid_date(int(year), _MONTH_NUMBER.get(month[:3].lower(), 0), int(day))


def _dob(m: re.Match[str], text: str) -> Hit | None:
    if not _date_ok(m):
        return None
    return hit("date_of_birth", m, 0.9, Validator.CONTEXT, "v")


_TITLES = r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)"
_LABELS = (
    "Name|Full name|Customer name|customer|Contact|Contact person|Attn|Attention|Recipient|"
    "Cardholder|Account holder|Signed|Sincerely|Regards|Best regards|Kind regards|Yours"
)

RULES = (
    Rule("zh_name_suffix", (), SUFFIX, _zh_name_suffix, utf8=(SUFFIX.pattern,)),
    Rule("zh_name_label", (), LABEL, _zh_name_label, utf8=("|".join(LABEL_WORDS),)),
    Rule(
        "latin_name",
        (
            rf"\b(?:(?:Dear|Hi|Hello)(?: +{_TITLES}\.?)?|{_TITLES}\.?|(?i:{_LABELS})[ \t]*[:,]?)"
            r"[ \t]*\n?[ \t]*[A-Z][A-Za-z'?\-]",  # "?" stands for "’" in the shadow
        ),
        LATIN_NAME,
        _latin_name,
    ),
    *ADDRESS_RULES,
    *ZONE_RULES,
    *POSTAL_RULES,
    Rule(
        "dob",
        (r"DOB|D\.O\.B|date of birth|birth ?date|birthday|born",),
        DOB,
        _dob,
        utf8=("出生|生日|诞辰",),
        caseless=True,
    ),
    Rule("dob_after", (), DOB_AFTER, _dob, utf8=(r"\d{4}年\d{1,2}月\d{1,2}日[ \t]?(?:出生|生)",)),
)
