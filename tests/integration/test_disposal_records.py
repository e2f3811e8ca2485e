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

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
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
from piiguard.services.rights.intake import RequestInput, open_request
from tests.builders import contact, register
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
