"""The trail's evidence on screen (R10.2), on both backends: the last verification noted on
the trail (by whom, when, intact or where it broke) and the last signed checkpoint with the
state of its signature — what the console's audit page and front page show."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.services.audit import (
    last_checkpoint,
    last_verification,
    note_verification,
    record_checkpoint,
    verify_audit,
)
from piiguard.services.subjects.read import describe_subject
from tests.builders import register


def verify_and_note(c: Container) -> None:
    note_verification(c.uow(), OPERATOR, verify_audit(c.uow(readonly=True), c.signer))


@pytest.mark.req("R10.2")
@pytest.mark.req("R5.1")
def test_the_last_verification_says_who_when_and_where_the_trail_broke(
    container: Container,
) -> None:
    c = container
    assert last_verification(c.uow(readonly=True)) is None
    subject = register(c).subject.id
    describe_subject(c.uow(), OPERATOR, subject)
    verify_and_note(c)
    first = last_verification(c.uow(readonly=True))
    assert first is not None
    assert (first.ok, first.first_bad_seq, first.problem) == (True, None, "")
    assert first.actor_id == OPERATOR.id and first.entries > 0
    with c.engine.begin() as conn:  # tampered with, as with SQL access
        conn.execute(update(t.audit_entries).where(t.audit_entries.c.seq == 2).values(actor_id="x"))
    verify_and_note(c)
    second = last_verification(c.uow(readonly=True))
    assert second is not None and second.seq > first.seq
    assert (second.ok, second.first_bad_seq) == (False, 2)
    assert "entry 2" in second.problem


@pytest.mark.req("R10.2")
@pytest.mark.req("R5.1")
def test_the_last_checkpoint_and_whether_its_signature_holds(container: Container) -> None:
    c = container
    assert last_checkpoint(c.uow(readonly=True), c.signer) is None
    describe_subject(c.uow(), OPERATOR, register(c).subject.id)
    made = record_checkpoint(c.uow(), c.signer, c.clock)
    assert made is not None
    shown = last_checkpoint(c.uow(readonly=True), c.signer)
    assert shown is not None
    assert (shown.last_seq, shown.head_hash, shown.signature_ok) == (
        made.last_seq,
        made.head_hash,
        True,
    )
    with c.engine.begin() as conn:
        cps = t.audit_checkpoints
        conn.execute(update(cps).where(cps.c.last_seq == made.last_seq).values(signature="00" * 64))
    bad = last_checkpoint(c.uow(readonly=True), c.signer)
    assert bad is not None and bad.signature_ok is False
