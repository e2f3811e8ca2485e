"""Corpus 5 (bench/corpus5/), written blind: deterministic by seed, labels that point at
their values in the text as the scorecard decodes it, the scorecard's types only, and values
valid by python-stdnum, phonenumbers and ipaddress (issue 18)."""

from __future__ import annotations

import ipaddress
import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import phonenumbers
import pytest
from bench.corpus5 import document, encode, kind_of, write_corpus
from stdnum import iban, luhn
from stdnum.cn import ric

from piiguard.scanner.scorecard import decoded, load
from piiguard.scanner.taxonomy import TYPES

pytestmark = pytest.mark.req("R2.7")

SIZE = 150_000
PLATE = re.compile(r"^[粤湘桂][A-Z][·\- ]?[A-Z0-9]{5,6}$")
PASSPORT = re.compile(
    r"^(E[0-9A-H][0-9]{7}|[EG][0-9]{8}|K[0-9]{8}|[1-6][0-9]{8}|C[0-9A-Z]{8}|(TK|TR|MU)[0-9]{7}|[BCN][0-9]{7})$"
)
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
NUMBER = re.compile(r"-?\d{1,3}\.\d+")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus5")
    write_corpus(root, SIZE, seed=5)
    return root


def _valid(kind: str, value: str) -> bool:  # noqa: PLR0911
    digits = re.sub(r"[ -]", "", value)
    if kind == "resident_id":
        return ric.is_valid(value)
    if kind in ("credit_card", "bank_card"):
        return digits.isdigit() and luhn.is_valid(digits) and digits[0] in "23456"
    if kind == "iban":
        return iban.is_valid(value)
    if kind == "phone":
        return phonenumbers.is_valid_number(phonenumbers.parse(value, "CN"))
    if kind == "ip_address":
        return bool(ipaddress.ip_address(value))
    if kind == "email":
        return bool(EMAIL.match(value))
    if kind == "passport":
        return bool(PASSPORT.match(value))
    if kind == "licence_plate":
        return bool(PLATE.match(value))
    if kind == "coordinates":
        numbers = [float(n) for n in NUMBER.findall(value)]
        return len(numbers) in (1, 2) and all(abs(n) <= 180 for n in numbers)
    if kind == "date_of_birth":
        return bool(re.search(r"(19[4-9]\d|200\d)", value))
    if kind == "bank_account":
        return digits.isdigit() and 12 <= len(digits) <= 20
    return value == value.strip() and bool(value)


def test_same_seed_same_bytes(tmp_path: Path, corpus: Path) -> None:
    again = tmp_path / "again"
    write_corpus(again, SIZE, seed=5)
    names = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert all((corpus / n).read_bytes() == (again / n).read_bytes() for n in names)
    assert (
        document(6, 0)[1].text != document(5, 0)[1].text
        or document(6, 1)[1].text != document(5, 1)[1].text
    )


def _virtual(path: Path, segments: dict[str, int]) -> str:
    """A workbook's cells one after another, each at its segment's offset."""
    book = openpyxl.load_workbook(path, read_only=True)
    text = ""
    for key, at in sorted(segments.items(), key=lambda kv: kv[1]):
        where = json.loads(key)
        assert at == len(text)
        value = book[where["sheet"]][where["cell"]].value
        text += (str(value) if not isinstance(value, str) else value) + "\n"
    return text


def test_labels_are_the_scorecards_types_and_point_at_valid_values(corpus: Path) -> None:
    labelled = load(corpus)
    stored = json.loads((corpus / "labels.json").read_text(encoding="utf-8"))
    counts: Counter[str] = Counter()
    for name, entry in stored.items():
        path = corpus / "files" / name
        text = (
            _virtual(path, entry["segments"]) if "segments" in entry else decoded(path.read_bytes())
        )
        assert len(labelled.spans[name]) == len(entry["spans"]), name  # none nested or repeated
        previous_end = 0
        for kind, start, end in sorted(entry["spans"], key=lambda s: s[1]):
            assert kind in (*TYPES, "bank_account", "lookalike")
            assert 0 <= start < end <= len(text) and start >= previous_end, (name, kind)
            previous_end = end
            value = text[start:end]
            assert value == value.strip() and "\n" not in value, (name, kind)
            if kind != "lookalike":
                assert _valid(kind, value), (name, kind)
            counts[kind] += 1
    for kind in (
        "person_name",
        "phone",
        "email",
        "resident_id",
        "address",
        "date_of_birth",
        "lookalike",
    ):
        assert counts[kind] > 20, kind
    assert {"iban", "passport", "licence_plate", "coordinates", "secret", "ip_address"} <= set(
        counts
    )
    assert len({entry["kind"] for entry in stored.values()}) >= 9


def test_encodings_and_line_ends_decode_as_the_scorecard_reads_them() -> None:
    seen: set[str] = set()
    for index in range(250):
        _, doc, _, encoding = document(5, index)
        if encoding == "xlsx":
            continue
        data = encode(doc, encoding)
        assert decoded(data) == doc.text
        if data.startswith(b"\xef\xbb\xbf"):
            seen.add("bom")
        if "\r\n" in doc.text:
            seen.add("crlf")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            seen.add("gbk")
    assert seen == {"bom", "crlf", "gbk"}


def test_workbooks_label_their_cells_in_the_scorecards_virtual_text(tmp_path: Path) -> None:
    sheets = [i for i in range(300) if kind_of(5, i) == "sheets"][:2]
    assert sheets
    for index in sheets:
        _, doc, ext, encoding = document(5, index)
        path = tmp_path / f"{index}{ext}"
        path.write_bytes(encode(doc, encoding))
        assert encode(document(5, index)[1], encoding) == path.read_bytes()
        with zipfile.ZipFile(path) as book:  # no time of writing in the workbook
            assert b"2024-01-01T00:00:00Z</dcterms:modified>" in book.read("docProps/core.xml")
        text = _virtual(path, doc.segments)
        assert text == doc.text
        for kind, start, end in doc.spans:
            assert kind == "lookalike" or _valid(kind, text[start:end]), (index, kind)
