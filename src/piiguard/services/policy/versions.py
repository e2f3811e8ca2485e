"""Published policy versions (R8.1): the first is the policy text the project ships."""

from __future__ import annotations

import hashlib

from piiguard.domain.accounts import PolicyVersion
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict
from piiguard.domain.ports import Clock, UnitOfWork


def publish_policy(
    uow: UnitOfWork, clock: Clock, actor: Actor, version: str, text: str
) -> PolicyVersion:
    pv = PolicyVersion(version, clock.now(), hashlib.sha256(text.encode()).hexdigest(), text)
    with uow:
        uow.registers.epoch(lock=True)  # publishers take turns (two first starts at once)
        if any(p.version == version for p in uow.policy_versions.list()):
            raise Conflict(f"policy version {version} is already published", field="version")
        uow.policy_versions.add(pv)
        uow.registers.bump()  # decisions and consents record the policy version in force
        uow.audit(
            AuditEvent(
                "policy.publish",
                actor.kind.value,
                actor.id,
                "policy",
                version,
                details={"sha256": pv.sha256},
            )
        )
        uow.commit()
    return pv


def ensure_first_policy(uow: UnitOfWork, clock: Clock, actor: Actor, text: str) -> bool:
    with uow:
        if uow.policy_versions.latest() is not None:
            return False
    try:
        publish_policy(uow, clock, actor, "1", text)
    except Conflict:
        return False  # another process starting at the same time published it
    return True


def current_policy(uow: UnitOfWork) -> PolicyVersion | None:
    with uow:
        return uow.policy_versions.latest()


def policy_history(uow: UnitOfWork) -> list[PolicyVersion]:
    with uow:
        return uow.policy_versions.list()
