"""The composition root: settings -> engines, vault, unit of work, signer, clock.

The only package that knows which adapter implements which port. Entry points (web, CLI)
ask it for a `Container` and hand the container's parts to use cases; the container is
typed by the ports (domain/ports.py, domain/rights/ports.py) and the services' own kits,
never by an adapter. This module is wiring only; the background work a process runs
(periodic jobs, the SMTP listener) is bootstrap/jobs.py.

May import: config, the domain, services and adapters (it is the one place that joins them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources

from sqlalchemy import Engine

from piiguard import safe_logging
from piiguard.adapters.audit_signing import Ed25519CheckpointSigner, ensure_signing_key
from piiguard.adapters.breached import BreachedPasswordList
from piiguard.adapters.clock import SystemClock
from piiguard.adapters.db.engine import make_engine
from piiguard.adapters.db.migrate import upgrade
from piiguard.adapters.db.uow import SqlUnitOfWork
from piiguard.adapters.mail import SmtpMailer
from piiguard.adapters.mail_inbound import parse_inbound
from piiguard.adapters.packages import ZipPackageWriter
from piiguard.adapters.password_strength import ZxcvbnStrength
from piiguard.adapters.passwords import Argon2Passwords
from piiguard.adapters.taxonomy_file import load_taxonomy
from piiguard.adapters.vault.envelope import DecisionSeal, EnvelopeVault
from piiguard.adapters.vault.keyfile import LocalKeyProvider, ensure_key_file, load_hmac_keys
from piiguard.adapters.vault.keystore import KeyStore
from piiguard.adapters.vault.recordbox import RecordBox
from piiguard.adapters.vault.secretbox import KekSecretBox
from piiguard.adapters.webhooks import HttpWebhookSender
from piiguard.bootstrap.backups import backup_kit
from piiguard.bootstrap.custody import incident_opener
from piiguard.config import Settings
from piiguard.domain.access import PolicyState
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import DomainError
from piiguard.domain.incidents.ports import SecurityUnitOfWork
from piiguard.domain.ports import CheckpointSigner, Clock, PasswordHashing, UnitOfWork, Vault
from piiguard.domain.rights.ports import Mailer
from piiguard.domain.rights.rules import RequestKind, RequestTerms
from piiguard.domain.staff_security import StaffPolicy
from piiguard.domain.subjects import DEFAULT_SUBJECT_KINDS
from piiguard.services.backups._common import BackupKit
from piiguard.services.clients.auth_cache import ClientKeyCache
from piiguard.services.custody.kit import CustodyKit, CustodyTerms
from piiguard.services.decisions import Decided, DecisionRequest, decide_many
from piiguard.services.group_commit import GroupCommit
from piiguard.services.incidents.clocks import ensure_obligations
from piiguard.services.incidents.kit import SecurityTerms
from piiguard.services.policy.snapshot import PolicySnapshots, ensure_register
from piiguard.services.retention.holds import seal_clear_reasons
from piiguard.services.retention.reviews import seal_clear_reviews
from piiguard.services.retention.schedule import ensure_schedule
from piiguard.services.retention.tasks import seal_clear_waivers
from piiguard.services.retention.upkeep.intervals import ensure_intervals
from piiguard.services.rights.kit import RequestKit
from piiguard.services.staff.accounts import ensure_departments
from piiguard.services.staff.kit import StaffKit
from piiguard.services.vault_integrity import IntegrityAlarm

OPERATOR = Actor("local-operator", ActorKind.OPERATOR, frozenset({"admin", "privacy_officer"}))


def policy_text() -> str:
    return (resources.files("piiguard") / "data" / "privacy-policy-v1.txt").read_text("utf-8")


@dataclass
class Container:
    """What a process hands to use cases: ports and the services' kits. Which adapter
    stands behind each is decided in `bootstrap` below and nowhere else."""

    settings: Settings
    # the data and key databases, as the root owns them: pinged, disposed at the end (tests
    # also read tables through them); use cases reach the data through `uow()` only
    engine: Engine
    keys_engine: Engine
    clock: Clock
    vault: Vault
    signer: CheckpointSigner
    passwords: PasswordHashing
    snapshots: PolicySnapshots
    staff: StaffKit
    requests: RequestKit
    # a new unit of work; True: read-only (no audit checkpoint by count)
    units: Callable[[bool], UnitOfWork]
    created: list[str] = field(default_factory=list)  # files made on this start
    alarm: IntegrityAlarm | None = None  # a tampered ciphertext: recorded, officers told
    backups: BackupKit | None = None  # backups and restore tests (bootstrap/backups.py)
    decisions: GroupCommit[DecisionRequest, Decided] = field(init=False)
    client_keys: ClientKeyCache = field(init=False)
    custody: CustodyKit = field(init=False)  # paper and removable media (set by bootstrap)
    # incidents and vulnerabilities (R5.8, R5.9): their unit of work and settings
    secure_units: Callable[[bool], SecurityUnitOfWork] = field(init=False)
    security: SecurityTerms = field(init=False)

    def __post_init__(self) -> None:
        # every decision the server makes goes through one writer: concurrent callers
        # share a commit, each answered only after it (services/group_commit.py)
        self.decisions = GroupCommit(self._decide_batch, name="decision-writer")
        self.client_keys = ClientKeyCache(self.settings.api_key_cache_seconds)

    def _decide_batch(self, batch: list[DecisionRequest]) -> list[Decided | DomainError]:
        return decide_many(self.uow(), self.snapshots, self.clock, batch)

    def uow(self, *, readonly: bool = False) -> UnitOfWork:
        return self.units(readonly)

    def security_uow(self, *, readonly: bool = False) -> SecurityUnitOfWork:
        """A unit of work with the incident and vulnerability stores (R5.8, R5.9)."""
        return self.secure_units(readonly)

    @property
    def state(self) -> PolicyState:
        """The current policy snapshot (rebuilt only when the policy epoch moved)."""
        return self.snapshots.read(self.uow(readonly=True))

    def ping(self) -> None:
        """Raise if either database does not answer."""
        for engine in (self.engine, self.keys_engine):
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")

    def close(self) -> None:
        self.decisions.close()
        if self.alarm is not None:
            self.alarm.drain(10.0)  # alert mails under way
        self.engine.dispose()
        self.keys_engine.dispose()


def staff_policy(s: Settings) -> StaffPolicy:
    return StaffPolicy(
        min_length=s.password_min_length,
        min_length_mfa=s.password_min_length_mfa,
        max_length=s.password_max_length,
        max_age_days=s.password_max_age_days,
        history=s.password_history,
        mfa_roles=frozenset(s.mfa_roles),
        generic_mailboxes=frozenset(m.casefold() for m in s.generic_mailboxes),
        company_name=s.company_name,
        free_attempts=s.login_free_attempts,
        address_free_attempts=s.login_address_free_attempts,
        min_guesses_log10=s.password_min_guesses_log10,
        backoff_base_seconds=s.login_backoff_seconds,
        backoff_max_seconds=s.login_backoff_max_seconds,
        lock_after=s.login_lock_after,
        lock_minutes=s.login_lock_minutes,
        idle_minutes=s.session_idle_minutes,
        session_hours=s.session_hours,
        reauth_minutes=s.reauth_minutes,
        invitation_hours=s.invitation_hours,
        totp_window=s.totp_window,
        # last_seen is written at most once a minute, and often enough for a short idle limit
        touch_seconds=min(60.0, s.session_idle_minutes * 60 / 4),
    )


def request_terms(s: Settings) -> RequestTerms:
    return RequestTerms(
        due_days=s.request_due_days,
        reminder_days=tuple(s.request_reminder_days),
        excessive_count=s.request_excessive_count,
        excessive_window_days=s.request_excessive_window_days,
        second_step_kinds=frozenset(RequestKind(k) for k in s.request_second_step),
        second_step_sensitive=s.request_second_step_sensitive,
        link_days=s.request_link_days,
    )


def bootstrap(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    migrate: bool = True,
    mailer: Mailer | None = None,
    passwords: Argon2Passwords | None = None,
) -> Container:
    # errors in this process's logs without their messages: they may quote personal data
    safe_logging.install()
    settings = settings or Settings()
    clock = clock or SystemClock()
    created = []
    if ensure_key_file(settings.key_file):
        created.append(str(settings.key_file))
    if ensure_signing_key(settings.signing_key_file):
        created.append(str(settings.signing_key_file))
    engine = make_engine(settings.data_url)
    keys_engine = make_engine(settings.keys_url)
    if migrate:
        upgrade(engine, "data")
        upgrade(keys_engine, "keystore")
    taxonomy = load_taxonomy(settings.taxonomy_file)
    seal = DecisionSeal()
    passwords = passwords or Argon2Passwords()  # RFC 9106's parameters unless given others
    provider = LocalKeyProvider(settings.key_file)
    keystore = KeyStore(keys_engine)
    vault = EnvelopeVault(
        keystore,
        provider,
        load_hmac_keys(settings.key_file),
        seal,
        clock.now,
        passwords,
    )
    snapshots = PolicySnapshots(
        taxonomy,
        DEFAULT_SUBJECT_KINDS,
        home_region=settings.home_region,
        ciio=settings.ciio,
        child_age=settings.child_age,
        child_data_hours=settings.child_data_hours,
        renewal_grace_days=settings.consent_renewal_days,
    )
    signer = Ed25519CheckpointSigner(settings.signing_key_file, settings.witness_file)
    staff = StaffKit(
        clock,
        passwords,
        vault,
        KekSecretBox(provider),
        BreachedPasswordList.shipped(),
        staff_policy(settings),
        ZxcvbnStrength(),
    )
    mailer = mailer or SmtpMailer(
        settings.smtp_host,
        settings.smtp_port,
        settings.smtp_sender,
        starttls=settings.smtp_starttls,
        username=settings.smtp_username,
        password=settings.smtp_password,
    )
    requests = RequestKit(
        clock,
        vault,
        RecordBox(keystore, provider, clock.now),  # a key per request, package, mail
        mailer,
        HttpWebhookSender(),
        ZipPackageWriter(),
        snapshots,
        request_terms(settings),
        settings.public_url,
        settings.company_name,
        settings.privacy_officer_email,
        parse_inbound,
    )

    words_box = KekSecretBox(provider)  # the incident register's free text (R5.8)

    def units(readonly: bool) -> SqlUnitOfWork:
        if readonly:
            return SqlUnitOfWork(engine, seal, clock.now, readonly=True, box=words_box)
        return SqlUnitOfWork(
            engine,
            seal,
            clock.now,
            signer=signer,
            checkpoint_every=settings.audit_checkpoint_every,
            box=words_box,
        )

    c = Container(
        settings,
        engine,
        keys_engine,
        clock,
        vault,
        signer,
        passwords,
        snapshots,
        staff,
        requests,
        units,
        created,
    )
    c.custody = CustodyKit(
        units,
        clock,
        snapshots,
        CustodyTerms(settings.paper_lock_hours, settings.media_inventory_days),
        mailer,
        settings.privacy_officer_email,
        settings.public_url,
    )

    def backup_units() -> SqlUnitOfWork:
        return SqlUnitOfWork(
            engine, seal, clock.now, signer=signer, checkpoint_every=settings.audit_checkpoint_every
        )

    c.backups = backup_kit(settings, clock, seal, taxonomy, signer, vault, mailer, backup_units)
    # a ciphertext failing its integrity check is a security event (services/vault_integrity)
    c.alarm = vault.alarm = IntegrityAlarm(
        c.uow, clock, mailer, settings.privacy_officer_email, settings.public_url
    )
    ensure_register(c.uow(), clock, OPERATOR, taxonomy)  # reference data: the 8 purposes
    ensure_schedule(c.uow(), clock, OPERATOR)  # and the legal minimums (retention)
    seal_clear_reasons(c.uow(), requests.box, OPERATOR)  # hold reasons written in clear
    seal_clear_waivers(c.uow(), requests.box, OPERATOR)  # waiver reasons likewise
    seal_clear_reviews(c.uow(), requests.box, OPERATOR)  # schedule reviews' notes likewise
    ensure_intervals(c.uow(), clock, OPERATOR.ref)  # and the confirmation intervals (R2.8)
    ensure_departments(c.uow(), staff)  # and the departments they are assigned to
    c.secure_units = units
    c.security = SecurityTerms(
        settings.incident_mails_per_pass,
        settings.incident_sending_stale_minutes,
        dict(settings.vuln_days),
    )
    ensure_obligations(c.security_uow(), clock, OPERATOR.ref)  # the reporting obligations
    c.custody.incidents = incident_opener(c)  # a missing medium opens an incident
    return c
