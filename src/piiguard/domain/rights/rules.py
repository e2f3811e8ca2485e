"""Requests of the person (policy §4, §9; R4.1–R4.4, R9.1, R9.2): what a request is, its
life, its deadline and reminders, identity verification by one-time code, the rule that
flags a request as excessive, and the notifications owed to the systems holding the data.

Pure: times come in as arguments. A request's personal details (the contact address, what
the person wrote, the corrected values) never sit here in the clear: the store keeps them
sealed (`details_sealed`) and the request carries only a keyed hash of the contact, which
is how repeats are counted and how the contact is matched to a subject's blind index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import urlsplit

from piiguard.domain.errors import Conflict, InvalidInput
from piiguard.domain.rights.deadlines import ESCALATION, owed_notices

__all__ = ["ESCALATION"]  # re-exported: the requests' services name it from here


class RequestKind(StrEnum):
    ACCESS = "access"  # a copy of everything held, with provenance, purposes, recipients
    PORTABILITY = "portability"  # the data the person provided, machine-readable
    CORRECTION = "correction"  # R4.1, R2.8
    OBJECTION = "objection"  # refuse a use / withdraw consent
    RESTRICTION = "restriction"  # limit processing
    DELETION = "deletion"


class RequestChannel(StrEnum):
    """How the written request arrived (R9.1); phone and letter are entered by staff."""

    WEB = "web"
    EMAIL = "email"
    API = "api"
    PHONE = "phone"
    LETTER = "letter"


class RequestStatus(StrEnum):
    AWAITING_VERIFICATION = "awaiting_verification"  # code sent, nothing disclosed yet
    AWAITING_SECOND_STEP = "awaiting_second_step"  # document check + four-eyes (configurable)
    IN_PROGRESS = "in_progress"  # verified; staff or piiguard carry it out
    WAITING_ON_REQUESTER = "waiting_on_requester"  # the clock is paused (recorded)
    WAITING_ON_SYSTEMS = "waiting_on_systems"  # corrections/deletions sent, not all confirmed
    COMPLETED = "completed"
    REFUSED = "refused"

    @property
    def closed(self) -> bool:
        return self in (RequestStatus.COMPLETED, RequestStatus.REFUSED)


class ContactKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"


OPEN_STATUSES: frozenset[RequestStatus] = frozenset(s for s in RequestStatus if not s.closed)


NO_ENDPOINT = "no webhook endpoint registered for this system"  # a task's last_error: it waits


@dataclass(frozen=True, slots=True)
class RequestTerms:
    """The configurable rules (PIIGUARD_REQUEST_*; docs/requests.md)."""

    due_days: int = 30  # R9.2
    reminder_days: tuple[int, ...] = (7, 3, 1)
    code_minutes: int = 15
    code_attempts: int = 5
    codes_per_hour: int = 3  # per request
    opened_per_day: int = 5  # per contact: the form cannot be used to flood an address
    codes_per_request: int = 10  # in all: with 5 attempts each, a bounded number of guesses
    unverified_days: int = 7  # a request never confirmed is closed after this
    excessive_count: int = 2  # more than this many of one kind within the window
    excessive_window_days: int = 365
    second_step_kinds: frozenset[RequestKind] = frozenset({RequestKind.DELETION})
    second_step_sensitive: bool = True  # requests concerning sensitive categories
    link_days: int = 7  # the download link of an access/portability package
    webhook_max_backoff_minutes: int = 360


@dataclass(frozen=True, slots=True)
class RequestDetails:
    """What the person told us — personal data, so sealed at rest and shown only to staff
    handling the request and to the verified requester."""

    contact: str  # normalised email or phone
    contact_kind: ContactKind
    name: str = ""
    text: str = ""
    concerns: tuple[str, ...] = ()  # categories it is about (empty: everything)
    purposes: tuple[str, ...] = ()  # objection/restriction: the uses refused (empty: all)
    changes: Mapping[str, str] = field(default_factory=dict)  # correction: category -> value


@dataclass(frozen=True, slots=True)
class RightsRequest:
    id: str
    kind: RequestKind
    channel: RequestChannel
    status: RequestStatus
    received_at: datetime
    due_at: datetime
    contact_hash: str  # keyed hash of the normalised contact
    language: str  # zh or en: the language of every reply
    created_by: str  # actor ref (subject:web, system:<id>, staff:<id>, email:inbound)
    subject_id: str | None = None  # matched by blind index; never revealed before verification
    assignee: str | None = None  # staff id
    verified_at: datetime | None = None
    document_checked_by: str | None = None  # second step: who checked the document
    approved_by: str | None = None  # second step: a different member of staff (four-eyes)
    excessive: bool = False
    excessive_reason: str = ""
    fee: str = ""  # e.g. "50 CNY"; empty: free of charge
    refusal_reason: str = ""
    paused_at: datetime | None = None
    paused_seconds: int = 0
    closed_at: datetime | None = None
    outcome: str = ""  # what was done, in the reply's words (no personal data)
    sensitive: bool = False  # concerns sensitive categories

    def overdue(self, now: datetime) -> bool:
        return not self.status.closed and self.paused_at is None and now > self.due_at

    def days_left(self, now: datetime) -> int:
        return (self.due_at - now).days


def due_date(received_at: datetime, terms: RequestTerms) -> datetime:
    return received_at + timedelta(days=terms.due_days)


def needs_second_step(kind: RequestKind, sensitive: bool, terms: RequestTerms) -> bool:
    return kind in terms.second_step_kinds or (sensitive and terms.second_step_sensitive)


# --- the request's life -------------------------------------------------------------------

_NEXT: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.AWAITING_VERIFICATION: frozenset(
        {RequestStatus.AWAITING_SECOND_STEP, RequestStatus.IN_PROGRESS, RequestStatus.REFUSED}
    ),
    RequestStatus.AWAITING_SECOND_STEP: frozenset(
        {RequestStatus.IN_PROGRESS, RequestStatus.WAITING_ON_REQUESTER, RequestStatus.REFUSED}
    ),
    RequestStatus.IN_PROGRESS: frozenset(
        {
            RequestStatus.WAITING_ON_REQUESTER,
            RequestStatus.WAITING_ON_SYSTEMS,
            RequestStatus.COMPLETED,
            RequestStatus.REFUSED,
        }
    ),
    RequestStatus.WAITING_ON_REQUESTER: frozenset(
        {RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_SECOND_STEP, RequestStatus.REFUSED}
    ),
    RequestStatus.WAITING_ON_SYSTEMS: frozenset({RequestStatus.COMPLETED, RequestStatus.REFUSED}),
    RequestStatus.COMPLETED: frozenset(),
    RequestStatus.REFUSED: frozenset(),
}


def move(req: RightsRequest, to: RequestStatus, at: datetime) -> RightsRequest:
    """The request in its next status; a move the life does not allow is a Conflict."""
    if to not in _NEXT[req.status]:
        raise Conflict(f"request {req.id} is {req.status}; it cannot become {to}", field="status")
    out = replace(req, status=to)
    if to.closed:
        out = replace(out, closed_at=at)
    return out


def pause(req: RightsRequest, at: datetime) -> RightsRequest:
    """Wait on the requester (more information, a document, a fee): the clock stops."""
    if req.status not in (RequestStatus.IN_PROGRESS, RequestStatus.AWAITING_SECOND_STEP):
        raise Conflict(
            f"request {req.id} is {req.status}; only a request being handled "
            "can wait on the requester",
            field="status",
        )
    return replace(move(req, RequestStatus.WAITING_ON_REQUESTER, at), paused_at=at)


def resume(
    req: RightsRequest, at: datetime, back: RequestStatus = RequestStatus.IN_PROGRESS
) -> RightsRequest:
    """The requester answered: the deadline moves by exactly the time spent waiting.
    `back`: where the request goes on (the second step, if it was waiting for a document)."""
    if req.paused_at is None:
        raise Conflict(f"request {req.id} is not waiting on the requester", field="status")
    waited = max(timedelta(0), at - req.paused_at)
    return replace(
        move(req, back, at),
        paused_at=None,
        due_at=req.due_at + waited,
        paused_seconds=req.paused_seconds + int(waited.total_seconds()),
    )


# --- reminders and escalation (R9.2) -------------------------------------------------------


def reminder_label(days: int) -> str:
    return f"reminder_{days}d"


def notices_due(
    req: RightsRequest, now: datetime, sent: Iterable[str], terms: RequestTerms
) -> list[str]:
    """Which notices are owed now and not yet sent: reminders to the assignee 7, 3 and 1
    days before the due date, and an escalation to the privacy officer once overdue.
    After downtime (the scheduler catching up) only the most urgent one is sent — the
    others are returned too, so they are marked as passed rather than sent late. The rule
    is the one every legal clock follows (domain/deadlines.py)."""
    if req.status.closed or req.paused_at is not None:
        return []
    reminders = [(reminder_label(d), timedelta(days=d)) for d in terms.reminder_days]
    return owed_notices(req.due_at, now, reminders, sent)


# --- identity verification (R4.3) ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verification:
    """A one-time code sent to the contact on file, stored only as a keyed hash."""

    request_id: str
    code_hash: str
    sent_at: datetime
    expires_at: datetime
    attempts: int = 0
    used_at: datetime | None = None

    def usable(self, now: datetime, terms: RequestTerms) -> bool:
        return (
            self.used_at is None and now < self.expires_at and self.attempts < terms.code_attempts
        )


def may_send_code(sent_times: Iterable[datetime], now: datetime, terms: RequestTerms) -> bool:
    sent = list(sent_times)
    recent = [t for t in sent if now - t < timedelta(hours=1)]
    return len(recent) < terms.codes_per_hour and len(sent) < terms.codes_per_request


# --- charges and refusals (R4.4) ------------------------------------------------------------


def excessive_reason(
    kind: RequestKind,
    earlier: Iterable[tuple[RequestKind, datetime]],
    at: datetime,
    terms: RequestTerms,
) -> str:
    """Non-empty when this request repeats its kind more than `excessive_count` times within
    the window: the person's earlier requests (matched by contact hash or subject)."""
    since = at - timedelta(days=terms.excessive_window_days)
    n = sum(1 for k, t in earlier if k is kind and since <= t <= at)
    if n >= terms.excessive_count:
        return (
            f"repetitive: {n} earlier {kind} requests within "
            f"{terms.excessive_window_days} days (more than {terms.excessive_count} "
            "is beyond conventional limits)"
        )
    return ""


