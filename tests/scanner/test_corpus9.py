"""Corpus 9 (blind, bench/corpus9/): its own check (its kinds, encodings and line ends) and
what every blind corpus's checks use — the text the scorecard reads (files, decoded mail
parts, office segments), what makes a value valid of its type, the shapes every value is
written in. The checks themselves (same seed same bytes, valid labels that never overlap,
every value-shaped run under exactly one label, look-alikes of every shape) are
tests/scanner/test_blind_corpora.py's, for corpora 9, 10 and 11."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

import phonenumbers
import pytest
from stdnum import iban, luhn, numdb
from stdnum.cn import ric

from piiguard.scanner.scorecard import (
    FILES,
    decoded,
    load,
    mail_parts,
    segment_key,
)
from piiguard.scanner.sources.office import docx_segments, xlsx_segments

SIZE = 250_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.scanner.test_blind_corpora import written  # noqa: PLC0415 - it imports this module

    return written(tmp_path_factory, 9)


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
