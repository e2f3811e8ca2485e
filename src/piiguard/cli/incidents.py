"""`piiguard incident ...`: security incidents on their legal clocks (R5.8) — report, change,
the timeline, who is affected (from the audit trail), each obligation's report draft and its
submission, the notification to the people affected, review and closing (four eyes). The
officers' words (what happened, notes, root cause) stay off the terminal: the console's
incident page shows them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import (
    fmt_at,
    open_container,
    out,
    parse_when,
    print_table,
    read_json_arg,
    refusals,
)
from piiguard.domain.incidents.model import IncidentKind, IncidentStatus, Severity, Stage

app = typer.Typer(
    help="Security incidents (R5.8): report one, follow its legal clocks (CAC 1 h / 4 h, GDPR "
    "72 h, PIPL), compute who is affected from the audit trail, record reports to authorities, "
    "notify the people, close after a second officer's review. 安全事件与报告时限。",
    no_args_is_help=True,
)
Many = Annotated[list[str] | None, typer.Option()]


def _now_or(text: str | None, name: str) -> datetime | None:
    return parse_when(text, name) if text else None


@app.command("report")
def report(
    title: Annotated[str, typer.Option(help="a short title (no names of people)")],
    description: Annotated[str, typer.Option(help="what happened")],
    kind: Annotated[IncidentKind, typer.Option(help="what was breached")],
    severity: Annotated[
        Severity,
        typer.Option(
            help="CAC level: general 一般, relatively_major 较大, major 重大, "
            "particularly_major 特别重大"
        ),
    ],
    jurisdiction: Annotated[list[str], typer.Option(help="CN or EU, repeatable")],
    detected: Annotated[
        str | None, typer.Option(help="when it was detected, ISO; default now")
    ] = None,
    cii: Annotated[
        bool, typer.Option(help="it concerns critical information infrastructure")
    ] = False,
    high_risk: Annotated[
        bool, typer.Option(help="a high risk to people's rights: tell them")
    ] = False,
    system: Many = None,
    category: Many = None,
    estimate: Annotated[int | None, typer.Option(help="people affected, estimated")] = None,
) -> None:
    """Record an incident; prints its id and the clocks that started (from detection).
    报告安全事件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        f = register.IncidentFacts(
            title,
            description,
            kind,
            severity,
            frozenset(jurisdiction),
            cii,
            high_risk,
            frozenset(system or ()),
            frozenset(category or ()),
            _now_or(detected, "--detected") or c.clock.now(),
            estimate,
        )
        i = register.report_incident(c.security_uow(), c.snapshots, c.clock, OPERATOR, f)
        view = register.view_incident(c.security_uow(readonly=True), i.id)
    typer.echo(i.id)
    for k in view.clocks:
        out.print(f"clock {k.obligation}: due {fmt_at(k.due_at)} UTC")


@app.command("list")
def list_(
    status: Annotated[IncidentStatus | None, typer.Option(help="only this status")] = None,
) -> None:
    """Incidents, newest first: id, detected, kind, severity, status, running clocks."""
    from piiguard.services.incidents import register

    with open_container() as c:
        found = register.list_incidents(c.security_uow(readonly=True), (status,) if status else ())
        views = [register.view_incident(c.security_uow(readonly=True), i.id) for i in found]
        now = c.clock.now()
    rows = [
        [
            v.incident.id,
            fmt_at(v.incident.detected_at),
            v.incident.kind.value,
            f"{v.incident.severity.value} {v.incident.severity.zh}",
            v.incident.status.value,
            ", ".join(
                f"{k.obligation}{' OVERDUE' if k.overdue(now) else ''}"
                for k in v.clocks
                if k.status.value == "running"
            ),
        ]
        for v in views
    ]
    print_table(["id", "detected (UTC)", "kind", "severity", "status", "running clocks"], rows)


@app.command("show")
def show(incident_id: str) -> None:
    """One incident: facts, clocks (due, submitted, late), timeline stages, people affected
    by notification status. What happened and the notes: the console's incident page."""
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        v = register.view_incident(c.security_uow(readonly=True), incident_id)
        now = c.clock.now()
    i = v.incident
    out.print(
        f"incident {i.id}  {i.kind.value}  severity {i.severity.value} ({i.severity.zh})  "
        f"status {i.status.value}\njurisdictions {', '.join(sorted(i.jurisdictions))}"
        f"{'  CII' if i.cii else ''}{'  high risk' if i.high_risk else ''}\n"
        f"detected {fmt_at(i.detected_at)} UTC, reported by {i.reported_by}, handler "
        f"{i.handler or '—'}\nsystems {', '.join(sorted(i.systems)) or '—'}; categories "
        f"{', '.join(sorted(i.categories)) or '—'}\npeople: estimated "
        f"{i.affected_estimate if i.affected_estimate is not None else '—'}, listed "
        f"{i.affected_computed if i.affected_computed is not None else '—'} "
        f"{json.dumps(v.recipients)}"
    )
    print_table(
        ["obligation", "due (UTC)", "status", "submitted", "to", "reference"],
        [
            [
                k.obligation,
                fmt_at(k.due_at),
                ("OVERDUE" if k.overdue(now) else k.status.value) + (" (late)" if k.late() else ""),
                fmt_at(k.submitted_at),
                k.submitted_to,
                k.reference,
            ]
            for k in v.clocks
        ],
    )
    for e in v.timeline:
        out.print(f"  {fmt_at(e.at)} {e.stage.value} by {e.by}")
    if v.vulns:
        out.print("vulnerabilities: " + ", ".join(v.vulns))


