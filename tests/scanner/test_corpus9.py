"""Corpus 9 (blind, bench/corpus9/): the same seed writes the same bytes; every label lies on
a valid value of its type in the text the scorecard reads (files, decoded mail parts, office
segments), labels never overlap, and everything shaped like a value is under exactly one
label (a value or a look-alike); every type is there, and the look-alikes of every shape."""

from __future__ import annotations

import ipaddress
import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus9 import write_corpus
from stdnum import iban, luhn, numdb
from stdnum.cn import ric

from piiguard.scanner.scorecard import (
    FILES,
    LABELS,
    LOOKALIKE,
    decoded,
    load,
    mail_parts,
    segment_key,
)
from piiguard.scanner.sources.office import docx_segments, xlsx_segments
from piiguard.scanner.taxonomy import TYPES

SIZE = 250_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus9"), SIZE, 9)


def _texts(root: Path) -> dict[str, str]:
    """Each file's text as the scorecard reads it: office files and encoded mail as the
    virtual text of their segments (checked against the labels' segment offsets)."""
    labelled = load(root)
    texts = {}
    for name in labelled.spans:
        path = labelled.folder / name
        if name.endswith((".xlsx", ".docx")):
            reader = xlsx_segments if name.endswith(".xlsx") else docx_segments
            text = ""
            for loc, value, _hint in reader(path):
                assert labelled.segments[name][segment_key(loc)] == len(text)
                text += value + "\n"
        elif name in labelled.segments:
            laid = mail_parts(path.read_bytes())
            assert laid is not None and laid[1] == labelled.segments[name]
            text = laid[0]
        else:
            text = decoded(path.read_bytes())
        texts[name] = text
    return texts


def _rid(text: str) -> bool:
    text = text.upper()
    return (
        re.fullmatch(r"\d{17}[\dX]", text) is not None
        and ric.calc_check_digit(text) == text[-1]
        and bool(ric.get_birth_date(text))
        and len(numdb.get("cn/loc").info(text[:6])) > 1
    )


def _phone(text: str) -> bool:
    return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, "CN")))


