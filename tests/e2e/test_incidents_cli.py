"""`piiguard incident ...` and `piiguard vuln ...` in process (R5.8, R5.9): an incident
reported from the host with its clocks, a refusal naming the field, the officers' words kept
off the terminal, the report drafted and its submission recorded, who is affected from the
trail, closing refused to the one who handled it and done by a second officer; a pip-audit
report and `piiguard scan --format sarif`'s own report imported, deduplicated."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from piiguard.bootstrap import OPERATOR, Container
from piiguard.config import Settings
from piiguard.domain.decisions import Actor, ActorKind
from piiguard.domain.policy.datamap import Approval, System
from piiguard.services.incidents import register
from piiguard.services.policy.datamap import register_system
from tests.e2e.cli_runner import piiguard

pytestmark = [pytest.mark.req("R5.8")]
ALICE = Actor("alice", ActorKind.STAFF, frozenset({"privacy_officer"}))


def ok(settings: Settings, *args: str) -> str:
    r = piiguard(settings, *args)
    assert r.returncode == 0, (args, r.stdout, r.stderr)
    return r.stdout


def test_an_incident_from_the_command_line(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    c = container
    bad = piiguard(
        settings,
        "incident",
        "report",
        "--title",
        "x",
        "--description",
        "y",
        "--kind",
        "confidentiality",
        "--severity",
        "major",
        "--jurisdiction",
        "US",
    )
    assert bad.returncode == 1 and "(jurisdictions)" in bad.stderr
    out = ok(
        settings,
        "incident",
        "report",
        "--title",
        "Laptop of Wang Wei stolen",
        "--description",
        "Unencrypted laptop with the CRM export",
        "--kind",
        "confidentiality",
        "--severity",
        "relatively_major",
        "--jurisdiction",
        "CN",
        "--category",
        "user.contact.email",
        "--detected",
        (c.clock.now() - timedelta(hours=1)).isoformat(),
    )
    iid = out.splitlines()[0].strip()
    assert "clock cac: due" in out and "clock pipl_57_authority" in out
    listed = ok(settings, "incident", "list")
    assert iid in listed and "relatively_major" in listed and "cac" in listed
    assert "Wang Wei" not in listed  # the officers' words stay off the terminal
    shown = ok(settings, "incident", "show", iid)
    assert "cac" in shown and "Wang Wei" not in shown and "Unencrypted" not in shown
    bad = piiguard(settings, "incident", "people", iid, "--subject", "nobody")
    assert bad.returncode == 1 and "(subject_ids)" in bad.stderr
    draft = json.loads(ok(settings, "incident", "draft", iid, "cac"))
    assert "preliminary_cause" in draft
    fields = tmp_path / "fields.json"
    fields.write_text(json.dumps({"trend": "contained"}), "utf-8")
    sub = ok(
        settings,
        "incident",
        "submit",
        iid,
        "cac",
        "--to",
        "广东省网信办",
        "--reference",
        "GD-2026-1",
        "--fields",
        str(fields),
    )
    assert "cac submitted" in sub and "LATE" not in sub
    assert "OVERDUE" not in ok(settings, "incident", "show", iid)
    for stage in ("containment", "recovery"):
        ok(settings, "incident", "timeline", iid, "--stage", stage, "--note", "done")
    ok(
        settings,
        "incident",
        "review",
        iid,
        "--root-cause",
        "no disk encryption",
        "--lessons",
        "encrypt",
    )
    refused = piiguard(settings, "incident", "close", iid)  # the operator handled it
    assert refused.returncode == 1 and "four eyes" in refused.stderr
    register.close_incident(c.security_uow(), c.clock, ALICE, iid, True, "")
    assert "closed" in ok(settings, "incident", "show", iid)
    obligations = ok(settings, "incident", "obligations")
    assert "cac_cii" in obligations and "GDPR" in obligations and "第五十七条" in obligations


@pytest.mark.req("R5.9")
def test_vulnerabilities_from_the_command_line(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    c = container
    register_system(
        c.uow(),
        c.snapshots,
        c.clock,
        OPERATOR,
        System("backend", "Backend", "it", "app", "CN", Approval.APPROVED),
    )
    report = tmp_path / "pip-audit.json"
    report.write_text(
        json.dumps(
            {
                "dependencies": [
                    {
                        "name": "urllib3",
                        "version": "2.2.1",
                        "vulns": [
                            {
                                "id": "GHSA-34jh-p97f-mpxf",
                                "aliases": ["CVE-2024-37891"],
                                "fix_versions": ["2.2.2"],
                            }
                        ],
                    }
                ]
            }
        ),
        "utf-8",
    )
    args = (
        "vuln",
        "import",
        str(report),
        "--format",
        "pip-audit",
        "--system",
        "backend",
        "--owner",
        "platform",
    )
    assert "1 new" in ok(settings, *args)
    assert "1 seen again" in ok(settings, *args)
    bad = piiguard(
        settings,
        "vuln",
        "import",
        str(report),
        "--format",
        "csv",
        "--system",
        "backend",
        "--owner",
        "x",
    )
    assert bad.returncode == 1 and "(format)" in bad.stderr
    # piiguard's own scan, as SARIF, filed against the system it scanned
    data = tmp_path / "share"
    data.mkdir()
    (data / "list.txt").write_text("王芳 13812345678\n", "utf-8")
    sarif = tmp_path / "scan.sarif"
    scan = piiguard(settings, "scan", str(data), "--format", "sarif", "-o", str(sarif))
    assert scan.returncode == 1, scan.stderr
    got = ok(
        settings,
        "vuln",
        "import",
        str(sarif),
        "--format",
        "sarif",
        "--system",
        "backend",
        "--owner",
        "it",
    )
    assert "new" in got
    listed = ok(settings, "vuln", "list")
    assert "GHSA-34jh-p97f-mpxf" in listed and "piiguard-scan:" in listed
    assert "13812345678" not in listed
    vid = next(line.split()[1] for line in listed.splitlines() if "GHSA-34jh" in line)
    assert "in_progress" in ok(settings, "vuln", "set", vid, "--status", "in_progress")
    refused = piiguard(settings, "vuln", "set", vid, "--status", "accepted_risk")
    assert refused.returncode == 1 and "accept-risk" in refused.stderr
    ok(settings, "vuln", "accept-risk", vid, "--reason", "not reachable from outside")
    own = piiguard(settings, "vuln", "approve-risk", vid)
    assert own.returncode == 1 and "four eyes" in own.stderr
