"""The evidence report's pure parts (R10.2): the maintained mapping of controls names a
control for every requirement of docs/requirements.md, only modules that exist and settings
piiguard has, and live evidence some reader reads; the signature line — a report sealed
verifies, any change to it or its line is caught, a file without one says so; the XLSX of
the record of processing never stores a register's text as a formula (R10.1)."""

from __future__ import annotations

import importlib.util
import io
import re
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from openpyxl import load_workbook

from piiguard.adapters.accountability.xlsx import workbook
from piiguard.config import Settings
from piiguard.domain.evidence import signature
from piiguard.domain.evidence.catalogue_zh import ZH
from piiguard.domain.evidence.controls import CONTROLS, Live
from piiguard.domain.evidence.report import requirement_rows
from piiguard.domain.records.layouts import Sheet
from piiguard.services.evidence.live import READERS
from tests import traceability
from tests.conftest import REQUIREMENTS

AT = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


@pytest.mark.req("R10.2")
def test_every_requirement_has_a_control_naming_real_modules_and_settings() -> None:
    ids = {r["id"] for r in traceability.requirements(REQUIREMENTS.read_text("utf-8"))}
    assert ids - CONTROLS.keys() == set(), "add the control of each new requirement"
    assert CONTROLS.keys() - ids == set(), "a control for a requirement that is gone"
    for req, c in CONTROLS.items():
        assert c.summary and c.modules, req
        for module in c.modules:
            assert importlib.util.find_spec(module) is not None, (req, module)
        for name in c.settings:
            assert name in Settings.model_fields, (req, name)
        assert c.built in ("yes", "partial", "no"), req
        assert (c.built == "yes") == (not c.note), f"{req}: say what is not built, only then"


@pytest.mark.req("R10.2")
def test_every_requirement_and_control_has_its_chinese() -> None:
    assert ZH.keys() == CONTROLS.keys(), "say each requirement and its control in Chinese"
    for req, (title, summary) in ZH.items():
        assert re.search("[\u4e00-\u9fff]", title) and re.search("[\u4e00-\u9fff]", summary)
        assert summary != CONTROLS[req].summary, req
    row = requirement_rows(
        {"requirements": [{"id": "R2.1", "title": "Taxonomy", "text": "T."}]}, {}
    )[0]
    assert (row.title_zh, row.summary_zh) == ZH["R2.1"]


@pytest.mark.req("R10.2")
def test_each_live_key_has_its_reader_and_a_requirement_without_a_control_says_so() -> None:
    assert len(READERS) == len(Live)
    assert {k for c in CONTROLS.values() for k in c.live} <= set(Live)
    listing = {
        "requirements": [{"id": "R99.1", "title": "New", "text": "A new promise."}],
        "tests": {},
    }
    [row] = requirement_rows(listing, {})
    assert row.control.built == "no" and "No control" in row.control.summary
    assert not row.proved and row.tests == ()


KEY = Ed25519PrivateKey.generate()


def _verify(message: bytes, sig: str) -> bool:
    try:
        KEY.public_key().verify(bytes.fromhex(sig), message)
    except Exception:
        return False
    return True


def sealed(fmt: str, content: bytes = b"%PDF-1.4\nbody\n%%EOF\n") -> bytes:
    data, _ = signature.seal(content, fmt, "r-1", AT, "k1", lambda m: KEY.sign(m).hex())
    return data


@pytest.mark.req("R10.2")
@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_a_sealed_report_verifies_and_every_change_is_caught(fmt: str) -> None:
    data = sealed(fmt, b"<html><body>report</body></html>" if fmt == "html" else b"%PDF-1.4\n")
    last = data.splitlines()[-1]
    assert last.startswith(b"<!-- " if fmt == "html" else b"%") and b'"alg":"Ed25519"' in last
    ok = signature.check(data, "k1", _verify)
    assert ok.ok and ok.signed is not None and ok.signed.signed_at == AT.isoformat()
    for at in range(len(data) - 1):  # every byte but the final newline
        bad = bytearray(data)
        bad[at] ^= 0x20
        assert not signature.check(bytes(bad), "k1", _verify).ok, at
    assert "not this installation's key" in signature.check(data, "k2", _verify).problem
    assert "no piiguard evidence signature" in signature.check(b"plain\n", "k1", _verify).problem
    swapped = data.replace(b'"format":"' + fmt.encode(), b'"format":"xls')
    assert not signature.check(swapped, "k1", _verify).ok


@pytest.mark.req("R10.1")
def test_the_workbook_keeps_a_formula_looking_value_as_text() -> None:
    sheet = Sheet(
        "GDPR Art 30",
        "Record",
        (("(a) Controller", "Our Co"),),
        ("Activity", "Purpose"),
        (("after_sales", '=HYPERLINK("http://x")'), ("order_fulfilment", "Orders")),
    )
    wb = load_workbook(io.BytesIO(workbook([sheet])))
    ws = wb["GDPR Art 30"]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows()]
    assert rows[0][0] == "Record" and rows[1] == ("(a) Controller", "Our Co")
    assert rows[3] == ("Activity", "Purpose")
    cell = ws.cell(row=5, column=2)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"
