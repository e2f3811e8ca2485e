"""Numbers, dates, secrets and escaped JSON as generators like Faker make them and Python
writes them (issue 18, fakerB; docs/scanner.md "Faker's providers as Python writes them"):
JSON with json.dumps' default \\u escapes in keys and values, cards of every brand by their
field or their expiry, national identity numbers by their field, IBANs and BBANs by theirs,
one coordinate axis, other places' plates — each beside the look-alikes it must leave alone,
with and without the compiled module. Every line here is written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located

pytestmark = pytest.mark.req("R2.7")


@pytest.fixture(scope="module", params=[True, False], ids=["native", "python"])
def detector(request: pytest.FixtureRequest) -> Detector:
    return Detector(native=request.param)


def _luhn(body: str) -> str:
    """`body` with the check digit that makes it pass Luhn."""
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str(-total % 10)


def _found(detector: Detector, text: str) -> list[tuple[str, str]]:
    return [(h.type, h.value) for h in detector.scan(text)]


def _kinds(detector: Detector, text: str) -> set[str]:
    return {h.type for h in detector.scan(text)}


# -- JSON written with \u escapes: keys and values read as what they say ---------------------


def test_escaped_json_keys_and_values_are_read_decoded(detector: Detector) -> None:
    record = {"姓名": "王小明", "出生日期": "1988-03-14", "护照号": "E23456789", "城市": "佛山"}
    line = json.dumps(record)  # ensure_ascii: every Chinese character as \uXXXX
    assert "\\u" in line
    hits = {h.type: h for h in detector.scan(line)}
    assert set(hits) >= {"person_name", "date_of_birth", "passport"}
    # offsets on the text as written: the name's hit covers its escapes, nothing more
    name = hits["person_name"]
    assert line[name.start : name.end] == json.dumps("王小明")[1:-1]
    assert hits["date_of_birth"].value == "1988-03-14"
    assert hits["passport"].value == "E23456789"


@pytest.mark.parametrize(
    ("key", "value", "kind"),
    [
        ("密码", "Tq7#vLm2pX", "secret"),
        ("经纬度", "23.021548, 113.121416", "coordinates"),
        ("车牌号", "粤B12345", "licence_plate"),
        ("出生日期", "1979年06月02日", "date_of_birth"),
        ("银行账号", "6217 0000 1234 5678 901", "bank_account"),
    ],
)
def test_escaped_json_in_a_log_line(detector: Detector, key: str, value: str, kind: str) -> None:
    payload = json.dumps({"uid": 4471, key: value, "ok": True})
    line = f"2025-02-11 09:14:03,118 INFO [sync] pushed payload={payload}\n"
    found = [h for h in detector.scan(line) if h.type == kind]
    assert len(found) == 1
    assert found[0].value == json.dumps(value)[1:-1]


def test_a_line_break_written_as_backslash_n_does_not_hide_a_number(detector: Detector) -> None:
    card = _luhn("491761234567890")
    line = json.dumps({"note": f"Visa\nLi Lei\n{card} 08/29\nCVC: 311"})
    assert ("credit_card", card) in _found(detector, line)


def test_escapes_that_would_change_the_json_stay_as_written(detector: Detector) -> None:
    # an escaped quote or backslash is not decoded: the strings still end where they end
    line = '{"path": "C:\\\\new\\\\test", "q": "say \\"hi\\"", "name": "\\u5f20\\u4f1f"}'
    hits = detector.scan(line)
    assert [h.value for h in hits if h.type == "person_name"] == ["\\u5f20\\u4f1f"]


# -- cards by their field, whatever the brand ---------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "67595116372",  # Maestro, 12 digits
        "50200397993",  # Maestro, 12 digits
        "18009952890786",  # JCB, 15 digits (the old 1800 range)
        "21310812345678",  # JCB, 15 digits (2131)
        "350712345678901",  # a 35… card below JCB's 3528
        "564924473062934",  # a 56… card (Maestro's range)
    ],
)
@pytest.mark.parametrize(
    "template",
    [
        "cc={}",
        '"card_number": "{}"',
        "Card No: {}",
        "信用卡号：{}",
        "refund ok creditCard={} amount=12.00",
    ],
)
def test_a_card_field_vouches_for_any_luhn_valid_card(
    detector: Detector, body: str, template: str
) -> None:
    card = _luhn(body)
    assert ("credit_card", card) in _found(detector, template.format(card))


@pytest.mark.parametrize(
    "text",
    [
        "cc=675951163720",  # Luhn fails
        f"sim_card_no={_luhn('898600123456789012')}",  # a SIM's ICCID (Luhn-valid)
        f"SIM卡号：{_luhn('898611223344556677')}",
        f"member_card={_luhn('60012345678')}",  # a member's card: the company's number
        f"会员卡号：{_luhn('60012345678')}",
        "cc=111111111116",  # one digit over and over
        "Cc: Li Hua <li.hua@example.com>",  # a mail's Cc line
    ],
)
def test_card_field_look_alikes(detector: Detector, text: str) -> None:
    assert not _kinds(detector, text) & {"credit_card", "bank_card"}


@pytest.mark.parametrize(
    "body",
    ["50200397993", "21310812345678", "350712345678901", "4539578763621"],
)
def test_a_card_printed_with_its_expiry(detector: Detector, body: str) -> None:
    card = _luhn(body)
    for text in (
        f"JCB 15 digit\nChen Yu\n{card} 11/27\nCVC: 402\n",
        f"card on file {card} exp 04/2029, verified",
    ):
        assert ("credit_card", card) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "batch 502003979930 03/31",  # Luhn fails
        f"PO {_luhn('50200397993')} 03/12/2024",  # a full date after it, not an expiry
        f"ticket 7{_luhn('5020039799')} 03/31",  # 7…: no payment card
    ],
)
def test_numbers_before_a_date_are_no_card(detector: Detector, text: str) -> None:
    assert not _kinds(detector, text) & {"credit_card", "bank_card"}


# -- national identity numbers by their field (resident_id in the taxonomy) ------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ssn=123-45-6789", "123-45-6789"),
        ('"SSN": "212-67-0945"', "212-67-0945"),
        ("Social Security Number: 212670945", "212670945"),
        ("NI number: QQ 12 34 56 C", "QQ 12 34 56 C"),
        ("national_insurance_no=AB123456D", "AB123456D"),
        ("身分證字號：A123456789", "A123456789"),
        ("national_id: F131104093", "F131104093"),
        ("HKID: K123456(3)", "K123456(3)"),
        ("NRIC: S8012345D", "S8012345D"),
        ("id_number=A123456789", "A123456789"),  # Taiwan's, check digit right
        ("证件号码：123-45-6789", "123-45-6789"),
    ],
)
def test_national_identity_numbers_by_their_field(
    detector: Detector, text: str, value: str
) -> None:
    assert ("resident_id", value) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "ssn=000-12-3456",  # area 000 is never issued
        "ssn=666-12-3456",
        "order_no=123-45-6789",
        "id_number=A123456788",  # a Taiwan ID's shape, check digit wrong: a passport
        "tracking 123-45-6789 shipped",
    ],
)
def test_national_identity_look_alikes(detector: Detector, text: str) -> None:
    assert "resident_id" not in _kinds(detector, text)


# -- IBANs and bank accounts by their field ---------------------------------------------


def test_an_iban_field_vouches_for_an_iban_whose_check_digits_fail(detector: Detector) -> None:
    assert ("iban", "GB00WEST12345698765432") in _found(detector, "iban=GB00WEST12345698765432")
    assert ("iban", "GB82WEST12345698765432") in _found(
        detector, '"IBAN": "GB82WEST12345698765432"'
    )
    # without the field, a failing IBAN is nothing
    assert "iban" not in _kinds(detector, "ref GB00WEST12345698765432 sent")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("bban=NWBK60161331926819", "NWBK60161331926819"),
        ('"account_number": "ABNA0417164300"', "ABNA0417164300"),
        ("银行账号：WEST 1234 5698 7654 32", "WEST 1234 5698 7654 32"),
    ],
)
def test_an_account_written_with_its_banks_code(detector: Detector, text: str, value: str) -> None:
    assert ("bank_account", value) in _found(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "user_account=ABCD12345678",  # a login
        "bank_account=NOTSET",
        "account_number=ACCT-7",
        "swift=DEUTDEFF500",  # the bank's code, no one's account
        "aba=026009593",  # a bank's routing number
    ],
)
def test_account_look_alikes(detector: Detector, text: str) -> None:
    assert not _kinds(detector, text) & {"bank_account", "iban"}


# -- coordinates: one axis by its field, a Python tuple ---------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("coordinate: -33.868820.", ["-33.868820"]),
        ("latitude=31.230416 longitude=121.473701", ["31.230416", "121.473701"]),
        ("location: ('22.54286', '114.05956')", ["22.54286', '114.05956"]),
        ("坐标：(23.129163, 113.264435)。", ["23.129163, 113.264435"]),
    ],
)
def test_coordinates_by_field(detector: Detector, text: str, values: list[str]) -> None:
    assert [v for k, v in _found(detector, text) if k == "coordinates"] == values


@pytest.mark.parametrize(
    "text",
    ["amount: 12.3456", "version=1.2345", "coordinate: 190.123456", "ratio 0.8125"],
)
def test_coordinate_look_alikes(detector: Detector, text: str) -> None:
    assert "coordinates" not in _kinds(detector, text)


# -- plates of other places by their field -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("license_plate=7ABC123", "7ABC123"),
        ('"plate": "KLM-482"', "KLM-482"),
        ("Plate No: AB12 CDE", "AB12 CDE"),
        ("车牌号：4821-QX", "4821-QX"),
        ("vehicle_plate=浙A-3K521", "浙A-3K521"),
    ],
)
def test_plates_by_their_field(detector: Detector, text: str, value: str) -> None:
    assert ("licence_plate", value) in _found(detector, text)


@pytest.mark.parametrize("text", ["plate=ABCD", "plate=12345", "plate=TBD", "plate=n/a"])
def test_plate_look_alikes(detector: Detector, text: str) -> None:
    assert "licence_plate" not in _kinds(detector, text)


# -- CSV columns (the file as the scan reads it) ------------------------------------------


def test_csv_columns_of_numbers(tmp_path: Path, detector: Detector) -> None:
    maestro, jcb = _luhn("67591234567"), _luhn("18001234567890")
    rows = [
        "id,cc,ssn,iban,bban,plate,latitude,longitude,status",
        f"1,{maestro},212-67-0945,GB00WEST12345698765432,NWBK60161331926819,KLM-482,"
        "31.230416,121.473701,active",
        f"2,{jcb},078-05-1120,GB82WEST12345698765432,ABNA0417164300,7ABC123,"
        "-33.868820,151.209296,active",
    ]
    path = tmp_path / "people.csv"
    text = "\n".join(rows) + "\n"
    path.write_text(text, encoding="utf-8")
    found = {
        (x.hit.type, text[int(x.location["start"]) : int(x.location["end"])])
        for x in scan_file(path, detector)
        if isinstance(x, Located)
    }
    for expected in [
        ("credit_card", maestro),
        ("credit_card", jcb),
        ("resident_id", "212-67-0945"),
        ("iban", "GB00WEST12345698765432"),
        ("bank_account", "NWBK60161331926819"),
        ("licence_plate", "KLM-482"),
        ("coordinates", "31.230416"),
        ("coordinates", "151.209296"),
    ]:
        assert expected in found
    assert not {v for _k, v in found} & {"1", "2", "active"}


@pytest.mark.parametrize(
    "template", ["银行卡号：{}", "debit_card_no={}", '"bankCardNumber": "{}"', "工资卡号 {}"]
)
def test_a_bank_card_field_gives_a_bank_card(detector: Detector, template: str) -> None:
    card = _luhn("56492447306293")  # no issuer rule takes 56…: the field alone vouches
    assert ("bank_card", card) in _found(detector, template.format(card))
