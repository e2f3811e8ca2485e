"""The signed evidence report through its use cases on both backends (R10.2, R10.3): every
requirement of the shipped listing with its control (modules, settings with default and
value in force), the tests that cite it, and the live evidence of this installation read
at the report's time — a verified trail and its signed checkpoint, an overdue vulnerability
and an agreement about to end needing attention, the impact assessments and audit duties;
rendered as PDF (the Chinese extracted back with pypdf) and HTML, signed with the audit
signing key, a flipped byte anywhere failing the check, another key's report refused, each
report made audited."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from piiguard.adapters.audit_signing import Ed25519CheckpointSigner, ensure_signing_key
from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.bootstrap.evidence import (
    control_settings,
    evidence_preview,
    evidence_report,
    traceability,
    verify_evidence,
)
from piiguard.domain.evidence.controls import Live
from piiguard.domain.evidence.report import Report, RequirementRow, State
from piiguard.domain.ports import AuditQuery
from piiguard.services.audit import note_verification, record_checkpoint, verify_audit
from piiguard.services.evidence.sign import Format, verify_report
from tests.builders import group_company_abroad
from tests.integration.test_vulns import record as record_vuln

pytestmark = pytest.mark.req("R10.2")
DAY = timedelta(days=1)


def row(r: Report, req: str) -> RequirementRow:
    return next(q for q in r.requirements if q.id == req)


def facts(r: Report, key: Live) -> dict[str, str]:
    item = r.live_item(key)
    assert item is not None
    return {f.en: f.value for f in item.facts}


@pytest.mark.req("R10.3")
def test_each_requirement_has_its_control_its_tests_and_the_live_evidence_read_now(
    c: Container, clock: FixedClock
) -> None:
    record_vuln(c, found_at=clock.now() - 40 * DAY)  # critical: 7 days to repair
    agreement = group_company_abroad(c, 10)
    assert record_checkpoint(c.uow(), c.signer, c.clock) is not None
    note_verification(c.uow(), OPERATOR, verify_audit(c.uow(readonly=True), c.signer))
    clock.advance(timedelta(minutes=5))
    r = evidence_preview(c, OPERATOR)

    shipped = traceability()
    assert [q.id for q in r.requirements] == [x["id"] for x in shipped["requirements"]]
    q = row(r, "R2.4")
    assert q.title == "Purpose limitation" and q.text.startswith("Use of a subject's data")
    assert "piiguard.domain.access_rules" in q.control.modules
    assert [(s.env, s.default, s.value) for s in q.settings] == [
        ("PIIGUARD_CONSENT_RENEWAL_DAYS", "30", "30")
    ]
    assert list(q.tests) == shipped["tests"]["R2.4"] and q.proved
    assert row(r, "R10.2").tests, "this very test cites R10.2"
    assert "piiguard.domain.assessments.rule" in row(r, "R10.4").control.modules
    assert r.counts["requirements"] == len(shipped["requirements"])

    # every live item is stamped with the time it was read
    assert {i.key for i in r.live} == set(Live)
    for item in r.live:
        assert item.read_at == clock.now(), item.key
    audit = facts(r, Live.AUDIT)
    assert audit["result"].startswith("intact") and audit["signature verifies"].startswith("yes")
    assert r.live_item(Live.AUDIT).state is State.OK  # type: ignore[union-attr]
    vulns = facts(r, Live.VULNS)
    assert vulns["past their deadline"] == "1" and vulns["open, 30–90 d old"] == "1"
    assert r.live_item(Live.VULNS).state is State.ATTENTION  # type: ignore[union-attr]
    ending = facts(r, Live.AGREEMENTS)
    assert agreement in ending["ending within 30 d"]
    requests = facts(r, Live.REQUESTS)
    assert requests["open and overdue"] == "0" and requests["answered late"] == "0"
    backups = r.live_item(Live.BACKUPS)
    assert backups is not None and backups.state is State.ATTENTION  # none taken yet
    staff = facts(r, Live.STAFF)
    assert staff["active accounts"] == "0"
    assessments = facts(r, Live.ASSESSMENTS)
    assert assessments["assessments approved, in force"] == "0"
    assert assessments["compliance audit mandatory"].startswith("no")

    # a setting changed at this installation shows beside its default
    changed = control_settings(c.settings.model_copy(update={"consent_renewal_days": 45}))
    assert changed["consent_renewal_days"] == ("30", "45")


def pdf_text(data: bytes, *wanted: str) -> str:
    """The text of the pages up to the one where the last of `wanted` appears (the lines
    as laid out joined again, without whitespace): extracting all of them takes seconds."""
    text = ""
    for page in PdfReader(io.BytesIO(data)).pages:
        text += "".join(page.extract_text().split())
        if all(w in text for w in wanted):
            break
    return text


def flipped(data: bytes, at: int) -> bytes:
    out = bytearray(data)
    out[at] ^= 0x01
    return bytes(out)


@pytest.mark.parametrize("fmt", [Format.PDF, Format.HTML])
def test_a_report_is_signed_and_a_flipped_byte_anywhere_fails_the_check(
    c: Container, fmt: Format, tmp_path: Path
) -> None:
    made = evidence_report(c, OPERATOR, fmt)
    data = made.data
    wanted = (
        "合规证据报告",
        "实时证据",
        "审计日志",
        "未实现",
        "要求、控制与测试",
        "R2.4目的限制/Purposelimitation",  # the catalogue in both languages
        "由同一个决策点决定每一次使用",
        "test_a_general_consent_never_implies_a_sensitive_one",
    )
    if fmt is Format.PDF:
        assert data.startswith(b"%PDF-")
        text = pdf_text(data, *wanted)
    else:
        text = "".join(data.decode("utf-8").split())
    for words in wanted:
        assert words in text, words

    ok = verify_evidence(c, data)
    assert ok.ok and ok.signed is not None and ok.signed.sha256 == made.signed.sha256
    last_line = data.rindex(b"\n", 0, len(data) - 1) + 1
    for at in (0, 9, len(data) // 2, last_line - 2, last_line + 40, len(data) - 30):
        verdict = verify_evidence(c, flipped(data, at))
        assert not verdict.ok and verdict.problem, at
    assert "hash differs" in verify_evidence(c, flipped(data, 9)).problem
    unsigned = verify_evidence(c, data[:last_line])
    assert not unsigned.ok and "no piiguard evidence signature" in unsigned.problem

    # the same file is refused by another installation's key, naming both keys
    ensure_signing_key(tmp_path / "other.pem")
    other = Ed25519CheckpointSigner(tmp_path / "other.pem", tmp_path / "witness.jsonl")
    refused = verify_report(data, other)
    assert not refused.ok and made.signed.key_id in refused.problem
    assert other.key_id in refused.problem

    # each report made is on the audit trail: its id, format, hash and key, no content
    with c.uow(readonly=True) as uow:
        [entry] = uow.audit_log.entries(AuditQuery(action="evidence.report", limit=10))
    d = json.loads(entry.details)
    assert (entry.target_id, d["format"], d["sha256"]) == (
        made.report.id,
        fmt.value,
        ok.signed.sha256,
    )
    assert d["key_id"] == c.signer.key_id
