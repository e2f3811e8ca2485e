"""The fixtures that keep the suite fast keep it honest: one app per test process that serves
each test's own container, and TOTP sign-ins that move the container's clock instead of
waiting for the next 30 s step."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from piiguard.bootstrap import Container, bootstrap
from piiguard.config import Settings
from piiguard.web.app import create_app
from tests.e2e.conftest import Caller, TestClient, app_for, login


@pytest.mark.req("R5.1")
def test_the_app_serves_the_container_it_holds_lifespan_included(
    settings: Settings, container: Container, system: Caller
) -> None:
    """The shutdown's audit checkpoint is signed by the container in app.state, not by the
    one the app was built with (which the shared app of the tests no longer serves)."""
    other = bootstrap(settings, migrate=False)  # the same databases, another clock
    try:
        app = create_app(other)
        app.state.container = container
        container.clock.advance(timedelta(days=1))  # type: ignore[attr-defined]
        with TestClient(app) as client:
            assert client.get("/api/v1/purposes", headers=system.headers).status_code == 200
        with container.uow() as uow:
            checkpoint = uow.audit_log.last_checkpoint()
        assert checkpoint is not None  # the client's key, added by `system`, is on the chain
        signed_at = checkpoint.at_us / 1_000_000
        assert signed_at > other.clock.now().timestamp() + 12 * 3600  # the test's clock
    finally:
        other.close()


def test_one_app_per_process_serves_each_tests_container(container: Container) -> None:
    app = app_for(container)
    assert app_for(container) is app
    assert app.state.container is container
    assert app_for(container) is not create_app(container)  # (a fresh one is another)


def test_sign_ins_beyond_the_totp_window_move_the_clock_not_the_test(
    container: Container, api: TestClient, officer: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The officer enrolled (one step) and signed in (the next); two more sign-ins need two
    more steps: the clock moves, nothing sleeps."""

    def no_sleep(seconds: float) -> None:
        raise AssertionError(f"slept {seconds:.1f} s")

    monkeypatch.setattr(time, "sleep", no_sleep)
    before = container.clock.now()
    login(api, "officer@example.com")
    login(api, "officer@example.com")
    after = container.clock.now()
    steps = int(after.timestamp()) // 30 - int(before.timestamp()) // 30
    assert 1 <= steps <= 3, (before, after)  # on to the steps the sign-ins needed


def test_the_tests_hash_passwords_with_argon2id_at_its_lowest_cost(
    container: Container, officer: Caller
) -> None:
    """The same algorithm and code paths as in production (the parameters themselves are
    tested with production's: test_staff_security.py, upgraded at login)."""
    with container.uow(readonly=True) as uow:
        found = uow.staff.get(officer.id)
    assert found is not None and found[1].startswith("$argon2id$v=19$m=1024,t=1,p=1$")
