"""The audit trail in the database (R2.10, R5.1), on both backends: `verify_audit` passes an
intact trail and names the first bad entry for every kind of tampering done with SQL;
concurrent writers never fork the chain; and no plaintext personal data reaches the audit
table, the decision records or the logs."""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import pytest
from sqlalchemy import Connection, delete, func, insert, select, update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.audit import AuditEvent, VerifyReport, chain
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import AccessDenied, InvalidInput, NotFound
from piiguard.domain.normalize import normalize
from piiguard.domain.taxonomy import Lookup
from piiguard.services.audit import record_checkpoint, verify_audit
from piiguard.services.subjects.erase import erase_subject
from piiguard.services.subjects.read import (
    describe_subject,
    find_subjects,
    read_subject_data,
    verify_subject_credential,
)
from piiguard.services.subjects.register import correct_item
from tests.builders import item, register

E = t.audit_entries
N = 12


def verify(c: Container) -> VerifyReport:
    return verify_audit(c.uow(readonly=True), c.signer)


def build_trail(c: Container) -> None:
    """12 entries; checkpoints over 1–5 and 6–10; 11–12 written since the last one."""
    a, b = register(c), register(c)
    read_subject_data(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, a.subject.id, "after_sales")
    for _ in range(2):
        describe_subject(c.uow(), OPERATOR, b.subject.id)
    assert record_checkpoint(c.uow(), c.signer, c.clock) is not None
    for _ in range(5):
        describe_subject(c.uow(), OPERATOR, a.subject.id)
    assert record_checkpoint(c.uow(), c.signer, c.clock) is not None
    for _ in range(2):
        describe_subject(c.uow(), OPERATOR, b.subject.id)


def entry(conn: Connection, seq: int) -> dict[str, Any]:
    return dict(conn.execute(select(E).where(E.c.seq == seq)).mappings().one())


def shift(conn: Connection, from_seq: int, by: int) -> None:
    """Renumber every entry from `from_seq` on by `by`, in two steps so that no statement
    collides with the primary key on either backend."""
    conn.execute(update(E).where(E.c.seq >= from_seq).values(seq=E.c.seq + 1_000_000))
    conn.execute(update(E).where(E.c.seq >= 1_000_000).values(seq=E.c.seq - 1_000_000 + by))


# -- the tampering, each done as an attacker with SQL access would ------------------------
def modify_details(conn: Connection) -> None:
    conn.execute(update(E).where(E.c.seq == 7).values(details='{"items":[]}'))


def modify_actor(conn: Connection) -> None:
    conn.execute(update(E).where(E.c.seq == 3).values(actor_id="someone-else"))


def delete_middle(conn: Connection) -> None:
    conn.execute(delete(E).where(E.c.seq == 6))


def delete_middle_and_renumber(conn: Connection) -> None:
    conn.execute(delete(E).where(E.c.seq == 6))
    shift(conn, 7, -1)


def insert_forged_and_renumber(conn: Connection) -> None:
    forged = {**entry(conn, 4), "actor_id": "forger", "prev_hash": entry(conn, 3)["entry_hash"]}
    shift(conn, 4, +1)
    conn.execute(insert(E).values(**forged))


def insert_forged_after_the_head(conn: Connection) -> None:
    forged = {**entry(conn, N), "seq": N + 1, "details": '{"forged":true}'}
    conn.execute(insert(E).values(**forged))


def swap_two_entries(conn: Connection) -> None:
    four, seven = entry(conn, 4), entry(conn, 7)
    conn.execute(update(E).where(E.c.seq == 4).values({**seven, "seq": 4}))
    conn.execute(update(E).where(E.c.seq == 7).values({**four, "seq": 7}))


def swap_neighbours(conn: Connection) -> None:
    five, six = entry(conn, 5), entry(conn, 6)
    conn.execute(update(E).where(E.c.seq == 5).values({**six, "seq": 5}))
    conn.execute(update(E).where(E.c.seq == 6).values({**five, "seq": 6}))


def truncate_into_the_last_checkpoint(conn: Connection) -> None:
    conn.execute(delete(E).where(E.c.seq > 7))


