"""The published versions of the privacy policy — the texts, their hashes, when published,
what a material change changes — and the drafts of new ones (R8.1)."""

from __future__ import annotations

import builtins
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json
from piiguard.domain.policy.versions import ChangeKind, DraftStatus, PolicyDraft, PolicyVersion

_V, _D = t.policy_versions, t.policy_drafts


def _version(r: Any) -> PolicyVersion:
    return PolicyVersion(
        r.version,
        r.published_at,
        r.sha256,
        r.text,
        r.text_zh,
        r.effective_on,
        r.summary_en,
        r.summary_zh,
        bool(r.material),
        tuple(ChangeKind(c) for c in json.loads(r.changes)),
        tuple(json.loads(r.purposes)),
        tuple(json.loads(r.renewal)),
        bool(r.notify),
        r.proposed_by,
        r.approved_by,
        r.sha256_zh,
    )


def _draft(r: Any) -> PolicyDraft:
    return PolicyDraft(
        r.id,
        DraftStatus(r.status),
        r.text_en,
        r.text_zh,
        r.effective_on,
        r.summary_en,
        r.summary_zh,
        bool(r.material),
        tuple(ChangeKind(c) for c in json.loads(r.changes)),
        tuple(json.loads(r.purposes)),
        bool(r.notify),
        r.proposed_by,
        r.proposed_at,
        r.decided_by,
        r.decided_at,
        r.version,
        r.reason,
    )


def _draft_values(d: PolicyDraft) -> dict[str, Any]:
    return {
        "status": d.status.value,
        "text_en": d.text_en,
        "text_zh": d.text_zh,
        "effective_on": d.effective_on,
        "summary_en": d.summary_en,
        "summary_zh": d.summary_zh,
        "material": d.material,
        "changes": as_json(c.value for c in d.changes),
        "purposes": as_json(d.purposes),
        "notify": d.notify,
        "proposed_by": d.proposed_by,
        "proposed_at": d.proposed_at,
        "decided_by": d.decided_by,
        "decided_at": d.decided_at,
        "version": d.version,
        "reason": d.reason,
    }


class SqlPolicyVersions:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add(self, version: PolicyVersion) -> None:
        v = version
        self._c.execute(
            _V.insert().values(
                version=v.version,
                published_at=v.published_at,
                sha256=v.sha256,
                text=v.text,
                text_zh=v.text_zh,
                sha256_zh=v.sha256_zh,
                effective_on=v.effective_on,
                summary_en=v.summary_en,
                summary_zh=v.summary_zh,
                material=v.material,
                changes=as_json(c.value for c in v.changes),
                purposes=as_json(v.purposes),
                renewal=as_json(v.renewal),
                notify=v.notify,
                proposed_by=v.proposed_by,
                approved_by=v.approved_by,
            )
        )

    def latest(self) -> PolicyVersion | None:
        r = self._c.execute(
            select(_V)
            .order_by(
                _V.c.published_at.desc(), func.length(_V.c.version).desc(), _V.c.version.desc()
            )
            .limit(1)
        ).first()
        return None if r is None else _version(r)

    def list(self) -> list[PolicyVersion]:
        q = select(_V).order_by(_V.c.published_at, func.length(_V.c.version), _V.c.version)
        return [_version(r) for r in self._c.execute(q)]

    def get(self, version: str) -> PolicyVersion | None:
        r = self._c.execute(select(_V).where(_V.c.version == version)).first()
        return None if r is None else _version(r)

    def add_draft(self, draft: PolicyDraft) -> None:
        self._c.execute(_D.insert().values(id=draft.id, **_draft_values(draft)))

    def draft(self, draft_id: str, *, lock: bool = False) -> PolicyDraft | None:
        q = select(_D).where(_D.c.id == draft_id)
        if lock:
            q = q.with_for_update()
        r = self._c.execute(q).first()
        return None if r is None else _draft(r)

    def drafts(self, statuses: Sequence[DraftStatus] = ()) -> builtins.list[PolicyDraft]:
        q = select(_D).order_by(_D.c.proposed_at.desc(), _D.c.id)
        if statuses:
            q = q.where(_D.c.status.in_([s.value for s in statuses]))
        return [_draft(r) for r in self._c.execute(q)]

    def save_draft(self, draft: PolicyDraft) -> None:
        self._c.execute(_D.update().where(_D.c.id == draft.id).values(**_draft_values(draft)))
