"""Corpus 13 (blind, bench/corpus13/): its own checks — the eight kinds; CSVs with BOM,
CRLF and LF, GBK, commas, semicolons and tabs; mail as text copies and as .eml Python's
email package writes (RFC 2047 headers, base64, quoted-printable and 8bit bodies); JSON as
json.dumps writes it (ASCII-escaped, ensure_ascii=False, JSONL, mongoexport); every birth
date a birth date, look-alike dates of 2025-2026; look-alikes about a fifth of the
labels. The checks every blind corpus passes are tests/scanner/test_blind_corpora.py's."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bench.corpus13 import KINDS

from piiguard.scanner.scorecard import FILES, LOOKALIKE, decoded, load
from tests.scanner import test_corpus9 as c9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scanner.test_blind_corpora import written  # noqa: PLC0415 - it imports test_corpus9

    return written(tmp_path_factory, 13)


def _raw(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root / FILES).as_posix(): p.read_bytes() for p in (root / FILES).rglob("*.*")
    }


@pytest.mark.req("R2.7")
def test_kinds_and_tables_as_csv_writer_and_excel_write_them(corpus: Path) -> None:
    labelled = load(corpus)
    assert set(labelled.kinds.values()) == set(KINDS)
    raw = _raw(corpus)
    tables = [b for n, b in raw.items() if n.endswith((".csv", ".tsv"))]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in tables)
    assert any(b"\r\n" in b for b in tables) and any(b"\r\n" not in b for b in tables)
    firsts = [decoded(b).split("\n")[0] for b in tables]
    assert all(any(d in f for f in firsts) for d in (",", ";", "\t"))
    gbk = [b for b in tables if not b.startswith(b"\xef\xbb\xbf") and not c9._utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)


@pytest.mark.req("R2.7")
def test_mail_as_text_copies_and_as_the_email_package_writes_it(corpus: Path) -> None:
    raw = _raw(corpus)
    mails = [b for n, b in raw.items() if n.endswith(".eml")]
    assert any(b"=?utf-8?b?" in m for m in mails)
    for cte in (b"base64", b"quoted-printable", b"8bit"):
        assert any(b"Content-Transfer-Encoding: " + cte in m for m in mails), cte
    assert any(n.startswith("mail/") and n.endswith(".txt") for n in raw)
    labelled = load(corpus)
    encoded = [n for n in labelled.segments if n.endswith(".eml")]
    assert encoded and all(labelled.spans[n] for n in encoded)


@pytest.mark.req("R2.7")
def test_json_as_json_dumps_writes_it_and_dates_of_birth_only_births(corpus: Path) -> None:
    labelled = load(corpus)
    texts = c9._texts(corpus)
    dumps = [n for n in texts if n.startswith("db_json/")]
    for n in dumps:
        lines = texts[n].splitlines() if n.endswith(".jsonl") else [texts[n]]
        assert all(json.loads(line) is not None for line in lines if line.strip())
    assert any("\\u" in texts[n] for n in dumps) and any('"$oid"' in texts[n] for n in dumps)
    years = [
        re.search(r"(19|20)\d\d", texts[n][s.start : s.end])
        for n in texts
        for s in labelled.spans[n]
        if s.type == "date_of_birth"
    ]
    assert years and all(y and 1960 <= int(y.group()) <= 2004 for y in years)
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert 0.15 <= kinds[LOOKALIKE] / sum(kinds.values()) <= 0.5, kinds