def truncate_and_delete_the_checkpoint(conn: Connection) -> None:
    conn.execute(delete(E).where(E.c.seq > 7))
    conn.execute(delete(t.audit_checkpoints).where(t.audit_checkpoints.c.last_seq == 10))


def delete_the_last_checkpoint(conn: Connection) -> None:
    conn.execute(delete(t.audit_checkpoints).where(t.audit_checkpoints.c.last_seq == 10))


def forge_a_checkpoint_signature(conn: Connection) -> None:
    cp = t.audit_checkpoints
    sig = conn.execute(select(cp.c.signature).where(cp.c.last_seq == 5)).scalar_one()
    flipped = ("0" if sig[0] != "0" else "1") + sig[1:]
    conn.execute(update(cp).where(cp.c.last_seq == 5).values(signature=flipped))


def rewrite_a_checkpoint(conn: Connection) -> None:
    """Point the checkpoint at a modified entry's hash, as if it had been signed that way."""
    cp = t.audit_checkpoints
    conn.execute(update(E).where(E.c.seq == 5).values(entry_hash="a" * 64))
    conn.execute(update(cp).where(cp.c.last_seq == 5).values(head_hash="a" * 64))


Tampering = list[tuple[Callable[[Connection], None], int, str]]

# Tampering that verification sees only once it has walked the whole chain.
AT_THE_END: Tampering = [
    (truncate_into_the_last_checkpoint, 8, "trail truncated"),
    (truncate_and_delete_the_checkpoint, 8, "kept outside the database is missing"),
    (delete_the_last_checkpoint, 10, "kept outside the database is missing"),
    (forge_a_checkpoint_signature, 5, "checkpoint at entry 5 has a bad signature"),
]
# Tampering that verification sees at the bad entry, in the middle of the chain.
MID_CHAIN: Tampering = [
    (modify_details, 7, "entry 7 was modified"),
    (modify_actor, 3, "entry 3 was modified"),
    (delete_middle, 6, "entry 6 is missing"),
    (delete_middle_and_renumber, 6, "entry 6 does not follow entry 5"),
    (insert_forged_and_renumber, 4, "entry 4 was modified"),
    (insert_forged_after_the_head, N + 1, f"entry {N + 1} does not follow entry {N}"),
    (swap_two_entries, 4, "entry 4 does not follow entry 3"),
    (swap_neighbours, 5, "entry 5 does not follow entry 4"),
    (rewrite_a_checkpoint, 5, "entry 5 was modified"),
]


def assert_reported(
    c: Container, tamper: Callable[[Connection], None], seq: int, what: str
) -> None:
    build_trail(c)
    assert verify(c).ok
    with c.engine.begin() as conn:
        tamper(conn)
    report = verify(c)
    assert not report.ok
    assert report.first is not None
    assert report.first.seq == seq
    assert what in report.first.what


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_an_intact_trail_verifies(container: Container) -> None:
    c = container
    build_trail(c)
    report = verify(c)
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (N, 2)
    with c.engine.connect() as conn:
        assert list(conn.execute(select(E.c.seq).order_by(E.c.seq)).scalars()) == list(
            range(1, N + 1)
        )
        head = conn.execute(select(t.audit_head.c.seq, t.audit_head.c.entry_hash)).one()
        last = entry(conn, N)
    assert tuple(head) == (N, last["entry_hash"])
    witness = c.signer.witness()
    assert witness is not None and witness.last_seq == 10


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    ("tamper", "seq", "what"), AT_THE_END, ids=[f.__name__ for f, _, _ in AT_THE_END]
)
def test_truncation_and_checkpoint_tampering_are_reported(
    container: Container, tamper: Callable[[Connection], None], seq: int, what: str
) -> None:
    assert_reported(container, tamper, seq, what)


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
@pytest.mark.parametrize(
    ("tamper", "seq", "what"), MID_CHAIN, ids=[f.__name__ for f, _, _ in MID_CHAIN]
)
def test_tampering_is_reported_at_the_first_bad_entry(
    container: Container, tamper: Callable[[Connection], None], seq: int, what: str
) -> None:
    """On PostgreSQL this also proves that verification stopping at a bad entry leaves no
    server-side cursor open (a ResourceWarning, an error under `filterwarnings=error`)."""
    assert_reported(container, tamper, seq, what)


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_truncating_entries_written_since_the_last_checkpoint_is_reported(
    container: Container,
) -> None:
    """Issue 2: `audit verify` fails "on truncation after the last checkpoint". The head
    row (audit_head) still says 12 entries; the table now holds 10."""
    c = container
    build_trail(c)
    with c.engine.begin() as conn:
        conn.execute(delete(E).where(E.c.seq > 10))
    report = verify(c)
    assert not report.ok
    assert report.first is not None and report.first.seq == 11


