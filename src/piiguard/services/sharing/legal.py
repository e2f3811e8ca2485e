"""The legal-request register (R3.5, R2.5; docs/sharing.md, "Authorities"): record an
authority's demand, review it (four eyes: never by whoever recorded it), make the
minimised disclosure through the decision point (a share naming the request, logged like
any other), record that the person was told, close it. Every step is audited with ids
only; the demand's own words are sealed at rest and read back only by an officer, audited.
Approving and closing move the policy epoch in the same transaction: from the next
decision on, the authority may (or may no longer) receive what the request demands."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound, at_most
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.sharing.disclosure import Delivery
from piiguard.domain.sharing.legal import (
    NEXT,
    LegalRequest,
    LegalRequestStatus,
    check_legal_request,
)
from piiguard.domain.sharing.register import RecipientKind, RecipientStatus
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import check_categories
from piiguard.services.sharing._common import (
    SharingKit,
    audited,
    get_recipient,
    require_officer,
    require_second_officer,
)
from piiguard.services.sharing.share import ShareOutcome, ShareRequest, share_data

TARGET = "legal_request"
MAX_DEMAND = 20_000


@dataclass(frozen=True, slots=True)
class LegalRequestInput:
    authority: str
    basis: ExceptionKind
    provision: str
    case_reference: str
    subjects: frozenset[str]
    categories: frozenset[str]
    demand: str  # what is demanded, in the authority's words (sealed at rest)
    deadline: datetime
    purpose: str = "legal_compliance"
    may_tell: bool = False
    tell_from: datetime | None = None


def _context(request_id: str) -> str:
    return f"legal-request:{request_id}"


def _get(uow: UnitOfWork, request_id: str, *, lock: bool = False) -> LegalRequest:
    r = uow.sharing.legal_request(request_id, lock=lock)
    if r is None:
        raise NotFound(f"no legal request {request_id}", field="request_id")
    return r


def _step(r: LegalRequest, to: LegalRequestStatus) -> None:
    if to not in NEXT[r.status]:
        raise Conflict(
            f"legal request {r.id} is {r.status.value}: it cannot become {to.value}",
            field="status",
        )


def record_legal_request(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, given: LegalRequestInput
) -> LegalRequest:
    """Record an authority's demand as received; nothing goes out until another officer
    approves it. Bad input (not an authority, unknown subject, purpose or category) records
    nothing."""
    require_officer(actor, "records legal requests")
    if not given.demand.strip():
        raise InvalidInput("record what the authority demands, in its words", field="demand")
    if len(given.demand) > MAX_DEMAND:
        raise InvalidInput(f"at most {MAX_DEMAND} characters", field="demand")
    subjects = frozenset(s.strip() for s in given.subjects if s.strip())
    now = kit.clock.now()
    request_id = new_id()
    with uow:
        state = kit.policy.current(uow)
        a = get_recipient(uow, given.authority, "authority")
        if a.kind is not RecipientKind.AUTHORITY:
            raise InvalidInput(
                f"recipient {a.key} is a {a.kind.value}, not an authority", field="authority"
            )
        if a.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"authority {a.key} is {a.status.value}", field="authority")
        if state.register.active(given.purpose) is None:
            raise InvalidInput(
                f"unknown purpose {given.purpose!r}; see piiguard purpose list", field="purpose"
            )
        check_categories(state.taxonomy, set(given.categories))
        r = check_legal_request(
            LegalRequest(
                request_id,
                a.key,
                given.basis,
                given.provision.strip(),
                given.case_reference.strip(),
                given.purpose,
                subjects,
                frozenset(given.categories),
                "",
                given.deadline,
                given.may_tell,
                given.tell_from,
                LegalRequestStatus.RECEIVED,
                actor.ref,
                now,
            )
        )
        unknown = sorted(subjects - uow.subjects.live_ids(sorted(subjects)))
        if unknown:
            raise NotFound(f"no subject {unknown[0]}", field="subject_ids")
        sealed = kit.box.seal(given.demand.strip().encode(), _context(request_id))
        r = replace(r, demand_sealed=sealed)
        uow.sharing.add_legal_request(r)
        audited(
            uow,
            actor,
            "sharing.legal.record",
            TARGET,
            r.id,
            purpose=r.purpose,
            authority=r.authority,
            basis=r.basis.value,
            subjects=len(r.subjects),
            categories=sorted(r.categories),
            deadline=r.deadline.isoformat(),
            may_tell=r.may_tell,
        )
        uow.commit()
    return r


def review_legal_request(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, request_id: str, approve: bool, note: str
) -> LegalRequest:
    """Approve (in force from now: the decision point lets the demanded data through to the
    authority) or refuse (nothing goes out). A refusal says why."""
    if not approve and not note.strip():
        raise InvalidInput("say why the request is refused", field="note")
    at_most(note, 2000, "note")
    to = LegalRequestStatus.APPROVED if approve else LegalRequestStatus.REFUSED
    with uow:
        r = _get(uow, request_id, lock=True)
        require_second_officer(actor, r.received_by, "reviews a legal request")
        _step(r, to)
        r = replace(
            r, status=to, reviewed_by=actor.ref, reviewed_at=kit.clock.now(), review_note=note
        )
        uow.sharing.save_legal_request(r)
        if approve:
            uow.registers.bump()
        audited(uow, actor, f"sharing.legal.{to.value}", TARGET, r.id, authority=r.authority)
        uow.commit()
    return r


def disclose_legal_request(
    uow: UnitOfWork,
    kit: SharingKit,
    actor: Actor,
    request_id: str,
    delivery: Delivery = Delivery.PULL,
) -> tuple[LegalRequest, ShareOutcome]:
    """The minimised disclosure: one share to the authority naming the request, through the
    decision point (only the demanded subjects, purpose and categories, in the form the
    authority's profile says), logged in the disclosure log. The request becomes
    `disclosed` when anything went out."""
    require_officer(actor, "makes the disclosure of a legal request")
    with uow:
        r = _get(uow, request_id)
    if not r.status.in_force:
        raise Conflict(
            f"legal request {r.id} is {r.status.value}: only an approved one is answered",
            field="request_id",
        )
    out = share_data(
        uow,
        kit,
        actor,
        ShareRequest(
            r.authority, r.purpose, tuple(sorted(r.subjects)), None, delivery, legal_request_id=r.id
        ),
    )
    if not out.share.disclosed:
        return r, out
    with uow:
        r = _get(uow, request_id, lock=True)
        _step(r, LegalRequestStatus.DISCLOSED)
        r = replace(
            r,
            status=LegalRequestStatus.DISCLOSED,
            share_id=out.share.id,
            disclosed_at=out.share.created_at,
        )
        uow.sharing.save_legal_request(r)
        audited(
            uow,
            actor,
            "sharing.legal.disclosed",
            TARGET,
            r.id,
            authority=r.authority,
            share=out.share.id,
            disclosed=out.share.disclosed,
        )
        uow.commit()
    return r, out


def record_told(uow: UnitOfWork, kit: SharingKit, actor: Actor, request_id: str) -> LegalRequest:
    """The person was told of the disclosure (once the law let us)."""
    require_officer(actor, "records that the person was told")
    now = kit.clock.now()
    with uow:
        r = _get(uow, request_id, lock=True)
        if not r.may_tell:
            raise Conflict("the law does not let us tell the person of this request", field="told")
        if r.told_at is not None:
            raise Conflict("already recorded as told", field="told")
        if r.disclosed_at is None:
            raise Conflict("nothing was disclosed yet: there is nothing to tell", field="told")
        if r.tell_from is not None and now < r.tell_from:
            raise Conflict(
                f"the law lets us tell the person only from {r.tell_from.isoformat()}",
                field="told",
            )
        r = replace(r, told_by=actor.ref, told_at=now)
        uow.sharing.save_legal_request(r)
        audited(uow, actor, "sharing.legal.told", TARGET, r.id, subjects=len(r.subjects))
        uow.commit()
    return r


def close_legal_request(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, request_id: str
) -> LegalRequest:
    """Done: from the next decision on nothing more goes to the authority under it."""
    require_officer(actor, "closes legal requests")
    with uow:
        r = _get(uow, request_id, lock=True)
        _step(r, LegalRequestStatus.CLOSED)
        was = r.status
        r = replace(
            r, status=LegalRequestStatus.CLOSED, closed_by=actor.ref, closed_at=kit.clock.now()
        )
        uow.sharing.save_legal_request(r)
        if was.in_force:
            uow.registers.bump()
        audited(uow, actor, "sharing.legal.closed", TARGET, r.id, authority=r.authority)
        uow.commit()
    return r


def list_legal_requests(
    uow: UnitOfWork,
    statuses: tuple[LegalRequestStatus, ...] = (),
    authority: str | None = None,
) -> list[LegalRequest]:
    with uow:
        return uow.sharing.legal_requests(statuses, authority)


def get_legal_request(uow: UnitOfWork, request_id: str) -> LegalRequest:
    with uow:
        return _get(uow, request_id)


def read_demand(uow: UnitOfWork, kit: SharingKit, actor: Actor, request_id: str) -> str:
    """The demand in the authority's words (it may name people): officers only, audited."""
    require_officer(actor, "reads what an authority demands")
    with uow:
        r = _get(uow, request_id)
        audited(uow, actor, "sharing.legal.read", TARGET, r.id)
        uow.commit()
    return kit.box.open(r.demand_sealed, _context(r.id)).decode()
