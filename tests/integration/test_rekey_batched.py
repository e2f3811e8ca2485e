"""Re-keying by the hundreds (issue 14; R2.11, R5.5): a disposal batch's people are disposed
of a chunk at a time (services/retention/rekeying.py) — fresh keys staged together, one
data transaction, keys promoted together with one checkpoint — with the same guarantees
as one person at a time (tests/integration/test_rekey.py): the backup proof, and a
re-keying interrupted on either side of the data's commit finished or undone by the sweep.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag

from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.errors import Conflict
from piiguard.domain.ports import AuditQuery, SealedItem
from piiguard.services.retention.rekeying import dispose_chunk
from piiguard.services.retention.sweep import finish_rekeys
from piiguard.services.subjects.register import correct_item
from tests.builders import contact, register
from tests.integration.test_rekey import keystore_files, staged, wrapped_key
from tests.integration.test_vault import (
    EMAIL,
    NAME,
    PHONE,
    backup_items,
    decrypt_with_live_keys,
    item_ids,
    read,
)


def _people(c: Container, n: int) -> list[tuple[str, dict[str, str]]]:
    out = []
    for i in range(n):
        r = register(c, *contact(email=f"p{i}@example.cn", phone=f"1390000{i:04d}", name="王五"))
        out.append((r.subject.id, item_ids(r)))
    return out


def _sealed(c: Container, sids: list[str]) -> dict[str, list[SealedItem]]:
    with c.uow() as uow:
        return uow.items.sealed_many(sids)


def _chunk(c: Container, people: list[tuple[str, dict[str, str]]]) -> None:
    sids = [sid for sid, _ in people]
    wanted = {sid: [ids[PHONE]] for sid, ids in people}
    dispose_chunk(c.uow(), c.vault, c.clock, OPERATOR, "b1", wanted, _sealed(c, sids))


@pytest.mark.req("R2.11")
@pytest.mark.req("R5.5")
def test_backup_proof_for_a_chunk_of_people(container: Container, tmp_path: Path) -> None:
    c = container
    people = _people(c, 3)
    other = _people(c, 1)[0]
    old_keys = {sid: wrapped_key(c, sid) for sid, _ in people}
    old = {r["id"]: r for r in backup_items(c, tmp_path)}

    _chunk(c, people)

    for sid, ids in people:
        with pytest.raises(InvalidTag):  # the copy's disposed value: no live key opens it
            decrypt_with_live_keys(c, old[ids[PHONE]])
        assert wrapped_key(c, sid) != old_keys[sid]
        assert staged(c, sid) is None
        assert read(c, sid) == {EMAIL: f"p{people.index((sid, ids))}@example.cn", NAME: "王五"}
    if c.engine.dialect.name == "sqlite":  # the old keys in neither the file nor its log
        files = keystore_files(c)
        assert not any(k in files for k in old_keys.values())
    assert c.vault.unfinished_rekeys() == []
    # the other person, live and in the copy, untouched
    assert read(c, other[0])[PHONE] == "13900000000"
    assert decrypt_with_live_keys(c, old[other[1][PHONE]]) == "13900000000"
    with c.uow() as uow:
        actions = [
            e.action
            for e in uow.audit_log.entries(AuditQuery(subject_id=people[0][0]))
            if e.action in {"retention.dispose", "key.rekey"}
        ]
    assert actions == ["retention.dispose", "key.rekey"]


@pytest.mark.req("R5.5")
def test_a_chunk_whose_data_never_committed_is_dropped_and_nothing_is_lost(
    container: Container,
) -> None:
    c = container
    people = _people(c, 3)
    sids = [sid for sid, _ in people]
    old_keys = {sid: wrapped_key(c, sid) for sid in sids}
    sealed = _sealed(c, sids)
    keep = {sid: [s for s in sealed[sid] if s.record.id != ids[PHONE]] for sid, ids in people}
    c.vault.rekey_many(keep)  # staged together; the caller then crashed
    assert all(staged(c, sid) is not None for sid in sids)
    assert read(c, sids[0])[PHONE] == "13900000000"
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == dict.fromkeys(sids, "dropped")
    assert {sid: wrapped_key(c, sid) for sid in sids} == old_keys
    _chunk(c, people)  # and it can be done again
    assert c.vault.unfinished_rekeys() == []
    assert all(PHONE not in read(c, sid) for sid in sids)


@pytest.mark.req("R5.5")
def test_a_chunk_interrupted_after_the_data_committed_is_finished_by_the_sweep(
    container: Container, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    c = container
    people = _people(c, 3)
    sids = [sid for sid, _ in people]
    old = {r["id"]: r for r in backup_items(c, tmp_path)}

    def unreachable(items: Any) -> dict[str, str]:
        raise ConnectionError("key store unreachable")

    with monkeypatch.context() as m:
        m.setattr(c.vault, "finish_rekey_many", unreachable)
        with pytest.raises(ConnectionError):
            _chunk(c, people)
    assert sorted(c.vault.unfinished_rekeys()) == sorted(sids)
    assert all(PHONE not in read(c, sid) for sid in sids)  # committed; reads go on
    assert finish_rekeys(c.uow(), c.vault, OPERATOR) == dict.fromkeys(sids, "promoted")
    for _, ids in people:
        with pytest.raises(InvalidTag):
            decrypt_with_live_keys(c, old[ids[PHONE]])
    assert read(c, sids[1]) == {EMAIL: "p1@example.cn", NAME: "王五"}


@pytest.mark.req("R5.5")
def test_a_value_changed_during_a_chunk_falls_back_to_one_by_one_and_loses_nothing(
    container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A value corrected after the chunk's keys were staged makes the data transaction's
    counts fall short: rolled back, the untouched people's staged keys dropped and their
    items disposed of one by one; the corrected person (values under both keys) is left
    unfinished with a Conflict, as for one person at a time — nothing is lost."""
    c = container
    people = _people(c, 3)
    sids = [sid for sid, _ in people]
    real = c.vault.rekey_many
    first, ids0 = people[0]

    def then_corrected(keep: Any) -> Any:
        out = real(keep)
        correct_item(c.uow(), c.vault, c.clock, OPERATOR, c.state, first, ids0[NAME], "王六")
        return out

    with monkeypatch.context() as m:
        m.setattr(c.vault, "rekey_many", then_corrected)
        with pytest.raises(Conflict, match="both the old and the fresh key"):
            _chunk(c, people)
    assert c.vault.unfinished_rekeys() == [first]
    assert read(c, first) == {EMAIL: "p0@example.cn", PHONE: "13900000000", NAME: "王六"}
    assert all(PHONE not in read(c, sid) for sid in sids[1:])
    with c.uow() as uow:
        actions = [
            e.action
            for e in uow.audit_log.entries(AuditQuery(subject_id=sids[1]))
            if e.action in {"retention.dispose", "key.rekey", "key.rekey_dropped"}
        ]
    assert actions == ["key.rekey_dropped", "retention.dispose", "key.rekey"]
