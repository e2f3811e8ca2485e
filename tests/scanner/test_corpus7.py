"""Corpus 7 (blind, bench/corpus7/): the same seed writes the same bytes, every label names
characters of its file as the scorecard decodes them, the values are valid by their rules,
and the look-alikes are there (issue 18)."""

from __future__ import annotations

import ipaddress
import itertools
import json
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus7 import write_corpus
from stdnum import iban, luhn, numdb
from stdnum.cn import ric

from piiguard.scanner.scorecard import FILES, LABELS, LOOKALIKE, decoded, load, segment_key
from piiguard.scanner.sources.mail import mime_segments
from piiguard.scanner.sources.office import docx_segments, xlsx_segments
from piiguard.scanner.taxonomy import TYPES

SIZE = 240_000
REGIONS = ("CN", "DE", "GB", "US", "HK", "SG", "MY", "IT", "JP", "FR")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("c7") / "a", SIZE, 7)


def _values(root: Path) -> list[tuple[str, str, str]]:
    """(file, type, text) of every label, office files through the scanner's own readers."""
    labels = json.loads((root / LABELS).read_text(encoding="utf-8"))
    out = []
    for name, entry in labels.items():
        path = root / FILES / name
        if "segments" in entry:  # office files, and mail read in its decoded parts
            if name.endswith(".eml"):
                located = [({"mime_part": n}, text) for n, text in mime_segments(path) or ()]
            else:
                reader = xlsx_segments if name.endswith(".xlsx") else docx_segments
                located = [(loc, text) for loc, text, _ in reader(path)]
            texts = {segment_key(loc): text for loc, text in located}
            assert set(texts) == set(entry["segments"]), name
            cells = sorted((at, texts[key]) for key, at in entry["segments"].items())
            for kind, start, end in entry["spans"]:
                at, text = max(c for c in cells if c[0] <= start)
                assert end <= at + len(text), (name, kind)
                out.append((name, kind, text[start - at : end - at]))
            continue
        text = decoded(path.read_bytes())
        out += [(name, kind, text[start:end]) for kind, start, end in entry["spans"]]
    return out


