"""The second corpus's labels are true: every labelled span holds a value of its type (checked
with python-stdnum and phonenumbers, which the generator does not use), look-alikes sit in
the fields that make them look-alikes, and the same seed writes the same files."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn
from stdnum.iso7064 import mod_11_2

from piiguard.scanner.corpus2 import KINDS, generate, write_corpus
from piiguard.scanner.corpus2.build import File, L
from piiguard.scanner.scorecard import load

pytestmark = pytest.mark.req("R2.7")


@pytest.fixture(scope="module")
def files() -> dict[str, File]:
    return generate(size=400_000, seed=5)


def _values(files: dict[str, File], kind: str) -> list[str]:
    return [f.text[s.start : s.end] for f in files.values() for s in f.spans if s.type == kind]


def test_every_kind_of_file_and_every_type_is_there(files: dict[str, File]) -> None:
    assert {f.kind for f in files.values()} == set(KINDS)
    types = Counter(s.type for f in files.values() for s in f.spans)
    for kind in ("person_name", "phone", "date_of_birth", "resident_id", "passport",
                 "bank_account", "email", "address", "ip_address", "coordinates", "secret",
                 "licence_plate", "lookalike"):  # fmt: skip
        assert types[kind] > 20, kind


def test_labelled_numbers_carry_their_real_check_digits(files: dict[str, File]) -> None:
    for value in _values(files, "resident_id"):
        assert mod_11_2.is_valid(value), value  # ISO 7064 MOD 11-2, the ID's check character
        date.fromisoformat(f"{value[6:10]}-{value[10:12]}-{value[12:14]}")  # a real birth date
    for value in _values(files, "credit_card") + _values(files, "bank_card"):
        assert luhn.is_valid(value.replace(" ", "")), value
    for value in _values(files, "iban"):
        assert iban.is_valid(value), value


def test_labelled_phone_numbers_are_numbers_phonenumbers_accepts(files: dict[str, File]) -> None:
    phones = _values(files, "phone")
    assert len(phones) > 100
    for value in phones:
        parsed = phonenumbers.parse(value, "CN")
        assert phonenumbers.is_valid_number(parsed), value


def test_part_numbers_are_shaped_like_mobiles_and_versions_like_ipv4(
    files: dict[str, File],
) -> None:
    fakes = _values(files, "lookalike")
    mobile_shaped = [v for v in fakes if re.fullmatch(r"1[3-9]\d{9}", v)]
    ipv4_shaped = [v for v in fakes if re.fullmatch(r"\d{1,3}(\.\d{1,3}){3}", v)]
    id_shaped = [v for v in fakes if re.fullmatch(r"\d{18}", v)]
    assert len(mobile_shaped) > 100 and len(ipv4_shaped) > 100 and len(id_shaped) > 50
    # every one of them is valid as what it is shaped like: only the field tells it apart
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(v, "CN")) for v in mobile_shaped)
    assert all(max(map(int, v.split("."))) <= 255 for v in ipv4_shaped)


def test_labels_cover_values_inside_structure(files: dict[str, File]) -> None:
    crm = next(f for f in files.values() if f.kind == "crm")
    header, first_row = crm.text.splitlines()[:2]
    assert len(header.split("\t" if "\t" in header else ",")) >= 5
    in_row = [s for s in crm.spans if s.start >= len(header)]
    assert in_row and in_row[0].start < len(header) + len(first_row) + 2
    erp = next(f for f in files.values() if f.kind == "erp")
    if erp.name.endswith(".json"):
        json.loads(erp.text)
    else:
        for line in erp.text.splitlines():
            json.loads(line)


def test_a_json_value_is_labelled_inside_its_quotes() -> None:
    f = File("x.json", "erp")
    f.json({"name": L("person_name", "闭宁"), "geo": {"lat": L("num:coordinates", "22.5")}})
    assert json.loads(f.text) == {"name": "闭宁", "geo": {"lat": 22.5}}
    assert [f.text[s.start : s.end] for s in f.spans] == ["闭宁", "22.5"]


def test_the_same_seed_writes_the_same_corpus(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", size=60_000, seed=3)
    write_corpus(tmp_path / "b", size=60_000, seed=3)
    a, b = load(tmp_path / "a"), load(tmp_path / "b")
    assert a.spans == b.spans and a.kinds == b.kinds
    for name in a.spans:
        assert (a.folder / name).read_bytes() == (b.folder / name).read_bytes()
    assert (tmp_path / "a" / "labels.json").read_bytes() == (
        tmp_path / "b" / "labels.json"
    ).read_bytes()


def test_written_labels_point_at_their_values_in_the_files(tmp_path: Path) -> None:
    spans = write_corpus(tmp_path, size=60_000, seed=4)
    for name, labelled in spans.items():
        text = (tmp_path / "files" / name).read_bytes().decode()  # CRLF rows stay CRLF
        for s in labelled:
            value = text[s.start : s.end]
            assert value and value == value.strip(), (name, s)
