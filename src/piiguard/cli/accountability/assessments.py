"""`piiguard assessment ...`: personal-information protection impact assessments (R10.4;
PIPL Art. 55–56, GB/T 39335-2020; docs/accountability.md) — the template, draft from a JSON
file of answers, submit, review, approve (an officer other than the author: the local
operator approves what someone else drafted on the console, and the other way round),
reject, withdraw, dispose after three years; the cases added per purpose. The answers never
go to the terminal (`show --answers-to FILE` writes them to an owner-only file): free text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import (
    err,
    fmt_at,
    open_container,
    out,
    print_table,
    read_json_arg,
    refusals,
)
from piiguard.domain.assessments.model import Case, Level, Status

app = typer.Typer(
    help="Impact assessments (R10.4, PIPL Art. 55-56): assessed, reviewed and approved by two "
    "privacy officers before sensitive data, automated decisions, shares or transfers abroad "
    "are processed; the decision point refuses what none covers. 个人信息保护影响评估。",
    no_args_is_help=True,
)
Many = list[str] | None


@app.command("template")
def template() -> None:
    """The questions every assessment answers, with where the law asks them; the keys are
    those of the answers file. 评估模板。"""
    from piiguard.domain.assessments.model import QUESTIONS

    for q in QUESTIONS:
        out.print(f"[bold]{q.key}[/bold] ({q.basis})\n  {q.en}\n  {q.zh}")
    out.print("cases: " + ", ".join(Case) + "\nlevels: " + ", ".join(Level))


@app.command("list")
def list_(
    status: Annotated[Status | None, typer.Option(help="only this status")] = None,
) -> None:
    """Assessments, newest first, with their risk and whether a review is due. 列出评估。"""
    from piiguard.services.assessments import register as reg

    with open_container() as c:
        views = reg.list_assessments(
            c.uow(readonly=True), c.snapshots, c.clock, (status,) if status else ()
        )
    if not views:
        out.print("no assessments")
        return
    print_table(
        ["id", "status", "cases", "purposes", "risk", "review due", "kept until"],
        [
            [
                v.assessment.id,
                v.assessment.status.value,
                ", ".join(sorted(v.assessment.scope.cases)),
                ", ".join(sorted(v.assessment.scope.purposes)),
                v.assessment.risk.value,
                "yes" if v.review_due else "no",
                v.assessment.keep_until().isoformat(),
            ]
            for v in views
        ],
    )


@app.command("show")
def show(
    assessment_id: str,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers-to",
            help="also write the answers and the review note to this file (owner-only, mode "
            "0600): free text that may name people never goes to the terminal",
        ),
    ] = None,
) -> None:
    """One assessment: scope, ratings, who wrote, reviewed and approved it. 查看评估。"""
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        v = reg.view_assessment(c.uow(readonly=True), c.snapshots, c.clock, assessment_id)
    a = v.assessment
    s = a.scope
    lines = [
        f"{a.id}  {a.status.value}  risk {a.risk.value} "
        f"(impact {a.impact.value}, likelihood {a.likelihood.value})",
        f"cases: {', '.join(sorted(s.cases))}",
        f"purposes: {', '.join(sorted(s.purposes))}",
        f"categories: {', '.join(sorted(s.categories))}",
        f"recipients: {', '.join(sorted(s.recipients)) or '-'}",
        f"systems: {', '.join(sorted(s.systems)) or '-'}",
        f"author: {a.author} {fmt_at(a.created_at)}",
        f"reviewer: {a.reviewer or '-'} {fmt_at(a.reviewed_at)}",
        f"approver: {a.approver or '-'} {fmt_at(a.decided_at)}",
        f"kept until: {a.keep_until().isoformat()}",
        "review due: "
        + ("yes" if v.review_due else "no")
        + (f" ({', '.join(v.changed)})" if v.changed else ""),
    ]
    out.print("\n".join(lines), soft_wrap=True, markup=False)
    if answers is not None:
        from piiguard.bootstrap.files import write_private

        parts = [f"[{key}]\n{text}\n" for key, text in a.answers.items()]
        parts += [f"[review]\n{a.review_note}\n"] if a.review_note else []
        write_private(answers, "\n".join(parts))
        err.print(f"answers written to {answers} (mode 0600)", soft_wrap=True)


@app.command("draft")
def draft(
    title: Annotated[
        str, typer.Option(help="what is assessed, e.g. 'After-sales data to Acme DE'")
    ],
    case: Annotated[list[Case], typer.Option(help="a case of PIPL Art. 55, repeatable")],
    purpose: Annotated[list[str], typer.Option(help="a purpose it covers, repeatable")],
    category: Annotated[list[str], typer.Option(help="a category (with its subtree), repeatable")],
    recipient: Annotated[Many, typer.Option(help="a recipient it covers, repeatable")] = None,
    system: Annotated[Many, typer.Option(help="a system abroad it covers, repeatable")] = None,
    answers: Annotated[
        Path | None,
        typer.Option(help="a UTF-8 JSON file {question key: answer} (`assessment template`)"),
    ] = None,
    impact: Annotated[Level, typer.Option(help="impact on the person")] = Level.MEDIUM,
    likelihood: Annotated[Level, typer.Option(help="likelihood of the risk")] = Level.MEDIUM,
) -> None:
    """Draft an assessment; prints its id. It covers nothing until another privacy officer
    approves it. 起草评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    given = reg.AssessmentInput(
        title,
        frozenset(c.value for c in case),
        frozenset(purpose),
        frozenset(category),
        frozenset(recipient or ()),
        frozenset(system or ()),
        _answers(answers),
        impact.value,
        likelihood.value,
    )
    with open_container() as c, refusals():
        a = reg.draft_assessment(c.uow(), c.snapshots, c.clock, OPERATOR, given)
    err.print(f"drafted by {a.author}; submit it with `piiguard assessment submit ID`")
    typer.echo(a.id)


