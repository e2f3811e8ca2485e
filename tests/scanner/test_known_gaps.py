"""The scanner's known gaps closed (issue 18, docs/scanner.md "Known gaps closed (2026-12-07
afternoon)"): each rule on lines and workbooks written here, with the look-alike it must
leave alone beside the value it must find."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located

pytestmark = pytest.mark.req("R2.7")


def _workbook(tmp_path: Path, rows: list[list[object]]) -> list[tuple[str, str, str]]:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    return [
        (o.location["cell"], o.hit.type, o.hit.value)
        for o in scan_file(path, Detector())
        if isinstance(o, Located)
    ]


def test_a_tables_description_cell_names_no_value_beside_it(tmp_path: Path) -> None:
    # a description ending in a field's word (pin, password) is data in a table's body: the
    # version under the `fw` header stays a version, not a PIN
    found = _workbook(
        tmp_path,
        [
            ["part_no", "description", "fw", "qty"],
            ["6205-2RS-045", "Gas hob ignition pin", "1.2.120.6963", 310],
            ["HT-5627-997B", "Reset password button", "v2.18.93.45", 12],
        ],
    )
    assert found == []


def test_a_tables_header_row_is_no_form(tmp_path: Path) -> None:
    # 姓名 beside 银行卡号 in a header row names no cell; the column's values are read
    found = _workbook(
        tmp_path,
        [
            ["客户编号", "姓名", "银行卡号", "手机号码"],
            ["KH11372", "沈鹏平", "6216616806442620", "13636209501"],
        ],
    )
    assert ("C1", "person_name", "银行") not in found
    assert ("B2", "person_name", "沈鹏平") in found
    assert ("D2", "phone", "13636209501") in found


def test_a_form_row_picked_as_header_still_names_its_values(tmp_path: Path) -> None:
    # the form's rows (label | value | label | value) are no table: each label names the
    # cell to its right, the first such row too
    found = _workbook(
        tmp_path,
        [
            ["新员工入职登记表"],
            ["姓名 Name", "区嘉欣", "出生年月 Date of Birth", "1999/1/19"],
            ["工衣编号 Uniform No.", "18712345678", "护照 Passport", "E12345678"],
        ],
    )
    assert found == [
        ("B2", "person_name", "区嘉欣"),
        ("D2", "date_of_birth", "1999/1/19"),
        ("D3", "passport", "E12345678"),
    ]
