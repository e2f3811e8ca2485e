"""A legal hold's reasons are sealed at rest (R2.11, R5.5; docs/retention.md "Legal holds"):
the officers' free text (why data must be kept, why a hold is rejected or may be lifted) may
name people, so the table holds it sealed under the KEK, bound to its hold; the service
opens it for those who read holds; reasons stored in clear before are sealed on start,
once."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select, update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import VaultIntegrityError
from piiguard.domain.ports import AuditQuery
from piiguard.services.retention import holds
from tests.builders import register

ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
WHY = "李雷起诉本公司，案件涉及其订单记录"
LIFT = "韩梅梅撤诉，案件终结"


def _stored(c: Container, hold_id: str) -> tuple[str, str]:
    with c.engine.connect() as conn:
        r = conn.execute(
            select(t.legal_holds.c.reason, t.legal_holds.c.lift_reason).where(
                t.legal_holds.c.id == hold_id
            )
        ).one()
    return str(r[0]), str(r[1])


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_reasons_are_sealed_at_rest_and_opened_for_readers(c: Container) -> None:
    s = register(c)
    box = c.requests.box
    h = holds.propose_hold(
        c.uow(), c.snapshots, c.clock, ALICE, WHY, "(2026)1", frozenset({s.subject.id}), box=box
    )
    holds.approve_hold(c.uow(), c.clock, BOB, h.id)
    holds.request_lift(c.uow(), c.clock, BOB, h.id, LIFT, box=box)
    reason, lift = _stored(c, h.id)
    assert WHY not in reason and "李雷" not in reason and reason.startswith("v")
    assert LIFT not in lift and "韩梅梅" not in lift
    shown = holds.readable(box, holds.get_hold(c.uow(readonly=True), h.id))
    assert (shown.reason, shown.lift_reason) == (WHY, LIFT)
    # bound to its hold: a reason moved to another hold does not open there
    other = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "another case",
        "(2026)2",
        frozenset({s.subject.id}),
        box=box,
    )
    moved = replace(holds.get_hold(c.uow(readonly=True), other.id), reason=reason)
    with pytest.raises(VaultIntegrityError):
        holds.readable(box, moved)
    # and nowhere on the audit trail
    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    trail = [repr(e) for e in entries if e.target_type == "legal_hold"]
    assert trail and not any("李雷" in e or "韩梅梅" in e or "撤诉" in e for e in trail)


@pytest.mark.req("R2.11")
def test_reasons_written_in_clear_before_are_sealed_once_on_start(c: Container) -> None:
    s = register(c)
    box = c.requests.box
    h = holds.propose_hold(
        c.uow(), c.snapshots, c.clock, ALICE, WHY, "(2026)1", frozenset({s.subject.id}), box=box
    )
    holds.reject_hold(c.uow(), c.clock, BOB, h.id, "not a legal case", box=box)
    kept = holds.propose_hold(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        "already sealed",
        "(2026)2",
        frozenset(),
        box=box,
        categories=frozenset({"user.contact"}),
    )
    with c.engine.begin() as conn:  # as a hold written before reasons were sealed
        conn.execute(
            update(t.legal_holds)
            .where(t.legal_holds.c.id == h.id)
            .values(reason=WHY, lift_reason="v1:not sealed at all")
        )
    sealed_before = _stored(c, kept.id)
    assert holds.seal_clear_reasons(c.uow(), box, OPERATOR) == 1
    reason, lift = _stored(c, h.id)
    assert WHY not in reason and lift != "v1:not sealed at all"
    shown = holds.readable(box, holds.get_hold(c.uow(readonly=True), h.id))
    assert (shown.reason, shown.lift_reason) == (WHY, "v1:not sealed at all")
    assert _stored(c, kept.id) == sealed_before  # sealed once: left alone
    assert holds.seal_clear_reasons(c.uow(), box, OPERATOR) == 0
    assert holds.readable(box, holds.get_hold(c.uow(readonly=True), h.id)).reason == WHY
