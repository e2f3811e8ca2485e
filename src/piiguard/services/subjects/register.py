"""Subjects and their items going in (R2.2, R2.3, R2.4, R5.1): register subjects with their
items, add an item, correct an item's value — each value checked against the taxonomy and
the purpose register, sealed by the vault under the subject's key, and audited in the same
transaction. Reading is services/subjects/read.py; erasure services/subjects/erase.py."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from piiguard.domain.access import PolicyState
from piiguard.domain.audit import AuditEvent
from piiguard.domain.consent import adult_on
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import InvalidInput, NotFound, UnknownCategory
from piiguard.domain.ports import Clock, KeyRing, SealedItem, ToSeal, UnitOfWork, Vault
from piiguard.domain.retention.disposal import check_counted_from
from piiguard.domain.subjects import (
    Channel,
    ItemRecord,
    LegalBasis,
    NewItem,
    Provenance,
    Subject,
    check_slug,
)
from piiguard.domain.taxonomy import Taxonomy
from piiguard.services.ids import new_id
from piiguard.services.subjects._common import live_subject

MAX_VALUE_CHARS = 10_000
DATE_OF_BIRTH = "user.demographic.date_of_birth"


@dataclass(frozen=True, slots=True)
class ItemInput:
    category: str
    value: str
    channel: Channel
    legal_basis: LegalBasis
    source_system: str
    collected_at: datetime | None = None
    held_in: str | None = None
    # declared to the person, in the order given (errors name purposes[k]); None: the register's
    purposes: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class SubjectInput:
    kind: str
    items: Sequence[ItemInput]


@dataclass(frozen=True, slots=True)
class Registered:
    subject: Subject
    items: list[ItemRecord]


def _check_item(state: PolicyState, item: ItemInput, where: str = "") -> None:
    """`where` is the item's path in the request (items[2]), empty when it is the body."""
    at = f"{where}." if where else ""
    if item.category not in state.taxonomy:
        raise UnknownCategory(
            f"unknown data category {item.category!r}; see GET "
            "/api/v1/taxonomy or docs/taxonomy.md",
            field=f"{at}category",
        )
    if item.category in state.deprecated:
        raise InvalidInput(
            f"category {item.category!r} is deprecated: it is kept for old data "
            "and takes no new data",
            field=f"{at}category",
        )
    _check_purposes(state, item, at)
    if item.category == DATE_OF_BIRTH:
        _date_of_birth(item.value, f"{at}value")
    if not item.value or len(item.value) > MAX_VALUE_CHARS:
        raise InvalidInput(f"value must be 1–{MAX_VALUE_CHARS} characters", field=f"{at}value")
    check_slug(item.source_system, f"{at}source_system")
    if item.collected_at is not None:
        check_counted_from(item.collected_at, f"{at}collected_at")
    if item.held_in is not None:
        check_slug(item.held_in, f"{at}held_in")


def _check_purposes(state: PolicyState, item: ItemInput, at: str) -> None:
    """Purposes declared at collection must be active and, in the register, allowed to use
    the item's category (R2.3, R2.4): recording one that may not would put on file a promise
    the decision point will never keep, so it is refused, not stored with a warning."""
    for k, p in enumerate(item.purposes or ()):
        rule = state.register.active(p)
        if rule is None:
            raise InvalidInput(
                f"purpose {p!r} is not an active purpose in the register",
                field=f"{at}purposes[{k}]",
            )
        if not rule.allows_category(state.taxonomy, item.category):
            may = sorted(
                r.key
                for r in state.register.rules.values()
                if r.active and r.allows_category(state.taxonomy, item.category)
            )
            raise InvalidInput(
                f"purpose {p!r} may not use category {item.category!r} in the purpose "
                f"register, so it cannot be declared when collecting it; purposes that may: "
                f"{', '.join(may) or '(none)'}",
                field=f"{at}purposes[{k}]",
            )


