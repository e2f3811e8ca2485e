"""Consent with its evidence, withdrawal, restriction and objection, guardians of children
(R2.4, R4.2, R6.1, R6.2). Each takes effect on the next decision."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from piiguard.domain.audit import AuditEvent
from piiguard.domain.consent import (
    Consent,
    ConsentKind,
    GuardianLink,
    Restriction,
    RestrictionKind,
)
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.subjects import Channel
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots


def _live(uow: UnitOfWork, subject_id: str, field: str = "subject_id") -> None:
    s = uow.subjects.get(subject_id)
    if s is None or s.erased_at is not None:
        raise NotFound(f"no subject {subject_id}", field=field)


def grant_consent(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    subject_id: str,
    purpose: str,
    kind: ConsentKind,
    channel: Channel,
    text_shown: str,
    given_by: str | None = None,
    *,
    recipient: str | None = None,
    destination: str | None = None,
) -> Consent:
    """Record a consent with its evidence: channel, time, the policy version in force, a
    SHA-256 of the exact text shown, who recorded it. Guardian consent names the guardian;
    a transfer-abroad consent may name the recipient (register key) and/or destination
    country it was given for — a share abroad needs one that names it (docs/sharing.md)."""
    if not text_shown.strip():
        raise InvalidInput("record the text the person was shown", field="text_shown")
    if (recipient or destination) and kind is not ConsentKind.TRANSFER_ABROAD:
        raise InvalidInput(
            "only a transfer_abroad consent names a recipient or destination", field="kind"
        )
    if destination is not None and not (len(destination) == 2 and destination.isupper()):
        raise InvalidInput(
            "destination is a two-letter ISO 3166 code in capitals, e.g. DE", field="destination"
        )
    with uow:
        state = policy.current(uow)
        _live(uow, subject_id)
        state.register.get(purpose)
        if recipient is not None and recipient not in state.recipients:
            raise NotFound(f"no recipient {recipient} in the register", field="recipient")
        if kind is ConsentKind.GUARDIAN and not given_by:
            raise InvalidInput("guardian consent names the guardian (given_by)", field="given_by")
        # a guardian may give any kind of consent for a child (for a child, only theirs counts)
        if given_by and given_by not in {
            g.guardian_id for g in uow.consents.guardians_of(subject_id)
        }:
            raise Conflict("given_by is not linked to this subject as a guardian", field="given_by")
        consent = Consent(
            new_id(),
            subject_id,
            purpose,
            kind,
            clock.now(),
            channel,
            state.policy_version,
            hashlib.sha256(text_shown.encode()).hexdigest(),
            actor.ref,
            given_by,
            recipient=recipient,
            destination=destination,
        )
        uow.consents.add(consent)
        uow.audit(
            AuditEvent(
                "consent.grant",
                actor.kind.value,
                actor.id,
                "consent",
                consent.id,
                subject_id,
                purpose,
                details={
                    "kind": kind.value,
                    "channel": channel.value,
                    "text_hash": consent.text_hash,
                    **({"recipient": recipient} if recipient else {}),
                    **({"destination": destination} if destination else {}),
                },
            )
        )
        uow.commit()
    return consent


def withdraw_consent(
    uow: UnitOfWork, clock: Clock, actor: Actor, subject_id: str, consent_id: str
) -> None:
    with uow:
        if not any(
            c.id == consent_id and c.withdrawn_at is None
            for c in uow.consents.of_subject(subject_id)
        ):
            raise NotFound(
                f"subject {subject_id} has no consent {consent_id} in force", field="consent_id"
            )
        uow.consents.withdraw(consent_id, clock.now())
        uow.audit(
            AuditEvent(
                "consent.withdraw", actor.kind.value, actor.id, "consent", consent_id, subject_id
            )
        )
        uow.commit()


def list_consents(uow: UnitOfWork, actor: Actor, subject_id: str) -> list[Consent]:
    with uow:
        _live(uow, subject_id)
        found = uow.consents.of_subject(subject_id)
        uow.audit(
            AuditEvent(
                "consent.list", actor.kind.value, actor.id, "subject", subject_id, subject_id
            )
        )
        uow.commit()
    return found


def restrict_processing(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    subject_id: str,
    kind: RestrictionKind,
    purpose: str | None,
) -> Restriction:
    """Restriction (all purposes, or one) or objection to a purpose (R4.2)."""
    if kind is RestrictionKind.OBJECTION and not purpose:
        raise InvalidInput("an objection names the purpose objected to", field="purpose")
    with uow:
        state = policy.current(uow)
        _live(uow, subject_id)
        if purpose:
            state.register.get(purpose)
        r = Restriction(new_id(), subject_id, kind, purpose, clock.now())
        uow.consents.add_restriction(r, actor.ref)
        uow.audit(
            AuditEvent(
                f"processing.{kind.value}",
                actor.kind.value,
                actor.id,
                "restriction",
                r.id,
                subject_id,
                purpose or "",
            )
        )
        uow.commit()
    return r


def list_restrictions(uow: UnitOfWork, actor: Actor, subject_id: str) -> list[Restriction]:
    """A subject's restrictions and objections, in force and lifted, oldest first."""
    with uow:
        _live(uow, subject_id)
        found = uow.consents.restrictions_of(subject_id)
        uow.audit(
            AuditEvent(
                "processing.list", actor.kind.value, actor.id, "subject", subject_id, subject_id
            )
        )
        uow.commit()
    return found


