"""The sweep's incremental refresh of the stored retain-until (issue 14; R2.11, R10.2), on
both backends with an injected clock: the first pass recomputes every item; later passes
only the people the audit trail names as changed since (a consent withdrawn, an objection,
an item added, an anchor reported, an erasure); reads change nothing; a schedule change
recomputes everything again. Correctness: a withdrawn consent puts the person's items on
the very next batch."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.consent import Consent, ConsentKind, RestrictionKind
from piiguard.domain.errors import UnderWay
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.domain.subjects import Channel
from piiguard.services.policy.consents import grant_consent, restrict_processing, withdraw_consent
from piiguard.services.retention import schedule as sch
from piiguard.services.retention.job import run_sweep
from piiguard.services.retention.refresh import refresh_changed
from piiguard.services.subjects.erase import erase_subject
from piiguard.services.subjects.read import read_subjects_data
from tests.builders import contact, register

DAY = timedelta(days=1)
CONSENTED = "consultation_recommendation"


def _consent(c: Container, subject_id: str) -> Consent:
    return grant_consent(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        subject_id,
        CONSENTED,
        ConsentKind.GENERAL,
        Channel.WEB,
        "we may recommend products",
    )


def _short_rules(c: Container, subject_id: str) -> None:
    """Every purpose the items were collected for keeps them one day; the consented
    purpose ten years: a person's items are kept only while the consent is in force."""
    views = sch.subject_retention(c.uow(readonly=True), c.clock, subject_id)
    for p in sorted(set().union(*(v.item.collected_for for v in views)) - {CONSENTED}):
        sch.save_rule(
            c.uow(), c.snapshots, c.clock, OPERATOR, RetentionRule(p, "", 1, Anchor.COLLECTED)
        )
    sch.save_rule(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        RetentionRule(CONSENTED, "", 3650, Anchor.COLLECTED),
    )


@pytest.mark.req("R2.11")
@pytest.mark.req("R10.2")
def test_only_what_changed_is_recomputed_and_a_withdrawal_reaches_the_next_batch(
    c: Container, clock: FixedClock
) -> None:
    a = register(c, *contact("a@example.cn", "13900000001", "张三"))
    b = register(c, *contact("b@example.cn", "13900000002", "李四"))
    consent_a, _ = _consent(c, a.subject.id), _consent(c, b.subject.id)
    _short_rules(c, a.subject.id)
    clock.advance(2 * DAY)

    first = run_sweep(c.uow(), c.requests)  # never refreshed: everything
    assert (first.refreshed_all, first.refreshed, first.proposed) == (True, 6, 0)
    quiet = run_sweep(c.uow(), c.requests)  # nothing changed: nothing recomputed
    assert (quiet.refreshed_all, quiet.refreshed, quiet.proposed) == (False, 0, 0)

    # reads and decisions change no retain-until
    read_subjects_data(
        c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, [b.subject.id], "legal_compliance"
    )
    assert refresh_changed(c.uow(), c.clock).items == 0

    # a's consent withdrawn: only a's items are recomputed, and they are due at once
    withdraw_consent(c.uow(), c.clock, OPERATOR, a.subject.id, consent_a.id)
    after = run_sweep(c.uow(), c.requests)
    assert (after.refreshed_all, after.refreshed, after.proposed) == (False, 3, 3)

    # an objection, an anchor, a new person: each recomputes that person only
    restrict_processing(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        b.subject.id,
        RestrictionKind.OBJECTION,
        "after_sales",
    )
    done = refresh_changed(c.uow(), c.clock)
    assert (done.full, done.subjects, done.items) == (False, 1, 3)
    sch.report_anchor(c.uow(), c.clock, OPERATOR, b.subject.id, Anchor.CONTRACT_END, clock.now())
    assert refresh_changed(c.uow(), c.clock).items == 3
    d = register(c, *contact("d@example.cn", "13900000004", "王五"))
    assert refresh_changed(c.uow(), c.clock).items == 3
    with c.uow(readonly=True) as uow:
        assert set(uow.retention.retention_of([i.id for i in d.items])) == {i.id for i in d.items}

    # an erasure drops the person's stored dates
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, d.subject.id)
    assert refresh_changed(c.uow(), c.clock).items == 0
    with c.uow(readonly=True) as uow:
        assert uow.retention.retention_of([i.id for i in d.items]) == {}

    # a schedule change: every item again
    sch.save_rule(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        RetentionRule(CONSENTED, "", 3000, Anchor.COLLECTED),
    )
    again = refresh_changed(c.uow(), c.clock)
    assert (again.full, again.items) == (True, 6)
    assert refresh_changed(c.uow(), c.clock).items == 0


@pytest.mark.req("R2.11")
def test_two_refreshes_at_once_take_turns(c: Container) -> None:
    """The sweep's pass, a preview and a batch made now each bring the stored dates up to
    date; started together, one does it and the other is refused while it runs (UnderWay,
    a 409; a claim on the work, tests/integration/test_retention_claims.py across
    processes) — or runs after it, finding nothing left. Side by side, both deleted and
    re-inserted the same rows, and on PostgreSQL the second insert broke the primary key
    (a 500 for whoever asked second)."""
    for n in range(60):
        register(c, *contact(f"r{n}@example.cn", f"139000020{n:02d}", "张三"))
    errors: list[BaseException] = []
    done: list[int] = []
    together = threading.Barrier(2)

    def refresh() -> None:
        together.wait()
        try:
            done.append(refresh_changed(c.uow(), c.clock, page=10).items)
        except UnderWay:
            pass
        except Exception as e:  # any other failure of either is the finding
            errors.append(e)

    runs = [threading.Thread(target=refresh) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(120)
    assert errors == []
    assert sorted(done)[-1] == 180 and sum(done) == 180  # every item once, by one of them
    assert refresh_changed(c.uow(), c.clock).items == 0  # done: nothing left to do
