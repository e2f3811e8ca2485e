"""The rules added after studying the misses of corpus 5 (bench/corpus5, issue 18): each
class of writing they showed, on lines written here (not the corpus's), and the look-alikes
each rule must leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")

_ORDER = """Line  Part No.              Description          Qty
1     13712345678           fan motor             20
      Lot: B2407-11
2     PCB-7731              control board          5
      批号: 13698765432
3     18811112222           heater                 1

Buyer contact: 13900001111
"""

_NESTED = """{"id": 7, "passport": {"no": "E12345678", "country": "CN"},
 "travel": {"passport": {
     "number": "K00912345"}}}"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a note under an item line does not end the table: the part numbers below it stay
        # claimed, the buyer's phone after the table is reported
        (_ORDER, [("phone", "13900001111")]),
        # a line not indented past the header's first cell still ends the table
        (
            "Item  Part No.       Qty\n1     X-1            2\nTel 13712345678     1",
            [("phone", "13712345678")],
        ),
        # a device's own identifier in a log line, then the owner's phone
        (
            "ts=1 svc=gw device=137-1234-5678 owner_phone=13812345678 ms=4",
            [("phone", "13812345678")],
        ),
        ("ts=1 svc=gw device=3.10.22.7 src_ip=203.0.113.9", [("ip_address", "203.0.113.9")]),
        # a passport written as an object of its own, its number under a generic key
        (_NESTED, [("passport", "E12345678"), ("passport", "K00912345")]),
        # the German serial alphabet after the word (digits and consonants, C F G H J K)
        ("passport no. CFGH7KLM2, issued in 2021", [("passport", "CFGH7KLM2")]),
        ('{"passport_no": "HJKLMNPR1"}', [("passport", "HJKLMNPR1")]),
        # degrees, minutes and seconds, as a map app shares a place
        (
            "定位：23°01'12.5\"N 113°07'45.0\"E 到了",
            [("coordinates", "23°01'12.5\"N 113°07'45.0\"E")],
        ),
        ("at 51°30′26″N, 0°07′39″W now", [("coordinates", "51°30′26″N, 0°07′39″W")]),
        # longitude first beside its word, and in a field that says coordinates
        ("位置 113.2644,23.1291 已到", [("coordinates", "113.2644,23.1291")]),
        ("gps=113.264412,23.129101 ms=3", [("coordinates", "113.264412,23.129101")]),
        # a plate whose serial has four letters (and a digit)
        ("车牌 粤B-KLMN3 已登记", [("licence_plate", "粤B-KLMN3")]),
        # a Latin name after a role noun with its determiner, after call, after full name
        (
            "Yesterday our technician Bowen Lu checked the unit.",
            [("person_name", "Bowen Lu")],
        ),
        ("The driver Megan Ford will arrive at 9.", [("person_name", "Megan Ford")]),
        ("Please call Jiahui Mo today.", [("person_name", "Jiahui Mo")]),
        ("full name KONG Weiran, born 1990", [("person_name", "KONG Weiran")]),
        ("Thanks for meeting Yiran Qu at the expo.", [("person_name", "Yiran Qu")]),
        # who received the goods, with or without a colon
        ("Received by: 邓嘉敏   Received: 2024-01-11", [("person_name", "邓嘉敏")]),
        ("Received by Anna Berg on 2 May", [("person_name", "Anna Berg")]),
        # a Latin name inside running Chinese, before what the person does
        ("明天在仓库碰头，Maya Lind也来", [("person_name", "Maya Lind")]),
        ("车间Tom Reed已到场", [("person_name", "Tom Reed")]),
        # a name label cut short, and the tradesman sent
        ("会员名：欧阳嘉欣", [("person_name", "欧阳嘉欣")]),
        ("上门师傅：伍振华", [("person_name", "伍振华")]),
        # a quoted reply's header in Chinese: the display name after a Chinese comma
        (
            "在 2025年3月1日 08:15，Nora Blake <nora.b@example.org> 写道：",
            [("person_name", "Nora Blake"), ("email", "nora.b@example.org")],
        ),
        # a chat speaker shown with the company after @ (WeCom)
        ("收到\n吕文杰@某某科技  09:41\n好的", [("person_name", "吕文杰")]),
        # … and a Latin name first with the company or the department, then the stamp
        ("收到\nAnna Berg@某某电器  08:23\n好的", [("person_name", "Anna Berg")]),
        ("收到\nNoah Kim（外贸部）  19:39\n好的", [("person_name", "Noah Kim")]),
        # a closing written with an ampersand, the signer's line after it
        ("Thanks & regards,\n邝文静\n采购部", [("person_name", "邝文静")]),
        # a name at a clause's start, then 也来
        ("明天在仓库碰头，顾晓峰也来", [("person_name", "顾晓峰")]),
        # a family word takes a person as a role word does
        ("我爱人蒋海涛昨天来过电话", [("person_name", "蒋海涛")]),
    ],
)
def test_classes_of_writing_corpus_5_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # vowels: a word, not a German passport number
        "passport no. PENDING",
        "passport control FRANKFURT",
        # a price and a rate, a size: two decimals side by side without a place word
        "total 113.2644, 23.1291 CNY",
        "尺寸 120.5000 / 45.2500 mm",
        # angles that are not a place: no hemisphere letters
        "bend 45°30'00\" then 90°",
        # five capitals after a province name: a word, not a plate
        "粤B BUILD",
        # a role noun without a name, a team, a service line
        "our technician will call Customer Service",
        "the engineer Team",
        # what heads a line before a time is not a speaker
        "x\nStart Time（北京）  08:00\n",
        "x\nLast Login (UTC)  2024-05-01 10:00\n",
        "x\nShip Date  2024-05-29\n",
        # a family word without a name
        "儿子上学去了，家属同意",
        # an event or a room one meets at, a carrier that receives a parcel
        "Thanks for meeting Canton Fair visitors",
        "after meeting Room Booking",
        "received by SF Express",
        # a product before 将, a product's person in charge
        "型号Super Cool将于下月上市",
        "，Galaxy Note负责人",
        # what a tradesman says after his title is not a name (his surname is: test_c6_rules)
        "师傅：好的，明天到",
        # a display name that is not a name
        "在 2025年3月1日，Sales Dept <sales@example.org>",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type != "email"] == []


def test_a_spreadsheet_column_under_a_shortened_name_label(detector: Detector) -> None:
    # a workbook's cell is scanned with its column header as the hint
    assert kinds(detector.scan("韩卓宁", hint="会员名")) == [("person_name", "韩卓宁")]
    assert kinds(detector.scan("邓坤泽", hint="师傅")) == [("person_name", "邓坤泽")]
    assert kinds(detector.scan("已完成", hint="师傅")) == []
