"""The retention schedule's vocabulary (R2.11): rules per purpose with category overrides,
rules for piiguard's own records, legal minimums, reviews, anchor events, legal holds and
each item's stored retain-until. Pure: no clock reads, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from piiguard.domain.errors import InvalidInput


class Anchor(StrEnum):
    """The event a retention period is counted from."""

    COLLECTED = "collected"  # the item's collected_at
    CONFIRMED = "confirmed"  # the item's last_confirmed_at
    CONTRACT_END = "contract_end"  # reported per subject by the company's systems
    LAST_ORDER = "last_order"  # reported per subject by the company's systems
    REQUEST_CLOSED = "request_closed"  # records of rights requests
    RECEIVED = "received"  # triage mail, packages: when piiguard received or made them


REPORTED_ANCHORS = frozenset({Anchor.CONTRACT_END, Anchor.LAST_ORDER})
# the events piiguard's own records count from (collected: the same as received for them);
# the other events are an item's, and an item's rules and minimums never count from these two
RECORD_ANCHORS = (Anchor.REQUEST_CLOSED, Anchor.RECEIVED, Anchor.COLLECTED)
OWN_RECORD_ANCHORS = frozenset({Anchor.REQUEST_CLOSED, Anchor.RECEIVED})


class RecordType(StrEnum):
    """What a disposal entry is: a data item, or a record piiguard keeps about a person."""

    ITEM = "item"
    DATA_REQUEST = "data_request"  # request records with sealed contacts
    TRIAGE_MAIL = "triage_mail"
    REQUEST_PACKAGE = "request_package"  # delivered access packages
    DECISION_NOTE = "decision_note"  # sealed notes in decision and audit details


@dataclass(frozen=True, slots=True)
class RetentionRule:
    """Keep for `days` from `anchor`. category "" is the purpose's own rule; any other
    category overrides it for that category (and its subtree) under the purpose."""

    purpose: str
    category: str
    days: int
    anchor: Anchor
    note: str = ""


@dataclass(frozen=True, slots=True)
class RecordRule:
    record_type: RecordType
    days: int
    anchor: Anchor
    note: str = ""


@dataclass(frozen=True, slots=True)
class LegalMinimum:
    """Keep at least this long whatever the purpose says. days None: permanently. Applies to
    the categories named (each with its subtree) under the purposes named (none: any)."""

    key: str
    en: str
    zh: str
    legal_source: str
    days: int | None
    anchor: Anchor
    categories: frozenset[str]
    purposes: frozenset[str] = frozenset()
    active: bool = True


@dataclass(frozen=True, slots=True)
class ScheduleChange:
    """One version of the schedule: what changed, by whom (the audit trail has the same)."""

    version: int
    kind: str  # rule, record_rule, minimum, interval
    target: str
    definition: str  # JSON of the rule as changed; "" when removed
    changed_at: datetime
    changed_by: str


@dataclass(frozen=True, slots=True)
class ScheduleReview:
    id: str
    reviewed_at: datetime
    reviewed_by: str
    schedule_version: int
    changes: str
    next_due_at: datetime


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    subject_id: str
    event: Anchor
    at: datetime
    reported_by: str
    reported_at: datetime


class HoldStatus(StrEnum):
    PROPOSED = "proposed"  # placed by one officer, awaiting a second
    ACTIVE = "active"
    LIFT_PROPOSED = "lift_proposed"  # still active until a second officer lifts it
    LIFTED = "lifted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class LegalHold:
    """Suspends disposal of what it covers. Empty scope lists cover everything on that
    axis; a hold covering nothing explicitly (all three empty) covers all data."""

    id: str
    status: HoldStatus
    reason: str
    case_reference: str
    subject_ids: frozenset[str]
    categories: frozenset[str]
    systems: frozenset[str]
    until: datetime | None
    placed_by: str
    placed_at: datetime
    approved_by: str | None = None
    approved_at: datetime | None = None
    lift_requested_by: str | None = None
    lift_requested_at: datetime | None = None
    lift_reason: str = ""
    lifted_by: str | None = None
    lifted_at: datetime | None = None

    def in_force(self, at: datetime) -> bool:
        return (
            self.status in (HoldStatus.ACTIVE, HoldStatus.LIFT_PROPOSED)
            and (self.until is None or at < self.until)
            and (self.lifted_at is None or at < self.lifted_at)
        )

    def covers(self, subject_id: str | None, category: str, system: str) -> bool:
        return (
            (not self.subject_ids or subject_id in self.subject_ids)
            and (
                not self.categories
                or any(category == c or category.startswith(c + ".") for c in self.categories)
            )
            and (not self.systems or system in self.systems)
        )


@dataclass(frozen=True, slots=True)
class ItemRetention:
    """An item's retain-until as last computed (None: kept indefinitely)."""

    item_id: str
    subject_id: str
    retain_until: datetime | None
    schedule_version: int
    computed_at: datetime
    # the item's metadata the sweep selects with (kept beside the date, so the selection
    # is one range scan of one table; migration 0011)
    category: str = ""
    held_in: str = ""
    purposes: frozenset[str] = frozenset()


_ORDERS = frozenset({"user.financial.bank_account", "user.behavior.purchase_history"})
_ORDER_PURPOSES = frozenset({"order_fulfilment", "legal_compliance"})


def seed_minimums() -> list[LegalMinimum]:
    """The legal minimums piiguard starts with (each editable). Years are counted as days
    with their leap days (30 years = 10,958 days), so a minimum is never short."""
    return [
        LegalMinimum(
            "accounting_vouchers",
            "Accounting vouchers and books (payment records, invoices)",
            "会计凭证、会计账簿（付款记录、发票）",
            "会计档案管理办法 (2015) 第十四条: 会计凭证、会计账簿 30 年",
            10958,
            Anchor.COLLECTED,
            _ORDERS,
            _ORDER_PURPOSES,
        ),
        LegalMinimum(
            "tax_records",
            "Tax records (invoices, payment records)",
            "涉税资料（发票、付款记录）",
            "税收征收管理法实施细则 第二十九条: 账簿、记账凭证、完税凭证等 10 年",
            3653,
            Anchor.COLLECTED,
            _ORDERS,
            _ORDER_PURPOSES,
        ),
        LegalMinimum(
            "financial_reports",
            "Annual financial reports (name the categories they hold to apply it)",
            "年度财务会计报告（指明其所含类别后适用）",
            "会计档案管理办法 (2015) 第十四条: 年度财务会计报告 永久",
            None,
            Anchor.COLLECTED,
            frozenset(),
            frozenset(),
            active=False,
        ),
    ]


MAX_DAYS = 100 * 366


def check_days(days: int | None, field: str = "days", *, permanent: bool = False) -> None:
    if days is None:
        if not permanent:
            raise InvalidInput("a retention period needs a number of days", field=field)
        return
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be between 1 and {MAX_DAYS}", field=field)
