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
from sqlalchemy import text

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db.stores.records import _PROVENANCE
from piiguard.bootstrap import Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import NotFound
from piiguard.domain.ports import AuditQuery
from piiguard.domain.records.build import NONE_YET, digest, provenance_cells
from piiguard.domain.records.layouts import sheets
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.domain.subjects import Channel
from piiguard.services.records import generate as gen
from piiguard.services.retention import schedule as sch
from piiguard.services.subjects.register import declared_purposes
from tests.builders import group_company_abroad, item, register
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


def test_kinds_of_people_and_sources_come_from_the_items_held(c: Container) -> None:
    """Per purpose, the kinds of people and the sources (source systems, channels) of the
    items collected for it — derived, never typed; "none recorded yet" until there are any;
    a new kind or source is a new version at the next read, a repeat is not."""
    v1, _ = generate(c)
    for a in gen.body_of(v1)["activities"]:
        assert provenance_cells(a) == (NONE_YET,) * 3, a["purpose"]
    register(c, item("user.contact.email", "a@example.cn", purposes=(PURPOSE,)))
    register(
        c,
        item("user.contact.phone_number", "13800000000", channel=Channel.PHONE, source="erp"),
        kind="guardian",
    )
    v2, new = generate(c)
    assert new and v2.version == v1.version + 1
    body = gen.body_of(v2)
    equals_the_registers(c, body)
    acts = {a["purpose"]: a for a in body["activities"]}
    phone_for = declared_purposes(c.state, "user.contact.phone_number")
    assert PURPOSE in phone_for
    a = acts[PURPOSE]
    assert a["people"] == [
        {"key": "customer_contact", "name": "Customer contact", "name_zh": "客户联系人"},
        {"key": "guardian", "name": "Guardian", "name_zh": "监护人"},
    ]
    assert a["sources"]["systems"] == ["crm", "erp"]
    assert [x["key"] for x in a["sources"]["channels"]] == ["phone", "web"]
    for key, other in acts.items():  # a purpose only the phone was collected for
        if key != PURPOSE:
            want = ["guardian"] if key in phone_for else []
            assert [k["key"] for k in other["people"]] == want, key
    g = {r[0]: r for r in sheets(body, "Us", "dpo@us.example")[0].rows}
    p = {r[0]: r for r in sheets(body, "Us", "dpo@us.example")[1].rows}
    assert g[PURPOSE][3] == "customer_contact (Customer contact); guardian (Guardian)"
    assert p[PURPOSE][4] == "customer_contact（客户联系人）；guardian（监护人）"
    assert "systems: crm; erp; channels: phone (Phone); web (Web)" in g[PURPOSE]

    # the same kind from the same system and channel again: nothing new to record
    register(c, item("user.contact.email", "b@example.cn", purposes=(PURPOSE,)))
    same, new = generate(c)
    assert (same.version, new) == (v2.version, False)
    # a new source system is a new version
    register(c, item("user.contact.email", "c@example.cn", source="shop", purposes=(PURPOSE,)))
    v3, new = generate(c)
    assert new and v3.version == v2.version + 1
    got = next(a for a in gen.body_of(v3)["activities"] if a["purpose"] == PURPOSE)
    assert got["sources"]["systems"] == ["crm", "erp", "shop"]


def test_the_grouped_query_reads_the_provenance_index(c: Container) -> None:
    """One grouped query, answered from the index on the items, not their rows (R10.1:
    cheap at a million items). SQLite's plan says so on any table; PostgreSQL's planner
    picks whatever is cheapest on a test's tiny tables (the plan at a million items is in
    docs/accountability.md), so there the index is checked to hold every item column the
    query reads."""
    sql = str(_PROVENANCE.compile(c.engine, compile_kwargs={"literal_binds": True}))
    with c.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            plan = "\n".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert "COVERING INDEX ix_items_provenance" in plan, plan
            return
        indexed = conn.execute(
            text(
                "SELECT a.attname FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                "WHERE x.relname = 'ix_items_provenance'"
            )
        ).scalars()
        read = {"subject_id", "source_system", "channel", "collected_for"}
        assert set(indexed) == read
        assert all(f"items.{col}" in sql for col in read)
