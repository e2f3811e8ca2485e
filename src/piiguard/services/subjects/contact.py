"""A person's own contact, read for a duty the company has towards them (telling them of a
policy change, PIPL Art. 17; of a transfer abroad, Art. 39): the items come out through a
recorded decision of purpose legal_compliance, decided and committed before anything is
decrypted — like any other read. Shared by the policy-version notices (services/notices)
and the notices before a first transfer abroad (services/sharing/notice.py)."""

from __future__ import annotations

from collections.abc import Sequence

from piiguard.domain.access import RIGHTS_PURPOSE
from piiguard.domain.decisions import Action, Actor
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.domain.subjects import RevealedItem
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.policy.snapshot import PolicySnapshots
from piiguard.services.subjects.read import disclose

EMAIL = "user.contact.email"
LANGUAGE = "user.demographic.language"


def reveal_for_duty(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    vault: Vault,
    actor: Actor,
    subject_id: str,
    categories: Sequence[str],
    *,
    answering: str | None = None,
) -> list[RevealedItem]:
    """The subject's items of these categories that a recorded decision allows (purpose
    legal_compliance). `answering`: the person proved control of their address with a
    one-time code — their own data goes back to them as for a verified rights request."""
    [d] = decide_many(
        uow,
        policy,
        clock,
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
    [shown] = disclose(vault, [d])
    return list(shown.items)


def own_contact(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    vault: Vault,
    actor: Actor,
    subject_id: str,
) -> tuple[str | None, str]:
    """The person's first email address we may use (None: none) and language (zh/en)."""
    items = reveal_for_duty(uow, policy, clock, vault, actor, subject_id, [EMAIL, LANGUAGE])
    emails = sorted(i.value for i in items if i.record.category == EMAIL and i.value)
    lang = next((i.value for i in items if i.record.category == LANGUAGE and i.value), "")
    return (emails[0] if emails else None), ("en" if lang.lower().startswith("en") else "zh")
