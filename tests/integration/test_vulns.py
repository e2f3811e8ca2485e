"""The vulnerability register (R5.9), on SQLite and PostgreSQL: deadlines by severity,
pip-audit and SARIF reports filed in bulk and deduplicated by identifier + system (the
SARIF of `piiguard scan` itself, found values never kept), a repair verified by another
person, an accepted risk approved by another privacy officer (four eyes), overdue ones
escalated to the officers once."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from piiguard.adapters.db import tables as t
from piiguard.bootstrap import OPERATOR, Container
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.errors import Conflict, Forbidden, InvalidInput
from piiguard.domain.incidents.vulns import VulnSeverity, VulnSource, VulnStatus
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.incidents import vuln_import, vulns
from piiguard.services.incidents.vulns import VulnFacts
from piiguard.services.policy.datamap import register_system
from tests.mailserver import SmtpSink

pytestmark = pytest.mark.req("R5.9")

ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))
BOB = Actor("bob", ActorKind.STAFF, frozenset({"privacy_officer"}))
ADMIN = Actor("ada", ActorKind.STAFF, frozenset({"admin"}))
CI = Actor("ci-client", ActorKind.SYSTEM, frozenset({"system"}))

# pip-audit 2.x `pip-audit -f json` output (its shape, two dependencies, three findings)
PIP_AUDIT = {
    "dependencies": [
        {
            "name": "jinja2",
            "version": "3.1.2",
            "vulns": [
                {
                    "id": "GHSA-h5c8-rqwp-cp95",
                    "fix_versions": ["3.1.3"],
                    "aliases": ["CVE-2024-22195"],
                    "description": "xmlattr filter allows keys with spaces",
                },
                {
                    "id": "GHSA-h75v-3vvj-5mfj",
                    "fix_versions": ["3.1.4"],
                    "aliases": ["CVE-2024-34064"],
                    "description": "xmlattr filter allows non-attribute characters",
                },
            ],
        },
        {"name": "requests", "version": "2.32.3", "vulns": []},
        {
            "name": "urllib3",
            "version": "2.2.1",
            "vulns": [
                {
                    "id": "GHSA-34jh-p97f-mpxf",
                    "fix_versions": ["2.2.2"],
                    "aliases": ["CVE-2024-37891"],
                    "description": "Proxy-Authorization header kept on cross-origin redirects",
                }
            ],
        },
    ],
    "fixes": [],
}


def add_system(c: Container, key: str = "website") -> str:
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System(key, key.title(), "it", key, "CN", Approval.APPROVED),
    )
    return key


def record(c: Container, **kw: object) -> str:
    base: dict[str, object] = {
        "identifier": "CVE-2024-3094",
        "system": add_system(c),
        "title": "xz backdoor",
        "source": VulnSource.ADVISORY,
        "owner": "platform team",
        "cvss": 10.0,
    }
    base.update(kw)
    f = VulnFacts(**base)  # type: ignore[arg-type]
    return vulns.record_vuln(
        c.security_uow(), c.snapshots, c.clock, ADMIN, f, c.security.vuln_days
    ).id


def get(c: Container, vid: str) -> vulns.Vulnerability:
    with c.security_uow(readonly=True) as u:
        return vulns.get_vuln(u, vid)


def test_the_deadline_follows_the_severity(container: Container) -> None:
    c = container
    v = get(c, record(c))
    assert v.severity is VulnSeverity.CRITICAL and v.due_at - v.found_at == timedelta(days=7)
    high = get(c, record(c, identifier="CVE-2024-1", cvss=7.5))
    assert high.severity is VulnSeverity.HIGH and high.due_at - high.found_at == timedelta(days=30)
    with pytest.raises(Conflict):  # one per identifier and system
        record(c)
    with pytest.raises(InvalidInput):
        record(c, identifier="CVE-2024-2", cvss=None)  # neither severity nor score
    with pytest.raises(InvalidInput):
        record(c, identifier="bad id with spaces")


def test_pip_audit_report_filed_and_deduplicated(container: Container) -> None:
    c = container
    system = add_system(c)
    text = json.dumps(PIP_AUDIT)
    first = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        CI,
        "pip-audit",
        text,
        system,
        "backend",
        c.security.vuln_days,
    )
    assert (first.findings, first.new, first.seen_again) == (3, 3, 0)
    again = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        CI,
        "pip-audit",
        text,
        system,
        "backend",
        c.security.vuln_days,
    )
    assert (again.new, again.seen_again) == (0, 3) and set(again.ids) == set(first.ids)
    found = vulns.list_vulns(c.security_uow())
    assert len(found) == 3
    jinja = next(v for v in found if v.identifier == "GHSA-h5c8-rqwp-cp95")
    assert jinja.component == "jinja2==3.1.2" and "CVE-2024-22195" in jinja.aliases
    assert jinja.severity is VulnSeverity.HIGH  # pip-audit gives none: the import's default
    # fixed, then reported again by the next scan: reopened with a fresh deadline
    vulns.update_vuln(c.security_uow(), c.clock, ADMIN, jinja.id, status=VulnStatus.FIXED)
    c.clock.advance(timedelta(days=1))
    third = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        CI,
        "pip-audit",
        text,
        system,
        "backend",
        c.security.vuln_days,
    )
    assert third.reopened == 1 and get(c, jinja.id).status is VulnStatus.OPEN
    with pytest.raises(InvalidInput) as e:
        vuln_import.import_report(
            c.security_uow(),
            c.snapshots,
            c.clock,
            CI,
            "pip-audit",
            "{nope",
            system,
            "x",
            c.security.vuln_days,
        )
    assert e.value.field == "report"
    assert len(vulns.list_vulns(c.security_uow())) == 3  # nothing half-written


def test_piiguard_scans_own_sarif_filed_without_the_values_found(
    container: Container, tmp_path: Path
) -> None:
    from piiguard.cli.main import app  # noqa: PLC0415

    c = container
    system = add_system(c, "fileshare")
    (tmp_path / "export.csv").write_text(
        "name,phone\n张伟,13812345678\n李娜,13987654321\n", encoding="utf-8"
    )
    out = tmp_path / "scan.sarif"
    result = CliRunner().invoke(
        app,
        [
            "scan",
            str(tmp_path / "export.csv"),
            "--format",
            "sarif",
            "--show-values",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output  # found
    sarif = out.read_text("utf-8")
    assert "13812345678" in sarif  # the scanner's own report holds the values ...
    got = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        ADMIN,
        "sarif",
        sarif,
        system,
        "it",
        c.security.vuln_days,
    )
    assert got.new >= 1
    again = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        ADMIN,
        "sarif",
        sarif,
        system,
        "it",
        c.security.vuln_days,
    )
    assert again.new == 0 and again.seen_again == got.new
    found = vulns.list_vulns(c.security_uow(), system=system)
    assert all(v.identifier.startswith("piiguard-scan:") for v in found)
    assert any(v.locations == 2 for v in found)  # both phone numbers, one finding
    with c.engine.connect() as conn:  # ... the register and its trail do not
        rows = " ".join(str(r) for r in conn.execute(select(t.vulnerabilities)))
        trail = " ".join(str(r) for r in conn.execute(select(t.audit_entries.c.details)))
    for value in ("13812345678", "13987654321", "张伟"):
        assert value not in rows and value not in trail


def test_other_tools_sarif_with_security_severity(container: Container) -> None:
    c = container
    system = add_system(c)
    sarif = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "CodeQL",
                        "rules": [
                            {
                                "id": "py/sql-injection",
                                "shortDescription": {"text": "SQL query built from user input"},
                                "properties": {"security-severity": "8.8"},
                            }
                        ],
                    }
                },
                "results": [
                    {
                        "ruleId": "py/sql-injection",
                        "level": "error",
                        "message": {"text": "secret=hunter2 flows into the query"},
                        "locations": [
                            {"physicalLocation": {"artifactLocation": {"uri": "app/db.py"}}}
                        ],
                    },
                    {"ruleId": "py/unused-import", "level": "note", "message": {"text": "x"}},
                ],
            }
        ],
    }
    got = vuln_import.import_report(
        c.security_uow(),
        c.snapshots,
        c.clock,
        ADMIN,
        "sarif",
        json.dumps(sarif),
        system,
        "web",
        c.security.vuln_days,
    )
    assert got.new == 2
    sql = next(v for v in vulns.list_vulns(c.security_uow()) if "sql" in v.identifier)
    assert sql.identifier == "CodeQL:py/sql-injection" and sql.cvss == 8.8
    assert sql.severity is VulnSeverity.HIGH and sql.component == "app/db.py"
    assert "hunter2" not in sql.title
    with pytest.raises(InvalidInput):
        vuln_import.import_report(
            c.security_uow(),
            c.snapshots,
            c.clock,
            ADMIN,
            "sarif",
            "[]",
            system,
            "web",
            c.security.vuln_days,
        )


def test_a_fix_is_verified_by_another_person(container: Container) -> None:
    c = container
    vid = record(c)
    vulns.update_vuln(c.security_uow(), c.clock, ADMIN, vid, status=VulnStatus.IN_PROGRESS)
    vulns.update_vuln(c.security_uow(), c.clock, ADMIN, vid, status=VulnStatus.FIXED)
    with pytest.raises(Forbidden):
        vulns.update_vuln(c.security_uow(), c.clock, ADMIN, vid, status=VulnStatus.VERIFIED)
    v = vulns.update_vuln(c.security_uow(), c.clock, ALICE, vid, status=VulnStatus.VERIFIED)
    assert v.status is VulnStatus.VERIFIED and v.verified_by == "staff:alice"
    with pytest.raises(Conflict):  # accepting a risk has its own steps
        vulns.update_vuln(c.security_uow(), c.clock, ALICE, vid, status=VulnStatus.ACCEPTED_RISK)


def test_accepting_a_risk_takes_a_reason_and_another_officer(container: Container) -> None:
    c = container
    vid = record(c)
    with pytest.raises(InvalidInput):
        vulns.propose_risk(c.security_uow(), c.clock, ALICE, vid, "  ", None)
    vulns.propose_risk(
        c.security_uow(),
        c.clock,
        ALICE,
        vid,
        "the host is isolated",
        c.clock.now() + timedelta(days=90),
    )
    with pytest.raises(Forbidden):
        vulns.decide_risk(c.security_uow(), c.clock, ALICE, vid, True)
    with pytest.raises(Forbidden):  # an administrator is no approver
        vulns.decide_risk(c.security_uow(), c.clock, ADMIN, vid, True)
    v = vulns.decide_risk(c.security_uow(), c.clock, BOB, vid, True)
    assert v.status is VulnStatus.ACCEPTED_RISK and v.risk_approved_by == "staff:bob"
    assert v.risk_reason == "the host is isolated"
    assert not v.overdue(c.clock.now() + timedelta(days=30))


def test_overdue_vulnerabilities_escalate_once(container: Container, mailbox: SmtpSink) -> None:
    c = container
    vid = record(c)
    assert vulns.escalation_pass(c.security_uow(), c.requests) == 0
    c.clock.advance(timedelta(days=7, minutes=1))
    assert [v.id for v in vulns.overdue_vulns(c.security_uow(), c.clock.now())] == [vid]
    assert vulns.escalation_pass(c.security_uow(), c.requests) == 1
    assert "OVERDUE" in str(mailbox.messages[-1]["Subject"])
    assert vulns.escalation_pass(c.security_uow(), c.requests) == 0
    # repaired, reported again: a new deadline, escalated again once that one passes
    vulns.update_vuln(c.security_uow(), c.clock, ADMIN, vid, status=VulnStatus.FIXED)
    vulns.update_vuln(c.security_uow(), c.clock, ALICE, vid, status=VulnStatus.OPEN)
    with c.security_uow() as u:
        v = vulns.get_vuln(u, vid)
        u.vulns.save_vuln(dataclasses.replace(v, due_at=c.clock.now() - timedelta(hours=2)))
        u.commit()
    assert vulns.escalation_pass(c.security_uow(), c.requests) == 1
    assert vulns.escalation_pass(c.security_uow(), c.requests) == 0
