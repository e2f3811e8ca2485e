"""Storage of impact assessments, the cases designated per purpose and the compliance audits
(R10.4, R10.2): the only SQL for them — `uow.assessments` (domain/assessments/ports.py).
The template's answers and the reviewers' notes are free text: sealed at rest with the unit
of work's SecretBox, bound to the assessment (stores/incidents/base.py `SealedStore`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, select

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.stores._common import as_json, as_set
from piiguard.adapters.db.stores.incidents.base import SealedStore
from piiguard.domain.assessments.duties import ComplianceAudit
from piiguard.domain.assessments.model import Assessment, Case, Level, Scope, Status

_A = t.impact_assessments
_D = t.assessment_cases
_C = t.compliance_audits
_HEAVY = {"answers", "review_note", "decision_note"}
_LIGHT = [c for c in _A.c if c.name not in _HEAVY]


def _ctx(assessment_id: str, what: str) -> str:
    return f"assessment:{assessment_id}:{what}"


class SqlAssessments(SealedStore):
    def _row(self, r: Any, *, opened: bool) -> Assessment:
        scope = Scope(
            frozenset(Case(c) for c in json.loads(r.cases)),
            as_set(r.purposes),
            as_set(r.categories),
            as_set(r.recipients),
            as_set(r.systems),
        )
        answers: dict[str, str] = {}
        review = decision = ""
        if opened:
            raw = self._open(r.answers, _ctx(r.id, "answers"))
            answers = json.loads(raw) if raw else {}
            review = self._open(r.review_note, _ctx(r.id, "review"))
            decision = self._open(r.decision_note, _ctx(r.id, "decision"))
        return Assessment(
            id=r.id,
            title=r.title,
            scope=scope,
            answers=answers,
            impact=Level(r.impact),
            likelihood=Level(r.likelihood),
            status=Status(r.status),
            author=r.author,
            created_at=r.created_at,
            submitted_at=r.submitted_at,
            reviewer=r.reviewer,
            reviewed_at=r.reviewed_at,
            review_note=review,
            approver=r.approver,
            decided_at=r.decided_at,
            decision_note=decision,
            withdrawn_at=r.withdrawn_at,
            withdrawn_by=r.withdrawn_by,
            review_by=r.review_by,
            fingerprints=json.loads(r.fingerprints),
        )

    def _values(self, a: Assessment) -> dict[str, Any]:
        s = a.scope
        return {
            "id": a.id,
            "title": a.title,
            "status": a.status.value,
            "cases": as_json(c.value for c in s.cases),
            "purposes": as_json(s.purposes),
            "categories": as_json(s.categories),
            "recipients": as_json(s.recipients),
            "systems": as_json(s.systems),
            "answers": self._seal(
                json.dumps(dict(a.answers), ensure_ascii=False, sort_keys=True),
                _ctx(a.id, "answers"),
            ),
            "impact": a.impact.value,
            "likelihood": a.likelihood.value,
            "author": a.author,
            "created_at": a.created_at,
            "submitted_at": a.submitted_at,
            "reviewer": a.reviewer,
            "reviewed_at": a.reviewed_at,
            "review_note": self._seal(a.review_note, _ctx(a.id, "review")),
            "approver": a.approver,
            "decided_at": a.decided_at,
            "decision_note": self._seal(a.decision_note, _ctx(a.id, "decision")),
            "withdrawn_at": a.withdrawn_at,
            "withdrawn_by": a.withdrawn_by,
            "review_by": a.review_by,
            "fingerprints": json.dumps(dict(a.fingerprints), sort_keys=True),
        }

    def add(self, a: Assessment) -> None:
        self._c.execute(_A.insert().values(**self._values(a)))

    def get(self, assessment_id: str, *, lock: bool = False) -> Assessment | None:
        q = self._locked(select(_A).where(_A.c.id == assessment_id), lock)
        r = self._c.execute(q).first()
        return None if r is None else self._row(r, opened=True)

    def save(self, a: Assessment) -> None:
        values = self._values(a)
        del values["id"]
        self._c.execute(_A.update().where(_A.c.id == a.id).values(**values))

    def delete(self, assessment_id: str) -> None:
        self._c.execute(_A.delete().where(_A.c.id == assessment_id))

    def _light(self, where: Any, limit: int) -> list[Assessment]:
        q = select(*_LIGHT).where(where).order_by(_A.c.created_at.desc(), _A.c.id).limit(limit)
        rows = self._c.execute(q).all()
        return [self._row(_Light(r), opened=False) for r in rows]

    def listing(self, statuses: Sequence[Status] = (), limit: int = 500) -> list[Assessment]:
        where = _A.c.status.in_([s.value for s in statuses]) if statuses else _A.c.id.is_not(None)
        return self._light(where, limit)

    def approved(self) -> list[Assessment]:
        return self._light(_A.c.status == Status.APPROVED.value, 100_000)

    def designations(self) -> list[tuple[str, Case, str, datetime]]:
        q = select(_D).order_by(_D.c.purpose, _D.c.case)
        return [
            (r.purpose, Case(r.case), r.designated_by, r.designated_at) for r in self._c.execute(q)
        ]

    def designate(self, purpose: str, case: Case, by: str, at: datetime) -> bool:
        where = and_(_D.c.purpose == purpose, _D.c.case == case.value)
        if self._c.execute(select(_D.c.purpose).where(where)).first() is not None:
            return False
        self._c.execute(
            _D.insert().values(purpose=purpose, case=case.value, designated_by=by, designated_at=at)
        )
        return True

    def undesignate(self, purpose: str, case: Case) -> bool:
        where = and_(_D.c.purpose == purpose, _D.c.case == case.value)
        return bool(self._c.execute(_D.delete().where(where)).rowcount)

    def add_audit(self, a: ComplianceAudit) -> None:
        self._c.execute(
            _C.insert().values(
                id=a.id,
                audited_on=a.audited_on,
                auditor=a.auditor,
                scope=a.scope,
                findings=a.findings,
                external=a.external,
                recorded_by=a.recorded_by,
                recorded_at=a.recorded_at,
            )
        )

    def audits(self, limit: int = 100) -> list[ComplianceAudit]:
        q = select(_C).order_by(_C.c.audited_on.desc(), _C.c.recorded_at.desc()).limit(limit)
        return [
            ComplianceAudit(
                r.id,
                r.audited_on,
                r.auditor,
                r.scope,
                r.findings,
                r.external,
                r.recorded_by,
                r.recorded_at,
            )
            for r in self._c.execute(q)
        ]

    def people_held(self) -> int:
        s = t.subjects
        q = select(func.count()).select_from(s).where(s.c.erased_at.is_(None))
        return int(self._c.execute(q).scalar_one())

    def officers(self) -> int:
        a = t.staff_accounts
        q = (
            select(func.count())
            .select_from(a)
            .where(a.c.active.is_(True), a.c.roles.like('%"privacy_officer"%'))
        )
        return int(self._c.execute(q).scalar_one())


class _Light:
    """A listing row without the sealed columns: they read as empty."""

    def __init__(self, r: Any) -> None:
        self._r = r

    def __getattr__(self, name: str) -> Any:
        return "" if name in _HEAVY else getattr(self._r, name)


__all__ = ["SqlAssessments"]
