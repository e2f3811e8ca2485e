"""What the incident and vulnerability use cases need besides a unit of work: the kit (what
they use of the container's RequestKit, handed in — services/rights sits above this package)
and their terms (settings, built in bootstrap)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from piiguard.domain.incidents.vulns import DEFAULT_DAYS
from piiguard.domain.ports import Clock, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.services.policy.snapshot import PolicySnapshots


class SecurityKit(Protocol):
    """What these use cases need of services/rights/kit.py's RequestKit."""

    @property
    def clock(self) -> Clock: ...
    @property
    def vault(self) -> Vault: ...
    @property
    def mailer(self) -> Mailer: ...
    @property
    def policy(self) -> PolicySnapshots: ...
    @property
    def public_url(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def officer_mail(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SecurityTerms:
    """The settings these use cases follow (config.py PIIGUARD_INCIDENT_… / VULN_…)."""

    mails_per_pass: int = 200  # notification mails at most per pass (throttle)
    sending_stale_minutes: float = 10.0  # a claim older than this was cut off by a crash
    vuln_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_DAYS))
