"""Structure-aware scanning, file kind by file kind, on small hand-written files of the kinds a
manufacturer keeps: a CRM export with Chinese headers, a parts list, an ERP JSON dump, JSONL,
an application log, an Outlook-style message, an HR form (docx) and a spreadsheet. Values
whose meaning is in the structure (a bare name under `姓名`, a date under `birthday`) are
found; look-alikes under part, model and version columns are not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import openpyxl
import pytest

from piiguard.scanner import scan
from piiguard.scanner.detectors import Detector
from piiguard.scanner.scan import FileScanner
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located
from piiguard.scanner.sources.tabular import classify_columns, table_of
from piiguard.scanner.sources.text import detect_encoding, scan_text_file

pytestmark = pytest.mark.req("R2.7")

CRM_EXPORT = """\
客户编号,客户姓名,联系电话,出生日期,证件类型,护照号码,银行账号,所在城市,备注
C-240101,段莎拉,13812345678,1963/7/27,护照,E12345678,6222021234567890128,佛山,老客户 复购
C-240102,孙桂英,13987654321,1994.02.25,护照,G87654321,6217001234567890,深圳,
C-240103,闭宁,15011112222,1974年10月23日,护照,E23456789,"6228 4800 1234 5678 917",广州,"回访, 好"
"""

PARTS_LIST = """\
P/N\tDescription\tModel\tFirmware Version\tQty\tContact
13812345678\tCompressor relay\tKX-200\t10.2.3.4\t4\tSarah Duan
13998765432\tDoor gasket\tKX-300\t192.168.1.20\t2\tLi Hua
"""

ERP_DUMP = """\
{"orders": [
  {"order_no": "13812345678", "customer": {"name": "Sarah Duan", "birthday": "27/07/1963",
   "contact": "Guiying Sun", "bank_account": "6222021234567890128"},
   "items": [{"sku": "13712345678", "product_name": "Bearing Housing", "version": "10.1.1.2"}],
   "ship_gps": "31.2304, 121.4737"}
]}
"""

APP_LOG = """\
2024-06-18 09:12:44,118 INFO  [auth] login ok user_name=gsun name="Guiying Sun" client=10.8.0.14
2024-06-18 09:12:45,002 WARN  [db] retry url=mysql://crm_app:S3cr3t-Pw@db.internal:3306/crm
2024-06-18 09:12:46,540 INFO  [api] payload={"passport_no": "E12345678", "dob": "1985-01-25"}
2024-06-18 09:12:47,001 INFO  [fw] device upgraded build=10.4.0.12 version=2.3.1.0
"""

OUTLOOK_MAIL = """\
From: Guiying Sun <g.sun@example.com>
To: "Duan, Sarah" <sarah.duan@example.org>
Cc: 王秀英 <wxy@example.cn>
Subject: RE: 压缩机更换

Hi Sarah,

售后工程师卫阳将于周三上门，零件号 13912345678 已备货。

