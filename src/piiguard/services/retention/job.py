"""The retention sweep, one pass (bootstrap/jobs.py `retention-sweep`, every
PIIGUARD_RETENTION_SWEEP_MINUTES): re-keyings left unfinished are finished; the stored
retain-until is brought up to date — the items of people whose consents, objections,
items or anchors changed since the last pass, every item when the schedule changed
(services/retention/refresh.py `refresh_changed`); the items due
now and not under hold are proposed on a batch; with PIIGUARD_RETENTION_AUTO_DISPOSE_DAYS
a proposed batch nobody rejected within that many days is approved by the sweep; approved
batches are disposed of (and an interrupted disposal finished); deletion notices that are
due are sent. Each step in its own transactions; a failing step is logged (ids only) and
the others still run. A step (or a batch) another process is doing right now — its claim,
services/retention/_common.py `claimed` — is left to it, not counted as failed; while
another refreshes the stored dates, nothing is proposed on them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import UnderWay
from piiguard.domain.ports import UnitOfWork
from piiguard.domain.retention.disposal import BatchStatus
from piiguard.services.retention.batches import approve_batch, dispose_batch, list_batches
from piiguard.services.retention.refresh import refresh_changed
from piiguard.services.retention.sweep import finish_rekeys, propose_batch
from piiguard.services.retention.tasks import RequestKit, deliver_disposal_tasks

log = logging.getLogger(__name__)
SWEEP = Actor("retention-sweep", ActorKind.SYSTEM, frozenset({"system"}))


@dataclass
class SweepReport:
    rekeys_finished: int = 0
    refreshed: int = 0  # items whose retain-until was recomputed
    refreshed_all: bool = False  # the schedule changed (or the first pass): every item
    proposed: int = 0  # items put on a new batch
    auto_approved: int = 0
    disposed: int = 0  # batches disposed of
    deliveries: int = 0
    errors: int = 0
    left: int = 0  # steps or batches left to another process doing them (UnderWay)

    def summary(self) -> str:
        """One line for `piiguard worker --once` (counts only)."""
        return (
            f"re-keyings finished {self.rekeys_finished}, retain-until recomputed for "
            f"{self.refreshed} items, items proposed {self.proposed}, "
            f"batches auto-approved {self.auto_approved}, batches disposed of "
            f"{self.disposed}, deletion notices sent {self.deliveries}, failed steps "
            f"{self.errors}, left to another process {self.left}"
        )


def run_sweep(uow: UnitOfWork, kit: RequestKit, auto_dispose_days: int = 0) -> SweepReport:
    report = SweepReport()

    def step(name: str, fn: Callable[[], None]) -> None:
        try:
            fn()
        except UnderWay:  # another process is doing it (its claim): not a failure
            report.left += 1
            log.info("retention sweep step %s left to another process doing it", name)
        except Exception:  # a step's failure must not stop the others or the loop
            report.errors += 1
            log.exception("retention sweep step %s failed; it runs again on the next pass", name)

    def rekeys() -> None:
        report.rekeys_finished = len(finish_rekeys(uow, kit.vault, SWEEP))

    refreshed = [False]

    def refresh() -> None:
        done = refresh_changed(uow, kit.clock)
        report.refreshed, report.refreshed_all = done.items, done.full
        refreshed[0] = True

    def propose() -> None:
        if not refreshed[0]:  # the dates half recomputed by another process: its turn
            return
        batch = propose_batch(uow, kit.clock, SWEEP, auto_dispose_days=auto_dispose_days)
        report.proposed = batch.item_count if batch else 0

    def dispose() -> None:
        now = kit.clock.now()
        for b in list_batches(uow, (BatchStatus.PROPOSED,), limit=1000):
            if b.auto_dispose_at is not None and b.auto_dispose_at <= now:
                approve_batch(uow, kit.clock, SWEEP, b.id, auto=True)
                report.auto_approved += 1
        for b in list_batches(uow, (BatchStatus.APPROVED,), limit=1000):
            try:
                dispose_batch(uow, kit.vault, kit.clock, SWEEP, kit.policy, b.id)
            except UnderWay:  # disposed of by another process now (a shell's command)
                report.left += 1
                continue
            report.disposed += 1

    def deliver() -> None:
        report.deliveries = deliver_disposal_tasks(uow, kit)

    step("rekeys", rekeys)
    step("refresh", refresh)
    step("propose", propose)
    step("dispose", dispose)
    step("deliver", deliver)
    return report
