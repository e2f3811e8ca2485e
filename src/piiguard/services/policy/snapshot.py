"""The policy snapshot and the registers behind it (R2.1, R2.3): purposes (versioned) and
company data categories. Every change is audited and moves the policy epoch, so every
process rebuilds its snapshot before its next decision."""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import cast

from piiguard.domain.access import PolicyState
from piiguard.domain.assessments.ports import AssessmentUnitOfWork
from piiguard.domain.assessments.rule import AssessmentIndex, Coverage
from piiguard.domain.audit import AuditEvent
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, InvalidInput, UnknownCategory, at_most
from piiguard.domain.policy.register import (
    PurposeRegister,
    PurposeRule,
    check_purpose,
    seed_purposes,
)
from piiguard.domain.policy.versions import renewal_dues
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.domain.sharing.exemption import Exemption, ExemptionStatus
from piiguard.domain.sharing.legal import IN_FORCE
from piiguard.domain.sharing.register import Agreement
from piiguard.domain.taxonomy import Category, Taxonomy


class PolicySnapshots:
    """One `PolicyState` per process, rebuilt when the database's policy epoch moves
    (one single-row read per check); decisions then load nothing but the subject."""

    def __init__(
        self,
        base_taxonomy: Taxonomy,
        subject_kinds: frozenset[str],
        *,
        home_region: str = "CN",
        ciio: bool = False,
        child_age: int = 14,
        child_data_hours: int = 72,
        renewal_grace_days: int = 30,
    ) -> None:
        self._base = base_taxonomy
        self._kinds = subject_kinds
        self._home = home_region
        self._ciio = ciio
        self._child_age = child_age
        self._child_data_hours = child_data_hours
        self._grace = renewal_grace_days
        self._state: PolicyState | None = None
        self._lock = threading.Lock()

    def current(self, uow: UnitOfWork) -> PolicyState:
        """Inside an open unit of work."""
        epoch, register_version = uow.registers.epoch()
        state = self._state
        if state is not None and state.epoch == epoch:
            return state
        with self._lock:
            cats = uow.registers.categories()
            taxonomy = self._base.extend(c for c, _ in cats)
            versions = uow.policy_versions.list()
            latest = versions[-1] if versions else None
            state = PolicyState(
                taxonomy=taxonomy,
                register=PurposeRegister.of(register_version, uow.registers.purposes()),
                subject_kinds=self._kinds,
                systems={s.key: s for s in uow.registers.systems()},
                legal_exceptions={e.id: e for e in uow.legal_exceptions.list()},
                home_region=self._home,
                ciio=self._ciio,
                policy_version=latest.version if latest else "0",
                epoch=epoch,
                child_age=self._child_age,
                child_data_hours=self._child_data_hours,
                deprecated=frozenset(c.key for c, at in cats if at is not None),
                recipients={r.key: r for r in uow.sharing.recipients()},
                agreements=_by_recipient(uow.sharing.agreements()),
                profiles={(p.recipient, p.purpose): p for p in uow.sharing.profiles()},
                legal_requests={
                    r.id: r.demand() for r in uow.sharing.legal_requests(IN_FORCE, limit=100_000)
                },
                renewals=renewal_dues(versions, self._grace),
                assessments=_assessments(uow),
                exemptions=_by_scope(uow.sharing.exemptions([ExemptionStatus.APPROVED])),
            )
            self._state = state
            return state

    def read(self, uow: UnitOfWork) -> PolicyState:
        """Open `uow` just for the snapshot."""
        with uow:
            return self.current(uow)


def _assessments(uow: UnitOfWork) -> AssessmentIndex:
    """The approved impact assessments in force and the designated cases (R10.4)."""
    store = cast(AssessmentUnitOfWork, uow).assessments
    return AssessmentIndex.of(
        (Coverage(a.id, a.scope) for a in store.approved()),
        ((purpose, case) for purpose, case, _, _ in store.designations()),
    )


def _by_recipient(agreements: list[Agreement]) -> dict[str, tuple[Agreement, ...]]:
    out: dict[str, list[Agreement]] = {}
    for a in agreements:
        out.setdefault(a.recipient, []).append(a)
    return {k: tuple(v) for k, v in out.items()}


