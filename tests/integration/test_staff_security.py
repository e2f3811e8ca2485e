"""Staff security through the use cases on SQLite and PostgreSQL (R2.6, R2.9, R5.3): the
invitation link, TOTP and recovery codes, back-off and lockout, idle lock and absolute
lifetime, re-authentication, password history, age and breach, deactivation; and no
password, token, code or email in clear on the audit trail or in the logs."""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from piiguard.adapters.clock import FixedClock
from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container, bootstrap
from piiguard.config import Settings
from piiguard.domain.accounts import StaffAccount
from piiguard.domain.errors import (
    Conflict,
    InvalidInput,
    MfaRequired,
    NotAuthenticated,
    ReauthRequired,
    SessionLocked,
    SessionPending,
    TooManyAttempts,
)
from piiguard.services import keys
from piiguard.services.staff import accounts as staff_accounts
from piiguard.services.staff import login as staff_login
from piiguard.services.staff import mfa
from piiguard.services.staff.kit import account_key, staff_actor
from tests.passwords import QUICK

PASSWORD = "correct horse battery staple"
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def moving(settings: Settings) -> Iterator[tuple[Container, FixedClock]]:
    clock = FixedClock(START)
    c = bootstrap(settings, clock=clock, migrate=False, passwords=QUICK)
    yield c, clock
    c.close()


@pytest.fixture
def moving_rfc9106(settings: Settings) -> Iterator[tuple[Container, FixedClock]]:
    """As `moving`, hashing passwords with piiguard's own argon2id parameters."""
    clock = FixedClock(START)
    c = bootstrap(settings, clock=clock, migrate=False)
    yield c, clock
    c.close()


@dataclass
class Person:
    account: StaffAccount
    secret: str | None
    token: str
    codes: list[str]


def code(p: Person, clock: FixedClock) -> str:
    """A code for the next unused step: move the clock on a step first."""
    clock.advance(timedelta(seconds=30))
    assert p.secret is not None
    return mfa.totp_code(p.secret, clock.now())


def enrolled(
    c: Container, clock: FixedClock, email: str, roles: set[str], department: str = "sales"
) -> Person:
    """Invited by the operator, accepted, TOTP enrolled where the role needs it."""
    inv = staff_accounts.invite_staff(
        c.staff, c.uow(), OPERATOR, email, department, frozenset(roles)
    )
    signed = staff_accounts.accept_invitation(c.staff, c.uow(), inv.token, "Zhang San", PASSWORD)
    if signed.pending != "enrol_totp":
        return Person(signed.account, None, signed.token, [])
    actor = staff_actor(signed.account)
    e = mfa.start_totp(c.staff, c.uow(), actor)
    codes = mfa.confirm_totp(
        c.staff, c.uow(), actor, signed.token, mfa.totp_code(e.secret, clock.now())
    )
    return Person(signed.account, e.secret, signed.token, codes)


def login(
    c: Container, p: Person, clock: FixedClock, password: str = PASSWORD, address: str = "10.0.0.1"
) -> staff_login.SignedIn:
    return staff_login.login_staff(
        c.staff,
        c.uow(),
        p.account.email,
        password,
        totp=code(p, clock) if p.secret else None,
        address=address,
    )


def attempt(
    c: Container, p: Person, clock: FixedClock, address: str = "10.0.0.1"
) -> staff_login.SignedIn:
    """A sign-in at this very moment (the clock stays: a refused attempt spends no code)."""
    assert p.secret is not None
    return staff_login.login_staff(
        c.staff,
        c.uow(),
        p.account.email,
        PASSWORD,
        totp=mfa.totp_code(p.secret, clock.now()),
        address=address,
    )


def auth(c: Container, token: str, **kw: bool) -> None:
    staff_login.authenticate_staff(c.staff, c.uow(readonly=True), c.uow(), token, **kw)


