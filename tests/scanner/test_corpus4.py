"""Corpus 4 (bench/corpus4/, written blind) says what it holds: the same seed writes the same
bytes; every label points at its value in the text as the scorecard decodes it (GBK, BOM,
CRLF included); label types are the scorecard's; labelled values are valid by
python-stdnum, phonenumbers and ipaddress (which the generator does not use); look-alikes
are not the values they resemble and overlap no label."""

from __future__ import annotations

import contextlib
import ipaddress
import json
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus4 import KINDS, File, generate, write_corpus
from bench.corpus4.doc import TYPES as LABEL_TYPES
from bench.corpus4.score import misses
from stdnum import iban, luhn
from stdnum.cn import ric
from stdnum.exceptions import InvalidComponent
from stdnum.iso7064 import mod_11_2

from piiguard.scanner.scorecard import LOOKALIKE, decoded, load
from piiguard.scanner.taxonomy import TYPES

pytestmark = pytest.mark.req("R2.7")

SIZE = 400_000


@pytest.fixture(scope="module")
def files() -> list[File]:
    return generate(SIZE, seed=11)


def _values(files: list[File], kind: str) -> list[str]:
    return [f.text[start:end] for f in files for label, start, end in f.spans if label == kind]


def test_same_seed_same_bytes_and_another_seed_other_bytes(files: list[File]) -> None:
    again = generate(SIZE, seed=11)
    assert [(f.name, f.data, f.spans) for f in again] == [(f.name, f.data, f.spans) for f in files]
    other = generate(SIZE, seed=12)
    assert [f.data for f in other[:20]] != [f.data for f in files[:20]]


def test_every_kind_and_every_type_is_there_in_sensible_shares(files: list[File]) -> None:
    assert {f.kind for f in files} == set(KINDS)
    assert 150 <= len(files) <= 320  # about 1.7 kB a file, as the corpus it stands in for
    types = Counter(s[0] for f in files for s in f.spans)
    assert set(types) == {*TYPES, LOOKALIKE} == set(LABEL_TYPES)
    for kind in (*TYPES, LOOKALIKE):
        assert types[kind] > 3, kind
    assert types["person_name"] > types["phone"] > types["resident_id"] > types["iban"]


def test_labels_point_at_their_values_as_the_scorecard_decodes_the_files(
    files: list[File], tmp_path: Path
) -> None:
    written = write_corpus(tmp_path, SIZE, seed=11)
    assert [f.name for f in written] == [f.name for f in files]
    labelled = load(tmp_path)
    assert set(labelled.spans) == {f.name for f in files}
    encodings: Counter[str] = Counter()
    for f in files:
        raw = (tmp_path / "files" / f.name).read_bytes()
        assert raw == f.data
        text = decoded(raw)
        assert text == f.text, f.name
        encodings["bom"] += raw.startswith(b"\xef\xbb\xbf")
        encodings["crlf"] += b"\r\n" in raw
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            encodings["gbk"] += 1
        assert labelled.kinds[f.name] == f.kind
        spans = sorted((s[1], s[2], s[0]) for s in f.spans)
        assert sorted((s.start, s.end, s.type) for s in labelled.spans[f.name]) == spans
        for (start, end, kind), nxt in zip(spans, [*spans[1:], None], strict=True):
            value = text[start:end]
            assert value and value == value.strip() and "\n" not in value, (f.name, kind)
            assert nxt is None or nxt[0] >= end, (f.name, kind, value)  # no label overlaps another
    assert min(encodings.values()) > 0 and len(encodings) == 3


def test_mail_is_read_as_text_so_its_findings_have_offsets(files: list[File]) -> None:
    mail = [f.data for f in files if f.kind == "mail"]
    assert mail
    for data in mail:
        low = data.lower()
        assert b"=?" not in low and b"base64" not in low and b"quoted-printable" not in low


def _phone_ok(value: str) -> bool:
    for region in ("CN", "HK"):
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False


