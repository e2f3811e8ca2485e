"""`piiguard exception ...`: legal exceptions (R2.5) — use without consent under a recorded
legal ground, in force only once a second privacy officer approves it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import (
    err,
    fmt_at,
    open_container,
    out,
    parse_when,
    refusals,
    signed_in_officer,
)
from piiguard.domain.policy.legal_exceptions import ExceptionKind

if TYPE_CHECKING:
    from piiguard.domain.policy.legal_exceptions import LegalException

app = typer.Typer(
    help="Legal exceptions (R2.5): use without consent under a recorded legal ground, "
    "approved by a second privacy officer. 法定例外。",
    no_args_is_help=True,
)


@app.command("request")
def exception_request(
    kind: Annotated[ExceptionKind, typer.Option(help="the legal ground")],
    authority: Annotated[str, typer.Option(help="who asks, e.g. 佛山市公安局")],
    case: Annotated[str, typer.Option(help="the authority's case reference")],
    provision: Annotated[str, typer.Option(help="the legal provision relied on")],
    subject: Annotated[list[str], typer.Option(help="a subject id it covers, repeatable")],
    category: Annotated[
        list[str], typer.Option(help="a data category it covers (with its subtree), repeatable")
    ],
    valid_until: Annotated[str, typer.Option(help="end, YYYY-MM-DD[THH:MM][+08:00]")],
    valid_from: Annotated[str | None, typer.Option(help="start; default now")] = None,
) -> None:
    """Record a legal exception; prints its id. It lifts nothing until a privacy officer
    other than the requester approves it. 申请法定例外。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import legal_exceptions as exceptions

    until = parse_when(valid_until, "--valid-until")
    with open_container() as c:
        since = parse_when(valid_from, "--valid-from") if valid_from else c.clock.now()
        with refusals():
            ex = exceptions.request_exception(
                c.uow(),
                c.snapshots,
                c.clock,
                OPERATOR,
                kind,
                authority,
                case,
                provision,
                frozenset(subject),
                frozenset(category),
                since,
                until,
            )
    err.print(
        f"legal exception requested by {ex.requested_by}; it takes effect once "
        "another privacy officer approves it",
        soft_wrap=True,
    )
    typer.echo(ex.id)


@app.command("approve")
def exception_approve(
    exception_id: str,
    as_officer: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="EMAIL",
            help="the approving privacy officer's own staff account; its password and "
            "authenticator code are asked for (not echoed)",
        ),
    ] = None,
) -> None:
    """Approve a legal exception as a privacy officer other than the requester, signed in
    with their own staff account (--as EMAIL): four eyes need a person, never the shell's
    operator. 批准法定例外：须由申请人以外的隐私官以本人账户（--as 邮箱）批准。"""
    from piiguard.services.policy import legal_exceptions as exceptions

    if as_officer is None:
        err.print(
            "A legal exception is approved by a privacy officer's own staff account, not "
            "by the shell's operator: run `piiguard exception approve ID --as EMAIL` (asks "
            "for their password and code), or approve it on the console at "
            f"/console/exceptions/{exception_id}. 须由隐私官以本人账户批准：加 --as 邮箱，"
            "或在控制台批准。",
            soft_wrap=True,
            markup=False,
            highlight=False,
        )
        raise typer.Exit(2)
    password = typer.prompt(
        "password of that staff account (not echoed)", hide_input=True, err=True
    )
    code = typer.prompt(
        "code from the authenticator app",
        default="",
        show_default=False,
        err=True,
    )
    with open_container() as c, refusals(), signed_in_officer(c, as_officer, password, code) as who:
        ex = exceptions.approve_exception(c.uow(), c.clock, who, exception_id)
    out.print(
        f"legal exception {ex.id} approved by {ex.approved_by}; valid until "
        f"{fmt_at(ex.valid_until)} UTC"
    )


@app.command("revoke")
def exception_revoke(exception_id: str) -> None:
    """Revoke a legal exception: it lifts nothing from the next decision on. 撤销法定例外。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import legal_exceptions as exceptions

    with open_container() as c, refusals():
        exceptions.revoke_exception(c.uow(), c.clock, OPERATOR, exception_id)
    out.print(f"legal exception {exception_id} revoked")


def _state(ex: LegalException, now: datetime) -> str:
    if ex.revoked_at is not None:
        return "revoked"
    if ex.approved_by is None:
        return "awaiting approval"
    if now >= ex.valid_until:
        return "expired"
    return "in force" if ex.in_force(now) else "not yet valid"


@app.command("list")
def exception_list() -> None:
    """Legal exceptions with their ground, reference, scope, validity and state.
    列出法定例外。"""
    from piiguard.services.policy import legal_exceptions as exceptions

    with open_container() as c:
        now = c.clock.now()
        found = exceptions.list_exceptions(c.uow())
    if not found:
        out.print("no legal exceptions")
    for ex in found:  # one block each: too many fields for a table row
        out.print(
            f"{ex.id}  {_state(ex, now)}  {ex.kind}\n"
            f"  authority {ex.authority}; case {ex.case_reference}; provision "
            f"{ex.legal_provision}\n"
            f"  subjects {', '.join(sorted(ex.subject_ids))}\n"
            f"  categories {', '.join(sorted(ex.categories))}\n"
            f"  valid {fmt_at(ex.valid_from)} – {fmt_at(ex.valid_until)} UTC; requested by "
            f"{ex.requested_by}; approved by {ex.approved_by or '(nobody yet)'}",
            soft_wrap=True,
            markup=False,
            highlight=False,
        )
