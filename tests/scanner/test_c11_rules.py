"""The classes corpus 11's first blind score showed (issue 18, the eleventh session): each
class on lines and files written here (not the corpus's), with the look-alikes each rule must
leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located
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


_EDGES = """\
金额|会员编号|联系人|生日|手机
USD 45.30|18012345678|区嘉欣|1982-03-28|13912345670
|17012345678|Julia Weber|1992年1月14日|
¥1,748.00|13312345678|卢娜||13812345671
"""
_GLOSSED = """\
华康 CRM 导出 / exported 2026-06-15
产品型号(model)|出生年月日(birthday)|联系人(consignee)|会员编号(member_no)
HK-AF61DB|1996年8月10日|肖磊|17512345678
"""
_QUOTED = """\
"hybh"|"xm"|"csrq"|"hzh"
"14312345678"|"Michael Silva"|"01/10/1996"|"EB1880132"
"""


def test_bar_table_rows_with_empty_edge_cells_read_on(detector: Detector) -> None:
    # where the header has no edge bars, a row's first or last bar parts an empty cell
    assert kinds(detector.scan(_EDGES)) == [
        ("person_name", "区嘉欣"),
        ("date_of_birth", "1982-03-28"),
        ("phone", "13912345670"),
        ("person_name", "Julia Weber"),
        ("date_of_birth", "1992年1月14日"),
        ("person_name", "卢娜"),
        ("phone", "13812345671"),
    ]
    # a Markdown table's edge bars are still its edges
    md = "| 姓名 | 手机 |\n|---|---|\n| 张伟 | 13812345678 |\n"
    assert kinds(detector.scan(md)) == [("person_name", "张伟"), ("phone", "13812345678")]


def test_bar_table_headers_with_a_gloss_or_quotes(detector: Detector) -> None:
    assert kinds(detector.scan(_GLOSSED)) == [
        ("date_of_birth", "1996年8月10日"),
        ("person_name", "肖磊"),
    ]
    assert kinds(detector.scan(_QUOTED)) == [
        ("person_name", "Michael Silva"),
        ("date_of_birth", "01/10/1996"),
        ("passport", "EB1880132"),
    ]
    # a quoted label in a sentence is no header: its number stays what it is
    assert kinds(detector.scan('备注"会员编号"说明，电话 13812345678')) == [
        ("phone", "13812345678")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"cust_nm": "Daniel Walsh", "shr": "王建国", "srrq": "1996-01-10"}',
            [
                ("person_name", "Daniel Walsh"),
                ("person_name", "王建国"),
                ("date_of_birth", "1996-01-10"),
            ],
        ),
        (
            '{"zb": "23.1544, 113.0560", "pp_no": "E12345678"}',
            [("coordinates", "23.1544, 113.0560"), ("passport", "E12345678")],
        ),
        # a product's nm is no person's; zb inside a longer key is no coordinates field
        ('{"product_nm": "Luna Pro", "zb_code": "23.1544, 113.0560"}', []),
    ],
)
def test_pinyin_and_abbreviated_keys(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


def _file_kinds(path: Path, detector: Detector) -> list[tuple[str, str]]:
    return [(o.hit.type, o.hit.value) for o in scan_file(path, detector) if isinstance(o, Located)]


def test_headerless_csv_columns_by_their_values(tmp_path: Path, detector: Detector) -> None:
    rows = [
        ("区嘉欣", "E12345671", '"22.5069, 113.5161"', "Hong Kong"),
        ("Olga Moreau", "G23456782", '"(23.0518, 113.2469)"', "New York"),
        ("CHEUNG Ka Wai", "K34567893", '"23.3699, 113.1788"', "San Francisco"),
        ('"Pan, Qiang"', "CZW5ZYN14", '"22.7012, 112.8215"', "Hong Kong"),
        ("卢娜", "P4567894", '"22.9185, 112.9604"', "New York"),
        ("韦家豪", "H56789015", '"23.1011, 113.2412"', "Hong Kong"),
    ]
    path = tmp_path / "export.csv"
    path.write_text("\n".join(",".join(r) for r in rows) + "\n", encoding="utf-8")
    found = _file_kinds(path, detector)
    # the first row is data too; a column of two capitalised words alone (cities) is no name's
    assert [v for k, v in found if k == "person_name"] == [
        "区嘉欣",
        "Olga Moreau",
        "CHEUNG Ka Wai",
        "Pan, Qiang",
        "卢娜",
        "韦家豪",
    ]
    assert sum(k == "passport" for k, _ in found) == 6
    assert sum(k == "coordinates" for k, _ in found) == 6
    # model numbers and plain Latin words are no passports or names
    models = tmp_path / "models.csv"
    models.write_text(
        "".join(f"JSQ2{i}-10HK{i},Luna Pro,New York,HK57116{i}\n" for i in range(6)),
        encoding="utf-8",
    )
    assert _file_kinds(models, detector) == []


def test_csv_title_row_above_a_header_with_another_delimiter(
    tmp_path: Path, detector: Detector
) -> None:
    path = tmp_path / "customers.csv"
    path.write_text(
        "华康 CRM 导出 / exported 2025-08-15 by 系统\n"
        "consignee;loyalty_id;passport;model\n"
        "Wendy Chan;13912345670;E12345678;JSQ26-10HK2\n"
        "欧阳娜娜;15812345678;G87654321;HK-AF61DB\n",
        encoding="utf-8",
    )
    assert _file_kinds(path, detector) == [
        ("person_name", "Wendy Chan"),
        ("passport", "E12345678"),
        ("person_name", "欧阳娜娜"),
        ("passport", "G87654321"),
    ]


_CHAT = (
    "Chat export - escalation\n\n"
    "Peng Zixuan  2:34 PM\nwifi ok\n\n"
    "Zhou, Zixuan  18:20\n收到\n\n"
    "[01/03/2026, 14:17:11] 罗思琪: OK 👍\n"
    "[02/03/2026, 08:34:11] Ye, Wing Yan: pls check\n"
    "[02/03/2026, 08:36:11] CHEUNG Ruoxi: 好\n"
)


def test_chat_speakers_with_a_time_alone_or_a_comma_in_the_stamp(detector: Detector) -> None:
    assert kinds(detector.scan(_CHAT)) == [
        ("person_name", "Peng Zixuan"),
        ("person_name", "Zhou, Zixuan"),
        ("person_name", "罗思琪"),
        ("person_name", "Ye, Wing Yan"),
        ("person_name", "CHEUNG Ruoxi"),
    ]
    # a heading or a status before a time is no speaker; nor is a word before a colon
    quiet = "Total Amount  12:30\nMeeting Room  9:00 AM\n[01/03/2026, 14:17:11] 备注: 无\n"
    assert kinds(detector.scan(quiet)) == []


def test_csv_row_with_an_unquoted_amount_is_read_under_its_header(
    tmp_path: Path, detector: Detector
) -> None:
    path = tmp_path / "po_lines.csv"
    path.write_text(
        "PO No,Line,Part No,Unit Price,Buyer,Buyer Tel\n"
        "SO-1001,1,15321373723,USD 444.93,顾梓涵,13912345670\n"
        "SO-1001,2,19735980342,¥4,310.00,顾梓涵,13912345670\n"
        "SO-1001,3,18108521430,1,250,顾梓涵,13912345670\n",
        encoding="utf-8",
    )
    # the part numbers stay part numbers, the buyer and the phone theirs, row by row
    assert _file_kinds(path, detector) == [("person_name", "顾梓涵"), ("phone", "13912345670")] * 3
    # a row whose extra cell is no amount's piece is read as text only, as before
    other = tmp_path / "other.csv"
    other.write_text("PO No,Line,Part No,Buyer\nSO-1001,1,15321373723,x,顾梓涵\n", encoding="utf-8")
    assert _file_kinds(other, detector) == [("phone", "15321373723")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wifi密码是 Hk#2026spring 别外传", [("secret", "Hk#2026spring")]),
        ("初始密码为 Abc@12345，请修改", [("secret", "Abc@12345")]),
        ("my DOB is 22/04/2003 for the warranty reg", [("date_of_birth", "22/04/2003")]),
        ("Her date of birth was Jan 22, 1980.", [("date_of_birth", "Jan 22, 1980")]),
        # a question, a word or a placeholder after 是 is no password; no date, no birth
        ("密码是多少？密码是不是错了 密码是 changeme", []),
        ("The DOB is required; his birthday is tomorrow", []),
    ],
)
def test_a_password_or_a_birth_date_said_in_a_sentence(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


def test_a_notes_author_inside_its_stamp(detector: Detector) -> None:
    text = (
        "处理记录:\n[03-24 15:53 刘宛如] 电话回访\n[2026-03-24 15:53 Anna Berg] called back\n"
        "[03-24 15:55 已完成] 结单\n[03-24 15:56 INFO] start\n"
    )
    assert kinds(detector.scan(text)) == [
        ("person_name", "刘宛如"),
        ("person_name", "Anna Berg"),
    ]
