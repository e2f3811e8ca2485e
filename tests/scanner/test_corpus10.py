"""Corpus 10 (blind, bench/corpus10/): the same seed writes the same bytes; every label lies on
a valid value of its type in the text the scorecard reads (files, decoded mail parts, office
segments), labels never overlap, and everything shaped like a value is under exactly one
label (a value or a look-alike), a name wherever it is written again; every type is there
at >= 150 at the 5 MB it is scored at, and the look-alikes of every shape."""

from __future__ import annotations

import json
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest
from bench.corpus10 import KINDS, write_corpus
from stdnum import luhn

from piiguard.scanner.scorecard import (
    FILES,
    LABELS,
    LOOKALIKE,
    decoded,
    load,
)
from piiguard.scanner.taxonomy import TYPES
from tests.scanner import test_corpus9 as c9

SIZE = 300_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus10"), SIZE, 10)


# The same checks as corpus 9's test: the text the scorecard reads, what makes a value
# valid of its type, and the shapes every value is written in.
_texts, _rid, _utf8, VALID, SHAPES = c9._texts, c9._rid, c9._utf8, c9.VALID, c9.SHAPES


@pytest.mark.req("R2.7")
def test_same_seed_same_bytes_another_seed_others(corpus: Path, tmp_path: Path) -> None:
    again = write_corpus(tmp_path / "again", SIZE, 10)
    assert (again / LABELS).read_bytes() == (corpus / LABELS).read_bytes()
    names = sorted(p.relative_to(corpus).as_posix() for p in (corpus / FILES).rglob("*.*"))
    assert names == sorted(p.relative_to(again).as_posix() for p in (again / FILES).rglob("*.*"))
    assert all((corpus / n).read_bytes() == (again / n).read_bytes() for n in names)
    other = write_corpus(tmp_path / "other", SIZE // 4, 11)
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
    assert set(labelled.kinds.values()) == set(KINDS)
    raw = [p.read_bytes() for p in (corpus / FILES).rglob("*.*") if p.suffix in (".csv", ".txt")]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in raw)
    assert any(b"\r\n" in b for b in raw) and any(b"\r\n" not in b for b in raw)
    gbk = [b for b in raw if not b.startswith(b"\xef\xbb\xbf") and not _utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)
    mails = [p.read_bytes() for p in (corpus / FILES / "mail").glob("*.eml")]
    assert any(b"base64" in m for m in mails) and any(b"quoted-printable" in m for m in mails)
    assert any(b"=?utf-8?b?" in m.lower() for m in mails)


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


@pytest.mark.req("R2.7")
def test_every_name_written_again_is_labelled_again(corpus: Path) -> None:
    """A labelled name of two or more characters is under a label wherever it is written
    (a Latin one where it stands as a word)."""
    labelled = load(corpus)
    bare: list[tuple[str, str]] = []
    for name, text in _texts(corpus).items():
        spans = labelled.spans[name]
        names = {text[s.start : s.end] for s in spans if s.type == "person_name"}
        for person in (n for n in names if len(n) >= 2):
            for m in re.finditer(re.escape(person), text):
                word = person.isascii() and (
                    (m.start() and text[m.start() - 1].isalpha())
                    or (m.end() < len(text) and text[m.end()].isalpha())
                )
                if not word and not any(s.start <= m.start() and m.end() <= s.end for s in spans):
                    bare.append((name, person))
    assert not bare, bare[:10]


@pytest.mark.req("R2.7")
def test_every_type_at_least_150_times_at_the_size_it_is_scored_at(tmp_path: Path) -> None:
    stored = json.loads((write_corpus(tmp_path, 5_000_000) / LABELS).read_text(encoding="utf-8"))
    kinds = Counter(s[0] for entry in stored.values() for s in entry["spans"])
    assert min(kinds[t] for t in TYPES) >= 150, kinds
    assert 3_000 <= len(stored) <= 4_500
