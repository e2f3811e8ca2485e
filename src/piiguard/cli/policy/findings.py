"""`piiguard finding ...`: findings (R2.7) — expired or unregistered exports, data where the
data map does not say it is (the scanner): list, assign, fix, accept the risk, reopen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import fail, open_container, out, print_table, refusals
from piiguard.domain.policy.datamap import FindingStatus

if TYPE_CHECKING:
    from piiguard.domain.policy.datamap import Finding

app = typer.Typer(
    help="Findings (R2.7): expired or unregistered exports, data where the data map does not "
    "say it is (the scanner). Open, assigned, fixed, or accepted with a reason. 发现项。",
    no_args_is_help=True,
)


def print_findings(found: list[Finding]) -> None:
    """The findings as a table (`finding list`, `export review`)."""
    # the source (export:ID, a file path) is copied into other commands: never cut either
    print_table(
        ("finding", "source", "status", "kind", "category", "assignee", "reason", "detail"),
        [
            (
                f.id,
                f.source,
                f.status.value,
                f.kind,
                f.category,
                f.assignee or "",
                f.reason or "",
                f.detail,
            )
            for f in found
        ],
        whole=2,
    )


@app.command("list")
def finding_list(
    status: Annotated[
        FindingStatus | None, typer.Option(help="only findings in this state")
    ] = None,
) -> None:
    """Findings with their state, source, assignee and (accepted risk) reason.
    列出发现项。"""
    from piiguard.services.policy import datamap

    with open_container() as c:
        found = datamap.list_findings(c.uow(), status)
    print_findings(found)


def _move(
    finding_id: str, to: FindingStatus, *, assignee: str | None = None, reason: str | None = None
) -> Finding:
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import datamap

    with open_container() as c, refusals():
        return datamap.update_finding(
            c.uow(), c.clock, OPERATOR, finding_id, to, assignee=assignee, reason=reason
        )


@app.command("assign")
def finding_assign(
    finding_id: str, to: Annotated[str, typer.Option(help="who fixes it: a staff id or a team")]
) -> None:
    """Assign a finding to someone. 分派发现项。"""
    f = _move(finding_id, FindingStatus.ASSIGNED, assignee=to)
    out.print(f"finding {f.id} assigned to {f.assignee}")


@app.command("fix")
def finding_fix(finding_id: str) -> None:
    """Mark a finding fixed; it reopens if it shows up again. 标记已修复。"""
    f = _move(finding_id, FindingStatus.FIXED)
    out.print(f"finding {f.id} fixed")


@app.command("accept")
def finding_accept(
    finding_id: str,
    reason: Annotated[str | None, typer.Option(help="why the risk is accepted (required)")] = None,
) -> None:
    """Accept a finding's risk, with the reason. 接受风险（须说明理由）。"""
    from piiguard.domain.errors import InvalidInput

    if not (reason or "").strip():
        raise fail(
            InvalidInput(
                "accepting a risk needs a reason: give it with --reason TEXT", field="reason"
            )
        )
    f = _move(finding_id, FindingStatus.ACCEPTED_RISK, reason=reason)
    out.print(f"finding {f.id} accepted: {f.reason}", soft_wrap=True)


@app.command("reopen")
def finding_reopen(finding_id: str) -> None:
    """Reopen a finding (assigned, fixed or accepted). 重新打开发现项。"""
    f = _move(finding_id, FindingStatus.OPEN)
    out.print(f"finding {f.id} reopened")
