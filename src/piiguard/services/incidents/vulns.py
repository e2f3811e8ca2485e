"""The vulnerability register (R5.9): recording a vulnerability (its remediation deadline from
its severity, configurable), moving it through in progress, fixed and verified (by someone
other than who fixed it), accepting its risk — a reason proposed by one person, approved by
a privacy officer who is not that person (four eyes) — and escalating the overdue ones to
the privacy officers (escalation_pass, a periodic job). Imports: vuln_import.py. Every step
is an audit entry on target vulnerability/<id>."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, Forbidden, FourEyes, InvalidInput, MailError, NotFound
from piiguard.domain.incidents.model import check_text
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.incidents.vulns import (
    Vulnerability,
    VulnSeverity,
    VulnSource,
    VulnStatus,
    check_identifier,
    due_at,
    may_move,
    severity_of,
)
from piiguard.domain.ports import Clock
from piiguard.domain.rights.deadlines import ESCALATION
from piiguard.services.ids import new_id
from piiguard.services.incidents import mail
from piiguard.services.incidents._common import (
    HANDLERS,
    OFFICER,
    SCHEDULER,
    SecurityKit,
    officer_addresses,
    require,
    require_person,
)
from piiguard.services.policy.snapshot import PolicySnapshots

log = logging.getLogger(__name__)
TARGET = "vulnerability"
OFFICERS = frozenset({OFFICER})
RECORDERS = HANDLERS | {"system"}


@dataclass(frozen=True, slots=True)
class VulnFacts:
    identifier: str
    system: str
    title: str
    source: VulnSource
    owner: str
    severity: VulnSeverity | None = None  # None: from the CVSS score
    cvss: float | None = None
    found_at: datetime | None = None  # None: now
    component: str = ""
    aliases: frozenset[str] = frozenset()


def get_vuln(uow: SecurityUnitOfWork, vuln_id: str, *, lock: bool = False) -> Vulnerability:
    found = uow.vulns.vuln(vuln_id, lock=lock)
    if found is None:
        raise NotFound(f"no vulnerability {vuln_id}", field="vuln_id")
    return found


def check_system(uow: SecurityUnitOfWork, policy: PolicySnapshots, system: str) -> str:
    if system not in policy.current(uow).systems:
        raise NotFound(f"no system {system} in the data map", field="system")
    return system


def severity_for(f: VulnFacts) -> VulnSeverity:
    if f.cvss is not None:
        scored = severity_of(f.cvss)
        if f.severity is None:
            if scored is None:
                raise InvalidInput("a CVSS score of 0.0 is no vulnerability", field="cvss")
            return scored
    if f.severity is None:
        raise InvalidInput("give a severity or a CVSS score", field="severity")
    return f.severity


def record_vuln(
    uow: SecurityUnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    f: VulnFacts,
    days: Mapping[str, int],
) -> Vulnerability:
    """A new vulnerability; one already on the register for this identifier and system
    is a Conflict naming it (deduplicated by identifier + system)."""
    require(actor, RECORDERS, "records a vulnerability")
    ident = check_identifier(f.identifier)
    title = check_text(f.title, "title", most=300)
    owner = check_text(f.owner, "owner", most=200)
    severity = severity_for(f)
    now = clock.now()
    found = f.found_at or now
    if found > now:
        raise InvalidInput("found_at is in the future", field="found_at")
    with uow:
        check_system(uow, policy, f.system)
        if (old := uow.vulns.vuln_by_key(ident, f.system)) is not None:
            raise Conflict(
                f"{ident} on {f.system} is on the register already ({old.id})", field="identifier"
            )
        v = Vulnerability(
            new_id(),
            ident,
            f.system,
            title,
            f.source,
            severity,
            f.cvss,
            owner,
            found,
            due_at(found, severity, days),
            component=f.component[:500],
            aliases=f.aliases,
            reported_by=actor.ref,
            updated_at=now,
        )
        uow.vulns.add_vuln(v)
        _audit(uow, actor, "vuln.record", v)
        uow.commit()
    return v


def _audit(
    uow: SecurityUnitOfWork, actor: Actor, action: str, v: Vulnerability, **more: DetailValue
) -> None:
    details: dict[str, DetailValue] = {
        "identifier": v.identifier,
        "system": v.system,
        "severity": v.severity.value,
        "status": v.status.value,
        "due_at": v.due_at.isoformat(),
        **more,
    }
    uow.audit(AuditEvent(action, actor.kind.value, actor.id, TARGET, v.id, details=details))


def update_vuln(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    vuln_id: str,
    *,
    status: VulnStatus | None = None,
    owner: str | None = None,
    severity: VulnSeverity | None = None,
    days: Mapping[str, int] | None = None,
) -> Vulnerability:
    """Move a vulnerability (open → in progress → fixed → verified; reopened from any of
    them), change its owner or severity (the deadline follows, from when it was found).
    Verifying the fix is another person's (four eyes)."""
    require(actor, HANDLERS, "changes a vulnerability")
    now = clock.now()
    with uow:
        v = get_vuln(uow, vuln_id, lock=True)
        new = v
        if owner is not None:
            new = replace(new, owner=check_text(owner, "owner", most=200))
        if severity is not None and severity is not v.severity:
            new = replace(new, severity=severity, due_at=due_at(v.found_at, severity, days or {}))
        if status is not None and status is not v.status:
            may_move(v, status)
            if status is VulnStatus.VERIFIED:
                require_person(actor, "verifies a fix")
                if actor.ref == v.fixed_by:
                    raise Forbidden("another person verifies the fix: you marked it fixed")
                new = replace(new, verified_by=actor.ref, verified_at=now)
            if status is VulnStatus.FIXED:
                new = replace(
                    new, fixed_at=now, fixed_by=actor.ref, verified_by=None, verified_at=None
                )
            if status is VulnStatus.OPEN:
                new = replace(
                    new,
                    fixed_at=None,
                    fixed_by=None,
                    verified_by=None,
                    verified_at=None,
                    risk_approved_by=None,
                    risk_approved_at=None,
                )
            new = replace(new, status=status)
        if new == v:
            return v
        new = replace(new, updated_at=now)
        uow.vulns.save_vuln(new)
        _audit(
            uow, actor, "vuln.update", new, was=v.status.value, owner_changed=new.owner != v.owner
        )
        uow.commit()
    return new


