"""A restore test's findings read in Chinese on a Chinese page (R5.7, probe): every shape
the service writes has its Chinese sentence, the numbers kept; an unknown one is left."""

from __future__ import annotations

import re

import pytest

from piiguard.web.console.backups.details import detail_in

WRITTEN = (
    "1234 bytes, SHA-256 as in the manifest",
    "10 bytes, SHA-256 0123456789abcdef… ≠ manifest 12 bytes, fedcba9876543210…",
    "opened with KEK version 2",
    "restored into a scratch sqlite database",
    "42 tables, 1200 rows as in the manifest",
    "30 entries, 2 signed checkpoints verify; head 30",
    "the restored head is entry 29, the manifest says 30",
    "the trail does not verify",
    "no person in the copy to decrypt",
    "7 items of 3 people decrypted through recorded decisions; 1 people erased since "
    "(keys gone); 0 without items the decision allows; 0 failed",
    "7 items of 3 people decrypted through recorded decisions; 1 people erased since "
    "(keys gone); 2 people re-keyed since by a disposal (their copied values under the "
    "destroyed key); 0 without items the decision allows; 0 failed",
)


@pytest.mark.req("R5.7")
@pytest.mark.parametrize("detail", WRITTEN)
def test_each_finding_has_its_chinese_with_its_numbers(detail: str) -> None:
    zh = detail_in("zh-CN", detail)
    assert re.search("[\u4e00-\u9fff]", zh) and not re.search(r"[a-z]{4,} [a-z]{3,}", zh)
    assert sorted(re.findall(r"\d+", zh)) == sorted(re.findall(r"\d+", detail))
    assert detail_in("en", detail) == detail


@pytest.mark.req("R5.7")
def test_a_finding_of_no_known_shape_is_shown_as_written() -> None:
    assert detail_in("zh-CN", "OperationalError") == "OperationalError"