def _date_of_birth(value: str, field: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput("a date of birth is written YYYY-MM-DD", field=field) from None


def declared_purposes(state: PolicyState, category: str) -> frozenset[str]:
    """What the policy declares for a category without asking: the active purposes that
    use it and need no consent. Items collected without a list of purposes get these."""
    return frozenset(
        r.key
        for r in state.register.rules.values()
        if r.active and not r.needs_consent and r.allows_category(state.taxonomy, category)
    )


def _note_minor(uow: UnitOfWork, state: PolicyState, subject_id: str, item: ItemInput) -> None:
    if item.category == DATE_OF_BIRTH:
        uow.consents.set_minor(
            subject_id, adult_on=adult_on(_date_of_birth(item.value, "value"), state.child_age)
        )


def _check_kind(state: PolicyState, kind: str, field: str) -> None:
    if kind not in state.subject_kinds:
        raise InvalidInput(
            f"unknown subject kind {kind!r}; known: {', '.join(sorted(state.subject_kinds))}",
            field=field,
        )


def _seal(
    vault: Vault, ring: KeyRing, batch: list[ToSeal], now: datetime, taxonomy: Taxonomy
) -> list[SealedItem]:
    values = vault.seal(ring, batch, taxonomy)
    out = []
    for entry, v in zip(batch, values, strict=True):
        it = entry.item
        out.append(
            SealedItem(
                ItemRecord(
                    entry.item_id,
                    entry.subject_id,
                    it.category,
                    it.provenance,
                    it.held_in,
                    # known to be right when it was collected, not when it reached us
                    last_confirmed_at=min(it.provenance.collected_at, now),
                    created_at=now,
                    updated_at=now,
                    credential=v.secret_hash is not None,
                ),
                v.ciphertext,
                v.secret_hash,
                v.lookup_token,
            )
        )
    return out


def _to_seal(
    state: PolicyState,
    subject_id: str,
    item: ItemInput,
    actor: Actor,
    now: datetime,
    default_system: str,
    provenances: dict[tuple[object, ...], Provenance] | None = None,
) -> ToSeal:
    """`provenances` shares one Provenance among items collected together (bulk ingest)."""
    key = (
        item.channel,
        item.collected_at,
        item.legal_basis,
        item.source_system,
        None if item.purposes is None else frozenset(item.purposes),
        item.category,
    )
    prov = provenances.get(key) if provenances is not None else None
    if prov is None:
        purposes = (
            frozenset(item.purposes)
            if item.purposes is not None
            else declared_purposes(state, item.category)
        )
        prov = Provenance(
            item.channel,
            item.collected_at or now,
            item.legal_basis,
            item.source_system,
            actor.ref,
            purposes,
        )
        if provenances is not None:
            provenances[key] = prov
    return ToSeal(
        new_id(),
        subject_id,
        NewItem(item.category, item.value, prov, item.held_in or default_system),
    )


def register_subjects(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    state: PolicyState,
    subjects: Sequence[SubjectInput],
    *,
    default_system: str,
) -> list[Registered]:
    """Create subjects with their items in one transaction. Everything is validated before
    anything is written; the subjects' keys are stored first, so a failed transaction
    leaves only unused keys that open nothing (no data was written under them)."""
    for i, s in enumerate(subjects):
        _check_kind(state, s.kind, f"subjects[{i}].kind" if len(subjects) > 1 else "kind")
        for j, it in enumerate(s.items):
            _check_item(
                state, it, f"subjects[{i}].items[{j}]" if len(subjects) > 1 else f"items[{j}]"
            )
    now = clock.now()
    ids = [new_id() for _ in subjects]
    ring = vault.provision(ids)
    shared: dict[tuple[object, ...], Provenance] = {}
    batch = [
        _to_seal(state, sid, it, actor, now, default_system, shared)
        for sid, s in zip(ids, subjects, strict=True)
        for it in s.items
    ]
    sealed = _seal(vault, ring, batch, now, state.taxonomy)
    out: list[Registered] = []
    with uow:
        new = [Subject(sid, s.kind, now) for sid, s in zip(ids, subjects, strict=True)]
        by_subject: dict[str, list[ItemRecord]] = {sid: [] for sid in ids}
        for stored in sealed:
            by_subject[stored.record.subject_id].append(stored.record)
        uow.subjects.add_many(new, actor.ref)
        uow.items.add_many(sealed)
        for sid, subj_in in zip(ids, subjects, strict=True):
            for it in subj_in.items:
                _note_minor(uow, state, sid, it)
        for subj in new:
            recs = by_subject[subj.id]
            uow.audit(
                AuditEvent(
                    "subject.create",
                    actor.kind.value,
                    actor.id,
                    "subject",
                    subj.id,
                    subj.id,
                    details={
                        "kind": subj.kind,
                        "items": [r.id for r in recs],
                        "categories": sorted({r.category for r in recs}),
                    },
                )
            )
            out.append(Registered(subj, recs))
        uow.commit()
    return out


def add_item(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    state: PolicyState,
    subject_id: str,
    item: ItemInput,
    *,
    default_system: str,
) -> ItemRecord:
    _check_item(state, item)
    now = clock.now()
    with uow:
        live_subject(uow, subject_id)
        entry = _to_seal(state, subject_id, item, actor, now, default_system)
        [stored] = _seal(vault, vault.keyring([subject_id]), [entry], now, state.taxonomy)
        uow.items.add_many([stored])
        _note_minor(uow, state, subject_id, item)
        uow.audit(
            AuditEvent(
                "item.create",
                actor.kind.value,
                actor.id,
                "item",
                entry.item_id,
                subject_id,
                details={"category": item.category},
            )
        )
        uow.commit()
    return stored.record


def correct_item(
    uow: UnitOfWork,
    vault: Vault,
    clock: Clock,
    actor: Actor,
    state: PolicyState,
    subject_id: str,
    item_id: str,
    value: str,
) -> ItemRecord:
    """Replace an item's value (the subject's or staff's correction, R2.8, R4.1). The new
    value is re-sealed under the same binding; last_confirmed_at is reset."""
    if not value or len(value) > MAX_VALUE_CHARS:
        raise InvalidInput(f"value must be 1–{MAX_VALUE_CHARS} characters", field="value")
    now = clock.now()
    with uow:
        live_subject(uow, subject_id)
        current = uow.items.get(item_id)
        if current is None or current.record.subject_id != subject_id:
            raise NotFound(f"subject {subject_id} has no item {item_id}", field="item_id")
        rec = current.record
        entry = ToSeal(
            item_id, subject_id, NewItem(rec.category, value, rec.provenance, rec.held_in)
        )
        [new] = vault.seal(vault.keyring([subject_id]), [entry], state.taxonomy)
        uow.items.replace_value(item_id, new, at=now, provenance_recorded_by=actor.ref)
        if rec.category == DATE_OF_BIRTH:
            uow.consents.set_minor(
                subject_id, adult_on=adult_on(_date_of_birth(value, "value"), state.child_age)
            )
        uow.audit(
            AuditEvent(
                "item.correct",
                actor.kind.value,
                actor.id,
                "item",
                item_id,
                subject_id,
                details={"category": rec.category, "new_value_hash": vault.keyed_hash(value)},
            )
        )
        uow.commit()
    return replace(
        rec,
        provenance=replace(rec.provenance, recorded_by=actor.ref),
        last_confirmed_at=now,
        updated_at=now,
    )
