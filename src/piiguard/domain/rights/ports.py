"""Ports for the requests of the person (R4, R9): the request store, mail in and out, the
webhooks that tell registered systems to correct or delete, and the writer of access and
portability packages. adapters/ implements each for real; unit tests pass small fakes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from piiguard.domain.rights.packages import AccessPackage
from piiguard.domain.rights.rules import (
    RequestKind,
    RequestStatus,
    RightsRequest,
    SystemTask,
    Verification,
)

# --- mail ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutgoingMail:
    to: str
    subject: str
    text: str
    html: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)  # e.g. X-Piiguard-Request


@dataclass(frozen=True, slots=True)
class InboundMail:
    """A mail as the SMTP listener received it, decoded (RFC 2047 headers, base64 / QP
    bodies, any charset): the text body is the text/plain part, or the HTML part's text."""

    sender: str  # the From address (normalised, lower-case)
    recipients: tuple[str, ...]
    subject: str
    text: str
    message_id: str
    language: str  # "zh" when the mail has CJK text, else "en"
    # an autoresponder, a bounce or a list (RFC 3834): never answered, never a request
    automatic: bool = False


class Mailer(Protocol):
    def send(self, mail: OutgoingMail) -> None:
        """Hand the mail to the outbound SMTP server; raises MailError when it refuses."""


# --- webhooks -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Delivery:
    """What a system answered. `confirmed`: it says it has done it already (2xx with
    {"status": "done"}); otherwise a 2xx means received, to be confirmed later by API."""

    delivered: bool
    confirmed: bool = False
    status: int | None = None
    error: str = ""  # no personal data: the HTTP status or the exception's class


class WebhookSender(Protocol):
    def deliver(self, url: str, secret: bytes, payload: Mapping[str, object]) -> Delivery:
        """POST the JSON payload signed with HMAC-SHA256 under `secret`."""


# --- packages -------------------------------------------------------------------------------


class PackageWriter(Protocol):
    def access_zip(self, package: AccessPackage) -> bytes:
        """The machine-readable access package: JSON + CSV (+ the HTML page) in a zip."""

    def access_html(self, package: AccessPackage) -> str: ...

    def portability_json(self, package: AccessPackage) -> bytes: ...


# --- the request store ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueFilter:
    statuses: frozenset[RequestStatus] | None = None  # None: every open status
    kind: RequestKind | None = None
    assignee: str | None = None
    due_before: datetime | None = None
    overdue_at: datetime | None = None  # only requests overdue at this time
    limit: int = 50
    offset: int = 0
    subject_id: str | None = None  # only the requests about this person (open and closed)


@dataclass(frozen=True, slots=True)
class StoredPackage:
    id: str
    request_id: str
    subject_id: str
    kind: str  # access | portability
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    sealed: bytes  # the package, encrypted under the key-encryption key


@dataclass(frozen=True, slots=True)
class Endpoint:
    system: str
    url: str
    secret_sealed: str  # SecretBox-sealed HMAC secret


@dataclass(frozen=True, slots=True)
class TriageMail:
    id: str
    received_at: datetime
    sealed: str  # the raw mail, sealed: it may carry personal data
    reason: str
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    request_id: str | None = None


class RequestStore(Protocol):
    def add(self, req: RightsRequest, details_sealed: str) -> None: ...
    def get(self, request_id: str, *, lock: bool = False) -> tuple[RightsRequest, str] | None: ...
    def save(self, req: RightsRequest) -> None: ...
    def claim(self, request_id: str, at: datetime, stale_before: datetime) -> bool: ...
    def release(self, request_id: str) -> None: ...
    def opened_since(self, contact_hash: str, since: datetime) -> int: ...
    def earlier(
        self, contact_hash: str, subject_id: str | None, before: datetime
    ) -> list[tuple[RequestKind, datetime]]: ...
    def queue(self, f: QueueFilter) -> list[RightsRequest]:
        """Open requests (or those of `f.statuses`), overdue first, then by due date."""

    def counts(self, now: datetime) -> tuple[int, int]:
        """(open, overdue) — the console's front-page counter."""

    def due_for_notices(self, now: datetime, horizon_days: int) -> list[RightsRequest]: ...
    def notices_sent(self, request_ids: Sequence[str]) -> dict[str, set[str]]: ...
    def add_notice(self, request_id: str, label: str, at: datetime, sent: bool) -> bool:
        """False when this notice was already recorded (another worker sent it)."""

    def reply_mailed(self, request_id: str) -> bool: ...
    def drop_notice(self, request_id: str, label: str) -> None: ...
    def unreplied(self, limit: int) -> list[str]: ...
    def retry_endpoint_tasks(self, system: str, at: datetime) -> int: ...
    def add_code(self, v: Verification) -> None: ...
    def codes(self, request_id: str) -> list[Verification]: ...
    def save_code(self, v: Verification) -> None: ...
    def add_tasks(self, tasks: Sequence[SystemTask]) -> None: ...
    def tasks_of(self, request_id: str) -> list[SystemTask]: ...
    def task(self, task_id: str) -> SystemTask | None: ...
    def tasks_due(self, now: datetime, limit: int) -> list[SystemTask]: ...
    def save_task(self, t: SystemTask) -> None: ...
    def endpoints(self) -> dict[str, Endpoint]: ...
    def set_endpoint(self, e: Endpoint) -> None: ...
    def add_package(self, p: StoredPackage, token_hash: str) -> None: ...
    def package_by_token(self, token_hash: str) -> StoredPackage | None: ...
    def use_package(self, package_id: str, at: datetime) -> bool:
        """Mark an unused package used; False when it already was (single use)."""

    def packages_of(self, request_id: str) -> list[StoredPackage]: ...
    def drop_packages_of_subject(self, subject_id: str) -> list[str]: ...  # the ids dropped
    def add_triage(self, t: TriageMail) -> None: ...
    def triage(self, *, open_only: bool = True) -> list[TriageMail]: ...
    def resolve_triage(
        self, triage_id: str, at: datetime, by: str, request_id: str | None
    ) -> bool: ...
