"""Business transfers through their use cases on both backends (R3.4): the acquirer bound
by its undertaking in force, the scope checked, a second officer approves (four eyes), the
handover logged (one disclosure-log row per person in scope) and every person told by mail
in their language over real SMTP on loopback — throttled, a pass that crashes halfway
resumed without mailing anyone twice, each person's status recorded, no address on the
audit trail."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from piiguard.domain.policy.notices import NoticeStatus
from piiguard.domain.sharing.business import TransferKind, TransferStatus
from piiguard.domain.sharing.disclosure import Delivery, ShareStatus
from piiguard.domain.sharing.register import AgreementKind, RecipientKind
from piiguard.services.notices.batch import STALE_MINUTES
from piiguard.services.notices.transfers import (
    release_transfer_notices,
    run_transfer_notices,
    uncertain_people,
)
from piiguard.services.sharing import business as bt
from piiguard.services.sharing import register as reg
from piiguard.services.sharing.abroad import abroad_status
from piiguard.services.sharing.share import disclosure_log, get_share
from tests.builders import item, register
from tests.integration.conftest import START
from tests.integration.test_policy_versions import Crash, DiesAfter, audit
from tests.mailserver import SmtpSink, body_text

DAY = timedelta(days=1)
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
EMAIL = "user.contact.email"
BANK = "user.financial.bank_account"  # sensitive


def acquirer(c: Container) -> str:
    """Acme Holding, an acquirer, with its undertaking to follow the policy in force."""
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput(
            "acme-holding", RecipientKind.ACQUIRER, "Acme Holding Ltd", "CN", "PIPL", "dpo@acme.cn"
        ),
    )
    a = reg.record_agreement(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        reg.AgreementInput(
            "acme-holding",
            AgreementKind.UNDERTAKING,
            "Undertaking to follow the privacy policy",
            ("Acme Holding Ltd",),
            frozenset({"after_sales"}),
            frozenset({"user"}),
            START - DAY,
            None,
            "cd" * 32,
            "Legal archive, box 12",
        ),
    )
    reg.approve_agreement(c.uow(), c.clock, BOB, a.id)  # four eyes on agreements too
    return a.id


def people(c: Container, n: int) -> list[str]:
    return [
        register(
            c,
            item(EMAIL, f"p{i}@example.cn"),
            item("user.demographic.language", "en" if i % 2 else "zh"),
        ).subject.id
        for i in range(n)
    ]


def merger(bound_by: str, **kw: object) -> bt.TransferInput:
    base: dict[str, object] = {
        "kind": TransferKind.MERGER,
        "acquirer": "acme-holding",
        "undertaking": bound_by,
        "title": "Merger with Acme Holding",
        "effective_at": START + 30 * DAY,
    }
    base.update(kw)
    return bt.TransferInput(**base)  # type: ignore[arg-type]


@pytest.mark.req("R3.4")
def test_bad_input_records_nothing_and_four_eyes_approve(c: Container) -> None:
    undertaking = acquirer(c)
    sid = register(c).subject.id
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput("acme-de", RecipientKind.GROUP_COMPANY, "Acme", "DE", "GDPR", "dpo@a"),
    )
    for bad, field in (
        ({"acquirer": "acme-de"}, "acquirer"),
        ({"acquirer": "nobody"}, "acquirer"),
        ({"undertaking": "no-such-agreement"}, "undertaking"),
        ({"title": " "}, "title"),
        ({"purposes": frozenset({"nope"})}, "purposes"),
        ({"categories": frozenset({"user.nope"})}, "categories"),
        ({"subjects": frozenset({"no-such-subject"})}, "subject_ids"),
    ):
        with pytest.raises((InvalidInput, NotFound, Conflict)) as e:
            bt.record_business_transfer(c.uow(), c.requests, ALICE, merger(undertaking, **bad))
        assert e.value.field == field, bad
    assert bt.list_business_transfers(c.uow()) == []
    b = bt.record_business_transfer(
        c.uow(), c.requests, ALICE, merger(undertaking, subjects=frozenset({sid}))
    )
    with pytest.raises(Conflict):  # not approved yet
        bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, b.id)
    with pytest.raises(Forbidden):
        bt.review_business_transfer(c.uow(), c.requests, ALICE, b.id, True, "")
    with pytest.raises(InvalidInput) as why:
        bt.review_business_transfer(c.uow(), c.requests, BOB, b.id, False, "")
    assert why.value.field == "note"
    b = bt.review_business_transfer(c.uow(), c.requests, BOB, b.id, True, "board resolution 7")
    assert (b.status, b.reviewed_by) == (TransferStatus.APPROVED, "staff:bob")
    # the undertaking terminated: the acquirer is no longer bound, nothing is handed over
    reg.terminate_agreement(c.uow(), c.clock, ALICE, undertaking, "withdrawn")
    with pytest.raises(Conflict) as unbound:
        bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, b.id)
    assert unbound.value.field == "undertaking"


@pytest.mark.req("R3.4")
def test_carried_out_logged_and_everyone_told_once_after_a_crash(
    c: Container, clock: FixedClock, mailbox: SmtpSink
) -> None:
    undertaking = acquirer(c)
    ids = people(c, 5)
    register(c, item("user.name", "No Mail"))  # in scope, but no address: recorded as such
    b = bt.record_business_transfer(c.uow(), c.requests, ALICE, merger(undertaking))
    bt.review_business_transfer(c.uow(), c.requests, BOB, b.id, True, "")
    b = bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, b.id)
    assert (b.status, b.people) == (TransferStatus.TRANSFERRED, 6)
    share = get_share(c.uow(), b.share_id or "")
    assert (share.delivery, share.status, share.disclosed) == (
        Delivery.HANDOVER,
        ShareStatus.DELIVERED,
        6,
    )
    [row] = disclosure_log(c.uow(), ALICE, subject_id=ids[0])
    assert (row.recipient, row.agreement_id, row.purpose) == (
        "acme-holding",
        undertaking,
        "business_transfer",
    )
    with pytest.raises(Conflict):  # once
        bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, b.id)
    # throttled: two a pass
    first = run_transfer_notices(c.uow(), c.requests, 2)
    assert first.sent + first.no_contact == 2
    dying = dataclasses.replace(c.requests, mailer=DiesAfter(c.requests.mailer, 2))
    with pytest.raises(Crash):
        run_transfer_notices(c.uow(), dying, 10)
    resumed = run_transfer_notices(c.uow(), c.requests, 10)
    assert resumed.uncertain == 0
    clock.advance(timedelta(minutes=STALE_MINUTES + 1))
    later = run_transfer_notices(c.uow(), c.requests, 10)
    assert (later.sent, later.uncertain) == (0, 1)
    to = sorted(m["To"] for m in mailbox.messages)
    assert to == sorted(f"p{i}@example.cn" for i in range(5))  # everyone once, nobody twice
    _, counts = bt.get_business_transfer(c.uow(), b.id)
    assert counts == {NoticeStatus.SENT: 4, NoticeStatus.UNCERTAIN: 1, NoticeStatus.NO_CONTACT: 1}
    # an officer releases the uncertain one, knowing it may arrive twice
    [maybe] = uncertain_people(c.uow(), b.id)
    assert release_transfer_notices(c.uow(), c.requests, BOB, b.id, [maybe]) == 1
    assert run_transfer_notices(c.uow(), c.requests, 10).sent == 1
    subjects = {m["Subject"] for m in mailbox.messages}
    assert len(mailbox.messages) == 6  # the released one was mailed again
    assert "Your personal data is transferred to Acme Holding Ltd (a merger)" in subjects
    assert "您的个人信息将因合并转移至Acme Holding Ltd" in subjects
    assert all("dpo@acme.cn" in body_text(m) for m in mailbox.messages)  # PIPL Art. 22
    entries = audit(c, "transfer_notice")
    assert [a for a, _ in entries].count("sharing.transfer_notice.sent") == 5
    assert "sharing.transfer_notice.release" in [a for a, _ in entries]
    assert not any("@example.cn" in details for _, details in entries)
    actions = [a for a, _ in audit(c, "business_transfer")]
    assert actions == [
        "sharing.transfer.record",
        "sharing.transfer.approved",
        "sharing.transfer.carried_out",
    ]


@pytest.mark.req("R3.4")
def test_a_scoped_transfer_concerns_only_the_people_holding_its_categories(
    c: Container, mailbox: SmtpSink
) -> None:
    undertaking = acquirer(c)
    [with_mail] = people(c, 1)
    register(c, item("user.name", "Name Only"))
    b = bt.record_business_transfer(
        c.uow(),
        c.requests,
        ALICE,
        merger(
            undertaking, kind=TransferKind.ASSET_TRANSFER, categories=frozenset({"user.contact"})
        ),
    )
    bt.review_business_transfer(c.uow(), c.requests, BOB, b.id, True, "")
    b = bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, b.id)
    assert b.people == 1
    [row] = disclosure_log(c.uow(), ALICE, share_id=b.share_id)
    assert row.subject_id == with_mail and set(row.categories) == {"user.contact"}
    assert run_transfer_notices(c.uow(), c.requests, 10).sent == 1
    assert "user.contact" in body_text(mailbox.messages[0])


@pytest.mark.req("R7.1")
@pytest.mark.req("R3.4")
def test_a_handover_abroad_counts_toward_the_year_and_needs_the_mechanism(c: Container) -> None:
    """A business transfer to an acquirer abroad is a transfer abroad (probe: it was left
    out of the yearly count, docs/sharing.md "Transfers abroad"): its people are counted —
    as sensitive only when they hold sensitive data in scope — and the handover is refused,
    nothing written, unless the acquirer has the mechanism the count then requires."""
    reg.save_recipient(
        c.uow(),
        c.clock,
        ALICE,
        reg.RecipientInput(
            "buyer-us", RecipientKind.ACQUIRER, "Buyer Inc.", "US", "US law", "dpo@buyer.us"
        ),
    )

    def agreement(kind: AgreementKind, **kw: str) -> str:
        a = reg.record_agreement(
            c.uow(),
            c.snapshots,
            c.clock,
            ALICE,
            reg.AgreementInput(
                "buyer-us",
                kind,
                kind.value,
                ("Buyer Inc.",),
                frozenset({"after_sales"}),
                frozenset({"user"}),
                START - DAY,
                None,
                "ef" * 32,
                "Legal archive, box 13",
                **kw,
            ),
        )
        reg.approve_agreement(c.uow(), c.clock, BOB, a.id)
        return a.id

    undertaking = agreement(AgreementKind.UNDERTAKING)
    plain = people(c, 2)
    banked = register(c, item(EMAIL, "rich@example.cn"), item(BANK, "6222020200112233")).subject.id

    def carried(subjects: set[str]) -> bt.BusinessTransfer:
        b = bt.record_business_transfer(
            c.uow(),
            c.requests,
            ALICE,
            merger(undertaking, acquirer="buyer-us", subjects=frozenset(subjects)),
        )
        bt.review_business_transfer(c.uow(), c.requests, BOB, b.id, True, "")
        return b

    def tally() -> tuple[int, int]:
        s = abroad_status(c.uow(), c.snapshots, c.clock)
        return s.tally.people, s.tally.sensitive

    first = carried(set(plain))  # two people, no sensitive data: exempt, counted
    assert bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, first.id).people == 2
    assert tally() == (2, 0)
    second = carried({banked, *plain})  # sensitive data: the standard contract at least
    with pytest.raises(Conflict) as refused:
        bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, second.id)
    assert refused.value.field == "acquirer" and "standard_contract" in refused.value.message
    assert tally() == (2, 0)  # nothing written
    assert bt.get_business_transfer(c.uow(), second.id)[0].status is TransferStatus.APPROVED
    assert len(disclosure_log(c.uow(), ALICE, recipient="buyer-us")) == 2
    agreement(AgreementKind.STANDARD_CONTRACT, reference="SC-440100-2026-0001")
    assert bt.carry_out_business_transfer(c.uow(), c.requests, ALICE, second.id).people == 3
    assert tally() == (3, 1)  # each person once a year; the banked one as sensitive
