"""The compiled fast paths (piiguard/scanner/_native.c) answer exactly as the Python rules
they stand in for: the rule's exact pattern matched at a position, then its check.

Texts are random soups of the fragments these rules care about (values valid and almost
valid, separators, context words, characters the hand-written matchers must not misread such
as full-width digits and the Kelvin sign), and every position of every text is compared.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.scanner.detectors import Detector, checks
from piiguard.scanner.detectors.engine import ALL_RULES
from piiguard.scanner.detectors.native import FAST, NATIVE, literal_words
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.values import persons

pytestmark = [
    pytest.mark.req("R6.3"),
    pytest.mark.skipif(NATIVE is None, reason="the compiled fast paths are not built"),
]

RULES = {rule.name: rule for rule in ALL_RULES}


def _luhn_complete(r: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(r.choice("0123456789") for _ in range(length - len(prefix) - 1))
    for last in "0123456789":
        if checks.luhn(body + last):
            return body + last
    raise AssertionError


def _resident_id(r: random.Random) -> str:
    def pick(good: list[str], bad: list[str]) -> str:
        return r.choice(good if r.random() < 0.85 else bad)

    first17 = (
        pick(["11", "44", "31"], ["99", "00"])
        + "0105"
        + pick(["1949", "2001", "1985"], ["1899", "2150"])
        + pick(["12", "02", "07"], ["13", "00"])
        + pick(["31", "29", "30", "01", "15"], ["00", "32"])
        + "".join(r.choice("0123456789") for _ in range(3))
    )
    check = checks.ric_check_char(first17) if r.random() < 0.7 else r.choice("0123456789Xx")
    return first17 + (check.lower() if r.random() < 0.2 else check)


def _grouped(value: str, sep: str, size: int = 4) -> str:
    return sep.join(value[i : i + size] for i in range(0, len(value), size))


def _values(r: random.Random) -> list[str]:
    card = _luhn_complete(
        r,
        r.choice(["4", "51", "2221", "34", "62", "3530", "6011", "36"]),
        r.choice([13, 14, 15, 16, 17, 18, 19]),
    )
    iban = r.choice(
        [
            "DE89370400440532013000",
            "GB82WEST12345698765432",
            "FR1420041010050500013M02606",
            "NL91ABNA0417164300",
            "DE89370400440532013001",
            "CH9300762011623852957",
            "BE68539007547034",
            "GB82WEST1234569876543",
        ]
    )

    def decimal(whole: int) -> str:
        sign = r.choice(["", "", "-", "+"])
        return f"{sign}{r.randint(0, whole)}.{r.randint(0, 10**8):0{r.choice([3, 4, 6, 8, 9])}d}"

    coordinates = (
        r.choice(["", "N", "S", "N "])
        + decimal(99)
        + r.choice(["", "°", "° "])
        + r.choice(["", "N", " S", " "])
        + r.choice([",", ", ", " ", "，", "/", ";", " , ", "\t,"])
        + r.choice(["", "E", "W ", "E"])
        + decimal(199)
        + r.choice(["", "°", "°E", " W", "E"])
    )
    landline = (
        r.choice(
            [
                "010",
                "0757",
                "021",
                "(0755)",
                "(010)",
                "+86 10",
                "0086-757",
                "+86(0)21",
                "+86 (0)755",
                "0",
                "00",
                "012",
                "+8620",
                "(021",
            ]
        )
        + r.choice(["", " ", "-"])
        + "".join(r.choice("0123456789") for _ in range(r.choice([3, 4, 7, 8, 9])))
        + r.choice(["", " 5678", "-5678", "5678", "12"])
    )
    zh_name = (
        r.choice(
            [
                "",
                "请于",
                "于",
                "项目",
                "和",
                "联系人：",
                "姓名 ",
                "收件人:\t",
                "尊敬的",
                "亲爱的 ",
                "持卡人：",
                "经办人",
            ]
        )
        + r.choice(
            [
                "张伟",
                "欧阳娜娜",
                "王小明",
                "李",
                "司马光",
                "王牌",
                "公司",
                "张",
                "诸葛亮亮",
                "赵丽颖",
                "A张",
            ]
        )
        + r.choice(
            ["先生", "女士", "经理", "工程师", "，", "您好", "的", "电话", "说", "x", "", "先"]
        )
    )

    def chars(alphabet: str, n: int) -> str:
        return "".join(r.choice(alphabet) for _ in range(n))

    upper, alnum = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789", "abcXYZ0123456789"
    plate = (
        r.choice("粤京沪川苏浙X") + r.choice("ABDFIOZ") + r.choice(["", "·", "・", ".", "-", " "])
    )
    plate += (
        r.choice(["D", "F", ""]) + chars(upper, r.choice([4, 5, 6])) + r.choice(["", "学", "港"])
    )
    token = r.choice(
        [
            "AKIA" + chars(upper, r.choice([15, 16, 17])),
            "ghp_" + chars(alnum, r.choice([35, 36, 37])),
            "glpat-" + chars(alnum + "_-", r.choice([19, 20, 21])),
            "xoxb-" + chars(alnum + "-", r.choice([9, 10, 40, 72, 73])),
            "sk_live_" + chars(alnum, r.choice([23, 24, 60, 99, 100])),
            "AIza" + chars(alnum + "_-", r.choice([34, 35, 36])),
            "eyJ"
            + chars(alnum, 9)
            + ".eyJ"
            + chars(alnum + "_", r.choice([7, 8, 12]))
            + "."
            + chars(alnum + "-", r.choice([15, 16, 30])),
        ]
    )
    key = "-----BEGIN " + r.choice(["", "RSA ", "EC ", "ENCRYPTED ", "OPENSSH ", "A B ", "rsa "])
    key += r.choice(["PRIVATE KEY-----", "PRIVATE KEY PRIVATE KEY-----", "PUBLIC KEY-----"])
    key += r.choice(["", "\nMIIBOgIBAAJBAK\n", "abc" * 50]) + r.choice(
        [
            "",
            "-----END RSA PRIVATE KEY-----",
            "-----END PRIVATE KEY-----",
            "-----END KEY-----",
            "-----END  PRIVATE KEY-----x",
            "-----END RSA PRIVATE KEY",
        ]
    )
    latin = (
        r.choice(
            [
                "Dear",
                "Hi",
                "Hello",
                "Dear Mr.",
                "Dear Mrs",
                "Hi  Ms",
                "Mr.",
                "Mrs",
                "Miss",
                "Dr",
                "Prof.",
                "Name:",
                "NAME :",
                "Full name\t",
                "Customer name:",
                "customer",
                "Contact",
                "Contact person,",
                "Attn:",
                "Attention",
                "Sincerely,",
                "Best regards,\n",
                "Kind regards",
                "Yours",
                "Regards",
                "Signed",
                "Cardholder:",
                "Account holder",
                "Name ",
                "His",
                "Hiking",
                "ſigned",
                "Kind",
            ]
        )
        + r.choice([" ", "", "\n", " \n ", "\t", "  "])
        + r.choice(
            [
                "John Smith",
                "O'Brien",
                "McDonald Jr",
                "Anne-Marie Li",
                "Smith",
                "Customer Service",
                "Team",
                "Mr Smith",
                "john",
                "JOHN",
                "AB",
                "Zhang Wei Phone",
                "Li Na Email",
                "Jo O’Neil",
                "Valued Customer",
                "Sir",
                "X",
                "Ab Cd Ef Gh",
                "Smith-",
                "N/a",
            ]
        )
    )
    dob = r.choice(
        [
            "出生日期",
            "出生年月日：",
            "出生",
            "出生于",
            "生日 ",
            "诞辰",
            "DOB: ",
            "d.o.b.",
            "D.O.B ",
            "date of birth:",
            "Birth date ",
            "birthdate",
            "birthday, ",
            "born on ",
            "Born",
            "born  \t:",
        ]
    ) + r.choice(
        [
            f"{r.choice(['1990', '2001', '1899', '19901'])}{r.choice('-/.年')}{r.randint(0, 13)}"
            f"{r.choice('-/.月')}{r.choice(['1', '05', '31', '30', '123', '29'])}"
            f"{r.choice(['日', '', '日3'])}",
            f"{r.randint(0, 13)}{r.choice('/.-')}{r.randint(0, 32)}{r.choice('/.-')}"
            f"{r.choice(['1985', '2000', '20001', '1899'])}",
            f"{r.choice(['Jan', 'feb', 'SEPT', 'September', 'Mayo', 'Foo', 'Dec'])}"
            f"{r.choice(['.', ''])} "
            f"{r.randint(0, 32)}{r.choice(['st', 'TH', '', 'x'])}{r.choice([',', ''])} "
            f"{r.choice(['1985', '2000', '19851'])}",
            f"{r.randint(0, 32)}{r.choice(['st', 'nd', ''])} {r.choice(['March', 'oct', 'Xyz'])}"
            f"{r.choice(['.', '', '.,', ','])} {r.choice(['1970', '2099', '2101'])}",
        ]
    )
    return [
        dob,
        latin,
        plate,
        token,
        key,
        zh_name,
        landline,
        coordinates,
        card,
        _grouped(card, r.choice([" ", "-"])),
        "3782 822463 10005",
        "3782-822463-10005",
        _resident_id(r),
        _grouped(iban, " ") if r.random() < 0.5 else iban,
        r.choice(
            [
                "13812345678",
                "138 1234 5678",
                "138-1234-5678",
                "+86 138 1234 5678",
                "0086-13912345678",
                "(+86)13712345678",
                "(86) 150-1234-5678",
                "17012345678",
                "19912345678",
                "14512345678",
                "1381234567",
            ]
        ),
        ".".join(str(r.choice([0, 1, 10, 99, 127, 192, 255, 256, 300, 8])) for _ in range(4)),
        r.choice(["01.2.3.4", "0.0.0.0", "255.255.255.255", "1.2.3", "1.2.3.4.5"]),  # noqa: S104
        r.choice(
            [
                "a.b@example.com",
                "x@y.co",
                ".a@b.com",
                "a.@b.com",
                "a..b@c.org",
                "icon@2x.png",
                "n@a-b.c-d.museum",
                "a@b.c",
                "a@-b.com",
                "a@b.com.x1",
                "first+tag@mail.example.co.uk",
                "u@" + "a" * 64 + ".com",
                "x" * 65 + "@a.io",
            ]
        ),
        r.choice(
            [
                "2001:db8::1",
                "::ffff:192.168.1.1",
                "fe80::1:2:3:4",
                "1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:1.2.3.4",
                "::",
                "::1",
                "12:30:45",
                "aa:bb:cc:dd:ee:ff",
                "1::2::3",
                "1:2:3:4:5:6:7::",
                "::ffff:01.2.3.4",
                "abcd:ef01::1234:5678",
                "fffff::1",
                "1:2:3:4:5:6:7:8:9",
                "::1.2.3.4",
                "1:2::3.4.5.6.7",
            ]
        ),
    ]


FRAGMENTS = [
    " ",
    " ",
    "  ",
    "-",
    ".",
    ":",
    "：",
    ",",
    "/",
    "\n",
    "\t",
    "+",
    "(",
    ")",
    "@",
    "_",
    "#",
    "0",
    "1",
    "7",
    "12",
    "000",
    "2020",
    "x",
    "X",
    "a",
    "Z",
    "DE",
    "GB",
    "ab",
    "ffff",
    "::",
    "１",
    "٣",
    "K",
    "ſ",
    "İ",
    "é",
    "号",
    "°",
    "电话",
    "手机",
    "致电",
    "tel",
    "Tel:",
    "TEL ",
    "phone",
    "mobile",
    "cell",
    "call",
    "recall",
    "信用卡",
    "credit",
    "借记卡",
    "bank card",
    "开户",
    "debit",
    "IP ",
    "ip:",
    "client",
    "host ",
    "地址",
    "from",
    "VIP",
    "version ",
    "Version: ",
    "v",
    "ver.",
    "ver",
    "firmware",
    "build",
    "固件",
    "版本号：",
    "release",
    "rev.",
    "r/",
    "A/",
]


def _soup(r: random.Random) -> str:
    values = _values(r)
    return "".join(
        r.choice(values) if r.random() < 0.35 else r.choice(FRAGMENTS)
        for _ in range(r.randint(2, 12))
    )


def _reference(rule: Rule, text: str, pos: int) -> object:
    m = rule.pattern.match(text, pos)
    return False if m is None else rule.check(m, text)


def _compare(name: str, texts: list[str]) -> tuple[int, int, int]:
    """Compare the fast path with the Python rule at every position: (compared, deferred,
    matched)."""
    rule, fast = RULES[name], FAST[name]
    compared = deferred = matched = 0
    for text in texts:
        for pos in range(len(text) + 1):
            expected = _reference(rule, text, pos)  # first: fills the tables the fast path reads
            got = fast(text, pos)
            if got is NotImplemented:
                deferred += 1
                continue
            compared += 1
            matched += expected is not False
            assert got == expected, (text, pos)
            if expected:
                assert type(got) is type(expected)
                assert [type(x) for x in got] == [type(x) for x in expected]  # type: ignore[attr-defined]
    return compared, deferred, matched


# (the rules with `many` hits, the look-alike cues: tests/scanner/test_native_cues.py)
@pytest.mark.parametrize("name", sorted(n for n in FAST if RULES[n].many is None))
def test_fast_path_answers_as_the_python_rule_at_every_position(name: str) -> None:
    r = random.Random(name)
    compared, deferred, matched = _compare(name, [_soup(r) for _ in range(1500)])
    assert matched > 20, matched  # the soups do reach the rule
    assert deferred < compared / 20


@pytest.mark.parametrize(("name", "index"), [("dob", 0), ("latin_name", 1)])
def test_dates_of_birth_and_latin_names_at_every_position(name: str, index: int) -> None:
    """Texts made of these rules' own values only: the rules with the most choices."""
    r = random.Random(name)
    texts = [" ".join(_values(r)[index] for _ in range(3)) for _ in range(1500)]
    compared, deferred, matched = _compare(name, texts)
    assert matched > 1000, matched
    assert deferred < compared / 20