Thanks,
Guiying Sun
"""


def _found(path: Path, detector: Detector) -> list[tuple[str, str]]:
    return [(o.hit.type, o.hit.value) for o in scan_file(path, detector) if isinstance(o, Located)]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_crm_export_columns_by_their_chinese_headers(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "crm.csv", CRM_EXPORT), detector)
    assert found == [
        ("person_name", "段莎拉"),
        ("phone", "13812345678"),
        ("date_of_birth", "1963/7/27"),
        ("passport", "E12345678"),
        ("bank_account", "6222021234567890128"),
        ("person_name", "孙桂英"),
        ("phone", "13987654321"),
        ("date_of_birth", "1994.02.25"),
        ("passport", "G87654321"),
        ("bank_account", "6217001234567890"),
        ("person_name", "闭宁"),
        ("phone", "15011112222"),
        ("date_of_birth", "1974年10月23日"),
        ("passport", "E23456789"),
        ("bank_account", "6228 4800 1234 5678 917"),
    ]


def test_crm_export_offsets_and_lines_point_at_the_cells(
    tmp_path: Path, detector: Detector
) -> None:
    path = _write(tmp_path, "crm.csv", CRM_EXPORT)
    for o in scan_file(path, detector):
        assert isinstance(o, Located)
        start, end = o.location["start"], o.location["end"]
        assert CRM_EXPORT[start:end] == o.hit.value
        assert o.location["line"] == CRM_EXPORT.count("\n", 0, start) + 1


def test_parts_list_look_alikes_stay_quiet(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "parts.tsv", PARTS_LIST), detector)
    assert found == [("person_name", "Sarah Duan"), ("person_name", "Li Hua")]


def test_erp_json_dump_by_key(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "erp.json", ERP_DUMP), detector)
    assert found == [
        ("person_name", "Sarah Duan"),
        ("date_of_birth", "27/07/1963"),
        ("person_name", "Guiying Sun"),
        ("bank_account", "6222021234567890128"),
        ("coordinates", "31.2304, 121.4737"),
    ]


def test_jsonl_records(tmp_path: Path, detector: Detector) -> None:
    text = (
        '{"id":1,"real_name":"欧阳娜娜","birth_date":"1990-03-05","pwd":"Qw8!zx7Lp"}\n'
        '{"id":2,"real_name":"Sarah Duan","birth_date":"July 27, 1963","pwd":"********"}\n'
    )
    found = _found(_write(tmp_path, "users.jsonl", text), detector)
    assert found == [
        ("person_name", "欧阳娜娜"),
        ("date_of_birth", "1990-03-05"),
        ("secret", "Qw8!zx7Lp"),
        ("person_name", "Sarah Duan"),
        ("date_of_birth", "July 27, 1963"),
    ]


def test_application_log_key_value_and_json_fields(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "app.log", APP_LOG), detector)
    assert found == [
        ("person_name", "Guiying Sun"),
        ("ip_address", "10.8.0.14"),
        ("secret", "S3cr3t-Pw"),
        ("passport", "E12345678"),
        ("date_of_birth", "1985-01-25"),
    ]


def test_outlook_style_mail_headers_greeting_and_signature(
    tmp_path: Path, detector: Detector
) -> None:
    found = _found(_write(tmp_path, "re.eml", OUTLOOK_MAIL), detector)
    assert found == [
        ("person_name", "Guiying Sun"),
        ("email", "g.sun@example.com"),
        ("person_name", "Duan, Sarah"),
        ("email", "sarah.duan@example.org"),
        ("person_name", "王秀英"),
        ("email", "wxy@example.cn"),
        ("person_name", "Sarah"),
        ("person_name", "卫阳"),
        ("person_name", "Guiying Sun"),
    ]


def test_hr_form_docx_labels_and_label_cells(tmp_path: Path, detector: Detector) -> None:
    document = docx.Document()
    document.add_paragraph("员工入职登记表")
    document.add_paragraph("姓名 Name：闭宁（Xiulan Yin）    性别：男    出生日期：1974年10月23日")
    table = document.add_table(rows=2, cols=4)
    for cell, text in zip(
        [*table.rows[0].cells, *table.rows[1].cells],
        [
            "紧急联系人",
            "卫阳",
            "护照号码",
            "G87654321",
            "银行账号",
            "6222021234567890128",
            "型号",
            "13812345678",
        ],
        strict=True,
    ):
        cell.text = text
    path = tmp_path / "onboarding.docx"
    document.save(str(path))
    assert _found(path, detector) == [
        ("person_name", "闭宁"),
        ("person_name", "Xiulan Yin"),
        ("date_of_birth", "1974年10月23日"),
        ("person_name", "卫阳"),
        ("passport", "G87654321"),
        ("bank_account", "6222021234567890128"),
    ]


def test_spreadsheet_headers(tmp_path: Path, detector: Detector) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "生日", "账号", "料号", "固件版本"])
    sheet.append(["孙桂英", "1994.02.25", "6222021234567890128", 13812345678, "10.2.3.4"])
    path = tmp_path / "staff.xlsx"
    book.save(path)
    assert _found(path, detector) == [
        ("person_name", "孙桂英"),
        ("date_of_birth", "1994.02.25"),
        ("bank_account", "6222021234567890128"),
    ]


def test_columns_from_header_and_a_sample_of_values() -> None:
    header = ["name", "名单", "qty"]
    rows = [["Bearing Housing 20mm", "张伟", "1"], ["Door gasket", "李娜", "2"]] * 3
    # "name" holds products here; the unnamed column holds Chinese names.
    assert classify_columns(header, rows) == [None, "person_name", None]


def test_plain_csv_without_known_columns_is_scanned_as_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "plain.csv", "id,note\n1,call 13812345678\n")
    assert table_of(path, "utf-8") is None


def test_split_csv_finds_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "".join(CRM_EXPORT.splitlines(keepends=True)[1:])
    path = _write(tmp_path, "big.csv", CRM_EXPORT + body * 300)
    monkeypatch.setattr(scan, "TASK_BYTES", 20_000)  # so that the file is split

    def outcomes(workers: int) -> list[object]:
        with FileScanner(workers) as scanner:
            return [o for _, found in scanner.scan([path]) for o in found]

    one, two = outcomes(1), outcomes(2)
    assert one == two
    assert sum(isinstance(o, Located) and o.hit.type == "bank_account" for o in one) == 903


PURCHASE_ORDER = """\
采购订单 PO-2024-0618        供应商：佛山顺德冷链配件有限公司

