"""Misses a careful user found by hand (issue 18, docs/scanner.md "Hand probes closed
(scprobe)"): each closed as a family of real-world writings, beside the look-alikes it must
leave alone."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.detectors.vocabulary import meaning_of_name

pytestmark = pytest.mark.req("R2.7")


def _found(detector: Detector, text: str, kind: str) -> list[str]:
    return [h.value for h in detector.scan(text) if h.type == kind]


@pytest.mark.parametrize(
    ("key", "meaning"),
    [
        # a language or script after the field's words, in every key style
        ("custNameCn", "person_name"),
        ("cust_name_en", "person_name"),
        ("contactNameZh", "person_name"),
        ("NAME_CN", "person_name"),
        ("NAMECN", "person_name"),
        ("CUSTNAMEEN", "person_name"),
        ("nameEn", "person_name"),
        ("holderName", "person_name"),
        ("payeeName", "person_name"),
        ("receiver_name_chs", "person_name"),
        # a form after a code key, a date's word after a birth word
        ("birthday_str", "date_of_birth"),
        ("birthDt", "date_of_birth"),
        ("dob_date", "date_of_birth"),
        ("dobDate", "date_of_birth"),
        ("BIRTH_YMD", "date_of_birth"),
        # abbreviations of the vocabulary's words
        ("bankAcctNo", "bank_account"),
        ("acct_no", "bank_account"),
        ("acc_no", "bank_account"),
        ("bene_acct_nbr", "bank_account"),
        ("passportNo", "passport"),
        ("passport_nr", "passport"),
        ("rcvrName", "person_name"),
        ("cnee_name", "person_name"),
        ("emergContactName", "person_name"),
        ("pax_name", "person_name"),
        # look-alikes: another thing's name or date, in the same spellings
        ("productNameCn", None),
        ("file_name_en", None),
        ("FILENAMECN", None),
        ("order_date", None),
        ("create_dt", None),
        ("shipDateCn", None),
        ("cn", None),
        ("value", None),
        ("company_name_en", None),
        ("password value", None),  # a log's previous value read back with `value=`
    ],
)
def test_a_keys_qualifiers_and_abbreviations(key: str, meaning: str | None) -> None:
    assert meaning_of_name(key) == meaning


@pytest.mark.parametrize("native", [True, False])
def test_qualified_keys_in_json_and_logs(native: bool) -> None:
    detector = Detector(native=native)
    text = (
        '{"custNameCn": "陈志强", "contactNameZh": "李婷", "NAME_CN": "张敏", '
        '"dob_date": "1985-07-21", "acc_no": "6217000010001234567"}\n'
        "2026-12-07 INFO sync rcvrName=Wang Lei birthday_str=1990-03-15\n"
    )
    found = [(h.type, h.value) for h in detector.scan(text)]
    assert found == [
        ("person_name", "陈志强"),
        ("person_name", "李婷"),
        ("person_name", "张敏"),
        ("date_of_birth", "1985-07-21"),
        ("bank_account", "6217000010001234567"),
        ("person_name", "Wang Lei"),
        ("date_of_birth", "1990-03-15"),
    ]
    lookalikes = (
        '{"productNameCn": "电饭煲", "order_date": "1985-07-21", "nameCn": "不锈钢内胆", '
        '"create_dt": "1990-03-15", "value": "Wang Lei"}\n'
        "ldap bind cn=Admin User,dc=example value=Li Ming\n"
    )
    assert [(h.type, h.value) for h in detector.scan(lookalikes)] == []
