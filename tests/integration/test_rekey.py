"""Re-keying a subject (issue 14; R2.11, R5.5, R10.2): disposing of some of a subject's items
makes them unreadable in every copy of the data database, because the subject's kept items
are re-sealed under a fresh data key and the old key is overwritten in the key store.

THE BACKUP PROOF: copy the data database (a real SQLite backup file / the item rows on
PostgreSQL), dispose of some of a subject's items, then with the live key store the copy's
disposed values no longer decrypt, while the subject's kept items and every other
subject's items still read. Also: a re-keying interrupted on either side of the data's
commit is finished or undone without losing a value; a value sealed during a re-keying
survives it; a KEK rotation during one re-wraps the staged key too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault import envelope
from piiguard.adapters.vault.keystore_tables import subject_keys
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.errors import Conflict, NotFound, VaultIntegrityError
from piiguard.domain.ports import AuditQuery
from piiguard.services.retention.sweep import dispose_subject_items, finish_rekeys
from piiguard.services.subjects.read import find_subjects, verify_subject_credential
from piiguard.services.subjects.register import correct_item
from tests.builders import contact, item, register
from tests.integration.test_vault import (
    EMAIL,
    NAME,
    PASSWORD,
    PHONE,
    RESIDENT_ID,
    backup_items,
    decrypt_with_live_keys,
    item_ids,
    read,
)


def wrapped_key(c: Container, subject_id: str) -> bytes:
    with c.keys_engine.connect() as conn:
        row = conn.execute(
            select(subject_keys.c.wrapped_key).where(subject_keys.c.subject_id == subject_id)
        ).one()
    return bytes(row.wrapped_key)


def staged(c: Container, subject_id: str) -> bytes | None:
    with c.keys_engine.connect() as conn:
        blob = conn.execute(
            select(subject_keys.c.next_wrapped_key).where(subject_keys.c.subject_id == subject_id)
        ).scalar_one()
    return None if blob is None else bytes(blob)


def keystore_files(c: Container) -> bytes:
    """Every byte of the SQLite key store on disk: the file and its write-ahead log."""
    out = b""
    for name in ("keystore.db", "keystore.db-wal"):
        path = c.settings.var_dir / name
        if path.exists():
            out += path.read_bytes()
    return out


def dispose(c: Container, subject_id: str, *item_ids_: str) -> Any:
    return dispose_subject_items(
        c.uow(), c.vault, c.clock, OPERATOR, subject_id, list(item_ids_), details={"batch": "b1"}
    )


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_backup_proof_disposed_values_in_a_copy_of_the_database_no_longer_decrypt(
    container: Container, tmp_path: Path
) -> None:
    c = container
    a = register(
        c,
        *contact(email="a.kept@example.cn", phone="13900000001", name="张三"),
        item(RESIDENT_ID, "11010519491231002X"),
    )
    b = register(c, *contact(email="b.other@example.cn", phone="13900000002", name="李四"))
    ids = item_ids(a)
    disposed = {ids[PHONE], ids[RESIDENT_ID]}
    old_key = wrapped_key(c, a.subject.id)

    old = backup_items(c, tmp_path)  # the backup, taken before the disposal
    old_a = {r["id"]: r for r in old if r["subject_id"] == a.subject.id}
    old_b = [r for r in old if r["subject_id"] == b.subject.id]
    assert {decrypt_with_live_keys(c, old_a[i]) for i in disposed} == {
        "13900000001",
        "11010519491231002X",
    }

    done = dispose(c, a.subject.id, *disposed)
    assert (done.items_disposed, done.items_kept, done.subject_erased) == (2, 2, False)
    assert done.key_destroyed

    # the copy's disposed values: no key in the live key store opens them any more
    for iid in disposed:
        with pytest.raises(InvalidTag):
            decrypt_with_live_keys(c, old_a[iid])
    live = c.vault.keyring([a.subject.id, b.subject.id])
    for iid in disposed:
        row = old_a[iid]
        blob, aad = bytes(row["ciphertext"]), envelope._aad(a.subject.id, iid, row["category"])
        for key in (*live.ciphers.values(), *live.older.values()):
            with pytest.raises(InvalidTag):
                key.decrypt(blob[:12], blob[12:], aad)
    # the old wrapped key is nowhere in the key store: overwritten, no staged key left
    assert wrapped_key(c, a.subject.id) != old_key
    assert staged(c, a.subject.id) is None
    assert c.vault.unfinished_rekeys() == []
    if c.engine.dialect.name == "sqlite":  # not in the file, not in its log
        assert old_key not in keystore_files(c)

    # the subject's kept items still read, through the one legitimate path
    assert read(c, a.subject.id) == {EMAIL: "a.kept@example.cn", NAME: "张三"}
    # and the other subject's items, in the live database and in the copy
    assert read(c, b.subject.id)[PHONE] == "13900000002"
    assert sorted(decrypt_with_live_keys(c, r) for r in old_b) == sorted(
        ["b.other@example.cn", "13900000002", "李四"]
    )
    # gone from the live database; on the audit trail with ids and counts only
    with c.engine.connect() as conn:
        left = set(
            conn.execute(select(t.items.c.id).where(t.items.c.subject_id == a.subject.id))
            .scalars()
            .all()
        )
    assert left == {ids[EMAIL], ids[NAME]}
    with c.uow() as uow:
        entries = [
            e
            for e in uow.audit_log.entries(AuditQuery(subject_id=a.subject.id))
            if e.action in {"retention.dispose", "key.rekey"}
        ]
    assert [e.action for e in entries] == ["retention.dispose", "key.rekey"]
    assert entries[0].details == '{"batch":"b1","items_disposed":2,"items_kept":2}'


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_the_kept_items_keep_their_lookup_credential_and_metadata(container: Container) -> None:
    c = container
    a = register(c, *contact(email="li.lei@example.cn"), item(PASSWORD, "s3cret-Pass!"))
    ids = item_ids(a)
    with c.uow() as uow:
        before = {r.id: r for r in uow.items.records(a.subject.id)}
    dispose(c, a.subject.id, ids[PHONE])
    with c.uow() as uow:
        after = {r.id: r for r in uow.items.records(a.subject.id)}
    assert set(after) == set(before) - {ids[PHONE]}
    assert all(after[i] == before[i] for i in after)  # confirmation, provenance unchanged
    assert find_subjects(c.uow(), c.vault, OPERATOR, c.state, EMAIL, "LI.LEI@example.cn") == [
        a.subject.id
    ]
    assert verify_subject_credential(
        c.uow(), c.vault, OPERATOR, a.subject.id, ids[PASSWORD], "s3cret-Pass!"
    )
    assert read(c, a.subject.id, EMAIL, NAME) == {EMAIL: "li.lei@example.cn", NAME: "李雷"}


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_disposing_of_every_item_erases_the_subject_as_today(container: Container) -> None:
    c = container
    a, b = register(c), register(c)
    done = dispose(c, a.subject.id, *item_ids(a).values())
    assert (done.items_disposed, done.items_kept, done.subject_erased) == (3, 0, True)
    assert done.key_destroyed
    assert set(c.vault.subjects_with_keys()) == {b.subject.id}
    with pytest.raises(NotFound):
        read(c, a.subject.id)
    with c.uow() as uow:
        actions = [e.action for e in uow.audit_log.entries(AuditQuery(subject_id=a.subject.id))]
    assert actions[-3:] == ["subject.erase", "key.shred", "retention.dispose"]


@pytest.mark.req("R2.11")
def test_an_item_of_another_subject_or_an_erased_subject_is_refused(
    container: Container,
) -> None:
    c = container
    a, b = register(c), register(c)
    with pytest.raises(NotFound, match="has no item"):
        dispose(c, a.subject.id, item_ids(b)[EMAIL])
    with pytest.raises(ValueError, match="is not subject"):
        c.vault.rekey(a.subject.id, list(_sealed(c, b.subject.id)))
    dispose(c, b.subject.id, *item_ids(b).values())
    with pytest.raises(NotFound, match="no subject"):
        dispose(c, b.subject.id, item_ids(b)[EMAIL])
    assert staged(c, a.subject.id) is None


def _sealed(c: Container, subject_id: str) -> list[Any]:
    with c.uow() as uow:
        return uow.items.sealed(subject_id)


# -- interrupted re-keyings -----------------------------------------------------------------
@pytest.mark.req("R5.5")
def test_a_rekeying_whose_data_never_committed_is_dropped_and_nothing_is_lost(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fresh key is staged first; if the data's transaction then fails, both keys
    open the subject's values (reads go on) and finishing drops the fresh key."""
    c = container
    a = register(c, *contact(email="a@example.cn"))
    ids = item_ids(a)
    old_key = wrapped_key(c, a.subject.id)
    keep = [s for s in _sealed(c, a.subject.id) if s.record.id != ids[PHONE]]
    c.vault.rekey(a.subject.id, keep)  # staged; the caller then crashed
    assert staged(c, a.subject.id) is not None
    assert read(c, a.subject.id)[PHONE] == "13812345678"
    with pytest.raises(Conflict, match="unfinished"):
        c.vault.rekey(a.subject.id, keep)
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == {a.subject.id: "dropped"}
    assert (wrapped_key(c, a.subject.id), staged(c, a.subject.id)) == (old_key, None)
    assert read(c, a.subject.id)[PHONE] == "13812345678"
    done = dispose(c, a.subject.id, ids[PHONE])  # and it can be done again
    assert (done.items_disposed, done.key_destroyed) == (1, True)


