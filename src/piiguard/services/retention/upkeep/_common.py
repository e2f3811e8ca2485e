"""What the upkeep use cases share: what they need of the container's RequestKit (handed
in: retention sits below rights and may not import it), the actor of the periodic pass, an
audit entry, revealing a person's own items against a recorded decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Action, Actor, ActorKind
from piiguard.domain.ports import Clock, SecretBox, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.domain.rights.rules import RequestTerms
from piiguard.domain.subjects import RevealedItem
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.subjects.read import disclose

UPKEEP = Actor("upkeep", ActorKind.SYSTEM, frozenset({"system"}))
EMAIL = "user.contact.email"
LANGUAGE = "user.demographic.language"


class UpkeepKit(Protocol):
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
    def policy(self) -> PolicySnapshots: ...
    @property
    def terms(self) -> RequestTerms: ...
    @property
    def public_url(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def officer_mail(self) -> str: ...


def audited(
    uow: UnitOfWork,
    actor: Actor | str,
    action: str,
    target_type: str,
    target_id: str,
    subject_id: str = "",
    **details: DetailValue,
) -> None:
    kind, ident = (actor.kind.value, actor.id) if isinstance(actor, Actor) else ("subject", actor)
    uow.audit(
        AuditEvent(
            action, kind, ident, target_type, target_id, subject_id=subject_id, details=details
        )
    )


def reveal(
    uow: UnitOfWork,
    kit: UpkeepKit,
    actor: Actor,
    subject_id: str,
    categories: Sequence[str],
    *,
    answering: str | None = None,
) -> list[RevealedItem]:
    """The subject's items of these categories that a recorded decision allows (purpose
    legal_compliance: PIPL Art. 8 makes keeping data accurate the company's duty).
    `answering`: the person proved control of their contact with the one-time code of this
    confirmation request — their own data goes back to them as for a verified rights
    request (domain/access.py)."""
    [d] = decide_many(
        uow,
        kit.policy,
        kit.clock,
        [
            DecisionRequest(
                actor,
                subject_id,
                RIGHTS_PURPOSE,
                frozenset(categories),
                Action.USE if answering is None else Action.EXPORT,
                reveal=True,
                rights_request_id=answering,
            )
        ],
    )
    if not isinstance(d, Decided) or not d.allowed_items:
        return []
    [shown] = disclose(kit.vault, [d])
    return list(shown.items)


def officers(uow: UnitOfWork, kit: UpkeepKit) -> list[str]:
    """The privacy officers' addresses and the configured officer mailbox."""
    with uow:
        staff = uow.staff.accounts()
    return sorted(
        {a.email for a in staff if a.active and "privacy_officer" in a.roles}
        | ({kit.officer_mail} if kit.officer_mail else set())
    )
