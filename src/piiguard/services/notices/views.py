"""What the console and the API show and do about the notices of a version (R8.1): the
counts by status, the per-person rows (ids, statuses, dates, reply codes — never an
address), releasing notices an officer decides to send again, and a bounce recorded."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.decisions import Actor
from piiguard.domain.errors import NotFound
from piiguard.domain.policy.notices import Notice, NoticeStatus
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.notices._common import NOTIFIER, audited
from piiguard.services.notices.batch import RELEASABLE, release
from piiguard.services.notices.job import KIND

__all__ = ["RELEASABLE", "Progress", "record_bounce", "release_notices"]


@dataclass(frozen=True, slots=True)
class Progress:
    version: str
    counts: dict[NoticeStatus, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(n for s, n in self.counts.items() if s.final)


def notice_progress(uow: UnitOfWork, version: str) -> Progress:
    with uow:
        if uow.policy_versions.get(version) is None:
            raise NotFound(f"no published policy version {version}", field="version")
        return Progress(version, uow.notices.counts(version))


def list_notices(
    uow: UnitOfWork,
    version: str,
    statuses: tuple[NoticeStatus, ...] = (),
    *,
    subject_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[Notice]:
    with uow:
        if uow.policy_versions.get(version) is None:
            raise NotFound(f"no published policy version {version}", field="version")
        return uow.notices.of_version(version, statuses, limit, offset, subject_id)


def release_notices(
    uow: UnitOfWork, clock: Clock, actor: Actor, version: str, subject_ids: list[str]
) -> int:
    """Put uncertain or failed notices back in the queue (batch.py `release`)."""
    return release(uow, KIND, actor, version, subject_ids, clock.now())


def record_bounce(uow: UnitOfWork, at: datetime, ref: str) -> bool:
    """A bounce came back for notice `ref` (`<version>/<subject id>`, the mail's
    X-Piiguard-Policy-Notice header): a sent notice becomes `bounced`."""
    version, _, subject_id = ref.partition("/")
    with uow:
        n = uow.notices.get(version, subject_id, lock=True)
        if n is None or n.status is not NoticeStatus.SENT:
            return False
        n = replace(n, status=NoticeStatus.BOUNCED, updated_at=at)
        uow.notices.save(n)
        audited(uow, NOTIFIER, "policy.notice.bounced", n)
        uow.commit()
    return True
