"""`piiguard legal-request ...`: the legal-request register (R3.5, R2.5; docs/sharing.md,
"Authorities") — an authority's demand recorded, reviewed by a second identity, disclosed
through the decision point within the demand, the person told, closed. Prints ids, keys
and statuses; the demand's own words only on `demand`, which is audited."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from piiguard.cli.common import (
    err,
    fmt_at,
    open_container,
    out,
    parse_when,
    print_table,
    read_text_arg,
    refusals,
)
from piiguard.domain.policy.legal_exceptions import ExceptionKind
from piiguard.domain.sharing.disclosure import Delivery
from piiguard.domain.sharing.legal import LegalRequest, LegalRequestStatus

app = typer.Typer(
    help="Legal requests (R3.5, R2.5): authorities' demands for personal data, approved by "
    "a second privacy officer, disclosed minimised through the decision point, the person "
    "told when the law lets us. 国家机关调取个人信息的法律请求。",
    no_args_is_help=True,
)


def _tell(r: LegalRequest) -> str:
    if not r.may_tell:
        return "may not tell"
    if r.told_at:
        return f"told {fmt_at(r.told_at)}"
    return f"may tell from {fmt_at(r.tell_from)}" if r.tell_from else "may tell"


@app.command("add")
def legal_add(
    authority: Annotated[str, typer.Argument(help="the authority's recipient key")],
    basis: Annotated[ExceptionKind, typer.Option(help="the legal ground it invokes (R2.5)")],
    provision: Annotated[str, typer.Option(help="e.g. 'Criminal Procedure Law Art. 54'")],
    case: Annotated[str, typer.Option(help="the authority's case reference")],
    subject: Annotated[list[str], typer.Option(help="a subject id demanded (repeat)")],
    category: Annotated[list[str], typer.Option(help="a category demanded, with its subtree")],
    deadline: Annotated[str, typer.Option(help="answer by, YYYY-MM-DD[THH:MM][+08:00]")],
    demand: Annotated[
        str | None, typer.Option(help="what is demanded, in its words (sealed at rest)")
    ] = None,
    demand_file: Annotated[
        Path | None, typer.Option(help="read the demand's words from a file ('-': stdin)")
    ] = None,
    purpose: Annotated[
        str, typer.Option(help="the purpose of the disclosure")
    ] = "legal_compliance",
    may_tell: Annotated[bool, typer.Option(help="the law lets us tell the person")] = False,
    tell_from: Annotated[str | None, typer.Option(help="from when it lets us")] = None,
) -> None:
    """Record an authority's demand as received; prints its id. Nothing goes out until a
    privacy officer other than the recorder approves it. 登记法律请求。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.legal import LegalRequestInput, record_legal_request

    text = read_text_arg(demand_file, "--demand-file") if demand_file else demand or ""
    given = LegalRequestInput(
        authority,
        basis,
        provision,
        case,
        frozenset(subject),
        frozenset(category),
        text,
        parse_when(deadline, "--deadline"),
        purpose,
        may_tell,
        parse_when(tell_from, "--tell-from") if tell_from else None,
    )
    with open_container() as c, refusals():
        r = record_legal_request(c.uow(), c.requests, OPERATOR, given)
    err.print(
        f"legal request recorded ({r.status.value}); a privacy officer's own account approves "
        "it (console or API)",
        soft_wrap=True,
    )
    typer.echo(r.id)


@app.command("list")
def legal_list(
    status: Annotated[LegalRequestStatus | None, typer.Option(help="only this status")] = None,
) -> None:
    """The register, newest first. 法律请求列表。"""
    from piiguard.services.sharing.legal import list_legal_requests

    with open_container() as c:
        found = list_legal_requests(c.uow(readonly=True), (status,) if status else ())
        now = c.clock.now()
    if not found:
        err.print("No legal requests.")
        return
    print_table(
        ["id", "authority", "case", "basis", "deadline", "status", "person"],
        [
            [
                r.id,
                r.authority,
                r.case_reference,
                r.basis.value,
                fmt_at(r.deadline) + (" OVERDUE" if r.overdue(now) else ""),
                r.status.value,
                _tell(r) + (" — TO TELL" if r.to_tell(now) else ""),
            ]
            for r in found
        ],
    )