def check_fee(fee: str) -> str:
    """A fee is an amount and an ISO currency, e.g. '50 CNY'."""
    parts = fee.split()
    if len(parts) != 2 or not parts[1].isalpha() or len(parts[1]) != 3:
        raise InvalidInput("a fee is an amount and a currency code, e.g. '50 CNY'", field="fee")
    try:
        amount = float(parts[0])
    except ValueError:
        raise InvalidInput(
            "a fee is an amount and a currency code, e.g. '50 CNY'", field="fee"
        ) from None
    if amount <= 0 or amount > 100_000:
        raise InvalidInput("a fee must be a positive, reasonable amount", field="fee")
    return f"{parts[0]} {parts[1].upper()}"


# --- notifications to the systems holding the data (R4.1: correction, deletion) ------------


class TaskAction(StrEnum):
    CORRECT = "correct"
    DELETE = "delete"


class TaskStatus(StrEnum):
    PENDING = "pending"  # to send (or to retry at next_attempt_at)
    SENT = "sent"  # delivered; the system has not confirmed yet
    CONFIRMED = "confirmed"
    WAIVED = "waived"  # staff recorded why it need not confirm

    @property
    def settled(self) -> bool:
        return self in (TaskStatus.CONFIRMED, TaskStatus.WAIVED)


