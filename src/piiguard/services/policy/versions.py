"""Published policy versions (R8.1): the first is the policy text the project ships; later
ones are proposed as drafts and published by a privacy officer — a material change only by
another officer than its proposer (four eyes). Publishing a version that is material (or
that the officer chose to announce) queues a notice for every person with an email
address; one whose change touches a purpose resting on consent makes the consents given
under earlier versions for it due for renewal (domain/policy/versions.py)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date

from piiguard.domain.audit import AuditEvent, DetailValue
from piiguard.domain.decisions import Actor
from piiguard.domain.errors import Conflict, FourEyes, InvalidInput, NotFound
from piiguard.domain.policy.versions import (
    DraftStatus,
    PolicyDraft,
    PolicyVersion,
    SectionDiff,
    check_draft,
    diff_texts,
    next_version,
)
from piiguard.domain.ports import Clock, UnitOfWork
from piiguard.services.ids import new_id
from piiguard.services.policy.snapshot import PolicySnapshots

EMAIL = "user.contact.email"  # whom a notice can reach
TARGET = "policy"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _audit(uow: UnitOfWork, actor: Actor, action: str, target: str, **details: DetailValue) -> None:
    uow.audit(AuditEvent(action, actor.kind.value, actor.id, TARGET, target, details=details))


def publish_policy(
    uow: UnitOfWork, clock: Clock, actor: Actor, version: str, text: str
) -> PolicyVersion:
    """Publish a text as is (the shipped version 1)."""
    pv = PolicyVersion(version, clock.now(), _sha(text), text)
    with uow:
        uow.registers.epoch(lock=True)  # publishers take turns (two first starts at once)
        if uow.policy_versions.get(version) is not None:
            raise Conflict(f"policy version {version} is already published", field="version")
        uow.policy_versions.add(pv)
        uow.registers.bump()  # decisions and consents record the policy version in force
        _audit(uow, actor, "policy.publish", version, sha256=pv.sha256)
        uow.commit()
    return pv


def ensure_first_policy(uow: UnitOfWork, clock: Clock, actor: Actor, text: str) -> bool:
    with uow:
        if uow.policy_versions.latest() is not None:
            return False
    try:
        publish_policy(uow, clock, actor, "1", text)
    except Conflict:
        return False  # another process starting at the same time published it
    return True


def current_policy(uow: UnitOfWork) -> PolicyVersion | None:
    with uow:
        return uow.policy_versions.latest()


def policy_history(uow: UnitOfWork) -> list[PolicyVersion]:
    with uow:
        return uow.policy_versions.list()


def get_version(uow: UnitOfWork, version: str) -> PolicyVersion:
    with uow:
        found = uow.policy_versions.get(version)
    if found is None:
        raise NotFound(f"no published policy version {version}", field="version")
    return found


# -- drafts: propose, publish, reject --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DraftInput:
    text_en: str
    text_zh: str
    effective_on: date
    summary_en: str
    summary_zh: str
    material: bool
    changes: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    notify: bool = False  # announce a change that is not material too


def propose_version(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, given: DraftInput
) -> PolicyDraft:
    """A draft of a new version; nothing changes for anyone until it is published."""
    now = clock.now()
    changes, purposes = check_draft(
        text_en=given.text_en,
        text_zh=given.text_zh,
        effective_on=given.effective_on,
        summary_en=given.summary_en,
        summary_zh=given.summary_zh,
        material=given.material,
        changes=given.changes,
        purposes=given.purposes,
        today=now.date(),
    )
    draft = PolicyDraft(
        new_id(),
        DraftStatus.PROPOSED,
        given.text_en,
        given.text_zh,
        given.effective_on,
        given.summary_en.strip(),
        given.summary_zh.strip(),
        given.material,
        changes,
        purposes,
        given.material or given.notify,  # a material change is always announced
        actor.ref,
        now,
    )
    with uow:
        state = policy.current(uow)
        for p in purposes:
            if p not in state.register.rules:
                raise InvalidInput(f"{p!r} is not a purpose in the register", field="purposes")
        uow.policy_versions.add_draft(draft)
        _audit(
            uow,
            actor,
            "policy.draft.propose",
            draft.id,
            material=draft.material,
            changes=",".join(changes),
            purposes=",".join(purposes),
            notify=draft.notify,
            effective_on=draft.effective_on.isoformat(),
            sha256=_sha(draft.text_en),
            sha256_zh=_sha(draft.text_zh),
        )
        uow.commit()
    return draft


def get_draft(uow: UnitOfWork, draft_id: str) -> PolicyDraft:
    with uow:
        found = uow.policy_versions.draft(draft_id)
    if found is None:
        raise NotFound(f"no policy draft {draft_id}", field="draft_id")
    return found


def list_drafts(uow: UnitOfWork, statuses: tuple[DraftStatus, ...] = ()) -> list[PolicyDraft]:
    with uow:
        return uow.policy_versions.drafts(statuses)


def _open_draft(uow: UnitOfWork, draft_id: str) -> PolicyDraft:
    d = uow.policy_versions.draft(draft_id, lock=True)
    if d is None:
        raise NotFound(f"no policy draft {draft_id}", field="draft_id")
    if d.status is not DraftStatus.PROPOSED:
        raise Conflict(f"policy draft {draft_id} is already {d.status.value}", field="status")
    return d


@dataclass(frozen=True, slots=True)
class Published:
    version: PolicyVersion
    notices: int  # notices queued


def publish_draft(
    uow: UnitOfWork, policy: PolicySnapshots, clock: Clock, actor: Actor, draft_id: str
) -> Published:
    """Publish a draft as the next version. A material change needs a second privacy
    officer: its proposer is refused (Forbidden, field `draft_id`). Queues the notices."""
    now = clock.now()
    with uow:
        uow.registers.epoch(lock=True)  # one publication at a time
        d = _open_draft(uow, draft_id)
        if d.material and d.proposed_by == actor.ref:
            raise FourEyes(
                "a material change is published by another privacy officer than the one "
                "who proposed it (four eyes)",
                field="draft_id",
            )
        if d.effective_on < now.date():
            raise Conflict(
                f"the draft's effective date {d.effective_on} has passed: propose it again "
                "with a date from today",
                field="effective_on",
            )
        state = policy.current(uow)
        renewal = tuple(
            p
            for p in d.purposes
            if p in state.register.rules and state.register.rules[p].needs_consent
        )
        published = [v.version for v in uow.policy_versions.list()]
        pv = PolicyVersion(
            next_version(published),
            now,
            _sha(d.text_en),
            d.text_en,
            d.text_zh,
            d.effective_on,
            d.summary_en,
            d.summary_zh,
            d.material,
            d.changes,
            d.purposes,
            renewal if d.material else (),
            d.notify,
            d.proposed_by,
            actor.ref if d.material else "",
            _sha(d.text_zh),
        )
        uow.policy_versions.add(pv)
        uow.policy_versions.save_draft(
            replace(
                d,
                status=DraftStatus.PUBLISHED,
                decided_by=actor.ref,
                decided_at=now,
                version=pv.version,
            )
        )
        queued = uow.notices.enqueue(pv.version, EMAIL, now) if pv.notify else 0
        uow.registers.bump()  # decisions and consents cite the new version; renewals apply
        _audit(
            uow,
            actor,
            "policy.publish",
            pv.version,
            draft=d.id,
            proposed_by=d.proposed_by,
            material=pv.material,
            renewal=",".join(pv.renewal),
            notices=queued,
            sha256=pv.sha256,
            sha256_zh=pv.sha256_zh,
        )
        uow.commit()
    return Published(pv, queued)


def reject_draft(
    uow: UnitOfWork, clock: Clock, actor: Actor, draft_id: str, reason: str
) -> PolicyDraft:
    """Reject (or, by its proposer, withdraw) a draft, with the reason kept."""
    if not reason.strip():
        raise InvalidInput("say why the draft is rejected", field="reason")
    if len(reason) > 2000:
        raise InvalidInput("the reason is longer than 2000 characters", field="reason")
    with uow:
        d = _open_draft(uow, draft_id)
        d = replace(
            d,
            status=DraftStatus.REJECTED,
            decided_by=actor.ref,
            decided_at=clock.now(),
            reason=reason.strip(),
        )
        uow.policy_versions.save_draft(d)
        _audit(uow, actor, "policy.draft.reject", d.id, withdrawn=d.proposed_by == actor.ref)
        uow.commit()
    return d


# -- the diff ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VersionDiff:
    version: PolicyVersion
    previous: PolicyVersion | None
    lang: str  # "zh" or "en"
    sections: list[SectionDiff]
    previous_missing: bool  # the previous version has no text in this language


def diff_version(uow: UnitOfWork, version: str, lang: str) -> VersionDiff:
    """Section by section, `version` against the one published before it."""
    zh = lang.startswith("zh")
    with uow:
        versions = uow.policy_versions.list()
    at = next((i for i, v in enumerate(versions) if v.version == version), None)
    if at is None:
        raise NotFound(f"no published policy version {version}", field="version")
    v = versions[at]
    prev = versions[at - 1] if at > 0 else None
    new_text = (v.text_zh or v.text) if zh else v.text
    old_text = None if prev is None else (prev.text_zh if zh else prev.text)
    missing = prev is not None and old_text is None
    return VersionDiff(v, prev, "zh" if zh else "en", diff_texts(old_text, new_text), missing)


def diff_draft(uow: UnitOfWork, draft_id: str, lang: str) -> list[SectionDiff]:
    """A draft against the version in force (what publishing it would change)."""
    d = get_draft(uow, draft_id)
    zh = lang.startswith("zh")
    with uow:
        latest = uow.policy_versions.latest()
    old = None if latest is None else (latest.text_zh if zh else latest.text)
    return diff_texts(old, d.text_zh if zh else d.text_en)