@app.command("update")
def update(
    incident_id: str,
    severity: Annotated[Severity | None, typer.Option()] = None,
    jurisdiction: Many = None,
    cii: Annotated[bool | None, typer.Option("--cii/--no-cii")] = None,
    high_risk: Annotated[bool | None, typer.Option("--high-risk/--no-high-risk")] = None,
    system: Many = None,
    category: Many = None,
    estimate: Annotated[int | None, typer.Option()] = None,
    handler: Annotated[str | None, typer.Option(help="staff:<account id>; '' clears")] = None,
) -> None:
    """Change what is known; the clocks follow (new ones from detection). 更新事件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    f = register.IncidentFacts(
        severity=severity,
        jurisdictions=frozenset(jurisdiction) if jurisdiction else None,
        cii=cii,
        high_risk=high_risk,
        systems=frozenset(system) if system else None,
        categories=frozenset(category) if category else None,
        affected_estimate=estimate,
        handler=handler,
    )
    with open_container() as c, refusals():
        register.update_incident(c.security_uow(), c.snapshots, c.clock, OPERATOR, incident_id, f)
    out.print(f"incident {incident_id} updated; `piiguard incident show {incident_id}`")


@app.command("timeline")
def timeline(
    incident_id: str,
    stage: Annotated[Stage, typer.Option()],
    note: Annotated[str, typer.Option(help="what was done")],
    at: Annotated[str | None, typer.Option(help="when, ISO; default now")] = None,
) -> None:
    """Add containment, eradication, recovery or a note to the timeline. 记录处置过程。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        when = _now_or(at, "--at") or c.clock.now()
        register.add_entry(c.security_uow(), c.clock, OPERATOR, incident_id, stage, when, note)
    out.print(f"{stage.value} recorded on incident {incident_id}")


@app.command("affected")
def affected_(
    incident_id: str,
    actor: Annotated[str, typer.Option(help="system:<client id> or staff:<account id>")],
    start: Annotated[str, typer.Option("--from", help="window start, ISO")],
    end: Annotated[str, typer.Option("--to", help="window end, ISO")],
) -> None:
    """Everyone whose data ACTOR read in the window, from the audit trail, listed as
    affected (counts only are printed). 从审计记录计算受影响的人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.incidents.model import Trail
    from piiguard.services.incidents import affected

    trail = Trail(actor, parse_when(start, "--from"), parse_when(end, "--to"))
    with open_container() as c, refusals():
        got = affected.compute_affected(c.security_uow(), OPERATOR, incident_id, trail)
    out.print(
        f"{got.total} people ({got.revealed} whose values were disclosed, {got.metadata_only} "
        f"looked up or described only); {got.added} newly listed"
    )


@app.command("people")
def people(
    incident_id: str,
    subject: Annotated[list[str], typer.Option(help="a subject id, repeatable")],
) -> None:
    """List people known to be affected from elsewhere than the trail, by subject id.
    登记受影响的人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import affected

    with open_container() as c, refusals():
        n = affected.list_affected(c.security_uow(), OPERATOR, incident_id, subject)
    out.print(f"{n} newly listed")


@app.command("obligations")
def obligations() -> None:
    """The reporting obligations: key, when it applies, the clock, to whom, its source."""
    from piiguard.services.incidents import clocks

    with open_container() as c:
        found = clocks.list_obligations(c.security_uow(readonly=True))
    rows = [
        [
            o.key,
            f"{o.jurisdiction} {o.min_severity.value + '+' if o.min_severity else ''}"
            f"{' CII' if o.cii else ''}{' personal data' if o.personal_data else ''}"
            f"{' high risk' if o.high_risk else ''}",
            f"{o.hours} h",
            o.recipient,
            "yes" if o.active else "no",
            o.source,
        ]
        for o in found
    ]
    print_table(["key", "applies to", "clock", "to whom", "active", "source"], rows)


