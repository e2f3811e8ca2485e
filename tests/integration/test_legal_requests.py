"""The legal-request register through its use cases on both backends (R3.5, R2.5): an
authority's demand recorded (its words sealed at rest), refused to the authority until a
second officer approves it (four eyes), then disclosed minimised through the decision point
— only the demanded subjects and categories, logged — the person told once the law lets
us, closed; bad input records nothing; nothing personal on the audit trail."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.ports import AuditQuery
from piiguard.domain.sharing.disclosure import ShareStatus
from piiguard.domain.sharing.legal import LegalRequestStatus
from piiguard.domain.sharing.register import RecipientKind, Treatment
from piiguard.services.sharing import legal
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.share import (
    ShareOutcome,
    ShareRequest,
    disclosure_log,
    share_data,
)
from tests.builders import contact, register
from tests.integration.conftest import START

DAY = timedelta(days=1)
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
CLERK = Actor("carol", ActorKind.STAFF, frozenset({"staff"}))
EMAIL, PHONE, NAME = "user.contact.email", "user.contact.phone_number", "user.name"
PURPOSE = "legal_compliance"
DEMAND = "Phone records of 李雷 (ID 110101199001011234) for case 2026-刑-17"


def police(c: Container) -> None:
    """An authority in the register, whose profile for legal compliance names all three."""
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput(
            "police-fs",
            RecipientKind.AUTHORITY,
            "佛山市公安局",
            "CN",
            "PRC Criminal Procedure Law",
            "legal@police.example",
        ),
    )
    reg.save_profile(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "police-fs",
        PURPOSE,
        {EMAIL: Treatment.WHOLE, PHONE: Treatment.WHOLE, NAME: Treatment.WHOLE},
    )
    reg.issue_recipient_key(c.uow(), c.clock, ALICE, "police-fs")


def ask(who: frozenset[str], **kw: object) -> legal.LegalRequestInput:
    base: dict[str, object] = {
        "authority": "police-fs",
        "basis": ExceptionKind.CRIMINAL_JUSTICE,
        "provision": "Criminal Procedure Law Art. 54",
        "case_reference": "FS-2026-017",
        "subjects": who,
        "categories": frozenset({PHONE}),
        "demand": DEMAND,
        "deadline": START + 10 * DAY,
        "may_tell": True,
        "tell_from": START + 30 * DAY,
    }
    base.update(kw)
    return legal.LegalRequestInput(**base)  # type: ignore[arg-type]


def to_police(c: Container, request_id: str, *sids: str) -> ShareOutcome:
    """A share to the authority naming the request, as any officer might try."""
    return share_data(
        c.uow(),
        c.requests,
        ALICE,
        ShareRequest("police-fs", PURPOSE, sids, legal_request_id=request_id),
    )


def audit(c: Container) -> list[tuple[str, str]]:
    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    return [(e.action, json.dumps(e.details, ensure_ascii=False)) for e in entries]


@pytest.mark.req("R3.5")
@pytest.mark.req("R2.5")
def test_a_legal_request_from_receipt_to_close(c: Container, clock: FixedClock) -> None:
    sid = register(c, *contact()).subject.id
    other = register(c, *contact("han.mei@example.cn", "13900000000", "韩梅梅")).subject.id
    police(c)
    r = legal.record_legal_request(c.uow(), c.requests, ALICE, ask(frozenset({sid})))
    assert (r.status, r.received_by, r.subjects) == (
        LegalRequestStatus.RECEIVED,
        "staff:alice",
        {sid},
    )
    # the demand's words are sealed at rest, read back by an officer only
    with c.uow(readonly=True) as uow:
        stored = uow.sharing.legal_request(r.id)
    assert stored is not None and "李雷" not in stored.demand_sealed
    assert legal.read_demand(c.uow(), c.requests, BOB, r.id) == DEMAND
    # not yet approved: the authority gets nothing, whatever the share names
    before = to_police(c, r.id, sid)
    assert before.share.status is ShareStatus.REFUSED
    assert [x.code for x in before.decisions[0].reasons] == ["authority_without_legal_request"]
    with pytest.raises(Conflict):
        legal.disclose_legal_request(c.uow(), c.requests, BOB, r.id)
    # four eyes: not the recorder, not a clerk; the operator only for a staff member's record
    for who in (ALICE, CLERK):
        with pytest.raises(Forbidden):
            legal.review_legal_request(c.uow(), c.requests, who, r.id, True, "")
    r = legal.review_legal_request(c.uow(), c.requests, BOB, r.id, True, "checked the warrant")
    assert (r.status, r.reviewed_by) == (LegalRequestStatus.APPROVED, "staff:bob")
    with pytest.raises(Conflict):
        legal.review_legal_request(c.uow(), c.requests, BOB, r.id, False, "changed my mind")
    # the demand is the ceiling: another subject, or a category not demanded, does not go
    first, second = to_police(c, r.id, sid, other).decisions
    assert first.allowed == {PHONE} and second.allowed == frozenset()
    assert "outside_legal_demand" in {x.code for x in second.reasons}
    # the minimised disclosure through the decision point, logged
    clock.advance(DAY)
    r, out = legal.disclose_legal_request(c.uow(), c.requests, BOB, r.id)
    assert (r.status, r.share_id) == (LegalRequestStatus.DISCLOSED, out.share.id)
    [d] = out.decisions
    assert d.allowed == {PHONE}
    [row] = disclosure_log(c.uow(), ALICE, share_id=out.share.id)
    assert (row.subject_id, row.recipient, row.categories) == (
        sid,
        "police-fs",
        {PHONE: Treatment.WHOLE},
    )
    # tell the person only once the law lets us; then it is recorded, once
    assert not r.to_tell(clock.now())
    with pytest.raises(Conflict) as early:
        legal.record_told(c.uow(), c.requests, BOB, r.id)
    assert early.value.field == "told"
    clock.advance(30 * DAY)
    assert legal.get_legal_request(c.uow(), r.id).to_tell(clock.now())
    r = legal.record_told(c.uow(), c.requests, BOB, r.id)
    assert r.told_by == "staff:bob" and not r.to_tell(clock.now())
    with pytest.raises(Conflict):
        legal.record_told(c.uow(), c.requests, BOB, r.id)
    # closed: nothing more goes to the authority under it
    r = legal.close_legal_request(c.uow(), c.requests, ALICE, r.id)
    assert r.status is LegalRequestStatus.CLOSED
    assert to_police(c, r.id, sid).share.status is ShareStatus.REFUSED
    trail = audit(c)
    assert [a for a, _ in trail if a.startswith("sharing.legal.")] == [
        "sharing.legal.record",
        "sharing.legal.read",
        "sharing.legal.approved",
        "sharing.legal.disclosed",
        "sharing.legal.told",
        "sharing.legal.closed",
    ]
    text = " ".join(d for _, d in trail)
    assert "李雷" not in text and "13812345678" not in text and "110101" not in text


@pytest.mark.req("R3.5")
def test_bad_input_records_nothing_and_a_refusal_says_why(c: Container) -> None:
    sid = register(c).subject.id
    police(c)
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput("acme", RecipientKind.BUSINESS_PARTNER, "Acme", "CN", "PIPL", "dpo@a"),
    )
    for bad, field in (
        ({"authority": "acme"}, "authority"),
        ({"authority": "nobody"}, "authority"),
        ({"provision": " "}, "provision"),
        ({"case_reference": ""}, "case_reference"),
        ({"subjects": frozenset()}, "subject_ids"),
        ({"subjects": frozenset({"no-such-subject"})}, "subject_ids"),
        ({"categories": frozenset({"user.nope"})}, "categories"),
        ({"purpose": "nope"}, "purpose"),
        ({"demand": "  "}, "demand"),
        ({"deadline": START - DAY}, "deadline"),
        ({"may_tell": False}, "tell_from"),
    ):
        with pytest.raises((InvalidInput, NotFound, Conflict)) as e:
            legal.record_legal_request(c.uow(), c.requests, ALICE, ask(frozenset({sid}), **bad))
        assert e.value.field == field, bad
    with pytest.raises(Forbidden):
        legal.record_legal_request(c.uow(), c.requests, CLERK, ask(frozenset({sid})))
    with pytest.raises(Forbidden):
        legal.read_demand(c.uow(), c.requests, CLERK, "any")
    assert legal.list_legal_requests(c.uow()) == []
    # recorded on the host: a staff officer reviews it, not the operator again
    r = legal.record_legal_request(c.uow(), c.requests, OPERATOR, ask(frozenset({sid})))
    with pytest.raises(Forbidden):
        legal.review_legal_request(c.uow(), c.requests, OPERATOR, r.id, False, "no")
    with pytest.raises(InvalidInput) as why:
        legal.review_legal_request(c.uow(), c.requests, BOB, r.id, False, " ")
    assert why.value.field == "note"
    r = legal.review_legal_request(c.uow(), c.requests, BOB, r.id, False, "no warrant attached")
    assert r.status is LegalRequestStatus.REFUSED
    with pytest.raises(Conflict):
        legal.disclose_legal_request(c.uow(), c.requests, BOB, r.id)
    # a deadline passed without an answer is overdue
    late = legal.record_legal_request(c.uow(), c.requests, ALICE, ask(frozenset({sid})))
    assert late.overdue(START + 10 * DAY) and not late.overdue(START + 9 * DAY)
    assert not replace(late, status=LegalRequestStatus.APPROVED).overdue(START + 20 * DAY)