def _compact(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


VALID = {
    "phone": _phone,
    "resident_id": _rid,
    "credit_card": lambda t: luhn.is_valid(_compact(t)) and t[0] in "23456",
    "bank_card": lambda t: luhn.is_valid(_compact(t)) and t.startswith("62"),
    "bank_account": lambda t: (
        re.fullmatch(r"[\d -]{10,24}", t) is not None and not luhn.is_valid(_compact(t))
    ),
    "iban": lambda t: iban.is_valid(_compact(t)),
    "ip_address": lambda t: bool(ipaddress.ip_address(t)),
    "email": lambda t: re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", t) is not None,
    "passport": lambda t: re.fullmatch(r"[A-Z0-9]{8,9}", t) is not None,
    "licence_plate": lambda t: re.fullmatch(r"粤[A-Z][· ]?[A-Z0-9]{5,6}", t) is not None,
    "coordinates": lambda t: len(re.findall(r"\d+\.\d+|\d+°", t)) >= 2,
    "date_of_birth": lambda t: re.search(r"19[6-9]\d|200[0-4]", t) is not None,
}

# What a value looks like wherever it is written; each such run must be under a label.
SHAPES = {
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b",
    "eleven digits": r"(?<![\w.])1[3-9]\d{9}(?![\w.])",
    "eighteen": r"(?<!\w)\d{17}[\dXx](?!\w)",
    "ipv4": r"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])",
    "plate": r"粤[A-Z][· ]?[A-Z0-9]{5,6}",
    "long number": r"(?<![\w-])\d{15,20}(?!\w)",
    "jwt": r"eyJ[\w-]+\.[\w-]+\.[\w-]+",
}


@pytest.mark.req("R2.7")
def test_same_seed_same_bytes_another_seed_others(corpus: Path, tmp_path: Path) -> None:
    again = write_corpus(tmp_path / "again", SIZE, 9)
    assert (again / LABELS).read_bytes() == (corpus / LABELS).read_bytes()
    names = sorted(p.relative_to(corpus).as_posix() for p in (corpus / FILES).rglob("*.*"))
    assert names == sorted(p.relative_to(again).as_posix() for p in (again / FILES).rglob("*.*"))
    assert all((corpus / n).read_bytes() == (again / n).read_bytes() for n in names)
    other = write_corpus(tmp_path / "other", SIZE // 4, 10)
    assert (other / LABELS).read_bytes() != (corpus / LABELS).read_bytes()


@pytest.mark.req("R2.7")
def test_every_label_is_a_valid_value_and_none_overlap(corpus: Path) -> None:
    labelled = load(corpus)
    bad: list[tuple[str, str, str]] = []
    for name, text in _texts(corpus).items():
        spans = labelled.spans[name]
        for span in spans:
            value = text[span.start : span.end]
            if "\\u" in value:  # a JSON string written \uXXXX-escaped, labelled as written
                value = json.loads(f'"{value}"')
            assert span.type in (*TYPES, LOOKALIKE), span
            check = VALID.get(span.type)
            if value != value.strip() or not value or (check and not check(value)):
                bad.append((name, span.type, value))
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        overlaps = [(a, b) for a, b in pairwise(ordered) if b.start < a.end]
        assert not overlaps, (name, overlaps[:3])
    assert not bad, bad[:10]
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert set(kinds) == {*TYPES, LOOKALIKE}, kinds
    assert min(kinds[t] for t in TYPES) >= 10, kinds  # >= 150 each at the 5 MB it is scored at
    assert kinds[LOOKALIKE] > kinds["phone"]


@pytest.mark.req("R2.7")
def test_every_value_shaped_run_is_under_exactly_one_label(corpus: Path) -> None:
    labelled = load(corpus)
    bare: list[tuple[str, str, str]] = []
    for name, text in _texts(corpus).items():
        covered = [(s.start, s.end) for s in labelled.spans[name]]
        for shape, pattern in SHAPES.items():
            for m in re.finditer(pattern, text):
                line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
                if line.startswith("Message-ID:"):  # a message's id
                    continue
                under = [1 for a, b in covered if a <= m.start() and m.end() <= b]
                if len(under) != 1:
                    bare.append((name, shape, m.group()))
    assert not bare, bare[:10]


@pytest.mark.req("R2.7")
def test_kinds_encodings_and_line_ends_are_mixed(corpus: Path) -> None:
    labelled = load(corpus)
    assert len(set(labelled.kinds.values())) == 14
    raw = [p.read_bytes() for p in (corpus / FILES).rglob("*.*") if p.suffix in (".csv", ".txt")]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw)
    assert any(b"\r\n" in b for b in raw) and any(b"\r\n" not in b for b in raw)
    gbk = [b for b in raw if not b.startswith(b"\xef\xbb\xbf") and not _utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)
    mails = [p.read_bytes() for p in (corpus / FILES / "mail_encoded").glob("*.eml")]
    assert any(b"base64" in m for m in mails) and any(b"quoted-printable" in m for m in mails)
    assert any(b"=?utf-8?b?" in m.lower() for m in mails)


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.req("R2.7")
def test_lookalikes_of_every_shape_and_none_is_what_it_resembles(corpus: Path) -> None:
    labelled = load(corpus)
    texts = _texts(corpus)
    fakes = {
        texts[n][s.start : s.end] for n in texts for s in labelled.spans[n] if s.type == LOOKALIKE
    }
    shapes = {
        "ipv4": [f for f in fakes if re.fullmatch(r"[vV]?\d+\.\d+\.\d+\.\d+", f)],
        "mobile": [f for f in fakes if re.fullmatch(r"1[3-9]\d{9}", f)],
        "waybill": [f for f in fakes if re.fullmatch(r"(SF|YT|JD)\d{13}", f)],
        "eighteen": [f for f in fakes if re.fullmatch(r"\d{18}", f)],
        "sixteen": [f for f in fakes if re.fullmatch(r"\d{16}", f)],
        "hash": [f for f in fakes if re.fullmatch(r"[0-9a-f]{40}", f)],
        "name-like": [f for f in fakes if re.fullmatch(r"[A-Z][a-z]+ (M|X|Pro)\d+|陈村|黄岐", f)],
        "isbn": [f for f in fakes if re.fullmatch(r"978-7-\d{3}-\d{5}-\d", f)],
        "date": [f for f in fakes if re.fullmatch(r"202[56]\D\d{1,2}\D\d{1,2}\D?", f)],
    }
    assert all(shapes.values()), {k: len(v) for k, v in shapes.items()}
    assert not any(_rid(f) for f in shapes["eighteen"])
    assert not any(luhn.is_valid(f) for f in shapes["sixteen"])
