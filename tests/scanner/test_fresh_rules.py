"""The rules added after scoring the fresh hand-made set (tests/scanner/freshset): each on a
hand-written line of the layout it is for, and each look-alike rule with the real value it
must leave alone. The set itself is scored end to end by `piiguard scan` at the bottom."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.scorecard import load, run_scan, scorecard
from piiguard.scanner.sources.tabular import header_row
from piiguard.scanner.taxonomy import TYPES
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R6.3")

FRESHSET = Path(__file__).parent / "freshset"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names with a middle dot, compound surnames, accents and particles
        ("姓名：买买提·艾力", [("person_name", "买买提·艾力")]),
        ("联系人：单于飞", [("person_name", "单于飞")]),
        ('{"fullName": "Aoife Ní Bhriain"}', [("person_name", "Aoife Ní Bhriain")]),
        ('{"lastName": "de la Torre"}', [("person_name", "de la Torre")]),
        (
            '{"firstName": "嘉豪", "lastName": "钟离"}',
            [("person_name", "嘉豪"), ("person_name", "钟离")],
        ),
        ("Dear Mr. van der Heyden,", [("person_name", "van der Heyden")]),
        # chat exports: WeChat, WeCom, DingTalk, live chat
        ("2024/05/20 20:31:12 王海涛\n你好", [("person_name", "王海涛")]),
        ("马建国 2024-06-12 09:12:05\n收到", [("person_name", "马建国")]),
        ("司马振宇（采购）  06-03 14:22\n好的", [("person_name", "司马振宇")]),
        ("[14:21] Visitor (Hannah Clarke): Hi", [("person_name", "Hannah Clarke")]),
        ("- 2024-06-08 Wang Lei: asked for a photo", [("person_name", "Wang Lei")]),
        # roles and labels around names
        ("跟进人：顾问钱美玲。", [("person_name", "钱美玲")]),
        ("已转物流部欧阳晨核实。", [("person_name", "欧阳晨")]),
        (
            "质量主管Elena Rossi、采购钟慧敏",
            [("person_name", "Elena Rossi"), ("person_name", "钟慧敏")],
        ),
        ("姓　　名：买买提江·吐尔地", [("person_name", "买买提江·吐尔地")]),
        ("**Assignee:** Wang Lei", [("person_name", "Wang Lei")]),
        ("对接人：马丽娟 135 2459 5711", [("person_name", "马丽娟"), ("phone", "135 2459 5711")]),
        (
            "Thanks,\nPriya\n--\nPriya Raghunathan | Consultant",
            [("person_name", "Priya"), ("person_name", "Priya Raghunathan")],
        ),
        ("祝好！\n\n郭晓明\n采购部", [("person_name", "郭晓明")]),
        # dates of birth, passports, accounts, secrets by their field
        ('"birthday":{"$date":"1990-05-16T00:00:00.000Z"}', [("date_of_birth", "1990-05-16")]),
        (
            '"birthDate":["1995-03-12","1995-03-21"]',
            [("date_of_birth", "1995-03-12"), ("date_of_birth", "1995-03-21")],
        ),
        ("Date of birth ........ 23 Oct 1974\n", [("date_of_birth", "23 Oct 1974")]),
        ("Date of birth:        July 27, 1963\n", [("date_of_birth", "July 27, 1963")]),
        ("【生日】 1998.12.03", [("date_of_birth", "1998.12.03")]),
        ("Passport number ...... 19AB12345\n", [("passport", "19AB12345")]),
        (
            "开户行及账号：中国建设银行成都新华支行 51050142620800001234",
            [("bank_account", "51050142620800001234")],
        ),
        (
            "| 银行账号 | 6451 5823 1234 | 120010190010012345 |",
            [("bank_account", "6451 5823 1234"), ("bank_account", "120010190010012345")],
        ),
        (
            "| 法定代表人 | 司徒永康 | 钟丽华 |",
            [("person_name", "司徒永康"), ("person_name", "钟丽华")],
        ),
        ("测试账号 test_user / 默认密码 P@ssw0rd2024! 还未回收", [("secret", "P@ssw0rd2024!")]),
        # addresses
        (
            "collection from Lindenstraße 18, 10969 Berlin.",
            [("address", "Lindenstraße 18, 10969 Berlin")],
        ),
        (
            "| Ship-to | Keizersgracht 221, 1016 DV Amsterdam |",
            [("address", "Keizersgracht 221, 1016 DV Amsterdam")],
        ),
        (
            '"detail":"Via Garibaldi 12, 20121 Milano"',
            [("address", "Via Garibaldi 12, 20121 Milano")],
        ),
        (
            "Home: 42 Rue des Lilas, 69003 Lyon, France\n",
            [("address", "42 Rue des Lilas, 69003 Lyon, France")],
        ),
        (
            "河南省郑州市金水区农业路东段18号院3号楼",
            [("address", "河南省郑州市金水区农业路东段18号院3号楼")],
        ),
    ],
)
def test_fields_names_and_addresses_in_the_fresh_layouts(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "型号 HX-7720 的料号是 13567042288，上次发错成了 13567042289",
        '"materials": ["13524595712", "13524595713"]',
        "物料编码 13922330791，别跟上批 13922330790 搞混",
        "| Serial | 13813813800 |",
        "SKF-15887760021 Seal kit",
        "My order 330782202402217507 has not arrived.",
        "固件先升到 6.1.3.204 再看",
        "Version of T&C: 3.2.1.0",
        'image "harbor.example/shop/order-svc:2.31.4.17" already present',
        "Updated libxml2 to 2.12.7, openssl to 3.0.13, sqlite to 3.45.3.0",
        "Support: +86 400 820 8820 (business hours)",
        "SUPPORT_HOTLINE=400-820-8820",
    ],
)
def test_look_alikes_after_a_part_or_version_word_are_not_reported(
    detector: Detector, text: str
) -> None:
    assert detector.scan(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phone word after the part word speaks for the number
        ("订单 3921877650412 手机 186 9729 9752", [("phone", "186 9729 9752")]),
        # the next key= ends what the version word speaks for
        ("version=2.2.0 device_ip=120.229.18.54", [("ip_address", "120.229.18.54")]),
        # a value that runs on into a token or an address is not claimed
        ("order 13812345678@163.com", [("email", "13812345678@163.com")]),
        (
            "slack=xoxb-13868228350-877548575466-Yh2CUIyFoevNoOiVeBZFXMUL",
            [("secret", "xoxb-13868228350-877548575466-Yh2CUIyFoevNoOiVeBZFXMUL")],
        ),
        ("联系电话：13912345678", [("phone", "13912345678")]),
        ("订单 2024061200345 身份证 110105199706154321", [("resident_id", "110105199706154321")]),
    ],
)
def test_negative_context_leaves_real_values_alone(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


def test_the_header_row_of_an_excel_export_is_found_below_its_title_rows() -> None:
    rows = [
        ["客户信息导出（2024年第二季度）", "", "", ""],
        ["基本信息", "", "联系方式", ""],
        ["客户编号", "客户姓名", "出生年月日", "银行账号"],
        ["C2024-0001", "范冰洁", "1991/6/11", "6222024359527973149"],
    ]
    assert header_row(rows) == 2
    assert header_row([["name", "phone"], ["Sarah Duan", "13812345678"]]) == 0


def test_the_fresh_set_is_labelled_file_by_file_gbk_too() -> None:
    labelled = load(FRESHSET)  # raises if a label is not in its (decoded) file
    on_disk = {
        p.relative_to(labelled.folder).as_posix() for p in labelled.folder.rglob("*") if p.is_file()
    }
    assert on_disk == set(labelled.spans)
    assert len(on_disk) >= 40
    assert (labelled.folder / "crm" / "会员数据_GBK.csv").read_bytes().decode("gbk")
    types = {s.type for spans in labelled.spans.values() for s in spans}
    assert types <= {*TYPES, "bank_account", "lookalike"}


@pytest.mark.req("R2.7")
def test_piiguard_scan_meets_the_targets_on_the_fresh_hand_made_set() -> None:
    """Overall F1 ≥ 0.95, every type ≥ 0.90, look-alikes flagged ≤ 0.5 %, scanned as a
    user runs it (`piiguard scan --format jsonl`, its own process)."""
    labelled = load(FRESHSET)
    card = scorecard(labelled, run_scan(labelled.folder).findings)
    assert card.by_type["overall"].f1 >= 0.95
    low = {t: round(s.f1, 3) for t, s in card.by_type.items() if s.f1 < 0.90}
    assert low == {}
    flagged, fakes = card.lookalikes
    assert fakes >= 150
    assert flagged <= 0.005 * fakes