@pytest.mark.req("R5.5")
def test_a_rekeying_interrupted_after_the_data_committed_is_finished_by_the_sweep(
    container: Container, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    c = container
    a = register(c, *contact(email="a@example.cn", phone="13900000009"))
    ids = item_ids(a)
    old = {r["id"]: r for r in backup_items(c, tmp_path)}
    real = c.vault.finish_rekey

    def unreachable(subject_id: str, items: object) -> str:
        raise ConnectionError("key store unreachable")

    with monkeypatch.context() as m:
        m.setattr(c.vault, "finish_rekey", unreachable)
        with pytest.raises(ConnectionError):
            dispose(c, a.subject.id, ids[PHONE])
    # the data is committed under the fresh key; the old key is still there (both open)
    assert read(c, a.subject.id) == {EMAIL: "a@example.cn", NAME: "李雷"}
    ring = c.vault.keyring([a.subject.id])
    row = old[ids[PHONE]]
    blob, aad = bytes(row["ciphertext"]), envelope._aad(a.subject.id, row["id"], PHONE)
    not_yet = ring.older[a.subject.id].decrypt(blob[:12], blob[12:], aad)  # type: ignore[attr-defined]
    assert not_yet.decode() == "13900000009"
    assert c.vault.unfinished_rekeys() == [a.subject.id]
    assert c.vault.finish_rekey == real

    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == {a.subject.id: "promoted"}
    with pytest.raises(InvalidTag):
        decrypt_with_live_keys(c, old[ids[PHONE]])
    assert read(c, a.subject.id) == {EMAIL: "a@example.cn", NAME: "李雷"}
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == {}


@pytest.mark.req("R5.5")
def test_a_value_sealed_during_a_rekeying_survives_it(container: Container) -> None:
    """During a re-keying new values are sealed under the fresh key, so overwriting the
    old key loses nothing."""
    c = container
    a = register(c, *contact(email="a@example.cn"))
    ids = item_ids(a)
    keep = [s for s in _sealed(c, a.subject.id) if s.record.id != ids[PHONE]]
    rekeyed = c.vault.rekey(a.subject.id, keep)
    correct_item(c.uow(), c.vault, c.clock, OPERATOR, c.state, a.subject.id, ids[NAME], "李雷雷")
    with c.uow() as uow:  # the corrected name is not overwritten by the re-sealed old one
        assert uow.items.delete_items(a.subject.id, [ids[PHONE]]) == 1
        assert uow.items.reseal(a.subject.id, rekeyed.values) == 1  # the email only
        uow.commit()
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == {a.subject.id: "promoted"}
    assert read(c, a.subject.id) == {EMAIL: "a@example.cn", NAME: "李雷雷"}


@pytest.mark.req("R5.5")
def test_a_value_changed_under_the_old_key_stops_the_overwrite(container: Container) -> None:
    """A value written under the old key after the fresh one was staged (a writer that
    loaded the keys before) keeps the old key alive: finishing refuses rather than lose it."""
    c = container
    a = register(c, *contact(email="a@example.cn"))
    ids = item_ids(a)
    before = c.vault.keyring([a.subject.id])  # loaded before the re-keying
    keep = _sealed(c, a.subject.id)
    rekeyed = c.vault.rekey(a.subject.id, [s for s in keep if s.record.id != ids[NAME]])
    with c.uow() as uow:
        uow.items.reseal(a.subject.id, rekeyed.values)
        [name] = [s for s in keep if s.record.id == ids[NAME]]
        nonce = b"\x00" * 12
        ct = before.ciphers[a.subject.id].encrypt(  # type: ignore[attr-defined]
            nonce, "李雷".encode(), envelope._aad(a.subject.id, ids[NAME], NAME)
        )
        assert name.ciphertext is not None
        assert uow.items.reseal(a.subject.id, [(ids[NAME], name.ciphertext, nonce + ct)]) == 1
        uow.commit()
    with pytest.raises(Conflict, match="1 items under the old key"):
        finish_rekeys(c.uow(), c.vault, OPERATOR)
    assert read(c, a.subject.id)[NAME] == "李雷"  # both keys still there


@pytest.mark.req("R5.5")
def test_a_kek_rotation_during_a_rekeying_rewraps_the_staged_key(container: Container) -> None:
    c = container
    a = register(c, *contact(email="a@example.cn"))
    ids = item_ids(a)
    keep = [s for s in _sealed(c, a.subject.id) if s.record.id != ids[PHONE]]
    rekeyed = c.vault.rekey(a.subject.id, keep)
    first = c.vault.key_versions()[0]
    report = c.vault.rotate()
    assert report.versions_in_use == {report.new_version: 2}  # current and staged
    c.vault.retire(first)
    with c.uow() as uow:
        uow.items.delete_items(a.subject.id, [ids[PHONE]])
        uow.items.reseal(a.subject.id, rekeyed.values)
        uow.commit()
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == {a.subject.id: "promoted"}
    assert read(c, a.subject.id) == {EMAIL: "a@example.cn", NAME: "李雷"}


@pytest.mark.req("R5.5")
def test_a_staged_key_keeps_its_kek_version_in_use(container: Container) -> None:
    c = container
    a = register(c)
    first = c.vault.key_versions()[0]
    c.vault.rotate()
    c.vault.rekey(a.subject.id, _sealed(c, a.subject.id))
    # as if the staged key had been wrapped under the first version (rotate moved the rest)
    with c.keys_engine.begin() as conn:
        conn.execute(
            subject_keys.update()
            .where(subject_keys.c.subject_id == a.subject.id)
            .values(next_kek_version=first)
        )
    with pytest.raises(VaultIntegrityError, match=f"KEK version {first} still wraps 1"):
        c.vault.retire(first)
