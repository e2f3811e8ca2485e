"""The data map (R2.7, R5.6): designated systems, registered exports, and findings.

Data is held "in as few places as necessary": a system must be approved (and its cloud
provider too) before personal data flows to it; an export out of a system is registered
with who, what, why and until when; anything else found is a finding to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import Conflict, InvalidInput, at_most


class Approval(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    RETIRED = "retired"


@dataclass(frozen=True, slots=True)
class System:
    key: str
    name: str
    owner: str  # staff id or team name
    kind: str  # erp, crm, after_sales, email, file_share, cloud, ...
    region: str  # ISO 3166-1 alpha-2, e.g. CN
    status: Approval
    cloud_provider: str | None = None
    cloud_approved: bool = False
    categories: frozenset[str] = frozenset()
    purposes: frozenset[str] = frozenset()
    # where it keeps data: path prefixes (/srv/erp/) or database URLs without password
    locations: frozenset[str] = frozenset()

    def location_of(self, source: str) -> str | None:
        """The location of this system that holds `source` (the longest), if any."""
        hits = [
            loc
            for loc in self.locations
            if source == loc or source.startswith(loc.rstrip("/") + "/")
        ]
        return max(hits, key=len) if hits else None

    def holds(self, source: str) -> bool:
        return self.location_of(source) is not None

    @property
    def usable(self) -> bool:
        return self.status is Approval.APPROVED and (
            self.cloud_provider is None or self.cloud_approved
        )


MAX_LOCATIONS = 100
MAX_LOCATION_CHARS = 2048  # a path prefix or a database URL


def check_system_texts(system: System) -> None:
    """The API's limits of a system's texts, kept here so that the console and the CLI keep
    them too; each refusal names its field."""
    at_most(system.name, 128, "name")
    at_most(system.owner, 128, "owner")
    at_most(system.cloud_provider or "", 64, "cloud_provider")
    if len(system.locations) > MAX_LOCATIONS:
        raise InvalidInput(f"at most {MAX_LOCATIONS} locations", field="locations")
    for loc in system.locations:
        at_most(loc, MAX_LOCATION_CHARS, "locations")


def check_region(region: str) -> str:
    region = region.strip().upper()
    if len(region) != 2 or not region.isalpha():
        raise InvalidInput(
            "region must be an ISO 3166-1 alpha-2 code such as CN or DE", field="region"
        )
    return region


@dataclass(frozen=True, slots=True)
class Export:
    id: str
    system: str
    recipient: str
    requested_by: str
    categories: frozenset[str]
    purpose: str
    created_at: datetime
    expires_at: datetime

    def expired(self, at: datetime) -> bool:
        return at >= self.expires_at


class FindingStatus(StrEnum):
    OPEN = "open"
    ASSIGNED = "assigned"
    FIXED = "fixed"
    ACCEPTED_RISK = "accepted_risk"


_MOVES: dict[FindingStatus, frozenset[FindingStatus]] = {
    FindingStatus.OPEN: frozenset(
        {FindingStatus.ASSIGNED, FindingStatus.FIXED, FindingStatus.ACCEPTED_RISK}
    ),
    FindingStatus.ASSIGNED: frozenset(
        {FindingStatus.FIXED, FindingStatus.ACCEPTED_RISK, FindingStatus.OPEN}
    ),
    FindingStatus.FIXED: frozenset({FindingStatus.OPEN}),  # it came back
    FindingStatus.ACCEPTED_RISK: frozenset({FindingStatus.OPEN}),
}


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    fingerprint: str  # deduplicates the same finding across runs
    kind: str  # unregistered_location, expired_export, unregistered_export, child_without_consent
    source: str
    category: str
    detail: str
    status: FindingStatus
    created_at: datetime
    assignee: str | None = None
    reason: str | None = None


def move_finding(
    finding: Finding, to: FindingStatus, *, assignee: str | None = None, reason: str | None = None
) -> Finding:
    if to not in _MOVES[finding.status]:
        raise Conflict(
            f"a finding that is {finding.status.value} cannot become {to.value}", field="status"
        )
    if to is FindingStatus.ASSIGNED and not assignee:
        raise InvalidInput("assigning a finding needs an assignee", field="assignee")
    if to is FindingStatus.ACCEPTED_RISK and not (reason or "").strip():
        raise InvalidInput("accepting a risk needs a reason", field="reason")
    return Finding(
        finding.id,
        finding.fingerprint,
        finding.kind,
        finding.source,
        finding.category,
        finding.detail,
        to,
        finding.created_at,
        assignee if to is FindingStatus.ASSIGNED else finding.assignee,
        reason if to is FindingStatus.ACCEPTED_RISK else None,
    )


def system_for(systems: Iterable[System], source: str) -> System | None:
    """The registered system whose location holds `source` (the most specific one)."""
    best: tuple[int, System] | None = None
    for s in systems:
        loc = s.location_of(source)
        if loc is not None and (best is None or len(loc) > best[0]):
            best = (len(loc), s)
    return best[1] if best else None
