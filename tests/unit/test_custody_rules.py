"""The rules custody decides by (domain/custody/rules.py; R5.2, R5.4, R5.6), pure: the data
map's systems and their categories, an API key's scope, encryption for sensitive
categories, the second person of four eyes, and when a printout is overdue."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.domain.custody.records import PaperRecord, PaperStatus
from piiguard.domain.custody.rules import (
    check_witness,
    confirm_as_witness,
    encryption_refusals,
    refuse,
    scope_refusals,
    source_refusals,
)
from piiguard.domain.decisions import Actor, ActorKind, Scope
from piiguard.domain.errors import Forbidden, InvalidInput
from piiguard.domain.policy.datamap import Approval, System
from piiguard.domain.taxonomy import Taxonomy

TAX = Taxonomy.default()
CONTACT = frozenset({"user.contact.email"})
BANK = frozenset({"user.financial.bank_account"})


def _system(status: Approval, cats: frozenset[str], cloud: str | None = None) -> System:
    return System("erp", "ERP", "ops", "erp", "CN", status, cloud, False, categories=cats)


def _codes(refusals: list[object]) -> list[str]:
    return [r.reason.code for r in refusals]  # type: ignore[attr-defined]


@pytest.mark.req("R5.6")
def test_only_approved_systems_of_the_data_map_holding_the_categories() -> None:
    held = frozenset({"user.contact"})
    assert _codes(source_refusals({}, TAX, "erp", CONTACT)) == ["system_not_in_data_map"]
    for status in (Approval.PENDING, Approval.RETIRED):
        systems = {"erp": _system(status, held)}
        assert _codes(source_refusals(systems, TAX, "erp", CONTACT)) == ["system_not_approved"]
    cloud = {"erp": _system(Approval.APPROVED, held, cloud="some-cloud")}
    assert _codes(source_refusals(cloud, TAX, "erp", CONTACT)) == ["system_not_approved"]
    ok = {"erp": _system(Approval.APPROVED, held)}
    assert source_refusals(ok, TAX, "erp", CONTACT) == []  # a category within its subtree
    [r] = source_refusals(ok, TAX, "erp", CONTACT | BANK)
    assert r.reason.code == "category_not_held_by_system" and r.field == "categories"
    assert r.reason.categories == tuple(BANK) and r.reason.zh
    assert source_refusals({"erp": _system(Approval.APPROVED, frozenset())}, TAX, "erp", BANK) == []


@pytest.mark.req("R5.6")
def test_an_api_key_registers_only_what_its_scope_covers() -> None:
    key = Actor(
        "k", ActorKind.SYSTEM, frozenset({"system"}), Scope(None, frozenset({"user.contact"}))
    )
    assert scope_refusals(key, TAX, CONTACT) == []
    assert _codes(scope_refusals(key, TAX, BANK)) == ["category_outside_actor_scope"]
    free = Actor("k", ActorKind.SYSTEM, frozenset({"system"}))
    assert scope_refusals(free, TAX, BANK) == []
    with pytest.raises(InvalidInput) as e:
        refuse(scope_refusals(key, TAX, BANK))
    assert e.value.field == "categories"


@pytest.mark.req("R5.4")
def test_sensitive_media_are_encrypted_and_say_how() -> None:
    assert _codes(encryption_refusals(TAX, BANK, False, "")) == ["sensitive_media_unencrypted"]
    assert _codes(encryption_refusals(TAX, BANK, True, " ")) == ["encryption_not_named"]
    assert encryption_refusals(TAX, BANK, True, "LUKS2 AES-256") == []
    assert encryption_refusals(TAX, CONTACT, False, "") == []  # ordinary data: the choice is theirs
    assert encryption_refusals(TAX, frozenset(), False, "") == []


@pytest.mark.req("R5.2")
def test_the_witness_is_a_second_person_and_confirms_themselves() -> None:
    li = Actor("li", ActorKind.STAFF, frozenset({"staff"}))
    wu = Actor("wu", ActorKind.STAFF, frozenset({"staff"}))
    op = Actor("local-operator", ActorKind.OPERATOR)
    with pytest.raises(Forbidden):
        check_witness(li, li.ref, "li")
    check_witness(li, li.ref, "wu")
    check_witness(op, op.ref, "wu")
    with pytest.raises(Forbidden):
        confirm_as_witness(li, li.ref, "li")  # the destroyer
    with pytest.raises(Forbidden):
        confirm_as_witness(op, li.ref, "wu")  # not the named witness's own account
    with pytest.raises(Forbidden):
        confirm_as_witness(
            Actor("po", ActorKind.STAFF, frozenset({"privacy_officer"})), li.ref, "wu"
        )
    confirm_as_witness(wu, li.ref, "wu")


@pytest.mark.req("R5.2")
def test_a_printout_is_overdue_from_the_set_time_until_locked() -> None:
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    day = timedelta(hours=24)
    p = PaperRecord(
        "p", "run", CONTACT, 3, "erp", "staff:li", at, "li", "room", "B2",
        PaperStatus.IN_USE, "staff:li", at, at,
    )  # fmt: skip
    assert not p.overdue(at + day - timedelta(minutes=1), day)
    assert p.overdue(at + day, day)
    for status in (PaperStatus.LOCKED, PaperStatus.ARCHIVED, PaperStatus.SHREDDED):
        assert not replace(p, status=status).overdue(at + 2 * day, day)
