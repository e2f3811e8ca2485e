"""What every start does after migrating: publish the shipped policy as version 1 if none
is published, finish interrupted key shredding, and open the first-account setup."""

from __future__ import annotations

from dataclasses import dataclass

from piiguard.domain.decisions import Actor
from piiguard.domain.ports import Clock, UnitOfWork, Vault
from piiguard.services.policy.versions import ensure_first_policy
from piiguard.services.staff.accounts import open_setup
from piiguard.services.subjects.erase import sweep_keys


@dataclass(frozen=True, slots=True)
class Initialised:
    policy_published: bool
    keys_swept: int
    setup_token: str | None  # shown once; only its hash is stored


def initialise(
    uow: UnitOfWork, vault: Vault, clock: Clock, actor: Actor, policy_text: str, setup_hours: float
) -> Initialised:
    published = ensure_first_policy(uow, clock, actor, policy_text)
    swept = sweep_keys(uow, vault, actor)
    return Initialised(published, swept, open_setup(uow, clock, setup_hours))
