"""The record of processing through its use cases on both backends (R10.1): generated from
the registers as they stand in the database — every purpose with its legal basis,
categories, systems, recipients with their agreements and the retention schedule, equal to
what the registers read back say; kept as version 1 with its hash; an unchanged register
keeps no new version; a recipient, an agreement and a retention rule added make version 2,
audited; what the record said before the change is shown again by date and by number."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.records.build import digest
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.services.records import generate as gen
from piiguard.services.retention import schedule as sch
from tests.builders import group_company_abroad
from tests.integration.conftest import START
from tests.unit.test_records_build import says_what_the_registers_say

pytestmark = pytest.mark.req("R10.1")
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer", "staff"}))
DAY = timedelta(days=1)
PURPOSE = "after_sales"


def generate(c: Container) -> tuple[gen.RecordVersion, bool]:
    return gen.generate_record(c.uow(), c.clock, ALICE, c.state.taxonomy, "CN")


def equals_the_registers(c: Container, body: dict[str, object]) -> None:
    with c.uow(readonly=True) as uow:
        r = gen.read_registers(uow, c.state.taxonomy, "CN")
    says_what_the_registers_say(r, body)


def test_the_record_equals_the_registers_and_is_versioned(c: Container, clock: FixedClock) -> None:
    v1, new = generate(c)
    assert new and v1.version == 1
    body = gen.body_of(v1)
    assert body["activities"], "the seeded purposes are in the record"
    equals_the_registers(c, body)
    assert digest(body) == v1.sha256
    # nothing changed: the same version, no new one
    clock.advance(DAY)
    again, new = generate(c)
    assert (again.version, again.sha256, new) == (1, v1.sha256, False)

    # a recipient abroad bound by an agreement for after-sales, and a retention rule
    clock.advance(DAY)
    group_company_abroad(c, 365, ALICE)
    sch.save_rule(
        c.uow(),
        c.snapshots,
        c.clock,
        ALICE,
        RetentionRule(PURPOSE, "user.contact", 400, Anchor.COLLECTED),
    )
    changed_at = clock.now()
    clock.advance(DAY)
    v2, new = generate(c)
    assert new and v2.version == 2 and v2.sha256 != v1.sha256
    body2 = gen.body_of(v2)
    equals_the_registers(c, body2)
    [after_sales] = [a for a in body2["activities"] if a["purpose"] == PURPOSE]
    [acme] = after_sales["recipients"]
    assert (acme["key"], acme["country"], acme["abroad"]) == ("acme-de", "DE", True)
    assert [g["kind"] for g in acme["agreements"]] == ["intra_group"]
    assert acme["agreements"][0]["in_force"] is True
    assert {"category": "user.contact", "days": 400, "anchor": "collected", "note": ""} in (
        after_sales["retention"]["schedule"]
    )

    # what it said before the change, by date and by number; both kept as they were
    with c.uow(readonly=True) as uow:
        assert uow.records.as_of(changed_at) is not None
    assert gen.record_as_of(c.uow(readonly=True), changed_at).version == 1
    assert gen.record_as_of(c.uow(readonly=True), clock.now()).version == 2
    old = gen.record_version(c.uow(readonly=True), 1)
    assert old.sha256 == v1.sha256 == digest(json.loads(old.body))
    assert [v.version for v in gen.record_versions(c.uow(readonly=True))] == [2, 1]
    with pytest.raises(NotFound) as no:
        gen.record_version(c.uow(readonly=True), 3)
    assert no.value.field == "version"
    with pytest.raises(NotFound):
        gen.record_as_of(c.uow(readonly=True), START - 30 * DAY)

    with c.uow(readonly=True) as uow:
        entries = uow.audit_log.entries(AuditQuery(limit=1000))
    kept = [e for e in entries if e.action == "records.generate"]
    assert [(e.target_id, json.loads(e.details)["sha256"]) for e in kept] == [
        ("1", v1.sha256),
        ("2", v2.sha256),
    ]
