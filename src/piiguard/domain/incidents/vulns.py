"""Vulnerabilities (R5.9): a register tracked until repaired — source, identifier, CVSS score
and severity, affected system, owner, found at, the remediation deadline its severity gives
(configurable), status; accepting the risk takes a reason and a second person's approval.
Pure: no clock reads, no I/O."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from piiguard.domain.errors import Conflict, InvalidInput


class VulnSource(StrEnum):
    SCAN = "scan"  # a scanner's report (pip-audit, SARIF tools, piiguard scan)
    PENTEST = "pentest"
    ADVISORY = "advisory"  # a vendor's or CERT's advisory
    REPORT = "report"  # someone told us


class VulnSeverity(StrEnum):
    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class VulnStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    FIXED = "fixed"  # the owner says it is repaired
    VERIFIED = "verified"  # someone else checked the repair
    RISK_PROPOSED = "risk_proposed"  # accepting the risk proposed, waiting for an approver
    ACCEPTED_RISK = "accepted_risk"  # accepted with a reason, by an approver (four eyes)

    @property
    def settled(self) -> bool:
        """No longer on a remediation clock."""
        return self in (VulnStatus.FIXED, VulnStatus.VERIFIED, VulnStatus.ACCEPTED_RISK)


# remediation deadlines by severity, in days (PIIGUARD_VULN_DAYS overrides)
DEFAULT_DAYS: dict[str, int] = {"critical": 7, "high": 30, "medium": 90, "low": 180}

# what each status may move to by an ordinary update (accepting a risk has its own steps)
MOVES: dict[VulnStatus, frozenset[VulnStatus]] = {
    VulnStatus.OPEN: frozenset({VulnStatus.IN_PROGRESS, VulnStatus.FIXED}),
    VulnStatus.IN_PROGRESS: frozenset({VulnStatus.OPEN, VulnStatus.FIXED}),
    VulnStatus.FIXED: frozenset({VulnStatus.VERIFIED, VulnStatus.OPEN}),
    VulnStatus.VERIFIED: frozenset({VulnStatus.OPEN}),
    VulnStatus.RISK_PROPOSED: frozenset(),
    VulnStatus.ACCEPTED_RISK: frozenset({VulnStatus.OPEN}),
}


def severity_of(cvss: float) -> VulnSeverity | None:
    """CVSS v3/v4 qualitative rating: 9.0+ critical, 7.0+ high, 4.0+ medium, 0.1+ low;
    0.0 (none) is not a vulnerability to track."""
    if not 0.0 <= cvss <= 10.0:
        raise InvalidInput("a CVSS score is from 0.0 to 10.0", field="cvss")
    for floor, level in (
        (9.0, VulnSeverity.CRITICAL),
        (7.0, VulnSeverity.HIGH),
        (4.0, VulnSeverity.MEDIUM),
        (0.1, VulnSeverity.LOW),
    ):
        if cvss >= floor:
            return level
    return None


def check_days(days: Mapping[str, int]) -> dict[str, int]:
    out = dict(DEFAULT_DAYS)
    for k, v in days.items():
        if k not in DEFAULT_DAYS:
            raise InvalidInput(f"severities are {sorted(DEFAULT_DAYS)}", field="vuln_days")
        if not 1 <= v <= 3650:
            raise InvalidInput("a remediation deadline is 1–3650 days", field="vuln_days")
        out[k] = v
    return out


def due_at(found_at: datetime, severity: VulnSeverity, days: Mapping[str, int]) -> datetime:
    return found_at + timedelta(days=days.get(severity.value, DEFAULT_DAYS[severity.value]))


_IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,199}")


def check_identifier(value: str) -> str:
    value = value.strip()
    if not _IDENT.fullmatch(value):
        raise InvalidInput(
            "an identifier such as CVE-2024-1234, GHSA-xxxx-xxxx-xxxx, PYSEC-2023-1 or a "
            "tool's rule id (letters, digits and . _ : / @ + -)",
            field="identifier",
        )
    return value


@dataclass(frozen=True, slots=True)
class Vulnerability:
    id: str
    identifier: str  # CVE / GHSA / OSV / PYSEC id, or tool:rule for SARIF findings
    system: str  # the affected system (a data-map key)
    title: str
    source: VulnSource
    severity: VulnSeverity
    cvss: float | None
    owner: str  # who repairs it (a team or a person's name)
    found_at: datetime
    due_at: datetime
    status: VulnStatus = VulnStatus.OPEN
    component: str = ""  # package==version, or the file where a tool found it
    aliases: frozenset[str] = frozenset()
    locations: int = 0  # how many places an imported report found it in
    reported_by: str = ""
    updated_at: datetime | None = None
    fixed_at: datetime | None = None
    verified_by: str | None = None
    verified_at: datetime | None = None
    risk_reason: str = ""
    risk_proposed_by: str | None = None
    risk_proposed_at: datetime | None = None
    risk_approved_by: str | None = None
    risk_approved_at: datetime | None = None
    risk_until: datetime | None = None  # an accepted risk is reviewed again then
    seen_at: datetime | None = None  # last time an import reported it
    fixed_by: str | None = None  # who marked it fixed: another person verifies

    def overdue(self, now: datetime) -> bool:
        return not self.status.settled and now > self.due_at


def may_move(v: Vulnerability, to: VulnStatus) -> None:
    if to not in MOVES[v.status]:
        raise Conflict(
            f"a vulnerability {v.status.value} cannot become {to.value}"
            + (
                "; accepting a risk is proposed (vuln accept-risk) and approved by another person"
                if to in (VulnStatus.ACCEPTED_RISK, VulnStatus.RISK_PROPOSED)
                else ""
            ),
            field="status",
        )
