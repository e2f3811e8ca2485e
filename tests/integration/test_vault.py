"""The vault on real SQLite and PostgreSQL (R5.1, R5.5): ciphertexts bound to their row,
crypto-shredding that reaches an old copy of the database, blind-index lookup that never
decrypts, credentials that cannot be read back, and no plaintext without a recorded
decision."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import Engine, MetaData, Table, func, insert, select, update

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault import envelope
from piiguard.adapters.vault.keystore_tables import keystore_metadata, subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import RecordedDecision
from piiguard.domain.errors import (
    AccessDenied,
    Forbidden,
    InvalidInput,
    KeyShredded,
    NotFound,
    UnknownCategory,
    VaultIntegrityError,
)
from piiguard.domain.ports import AuditQuery, SealedItem
from piiguard.services.subjects.erase import erase_subject, sweep_keys
from piiguard.services.subjects.read import (
    find_subjects,
    read_subject_data,
    verify_subject_credential,
)
from piiguard.services.subjects.register import correct_item
from tests.builders import contact, item, register

EMAIL, PHONE, NAME = "user.contact.email", "user.contact.phone_number", "user.name"
RESIDENT_ID = "user.government_id.national_identification_number"
PASSWORD = "user.authorization.credentials.password"


def read(c: Container, subject_id: str, *categories: str) -> dict[str, str | None]:
    """category -> value, through the one legitimate path (decide, record, reveal)."""
    _, items = read_subject_data(
        c.uow(),
        c.vault,
        c.clock,
        OPERATOR,
        c.snapshots,
        subject_id,
        "after_sales",
        frozenset(categories) or None,
    )
    return {i.record.category: i.value for i in items}


def item_ids(r: Any) -> dict[str, str]:
    return {rec.category: rec.id for rec in r.items}


def ciphertext(c: Container, item_id: str) -> bytes:
    with c.engine.connect() as conn:
        return bytes(
            conn.execute(select(t.items.c.ciphertext).where(t.items.c.id == item_id)).scalar_one()
        )


def set_columns(c: Container, item_id: str, **values: object) -> None:
    with c.engine.begin() as conn:
        conn.execute(update(t.items).where(t.items.c.id == item_id).values(**values))


def all_cells(engine: Engine, metadata: MetaData) -> Iterator[tuple[str, str, object]]:
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)).mappings():
                for column, value in row.items():
                    yield table.name, column, value


def contains(value: object, needle: str) -> bool:
    if isinstance(value, bytes | bytearray | memoryview):
        return needle.encode() in bytes(value)
    return value is not None and needle in str(value)


# -- AAD binding --------------------------------------------------------------------------
@pytest.mark.req("R5.1")
def test_a_ciphertext_copied_to_another_item_of_the_same_subject_fails(
    container: Container,
) -> None:
    c = container
    r = register(
        c,
        item(EMAIL, "first@example.cn"),
        item("user.contact.email", "2nd@example.cn"),
        item(PHONE, "13812345678"),
    )
    first, second = (rec.id for rec in r.items if rec.category == EMAIL)
    set_columns(c, second, ciphertext=ciphertext(c, first))
    with pytest.raises(
        VaultIntegrityError,
        match=rf"item {second}: the ciphertext does not "
        rf"belong to subject {r.subject.id} / category {EMAIL}",
    ):
        read(c, r.subject.id)
    assert read(c, r.subject.id, PHONE) == {PHONE: "13812345678"}


@pytest.mark.req("R5.1")
def test_a_ciphertext_copied_to_another_subject_fails(container: Container) -> None:
    c = container
    a = register(c, *contact(email="a@example.cn"))
    b = register(c, *contact(email="b@example.cn"))
    target = item_ids(b)[EMAIL]
    set_columns(c, target, ciphertext=ciphertext(c, item_ids(a)[EMAIL]))
    with pytest.raises(VaultIntegrityError, match=rf"item {target}: .*copied from another row"):
        read(c, b.subject.id, EMAIL)
    assert read(c, a.subject.id)[EMAIL] == "a@example.cn"
    assert read(c, b.subject.id, PHONE, NAME) == {PHONE: "13812345678", NAME: "李雷"}


@pytest.mark.req("R5.1")
def test_a_ciphertext_copied_to_an_item_of_another_category_fails(container: Container) -> None:
    c = container
    r = register(c)
    ids = item_ids(r)
    set_columns(c, ids[NAME], ciphertext=ciphertext(c, ids[PHONE]))
    with pytest.raises(VaultIntegrityError, match=rf"item {ids[NAME]}: .*category {NAME}"):
        read(c, r.subject.id, NAME)
    assert read(c, r.subject.id, EMAIL, PHONE) == {EMAIL: "li.lei@example.cn", PHONE: "13812345678"}


@pytest.mark.req("R5.1")
def test_a_row_relabelled_to_another_category_fails(container: Container) -> None:
    """Moving a phone number under fax keeps the ciphertext but not the binding."""
    c = container
    r = register(c)
    phone = item_ids(r)[PHONE]
    set_columns(c, phone, category="user.contact.fax_number")
    with pytest.raises(VaultIntegrityError, match=rf"item {phone}: .*fax_number"):
        read(c, r.subject.id, "user.contact.fax_number")
    assert read(c, r.subject.id, EMAIL) == {EMAIL: "li.lei@example.cn"}


@pytest.mark.req("R5.1")
def test_a_row_moved_to_another_subject_fails(container: Container) -> None:
    c = container
    a, b = register(c), register(c, item(NAME, "韩梅梅"))
    moved = item_ids(a)[EMAIL]
    set_columns(c, moved, subject_id=b.subject.id)
    with pytest.raises(VaultIntegrityError, match=rf"item {moved}"):
        read(c, b.subject.id)
    assert read(c, b.subject.id, NAME) == {NAME: "韩梅梅"}


@pytest.mark.req("R5.1")
def test_an_altered_ciphertext_fails(container: Container) -> None:
    c = container
    r = register(c)
    email = item_ids(r)[EMAIL]
    ct = bytearray(ciphertext(c, email))
    ct[-1] ^= 0x01
    set_columns(c, email, ciphertext=bytes(ct))
    with pytest.raises(VaultIntegrityError, match="or was altered"):
        read(c, r.subject.id, EMAIL)


# -- crypto-shredding ---------------------------------------------------------------------
def backup_items(c: Container, tmp: Path) -> list[dict[str, Any]]:
    """An old copy of the data database's item rows (see backup_rows)."""
    return backup_rows(c, tmp, t.items)[t.items.name]