def _answers(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    found = read_json_arg(path, "--answers")
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        raise typer.BadParameter("a JSON object of strings", param_hint="--answers")
    return {str(k): v for k, v in found.items()}


@app.command("submit")
def submit(assessment_id: str) -> None:
    """Submit a draft you wrote for review (every question answered). 提交审查。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        reg.submit_assessment(c.uow(), c.clock, OPERATOR, assessment_id)
    out.print(f"assessment {assessment_id} submitted: another privacy officer reviews it")


@app.command("review")
def review(
    assessment_id: str, opinion: Annotated[str, typer.Option(help="the review opinion")]
) -> None:
    """Record a review opinion on an assessment someone else wrote. 审查评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        reg.review_assessment(c.uow(), c.clock, OPERATOR, assessment_id, opinion)
    out.print(f"assessment {assessment_id} reviewed")


@app.command("approve")
def approve(
    assessment_id: str,
    note: Annotated[str, typer.Option(help="the approver's note")] = "",
    review_by: Annotated[str | None, typer.Option(help="next periodic review, YYYY-MM-DD")] = None,
) -> None:
    """Approve a reviewed assessment someone else wrote: it covers its scope at once.
    批准评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    day = _day(review_by, "--review-by") if review_by else None
    with open_container() as c, refusals():
        a = reg.approve_assessment(
            c.uow(), c.snapshots, c.clock, OPERATOR, assessment_id, note, day
        )
    out.print(f"assessment {a.id} approved; kept until {a.keep_until().isoformat()}")


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r}: use YYYY-MM-DD", param_hint=name) from None


@app.command("reject")
def reject(assessment_id: str, reason: Annotated[str, typer.Option(help="why")]) -> None:
    """Reject a submitted or reviewed assessment someone else wrote. 驳回评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        reg.reject_assessment(c.uow(), c.clock, OPERATOR, assessment_id, reason)
    out.print(f"assessment {assessment_id} rejected")


@app.command("withdraw")
def withdraw(assessment_id: str, reason: Annotated[str, typer.Option(help="why")]) -> None:
    """It covers nothing from now on; kept three years. 撤回评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        reg.withdraw_assessment(c.uow(), c.clock, OPERATOR, assessment_id, reason)
    out.print(f"assessment {assessment_id} withdrawn")


@app.command("dispose")
def dispose(assessment_id: str) -> None:
    """Delete a withdrawn or rejected assessment kept three years (refused before).
    销毁已过保存期的评估。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        reg.dispose_assessment(c.uow(), c.clock, OPERATOR, assessment_id)
    out.print(f"assessment {assessment_id} disposed of")


@app.command("cases")
def cases() -> None:
    """The cases officers added per purpose. 用途增加的评估情形。"""
    from piiguard.services.assessments import register as reg

    with open_container() as c:
        found = reg.designations(c.uow(readonly=True))
    if not found:
        out.print("no cases added")
        return
    print_table(["purpose", "case", "by", "at"], [[p, k.value, by, at] for p, k, by, at in found])


@app.command("designate")
def designate(
    purpose: str,
    case: Annotated[str, typer.Argument(help="automated_decision, disclose_public or other")],
) -> None:
    """Every use of PURPOSE needs an approved assessment of CASE from now on. 增加评估情形。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        added = reg.designate_case(c.uow(), c.snapshots, c.clock, OPERATOR, purpose, case)
    out.print(f"{purpose}: {case} " + ("added" if added else "was already there"))


@app.command("undesignate")
def undesignate(purpose: str, case: str) -> None:
    """Remove a case added for a purpose. 移除评估情形。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.assessments import register as reg

    with open_container() as c, refusals():
        removed = reg.undesignate_case(c.uow(), OPERATOR, purpose, case)
    out.print(f"{purpose}: {case} " + ("removed" if removed else "was not there"))
