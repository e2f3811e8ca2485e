"""The classes corpus 12's first blind score showed (issue 18, 2026-12-07 evening): each class
on lines written here (not the corpus's), with the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vietnamese names keep their marks: horned ơ and ư and the letters with two marks
        ("客户姓名：Nguyễn Thị Hồng Nhung", [("person_name", "Nguyễn Thị Hồng Nhung")]),
        ('{"fullName": "Đặng Quốc Bảo"}', [("person_name", "Đặng Quốc Bảo")]),
        ("Dear Trương Văn Lực,", [("person_name", "Trương Văn Lực")]),
        (
            "From: Phạm Ngọc Ánh <anh.pham@example.vn>",
            [("person_name", "Phạm Ngọc Ánh"), ("email", "anh.pham@example.vn")],
        ),
        # ... a company or a department so written is no person, nor are words in lower case
        ('{"fullName": "Công ty TNHH Đèn Ngọc Lan"}', []),
        ("Attn: Phòng Kế Toán", []),
        ("Dear khách hàng,", []),
    ],
)
def test_vietnamese_names(detector: Detector, text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(detector.scan(text)) == expected
