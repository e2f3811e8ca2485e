"""Wiring of custody's seam to the incident register (issue 16; R5.4, R5.8): a removable
medium gone missing with personal data is reported as an incident — confidentiality, the
lowest severity until an officer grades it, the home jurisdiction, the medium's system and
categories, detected when it was reported missing — by the custody system actor. Its
clocks then run as any incident's (services/incidents/). Ids, keys and flags only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from piiguard.domain.custody.ports import IncidentOpener
from piiguard.domain.custody.records import MissingMedium
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.incidents.model import JURISDICTIONS, IncidentKind, Severity
from piiguard.services.incidents.register import IncidentFacts, report_incident

if TYPE_CHECKING:
    from piiguard.bootstrap import Container

CUSTODY = Actor("custody", ActorKind.SYSTEM, frozenset({"system"}))


def incident_opener(c: Container) -> IncidentOpener:
    home = c.settings.home_region.upper()
    where = frozenset({home if home in JURISDICTIONS else "CN"})

    def open_incident(missing: MissingMedium) -> str:
        how = "encrypted" if missing.encrypted else "NOT encrypted"
        facts = IncidentFacts(
            title=f"Removable medium {missing.identifier} missing / 移动介质丢失",
            description=(
                f"Removable medium {missing.identifier} ({missing.kind}, {how}) holding "
                f"{', '.join(sorted(missing.categories))} from system {missing.system or '—'} "
                f"was reported missing by {missing.reported_by}"
                + (f" at inventory {missing.inventory_id}" if missing.inventory_id else "")
                + f". Medium record: {missing.medium_id} (docs/custody.md)."
            ),
            kind=IncidentKind.CONFIDENTIALITY,
            severity=Severity.GENERAL,
            jurisdictions=where,
            systems=frozenset({missing.system}) if missing.system else frozenset(),
            categories=missing.categories,
            detected_at=missing.reported_at,
        )
        return report_incident(c.security_uow(), c.snapshots, c.clock, CUSTODY, facts).id

    return open_incident
