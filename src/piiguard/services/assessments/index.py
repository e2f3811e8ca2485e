"""What the policy snapshot (services/policy/snapshot.py) reads of the assessment register:
the approved assessments in force and the designated cases, as the decision point's index."""

from __future__ import annotations

from typing import cast

from piiguard.domain.assessments.ports import AssessmentStore, AssessmentUnitOfWork
from piiguard.domain.assessments.rule import AssessmentIndex, Coverage
from piiguard.domain.ports import UnitOfWork


def store(uow: UnitOfWork) -> AssessmentStore:
    """The register on a unit of work (SqlUnitOfWork has it; domain/assessments/ports.py)."""
    return cast(AssessmentUnitOfWork, uow).assessments


def load_index(uow: UnitOfWork) -> AssessmentIndex:
    s = store(uow)
    return AssessmentIndex.of(
        (Coverage(a.id, a.scope) for a in s.approved()),
        ((purpose, case) for purpose, case, _, _ in s.designations()),
    )
