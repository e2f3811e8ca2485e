"""Filing a scanner's report in bulk (R5.9): pip-audit JSON or SARIF (any tool's, `piiguard
scan --format sarif` included; parsing in domain/incidents/imports.py), for one system of the
data map. Deduplicated by identifier + system: a finding already on the register is updated
(seen again, locations counted; one fixed or verified that a scan reports again is reopened),
a new one is recorded with the deadline its severity gives. One transaction: the whole
report or nothing. Audited as one entry with the counts, and one per new or reopened
vulnerability."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from piiguard.domain.decisions import Actor
from piiguard.domain.incidents.imports import parse_report
from piiguard.domain.incidents.model import check_text
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.incidents.vulns import (
    Vulnerability,
    VulnSeverity,
    VulnSource,
    VulnStatus,
    due_at,
)
from piiguard.domain.ports import Clock
from piiguard.services.ids import new_id
from piiguard.services.incidents._common import audited, require
from piiguard.services.incidents.vulns import RECORDERS, TARGET, check_system
from piiguard.services.policy.snapshot import PolicySnapshots


@dataclass(frozen=True, slots=True)
class ImportReport:
    findings: int  # distinct findings in the report
    new: int
    seen_again: int
    reopened: int
    ids: tuple[str, ...]  # the vulnerabilities the report touched


def import_report(
    uow: SecurityUnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    fmt: str,
    text: str | bytes,
    system: str,
    owner: str,
    days: Mapping[str, int],
    default_severity: VulnSeverity = VulnSeverity.HIGH,
) -> ImportReport:
    require(actor, RECORDERS, "imports a scanner's report")
    owner = check_text(owner, "owner", most=200)
    findings = parse_report(fmt, text)
    now = clock.now()
    new = again = reopened = 0
    ids: list[str] = []
    with uow:
        check_system(uow, policy, system)
        for f in findings:
            severity = f.severity or default_severity
            old = uow.vulns.vuln_by_key(f.identifier, system)
            if old is None:
                v = Vulnerability(
                    new_id(),
                    f.identifier,
                    system,
                    f.title,
                    VulnSource.SCAN,
                    severity,
                    f.cvss,
                    owner,
                    now,
                    due_at(now, severity, days),
                    component=f.component,
                    aliases=f.aliases,
                    locations=f.locations,
                    reported_by=actor.ref,
                    updated_at=now,
                    seen_at=now,
                )
                uow.vulns.add_vuln(v)
                audited(
                    uow,
                    actor,
                    "vuln.record",
                    TARGET,
                    v.id,
                    identifier=v.identifier,
                    system=system,
                    severity=severity.value,
                    status=v.status.value,
                    due_at=v.due_at.isoformat(),
                    imported=fmt,
                )
                new += 1
            else:
                v = replace(
                    old,
                    seen_at=now,
                    locations=f.locations,
                    aliases=old.aliases | f.aliases,
                    cvss=f.cvss if f.cvss is not None else old.cvss,
                    updated_at=now,
                )
                if old.status in (VulnStatus.FIXED, VulnStatus.VERIFIED):
                    # reported again after its repair: it is not repaired; a fresh deadline
                    v = replace(
                        v,
                        status=VulnStatus.OPEN,
                        fixed_at=None,
                        fixed_by=None,
                        verified_by=None,
                        verified_at=None,
                        found_at=now,
                        due_at=due_at(now, old.severity, days),
                    )
                    audited(
                        uow,
                        actor,
                        "vuln.reopen",
                        TARGET,
                        v.id,
                        identifier=v.identifier,
                        system=system,
                        was=old.status.value,
                        imported=fmt,
                    )
                    reopened += 1
                else:
                    again += 1
                uow.vulns.save_vuln(v)
            ids.append(v.id)
        audited(
            uow,
            actor,
            "vuln.import",
            "system",
            system,
            format=fmt,
            findings=len(findings),
            new=new,
            seen_again=again,
            reopened=reopened,
        )
        uow.commit()
    return ImportReport(len(findings), new, again, reopened, tuple(ids))
