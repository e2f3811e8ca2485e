"""`piiguard retention ...` and `piiguard hold ...`: the retention schedule (R2.11) — each
purpose's rule, category overrides, rules for piiguard's own records, legal minimums, the
schedule's history and reviews, an item's retain-until — and legal holds (four eyes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import fmt_at, open_container, out, parse_when, print_table, refusals
from piiguard.cli.policy import retention_disposal as disposal
from piiguard.cli.policy import upkeep
from piiguard.domain.retention.schedule import Anchor, HoldStatus, RecordType

if TYPE_CHECKING:
    from datetime import datetime

    from piiguard.domain.retention.schedule import LegalHold

app = typer.Typer(
    help="Retention and disposal (R2.11, R2.8, R6.3): the schedule, reviews, an item's "
    "retain-until, the disposal preview, batches and certificates, confirmation intervals "
    "and requests, a child's data found. 保存期限与销毁。",
    no_args_is_help=True,
)
hold_app = typer.Typer(
    help="Legal holds (R2.11): suspend disposal of what they cover; placed and lifted by two "
    "privacy officers. 法律保全（暂停销毁）。",
    no_args_is_help=True,
)
app.add_typer(hold_app, name="hold")
# the disposal side (cli/policy/retention_disposal.py) under the same group, as the issue
# names them: `piiguard retention preview --as-of DATE`, `batches`, `dispose BATCH` …
app.registered_commands += disposal.app.registered_commands
# kept up to date and a child's data found (cli/policy/upkeep.py): `piiguard retention
# confirm-interval …`, `confirmations`, `child-tasks`, `child-close`
app.registered_commands += upkeep.app.registered_commands
app.registered_groups += upkeep.app.registered_groups


def _days(days: int | None) -> str:
    return "permanent" if days is None else f"{days} d"


@app.command("rules")
def rules() -> None:
    """The schedule as it stands: each purpose's rule (stored, or the register's days from
    collection), the category overrides, the rules for piiguard's records, when the next
    review is due. 查看保存期限表。"""
    from piiguard.services.retention import schedule as sch

    with open_container() as c:
        v = sch.schedule_view(c.uow(readonly=True), box=c.requests.box)
    own = {r.purpose: r for r in v.rules if not r.category}
    rows = []
    for purpose, days in sorted(v.schedule.purpose_days.items()):
        r = own.get(purpose)
        rows.append(
            [
                purpose,
                "",
                f"{r.days if r else days} d",
                (r.anchor if r else Anchor.COLLECTED).value,
                "schedule" if r else "register",
                r.note if r else "",
            ]
        )
    rows += [
        [r.purpose, r.category, f"{r.days} d", r.anchor.value, "override", r.note]
        for r in v.rules
        if r.category
    ]
    rows += [
        [f"({r.record_type.value})", "", f"{r.days} d", r.anchor.value, "record", r.note]
        for r in v.record_rules
    ]
    out.print(f"schedule version {v.schedule.version}")
    print_table(["purpose", "category", "keep", "from", "source", "note"], rows, whole=2)
    due = fmt_at(v.next_review_due) if v.next_review_due else "now (never reviewed)"
    out.print(f"next review due: {due}")


@app.command("rule")
def rule(
    purpose: str,
    days: Annotated[int, typer.Option(help="how long to keep, in days")],
    category: Annotated[
        str, typer.Option(help="a category override under the purpose (with its subtree)")
    ] = "",
    anchor: Annotated[
        Anchor, typer.Option(help="the event the days count from")
    ] = Anchor.COLLECTED,
    note: Annotated[str, typer.Option(help="why (shown with the rule)")] = "",
) -> None:
    """Set a purpose's rule, or with --category an override under it: a new schedule
    version, audited. 设置保存期限规则。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.retention.schedule import RetentionRule
    from piiguard.services.retention import schedule as sch

    with open_container() as c, refusals():
        version = sch.save_rule(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            RetentionRule(purpose, category, days, anchor, note),
        )
    out.print(f"schedule version {version}: {purpose}/{category or '*'} {days} d from {anchor}")


