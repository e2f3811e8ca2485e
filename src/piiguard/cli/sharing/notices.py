"""`piiguard abroad-notice ...`: the notices before a first transfer abroad (R7.1;
docs/sharing.md): list them, run a mailing pass now, and decide what is stuck — the person
was told another way, or mail it again. Prints ids, keys and statuses — never an address."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, print_table, refusals
from piiguard.domain.sharing.notice import AbroadNoticeStatus, ToldBy

app = typer.Typer(
    help="Notices before a first transfer abroad (R7.1, PIPL Art. 39): before a person's data "
    "first goes to a recipient abroad (not a group company) they are mailed who, where, what "
    "for, which data and how to exercise their rights there; shares of them wait until it is "
    "sent. 向境外提供个人信息前的告知。",
    no_args_is_help=True,
)


@app.command("list")
def notice_list(
    status: Annotated[AbroadNoticeStatus | None, typer.Option(help="only this status")] = None,
    recipient: Annotated[str | None, typer.Option(help="only this recipient's")] = None,
    subject: Annotated[str | None, typer.Option(help="only this person's")] = None,
) -> None:
    """The notices, oldest first: pending, sending, sent, told, refused, failed, no_contact,
    uncertain. 告知列表。"""
    from piiguard.services.sharing.notice import list_abroad_notices

    with open_container() as c:
        found = list_abroad_notices(
            c.uow(readonly=True), [status] if status else [], recipient, subject, 1000
        )
    if not found:
        err.print("No notices.")
        return
    print_table(
        ["id", "subject", "recipient", "purpose", "categories", "status", "sent"],
        [
            [
                n.id,
                n.subject_id,
                n.recipient,
                n.purpose,
                ", ".join(sorted(n.categories)),
                n.status.value + (f" ({n.told_by.value})" if n.told_by else ""),
                fmt_at(n.sent_at) if n.sent_at else "",
            ]
            for n in found
        ],
    )


@app.command("send")
def notice_send(
    per_pass: Annotated[int, typer.Option(min=1, max=10_000, help="at most this many mails")] = 200,
) -> None:
    """Mail the waiting notices now (the `sharing` job does it every pass). 立即发送告知。"""
    from piiguard.services.sharing.notice import run_abroad_notices

    with open_container() as c:
        r = run_abroad_notices(c.uow(), c.requests, per_pass)
    err.print(
        f"abroad notices sent {r.sent}, refused {r.refused}, to retry {r.retry}, failed "
        f"{r.failed}, without contact {r.no_contact}, marked uncertain {r.uncertain}"
    )


@app.command("told")
def notice_told(
    notice_id: str,
    by: Annotated[ToldBy, typer.Option("--by", help="how the person was told")],
) -> None:
    """The person the mail did not reach was told another way: their data may go to that
    recipient from the next share on. 记录已通过其他方式告知。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.notice import record_told

    with open_container() as c, refusals():
        n = record_told(c.uow(), c.requests, OPERATOR, notice_id, by)
    err.print(f"abroad notice {n.id} recorded as told ({by.value})")


@app.command("retry")
def notice_retry(notice_id: str) -> None:
    """Mail a stuck notice again on the next pass (an uncertain one may reach the person
    twice). 重新发送告知。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.notice import retry_notice

    with open_container() as c, refusals():
        n = retry_notice(c.uow(), c.requests, OPERATOR, notice_id)
    err.print(f"abroad notice {n.id} is mailed again on the next pass")
