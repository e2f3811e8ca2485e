"""Corpus 14 (blind, bench/corpus14/): its own checks — the eight kinds; mail as
multipart/alternative with an HTML part and as Outlook text copies; CSVs all quoted with
CRLF, with Excel's BOM, in GB18030 and with semicolons; JSON dumps that parse (Mongo
extended JSON, docker logs); labels on their text (resident ids with their check
character, UnionPay cards Luhn-valid, accounts not); the same seed, the same bytes. The
checks every blind corpus passes are tests/scanner/test_blind_corpora.py's."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from bench.corpus14 import KINDS, write_corpus
from bench.corpus14.values import id_check, luhn_ok

from piiguard.scanner.scorecard import FILES, LABELS, LOOKALIKE, decoded, load
from tests.scanner import test_corpus9 as c9


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scanner.test_blind_corpora import written  # noqa: PLC0415 - it imports test_corpus9

    return written(tmp_path_factory, 14)


def _raw(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root / FILES).as_posix(): p.read_bytes() for p in (root / FILES).rglob("*.*")
    }


@pytest.mark.req("R2.7")
def test_kinds_mail_layouts_and_table_encodings(corpus: Path) -> None:
    labelled = load(corpus)
    assert set(labelled.kinds.values()) == set(KINDS)
    raw = _raw(corpus)
    mails = [b for n, b in raw.items() if n.endswith(".eml")]
    assert any(b"multipart/alternative" in m and b"text/html" in m for m in mails)
    assert any(b"quoted-printable" in m for m in mails) and any(b"base64" in m for m in mails)
    copies = [decoded(b) for n, b in raw.items() if n.startswith("mail/outlook_")]
    assert copies and all(c.startswith("发件人: ") for c in copies)
    tables = [b for n, b in raw.items() if n.startswith("crm_csv/")]
    assert any(b.startswith(b'\xef\xbb\xbf"') for b in tables)
    assert any(b.startswith(b'"Contact ID"') and b"\r\n" in b for b in tables)
    gb = [b for b in tables if not b.startswith(b"\xef\xbb\xbf") and not c9._utf8(b)]
    assert gb and all(decoded(b) == b.decode("gb18030") for b in gb)
    assert any(decoded(b).split("\n")[0].count(";") > 3 for b in tables)


@pytest.mark.req("R2.7")
def test_dumps_parse_and_labels_land_on_their_text(corpus: Path) -> None:
    labelled = load(corpus)
    texts = c9._texts(corpus)
    for n, text in texts.items():
        if n.endswith(".json"):
            assert json.loads(text) is not None
        elif n.endswith((".jsonl", "-json.log")):
            assert all(json.loads(line) is not None for line in text.splitlines())
    assert any('"$numberLong"' in t for t in texts.values())
    values: dict[str, list[str]] = {}
    for n, text in texts.items():
        for s in labelled.spans[n]:
            values.setdefault(s.type, []).append(text[s.start : s.end])
    assert all(id_check(v[:17]) == v[17].upper() for v in values["resident_id"])
    cards = [v.replace(" ", "") for v in values["bank_card"] if "\\" not in v]
    assert cards and all(c.startswith("62") and luhn_ok(c) for c in cards)
    assert all(not luhn_ok(v) for v in values["bank_account"])
    assert any("（" in t[s.end : s.end + 1] for n, t in texts.items() for s in labelled.spans[n])
    kinds = Counter(s.type for spans in labelled.spans.values() for s in spans)
    assert 0.15 <= kinds[LOOKALIKE] / sum(kinds.values()) <= 0.5, kinds


@pytest.mark.req("R2.7")
def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = write_corpus(tmp_path / "a", 60_000, 3)
    b = write_corpus(tmp_path / "b", 60_000, 3)
    assert (a / LABELS).read_bytes() == (b / LABELS).read_bytes()
    names = sorted(p.relative_to(a).as_posix() for p in (a / FILES).rglob("*.*"))
    assert names and all((a / n).read_bytes() == (b / n).read_bytes() for n in names)
