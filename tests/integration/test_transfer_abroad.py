"""Transfers abroad counted per calendar year through the share use case on both backends
(R7.1): each person counted once a year from the disclosure log's shares abroad, sensitive
apart; at 99,999 people counted the next new person makes 100,000 and the share is refused
until a standard contract is in force, then allowed and counted; the same person again
adds nothing; a share at home counts nothing; the next calendar year (Asia/Shanghai)
starts from zero; the status the console, API and CLI show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container
from piiguard.domain.sharing.abroad import Mechanism, TransferTally
from piiguard.domain.sharing.disclosure import ShareStatus
from piiguard.domain.sharing.register import AgreementKind, Treatment
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.abroad import abroad_status, status_json
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.assessed import approve_assessment_for
from tests.builders import contact, register
from tests.integration.conftest import START
from tests.integration.test_sharing import (
    ALICE,
    PURPOSE,
    acme,
    agree,
    bound,
    consent_abroad,
    intra_group,
)

pytestmark = [pytest.mark.req("R7.1")]
DAY = timedelta(days=1)


def person(c: Container, n: int) -> str:
    return register(c, *contact(f"p{n}@example.cn", f"1381234{n:04d}", f"李{n}")).subject.id


def seed(c: Container, people: int, year: int = 2026) -> None:
    """People counted earlier this year (ids that are nobody here)."""
    with c.uow() as uow:
        uow.sharing.count_transfers(year, {f"seed-{i}": False for i in range(people)}, START)
        uow.commit()


def tally(c: Container, year: int = 2026) -> TransferTally:
    with c.uow(readonly=True) as uow:
        return uow.sharing.transfer_tally(year)


def test_a_share_abroad_counts_each_person_once_a_year(c: Container) -> None:
    bound(c)
    a, b = person(c, 1), person(c, 2)
    for sid in (a, b):
        consent_abroad(c, sid, recipient="acme-de")
    ask = ShareRequest("acme-de", PURPOSE, (a,))
    assert share_data(c.uow(), c.requests, ALICE, ask).share.status is ShareStatus.READY
    assert tally(c) == TransferTally(2026, 1, 0)
    share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (a, b)))
    assert tally(c) == TransferTally(2026, 2, 0)  # a again adds nothing
    # a share at home counts nothing
    reg.save_recipient(c.uow(), c.clock, ALICE, acme("acme-cn", "CN"))
    agree(c, intra_group("acme-cn"))
    home = person(c, 3)
    whole = {"user.name": Treatment.WHOLE}
    reg.save_profile(c.uow(), c.snapshots, c.clock, ALICE, "acme-cn", PURPOSE, whole)
    reg.issue_recipient_key(c.uow(), c.clock, ALICE, "acme-cn")
    approve_assessment_for(c, purposes={PURPOSE}, recipients={"acme-cn"})  # R10.4
    done = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-cn", PURPOSE, (home,)))
    assert done.share.status is ShareStatus.READY
    assert tally(c) == TransferTally(2026, 2, 0)


def test_the_100000th_person_needs_the_standard_contract(c: Container) -> None:
    bound(c)
    seed(c, 99_998)
    a, b = person(c, 1), person(c, 2)
    for sid in (a, b):
        consent_abroad(c, sid, recipient="acme-de")
    # 99,999 after this share: exempt, the intra-group agreement is enough
    first = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (a,)))
    assert first.share.status is ShareStatus.READY
    assert tally(c).people == 99_999
    s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock)
    assert s.requires is Mechanism.NONE and [n.key for n in s.warnings] == ["people_contract"]
    # a person already counted is shared again without a new mechanism
    again = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (a,)))
    assert again.share.status is ShareStatus.READY
    # the next new person makes 100,000: refused, recorded, nobody counted
    refused = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (b,)))
    assert refused.share.status is ShareStatus.REFUSED
    assert "transfer_mechanism_missing" in [r.code for r in refused.decisions[0].reasons]
    assert tally(c).people == 99_999
    # the standard contract, filed, in force: allowed and counted
    agree(
        c,
        intra_group(
            kind=AgreementKind.STANDARD_CONTRACT,
            title="Standard contract for outbound transfer",
            reference="SH-SC-2026-0042",
        ),
    )
    allowed = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (b,)))
    assert allowed.share.status is ShareStatus.READY
    assert tally(c).people == 100_000
    s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock)
    assert s.requires is Mechanism.CONTRACT and s.short == []
    out = status_json(s)
    assert out["people"] == 100_000 and out["requires"] == "standard_contract_or_certification"
    assert out["timezone"] == "Asia/Shanghai" and out["since"] == "2025-12-31T16:00:00+00:00"


def test_the_count_starts_again_on_1_january_china_time(c: Container, clock: FixedClock) -> None:
    bound(c)
    seed(c, 100_000)
    a = person(c, 1)
    consent_abroad(c, a, recipient="acme-de")
    clock.advance(
        datetime(2026, 12, 31, 15, 59, tzinfo=UTC) - clock.now()
    )  # 23:59 in Shanghai, still 2026
    late = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (a,)))
    assert late.share.status is ShareStatus.REFUSED
    clock.advance(timedelta(minutes=1))  # 1 January 2027 00:00 in Shanghai
    new_year = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (a,)))
    assert new_year.share.status is ShareStatus.READY
    assert tally(c, 2027) == TransferTally(2027, 1, 0)
    assert abroad_status(c.uow(readonly=True), c.snapshots, c.clock, 2026).tally.people == 100_000
