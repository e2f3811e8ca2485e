"""The unit of work: one connection, one transaction, every store (stores/) on it. Audit
events are buffered and chained at commit, inside the same transaction as the change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Connection, Engine

from piiguard.adapters.db.engine import is_sqlite
from piiguard.adapters.db.stores.assessments import SqlAssessments
from piiguard.adapters.db.stores.audit import SqlAuditLog
from piiguard.adapters.db.stores.backups import SqlBackups
from piiguard.adapters.db.stores.clients import SqlClients
from piiguard.adapters.db.stores.consents import SqlConsents
from piiguard.adapters.db.stores.custody import SqlCustody
from piiguard.adapters.db.stores.decisions import SqlDecisions
from piiguard.adapters.db.stores.incidents import SqlIncidents, SqlVulns
from piiguard.adapters.db.stores.items import SqlItems
from piiguard.adapters.db.stores.legal_exceptions import SqlLegalExceptions
from piiguard.adapters.db.stores.notices import SqlNotices
from piiguard.adapters.db.stores.policy_versions import SqlPolicyVersions
from piiguard.adapters.db.stores.records import SqlRecords
from piiguard.adapters.db.stores.registers import SqlRegisters
from piiguard.adapters.db.stores.retention import SqlRetention
from piiguard.adapters.db.stores.rights import SqlRequests
from piiguard.adapters.db.stores.sharing import SqlSharing
from piiguard.adapters.db.stores.staff import SqlStaff
from piiguard.adapters.db.stores.subjects import SqlSubjects
from piiguard.adapters.vault.envelope import DecisionSeal
from piiguard.domain.audit import AuditEvent, Checkpoint
from piiguard.domain.ports import CheckpointSigner, SecretBox

log = logging.getLogger(__name__)


class SqlUnitOfWork:
    subjects: SqlSubjects
    items: SqlItems
    decisions: SqlDecisions
    audit_log: SqlAuditLog
    clients: SqlClients
    staff: SqlStaff
    policy_versions: SqlPolicyVersions
    notices: SqlNotices
    registers: SqlRegisters
    legal_exceptions: SqlLegalExceptions
    consents: SqlConsents
    requests: SqlRequests
    retention: SqlRetention
    custody: SqlCustody  # domain/custody/ports.py CustodyUnitOfWork
    backups: SqlBackups
    incidents: SqlIncidents
    vulns: SqlVulns
    sharing: SqlSharing
    records: SqlRecords  # domain/records/ports.py RecordStore
    assessments: SqlAssessments  # domain/assessments/ports.py AssessmentStore

    def __init__(
        self,
        engine: Engine,
        seal: DecisionSeal,
        clock: Callable[[], datetime],
        *,
        readonly: bool = False,
        signer: CheckpointSigner | None = None,
        checkpoint_every: int = 0,
        box: SecretBox | None = None,
    ) -> None:
        """`readonly`: one consistent snapshot and no write lock (audit verification);
        writing units of work take the write lock up front on SQLite. `signer` and
        `checkpoint_every`: a commit that brings the entries since the last checkpoint to
        `checkpoint_every` signs a checkpoint in the same transaction (R5.1)."""
        self._readonly = readonly
        self._signer = signer
        self._every = checkpoint_every
        self._engine = engine
        self._seal = seal
        self._box = box  # seals the incident register's free text (stores/incidents/)
        self._now = clock
        self._events: list[AuditEvent] = []
        self._conn: Connection | None = None
        self._done = False

    def __enter__(self) -> Self:
        conn = self._engine.connect()
        if is_sqlite(self._engine):
            # WAL: a deferred read transaction is a snapshot; writers never wait for it
            conn = conn.execution_options(
                sqlite_begin="DEFERRED" if self._readonly else "IMMEDIATE"
            )
        elif self._readonly:
            conn = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        conn.begin()
        self._conn = conn
        self.subjects = SqlSubjects(conn)
        self.items = SqlItems(conn)
        self.decisions = SqlDecisions(conn, self._seal)
        self.audit_log = SqlAuditLog(conn)
        self.clients = SqlClients(conn)
        self.staff = SqlStaff(conn)
        self.policy_versions = SqlPolicyVersions(conn)
        self.notices = SqlNotices(conn)
        self.registers = SqlRegisters(conn)
        self.legal_exceptions = SqlLegalExceptions(conn)
        self.consents = SqlConsents(conn)
        self.requests = SqlRequests(conn)
        self.retention = SqlRetention(conn)
        self.custody = SqlCustody(conn)
        self.backups = SqlBackups(conn)
        self.incidents = SqlIncidents(conn, self._box)
        self.vulns = SqlVulns(conn, self._box)
        self.sharing = SqlSharing(conn)
        self.records = SqlRecords(conn)
        self.assessments = SqlAssessments(conn, self._box)
        self._events, self._done = [], False
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._done:
                self.rollback()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    @property
    def connection(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("unit of work used outside its `with` block")
        return self._conn

    def reader(self) -> SqlUnitOfWork | None:
        """A read-only unit of work on the same database, for another thread to read in
        while this one writes (services/retention/rekeying.py `read_ahead`); None on
        SQLite, whose writer and readers in one process would only take turns."""
        if is_sqlite(self._engine):
            return None
        return SqlUnitOfWork(self._engine, self._seal, self._now, readonly=True)

    def audit(self, event: AuditEvent) -> None:
        if self._readonly:
            raise RuntimeError("a read-only unit of work cannot record audit events")
        self._events.append(event)

    def commit(self) -> None:
        conn = self.connection
        checkpoint: Checkpoint | None = None
        if self._events:
            at_us = int(self._now().timestamp() * 1_000_000)
            entries = self.audit_log.append(self._events, at_us)
            self._events = []
            if self._signer is not None and self._every > 0:
                checkpoint = self.audit_log.checkpoint_if_due(
                    entries[-1], self._every, self._signer
                )
        conn.commit()
        self._done = True
        if checkpoint is not None and self._signer is not None:
            # committed before witnessed (as record_checkpoint does); the change itself is
            # durable, so a witness file that cannot be written is logged, not raised
            try:
                self._signer.keep_witness(checkpoint)
            except OSError as exc:  # the type only: no traceback in the log
                log.warning(
                    "audit checkpoint %d–%d not written to the witness file (%s)",
                    checkpoint.first_seq,
                    checkpoint.last_seq,
                    type(exc).__name__,
                )

    def rollback(self) -> None:
        self._events = []
        self.connection.rollback()
        self._done = True
