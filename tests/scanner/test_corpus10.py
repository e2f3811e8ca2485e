"""Corpus 10 (blind, bench/corpus10/): its own check — its kinds, encodings and line ends.
The checks every blind corpus passes (same seed same bytes, valid labels, every value-shaped
run labelled, look-alikes, names labelled again, >= 150 of every type) are
tests/scanner/test_blind_corpora.py's."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.corpus10 import KINDS

from piiguard.scanner.scorecard import FILES, decoded, load
from tests.scanner import test_corpus9 as c9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scanner.test_blind_corpora import written  # noqa: PLC0415 - it imports corpus 9's

    return written(tmp_path_factory, 10)


_utf8 = c9._utf8


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