def _by_scope(exemptions: list[Exemption]) -> dict[tuple[str, str], tuple[Exemption, ...]]:
    out: dict[tuple[str, str], list[Exemption]] = {}
    for e in exemptions:
        out.setdefault((e.recipient, e.purpose), []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _changed(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    target_type: str,
    target_id: str,
    register_version: int | None = None,
    **details: str | int | bool | None,
) -> None:
    uow.registers.bump(register_version)
    uow.audit(
        AuditEvent(action, actor.kind.value, actor.id, target_type, target_id, details=details)
    )


def ensure_register(uow: UnitOfWork, clock: Clock, actor: Actor, taxonomy: Taxonomy) -> bool:
    """Seed the policy's eight purposes when the register is empty. This is reference data
    shipped with piiguard, like the schema: each purpose is kept in the register's version
    history (purpose_versions) but makes no audit entry; every later change does."""
    with uow:
        uow.registers.epoch(lock=True)  # processes starting together seed once, in turn
        if uow.registers.purposes():
            return False
        now = clock.now()
        for i, rule in enumerate(seed_purposes(), start=1):
            uow.registers.save_purpose(check_purpose(rule, taxonomy), i, now, actor.ref)
        uow.registers.bump(len(seed_purposes()))
        uow.commit()
    return True


def save_purpose(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, rule: PurposeRule
) -> PolicyState:
    """Add or change a purpose: a new register version, recorded with who and when."""
    with uow:
        state = policy.current(uow)
        check_purpose(rule, state.taxonomy)
        version = state.register.version + 1
        uow.registers.save_purpose(rule, version, clock.now(), actor.ref)
        _changed(
            uow,
            actor,
            "register.purpose",
            "purpose",
            rule.key,
            register_version=version,
            active=rule.active,
            needs_consent=rule.needs_consent,
        )
        uow.commit()
    return policy.read(uow)


def deactivate_purpose(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, key: str
) -> PolicyState:
    state = policy.read(uow)
    return save_purpose(uow, policy, clock, actor, replace(state.register.get(key), active=False))


def purpose_history(uow: UnitOfWork, key: str | None = None) -> list[tuple[int, str, str, str]]:
    with uow:
        return [(v, d, at.isoformat(), by) for v, d, at, by in uow.registers.purpose_history(key)]


def add_category(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, category: Category
) -> Category:
    at_most(category.name, 128, "name")  # the API's limits, for the console and the CLI too
    at_most(category.name_zh, 128, "name_zh")
    at_most(category.description, 1000, "description")
    with uow:
        state = policy.current(uow)
        if category.key in state.taxonomy:
            raise Conflict(f"category {category.key!r} exists", field="key")
        added = state.taxonomy.extend([category]).get(category.key)  # validates; may tighten
        uow.registers.add_category(added, clock.now())
        _changed(uow, actor, "taxonomy.add", "category", added.key, tier=added.tier.value)
        uow.commit()
    return added


def retire_category(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, key: str
) -> str:
    """Delete a company category nobody uses; one in use can only be deprecated (kept for
    the data that has it, refused for new data). Returns 'deleted' or 'deprecated'."""
    with uow:
        state = policy.current(uow)
        cat = state.taxonomy.get(key)
        if cat.origin != "company":
            raise InvalidInput(f"{key!r} is a built-in category and cannot be retired", field="key")
        if state.taxonomy.children(key):
            raise Conflict(f"{key!r} has child categories; retire them first", field="key")
        if not any(c.key == key for c, _ in uow.registers.categories()):
            raise InvalidInput(
                f"{key!r} comes from the taxonomy file (PIIGUARD_TAXONOMY_FILE): change it there",
                field="key",
            )
        if uow.registers.category_in_use(key):
            uow.registers.deprecate_category(key, clock.now())
            outcome = "deprecated"
        else:
            uow.registers.delete_category(key)
            outcome = "deleted"
        _changed(uow, actor, f"taxonomy.{outcome}", "category", key)
        uow.commit()
    return outcome


def check_categories(
    taxonomy: Taxonomy, keys: frozenset[str] | set[str], field: str = "categories"
) -> None:
    """Every key a known category; the error names the list field of the request."""
    for key in sorted(keys):
        if key not in taxonomy:
            raise UnknownCategory(
                f"unknown data category {key!r}; see GET /api/v1/taxonomy", field=field
            )
