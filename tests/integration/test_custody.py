"""Paper records and removable media in custody (issue 16; R5.2, R5.4, R5.6) on both
backends: the data-map and scope rules, encryption for sensitive categories, four eyes on
shredding and wiping, overdue printouts by the injected clock and their escalation by mail
through the loopback SMTP server, the inventory with a missing medium, the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.accounts import StaffAccount
from piiguard.domain.custody.records import (
    Disposal,
    LineOutcome,
    MediaKind,
    MediaStatus,
    PaperStatus,
)
from piiguard.domain.decisions import Actor, ActorKind, Scope
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.ports import AuditQuery
from piiguard.services.custody import inventory as inv
from piiguard.services.custody import media as md
from piiguard.services.custody import paper as pp
from piiguard.services.custody.job import run_custody
from piiguard.services.incidents._common import get_incident
from piiguard.services.policy.datamap import register_system, set_system_status
from tests.mailserver import SmtpSink

PASSWORD = "correct horse battery staple 42"

HOUR = timedelta(hours=1)
CONTACT = frozenset({"user.contact.email"})
SENSITIVE = frozenset({"user.financial.bank_account"})


def _staff(c: Container, sid: str, email: str, roles: set[str]) -> Actor:
    account = StaffAccount(
        sid, email, email.split("@", maxsplit=1)[0], frozenset(roles), True, c.clock.now()
    )
    with c.uow() as uow:
        uow.staff.add(account, c.passwords.hash(PASSWORD))
        uow.commit()
    return Actor(sid, ActorKind.STAFF, frozenset(roles))


def _system(c: Container, key: str, status: Approval, cats: frozenset[str]) -> None:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(key, key.upper(), "ops", "erp", "CN", Approval.PENDING, categories=cats),
    )
    if status is not Approval.PENDING:
        set_system_status(c.uow(), c.snapshots, c.clock, OPERATOR, key, status)


@pytest.fixture
def world(c: Container) -> tuple[Actor, Actor, Actor]:
    _system(c, "erp", Approval.APPROVED, frozenset({"user.contact", "user.financial"}))
    _system(c, "shadow", Approval.PENDING, frozenset({"user.contact"}))
    li = _staff(c, "00000000-0000-4000-8000-0000000000a1", "li@example.com", {"staff"})
    wu = _staff(c, "00000000-0000-4000-8000-0000000000a2", "wu@example.com", {"staff"})
    po = _staff(c, "00000000-0000-4000-8000-0000000000a3", "po@example.com", {"privacy_officer"})
    return li, wu, po


def _print(c: Container, actor: Actor, **kw: object) -> pp.PaperRecord:
    args: dict[str, object] = {
        "label": "Q3 invoice run",
        "categories": CONTACT,
        "people": 40,
        "system": "erp",
        "custodian": "li@example.com",
        "location": "Shanghai, room 301",
        "cabinet": "cabinet B2",
    }
    args.update(kw)
    return pp.register_print(c.custody, actor, **args)  # type: ignore[arg-type]


def _actions(c: Container, target: str) -> list[str]:
    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    return [e.action for e in entries if e.target_type == target]


@pytest.mark.req("R5.6")
def test_prints_only_from_approved_systems_in_the_data_map(
    c: Container, world: tuple[Actor, Actor, Actor]
) -> None:
    li, _, _ = world
    with pytest.raises(InvalidInput, match="not in the data map") as e:
        _print(c, li, system="laptop")
    assert e.value.field == "system"
    with pytest.raises(InvalidInput, match="not an approved") as e:
        _print(c, li, system="shadow")
    assert e.value.field == "system"
    with pytest.raises(InvalidInput, match="does not record") as e:
        _print(c, li, categories=frozenset({"user.health_and_medical"}))
    assert e.value.field == "categories"
    key = Actor("k1", ActorKind.SYSTEM, frozenset({"system"}), Scope(None, CONTACT))
    with pytest.raises(InvalidInput, match="scope"):
        _print(c, key, categories=SENSITIVE, printed_by="li@example.com")
    with pytest.raises(InvalidInput, match="names the member of staff") as e:
        _print(c, key)
    assert e.value.field == "printed_by"
    p = _print(c, key, printed_by="wu@example.com")
    assert p.printed_by == "staff:00000000-0000-4000-8000-0000000000a2"
    assert p.status is PaperStatus.IN_USE
    assert len(pp.list_papers(c.custody)) == 1  # nothing written by the refusals


@pytest.mark.req("R5.2")
def test_shredding_needs_a_second_person_who_confirms(
    c: Container, world: tuple[Actor, Actor, Actor]
) -> None:
    li, wu, po = world
    p = _print(c, li)
    day = c.clock.now().date()
    with pytest.raises(Forbidden, match="second person") as e:
        pp.shred_paper(c.custody, li, p.id, shredded_on=day, method="cross_cut", witness=li.id)
    assert e.value.field == "witness"
    with pytest.raises(Forbidden):  # wu is not its custodian nor an officer
        pp.shred_paper(c.custody, wu, p.id, shredded_on=day, method="cross_cut", witness=li.id)
    with pytest.raises(InvalidInput, match="future"):
        pp.shred_paper(
            c.custody,
            li,
            p.id,
            shredded_on=day + timedelta(days=1),
            method="cross_cut",
            witness="wu@example.com",
        )
    done = pp.shred_paper(
        c.custody, li, p.id, shredded_on=day, method="cross_cut", witness="wu@example.com"
    )
    assert done.status is PaperStatus.SHREDDED and done.shredding and done.shredding.pending
    assert [x.id for x in pp.awaiting_witness(c.custody, wu.id)] == [p.id]
    for wrong in (li, po):  # the shredder, or anyone but the named witness
        with pytest.raises(Forbidden):
            pp.witness_paper(c.custody, wrong, p.id)
    seen = pp.witness_paper(c.custody, wu, p.id)
    assert seen.shredding is not None and not seen.shredding.pending
    with pytest.raises(Conflict):
        pp.witness_paper(c.custody, wu, p.id)
    assert _actions(c, "paper") == ["paper.register", "paper.shred", "paper.witness"]


@pytest.mark.req("R5.2")
def test_overdue_printouts_flagged_and_escalated(
    c: Container, clock: FixedClock, world: tuple[Actor, Actor, Actor], mailbox: SmtpSink
) -> None:
    li, _, _ = world
    late = _print(c, li)
    kept = _print(c, li)
    pp.lock_paper(c.custody, li, kept.id)
    clock.advance(24 * HOUR - timedelta(minutes=1))
    assert pp.overdue_papers(c.custody) == []
    assert run_custody(c.custody).escalated == 0
    clock.advance(2 * timedelta(minutes=1))
    assert [p.id for p in pp.overdue_papers(c.custody)] == [late.id]
    report = run_custody(c.custody)
    assert (report.escalated, report.errors) == (1, 0)
    assert {m["To"] for m in mailbox.messages} == {"po@example.com", "privacy@example.com"}
    assert late.id in mailbox.messages[0].get_content()
    assert "Q3 invoice" not in mailbox.messages[0].get_content()  # the label stays out
    assert run_custody(c.custody).escalated == 0  # once
    pp.lock_paper(c.custody, li, late.id, cabinet="cabinet B3")
    assert pp.overdue_papers(c.custody) == []
    # taken out again: the clock restarts from then; when it was printed stays as it was
    out = pp.take_out_paper(c.custody, li, late.id)
    assert out.printed_at == late.printed_at and out.status is PaperStatus.IN_USE
    assert out.due_at(24 * HOUR) == clock.now() + 24 * HOUR
    assert pp.overdue_papers(c.custody) == []
    clock.advance(24 * HOUR)
    assert [p.id for p in pp.overdue_papers(c.custody)] == [late.id]
    assert "paper.escalate" in _actions(c, "paper")


@pytest.mark.req("R5.4")
def test_sensitive_media_must_be_encrypted(c: Container, world: tuple[Actor, Actor, Actor]) -> None:
    li, _, _ = world
    base = {
        "identifier": "USB-0001",
        "kind": MediaKind.USB_DRIVE,
        "system": "erp",
        "custodian": li.id,
        "location": "safe 1",
    }
    with pytest.raises(InvalidInput, match="must be encrypted") as e:
        md.register_medium(
            c.custody,
            li,
            encrypted=False,
            encryption="",
            categories=SENSITIVE,
            **base,  # type: ignore[arg-type]
        )
    assert e.value.field == "encrypted"
    with pytest.raises(InvalidInput, match="not an approved"):
        md.register_medium(
            c.custody,
            li,
            encrypted=True,
            encryption="LUKS2",
            categories=CONTACT,
            **{**base, "system": "shadow"},  # type: ignore[arg-type]
        )
    plain = md.register_medium(
        c.custody,
        li,
        encrypted=False,
        encryption="",
        categories=CONTACT,
        **base,  # type: ignore[arg-type]
    )
    assert plain.status is MediaStatus.STORED
    with pytest.raises(Conflict):
        md.register_medium(
            c.custody,
            li,
            encrypted=False,
            encryption="",
            categories=CONTACT,
            **base,  # type: ignore[arg-type]
        )
    safe = md.register_medium(
        c.custody,
        li,
        encrypted=True,
        encryption="LUKS2 AES-256",
        categories=SENSITIVE,
        **{**base, "identifier": "USB-0002"},  # type: ignore[arg-type]
    )
    assert safe.encrypted


@pytest.mark.req("R5.4")
def test_check_out_in_and_witnessed_wipe(c: Container, world: tuple[Actor, Actor, Actor]) -> None:
    li, wu, _ = world
    m = md.register_medium(
        c.custody,
        li,
        identifier="DISK-7",
        kind=MediaKind.EXTERNAL_DISK,
        encrypted=True,
        encryption="BitLocker XTS-AES-256",
        categories=CONTACT,
        system="erp",
        custodian=li.id,
        location="safe 1",
    )
    md.check_out(c.custody, li, "DISK-7", holder="wu@example.com")
    day = c.clock.now().date()
    with pytest.raises(Conflict, match="check it in"):
        md.dispose_medium(
            c.custody, li, m.id, how=Disposal.WIPE, done_on=day, method="overwrite", witness=wu.id
        )
    md.check_in(c.custody, wu, m.id)
    with pytest.raises(Forbidden):
        md.dispose_medium(
            c.custody, li, m.id, how=Disposal.WIPE, done_on=day, method="overwrite", witness=li.id
        )
    done = md.dispose_medium(
        c.custody, li, m.id, how=Disposal.WIPE, done_on=day, method="overwrite", witness=wu.id
    )
    assert done.status is MediaStatus.WIPED
    with pytest.raises(Forbidden):
        md.witness_medium(c.custody, li, m.id)
    md.witness_medium(c.custody, wu, m.id)
    _, history = md.view_medium(c.custody, m.id)
    assert [h.kind.value for h in history] == [
        "register",
        "check_out",
        "check_in",
        "wipe",
        "witnessed",
    ]


@pytest.mark.req("R5.4")
def test_inventory_with_a_missing_medium(
    c: Container, world: tuple[Actor, Actor, Actor], mailbox: SmtpSink
) -> None:
    li, wu, po = world
    c.custody.incidents = None  # the fallback: no incident register wired
    common = {"kind": MediaKind.USB_DRIVE, "custodian": li.id, "location": "safe 1"}
    a = md.register_medium(
        c.custody,
        li,
        identifier="A",
        encrypted=True,
        encryption="LUKS2",
        categories=CONTACT,
        system="erp",
        **common,
    )  # type: ignore[arg-type]
    b = md.register_medium(
        c.custody,
        li,
        identifier="B",
        encrypted=True,
        encryption="LUKS2",
        categories=SENSITIVE,
        system="erp",
        **common,
    )  # type: ignore[arg-type]
    blank = md.register_medium(
        c.custody,
        li,
        identifier="C",
        encrypted=False,
        encryption="",
        categories=frozenset(),
        system="",
        **common,
    )  # type: ignore[arg-type]
    w = md.register_medium(
        c.custody,
        li,
        identifier="W",
        encrypted=False,
        encryption="",
        categories=frozenset(),
        system="",
        **common,
    )  # type: ignore[arg-type]
    assert inv.inventory_state(c.custody).overdue  # never counted
    with pytest.raises(Forbidden):
        inv.start_inventory(c.custody, li)
    view = inv.start_inventory(c.custody, po)
    assert len(view.lines) == 4
    with pytest.raises(Conflict):
        inv.start_inventory(c.custody, po)
    inv.settle_line(c.custody, wu, view.inventory.id, a.id, LineOutcome.CONFIRMED, "safe 1")
    inv.settle_line(c.custody, wu, view.inventory.id, blank.id, LineOutcome.MISSING)
    with pytest.raises(Conflict, match="2 media not yet"):
        inv.close_inventory(c.custody, po, view.inventory.id)
    inv.settle_line(c.custody, wu, view.inventory.id, "B", LineOutcome.MISSING)
    # a medium wiped (with a witness) during the inventory is accounted for by its wipe
    today = c.clock.now().date()
    md.dispose_medium(
        c.custody, li, w.id, how=Disposal.WIPE, done_on=today, method="overwrite", witness=wu.id
    )
    with pytest.raises(Conflict, match="wiped"):
        inv.settle_line(c.custody, wu, view.inventory.id, w.id, LineOutcome.CONFIRMED, "safe 1")
    closed = inv.close_inventory(c.custody, po, view.inventory.id)
    assert closed.closed_at is not None
    assert not inv.inventory_state(c.custody).overdue
    # only the one with personal data is an alarm (no incident register wired here)
    assert [m.id for m in inv.missing_alarms(c.custody)] == [b.id]
    report = run_custody(c.custody)
    assert report.alarmed == 1 and report.errors == 0
    assert "B" in mailbox.messages[0]["Subject"]
    assert run_custody(c.custody).alarmed == 0
    assert "medium.missing" in _actions(c, "medium")
    # an officer records the incident it is handled under: the alarm is settled
    with pytest.raises(Forbidden):
        inv.link_incident(c.custody, li, b.id, "INC-2026-001")
    inv.link_incident(c.custody, po, b.id, "INC-2026-001")
    assert inv.missing_alarms(c.custody) == []
    with pytest.raises(Conflict, match="INC-2026-001"):  # never silently re-pointed
        inv.link_incident(c.custody, po, b.id, "INC-2026-002")
    found = inv.record_found(c.custody, li, b.id, "safe 2")
    assert found.status is MediaStatus.STORED and found.incident == "INC-2026-001"


@pytest.mark.req("R5.4")
@pytest.mark.req("R5.8")
def test_a_missing_medium_opens_an_incident_in_the_register(
    c: Container, world: tuple[Actor, Actor, Actor]
) -> None:
    li, _, _ = world
    m = md.register_medium(
        c.custody,
        li,
        identifier="LOST-1",
        kind=MediaKind.SD_CARD,
        encrypted=False,
        encryption="",
        categories=CONTACT,
        system="erp",
        custodian=li.id,
        location="safe 1",
    )
    gone = inv.report_missing(c.custody, li, m.id)
    assert gone.status is MediaStatus.MISSING and gone.incident
    with c.security_uow(readonly=True) as uow:
        incident = get_incident(uow, gone.incident)
    assert incident.categories == CONTACT and incident.systems == frozenset({"erp"})
    assert incident.kind.value == "confidentiality" and incident.detected_at == c.clock.now()
    assert "NOT encrypted" in incident.description and "LOST-1" in incident.title
    assert inv.missing_alarms(c.custody) == []  # handled under the incident: no alarm
    assert "medium.incident" in _actions(c, "medium")
    with pytest.raises(NotFound):
        inv.report_missing(c.custody, li, "no-such-medium")
    # a medium without personal data opens none
    blank = md.register_medium(
        c.custody,
        li,
        identifier="BLANK-1",
        kind=MediaKind.SD_CARD,
        encrypted=False,
        encryption="",
        categories=frozenset(),
        system="",
        custodian=li.id,
        location="safe 1",
    )
    assert inv.report_missing(c.custody, li, blank.id).incident == ""