@app.command("obligation-set")
def obligation_set(
    key: str,
    hours: Annotated[int | None, typer.Option()] = None,
    remind: Annotated[list[int] | None, typer.Option(help="minutes before due, repeatable")] = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive")] = None,
) -> None:
    """Change an obligation's clock, reminders or whether it applies (running clocks keep
    their due time). 修改报告义务配置。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import clocks

    with open_container() as c, refusals():
        o = clocks.change_obligation(
            c.security_uow(),
            c.clock,
            OPERATOR,
            key,
            hours=hours,
            reminder_minutes=tuple(remind) if remind else None,
            active=active,
        )
    out.print(f"{o.key}: {o.hours} h, reminders {list(o.reminder_minutes)} min, active {o.active}")


@app.command("draft")
def draft(incident_id: str, obligation: str) -> None:
    """The report an obligation asks for (JSON, its authority's fields); fill the empty
    ones and pass them to `submit --fields`. 生成报告草稿。"""
    from piiguard.services.incidents import clocks

    with open_container() as c, refusals():
        fields = clocks.draft_report(
            c.security_uow(readonly=True), c.requests, incident_id, obligation
        )
    typer.echo(json.dumps(fields, ensure_ascii=False, indent=2))


@app.command("submit")
def submit(
    incident_id: str,
    obligation: str,
    to: Annotated[str, typer.Option(help="to whom it went")],
    reference: Annotated[str, typer.Option(help="the authority's reference")] = "",
    at: Annotated[str | None, typer.Option(help="when it went, ISO; default now")] = None,
    fields: Annotated[
        Path | None, typer.Option(help="the report's fields as sent (JSON file)")
    ] = None,
) -> None:
    """Record that the report was made: stops the clock (late if after its due time).
    记录已报送。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import clocks

    given = read_json_arg(fields, "--fields") if fields else None
    with open_container() as c, refusals():
        done = clocks.submit_report(
            c.security_uow(),
            c.requests,
            OPERATOR,
            incident_id,
            obligation,
            to,
            reference,
            _now_or(at, "--at"),
            given,
        )
    late = " — LATE (after the due time)" if done.late() else ""
    out.print(
        f"{obligation} submitted {fmt_at(done.submitted_at)} UTC to {done.submitted_to}{late}"
    )


@app.command("mailing")
def mailing(
    incident_id: str,
    text: Annotated[
        Path,
        typer.Option(
            help='JSON: {"zh": {"what_happened", "measures_taken", "what_you_can_do", '
            '"contact"}, "en": {the same}}'
        ),
    ],
    start: Annotated[bool, typer.Option(help="start mailing the people listed")] = False,
) -> None:
    """Write the notification to the people affected (zh and en) and, with --start, start
    it: the security job mails them, throttled. 编写并开始通知受影响的人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.incidents.notify import MailingText
    from piiguard.services.incidents import notify

    words = read_json_arg(text, "--text")
    with open_container() as c, refusals():
        notify.write_mailing(
            c.security_uow(),
            c.clock,
            OPERATOR,
            incident_id,
            MailingText(**words["zh"]),
            MailingText(**words["en"]),
        )
        if start:
            notify.start_mailing(c.security_uow(), c.clock, OPERATOR, incident_id)
    out.print("mailing written" + (" and started" if start else "; start it with --start"))


@app.command("notify-run")
def notify_run(
    limit: Annotated[int | None, typer.Option(help="mails at most (default the setting)")] = None,
) -> None:
    """One pass of the notification mails now (as the security job does). 立即发送一批通知。"""
    from piiguard.services.incidents import notify

    with open_container() as c:
        r = notify.mail_pass(c.security_uow(), c.requests, c.security, limit)
    out.print(
        f"sent {r.sent}, no address {r.no_address}, refused (queued again) {r.failed}, "
        f"unknown (check the mail log, then requeue) {r.unknown}"
    )


@app.command("requeue")
def requeue(
    incident_id: str, subject: Annotated[list[str], typer.Option(help="subject id")]
) -> None:
    """Mail these `unknown` people again, after checking the mail server's log. 重新排队。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import notify

    with open_container() as c, refusals():
        n = notify.requeue_unknown(c.security_uow(), OPERATOR, incident_id, subject)
    out.print(f"{n} re-queued")


@app.command("review")
def review(
    incident_id: str,
    root_cause: Annotated[str, typer.Option()],
    lessons: Annotated[str, typer.Option()],
) -> None:
    """Handling done: root cause and lessons; another privacy officer reviews. 申请复核。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        register.request_review(
            c.security_uow(), c.clock, OPERATOR, incident_id, root_cause, lessons
        )
    out.print(f"incident {incident_id} waits for a privacy officer's review")


@app.command("close")
def close(
    incident_id: str,
    back: Annotated[str | None, typer.Option(help="send it back open, saying why")] = None,
) -> None:
    """The review: close it (never by who reported, handled it or asked for review), or
    --back "why" to reopen. 复核并关闭事件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        i = register.close_incident(
            c.security_uow(), c.clock, OPERATOR, incident_id, back is None, back or ""
        )
    out.print(f"incident {i.id} {i.status.value}")


@app.command("link")
def link(incident_id: str, vuln_id: str) -> None:
    """Link a vulnerability the incident came through. 关联漏洞。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.incidents import register

    with open_container() as c, refusals():
        register.link_vuln(c.security_uow(), OPERATOR, incident_id, vuln_id)
    out.print(f"vulnerability {vuln_id} linked to incident {incident_id}")