@pytest.mark.req("R2.7")
def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "a", SIZE // 5, 7)
    again = write_corpus(tmp_path / "b", SIZE // 5, 7)
    other = write_corpus(tmp_path / "c", SIZE // 5, 8)
    files = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert any(n.endswith(".xlsx") for n in files) and any(n.endswith(".docx") for n in files)
    for name in files:
        assert (corpus / name).read_bytes() == (again / name).read_bytes(), name
    common = [p.relative_to(other) for p in (other / FILES).rglob("*.*")]
    common = [n for n in common if (corpus / n).exists()]
    assert common and any((other / n).read_bytes() != (corpus / n).read_bytes() for n in common)


@pytest.mark.req("R2.7")
def test_every_label_names_its_files_characters(corpus: Path) -> None:
    labelled = load(corpus)  # the scorecard reads it
    values = _values(corpus)
    assert len(labelled.spans) > 60
    assert {kind for _, kind, _ in values} == {*TYPES, LOOKALIKE} - {"credit_card"}
    for name, kind, text in values:
        assert text and text == text.strip(), (name, kind)
        assert "\n" not in text, (name, kind)
    total = sum(len(spans) for spans in labelled.spans.values())
    assert total == len(values)  # no label inside another of its type


@pytest.mark.req("R2.7")
def test_the_kinds_encodings_and_line_ends_are_there(corpus: Path) -> None:
    labels = json.loads((corpus / LABELS).read_text(encoding="utf-8"))
    kinds = Counter(entry["kind"] for entry in labels.values())
    assert set(kinds) == {
        "mail",
        "orders",
        "tickets",
        "crm",
        "excel",
        "json",
        "logs",
        "forms",
        "word",
        "chat",
    }
    suffixes = {Path(name).suffix for name in labels}
    assert suffixes == {
        ".eml",
        ".txt",
        ".md",
        ".csv",
        ".tsv",
        ".xlsx",
        ".json",
        ".jsonl",
        ".log",
        ".docx",
    }
    raw = {name: (corpus / FILES / name).read_bytes() for name in labels}
    gbk = [n for n, data in raw.items() if n.endswith((".txt", ".csv", ".eml")) and _is_gbk(data)]
    assert gbk and any(data.startswith(b"\xef\xbb\xbf") for data in raw.values())
    assert any(b"\r\n" in data for data in raw.values())
    encoded = [n for n, data in raw.items() if b"Content-Transfer-Encoding: base64" in data]
    # labelled in their decoded parts (the headers, then the body)
    assert encoded and all(labels[n]["spans"] and "segments" in labels[n] for n in encoded)
    assert any(b"quoted-printable" in data for data in raw.values())
    assert any(rb"\u" in data for n, data in raw.items() if n.endswith((".json", ".jsonl")))


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        data.decode("gbk")
        return True
    return False


def _valid_phone(text: str) -> bool:
    for region in REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


def _coordinates(text: str) -> list[float]:
    dms = re.findall(r"(\d+)°(\d+)'([\d.]+)\"", text)
    if dms:
        return [int(d) + int(m) / 60 + float(s) / 3600 for d, m, s in dms]
    return [float(x) for x in re.findall(r"\d+\.\d+", text)]


@pytest.mark.req("R2.7")
def test_the_values_are_valid_by_their_rules(corpus: Path) -> None:
    places = numdb.get("cn/loc")
    plain = {"bank_card", "bank_account", "iban", "resident_id", "passport"}
    for name, kind, written in _values(corpus):
        # a JSON string written with escapes
        text = json.loads(f'"{written}"') if "\\u" in written else written
        compact = re.sub(r"[ -]", "", text) if kind in plain else text
        where = (name, kind)
        if kind == "resident_id":
            assert compact[-1] == ric.calc_check_digit(compact), where
            assert ric.get_birth_date(compact) and places.info(compact[:6])[-1][1], where
        elif kind == "bank_card":
            assert luhn.is_valid(compact) and compact[0] in "23456" and 15 <= len(compact) <= 19, (
                where
            )
        elif kind == "bank_account":
            assert compact.isdigit() and 12 <= len(compact) <= 20, where
        elif kind == "iban":
            assert iban.is_valid(compact), where
        elif kind == "phone":
            assert _valid_phone(text), where
        elif kind == "ip_address":
            ipaddress.ip_address(text)
        elif kind == "email":
            assert re.fullmatch(r"[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}", text), where
        elif kind == "passport":
            assert re.fullmatch(
                r"[EG][A-Z0-9]\d{7}|[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}|\d{9}|\d{2}[A-Z]{2}\d{5}|[A-Z]{2}\d{7}",
                text,
            ), where
        elif kind == "licence_plate":
            assert re.fullmatch(r"[粤湘桂赣川鄂闽][A-Z][·\- ]?[A-Z0-9]{5,6}", text), where
        elif kind == "coordinates":
            numbers = _coordinates(text)
            assert numbers and all(0 < x < 180 for x in numbers), where
        elif kind == "date_of_birth":
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", text)]
            assert years and 1960 <= years[0] <= 2005, where


@pytest.mark.req("R2.7")
def test_the_lookalikes_are_there_and_apart_from_the_values(corpus: Path) -> None:
    fakes = [text for _, kind, text in _values(corpus) if kind == LOOKALIKE]
    assert len(fakes) > 300
    shapes = {
        "mobile-shaped part numbers": r"1[3-9]\d{9}",
        "IP-shaped versions": r"v?\d{1,2}\.\d{1,2}\.\d{1,3}\.\d{1,4}",
        "18-character credit codes": r"91440\w{13}",
        "tracking numbers": r"(SF|YT|JDVA)\d{11,13}",
        "masked numbers": r".*\*{4,}.*",
        "epoch timestamps": r"1[78]\d{8}(\d{3})?",
        "dates that are no birth date": r"2026-\d\d-\d\d",
    }
    for what, shape in shapes.items():
        assert any(re.fullmatch(shape, f) for f in fakes), what
    labels = json.loads((corpus / LABELS).read_text(encoding="utf-8"))
    for name, entry in labels.items():
        spans = sorted(entry["spans"], key=lambda s: s[1])
        for a, b in itertools.pairwise(spans):
            assert a[2] <= b[1], (name, a, b)  # no two labels overlap
