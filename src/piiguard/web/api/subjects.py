"""Subjects and their personal data. Every route records who asked (audit trail)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.decisions import Action
from piiguard.services.decisions import DecisionRequest
from piiguard.services.retention import schedule
from piiguard.services.subjects import erase, read, register
from piiguard.web.api.schemas.subjects import (
    CredentialCheckIn,
    CredentialCheckOut,
    DataOut,
    ErasureOut,
    ItemCorrectionIn,
    ItemIn,
    ItemOut,
    LookupIn,
    LookupOut,
    SubjectIn,
    SubjectOut,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1/subjects", tags=["subjects"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=SubjectOut)
def create_subject(body: SubjectIn, c: ContainerDep, actor: Authorized) -> SubjectOut:
    [r] = register.register_subjects(
        c.uow(),
        c.vault,
        c.clock,
        actor,
        c.state,
        [register.SubjectInput(body.kind, [i.to_input() for i in body.items])],
        default_system=c.settings.default_system,
    )
    return SubjectOut.of(r.subject, r.items)


@router.post("/lookup", response_model=LookupOut)
def lookup_subjects(body: LookupIn, c: ContainerDep, actor: Authorized) -> LookupOut:
    """Exact match by email, phone or ID number through the blind index (POST: the value
    stays out of URLs and access logs)."""
    return LookupOut(
        subject_ids=read.find_subjects(c.uow(), c.vault, actor, c.state, body.category, body.value)
    )


@router.get("/{subject_id}", response_model=SubjectOut)
def describe_subject(subject_id: str, c: ContainerDep, actor: Authorized) -> SubjectOut:
    subject, items = read.describe_subject(c.uow(), actor, subject_id)
    retention = schedule.subject_retention(c.uow(readonly=True), c.clock, subject_id)
    return SubjectOut.of(
        subject, items, {v.item.item_id: v.retention.retain_until for v in retention}
    )


@router.get("/{subject_id}/data", response_model=DataOut)
def read_subject_data(
    subject_id: str,
    c: ContainerDep,
    actor: Authorized,
    purpose: Annotated[str, Query(min_length=1, max_length=64)],
    category: Annotated[list[str] | None, Query()] = None,
    target_system: Annotated[str | None, Query(max_length=64)] = None,
    exception_id: Annotated[str | None, Query(max_length=36)] = None,
) -> DataOut:
    """Values of the categories the recorded decision allows; 403 problem+json with the
    reasons when it allows none. `target_system`: where the data goes (must be approved);
    `exception_id`: an approved legal exception that covers this use."""
    decided = c.decisions(
        DecisionRequest(  # group commit: recorded before decrypted
            actor,
            subject_id,
            purpose,
            frozenset(category) if category else None,
            Action.READ,
            target_system,
            exception_id,
            reveal=True,
        )
    )
    recorded, items = read.allowed_or_denied(read.disclose(c.vault, [decided])[0])
    return DataOut.of(recorded.decision, items)


@router.post("/{subject_id}/items", status_code=status.HTTP_201_CREATED, response_model=ItemOut)
def add_item(subject_id: str, body: ItemIn, c: ContainerDep, actor: Authorized) -> ItemOut:
    return ItemOut.of(
        register.add_item(
            c.uow(),
            c.vault,
            c.clock,
            actor,
            c.state,
            subject_id,
            body.to_input(),
            default_system=c.settings.default_system,
        )
    )


@router.put("/{subject_id}/items/{item_id}", response_model=ItemOut)
def correct_item(
    subject_id: str, item_id: str, body: ItemCorrectionIn, c: ContainerDep, actor: Authorized
) -> ItemOut:
    return ItemOut.of(
        register.correct_item(
            c.uow(), c.vault, c.clock, actor, c.state, subject_id, item_id, body.value
        )
    )


@router.post("/{subject_id}/items/{item_id}/verify", response_model=CredentialCheckOut)
def verify_credential(
    subject_id: str, item_id: str, body: CredentialCheckIn, c: ContainerDep, actor: Authorized
) -> CredentialCheckOut:
    """Check a candidate against a stored credential; credentials are never read back."""
    return CredentialCheckOut(
        match=read.verify_subject_credential(
            c.uow(), c.vault, actor, subject_id, item_id, body.value
        )
    )


@router.delete("/{subject_id}", response_model=ErasureOut)
def erase_subject(subject_id: str, c: ContainerDep, actor: Authorized) -> ErasureOut:
    """Delete the items, keep a tombstone, destroy the subject's data key."""
    e = erase.erase_subject(c.uow(), c.vault, c.clock, actor, subject_id)
    return ErasureOut(
        subject_id=e.subject_id, items_deleted=e.items_deleted, key_shredded=e.key_shredded
    )
