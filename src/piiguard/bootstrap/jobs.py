"""The background work of a piiguard process: the periodic jobs and the SMTP listener.

REGISTRY lists every periodic job — a name, how often (a setting), one pass as a function of
the `Container`. `piiguard worker` runs them apart from the server; `serve` runs them in
process (PIIGUARD_SCHEDULER=inprocess); both go through `Background` below. A new periodic
job (a retention sweep, a backup, a restore test, policy notices) is one entry in REGISTRY:
its pass is a use case in services/ that claims its own work, so several processes may run
it at once, and returns a `Report`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from piiguard.adapters.mail_inbound import InboxListener
from piiguard.config import Settings
from piiguard.services.backups.job import BackupReport, run_backups
from piiguard.services.custody.job import run_custody
from piiguard.services.incidents.job import SecurityReport, run_security
from piiguard.services.notices.job import NoticeReport, NoticeTerms, run_notices
from piiguard.services.notices.transfers import run_transfer_notices
from piiguard.services.retention.job import run_sweep
from piiguard.services.retention.upkeep.job import UpkeepReport, UpkeepTerms, run_upkeep
from piiguard.services.rights.jobs import run_jobs
from piiguard.services.rights.mail_intake import intake_mail
from piiguard.services.sharing.job import run_sharing

if TYPE_CHECKING:
    from piiguard.bootstrap import Container

log = logging.getLogger("piiguard.worker")


class Report(Protocol):
    """What one pass of a job tells: one line for `piiguard worker --once` (counts and ids,
    never personal data) and how many of its steps failed."""

    @property
    def errors(self) -> int: ...

    def summary(self) -> str: ...


@dataclass(frozen=True, slots=True)
class PeriodicJob:
    name: str  # the job's thread and its log lines
    seconds: Callable[[Settings], float]  # how often, from a setting
    run: Callable[[Container], Report]  # one pass; a failure is logged, tried next time


def run_backups_of(c: Container) -> BackupReport:
    assert c.backups is not None  # noqa: S101 - bootstrap sets it
    return run_backups(c.backups)


def run_upkeep_of(c: Container) -> UpkeepReport:
    s = c.settings
    terms = UpkeepTerms(
        s.confirmation_mails_per_pass, s.confirmation_staff_days, s.child_data_hours
    )
    return run_upkeep(c.uow(), c.requests, terms)


def run_security_of(c: Container) -> SecurityReport:
    return run_security(c.security_uow, c.requests, c.security)


def run_notices_of(c: Container) -> NoticeReport:
    s = c.settings
    terms = NoticeTerms(s.policy_notice_mails_per_pass, s.consent_renewal_days)
    return run_notices(c.uow(), c.requests, terms)


REGISTRY: tuple[PeriodicJob, ...] = (
    # requests of the person (R9.2): unconfirmed ones closed, reminders and escalation,
    # webhooks to systems, replies the mail server refused, verified requests carried out
    PeriodicJob(
        "request-jobs", lambda s: s.scheduler_seconds, lambda c: run_jobs(c.uow(), c.requests)
    ),
    # retention (R2.11): re-keyings finished, due items proposed, approved batches disposed
    PeriodicJob(
        "retention-sweep",
        lambda s: s.retention_sweep_minutes * 60,
        lambda c: run_sweep(c.uow(), c.requests, c.settings.retention_auto_dispose_days),
    ),
    # kept up to date (R2.8), a child's data found (R6.3): services/retention/upkeep/job.py
    PeriodicJob("upkeep", lambda s: s.upkeep_minutes * 60, run_upkeep_of),
    # paper and removable media (R5.2, R5.4): overdue printouts, missing media escalated
    PeriodicJob("custody", lambda s: s.custody_minutes * 60, lambda c: run_custody(c.custody)),
    # backups (R5.7): daily backups, weekly restore tests, pruning, escalation
    PeriodicJob("backups", lambda s: s.backup_check_minutes * 60, run_backups_of),
    # incidents (R5.8) and vulnerabilities (R5.9): clocks, notifications, overdue escalation
    PeriodicJob("security", lambda s: s.incident_jobs_minutes * 60, run_security_of),
    # sharing (R3.1–R3.6): pushes, notices to recipients, agreement expiry reminders
    PeriodicJob(
        "sharing",
        lambda s: s.sharing_minutes * 60,
        lambda c: run_sharing(
            c.uow(),
            c.requests,
            c.settings.agreement_notice_days,
            c.settings.policy_notice_mails_per_pass,  # one mail throttle for notices to people
        ),
    ),
    # a new policy version told to the people it affects (R8.1): services/notices/job.py
    PeriodicJob("policy-notices", lambda s: s.policy_notice_minutes * 60, run_notices_of),
    # a business transfer told to everyone it concerns (R3.4): the same batch and throttle
    PeriodicJob(
        "transfer-notices",
        lambda s: s.policy_notice_minutes * 60,
        lambda c: run_transfer_notices(
            c.uow(), c.requests, c.settings.policy_notice_mails_per_pass
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class Failed:
    """The report of a pass that raised (the database away for a moment, say)."""

    name: str
    error: str  # the exception's type only: its message may quote personal data
    errors: int = 1

    def summary(self) -> str:
        return f"{self.name} failed ({self.error}); see the log"


class Background:
    """Every job of `jobs` in a thread of its own, a pass every `seconds` (a first pass at
    once: catching up on whatever came due while nothing ran), and the SMTP listener turning
    mail to the privacy mailboxes into requests. Run inside `serve`
    (PIIGUARD_SCHEDULER=inprocess) or alone in `piiguard worker`; several may run at once
    (the jobs claim their work)."""

    def __init__(
        self,
        c: Container,
        *,
        jobs: bool = True,
        inbox: bool = True,
        registry: tuple[PeriodicJob, ...] | None = None,
    ) -> None:
        registry = REGISTRY if registry is None else registry
        self._c = c
        self._jobs = registry if jobs else ()
        self._registry = registry
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        s = c.settings
        self.inbox: InboxListener | None = None
        if inbox and s.inbox_port:
            self.inbox = InboxListener(
                s.inbox_host, s.inbox_port, s.privacy_mailboxes, self._on_mail
            )
        self.last: dict[str, Report] = {}  # each job's latest pass

    def _on_mail(self, raw: bytes, recipients: tuple[str, ...]) -> None:
        intake_mail(self._c.uow(), self._c.requests, raw, recipients)

    def _pass(self, job: PeriodicJob) -> Report:
        try:
            report = job.run(self._c)
        except Exception as e:  # the database may be away for a moment: try next time
            log.exception("%s failed; next pass in %.0f s", job.name, job.seconds(self._c.settings))
            report = Failed(job.name, type(e).__name__)
        self.last[job.name] = report
        return report

    def run_once(self) -> dict[str, Report]:
        """One pass of every registered job, in order, whatever `jobs` said (`piiguard
        worker --once`); a job that fails does not keep the next from running."""
        return {job.name: self._pass(job) for job in self._registry}

    def describe(self) -> str:
        """The jobs this runs and how often, for a start-up line."""
        return (
            ", ".join(f"{j.name} every {j.seconds(self._c.settings):.0f} s" for j in self._jobs)
            or "no jobs"
        )

    def _loop(self, job: PeriodicJob) -> None:
        while True:
            self._pass(job)
            if self._stop.wait(job.seconds(self._c.settings)):
                return

    def start(self) -> None:
        if self.inbox is not None:
            try:
                self.inbox.start()
            except OSError as e:  # another process (a worker, another server) has the port
                log.warning(
                    "SMTP listener not started on port %s (%s): another process probably runs it",
                    self._c.settings.inbox_port,
                    type(e).__name__,
                )
                self.inbox = None
        for job in self._jobs:
            thread = threading.Thread(target=self._loop, args=(job,), name=job.name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)
        if self.inbox is not None:
            self.inbox.stop()