| 行 | 料号 | 描述 | 固件版本 | 数量 | 采购员 |
|----|------|------|----------|------|--------|
| 1 | 13812345678 | 压缩机继电器 | 10.2.3.4 | 4 | 段莎拉 |
| 2 | 13998765432 | 门封条 | 192.168.1.20 | 2 | Guiying Sun |

Line  Part No      Description        Qty  Buyer
1     15011112222  Compressor relay   4    Sarah Duan
2     18600001111  Door gasket        2    Li Hua

收货联系人：卫阳  电话：13712345678
"""


def test_purchase_order_tables_in_text(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "po-0618.txt", PURCHASE_ORDER), detector)
    assert found == [
        ("person_name", "段莎拉"),
        ("person_name", "Guiying Sun"),
        ("person_name", "Sarah Duan"),
        ("person_name", "Li Hua"),
        ("person_name", "卫阳"),
        ("phone", "13712345678"),
    ]


CHAT = """\
[2024-06-18 09:12] 孙桂英：师傅什么时候到？我电话 13812345678
[2024-06-18 09:13] 卫阳：大概半小时，@孙桂英 麻烦下楼开门
[2024-06-18 09:20] Sarah Duan: ticket updated
[2024-06-18 09:21] 金额：300 元
"""


def test_chat_transcript_speakers_and_mentions(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "chat.txt", CHAT), detector)
    assert found == [
        ("person_name", "孙桂英"),
        ("phone", "13812345678"),
        ("person_name", "卫阳"),
        ("person_name", "孙桂英"),
        ("person_name", "Sarah Duan"),
    ]


QUOTED_REPLY = """\
孙桂英，您好：

已安排。

-----Original Message-----
From: Sun, Guiying
Sent: Tuesday, June 18, 2024 9:12 AM
To: Li Hua; Duan, Sarah <sarah.duan@example.org>
Cc: 王秀英；卫阳
Message-ID: <20240618.13812345678@mail.example.com>
Subject: 压缩机
"""


def test_quoted_reply_headers_list_every_recipient(tmp_path: Path, detector: Detector) -> None:
    found = _found(_write(tmp_path, "reply.txt", QUOTED_REPLY), detector)
    assert found == [
        ("person_name", "孙桂英"),
        ("person_name", "Sun, Guiying"),
        ("person_name", "Li Hua"),
        ("person_name", "Duan, Sarah"),
        ("email", "sarah.duan@example.org"),
        ("person_name", "王秀英"),
        ("person_name", "卫阳"),
    ]


def test_pinyin_keys_and_id_document_fields(tmp_path: Path, detector: Detector) -> None:
    text = (
        '{"xm": "孙桂英", "csrq": "1994-02-25", "zjlx": "护照", "zjhm": "E12345678", '
        '"yhzh": "6222021234567890128", "lh": "13812345678"}\n'
        "出生年月：1990.03  证件号码：EA1234567\n"
    )
    found = _found(_write(tmp_path, "hr.jsonl", text), detector)
    assert found == [
        ("person_name", "孙桂英"),
        ("date_of_birth", "1994-02-25"),
        ("passport", "E12345678"),
        ("bank_account", "6222021234567890128"),
        ("date_of_birth", "1990.03"),
        ("passport", "EA1234567"),
    ]


def test_rows_across_read_windows_are_read_as_rows(detector: Detector, tmp_path: Path) -> None:
    """A CSV row cut by the edge of a read window is read whole by the window after it (its
    part-number cells stay claimed, its birth dates found): as in one window."""
    given, more = "伟芳娜敏静丽强磊军洋", "勇艳杰娟涛明超秀霞平"
    lines = ["姓名,出生日期,型号"]
    lines += [
        f"王{given[i % 10]}{more[i % 10]},1990-0{1 + i % 9}-1{i % 10},13800000000"
        for i in range(3000)
    ]
    path = tmp_path / "p.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    encoding = detect_encoding(path.read_bytes()[:65536])
    assert encoding is not None
    whole = list(scan_text_file(path, encoding, detector, chunk_bytes=1 << 24))
    windowed = list(scan_text_file(path, encoding, detector, chunk_bytes=4096))
    assert windowed == whole
    assert Counter(h.type for h, _line in whole) == {"person_name": 3000, "date_of_birth": 3000}
