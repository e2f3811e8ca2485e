"""What the notice use cases share: what they need of the container's RequestKit (handed
in: this package sits below rights and may not import it), the actor of the periodic pass,
an audit entry, a person's own contact revealed against a recorded decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import NotFound
from piiguard.domain.policy.notices import Notice
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.domain.rights.rules import RequestTerms
from piiguard.domain.subjects import RevealedItem
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.subjects.contact import EMAIL, LANGUAGE, own_contact, reveal_for_duty

__all__ = [
    "EMAIL",
    "LANGUAGE",
    "NOTIFIER",
    "TARGET",
    "NoticeKit",
    "audited",
    "contact",
    "contact_hash",
    "get_notice",
    "reveal",
]

NOTIFIER = Actor("policy-notices", ActorKind.SYSTEM, frozenset({"system"}))
TARGET = "policy_notice"


class NoticeKit(Protocol):
    """What these use cases need of services/rights/kit.py's RequestKit."""

    @property
    def clock(self) -> Clock: ...
    @property
    def vault(self) -> Vault: ...
    @property
    def mailer(self) -> Mailer: ...
    @property
    def policy(self) -> PolicySnapshots: ...
    @property
    def terms(self) -> RequestTerms: ...
    @property
    def public_url(self) -> str: ...
    @property
    def company(self) -> str: ...


def audited(uow: UnitOfWork, actor: Actor, action: str, n: Notice, **details: DetailValue) -> None:
    uow.audit(
        AuditEvent(
            action,
            actor.kind.value,
            actor.id,
            TARGET,
            n.ref,
            subject_id=n.subject_id,
            details={"version": n.version, **details},
        )
    )


def reveal(
    uow: UnitOfWork,
    kit: NoticeKit,
    subject_id: str,
    categories: Sequence[str],
    *,
    answering: str | None = None,
) -> list[RevealedItem]:
    """The subject's items of these categories that a recorded decision allows (purpose
    legal_compliance: telling people of a change is the company's duty, PIPL Art. 17).
    `answering`: the person proved control of their address with the one-time code of this
    notice — their own data goes back to them as for a verified rights request."""
    return reveal_for_duty(
        uow, kit.policy, kit.clock, kit.vault, NOTIFIER, subject_id, categories, answering=answering
    )


def contact(uow: UnitOfWork, kit: NoticeKit, subject_id: str) -> tuple[str | None, str]:
    """The person's first email address we may use (None: none) and language (zh/en)."""
    return own_contact(uow, kit.policy, kit.clock, kit.vault, NOTIFIER, subject_id)


def contact_hash(kit: NoticeKit, address: str) -> str:
    return kit.vault.keyed_hash(f"policy-notice-contact|{address.strip().lower()}")


def get_notice(uow: UnitOfWork, version: str, subject_id: str, *, lock: bool = False) -> Notice:
    found = uow.notices.get(version, subject_id, lock=lock)
    if found is None:
        raise NotFound(f"no notice of version {version} to {subject_id}", field="subject_id")
    return found
