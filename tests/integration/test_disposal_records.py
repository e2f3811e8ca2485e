"""piiguard's own records about people disposed of by the sweep (issue 14; R2.11, R10.2), on
both backends with an injected clock: a closed request's record (its sealed contact and
details, codes, reminders), the package it delivered and a mail in triage go on the same
batches as data items once their record rule's days have passed from the rule's anchor;
an open request is kept (its anchor has not happened); a legal hold on the person keeps
their records back; disposal deletes the rows, leaves the audit entries (ids and keyed
hashes, no value) and the certificate counts the records by type."""

from __future__ import annotations

import json
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.keystore_tables import record_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import KeyShredded
from piiguard.domain.ports import AuditQuery
from piiguard.domain.retention.disposal import BatchStatus, DisposalBatch
from piiguard.domain.retention.schedule import Anchor, RecordRule, RecordType
from piiguard.domain.rights.rules import RequestChannel, RequestKind, RequestStatus
from piiguard.services.retention import holds
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.batches import (
    approve_batch,
    dispose_batch,
    list_batches,
    list_hash,
)
from piiguard.services.retention.certificate import certificate_html, certificate_of
from piiguard.services.retention.job import run_sweep
from piiguard.services.retention.sweep import preview_disposal
from piiguard.services.rights import mail_intake as intake
from piiguard.services.rights.intake import RequestInput, open_request, view_request
from piiguard.services.rights.steps import flag_unfounded
from tests.builders import contact, register
from tests.e2e.cli_runner import piiguard
from tests.integration.test_rekey import keystore_files
from tests.integration.test_vault import backup_rows
from tests.mailserver import SmtpSink, body_text

DAY = timedelta(days=1)
EMAIL = "li.lei@example.cn"
RCPT = ("privacy@example.com",)
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
MAIL_TEXT = "Can we talk about my order 4471?"


def _mail(sender: str, subject: str, body: str) -> bytes:
    m = EmailMessage()
    m["From"], m["To"], m["Subject"] = sender, RCPT[0], subject
    m.set_content(body)
    return m.as_bytes()


def _answered_by_mail(c: Container, mailbox: SmtpSink) -> str:
    """An access request by mail, verified by replying with the code: answered with a
    package, the request closed."""
    rid = intake.intake_mail(c.uow(), c.requests, _mail(EMAIL, "Access request", "Hi"), RCPT)
    code_mail = mailbox.wait_for(lambda m: m["To"] == EMAIL)
    quoted = "\n".join(f"> {line}" for line in body_text(code_mail).splitlines())
    intake.intake_mail(
        c.uow(), c.requests, _mail(EMAIL, f"Re: {code_mail['Subject']}", quoted), RCPT
    )
    return rid


def _rules(c: Container) -> None:
    for rule in (
        RecordRule(RecordType.DATA_REQUEST, 365, Anchor.REQUEST_CLOSED),
        RecordRule(RecordType.REQUEST_PACKAGE, 30, Anchor.RECEIVED),
        RecordRule(RecordType.TRIAGE_MAIL, 90, Anchor.RECEIVED),
    ):
        sch.save_record_rule(c.uow(), c.clock, ALICE, rule)


