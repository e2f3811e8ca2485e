"""Business transfers (R3.4; PIPL Art. 22; docs/sharing.md, "Business transfers"): record
one (the acquirer bound by its undertaking in force, the scope), review it (four eyes),
carry it out — in one transaction the handover is logged (a share of delivery `handover`,
one disclosure-log row per person in scope) and a notice row is queued for each of them,
which the notices' batch then mails (services/notices/transfers.py). Every step is audited with ids
and counts only."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, NotFound, at_most
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.sharing.business import (
    PURPOSE,
    BusinessTransfer,
    TransferKind,
    TransferStatus,
    check_transfer,
)
from piiguard.domain.sharing.disclosure import Delivery, Disclosure, Share, ShareStatus
from piiguard.domain.sharing.register import (
    AgreementKind,
    RecipientKind,
    RecipientStatus,
    Treatment,
)
from piiguard.services.ids import new_id, new_time_id
from piiguard.services.policy.snapshot import check_categories
from piiguard.services.sharing._common import (
    SharingKit,
    audited,
    get_recipient,
    require_officer,
    require_second_officer,
)
from piiguard.services.sharing.abroad import (
    count_handover,
    counts_abroad,
    require_mechanism,
    sensitive_within,
)

TARGET = "business_transfer"
PAGE = 1000


@dataclass(frozen=True, slots=True)
class TransferInput:
    kind: TransferKind
    acquirer: str
    undertaking: str  # the acquirer's undertaking agreement's id
    title: str
    effective_at: datetime
    purposes: frozenset[str] = frozenset()  # empty: all
    categories: frozenset[str] = frozenset()  # empty: all
    subjects: frozenset[str] = frozenset()  # empty: all


def _get(uow: UnitOfWork, transfer_id: str, *, lock: bool = False) -> BusinessTransfer:
    b = uow.sharing.business_transfer(transfer_id, lock=lock)
    if b is None:
        raise NotFound(f"no business transfer {transfer_id}", field="transfer_id")
    return b


def _check_undertaking(uow: UnitOfWork, acquirer: str, agreement_id: str, at: datetime) -> None:
    a = uow.sharing.agreement(agreement_id)
    if a is None or a.recipient != acquirer or a.kind is not AgreementKind.UNDERTAKING:
        raise InvalidInput(
            f"the acquirer's undertaking to follow the policy: an agreement of kind "
            f"undertaking of {acquirer} (piiguard agreement add {acquirer} --kind undertaking)",
            field="undertaking",
        )
    if not a.in_force(at):
        raise Conflict(
            f"the undertaking {agreement_id} is {a.state(at)}: the acquirer is not bound",
            field="undertaking",
        )


def record_business_transfer(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, given: TransferInput
) -> BusinessTransfer:
    """Record a transfer; nothing is handed over until a second officer approves it and
    it is carried out. Bad input records nothing."""
    require_officer(actor, "records business transfers")
    now = kit.clock.now()
    subjects = frozenset(s.strip() for s in given.subjects if s.strip())
    with uow:
        state = kit.policy.current(uow)
        r = get_recipient(uow, given.acquirer, "acquirer")
        if r.kind is not RecipientKind.ACQUIRER:
            raise InvalidInput(
                f"recipient {r.key} is a {r.kind.value}, not an acquirer", field="acquirer"
            )
        if r.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"acquirer {r.key} is {r.status.value}", field="acquirer")
        _check_undertaking(uow, r.key, given.undertaking, now)
        for p in sorted(given.purposes):
            if p not in state.register.rules:
                raise InvalidInput(f"unknown purpose {p!r}", field="purposes")
        check_categories(state.taxonomy, set(given.categories))
        b = check_transfer(
            BusinessTransfer(
                new_id(),
                given.kind,
                r.key,
                given.undertaking,
                given.title.strip(),
                given.effective_at,
                given.purposes,
                given.categories,
                subjects,
                TransferStatus.RECORDED,
                actor.ref,
                now,
            )
        )
        unknown = sorted(subjects - uow.subjects.live_ids(sorted(subjects)))
        if unknown:
            raise NotFound(f"no subject {unknown[0]}", field="subject_ids")
        uow.sharing.add_business_transfer(b)
        audited(
            uow,
            actor,
            "sharing.transfer.record",
            TARGET,
            b.id,
            kind=b.kind.value,
            acquirer=b.acquirer,
            undertaking=b.undertaking,
            purposes=sorted(b.purposes),
            categories=sorted(b.categories),
            subjects=len(b.subjects),
        )
        uow.commit()
    return b


def review_business_transfer(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, transfer_id: str, approve: bool, note: str
) -> BusinessTransfer:
    """Approve or refuse (a refusal says why): never by whoever recorded it."""
    if not approve and not note.strip():
        raise InvalidInput("say why the transfer is refused", field="note")
    at_most(note, 2000, "note")
    with uow:
        b = _get(uow, transfer_id, lock=True)
        require_second_officer(actor, b.recorded_by, "reviews a business transfer")
        if b.status is not TransferStatus.RECORDED:
            raise Conflict(f"transfer {b.id} is already {b.status.value}", field="status")
        to = TransferStatus.APPROVED if approve else TransferStatus.REFUSED
        b = replace(
            b, status=to, reviewed_by=actor.ref, reviewed_at=kit.clock.now(), review_note=note
        )
        uow.sharing.save_business_transfer(b)
        audited(uow, actor, f"sharing.transfer.{to.value}", TARGET, b.id, acquirer=b.acquirer)
        uow.commit()
    return b


def carry_out_business_transfer(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, transfer_id: str
) -> BusinessTransfer:
    """The handover: logged (one share `handover`, a disclosure-log row per person in
    scope, against the undertaking) and every person queued to be told — one transaction,
    so there is never a handover without its log and its notices."""
    require_officer(actor, "carries out business transfers")
    now = kit.clock.now()
    with uow:
        b = _get(uow, transfer_id, lock=True)
        if b.status is not TransferStatus.APPROVED:
            raise Conflict(
                f"transfer {b.id} is {b.status.value}: only an approved one is carried out",
                field="status",
            )
        _check_undertaking(uow, b.acquirer, b.undertaking, now)
        roots = sorted(c.key for c in kit.policy.current(uow).taxonomy if c.parent is None)
        notices = uow.sharing.transfer_notices()
        people = notices.enqueue_people(b.id, sorted(b.subjects) or None, sorted(b.categories), now)
        share = Share(
            new_time_id(),
            b.acquirer,
            PURPOSE,
            Delivery.HANDOVER,
            ShareStatus.DELIVERED,
            people,
            people,
            actor.ref,
            now,
            now,
            delivered_at=now,
        )
        uow.sharing.add_share(share, None)
        cats = dict.fromkeys(sorted(b.categories) or roots, Treatment.WHOLE)
        pol = kit.policy.current(uow)
        to = pol.recipients.get(b.acquirer)
        abroad = to is not None and counts_abroad(to, pol)  # counted like a share (R7.1)
        sensitive = sensitive_within(pol, b.categories)
        after = ""
        while page := notices.subject_ids(b.id, after, PAGE):
            if abroad:
                count_handover(uow, page, sensitive, now)
            uow.sharing.add_disclosures(
                [
                    Disclosure(
                        new_id(), share.id, s, b.acquirer, PURPOSE, cats, "", b.undertaking, now
                    )
                    for s in page
                ]
            )
            after = page[-1]
        if abroad and to is not None:
            require_mechanism(uow, pol, to, now)
        b = replace(
            b,
            status=TransferStatus.TRANSFERRED,
            transferred_by=actor.ref,
            transferred_at=now,
            share_id=share.id,
            people=people,
        )
        uow.sharing.save_business_transfer(b)
        audited(
            uow,
            actor,
            "sharing.transfer.carried_out",
            TARGET,
            b.id,
            acquirer=b.acquirer,
            share=share.id,
            people=people,
        )
        uow.commit()
    return b


def list_business_transfers(uow: UnitOfWork) -> list[BusinessTransfer]:
    with uow:
        return uow.sharing.business_transfers()


def get_business_transfer(
    uow: UnitOfWork, transfer_id: str
) -> tuple[BusinessTransfer, dict[NoticeStatus, int]]:
    """A transfer and how many of its people are at each notice status."""
    with uow:
        b = _get(uow, transfer_id)
        return b, uow.sharing.transfer_notices().counts(b.id)
