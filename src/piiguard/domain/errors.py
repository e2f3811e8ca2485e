"""Domain errors. They know nothing of HTTP; web/problems.py maps each to problem+json."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from piiguard.domain.decisions import Reason


class DomainError(Exception):
    """Base of every error a use case may raise on purpose.

    `code` is stable (it becomes the problem+json `type`); `field` names the input at fault.
    """

    code = "domain-error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(DomainError):
    code = "invalid-input"


class WeakPassword(InvalidInput):
    """A password the rules refuse (R2.9; domain/password_rules.py). `rule` says which
    (length, common, personal, company, common-variant, guessable); `hints` are the
    estimator's warning and suggestions as (en, zh) pairs; `guesses_log10` and
    `needed_log10` are set when the strength estimate refused it."""

    def __init__(
        self,
        message: str,
        *,
        field: str,
        rule: str,
        hints: tuple[tuple[str, str], ...] = (),
        guesses_log10: float | None = None,
        needed_log10: float | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.rule = rule
        self.hints = hints
        self.guesses_log10 = guesses_log10
        self.needed_log10 = needed_log10


class UnknownCategory(InvalidInput):
    code = "unknown-category"


class NotFound(DomainError):
    code = "not-found"


class Conflict(DomainError):
    code = "conflict"


class UnderWay(Conflict):
    """The same work is being done by another process or request right now (a disposal of
    the batch, a refresh of the stored retain-until): try again once it ends. A 409."""

    code = "under-way"


class AccessDenied(DomainError):
    """A recorded decision refused the use; `reasons` lists why (codes and sentences)."""

    code = "access-denied"

    def __init__(
        self, message: str, *, reasons: tuple[Reason, ...] = (), decision_id: str = ""
    ) -> None:
        super().__init__(message)
        self.reasons = reasons
        self.decision_id = decision_id


class NotAuthenticated(DomainError):
    code = "not-authenticated"


class Forbidden(DomainError):
    code = "forbidden"


def at_most(value: str, most: int, field: str) -> None:
    """A text's limit kept by the service, so that the console and the CLI keep the API's
    limits too; the refusal names the field."""
    if len(value) > most:
        raise InvalidInput(f"{field}: at most {most} characters", field=field)


class FourEyes(Forbidden):
    """The second step of a four-eyes rule taken by whoever took the first (recorded,
    proposed, wrote, handled it): 403 forbidden like any refusal, and a page says so in
    the reader's language instead of "your roles do not allow this"."""


class PurposeNotAssigned(Forbidden):
    """A member of staff named a purpose their department is not assigned (R2.10)."""

    code = "purpose-not-assigned"


class CredentialNotReadable(DomainError):
    """Credentials are stored as one-way hashes; there is nothing to read back."""

    code = "credential-not-readable"


class VaultIntegrityError(DomainError):
    """A ciphertext does not belong where it was found (AAD mismatch) or was altered."""

    code = "vault-integrity"


class KeyShredded(DomainError):
    """The subject's data key was destroyed (erasure): its values can never be decrypted."""

    code = "key-shredded"


class ReauthRequired(NotAuthenticated):
    """A sensitive action needs a recent password (+ TOTP) on this session (R2.6)."""

    code = "reauth-required"


class SessionLocked(NotAuthenticated):
    """The session was idle too long (R2.6): re-authenticate to resume it."""

    code = "session-locked"


class MfaRequired(NotAuthenticated):
    """The password was right; the account's role needs its TOTP or a recovery code too."""

    code = "mfa-required"


class TooManyAttempts(DomainError):
    """Sign-in attempts from this account or address must wait (back-off), or the account is
    locked until `retry_after` seconds have passed or a privacy officer unlocks it."""

    code = "too-many-attempts"

    def __init__(self, message: str, *, retry_after: int, locked: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.locked = locked


class SessionPending(Forbidden):
    """The session may only finish a step first: enrol TOTP, or change the password."""

    code = "session-pending"

    def __init__(self, message: str, *, pending: str) -> None:
        super().__init__(message)
        self.pending = pending


class CsrfRefused(Forbidden):
    """A cookie-authenticated change came without the session's CSRF token."""

    code = "csrf-refused"


class MailError(DomainError):
    """The outbound mail server refused or could not be reached. The message names the
    server's reply code or the exception's class and what to check — never an address or a
    body (no personal data). `reply_code` is None when the server could not be reached;
    `transient` says whether sending again later may succeed (4xx, or unreachable)."""

    code = "mail-error"

    def __init__(self, message: str, *, reply_code: int | None = None) -> None:
        super().__init__(message)
        self.reply_code = reply_code

    @property
    def transient(self) -> bool:
        return self.reply_code is None or 400 <= self.reply_code < 500
