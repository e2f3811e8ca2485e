"""The purpose-limitation commands beyond those of test_purpose_limitation_cli.py — objection
and lift, guardians and minors, company categories, exports and the findings an expired one
opens (cli/policy/processing.py, guardians.py, categories.py, exports.py, findings.py) — run
in process as the installed command runs them, on the test's SQLite files or PostgreSQL
databases."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from piiguard.adapters.clock import FixedClock
from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.policy.datamap import FindingStatus
from piiguard.services.policy import datamap
from tests.builders import item, register
from tests.e2e.test_cli import piiguard

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TEXT = "我同意ST公司为售后服务使用我孩子的联系方式。\nI agree, as the guardian.\n"


def ok(settings: Settings, *args: str, stdin: str | None = None) -> str:
    r = piiguard(settings, *args, stdin=stdin)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def refused(settings: Settings, *args: str) -> str:
    """A refusal: exit 1, nothing on stdout, the reason on stderr."""
    r = piiguard(settings, *args)
    assert r.returncode == 1, (args, r.stdout, r.stderr)
    assert r.stdout == ""
    return r.stderr


def outcome(settings: Settings, subject_id: str, purpose: str) -> str:
    """`decide`'s first line and its reason codes, e.g. 'denied processing_objected'."""
    lines = ok(settings, "decide", subject_id, purpose).splitlines()
    head = re.match(rf"^(allowed|denied)  decision {UUID}$", lines[0])
    assert head, lines
    start = lines.index("reasons:")
    codes = [x.strip().split(" ")[0] for x in lines[start + 1 :: 3]]
    return " ".join([head.group(1), *codes])


@pytest.mark.req("R4.2")
@pytest.mark.req("R2.4")
def test_an_objection_denies_until_it_is_lifted(settings: Settings, container: Container) -> None:
    sid = register(container).subject.id
    assert outcome(settings, sid, "after_sales") == "allowed allowed"

    objection = ok(settings, "processing", "object", sid, "after_sales").strip()
    assert re.fullmatch(UUID, objection), objection
    assert outcome(settings, sid, "after_sales") == "denied processing_objected"
    assert outcome(settings, sid, "important_notices") == "allowed allowed"  # one purpose only

    assert f"restriction {objection} lifted" in ok(settings, "processing", "lift", sid, objection)
    assert outcome(settings, sid, "after_sales") == "allowed allowed"
    again = refused(settings, "processing", "lift", sid, objection)
    assert "conflict (restriction_id)" in again and "already lifted" in again

    restriction = ok(settings, "processing", "restrict", sid).strip()
    assert outcome(settings, sid, "important_notices") == "denied processing_restricted"
    listed = ok(settings, "processing", "list", sid)
    assert objection in listed and restriction in listed and "(every purpose)" in listed
    ok(settings, "processing", "lift", sid, restriction)
    assert outcome(settings, sid, "important_notices") == "allowed allowed"
    unknown = refused(settings, "processing", "object", sid, "no_such_purpose")
    assert "no_such_purpose" in unknown


@pytest.mark.req("R6.1")
@pytest.mark.req("R2.4")
def test_a_declared_minor_needs_a_verified_guardians_consent(
    settings: Settings, container: Container
) -> None:
    child = register(container).subject.id
    mother = register(
        container, item("user.contact.email", "mother@example.cn"), kind="guardian"
    ).subject.id
    assert outcome(settings, child, "after_sales") == "allowed allowed"
    assert f"{child} declared a minor" in ok(settings, "minor", child, "--yes")
    assert outcome(settings, child, "after_sales") == "denied child_without_guardian_consent"

    assert "not yet verified" in ok(settings, "guardian", "link", child, mother)
    assert "already linked" in refused(settings, "guardian", "link", child, mother)
    assert "verified" in ok(settings, "guardian", "verify", child, mother)
    consent = ok(
        settings,
        "consent",
        "grant",
        child,
        "after_sales",
        "--channel",
        "web",
        "--text-file",
        "-",
        "--kind",
        "guardian",
        "--given-by",
        mother,
        stdin=TEXT,
    )
    assert re.fullmatch(UUID, consent.strip()), consent
    assert outcome(settings, child, "after_sales") == "allowed allowed"

    stranger = register(container, item("user.contact.email", "x@example.cn")).subject.id
    assert "guardian_id" in refused(settings, "guardian", "verify", child, stranger)
    assert "not a minor" in ok(settings, "minor", stranger, "--no")


