"""The purpose-limitation commands of `piiguard`, run in process as the installed command runs
them (tests/e2e/cli_runner.py) against the test's SQLite files or PostgreSQL databases: the
data map's systems, decisions denied then allowed once consent is recorded, `explain` rule by
rule, consent withdrawal, the four-eyes refusal of a legal exception, the purpose register,
bad input."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from tests.builders import register
from tests.e2e import cli_runner
from tests.e2e.conftest import counts

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
DECISION = re.compile(rf"^(allowed|partly_allowed|denied)  decision ({UUID})$")
RECOMMEND = "consultation_recommendation"
RULES = [
    "purpose_known",
    "role_allowed",
    "within_actor_scope",
    "category_allowed",
    "credentials_never_disclosed",
    "system_approved",
    "transfer_abroad",
    "not_restricted",
    "child_guardian",
    "declared_at_collection",
    "consent_required",
    "sensitive_separate_consent",
    "consent_renewed",
    # sharing (domain/sharing/rules.py)
    "recipient_bound",
    "within_profile",
    "shared_abroad_with_consent",
    "authority_through_legal_request",
    "mechanism_for_count",
    "abroad_notice_given",
    "assessed_before_processing",
]
SEEDED = [
    "after_sales",
    "business_negotiation",
    RECOMMEND,
    "important_notices",
    "legal_compliance",
    "order_fulfilment",
    "requested_services",
    "service_improvement",
]
TEXT = "我同意ST公司为向我提供咨询和推荐而使用我的联系方式。\nI agree to be contacted.\n"


def piiguard(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would (in process); it never shows a traceback."""
    r = cli_runner.piiguard(settings, *args)
    assert "Traceback" not in r.stdout + r.stderr, r.stdout + r.stderr
    return r


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


# a legal exception the shell's operator requests, for --subject
REQUEST = (
    "exception",
    "request",
    "--kind",
    "criminal_justice",
    "--authority",
    "佛山市公安局",
    "--case",
    "佛公刑〔2025〕118号",
    "--provision",
    "刑事诉讼法 第54条",
    "--category",
    "user.contact",
    "--valid-until",
    "2099-12-31",
)


def decision(stdout: str) -> tuple[str, str]:
    """(outcome, decision id) from the first line `decide` and `explain` print."""
    m = DECISION.match(stdout.splitlines()[0])
    assert m, stdout
    return m.group(1), m.group(2)


