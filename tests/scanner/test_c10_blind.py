"""The classes corpus 10's first blind score showed (issue 18, the tenth session): each class
on lines and forms written here (not the corpus's), with the look-alikes each rule must leave
alone — part numbers in a box-drawn table's column, a meeting's dial-in number, a form's
numbered field in a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")

_BOX = """\
┌────┬──────────────┬──────────────┬──────┐
│ 序 │ 品名         │ 料号         │ 数量 │
├────┼──────────────┼──────────────┼──────┤
│  1 │ 轴承 6204    │ 13912345670  │  40  │
│  2 │ 风扇叶       │ 158 1234 5678 │  12  │
└────┴──────────────┴──────────────┴──────┘
"""
_BOX_PEOPLE = """\
╔═════╦════════════╦═══════════════╗
║ No. ║ Name       ║ Part No       ║
╠═════╬════════════╬═══════════════╣
║ 1   ║ Wendy Chan ║ 13912345670   ║
╚═════╩════════════╩═══════════════╝
┃ 序 ┃ 姓名     ┃ 手机          ┃
┃ 1  ┃ 张伟     ┃ 13812345678   ┃
"""


def test_box_drawn_table_columns_are_read_as_bar_tables(detector: Detector) -> None:
    # a part number's column holds no phone, however its values look
    assert kinds(detector.scan(_BOX)) == []
    assert kinds(detector.scan(_BOX_PEOPLE)) == [
        ("person_name", "Wendy Chan"),
        ("person_name", "张伟"),
        ("phone", "13812345678"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DESCRIPTION:会议号 13712345678 联系 0757-2153 6622", [("phone", "0757-2153 6622")]),
        ("会议编号：18612345678", []),
        ("入会码 15912345678", []),
        ("联系 15912345678", [("phone", "15912345678")]),  # no meaning's word: a phone still
    ],
)
def test_meeting_numbers_are_no_phones(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


def test_spreadsheet_form_label_names_the_cell_to_its_right(
    tmp_path: Path, detector: Detector
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["员工入职登记表"])
    sheet.append(["手机 Mobile", "139 1234 5678", "车牌 Plate", "粤B·12345"])
    sheet.append(["工衣编号 Uniform No.", "18712345678", "姓名 Name", "区嘉欣"])
    sheet.append(["护照 Passport", "E12345678", "备注", "13612345678"])
    path = tmp_path / "form.xlsx"
    book.save(path)
    found = [(o.hit.type, o.hit.value) for o in scan_file(path, detector) if isinstance(o, Located)]
    assert found == [
        ("phone", "139 1234 5678"),
        ("licence_plate", "粤B·12345"),
        ("person_name", "区嘉欣"),
        ("passport", "E12345678"),
        ("phone", "13612345678"),  # 备注 names no field: the value is read as itself
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Driver ID\n  110105198001010032\n", [("resident_id", "110105198001010032")]),
        ("Member No.\n 13374339603\n", [("phone", "13374339603")]),
        ("Account Number\n6222 0212 3456 7890\n", []),
        # a signature's name over its phone is still one
        (
            "Stefan Fischer\n13374339603\n",
            [("person_name", "Stefan Fischer"), ("phone", "13374339603")],
        ),
    ],
)
def test_a_number_label_over_its_value_is_no_name(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [k for k in kinds(detector.scan(text)) if k[0] != "bank_account"] == expected


_VCARD = """\
BEGIN:VCARD
VERSION:3.0
FN:欧阳思远
N:欧阳;思远;;;
X-PHONETIC-LAST-NAME:Ouyang
TEL;TYPE=CELL:+86 138 1234 5678
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN;CHARSET=UTF-8:Laura Becker
N:Becker;Laura;;Dr.;
ORG:Rheinmetall Antriebe GmbH
END:VCARD
BEGIN:VCARD
FN:顺德区容桂华美五金制品厂
N:顺德区容桂华美五金制品厂;;;;
END:VCARD
"""
_ICAL = """\
BEGIN:VEVENT
ORGANIZER;CN=Laura Becker:mailto:l.becker@example.de
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;CN="司马婉清";RSVP=TRUE:mailto:wq@example.cn
ATTENDEE;CUTYPE=ROOM;CN="Meeting Room 3":mailto:room3@example.cn
ATTENDEE;CN=Purchasing Team:mailto:buy@example.cn
SUMMARY:Supplier review
END:VEVENT
"""


def test_vcard_properties_are_name_fields(detector: Detector) -> None:
    found = [k for k in kinds(detector.scan(_VCARD)) if k[0] == "person_name"]
    assert found == [
        ("person_name", "欧阳思远"),
        ("person_name", "欧阳"),
        ("person_name", "思远"),
        ("person_name", "Ouyang"),
        ("person_name", "Laura Becker"),
        ("person_name", "Becker"),
        ("person_name", "Laura"),
    ]


def test_icalendar_common_names_are_names_rooms_and_teams_not(detector: Detector) -> None:
    found = [k for k in kinds(detector.scan(_ICAL)) if k[0] == "person_name"]
    assert found == [("person_name", "Laura Becker"), ("person_name", "司马婉清")]


@pytest.mark.parametrize(
    "text", ["N: 12 pcs;20 kg\n", "FN:\n", "Status N:done;ok\n", "ATTENDEE;CN=:mailto:a@b.cn\n"]
)
def test_card_look_alikes(detector: Detector, text: str) -> None:
    assert [k for k in kinds(detector.scan(text)) if k[0] == "person_name"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("護照：KJ0412345\n", [("passport", "KJ0412345")]),
        ("護照號碼: G12345678", [("passport", "G12345678")]),
        ("护照复印件号码：E05330866", [("passport", "E05330866")]),
        ("護照辦理進度：已受理", []),  # a passport's errand, no number
    ],
)
def test_passport_labels_in_traditional_script_and_on_a_copy(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


_STATEMENT = """\
交易日期    摘要      对方户名      对方账号                金额
2026-03-02  代发      区嘉欣        6217 0031 2345 6789 012   1200.00
2026-03-05  转账      Maria Lopez 6222 0211 1111 2222      -88.00
2026-03-09  货款      司马婉清      621483123456789          56.10