@pytest.mark.req("R2.9")
def test_an_invitation_is_single_use_personal_and_expires(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    inv = staff_accounts.invite_staff(
        c.staff, c.uow(), OPERATOR, "Li.Lei@st-machinery.cn", "service", frozenset({"staff"})
    )
    signed = staff_accounts.accept_invitation(c.staff, c.uow(), inv.token, "Li Lei", PASSWORD)
    assert signed.account.email == "li.lei@st-machinery.cn"
    assert (signed.account.department, signed.pending) == ("service", "enrol_totp")
    with pytest.raises(NotAuthenticated):  # used
        staff_accounts.accept_invitation(c.staff, c.uow(), inv.token, "Li Lei", PASSWORD)
    with pytest.raises(Conflict) as dup:  # one account per person
        staff_accounts.invite_staff(
            c.staff, c.uow(), OPERATOR, "li.lei@st-machinery.cn", "service", frozenset({"staff"})
        )
    assert dup.value.field == "email"
    for bad, field in (("sales@st-machinery.cn", "email"), ("x@y.cn", "department")):
        with pytest.raises(InvalidInput) as e:
            staff_accounts.invite_staff(
                c.staff,
                c.uow(),
                OPERATOR,
                bad,
                "nowhere" if field == "department" else "sales",
                frozenset({"staff"}),
            )
        assert e.value.field == field
    late = staff_accounts.invite_staff(
        c.staff, c.uow(), OPERATOR, "wang.wu@st-machinery.cn", "sales", frozenset({"staff"})
    )
    clock.advance(timedelta(hours=72))
    with pytest.raises(NotAuthenticated):
        staff_accounts.accept_invitation(c.staff, c.uow(), late.token, "Wang Wu", PASSWORD)
    with c.engine.connect() as conn:  # tokens kept as hashes only
        hashes = set(conn.execute(select(t.staff_invitations.c.token_hash)).scalars())
    assert inv.token not in hashes and late.token not in hashes and len(hashes) == 2


@pytest.mark.req("R2.6")
def test_totp_is_asked_checked_and_a_step_is_never_accepted_twice(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    with pytest.raises(MfaRequired):
        staff_login.login_staff(c.staff, c.uow(), p.account.email, PASSWORD)
    good = code(p, clock)
    staff_login.login_staff(c.staff, c.uow(), p.account.email, PASSWORD, totp=good)
    with pytest.raises(NotAuthenticated, match="already used"):  # replayed
        staff_login.login_staff(c.staff, c.uow(), p.account.email, PASSWORD, totp=good)
    with pytest.raises(NotAuthenticated):  # wrong
        staff_login.login_staff(c.staff, c.uow(), p.account.email, PASSWORD, totp="000000")
    login(c, p, clock)
    with c.engine.connect() as conn:  # the seed is sealed under the KEK, never in clear
        sealed = conn.execute(select(t.staff_accounts.c.totp_secret)).scalar_one()
    assert p.secret and p.secret not in sealed and sealed.startswith("v1:")


@pytest.mark.req("R2.6")
def test_a_recovery_code_works_once(moving: tuple[Container, FixedClock]) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"auditor"})
    assert len(p.codes) == 10 and len(set(p.codes)) == 10
    staff_login.login_staff(
        c.staff, c.uow(), p.account.email, PASSWORD, recovery_code=p.codes[0].upper()
    )
    with pytest.raises(NotAuthenticated):
        staff_login.login_staff(
            c.staff, c.uow(), p.account.email, PASSWORD, recovery_code=p.codes[0]
        )
    fresh = mfa.regenerate_recovery_codes(c.staff, c.uow(), staff_actor(p.account))
    with pytest.raises(NotAuthenticated):  # the old set is gone
        staff_login.login_staff(
            c.staff, c.uow(), p.account.email, PASSWORD, recovery_code=p.codes[1]
        )
    staff_login.login_staff(c.staff, c.uow(), p.account.email, PASSWORD, recovery_code=fresh[0])


