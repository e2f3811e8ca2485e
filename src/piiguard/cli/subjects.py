"""`piiguard subject ...`: the people the data is about — register one with its items, show
what is held (values only for a declared purpose, the read decided and recorded), erase."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import err, open_container, out, refusals
from piiguard.domain.subjects import Channel, LegalBasis

if TYPE_CHECKING:
    from piiguard.services.subjects.register import ItemInput

app = typer.Typer(
    help="Subjects (the people the data is about) and their data.", no_args_is_help=True
)


def _parse_item(
    spec: str, channel: Channel, basis: LegalBasis, source: str, purposes: tuple[str, ...] | None
) -> ItemInput:
    from piiguard.services.subjects import register

    if "=" not in spec:
        raise typer.BadParameter(f"{spec!r}: use CATEGORY=VALUE, e.g. user.contact.email=a@b.cn")
    cat, value = spec.split("=", 1)
    return register.ItemInput(cat.strip(), value, channel, basis, source, purposes=purposes)


@app.command("add")
def subject_add(
    kind: Annotated[str, typer.Option(help="customer_contact, partner_contact, guardian, ...")],
    item: Annotated[
        list[str] | None,
        typer.Option(
            help="CATEGORY=VALUE, repeatable; `-` reads one per line from stdin (keeps values "
            "out of shell history)"
        ),
    ] = None,
    channel: Annotated[Channel, typer.Option(help="how the data was collected")] = Channel.PHONE,
    legal_basis: Annotated[LegalBasis, typer.Option()] = LegalBasis.CONTRACT,
    source: Annotated[str, typer.Option(help="source system")] = "piiguard-cli",
    purpose: Annotated[
        list[str] | None,
        typer.Option(
            help="a purpose declared to the person at collection, repeatable, for every item; "
            "each must be one the purpose register allows for every item's category; "
            "default: the register's purposes for each category that need no consent"
        ),
    ] = None,
) -> None:
    """Register a subject with its items; prints the subject id."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.subjects import register

    specs = list(item or [])
    if specs == ["-"]:
        specs = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    with open_container() as c, refusals():
        [r] = register.register_subjects(
            c.uow(),
            c.vault,
            c.clock,
            OPERATOR,
            c.state,
            [
                register.SubjectInput(
                    kind,
                    [
                        _parse_item(
                            s, channel, legal_basis, source, tuple(purpose) if purpose else None
                        )
                        for s in specs
                    ],
                )
            ],
            default_system=c.settings.default_system,
        )
    err.print(f"subject registered with {len(r.items)} item(s)")
    typer.echo(r.subject.id)


@app.command("show")
def subject_show(
    subject_id: str,
    purpose: Annotated[
        str | None,
        typer.Option(
            help="show values for this declared purpose (the read is decided and recorded); "
            "without it, only categories and provenance"
        ),
    ] = None,
) -> None:
    """Show what is held on a subject."""
    from rich.table import Table

    from piiguard.bootstrap import OPERATOR
    from piiguard.services.subjects import read

    with open_container() as c, refusals():
        if purpose is None:
            _, records = read.describe_subject(c.uow(), OPERATOR, subject_id)
            rows = [(r.category, r.provenance.channel.value, r.held_in, "", r.id) for r in records]
        else:
            recorded, items = read.read_subject_data(
                c.uow(), c.vault, c.clock, OPERATOR, c.snapshots, subject_id, purpose
            )
            d = recorded.decision
            err.print(
                f"decision {d.id}: {d.outcome}"
                + (f" (refused: {', '.join(sorted(d.refused))})" if d.refused else ""),
                soft_wrap=True,
            )
            rows = [
                (
                    i.record.category,
                    i.record.provenance.channel.value,
                    i.record.held_in,
                    i.value if i.value is not None else "(credential)",
                    i.record.id,
                )
                for i in items
            ]
    t = Table("category", "channel", "held in", "value", "item")
    t.columns[4].no_wrap = True  # ids are for copying: never cut
    t.columns[4].min_width = 36
    for row in rows:
        t.add_row(*row)
    out.print(t)


@app.command("erase")
def subject_erase(
    subject_id: str, yes: Annotated[bool, typer.Option("--yes", help="do not ask")] = False
) -> None:
    """Erase a subject: delete its items and destroy its data key (crypto-shredding)."""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.subjects import erase

    if not yes:
        typer.confirm(f"Erase subject {subject_id}? This cannot be undone", abort=True)
    with open_container() as c, refusals():
        e = erase.erase_subject(c.uow(), c.vault, c.clock, OPERATOR, subject_id)
    out.print(
        f"erased {subject_id}: {e.items_deleted} item(s) deleted, key "
        f"{'shredded' if e.key_shredded else 'pending (run `piiguard keys sweep`)'}"
    )
