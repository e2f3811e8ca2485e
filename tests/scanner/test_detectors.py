"""Each type is found in realistic text, with its validator; look-alikes are not flagged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector, Validator
from piiguard.scanner.taxonomy import CATEGORY, category_of
from tests.scanner.conftest import kinds

pytestmark = pytest.mark.req("R2.7")

FOUND = [
    ("邮箱 zhang.wei@example.com.cn 请回复", "email", "zhang.wei@example.com.cn"),
    ("Contact: j.smith+orders@mail.example.org.", "email", "j.smith+orders@mail.example.org"),
    ("手机13812345678", "phone", "13812345678"),
    ("电话 138-1234-5678，", "phone", "138-1234-5678"),
    ("Tel: +86 138 1234 5678", "phone", "+86 138 1234 5678"),
    ("座机 (0757) 8123 4567", "phone", "(0757) 8123 4567"),
    ("总机 0755-86013388 转", "phone", "0755-86013388"),
    ("London office +44 20 7946 0958.", "phone", "+44 20 7946 0958"),
    ("call (415) 555-2671 today", "phone", "(415) 555-2671"),
    ("身份证号：11010519491231002X", "resident_id", "11010519491231002X"),
    ("老身份证号码 110105491231002", "resident_id", "110105491231002"),
    ("护照号码：E12345678", "passport", "E12345678"),
    ("Passport No. 533380006 issued", "passport", "533380006"),
    ("card 4111 1111 1111 1111 exp", "credit_card", "4111 1111 1111 1111"),
    ("Amex 3782 822463 10005", "credit_card", "3782 822463 10005"),
    ("银行卡号 6222021234567890128", "bank_card", "6222021234567890128"),
    ("IBAN DE89 3704 0044 0532 0130 00 please", "iban", "DE89 3704 0044 0532 0130 00"),
    ("from 203.0.113.45 at", "ip_address", "203.0.113.45"),
    ("client 2001:db8:85a3::8a2e:370:7334 connected", "ip_address", "2001:db8:85a3::8a2e:370:7334"),
    ("联系人：王小明，", "person_name", "王小明"),
    ("请转告张伟先生", "person_name", "张伟"),
    ("尊敬的欧阳娜娜女士", "person_name", "欧阳娜娜"),
    ("Dear Mr. John Smith,", "person_name", "John Smith"),
    ("Name: Mary-Ann O'Neil\n", "person_name", "Mary-Ann O'Neil"),
    (
        "地址：广东省佛山市顺德区大良街道新城路8号3栋502室",
        "address",
        "广东省佛山市顺德区大良街道新城路8号3栋502室",
    ),
    (
        "Ship to 942 Sharon Land Apt. 072\nSeanmouth, IA 65345 soon",
        "address",
        "942 Sharon Land Apt. 072\nSeanmouth, IA 65345",
    ),
    ("出生日期：1990-03-05", "date_of_birth", "1990-03-05"),
    ("DOB: 12/31/1985", "date_of_birth", "12/31/1985"),
    ("born on March 5, 1990 in", "date_of_birth", "March 5, 1990"),
    ("1988年7月2日出生", "date_of_birth", "1988年7月2日"),
    ("GPS 22.543096, 114.057865", "coordinates", "22.543096, 114.057865"),
    ("at 31.2304°N, 121.4737°E", "coordinates", "31.2304°N, 121.4737°E"),
    ("车牌粤A·12345，", "licence_plate", "粤A·12345"),
    ("新能源车 沪AD12345 ", "licence_plate", "沪AD12345"),
    ("db password=Sup3r-S3cret! next", "secret", "Sup3r-S3cret!"),
    ("key AKIAIOSFODNN7EXAMPLE here", "secret", "AKIAIOSFODNN7EXAMPLE"),
]


@pytest.mark.parametrize(("text", "kind", "value"), FOUND)
def test_type_is_found_with_exact_span(
    detector: Detector, text: str, kind: str, value: str
) -> None:
    hits = detector.scan(text)
    assert (kind, value) in kinds(hits)
    hit = next(h for h in hits if h.type == kind)
    assert text[hit.start : hit.end] == value
    assert 0 < hit.confidence <= 1


def test_private_key_block_is_one_finding(detector: Detector) -> None:
    block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----"
    hits = detector.scan("config:\n" + block + "\n")
    assert kinds(hits) == [("secret", block)]


LOOK_ALIKES = [
    "订单号 PO-2024-000123，零件号 4711-0815-22",
    "Order SO202406181234567 shipped",  # 15 digits glued to letters
    "流水号 110105194912310021",  # resident ID shape, wrong check character
    "serial 4111111111111112",  # Luhn-invalid card length
    "批次 6222021234567890127",  # Luhn-invalid UnionPay length
    "firmware version 1.2.3.4 installed",
    "固件版本 3.1.0.12 已更新",
    "User-Agent: Chrome/120.0.6099.109",
    "v2.4.10.1 released",
    "交货日期：2024-06-18，发票日期 2024-06-20",
    "Invoice date 03/15/2024",
    "exchange rates 7.1234, 7.2345",
    "icon@2x.png and logo@3x.jpg",
    "password=******** and token: <redacted>",
    "MAC 00:1A:2B:3C:4D:5E at 12:30:45",
    "Dear Customer, thank you",
    "项目经理审核，公司总监批准",
    "13812345678901 is an account reference",
    "Part 123-456-7890 in stock",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(detector: Detector, text: str) -> None:
    assert kinds(detector.scan(text)) == []


def test_validator_says_what_confirmed_it(detector: Detector) -> None:
    hits = {
        h.type: h
        for h in detector.scan("身份证 11010519491231002X 电话 13812345678 出生日期 1990-03-05")
    }
    assert hits["resident_id"].validator is Validator.CHECKSUM
    assert hits["phone"].validator is Validator.FORMAT
    assert hits["date_of_birth"].validator is Validator.CONTEXT


def test_hint_gives_context_but_yields_no_hit_of_its_own(detector: Detector) -> None:
    assert kinds(detector.scan("John Smith")) == []
    assert kinds(detector.scan("John Smith", hint="customer_name")) == [
        ("person_name", "John Smith")
    ]
    hits = detector.scan("1990-03-05", hint="birth_date")
    assert [(h.type, h.start, h.end) for h in hits] == [("date_of_birth", 0, 10)]


def test_offsets_are_code_points_after_chinese_text(detector: Detector) -> None:
    text = "客户张先生的邮箱是 li@example.com"
    (hit,) = [h for h in detector.scan(text) if h.type == "email"]
    assert text[hit.start : hit.end] == "li@example.com"


def test_every_type_has_a_category_key() -> None:
    assert category_of("resident_id") == "user.government_id.national_identification_number"
    assert all(key.startswith("user.") for key in CATEGORY.values())


# Values that need no context words, as the tests above find them.
CONTEXT_FREE = [
    (kind, value)
    for _text, kind, value in FOUND
    if kind not in ("person_name", "passport", "date_of_birth", "secret")
    and value not in ("110105491231002", "22.543096, 114.057865")
] + [("secret", "AKIAIOSFODNN7EXAMPLE")]


@pytest.mark.parametrize(("kind", "value"), CONTEXT_FREE)
def test_type_is_found_at_the_edges_of_the_text(detector: Detector, kind: str, value: str) -> None:
    """A value alone, between line breaks, or between Chinese punctuation: the engine anchors
    on the character before a value or on the start of the text, and maps non-ASCII text to
    one byte a character, so these are its edge cases."""
    for variant in (value, "\n" + value + "\n", "，" + value + "。", "电话：" + value):
        hits = detector.scan(variant)
        assert (kind, value) in kinds(hits), variant
        hit = next(h for h in hits if h.type == kind)
        assert variant[hit.start : hit.end] == value


def test_scanning_odd_text_neither_crashes_nor_misplaces_hits(detector: Detector) -> None:
    """Random soups of the characters the rules anchor on (Hyperscan 5.4 crashed on some
    texts with one form of IPv6 expression under leftmost start of match: see formats.py)."""
    r = random.Random(3)
    alphabet = "0123456789abcdefABCDEF:.:-+ ()@_%/\n\t，。：号路省市先生°·粤AXx?"
    pieces = ["::", ":::", "::1", "fe80::", "2001:db8::", "a:b:c:d:e:f:1:2", "ffff:" * 5]
    samples = [text for text, _kind, _value in FOUND] + LOOK_ALIKES
    for _ in range(3000):
        if r.random() < 0.5:
            text = "".join(r.choice(alphabet) for _ in range(r.randint(1, 300)))
        else:
            base = r.choice(samples)
            cut = r.randint(0, len(base))
            text = base[:cut] + r.choice(pieces) * r.randint(1, 20) + base[cut:]
        for h in detector.scan(text):
            assert text[h.start : h.end] == h.value


def test_compiled_databases_are_cached_and_reloaded(
    detector: Detector, tmp_path: Path, hyperscan_compiles: list[int]
) -> None:
    text = "电话 13812345678, 联系人：王小明, mail a.b@example.com"
    first = Detector(cache=tmp_path)  # compiled (the folder is empty), then written
    files = sorted(tmp_path.glob("hyperscan-*.db"))
    assert len(files) == 2  # the ASCII and the UTF-8 databases
    assert len(hyperscan_compiles) == 2
    stamps = [f.stat().st_mtime_ns for f in files]
    second = Detector(cache=tmp_path)  # loaded, not compiled again
    assert [f.stat().st_mtime_ns for f in files] == stamps
    assert len(hyperscan_compiles) == 2
    # `first` is the compiled one; the worker's detector stands for every other test's
    assert second.scan(text) == first.scan(text) == detector.scan(text) != []
    for f in files:
        f.write_bytes(b"not a database")
    assert Detector(cache=tmp_path).scan(text) == first.scan(text)  # recompiled, rewritten
    assert all(f.read_bytes() != b"not a database" for f in files)
    assert len(hyperscan_compiles) == 4