def lift_restriction(
    uow: UnitOfWork, clock: Clock, actor: Actor, subject_id: str, restriction_id: str
) -> None:
    with uow:
        if not any(r.id == restriction_id for r in uow.consents.restrictions_of(subject_id)):
            raise NotFound(
                f"subject {subject_id} has no restriction {restriction_id}", field="restriction_id"
            )
        if not uow.consents.lift(restriction_id, clock.now()):
            raise Conflict("this restriction was already lifted", field="restriction_id")
        uow.audit(
            AuditEvent(
                "processing.lift",
                actor.kind.value,
                actor.id,
                "restriction",
                restriction_id,
                subject_id,
            )
        )
        uow.commit()


def link_guardian(
    uow: UnitOfWork, clock: Clock, actor: Actor, child_id: str, guardian_id: str
) -> None:
    if child_id == guardian_id:
        raise InvalidInput("a subject cannot be their own guardian", field="guardian_id")
    with uow:
        _live(uow, child_id, "child_id")
        _live(uow, guardian_id, "guardian_id")
        if any(g.guardian_id == guardian_id for g in uow.consents.guardians_of(child_id)):
            raise Conflict("this guardian is already linked", field="guardian_id")
        uow.consents.link_guardian(child_id, guardian_id, clock.now())
        uow.audit(
            AuditEvent(
                "guardian.link",
                actor.kind.value,
                actor.id,
                "subject",
                child_id,
                child_id,
                details={"guardian_id": guardian_id},
            )
        )
        uow.commit()


def verify_guardian(
    uow: UnitOfWork, clock: Clock, actor: Actor, child_id: str, guardian_id: str
) -> None:
    """Staff confirm (e.g. from the household register or a birth certificate) that the
    guardian is the child's guardian; only then does their consent count (R6.1)."""
    if actor.kind.value not in ("staff", "operator"):
        raise Forbidden("a guardian link is verified by staff, not by a system")
    with uow:
        if not uow.consents.verify_guardian(child_id, guardian_id, actor.ref, clock.now()):
            raise NotFound("no such guardian link", field="guardian_id")
        uow.audit(
            AuditEvent(
                "guardian.verify",
                actor.kind.value,
                actor.id,
                "subject",
                child_id,
                child_id,
                details={"guardian_id": guardian_id},
            )
        )
        uow.commit()


def declare_minor(uow: UnitOfWork, actor: Actor, subject_id: str, minor: bool) -> None:
    with uow:
        _live(uow, subject_id)
        uow.consents.set_minor(subject_id, declared_minor=minor)
        uow.audit(
            AuditEvent(
                "subject.declare_minor",
                actor.kind.value,
                actor.id,
                "subject",
                subject_id,
                subject_id,
                details={"minor": minor},
            )
        )
        uow.commit()


@dataclass(frozen=True, slots=True)
class Guardianship:
    """A subject's age as the decision point sees it and the guardians linked to them: the
    day they come of age (from a date of birth), whether staff declared them a minor, whether
    they are a child now (R6.1), and each guardian link, verified or not."""

    adult_on: date | None
    declared_minor: bool
    child: bool
    guardians: tuple[GuardianLink, ...]


def guardianship(uow: UnitOfWork, clock: Clock, actor: Actor, subject_id: str) -> Guardianship:
    """What the decision point knows of a subject's age and guardians (R6.1, R6.2); audited
    like the lists of consents and restrictions."""
    with uow:
        _live(uow, subject_id)
        state = uow.consents.states([subject_id])[subject_id]
        uow.audit(
            AuditEvent(
                "guardian.list", actor.kind.value, actor.id, "subject", subject_id, subject_id
            )
        )
        uow.commit()
    return Guardianship(
        state.adult_on, state.declared_minor, state.is_child(clock.now()), state.guardians
    )
