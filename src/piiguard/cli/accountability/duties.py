"""`piiguard duties ...`: the duties that follow from the number of people held (R10.2;
docs/accountability.md) — the count, the compliance-audit duty (CAC Measures of 2025,
Art. 4: more than 10 million people, every two years) and the PI-protection-officer duty
(Art. 5, PIPL Art. 52: 1 million or more), when the next audit is due; record an audit."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import open_container, out, print_table, refusals

app = typer.Typer(
    help="Compliance-audit and PI-protection-officer duties by the number of people held "
    "(CAC Measures 2025, PIPL Art. 52, 54): the count, the duties, the audits recorded and "
    "the next due. 合规审计与个人信息保护负责人义务。",
    no_args_is_help=True,
)


@app.command("show")
def show() -> None:
    """The people held now, the duties, the last audit and when the next is due.
    显示义务。"""
    from piiguard.services.assessments import duties as du

    with open_container() as c:
        d, audits = du.current_duties(c.uow(readonly=True), c.clock)
    out.print(
        f"people held: {d.people:,}\n"
        "compliance audit: "
        + (
            "by law at least every two years (more than 10,000,000 people)"
            if d.audit_mandatory
            else "regular (PIPL Art. 54); piiguard counts two years"
        )
        + "\nPI protection officer: "
        + ("required (1,000,000 people or more)" if d.officer_required else "not yet required")
        + f"; privacy officers on the register: {d.officers}\n"
        + "last audit: "
        + (d.last_audit.audited_on.isoformat() if d.last_audit else "none recorded")
        + f"\nnext audit due: {d.next_audit_due.isoformat()}"
        + (" (overdue)" if d.audit_overdue else ""),
        markup=False,
    )
    if audits:
        print_table(
            ["id", "date", "auditor", "findings", "external"],
            [
                [a.id, a.audited_on.isoformat(), a.auditor, str(a.findings), str(a.external)]
                for a in audits
            ],
        )


@app.command("record-audit")
def record_audit(
    audited_on: Annotated[str, typer.Option(help="the audit report's date, YYYY-MM-DD")],
    auditor: Annotated[str, typer.Option(help="the internal team or the firm")],
    scope: Annotated[str, typer.Option(help="what the audit covered")],
    findings: Annotated[int, typer.Option(min=0, help="the number of findings")],
    external: Annotated[bool, typer.Option(help="by an external professional body")] = False,
) -> None:
    """Record a compliance audit carried out. 记录合规审计。"""
    from datetime import date

    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import duties as du

    try:
        day = date.fromisoformat(audited_on)
    except ValueError:
        raise typer.BadParameter(
            f"{audited_on!r}: use YYYY-MM-DD", param_hint="--audited-on"
        ) from None
    with open_container() as c, refusals():
        a = du.record_audit(
            c.uow(), c.clock, OPERATOR, du.AuditInput(day, auditor, scope, findings, external)
        )
    out.print(f"audit {a.id} of {a.audited_on.isoformat()} recorded")