def test_numbers_are_valid_by_independent_checkers(files: list[File]) -> None:
    for value in _values(files, "resident_id"):
        # stdnum knows the area codes from 1983 on: older people's are checked without them
        assert mod_11_2.is_valid(value) and ric.get_birth_date(value), value
        assert ric.get_birth_date(value).year < 1984 or ric.is_valid(value), value
    for kind in ("bank_card", "credit_card"):
        for value in _values(files, kind):
            number = re.sub(r"[ -]", "", value)
            assert number.isdigit() and len(number) in (15, 16, 19), value
            assert luhn.is_valid(number), value
            if kind == "bank_card":
                assert number.startswith("62"), value
            else:
                assert re.match(r"4|5[1-5]|2[2-7]|3[47]|35|62", number), value
    for value in _values(files, "iban"):
        assert iban.is_valid(value), value
    bad = [v for v in _values(files, "phone") if not _phone_ok(v)]
    assert not bad, bad[:5]
    for value in _values(files, "ip_address"):
        ipaddress.ip_address(value)
    for value in _values(files, "email"):
        assert re.fullmatch(r"[\w.+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+", value), value
    for value in _values(files, "bank_account"):
        assert value.isdigit() and 15 <= len(value) <= 20, value


def test_other_values_have_their_shapes(files: list[File]) -> None:
    for value in _values(files, "passport"):
        assert re.fullmatch(r"[A-Z0-9]{7,9}", value), value
    plate = r"[粤湘桂赣川豫鄂闽][A-Z][· ]?[A-HJ-NP-Z0-9]{5,6}"
    for value in _values(files, "licence_plate"):
        assert re.fullmatch(plate, value), value
    for value in _values(files, "coordinates"):
        dms = re.findall(r"(\d+)°(\d+)'([\d.]+)\"[NSEW]", value)
        numbers = [int(d) + int(m) / 60 + float(s) / 3600 for d, m, s in dms]
        numbers = numbers or [float(x) for x in re.findall(r"-?\d+\.\d+", value)]
        assert len(numbers) == 2, value
        assert any(-90 <= x <= 90 for x in numbers) and all(-180 <= x <= 180 for x in numbers)
    for value in _values(files, "date_of_birth"):
        years = [int(y) for y in re.findall(r"(?<!\d)(19[4-9]\d|200\d)(?!\d)", value)]
        assert years or re.fullmatch(r"(19|20)\d{6}", value), value
    for value in _values(files, "secret"):
        assert len(value) >= 8 and " " not in value, value


def test_lookalikes_are_not_what_they_resemble(files: list[File]) -> None:
    for value in _values(files, LOOKALIKE):
        compact = re.sub(r"[ -]", "", value)
        if re.fullmatch(r"\d{17}[\dX]", compact) and mod_11_2.is_valid(compact):
            with contextlib.suppress(InvalidComponent):  # no living person's birth inside
                assert not 1900 < ric.get_birth_date(compact).year < 2027, value
        if re.fullmatch(r"(62|4|5[1-5])\d{14}(\d{3})?", compact):
            assert not luhn.is_valid(compact), value


def test_the_misses_of_a_perfect_scan_are_none(tmp_path: Path) -> None:
    write_corpus(tmp_path, 60_000, seed=3)
    labelled = load(tmp_path)
    findings = [
        {
            "source": str(labelled.folder / name),
            "type": s.type,
            "location": {"line": 1, "start": s.start, "end": s.end},
        }
        for name, spans in labelled.spans.items()
        for s in spans
        if s.type != LOOKALIKE
    ]
    flagged = [row for row in misses(labelled, findings) if row["what"] != "lookalike_flagged"]
    assert flagged == []
    one = next(f for f in findings if f["type"] == "phone")
    rows = misses(labelled, [f for f in findings if f is not one])
    assert [r["what"] for r in rows] == ["missed"] and rows[0]["type"] == "phone"
    assert json.dumps(rows, ensure_ascii=False)