合计  3 笔
"""


def test_fixed_width_statement_reads_on_past_an_uneven_row(detector: Detector) -> None:
    found = kinds(detector.scan(_STATEMENT))
    assert ("person_name", "区嘉欣") in found
    assert ("person_name", "司马婉清") in found  # under the row one space parts
    assert ("bank_account", "621483123456789") in found
    assert not any(k[1] == "3" for k in found)  # the table ended at the blank line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("—— 2026/4/1 09:12 ——\n欧阳娜：\n  图纸收到\n", [("person_name", "欧阳娜")]),
        ("2026-04-01 09:12\r\n司马婉清:\r\n  好嘅\r\n", [("person_name", "司马婉清")]),
        ("2026/4/1 09:12\n备注：\n  无\n", []),  # a label under a time, no name
        ("09:12 发货\n收货地址：\n", []),
        ("张伟：\n  好\n", []),  # no dated line above: not read as a speaker by this rule
    ],
)
def test_chat_export_speaker_under_its_time_line(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


_APPROVAL = """\
### 出差申请 No. CC2026001

**申请人**

欧阳娜

**审批人**

Laura Becker 已同意

**护照号（出境用）**

E12345678

**物料编码**

13912345678

**备注**

13712345678 周五前
"""


def test_markdown_bold_label_over_its_value(detector: Detector) -> None:
    assert kinds(detector.scan(_APPROVAL)) == [
        ("person_name", "欧阳娜"),
        ("person_name", "Laura Becker"),
        ("passport", "E12345678"),
        ("phone", "13712345678"),  # 备注 names no field: read as itself
    ]
