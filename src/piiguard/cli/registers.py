"""More purpose-limitation commands (issue 3), next to cli/policy.py's: what the person
decided beyond consent (restriction, objection — R4.2), children and their guardians (R6.1),
the company's data categories (R2.1), exports out of a system and the findings they open
(R2.7).

Each command calls the same service as its web route, as the local operator, with the
helpers of cli/common.py: `open_container()`, `fail()`, `print_table()` (ids never cut),
`parse_when()`.
`register(app)` adds them to the `piiguard` command (cli/main.py).
"""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.bootstrap import OPERATOR
from piiguard.cli.common import err, fail, fmt_at, open_container, out, parse_when, print_table
from piiguard.domain.consent import RestrictionKind
from piiguard.domain.errors import DomainError, InvalidInput
from piiguard.domain.policy.datamap import Finding, FindingStatus
from piiguard.domain.taxonomy import Category, Lookup, Tier
from piiguard.services.policy import consents, datamap
from piiguard.services.policy import snapshot as policy

processing_app = typer.Typer(
    help="What the person asked of their data's processing (R4.2): restrict it (for every "
         "purpose, or one), object to a purpose, lift either. The next decision already "
         "follows it. 限制或拒绝处理。", no_args_is_help=True)
guardian_app = typer.Typer(
    help="A child's guardians (R6.1): link a guardian (a subject) to a child, then verify the "
         "link; only a verified guardian's consent counts. 监护人。", no_args_is_help=True)
category_app = typer.Typer(
    help="The company's own data categories (R2.1), each under an existing one and never "
         "weaker than it: add, retire. 公司数据类别。", no_args_is_help=True)
export_app = typer.Typer(
    help="Exports of personal data out of a system (R2.7): who gets what, for which purpose, "
         "until when. An expired export becomes a finding. 数据导出登记。",
    no_args_is_help=True)
finding_app = typer.Typer(
    help="Findings (R2.7): expired or unregistered exports, data where the data map does not "
         "say it is (the scanner). Open, assigned, fixed, or accepted with a reason. 发现项。",
    no_args_is_help=True)


# --- restriction and objection -------------------------------------------------------------

def _restrict(subject_id: str, kind: RestrictionKind, purpose: str | None) -> None:
    c = open_container()
    try:
        r = consents.restrict_processing(c.uow(), c.snapshots, c.clock, OPERATOR, subject_id,
                                         kind, purpose)
    except DomainError as exc:
        raise fail(exc) from None
    scope = f"purpose {r.purpose}" if r.purpose else "every purpose"
    err.print(f"{r.kind} recorded for {subject_id} ({scope}); lift it with "
              f"piiguard processing lift {subject_id} {r.id}", soft_wrap=True)
    typer.echo(r.id)


@processing_app.command("restrict")
def processing_restrict(
    subject_id: str,
    purpose: Annotated[str | None, typer.Option(
        help="restrict this purpose only; default: every purpose")] = None,
) -> None:
    """Restrict processing of a subject's data (every purpose, or one); prints the
    restriction id. 限制处理。"""
    _restrict(subject_id, RestrictionKind.RESTRICTION, purpose)


@processing_app.command("object")
def processing_object(
    subject_id: str,
    purpose: Annotated[str, typer.Argument(help="the purpose objected to, e.g. "
                                                "consultation_recommendation")],
) -> None:
    """Record the subject's objection to a purpose; prints its id. 拒绝某一用途的处理。"""
    _restrict(subject_id, RestrictionKind.OBJECTION, purpose)


@processing_app.command("list")
def processing_list(subject_id: str) -> None:
    """A subject's restrictions and objections, in force and lifted. 列出限制与拒绝。"""
    c = open_container()
    try:
        found = consents.list_restrictions(c.uow(), OPERATOR, subject_id)
    except DomainError as exc:
        raise fail(exc) from None
    print_table(("restriction", "kind", "purpose", "since (UTC)", "lifted (UTC)"),
           [(r.id, r.kind.value, r.purpose or "(every purpose)", fmt_at(r.since),
             fmt_at(r.lifted_at)) for r in found])


