"""`piiguard business-transfer ...`: business transfers (R3.4; docs/sharing.md, "Business
transfers") — a merger, acquisition, bankruptcy or asset transfer to an acquirer bound by
its undertaking, reviewed by a second identity, carried out (logged) and told to everyone
it concerns. Prints ids, keys, statuses and counts — never a person's data."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, parse_when, print_table, refusals
from piiguard.domain.sharing.business import TransferKind

app = typer.Typer(
    help="Business transfers (R3.4): merger, acquisition, bankruptcy or asset transfer to an "
    "acquirer bound by its undertaking; approved by a second privacy officer, logged, and "
    "every person it concerns told by mail. 合并、收购、破产、资产转让中的个人信息转移。",
    no_args_is_help=True,
)


@app.command("add")
def transfer_add(
    acquirer: Annotated[str, typer.Argument(help="the acquirer's recipient key")],
    kind: Annotated[TransferKind, typer.Option(help="what kind of transfer")],
    undertaking: Annotated[
        str, typer.Option(help="the acquirer's undertaking (agreement id, kind undertaking)")
    ],
    title: Annotated[str, typer.Option(help="e.g. 'Merger with Acme Holding'")],
    effective: Annotated[str, typer.Option(help="takes effect, YYYY-MM-DD[THH:MM][+08:00]")],
    purpose: Annotated[list[str] | None, typer.Option(help="a purpose (repeat); none: all")] = None,
    category: Annotated[
        list[str] | None, typer.Option(help="a category, with its subtree (repeat); none: all")
    ] = None,
    subject: Annotated[
        list[str] | None, typer.Option(help="a subject id (repeat); none: all")
    ] = None,
) -> None:
    """Record a business transfer; prints its id. Nothing is handed over until a privacy
    officer other than the recorder approves it. 登记业务转移。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.business import TransferInput, record_business_transfer

    given = TransferInput(
        kind,
        acquirer,
        undertaking,
        title,
        parse_when(effective, "--effective"),
        frozenset(purpose or ()),
        frozenset(category or ()),
        frozenset(subject or ()),
    )
    with open_container() as c, refusals():
        b = record_business_transfer(c.uow(), c.requests, OPERATOR, given)
    err.print(
        "business transfer recorded; a privacy officer's own account approves it",
        soft_wrap=True,
    )
    typer.echo(b.id)


@app.command("list")
def transfer_list() -> None:
    """The business transfers, newest first. 业务转移列表。"""
    from piiguard.services.sharing.business import list_business_transfers

    with open_container() as c:
        found = list_business_transfers(c.uow(readonly=True))
    if not found:
        err.print("No business transfers.")
        return
    print_table(
        ["id", "kind", "acquirer", "takes effect", "status", "people"],
        [
            [b.id, b.kind.value, b.acquirer, fmt_at(b.effective_at), b.status.value, str(b.people)]
            for b in found
        ],
    )


@app.command("show")
def transfer_show(transfer_id: str) -> None:
    """One transfer, with how far the notices to its people have got. 查看业务转移。"""
    from piiguard.services.sharing.business import get_business_transfer

    with open_container() as c, refusals():
        b, counts = get_business_transfer(c.uow(readonly=True), transfer_id)
    every = "all"
    for k, v in (
        ("id", b.id),
        ("title", b.title),
        ("kind", b.kind.value),
        ("acquirer", f"{b.acquirer} (undertaking {b.undertaking})"),
        ("takes effect", fmt_at(b.effective_at)),
        ("purposes", ", ".join(sorted(b.purposes)) or every),
        ("categories", ", ".join(sorted(b.categories)) or every),
        ("subjects", ", ".join(sorted(b.subjects)) or every),
        ("status", b.status.value),
        ("reviewed", f"{b.reviewed_by or ''} {fmt_at(b.reviewed_at)} {b.review_note}".strip()),
        ("handover", f"{b.share_id or '—'}, {b.people} people"),
        ("notices", ", ".join(f"{s.value} {n}" for s, n in sorted(counts.items())) or "—"),
    ):
        out.print(f"{k}: {v}", soft_wrap=True, markup=False)


@app.command("review")
def transfer_review(
    transfer_id: str,
    approve: Annotated[bool, typer.Option("--approve/--refuse", help="approve or refuse")],
    note: Annotated[str, typer.Option(help="why; required to refuse")] = "",
) -> None:
    """Approve or refuse as the operator on the host — only a transfer a staff member
    recorded (four eyes: never the recorder). 审核业务转移。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.business import review_business_transfer

    with open_container() as c, refusals():
        b = review_business_transfer(c.uow(), c.requests, OPERATOR, transfer_id, approve, note)
    out.print(f"business transfer {b.id} {b.status.value} by {b.reviewed_by}")


@app.command("carry-out")
def transfer_carry_out(transfer_id: str) -> None:
    """Hand it over: logged in the disclosure log, every person it concerns queued to be
    told (the `transfer-notices` job mails them; `notify` runs a pass now). 执行转移。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.business import carry_out_business_transfer

    with open_container() as c, refusals():
        b = carry_out_business_transfer(c.uow(), c.requests, OPERATOR, transfer_id)
    out.print(f"business transfer {b.id} carried out: {b.people} people, handover {b.share_id}")


@app.command("notify")
def transfer_notify(
    per_pass: Annotated[int, typer.Option(help="at most this many mails (the throttle)")] = 200,
) -> None:
    """Run one pass of the notices to the people of business transfers now (resumable:
    a pass that stops is taken up by the next). 发送告知邮件。"""
    from piiguard.services.notices.transfers import run_transfer_notices

    with open_container() as c, refusals():
        report = run_transfer_notices(c.uow(), c.requests, per_pass)
    out.print(report.summary())


@app.command("release")
def transfer_release(
    transfer_id: str,
    subject: Annotated[list[str], typer.Option(help="a subject id whose notice to resend")],
) -> None:
    """Send uncertain or failed notices again (an uncertain one may reach the person
    twice: a pass stopped between the mail and its record). 重新发送告知邮件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.notices.transfers import release_transfer_notices

    with open_container() as c, refusals():
        n = release_transfer_notices(c.uow(), c.requests, OPERATOR, transfer_id, subject)
    out.print(f"{n} notice(s) queued again")
