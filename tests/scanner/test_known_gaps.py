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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Hong Kong: a region, a district with no 區, a road, 號 and 樓 / 室
        ("ADR;TYPE=HOME:;;九龍旺角彌敦道88號12樓3室;;;;", ["九龍旺角彌敦道88號12樓3室"]),
        ("'新界荃灣青山公路168號9樓','13812345678'", ["新界荃灣青山公路168號9樓"]),
        ("送貨地址：香港灣仔告士打道56號", ["香港灣仔告士打道56號"]),
        # Taiwan: 市, 區 in Traditional script, a road's 段
        ("地址 臺北市大安區忠孝東路四段100號5樓，請寄", ["臺北市大安區忠孝東路四段100號5樓"]),
        ("高雄市苓雅區三多二路21號", ["高雄市苓雅區三多二路21號"]),
        # Macau, and a housing estate's flat (屋邨)
        ("澳門南灣大馬路123號5樓", ["澳門南灣大馬路123號5樓"]),
        ("住址：新界沙田瀝源邨福海樓12樓1203室", ["新界沙田瀝源邨福海樓12樓1203室"]),
        # look-alikes: a company, a product, a road named after a region, an estate's block
        ("九龍灣鴻圖道貿易有限公司", []),
        ("臺灣大道3號電池 10 顆", []),
        ("香港中路8号", []),
        ("新界五金廠3號倉", []),
        ("九龍秀茂坪邨秀明樓 管理處", []),
    ],
)
def test_traditional_script_and_hong_kong_taiwan_macau_addresses(
    detector: Detector, text: str, expected: list[str]
) -> None:
    found = [h.value for h in detector.scan(text) if h.type == "address"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deploy build=4148164ab2dcd32a0867fda3a7db725d0373dc43 by=Xiuying Chen", ["Xiuying Chen"]),
        ("[INFO] job=42 by=陈志强 status=ok", ["陈志强"]),
        ("order 123 approved by=李娜 status=ok", ["李娜"]),
        ("updated_by=Wang Fang ts=1", ["Wang Fang"]),
        ("by: Huiyu Liu", ["Huiyu Liu"]),
        # look-alikes: an ordering, a maker, a deadline, a login
        ("sort_by=name order_by=created_at group by=Li Ming", []),
        ("powered by=Apache Tomcat", []),
        ("Made by Foshan Kaltek today", []),
        ("deliver by Monday", []),
        ("by=marco.martin", []),
    ],
)
def test_a_name_after_by_in_a_log(detector: Detector, text: str, expected: list[str]) -> None:
    found = [h.value for h in detector.scan(text) if h.type == "person_name"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company's name: the characters before 厂 / 有限公司 / 集团 / 电器 / 科技
        ("收货人：何记厂", []),
        ("联系人 王记厂", []),
        ("收货人：王建国 有限公司", []),
        ("收货人：陈记厂 电话 13812345678", []),
        # a real name beside a company is still one
        ("收货人：王建国（美的集团）", ["王建国"]),
        ("收货人：王建国 美的集团", ["王建国"]),
        ("联系人：王建国 公司：王氏五金厂", ["王建国"]),
        ("供应商：王建国厂，联系人：王建国", ["王建国"]),
    ],
)
def test_a_chinese_company_is_no_person(detector: Detector, text: str, expected: list[str]) -> None:
    found = [h.value for h in detector.scan(text) if h.type == "person_name"]
    assert found == expected
