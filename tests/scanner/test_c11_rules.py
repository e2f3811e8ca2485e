"""The classes corpus 11's first blind score showed (issue 18, the eleventh session): each
class on lines and files written here (not the corpus's), with the look-alikes each rule must
leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a member's or loyalty card's number is the company's: not the phone it looks like
        ('{"member_id": "13912345670", "memberCode": "15812345678"}', []),
        ('{"MEMBER": "18612345678", "loyalty_card_no": "13712345678"}', []),
        ("hybh=13512345678 vip_no=13612345678", []),
        ("客户已登记会员，会员号 13812345670，积分 300", []),
        ("会员卡号：15912345678", []),
        # ... while a member's own name, phone and a family member stay personal
        (
            '{"member_name": "Wendy Chan", "member_phone": "13912345670"}',
            [("person_name", "Wendy Chan"), ("phone", "13912345670")],
        ),
        ('{"family_member": "王建国"}', [("person_name", "王建国")]),
        ("会员手机：13812345670", [("phone", "13812345670")]),
    ],
)
def test_member_numbers_are_no_phones(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected
