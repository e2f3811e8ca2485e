"""The client address sign-in throttling counts per (R2.9), through the API on SQLite and
PostgreSQL: X-Forwarded-For is ignored from a peer that is not a trusted proxy and honoured
from one (PIIGUARD_TRUSTED_PROXIES), right-most untrusted hop first; and the pure rule
behind it, case by case."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.web.client_address import client_address
from tests.e2e.conftest import PASSWORD, TestClient, app_for, first_account
from tests.passwords import QUICK

PROXY = "10.0.0.5"
LOGIN = "/api/v1/staff/login"


@pytest.fixture
def behind_proxy(settings: Settings) -> Iterator[Container]:
    """A trusted reverse proxy at 10.0.0.5 (and its neighbours), and an address that backs
    off after 2 failures, so a few requests show whose address counts."""
    s = settings.model_copy(
        update={"trusted_proxies": ["10.0.0.0/29"], "login_address_free_attempts": 2}
    )
    c = bootstrap(
        s, clock=FixedClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC)), migrate=False, passwords=QUICK
    )
    yield c
    c.close()


def client(c: Container, peer: str) -> TestClient:
    return TestClient(app_for(c), client=(peer, 50000))


def counted_against(c: Container) -> str:
    """The address hash the last failed sign-in was counted against."""
    with c.engine.connect() as conn:
        details = conn.execute(
            text(
                "SELECT details FROM audit_entries WHERE action = 'staff.login_failed' "
                "ORDER BY seq DESC LIMIT 1"
            )
        ).scalar_one()
    return str(json.loads(details)["address_hash"])


_GUESS = iter(range(10**6))


def fail(api: TestClient, xff: str | None = None) -> int:
    """A wrong password for an account nobody has (a new one each time: only the address
    accumulates failures)."""
    headers = {"X-Forwarded-For": xff} if xff is not None else {}
    r = api.post(
        LOGIN,
        json={"email": f"nobody{next(_GUESS)}@x.cn", "password": "wrong password!!!"},
        headers=headers,
    )
    return int(r.status_code)


@pytest.mark.req("R2.9")
def test_x_forwarded_for_is_ignored_from_an_untrusted_peer(behind_proxy: Container) -> None:
    c = behind_proxy
    with client(c, "198.51.100.9") as api:
        assert fail(api, "203.0.113.50") == 401
        assert counted_against(c) == c.staff.address_hash("198.51.100.9")
        # rotating the header does not dodge the address's back-off (2 free, then waits)
        assert fail(api, "203.0.113.51") == 401
        assert fail(api, "203.0.113.52") == 401
        assert fail(api, "203.0.113.53") == 429
        assert counted_against(c) == c.staff.address_hash("198.51.100.9")


@pytest.mark.req("R2.9")
def test_x_forwarded_for_is_honoured_from_a_trusted_proxy(behind_proxy: Container) -> None:
    c = behind_proxy
    with client(c, PROXY) as api:
        officer_email = "officer@example.com"
        first_account(c, api, officer_email)
        # the client's own left-most entry is not believed: the right-most untrusted one is
        assert fail(api, "6.6.6.6, 203.0.113.50") == 401
        assert counted_against(c) == c.staff.address_hash("203.0.113.50")
        assert fail(api, "203.0.113.50, 10.0.0.6") == 401  # a second trusted hop skipped
        assert counted_against(c) == c.staff.address_hash("203.0.113.50")
        assert fail(api, "203.0.113.50") == 401
        assert fail(api, "203.0.113.50") == 429  # that client's address backs off ...
        # ... not the proxy's: another client behind the same proxy signs in at once
        r = api.post(
            LOGIN,
            json={"email": officer_email, "password": PASSWORD},
            headers={"X-Forwarded-For": "203.0.113.77"},
        )
        assert r.status_code in (200, 401), r.text  # 401 mfa-required: the password passed
        assert r.status_code == 200 or r.json()["type"].endswith("mfa-required"), r.text
        assert fail(api) == 401  # no header from the proxy: the proxy itself is the client
        assert counted_against(c) == c.staff.address_hash(PROXY)


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(
    ("peer", "xff", "trusted", "expect"),
    [
        ("198.51.100.9", ["203.0.113.5"], [], "198.51.100.9"),  # no proxies set
        ("198.51.100.9", ["203.0.113.5"], ["10.0.0.0/8"], "198.51.100.9"),  # untrusted peer
        ("10.0.0.5", ["203.0.113.5"], ["10.0.0.0/8"], "203.0.113.5"),
        ("10.0.0.5", ["1.1.1.1, 203.0.113.5"], ["10.0.0.0/8"], "203.0.113.5"),
        ("10.0.0.5", ["1.1.1.1", "203.0.113.5, 10.0.0.9"], ["10.0.0.0/8"], "203.0.113.5"),
        ("10.0.0.5", ["10.0.0.7, 10.0.0.9"], ["10.0.0.0/8"], "10.0.0.7"),  # all trusted
        ("10.0.0.5", [], ["10.0.0.0/8"], "10.0.0.5"),  # no header
        ("10.0.0.5", ["not-an-ip"], ["10.0.0.0/8"], "10.0.0.5"),  # garbage: the peer
        ("10.0.0.5", ["203.0.113.5:4711"], ["10.0.0.5"], "203.0.113.5"),  # with a port
        ("::1", ["[2001:db8::7]:443"], ["::1"], "2001:db8::7"),  # IPv6
        ("::ffff:10.0.0.5", ["203.0.113.5"], ["10.0.0.5"], "203.0.113.5"),  # v4-mapped peer
        ("testclient", ["203.0.113.5"], ["10.0.0.0/8"], "testclient"),  # not an address
        (None, ["203.0.113.5"], ["10.0.0.0/8"], "unknown"),
    ],
)
def test_the_client_is_the_right_most_address_that_is_not_a_trusted_proxy(
    peer: str | None, xff: list[str], trusted: list[str], expect: str
) -> None:
    assert client_address(peer, xff, trusted) == expect


@pytest.mark.req("R2.9")
@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("10.0.0.5, 10.1.0.0/16", ["10.0.0.5/32", "10.1.0.0/16"]),
        ('["::1", "192.168.0.0/24"]', ["::1/128", "192.168.0.0/24"]),
        ("", []),
    ],
)
def test_trusted_proxies_setting_parses_lists_and_refuses_typos(
    raw: str, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIIGUARD_TRUSTED_PROXIES", raw)
    assert Settings().trusted_proxies == parsed
    monkeypatch.setenv("PIIGUARD_TRUSTED_PROXIES", "10.0.0.x")
    with pytest.raises(ValueError, match="not an IP address or network"):
        Settings()
