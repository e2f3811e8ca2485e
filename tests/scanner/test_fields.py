"""Field names and the values they hold (detectors/fields.py): the vocabulary in Chinese and
English with its synonyms and abbreviations, keys that only look alike, and each meaning's
value check."""

from __future__ import annotations

import pytest

from piiguard.scanner.detectors import fields

pytestmark = pytest.mark.req("R6.3")


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        ("姓名", fields.NAME),
        ("客户姓名", fields.NAME),
        ("联系人", fields.NAME),
        ("紧急联系人", fields.NAME),
        ("客户名称", fields.NAME),
        ("姓名 Name", fields.NAME),
        ("name", fields.NAME),
        ("full_name", fields.NAME),
        ("customerName", fields.NAME),
        ("Customer Name", fields.NAME),
        ("contact", fields.NAME),
        ("fname", fields.NAME_PART),
        ("lastName", fields.NAME_PART),
        ("出生日期", fields.DOB),
        ("生日", fields.DOB),
        ("出生日期/DOB", fields.DOB),
        ("birthday", fields.DOB),
        ("birth_date", fields.DOB),
        ("Date of Birth", fields.DOB),
        ("dob", fields.DOB),
        ("护照号码", fields.PASSPORT),
        ("passport_no", fields.PASSPORT),
        ("Passport No.", fields.PASSPORT),
        ("银行账号", fields.ACCOUNT),
        ("账号", fields.ACCOUNT),
        ("account_no", fields.ACCOUNT),
        ("bank_account", fields.ACCOUNT),
        ("Account No.", fields.ACCOUNT),
        ("密码", fields.SECRET),
        ("pwd_plain", fields.SECRET),
        ("passwd", fields.SECRET),
        ("api_key", fields.SECRET),
        ("坐标", fields.COORDINATES),
        ("经纬度", fields.COORDINATES),
        ("gps", fields.COORDINATES),
        ("lat_lon", fields.COORDINATES),
        ("latitude", fields.LATITUDE),
        ("P/N", fields.NOT_PERSONAL),
        ("part_no", fields.NOT_PERSONAL),
        ("零件号", fields.NOT_PERSONAL),
        ("型号", fields.NOT_PERSONAL),
        ("料号", fields.NOT_PERSONAL),
        ("SKU", fields.NOT_PERSONAL),
        ("firmware_version", fields.NOT_PERSONAL),
        ("版本号", fields.NOT_PERSONAL),
        ("serialNumber", fields.NOT_PERSONAL),
        # a bank's card (fakerB): not an account, not a part number
        ("银行卡号", fields.BANK_CARD),
        ("card_number", fields.CARD),
        ("ssn", fields.NATIONAL_ID),
        ("身分證字號", fields.NATIONAL_ID),
        ("iban", fields.IBAN),
        ("bban", fields.ACCOUNT),
        ("sim_card_no", None),
        ("会员卡号", fields.NOT_PERSONAL),
    ],
)
def test_field_names_in_both_languages(name: str, meaning: str) -> None:
    assert fields.meaning_of(name) == meaning


@pytest.mark.parametrize(
    "name",
    [
        "product_name",
        "productName",
        "company_name",
        "file_name",
        "登录账号",
        "微信账号",
        "user_account",
        "身份证编号",
        "手机号",
        "备注",
        "qty",
    ],
)
def test_names_that_only_look_like_a_known_field(name: str) -> None:
    assert fields.meaning_of(name) is None


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("1994-02-25", "1994-02-25"),
        ("1994.02.25", "1994.02.25"),
        ("1985/1/25", "1985/1/25"),
        ("19940225", "19940225"),
        ("1974年10月23日", "1974年10月23日"),
        ("27/07/1963", "27/07/1963"),
        ("07/27/1963", "07/27/1963"),
        ("July 27, 1963", "July 27, 1963"),
        ("27 Jul 1963", "27 Jul 1963"),
        ("1963-07-27T00:00:00Z", "1963-07-27"),
    ],
)
def test_birth_dates_in_every_common_writing(value: str, span: str) -> None:
    found = fields.classify(fields.DOB, value)
    assert found is not None
    assert value[found[1] : found[2]] == span


@pytest.mark.parametrize("value", ["1994-02-30", "13/13/1990", "1994022", "199402251", "N/A"])
def test_invalid_dates_are_not_birth_dates(value: str) -> None:
    assert fields.classify(fields.DOB, value) is None


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("卫阳", "卫阳"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("闭宁（Xiulan Yin）", "闭宁"),
        ("Sarah Duan", "Sarah Duan"),
        ("DUAN Sarah", "DUAN Sarah"),
        ("O'Brien Mary-Jane", "O'Brien Mary-Jane"),
    ],
)
def test_names_in_a_name_field(value: str, name: str) -> None:
    found = fields.classify(fields.NAME, value)
    assert found is not None
    assert (found[0], value[found[1] : found[2]]) == ("person_name", name)


@pytest.mark.parametrize(
    "value", ["客户服务中心", "研发部", "Support Team", "ACME Ltd", "Sarah", "N/A", "12345"]
)
def test_what_is_not_a_name_in_a_name_field(value: str) -> None:
    assert fields.classify(fields.NAME, value) is None


def test_one_word_is_a_name_in_a_first_or_last_name_field() -> None:
    assert fields.classify(fields.NAME_PART, "Sarah") == ("person_name", 0, 5, 0.88)


def test_account_numbers_are_bank_accounts_even_when_luhn_valid() -> None:
    found = fields.classify(fields.ACCOUNT, "6222 0212 3456 7890 128")
    assert found is not None
    assert found[0] == "bank_account"
    assert found[2] == len("6222 0212 3456 7890 128")
    assert fields.classify(fields.ACCOUNT, "zhangsan") is None
    assert fields.classify(fields.ACCOUNT, "00000000") is None


@pytest.mark.parametrize("value", ["******", "${DB_PASSWORD}", "<password>", "null", "changeme"])
def test_placeholders_are_not_secrets(value: str) -> None:
    assert fields.classify(fields.SECRET, value) is None


def test_coordinates_by_field() -> None:
    assert fields.classify(fields.COORDINATES, "31.2304, 121.4737") is not None
    assert fields.classify(fields.COORDINATES, "91.2304, 121.4737") is None
    assert fields.classify(fields.LATITUDE, "121.4737") is not None
    assert fields.classify(fields.LATITUDE, "12") is None
