"""The record of processing built from the registers (R10.1): for any registers, one
activity per purpose that says exactly what the registers say — legal basis, categories
with their tier, the systems holding the purpose's data and where they are, the recipients
(profiles and agreements) with transfers abroad, exports still running, the retention
schedule, the kinds of people and the sources of the items collected for it ("none recorded
yet" when there are none); the hash moves with any change and only then; the CSV cannot
run as a formula."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.domain.policy.datamap import Approval, Export, System
from piiguard.domain.policy.register import PurposeRule
from piiguard.domain.records.build import (
    CSV_HEADER,
    NONE_YET,
    Registers,
    build_record,
    digest,
    provenance_cells,
    to_csv,
)
from piiguard.domain.records.ports import Provenance
from piiguard.domain.retention.schedule import Anchor, RetentionRule
from piiguard.domain.sharing.register import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Profile,
    Recipient,
    RecipientKind,
    RecipientStatus,
)
from piiguard.domain.subjects import KIND_NAMES, Channel, LegalBasis
from piiguard.domain.taxonomy import Taxonomy

pytestmark = pytest.mark.req("R10.1")
PROPERTY = settings(max_examples=100, deadline=None, derandomize=True, database=None)
NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)
TAX = Taxonomy.default()
CATS = [*sorted(c.key for c in TAX)[:40], "user.unknown_thing"]
KEYS = st.sampled_from(["a_p", "b_p", "c_p", "d_p", "e_p"])
CATSETS = st.frozensets(st.sampled_from(CATS), max_size=4)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
COUNTRY = st.sampled_from(["CN", "DE", "US"])

purposes = st.lists(
    st.builds(
        PurposeRule,
        key=KEYS,
        en=TEXT,
        zh=TEXT,
        legal_basis=st.sampled_from(LegalBasis),
        categories=CATSETS,
        retention_days=st.integers(1, 5000),
        needs_consent=st.booleans(),
    ),
    max_size=5,
    unique_by=lambda p: p.key,
)
systems = st.lists(
    st.builds(
        System,
        key=st.sampled_from(["erp", "crm", "mail", "cloud"]),
        name=TEXT,
        owner=st.just("it"),
        kind=st.just("erp"),
        region=COUNTRY,
        status=st.sampled_from(Approval),
        categories=CATSETS,
        purposes=st.frozensets(KEYS, max_size=3),
        locations=st.frozensets(st.sampled_from(["/srv/a/", "/srv/b/"]), max_size=2),
    ),
    max_size=4,
    unique_by=lambda s: s.key,
)
rules = st.lists(
    st.builds(
        RetentionRule,
        purpose=KEYS,
        category=st.sampled_from(["", *CATS[:5]]),
        days=st.integers(1, 9000),
        anchor=st.sampled_from(Anchor),
    ),
    max_size=6,
    unique_by=lambda r: (r.purpose, r.category),
)
RKEYS = st.sampled_from(["acme-de", "zhi-cn", "us-proc"])
recipients = st.lists(
    st.builds(
        Recipient,
        key=RKEYS,
        kind=st.sampled_from(RecipientKind),
        legal_name=TEXT,
        country=COUNTRY,
        law=st.just("GDPR"),
        contact=st.just("dpo@example.com"),
        systems=st.just(frozenset()),
        status=st.sampled_from(RecipientStatus),
        recorded_by=st.just("alice"),
        recorded_at=st.just(NOW),
    ),
    max_size=3,
    unique_by=lambda r: r.key,
)
agreements = st.lists(
    st.builds(
        Agreement,
        id=st.sampled_from(["g1", "g2", "g3", "g4"]),
        recipient=RKEYS,
        kind=st.sampled_from(AgreementKind),
        title=TEXT,
        parties=st.just(("Us", "Them")),
        purposes=st.frozensets(KEYS, max_size=3),
        categories=CATSETS,
        valid_from=st.just(NOW - timedelta(days=30)),
        valid_until=st.sampled_from([None, NOW - timedelta(days=1), NOW + timedelta(days=9)]),
        document_sha256=st.just("0" * 64),
        document_location=st.just("dms://1"),
        reference=st.just(""),
        status=st.sampled_from(AgreementStatus),
        recorded_by=st.just("alice"),
        recorded_at=st.just(NOW),
    ),
    max_size=4,
    unique_by=lambda a: a.id,
)
profiles = st.lists(
    st.builds(
        Profile,
        recipient=RKEYS,
        purpose=KEYS,
        fields=st.just({}),
        updated_by=st.just("alice"),
        updated_at=st.just(NOW),
    ),
    max_size=4,
    unique_by=lambda p: (p.recipient, p.purpose),
)
exports = st.lists(
    st.builds(
        Export,
        id=st.sampled_from(["x1", "x2", "x3"]),
        system=st.just("erp"),
        recipient=TEXT,
        requested_by=st.just("bob"),
        categories=CATSETS,
        purpose=KEYS,
        created_at=st.just(NOW - timedelta(days=3)),
        expires_at=st.sampled_from([NOW - timedelta(days=1), NOW + timedelta(days=1)]),
    ),
    max_size=3,
    unique_by=lambda e: e.id,
)
provenance = st.lists(
    st.builds(
        Provenance,
        purposes=st.frozensets(KEYS, max_size=3),
        kind=st.sampled_from(["customer_contact", "guardian", "own_kind"]),
        source_system=st.sampled_from(["crm", "erp", "=cmd"]),
        channel=st.sampled_from(Channel),
    ),
    max_size=6,
    unique=True,
)
registers = st.builds(
    Registers,
    purposes=purposes,
    taxonomy=st.just(TAX),
    systems=systems,
    rules=rules,
    recipients=recipients,
    agreements=agreements,
    profiles=profiles,
    exports=exports,
    home_region=st.just("CN"),
    provenance=provenance,
)


def says_what_the_registers_say(r: Registers, body: dict[str, object]) -> None:
    acts = body["activities"]
    assert isinstance(acts, list)
    assert [a["purpose"] for a in acts] == sorted(p.key for p in r.purposes)
    by_rcp = {x.key: x for x in r.recipients}
    for p, a in zip(sorted(r.purposes, key=lambda p: p.key), acts, strict=True):
        assert (a["name"], a["name_zh"], a["active"]) == (p.en, p.zh, p.active)
        assert (a["legal_basis"], a["needs_consent"]) == (p.legal_basis.value, p.needs_consent)
        assert [c["key"] for c in a["categories"]] == sorted(p.categories)
        for c in a["categories"]:
            want = TAX.get(c["key"]).tier.value if c["key"] in TAX else "unknown"
            assert c["tier"] == want
        assert a["sensitive"] == any(k in TAX and TAX.get(k).sensitive for k in p.categories)
        held = {s.key: s for s in r.systems if p.key in s.purposes}
        assert [s["key"] for s in a["systems"]] == sorted(held)
        for s in a["systems"]:
            assert s["region"] == held[s["key"]].region
            assert s["abroad"] == (held[s["key"]].region != "CN")
            assert s["locations"] == sorted(held[s["key"]].locations)
        got = {x.recipient for x in r.profiles if x.purpose == p.key}
        got |= {g.recipient for g in r.agreements if p.key in g.purposes}
        assert [x["key"] for x in a["recipients"]] == sorted(got)
        for x in a["recipients"]:
            known = by_rcp.get(x["key"])
            assert x["abroad"] == (known is not None and known.country != "CN")
            ids = sorted(
                g.id for g in r.agreements if g.recipient == x["key"] and p.key in g.purposes
            )
            assert [g["id"] for g in x["agreements"]] == ids
            for g in x["agreements"]:
                [src] = [y for y in r.agreements if y.id == g["id"]]
                assert g["in_force"] == src.in_force(NOW)
        live = sorted(e.id for e in r.exports if e.purpose == p.key and e.expires_at > NOW)
        assert [e["id"] for e in a["exports"]] == live
        assert a["retention"]["days"] == p.retention_days
        sched = sorted((x.category, x.days, x.anchor.value) for x in r.rules if x.purpose == p.key)
        assert [
            (x["category"], x["days"], x["anchor"]) for x in a["retention"]["schedule"]
        ] == sched
        mine = [x for x in r.provenance if p.key in x.purposes]
        assert [k["key"] for k in a["people"]] == sorted({x.kind for x in mine})
        for k in a["people"]:
            zh, en = KIND_NAMES.get(k["key"], (k["key"], k["key"]))
            assert (k["name"], k["name_zh"]) == (en, zh)
        assert a["sources"]["systems"] == sorted({x.source_system for x in mine})
        assert [c["key"] for c in a["sources"]["channels"]] == sorted({x.channel for x in mine})
        if not mine:  # said plainly, never blank
            assert provenance_cells(a) == (NONE_YET,) * 3


@PROPERTY
@given(registers)
def test_the_record_equals_the_registers(r: Registers) -> None:
    body = build_record(r, NOW)
    says_what_the_registers_say(r, body)
    assert digest(body) == digest(build_record(r, NOW))  # same registers, same hash


@PROPERTY
@given(registers, st.integers(1, 100))
def test_a_change_to_a_register_changes_the_hash(r: Registers, more: int) -> None:
    if not r.purposes:
        return
    p = r.purposes[0]
    changed = [
        PurposeRule(
            p.key, p.en, p.zh, p.legal_basis, p.categories, p.retention_days + more, p.needs_consent
        ),
        *r.purposes[1:],
    ]
    other = Registers(
        changed,
        r.taxonomy,
        r.systems,
        r.rules,
        r.recipients,
        r.agreements,
        r.profiles,
        r.exports,
        r.home_region,
    )
    assert digest(build_record(other, NOW)) != digest(build_record(r, NOW))
    # a new kind of person or a new source for the purpose: a new hash, so a new version
    for new in (
        Provenance(frozenset({p.key}), "kind_never_seen", "crm", Channel.WEB),
        Provenance(frozenset({p.key}), "customer_contact", "system_never_seen", Channel.WEB),
    ):
        grown = replace(r, provenance=[*r.provenance, new])
        assert digest(build_record(grown, NOW)) != digest(build_record(r, NOW))


@PROPERTY
@given(registers)
def test_the_csv_has_a_row_per_activity_and_no_formula(r: Registers) -> None:
    body = build_record(r, NOW)
    text = to_csv(body)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == CSV_HEADER
    assert [row[0] for row in rows[1:]] == [a["purpose"] for a in body["activities"]]
    for row in rows[1:]:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@")


def test_a_formula_in_a_purpose_name_is_written_as_text() -> None:
    p = PurposeRule("x", "=HYPERLINK(1)", "-1", LegalBasis.CONTRACT, frozenset(), 30, False)
    r = Registers([p], TAX, [], [], [], [], [], [], "CN")
    [_, row] = list(csv.reader(io.StringIO(to_csv(build_record(r, NOW))[1:])))
    assert row[1] == "'=HYPERLINK(1)" and row[2] == "'-1"
