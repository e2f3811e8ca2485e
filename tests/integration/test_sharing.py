"""Sharing through its use cases on both backends (R3.1, R3.2, R3.3, R3.6, R7.1): the
recipient register, agreements and profiles (officers only, fields named, audited); a share
refused (no agreement, no consent) and recorded, then allowed and minimised, pulled once
with the recipient's own API key; an agreement terminated stops the next share; a webhook
share pushed, signed, over real HTTP on loopback; a correction passed on to the recipient
that received the data and tracked until it confirms."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.webhooks import verify_signature
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.consent import ConsentKind
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.sharing.disclosure import (
    Delivery,
    PassOnAction,
    PassOnStatus,
    Share,
    ShareStatus,
)
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    RecipientKind,
    RecipientStatus,
    Treatment,
)
from piiguard.domain.subjects import Channel
from piiguard.services.clients.api_keys import authenticate_client
from piiguard.services.policy.consents import grant_consent
from piiguard.services.sharing import delivery, job
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.share import (
    ShareRequest,
    disclosure_log,
    list_shares,
    share_data,
)
from tests.assessed import approve_assessment_for
from tests.builders import contact, register
from tests.integration.conftest import START

DAY = timedelta(days=1)
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
CLERK = Actor("carol", ActorKind.STAFF, frozenset({"staff"}))
EMAIL, PHONE, NAME = "user.contact.email", "user.contact.phone_number", "user.name"
PURPOSE = "after_sales"


def acme(key: str = "acme-de", country: str = "DE") -> reg.RecipientInput:
    return reg.RecipientInput(
        key,
        RecipientKind.GROUP_COMPANY,
        "Acme Service GmbH",
        country,
        "GDPR",
        "dpo@acme.example",
        frozenset({"acme-crm"}),
    )


def intra_group(rcp: str = "acme-de", **kw: object) -> reg.AgreementInput:
    base: dict[str, object] = {
        "recipient": rcp,
        "kind": AgreementKind.INTRA_GROUP,
        "title": "Intra-group data sharing agreement 2026",
        "parties": ("Our Co Ltd", "Acme Service GmbH"),
        "purposes": frozenset({PURPOSE}),
        "categories": frozenset({"user.contact", "user.name"}),
        "valid_from": START - DAY,
        "valid_until": START + 365 * DAY,
        "document_sha256": "ab" * 32,
        "document_location": "DMS contract 2026-017",
    }
    base.update(kw)
    return reg.AgreementInput(**base)  # type: ignore[arg-type]


def agree(c: Container, given: reg.AgreementInput) -> Agreement:
    """An agreement recorded by one officer (ALICE) and approved by another (BOB)."""
    a = reg.record_agreement(c.uow(), c.snapshots, c.clock, ALICE, given)
    return reg.approve_agreement(c.uow(), c.clock, BOB, a.id)


def actions(c: Container, prefix: str) -> list[str]:
    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    return [e.action for e in entries if e.action.startswith(prefix)]


def bound(c: Container, key: str = "acme-de") -> str:
    """A recipient with its agreement and profile: email masked, name whole (no phone)."""
    reg.save_recipient(c.uow(), c.clock, ALICE, acme(key))
    agree(c, intra_group(key))
    reg.save_profile(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        key,
        PURPOSE,
        {EMAIL: Treatment.MASKED, NAME: Treatment.WHOLE},
    )
    approve_assessment_for(c, purposes={PURPOSE}, recipients={key})  # R10.4
    return reg.issue_recipient_key(c.uow(), c.clock, ALICE, key)


def consent_abroad(c: Container, sid: str, **named: str) -> None:
    grant_consent(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        sid,
        PURPOSE,
        ConsentKind.TRANSFER_ABROAD,
        Channel.WEB,
        "I agree that Acme Service GmbH in Germany receives my contact data.",
        **named,  # type: ignore[arg-type]
    )


@pytest.mark.req("R3.2")
@pytest.mark.req("R3.6")
def test_the_register_is_the_officers_checked_and_audited(c: Container) -> None:
    with pytest.raises(Forbidden):
        reg.save_recipient(c.uow(), c.clock, CLERK, acme())
    for bad, field in (
        ({"country": "Germany"}, "country"),
        ({"key": "Acme"}, "key"),
        ({"legal_name": " "}, "legal_name"),
    ):
        given = reg.RecipientInput(**{**acme().__dict__, **bad}) if False else None
        del given
        fields = {
            "key": "acme-de",
            "kind": RecipientKind.GROUP_COMPANY,
            "legal_name": "Acme",
            "country": "DE",
            "law": "GDPR",
            "contact": "dpo@acme.example",
        }
        fields.update(bad)
        with pytest.raises(InvalidInput) as e:
            reg.save_recipient(c.uow(), c.clock, ALICE, reg.RecipientInput(**fields))  # type: ignore[arg-type]
        assert e.value.field == field
    r = reg.save_recipient(c.uow(), c.clock, ALICE, acme())
    assert (r.kind, r.country, r.status, r.recorded_by) == (
        RecipientKind.GROUP_COMPANY,
        "DE",
        RecipientStatus.ACTIVE,
        "staff:alice",
    )
    for bad_kw, field in (
        ({"purposes": frozenset({"nope"})}, "purposes"),
        ({"categories": frozenset({"user.nope"})}, "categories"),
        ({"document_sha256": "not-a-hash"}, "document_sha256"),
        ({"parties": ("Our Co Ltd", "x" * 501)}, "parties"),  # found by the probe: 100k kept
        ({"parties": tuple(f"Party {i}" for i in range(21))}, "parties"),
        ({"title": "t" * 501}, "title"),
        ({"document_location": "d" * 501}, "document_location"),
        ({"kind": AgreementKind.UNDERTAKING}, "kind"),  # an acquirer's, not a group company's
        ({"kind": AgreementKind.STANDARD_CONTRACT}, "reference"),  # its filing reference
        ({"valid_until": START - DAY}, "valid_until"),
        ({"recipient": "nobody"}, "recipient"),
    ):
        with pytest.raises((InvalidInput, NotFound)) as e2:
            reg.record_agreement(c.uow(), c.snapshots, c.clock, ALICE, intra_group(**bad_kw))
        assert e2.value.field == field
    a = reg.record_agreement(c.uow(), c.snapshots, c.clock, ALICE, intra_group())
    assert a.state(START) == "proposed" and not a.in_force(START)  # covers nothing yet
    # four eyes: not whoever recorded it, not a clerk, not a system; then once only
    for who in (ALICE, CLERK, Actor("acme-sync", ActorKind.SYSTEM, frozenset({"privacy_officer"}))):
        with pytest.raises(Forbidden):
            reg.approve_agreement(c.uow(), c.clock, who, a.id)
    a = reg.approve_agreement(c.uow(), c.clock, BOB, a.id)
    assert a.approved_by == "staff:bob" and a.approved_at == START
    assert a.state(START) == "active" and a.state(START + 400 * DAY) == "expired"
    with pytest.raises(Conflict):
        reg.approve_agreement(c.uow(), c.clock, OPERATOR, a.id)
    with pytest.raises(InvalidInput) as e3:
        reg.save_profile(
            c.uow(), c.snapshots, c.clock, ALICE, "acme-de", PURPOSE, {EMAIL: Treatment.CITY}
        )
    assert e3.value.field == "fields"
    reg.terminate_agreement(c.uow(), c.clock, ALICE, a.id, "contract ended")
    with pytest.raises(Conflict):
        reg.terminate_agreement(c.uow(), c.clock, ALICE, a.id, "again")
    assert reg.get_agreement(c.uow(), a.id).state(START) == "terminated"
    assert actions(c, "sharing.") == [
        "sharing.recipient.add",
        "sharing.agreement.record",
        "sharing.agreement.approve",
        "sharing.agreement.terminate",
    ]


@pytest.mark.req("R3.6")
def test_a_proposed_agreement_covers_no_share_until_a_second_officer_approves(
    c: Container,
) -> None:
    sid = register(c, *contact("li.lei@example.cn", "13812345678", "李雷")).subject.id
    reg.save_recipient(c.uow(), c.clock, ALICE, acme())
    reg.issue_recipient_key(c.uow(), c.clock, ALICE, "acme-de")
    whole = {EMAIL: Treatment.WHOLE, NAME: Treatment.WHOLE}
    reg.save_profile(c.uow(), c.snapshots, c.clock, ALICE, "acme-de", PURPOSE, whole)
    consent_abroad(c, sid, recipient="acme-de")
    approve_assessment_for(c, purposes={PURPOSE}, recipients={"acme-de"})  # R10.4
    proposed = reg.record_agreement(c.uow(), c.snapshots, c.clock, ALICE, intra_group())
    ask = ShareRequest("acme-de", PURPOSE, (sid,), frozenset({EMAIL, NAME}))
    held = share_data(c.uow(), c.requests, ALICE, ask)
    assert held.share.status is ShareStatus.REFUSED
    assert [r.code for r in held.decisions[0].reasons] == ["no_agreement_in_force"]
    reg.approve_agreement(c.uow(), c.clock, BOB, proposed.id)
    done = share_data(c.uow(), c.requests, ALICE, ask)
    assert done.share.status is ShareStatus.READY and done.decisions[0].allowed == {EMAIL, NAME}
    assert [r.agreement_id for r in disclosure_log(c.uow(), ALICE, subject_id=sid)] == [proposed.id]


@pytest.mark.req("R3.1")
@pytest.mark.req("R3.6")
@pytest.mark.req("R7.1")
def test_refused_then_allowed_minimised_and_pulled_once(c: Container) -> None:
    sid = register(c, *contact("li.lei@example.cn", "13812345678", "李雷")).subject.id
    reg.save_recipient(c.uow(), c.clock, ALICE, acme())
    key = reg.issue_recipient_key(c.uow(), c.clock, ALICE, "acme-de")
    ask = ShareRequest("acme-de", PURPOSE, (sid,))
    # no agreement, no profile, no consent: refused, and the refusal is on record
    refused = share_data(c.uow(), c.requests, ALICE, ask)
    assert refused.share.status is ShareStatus.REFUSED and refused.share.disclosed == 0
    [d] = refused.decisions
    codes = {r.code for r in d.reasons}
    assert {"no_agreement_in_force", "no_minimisation_profile"} <= codes
    assert "share_abroad_without_consent" in codes
    assert disclosure_log(c.uow(), ALICE, subject_id=sid) == []
    # bound and consented (naming the recipient): allowed, minimised, phone dropped
    agree(c, intra_group())
    reg.save_profile(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "acme-de",
        PURPOSE,
        {EMAIL: Treatment.MASKED, NAME: Treatment.WHOLE},
    )
    consent_abroad(c, sid, recipient="acme-de")
    approve_assessment_for(c, purposes={PURPOSE}, recipients={"acme-de"})
    done = share_data(c.uow(), c.requests, ALICE, ask)
    assert done.share.status is ShareStatus.READY and done.share.disclosed == 1
    [d] = done.decisions
    assert d.allowed == {EMAIL, NAME} and d.outcome.value == "partly_allowed"
    assert {r.code for r in d.reasons} >= {"category_outside_profile", "minimised"}
    [row] = disclosure_log(c.uow(), ALICE, subject_id=sid)
    assert (row.recipient, row.purpose, row.decision_id, row.share_id) == (
        "acme-de",
        PURPOSE,
        d.id,
        done.share.id,
    )
    assert row.categories == {EMAIL: Treatment.MASKED, NAME: Treatment.WHOLE}
    assert row.agreement_id  # the intra-group agreement that covered it
    # pulled with the recipient's own key, once; the key reads no data otherwise
    me = authenticate_client(c.uow(), c.clock, key)
    assert [s.id for s in delivery.waiting_shares(c.uow(), c.requests, me)] == [done.share.id]
    # suspended after the decision: nothing is handed over until it is active again
    reg.save_recipient(c.uow(), c.clock, ALICE, replace(acme(), status=RecipientStatus.SUSPENDED))
    with pytest.raises(Conflict) as e:
        delivery.pull_share(c.uow(), c.requests, me, done.share.id)
    assert "suspended" in e.value.message
    reg.save_recipient(c.uow(), c.clock, ALICE, acme())
    package = json.loads(delivery.pull_share(c.uow(), c.requests, me, done.share.id))
    [subject] = package["subjects"]
    assert subject["subject_id"] == sid and subject["decision_id"] == d.id
    assert {(i["category"], i["form"], i["value"]) for i in subject["items"]} == {
        (EMAIL, "masked", "l****i@example.cn"),
        (NAME, "whole", "李雷"),
    }
    assert "13812345678" not in json.dumps(package)
    with pytest.raises(Conflict):
        delivery.pull_share(c.uow(), c.requests, me, done.share.id)
    with pytest.raises(NotFound):
        delivery.pull_share(c.uow(), c.requests, ALICE, done.share.id)
    # the agreement terminated: the very next share is refused
    [a] = reg.list_agreements(c.uow(), "acme-de")
    reg.terminate_agreement(c.uow(), c.clock, ALICE, a.id, "group company sold")
    after = share_data(c.uow(), c.requests, ALICE, ask)
    assert after.share.status is ShareStatus.REFUSED
    assert "no_agreement_in_force" in {r.code for r in after.decisions[0].reasons}
    assert actions(c, "sharing.share") == ["sharing.share"] * 3
    assert actions(c, "data.share") == ["data.share"] * 3
    # nothing personal on the audit trail of the share
    with c.uow(readonly=True) as uow:
        text = json.dumps([e.details for e in uow.audit_log.entries(AuditQuery(limit=1000))])
    assert "li.lei" not in text and "13812345678" not in text and "李雷" not in text


@pytest.mark.req("R3.6")
def test_bad_input_records_nothing(c: Container) -> None:
    sid = register(c).subject.id
    bound(c)
    for ask, field in (
        (ShareRequest("nobody", PURPOSE, (sid,)), "recipient"),
        (ShareRequest("acme-de", PURPOSE, ()), "subject_ids"),
        (ShareRequest("acme-de", PURPOSE, (sid,), delivery=Delivery.WEBHOOK), "delivery"),
        (ShareRequest("acme-de", PURPOSE, ("no-such-subject",)), "subject_id"),
        (ShareRequest("acme-de", PURPOSE, (sid,), frozenset({"user.nope"})), "category"),
    ):
        with pytest.raises((InvalidInput, NotFound, Conflict)) as e:
            share_data(c.uow(), c.requests, ALICE, ask)
        assert e.value.field == field
    assert actions(c, "data.share") == [] and actions(c, "sharing.share") == []


class _Hook(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, bytes]]] = []
    answers: ClassVar[list[tuple[int, bytes]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.seen.append((self.headers.get("Piiguard-Signature", ""), body))
        status, answer = self.answers.pop(0) if self.answers else (200, b"{}")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Hook.seen[:], _Hook.answers[:] = [], []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.req("R3.1")
@pytest.mark.req("R3.6")
def test_a_webhook_share_is_pushed_signed_and_a_correction_passed_on(
    c: Container, clock: FixedClock, hook: str
) -> None:
    sid = register(c, *contact("li.lei@example.cn")).subject.id
    bound(c)
    secret = reg.set_recipient_webhook(c.uow(), c.requests, ALICE, "acme-de", hook)
    consent_abroad(c, sid, destination="DE")
    _Hook.answers[:] = [(503, b"{}")]
    out = share_data(
        c.uow(),
        c.requests,
        ALICE,
        ShareRequest("acme-de", PURPOSE, (sid,), delivery=Delivery.WEBHOOK),
    )
    assert out.share.status is ShareStatus.READY
    first = job.run_sharing(c.uow(), c.requests)
    assert (first.pushed, first.errors) == (0, 0)  # 503: tried again on the next pass
    second = job.run_sharing(c.uow(), c.requests)
    assert second.pushed == 1
    signature, body = _Hook.seen[-1]
    assert verify_signature(bytes.fromhex(secret), signature, body, int(time.time()))
    payload = json.loads(body)
    assert payload["format"] == "piiguard.share/1" and payload["share_id"] == out.share.id
    [s] = [x for x in reg_shares(c) if x.id == out.share.id]
    assert (s.status, s.attempts) == (ShareStatus.DELIVERED, 2)
    # a correction on the person's request reaches the recipient that received the data
    with c.uow() as uow:
        made = delivery.open_pass_ons(
            uow, c.requests, "req-1", sid, PassOnAction.CORRECT, frozenset({EMAIL, PHONE})
        )
        uow.commit()
    [p] = made
    assert (p.recipient, p.categories) == ("acme-de", frozenset({EMAIL}))  # phone never went
    _Hook.answers[:] = [(202, b"{}")]
    assert job.run_sharing(c.uow(), c.requests).notices == 1
    notice = json.loads(_Hook.seen[-1][1])
    assert notice == {
        "format": "piiguard.share-notice/1",
        "notice_id": p.id,
        "action": "correct",
        "subject_id": sid,
        "categories": [EMAIL],
        "opened_at": START.isoformat(),
        "confirm": f"POST /api/v1/recipient/notices/{p.id}/confirm",
    }
    [sent] = delivery.list_pass_ons(c.uow(), recipient="acme-de")
    assert sent.status is PassOnStatus.SENT  # tracked until the recipient confirms
    clock.advance(DAY)
    with pytest.raises(InvalidInput) as long:  # it was cut at 200 characters (probe)
        delivery.confirm_pass_on(c.uow(), c.requests, ALICE, p.id, "T" * 201)
    assert long.value.field == "reference"
    [still] = delivery.list_pass_ons(c.uow(), recipient="acme-de")
    assert still.status is PassOnStatus.SENT  # nothing written
    done = delivery.confirm_pass_on(c.uow(), c.requests, ALICE, p.id, "ACME-TICKET-9")
    assert (done.status, done.reference) == (PassOnStatus.CONFIRMED, "ACME-TICKET-9")


def reg_shares(c: Container) -> list[Share]:
    return list_shares(c.uow())


@pytest.mark.req("R3.6")
def test_officers_are_reminded_once_before_an_agreement_expires(
    c: Container, clock: FixedClock, mailbox: object
) -> None:
    reg.save_recipient(c.uow(), c.clock, ALICE, acme())
    agree(c, intra_group(valid_until=START + 40 * DAY))
    assert job.run_sharing(c.uow(), c.requests, notice_days=30).reminders == 0
    clock.advance(11 * DAY)
    assert job.run_sharing(c.uow(), c.requests, notice_days=30).reminders == 1
    assert job.run_sharing(c.uow(), c.requests, notice_days=30).reminders == 0
    assert actions(c, "sharing.agreement.remind") == ["sharing.agreement.remind"]