def backup_rows(c: Container, tmp: Path, *tables: Table) -> dict[str, list[dict[str, Any]]]:
    """An old copy of these tables of the data database: on SQLite a real backup file made
    with the online-backup API (the live file is in WAL mode), read back later; on
    PostgreSQL the rows selected into memory."""
    if c.engine.dialect.name == "sqlite":
        copy = tmp / "backup-piiguard.db"
        copy.unlink(missing_ok=True)
        src = sqlite3.connect(c.settings.var_dir / "piiguard.db")
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.close()
        return {tb.name: _rows_from_sqlite_copy(copy, tb.name) for tb in tables}
    with c.engine.connect() as conn:
        return {tb.name: [dict(r) for r in conn.execute(select(tb)).mappings()] for tb in tables}


def _rows_from_sqlite_copy(path: Path, table: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]
    finally:
        conn.close()


def decrypt_with_live_keys(c: Container, row: dict[str, Any]) -> str:
    ring = c.vault.keyring([row["subject_id"]])  # KeyShredded when the key is gone
    blob = bytes(row["ciphertext"])
    aad = envelope._aad(row["subject_id"], row["id"], row["category"])
    return (
        ring.ciphers[row["subject_id"]]
        .decrypt(blob[: envelope.NONCE], blob[envelope.NONCE :], aad)
        .decode()
    )


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
def test_erasure_makes_an_old_copy_of_the_database_unreadable(
    container: Container, tmp_path: Path
) -> None:
    c = container
    a = register(
        c,
        *contact(email="a.erased@example.cn", phone="13900000001", name="张三"),
        item(RESIDENT_ID, "11010519491231002X"),
    )
    b = register(c, *contact(email="b.kept@example.cn", phone="13900000002", name="李四"))
    old = backup_items(c, tmp_path)
    old_a = [r for r in old if r["subject_id"] == a.subject.id]
    old_b = [r for r in old if r["subject_id"] == b.subject.id]
    assert len(old_a) == 4 and len(old_b) == 3
    assert sorted(decrypt_with_live_keys(c, r) for r in old_a) == sorted(
        ["a.erased@example.cn", "13900000001", "张三", "11010519491231002X"]
    )

    erasure = erase_subject(c.uow(), c.vault, c.clock, OPERATOR, a.subject.id)
    assert (erasure.items_deleted, erasure.key_shredded) == (4, True)

    # the copy still holds A's ciphertexts, but the live key store has no key for them
    for row in old_a:
        with pytest.raises(KeyShredded, match=rf"no data key for subject {a.subject.id}"):
            decrypt_with_live_keys(c, row)
    # ... and no other live key opens them either
    b_key = c.vault.keyring([b.subject.id]).ciphers[b.subject.id]
    for row in old_a:
        blob = bytes(row["ciphertext"])
        with pytest.raises(InvalidTag):
            b_key.decrypt(
                blob[:12], blob[12:], envelope._aad(a.subject.id, row["id"], row["category"])
            )
    # B's copied values still decrypt with the live key store
    assert sorted(decrypt_with_live_keys(c, r) for r in old_b) == sorted(
        ["b.kept@example.cn", "13900000002", "李四"]
    )


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
def test_restoring_an_old_backup_after_erasure_brings_back_no_plaintext(
    container: Container, tmp_path: Path
) -> None:
    """Put the old rows back where they were (a restore of the data database): reading
    through the service still finds no key for the erased subject."""
    c = container
    a = register(c, *contact(email="a.erased@example.cn"))
    b = register(c, *contact(email="b.kept@example.cn"))
    old = backup_items(c, tmp_path)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, a.subject.id)
    if c.engine.dialect.name == "sqlite":  # restore the backup file over the live one
        c.engine.dispose()
        src = sqlite3.connect(tmp_path / "backup-piiguard.db")
        dst = sqlite3.connect(c.settings.var_dir / "piiguard.db")
        src.backup(dst)
        src.close()
        dst.close()
    else:  # put the erased subject's rows back as they were
        with c.engine.begin() as conn:
            conn.execute(
                update(t.subjects).where(t.subjects.c.id == a.subject.id).values(erased_at=None)
            )
            conn.execute(insert(t.items), [r for r in old if r["subject_id"] == a.subject.id])
    with c.engine.connect() as conn:
        assert (
            conn.execute(
                select(func.count())
                .select_from(t.items)
                .where(t.items.c.subject_id == a.subject.id)
            ).scalar_one()
            == 3
        )
    with pytest.raises(KeyShredded):
        read(c, a.subject.id)
    assert read(c, b.subject.id)[EMAIL] == "b.kept@example.cn"


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
def test_erasure_leaves_a_tombstone_and_its_audit_entries(container: Container) -> None:
    c = container
    a, b = register(c), register(c)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, a.subject.id)
    with c.keys_engine.connect() as conn:
        keyed = set(conn.execute(select(subject_keys.c.subject_id)).scalars())
    assert keyed == {b.subject.id}
    with c.engine.connect() as conn:
        left = conn.execute(
            select(t.items.c.subject_id, func.count()).group_by(t.items.c.subject_id)
        ).all()
        tombstone = conn.execute(select(t.subjects).where(t.subjects.c.id == a.subject.id)).one()
    assert dict(left) == {b.subject.id: 3}
    assert tombstone.erased_at is not None
    with c.uow() as uow:
        entries = uow.audit_log.entries(AuditQuery(subject_id=a.subject.id))
    actions = [e.action for e in entries]
    assert actions == ["subject.create", "subject.erase", "key.shred"]
    erase = entries[1]
    assert (erase.actor_id, erase.target_id) == (OPERATOR.id, a.subject.id)
    assert erase.details == '{"items_deleted":3}'
    with pytest.raises(NotFound):
        read(c, a.subject.id)
    with pytest.raises(NotFound):
        erase_subject(c.uow(), c.vault, c.clock, OPERATOR, a.subject.id)