@pytest.mark.req("R2.10")
def test_a_checkpoint_is_only_made_when_there_is_something_new(container: Container) -> None:
    c = container
    assert record_checkpoint(c.uow(), c.signer, c.clock) is None
    register(c)
    cp = record_checkpoint(c.uow(), c.signer, c.clock)
    assert cp is not None and (cp.first_seq, cp.last_seq) == (1, 1)
    assert c.signer.verify(cp)
    assert record_checkpoint(c.uow(), c.signer, c.clock) is None
    assert c.signer.witness() == cp
    assert verify(c).ok


# -- attribution --------------------------------------------------------------------------
@pytest.mark.req("R2.10")
def test_every_read_is_attributable_to_an_actor_a_purpose_and_a_recorded_decision(
    container: Container,
) -> None:
    c = container
    erp = Actor("erp-client-1", ActorKind.SYSTEM, frozenset({"system"}))
    r = register(
        c,
        item("user.contact.email", "a@example.cn"),
        item("user.authorization.credentials.password", "pw-123456"),
    )
    sid = r.subject.id
    decision, _ = read_subject_data(
        c.uow(), c.vault, c.clock, erp, c.snapshots, sid, "order_fulfilment"
    )
    with pytest.raises(AccessDenied) as denied:
        read_subject_data(c.uow(), c.vault, c.clock, erp, c.snapshots, sid, "resale_to_brokers")
    with c.engine.connect() as conn:
        reads = conn.execute(select(E).where(E.c.action == "data.read").order_by(E.c.seq)).all()
        recorded = {row.id: row for row in conn.execute(select(t.decisions))}
    assert [(e.actor_kind, e.actor_id, e.subject_id, e.purpose) for e in reads] == [
        ("system", "erp-client-1", sid, "order_fulfilment"),
        ("system", "erp-client-1", sid, "resale_to_brokers"),
    ]
    assert [e.decision_id for e in reads] == [decision.decision.id, denied.value.decision_id]
    for e in reads:
        d = recorded[e.decision_id]
        assert (d.actor_kind, d.actor_id, d.subject_id, d.purpose) == (
            e.actor_kind,
            e.actor_id,
            e.subject_id,
            e.purpose,
        )
    # the password is never disclosed, so the first read was partly allowed (issue 11)
    assert [recorded[e.decision_id].outcome for e in reads] == ["partly_allowed", "denied"]
    assert '"credential_not_readable"' in reads[0].details
    assert '"purpose_unknown"' in reads[1].details
    assert verify(c).ok


# -- concurrent writers -------------------------------------------------------------------
THREADS, WRITES = 8, 50


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_concurrent_writers_never_fork_the_chain(container: Container) -> None:
    """8 writers × 50 registrations, each in its own unit of work, started together, while
    a ninth thread keeps making checkpoints."""
    c = container
    start = threading.Barrier(THREADS + 1)
    errors: list[BaseException] = []
    done = threading.Event()

    def writer(n: int) -> None:
        try:
            start.wait()
            actor = Actor(f"writer-{n}", ActorKind.SYSTEM)
            for i in range(WRITES):
                register(c, item("user.contact.email", f"w{n}.{i}@example.cn"), actor=actor)
        except BaseException as exc:
            errors.append(exc)

    def checkpointer() -> None:
        try:
            start.wait()
            while not done.is_set():
                record_checkpoint(c.uow(), c.signer, c.clock)
        except BaseException as exc:
            errors.append(exc)

    writers = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    cp_thread = threading.Thread(target=checkpointer)
    for th in [*writers, cp_thread]:
        th.start()
    for th in writers:
        th.join()
    done.set()
    cp_thread.join()
    assert errors == []

    total = THREADS * WRITES
    with c.engine.connect() as conn:
        seqs = list(conn.execute(select(E.c.seq).order_by(E.c.seq)).scalars())
        per_actor = dict(
            conn.execute(select(E.c.actor_id, func.count()).group_by(E.c.actor_id)).all()
        )
        subjects = conn.execute(select(func.count()).select_from(t.subjects)).scalar_one()
        prevs = list(conn.execute(select(E.c.prev_hash)).scalars())
    assert seqs == list(range(1, total + 1))
    assert per_actor == {f"writer-{n}": WRITES for n in range(THREADS)}
    assert subjects == total
    assert len(set(prevs)) == total  # no two entries claim the same predecessor: no fork
    record_checkpoint(c.uow(), c.signer, c.clock)
    report = verify(c)
    assert report.ok, report.problems
    assert report.entries == total
    assert report.checkpoints >= 1