@pytest.mark.req("R2.9")
def test_failures_back_off_then_lock_the_account_until_unlocked_or_time(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    policy = c.staff.policy
    for n in range(1, policy.lock_after + 1):
        with pytest.raises(NotAuthenticated):
            staff_login.login_staff(
                c.staff, c.uow(), p.account.email, "wrong password!!!", address=f"10.0.0.{n}"
            )
        if n > policy.free_attempts and n < policy.lock_after:
            with pytest.raises(TooManyAttempts) as wait:  # even the right password waits
                attempt(c, p, clock, address="10.9.9.9")
            assert not wait.value.locked and wait.value.retry_after >= 1
            clock.advance(timedelta(seconds=wait.value.retry_after))
    with pytest.raises(TooManyAttempts) as locked:
        attempt(c, p, clock)
    assert locked.value.locked
    [view] = staff_accounts.list_staff(c.staff, c.uow())
    assert view.locked
    assert staff_accounts.unlock_staff(c.staff, c.uow(), OPERATOR, p.account.id)
    login(c, p, clock)
    # locked again, and this time the lock lifts by itself
    for _ in range(policy.lock_after):
        clock.advance(timedelta(seconds=policy.backoff_max_seconds))
        with pytest.raises(NotAuthenticated):
            staff_login.login_staff(c.staff, c.uow(), p.account.email, "wrong password!!!")
    with pytest.raises(TooManyAttempts):
        attempt(c, p, clock)
    clock.advance(timedelta(minutes=policy.lock_minutes))
    login(c, p, clock)
    actions = [e.action for e in audit(c)]
    assert actions.count("staff.locked") == 2 and "staff.unlock" in actions
    assert actions.count("staff.login_failed") == 2 * policy.lock_after
    assert "staff.login_blocked" in actions


OFFICE = "203.0.113.7"  # one NAT address for a whole office


def fail_until_locked(c: Container, clock: FixedClock, p: Person, address: str) -> None:
    """Wrong passwords on one account from one address until it locks, waiting out each
    back-off as a person retrying would (a refused attempt is not a failure)."""
    for _ in range(c.staff.policy.lock_after):
        with pytest.raises(NotAuthenticated):
            staff_login.login_staff(
                c.staff, c.uow(), p.account.email, "wrong password!!!", address=address
            )
        with c.uow() as uow:
            th = uow.staff.throttles([account_key(c.staff, p.account.email)])
        [a] = th.values()
        if a.blocked_until and not a.locked:
            clock.advance(a.blocked_until - clock.now())


@pytest.mark.req("R2.9")
def test_one_persons_failures_lock_their_account_but_not_a_colleague_on_the_same_address(
    moving: tuple[Container, FixedClock],
) -> None:
    """Issue 11 point 9: the per-account lock stays; the office's shared address is not
    slowed by one person's mistakes."""
    c, clock = moving
    li = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    han = enrolled(c, clock, "han.mei@st-machinery.cn", {"staff"})
    fail_until_locked(c, clock, li, OFFICE)
    with pytest.raises(TooManyAttempts) as locked:  # Li Lei's account is locked ...
        attempt(c, li, clock, address=OFFICE)
    assert locked.value.locked
    signed = login(c, han, clock, address=OFFICE)  # ... Han Mei, next desk, is not slowed
    assert signed.account.id == han.account.id
    assert c.staff.policy.address_free_attempts >= 5 * c.staff.policy.lock_after


@pytest.mark.req("R2.9")
def test_many_failures_from_one_address_across_accounts_throttle_that_address(
    moving: tuple[Container, FixedClock],
) -> None:
    """Guessing across accounts from one address (password spraying) backs that address
    off once it passes the much higher per-address threshold — never a lock, and other
    addresses go on."""
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    free = c.staff.policy.address_free_attempts
    for i in range(free):  # one guess each at many accounts: no account backs off
        with pytest.raises(NotAuthenticated):
            staff_login.login_staff(
                c.staff, c.uow(), f"nobody{i}@x.cn", "whatever it is", address=OFFICE
            )
    login(c, p, clock, address=OFFICE)  # up to the threshold the address is not slowed
    with pytest.raises(NotAuthenticated):
        staff_login.login_staff(c.staff, c.uow(), "one.more@x.cn", "whatever it is", address=OFFICE)
    with pytest.raises(TooManyAttempts) as slowed:
        attempt(c, p, clock, address=OFFICE)
    assert not slowed.value.locked and slowed.value.retry_after == 1
    assert "network address" in slowed.value.message
    login(c, p, clock, address="198.51.100.1")  # another address is not slowed
    clock.advance(timedelta(seconds=slowed.value.retry_after))
    login(c, p, clock, address=OFFICE)  # the back-off passes by itself
    blocked = [e for e in audit(c) if e.action == "staff.login_blocked"]
    assert blocked and json.loads(blocked[-1].details)["by"] == "address"


@pytest.mark.req("R2.6")
def test_an_idle_session_locks_and_resumes_after_reauth_and_ends_after_12_hours(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    s = login(c, p, clock)
    for _ in range(3):  # in use: last_seen moves, no lock
        clock.advance(timedelta(minutes=10))
        auth(c, s.token)
    clock.advance(timedelta(minutes=15, seconds=1))
    with pytest.raises(SessionLocked):
        auth(c, s.token)
    with pytest.raises(NotAuthenticated):
        staff_login.reauthenticate(
            c.staff, c.uow(), s.token, "wrong password!!!", totp=code(p, clock)
        )
    staff_login.reauthenticate(c.staff, c.uow(), s.token, PASSWORD, totp=code(p, clock))
    auth(c, s.token)
    while clock.now() < s.expires_at - timedelta(minutes=5):
        clock.advance(timedelta(minutes=5))
        auth(c, s.token)
    clock.advance(timedelta(minutes=5))
    with pytest.raises(NotAuthenticated):  # the absolute lifetime: log in again
        auth(c, s.token)
    with pytest.raises(NotAuthenticated):
        staff_login.reauthenticate(c.staff, c.uow(), s.token, PASSWORD, totp=code(p, clock))


@pytest.mark.req("R2.6")
def test_sensitive_actions_need_a_recent_reauthentication(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"privacy_officer"}, "privacy")
    s = login(c, p, clock)

    def session() -> object:
        _, got = staff_login.authenticate_staff(c.staff, c.uow(readonly=True), c.uow(), s.token)
        return got

    staff_login.require_recent_auth(c.staff, session())  # type: ignore[arg-type]
    clock.advance(timedelta(minutes=6))
    auth(c, s.token)
    clock.advance(timedelta(minutes=6))
    with pytest.raises(ReauthRequired):
        staff_login.require_recent_auth(c.staff, session())  # type: ignore[arg-type]
    staff_login.reauthenticate(c.staff, c.uow(), s.token, PASSWORD, totp=code(p, clock))
    staff_login.require_recent_auth(c.staff, session())  # type: ignore[arg-type]


@pytest.mark.req("R5.3")
def test_no_reuse_of_the_last_five_passwords(moving: tuple[Container, FixedClock]) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    s = login(c, p, clock)
    actor = staff_actor(p.account)
    history = [PASSWORD] + [f"blue river stone {i} walks" for i in range(1, 6)]
    for old, new in itertools.pairwise(history):
        staff_accounts.change_password(c.staff, c.uow(), actor, s.token, old, new)
    current = history[-1]
    for reused in history[-5:]:  # the last five, the current one among them
        with pytest.raises(InvalidInput) as e:
            staff_accounts.change_password(c.staff, c.uow(), actor, s.token, current, reused)
        assert e.value.field == "new_password"
    staff_accounts.change_password(c.staff, c.uow(), actor, s.token, current, PASSWORD)
    with pytest.raises(InvalidInput) as wrong:
        staff_accounts.change_password(
            c.staff, c.uow(), actor, s.token, "not it at all ok", "another fine phrase"
        )
    assert wrong.value.field == "current_password"


@pytest.mark.req("R5.3")
def test_an_old_password_must_be_changed_before_anything_else(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    other = login(c, p, clock)
    clock.advance(timedelta(days=c.staff.policy.max_age_days))
    s = login(c, p, clock)
    assert s.pending == "change_password"
    with pytest.raises(SessionPending) as e:
        auth(c, s.token)
    assert e.value.pending == "change_password"
    auth(c, s.token, allow_pending=True)
    pending = staff_accounts.change_password(
        c.staff, c.uow(), staff_actor(p.account), s.token, PASSWORD, "a new spring morning"
    )
    assert pending is None
    auth(c, s.token)
    with pytest.raises(NotAuthenticated):  # other sessions ended with the change
        auth(c, other.token)


@pytest.mark.req("R2.9")
def test_a_password_found_breached_at_login_must_be_changed_at_once(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    with c.uow() as uow:  # set before the list had it (as if the list grew)
        uow.staff.set_password_hash(p.account.id, c.passwords.hash("qwerty123456789"))
        uow.commit()
    s = login(c, p, clock, password="qwerty123456789")
    assert s.pending == "change_password"
    assert "staff.password_breached" in [e.action for e in audit(c)]


@pytest.mark.req("R2.9")
def test_argon2_parameters_are_upgraded_at_login(
    moving_rfc9106: tuple[Container, FixedClock],
) -> None:
    c, clock = moving_rfc9106
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with c.uow() as uow:
        uow.staff.set_password_hash(p.account.id, weak)
        uow.commit()
    login(c, p, clock)
    with c.uow(readonly=True) as uow:
        found = uow.staff.get(p.account.id)
    assert found is not None and found[1] != weak and "m=65536" in found[1]


@pytest.mark.req("R2.9")
def test_deactivation_ends_sessions_and_keeps_the_account_and_its_trail(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    s = login(c, p, clock)
    at = clock.now()
    staff_accounts.deactivate_staff(c.staff, c.uow(), OPERATOR, p.account.id)
    with pytest.raises(NotAuthenticated):
        auth(c, s.token)
    with pytest.raises(NotAuthenticated):
        login(c, p, clock)
    [view] = staff_accounts.list_staff(c.staff, c.uow())
    assert not view.account.active and view.account.deactivated_at == at
    mine = [e for e in audit(c) if e.actor_id == p.account.id]
    assert {"staff.create", "staff.login", "staff.totp_enrolled"} <= {e.action for e in mine}


@pytest.mark.req("R2.10")
def test_departments_are_seeded_and_an_officer_edits_their_purposes(
    moving: tuple[Container, FixedClock],
) -> None:
    c, _ = moving
    by_key = {d.key: d.purposes for d in staff_accounts.list_departments(c.uow())}
    assert by_key["sales"] == {"business_negotiation", "order_fulfilment"}
    assert by_key["service"] == {"after_sales", "requested_services"}
    staff_accounts.save_department(
        c.staff, c.uow(), OPERATOR, "sales", "Sales 销售部", frozenset({"business_negotiation"})
    )
    with pytest.raises(InvalidInput) as e:
        staff_accounts.save_department(
            c.staff, c.uow(), OPERATOR, "sales", "Sales", frozenset({"telepathy"})
        )
    assert e.value.field == "purposes"
    by_key = {d.key: d.purposes for d in staff_accounts.list_departments(c.uow())}
    assert by_key["sales"] == {"business_negotiation"}


def audit(c: Container) -> list[Row]:
    with c.engine.connect() as conn:
        return [
            Row(*r)
            for r in conn.execute(
                text(
                    "SELECT action, actor_kind, actor_id, target_type, target_id, details "
                    "FROM audit_entries ORDER BY seq"
                )
            )
        ]


@dataclass(frozen=True)
class Row:
    action: str
    actor_kind: str
    actor_id: str
    target_type: str
    target_id: str
    details: str


@pytest.mark.req("R2.9")
def test_no_password_token_code_or_email_reaches_the_trail_or_the_logs(
    moving: tuple[Container, FixedClock], caplog: pytest.LogCaptureFixture
) -> None:
    c, clock = moving
    caplog.set_level(logging.DEBUG)
    email = "li.lei@st-machinery.cn"
    inv = staff_accounts.invite_staff(
        c.staff, c.uow(), OPERATOR, email, "sales", frozenset({"staff"})
    )
    signed = staff_accounts.accept_invitation(c.staff, c.uow(), inv.token, "Li Lei", PASSWORD)
    e = mfa.start_totp(c.staff, c.uow(), staff_actor(signed.account))
    codes = mfa.confirm_totp(
        c.staff,
        c.uow(),
        staff_actor(signed.account),
        signed.token,
        mfa.totp_code(e.secret, clock.now()),
    )
    p = Person(signed.account, e.secret, signed.token, codes)
    with pytest.raises(NotAuthenticated):
        staff_login.login_staff(c.staff, c.uow(), email, "a wrong guess here")
    s = login(c, p, clock)
    staff_login.reauthenticate(c.staff, c.uow(), s.token, PASSWORD, totp=code(p, clock))
    staff_login.login_staff(c.staff, c.uow(), email, PASSWORD, recovery_code=codes[0])
    staff_accounts.change_password(
        c.staff, c.uow(), staff_actor(p.account), s.token, PASSWORD, "the new one is long enough"
    )
    staff_login.logout_staff(c.staff, c.uow(), staff_actor(p.account), s.token)
    secrets_ = [
        PASSWORD,
        "a wrong guess here",
        "the new one is long enough",
        email,
        inv.token,
        signed.token,
        s.token,
        e.secret,
        *codes,
        s.csrf_token,
    ]
    with c.engine.connect() as conn:
        rows = [json.dumps([str(v) for v in r]) for r in conn.execute(select(t.audit_entries))]
    assert len(rows) >= 10
    for blob in [*rows, caplog.text]:
        for secret in secrets_:
            assert secret not in blob and secret.casefold() not in blob.casefold()


@pytest.mark.req("R5.1")
def test_totp_seeds_follow_a_kek_rotation_and_block_retiring_their_old_kek(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    keys.rotate_keys(c.uow(), c.vault, OPERATOR)  # subject keys only: the seed stays on v1
    with pytest.raises(Conflict) as e:
        keys.retire_key(c.uow(), c.vault, OPERATOR, "1")
    assert e.value.field == "version" and "TOTP" in e.value.message
    report = keys.rotate_keys(c.uow(), c.vault, OPERATOR, c.staff.box)
    keys.retire_key(c.uow(), c.vault, OPERATOR, "1")
    with c.engine.connect() as conn:
        sealed = conn.execute(select(t.staff_accounts.c.totp_secret)).scalar_one()
    assert sealed.startswith(f"v{report.new_version}:")
    login(c, p, clock)


@pytest.mark.req("R2.6")
def test_last_seen_is_written_at_most_once_per_touch_interval(
    moving: tuple[Container, FixedClock],
) -> None:
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})
    s = login(c, p, clock)
    signed_in = clock.now()

    def seen() -> datetime:
        with c.uow(readonly=True) as uow:
            got = uow.staff.session(staff_login.token_hash(s.token))
        assert got is not None and got.last_seen_at is not None
        return got.last_seen_at

    clock.advance(timedelta(seconds=c.staff.policy.touch_seconds - 1))
    auth(c, s.token)
    assert seen() == signed_in  # too soon: no write
    clock.advance(timedelta(seconds=1))
    auth(c, s.token)
    assert seen() == clock.now()


@pytest.mark.req("R2.9")
def test_parallel_wrong_guesses_each_count_and_cannot_outrun_the_back_off(
    moving: tuple[Container, FixedClock],
) -> None:
    """Eight guesses at once on one account, each from its own address: the attempts take
    turns on the account's throttle row, so every failure is counted and those beyond the
    free ones wait instead of being checked."""
    c, clock = moving
    p = enrolled(c, clock, "li.lei@st-machinery.cn", {"staff"})

    def guess(n: int) -> str:
        try:
            staff_login.login_staff(
                c.staff, c.uow(), p.account.email, "wrong password!!!", address=f"10.1.0.{n}"
            )
        except (NotAuthenticated, TooManyAttempts) as e:
            return type(e).__name__
        return "signed in"

    with ThreadPoolExecutor(8) as pool:
        outcomes = list(pool.map(guess, range(8)))
    free = c.staff.policy.free_attempts
    assert outcomes.count("signed in") == 0
    # the free ones, then the one that starts the wait
    assert outcomes.count("NotAuthenticated") == free + 1
    assert outcomes.count("TooManyAttempts") == 8 - free - 1
    with c.engine.connect() as conn:
        rows = {r.key: r.failures for r in conn.execute(select(t.login_throttle))}
    assert max(rows.values()) == free + 1  # the account's row: every checked guess counted