@pytest.mark.req("R5.1")
@pytest.mark.req("R5.5")
def test_a_shred_interrupted_after_the_commit_is_finished_by_the_sweep(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data is deleted in one transaction and the key destroyed after it; if the key
    store is unreachable in between, `sweep_keys` finishes the job."""
    c = container
    a, b = register(c), register(c)

    def unreachable(subject_ids: object) -> int:
        raise ConnectionError("key store unreachable")

    with monkeypatch.context() as m:
        m.setattr(c.vault, "shred", unreachable)
        with pytest.raises(ConnectionError):
            erase_subject(c.uow(), c.vault, c.clock, OPERATOR, a.subject.id)
    with c.engine.connect() as conn:
        assert (
            conn.execute(
                select(t.subjects.c.erased_at).where(t.subjects.c.id == a.subject.id)
            ).scalar_one()
            is not None
        )
    assert set(c.vault.subjects_with_keys()) == {a.subject.id, b.subject.id}

    assert sweep_keys(c.uow(), c.vault, OPERATOR) == 1
    assert set(c.vault.subjects_with_keys()) == {b.subject.id}
    with pytest.raises(KeyShredded):
        c.vault.keyring([a.subject.id])
    assert sweep_keys(c.uow(), c.vault, OPERATOR) == 0
    with c.uow() as uow:
        shreds = uow.audit_log.entries(AuditQuery(action="key.shred"))
    assert [e.subject_id for e in shreds] == [a.subject.id]


# -- blind index --------------------------------------------------------------------------
@pytest.fixture
def people(container: Container) -> tuple[str, str]:
    a = register(
        container,
        item(EMAIL, "Li.Lei@Example.cn"),
        item(PHONE, "13812345678"),
        item(RESIDENT_ID, "11010519491231002X"),
        item(NAME, "李雷"),
    )
    b = register(
        container,
        item(EMAIL, "han.meimei@example.cn"),
        item(PHONE, "13912345678"),
        item(RESIDENT_ID, "110105194912310021"),
        item(NAME, "韩梅梅"),
    )
    return a.subject.id, b.subject.id


def find(c: Container, category: str, value: str) -> list[str]:
    return find_subjects(c.uow(), c.vault, OPERATOR, c.state, category, value)


WRITTEN_FORMS = [
    (EMAIL, "li.lei@example.cn"),
    (EMAIL, "  LI.LEI@EXAMPLE.CN "),
    (PHONE, "13812345678"),
    (PHONE, "138-1234-5678"),
    (PHONE, "+86 138 1234 5678"),
    (RESIDENT_ID, "11010519491231002x"),
    (RESIDENT_ID, "110105 19491231 002X"),
]


@pytest.mark.req("R5.1")
def test_lookup_finds_the_subject_however_the_value_is_written(
    container: Container, people: tuple[str, str]
) -> None:
    found = {
        (category, value): find(container, category, value) for category, value in WRITTEN_FORMS
    }
    assert found == {form: [people[0]] for form in WRITTEN_FORMS}
    assert find(container, PHONE, "139 1234 5678") == [people[1]]


@pytest.mark.req("R5.1")
def test_lookup_does_not_find_a_different_value(
    container: Container, people: tuple[str, str]
) -> None:
    del people
    for category, value in [
        (EMAIL, "li.lei@example.com"),
        (EMAIL, "lilei@example.cn"),
        (PHONE, "13812345679"),
        (PHONE, "+1 138 1234 5678"),
        (RESIDENT_ID, "11010519491231003X"),
        (RESIDENT_ID, "11010519491231002"),
    ]:
        assert find(container, category, value) == [], (category, value)


@pytest.mark.req("R5.1")
def test_lookup_of_an_unindexed_or_unknown_category_is_refused(
    container: Container, people: tuple[str, str]
) -> None:
    del people
    with pytest.raises(InvalidInput, match="not searchable") as exc:
        find(container, NAME, "李雷")
    assert exc.value.field == "category"
    with pytest.raises(UnknownCategory):
        find(container, "user.shoe_size", "42")
    with pytest.raises(InvalidInput, match="not searchable"):
        find(container, PASSWORD, "secret")


@pytest.mark.req("R5.1")
def test_the_index_holds_keyed_tokens_not_values(
    container: Container, people: tuple[str, str]
) -> None:
    c = container
    with c.engine.connect() as conn:
        rows = conn.execute(
            select(t.items.c.subject_id, t.items.c.category, t.items.c.lookup_token)
        ).all()
    by = {(sid, cat): tok for sid, cat, tok in rows}
    a = people[0]
    assert by[(a, NAME)] is None
    for category, value, normal in [
        (EMAIL, "Li.Lei@Example.cn", "li.lei@example.cn"),
        (PHONE, "13812345678", "+8613812345678"),
        (RESIDENT_ID, "11010519491231002X", "11010519491231002X"),
    ]:
        token = by[(a, category)]
        assert token is not None and len(token) == 64 and int(token, 16) >= 0
        assert token == c.vault.lookup_token(c.state.taxonomy.get(category), value)
        for plain in (value, normal, normal[-8:]):
            assert plain not in token
            # not an unkeyed hash either: that could be reversed by guessing
            assert token != hashlib.sha256(plain.encode()).hexdigest()
    assert len({tok for tok in by.values() if tok}) == 6


@pytest.mark.req("R5.1")
def test_lookup_never_decrypts(
    container: Container, people: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Tripwire:
        def __init__(self, *args: object) -> None:
            raise AssertionError("lookup built a cipher")

    def no_keys(*args: object) -> object:
        raise AssertionError("lookup loaded data keys")

    monkeypatch.setattr(envelope, "AESGCM", Tripwire)
    monkeypatch.setattr(envelope.EnvelopeVault, "keyring", no_keys)
    assert find(container, PHONE, "138-1234-5678") == [people[0]]
    assert find(container, EMAIL, "HAN.MEIMEI@example.cn") == [people[1]]


@pytest.mark.req("R5.1")
def test_a_corrected_value_is_found_by_its_new_value_only(
    container: Container, people: tuple[str, str]
) -> None:
    c = container
    a = people[0]
    with c.uow() as uow:
        [email] = [s for s in uow.items.sealed(a) if s.record.category == EMAIL]
    correct_item(c.uow(), c.vault, c.clock, OPERATOR, c.state, a, email.record.id, "Lei.Li@New.cn")
    assert find(c, EMAIL, "lei.li@new.cn") == [a]
    assert find(c, EMAIL, "li.lei@example.cn") == []
    assert read(c, a, EMAIL) == {EMAIL: "Lei.Li@New.cn"}


# -- credentials --------------------------------------------------------------------------
SECRET = "Tr0ub4dor&3-密码-zq"


@pytest.mark.req("R5.5")
def test_a_credential_is_stored_only_as_an_argon2id_hash(container: Container) -> None:
    c = container
    r = register(c, item(EMAIL, "user@example.cn"), item(PASSWORD, SECRET))
    pw = item_ids(r)[PASSWORD]
    with c.engine.connect() as conn:
        row = conn.execute(select(t.items).where(t.items.c.id == pw)).one()
    assert row.ciphertext is None
    assert row.lookup_token is None
    assert row.secret_hash.startswith("$argon2id$")
    assert [rec.credential for rec in r.items if rec.category == PASSWORD] == [True]
    for table, column, value in [
        *all_cells(c.engine, t.metadata),
        *all_cells(c.keys_engine, keystore_metadata),
    ]:
        for needle in (SECRET, SECRET.lower(), "Tr0ub4dor"):
            assert not contains(value, needle), (table, column)


@pytest.mark.req("R5.5")
def test_a_credential_is_never_read_back(container: Container) -> None:
    c = container
    r = register(c, item(EMAIL, "user@example.cn"), item(PASSWORD, SECRET))
    decision, items = read_subject_data(
        c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, r.subject.id, "after_sales"
    )
    assert [(i.record.category, i.value) for i in items] == [(EMAIL, "user@example.cn")]
    assert PASSWORD not in decision.decision.allowed
    assert "credential_not_readable" in [x.code for x in decision.decision.reasons]
    with pytest.raises(AccessDenied) as denied:
        read_subject_data(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.snapshots,
            r.subject.id,
            "legal_compliance",
            frozenset({PASSWORD}),
        )
    assert [x.code for x in denied.value.reasons] == ["credential_not_readable"]
    with c.engine.connect() as conn:
        recorded = conn.execute(
            select(t.decisions.c.outcome).where(t.decisions.c.id == denied.value.decision_id)
        ).one()
    assert recorded.outcome == "denied"
    # even a decision forged to allow it would yield no value: there is no ciphertext
    with c.uow() as uow:
        sealed = uow.items.get(item_ids(r)[PASSWORD])
    assert sealed is not None and sealed.ciphertext is None


@pytest.mark.req("R5.5")
def test_a_credential_can_be_verified_and_corrected(container: Container) -> None:
    c = container
    r = register(c, item(PASSWORD, SECRET))
    pw = item_ids(r)[PASSWORD]

    def check(candidate: str) -> bool:
        return verify_subject_credential(c.uow(), c.vault, OPERATOR, r.subject.id, pw, candidate)

    assert check(SECRET)
    assert not check(SECRET + " ")
    assert not check(SECRET.upper())
    assert not check("")
    correct_item(c.uow(), c.vault, c.clock, OPERATOR, c.state, r.subject.id, pw, "n3w-Secret!")
    assert check("n3w-Secret!")
    assert not check(SECRET)
    with c.engine.connect() as conn:
        row = conn.execute(select(t.items).where(t.items.c.id == pw)).one()
    assert row.ciphertext is None and row.secret_hash.startswith("$argon2id$")


# -- the one way out ----------------------------------------------------------------------
@pytest.mark.req("R5.1")
@pytest.mark.req("R2.10")
def test_plaintext_needs_a_decision_recorded_by_the_ledger(container: Container) -> None:
    c = container
    a, b = register(c), register(c)
    decision, _ = read_subject_data(
        c.uow(),
        c.vault,
        c.clock,
        OPERATOR,
        c.snapshots,
        a.subject.id,
        "after_sales",
        frozenset({EMAIL}),
    )
    with c.uow() as uow:
        a_items = uow.items.sealed(a.subject.id)
        b_items = uow.items.sealed(b.subject.id)
    a_email = [s for s in a_items if s.record.category == EMAIL]
    a_phone = [s for s in a_items if s.record.category == PHONE]
    assert [i.value for i in c.vault.reveal(decision, a_email)] == ["li.lei@example.cn"]
    forged = RecordedDecision(decision.decision, b"\x00" * 32)
    with pytest.raises(Forbidden, match="not recorded by the decision ledger"):
        c.vault.reveal(forged, a_email)
    with pytest.raises(Forbidden, match="does not cover"):
        c.vault.reveal(decision, a_phone)
    b_email: list[SealedItem] = [s for s in b_items if s.record.category == EMAIL]
    with pytest.raises(Forbidden, match="does not cover"):
        c.vault.reveal(decision, b_email)


@pytest.mark.req("R5.1")
def test_key_store_rows_hold_wrapped_keys_only(container: Container) -> None:
    """The key store keeps one wrapped (encrypted) key per subject; the data database holds
    no key material at all."""
    c = container
    a = register(c)
    with c.keys_engine.connect() as conn:
        row = conn.execute(select(subject_keys)).one()
    assert row.subject_id == a.subject.id
    assert len(bytes(row.wrapped_key)) == 12 + 32 + 16  # nonce || AES-GCM(256-bit key)
    assert "subject_keys" not in t.metadata.tables
