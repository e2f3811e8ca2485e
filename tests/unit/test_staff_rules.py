"""Staff security rules as pure functions (R2.6, R2.9, R5.3): NIST SP 800-63B-4 password
rules table by table, personal mailboxes, back-off and lockout arithmetic, idle and absolute
session ends, recent authentication; RFC 6238 test vectors; the shipped common-password
list."""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.adapters.breached import BreachedPasswordList
from piiguard.domain.accounts import StaffAccount, StaffSession, check_personal_email
from piiguard.domain.errors import InvalidInput, ReauthRequired
from piiguard.domain.password_rules import check_password, normalise_password
from piiguard.domain.staff_security import (
    GENERIC_MAILBOXES,
    SessionState,
    StaffPolicy,
    Throttle,
    after_failure,
    backoff,
    password_expired,
    require_recent_auth,
    session_state,
    wait_for,
)
from piiguard.services.staff.mfa import matching_step, totp_code

AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
POLICY = StaffPolicy(company_name="ST Machinery Technology (Foshan) Co., Ltd")
COMMON = {"password1234567", "qwertyuiop", "iloveyou"}


def check(
    pw: str, *, mfa: bool = False, email: str = "li.lei@st-machinery.cn", name: str = "Li Lei"
) -> str:
    return check_password(
        pw,
        mfa=mfa,
        policy=POLICY,
        breached=lambda p: p.casefold() in COMMON,
        email=email,
        name=name,
    )


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(
    ("password", "mfa", "why"),
    [
        ("short but fine!", False, None),  # 15: the floor alone
        ("fourteen chars", False, "at least 15"),  # 14 alone: too short
        ("eight ch", True, None),  # 8 with TOTP
        ("seven c", True, "at least 8"),
        ("x" * 256, False, None),  # up to the maximum
        ("x" * 257, False, "at most 256"),
        ("alllowercaseletters", False, None),  # no composition rules
        ("密码是一段很长的中文句子很好记", False, None),  # any Unicode: 15 characters
        ("password1234567", False, "common or breached"),  # on the list
        ("PASSWORD1234567", False, "common or breached"),  # case does not hide it
        ("qwertyuiop", True, "common or breached"),
        ("my name is li.lei ok", False, "your name or email"),  # email local part
        ("hello Lei from far away", False, "your name or email"),  # a name part
        ("I work at machinery forever", False, "company's name"),
        ("foshan summer rain 2026", False, "company's name"),
    ],
)
def test_password_rules(password: str, mfa: bool, why: str | None) -> None:
    if why is None:
        assert check(password, mfa=mfa) == normalise_password(password)
        return
    with pytest.raises(InvalidInput) as e:
        check(password, mfa=mfa)
    assert why in e.value.message and e.value.field == "password"


@pytest.mark.req("R2.9")
def test_passwords_are_nfkc_normalised_before_length_and_lists() -> None:
    # full-width letters are the same password as their ASCII forms (SP 800-63B-4)
    assert normalise_password("ｐａｓｓｗｏｒｄ１２３４５６７") == "password1234567"
    with pytest.raises(InvalidInput, match="common or breached"):
        check("ｐａｓｓｗｏｒｄ１２３４５６７")
    short_cjk = "密码是一段很长的中文句子"  # 12 characters, not bytes
    with pytest.raises(InvalidInput, match="at least 15"):
        check(short_cjk)


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("li.lei@st-machinery.cn", True),
        ("admin@st-machinery.cn", False),
        ("Sales@st-machinery.cn", False),
        ("service@x.cn", False),
        ("info@x.cn", False),
        ("support+cn@x.cn", False),
        ("office@x.cn", False),
        ("wang.fang@x.cn", True),
        ("not-an-email", False),
    ],
)
def test_staff_accounts_need_a_personal_mailbox(email: str, ok: bool) -> None:
    if ok:
        assert check_personal_email(email, GENERIC_MAILBOXES) == email.casefold()
    else:
        with pytest.raises(InvalidInput) as e:
            check_personal_email(email, GENERIC_MAILBOXES)
        assert e.value.field == "email"


@pytest.mark.req("R2.9")
def test_back_off_doubles_after_the_free_attempts_and_is_capped() -> None:
    p = StaffPolicy(free_attempts=3, backoff_base_seconds=1, backoff_max_seconds=60)
    assert [backoff(n, p).total_seconds() for n in range(1, 11)] == [
        0,
        0,
        0,
        1,
        2,
        4,
        8,
        16,
        32,
        60,
    ]