def test_detector_finds_the_same_with_and_without_fast_paths() -> None:
    fast, pure = Detector(), Detector(native=False)
    r = random.Random(5)
    alphabet = "0123456789 -.:@+()/,，：°·\n\tabcxyzABCXYZ张伟先生京粤号路区市１٣Kſİ😀’"
    for _ in range(1000):
        parts = []
        for _ in range(r.randint(1, 8)):
            x = r.random()
            if x < 0.4:
                parts.append(r.choice(_values(r)))
            elif x < 0.7:
                parts.append(r.choice(FRAGMENTS))
            else:
                parts.append("".join(r.choice(alphabet) for _ in range(r.randint(1, 12))))
        text = "".join(parts)
        assert fast.scan(text) == pure.scan(text), text
    assert fast.native == sorted(FAST)
    assert pure.native == []


def test_long_texts_resolve_as_in_python() -> None:
    """A long text has thousands of hits, the UTF-8 pass's after the ASCII pass's."""
    fast, pure = Detector(), Detector(native=False)
    r = random.Random(6)
    text = "\n".join(_soup(r) for _ in range(3000))
    hits = fast.scan(text)
    assert len(hits) > 500
    assert hits == pure.scan(text)


def test_collector_keeps_the_first_report_order_and_the_last_end() -> None:
    assert NATIVE is not None
    found = NATIVE.Collector()
    for rule, start, end in [(1, 5, 9), (0, 5, 7), (1, 5, 12), (2, 0, 3)] + [
        (3, i, i + 1) for i in range(200)
    ]:
        found(rule, start, end, 0, None)
    items = found.items()
    assert items[:3] == [(1, 5, 12), (0, 5, 7), (2, 0, 3)]
    assert len(found) == 203


