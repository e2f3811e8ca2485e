"""The data map (R2.7, R5.6): designated systems and their approval, registered exports,
and findings with their lifecycle."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput, NotFound, at_most
from piiguard.domain.policy.datamap import (
    Approval,
    Export,
    Finding,
    FindingStatus,
    System,
    check_region,
    check_system_texts,
    move_finding,
)
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.subjects import check_slug
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots, check_categories


def register_system(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, system: System
) -> System:
    """Register or change a designated system's description. Its approval is kept as it is
    (a new system starts pending): only `set_system_status`, a privacy officer's step,
    approves, holds or retires it."""
    known = policy.read(uow).systems.get(system.key)
    return save_system(
        uow,
        policy,
        clock,
        actor,
        replace(
            system,
            status=known.status if known else Approval.PENDING,
            cloud_approved=known.cloud_approved if known else False,
        ),
    )


def save_system(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, system: System
) -> System:
    """Store a system as given (approval included)."""
    check_slug(system.key, "key")
    check_system_texts(system)
    system = replace(system, region=check_region(system.region))
    if not system.name.strip() or not system.owner.strip():
        raise InvalidInput(
            "a system needs a name and an owner",
            field="name" if not system.name.strip() else "owner",
        )
    with uow:
        state = policy.current(uow)
        check_categories(state.taxonomy, system.categories)
        for p in system.purposes:
            if p not in state.register.rules:
                raise NotFound(f"no purpose {p!r} in the register", field="purposes")
        uow.registers.save_system(system, clock.now())
        uow.registers.bump()
        uow.audit(
            AuditEvent(
                "system.save",
                actor.kind.value,
                actor.id,
                "system",
                system.key,
                details={
                    "status": system.status.value,
                    "region": system.region,
                    "cloud_approved": system.cloud_approved,
                },
            )
        )
        uow.commit()
    return system


def set_system_status(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    key: str,
    status: Approval,
    *,
    cloud_approved: bool | None = None,
) -> System:
    state = policy.read(uow)
    system = state.systems.get(key)
    if system is None:
        raise NotFound(f"no system {key!r} in the data map", field="key")
    changed = replace(
        system,
        status=status,
        cloud_approved=system.cloud_approved if cloud_approved is None else cloud_approved,
    )
    return save_system(uow, policy, clock, actor, changed)


def list_systems(uow: UnitOfWork, policy: PolicySnapshots) -> list[System]:
    return sorted(policy.read(uow).systems.values(), key=lambda s: s.key)


def register_export(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    system: str,
    recipient: str,
    categories: frozenset[str],
    purpose: str,
    expires_at: datetime,
) -> Export:
    now = clock.now()
    if expires_at <= now:
        raise InvalidInput("an export must expire in the future", field="expires_at")
    if not categories:
        raise InvalidInput("name the categories exported", field="categories")
    at_most(recipient, 128, "recipient")  # the API's limit, for the console and CLI too
    with uow:
        state = policy.current(uow)
        if system not in state.systems:
            raise NotFound(f"no system {system!r} in the data map", field="system")
        check_categories(state.taxonomy, categories)
        state.register.get(purpose)
        export = Export(
            new_id(), system, recipient.strip(), actor.ref, categories, purpose, now, expires_at
        )
        uow.registers.add_export(export)
        uow.audit(
            AuditEvent(
                "export.register",
                actor.kind.value,
                actor.id,
                "export",
                export.id,
                purpose=purpose,
                details={"system": system},
            )
        )
        uow.commit()
    return export


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record_finding(
    uow: UnitOfWork, clock: Clock, actor: Actor, kind: str, source: str, category: str, detail: str
) -> tuple[Finding, bool]:
    """Open a finding unless the same one (kind, source, category) is known; a fixed one
    that shows up again is reopened. Returns the finding and whether anything changed."""
    fp = _fingerprint(kind, source, category)
    with uow:
        known = uow.registers.finding_by_fingerprint(fp)
        now = clock.now()
        if known is not None and known.status is not FindingStatus.FIXED:
            return known, False
        finding = (
            Finding(new_id(), fp, kind, source, category, detail, FindingStatus.OPEN, now)
            if known is None
            else move_finding(known, FindingStatus.OPEN)
        )
        uow.registers.save_finding(finding, now)
        uow.audit(
            AuditEvent(
                "finding.open",
                actor.kind.value,
                actor.id,
                "finding",
                finding.id,
                details={"kind": kind, "category": category},
            )
        )
        uow.commit()
    return finding, True


def review_exports(uow: UnitOfWork, clock: Clock, actor: Actor) -> list[Finding]:
    """Every expired export becomes a finding (R2.7): the copy should have been deleted."""
    with uow:
        expired = [e for e in uow.registers.exports() if e.expired(clock.now())]
    opened = []
    for e in expired:
        f, changed = record_finding(
            uow,
            clock,
            actor,
            "expired_export",
            f"export:{e.id}",
            ",".join(sorted(e.categories)),
            f"export to {e.recipient} from {e.system} for {e.purpose} "
            f"expired {e.expires_at.isoformat()}",
        )
        if changed:
            opened.append(f)
    return opened


def update_finding(
    uow: UnitOfWork,
    clock: Clock,
    actor: Actor,
    finding_id: str,
    status: FindingStatus,
    *,
    assignee: str | None = None,
    reason: str | None = None,
) -> Finding:
    with uow:
        f = uow.registers.finding(finding_id)
        if f is None:
            raise NotFound(f"no finding {finding_id}", field="finding_id")
        moved = move_finding(f, status, assignee=assignee, reason=reason)
        uow.registers.save_finding(moved, clock.now())
        uow.audit(
            AuditEvent(
                f"finding.{status.value}",
                actor.kind.value,
                actor.id,
                "finding",
                finding_id,
                details={"assignee": assignee},
            )
        )
        uow.commit()
    return moved


def list_findings(uow: UnitOfWork, status: FindingStatus | None = None) -> list[Finding]:
    with uow:
        return uow.registers.findings(status)


def list_exports(uow: UnitOfWork) -> list[Export]:
    with uow:
        return uow.registers.exports()
