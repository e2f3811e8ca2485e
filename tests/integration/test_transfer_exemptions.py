"""Recorded exemption cases for transfers abroad through the use cases on both backends
(R7.1; art. 5(1)–(3) of the 2024 Provisions): an officer records a case, the same officer
cannot approve it, another does; with 99,999 people counted the next new person would need
the standard contract, but a share in the case's scope goes with the reason
`transfer_exemption` and its person is counted apart — not toward the thresholds; once
withdrawn, the next share needs the mechanism again. Bad input names its field and writes
nothing; every step is audited."""

from __future__ import annotations

import pytest

from piiguard.bootstrap import Container
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.sharing.abroad import TransferTally
from piiguard.domain.sharing.disclosure import ShareStatus
from piiguard.domain.sharing.exemption import ExemptionBasis, ExemptionStatus
from piiguard.services.sharing import exemption as uc
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.abroad import abroad_status, status_json
from piiguard.services.sharing.share import ShareRequest, share_data
from tests.integration.conftest import START
from tests.integration.test_sharing import (
    ALICE,
    BOB,
    CLERK,
    DAY,
    PURPOSE,
    acme,
    actions,
    bound,
    consent_abroad,
)
from tests.integration.test_transfer_abroad import person, seed, tally

pytestmark = [pytest.mark.req("R7.1")]
SCOPE = "Spare parts shipped to customers abroad: the delivery address goes to the carrier"


def case(**kw: object) -> uc.ExemptionInput:
    base: dict[str, object] = {
        "basis": ExemptionBasis.CONTRACT,
        "recipient": "acme-de",
        "purpose": PURPOSE,
        "scope": SCOPE,
        "valid_from": START - DAY,
    }
    base.update(kw)
    return uc.ExemptionInput(**base)  # type: ignore[arg-type]


def test_a_recorded_case_frees_the_share_and_counts_its_people_apart(c: Container) -> None:
    bound(c)
    seed(c, 99_999)
    a, b = person(c, 1), person(c, 2)
    for sid in (a, b):
        consent_abroad(c, sid, recipient="acme-de")
    ask = ShareRequest("acme-de", PURPOSE, (a,))
    refused = share_data(c.uow(), c.requests, ALICE, ask)
    assert "transfer_mechanism_missing" in [r.code for r in refused.decisions[0].reasons]
    e = uc.record_exemption(c.uow(), c.snapshots, c.clock, ALICE, case())
    assert e.status is ExemptionStatus.PROPOSED and e.provision == "art. 5(1)"
    # proposed: frees nothing; four eyes
    assert share_data(c.uow(), c.requests, ALICE, ask).share.status is ShareStatus.REFUSED
    for who in (ALICE, CLERK):
        with pytest.raises(Forbidden):
            uc.review_exemption(c.uow(), c.clock, who, e.id, approve=True)
    e = uc.review_exemption(c.uow(), c.clock, BOB, e.id, approve=True)
    assert e.reviewed_by == "staff:bob" and e.in_force(START)
    with pytest.raises(Conflict):
        uc.review_exemption(c.uow(), c.clock, BOB, e.id, approve=False)
    done = share_data(c.uow(), c.requests, ALICE, ask)
    assert done.share.status is ShareStatus.READY
    [d] = done.decisions
    assert "transfer_exemption" in [r.code for r in d.reasons]
    assert f"exemption:{e.id}" in d.obligations
    # counted apart: the thresholds' count is unchanged
    assert tally(c) == TransferTally(2026, 99_999, 0)
    status = status_json(abroad_status(c.uow(readonly=True), c.snapshots, c.clock))
    assert status["people"] == 99_999 and status["exempt_people"] == 1
    # withdrawn: the next person needs the mechanism again
    uc.withdraw_exemption(c.uow(), c.clock, ALICE, e.id)
    after = share_data(c.uow(), c.requests, ALICE, ShareRequest("acme-de", PURPOSE, (b,)))
    assert "transfer_mechanism_missing" in [r.code for r in after.decisions[0].reasons]
    assert actions(c, "sharing.exemption") == [
        "sharing.exemption.record",
        "sharing.exemption.approve",
        "sharing.exemption.withdraw",
    ]


def test_a_case_is_for_a_recipient_abroad_and_names_its_fields(c: Container) -> None:
    bound(c)
    reg.save_recipient(c.uow(), c.clock, ALICE, acme("acme-cn", "CN"))
    for bad, field in (
        ({"recipient": "acme-cn"}, "recipient"),  # at home: nothing to exempt
        ({"recipient": "nobody"}, "recipient"),
        ({"purpose": "nope"}, "purpose"),
        ({"scope": "short"}, "scope"),
        ({"valid_until": START - DAY}, "valid_until"),
    ):
        with pytest.raises((InvalidInput, NotFound)) as e:
            uc.record_exemption(c.uow(), c.snapshots, c.clock, ALICE, case(**bad))
        assert getattr(e.value, "field", None) == field
    with pytest.raises(Forbidden):
        uc.record_exemption(c.uow(), c.snapshots, c.clock, CLERK, case())
    assert uc.list_exemptions(c.uow()) == []  # nothing half-written
    e = uc.record_exemption(c.uow(), c.snapshots, c.clock, ALICE, case(basis=ExemptionBasis.HR))
    refused = uc.review_exemption(c.uow(), c.clock, BOB, e.id, approve=False)
    assert refused.status is ExemptionStatus.REFUSED and not refused.in_force(START)
