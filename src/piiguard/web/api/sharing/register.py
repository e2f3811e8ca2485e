"""The recipient register, agreements and minimisation profiles (R3.1, R3.2, R3.3, R3.6;
docs/sharing.md): privacy officers keep them, auditors read them. A recipient's own API key
(to pull its packages) and its signed webhook are set here; each secret is shown once."""

from __future__ import annotations

from fastapi import APIRouter, status

from piiguard.services.sharing import register as reg
from piiguard.web.api.schemas.fields import Slug
from piiguard.web.api.sharing.schemas import (
    AgreementIn,
    AgreementOut,
    KeyOut,
    ProfileIn,
    ProfileOut,
    ReasonIn,
    RecipientDetailOut,
    RecipientIn,
    RecipientOut,
    SecretOut,
    WebhookIn,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["sharing"])
R = "/recipients/{key}"


@router.get("/recipients", response_model=list[RecipientOut])
def recipients(c: ContainerDep, actor: Authorized) -> list[RecipientOut]:
    """The recipient register."""
    del actor
    return [RecipientOut.of(r) for r in reg.list_recipients(c.uow(readonly=True))]


@router.put(R, response_model=RecipientOut)
def save_recipient(
    key: Slug, body: RecipientIn, c: ContainerDep, actor: Authorized
) -> RecipientOut:
    """Add a recipient or change one (status `suspended` stops every share to it; `ended`
    is for good)."""
    given = reg.RecipientInput(
        key,
        body.kind,
        body.legal_name,
        body.country,
        body.law,
        body.contact,
        frozenset(body.systems),
        body.status,
    )
    return RecipientOut.of(reg.save_recipient(c.uow(), c.clock, actor, given))


@router.get(R, response_model=RecipientDetailOut)
def recipient(key: Slug, c: ContainerDep, actor: Authorized) -> RecipientDetailOut:
    """A recipient with its agreements, profiles, webhook URL and whether it has a key."""
    del actor
    r, agreements, profiles, url, has_key = reg.recipient_detail(c.uow(readonly=True), key)
    now = c.clock.now()
    return RecipientDetailOut(
        **RecipientOut.of(r).model_dump(),
        agreements=[AgreementOut.of(a, now) for a in agreements],
        profiles=[ProfileOut.of(p) for p in profiles],
        webhook_url=url,
        has_api_key=has_key,
    )


@router.post(R + "/key", status_code=status.HTTP_201_CREATED, response_model=KeyOut)
def issue_key(key: Slug, c: ContainerDep, actor: Authorized) -> KeyOut:
    """The recipient's own API key (shown once; a new one replaces the old at once). It is
    scoped to no purpose: it pulls the recipient's packages and notices, nothing else."""
    return KeyOut(api_key=reg.issue_recipient_key(c.uow(), c.clock, actor, key))


@router.put(R + "/webhook", response_model=SecretOut)
def set_webhook(key: Slug, body: WebhookIn, c: ContainerDep, actor: Authorized) -> SecretOut:
    """Where pushed shares and notices go (https; http only on loopback). The signing
    secret is shown once (docs/webhooks.md)."""
    return SecretOut(secret=reg.set_recipient_webhook(c.uow(), c.requests, actor, key, body.url))


@router.put(R + "/profiles/{purpose}", response_model=ProfileOut)
def save_profile(
    key: Slug, purpose: Slug, body: ProfileIn, c: ContainerDep, actor: Authorized
) -> ProfileOut:
    """What the recipient gets for this purpose, category by category, and in what form."""
    p = reg.save_profile(c.uow(), c.snapshots, c.clock, actor, key, purpose, body.fields)
    return ProfileOut.of(p)


@router.delete(R + "/profiles/{purpose}", status_code=status.HTTP_204_NO_CONTENT)
def remove_profile(key: Slug, purpose: Slug, c: ContainerDep, actor: Authorized) -> None:
    """Without a profile nothing goes to the recipient for that purpose."""
    reg.remove_profile(c.uow(), actor, key, purpose)


@router.get("/agreements", response_model=list[AgreementOut])
def agreements(
    c: ContainerDep, actor: Authorized, recipient: Slug | None = None
) -> list[AgreementOut]:
    del actor
    now = c.clock.now()
    return [AgreementOut.of(a, now) for a in reg.list_agreements(c.uow(readonly=True), recipient)]


@router.post("/agreements", status_code=status.HTTP_201_CREATED, response_model=AgreementOut)
def record_agreement(body: AgreementIn, c: ContainerDep, actor: Authorized) -> AgreementOut:
    """Record a signed agreement (proposed: it covers nothing until another privacy officer
    approves it): its scope, validity, the document's SHA-256 and where it
    is kept (a standard contract's filing reference, a certificate's number …)."""
    given = reg.AgreementInput(
        body.recipient,
        body.kind,
        body.title,
        tuple(body.parties),
        frozenset(body.purposes),
        frozenset(body.categories),
        body.valid_from,
        body.valid_until,
        body.document_sha256,
        body.document_location,
        body.reference,
    )
    a = reg.record_agreement(c.uow(), c.snapshots, c.clock, actor, given)
    return AgreementOut.of(a, c.clock.now())


@router.get("/agreements/{agreement_id}", response_model=AgreementOut)
def agreement(agreement_id: str, c: ContainerDep, actor: Authorized) -> AgreementOut:
    del actor
    return AgreementOut.of(reg.get_agreement(c.uow(readonly=True), agreement_id), c.clock.now())


@router.post("/agreements/{agreement_id}/approve", response_model=AgreementOut)
def approve_agreement(agreement_id: str, c: ContainerDep, actor: Authorized) -> AgreementOut:
    """Four eyes: a privacy officer other than the one who recorded it approves a proposed
    agreement (403 for the same person); from the next decision on it covers shares."""
    a = reg.approve_agreement(c.uow(), c.clock, actor, agreement_id)
    return AgreementOut.of(a, c.clock.now())


@router.post("/agreements/{agreement_id}/terminate", response_model=AgreementOut)
def terminate(
    agreement_id: str, body: ReasonIn, c: ContainerDep, actor: Authorized
) -> AgreementOut:
    """End an agreement early: from the next decision on, nothing it covered is shared."""
    a = reg.terminate_agreement(c.uow(), c.clock, actor, agreement_id, body.reason)
    return AgreementOut.of(a, c.clock.now())
