"""What the subject use cases share: the live subject a use case acts on.

Public names for the modules of services/subjects/ only; other packages call the use cases.
"""

from __future__ import annotations

from piiguard.domain.errors import NotFound
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.subjects import Subject


def live_subject(uow: UnitOfWork, subject_id: str) -> Subject:
    """The subject, unless unknown or erased: NotFound naming subject_id."""
    subject = uow.subjects.get(subject_id)
    if subject is None or subject.erased_at is not None:
        raise NotFound(f"no subject {subject_id}", field="subject_id")
    return subject
