"""`piiguard share ...`: share subjects' data with a recipient through the decision point,
the shares made, the disclosure log, the corrections and deletions passed on (R3.1, R3.6,
R7.1; docs/sharing.md). Prints ids, keys and reasons — never a value."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals
from piiguard.domain.sharing.disclosure import Delivery, PassOnStatus

app = typer.Typer(
    help="Shares (R3.1, R3.6, R7.1): data to a recipient through the decision point, "
    "minimised as its profile says, pulled with its own key or pushed to its webhook; the "
    "disclosure log; corrections and deletions passed on. 向接收方提供个人信息。",
    no_args_is_help=True,
)


@app.command("send")
def share_send(
    recipient: Annotated[str, typer.Argument(help="the recipient's key")],
    purpose: Annotated[str, typer.Argument(help="the purpose, e.g. after_sales")],
    subject: Annotated[list[str], typer.Option(help="a subject id (repeat)")],
    category: Annotated[
        list[str] | None, typer.Option(help="only these categories (repeat); none: the profile's")
    ] = None,
    delivery: Annotated[Delivery, typer.Option(help="pull (its key) or webhook")] = Delivery.PULL,
    legal_request: Annotated[
        str | None, typer.Option(help="an authority: the approved legal request it answers")
    ] = None,
    keep_days: Annotated[int, typer.Option(help="how long a package waits to be pulled")] = 7,
) -> None:
    """Decide per subject, record, minimise and package; prints each decision with its
    reasons and the share id on stdout. A refusal exits 0 too (it is recorded). 执行提供。"""
    from rich.markup import escape

    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.share import ShareRequest, share_data

    ask = ShareRequest(
        recipient,
        purpose,
        tuple(subject),
        frozenset(category) if category else None,
        delivery,
        legal_request,
        keep_days,
    )
    with open_container() as c, refusals():
        done = share_data(c.uow(), c.requests, OPERATOR, ask)
    for d in done.decisions:
        err.print(f"{d.subject_id}: {d.outcome.value} (decision {d.id})", soft_wrap=True)
        for r in d.reasons:
            cats = f" [{', '.join(r.categories)}]" if r.categories else ""
            err.print(escape(f"  - {r.code}{cats}: {r.en} / {r.zh}"), soft_wrap=True)
    s = done.share
    err.print(f"share {s.status.value}: {s.disclosed} of {s.subjects} subjects to {s.recipient}")
    if done.notices_queued:
        err.print(
            f"{done.notices_queued} held until told of the recipient abroad: notices queued "
            "(piiguard abroad-notice list); share them again once sent"
        )
    typer.echo(s.id)


@app.command("list")
def share_list(
    recipient: Annotated[str | None, typer.Option(help="only this recipient's")] = None,
) -> None:
    """The shares made, newest first. 提供记录。"""
    from piiguard.services.sharing.share import list_shares

    with open_container() as c:
        found = list_shares(c.uow(readonly=True), recipient)
    print_table(
        ["id", "recipient", "purpose", "delivery", "status", "subjects", "made"],
        [
            [
                s.id,
                s.recipient,
                s.purpose,
                s.delivery.value,
                s.status.value,
                f"{s.disclosed}/{s.subjects}",
                fmt_at(s.created_at),
            ]
            for s in found
        ],
    )


@app.command("log")
def share_log(
    subject: Annotated[str | None, typer.Option(help="one subject's disclosures")] = None,
    recipient: Annotated[str | None, typer.Option(help="one recipient's")] = None,
) -> None:
    """The disclosure log: who, to whom, for what, which categories in what form, the
    decision and the agreement. 披露日志。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.share import disclosure_log

    with open_container() as c:
        rows = disclosure_log(c.uow(), OPERATOR, subject_id=subject, recipient=recipient)
    if not rows:
        err.print("Nothing disclosed yet.")
        return
    print_table(
        ["subject", "recipient", "purpose", "categories", "decision", "agreement", "at"],
        [
            [
                d.subject_id,
                d.recipient,
                d.purpose,
                ", ".join(f"{k} {v.value}" for k, v in sorted(d.categories.items())),
                d.decision_id,
                d.agreement_id,
                fmt_at(d.at),
            ]
            for d in rows
        ],
    )


@app.command("notices")
def share_notices(
    status: Annotated[PassOnStatus | None, typer.Option(help="open, sent or confirmed")] = None,
) -> None:
    """Corrections and deletions passed on to recipients, until each confirms. 转告更正与删除。"""
    from piiguard.services.sharing.delivery import list_pass_ons

    with open_container() as c:
        found = list_pass_ons(c.uow(readonly=True), [status] if status else [])
    print_table(
        ["id", "recipient", "subject", "action", "status", "opened", "confirmed"],
        [
            [
                p.id,
                p.recipient,
                p.subject_id,
                p.action.value,
                p.status.value,
                fmt_at(p.opened_at),
                fmt_at(p.confirmed_at),
            ]
            for p in found
        ],
    )


@app.command("confirm")
def share_confirm(
    notice_id: str,
    reference: Annotated[str, typer.Option(help="the recipient's written confirmation")],
) -> None:
    """Record that a recipient confirmed a correction or deletion in writing. 记录接收方确认。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.delivery import confirm_pass_on

    with open_container() as c, refusals():
        p = confirm_pass_on(c.uow(), c.requests, OPERATOR, notice_id, reference)
    out.print(f"notice {p.id} confirmed by {p.recipient}")


@app.command("abroad")
def share_abroad(
    year: Annotated[int | None, typer.Option(help="a calendar year; default: this one")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Transfers abroad this calendar year (R7.1): the distinct people whose data went to a
    recipient abroad since 1 January 00:00 Asia/Shanghai, those with sensitive data apart,
    the mechanism the count requires under the 2024 Provisions on Cross-Border Data Flows
    (art. 5, 7, 8), how near each threshold is (a warning from 80 %) and which recipients
    abroad lack what it requires. 数据出境年度累计人数与所需机制。"""
    import json

    from piiguard.services.sharing.abroad import abroad_status, status_json

    with open_container() as c, refusals():
        s = abroad_status(c.uow(readonly=True), c.snapshots, c.clock, year)
    if as_json:
        out.print_json(json.dumps(status_json(s), ensure_ascii=False))
        return
    out.print(
        f"{s.tally.year} (since {fmt_at(s.since)}, {s.timezone}): {s.tally.people:,} people, "
        f"{s.tally.sensitive:,} with sensitive data; requires: {s.requires.code}; "
        f"{s.exempt_people:,} more under recorded exemption cases (not counted)"
        + (" (the company is a CIIO)" if s.ciio else "")
    )
    print_table(
        ["threshold", "count", "of", "percent", "state", "source"],
        [
            [
                n.key,
                f"{n.count:,}",
                f"{n.threshold:,}",
                f"{100 * n.share:.1f} %",
                "reached" if n.reached else ("WARNING: 80 % reached" if n.warn else "below"),
                n.article,
            ]
            for n in s.thresholds
        ],
    )
    for r in s.short:
        err.print(
            f"{r.key} ({r.country}) has {r.has.code} in force, the count requires "
            f"{s.requires.code}: shares to it are refused; record the agreement "
            "(piiguard agreement add)"
        )
