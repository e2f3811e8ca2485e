"""`piiguard paper ...` and `piiguard media ...`: paper records and removable media in
custody (R5.2, R5.4, R5.6; docs/custody.md). The operator on the host keeps the registers;
a witness confirms a shredding, wipe or destruction with their own staff account on the
console or the API (`POST .../witness`), never here. No document label or value is
printed: ids, categories, counts, systems, places."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from piiguard.cli.common import fmt_at, open_container, out, print_table, refusals

if TYPE_CHECKING:
    from piiguard.bootstrap import Container
    from piiguard.domain.custody.records import Medium, PaperRecord

paper_app = typer.Typer(
    help="Paper records (R5.2): printouts registered, locked away, archived, shredded with a "
    "witness; overdue ones flagged. 纸质记录登记簿。",
    no_args_is_help=True,
)
media_app = typer.Typer(
    help="Removable media (R5.4): registered (encrypted when they hold sensitive data), "
    "checked out and in, counted at inventories, wiped or destroyed with a witness. "
    "移动介质登记簿。",
    no_args_is_help=True,
)
inventory_app = typer.Typer(
    help="The periodic inventory of removable media: every medium seen or missing. 介质盘点。",
    no_args_is_help=True,
)
media_app.add_typer(inventory_app, name="inventory")

Categories = Annotated[
    list[str],
    typer.Option("--category", help="a data category (repeat the option for several)"),
]
Witness = Annotated[str, typer.Option(help="a second person: a staff account's e-mail or id")]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r}: use YYYY-MM-DD", param_hint="--on") from None


def _paper_row(p: PaperRecord, overdue: bool) -> list[str]:
    status = p.status.value + (" (OVERDUE)" if overdue else "")
    if p.shredding is not None:
        status += " (witnessed)" if not p.shredding.pending else " (witness pending)"
    return [
        p.id,
        status,
        ", ".join(sorted(p.categories)),
        str(p.people),
        p.system,
        p.custodian,
        f"{p.location} · {p.cabinet}",
        fmt_at(p.printed_at),
    ]


PAPER_HEAD = ["id", "status", "categories", "people", "system", "custodian", "where", "printed"]


def _print_paper(records: list[PaperRecord], c: Container) -> None:
    now, limit = c.clock.now(), c.custody.paper_limit
    print_table(PAPER_HEAD, [_paper_row(p, p.overdue(now, limit)) for p in records])


@paper_app.command("list")
def paper_list(
    status: Annotated[str | None, typer.Option(help="in_use, locked, archived or shredded")] = None,
    overdue: Annotated[
        bool, typer.Option("--overdue", help="only printouts in use past the set time")
    ] = False,
) -> None:
    """The register of printouts (no document label: see the console's page). 打印件列表。"""
    from piiguard.domain.custody.records import PaperStatus
    from piiguard.services.custody import paper as pp

    with open_container() as c, refusals():
        if overdue:
            found = pp.overdue_papers(c.custody)
        else:
            wanted = (PaperStatus(status),) if status else ()
            found = pp.list_papers(c.custody, wanted)
        _print_paper(found, c)


@paper_app.command("register")
def paper_register(
    label: Annotated[str, typer.Option(help="what the document is (a reference; no names)")],
    category: Categories,
    people: Annotated[int, typer.Option(help="how many people it is about")],
    system: Annotated[str, typer.Option(help="the data-map system it was printed from")],
    custodian: Annotated[str, typer.Option(help="staff account (e-mail or id) keeping it")],
    location: Annotated[str, typer.Option(help="room or site")],
    cabinet: Annotated[str, typer.Option(help="the cabinet or safe it is locked in")],
    printed_by: Annotated[
        str, typer.Option(help="staff account who printed it (default: the operator)")
    ] = "",
) -> None:
    """Register a printout; it must be locked away or shredded within
    PIIGUARD_PAPER_LOCK_HOURS. Refused from a system not approved in the data map. 登记打印件。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import paper as pp

    with open_container() as c, refusals():
        p = pp.register_print(
            c.custody,
            OPERATOR,
            label=label,
            categories=frozenset(category),
            people=people,
            system=system,
            custodian=custodian,
            location=location,
            cabinet=cabinet,
            printed_by=printed_by,
        )
        due = fmt_at(p.due_at(c.custody.paper_limit))
    out.print(f"printout {p.id} registered (in use; lock it away or shred it by {due} UTC)")


def _move(record_id: str, how: str, location: str, cabinet: str, custodian: str) -> None:
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import paper as pp

    act = pp.lock_paper if how == "lock" else pp.archive_paper
    with open_container() as c, refusals():
        p = act(
            c.custody, OPERATOR, record_id, location=location, cabinet=cabinet, custodian=custodian
        )
    out.print(f"printout {p.id}: {p.status.value} ({p.location} · {p.cabinet})")


Where = Annotated[str, typer.Option(help="a new location (default: where it was)")]
Cabinet = Annotated[str, typer.Option(help="a new cabinet (default: its own)")]
Keeper = Annotated[str, typer.Option(help="a new custodian (default: the same)")]


@paper_app.command("lock")
def paper_lock(
    record_id: str, location: Where = "", cabinet: Cabinet = "", custodian: Keeper = ""
) -> None:
    """Record a printout locked in its cabinet. 锁存。"""
    _move(record_id, "lock", location, cabinet, custodian)


@paper_app.command("archive")
def paper_archive(
    record_id: str, location: Where = "", cabinet: Cabinet = "", custodian: Keeper = ""
) -> None:
    """Record a printout moved to the locked archive. 归档。"""
    _move(record_id, "archive", location, cabinet, custodian)


@paper_app.command("shred")
def paper_shred(
    record_id: str,
    on: Annotated[str, typer.Option(help="the day it was shredded, YYYY-MM-DD")],
    method: Annotated[
        str, typer.Option(help="cross_cut, micro_cut, strip_cut, pulping, incineration, contractor")
    ],
    witness: Witness,
) -> None:
    """Record a shredding seen by a witness, who then confirms it with their own account on
    the console (or POST /api/v1/paper/ID/witness). 记录粉碎（须见证人确认）。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import paper as pp

    with open_container() as c, refusals():
        p = pp.shred_paper(
            c.custody, OPERATOR, record_id, shredded_on=_day(on), method=method, witness=witness
        )
    out.print(
        f"printout {p.id}: shredded; waiting for the witness to confirm "
        f"(/console/custody/paper/{p.id})"
    )


# -- media -------------------------------------------------------------------------------


def _medium_row(m: Medium) -> list[str]:
    status = m.status.value
    if m.holder:
        status += f" ({m.holder})"
    if m.incident:
        status += f" (incident {m.incident})"
    return [
        m.identifier,
        m.id,
        m.kind.value,
        "yes" if m.encrypted else "no",
        ", ".join(sorted(m.categories)) or "—",
        m.system or "—",
        m.custodian,
        m.location,
        status,
    ]


MEDIA_HEAD = ["identifier", "id", "kind", "encrypted", "categories", "system", "custodian"]
MEDIA_HEAD += ["where", "status"]


@media_app.command("list")
def media_list(
    status: Annotated[
        str | None, typer.Option(help="stored, checked_out, missing, wiped or destroyed")
    ] = None,
) -> None:
    """The register of removable media. 移动介质列表。"""
    from piiguard.domain.custody.records import MediaStatus
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        found = md.list_media(c.custody, (MediaStatus(status),) if status else ())
    print_table(MEDIA_HEAD, [_medium_row(m) for m in found])


@media_app.command("show")
def media_show(medium: Annotated[str, typer.Argument(help="its id or identifier")]) -> None:
    """One medium and its history. 介质详情与记录。"""
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        m, history = md.view_medium(c.custody, medium)
    print_table(MEDIA_HEAD, [_medium_row(m)])
    print_table(
        ["when", "what", "by", "holder / where"],
        [[fmt_at(h.at), h.kind.value, h.by, h.holder or h.location] for h in history],
    )


@media_app.command("register")
def media_register(
    identifier: Annotated[str, typer.Argument(help="asset tag or serial number")],
    kind: Annotated[
        str, typer.Option(help="usb_drive, external_disk, sd_card, optical_disc, tape, other")
    ],
    custodian: Annotated[str, typer.Option(help="staff account (e-mail or id) keeping it")],
    location: Annotated[str, typer.Option(help="where it is locked away")],
    encryption: Annotated[
        str, typer.Option(help="how it is encrypted (e.g. 'LUKS2 AES-256'); none: not encrypted")
    ] = "",
    category: Annotated[
        list[str] | None,
        typer.Option("--category", help="a category its contents hold (repeat; none: no data)"),
    ] = None,
    system: Annotated[str, typer.Option(help="the data-map system its contents come from")] = "",
) -> None:
    """Register a removable medium; one holding a sensitive category must be encrypted.
    登记移动介质。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.custody.records import MediaKind
    from piiguard.domain.errors import InvalidInput
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        if kind not in {k.value for k in MediaKind}:
            raise InvalidInput(f"kind must be one of {', '.join(MediaKind)}", field="kind")
        m = md.register_medium(
            c.custody,
            OPERATOR,
            identifier=identifier,
            kind=MediaKind(kind),
            encrypted=bool(encryption.strip()),
            encryption=encryption,
            categories=frozenset(category or ()),
            system=system,
            custodian=custodian,
            location=location,
        )
    out.print(f"medium {m.identifier} registered ({m.id}), locked away at {m.location}")


@media_app.command("check-out")
def media_check_out(
    medium: str, holder: Annotated[str, typer.Option(help="staff account taking it")]
) -> None:
    """Out of its lock to a member of staff. 领出。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        m = md.check_out(c.custody, OPERATOR, medium, holder)
    out.print(f"medium {m.identifier}: checked out to {m.holder}")


@media_app.command("check-in")
def media_check_in(medium: str, location: Where = "") -> None:
    """Back under lock. 归还锁存。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        m = md.check_in(c.custody, OPERATOR, medium, location)
    out.print(f"medium {m.identifier}: locked away at {m.location}")


def _dispose(medium: str, how: str, on: str, method: str, witness: str) -> None:
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.custody.records import Disposal
    from piiguard.services.custody import media as md

    with open_container() as c, refusals():
        m = md.dispose_medium(
            c.custody,
            OPERATOR,
            medium,
            how=Disposal(how),
            done_on=_day(on),
            method=method,
            witness=witness,
        )
    out.print(
        f"medium {m.identifier}: {m.status.value}; waiting for the witness to confirm "
        f"(/console/custody/media/{m.id})"
    )


On = Annotated[str, typer.Option(help="the day, YYYY-MM-DD")]


@media_app.command("wipe")
def media_wipe(
    medium: str,
    on: On,
    method: Annotated[str, typer.Option(help="overwrite, crypto_erase, secure_erase, degauss")],
    witness: Witness,
) -> None:
    """Record a medium wiped, seen by a witness (who confirms it themselves). 擦除。"""
    _dispose(medium, "wipe", on, method, witness)


@media_app.command("destroy")
def media_destroy(
    medium: str,
    on: On,
    method: Annotated[str, typer.Option(help="shred, disintegrate, incinerate, drill, contractor")],
    witness: Witness,
) -> None:
    """Record a medium destroyed, seen by a witness (who confirms it themselves). 销毁。"""
    _dispose(medium, "destroy", on, method, witness)


@media_app.command("missing")
def media_missing(medium: str) -> None:
    """Report a medium missing: with personal data, an incident is opened. 报告丢失。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        m = inv.report_missing(c.custody, OPERATOR, medium)
    tail = f"; incident {m.incident}" if m.incident else ""
    out.print(f"medium {m.identifier}: missing{tail}")


@media_app.command("found")
def media_found(
    medium: str, location: Annotated[str, typer.Option(help="where it is locked away now")]
) -> None:
    """A missing medium found and locked away again. 记录找到。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        m = inv.record_found(c.custody, OPERATOR, medium, location)
    out.print(f"medium {m.identifier}: found, locked away at {m.location}")


@inventory_app.command("start")
def inventory_start() -> None:
    """Start an inventory: a line for every medium stored, checked out or missing. 开始盘点。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        view = inv.start_inventory(c.custody, OPERATOR)
    out.print(f"inventory {view.inventory.id} started: {len(view.lines)} media to count")


@inventory_app.command("show")
def inventory_show(inventory_id: str) -> None:
    """An inventory's lines. 盘点详情。"""
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        view = inv.view_inventory(c.custody, inventory_id)
    out.print(
        f"inventory {view.inventory.id}: {view.inventory.status.value}, {view.pending} pending"
    )
    print_table(
        ["identifier", "outcome", "seen at", "by"],
        [
            [view.media[x.medium_id].identifier, x.outcome.value, x.seen_at, x.by]
            for x in view.lines
        ],
    )


@inventory_app.command("seen")
def inventory_seen(
    inventory_id: str,
    medium: str,
    at: Annotated[str, typer.Option(help="where it was seen, or with whom")],
) -> None:
    """A medium seen at the inventory. 见到。"""
    _settle(inventory_id, medium, "confirmed", at)


@inventory_app.command("lost")
def inventory_lost(inventory_id: str, medium: str) -> None:
    """A medium not found at the inventory: missing (an incident when it holds data). 丢失。"""
    _settle(inventory_id, medium, "missing", "")


def _settle(inventory_id: str, medium: str, outcome: str, at: str) -> None:
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.custody.records import LineOutcome
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        line = inv.settle_line(c.custody, OPERATOR, inventory_id, medium, LineOutcome(outcome), at)
    out.print(f"inventory {inventory_id}: {line.medium_id} {line.outcome.value}")


@inventory_app.command("close")
def inventory_close(inventory_id: str) -> None:
    """Close an inventory once every medium is seen or missing. 结束盘点。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.services.custody import inventory as inv

    with open_container() as c, refusals():
        i = inv.close_inventory(c.custody, OPERATOR, inventory_id)
    out.print(f"inventory {i.id}: closed {fmt_at(i.closed_at)} UTC")
