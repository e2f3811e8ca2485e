"""Legal exceptions (R2.5): the circumstances in which the policy allows processing without
consent, each only with a recorded reference, an approver, and an audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ExceptionKind(StrEnum):
    NATIONAL_SECURITY = "national_security"  # national security or defence
    PUBLIC_INTEREST = "public_interest"  # public security, public health, major public interest
    CRIMINAL_JUSTICE = "criminal_justice"  # investigation, prosecution, trial, enforcement
    VITAL_INTERESTS = "vital_interests"
    NEWS_REPORTING = "news_reporting"
    LEGAL_COMPLIANCE = "legal_compliance"  # compliance with applicable laws


@dataclass(frozen=True, slots=True)
class LegalException:
    id: str
    kind: ExceptionKind
    authority: str
    case_reference: str
    legal_provision: str
    subject_ids: frozenset[str]
    categories: frozenset[str]  # category keys; each covers its subtree
    valid_from: datetime
    valid_until: datetime
    requested_by: str
    approved_by: str | None = None
    approved_at: datetime | None = None
    revoked_at: datetime | None = None

    def in_force(self, at: datetime) -> bool:
        return (
            self.approved_by is not None
            and self.approved_by != self.requested_by
            and self.approved_at is not None
            and self.approved_at <= at
            and (self.revoked_at is None or at < self.revoked_at)
            and self.valid_from <= at < self.valid_until
        )

    def covers(self, subject_id: str, category: str) -> bool:
        return subject_id in self.subject_ids and any(
            category == c or category.startswith(c + ".") for c in self.categories
        )
