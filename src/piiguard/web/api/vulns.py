"""Vulnerabilities tracked until repaired (R5.9): the register, status changes (a fix
verified by another person), accepting a risk (a reason, another privacy officer's approval),
and scanners' reports filed in bulk — pip-audit JSON and SARIF, `piiguard scan --format
sarif` included — deduplicated by identifier + system. docs/incidents.md."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, status

from piiguard.domain.incidents.vulns import VulnStatus
from piiguard.services.incidents import vuln_import, vulns
from piiguard.services.incidents.vulns import VulnFacts
from piiguard.web.api.schemas.incidents import (
    ImportIn,
    ImportOut,
    RiskDecisionIn,
    RiskIn,
    VulnIn,
    VulnOut,
    VulnPatch,
)
from piiguard.web.authz import Authorized
from piiguard.web.deps import ContainerDep

router = APIRouter(prefix="/api/v1", tags=["vulnerabilities"])
P = "/vulnerabilities"
V = P + "/{vuln_id}"


@router.get(P, response_model=list[VulnOut])
def list_vulns(
    c: ContainerDep,
    actor: Authorized,
    status_: Annotated[VulnStatus | None, Query(alias="status")] = None,
    system: Annotated[str | None, Query(max_length=64)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> list[VulnOut]:
    """The register, earliest deadline first."""
    del actor
    now = c.clock.now()
    found = vulns.list_vulns(
        c.security_uow(readonly=True), (status_,) if status_ else (), limit, system
    )
    return [VulnOut.of(v, now) for v in found]


@router.post(P, status_code=status.HTTP_201_CREATED, response_model=VulnOut)
def record_vuln(body: VulnIn, c: ContainerDep, actor: Authorized) -> VulnOut:
    """A vulnerability; its deadline from its severity (or CVSS score). 409 when the
    identifier is on the register for that system already."""
    f = VulnFacts(
        body.identifier,
        body.system,
        body.title,
        body.source,
        body.owner,
        body.severity,
        body.cvss,
        body.found_at,
        body.component,
        frozenset(body.aliases),
    )
    v = vulns.record_vuln(c.security_uow(), c.snapshots, c.clock, actor, f, c.security.vuln_days)
    return VulnOut.of(v, c.clock.now())


@router.post(P + "/import", response_model=ImportOut)
def import_report(body: ImportIn, c: ContainerDep, actor: Authorized) -> ImportOut:
    """A scanner's report filed in bulk for one system: `format` pip-audit or sarif,
    `report` the tool's JSON as it wrote it. A SARIF result's message is never kept (a
    personal-data scanner puts the value it found there). All or nothing."""
    got = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        actor,
        body.format,
        json.dumps(body.report),
        body.system,
        body.owner,
        c.security.vuln_days,
        body.default_severity,
    )
    return ImportOut.of(got)


@router.get(V, response_model=VulnOut)
def get_vuln(vuln_id: str, c: ContainerDep, actor: Authorized) -> VulnOut:
    del actor
    with c.security_uow(readonly=True) as uow:
        v = vulns.get_vuln(uow, vuln_id)
    return VulnOut.of(v, c.clock.now())


@router.patch(V, response_model=VulnOut)
def update_vuln(vuln_id: str, body: VulnPatch, c: ContainerDep, actor: Authorized) -> VulnOut:
    """Status (open, in_progress, fixed, verified — by someone other than who fixed it),
    owner, severity (the deadline follows)."""
    v = vulns.update_vuln(
        c.security_uow(),
        c.clock,
        actor,
        vuln_id,
        status=body.status,
        owner=body.owner,
        severity=body.severity,
        days=c.security.vuln_days,
    )
    return VulnOut.of(v, c.clock.now())


@router.post(V + "/accept-risk", response_model=VulnOut)
def propose_risk(vuln_id: str, body: RiskIn, c: ContainerDep, actor: Authorized) -> VulnOut:
    """Propose accepting the risk: the reason, until when; another privacy officer approves."""
    v = vulns.propose_risk(c.security_uow(), c.clock, actor, vuln_id, body.reason, body.until)
    return VulnOut.of(v, c.clock.now())


@router.post(V + "/accept-risk/approve", response_model=VulnOut)
def approve_risk(vuln_id: str, c: ContainerDep, actor: Authorized) -> VulnOut:
    """Four eyes: a privacy officer other than the proposer (after re-authentication)."""
    v = vulns.decide_risk(c.security_uow(), c.clock, actor, vuln_id, True)
    return VulnOut.of(v, c.clock.now())


@router.post(V + "/accept-risk/reject", response_model=VulnOut)
def reject_risk(vuln_id: str, body: RiskDecisionIn, c: ContainerDep, actor: Authorized) -> VulnOut:
    """Refuse: back to open, saying why."""
    v = vulns.decide_risk(c.security_uow(), c.clock, actor, vuln_id, False, body.note)
    return VulnOut.of(v, c.clock.now())
