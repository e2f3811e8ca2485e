"""The rules added after studying the misses of corpus 9 (bench/corpus9, issue 18): each
class of writing they showed, on lines written here (not the corpus's), and the look-alikes
each rule must leave alone."""

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
        # a plate field holds a registration whatever its serial: five letters too, which the
        # plate rule alone takes for a word in capitals after a province's name
        ('{"id": 7, "vehicle_plate": "京NXKPWT", "ok": true}', [("licence_plate", "京NXKPWT")]),
        ("Plate No.: 沪A·KMZTR", [("licence_plate", "沪A·KMZTR")]),
        ("plate=苏E HQRWL speed=42", [("licence_plate", "苏E HQRWL")]),
        (
            "车牌号：浙BDKQNV  挂车：浙B3H7R2",
            [("licence_plate", "浙BDKQNV"), ("licence_plate", "浙B3H7R2")],
        ),
        # ... after a plate word and a space, as people type it in a chat
        (
            "师傅王建国，车牌 鲁QWXYZT，下午到",
            [("person_name", "王建国"), ("licence_plate", "鲁QWXYZT")],
        ),
        # ... in lower case, as typed into a form
        ("车牌号码：川a12345", [("licence_plate", "川a12345")]),
        # ... written with JSON's \uXXXX escapes (json.dumps' default), the middle dot too
        (
            '{"vehicle_plate": "\\u6d59A\\u00b7D12345"}',
            [("licence_plate", "\\u6d59A\\u00b7D12345")],
        ),
        ('{"plate": "\\u82cfE QRSTW"}', [("licence_plate", "\\u82cfE QRSTW")]),
        # escaped values in snake_case keys, read decoded in C as in Python
        (
            '{"date_of_birth": "1988\\u5e743\\u67087\\u65e5"}',
            [("date_of_birth", "1988\\u5e743\\u67087\\u65e5")],
        ),
        ('{"full_name": "\\u5f20\\u5fb7\\u660e"}', [("person_name", "\\u5f20\\u5fb7\\u660e")]),
        # a Chinese name with its other writing in brackets: a work name, a pinyin name
        (
            "\n2026-03-02 09:15:00 梁志华(Sunny)\n收到\n",
            [("person_name", "梁志华"), ("person_name", "Sunny")],
        ),
        (
            'Cc: "黄嘉欣 (HUANG Jiaxin)" <jx.huang@example.com>',
            [
                ("person_name", "黄嘉欣"),
                ("person_name", "HUANG Jiaxin"),
                ("email", "jx.huang@example.com"),
            ],
        ),
        (
            "此致\n罗美玲（Linda Luo）\n市场部",
            [("person_name", "罗美玲"), ("person_name", "Linda Luo")],
        ),
        # ... but a team's or a company's tag is no name: an acronym, a word after many names
        ("\n2026-03-02 09:15 卢志成(QA)\n收到\n", [("person_name", "卢志成")]),
        (
            "\n何丽娟(Hengda) 09:15\n好\n\n冯国强(Hengda) 09:16\nok\n",
            [("person_name", "何丽娟"), ("person_name", "冯国强")],
        ),
        # a chat message that begins by addressing someone
        (
            "[2026/4/1 10:00] 王芳：周建明，你把发票寄给我",
            [("person_name", "王芳"), ("person_name", "周建明")],
        ),
        ("\n陈晓东，麻烦今天回复\n", [("person_name", "陈晓东")]),
        ("\nAnna Keller，你把图纸发我\n", [("person_name", "Anna Keller")]),
        # a Latin name copied on a mail, a ticket booked in a name
        ("Please cc Laura Conti on the reply", [("person_name", "Laura Conti")]),
        ("Hotel booked for Chen Yiming, 2 nights", [("person_name", "Chen Yiming")]),
        # a plate after the vehicle sent out; a merchandiser named after 跟单
        ("出车：苏E·KQ5R8  里程 30 km", [("licence_plate", "苏E·KQ5R8")]),
        (
            "请联系跟单林志伟，电话 13912345678",
            [("person_name", "林志伟"), ("phone", "13912345678")],
        ),
        # a new employee named after 员工
        ("请录入新员工孙志强的入职资料", [("person_name", "孙志强")]),
        # a label, a few words of instruction or change, then the value
        ("出生日期请按护照填写：1979.11.02。", [("date_of_birth", "1979.11.02")]),
        ("生日是1990年5月3日", [("date_of_birth", "1990年5月3日")]),
        (
            "公司收款账号已更改为 4405 0166 0123 0000 456（开户行：建设银行）",
            [("bank_account", "4405 0166 0123 0000 456")],
        ),
        # a point in brackets after its key; an AccessKey ID after its key
        (
            "geo check dev=A17 pos=(22.531442, 113.940127)",
            [("coordinates", "22.531442, 113.940127")],
        ),
        ("oss.access-key-id=LTAI5tQ9xK2mN7pR4vW8", [("secret", "LTAI5tQ9xK2mN7pR4vW8")]),
        # 添 among the characters of given names (李添, 陈添明)
        ("司机：陈添明  手机：13912345678", [("person_name", "陈添明"), ("phone", "13912345678")]),
    ],
)
def test_classes_of_writing_corpus_9_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "    update BOM 13912345678 for line 3\n",  # a bill of materials' number, in a commit
        "BOM: 15887654321, rev B",
        '"vehicle": "货车", "plate": "待定"',  # a plate field without a plate
        "云SERVER 重启完成",  # a word in capitals after a province's name, no plate word
        "plate thickness 12mm",
        "型号(Pro) 电源(AC) 华为(Huawei)",  # a word, not a name, before a Latin gloss
        "好的，你先发",  # a reply, not a name
        "员工食堂今天关闭",
        "Please cc the Sales Team on it",
        "登录账号已变更为 20261234",  # a login, not a bank account
        "账号锁定时间：2026-01-01 10:00",  # another label's value after the words between
        "生日会时间：2026-05-01",
        "出车时间：2026-01-01 10:00",
        "\nThank You，请查收\n",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type != "date_of_birth"] == []


