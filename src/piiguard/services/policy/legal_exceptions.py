"""Legal exceptions (R2.5): requested with the authority, case and legal provision, scoped
to subjects and categories and a validity period, approved by a *different* privacy
officer, and named by every decision they let through."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound, at_most
from piiguard.domain.policy.legal_exceptions import ExceptionKind, LegalException
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories

APPROVER_ROLE = "privacy_officer"
MAX_SUBJECTS = 10_000  # the API's limit, for the console and the CLI too


def request_exception(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    kind: ExceptionKind,
    authority: str,
    case_reference: str,
    legal_provision: str,
    subject_ids: frozenset[str],
    categories: frozenset[str],
    valid_from: datetime,
    valid_until: datetime,
) -> LegalException:
    for name, value in (
        ("authority", authority),
        ("case_reference", case_reference),
        ("legal_provision", legal_provision),
    ):
        if not value.strip():
            raise InvalidInput(
                f"a legal exception records its {name.replace('_', ' ')}", field=name
            )
        at_most(value, 300, name)  # the API's limit, for the console and the CLI too
    if not subject_ids:
        raise InvalidInput("name the subjects the exception covers", field="subject_ids")
    if len(subject_ids) > MAX_SUBJECTS:
        raise InvalidInput(f"at most {MAX_SUBJECTS} subjects", field="subject_ids")
    if not categories:
        raise InvalidInput("name the categories the exception covers", field="categories")
    if valid_until <= valid_from:
        raise InvalidInput("valid_until must be after valid_from", field="valid_until")
    if valid_until <= clock.now():
        raise InvalidInput(
            "valid_until is already past: an exception that has expired "
            "would lift nothing, so it is not recorded",
            field="valid_until",
        )
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, categories)
        for sid in subject_ids:
            if uow.subjects.get(sid) is None:
                raise NotFound(f"no subject {sid}", field="subject_ids")
        ex = LegalException(
            new_id(),
            kind,
            authority.strip(),
            case_reference.strip(),
            legal_provision.strip(),
            subject_ids,
            categories,
            valid_from,
            valid_until,
            actor.ref,
        )
        uow.legal_exceptions.save(ex, clock.now())
        uow.registers.bump()
        uow.audit(
            AuditEvent(
                "exception.request",
                actor.kind.value,
                actor.id,
                "exception",
                ex.id,
                details={"kind": kind.value, "subjects": sorted(subject_ids)},
            )
        )
        uow.commit()
    return ex


def approve_exception(
    uow: UnitOfWork, clock: Clock, actor: Actor, exception_id: str
) -> LegalException:
    """Four eyes: only a privacy officer other than the requester approves."""
    if APPROVER_ROLE not in actor.roles:
        raise Forbidden("only a privacy officer approves a legal exception")
    with uow:
        ex = uow.legal_exceptions.get(exception_id)
        if ex is None:
            raise NotFound(f"no legal exception {exception_id}", field="exception_id")
        if ex.requested_by == actor.ref:
            raise Forbidden(
                "the requester cannot approve their own exception; another privacy officer must"
            )
        if actor.kind is not ActorKind.STAFF:
            raise Forbidden(
                "a legal exception is approved by a privacy officer's personal "
                "staff account, not by a shared or system identity"
            )
        if ex.approved_by is not None or ex.revoked_at is not None:
            raise Conflict("this exception was already approved or revoked", field="exception_id")
        if ex.valid_until <= clock.now():  # approving it would record a grant that never was
            raise Conflict(
                f"this exception ended at {ex.valid_until.isoformat()} before anyone approved "
                "it: request a new one with the period still to come",
                field="valid_until",
            )
        approved = replace(ex, approved_by=actor.ref, approved_at=clock.now())
        uow.legal_exceptions.save(approved, clock.now())
        uow.registers.bump()
        uow.audit(
            AuditEvent("exception.approve", actor.kind.value, actor.id, "exception", exception_id)
        )
        uow.commit()
    return approved


def revoke_exception(
    uow: UnitOfWork, clock: Clock, actor: Actor, exception_id: str
) -> LegalException:
    with uow:
        ex = uow.legal_exceptions.get(exception_id)
        if ex is None:
            raise NotFound(f"no legal exception {exception_id}", field="exception_id")
        if ex.revoked_at is not None:  # the first revocation's time stays the evidence
            raise Conflict(
                f"legal exception {exception_id} was already revoked at "
                f"{ex.revoked_at.isoformat()}",
                field="exception_id",
            )
        revoked = replace(ex, revoked_at=clock.now())
        uow.legal_exceptions.save(revoked, clock.now())
        uow.registers.bump()
        uow.audit(
            AuditEvent("exception.revoke", actor.kind.value, actor.id, "exception", exception_id)
        )
        uow.commit()
    return revoked


def list_exceptions(uow: UnitOfWork) -> list[LegalException]:
    with uow:
        return uow.legal_exceptions.list()