@processing_app.command("lift")
def processing_lift(subject_id: str, restriction_id: str) -> None:
    """Lift a restriction or an objection: the next decision no longer refuses for it.
    解除限制或拒绝。"""
    c = open_container()
    try:
        consents.lift_restriction(c.uow(), c.clock, OPERATOR, subject_id, restriction_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"restriction {restriction_id} lifted")


# --- children and guardians ----------------------------------------------------------------

@guardian_app.command("link")
def guardian_link(child_id: str, guardian_id: str) -> None:
    """Link a guardian (a subject) to a child. It counts only once verified. 关联监护人。"""
    c = open_container()
    try:
        consents.link_guardian(c.uow(), c.clock, OPERATOR, child_id, guardian_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"guardian {guardian_id} linked to {child_id}, not yet verified: "
              f"piiguard guardian verify {child_id} {guardian_id}", soft_wrap=True)


@guardian_app.command("verify")
def guardian_verify(child_id: str, guardian_id: str) -> None:
    """Confirm, as staff, that the guardian is the child's (household register, birth
    certificate): from now on their guardian consent counts. 核验监护关系。"""
    c = open_container()
    try:
        consents.verify_guardian(c.uow(), c.clock, OPERATOR, child_id, guardian_id)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"guardian {guardian_id} of {child_id} verified", soft_wrap=True)


def minor(
    subject_id: str,
    is_minor: Annotated[bool, typer.Option(
        "--yes/--no", help="--yes: a minor (needs a guardian's consent); --no: not one")],
) -> None:
    """Declare a subject a minor (or not) when no date of birth says so. 声明未成年人。"""
    c = open_container()
    try:
        consents.declare_minor(c.uow(), OPERATOR, subject_id, is_minor)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"{subject_id} declared {'a minor' if is_minor else 'not a minor'}")


# --- company categories --------------------------------------------------------------------

@category_app.command("add")
def category_add(
    key: Annotated[str, typer.Argument(
        help="dotted, under an existing category, e.g. user.contact.wechat_id")],
    name: Annotated[str, typer.Option(help="name in English")],
    name_zh: Annotated[str, typer.Option(help="name in Chinese")],
    tier: Annotated[Tier | None, typer.Option(
        help="sensitivity; default: its parent's (never weaker)")] = None,
    lookup: Annotated[Lookup, typer.Option(
        help="how values are normalised for look-up")] = Lookup.NONE,
    description: Annotated[str, typer.Option(help="what it covers")] = "",
) -> None:
    """Add a company data category under an existing one. 新增公司数据类别。"""
    c = open_container()
    try:
        cat = policy.add_category(c.uow(), c.snapshots, c.clock, OPERATOR, Category(
            key, name, name_zh, tier or Tier.ORDINARY, description, lookup,
            origin="company"))
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"category {cat.key} added ({cat.tier})")


@category_app.command("retire")
def category_retire(key: str) -> None:
    """Retire a company category: deleted when no data has it, otherwise deprecated (kept
    for the data that has it, refused for new data). 停用公司数据类别。"""
    c = open_container()
    try:
        outcome = policy.retire_category(c.uow(), c.snapshots, c.clock, OPERATOR, key)
    except DomainError as exc:
        raise fail(exc) from None
    out.print(f"category {key} {outcome}")


# --- exports -------------------------------------------------------------------------------

@export_app.command("add")
def export_add(
    system: Annotated[str, typer.Option(help="the data map's system it leaves, e.g. crm")],
    recipient: Annotated[str, typer.Option(help="who receives it")],
    purpose: Annotated[str, typer.Option(help="the purpose it serves, e.g. after_sales")],
    expires: Annotated[str, typer.Option(
        help="when the copy must be gone, YYYY-MM-DD[THH:MM][+08:00]")],
    category: Annotated[list[str] | None, typer.Option(
        help="a data category exported, repeatable (user.contact.email)")] = None,
) -> None:
    """Register an export of personal data; prints its id. 登记数据导出。"""
    until = parse_when(expires, "--expires")
    c = open_container()
    try:
        if not category:
            raise InvalidInput("name the categories exported with --category, one each",
                               field="categories")
        e = datamap.register_export(c.uow(), c.snapshots, c.clock, OPERATOR, system,
                                    recipient, frozenset(category), purpose, until)
    except DomainError as exc:
        raise fail(exc) from None
    err.print(f"export from {e.system} to {e.recipient} for {e.purpose} registered, expires "
              f"{fmt_at(e.expires_at)} UTC", soft_wrap=True)
    typer.echo(e.id)


