"""What the policy-version use cases need from storage (R8.1, R2.4): the published
versions and drafts, and the per-person notice rows. Implemented by
adapters/db/stores/policy_versions.py and adapters/db/stores/notices/."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.policy.versions import DraftStatus, PolicyDraft, PolicyVersion


class PolicyVersionRepository(Protocol):
    """The published versions of the privacy policy (what consents and decisions cite) and
    the drafts of new ones."""

    def add(self, version: PolicyVersion) -> None: ...
    def latest(self) -> PolicyVersion | None: ...
    def list(self) -> list[PolicyVersion]: ...
    def get(self, version: str) -> PolicyVersion | None: ...
    def add_draft(self, draft: PolicyDraft) -> None: ...
    def draft(self, draft_id: str, *, lock: bool = False) -> PolicyDraft | None: ...
    def drafts(self, statuses: Sequence[DraftStatus] = ()) -> builtins.list[PolicyDraft]: ...
    def save_draft(self, draft: PolicyDraft) -> None: ...


class NoticeStore(Protocol):
    """One row per person and version (domain/policy/notices.py)."""

    def enqueue(self, version: str, email_category: str, now: datetime) -> int:
        """A pending notice for every live person holding an item of `email_category`;
        how many."""

    def get(self, version: str, subject_id: str, *, lock: bool = False) -> Notice | None: ...
    def by_token(self, token_hash: str) -> Notice | None: ...
    def pending(self, limit: int) -> list[Notice]:
        """Pending notices, oldest version first."""

    def claim(self, version: str, subject_id: str, now: datetime) -> bool:
        """`pending` → `sending` if still pending (False: another pass took it)."""

    def save(self, notice: Notice) -> None: ...
    def mark_uncertain(self, claimed_before: datetime, now: datetime) -> list[Notice]:
        """Rows left `sending` since before `claimed_before` become `uncertain`."""

    def of_version(
        self,
        version: str,
        statuses: Sequence[NoticeStatus] = (),
        limit: int = 50,
        offset: int = 0,
        subject_id: str | None = None,
    ) -> list[Notice]: ...
    def counts(self, version: str) -> dict[NoticeStatus, int]: ...
    def of_subject(self, subject_id: str) -> list[Notice]: ...
