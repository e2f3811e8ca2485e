"""KEK rotation and retirement (R5.1, R5.5) on both backends: every subject key is re-wrapped
under the new version, data ciphertexts are not touched, every value still decrypts, and
an old version can be retired only once nothing uses it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.adapters.vault.envelope import _dek_context
from piiguard.adapters.vault.keyfile import WrappedKey
from piiguard.adapters.vault.keystore_tables import record_keys, subject_keys
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.domain.errors import Conflict, DomainError, VaultIntegrityError
from piiguard.domain.ports import AuditQuery
from piiguard.domain.rights.rules import RequestChannel, RequestKind
from piiguard.services.keys import retire_key, rotate_keys
from piiguard.services.rights._common import open_details
from piiguard.services.rights.intake import RequestInput, open_request
from piiguard.services.subjects.erase import erase_subject
from piiguard.services.subjects.read import read_subject_data, verify_subject_credential
from tests.builders import contact, item, register

PASSWORD = "user.authorization.credentials.password"


def key_rows(c: Container) -> dict[str, tuple[str, bytes]]:
    with c.keys_engine.connect() as conn:
        return {
            sid: (v, bytes(b))
            for sid, v, b in conn.execute(
                select(
                    subject_keys.c.subject_id,
                    subject_keys.c.kek_version,
                    subject_keys.c.wrapped_key,
                )
            )
        }


def item_rows(c: Container) -> dict[str, tuple[bytes | None, str | None, str | None]]:
    with c.engine.connect() as conn:
        return {
            r.id: (
                None if r.ciphertext is None else bytes(r.ciphertext),
                r.secret_hash,
                r.lookup_token,
            )
            for r in conn.execute(select(t.items))
        }


def values(c: Container, subject_id: str) -> list[str | None]:
    _, items = read_subject_data(
        c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, subject_id, "after_sales"
    )
    return sorted(i.value or "" for i in items)


def actions(c: Container, action: str) -> list[str]:
    with c.uow() as uow:
        return [e.target_id for e in uow.audit_log.entries(AuditQuery(action=action))]


@pytest.fixture
def subjects(container: Container) -> dict[str, list[str | None]]:
    """Five subjects (one with a credential), one erased: id -> sorted readable values."""
    c = container
    out = {}
    for n in range(5):
        r = register(c, *contact(email=f"p{n}@example.cn", phone=f"1390000000{n}", name=f"测试{n}"))
        out[r.subject.id] = sorted([f"p{n}@example.cn", f"1390000000{n}", f"测试{n}"])
    cred = register(c, item("user.contact.email", "cred@example.cn"), item(PASSWORD, "s3cret!"))
    out[cred.subject.id] = ["cred@example.cn"]
    gone = register(c)
    erase_subject(c.uow(), c.vault, c.clock, OPERATOR, gone.subject.id)
    return out


@pytest.mark.req("R5.1")
def test_rotation_rewraps_every_subject_key_and_leaves_data_untouched(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    c = container
    keys_before, items_before = key_rows(c), item_rows(c)
    assert {v for v, _ in keys_before.values()} == {"1"}
    assert set(keys_before) == set(subjects)

    report = rotate_keys(c.uow(), c.vault, OPERATOR)

    assert (report.new_version, report.rewrapped) == ("2", len(subjects))
    assert report.versions_in_use == {"2": len(subjects)}
    keys_after = key_rows(c)
    assert set(keys_after) == set(keys_before)
    for sid, (version, blob) in keys_after.items():
        assert version == "2"
        assert blob != keys_before[sid][1]
    assert item_rows(c) == items_before  # ciphertexts, hashes and tokens byte-identical
    for sid, expected in subjects.items():
        assert values(c, sid) == expected
    assert actions(c, "key.rotate") == ["2"]


@pytest.mark.req("R5.1")
def test_values_still_decrypt_in_a_new_process_after_rotation(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    c = container
    rotate_keys(c.uow(), c.vault, OPERATOR)
    rotate_keys(c.uow(), c.vault, OPERATOR)
    fresh = bootstrap(c.settings, migrate=False)
    try:
        assert fresh.vault._provider.current_version() == "3"
        for sid, expected in subjects.items():
            assert values(fresh, sid) == expected
        [cred] = [sid for sid, v in subjects.items() if v == ["cred@example.cn"]]
        with fresh.uow() as uow:
            [pw] = [s for s in uow.items.sealed(cred) if s.record.category == PASSWORD]
        assert verify_subject_credential(
            fresh.uow(), fresh.vault, OPERATOR, cred, pw.record.id, "s3cret!"
        )
    finally:
        fresh.close()


@pytest.mark.req("R5.1")
def test_an_old_version_is_retired_after_rotation(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    c = container
    rotate_keys(c.uow(), c.vault, OPERATOR)
    retire_key(c.uow(), c.vault, OPERATOR, "1")
    doc = json.loads(c.settings.key_file.read_text())
    assert set(doc["keks"]) == {"2"}
    assert doc["current"] == "2"
    assert actions(c, "key.retire") == ["1"]
    fresh = bootstrap(c.settings, migrate=False)
    try:
        for sid, expected in subjects.items():
            assert values(fresh, sid) == expected
    finally:
        fresh.close()


@pytest.mark.req("R5.1")
def test_the_current_version_cannot_be_retired(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    c = container
    rotate_keys(c.uow(), c.vault, OPERATOR)
    with pytest.raises(DomainError, match=r"version 2 (is current|still wraps)") as exc:
        retire_key(c.uow(), c.vault, OPERATOR, "2")
    assert isinstance(exc.value, Conflict | VaultIntegrityError)
    assert set(json.loads(c.settings.key_file.read_text())["keks"]) == {"1", "2"}
    assert actions(c, "key.retire") == []
    for sid, expected in subjects.items():
        assert values(c, sid) == expected


@pytest.mark.req("R5.1")
def test_the_current_version_cannot_be_retired_even_when_it_wraps_nothing(
    container: Container,
) -> None:
    c = container
    with pytest.raises(Conflict, match="KEK version 1 is current; rotate before retiring it"):
        retire_key(c.uow(), c.vault, OPERATOR, "1")
    assert actions(c, "key.retire") == []


@pytest.mark.req("R5.1")
def test_a_version_still_in_use_cannot_be_retired(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    """A rotation that stopped after creating the new KEK (before re-wrapping) leaves keys
    under the old version: retiring it would lose them, so it is refused."""
    c = container
    c.vault._provider.add_version()  # the first step of `rotate`, then an interruption
    with pytest.raises(
        VaultIntegrityError,
        match=rf"KEK version 1 still wraps {len(subjects)} subject keys; "
        "run `piiguard keys rotate` first",
    ):
        retire_key(c.uow(), c.vault, OPERATOR, "1")
    assert "1" in json.loads(c.settings.key_file.read_text())["keks"]
    for sid, expected in subjects.items():
        assert values(c, sid) == expected
    report = rotate_keys(c.uow(), c.vault, OPERATOR)  # finishing the job
    assert report.versions_in_use == {report.new_version: len(subjects)}
    retire_key(c.uow(), c.vault, OPERATOR, "1")
    for sid, expected in subjects.items():
        assert values(c, sid) == expected


@pytest.mark.req("R5.1")
def test_an_unknown_version_cannot_be_retired(container: Container) -> None:
    c = container
    rotate_keys(c.uow(), c.vault, OPERATOR)
    with pytest.raises(Conflict, match="KEK version 9 does not exist"):
        retire_key(c.uow(), c.vault, OPERATOR, "9")


@pytest.mark.req("R5.1")
def test_a_retired_version_cannot_unwrap_an_old_key_store_copy(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    """Retiring destroys the old KEK: a key-store backup from before the rotation is then
    useless too."""
    c = container
    old_keys = key_rows(c)
    rotate_keys(c.uow(), c.vault, OPERATOR)
    retire_key(c.uow(), c.vault, OPERATOR, "1")
    for sid, (version, blob) in old_keys.items():
        with pytest.raises(VaultIntegrityError, match="version 1 is not available"):
            c.vault._provider.unwrap(WrappedKey(version, blob), _dek_context(sid))


# -- a server running while the CLI rotates and retires -----------------------------------
@pytest.mark.req("R5.1")
def test_a_running_server_keeps_reading_after_the_cli_rotates(
    container: Container, subjects: dict[str, list[str | None]]
) -> None:
    """`piiguard keys rotate` runs in its own process while the server serves."""
    server = container
    cli = bootstrap(server.settings, migrate=False)
    try:
        rotate_keys(cli.uow(), cli.vault, OPERATOR)
    finally:
        cli.close()
    for sid, expected in subjects.items():
        assert values(server, sid) == expected


@pytest.mark.req("R5.1")
def test_keys_made_by_a_running_server_after_rotate_and_retire_stay_readable(
    container: Container,
) -> None:
    """The server must not go on wrapping new subject keys under a KEK that the CLI has
    rotated away and retired: after the next restart they could never be unwrapped."""
    server = container
    cli = bootstrap(server.settings, migrate=False)
    try:
        rotate_keys(cli.uow(), cli.vault, OPERATOR)
        retire_key(cli.uow(), cli.vault, OPERATOR, "1")
    finally:
        cli.close()
    r = register(server, *contact(email="late@example.cn"))
    restarted = bootstrap(server.settings, migrate=False)
    try:
        assert values(restarted, r.subject.id) == sorted(["late@example.cn", "13812345678", "李雷"])
    finally:
        restarted.close()


@pytest.mark.req("R5.1")
@pytest.mark.req("R2.11")
def test_rotation_rewraps_the_record_keys_and_retirement_counts_them(
    container: Container,
) -> None:
    """The key of a record piiguard keeps about a person (a request's, adapters/vault/
    recordbox.py) is wrapped under the KEK like a subject key: re-wrapped by a rotation,
    counted as in use (an interrupted rotation cannot retire its version), and what it
    seals still opens afterwards, in a new process too."""
    c = container
    web = RequestInput(RequestKind.DELETION, RequestChannel.WEB, "zhao@example.cn", "en")
    rid = open_request(c.uow(), c.requests, "subject:web", web).request.id
    scope = f"request:{rid}"
    with c.keys_engine.connect() as conn:
        q = select(record_keys.c.kek_version, record_keys.c.wrapped_key)
        before = conn.execute(q.where(record_keys.c.scope == scope)).one()
    assert before[0] == "1"
    c.vault._provider.add_version()  # an interrupted rotation: the record key still under 1
    with pytest.raises(VaultIntegrityError, match="KEK version 1 still wraps 1 "):
        retire_key(c.uow(), c.vault, OPERATOR, "1")
    report = rotate_keys(c.uow(), c.vault, OPERATOR)
    assert report.versions_in_use == {report.new_version: 1}
    with c.keys_engine.connect() as conn:
        after = conn.execute(q.where(record_keys.c.scope == scope)).one()
    assert after[0] == report.new_version and bytes(after[1]) != bytes(before[1])
    retire_key(c.uow(), c.vault, OPERATOR, "1")
    fresh = bootstrap(c.settings, migrate=False)
    try:
        with fresh.uow(readonly=True) as uow:
            found = uow.requests.get(rid)
        assert found is not None
        assert open_details(fresh.requests, rid, found[1]).contact == "zhao@example.cn"
    finally:
        fresh.close()
