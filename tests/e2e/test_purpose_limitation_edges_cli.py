"""The edges of tests/e2e/test_purpose_limitation_edges.py through `piiguard` (in process, as
the installed command runs) on SQLite and PostgreSQL (issue 11): a partial refusal printed as
`partly_allowed` with what it refused, an item refused for a purpose its category may not
serve, a legal exception refused when it has already expired."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import Container
from piiguard.config import Settings
from tests.builders import item, register
from tests.e2e import cli_runner
from tests.e2e.conftest import PASSWORD, Caller, TestClient, counts, totp_code
from tests.e2e.test_purpose_limitation_cli import REQUEST, decision, ok, piiguard

RESIDENT_ID = "user.government_id.national_identification_number"
ID_NUMBER = "11010519491231002X"
EMAIL = "officer@example.com"  # the first account's (tests/e2e/conftest.py first_account)


@pytest.mark.req("R2.4")
def test_decide_explain_and_show_print_partly_allowed_with_what_was_refused(
    settings: Settings, container: Container
) -> None:
    sid = register(
        container, item("user.contact.email", "li.lei@example.cn"), item(RESIDENT_ID, ID_NUMBER)
    ).subject.id
    said = ok(settings, "decide", sid, "order_fulfilment")
    outcome, did = decision(said)
    assert outcome == "partly_allowed"
    assert f"refused:   {RESIDENT_ID}" in said
    assert "allowed:   user.contact.email" in said
    assert "Partly allowed" in said and "部分允许" in said  # the explanation, both languages
    explained = ok(settings, "explain", did)
    assert decision(explained) == ("partly_allowed", did)
    assert "✗ category_allowed" in explained

    d = json.loads(ok(settings, "decide", sid, "order_fulfilment", "--json"))
    assert (d["outcome"], d["allowed"], d["refused"]) == (
        "partly_allowed",
        ["user.contact.email"],
        [RESIDENT_ID],
    )
    whole = json.loads(
        ok(
            settings,
            "decide",
            sid,
            "order_fulfilment",
            "--category",
            "user.contact.email",
            "--json",
        )
    )
    assert (whole["outcome"], whole["refused"]) == ("allowed", [])

    shown = piiguard(settings, "subject", "show", sid, "--purpose", "order_fulfilment")
    assert shown.returncode == 0, shown.stderr
    assert f"partly_allowed (refused: {RESIDENT_ID})" in " ".join(shown.stderr.split())
    assert "li.lei@example.cn" in shown.stdout and ID_NUMBER not in shown.stdout


@pytest.mark.req("R2.3")
@pytest.mark.req("R2.4")
@pytest.mark.req("R2.5")
def test_a_purpose_the_category_may_not_serve_and_an_expired_exception_are_refused(
    settings: Settings, container: Container
) -> None:
    sid = register(container).subject.id
    before = counts(container)
    refused = piiguard(
        settings,
        "subject",
        "add",
        "--kind",
        "customer_contact",
        "--item",
        "user.name=李雷",
        "--item",
        f"{RESIDENT_ID}={ID_NUMBER}",
        "--purpose",
        "order_fulfilment",
    )
    assert (refused.returncode, refused.stdout) == (1, "")
    said = " ".join(refused.stderr.split())
    assert "invalid-input (items[1].purposes[0])" in said and "order_fulfilment" in said
    assert ID_NUMBER not in said
    expired = piiguard(
        settings,
        "exception",
        "request",
        "--kind",
        "vital_interests",
        "--authority",
        "120",
        "--case",
        "A-1",
        "--provision",
        "PIPL Art. 13(4)",
        "--subject",
        sid,
        "--category",
        "user",
        "--valid-from",
        "2020-01-01",
        "--valid-until",
        "2020-01-02",
    )
    assert (expired.returncode, expired.stdout) == (1, "")
    assert "invalid-input (valid_until)" in " ".join(expired.stderr.split())
    assert counts(container) == before  # nothing half-written
    with container.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.legal_exceptions)).scalar_one() == 0

    added = ok(
        settings,
        "subject",
        "add",
        "--kind",
        "customer_contact",
        "--item",
        f"{RESIDENT_ID}={ID_NUMBER}",
        "--purpose",
        "legal_compliance",
    )
    with container.engine.connect() as conn:
        declared = conn.execute(
            select(t.items.c.collected_for).where(t.items.c.subject_id == added.strip())
        ).scalar_one()
    assert json.loads(declared) == ["legal_compliance"]


def _approved_by(c: Container, eid: str) -> str | None:
    with c.engine.connect() as conn:
        found: str | None = conn.execute(
            select(t.legal_exceptions.c.approved_by).where(t.legal_exceptions.c.id == eid)
        ).scalar_one()
    return found


@pytest.mark.req("R2.5")
def test_a_privacy_officer_approves_an_exception_from_the_shell_with_their_own_account(
    settings: Settings, container: Container, api: TestClient, officer: Caller
) -> None:
    """`piiguard exception approve` could never succeed (probe): the shell's operator is no
    personal account, and four eyes want one. `--as EMAIL` signs that officer in with their
    password and code (asked for, not echoed), approves, and ends the session; without it,
    a one-line message says what to do."""
    sid = register(container).subject.id
    r = piiguard(settings, *REQUEST, "--subject", sid)
    assert r.returncode == 0, r.stderr
    eid = r.stdout.strip()

    bare = piiguard(settings, "exception", "approve", eid)
    assert bare.returncode == 2 and bare.stdout == ""
    assert "--as EMAIL" in bare.stderr and f"/console/exceptions/{eid}" in bare.stderr
    wrong = cli_runner.piiguard(
        settings, "exception", "approve", eid, "--as", EMAIL, stdin="not-the-password\n000000\n"
    )
    assert wrong.returncode == 1 and "wrong email or password" in wrong.stderr
    assert "Traceback" not in wrong.stderr and _approved_by(container, eid) is None

    assert officer.totp_secret is not None
    code = totp_code(api, officer.totp_secret)
    done = cli_runner.piiguard(
        settings, "exception", "approve", eid, "--as", EMAIL, stdin=f"{PASSWORD}\n{code}\n"
    )
    assert done.returncode == 0, done.stderr
    assert f"approved by staff:{officer.id}" in done.stdout and PASSWORD not in done.stdout
    assert EMAIL not in done.stdout + done.stderr + wrong.stderr  # ids, never the address
    assert _approved_by(container, eid) == f"staff:{officer.id}"
    with container.engine.connect() as conn:  # the shell's session ended with the step
        actions = conn.execute(
            select(t.audit_entries.c.action)
            .where(t.audit_entries.c.actor_id == officer.id)
            .order_by(t.audit_entries.c.seq)
        ).scalars()
        assert list(actions)[-3:] == ["staff.login", "exception.approve", "staff.logout"]
