"""The upkeep pass (bootstrap/jobs.py `upkeep`, every PIIGUARD_UPKEEP_MINUTES): stale items
queued (R2.8), confirmation mails sent (throttled), unanswered requests moved to the staff
queue, child-data tasks opened from the scanner's findings and escalated when overdue
(R6.3). Each step in its own transactions; a failing step is logged, the others run."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from piiguard.domain.ports import UnitOfWork
from piiguard.services.retention.upkeep._common import UpkeepKit
from piiguard.services.retention.upkeep.children import escalate_children, open_from_findings
from piiguard.services.retention.upkeep.confirmations import (
    mail_queued,
    queue_stale,
    settle_gone,
    to_staff_queue,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UpkeepTerms:
    mails_per_pass: int = 100
    staff_days: int = 14
    child_hours: int = 72


@dataclass
class UpkeepReport:
    settled: int = 0  # open requests whose items were disposed of or erased meanwhile
    queued: int = 0
    mailed: int = 0
    to_staff: int = 0
    children_opened: int = 0
    children_escalated: int = 0
    errors: int = 0

    def summary(self) -> str:
        return (
            f"confirmation requests settled (items gone) {self.settled}, "
            f"queued {self.queued}, mailed {self.mailed}, moved to "
            f"staff {self.to_staff}; child-data tasks opened {self.children_opened}, "
            f"escalated {self.children_escalated}; failed steps {self.errors}"
        )


def run_upkeep(uow: UnitOfWork, kit: UpkeepKit, terms: UpkeepTerms) -> UpkeepReport:
    report = UpkeepReport()

    def step(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:  # one step's failure must not stop the others or the loop
            report.errors += 1
            log.exception("upkeep step %s failed; it runs again on the next pass", name)

    def gone() -> None:
        report.settled = settle_gone(uow, kit.clock)

    def queue() -> None:
        report.queued = queue_stale(uow, kit.clock, terms.mails_per_pass)

    def mail() -> None:
        report.mailed = mail_queued(uow, kit, terms.mails_per_pass)

    def staff() -> None:
        report.to_staff = to_staff_queue(uow, kit.clock, terms.staff_days)

    def children() -> None:
        report.children_opened = len(open_from_findings(uow, kit.clock, terms.child_hours))
        report.children_escalated = escalate_children(uow, kit)

    step("gone", gone)
    step("queue", queue)
    step("mail", mail)
    step("staff", staff)
    step("children", children)
    return report