def _found(path: Path) -> list[tuple[str, str]]:
    return sorted(
        (o.hit.type, o.hit.value) for o in scan_file(path, Detector()) if isinstance(o, Located)
    )


_MANIFEST = """运输单 / DELIVERY NOTE
承运商：某某物流  批次：202611031234567890
司机：林添福  手机：139 0000 1234
车牌号：闽D·QKXWT  挂车：无

单号,收货人,电话,数量
DN001,黄美玲,13800001111,3
DN002,周立新,13800002222,5
"""


def test_a_form_s_lines_above_a_csv_table_are_no_header(tmp_path: Path) -> None:
    """A delivery note saved as CSV: `label：value` lines above the table are a form's, read
    as text (the driver, the plate), not a one-column table's header claiming its rows."""
    path = tmp_path / "manifest.csv"
    path.write_text(_MANIFEST, encoding="utf-8")
    found = _found(path)
    assert found == [
        ("licence_plate", "闽D·QKXWT"),
        ("person_name", "周立新"),
        ("person_name", "林添福"),
        ("person_name", "黄美玲"),
        ("phone", "13800001111"),
        ("phone", "13800002222"),
        ("phone", "139 0000 1234"),
    ]


_PLATES_CSV = """No.,Plate No.,Driver
1,粤E NKXWT,陈志强
2,粤AD12345,李国华
"""


_POINTS_CSV = (
    "No.,location,host\n"
    '1,"(22.531442, 113.940127)",10.0.0.1\n'
    '2,"N22°31\'53.2"" E113°56\'24.5""",10.0.0.2\n'
)


def test_a_location_column_holds_points_in_brackets_and_csv_quoted_seconds(
    tmp_path: Path,
) -> None:
    """A point in brackets under a coordinates header; degrees, minutes and seconds in a
    quoted CSV cell, whose seconds' mark is a doubled quote."""
    path = tmp_path / "points.csv"
    path.write_text(_POINTS_CSV, encoding="utf-8")
    assert [v for t, v in _found(path) if t == "coordinates"] == [
        "22.531442, 113.940127",
        'N22°31\'53.2"" E113°56\'24.5""',
    ]


def test_a_plate_column_holds_plates_of_any_serial(tmp_path: Path) -> None:
    path = tmp_path / "vehicles.csv"
    path.write_text(_PLATES_CSV, encoding="utf-8")
    found = _found(path)
    assert ("licence_plate", "粤E NKXWT") in found
    assert ("licence_plate", "粤AD12345") in found
