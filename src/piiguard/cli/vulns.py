"""`piiguard vuln ...`: vulnerabilities tracked until repaired (R5.9) — record one, list the
register (overdue first), move it (a fix verified by someone else), accept a risk (a reason,
another officer's approval), and file a scanner's report in bulk: pip-audit JSON or SARIF
(`piiguard scan --format sarif` included), deduplicated by identifier + system."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import fmt_at, open_container, out, parse_when, print_table, refusals
from piiguard.domain.incidents.vulns import VulnSeverity, VulnSource, VulnStatus

app = typer.Typer(
    help="Vulnerabilities (R5.9): the register with remediation deadlines by severity, "
    "accepted risks (four eyes), pip-audit and SARIF imports. 漏洞登记与修复期限。",
    no_args_is_help=True,
)


@app.command("add")
def add(
    identifier: Annotated[str, typer.Option(help="CVE / GHSA / OSV id, or tool:rule")],
    system: Annotated[str, typer.Option(help="the affected system (data map)")],
    title: Annotated[str, typer.Option()],
    owner: Annotated[str, typer.Option(help="who repairs it")],
    source: Annotated[VulnSource, typer.Option()] = VulnSource.REPORT,
    severity: Annotated[VulnSeverity | None, typer.Option(help="default: from --cvss")] = None,
    cvss: Annotated[float | None, typer.Option(help="CVSS base score 0.0–10.0")] = None,
    found: Annotated[str | None, typer.Option(help="when found, ISO; default now")] = None,
) -> None:
    """Record a vulnerability; prints its id and its remediation deadline. 登记漏洞。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vulns

    with open_container() as c, refusals():
        f = vulns.VulnFacts(
            identifier,
            system,
            title,
            source,
            owner,
            severity,
            cvss,
            parse_when(found, "--found") if found else None,
        )
        v = vulns.record_vuln(
            c.security_uow(), c.snapshots, c.clock, OPERATOR, f, c.security.vuln_days
        )
    typer.echo(v.id)
    out.print(f"{v.severity.value}: repair by {fmt_at(v.due_at)} UTC")


@app.command("list")
def list_(
    status: Annotated[VulnStatus | None, typer.Option()] = None,
    system: Annotated[str | None, typer.Option()] = None,
    overdue: Annotated[bool, typer.Option(help="only those past their deadline")] = False,
) -> None:
    """The register, earliest deadline first."""
    from piiguard.services.incidents import vulns

    with open_container() as c:
        now = c.clock.now()
        found = (
            vulns.overdue_vulns(c.security_uow(readonly=True), now)
            if overdue
            else vulns.list_vulns(
                c.security_uow(readonly=True), (status,) if status else (), 5000, system
            )
        )
    rows = [
        [
            v.id,
            v.identifier,
            v.system,
            v.severity.value,
            v.status.value,
            fmt_at(v.due_at) + (" OVERDUE" if v.overdue(now) else ""),
            v.owner,
        ]
        for v in found
    ]
    print_table(
        ["id", "identifier", "system", "severity", "status", "due (UTC)", "owner"], rows, whole=2
    )


@app.command("set")
def set_(
    vuln_id: str,
    status: Annotated[
        VulnStatus | None, typer.Option(help="open, in_progress, fixed, verified")
    ] = None,
    owner: Annotated[str | None, typer.Option()] = None,
    severity: Annotated[VulnSeverity | None, typer.Option(help="the deadline follows")] = None,
) -> None:
    """Move a vulnerability or change its owner or severity. A fix is verified by someone
    other than who marked it fixed. 更新漏洞状态。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vulns

    with open_container() as c, refusals():
        v = vulns.update_vuln(
            c.security_uow(),
            c.clock,
            OPERATOR,
            vuln_id,
            status=status,
            owner=owner,
            severity=severity,
            days=c.security.vuln_days,
        )
    out.print(f"{v.identifier} on {v.system}: {v.status.value}, due {fmt_at(v.due_at)} UTC")


@app.command("accept-risk")
def accept_risk(
    vuln_id: str,
    reason: Annotated[str, typer.Option(help="why the risk is accepted rather than repaired")],
    until: Annotated[str | None, typer.Option(help="looked at again then, YYYY-MM-DD")] = None,
) -> None:
    """Propose accepting the risk; another privacy officer approves (console or API).
    申请接受风险。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vulns

    with open_container() as c, refusals():
        vulns.propose_risk(
            c.security_uow(),
            c.clock,
            OPERATOR,
            vuln_id,
            reason,
            parse_when(until, "--until") if until else None,
        )
    out.print(f"accepting the risk of {vuln_id} proposed; another privacy officer approves")


@app.command("approve-risk")
def approve_risk(vuln_id: str) -> None:
    """Approve a proposed accepted risk (never by its proposer). 批准接受风险。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vulns

    with open_container() as c, refusals():
        vulns.decide_risk(c.security_uow(), c.clock, OPERATOR, vuln_id, True)
    out.print(f"risk of {vuln_id} accepted")


@app.command("reject-risk")
def reject_risk(vuln_id: str, note: Annotated[str, typer.Option(help="why")]) -> None:
    """Refuse accepting the risk: it is open again. 驳回。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vulns

    with open_container() as c, refusals():
        vulns.decide_risk(c.security_uow(), c.clock, OPERATOR, vuln_id, False, note)
    out.print(f"{vuln_id} is open again")


@app.command("import")
def import_(
    report: Annotated[
        Path, typer.Argument(help="the tool's JSON output", exists=True, dir_okay=False)
    ],
    format_: Annotated[str, typer.Option("--format", help="pip-audit or sarif")],
    system: Annotated[str, typer.Option(help="the system the report is about (data map)")],
    owner: Annotated[str, typer.Option(help="who repairs what it finds")],
    default_severity: Annotated[
        VulnSeverity, typer.Option(help="for findings the report gives no severity")
    ] = VulnSeverity.HIGH,
) -> None:
    """File a scanner's report: new findings recorded, known ones seen again, fixed ones
    reported again reopened. A SARIF result's message is never kept. 导入扫描报告。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import vuln_import

    with open_container() as c, refusals():
        r = vuln_import.import_report(
            c.security_uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            format_,
            report.read_bytes(),
            system,
            owner,
            c.security.vuln_days,
            default_severity,
        )
    out.print(
        f"{r.findings} findings: {r.new} new, {r.seen_again} seen again, {r.reopened} reopened"
    )
