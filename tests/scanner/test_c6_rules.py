"""The rules added after studying the misses of corpus 6 (bench/corpus6, issue 18): each
class of writing they showed, on lines written here (not the corpus's), and the look-alikes
each rule must leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.corpus import Span
from piiguard.scanner.detectors import Detector
from piiguard.scanner.evaluation import score
from piiguard.scanner.report import mask
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # degrees, minutes and seconds with the hemisphere first, as GPS units print them
        (
            "[位置] N22°48′31.6″ E113°05′02.4″",
            [("coordinates", "N22°48′31.6″ E113°05′02.4″")],
        ),
        (
            "site visit (GPS S33°51'54.5\" W151°12'33.1\") done",
            [("coordinates", "S33°51'54.5\" W151°12'33.1\"")],
        ),
        # a point under the key loc, either writing
        ('{"site": {"loc": "23.129163, 113.264435"}}', [("coordinates", "23.129163, 113.264435")]),
        ('{"geo": {"loc": "31.230416 121.473701"}}', [("coordinates", "31.230416 121.473701")]),
        # the credential of an HTTP Authorization header, whatever its shape
        (
            'req="Authorization: Bearer abC3.dEf4GhIj5kLmN6oPqR.7sTuV_wXyZ-0"',
            [("secret", "abC3.dEf4GhIj5kLmN6oPqR.7sTuV_wXyZ-0")],
        ),
        (
            "curl -H 'Authorization: Basic YWRtaW46czNjcjN0UGFzcw==' http://host/api",
            [("secret", "YWRtaW46czNjcjN0UGFzcw==")],
        ),
        # MySQL's "(using password: YES)" says a password was given, it is not one
        (
            "Access denied for user 'app'@'localhost' (using password: YES) pwd=Kq7!xw2Lm",
            [("secret", "Kq7!xw2Lm")],
        ),
        # a chat export with a comma between the speaker and the time (Teams, Slack)
        (
            "Ines Costa, 9:41 AM\n料已到\n龚海峰, 14:05\n收到",
            [("person_name", "Ines Costa"), ("person_name", "龚海峰")],
        ),
        # a surname and a title: the surname is the name
        ("刚才客户伍女士来电说空调漏水", [("person_name", "伍")]),
        ("已和祁经理确认交期", [("person_name", "祁")]),
        ("[2025-03-02] 邝工上门更换电容。", [("person_name", "邝")]),
        ("已通知卢总。", [("person_name", "卢")]),
        ("请与欧阳女士联系", [("person_name", "欧阳")]),
        ("谢谢滕师傅", [("person_name", "滕")]),
        ("刘师傅：好的，明天到", [("person_name", "刘")]),
        # a surname after a familiar prefix, standing as a word
        (
            "客户老郑电话 13812345678，小莫明天上门",
            [("person_name", "郑"), ("phone", "13812345678"), ("person_name", "莫")],
        ),
        ("找老符，叫小卢来", [("person_name", "符"), ("person_name", "卢")]),
        # a chat's display name before the real name in brackets is a nickname
        ("09:12 老符(龚海峰): 收到", [("person_name", "龚海峰")]),
        ("09:13 阿彬(卢嘉欣): 好的", [("person_name", "卢嘉欣")]),
        ("09:14 龚海峰(采购): 好的", [("person_name", "龚海峰")]),
        ("龚海峰先生来电", [("person_name", "龚海峰")]),
        # a Chinese name in an English sentence, before what the person does or after a
        # word that takes a person
        ("ok, 卫阳 will handle it", [("person_name", "卫阳")]),
        ("> On 3 May 2025, 段莎莎 wrote:", [("person_name", "段莎莎")]),
        ("Our engineer visited 钟晓敏 at Unit 5", [("person_name", "钟晓敏")]),
        (
            "Emergency contact: 龚海峰 / 139 0012 4567",
            [("person_name", "龚海峰"), ("phone", "139 0012 4567")],
        ),
        # thanked, introduced, before what is theirs, a mail's salutation
        ("谢谢龙嘉欣！", [("person_name", "龙嘉欣")]),
        ("您好，我是邝丽萍，上周报修的", [("person_name", "邝丽萍")]),
        (
            "出差订票，罗振宇护照号 E12345678",
            [("person_name", "罗振宇"), ("passport", "E12345678")],
        ),
        (
            "如有问题请直接打 龚海峰 的手机 13900124567。",
            [("person_name", "龚海峰"), ("phone", "13900124567")],
        ),
        ("龚海峰：\n\n你好，\n附件是报价", [("person_name", "龚海峰")]),
        # a Latin name after discussed with, ask for, a capitalised job title
        ("As discussed with Nora Blake, payment goes out", [("person_name", "Nora Blake")]),
        ("Please ask for Tom Reed at reception", [("person_name", "Tom Reed")]),
        ("[2025-01-02] Engineer Maja Lind checked the unit", [("person_name", "Maja Lind")]),
        # part numbers shaped like phones after the words that name them
        ("Parts replaced: FAN-220, 139-0012-4567.\nSigned: x", []),
        ("The drawing no. is 186-2207-3310.", []),
        ("更换主板 150-3321-7788，测试正常", []),
        ("型号 KX-155-0201-9988 下周到", []),
        # a code that begins with a part word names nothing after it: the phone is reported
        ('"SKU-20314455","137-2233-4455"', [("phone", "137-2233-4455")]),
        # a phone's label glued to the number is not a code
        ("Tel-139-0012-4567", [("phone", "139-0012-4567")]),
    ],
)
def test_classes_of_writing_corpus_6_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # loc as part of a key, or with a value that is not a point
        "ts=1 loc=B-04-11 qty=3",
        '{"loc_code": "12.345, 67.890"}',
        # angles without hemispheres, a hemisphere letter without minutes and seconds
        "turn 45°30′00″ then 90°",
        "N 23 E 113",
        # the bearer of a document; a short or word-only value after Bearer
        "the bearer of this card",
        "Authorization: Bearer token",
        "(using password: NO)",
        # a word that ends in a surname character before a title
        "维修师傅明天到",
        "施工进度正常，员工已到",
        "中国工商银行",
        "项目经理和部门经理",
        "3小时后回复",
        "老师们好",
        "总经理办公室",
        "加工，分工",
        # 工 and 总 that begin a word of their own
        "和张工作人员",
        "和王总部联系",
        # a place in English text, a phrase after thanks, a word before a phone word
        "shipped from 南海 warehouse to 高明 plant, with 顺德 office",
        "谢谢大家！我是新来的，",
        "客户手机号已更新",
        "居民身份证，已核验",
        # words that 小 and 老 make with a surname character
        "3小时后，小王子，小区门口，24小时。老公说，小米",
        "As discussed with Sales Team, ok",
        # a time and a word that are not a speaker
        "Total, 10:30 AM\n",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert kinds(detector.scan(text)) == []


def test_pieces_of_one_labelled_value_are_not_false_alarms() -> None:
    # a pair labelled as one value (lat=…&lng=…), found axis by axis: one found, none false
    gold = [Span("coordinates", 4, 30)]
    found = [Span("coordinates", 4, 12), Span("coordinates", 17, 30)]
    overlap = score(gold, found, exact=False)["coordinates"]
    assert (overlap.tp, overlap.fp, overlap.fn) == (1, 0, 0)
    # each axis labelled: both found
    two = score([Span("coordinates", 4, 12), Span("coordinates", 17, 30)], found, exact=False)
    assert (two["coordinates"].tp, two["coordinates"].fp) == (2, 0)
    # exactly: the pieces are not the value
    exact = score(gold, found, exact=True)["coordinates"]
    assert (exact.tp, exact.fp, exact.fn) == (0, 2, 1)
    # a finding beside the value is still a false alarm
    beside = score(gold, [*found, Span("coordinates", 40, 50)], exact=False)["coordinates"]
    assert (beside.tp, beside.fp) == (1, 1)


def test_a_surname_alone_is_masked_whole_in_its_preview() -> None:
    assert mask("person_name", "王") == "*"
    assert mask("person_name", "司徒") == "司*"
