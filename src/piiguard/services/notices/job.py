"""The notices pass (bootstrap/jobs.py `policy-notices`, every PIIGUARD_POLICY_NOTICE_MINUTES):
mail the people a new policy version affects (R8.1) through the mail batch of batch.py —
throttled (`per_pass`), resumable after a crash, at most once per person; a row of a dead
pass becomes `uncertain` and is listed on the console for an officer to release."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from piiguard.domain.policy.notices import Notice
from piiguard.domain.policy.versions import PolicyVersion, renewal_dues, to_renew
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.rights.ports import OutgoingMail
from piiguard.services.notices import mail as notice_mail
from piiguard.services.notices._common import TARGET, NoticeKit
from piiguard.services.notices.batch import (
    STALE_MINUTES,
    BatchReport,
    NoticeKind,
    Prepare,
    mark_uncertain,
    send_all,
)
from piiguard.services.notices.person import token_hash

__all__ = ["KIND", "STALE_MINUTES", "NoticeReport", "NoticeTerms", "run_notices"]

KIND = NoticeKind(
    lambda uow: uow.notices,
    "policy.notice",
    TARGET,
    sent_details=lambda n: {"renewal": ",".join(n.renewal)},
)


@dataclass(frozen=True, slots=True)
class NoticeTerms:
    per_pass: int = 200
    grace_days: int = 30


class NoticeReport(BatchReport):
    def summary(self) -> str:
        return f"policy notices {self.counts()}"


def run_notices(uow: UnitOfWork, kit: NoticeKit, terms: NoticeTerms) -> NoticeReport:
    report = NoticeReport()
    now = kit.clock.now()
    report.uncertain = mark_uncertain(uow, KIND, now)
    with uow:
        batch = uow.notices.pending(terms.per_pass)
        versions = uow.policy_versions.list() if batch else []
    by_version = {v.version: v for v in versions}
    dues = renewal_dues(versions, terms.grace_days)

    def prepare(n: Notice) -> Prepare | None:
        v = by_version.get(n.version)
        if v is None:
            return None
        older = frozenset(x.version for x in versions[: versions.index(v)])
        lapses = next(
            (d.lapses_at for p in v.renewal for d in dues.get(p, ()) if d.version == v.version),
            None,
        )
        return _policy_mail(kit, v, older, lapses)

    send_all(uow, kit, KIND, batch, prepare, report)
    return report


def _policy_mail(
    kit: NoticeKit, v: PolicyVersion, older: frozenset[str], lapses_at: datetime | None
) -> Prepare:
    """The row as mailed (the purposes to renew and the renewal link's token hash) and the
    mail of version `v`."""

    def prepare(uow: UnitOfWork, n: Notice, address: str) -> tuple[Notice, OutgoingMail]:
        token = secrets.token_urlsafe(32)
        renew = to_renew(uow.consents.of_subject(n.subject_id), v.renewal, older, n.updated_at)
        n = replace(n, renewal=renew, token_hash=token_hash(kit, token) if renew else None)
        message = notice_mail.notice_mail(
            n, address, v, kit.company, kit.public_url, token if renew else None, lapses_at
        )
        return n, message

    return prepare
