"""The vulnerability register's storage (R5.9), one row per identifier and system."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.domain.incidents.vulns import Vulnerability, VulnSeverity, VulnSource, VulnStatus
from piiguard.domain.ports import SecretBox

_V = t.vulnerabilities


def _vuln(r: Any, risk_reason: str) -> Vulnerability:
    return Vulnerability(
        r.id,
        r.identifier,
        r.system,
        r.title,
        VulnSource(r.source),
        VulnSeverity(r.severity),
        r.cvss,
        r.owner,
        r.found_at,
        r.due_at,
        VulnStatus(r.status),
        r.component,
        as_set(r.aliases),
        r.locations,
        r.reported_by,
        r.updated_at,
        r.fixed_at,
        r.verified_by,
        r.verified_at,
        risk_reason,
        r.risk_proposed_by,
        r.risk_proposed_at,
        r.risk_approved_by,
        r.risk_approved_at,
        r.risk_until,
        r.seen_at,
        r.fixed_by,
    )


def _row(v: Vulnerability) -> dict[str, Any]:
    return {
        "identifier": v.identifier,
        "system": v.system,
        "title": v.title,
        "source": v.source.value,
        "severity": v.severity.value,
        "cvss": v.cvss,
        "owner": v.owner,
        "found_at": v.found_at,
        "due_at": v.due_at,
        "status": v.status.value,
        "component": v.component,
        "aliases": as_json(v.aliases),
        "locations": v.locations,
        "reported_by": v.reported_by,
        "updated_at": v.updated_at,
        "fixed_at": v.fixed_at,
        "verified_by": v.verified_by,
        "verified_at": v.verified_at,
        "risk_reason": v.risk_reason,
        "risk_proposed_by": v.risk_proposed_by,
        "risk_proposed_at": v.risk_proposed_at,
        "risk_approved_by": v.risk_approved_by,
        "risk_approved_at": v.risk_approved_at,
        "risk_until": v.risk_until,
        "seen_at": v.seen_at,
        "fixed_by": v.fixed_by,
    }


class SqlVulns:
    """`box`: the reason a risk is accepted (an officer's words) is sealed with it at rest."""

    def __init__(self, conn: Connection, box: SecretBox | None = None) -> None:
        self._c = conn
        self._box = box

    def _row(self, v: Vulnerability) -> dict[str, Any]:
        row = _row(v)
        if v.risk_reason and self._box is not None:
            row["risk_reason"] = self._box.seal(v.risk_reason.encode(), f"vuln-risk:{v.id}")
        return row

    def _of(self, r: Any) -> Vulnerability:
        reason = r.risk_reason
        if reason and self._box is not None:
            reason = self._box.open(reason, f"vuln-risk:{r.id}").decode()
        return _vuln(r, reason)

    def add_vuln(self, v: Vulnerability) -> None:
        self._c.execute(insert(_V).values(id=v.id, **self._row(v)))

    def save_vuln(self, v: Vulnerability) -> None:
        self._c.execute(update(_V).where(_V.c.id == v.id).values(**self._row(v)))

    def vuln(self, vuln_id: str, *, lock: bool = False) -> Vulnerability | None:
        q = select(_V).where(_V.c.id == vuln_id)
        if lock and self._c.dialect.name == "postgresql":
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else self._of(r)

    def vuln_by_key(self, identifier: str, system: str) -> Vulnerability | None:
        q = select(_V).where(_V.c.identifier == identifier, _V.c.system == system)
        r = self._c.execute(q).first()
        return None if r is None else self._of(r)

    def vulns(
        self,
        statuses: Sequence[VulnStatus] = (),
        limit: int = 500,
        *,
        system: str | None = None,
        due_before: datetime | None = None,
    ) -> list[Vulnerability]:
        q = select(_V).order_by(_V.c.due_at, _V.c.id).limit(limit)
        if statuses:
            q = q.where(_V.c.status.in_([s.value for s in statuses]))
        if system is not None:
            q = q.where(_V.c.system == system)
        if due_before is not None:
            q = q.where(_V.c.due_at < due_before)
        return [self._of(r) for r in self._c.execute(q)]
