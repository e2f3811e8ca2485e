"""What the assessment use cases share: the register on a unit of work."""

from __future__ import annotations

from typing import cast

from piiguard.domain.assessments.ports import AssessmentStore, AssessmentUnitOfWork
from piiguard.domain.ports import UnitOfWork


def store(uow: UnitOfWork) -> AssessmentStore:
    """The register on a unit of work (SqlUnitOfWork has it; domain/assessments/ports.py)."""
    return cast(AssessmentUnitOfWork, uow).assessments