@pytest.mark.req("R2.4")
@pytest.mark.req("R2.7")
@pytest.mark.req("R5.6")
@pytest.mark.req("R2.10")
def test_register_a_system_deny_without_consent_grant_allow_explain(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    added = ok(
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
        "cn",
        "--category",
        "user.contact",
        "--purpose",
        RECOMMEND,
    )
    assert "crm" in added and "pending" in added
    listed = ok(settings, "system", "list")
    assert re.search(r"│ crm\s+│ pending\s+│ CN\s+│ Sales CRM", listed), listed
    approved = ok(settings, "system", "approve", "crm")
    assert "system crm approved" in approved
    assert re.search(r"│ crm\s+│ approved\s+│ CN", ok(settings, "system", "list"))

    sid = register(container).subject.id
    denied_out = ok(settings, "decide", sid, RECOMMEND, "--target-system", "crm")
    outcome, denied = decision(denied_out)
    assert outcome == "denied"
    assert "consent_required" in denied_out
    assert "needs the person's consent" in denied_out  # English
    assert "需要本人同意" in denied_out  # and Chinese
    assert "allowed:   (none)" in denied_out

    text = tmp_path / "consent-text.txt"
    text.write_text(TEXT, encoding="utf-8")
    r = piiguard(
        settings, "consent", "grant", sid, RECOMMEND, "--channel", "phone", "--text-file", str(text)
    )
    assert r.returncode == 0, r.stderr
    consent_id = r.stdout.strip()
    assert re.fullmatch(UUID, consent_id), r.stdout
    digest = hashlib.sha256(TEXT.encode()).hexdigest()
    assert digest in r.stderr
    with container.engine.connect() as conn:
        row = conn.execute(select(t.consents).where(t.consents.c.id == consent_id)).one()
    assert (row.subject_id, row.purpose, row.kind, row.channel, row.text_hash, row.recorded_by) == (
        sid,
        RECOMMEND,
        "general",
        "phone",
        digest,
        OPERATOR.ref,
    )
    assert consent_id in ok(settings, "consent", "list", sid)

    allowed_out = ok(settings, "decide", sid, RECOMMEND, "--target-system", "crm")
    outcome, allowed = decision(allowed_out)
    assert outcome == "allowed" and allowed != denied
    assert "user.contact.email" in allowed_out.split("allowed:", 1)[1]

    why_denied, why_allowed = (ok(settings, "explain", d) for d in (denied, allowed))
    assert decision(why_denied) == ("denied", denied)
    assert decision(why_allowed) == ("allowed", allowed)
    for rule in RULES:  # every rule, in the order the decision point evaluates them
        assert f"✓ {rule}" in why_allowed, (rule, why_allowed)
    marks = re.findall(r"^  ([✓✗]) (\w+)$", why_denied, re.MULTILINE)
    assert [rule for _, rule in marks] == RULES
    by_rule = {rule: mark for mark, rule in marks}
    assert (by_rule["consent_required"], by_rule["system_approved"]) == ("✗", "✓")
    assert re.search(r"✗ consent_required\n\s+consent_required: Purpose", why_denied)

    r = piiguard(settings, "consent", "withdraw", sid, consent_id)
    assert r.returncode == 0, r.stderr
    after = json.loads(ok(settings, "decide", sid, RECOMMEND, "--json"))
    assert after["outcome"] == "denied"
    assert "consent_required" in [x["code"] for x in after["reasons"]]

    with container.engine.connect() as conn:
        trail = conn.execute(
            select(t.audit_entries.c.action, t.audit_entries.c.actor_id)
            .where(t.audit_entries.c.subject_id == sid)
            .order_by(t.audit_entries.c.seq)
        ).all()
    assert [a for a, _ in trail] == [
        "subject.create",
        "decision.evaluate",
        "consent.grant",
        "consent.list",
        "decision.evaluate",
        "decision.view",
        "decision.view",
        "consent.withdraw",
        "decision.evaluate",
    ]
    assert {i for _, i in trail} == {OPERATOR.id}


@pytest.mark.req("R2.5")
def test_exception_approval_by_its_own_requester_is_refused(
    settings: Settings, container: Container
) -> None:
    sid = register(container).subject.id
    r = piiguard(settings, *REQUEST, "--subject", sid)
    assert r.returncode == 0, r.stderr
    eid = r.stdout.strip()
    assert re.fullmatch(UUID, eid), r.stdout
    assert "another privacy officer" in r.stderr

    refused = piiguard(settings, "exception", "approve", eid)  # the operator: no person
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert (
        "privacy officer's own staff account" in refused.stderr and "--as EMAIL" in refused.stderr
    )
    with container.engine.connect() as conn:
        row = conn.execute(select(t.legal_exceptions).where(t.legal_exceptions.c.id == eid)).one()
    assert (row.requested_by, row.approved_by) == (OPERATOR.ref, None)
    listed = ok(settings, "exception", "list")
    assert re.search(rf"^{eid}  awaiting approval  criminal_justice$", listed, re.MULTILINE)
    assert "佛公刑〔2025〕118号" in listed

    # not approved, it lifts nothing, and the decision says why
    d = json.loads(ok(settings, "decide", sid, RECOMMEND, "--exception", eid, "--json"))
    assert d["outcome"] == "denied"
    assert "exception_not_in_force" in [x["code"] for x in d["reasons"]]


@pytest.mark.req("R2.3")
def test_purpose_list_shows_the_eight_purposes_and_history(settings: Settings) -> None:
    listed, history, missing = (
        piiguard(settings, *a)
        for a in [
            ("purpose", "list"),
            ("purpose", "history", "after_sales"),
            ("purpose", "history", "marketing"),
        ]
    )
    assert listed.returncode == 0, listed.stderr
    assert "purpose register version 8" in listed.stdout
    rows = re.findall(r"^│ (\w+)\s+│", listed.stdout, re.MULTILINE)
    assert [r for r in rows if r != "purpose"] == SEEDED
    assert re.search(rf"│ {RECOMMEND}\s+│ .+│ consent\s+│ yes\s+│ 730 days", listed.stdout)
    assert re.search(r"│ after_sales\s+│ .+│ contract\s+│ no\s+│ 1825 days", listed.stdout)
    assert "提供售后服务" in listed.stdout  # descriptions in Chinese too
    assert history.returncode == 0, history.stderr
    assert re.search(r"│ \d+\s+│ after_sales\s+│", history.stdout), history.stdout
    assert missing.returncode == 1
    assert "not-found (purpose)" in missing.stderr and "marketing" in missing.stderr


@pytest.mark.req("R5.6")
@pytest.mark.req("R2.4")
def test_bad_input_says_what_to_do_and_writes_nothing(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    ok(
        settings,
        "system",
        "add",
        "erp",
        "--name",
        "ERP",
        "--owner",
        "it",
        "--kind",
        "erp",
        "--region",
        "CN",
    )
    sid = register(container).subject.id
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    before = counts(container)
    cases = [
        (
            [
                "system",
                "add",
                "crm",
                "--name",
                "CRM",
                "--owner",
                "s",
                "--kind",
                "crm",
                "--region",
                "China",
            ],
            1,
            ["invalid-input (region)", "ISO 3166"],
        ),
        (
            [
                "system",
                "add",
                "erp",
                "--name",
                "ERP",
                "--owner",
                "it",
                "--kind",
                "erp",
                "--region",
                "CN",
            ],
            1,
            ["conflict (key)", "already in the data map"],
        ),
        (
            [
                "system",
                "add",
                "crm",
                "--name",
                "CRM",
                "--owner",
                "s",
                "--kind",
                "crm",
                "--region",
                "CN",
                "--purpose",
                "marketing",
            ],
            1,
            ["not-found", "marketing"],
        ),
        (["system", "approve", "ghost"], 1, ["not-found (key)", "ghost"]),
        (
            [
                "consent",
                "grant",
                sid,
                RECOMMEND,
                "--channel",
                "web",
                "--text-file",
                str(tmp_path / "missing.txt"),
            ],
            2,
            ["--text-file", "missing.txt"],
        ),
        (
            ["consent", "grant", sid, RECOMMEND, "--channel", "web", "--text-file", str(empty)],
            1,
            ["invalid-input (text_shown)", "text the person was shown"],
        ),
        (
            ["consent", "grant", sid, RECOMMEND, "--channel", "fax", "--text-file", str(empty)],
            2,
            ["--channel", "web"],
        ),
        (
            [
                "consent",
                "grant",
                sid,
                RECOMMEND,
                "--kind",
                "guardian",
                "--channel",
                "web",
                "--text-file",
                str(tmp_path / "missing.txt"),
            ],
            2,
            ["--text-file"],
        ),
        (
            ["consent", "withdraw", sid, "00000000-0000-4000-8000-000000000000"],
            1,
            ["not-found (consent_id)"],
        ),
        (
            ["decide", "00000000-0000-4000-8000-000000000000", "after_sales"],
            1,
            ["not-found (subject_id)"],
        ),
        (
            ["decide", sid, "after_sales", "--category", "user.shoe_size"],
            1,
            ["unknown-category", "user.shoe_size"],
        ),
        (["explain", "00000000-0000-4000-8000-000000000000"], 1, ["not-found (decision_id)"]),
        (
            [
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
                "--valid-until",
                "next week",
            ],
            2,
            ["--valid-until", "YYYY-MM-DD"],
        ),
        (
            ["exception", "approve", "00000000-0000-4000-8000-000000000000"],
            2,
            ["--as EMAIL", "/console/exceptions/00000000-0000-4000-8000-000000000000"],
        ),
    ]
    outs = [piiguard(settings, *args) for args, _, _ in cases]
    for (args, code, words), r in zip(cases, outs, strict=True):
        assert r.returncode == code, (args, r.stdout, r.stderr)
        assert r.stdout == "", (args, r.stdout)
        said = " ".join(r.stderr.split())
        for w in words:
            assert w in said, (args, w, r.stderr)
    assert counts(container) == before
    with container.engine.connect() as conn:
        assert conn.execute(select(t.systems.c.key)).scalars().all() == ["erp"]
        assert conn.execute(select(t.consents.c.id)).all() == []

    retired = ok(settings, "system", "retire", "erp")
    assert "system erp retired" in retired
    d = json.loads(ok(settings, "decide", sid, "after_sales", "--target-system", "erp", "--json"))
    assert (d["outcome"], [x["code"] for x in d["reasons"]]) == ("denied", ["system_not_approved"])
