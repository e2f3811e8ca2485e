"""Corpus 6 (blind): deterministic, labels on their text as the scorecard decodes it, label
types the scorecard's, values valid by python-stdnum, phonenumbers and ipaddress."""

from __future__ import annotations

import ipaddress
import re
from collections import Counter
from pathlib import Path

import phonenumbers
import pytest
from bench.corpus6 import generate, write_corpus
from stdnum import iban, luhn
from stdnum.cn import ric

from piiguard.scanner.scorecard import LOOKALIKE, decoded, load
from piiguard.scanner.taxonomy import TYPES

pytestmark = pytest.mark.req("R2.7")
SIZE = 250_000


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus6"), SIZE, 6)


def _texts(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root / "files").as_posix(): decoded(p.read_bytes())
        for p in (root / "files").rglob("*.*")
    }


def test_same_seed_same_bytes() -> None:
    first, again, other = generate(40_000, 6), generate(40_000, 6), generate(40_000, 7)
    assert first == again
    assert first != other


def test_labels_point_at_their_text_as_the_scorecard_decodes_it(corpus: Path) -> None:
    labelled = load(corpus)
    texts = _texts(corpus)
    assert set(texts) == set(labelled.spans)
    assert set(labelled.kinds.values()) == {
        "mail",
        "orders",
        "tickets",
        "csv",
        "json",
        "logs",
        "forms",
        "chat",
        "service",
    }
    allowed = {*TYPES, "bank_account", LOOKALIKE}
    raw = {
        p.relative_to(corpus / "files").as_posix(): p.read_bytes()
        for p in (corpus / "files").rglob("*.*")
    }
    assert any(data.startswith(b"\xef\xbb\xbf") for data in raw.values())  # BOM
    assert any(b"\r\n" in data for data in raw.values())  # CRLF
    gbk = [n for n, data in raw.items() if not _utf8(data)]
    assert gbk  # GBK files, read back as the labels expect
    for name, spans in labelled.spans.items():
        text = texts[name]
        for s in spans:
            value = text[s.start : s.end]
            assert s.type in allowed
            assert value and value == value.strip(), (name, s.type)
            assert "\n" not in value and '"' not in value


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _values(corpus: Path) -> dict[str, list[str]]:
    labelled, texts = load(corpus), _texts(corpus)
    out: dict[str, list[str]] = {}
    for name, spans in labelled.spans.items():
        for s in spans:
            out.setdefault(s.type, []).append(texts[name][s.start : s.end])
    return out


def test_values_are_valid(corpus: Path) -> None:
    values = _values(corpus)
    counts = Counter({k: len(v) for k, v in values.items()})
    for kind in (*TYPES, "bank_account", LOOKALIKE):
        assert counts[kind] > 0, kind
    assert all(ric.is_valid(v) for v in values["resident_id"])
    assert all(
        luhn.is_valid(v.replace(" ", "")) for v in values["credit_card"] + values["bank_card"]
    )
    assert all(iban.is_valid(v) for v in values["iban"])
    for v in values["phone"]:
        assert phonenumbers.is_valid_number(phonenumbers.parse(v, "CN")), v
    for v in values["ip_address"]:
        ip = ipaddress.ip_address(v)
        assert ip.is_global, v
    for v in values["passport"]:
        assert re.fullmatch(
            r"E\d{8}|E[A-HJK]\d{7}|G\d{8}|K\d{8}|C[CFGHJ-NPRTV-Z0-9]{8}|[1-9]\d{8}", v
        ), v
    for v in values["licence_plate"]:
        assert re.fullmatch(r"粤[A-Z][· ]?([DF]\d{5}|[A-HJ-NP-Z0-9]{5})", v), v
    for v in values["email"]:
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v), v


def test_names_are_labelled_without_titles(corpus: Path) -> None:
    names = _values(corpus)["person_name"]
    titles = ("工", "经理", "师傅", "女士", "先生", "Mr.", "Ms.", "客户", "Dear")
    assert not [n for n in names if n.startswith(titles) or n.endswith(titles)]
    assert any(len(n) == 1 for n in names)  # a surname before its role ("王工")
