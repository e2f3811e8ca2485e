"""The notice before a first transfer abroad (R7.1, R3.6; PIPL Art. 39): before a person's
data first goes to a recipient abroad that is not a group company, the person is told —
by mail, in their language (zh/en) — the recipient, its country, the purpose, the
categories and how to exercise their rights there. Pure: no clock reads, no I/O.

How it gates: the decision point's rule `abroad_notice_given` refuses the whole share of a
person to such a recipient (`abroad_notice_not_sent`) until a notice to that person about
that recipient is recorded as sent (or an officer recorded that the person was told another
way). The share that meets the rule queues the notice (services/sharing/notice.py) when the
notice is all that stands in the way; the sharing pass mails it (throttled, resumable, at
most once); the next share of that person to that recipient goes through.

One `AbroadNotice` per person and recipient: the state row that makes the mailing
resumable and at most once, as the policy-version notices (domain/policy/notices.py): a pass
claims a row (`pending` → `sending`) before the mail and records the outcome after it; a
row still `sending` when a later pass finds it belonged to a pass that crashed between the
two and becomes `uncertain` — never mailed again by itself. No column holds a contact or a
value: ids, category keys, statuses, reply codes, a keyed hash of the address."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from piiguard.domain.decisions import Decision, Verdict, reason
from piiguard.domain.sharing.register import Recipient, RecipientKind, RecipientStatus

if TYPE_CHECKING:
    from piiguard.domain.access import AccessRequest, PolicyState, SubjectState

CODE = "abroad_notice_not_sent"


class AbroadNoticeStatus(StrEnum):
    PENDING = "pending"  # waiting for a pass (or retried after a temporary failure)
    SENDING = "sending"  # claimed by a pass, mail on its way
    SENT = "sent"  # the outbound server took it: the person is told
    TOLD = "told"  # an officer recorded the person was told another way (post, phone ...)
    REFUSED = "refused"  # the server refused it for good (5xx)
    FAILED = "failed"  # temporary failures until the attempts ran out
    NO_CONTACT = "no_contact"  # no e-mail address we may use: an officer decides
    UNCERTAIN = "uncertain"  # a pass crashed after claiming it: maybe sent, never resent

    @property
    def told(self) -> bool:
        """The person is told: the share may go."""
        return self in (AbroadNoticeStatus.SENT, AbroadNoticeStatus.TOLD)

    @property
    def for_officer(self) -> bool:
        """Stuck: an officer decides (record it told another way, or try the mail again)."""
        return self in STUCK


STUCK = (
    AbroadNoticeStatus.REFUSED,
    AbroadNoticeStatus.FAILED,
    AbroadNoticeStatus.NO_CONTACT,
    AbroadNoticeStatus.UNCERTAIN,
)


class ToldBy(StrEnum):
    """How an officer told a person the mail did not reach."""

    POST = "post"
    PHONE = "phone"
    IN_PERSON = "in_person"
    OTHER_CHANNEL = "other_channel"  # e.g. the app's message centre


@dataclass(frozen=True, slots=True)
class AbroadNotice:
    id: str
    subject_id: str
    recipient: str  # register key
    purpose: str  # of the share that queued it
    categories: frozenset[str]  # what that share would send
    status: AbroadNoticeStatus
    created_at: datetime
    updated_at: datetime
    attempts: int = 0
    language: str = ""  # zh or en, once mailed
    reply_code: int | None = None
    sent_at: datetime | None = None  # mailed, or told another way
    contact_hash: str = ""  # keyed hash of the address it went to
    decided_by: str | None = None  # the officer who recorded it told, or retried it
    told_by: ToldBy | None = None


def needs_notice(r: Recipient, home_region: str) -> bool:
    """A recipient abroad other than a group company (spared the notice, not the consent)
    or an authority (a legal request, its own register)."""
    return r.abroad(home_region) and r.kind not in (
        RecipientKind.GROUP_COMPANY,
        RecipientKind.AUTHORITY,
    )


def abroad_notice_given(
    req: AccessRequest, pol: PolicyState, sub: SubjectState
) -> Iterable[Verdict]:
    """Abroad, not a group company: the person was told of this recipient before their data
    first goes to it (`req.abroad_notice`, handed in by the share; None: nobody checked)."""
    if req.recipient is None or req.abroad_notice is True:
        return
    r = pol.recipients.get(req.recipient)
    if r is None or r.status is not RecipientStatus.ACTIVE or not needs_notice(r, pol.home_region):
        return
    yield Verdict(
        reason(
            CODE,
            f"{r.legal_name} is in {r.country}: the person is first told, by a notice recorded "
            "as sent, who receives their data abroad, where, for what and how to exercise their "
            "rights there; held until then.",
            f"{r.legal_name}位于境外（{r.country}）：须先向本人告知境外接收方、所在国家或地区、"
            "处理目的、个人信息种类及向其行使权利的方式，并记录为已发送；在此之前暂不提供。",
        ),
        req.categories,
    )


NOTICE_REASONS: dict[str, tuple[str, ...]] = {"abroad_notice_given": (CODE,)}


def held_only_for_notice(d: Decision) -> frozenset[str]:
    """The categories a decision refused only for want of the notice — what would go once
    the person is told; empty when another reason refuses everything (then nobody is mailed
    about a transfer that would not happen)."""
    if CODE not in {r.code for r in d.reasons}:
        return frozenset()
    others = [r for r in d.reasons if r.code != CODE]
    if any(not r.categories for r in others):
        return frozenset()
    return d.requested - {c for r in others for c in r.categories}


class AbroadNoticeStore(Protocol):
    """adapters/db/stores/sharing/notice.py."""

    def abroad_notices_for(
        self, recipient: str, subject_ids: Sequence[str]
    ) -> dict[str, AbroadNotice]:
        """The notices about this recipient to these people, by subject."""

    def add_abroad_notices(self, rows: Sequence[AbroadNotice]) -> None:
        """New pending notices (a person already holding one about the recipient: skipped)."""

    def abroad_notice(self, notice_id: str) -> AbroadNotice | None: ...
    def save_abroad_notice(self, n: AbroadNotice) -> None: ...
    def claim_abroad_notice(self, notice_id: str, now: datetime) -> bool:
        """`pending` → `sending` if still pending (False: another pass took it)."""

    def abroad_notices_uncertain(
        self, claimed_before: datetime, now: datetime
    ) -> list[AbroadNotice]:
        """Rows left `sending` since before `claimed_before` become `uncertain`."""

    def abroad_notices(
        self,
        statuses: Sequence[AbroadNoticeStatus] = (),
        recipient: str | None = None,
        subject_id: str | None = None,
        limit: int = 100,
    ) -> list[AbroadNotice]:
        """Oldest first."""
