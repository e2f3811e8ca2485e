"""The rules added after scoring corpus 3 (bench/corpus3, issue 18): each class of writing its
misses showed, on lines written here (not the corpus's), and the look-alikes each rule must
leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector, fields
from piiguard.scanner.detectors.vocabulary import meaning_of_name
from tests.scanner.conftest import kinds

pytestmark = [pytest.mark.req("R2.7"), pytest.mark.req("R6.3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in its other writing, by its field: pinyin, 英文名, name_en
        (
            '{"xm": "黎志辉", "pinyin": "LI Zhihui"}',
            [("person_name", "黎志辉"), ("person_name", "LI Zhihui")],
        ),
        ("英文名：Guo Ruoxi", [("person_name", "Guo Ruoxi")]),
        ("英文姓名: Ruoxi GUO", [("person_name", "Ruoxi GUO")]),
        ("name_en=Tan Weiming", [("person_name", "Tan Weiming")]),
        # owners and contacts with a place after the word
        ("maintainer = Huang Jiaqi", [("person_name", "Huang Jiaqi")]),
        ("Site contact: Meiling HE, ext. 204", [("person_name", "Meiling HE")]),
        ("Contact on site: Tomasz Nowak", [("person_name", "Tomasz Nowak")]),
        # other countries' passports in a passport field
        ("passport_no=RK71TD503", [("passport", "RK71TD503")]),
        ('"Passport No.": "55B31907"', [("passport", "55B31907")]),
        # a bare account key: a valid card there is a card, other digits an account
        ("payout account=6217993000123456785 ok", [("bank_card", "6217993000123456785")]),
        ("payout account=440012345678901 ok", [("bank_account", "440012345678901")]),
        ("bank_account=6217993000123456785", [("bank_account", "6217993000123456785")]),
        # roads with a direction 中 after the road word
        ("寄到江门市蓬江区环市街道建设路中58号", [("address", "江门市蓬江区环市街道建设路中58号")]),
        # continental addresses, the number before the street; Polish ul. and postcode
        (
            "Ship to: 12 Bahnhofstraße, 80335 München",
            [("address", "12 Bahnhofstraße, 80335 München")],
        ),
        (
            "ul. Krakowska 17, 31-062 Kraków, Poland",
            [("address", "ul. Krakowska 17, 31-062 Kraków, Poland")],
        ),
        # a name followed by its number in brackets
        (
            "校验失败：龚雪梅 (440106198503151233)",
            [("person_name", "龚雪梅"), ("resident_id", "440106198503151233")],
        ),
        # the given-name model: 良, 善, 廷 …
        ("2024-03-02 10:11:12 许良\n收到", [("person_name", "许良")]),
        # a line that begins with who did what
        ("邝伟明上门更换压缩机，客户满意", [("person_name", "邝伟明")]),
        ("2. 诸葛晓辉已回复邮件", [("person_name", "诸葛晓辉")]),
        # a form table's row of label and value by turns
        ("| 民族 | 汉 | 出生日期 Birth | 1983/4/9 |", [("date_of_birth", "1983/4/9")]),
        # an unencoded "@" in a connection string's password: up to the last "@" before the host
        (
            "DSN=postgresql://report:Kv@77#x@db-01.internal:5432/bi",
            [("secret", "Kv@77#x")],
        ),
        # coordinates as a JSON array under their key, on one line or several
        (
            '"gps": [\n    30.5728,\n    104.0668\n]',
            [("coordinates", "30.5728"), ("coordinates", "104.0668")],
        ),
    ],
)
def test_classes_of_writing_corpus_3_missed(
    detector: Detector, text: str, expected: list[tuple[str, str]]
) -> None:
    assert kinds(detector.scan(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pinyin keys of part, code and batch fields claim phone-shaped values
        '{"wuliao_bianma": "13977260418", "pici_hao": "15012345678"}',
        "xuliehao=18698765432",
        # a part number in brackets, then a phone word's number is the phone's alone
        "更换压缩机（物料 13811112222）已完成",
        # kinship words in a family table are not names
        "| 岳母 | 退休 |",
        "| 孙女 | 学生 |",
        # a product name that only looks like a name, and a bare account key on a login
        "product_owner=Smart Lock",
        "user_account=6217993000123456785x",
        # a line that begins with a word, not a name
        "安全检查已完成，周期检查将在下月",
        "高温报警已处理",
        # two decimals in an array under a key that is not a place
        '"ratio": [23.1308, 113.1306]',
        # a passport field holding a placeholder or a word
        "passport_no=PENDING",
        "passport_no=N/A",
    ],
)
def test_look_alikes_these_rules_leave_alone(detector: Detector, text: str) -> None:
    assert [h for h in detector.scan(text) if h.type != "email"] == []


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("pinyin", fields.NAME),
        ("english_name", fields.NAME),
        ("英文名", fields.NAME),
        ("wuliao_bianma", fields.NOT_PERSONAL),
        ("gujian_banben", fields.NOT_PERSONAL),
        ("shenfenzheng_bianhao", None),
        ("refund_account", fields.ACCOUNT_OR_CARD),
        ("bank_account", fields.ACCOUNT),
        ("login_account", None),
        ("product_owner", None),
    ],
)
def test_field_names_added(name: str, meaning: str | None) -> None:
    assert meaning_of_name(name) == meaning
