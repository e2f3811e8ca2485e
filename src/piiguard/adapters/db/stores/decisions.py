"""The decision ledger (R2.4): every decision recorded in the transaction of the use case
that made it, and sealed for the vault (only a recorded decision opens a value)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select

from piiguard.adapters.db import tables as t
from piiguard.adapters.db.bulk import insert_rows
from piiguard.adapters.vault.envelope import DecisionSeal
from piiguard.domain.decisions import (
    Action,
    Actor,
    ActorKind,
    Decision,
    Reason,
    RecordedDecision,
    seal_message,
)


# The ledger's hot path: decisions repeat the same reason sets, category sets and
# obligations over and over, so each distinct value is serialised once (bounded caches).
@functools.lru_cache(maxsize=4096)
def _reasons_json(reasons: tuple[Reason, ...]) -> str:
    return json.dumps(
        [
            {"code": r.code, "en": r.en, "zh": r.zh, "categories": list(r.categories)}
            for r in reasons
        ],
        ensure_ascii=False,
    )


@functools.lru_cache(maxsize=4096)
def _set_json(values: frozenset[str]) -> str:
    return json.dumps(sorted(values))


@functools.lru_cache(maxsize=1024)
def _list_json(values: tuple[str, ...]) -> str:
    return json.dumps(values)


class SqlDecisions:
    def __init__(self, conn: Connection, seal: DecisionSeal) -> None:
        self._c = conn
        self._seal = seal

    def record(self, decision: Decision) -> RecordedDecision:
        return self.record_many([decision])[0]

    def record_many(self, decisions: Sequence[Decision]) -> list[RecordedDecision]:
        # columns in table order: id, at_us, actor_kind, actor_id, action, subject_id,
        # purpose, outcome, requested, allowed, reasons, policy_version, obligations,
        # target_system, exception_id
        insert_rows(
            self._c,
            t.decisions,
            [
                (
                    d.id,
                    int(d.at.timestamp() * 1_000_000),
                    d.actor.kind.value,
                    d.actor.id,
                    d.action.value,
                    d.subject_id,
                    d.purpose,
                    d.outcome.value,
                    _set_json(d.requested),
                    _set_json(d.allowed),
                    _reasons_json(d.reasons),
                    d.policy_version,
                    _list_json(d.obligations),
                    d.target_system,
                    d.exception_id,
                )
                for d in decisions
            ],
        )
        return [RecordedDecision(d, self._seal.seal(seal_message(d))) for d in decisions]

    def get(self, decision_id: str) -> Decision | None:
        r = self._c.execute(select(t.decisions).where(t.decisions.c.id == decision_id)).first()
        return None if r is None else self._decision(r)

    def search(
        self,
        *,
        subject_id: str | None = None,
        actor_id: str | None = None,
        purpose: str | None = None,
        outcome: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int = 100,
    ) -> list[Decision]:
        d = t.decisions.c
        q = select(t.decisions)
        for col, value in (
            (d.subject_id, subject_id),
            (d.actor_id, actor_id),
            (d.purpose, purpose),
            (d.outcome, outcome),
        ):
            if value is not None:
                q = q.where(col == value)
        if since is not None:
            q = q.where(d.at_us >= int(since.timestamp() * 1_000_000))
        if until is not None:
            q = q.where(d.at_us < int(until.timestamp() * 1_000_000))
        q = q.order_by(d.at_us.desc(), d.id).limit(limit)
        return [self._decision(r) for r in self._c.execute(q)]

    @staticmethod
    def _decision(r: Any) -> Decision:
        return Decision(
            id=r.id,
            at=datetime.fromtimestamp(r.at_us / 1_000_000, tz=UTC),
            actor=Actor(r.actor_id, ActorKind(r.actor_kind)),
            action=Action(r.action),
            subject_id=r.subject_id,
            purpose=r.purpose,
            requested=frozenset(json.loads(r.requested)),
            allowed=frozenset(json.loads(r.allowed)),
            reasons=tuple(
                Reason(x["code"], x["en"], x["zh"], tuple(x["categories"]))
                for x in json.loads(r.reasons)
            ),
            policy_version=r.policy_version,
            obligations=tuple(json.loads(r.obligations)),
            target_system=r.target_system,
            exception_id=r.exception_id,
        )