@export_app.command("list")
def export_list() -> None:
    """Registered exports: system, recipient, categories, purpose, expiry. 列出数据导出。"""
    c = open_container()
    now = c.clock.now()
    print_table(("export", "system", "recipient", "categories", "purpose", "expires (UTC)",
            "expired", "by"),
           [(e.id, e.system, e.recipient, ", ".join(sorted(e.categories)), e.purpose,
             fmt_at(e.expires_at), "yes" if e.expired(now) else "no", e.requested_by)
            for e in datamap.list_exports(c.uow())])


def _findings(found: list[Finding]) -> None:
    # the source (export:ID, a file path) is copied into other commands: never cut either
    print_table(("finding", "source", "status", "kind", "category", "assignee", "reason",
            "detail"),
           [(f.id, f.source, f.status.value, f.kind, f.category, f.assignee or "",
             f.reason or "", f.detail) for f in found], whole=2)


@export_app.command("review")
def export_review() -> None:
    """Open a finding for every expired export (the copy should be gone) and print the
    findings opened. 检查过期导出。"""
    c = open_container()
    opened = datamap.review_exports(c.uow(), c.clock, OPERATOR)
    out.print(f"{len(opened)} finding(s) opened")
    if opened:
        _findings(opened)


# --- findings ------------------------------------------------------------------------------

@finding_app.command("list")
def finding_list(status: Annotated[FindingStatus | None, typer.Option(
        help="only findings in this state")] = None) -> None:
    """Findings with their state, source, assignee and (accepted risk) reason.
    列出发现项。"""
    c = open_container()
    _findings(datamap.list_findings(c.uow(), status))


def _move(finding_id: str, to: FindingStatus, *, assignee: str | None = None,
          reason: str | None = None) -> Finding:
    c = open_container()
    try:
        return datamap.update_finding(c.uow(), c.clock, OPERATOR, finding_id, to,
                                      assignee=assignee, reason=reason)
    except DomainError as exc:
        raise fail(exc) from None


@finding_app.command("assign")
def finding_assign(finding_id: str, to: Annotated[str, typer.Option(
        help="who fixes it: a staff id or a team")]) -> None:
    """Assign a finding to someone. 分派发现项。"""
    f = _move(finding_id, FindingStatus.ASSIGNED, assignee=to)
    out.print(f"finding {f.id} assigned to {f.assignee}")


@finding_app.command("fix")
def finding_fix(finding_id: str) -> None:
    """Mark a finding fixed; it reopens if it shows up again. 标记已修复。"""
    f = _move(finding_id, FindingStatus.FIXED)
    out.print(f"finding {f.id} fixed")


@finding_app.command("accept")
def finding_accept(finding_id: str, reason: Annotated[str | None, typer.Option(
        help="why the risk is accepted (required)")] = None) -> None:
    """Accept a finding's risk, with the reason. 接受风险（须说明理由）。"""
    if not (reason or "").strip():
        raise fail(InvalidInput("accepting a risk needs a reason: give it with "
                                 "--reason TEXT", field="reason"))
    f = _move(finding_id, FindingStatus.ACCEPTED_RISK, reason=reason)
    out.print(f"finding {f.id} accepted: {f.reason}", soft_wrap=True)


@finding_app.command("reopen")
def finding_reopen(finding_id: str) -> None:
    """Reopen a finding (assigned, fixed or accepted). 重新打开发现项。"""
    f = _move(finding_id, FindingStatus.OPEN)
    out.print(f"finding {f.id} reopened")


def register(app: typer.Typer) -> None:
    """Add these groups and `minor` to `app`."""
    app.add_typer(processing_app, name="processing")
    app.add_typer(guardian_app, name="guardian")
    app.add_typer(category_app, name="category")
    app.add_typer(export_app, name="export")
    app.add_typer(finding_app, name="finding")
    app.command("minor")(minor)
