"""The rules added after studying the misses of corpus 7 (bench/corpus7, issue 18): each
class of writing they showed, on lines written here (not the corpus's), and the look-alikes
each rule must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.engine import ALL_RULES
from piiguard.scanner.detectors.native import FAST
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mobile written 3-8, as many type it
        ("新客户：周立 177 26458810 明天到", [("person_name", "周立"), ("phone", "177 26458810")]),
        # "00" for "+" before the country code, a group of its own, after a phone word
        ("Tel 0044 20 7946 0958 (London office)", [("phone", "0044 20 7946 0958")]),
        ('"mobile": "00852 6123 4567"', [("phone", "00852 6123 4567")]),
        ("call 0060 12 3456789 after 6", [("phone", "0060 12 3456789")]),
        # the issuing country in brackets after the label
        ("Passport No. (FR)  21AB34567\nMobile", [("passport", "21AB34567")]),
        ("- 护照号（DE）：C01X00T47", [("passport", "C01X00T47")]),
        # the holder first, then the number; what the passport is for before the colon
        ("随行人员护照：Laura Conti, YA1234567, 7月入境", [("passport", "YA1234567")]),
        (
            "Passport for the visa application: Ben Foster, 543216789, exp. 2031",
            [("passport", "543216789")],
        ),
        # a token in an HTTP authorization header, as logs print it
        (
            "2026-03-02 10:01:12 DEBUG Authorization: Bearer q8Fz2LmN0pXr7TvB1kYw\n",
            [("secret", "q8Fz2LmN0pXr7TvB1kYw")],
        ),
        # a password after its word and a space
        ("门店wifi密码 Mx#2026ok 访客网络", [("secret", "Mx#2026ok")]),
        ("Temporary password   Tq7!rwz9\n", [("secret", "Tq7!rwz9")]),
        # a JSON dump written with \\uXXXX escapes (json.dumps' default): the name as read,
        # the hit over its escaped characters
        (
            '{"id": 3, "contactName": "\\u5f20\\u5efa\\u56fd", "qty": 2}',
            [("person_name", "\\u5f20\\u5efa\\u56fd")],
        ),
        ('{"full_name": "Zo\\u00eb Hart"}', [("person_name", "Zo\\u00eb Hart")]),
        # a chat speaker before a stamp without the year, accented Latin names too
        ("\n林启航  03-14 09:05\n收到\n", [("person_name", "林启航")]),
        ("\nRenée Dubois  11-02 17:45\nok\n", [("person_name", "Renée Dubois")]),
        ("\n2026-04-01 08:15:09 Søren Holm\n早\n", [("person_name", "Søren Holm")]),
    ],
)
def test_classes_of_writing_corpus_7_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PN 138-12345678-01 batch",  # a part number going on past the mobile's digits
        '"tracking": "176-12345675"',  # an air waybill: a carrier's prefix, dash, 8 digits
        "SN 0012 3456 7890",  # "00" and no country code
        "PO 0044 2079 460958 shipped",  # "00" and a country's code, but no word says phone
        "Tel. ref 0049-1234-5678",  # dashes: a part's code as often
        "passport, 2023, 123456789",  # no label, nor holder
        "WARN password expired, user=ops",  # a word after password
        "密码 错误次数过多",
        "password reset link sent",
        "Authorization: Bearer <token>",
        "auth: Basic Authentication required",
        "\n2026-04-01 08:15:09 系统消息\n",
        '{"product_name": "\\u7a7a\\u8c03\\u5916\\u673a"}',  # 空调外机 escaped: no name
        "\n2026-03-02 10:01:12 WARN Connection Reset: retrying\n",  # a log's level, no speaker
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type != "date_of_birth"] == []


def test_the_mobile_fast_path_reads_3_8_as_the_python_rule() -> None:
    rule = next(r for r in ALL_RULES if r.name == "mobile")
    if "mobile" not in FAST:
        pytest.skip("the compiled module is not built")
    for text in (
        "x 139 12345678 y",
        "138-12345678",
        "138 1234-5678",
        "138 1234 5678",
        "13812345678",
    ):
        for pos in range(len(text)):
            m = rule.pattern.match(text, pos)
            expected = False if m is None else rule.check(m, text)
            got = FAST["mobile"](text, pos)
            assert got is NotImplemented or got == expected, (text, pos)


_ORDER_CSV = """订单号,PO20261104-88
供应商,佛山市某某五金有限公司
联系人,龚启明
联系电话,139 24681357
Attn,Laura Conti
开户行账号,44050166012300004567

序号,物料编码,名称,数量
1,13824681357,端子 2.8mm,500
2,15913572468,线束 A-12,20
"""


def test_a_form_saved_as_csv_then_its_item_table(tmp_path: Path) -> None:
    """A purchase order saved from a spreadsheet: label,value rows (the label's meaning for
    the value), then a table under a header of its own whose part numbers stay claimed."""
    path = tmp_path / "po.csv"
    path.write_text(_ORDER_CSV, encoding="utf-8")
    found = sorted(
        (o.hit.type, o.hit.value) for o in scan_file(path, Detector()) if isinstance(o, Located)
    )
    assert found == [
        ("bank_account", "44050166012300004567"),
        ("person_name", "Laura Conti"),
        ("person_name", "龚启明"),
        ("phone", "139 24681357"),
    ]
