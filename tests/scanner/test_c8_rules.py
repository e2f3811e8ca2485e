"""The rules added after studying the misses of corpus 8 (bench/corpus8, issue 18) and the
escaped-JSON addresses corpus 7 still missed: each class of writing, on lines written here
(not the corpora's), and the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.vocabulary import NICK, meaning_of_name
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")

_ITEMS = (
    "Line  Code            Item                      Qty   Price\n"
    "1     VX-2231-08     Burner cap 100 mm         20    12.50\n"
    "2     VX-2231-19     Thermocouple pin          40     3.20\n"
    "3     VX-2231-44     Ceramic knob black        15     8.00\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chat speaker's display name, then the team or role (DingTalk, WeCom groups)
        ("\n钱晓峰-采购部  2026-02-03 09:12\n到了吗\n", [("person_name", "钱晓峰")]),
        ("[2026-02-03 09:14] Maria Lopez-仓库: 已发货", [("person_name", "Maria Lopez")]),
        ("\nZHOU Lan-QA  02-03 10:20\nok\n", [("person_name", "ZHOU Lan")]),
        ("[2026-02-03 09:15] 品质部-邵春燕: 收到", [("person_name", "邵春燕")]),  # as before
        # a nickname field that holds the user's own full name
        ('{"uid": 7, "nick": "邵春燕", "vip": true}', [("person_name", "邵春燕")]),
        ('{"nickName": "Maria Lopez"}', [("person_name", "Maria Lopez")]),
        ("昵称：钱晓峰\n", [("person_name", "钱晓峰")]),
        # a greeting ended by a colon, as business letters end it; an officer's name
        ("Dear 邵春燕：\n\n报价见附件", [("person_name", "邵春燕")]),
        ("Dear Maria Lopez:\n", [("person_name", "Maria Lopez")]),
        ("HR officer: 钱晓峰\n", [("person_name", "钱晓峰")]),
        # the name a Chinese mail greets after 您好, Chinese or Latin, a first name too
        ("您好，邵春燕，\n\n报价见附件", [("person_name", "邵春燕")]),
        ("你好，Maria Lopez：\n", [("person_name", "Maria Lopez")]),
        ("您好，Maria,\n", [("person_name", "Maria")]),
        # a street whose name holds an ordinal (5th Road, 42nd Street)
        (
            "Ship to: Room 12, No. 88 Kexue 3rd Road, Nanhai District",
            [("address", "Room 12, No. 88 Kexue 3rd Road, Nanhai District")],  # whole (scaddr)
        ),
        ("350 5th Avenue, New York, NY 10118", [("address", "350 5th Avenue, New York, NY 10118")]),
        # an account after A/C, as bank details in English write it
        ("A/C No.: 4405 0166 0123 0000 4567\n", [("bank_account", "4405 0166 0123 0000 4567")]),
        ("Beneficiary A/C: 801-223344-838\n", [("bank_account", "801-223344-838")]),
        # a JSON string written with \uXXXX escapes is read decoded: an address in it
        (
            '{"addr": "\\u5e7f\\u5dde\\u5e02\\u5929\\u6cb3\\u533a\\u4f53\\u80b2\\u4e1c\\u8def'
            '12\\u53f7"}',
            [
                (
                    "address",
                    "\\u5e7f\\u5dde\\u5e02\\u5929\\u6cb3\\u533a\\u4f53\\u80b2\\u4e1c\\u8def"
                    "12\\u53f7",
                )
            ],
        ),
        # ... and a name beside a phone in an escaped note; the digits stay the phone's
        (
            '{"memo": "\\u8054\\u7cfb\\u4eba\\u90b5\\u6625\\u71d5 13912345678"}',
            [("person_name", "\\u90b5\\u6625\\u71d5"), ("phone", "13912345678")],
        ),
        # a credential in hex under a key that says so is a secret
        (
            "api_key=9f86d081884c7d659a2feaa0c55ad015",
            [("secret", "9f86d081884c7d659a2feaa0c55ad015")],
        ),
    ],
)
def test_classes_of_writing_corpus_8_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an item table: a row whose description ends in a field's word ("pin") is a row,
        # not the header of another table (its numbers say so)
        _ITEMS,
        # hex identifiers in logs and dumps: a commit, a trace, a request, a document's id
        "deploy ok commit=3f9a2b7c4d5e6f708192a3b4c5d6e7f8091a2b3c branch=main",
        "2026-02-03 10:00:01 INFO trace=4bf92f3577b34da6 span=00f067aa0ba902b7 GET /api",
        '{"_id": "64b7f2c9e1a2b3c4d5e6f708", "req_id": "0af7651916cd43dd"}',
        "X-Request-Id: 0af7651916cd43dd8448eb211c80319c",
        # a nickname that is no full name: a familiar form, a word, a first name alone
        '{"nick": "阿强"}',
        '{"nickName": "小太阳", "nick_name": "Amy"}',
        # a team after a dash with no name before it
        "[2026-02-03 09:16] 系统消息-通知: 今晚维护",
        # an escaped product name, and an escaped quote that is not a string's end
        '{"product": "\\u71c3\\u6c14\\u7076", "note": "a\\"b\\u4e2d"}',
        # a greeting to a team or a customer, ended by a colon
        "Hi Team:\n",
        "Dear Customer:\n",
        # what follows 您好 that is no name
        "您好，请问交期？\n",
        "您好，周末愉快！\n",
        "您好，Team,\n",
        # an ordinal that names no street
        "Qty 3 2nd Floor\n",
        # A/C as air conditioning
        "A/C: 1.5匹 变频",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert kinds(detector.scan(text)) == []


def test_nickname_keys() -> None:
    assert [meaning_of_name(k) for k in ("nick", "nickName", "nick_name", "昵称")] == [NICK] * 4
