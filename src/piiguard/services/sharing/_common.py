"""What the sharing use cases share: who may change the register, an audit entry, what
they need of the container's RequestKit (rights sits above sharing and may not be
imported: the kit is handed in)."""

from __future__ import annotations

from typing import Protocol

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Forbidden, FourEyes, NotFound
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer, WebhookSender
from piiguard.domain.sharing.register import Recipient
from piiguard.services.policy.snapshot import PolicySnapshots

OFFICER = "privacy_officer"


class SharingKit(Protocol):
    """What these use cases need of services/rights/kit.py's RequestKit."""

    @property
    def clock(self) -> Clock: ...
    @property
    def vault(self) -> Vault: ...
    @property
    def box(self) -> SecretBox: ...
    @property
    def mailer(self) -> Mailer: ...
    @property
    def webhooks(self) -> WebhookSender: ...
    @property
    def policy(self) -> PolicySnapshots: ...
    @property
    def company(self) -> str: ...
    @property
    def public_url(self) -> str: ...
    @property
    def officer_mail(self) -> str: ...


def require_officer(actor: Actor, what: str) -> None:
    """The register is the privacy officers' (and the operator's CLI on the host)."""
    if actor.kind is not ActorKind.OPERATOR and OFFICER not in actor.roles:
        raise Forbidden(f"only a privacy officer {what}")


def require_second_officer(actor: Actor, first: str, what: str) -> None:
    """Four eyes: a privacy officer's personal account (or the operator on the host) other
    than the one who took the first step (`first`, an actor ref)."""
    require_officer(actor, what)
    if actor.kind not in (ActorKind.STAFF, ActorKind.OPERATOR):
        raise Forbidden(f"a privacy officer's personal staff account {what}")
    if actor.ref == first:
        raise FourEyes(f"another privacy officer {what}: four eyes")


def audited(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    subject_id: str = "",
    purpose: str = "",
    decision_id: str = "",
    **details: DetailValue,
) -> None:
    uow.audit(
        AuditEvent(
            action,
            actor.kind.value,
            actor.id,
            target_type,
            target_id,
            subject_id,
            purpose,
            decision_id,
            details=details,
        )
    )


def get_recipient(uow: UnitOfWork, key: str, field: str = "recipient") -> Recipient:
    r = uow.sharing.recipient(key)
    if r is None:
        raise NotFound(
            f"no recipient {key} in the register; see piiguard recipient list", field=field
        )
    return r


def officers(uow: UnitOfWork, kit: SharingKit) -> list[str]:
    """The privacy officers' addresses and the configured officer mailbox."""
    with uow:
        staff = uow.staff.accounts()
    return sorted(
        {a.email for a in staff if a.active and OFFICER in a.roles}
        | ({kit.officer_mail} if kit.officer_mail else set())
    )