@dataclass(frozen=True, slots=True)
class SystemTask:
    id: str
    request_id: str
    system: str
    action: TaskAction
    categories: frozenset[str]
    status: TaskStatus
    created_at: datetime
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_error: str = ""
    settled_at: datetime | None = None
    note: str = ""  # a waiver's reason, or the system's confirmation reference


def backoff(attempts: int, terms: RequestTerms) -> timedelta:
    """1, 2, 4 … minutes after each failed delivery, capped (default 6 hours)."""
    minutes = min(2 ** max(0, attempts - 1), terms.webhook_max_backoff_minutes)
    return timedelta(minutes=minutes)


def check_language(language: str | None) -> str:
    lang = (language or "zh").lower()[:2]
    return lang if lang in ("zh", "en") else "zh"


MAX_URL_LENGTH = 2048


def check_webhook_url(url: str, *, require_https: bool = False) -> str:
    """The endpoint URL as it will be called, or InvalidInput: http or https only, a host,
    no user:password (it would be stored and shown in the clear), no fragment.
    `require_https`: plain http is refused (the payload carries personal data) except to a
    receiver on this host (loopback)."""
    text = url.strip()
    if not text or len(text) > MAX_URL_LENGTH or any(c.isspace() or ord(c) < 32 for c in text):
        raise InvalidInput(
            f"a webhook URL is a single http(s) URL of at most {MAX_URL_LENGTH} characters",
            field="url",
        )
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    loopback = parts.hostname in ("127.0.0.1", "::1", "localhost")  # a receiver on this host
    allowed = ("https",) if require_https and not loopback else ("http", "https")
    if scheme not in allowed:
        raise InvalidInput(f"a webhook URL must use {' or '.join(allowed)}", field="url")
    try:
        _ = parts.port  # urlsplit checks the port only when it is asked for
    except ValueError:
        raise InvalidInput(
            "the webhook URL's port is not a number from 0 to 65535", field="url"
        ) from None
    if not parts.hostname:
        raise InvalidInput("a webhook URL needs a host", field="url")
    if parts.username is not None or parts.password is not None:
        raise InvalidInput(
            "a webhook URL must not carry a user name or password; the "
            "signature authenticates piiguard",
            field="url",
        )
    if parts.fragment:
        raise InvalidInput("a webhook URL has no #fragment", field="url")
    return parts._replace(scheme=scheme).geturl()
