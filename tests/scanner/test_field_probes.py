"""Classes found by hand probes at the twelfth session's start (issue 18, 2026-12-07 night),
written here as lines of our own with the look-alikes each rule must leave alone: a code key
after a log message's words, two-digit years in a birth field, a company's legal form as a
name label's last word, Traditional-Chinese name labels, and a name after a role word with
a verb after it."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the key read back over the message's words is the code key alone
        (
            'INFO login ok user_name="Li Hua" ip=10.1.2.3',
            [("person_name", "Li Hua"), ("ip_address", "10.1.2.3")],
        ),
        ("2025-11-02 10:12:44 INFO login ok contact_name=王小明", [("person_name", "王小明")]),
        # ... while a login's name is still no person's
        ("INFO login ok login_name=lihua88", []),
        ("login name: Sales Desk", []),
    ],
)
def test_code_key_after_a_message(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 03/04/88", [("date_of_birth", "03/04/88")]),
        ("birthday=12/31/79 ok", [("date_of_birth", "12/31/79")]),
        ("出生日期：88年3月4日", [("date_of_birth", "88年3月4日")]),
        ("Date of birth: 29.02.88", [("date_of_birth", "29.02.88")]),
        # not a day of any month, nor a longer number
        ("DOB: 31/31/88", []),
        ("DOB: 03/04/881", []),
        # a two-digit year outside a birth field is no birth date
        ("shipped 03/04/88 by sea", []),
        ("订单日期：88年3月4日", []),
    ],
)
def test_two_digit_years_in_a_birth_field(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Account Name: Foshan Ever Co., Ltd.", []),
        ("Name: Acme Corp", []),
        ("Account Name: ZHANG WEI", [("person_name", "ZHANG WEI")]),
        ("Name: Colin Cole", [("person_name", "Colin Cole")]),
    ],
)
def test_a_legal_form_ends_a_company_not_a_name(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("聯絡人：陳志明", [("person_name", "陳志明")]),
        ("客戶名稱：林美玲", [("person_name", "林美玲")]),
        (
            "聯繫人: 黃淑芬 電話: 0912-345-678",
            [("person_name", "黃淑芬"), ("phone", "0912-345-678")],
        ),
        ("客戶名稱：台灣精密工業股份有限公司", []),
    ],
)
def test_traditional_name_labels(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天客户李秀英打电话说空调不制冷", [("person_name", "李秀英")]),
        ("经与客户陈志强沟通，同意更换", [("person_name", "陈志强")]),
        ("工程师黄丽华致电客户确认时间", [("person_name", "黄丽华")]),
        ("客户王建国来电反映", [("person_name", "王建国")]),
        # a role word before no name
        ("客户打电话说空调不制冷", []),
        ("经与客户沟通，同意更换", []),
    ],
)
def test_a_name_after_a_role_before_a_verb(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


# HTML as a mail's alternative part or a saved page: a table's header row above its values,
# a signature after <br>, values cut by entities (layout/markup.py)
_PAGE = (
    "<html><head><style>td {color: red}</style></head><body><p>您好，</p>\n"
    "<table>\n  <tr><th>姓名</th><th>手机</th><th>出生日期</th></tr>\n"
    "  <tr><td>孙桂英</td><td>139&nbsp;1234&nbsp;5678</td><td>1988-03-04</td></tr>\n"
    "</table><p>Best,<br>Guiying&nbsp;Sun<br>Mob: +86 139 1234 5678</p></body></html>"
)


def test_html_read_as_the_page_shows_it(detector: Detector) -> None:
    assert kinds(detector.scan(_PAGE)) == [
        ("person_name", "孙桂英"),
        ("phone", "139&nbsp;1234&nbsp;5678"),  # reported over the markup as written
        ("date_of_birth", "1988-03-04"),
        ("person_name", "Guiying&nbsp;Sun"),
        ("phone", "+86 139 1234 5678"),
    ]


def test_html_spans_cover_the_markup_as_written(detector: Detector) -> None:
    for hit in detector.scan(_PAGE):
        assert _PAGE[hit.start : hit.end] == hit.value


@pytest.mark.parametrize(
    "text",
    [
        "if a < b and c > d: print(a)",  # no tags
        "<b>Model</b> HX-2000 <i>v2.1</i>",  # inline tags lay out nothing
        "<td>P/N</td><td>13800138000</td>",  # one row: a part number's field, as before
    ],
)
def test_text_that_is_not_a_page(detector: Detector, text: str) -> None:
    from piiguard.scanner.detectors.layout import markup  # noqa: PLC0415

    assert markup.rendered(text) is None or not detector.scan(text)


def test_an_address_in_angle_brackets_is_no_tag() -> None:
    from piiguard.scanner.detectors.layout import markup  # noqa: PLC0415

    assert (
        markup.rendered('From: "Li, Na" <li.na@x.com>\nCc: Tr Ng <tr.ng@x.com> <p.x@y.cn>') is None
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我在这 23.0215, 113.1214", [("coordinates", "23.0215, 113.1214")]),
        ("现在在 23.0215,113.1214 附近", [("coordinates", "23.0215,113.1214")]),
        ("I'm at 22.9987, 113.0456 now", [("coordinates", "22.9987, 113.0456")]),
        ("dropped a pin: 22.9987, 113.0456", [("coordinates", "22.9987, 113.0456")]),
        # two decimals side by side without a word of place are prices or rates
        ("price 12.5000, 113.0000", []),
        ("ratio 0.1234, 0.5678", []),
    ],
)
def test_a_place_said_in_a_message(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


def test_a_json_table_whose_first_row_names_its_columns(detector: Detector) -> None:
    text = (
        '[["客户姓名", "手机号码", "出生日期"], ["张伟", "13800001111", "1990-01-02"],\n'
        ' ["Sarah Duan", 13900002222, "1985/1/25"]]'
    )
    assert kinds(detector.scan(text)) == [
        ("person_name", "张伟"),
        ("phone", "13800001111"),
        ("date_of_birth", "1990-01-02"),
        ("person_name", "Sarah Duan"),
        ("phone", "13900002222"),
        ("date_of_birth", "1985/1/25"),
    ]
    # a first row of values, not names: nothing is read by position
    assert kinds(detector.scan('[["张伟", "1990-01-02"], ["李娜", "1985/1/25"]]')) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SO No.: 13800138000", []),  # a sales order's number shaped like a mobile
        ("Sales Order Number 13800138000 confirmed", []),
        ("So call me: 13800138000", [("phone", "13800138000")]),
    ],
)
def test_a_sales_order_number_is_no_phone(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing handed to a person names them (a role word's space or colon read after any)
        ("把资料转给 王建国 了", [("person_name", "王建国")]),
        ("报价单已发给李秀英了", [("person_name", "李秀英")]),
        ("把资料转给 Randell Cohen 了", [("person_name", "Randell Cohen")]),
        ("工程师 卫阳 已上门", [("person_name", "卫阳")]),
        # ... not a thing handed to a place, a team or a pronoun
        ("发给客户了", []),
        ("交给仓库处理", []),
        ("转给他了", []),
        # a name field's given names as initials
        ('"contact": "D. Huang"', [("person_name", "D. Huang")]),
        ('"contact": "A. B. Carter"', [("person_name", "A. B. Carter")]),
        ('"contact": "D. Sales"', []),
        # a product code after a role word and a space is no name (来访安排 SKU LH-AC-20725-SV)
        ("Subject: 来访安排 SKU LH-AC-20725-SV", []),
    ],
)
def test_a_name_handed_to_or_initialled(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected
