"""The published versions of the privacy policy: the text, its hash and when it was
published (consents and decisions cite the version in force)."""

from __future__ import annotations

from sqlalchemy import Connection, select

from piiguard.adapters.db import tables as t
from piiguard.domain.accounts import PolicyVersion


class SqlPolicyVersions:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    def add(self, version: PolicyVersion) -> None:
        v = version
        self._c.execute(
            t.policy_versions.insert().values(
                version=v.version, published_at=v.published_at, sha256=v.sha256, text=v.text
            )
        )

    def latest(self) -> PolicyVersion | None:
        r = self._c.execute(
            select(t.policy_versions).order_by(t.policy_versions.c.published_at.desc()).limit(1)
        ).first()
        return None if r is None else PolicyVersion(r.version, r.published_at, r.sha256, r.text)

    def list(self) -> list[PolicyVersion]:
        q = select(t.policy_versions).order_by(t.policy_versions.c.published_at)
        return [
            PolicyVersion(r.version, r.published_at, r.sha256, r.text) for r in self._c.execute(q)
        ]
