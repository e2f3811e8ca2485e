"""Corpus 8 (blind, bench/corpus8/): the same seed writes the same bytes, every label names
text that is in its file as the scorecard reads it, the values are valid by their real rules,
and the look-alikes are there."""

from __future__ import annotations

import ipaddress
import random
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus8 import office, write_corpus
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

SIZE = 160_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus8"), SIZE, 8)


def _texts(root: Path) -> dict[str, str]:
    labelled = load(root)
    return {
        name: decoded((labelled.folder / name).read_bytes())
        for name in labelled.spans
        if name not in labelled.segments
    }


def _valid_phone(text: str) -> bool:
    number = phonenumbers.parse(text.split(" 转", maxsplit=1)[0], "CN")
    return bool(phonenumbers.is_valid_number(number))


def _valid_rid(text: str) -> bool:
    known = numdb.get("cn/loc").info(text[:6])
    return (
        ric.calc_check_digit(text) == text[-1] and bool(ric.get_birth_date(text)) and len(known) > 1
    )


def _valid_ip(text: str) -> bool:
    return bool(ipaddress.ip_address(text))


VALID: dict[str, Callable[[str], bool]] = {
    "phone": _valid_phone,
    "resident_id": _valid_rid,
    "credit_card": lambda c: luhn.is_valid(c) and c[0] in "23456",
    "iban": iban.is_valid,
    "ip_address": _valid_ip,
    "email": lambda t: re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", t) is not None,
    "bank_account": lambda t: re.fullmatch(r"[\d -]{10,24}", t) is not None,
}


def _valid(kind: str, text: str) -> bool:
    compact = re.sub(r"[\s-]", "", text)
    if kind in ("credit_card", "iban"):
        return bool(VALID[kind](compact))
    if kind in VALID:
        return bool(VALID[kind](text))
    return text == text.strip() and bool(text)


@pytest.mark.req("R2.7")
def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = write_corpus(tmp_path / "again", SIZE, 8)
    assert (again / LABELS).read_bytes() == (corpus / LABELS).read_bytes()
    names = sorted(p.relative_to(corpus).as_posix() for p in (corpus / FILES).rglob("*.*"))
    assert names == sorted(p.relative_to(again).as_posix() for p in (again / FILES).rglob("*.*"))
    assert all((corpus / n).read_bytes() == (again / n).read_bytes() for n in names)
    other = write_corpus(tmp_path / "other", SIZE // 4, 9)
    assert (other / LABELS).read_bytes() != (corpus / LABELS).read_bytes()


@pytest.mark.req("R2.7")
def test_every_label_is_a_valid_value_in_its_file(corpus: Path) -> None:
    labelled = load(corpus)
    texts = _texts(corpus)
    bad: list[tuple[str, str]] = []
    for name, text in texts.items():
        for span in labelled.spans[name]:
            value = text[span.start : span.end]
            assert span.type in (*TYPES, LOOKALIKE), span
            assert 0 <= span.start < span.end <= len(text)
            if not _valid(span.type, value):
                bad.append((span.type, value))
    assert not bad, bad[:10]
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert set(kinds) >= set(TYPES) - {"bank_card"}, kinds
    assert kinds[LOOKALIKE] > kinds["phone"] / 2  # the look-alikes are many


@pytest.mark.req("R2.7")
def test_encodings_and_line_ends_are_mixed(corpus: Path) -> None:
    raw = [
        p.read_bytes()
        for p in (corpus / FILES).rglob("*.*")
        if p.suffix in (".csv", ".txt", ".eml")
    ]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw)
    assert any(b"\r\n" in b for b in raw) and any(b"\r\n" not in b for b in raw)
    gbk = [b for b in raw if not b.startswith(b"\xef\xbb\xbf") and _not_utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)


def _not_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


@pytest.mark.req("R2.7")
def test_encoded_mail_is_labelled_in_its_decoded_parts(corpus: Path) -> None:
    """An encoded message's labels are spans in its decoded parts one after another, placed by
    `segments` as the scorecard places a finding of a mail part: its From and To (decoded from
    RFC 2047 words) and its body's values in both the text and the HTML part."""
    labelled = load(corpus)
    encoded = [n for n in labelled.spans if "mail_encoded" in n]
    assert encoded
    for name in encoded:
        raw = (labelled.folder / name).read_bytes()
        assert b"base64" in raw or b"quoted-printable" in raw
        virtual, segments = mail_parts(raw) or ("", {})
        assert labelled.segments[name] == segments and len(segments) == 3
        spans = labelled.spans[name]
        assert all(_valid(s.type, virtual[s.start : s.end]) for s in spans)
        body = segments[segment_key({"mime_part": 1})]
        html = segments[segment_key({"mime_part": 2})]
        head = [s.type for s in spans if s.end <= body]
        assert head.count("person_name") >= 2 and head.count("email") >= 2, (name, head)
        in_text = sorted(virtual[s.start : s.end] for s in spans if body <= s.start < html)
        in_html = sorted(virtual[s.start : s.end] for s in spans if s.start >= html)
        assert in_text and in_text == in_html


@pytest.mark.req("R2.7")
def test_office_labels_sit_in_the_segments_the_scanner_reads(tmp_path: Path) -> None:
    book, form = tmp_path / "book.xlsx", tmp_path / "form.docx"
    written = [(office.xlsx(random.Random(1), book, 15), xlsx_segments(book))]
    written.append((office.docx(random.Random(2), form), docx_segments(form)))
    for entry, segments in written:
        virtual = ""
        for loc, text, _header in segments:
            assert entry["segments"][segment_key(loc)] == len(virtual)
            virtual += text + "\n"
        kinds = Counter(k for k, _s, _e in entry["spans"])
        assert kinds["person_name"] >= 1 and len(kinds) >= 3, kinds
        assert all(_valid(k, virtual[s:e]) for k, s, e in entry["spans"])


@pytest.mark.req("R2.7")
def test_lookalikes_of_every_shape_are_present(corpus: Path) -> None:
    labelled = load(corpus)
    texts = _texts(corpus)
    fakes = {
        texts[n][s.start : s.end] for n in texts for s in labelled.spans[n] if s.type == LOOKALIKE
    }
    ip_shaped = [f for f in fakes if re.fullmatch(r"v?\d+\.\d+\.\d+\.\d+", f)]
    phone_shaped = [f for f in fakes if re.fullmatch(r"1[3-9]\d{9}|1[3-9]\d-\d{4}-\d{4}", f)]
    tracking = [f for f in fakes if re.fullmatch(r"(SF|YT|JD)\d{13}", f)]
    eighteen = [f for f in fakes if re.fullmatch(r"\d{18}", f)]
    assert ip_shaped and phone_shaped and tracking and eighteen
    assert not any(_valid_rid(f) for f in eighteen)


@pytest.mark.req("R2.7")
def test_every_address_written_out_is_labelled(corpus: Path) -> None:
    """An e-mail address anywhere in a text file (a reply's "On … X wrote:" line included) is
    under a label: one left bare would count against the scanner that finds it."""
    labelled = load(corpus)
    bare: list[tuple[str, str]] = []
    for name, text in _texts(corpus).items():
        covered = [(s.start, s.end) for s in labelled.spans[name]]
        for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text, re.ASCII):
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
            if line.startswith("Message-ID:"):  # a message's id, not a person's address
                continue
            if not any(a <= m.start() and m.end() <= b for a, b in covered):
                bare.append((name, m.group()))
    assert not bare, bare[:5]