@app.command("rule-remove")
def rule_remove(
    purpose: str,
    category: Annotated[str, typer.Option(help="the override's category")] = "",
) -> None:
    """Remove an override (or a purpose's own rule: the register's days apply again).
    删除保存期限规则。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import schedule as sch

    with open_container() as c, refusals():
        version = sch.remove_rule(c.uow(), c.clock, OPERATOR, purpose, category)
    out.print(f"schedule version {version}: {purpose}/{category or '*'} removed")


@app.command("record-rule")
def record_rule(
    record_type: RecordType,
    days: Annotated[int, typer.Option(help="how long to keep, in days")],
    anchor: Annotated[Anchor, typer.Option(help="the event the days count from")] = Anchor.RECEIVED,
    note: Annotated[str, typer.Option()] = "",
) -> None:
    """How long piiguard keeps its own records about people (request records, triage mail,
    packages, sealed notes). 设置 piiguard 自身记录的保存期限。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.retention.schedule import RecordRule
    from piiguard.services.retention import schedule as sch

    with open_container() as c, refusals():
        version = sch.save_record_rule(
            c.uow(), c.clock, OPERATOR, RecordRule(record_type, days, anchor, note)
        )
    out.print(f"schedule version {version}: {record_type} {days} d from {anchor}")


@app.command("minimums")
def minimums() -> None:
    """The legal minimums: what they keep, how long, under which legal source. 法定最短保存期限。"""
    from piiguard.services.retention import schedule as sch

    with open_container() as c:
        v = sch.schedule_view(c.uow(readonly=True), box=c.requests.box)
    print_table(
        ["key", "keep", "categories", "purposes", "active", "legal source"],
        [
            [
                m.key,
                _days(m.days),
                ", ".join(sorted(m.categories)),
                ", ".join(sorted(m.purposes)) or "any",
                "yes" if m.active else "no",
                m.legal_source,
            ]
            for m in v.minimums
        ],
    )


@app.command("minimum")
def minimum(
    key: str,
    en: Annotated[str, typer.Option(help="what it keeps, in English")],
    zh: Annotated[str, typer.Option(help="what it keeps, in Chinese")],
    source: Annotated[str, typer.Option(help="the legal source (law, article)")],
    category: Annotated[list[str], typer.Option(help="a category it keeps, repeatable")],
    days: Annotated[int | None, typer.Option(help="days; omit with --permanent")] = None,
    permanent: Annotated[bool, typer.Option(help="keep permanently")] = False,
    purpose: Annotated[
        list[str] | None, typer.Option(help="only for this purpose, repeatable")
    ] = None,
    anchor: Annotated[Anchor, typer.Option()] = Anchor.COLLECTED,
    inactive: Annotated[bool, typer.Option(help="record it without applying it")] = False,
) -> None:
    """Add or change a legal minimum. 设置法定最短保存期限。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.retention.schedule import LegalMinimum
    from piiguard.services.retention import schedule as sch

    if permanent == (days is not None):
        raise typer.BadParameter(
            "give --days or --permanent (one of them) / 请给出 --days 或 --permanent（二选一）",
            param_hint="--days",
        )
    m = LegalMinimum(
        key,
        en,
        zh,
        source,
        days,
        anchor,
        frozenset(category),
        frozenset(purpose or ()),
        not inactive,
    )
    with open_container() as c, refusals():
        version = sch.save_minimum(c.uow(), c.snapshots, c.clock, OPERATOR, m)
    out.print(f"schedule version {version}: legal minimum {key} {_days(days)}")


@app.command("history")
def history(limit: Annotated[int, typer.Option(min=1, max=1000)] = 50) -> None:
    """Every version of the schedule, newest first: what changed, who, when. 变更历史。"""
    from piiguard.services.retention import schedule as sch

    with open_container() as c:
        changes = sch.schedule_history(c.uow(readonly=True), limit)
    print_table(
        ["version", "when", "who", "what", "target"],
        [
            [
                str(ch.version),
                fmt_at(ch.changed_at),
                ch.changed_by,
                ch.kind + ("" if ch.definition else " (removed)"),
                ch.target,
            ]
            for ch in changes
        ],
    )


@app.command("review")
def review(
    changes: Annotated[str, typer.Option(help="what the review changed ('none' is an answer)")],
    interval_days: Annotated[int, typer.Option(help="the next review is due after")] = 365,
) -> None:
    """Record a review of the schedule; says when the next is due. 记录保存期限表的定期审查。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import reviews

    with open_container() as c, refusals():
        r = reviews.record_review(
            c.uow(), c.clock, OPERATOR, changes, interval_days, box=c.requests.box
        )
    out.print(
        f"review of schedule version {r.schedule_version} recorded; next due "
        f"{fmt_at(r.next_due_at)} UTC"
    )