# -- no plaintext in the audit table, the decisions or the logs ---------------------------
EMAIL, PHONE, NAME = "user.contact.email", "user.contact.phone_number", "user.name"
RESIDENT_ID = "user.government_id.national_identification_number"
PASSWORD = "user.authorization.credentials.password"
PLAIN = {
    EMAIL: "Zhao.Xiaoming.7731@Example-Mail.cn",
    PHONE: "13987654321",
    RESIDENT_ID: "44060219800101234X",
    NAME: "赵晓明测试",
    "user.contact.address.street": "佛山市南海区狮山镇科技大道18号",
    PASSWORD: "Pl41ntext-Passw0rd",
}
CORRECTED_EMAIL = "Corrected.Address.9082@Example-Mail.cn"


def needles() -> set[str]:
    out: set[str] = set()
    for value in [*PLAIN.values(), CORRECTED_EMAIL]:
        out |= {
            value,
            value.lower(),
            value.upper(),
            hashlib.sha256(value.encode()).hexdigest(),  # an unkeyed hash is reversible
            hashlib.sha256(value.lower().encode()).hexdigest(),
        }
    out |= {normalize(Lookup.PHONE, PLAIN[PHONE]), PLAIN[PHONE][3:]}
    out |= {PLAIN[RESIDENT_ID][:17], PLAIN[EMAIL].split("@")[0].lower()}
    return out


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_no_plaintext_in_the_audit_table_the_decisions_or_the_logs(
    container: Container, caplog: pytest.LogCaptureFixture
) -> None:
    c = container
    # every logger at DEBUG except SQLAlchemy's own, which stays at its default (echo off)
    caplog.set_level(logging.DEBUG)
    for name in ["piiguard", *logging.root.manager.loggerDict]:
        if not name.startswith("sqlalchemy"):
            caplog.set_level(logging.DEBUG, logger=name)
    assert not c.engine.echo and not c.keys_engine.echo
    logging.getLogger("piiguard.canary").debug("capture works")
    errors: list[str] = []
    r = register(c, *(item(cat, value) for cat, value in PLAIN.items()))
    sid = r.subject.id
    ids = {rec.category: rec.id for rec in r.items}
    _, items = read_subject_data(
        c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, sid, "after_sales"
    )
    # the resident ID is sensitive: without its separate consent it stays sealed
    assert {i.value for i in items} == set(PLAIN.values()) - {PLAIN[PASSWORD], PLAIN[RESIDENT_ID]}
    correct_item(c.uow(), c.vault, c.clock, OPERATOR, c.state, sid, ids[EMAIL], CORRECTED_EMAIL)
    for category, value in [
        (EMAIL, CORRECTED_EMAIL),
        (EMAIL, PLAIN[EMAIL]),
        (PHONE, PLAIN[PHONE]),
        (PHONE, "139-8765-4321"),
        (RESIDENT_ID, PLAIN[RESIDENT_ID].lower()),
    ]:
        find_subjects(c.uow(), c.vault, OPERATOR, c.state, category, value)
    assert verify_subject_credential(
        c.uow(), c.vault, OPERATOR, sid, ids[PASSWORD], PLAIN[PASSWORD]
    )
    describe_subject(c.uow(), OPERATOR, sid)
    # refusals: their messages reach logs and problem responses
    with pytest.raises(InvalidInput) as not_indexed:
        find_subjects(c.uow(), c.vault, OPERATOR, c.state, NAME, PLAIN[NAME])
    with pytest.raises(AccessDenied) as credential:
        read_subject_data(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.snapshots,
            sid,
            "after_sales",
            frozenset({PASSWORD}),
        )
    with pytest.raises(InvalidInput) as too_long:
        correct_item(
            c.uow(), c.vault, c.clock, OPERATOR, c.state, sid, ids[NAME], PLAIN[NAME] * 3000
        )
    errors += [str(e.value) for e in (not_indexed, credential, too_long)]
    record_checkpoint(c.uow(), c.signer, c.clock)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, sid)
    with pytest.raises(NotFound) as erased:
        read_subject_data(c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, sid, "after_sales")
    errors.append(str(erased.value))
    assert verify(c).ok

    with c.engine.connect() as conn:
        audit = [dict(r) for r in conn.execute(select(E)).mappings()]
        decisions = [dict(r) for r in conn.execute(select(t.decisions)).mappings()]
        checkpoints = [dict(r) for r in conn.execute(select(t.audit_checkpoints)).mappings()]
    assert len(audit) >= 10 and len(decisions) == 2  # the scan has something to scan
    assert "capture works" in caplog.text
    assert {e["action"] for e in audit} >= {
        "subject.create",
        "data.read",
        "item.correct",
        "subject.lookup",
        "credential.verify",
        "subject.erase",
        "key.shred",
    }
    cells = [
        (table, column, str(value))
        for table, rows in [
            ("audit_entries", audit),
            ("decisions", decisions),
            ("audit_checkpoints", checkpoints),
        ]
        for row in rows
        for column, value in row.items()
    ]
    log_text = caplog.text + "\n".join(
        f"{rec.getMessage()} {rec.args!r} {rec.exc_text}" for rec in caplog.records
    )
    log_text += "\n".join(errors)
    witness = c.settings.witness_file.read_text()
    for needle in needles():
        for table, column, value in cells:
            assert needle not in value, (needle, table, column)
            assert needle.lower() not in value.lower(), (needle, table, column)
        assert needle not in log_text, needle
        assert needle.lower() not in log_text.lower(), needle
        assert needle not in witness, needle