def test_context_words_must_be_literals() -> None:
    assert literal_words([r"\btel\b", "电话", "bank card"]) == [
        ("tel", True, True),
        ("电话", False, False),
        ("bank card", False, False),
    ]
    with pytest.raises(ValueError, match="literal"):
        literal_words([r"ver\.?"])
    with pytest.raises(ValueError, match="literal"):
        literal_words(["a.b"])


def test_fast_paths_reject_bad_arguments() -> None:
    assert NATIVE is not None
    with pytest.raises(TypeError):
        NATIVE.card(b"4111111111111111", 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        NATIVE.card("4111111111111111")  # type: ignore[call-arg]
    assert NATIVE.card("", 0) is False
    assert NATIVE.card("4111111111111111", 99) is False


def test_version_words_match_the_version_context() -> None:
    from piiguard.scanner.detectors import formats  # noqa: PLC0415

    alternatives = formats.VERSION_CONTEXT.pattern.split(r")\s*")[0].lstrip("(?:").split("|")
    assert len(alternatives) == 11 and alternatives[-2] == "[A-Za-z]/"
    assert alternatives[-1] == r"r(?<!\w.)v" and r"\brv" in formats.VERSION_WORDS  # (rv:)
    assert re.escape("版本号") == "版本号"


def test_a_stale_build_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from piiguard.scanner import _native  # noqa: PLC0415
    from piiguard.scanner.detectors import native  # noqa: PLC0415

    monkeypatch.setattr(_native, "VERSION", native.NATIVE_VERSION - 1)
    with pytest.warns(RuntimeWarning, match="older build"):
        assert native._load() is None
    monkeypatch.setenv("PIIGUARD_SCANNER_PURE", "1")
    assert native._load() is None


# --- field values (issue 18, third pass on speed): fields.zh_name, context._key_start ------
def _name_soup(r: random.Random) -> str:
    from piiguard.scanner.detectors import names  # noqa: PLC0415

    pieces = [
        *r.sample(names.SINGLE_SURNAMES, 6),
        *r.sample(sorted(names.COMPOUND_SURNAMES), 2),
        *r.sample(sorted(names.GIVEN_CHARS), 6),
        *r.sample(sorted(persons._NOT_GIVEN), 3),
        *r.sample(sorted(names.NOT_NAMES_ZH), 2),
        "·",
        "•",
        "・",
        "‧",
        "买买提",
        "阿依古丽",
        "\u4e00",
        "\u9fff",
        "\ua000",
        "㐀",
        " ",
        "（",
        "Li",
        "3",
        "：",
    ]
    return "".join(r.choice(pieces) for _ in range(r.randint(0, 14)))


@pytest.mark.req("R2.7")
def test_zh_name_answers_as_the_python_one_at_every_position() -> None:
    from piiguard.scanner.detectors import fields  # noqa: PLC0415

    assert fields.zh_name is NATIVE.zh_name
    r = random.Random(18)
    found = 0
    for _ in range(3000):
        text = _name_soup(r)
        for pos in range(len(text) + 2):
            for end in (None, pos - 1, pos + 1, pos + 2, pos + 3, pos + 4, pos + 5, len(text) + 3):
                for strict in (False, True):
                    expected = fields.zh_name_python(text, pos, end, strict)
                    assert fields.zh_name(text, pos, end, strict=strict) == expected, (
                        text,
                        pos,
                        end,
                        strict,
                    )
                    found += expected is not None
        assert fields.zh_name(text) == fields.zh_name_python(text)
    assert found > 10_000  # the soups hold names, not only refusals


@pytest.mark.req("R2.7")
@given(
    st.text(alphabet=st.sampled_from("张王欧阳伟芳的司徒买·艾力公司先生明天 a1（"), max_size=12),
    st.integers(0, 14),
    st.one_of(st.none(), st.integers(-2, 16)),
    st.booleans(),
)
@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
def test_zh_name_property(text: str, pos: int, end: int | None, strict: bool) -> None:
    from piiguard.scanner.detectors import fields  # noqa: PLC0415

    assert fields.zh_name(text, pos, end, strict) == fields.zh_name_python(text, pos, end, strict)


@pytest.mark.req("R2.7")
def test_zh_name_rejects_bad_arguments() -> None:
    assert NATIVE is not None
    with pytest.raises(TypeError):
        NATIVE.zh_name(b"\xe5\xbc\xa0")
    with pytest.raises(TypeError):
        NATIVE.zh_name("张伟", 0, None, False, 1)
    with pytest.raises(TypeError):
        NATIVE.zh_name("张伟", width=3)
    with pytest.raises(ValueError, match="negative"):
        NATIVE.zh_name("张伟", -1)
    assert NATIVE.zh_name("张伟", pos=0, strict=True) == (0, 2)


_KEY_ALPHABET = "aZ9_-./ :=\t\"'é名٣²\u0301ǅ"


@pytest.mark.req("R2.7")
@given(st.text(alphabet=st.sampled_from(_KEY_ALPHABET), max_size=60), st.integers(0, 70))
@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
def test_key_start_answers_as_the_python_one(text: str, start: int) -> None:
    from piiguard.scanner.detectors import context  # noqa: PLC0415

    assert context._key_start is NATIVE.key_start
    assert NATIVE.key_start(text, start) == context.key_start_python(text, start)


@pytest.mark.req("R2.7")
def test_key_start_on_keys_as_written() -> None:
    from piiguard.scanner.detectors import context  # noqa: PLC0415

    r = random.Random(7)
    words = ["Date", "of", "Birth", "customer.name", "bank_account_no", "P/N", "x", "--", "名"]
    for _ in range(3000):
        text = "".join(
            r.choice([*words, " ", "  ", ": ", '"', "\n"]) for _ in range(r.randint(0, 12))
        )
        for start in range(len(text) + 2):
            assert NATIVE.key_start(text, start) == context.key_start_python(text, start)
    with pytest.raises(ValueError, match="negative"):
        NATIVE.key_start("name", -1)