@pytest.mark.req("R2.1")
def test_a_company_category_is_added_then_retired(settings: Settings) -> None:
    key = "user.contact.wechat_id"
    added = ok(
        settings,
        "category",
        "add",
        key,
        "--name",
        "WeChat ID",
        "--name-zh",
        "微信号",
        "--description",
        "the person's WeChat account",
    )
    assert f"category {key} added (ordinary)" in added
    assert "exists" in refused(
        settings, "category", "add", key, "--name", "WeChat ID", "--name-zh", "微信号"
    )
    assert f"category {key} deleted" in ok(settings, "category", "retire", key)
    builtin = refused(settings, "category", "retire", "user.contact.email")
    assert "(key)" in builtin and "built-in" in builtin


@pytest.mark.req("R2.7")
def test_exports_are_registered_and_an_expired_one_opens_a_finding(
    settings: Settings, container: Container
) -> None:
    ok(
        settings,
        "system",
        "add",
        "crm",
        "--name",
        "Sales CRM",
        "--owner",
        "sales",
        "--kind",
        "crm",
        "--region",
        "CN",
        "--category",
        "user.contact",
        "--purpose",
        "after_sales",
    )
    export = [
        "export",
        "add",
        "--system",
        "crm",
        "--recipient",
        "Foshan Logistics",
        "--category",
        "user.contact.email",
        "--purpose",
        "after_sales",
    ]
    now = datetime.now(UTC)
    past = refused(settings, *export, "--expires", (now - timedelta(minutes=5)).isoformat())
    assert "(expires_at)" in past and "future" in past
    assert "--category" in refused(
        settings,
        *export[:6],
        "--purpose",
        "after_sales",
        "--expires",
        (now + timedelta(days=1)).isoformat(),
    )
    export_id = ok(settings, *export, "--expires", (now + timedelta(days=30)).isoformat()).strip()
    assert re.fullmatch(UUID, export_id), export_id
    assert re.search(rf"│ {export_id} │ crm\s+│ Foshan Logistics", ok(settings, "export", "list"))
    assert "0 finding(s) opened" in ok(settings, "export", "review")

    # one that expired yesterday, registered while it was still valid
    then = FixedClock(now - timedelta(days=3))
    old = datamap.register_export(
        container.uow(),
        container.snapshots,
        then,
        OPERATOR,
        "crm",
        "Old Agency",
        frozenset({"user.contact.phone_number"}),
        "after_sales",
        now - timedelta(days=1),
    )
    reviewed = ok(settings, "export", "review")
    assert "1 finding(s) opened" in reviewed
    found = re.search(rf"│ ({UUID}) │ export:{old.id} │ open\s+│ expired_export ", reviewed)
    assert found, reviewed
    finding = found.group(1)
    assert "0 finding(s) opened" in ok(settings, "export", "review")  # the same one, once

    no_reason = refused(settings, "finding", "accept", finding)
    assert "(reason)" in no_reason and "--reason" in no_reason
    assert f"finding {finding} assigned to it-team" in ok(
        settings, "finding", "assign", finding, "--to", "it-team"
    )
    assert re.search(
        rf"│ {finding} │ \S+ │ assigned .*│ it-team",
        ok(settings, "finding", "list", "--status", "assigned"),
    )
    ok(settings, "finding", "accept", finding, "--reason", "the agency confirmed deletion")
    accepted = ok(settings, "finding", "list", "--status", "accepted_risk")
    assert re.search(rf"│ {finding} │ \S+ │ accepted_risk .*│ the agency", accepted), accepted
    [kept] = datamap.list_findings(container.uow(), FindingStatus.ACCEPTED_RISK)
    assert (kept.id, kept.reason) == (finding, "the agency confirmed deletion")
    assert finding not in ok(settings, "finding", "list", "--status", "open")
    assert "reopened" in ok(settings, "finding", "reopen", finding)
    assert f"finding {finding} fixed" in ok(settings, "finding", "fix", finding)
    assert "cannot become fixed" in refused(settings, "finding", "fix", finding)
    assert "finding_id" in refused(settings, "finding", "fix", export_id)