def _records(c: Container, request_ids: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Which of these requests are stored now, their packages, and every triage mail."""
    with c.uow(readonly=True) as uow:
        requests = sorted(r for r in request_ids if uow.requests.get(r) is not None)
        packages = sorted(p.id for r in request_ids for p in uow.requests.packages_of(r))
        mails = sorted(m.id for m in uow.requests.triage(open_only=False))
    return requests, packages, mails


def _batches(c: Container) -> list[DisposalBatch]:
    return list_batches(c.uow(readonly=True), (BatchStatus.PROPOSED,))


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_records_piiguard_keeps_about_people_are_disposed_of_by_their_rules(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    person = register(c, *contact(EMAIL))
    rid = _answered_by_mail(c, mailbox)
    with c.uow(readonly=True) as uow:
        found = uow.requests.get(rid)
    assert found is not None and found[0].status is RequestStatus.COMPLETED
    tid = intake.intake_mail(
        c.uow(), c.requests, _mail("wang@example.com", "Hello", MAIL_TEXT), RCPT
    )
    intake.resolve_triage(c.uow(), c.requests, OPERATOR, tid, None)
    still_open = open_request(
        c.uow(),
        c.requests,
        "subject:web",
        RequestInput(RequestKind.DELETION, RequestChannel.WEB, "zhao@example.cn", "en"),
    ).request.id
    requests, packages, mails = _records(c, [rid, still_open])
    assert (requests, len(packages), mails) == (sorted([rid, still_open]), 1, [tid])

    # no record rule: every record is kept
    assert preview_disposal(c.uow(readonly=True), clock.now() + 400 * DAY).records == {}
    _rules(c)
    h = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "complaint to the regulator",
        "粤网信〔2026〕7号",
        subject_ids=frozenset({person.subject.id}),
        until=clock.now() + 500 * DAY,
        box=c.requests.box,
    )
    holds.approve_hold(c.uow(), c.clock, BOB, h.id)
    ahead = preview_disposal(c.uow(readonly=True), clock.now() + 400 * DAY)
    assert (ahead.records, ahead.held, ahead.items) == ({"triage_mail": 1}, 2, 0)
    later = preview_disposal(c.uow(readonly=True), clock.now() + 501 * DAY)
    assert later.records == {"data_request": 1, "request_package": 1, "triage_mail": 1}

    # 400 days on: the mail goes; the person's request and package wait for the hold
    clock.advance(400 * DAY)
    assert run_sweep(c.uow(), c.requests).proposed == 1
    clock.advance(101 * DAY)
    assert run_sweep(c.uow(), c.requests).proposed == 2  # the hold has ended
    batches = sorted(_batches(c), key=lambda b: b.created_at)
    disposed: list[str] = []
    for b in batches:
        approve_batch(c.uow(), c.clock, ALICE, b.id)
        done = dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, b.id)
        assert done.status is BatchStatus.DISPOSED
        cert = certificate_of(c.uow(readonly=True), b.id)
        with c.uow(readonly=True) as uow:
            ids = sorted(e.record_id for e in uow.retention.entries(b.id) if e.disposed_at)
        assert cert.list_hash == list_hash(ids) == done.list_hash
        assert cert.facts["items"] == 0 and cert.systems == {}
        disposed += ids
        assert "own records about people" in certificate_html(cert)
    facts = [certificate_of(c.uow(readonly=True), b.id).facts["records"] for b in batches]
    assert facts == [{"triage_mail": 1}, {"data_request": 1, "request_package": 1}]
    assert sorted(disposed) == sorted([tid, rid, *packages])

    # the rows are gone, the open request stays, the person's items stay
    assert _records(c, [rid, still_open]) == ([still_open], [], [])
    assert sch.subject_retention(c.uow(readonly=True), c.clock, person.subject.id)
    # the audit entries stay: the request's timeline is still there, with no value in it
    with c.uow(readonly=True) as uow:
        timeline = uow.audit_log.entries(AuditQuery(target=("request", rid)))
        trail = uow.audit_log.entries(AuditQuery(limit=10_000))
    assert timeline
    text = "\n".join(f"{e.action} {e.details}" for e in trail)
    assert "retention.dispose_records" in text
    for value in (EMAIL, MAIL_TEXT, "wang@example.com"):
        assert value not in text
        assert value not in json.dumps(facts, ensure_ascii=False)


@pytest.mark.req("R2.11")
def test_a_record_no_longer_due_at_disposal_is_left_out(c: Container, clock: FixedClock) -> None:
    """The rule lengthened after the proposal: the mail is kept, counted as not due."""
    tid = intake.intake_mail(
        c.uow(), c.requests, _mail("wang@example.com", "Hello", MAIL_TEXT), RCPT
    )
    _rules(c)
    clock.advance(91 * DAY)
    assert run_sweep(c.uow(), c.requests).proposed == 1
    [batch] = _batches(c)
    sch.save_record_rule(
        c.uow(), c.clock, ALICE, RecordRule(RecordType.TRIAGE_MAIL, 365, Anchor.RECEIVED)
    )
    approve_batch(c.uow(), c.clock, ALICE, batch.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, batch.id)
    f = certificate_of(c.uow(readonly=True), batch.id).facts
    assert (f["records"], f["skipped"]) == ({}, {"held": 0, "not_due": 1, "gone": 0})
    assert _records(c, [])[2] == [tid]


def _openable(c: Container, sealed: str, context: str) -> bool:
    """Whether a sealed value of a copy opens with the live key store; False when its
    record's key was destroyed."""
    try:
        c.requests.box.open(sealed, context)
    except KeyShredded:
        return False
    return True


def _record_keys(c: Container, scopes: list[str]) -> dict[str, bytes]:
    """scope -> its wrapped key, as the key store holds them."""
    q = select(record_keys.c.scope, record_keys.c.wrapped_key).where(
        record_keys.c.scope.in_(scopes)
    )
    with c.keys_engine.connect() as conn:
        return {sc: bytes(blob) for sc, blob in conn.execute(q)}


def _notes(rows: list[dict[str, Any]], request_id: str) -> list[str]:
    """The sealed staff notes in a copy's audit entries about a request."""
    details = [json.loads(r["details"]) for r in rows if r["target_id"] == request_id]
    return [d["note_sealed"] for d in details if d.get("note_sealed")]


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
@pytest.mark.req("R10.2")
def test_backup_proof_disposed_records_and_their_notes_no_longer_open_in_a_copy(
    c: Container, clock: FixedClock, mailbox: SmtpSink, tmp_path: Path
) -> None:
    """THE BACKUP PROOF for piiguard's own records: a copy of the data database taken
    before the disposal; afterwards, with the live key store, the copy's disposed request
    (its sealed contact and details), the staff's note on it sealed inside an audit entry,
    its delivered package and a mail in triage no longer open — while a request kept, and
    its note, still do — and `piiguard audit verify` still passes: the entries are intact."""
    register(c, *contact(EMAIL))
    answered = _answered_by_mail(c, mailbox)  # closed, with its package
    web = RequestInput(RequestKind.DELETION, RequestChannel.WEB, "zhao@example.cn", "en")
    gone = open_request(c.uow(), c.requests, "subject:web", web).request.id
    flag_unfounded(c.uow(), c.requests, ALICE, gone, "asked the same thing 9 times today")
    tid = intake.intake_mail(
        c.uow(), c.requests, _mail("wang@example.com", "Hello", MAIL_TEXT), RCPT
    )
    clock.advance(40 * DAY)
    kept = open_request(c.uow(), c.requests, "subject:web", web).request.id
    flag_unfounded(c.uow(), c.requests, ALICE, kept, "asked the same thing 7 times today")
    for rt in (RecordType.DATA_REQUEST, RecordType.REQUEST_PACKAGE, RecordType.TRIAGE_MAIL):
        sch.save_record_rule(c.uow(), c.clock, ALICE, RecordRule(rt, 30, Anchor.RECEIVED))
    old = backup_rows(
        c, tmp_path, t.data_requests, t.request_packages, t.triage_mail, t.audit_entries
    )
    [package] = old["request_packages"]
    requests = {r["id"]: r["details"] for r in old["data_requests"]}
    assert (sorted(requests), _notes(old["audit_entries"], gone) != []) == (
        sorted([answered, gone, kept]),
        True,
    )
    # before the disposal every sealed value of the copy opens with the live keys
    for rid in (answered, gone, kept):
        assert _openable(c, requests[rid], f"request:{rid}")
    assert all(_openable(c, n, f"request-note:{gone}") for n in _notes(old["audit_entries"], gone))
    assert _openable(c, bytes(package["sealed"]).decode(), f"package:{package['id']}")
    assert _openable(c, old["triage_mail"][0]["sealed"], f"triage:{tid}")

    scopes = [f"request:{answered}", f"request:{gone}", f"package:{package['id']}"]
    scopes.append(f"triage:{tid}")
    wrapped = _record_keys(c, scopes)
    assert sorted(wrapped) == sorted(scopes)

    clock.advance(5 * DAY)  # the first three requests' records are due; `kept` is not
    assert run_sweep(c.uow(), c.requests).proposed == 4
    [b] = _batches(c)
    approve_batch(c.uow(), c.clock, ALICE, b.id)
    dispose_batch(c.uow(), c.vault, c.clock, ALICE, c.snapshots, b.id)
    assert certificate_of(c.uow(readonly=True), b.id).facts["records"] == {
        "data_request": 2,
        "request_package": 1,
        "triage_mail": 1,
    }

    # the copy's disposed records, and the note inside the intact audit entry, are noise
    for rid in (answered, gone):
        assert not _openable(c, requests[rid], f"request:{rid}")
    notes = _notes(old["audit_entries"], gone)
    assert notes and not any(_openable(c, n, f"request-note:{gone}") for n in notes)
    assert not _openable(c, bytes(package["sealed"]).decode(), f"package:{package['id']}")
    assert not _openable(c, old["triage_mail"][0]["sealed"], f"triage:{tid}")
    # the kept request and its note still read, from the copy and live
    assert _openable(c, requests[kept], f"request:{kept}")
    kept_notes = _notes(old["audit_entries"], kept)
    assert kept_notes and all(_openable(c, n, f"request-note:{kept}") for n in kept_notes)
    view = view_request(c.uow(), c.requests, ALICE, kept)
    assert view.details.contact == "zhao@example.cn"
    assert any("7 times" in e.details for e in view.timeline)
    # the audit entries about the disposed request are all still there, and verify
    with c.uow(readonly=True) as uow:
        live = uow.audit_log.entries(AuditQuery(target=("request", gone)))
    assert [e.details for e in live][: len(notes)] and all(
        any(n in e.details for e in live) for n in notes
    )
    verified = piiguard(c.settings, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    # the destroyed keys are gone from the key store (on SQLite: from its files too)
    assert _record_keys(c, scopes) == {}
    if c.keys_engine.dialect.name == "sqlite":
        on_disk = keystore_files(c)
        assert not any(blob in on_disk for blob in wrapped.values())