def propose_risk(
    uow: SecurityUnitOfWork,
    clock: Clock,
    actor: Actor,
    vuln_id: str,
    reason: str,
    until: datetime | None,
) -> Vulnerability:
    """Propose accepting the risk instead of repairing: the reason, and until when (then it
    is looked at again). In force once a privacy officer other than the proposer approves."""
    require(actor, HANDLERS, "proposes to accept a vulnerability's risk")
    require_person(actor, "proposes to accept a risk")
    reason = check_text(reason, "reason", most=5000)
    now = clock.now()
    if until is not None and until <= now:
        raise InvalidInput("until is already past", field="until")
    with uow:
        v = get_vuln(uow, vuln_id, lock=True)
        if v.status in (VulnStatus.RISK_PROPOSED, VulnStatus.ACCEPTED_RISK, VulnStatus.VERIFIED):
            raise Conflict(f"the vulnerability is {v.status.value}", field="vuln_id")
        new = replace(
            v,
            status=VulnStatus.RISK_PROPOSED,
            risk_reason=reason,
            risk_proposed_by=actor.ref,
            risk_proposed_at=now,
            risk_until=until,
            risk_approved_by=None,
            risk_approved_at=None,
            updated_at=now,
        )
        uow.vulns.save_vuln(new)
        _audit(uow, actor, "vuln.risk.propose", new, was=v.status.value)
        uow.commit()
    return new


def decide_risk(
    uow: SecurityUnitOfWork, clock: Clock, actor: Actor, vuln_id: str, approve: bool, note: str = ""
) -> Vulnerability:
    """A privacy officer other than the proposer approves (accepted risk) or rejects
    (back to open, the reason given)."""
    require(actor, OFFICERS, "decides on accepting a risk")
    require_person(actor, "decides on accepting a risk")
    now = clock.now()
    with uow:
        v = get_vuln(uow, vuln_id, lock=True)
        if v.status is not VulnStatus.RISK_PROPOSED:
            raise Conflict(
                f"the vulnerability is {v.status.value}, not risk_proposed", field="vuln_id"
            )
        if actor.ref == v.risk_proposed_by:
            raise FourEyes(
                "another privacy officer approves accepting this risk: you proposed it (four eyes)"
            )
        if approve:
            new = replace(
                v,
                status=VulnStatus.ACCEPTED_RISK,
                risk_approved_by=actor.ref,
                risk_approved_at=now,
                updated_at=now,
            )
        else:
            check_text(note, "note", most=2000)
            new = replace(v, status=VulnStatus.OPEN, updated_at=now)
        uow.vulns.save_vuln(new)
        _audit(uow, actor, "vuln.risk.approve" if approve else "vuln.risk.reject", new)
        uow.commit()
    return new


def list_vulns(
    uow: SecurityUnitOfWork,
    statuses: tuple[VulnStatus, ...] = (),
    limit: int = 500,
    system: str | None = None,
) -> list[Vulnerability]:
    with uow:
        return uow.vulns.vulns(statuses, limit, system=system)


def overdue_vulns(uow: SecurityUnitOfWork, now: datetime, limit: int = 1000) -> list[Vulnerability]:
    open_ = (VulnStatus.OPEN, VulnStatus.IN_PROGRESS, VulnStatus.RISK_PROPOSED)
    with uow:
        late = uow.vulns.vulns(open_, limit, due_before=now)
        expired = [
            v
            for v in uow.vulns.vulns((VulnStatus.ACCEPTED_RISK,), limit)
            if v.risk_until is not None and v.risk_until < now
        ]
    return late + expired


def escalation_pass(uow: SecurityUnitOfWork, kit: SecurityKit) -> int:
    """Overdue vulnerabilities (and accepted risks past their until) escalated to the
    privacy officers, once per deadline; how many were escalated."""
    now = kit.clock.now()
    late = overdue_vulns(uow, now)
    if not late:
        return 0
    officers = officer_addresses(uow, kit)
    n = 0
    for v in late:
        risk = v.status is VulnStatus.ACCEPTED_RISK and v.risk_until is not None
        # once per deadline: a vulnerability reopened with a new deadline escalates again
        due = v.risk_until if risk and v.risk_until else v.due_at
        label = f"{'risk_review' if risk else ESCALATION}@{due:%Y%m%d%H%M%S}"
        target = f"vuln/{v.id}"
        with uow:
            claimed = uow.incidents.add_notice(target, label, now, True)
            if claimed:
                _audit(uow, SCHEDULER, "vuln.escalate", v, notice=label)
            uow.commit()
        if not claimed:
            continue
        try:
            for address in officers:
                kit.mailer.send(mail.vuln_escalation(kit, v, address))
        except MailError as e:
            log.warning(
                "vulnerability %s: escalation not sent (%s)",
                v.id,
                e.reply_code or "server unreachable",
            )
            with uow:
                uow.incidents.drop_notice(target, label)
                uow.commit()
            continue
        n += 1
    return n