@app.command("show")
def legal_show(request_id: str) -> None:
    """One request (without the demand's words: see `demand`). 查看法律请求。"""
    from piiguard.services.sharing.legal import get_legal_request

    with open_container() as c, refusals():
        r = get_legal_request(c.uow(readonly=True), request_id)
    for k, v in (
        ("id", r.id),
        ("authority", r.authority),
        ("basis", f"{r.basis.value} — {r.provision}"),
        ("case", r.case_reference),
        ("purpose", r.purpose),
        ("subjects", ", ".join(sorted(r.subjects))),
        ("categories", ", ".join(sorted(r.categories))),
        ("deadline", fmt_at(r.deadline)),
        ("status", r.status.value),
        ("received", f"{r.received_by} {fmt_at(r.received_at)}"),
        ("reviewed", f"{r.reviewed_by} {fmt_at(r.reviewed_at)} {r.review_note}".strip()),
        ("share", r.share_id or "—"),
        ("person", _tell(r)),
    ):
        out.print(f"{k}: {v}", soft_wrap=True, markup=False)


@app.command("demand")
def legal_demand(
    request_id: str,
    out_file: Annotated[
        Path,
        typer.Option(
            "--out",
            help="file to write the words to (owner-only, mode 0600); they may name people, "
            "so they never go to the terminal",
        ),
    ],
) -> None:
    """Write the demand in the authority's words to a private file (it may name people; the
    reading is audited). 将机关原文写入仅本人可读的文件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.bootstrap.files import write_private
    from piiguard.services.sharing.legal import read_demand

    with open_container() as c, refusals():
        text = read_demand(c.uow(), c.requests, OPERATOR, request_id)
    write_private(out_file, text)
    err.print(f"the demand of {request_id} written to {out_file} (mode 0600)", soft_wrap=True)


@app.command("review")
def legal_review(
    request_id: str,
    approve: Annotated[bool, typer.Option("--approve/--refuse", help="approve or refuse")],
    note: Annotated[str, typer.Option(help="why; required to refuse")] = "",
) -> None:
    """Approve or refuse, as the operator on the host — only a request a staff member
    recorded (four eyes: never the recorder). 审核法律请求。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.legal import review_legal_request

    with open_container() as c, refusals():
        r = review_legal_request(c.uow(), c.requests, OPERATOR, request_id, approve, note)
    out.print(f"legal request {r.id} {r.status.value} by {r.reviewed_by}")


@app.command("disclose")
def legal_disclose(
    request_id: str,
    delivery: Annotated[Delivery, typer.Option(help="pull (its key) or webhook")] = Delivery.PULL,
) -> None:
    """The minimised disclosure: a share to the authority through the decision point,
    only within the demand, logged; prints the share id. 在请求范围内提供。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.legal import disclose_legal_request

    with open_container() as c, refusals():
        r, done = disclose_legal_request(c.uow(), c.requests, OPERATOR, request_id, delivery)
    for d in done.decisions:
        codes = ", ".join(x.code for x in d.reasons)
        err.print(f"{d.subject_id}: {d.outcome.value} ({codes})", soft_wrap=True, markup=False)
    s = done.share
    err.print(f"share {s.status.value}: {s.disclosed} of {s.subjects}; request {r.status.value}")
    typer.echo(s.id)


@app.command("told")
def legal_told(request_id: str) -> None:
    """Record that the person was told (only once the law lets us). 记录已告知本人。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.legal import record_told

    with open_container() as c, refusals():
        r = record_told(c.uow(), c.requests, OPERATOR, request_id)
    out.print(f"legal request {r.id}: person told {fmt_at(r.told_at)}")


@app.command("close")
def legal_close(request_id: str) -> None:
    """Close it: nothing more goes to the authority under it. 结案。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.legal import close_legal_request

    with open_container() as c, refusals():
        r = close_legal_request(c.uow(), c.requests, OPERATOR, request_id)
    out.print(f"legal request {r.id} closed")
