"""Settings, from environment variables prefixed PIIGUARD_ (pydantic-settings).

PIIGUARD_DATABASE_URL picks the database (a SQLAlchemy URL); nothing else changes between
SQLite and PostgreSQL. Files that hold secrets live under PIIGUARD_VAR_DIR unless placed
elsewhere one by one — in production, keep the key store, the master key file and the
audit signing key on storage the data database's backups do not include.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import Field, PrivateAttr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from piiguard.domain.errors import InvalidInput
from piiguard.domain.incidents.vulns import DEFAULT_DAYS, check_days
from piiguard.domain.staff_security import GENERIC_MAILBOXES


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PIIGUARD_", extra="ignore")

    var_dir: Path = Field(Path("var"), description="where the embedded databases and keys live")
    database_url: str | None = Field(None, description="SQLAlchemy URL of the data database")
    keystore_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the key store (wrapped subject keys), apart from the data",
    )
    master_key_file: Path | None = Field(None, description="local KEK and HMAC key file")
    audit_key_file: Path | None = Field(None, description="Ed25519 key signing checkpoints")
    audit_witness_file: Path | None = Field(None, description="checkpoints kept outside the DB")
    taxonomy_file: Path | None = Field(None, description="company data categories (YAML)")
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = Field(1, ge=1, le=64, description="server processes sharing the port")
    audit_checkpoint_every: int = Field(1000, ge=1, description="entries per checkpoint")
    audit_checkpoint_seconds: float = Field(60.0, gt=0, description="checkpoint timer")
    api_key_cache_seconds: float = Field(
        5.0,
        ge=0,
        description="how long a checked API key "
        "is trusted without reading the database again; a "
        "key revoked elsewhere stops within this time",
    )
    session_hours: float = Field(12.0, gt=0, description="absolute staff session lifetime")
    setup_token_hours: float = Field(24.0, gt=0)
    # staff security (docs/security.md: each rule, its default and the standard it follows)
    session_idle_minutes: float = Field(
        15.0,
        gt=0,
        description="a staff session idle this long locks; the password (+ code) unlocks it (R2.6)",
    )
    reauth_minutes: float = Field(
        10.0,
        gt=0,
        description="sensitive actions need a sign-in or re-authentication at most this old",
    )
    password_min_length: int = Field(15, ge=8, description="password as the only factor")
    password_min_length_mfa: int = Field(8, ge=8, description="password with TOTP")
    password_max_length: int = Field(256, ge=64, description="longest password accepted")
    password_max_age_days: int = Field(
        180,
        ge=0,
        description="forced change after this many days (R5.3; 0 = never, as NIST advises)",
    )
    password_history: int = Field(5, ge=0, description="no reuse of the last N passwords")
    password_min_guesses_log10: float = Field(
        8.0,
        ge=0,
        le=30,
        description="a new "
        "password needs a strength estimate (zxcvbn) "
        "of at least 10^N guesses (0 = off)",
    )
    mfa_roles: list[str] = Field(
        ["privacy_officer", "staff", "auditor"],
        description="roles that must sign in with TOTP (R2.6)",
    )
    generic_mailboxes: list[str] = Field(
        sorted(GENERIC_MAILBOXES),
        description="local parts refused for staff accounts (admin@, sales@, ...)",
    )
    login_free_attempts: int = Field(
        3, ge=0, description="failures on one account before its back-off starts"
    )
    login_address_free_attempts: int = Field(
        50,
        ge=0,
        description="failures from one "
        "client address (any accounts) before that "
        "address backs off; never locks (shared NAT)",
    )
    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        [],
        description="reverse proxies (IPs or CIDRs, comma-separated or a JSON list) "
        "whose X-Forwarded-For is believed for the client address; empty: the direct peer",
    )
    login_backoff_seconds: float = Field(1.0, ge=0, description="first back-off; doubles")
    login_backoff_max_seconds: float = Field(900.0, ge=0, description="back-off cap")
    login_lock_after: int = Field(10, ge=1, description="consecutive failures that lock an account")
    login_lock_minutes: float = Field(30.0, gt=0, description="a lock lifts by itself after")
    invitation_hours: float = Field(72.0, gt=0, description="an invitation link's lifetime")
    totp_window: int = Field(1, ge=0, le=2, description="30 s steps accepted either side")
    company_name: str = "ST Machinery Technology (Foshan) Co., Ltd"
    default_system: str = Field("piiguard-vault", description="where items are held by default")
    home_region: str = Field("CN", description="ISO code of the home country (R7.1)")
    ciio: bool = Field(False, description="a CIIO: abroad always the CAC assessment (R7.1)")
    child_age: int = Field(14, ge=1, le=21, description="under it a child: guardian consent (R6.1)")

    # requests of the person (R4, R9; docs/requests.md)
    public_url: str = Field(
        "",
        description="the address people reach the privacy centre "
        "at; links in mails start with it. Default: http://HOST:PORT "
        "(PIIGUARD_HOST, PIIGUARD_PORT; this machine's name when HOST is "
        "0.0.0.0 or ::) — `serve` warns when it cannot be right",
    )
    _public_url_derived: bool = PrivateAttr(False)
    request_due_days: int = Field(30, ge=1, le=90, description="answer within (R9.2)")
    request_reminder_days: list[int] = Field(
        [7, 3, 1], description="remind the assignee this many days before the due date"
    )
    request_excessive_count: int = Field(
        2,
        ge=1,
        description="more requests of one kind than this within the window are flagged (R4.4)",
    )
    request_excessive_window_days: int = Field(365, ge=1)
    request_second_step: list[str] = Field(
        ["deletion"],
        description="request kinds that "
        "need a staff document check and a second "
        "approver after the code (four eyes)",
    )
    request_second_step_sensitive: bool = Field(
        True, description="also requests about sensitive categories"
    )
    request_link_days: int = Field(7, ge=1, le=30, description="download links expire")
    privacy_officer_email: str = Field(
        "privacy@example.com",
        description="escalations of overdue requests go here (and to every officer)",
    )
    privacy_mailboxes: list[str] = Field(
        ["privacy@example.com"], description="addresses the SMTP listener accepts requests for"
    )
    smtp_host: str = Field("127.0.0.1", description="outbound mail server")
    smtp_port: int = Field(25, ge=1, le=65535)
    smtp_sender: str = Field("privacy@example.com", description="From of outgoing mail")
    smtp_starttls: bool = False
    smtp_username: str | None = None
    smtp_password: str | None = None
    inbox_host: str = Field("127.0.0.1", description="where the SMTP listener binds")
    inbox_port: int = Field(2525, ge=0, le=65535, description="SMTP listener port; 0 = off")
    scheduler: str = Field(
        "inprocess",
        pattern="^(inprocess|off)$",
        description="run "
        "reminders, webhooks and replies inside `serve` (inprocess) or "
        "only in a separate `piiguard worker` (off)",
    )
    scheduler_seconds: float = Field(30.0, gt=0, description="how often the jobs run")

    # retention and disposal (R2.11; docs/retention.md)
    retention_sweep_minutes: float = Field(
        60.0, gt=0, description="how often the retention sweep proposes and disposes"
    )
    retention_auto_dispose_days: int = Field(
        0,
        ge=0,
        le=365,
        description="a proposed disposal batch nobody rejected is disposed of after this "
        "many days (0: only when an officer approves it)",
    )
    # data kept up to date (R2.8) and a child's data found (R6.3); docs/retention.md
    upkeep_minutes: float = Field(
        60.0, gt=0, description="how often stale items are queued and confirmation mails sent"
    )
    confirmation_mails_per_pass: int = Field(
        100, ge=1, le=10_000, description="confirmation mails sent at most per pass (throttle)"
    )
    confirmation_staff_days: int = Field(
        14, ge=1, le=365, description="an unanswered confirmation request goes to staff after"
    )
    child_data_hours: int = Field(
        72, ge=1, le=8760, description="deadline of a child's data found without guardian consent"
    )
    # paper records and removable media in custody (R5.2, R5.4); docs/custody.md
    custody_minutes: float = Field(
        60.0, gt=0, description="how often overdue printouts and missing media are escalated"
    )
    paper_lock_hours: int = Field(
        24, ge=1, le=8760, description="a printout must be locked away or shredded within"
    )
    media_inventory_days: int = Field(
        90, ge=1, le=3650, description="how often every removable medium is accounted for"
    )

    # backups (R5.7; docs/backups.md, docs/operations.md "Backups")
    backup_dir: Path | None = Field(
        None, description="the default backup target folder (default: VAR_DIR/backups)"
    )
    backup_target: str = Field(
        "",
        max_length=64,
        description="a data-map system of kind backup (approved) to write backups to; "
        "empty: the folder PIIGUARD_BACKUP_DIR",
    )
    backup_check_minutes: float = Field(
        60.0, gt=0, description="how often the backup job looks for a backup or test due"
    )
    backup_every_hours: float = Field(24.0, gt=0, description="a data backup this often")
    backup_keep_days: int = Field(
        35, ge=1, le=3650, description="data backups are pruned after this many days"
    )
    backup_keystore_every_hours: float = Field(
        24.0, gt=0, description="a key-store backup this often (apart from the data)"
    )
    backup_keystore_keep_days: int = Field(
        7,
        ge=1,
        description="key-store backups are pruned after this many days: must be fewer than "
        "PIIGUARD_REQUEST_DUE_DAYS, so that an erased person's key leaves every copy "
        "within the erasure deadline",
    )
    backup_restore_test_days: float = Field(
        7.0, gt=0, description="a restore test this often; none within it alerts the officers"
    )
    backup_sample: int = Field(
        20, ge=1, le=1000, description="people whose items a restore test decrypts"
    )

    # incidents (R5.8) and vulnerabilities (R5.9); docs/incidents.md
    incident_jobs_minutes: float = Field(
        5.0, gt=0, description="how often clocks remind, notices go, overdue vulns escalate"
    )
    incident_mails_per_pass: int = Field(200, ge=1, le=100_000, description="mail throttle")
    incident_sending_stale_minutes: float = Field(
        10.0, gt=0, description="an unrecorded notification claim this old is marked unknown"
    )
    vuln_days: dict[str, int] = Field(dict(DEFAULT_DAYS), description="days by severity (JSON)")
    # sharing (R3.1–R3.6; docs/sharing.md), policy notices (R8.1, R2.4; docs/accountability.md)
    sharing_minutes: float = Field(15.0, gt=0, description="how often the sharing job runs")
    agreement_notice_days: int = Field(30, ge=1, le=365, description="agreement expiry notice")
    consent_renewal_days: int = Field(30, ge=1, le=365, description="grace to renew a consent")
    policy_notice_minutes: float = Field(5.0, gt=0, description="how often notices are mailed")
    policy_notice_mails_per_pass: int = Field(200, ge=1, le=10_000, description="throttle")

    @model_validator(mode="after")
    def _keystore_keep(self) -> Settings:
        if self.backup_keystore_keep_days >= self.request_due_days:
            raise ValueError(
                f"PIIGUARD_BACKUP_KEYSTORE_KEEP_DAYS ({self.backup_keystore_keep_days}) must "
                f"be fewer than PIIGUARD_REQUEST_DUE_DAYS ({self.request_due_days}): a "
                "key-store backup kept longer than the erasure deadline would still hold an "
                "erased person's key (docs/operations.md, Backups)"
            )
        return self

    @field_validator("vuln_days")
    @classmethod
    def _vuln_days(cls, value: dict[str, int]) -> dict[str, int]:
        try:  # each severity 1–3650 days; those not named keep the default
            return check_days(value)
        except InvalidInput as e:
            raise ValueError(str(e)) from None

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _networks(cls, value: object) -> list[str]:
        """`10.0.0.5, 10.1.0.0/16` or `["10.0.0.5"]`; each must parse as an address or a
        network, so a typo stops the start instead of trusting nobody (or everybody)."""
        if isinstance(value, str):
            text = value.strip()
            value = (
                json.loads(text)
                if text.startswith("[")
                else [p for p in text.replace(",", " ").split() if p]
            )
        if not isinstance(value, list):
            raise ValueError("a list of IP addresses or CIDR networks")  # noqa: TRY004
        out = []
        for item in value:
            try:
                out.append(str(ipaddress.ip_network(str(item).strip(), strict=False)))
            except ValueError as exc:
                raise ValueError(f"not an IP address or network: {item!r}") from exc
        return out

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        """An http(s) URL with a host and at most a path (no trailing slash); empty: derived
        from the host and port."""
        value = value.strip().rstrip("/")
        if not value:
            return value
        parts = urlsplit(value)
        try:
            parts.port  # noqa: B018 - raises on a port that is not a number in range
        except ValueError as exc:
            raise ValueError(f"{exc}: e.g. https://privacy.example.com") from None
        if (
            parts.scheme not in ("http", "https")
            or not parts.hostname
            or parts.query
            or parts.fragment
            or parts.username
            or parts.password
        ):
            raise ValueError(
                "an http or https URL with a host and no user, query or "
                "#fragment, e.g. https://privacy.example.com"
            )
        return value

    @model_validator(mode="after")
    def _derive_public_url(self) -> Settings:
        if not self.public_url:
            self.public_url = default_public_url(self.host, self.port)
            self._public_url_derived = True
        return self

    @property
    def public_url_derived(self) -> bool:
        """Whether `public_url` is the default made from the host and port (not set)."""
        return self._public_url_derived

    @property
    def data_url(self) -> str:
        return self.database_url or f"sqlite:///{self.var_dir / 'piiguard.db'}"

    @property
    def keys_url(self) -> str:
        return self.keystore_url or f"sqlite:///{self.var_dir / 'keystore.db'}"

    @property
    def backup_folder(self) -> Path:
        return self.backup_dir or self.var_dir / "backups"

    @property
    def key_file(self) -> Path:
        return self.master_key_file or self.var_dir / "master.key"

    @property
    def signing_key_file(self) -> Path:
        return self.audit_key_file or self.var_dir / "audit-signing.key"

    @property
    def witness_file(self) -> Path:
        return self.audit_witness_file or self.var_dir / "audit-witness.jsonl"


WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::"})  # noqa: S104 - names, not a bind


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def default_public_url(host: str, port: int) -> str:
    """http://HOST:PORT; for a server listening on every address, this machine's name
    (a guess that `serve` warns about: nothing here knows the name people use)."""
    name = socket.gethostname() if host in WILDCARD_HOSTS else host
    return f"http://{_url_host(name)}:{port}"


def is_loopback(host: str) -> bool:
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_FIX = (
    "Set PIIGUARD_PUBLIC_URL to the address people open, e.g. "
    "https://privacy.example.com (docs/operations.md). / 请将 PIIGUARD_PUBLIC_URL 设为"
    "人们实际访问的地址（见 docs/operations.md）。"
)


def public_url_warnings(settings: Settings, host: str, port: int) -> list[str]:
    """Why the links in mail (codes, replies, package links) may not reach this server
    bound to host:port, each with what to set; empty when nothing is wrong as far as can
    be told. A reverse proxy counts as configured when PIIGUARD_TRUSTED_PROXIES is set."""
    url = urlsplit(settings.public_url)
    there = url.hostname or ""
    there_port = url.port or (443 if url.scheme == "https" else 80)
    origin = f"{url.scheme}://{url.netloc}"
    proxied = bool(settings.trusted_proxies)
    links = f"Links in mail start with {settings.public_url}"
    bound = f"{_url_host(host) or '*'}:{port}"
    problem = None
    if settings.public_url_derived:
        if host in WILDCARD_HOSTS:
            problem = (
                f"{links}: this machine's name, guessed because the server listens "
                f"on every address ({bound}); people elsewhere may know "
                f"it by another name. {_FIX}"
            )
    elif is_loopback(there) and not is_loopback(host):
        problem = (
            f"{links}, an address that means the reader's own computer (loopback), "
            f"while the server listens on {bound} for others. {_FIX}"
        )
    elif is_loopback(there):
        if there_port != port:
            problem = (
                f"{links}, but the server listens on port {port}: nothing answers "
                f"there. {_FIX} Or leave it unset: it follows PIIGUARD_HOST and "
                "PIIGUARD_PORT."
            )
    elif proxied:
        pass  # a reverse proxy forwards the public address here: nothing to tell
    elif is_loopback(host):
        local = "::1" if ":" in host else "127.0.0.1"
        problem = (
            f"{links}, but the server listens on loopback only ({bound}): people "
            "reach it only through a reverse proxy on this machine. If one forwards "
            f"{origin} here, set PIIGUARD_TRUSTED_PROXIES={local} so that it is "
            "known (and clients' addresses are right); if not, set PIIGUARD_HOST to "
            "an address people reach. / 服务只监听本机回环地址：若本机有反向代理转发"
            "该地址，请设置 PIIGUARD_TRUSTED_PROXIES；否则请将 PIIGUARD_HOST 设为他人"
            "可访问的地址。"
        )
    elif there_port != port:
        problem = (
            f"{links} (port {there_port}), but the server listens on port {port} and "
            "no reverse proxy is configured (PIIGUARD_TRUSTED_PROXIES): unless one "
            f"forwards {origin} to {bound}, the links lead nowhere. "
            f"{_FIX}"
        )
    elif url.scheme == "https":
        problem = (
            f"{links}, but the server speaks plain HTTP on port {port} and no reverse "
            "proxy is configured (PIIGUARD_TRUSTED_PROXIES): put a TLS proxy in front "
            f"and point the URL at it. {_FIX}"
        )
    return [problem] if problem else []
