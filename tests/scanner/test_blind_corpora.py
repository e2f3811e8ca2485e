"""The checks every blind corpus passes (bench/corpus9/ to corpus14/), one test per
check, parametrized by corpus: the same seed writes the same bytes; every label lies on a
valid value of its type in the text the scorecard reads (files, decoded mail parts, office
segments) and labels never overlap; everything shaped like a value is under exactly one
label (a value or a look-alike); the look-alikes of every shape, none of them what it
resembles; a name under a label wherever it is written again; every type >= 150 times at
the 5 MB a corpus is scored at. Each corpus's own checks stay in its module."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from bench.corpus9 import write_corpus as write9
from bench.corpus10 import write_corpus as write10
from bench.corpus11 import KINDS as KINDS11
from bench.corpus11 import write_corpus as write11
from bench.corpus12 import write_corpus as write12
from bench.corpus13 import write_corpus as write13
from bench.corpus14 import write_corpus as write14
from stdnum import luhn

from piiguard.scanner.scorecard import FILES, LABELS, LOOKALIKE, decoded, load
from piiguard.scanner.taxonomy import TYPES
from tests.scanner import test_corpus9 as c9

# corpus: (writer, size the tests use, seed, another seed)
CORPORA: dict[int, tuple[Callable[[Path, int, int], Path], int, int, int]] = {
    9: (write9, 250_000, 9, 10),
    10: (write10, 300_000, 10, 11),
    11: (write11, 300_000, 11, 12),
    12: (write12, 300_000, 12, 13),
    13: (write13, 300_000, 13, 14),
    14: (write14, 300_000, 14, 15),
}
_written: dict[int, Path] = {}

# A plate of any province (corpus 11 writes 湘 / 桂 / 沪 / 赣 plates beside 粤 ones).
PLATE = r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][· ]?[A-Z0-9]{5,6}"
VALID = {**c9.VALID, "licence_plate": lambda t: re.fullmatch(PLATE, t) is not None}
SHAPES = {**c9.SHAPES, "plate": PLATE}


def written(factory: pytest.TempPathFactory, n: int) -> Path:
    """Corpus n at its test size and seed, written once per process."""
    if n not in _written:
        write, size, seed, _ = CORPORA[n]
        _written[n] = write(factory.mktemp(f"corpus{n}"), size, seed)
    return _written[n]


@pytest.fixture(scope="module", params=sorted(CORPORA), ids=lambda n: f"corpus{n}")
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> int:
    return int(request.param)


@pytest.mark.req("R2.7")
def test_same_seed_same_bytes_another_seed_others(
    corpus: int, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    root = written(tmp_path_factory, corpus)
    write, size, seed, other_seed = CORPORA[corpus]
    again = write(tmp_path / "again", size, seed)
    assert (again / LABELS).read_bytes() == (root / LABELS).read_bytes()
    names = sorted(p.relative_to(root).as_posix() for p in (root / FILES).rglob("*.*"))
    assert names == sorted(p.relative_to(again).as_posix() for p in (again / FILES).rglob("*.*"))
    assert all((root / n).read_bytes() == (again / n).read_bytes() for n in names)
    other = write(tmp_path / "other", size // 4, other_seed)
    assert (other / LABELS).read_bytes() != (root / LABELS).read_bytes()


@pytest.mark.req("R2.7")
def test_every_label_is_a_valid_value_and_none_overlap(
    corpus: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = written(tmp_path_factory, corpus)
    labelled = load(root)
    bad: list[tuple[str, str, str]] = []
    for name, text in c9._texts(root).items():
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
def test_every_value_shaped_run_is_under_exactly_one_label(
    corpus: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = written(tmp_path_factory, corpus)
    labelled = load(root)
    bare: list[tuple[str, str, str]] = []
    for name, text in c9._texts(root).items():
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
def test_lookalikes_of_every_shape_and_none_is_what_it_resembles(
    corpus: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = written(tmp_path_factory, corpus)
    labelled = load(root)
    texts = c9._texts(root)
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
    assert not any(c9._rid(f) for f in shapes["eighteen"])
    assert not any(luhn.is_valid(f) for f in shapes["sixteen"])


@pytest.mark.req("R2.7")
@pytest.mark.parametrize("n", [10, 11, 12, 13, 14], ids=lambda n: f"corpus{n}")
def test_every_name_written_again_is_labelled_again(
    n: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A labelled name of two or more characters is under a label wherever it is written
    (a Latin one where it stands as a word)."""
    root = written(tmp_path_factory, n)
    labelled = load(root)
    bare: list[tuple[str, str]] = []
    for name, text in c9._texts(root).items():
        spans = labelled.spans[name]
        names = {text[s.start : s.end] for s in spans if s.type == "person_name"}
        for person in (p for p in names if len(p) >= 2):
            for m in re.finditer(re.escape(person), text):
                word = person.isascii() and (
                    (m.start() and text[m.start() - 1].isalpha())
                    or (m.end() < len(text) and text[m.end()].isalpha())
                )
                if not word and not any(s.start <= m.start() and m.end() <= s.end for s in spans):
                    bare.append((name, person))
    assert not bare, bare[:10]


@pytest.mark.req("R2.7")
@pytest.mark.parametrize("n", [10, 11, 13, 14], ids=lambda n: f"corpus{n}")
def test_every_type_at_least_150_times_at_the_size_it_is_scored_at(n: int, tmp_path: Path) -> None:
    write, _, _, _ = CORPORA[n]
    stored = json.loads((write(tmp_path, 5_000_000) / LABELS).read_text(encoding="utf-8"))  # type: ignore[call-arg]
    kinds = Counter(s[0] for entry in stored.values() for s in entry["spans"])
    assert min(kinds[t] for t in TYPES) >= 150, kinds
    assert 2_800 <= len(stored) <= 4_500


@pytest.mark.req("R2.7")
def test_corpus11_kinds_encodings_delimiters_and_office_files(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Corpus 11's own: the eight kinds; CSV with BOM, CRLF, GBK and four delimiters, a
    headerless export; mail plain, GBK 8-bit, GB2312 base64 with RFC 2047 words, quoted-
    printable and base64 parts; xlsx and docx among the files; look-alikes ~40 % of labels."""
    root = written(tmp_path_factory, 11)
    labelled = load(root)
    assert set(labelled.kinds.values()) == set(KINDS11)
    files = (root / FILES).rglob("*.*")
    raw = {p.relative_to(root / FILES).as_posix(): p.read_bytes() for p in files}
    tables = [b for n, b in raw.items() if n.endswith((".csv", ".tsv"))]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in tables)
    assert any(b"\r\n" in b for b in tables) and any(b"\r\n" not in b for b in tables)
    texts = [b for n, b in raw.items() if n.endswith((".csv", ".tsv", ".txt", ".md"))]
    gbk = [b for b in texts if not b.startswith(b"\xef\xbb\xbf") and not c9._utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)
    firsts = [decoded(b).split("\n")[0] for b in tables]
    assert all(any(d in f for f in firsts) for d in (",", ";", "\t"))
    mails = [b for n, b in raw.items() if n.endswith(".eml")]
    assert any(b"charset=gbk" in m and b"8bit" in m for m in mails)
    assert any(b"=?GB2312?" in m for m in mails) and any(b"quoted-printable" in m for m in mails)
    assert any(n.endswith(".xlsx") for n in raw) and any(n.endswith(".docx") for n in raw)
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert 0.3 <= kinds[LOOKALIKE] / sum(kinds.values()) <= 0.5, kinds