@pytest.mark.req("R2.9")
def test_an_account_locks_after_the_configured_failures_an_address_never_does() -> None:
    p = StaffPolicy(lock_after=5, lock_minutes=30)
    acct, addr = Throttle("acct:x"), Throttle("addr:y")
    for _ in range(5):
        acct = after_failure(acct, AT, p, lockable=True)
        addr = after_failure(addr, AT, p, lockable=False)
    assert acct.locked and acct.blocked_until == AT + timedelta(minutes=30)
    assert not addr.locked and addr.failures == 5
    assert wait_for(acct, AT + timedelta(minutes=29)) == timedelta(minutes=1)
    assert wait_for(acct, AT + timedelta(minutes=30)) == timedelta(0)  # lifts by itself
    assert wait_for(None, AT) == timedelta(0)


def _session(**kw: object) -> StaffSession:
    account = StaffAccount(
        "s-1", "li.lei@x.cn", "Li Lei", frozenset({"staff"}), True, AT - timedelta(days=1)
    )
    base = StaffSession(account, AT + timedelta(hours=12), False, "h", AT, AT, AT)
    return replace(base, **kw)  # type: ignore[arg-type]


@pytest.mark.req("R2.6")
def test_sessions_lock_when_idle_and_end_at_their_absolute_lifetime() -> None:
    s = _session()
    assert session_state(s, AT + timedelta(minutes=15), POLICY) is SessionState.ACTIVE
    assert session_state(s, AT + timedelta(minutes=15, seconds=1), POLICY) is SessionState.LOCKED
    busy = _session(last_seen_at=AT + timedelta(hours=11, minutes=59))
    assert session_state(busy, AT + timedelta(hours=12), POLICY) is SessionState.ENDED
    assert session_state(_session(revoked=True), AT, POLICY) is SessionState.ENDED
    gone = _session(staff=replace(s.staff, active=False))
    assert session_state(gone, AT, POLICY) is SessionState.ENDED


@pytest.mark.req("R2.6")
def test_sensitive_actions_need_a_recent_authentication() -> None:
    s = _session(authenticated_at=AT)
    require_recent_auth(s, AT + timedelta(minutes=10), timedelta(minutes=10))
    with pytest.raises(ReauthRequired):
        require_recent_auth(s, AT + timedelta(minutes=10, seconds=1), timedelta(minutes=10))
    with pytest.raises(ReauthRequired):
        require_recent_auth(_session(authenticated_at=None), AT, timedelta(minutes=10))


@pytest.mark.req("R5.3")
def test_passwords_expire_after_the_maximum_age_unless_it_is_off() -> None:
    a = StaffAccount("s-1", "a@x.cn", "A", frozenset({"staff"}), True, AT, password_changed_at=AT)
    assert not password_expired(a, AT + timedelta(days=179), POLICY)
    assert password_expired(a, AT + timedelta(days=180), POLICY)
    assert not password_expired(a, AT + timedelta(days=900), StaffPolicy(max_age_days=0))


# RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the hash's length.
SEEDS = {
    "sha1": b"12345678901234567890",
    "sha256": b"12345678901234567890123456789012",
    "sha512": b"1234567890" * 6 + b"1234",
}
VECTORS = [
    (59, "94287082", "46119246", "90693936"),
    (1111111109, "07081804", "68084774", "25091201"),
    (1111111111, "14050471", "67062674", "99943326"),
    (1234567890, "89005924", "91819424", "93441116"),
    (2000000000, "69279037", "90698825", "38618901"),
    (20000000000, "65353130", "77737706", "47863826"),
]


@pytest.mark.req("R2.6")
@pytest.mark.parametrize(("t", "sha1", "sha256", "sha512"), VECTORS)
def test_totp_matches_the_rfc_6238_test_vectors(
    t: int, sha1: str, sha256: str, sha512: str
) -> None:
    at = datetime.fromtimestamp(t, UTC)
    for digest, want in (("sha1", sha1), ("sha256", sha256), ("sha512", sha512)):
        seed = base64.b32encode(SEEDS[digest]).decode()
        assert totp_code(seed, at, digits=8, digest=digest) == want


@pytest.mark.req("R2.6")
def test_a_code_matches_within_the_window_only() -> None:
    seed = base64.b32encode(SEEDS["sha1"]).decode()
    at = datetime.fromtimestamp(1111111111, UTC)
    step = int(at.timestamp()) // 30
    for offset, expect in ((-2, None), (-1, step - 1), (0, step), (1, step + 1), (2, None)):
        code = totp_code(seed, at + timedelta(seconds=30 * offset))
        assert matching_step(seed, code, at, 1) == expect
    assert matching_step(seed, "12 34 56x", at, 1) is None


@pytest.mark.req("R2.9")
def test_the_shipped_common_password_list_is_whole_and_answers_in_constant_time() -> None:
    listed = BreachedPasswordList.shipped()
    assert len(listed) > 95_000  # 100,000 entries, ~96,500 once case-folded
    for hit in ("123456", "password", "qwerty", "Dragon", "iloveyou", "PASSWORD"):
        assert hit in listed
    for miss in ("correct horse battery staple", "梅花香自苦寒来", ""):
        assert miss not in listed
    assert 12345 not in listed  # type: ignore[comparison-overlap]
