"""Subjects and their items coming out (R2.2, R2.10, R5.1, R5.5): what is held on a subject
(no values), values read through a recorded decision — decided, recorded and committed
before anything is decrypted —, exact-match lookup by blind index, a credential checked
without revealing it. Every read is audited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from piiguard.domain.access import PolicyState
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Action, Actor, RecordedDecision
from piiguard.domain.errors import AccessDenied, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.domain.subjects import ItemRecord, RevealedItem, Subject
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.subjects._common import live_subject


def describe_subject(
    uow: UnitOfWork, actor: Actor, subject_id: str
) -> tuple[Subject, list[ItemRecord]]:
    """What is held on a subject, without any value: categories, provenance, systems."""
    with uow:
        subject = live_subject(uow, subject_id)
        records = uow.items.records(subject_id)
        uow.audit(
            AuditEvent(
                "subject.describe", actor.kind.value, actor.id, "subject", subject_id, subject_id
            )
        )
        uow.commit()
    return subject, records


@dataclass(frozen=True, slots=True)
class Disclosure:
    decision: RecordedDecision
    items: list[RevealedItem]


def read_subjects_data(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    policy: PolicySnapshots,
    subject_ids: Sequence[str],
    purpose: str,
    categories: frozenset[str] | None = None,
    action: Action = Action.READ,
    *,
    target_system: str | None = None,
    exception_id: str | None = None,
) -> list[Disclosure]:
    """Decide per subject, record every decision with its audit entry, commit — and only
    then decrypt what each decision allows. Nothing is read unrecorded. Denied subjects come
    back with their decision and no items; an unknown subject fails the whole call and
    records nothing."""
    found = decide_many(
        uow,
        policy,
        clock,
        [
            DecisionRequest(
                actor, sid, purpose, categories, action, target_system, exception_id, reveal=True
            )
            for sid in subject_ids
        ],
        atomic=True,
    )
    return disclose(vault, [d for d in found if isinstance(d, Decided)])


def disclose(vault: Vault, decided: Sequence[Decided]) -> list[Disclosure]:
    """Decrypt what each recorded decision allows (the vault checks each decision's seal)."""
    revealed = vault.reveal_many([(d.decision, d.allowed_items) for d in decided])
    return [Disclosure(d.decision, items) for d, items in zip(decided, revealed, strict=True)]


def read_subject_data(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    policy: PolicySnapshots,
    subject_id: str,
    purpose: str,
    categories: frozenset[str] | None = None,
    action: Action = Action.READ,
    *,
    target_system: str | None = None,
    exception_id: str | None = None,
) -> tuple[RecordedDecision, list[RevealedItem]]:
    """One subject's data for a purpose; AccessDenied (with the reasons and the recorded
    decision's id) when the decision allows nothing."""
    [d] = read_subjects_data(
        uow,
        vault,
        clock,
        actor,
        policy,
        [subject_id],
        purpose,
        categories,
        action,
        target_system=target_system,
        exception_id=exception_id,
    )
    return allowed_or_denied(d)


def allowed_or_denied(d: Disclosure) -> tuple[RecordedDecision, list[RevealedItem]]:
    """AccessDenied (with the reasons and the decision's id) when nothing was allowed."""
    if not d.decision.decision.allowed:
        raise AccessDenied(
            "the decision refused every requested category",
            reasons=d.decision.decision.reasons,
            decision_id=d.decision.decision.id,
        )
    return d.decision, d.items


def find_subjects(
    uow: UnitOfWork, vault: Vault, actor: Actor, state: PolicyState, category: str, value: str
) -> list[str]:
    """Exact-match lookup through the keyed blind index — never by decrypting rows."""
    token = vault.lookup_token(state.taxonomy.get(category), value)
    if token is None:
        raise InvalidInput(
            f"category {category!r} is not searchable (no blind index)", field="category"
        )
    with uow:
        ids = uow.items.subjects_by_token(category, token)
        value_hash = vault.keyed_hash(value)
        # one entry per subject found, so "who looked this person up" is in their history
        for sid in ids or [""]:
            uow.audit(
                AuditEvent(
                    "subject.lookup",
                    actor.kind.value,
                    actor.id,
                    "category",
                    category,
                    sid,
                    details={"value_hash": value_hash, "matches": len(ids)},
                )
            )
        uow.commit()
    return ids


def verify_subject_credential(
    uow: UnitOfWork, vault: Vault, actor: Actor, subject_id: str, item_id: str, candidate: str
) -> bool:
    with uow:
        item = uow.items.get(item_id)
        if item is None or item.record.subject_id != subject_id:
            raise NotFound(f"subject {subject_id} has no item {item_id}", field="item_id")
        ok = vault.verify_credential(item, candidate)
        uow.audit(
            AuditEvent(
                "credential.verify",
                actor.kind.value,
                actor.id,
                "item",
                item_id,
                subject_id,
                details={"match": ok},
            )
        )
        uow.commit()
    return ok
