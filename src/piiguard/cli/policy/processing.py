"""`piiguard processing ...`: what the person asked of their data's processing beyond consent
(R4.2) — restrict it (every purpose, or one), object to a purpose, list, lift either."""

from __future__ import annotations

from typing import Annotated

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, print_table, refusals
from piiguard.domain.consent import RestrictionKind

app = typer.Typer(
    help="What the person asked of their data's processing (R4.2): restrict it (for every "
    "purpose, or one), object to a purpose, lift either. The next decision already "
    "follows it. 限制或拒绝处理。",
    no_args_is_help=True,
)


def _restrict(subject_id: str, kind: RestrictionKind, purpose: str | None) -> None:
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        r = consents.restrict_processing(
            c.uow(), c.snapshots, c.clock, OPERATOR, subject_id, kind, purpose
        )
    scope = f"purpose {r.purpose}" if r.purpose else "every purpose"
    err.print(
        f"{r.kind} recorded for {subject_id} ({scope}); lift it with "
        f"piiguard processing lift {subject_id} {r.id}",
        soft_wrap=True,
    )
    typer.echo(r.id)


@app.command("restrict")
def processing_restrict(
    subject_id: str,
    purpose: Annotated[
        str | None, typer.Option(help="restrict this purpose only; default: every purpose")
    ] = None,
) -> None:
    """Restrict processing of a subject's data (every purpose, or one); prints the
    restriction id. 限制处理。"""
    _restrict(subject_id, RestrictionKind.RESTRICTION, purpose)


@app.command("object")
def processing_object(
    subject_id: str,
    purpose: Annotated[
        str, typer.Argument(help="the purpose objected to, e.g. consultation_recommendation")
    ],
) -> None:
    """Record the subject's objection to a purpose; prints its id. 拒绝某一用途的处理。"""
    _restrict(subject_id, RestrictionKind.OBJECTION, purpose)


@app.command("list")
def processing_list(subject_id: str) -> None:
    """A subject's restrictions and objections, in force and lifted. 列出限制与拒绝。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        found = consents.list_restrictions(c.uow(), OPERATOR, subject_id)
    print_table(
        ("restriction", "kind", "purpose", "since (UTC)", "lifted (UTC)"),
        [
            (
                r.id,
                r.kind.value,
                r.purpose or "(every purpose)",
                fmt_at(r.since),
                fmt_at(r.lifted_at),
            )
            for r in found
        ],
    )


@app.command("lift")
def processing_lift(subject_id: str, restriction_id: str) -> None:
    """Lift a restriction or an objection: the next decision no longer refuses for it.
    解除限制或拒绝。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.policy import consents

    with open_container() as c, refusals():
        consents.lift_restriction(c.uow(), c.clock, OPERATOR, subject_id, restriction_id)
    out.print(f"restriction {restriction_id} lifted")