# -- exposes a bug in src/ (reported; not committed until fixed) ---------------------------
@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
def test_a_well_hashed_entry_appended_behind_the_appenders_back_is_reported(
    container: Container,
) -> None:
    """An entry inserted with SQL after the head, hashed correctly onto the chain: the head
    row, which every real append moves, still says 12."""
    c = container
    build_trail(c)
    with c.engine.begin() as conn:
        last = entry(conn, N)
        [forged] = chain(
            [AuditEvent("subject.erase", "staff", "mallory", "subject", "s-x", "s-x")],
            head_seq=N,
            head_hash=last["entry_hash"],
            at_us=last["at_us"],
        )
        conn.execute(insert(E).values(**asdict(forged)))
    report = verify(c)
    assert not report.ok
    assert report.first is not None and report.first.seq == N + 1


@pytest.mark.req("R2.10")
@pytest.mark.req("R5.1")
@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_a_checkpoint_made_while_verification_runs_is_no_false_alarm(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server's checkpoint timer runs beside `audit verify`. On PostgreSQL (read
    committed) a checkpoint committed and witnessed after verification read the checkpoint
    rows, but before it read the witness file, must not look like a deleted checkpoint.
    (SQLite cannot interleave so: the verifier holds the write lock.)"""
    c = container
    build_trail(c)
    real_witness = c.signer.witness

    def witness_after_a_concurrent_checkpoint() -> object:
        monkeypatch.setattr(c.signer, "witness", real_witness)
        assert record_checkpoint(c.uow(), c.signer, c.clock) is not None
        return real_witness()

    monkeypatch.setattr(c.signer, "witness", witness_after_a_concurrent_checkpoint)
    report = verify(c)
    assert report.ok, report.problems
