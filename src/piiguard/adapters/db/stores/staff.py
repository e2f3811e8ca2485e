"""Staff accounts and everything of their security (R2.6, R2.9): sessions, password
history, TOTP state, recovery codes, invitations, departments and login throttling. SQL on
the unit of work's connection, like every repository."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from piiguard.adapters.db import tables as t
from piiguard.domain.accounts import Department, Invitation, StaffAccount, StaffSession
from piiguard.domain.staff_security import Throttle

_A = t.staff_accounts.c
_S = t.staff_sessions.c


def _account(r: Row[Any]) -> StaffAccount:
    return StaffAccount(
        r.id,
        r.email,
        r.display_name,
        frozenset(json.loads(r.roles)),
        r.active,
        r.created_at,
        r.department,
        r.password_changed_at,
        r.must_change_password,
        r.totp_confirmed_at is not None,
        r.deactivated_at,
    )


class SqlStaff:
    def __init__(self, conn: Connection) -> None:
        self._c = conn

    # -- accounts ------------------------------------------------------------------------
    def add(self, account: StaffAccount, password_hash: str) -> None:
        a = account
        self._c.execute(
            t.staff_accounts.insert().values(
                id=a.id,
                email=a.email,
                display_name=a.display_name,
                password_hash=password_hash,
                roles=json.dumps(sorted(a.roles)),
                active=a.active,
                created_at=a.created_at,
                department=a.department,
                password_changed_at=a.password_changed_at or a.created_at,
                must_change_password=a.must_change_password,
                email_verified_at=a.created_at,
            )
        )
        self._c.execute(
            t.staff_password_history.insert().values(
                staff_id=a.id, password_hash=password_hash, created_at=a.created_at
            )
        )

    def by_email(self, email: str) -> tuple[StaffAccount, str] | None:
        r = self._c.execute(select(t.staff_accounts).where(_A.email == email)).first()
        return None if r is None else (_account(r), r.password_hash)

    def get(self, staff_id: str) -> tuple[StaffAccount, str] | None:
        r = self._c.execute(select(t.staff_accounts).where(_A.id == staff_id)).first()
        return None if r is None else (_account(r), r.password_hash)

    def accounts(self) -> list[StaffAccount]:
        q = select(t.staff_accounts).order_by(_A.email)
        return [_account(r) for r in self._c.execute(q)]

    def count(self) -> int:
        return int(self._c.execute(select(func.count()).select_from(t.staff_accounts)).scalar_one())

    def set_password_hash(self, staff_id: str, password_hash: str) -> None:
        """The same password, re-hashed with today's argon2id parameters."""
        self._c.execute(
            update(t.staff_accounts).where(_A.id == staff_id).values(password_hash=password_hash)
        )

    def change_password(self, staff_id: str, password_hash: str, at: datetime) -> None:
        self._c.execute(
            update(t.staff_accounts)
            .where(_A.id == staff_id)
            .values(password_hash=password_hash, password_changed_at=at, must_change_password=False)
        )
        self._c.execute(
            t.staff_password_history.insert().values(
                staff_id=staff_id, password_hash=password_hash, created_at=at
            )
        )

    def password_history(self, staff_id: str, n: int) -> list[str]:
        h = t.staff_password_history.c
        q = (
            select(h.password_hash)
            .where(h.staff_id == staff_id)
            .order_by(h.created_at.desc(), h.id.desc())
            .limit(n)
        )
        return list(self._c.execute(q).scalars())

    def set_must_change_password(self, staff_id: str, value: bool) -> None:
        self._c.execute(
            update(t.staff_accounts).where(_A.id == staff_id).values(must_change_password=value)
        )

    def set_roles(self, staff_id: str, roles: frozenset[str], department: str | None) -> None:
        self._c.execute(
            update(t.staff_accounts)
            .where(_A.id == staff_id)
            .values(roles=json.dumps(sorted(roles)), department=department)
        )

    def deactivate(self, staff_id: str, at: datetime) -> None:
        self._c.execute(
            update(t.staff_accounts)
            .where(_A.id == staff_id)
            .values(active=False, deactivated_at=at)
        )

    # -- TOTP and recovery codes ---------------------------------------------------------
    def totp(self, staff_id: str) -> tuple[str | None, datetime | None]:
        r = self._c.execute(
            select(_A.totp_secret, _A.totp_confirmed_at).where(_A.id == staff_id)
        ).first()
        return (None, None) if r is None else (r.totp_secret, r.totp_confirmed_at)

    def set_totp(self, staff_id: str, sealed: str | None, confirmed_at: datetime | None) -> None:
        self._c.execute(
            update(t.staff_accounts)
            .where(_A.id == staff_id)
            .values(
                totp_secret=sealed,
                totp_confirmed_at=confirmed_at,
                **({"totp_last_step": None} if sealed is None else {}),
            )
        )

    def totp_seeds(self) -> list[tuple[str, str]]:
        q = select(_A.id, _A.totp_secret).where(_A.totp_secret.is_not(None))
        return [(r.id, r.totp_secret) for r in self._c.execute(q)]

    def reseal_totp(self, staff_id: str, sealed: str) -> None:
        self._c.execute(
            update(t.staff_accounts).where(_A.id == staff_id).values(totp_secret=sealed)
        )

    def use_totp_step(self, staff_id: str, step: int) -> bool:
        """Record `step` as used unless it (or a later one) was already: one statement, so
        two requests with the same code cannot both pass."""
        res = self._c.execute(
            update(t.staff_accounts)
            .where(_A.id == staff_id, (_A.totp_last_step.is_(None)) | (_A.totp_last_step < step))
            .values(totp_last_step=step)
        )
        return res.rowcount == 1

    def replace_recovery_codes(
        self, staff_id: str, code_hashes: Sequence[str], at: datetime
    ) -> None:
        rc = t.staff_recovery_codes
        self._c.execute(delete(rc).where(rc.c.staff_id == staff_id))
        if code_hashes:
            self._c.execute(
                rc.insert(),
                [{"staff_id": staff_id, "code_hash": h, "created_at": at} for h in code_hashes],
            )

    def use_recovery_code(self, staff_id: str, code_hash: str, at: datetime) -> bool:
        rc = t.staff_recovery_codes.c
        res = self._c.execute(
            update(t.staff_recovery_codes)
            .where(rc.staff_id == staff_id, rc.code_hash == code_hash, rc.used_at.is_(None))
            .values(used_at=at)
        )
        return res.rowcount == 1

    def recovery_codes_left(self, staff_id: str) -> int:
        rc = t.staff_recovery_codes.c
        q = select(func.count()).where(rc.staff_id == staff_id, rc.used_at.is_(None))
        return int(self._c.execute(q).scalar_one())

    # -- sessions ------------------------------------------------------------------------
    def add_session(
        self,
        token_hash: str,
        staff_id: str,
        created_at: datetime,
        expires_at: datetime,
        *,
        authenticated_at: datetime | None = None,
        pending: str | None = None,
    ) -> None:
        self._c.execute(
            t.staff_sessions.insert().values(
                token_hash=token_hash,
                staff_id=staff_id,
                created_at=created_at,
                expires_at=expires_at,
                last_seen_at=created_at,
                authenticated_at=authenticated_at,
                pending=pending,
            )
        )

    def session(self, token_hash: str) -> StaffSession | None:
        q = (
            select(
                t.staff_accounts,
                _S.token_hash,
                _S.created_at.label("s_created"),
                _S.expires_at,
                _S.revoked_at,
                _S.last_seen_at,
                _S.authenticated_at,
                _S.pending,
            )
            .join(t.staff_accounts, _A.id == _S.staff_id)
            .where(_S.token_hash == token_hash)
        )
        r = self._c.execute(q).first()
        if r is None:
            return None
        return StaffSession(
            _account(r),
            r.expires_at,
            r.revoked_at is not None,
            r.token_hash,
            r.s_created,
            r.last_seen_at,
            r.authenticated_at,
            r.pending,
        )

    def touch_session(self, token_hash: str, at: datetime) -> None:
        self._c.execute(
            update(t.staff_sessions).where(_S.token_hash == token_hash).values(last_seen_at=at)
        )

    def authenticate_session(self, token_hash: str, at: datetime, pending: str | None) -> None:
        """A password (+ TOTP) was given on this session: it is fresh, unlocked, and its
        pending step is whatever remains."""
        self._c.execute(
            update(t.staff_sessions)
            .where(_S.token_hash == token_hash)
            .values(authenticated_at=at, last_seen_at=at, pending=pending)
        )

    def set_session_pending(self, token_hash: str, pending: str | None) -> None:
        self._c.execute(
            update(t.staff_sessions).where(_S.token_hash == token_hash).values(pending=pending)
        )

    def revoke_session(self, token_hash: str, at: datetime) -> None:
        self._c.execute(
            update(t.staff_sessions)
            .where(_S.token_hash == token_hash, _S.revoked_at.is_(None))
            .values(revoked_at=at)
        )

    def revoke_sessions_of(self, staff_id: str, at: datetime, *, keep: str = "") -> int:
        res = self._c.execute(
            update(t.staff_sessions)
            .where(_S.staff_id == staff_id, _S.revoked_at.is_(None), _S.token_hash != keep)
            .values(revoked_at=at)
        )
        return int(res.rowcount)

    # -- first account and invitations ---------------------------------------------------
    def add_setup_token(self, token_hash: str, created_at: datetime, expires_at: datetime) -> None:
        self._c.execute(
            t.setup_tokens.insert().values(
                token_hash=token_hash, created_at=created_at, expires_at=expires_at
            )
        )

    def use_setup_token(self, token_hash: str, at: datetime) -> bool:
        res = self._c.execute(
            update(t.setup_tokens)
            .where(
                t.setup_tokens.c.token_hash == token_hash,
                t.setup_tokens.c.used_at.is_(None),
                t.setup_tokens.c.expires_at > at,
            )
            .values(used_at=at)
        )
        return res.rowcount == 1

    def add_invitation(self, inv: Invitation, token_hash: str) -> None:
        self._c.execute(
            t.staff_invitations.insert().values(
                id=inv.id,
                token_hash=token_hash,
                email=inv.email,
                department=inv.department,
                roles=json.dumps(sorted(inv.roles)),
                invited_by=inv.invited_by,
                created_at=inv.created_at,
                expires_at=inv.expires_at,
            )
        )

    def invitation(self, token_hash: str) -> Invitation | None:
        r = self._c.execute(
            select(t.staff_invitations).where(t.staff_invitations.c.token_hash == token_hash)
        ).first()
        if r is None:
            return None
        return Invitation(
            r.id,
            r.email,
            r.department,
            frozenset(json.loads(r.roles)),
            r.invited_by,
            r.created_at,
            r.expires_at,
            r.used_at,
        )

    def use_invitation(self, invitation_id: str, at: datetime, staff_id: str) -> bool:
        i = t.staff_invitations.c
        res = self._c.execute(
            update(t.staff_invitations)
            .where(i.id == invitation_id, i.used_at.is_(None), i.expires_at > at)
            .values(used_at=at, staff_id=staff_id)
        )
        return res.rowcount == 1

    # -- departments ---------------------------------------------------------------------
    def departments(self) -> list[Department]:
        q = select(t.departments).order_by(t.departments.c.key)
        return [
            Department(r.key, r.name, frozenset(json.loads(r.purposes))) for r in self._c.execute(q)
        ]

    def save_department(self, d: Department, at: datetime, by: str) -> None:
        values = {
            "name": d.name,
            "purposes": json.dumps(sorted(d.purposes)),
            "updated_at": at,
            "updated_by": by,
        }
        res = self._c.execute(
            update(t.departments).where(t.departments.c.key == d.key).values(**values)
        )
        if res.rowcount == 0:
            self._c.execute(t.departments.insert().values(key=d.key, **values))

    # -- throttling ----------------------------------------------------------------------
    def throttles(self, keys: Sequence[str], *, lock: bool = False) -> dict[str, Throttle]:
        """`lock`: a sign-in attempt — the rows are created if absent and locked until
        commit, so concurrent attempts on one account or address take turns and each
        failure counts (no burst of parallel guesses past the back-off). On SQLite the
        writing transaction already holds the database's write lock."""
        lt = t.login_throttle.c
        q = select(t.login_throttle).where(lt.key.in_(list(keys)))
        if lock and self._c.dialect.name == "postgresql":
            self._c.execute(
                pg_insert(t.login_throttle).on_conflict_do_nothing(),
                [
                    {
                        "key": k,
                        "failures": 0,
                        "last_failure_at": None,
                        "blocked_until": None,
                        "locked": False,
                    }
                    for k in keys
                ],
            )
            q = q.with_for_update()
        rows = self._c.execute(q)
        return {
            r.key: Throttle(r.key, r.failures, r.last_failure_at, r.blocked_until, r.locked)
            for r in rows
            if r.failures or r.locked
        }

    def save_throttle(self, th: Throttle) -> None:
        values = {
            "failures": th.failures,
            "last_failure_at": th.last_failure_at,
            "blocked_until": th.blocked_until,
            "locked": th.locked,
        }
        res = self._c.execute(
            update(t.login_throttle).where(t.login_throttle.c.key == th.key).values(**values)
        )
        if res.rowcount == 0:
            self._c.execute(t.login_throttle.insert().values(key=th.key, **values))

    def drop_clean_throttles(self, keys: Sequence[str]) -> None:
        """Forget rows a locked sign-in created and no failure used."""
        lt = t.login_throttle.c
        self._c.execute(
            delete(t.login_throttle).where(
                lt.key.in_(list(keys)), lt.failures == 0, lt.locked.is_(False)
            )
        )

    def clear_throttle(self, key: str) -> bool:
        res = self._c.execute(delete(t.login_throttle).where(t.login_throttle.c.key == key))
        return res.rowcount > 0
