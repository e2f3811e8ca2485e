"""Canonical forms for the blind index (R5.1): the ways people write one phone number,
email address or ID number normalise to one string, and different values stay different."""

from __future__ import annotations

import pytest

from piiguard.domain.normalize import normalize
from piiguard.domain.taxonomy import Lookup


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    "written",
    [
        "13812345678",
        "138-1234-5678",
        "138 1234 5678",
        "+86 138 1234 5678",
        "+86-138-1234-5678",
        "+8613812345678",
        "0086 138 1234 5678",
        "+86.138.1234.5678",
        " 13812345678 ",
        "１３８１２３４５６７８",  # full-width digits, as typed with a Chinese IME
    ],
)
def test_cn_mobile_forms_are_one_number(written: str) -> None:
    assert normalize(Lookup.PHONE, written) == "+8613812345678"


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    "written", ["0757-8123-4567", "(0757) 8123 4567", "+86 757 8123 4567", "0086 757 81234567"]
)
def test_cn_landline_forms_are_one_number(written: str) -> None:
    assert normalize(Lookup.PHONE, written) == "+8675781234567"


@pytest.mark.req("R5.1")
def test_foreign_numbers_keep_their_country_code() -> None:
    assert normalize(Lookup.PHONE, "+49 30 1234 5678") == "+493012345678"
    assert normalize(Lookup.PHONE, "0049 30 1234 5678") == "+493012345678"


@pytest.mark.req("R5.1")
def test_different_phone_numbers_stay_different() -> None:
    assert normalize(Lookup.PHONE, "13812345678") != normalize(Lookup.PHONE, "13812345679")
    assert normalize(Lookup.PHONE, "+86 138 1234 5678") != normalize(
        Lookup.PHONE, "+1 138 1234 5678"
    )


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    "written",
    [
        "Li.Lei@Example.CN",
        " li.lei@example.cn ",
        "LI.LEI@EXAMPLE.CN\n",
        "ｌｉ．ｌｅｉ＠ｅｘａｍｐｌｅ．ｃｎ",
    ],
)
def test_email_forms_are_one_address(written: str) -> None:
    assert normalize(Lookup.EMAIL, written) == "li.lei@example.cn"


@pytest.mark.req("R5.1")
def test_different_emails_stay_different() -> None:
    assert normalize(Lookup.EMAIL, "li.lei@example.cn") != normalize(
        Lookup.EMAIL, "lilei@example.cn"
    )


@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    "written",
    [
        "11010519491231002X",
        "11010519491231002x",
        "110105 19491231 002x",
        "110105-19491231-002X",
        " 110105.19491231.002x ",
    ],
)
def test_resident_id_forms_are_one_identifier(written: str) -> None:
    assert normalize(Lookup.IDENTIFIER, written) == "11010519491231002X"


@pytest.mark.req("R5.1")
def test_card_number_separators_are_ignored() -> None:
    assert normalize(Lookup.IDENTIFIER, "6222 0212 3456 7890") == "6222021234567890"
    assert normalize(Lookup.IDENTIFIER, "e12345678") == "E12345678"  # passport


@pytest.mark.req("R5.1")
def test_unindexed_values_are_only_trimmed() -> None:
    assert normalize(Lookup.NONE, "  李 雷  ") == "李 雷"
    assert normalize(Lookup.NONE, "Li Lei") == "Li Lei"


@pytest.mark.req("R5.1")
@pytest.mark.parametrize("written", ["(+86) 138 1234 5678", "（+86）138-1234-5678"])
def test_a_country_code_in_parentheses_is_recognised(written: str) -> None:
    assert normalize(Lookup.PHONE, written) == "+8613812345678"
