"""The recipient register, agreements and minimisation profiles (R3.2, R3.3, R3.6). Every
change is audited and moves the policy epoch in the same transaction, so the next decision
already sees it (an agreement terminated stops every share it covered from then on). A
recipient's own API key (to pull its packages) and its signed webhook are set here too."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from piiguard.domain.decisions import Actor, Scope
from piiguard.domain.errors import Conflict, InvalidInput, NotFound
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.rights.rules import check_webhook_url
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
    Treatment,
    check_agreement,
    check_profile,
    check_recipient,
)
from piiguard.services.clients.api_keys import add_client, rotate_client_key
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories
from piiguard.services.sharing._common import (
    SharingKit,
    audited,
    get_recipient,
    require_officer,
    require_second_officer,
)


@dataclass(frozen=True, slots=True)
class RecipientInput:
    key: str
    kind: RecipientKind
    legal_name: str
    country: str
    law: str
    contact: str
    systems: frozenset[str] = frozenset()
    status: RecipientStatus = RecipientStatus.ACTIVE


def save_recipient(uow: UnitOfWork, clock: Clock, actor: Actor, given: RecipientInput) -> Recipient:
    """Add a recipient or change one (its key stays). An ended recipient stays ended."""
    require_officer(actor, "keeps the recipient register")
    with uow:
        was = uow.sharing.recipient(given.key)
        if was is not None and was.status is RecipientStatus.ENDED:
            raise Conflict(f"recipient {given.key} has ended; add a new one", field="key")
        r = check_recipient(
            Recipient(
                given.key,
                given.kind,
                given.legal_name.strip(),
                given.country.strip(),
                given.law.strip(),
                given.contact.strip(),
                frozenset(s.strip() for s in given.systems if s.strip()),
                given.status,
                actor.ref if was is None else was.recorded_by,
                clock.now() if was is None else was.recorded_at,
            )
        )
        uow.sharing.save_recipient(r)
        uow.registers.bump()
        audited(
            uow,
            actor,
            "sharing.recipient.add" if was is None else "sharing.recipient.change",
            "recipient",
            r.key,
            kind=r.kind.value,
            country=r.country,
            status=r.status.value,
        )
        uow.commit()
    return r


def list_recipients(uow: UnitOfWork) -> list[Recipient]:
    with uow:
        return uow.sharing.recipients()


def recipient_detail(
    uow: UnitOfWork, key: str
) -> tuple[Recipient, list[Agreement], list[Profile], str | None, bool]:
    """A recipient with its agreements, profiles, webhook URL (never its secret) and
    whether it has its own API key."""
    with uow:
        r = get_recipient(uow, key)
        ep = uow.sharing.endpoint(key)
        return (
            r,
            uow.sharing.agreements(key),
            uow.sharing.profiles(key),
            ep[0] if ep else None,
            uow.sharing.client_of(key) is not None,
        )


# -- agreements -----------------------------------------------------------------------------

# kinds a recipient's kind may not sign: an intra-group agreement binds a group company, an
# undertaking an acquirer
_ONLY_FOR = {
    AgreementKind.INTRA_GROUP: RecipientKind.GROUP_COMPANY,
    AgreementKind.UNDERTAKING: RecipientKind.ACQUIRER,
}


@dataclass(frozen=True, slots=True)
class AgreementInput:
    recipient: str
    kind: AgreementKind
    title: str
    parties: tuple[str, ...]
    purposes: frozenset[str]
    categories: frozenset[str]
    valid_from: datetime
    valid_until: datetime | None
    document_sha256: str
    document_location: str
    reference: str = ""


def record_agreement(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, given: AgreementInput
) -> Agreement:
    """Record a signed agreement: its document is kept elsewhere, here its SHA-256 and where.
    It is `proposed`: it covers no share until another privacy officer approves it."""
    require_officer(actor, "records agreements")
    with uow:
        state = policy.current(uow)
        r = get_recipient(uow, given.recipient)
        if r.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"recipient {r.key} is {r.status.value}", field="recipient")
        need = _ONLY_FOR.get(given.kind)
        if need is not None and r.kind is not need:
            raise InvalidInput(
                f"a {given.kind.value} agreement binds a {need.value}, and {r.key} is a "
                f"{r.kind.value}",
                field="kind",
            )
        for p in sorted(given.purposes):
            if state.register.active(p) is None:
                raise InvalidInput(
                    f"unknown purpose {p!r}; see piiguard purpose list", field="purposes"
                )
        check_categories(state.taxonomy, set(given.categories))
        if given.valid_until is not None and given.valid_until <= clock.now():
            raise InvalidInput("valid_until is already past", field="valid_until")
        a = check_agreement(
            Agreement(
                new_id(),
                r.key,
                given.kind,
                given.title.strip(),
                tuple(p.strip() for p in given.parties),
                given.purposes,
                given.categories,
                given.valid_from,
                given.valid_until,
                given.document_sha256.strip().lower(),
                given.document_location.strip(),
                given.reference.strip(),
                AgreementStatus.PROPOSED,
                actor.ref,
                clock.now(),
            )
        )
        uow.sharing.save_agreement(a)
        audited(
            uow,
            actor,
            "sharing.agreement.record",
            "agreement",
            a.id,
            recipient=r.key,
            kind=a.kind.value,
            purposes=sorted(a.purposes),
            categories=sorted(a.categories),
            valid_until=a.valid_until.isoformat() if a.valid_until else None,
            document_sha256=a.document_sha256,
        )
        uow.commit()
    return a


def approve_agreement(uow: UnitOfWork, clock: Clock, actor: Actor, agreement_id: str) -> Agreement:
    """Four eyes (R3.6): a second privacy officer — not the one who recorded it — approves a
    proposed agreement; from the next decision on it covers the shares in its scope."""
    with uow:
        a = _agreement(uow, agreement_id)
        require_second_officer(actor, a.recorded_by, "approves an agreement")
        if a.status is not AgreementStatus.PROPOSED:
            raise Conflict(
                f"agreement {agreement_id} is {a.state(clock.now())}, not waiting for approval",
                field="agreement_id",
            )
        if a.valid_until is not None and a.valid_until <= clock.now():
            raise Conflict(
                f"agreement {agreement_id} expired before it was approved", field="agreement_id"
            )
        r = get_recipient(uow, a.recipient)
        if r.status is not RecipientStatus.ACTIVE:
            raise Conflict(f"recipient {r.key} is {r.status.value}", field="recipient")
        a = replace(
            a, status=AgreementStatus.ACTIVE, approved_by=actor.ref, approved_at=clock.now()
        )
        uow.sharing.save_agreement(a)
        uow.registers.bump()
        audited(
            uow,
            actor,
            "sharing.agreement.approve",
            "agreement",
            a.id,
            recipient=a.recipient,
            kind=a.kind.value,
            recorded_by=a.recorded_by,
        )
        uow.commit()
    return a


def terminate_agreement(
    uow: UnitOfWork, clock: Clock, actor: Actor, agreement_id: str, reason: str
) -> Agreement:
    """End an agreement early: from the next decision on, nothing it covered is shared. A
    proposed one is withdrawn (or refused by the second officer) the same way."""
    require_officer(actor, "terminates agreements")
    if not reason.strip():
        raise InvalidInput("say why the agreement ends", field="reason")
    with uow:
        a = _agreement(uow, agreement_id)
        if a.status is AgreementStatus.TERMINATED:
            raise Conflict(f"agreement {agreement_id} is already terminated", field="agreement_id")
        a = replace(
            a,
            status=AgreementStatus.TERMINATED,
            ended_by=actor.ref,
            ended_at=clock.now(),
            end_reason=reason.strip(),
        )
        uow.sharing.save_agreement(a)
        uow.registers.bump()
        audited(uow, actor, "sharing.agreement.terminate", "agreement", a.id, recipient=a.recipient)
        uow.commit()
    return a


def _agreement(uow: UnitOfWork, agreement_id: str) -> Agreement:
    a = uow.sharing.agreement(agreement_id)
    if a is None:
        raise NotFound(f"no agreement {agreement_id}", field="agreement_id")
    return a


def get_agreement(uow: UnitOfWork, agreement_id: str) -> Agreement:
    with uow:
        return _agreement(uow, agreement_id)


def list_agreements(uow: UnitOfWork, recipient: str | None = None) -> list[Agreement]:
    with uow:
        return uow.sharing.agreements(recipient)


# -- profiles -------------------------------------------------------------------------------


def save_profile(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    recipient: str,
    purpose: str,
    fields: Mapping[str, Treatment],
) -> Profile:
    """What a recipient gets for a purpose, category by category, and in what form."""
    require_officer(actor, "sets minimisation profiles")
    with uow:
        state = policy.current(uow)
        get_recipient(uow, recipient)
        if state.register.active(purpose) is None:
            raise InvalidInput(
                f"unknown purpose {purpose!r}; see piiguard purpose list", field="purpose"
            )
        check_categories(state.taxonomy, set(fields), "fields")
        p = check_profile(Profile(recipient, purpose, dict(fields), actor.ref, clock.now()))
        uow.sharing.save_profile(p)
        uow.registers.bump()
        audited(
            uow,
            actor,
            "sharing.profile.save",
            "recipient",
            recipient,
            purpose=purpose,
            fields=sorted(f"{c}:{t.value}" for c, t in p.fields.items()),
        )
        uow.commit()
    return p


def remove_profile(uow: UnitOfWork, actor: Actor, recipient: str, purpose: str) -> None:
    """Without a profile nothing goes to the recipient for that purpose."""
    require_officer(actor, "removes minimisation profiles")
    with uow:
        if not uow.sharing.delete_profile(recipient, purpose):
            raise NotFound(f"{recipient} has no profile for {purpose}", field="purpose")
        uow.registers.bump()
        audited(uow, actor, "sharing.profile.remove", "recipient", recipient, purpose=purpose)
        uow.commit()


def list_profiles(uow: UnitOfWork, recipient: str | None = None) -> list[Profile]:
    with uow:
        return uow.sharing.profiles(recipient)


# -- the recipient's own API key and webhook --------------------------------------------------

NO_DATA_SCOPE = Scope(frozenset(), frozenset())  # no purpose: it can only pull its packages


def issue_recipient_key(uow: UnitOfWork, clock: Clock, actor: Actor, recipient: str) -> str:
    """The recipient's own API key, shown once: a system client scoped to no purpose, so
    it reads nothing through the data API — it pulls its own packages, nothing else. A
    second call replaces the key at once."""
    require_officer(actor, "issues a recipient's API key")
    with uow:
        r = get_recipient(uow, recipient)
        client_id = uow.sharing.client_of(r.key)
    name = f"recipient-{r.key}"
    if client_id is None:
        client, key = add_client(uow, clock, actor, name, NO_DATA_SCOPE)
    else:
        client, key = rotate_client_key(uow, clock, actor, name, timedelta(0))
    with uow:
        uow.sharing.set_client(r.key, client.id)
        audited(uow, actor, "sharing.recipient.key", "recipient", r.key, client=client.id)
        uow.commit()
    return key


def set_recipient_webhook(
    uow: UnitOfWork, kit: SharingKit, actor: Actor, recipient: str, url: str
) -> str:
    """Where pushed shares and passed-on corrections go, signed with HMAC-SHA256 like the
    systems' notices (docs/webhooks.md). Returns the signing secret (hex), shown once."""
    require_officer(actor, "sets a recipient's webhook")
    url = check_webhook_url(url, require_https=True)
    secret = (new_id() + new_id()).replace("-", "")
    with uow:
        r = get_recipient(uow, recipient)
        uow.sharing.set_endpoint(r.key, url, kit.box.seal(secret.encode(), f"recipient:{r.key}"))
        audited(
            uow,
            actor,
            "sharing.recipient.webhook",
            "recipient",
            r.key,
            scheme=url.split(":", 1)[0],
        )
        uow.commit()
    return secret
