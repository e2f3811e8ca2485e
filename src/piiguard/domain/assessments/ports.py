"""What the assessment use cases need from storage (`uow.assessments`,
adapters/db/stores/assessments/) and the unit of work that has it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from piiguard.domain.assessments.duties import ComplianceAudit
from piiguard.domain.assessments.model import Assessment, Case, Status
from piiguard.domain.ports import UnitOfWork


class AssessmentStore(Protocol):
    def add(self, a: Assessment) -> None: ...
    def get(self, assessment_id: str, *, lock: bool = False) -> Assessment | None: ...
    def save(self, a: Assessment) -> None: ...
    def delete(self, assessment_id: str) -> None: ...
    def listing(self, statuses: Sequence[Status] = (), limit: int = 500) -> list[Assessment]:
        """Newest first; answers and notes left out (empty) — `get` opens them."""

    def approved(self) -> list[Assessment]:
        """Every approved assessment in force, answers left out (the policy snapshot)."""

    def designations(self) -> list[tuple[str, Case, str, datetime]]:
        """(purpose, case, by, at) — the cases officers added per purpose."""

    def designate(self, purpose: str, case: Case, by: str, at: datetime) -> bool: ...
    def undesignate(self, purpose: str, case: Case) -> bool: ...
    def add_audit(self, a: ComplianceAudit) -> None: ...
    def audits(self, limit: int = 100) -> list[ComplianceAudit]: ...
    def people_held(self) -> int:
        """People whose personal information is held: subjects not erased."""

    def officers(self) -> int:
        """Active staff accounts holding the privacy_officer role."""


class AssessmentUnitOfWork(UnitOfWork, Protocol):
    """A unit of work with the assessment register (the adapters' SqlUnitOfWork is one)."""

    @property
    def assessments(self) -> AssessmentStore: ...
