"""Corpus 12 (blind, bench/corpus12/): its own checks — the eight kinds; CSVs with BOM, CRLF,
GBK and three delimiters; mail as Outlook UTF-8, Foxmail GBK 8bit and encoded messages
(RFC 2047 words, base64 and quoted-printable parts, an HTML alternative); xlsx and docx;
phones written as JSON numbers and \\u-escaped JSON; look-alikes a fifth or more of the
labels. The checks every blind corpus passes are tests/scanner/test_blind_corpora.py's."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from bench.corpus12 import KINDS

from piiguard.scanner.scorecard import FILES, LOOKALIKE, decoded, load
from tests.scanner import test_corpus9 as c9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scanner.test_blind_corpora import written  # noqa: PLC0415 - it imports test_corpus9

    return written(tmp_path_factory, 12)


def _raw(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root / FILES).as_posix(): p.read_bytes() for p in (root / FILES).rglob("*.*")
    }


@pytest.mark.req("R2.7")
def test_kinds_encodings_delimiters_and_office_files(corpus: Path) -> None:
    labelled = load(corpus)
    assert set(labelled.kinds.values()) == set(KINDS)
    raw = _raw(corpus)
    tables = [b for n, b in raw.items() if n.endswith((".csv", ".tsv"))]
    assert any(b.startswith(b"\xef\xbb\xbf") for b in tables)
    assert any(b"\r\n" in b for b in tables) and any(b"\r\n" not in b for b in tables)
    firsts = [decoded(b).split("\n")[0] for b in tables]
    assert all(any(d in f for f in firsts) for d in (",", ";", "\t"))
    texts = [b for n, b in raw.items() if n.endswith((".csv", ".txt", ".eml"))]
    gbk = [b for b in texts if not b.startswith(b"\xef\xbb\xbf") and not c9._utf8(b)]
    assert gbk and all(decoded(b) == b.decode("gbk") for b in gbk)
    assert any(n.endswith(".xlsx") for n in raw) and any(n.endswith(".docx") for n in raw)


@pytest.mark.req("R2.7")
def test_mail_as_outlook_foxmail_and_encoded_messages(corpus: Path) -> None:
    raw = _raw(corpus)
    mails = [b for n, b in raw.items() if n.endswith(".eml")]
    assert any(b"-----Original Message-----" in m for m in mails)
    assert any(b'charset="gbk"' in m and b"8bit" in m for m in mails)
    assert any(b"=?GB2312?B?" in m for m in mails) and any(b"=?UTF-8?B?" in m for m in mails)
    assert any(b"quoted-printable" in m for m in mails) and any(b"base64" in m for m in mails)
    assert any(b"text/html" in m for m in mails)
    labelled = load(corpus)
    encoded = [n for n in labelled.segments if n.endswith(".eml")]
    assert encoded and all(labelled.spans[n] for n in encoded)


@pytest.mark.req("R2.7")
def test_json_numbers_escapes_and_lookalike_share(corpus: Path) -> None:
    labelled = load(corpus)
    texts = c9._texts(corpus)
    dumps = [n for n in texts if n.startswith("db_json/")]
    numbers = [
        texts[n][s.start - 2 : s.end + 1]
        for n in dumps
        for s in labelled.spans[n]
        if s.type == "phone" and texts[n][s.start - 1] != '"'
    ]
    assert numbers and all(re.fullmatch(r": 1\d{10}[,\n}]", x) for x in numbers), numbers[:3]
    assert any("\\u" in texts[n] for n in dumps)
    for n in dumps:
        text = texts[n]
        lines = text.splitlines() if n.endswith(".jsonl") else [text]
        assert all(json.loads(line) is not None for line in lines if line.strip())
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert 0.2 <= kinds[LOOKALIKE] / sum(kinds.values()) <= 0.5, kinds
