"""From discovery to the data map (R2.7, R6.3): personal data the scanner found where the
data map does not say it is held becomes a finding — deduplicated across runs, each with
its lifecycle."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from piiguard.domain.decisions import Actor
from piiguard.domain.policy.datamap import Finding, system_for
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.policy.datamap import record_finding
from piiguard.services.policy.snapshot import PolicySnapshots

DATE_OF_BIRTH = "user.demographic.date_of_birth"


@dataclass(frozen=True, slots=True)
class Discovered:
    """A category of personal data seen at a source (a file path, or db-url/table.column);
    never the value. `child` marks a date of birth of someone under the child age."""

    source: str
    category: str
    child: bool = False


@dataclass(frozen=True, slots=True)
class DiscoveryReport:
    opened: list[Finding]
    already_known: int
    registered: int  # seen where the data map says it is held


def report_discoveries(
    uow: UnitOfWork,
    policy: PolicySnapshots,
    clock: Clock,
    actor: Actor,
    found: Iterable[Discovered],
) -> DiscoveryReport:
    state = policy.read(uow)
    systems = list(state.systems.values())
    opened: list[Finding] = []
    known = registered = 0
    for d in sorted(set(found), key=lambda x: (x.source, x.category, x.child)):
        system = system_for(systems, d.source)
        if d.child:
            kind, detail = (
                "child_data_found",
                "a date of birth of a child: check that a verified guardian "
                "consented, or delete it as soon as possible (R6.3)",
            )
        elif system is None:
            kind, detail = (
                "unregistered_location",
                "personal data where no designated system is registered",
            )
        elif not any(state.taxonomy.is_within(d.category, c) for c in system.categories):
            kind, detail = (
                "category_not_registered",
                f"system {system.key} is not registered as holding this category",
            )
        else:
            registered += 1
            continue
        finding, changed = record_finding(uow, clock, actor, kind, d.source, d.category, detail)
        if changed:
            opened.append(finding)
        else:
            known += 1
    return DiscoveryReport(opened, known, registered)