@app.command("item")
def item_retention(subject_id: str) -> None:
    """A subject's items: retain-until, what decided it, the purposes still held for, the
    holds covering them. No value is shown. 查看个人各项数据的保存期限。"""
    from piiguard.services.retention import schedule as sch

    with open_container() as c, refusals():
        views = sch.subject_retention(c.uow(readonly=True), c.clock, subject_id)
    print_table(
        ["item", "category", "retain until", "basis", "held for", "holds"],
        [
            [
                v.item.item_id,
                v.item.category,
                fmt_at(v.retention.retain_until) if v.retention.retain_until else "indefinitely",
                v.retention.basis,
                ", ".join(sorted(v.retention.held_for)),
                ", ".join(v.holds),
            ]
            for v in views
        ],
    )


# -- holds ------------------------------------------------------------------------------


def _hold_line(h: LegalHold, now: datetime) -> str:
    scope = "; ".join(
        f"{name} {', '.join(sorted(values))}"
        for name, values in (
            ("subjects", h.subject_ids),
            ("categories", h.categories),
            ("systems", h.systems),
        )
        if values
    )
    until = f" until {fmt_at(h.until)}" if h.until else ""
    if h.status in (HoldStatus.ACTIVE, HoldStatus.LIFT_PROPOSED) and not h.in_force(now):
        until += " (ended, no longer in force)"
    # the reason is the officers' free text and may name people: it stays off the terminal
    # (and out of logs that capture it); the console's hold page shows it to officers
    return (
        f"{h.id}  {h.status}{until}  case {h.case_reference}\n  {scope}\n"
        f"  reason: on the console, /console/retention/holds/{h.id}"
    )


@hold_app.command("propose")
def hold_propose(
    reason: Annotated[str, typer.Option(help="why data must be kept")],
    case: Annotated[str, typer.Option(help="the case reference")],
    subject: Annotated[list[str] | None, typer.Option(help="a subject id, repeatable")] = None,
    category: Annotated[list[str] | None, typer.Option(help="a category, repeatable")] = None,
    system: Annotated[list[str] | None, typer.Option(help="a system key, repeatable")] = None,
    until: Annotated[str | None, typer.Option(help="end, YYYY-MM-DD; default until lifted")] = None,
) -> None:
    """Propose a legal hold; prints its id. In force once another privacy officer approves
    it. 申请法律保全。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import holds

    end = parse_when(until, "--until") if until else None
    with open_container() as c, refusals():
        h = holds.propose_hold(
            c.uow(),
            c.snapshots,
            c.clock,
            OPERATOR,
            reason,
            case,
            frozenset(subject or ()),
            frozenset(category or ()),
            frozenset(system or ()),
            end,
            box=c.requests.box,
        )
    typer.echo(h.id)


@hold_app.command("approve")
def hold_approve(hold_id: str) -> None:
    """Approve a proposed hold (never by its proposer). 批准法律保全。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import holds

    with open_container() as c, refusals():
        h = holds.approve_hold(c.uow(), c.clock, OPERATOR, hold_id)
    out.print(f"legal hold {h.id} in force, approved by {h.approved_by}")


@hold_app.command("reject")
def hold_reject(hold_id: str, reason: Annotated[str, typer.Option()]) -> None:
    """Refuse a proposed hold, saying why. 驳回法律保全申请。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import holds

    with open_container() as c, refusals():
        holds.reject_hold(c.uow(), c.clock, OPERATOR, hold_id, reason, box=c.requests.box)
    out.print(f"legal hold {hold_id} rejected")


@hold_app.command("lift-request")
def hold_lift_request(hold_id: str, reason: Annotated[str, typer.Option()]) -> None:
    """Ask for a hold to be lifted; it stays in force until another officer lifts it.
    申请解除法律保全。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import holds

    with open_container() as c, refusals():
        holds.request_lift(c.uow(), c.clock, OPERATOR, hold_id, reason, box=c.requests.box)
    out.print(f"legal hold {hold_id}: lifting asked; another privacy officer lifts it")


@hold_app.command("lift")
def hold_lift(hold_id: str) -> None:
    """Lift a hold whose lifting another officer asked for. 解除法律保全。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.retention import holds

    with open_container() as c, refusals():
        holds.lift_hold(c.uow(), c.clock, OPERATOR, hold_id)
    out.print(f"legal hold {hold_id} lifted")


@hold_app.command("list")
def hold_list(
    status: Annotated[HoldStatus | None, typer.Option(help="only holds in this state")] = None,
) -> None:
    """Legal holds with their scope, case and state. 列出法律保全。"""
    from piiguard.services.retention import holds

    with open_container() as c:
        found = holds.list_holds(c.uow(readonly=True), (status,) if status else ())
        now = c.clock.now()
    if not found:
        out.print("no legal holds")
    for h in found:
        out.print(_hold_line(h, now), soft_wrap=True)
