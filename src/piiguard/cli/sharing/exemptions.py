"""`piiguard exemption ...`: recorded exemption cases for transfers abroad (R7.1;
docs/sharing.md): art. 5(1)–(3) of the 2024 Provisions on Cross-Border Data Flows, recorded
by one privacy officer and approved by another. Prints ids, keys and statuses."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, parse_when, print_table, refusals
from piiguard.domain.sharing.exemption import ExemptionBasis, ExemptionStatus

app = typer.Typer(
    help="Exemption cases for transfers abroad (R7.1): a contract the person is party to "
    "(art. 5(1)), cross-border HR management (art. 5(2)), an emergency (art. 5(3)) of the "
    "2024 Provisions — recorded, approved by a second officer; shares in scope need no "
    "assessment, standard contract or certification and are counted apart. 数据出境豁免情形。",
    no_args_is_help=True,
)


@app.command("list")
def exemption_list(
    status: Annotated[ExemptionStatus | None, typer.Option(help="only this status")] = None,
) -> None:
    """The cases with their state. 豁免情形列表。"""
    from piiguard.services.sharing.exemption import list_exemptions

    with open_container() as c:
        found = list_exemptions(c.uow(readonly=True), (status,) if status else ())
        now = c.clock.now()
    if not found:
        err.print("No exemption cases.")
        return
    print_table(
        ["id", "basis", "recipient", "purpose", "status", "in force", "valid until"],
        [
            [
                e.id,
                f"{e.basis.value} ({e.provision})",
                e.recipient,
                e.purpose,
                e.status.value,
                "yes" if e.in_force(now) else "no",
                fmt_at(e.valid_until) if e.valid_until else "",
            ]
            for e in found
        ],
    )


@app.command("add")
def exemption_add(
    recipient: Annotated[str, typer.Argument(help="the recipient abroad (its key)")],
    purpose: Annotated[str, typer.Argument(help="the purpose, e.g. order_fulfilment")],
    basis: Annotated[ExemptionBasis, typer.Option(help="contract, hr or emergency")],
    scope: Annotated[str, typer.Option(help="the case: what goes abroad and why it is needed")],
    valid_from: Annotated[str, typer.Option(help="YYYY-MM-DD[THH:MM]")],
    valid_until: Annotated[str | None, typer.Option(help="YYYY-MM-DD[THH:MM]; none: open")] = None,
) -> None:
    """Record a case; prints its id. It frees nothing until another privacy officer approves
    it (the console or the API when recorded here). 登记豁免情形（须另一位隐私官批准）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.exemption import ExemptionInput, record_exemption

    given = ExemptionInput(
        basis,
        recipient,
        purpose,
        scope,
        parse_when(valid_from, "--valid-from"),
        parse_when(valid_until, "--valid-until") if valid_until else None,
    )
    with open_container() as c, refusals():
        e = record_exemption(c.uow(), c.snapshots, c.clock, OPERATOR, given)
    err.print(f"exemption case ({e.provision}) for {e.recipient} recorded; waiting for approval")
    typer.echo(e.id)


def _review(exemption_id: str, approve: bool) -> None:
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.exemption import review_exemption

    with open_container() as c, refusals():
        e = review_exemption(c.uow(), c.clock, OPERATOR, exemption_id, approve=approve)
    err.print(f"exemption case {e.id} {e.status.value}")


@app.command("approve")
def exemption_approve(exemption_id: str) -> None:
    """Approve a proposed case (four eyes: never by whoever recorded it). 批准豁免情形。"""
    _review(exemption_id, True)


@app.command("refuse")
def exemption_refuse(exemption_id: str) -> None:
    """Refuse a proposed case (four eyes). 驳回豁免情形。"""
    _review(exemption_id, False)


@app.command("withdraw")
def exemption_withdraw(exemption_id: str) -> None:
    """End a case: from the next decision on, shares in its scope need the mechanism the
    count requires again. 撤销豁免情形。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.sharing.exemption import withdraw_exemption

    with open_container() as c, refusals():
        e = withdraw_exemption(c.uow(), c.clock, OPERATOR, exemption_id)
    err.print(f"exemption case {e.id} withdrawn")
