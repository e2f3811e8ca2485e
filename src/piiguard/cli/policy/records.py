"""`piiguard records ...`: the record of processing activities (R10.1;
docs/accountability.md), generated from the registers and kept as numbered versions with
their SHA-256 — show it now, as it stood on a date, or any version; as a table, JSON, CSV
(whole, or the GDPR Art. 30 or PIPL layout) or XLSX (both layouts, a sheet each); list the
versions kept."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from piiguard.cli.common import err, fmt_at, open_container, out, parse_when, print_table, refusals

app = typer.Typer(
    help="The record of processing activities (R10.1, GDPR Art. 30, PIPL Art. 51): "
    "generated from the registers, each version kept with its SHA-256; table, JSON, CSV or "
    "XLSX. 个人信息处理活动记录。",
    no_args_is_help=True,
)


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


class LayoutName(StrEnum):
    GDPR = "gdpr"
    PIPL = "pipl"


@app.command("show")
def records_show(
    version: Annotated[
        int | None, typer.Option(min=1, help="a version kept earlier (see `records versions`)")
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(help="as it stood at this time: YYYY-MM-DD or YYYY-MM-DDTHH:MM[+08:00]"),
    ] = None,
    fmt: Annotated[
        Format, typer.Option("--format", help="table, json, csv or xlsx (xlsx needs --output)")
    ] = Format.TABLE,
    layout: Annotated[
        LayoutName | None,
        typer.Option(help="gdpr (GDPR Art. 30) or pipl (PIPL, in Chinese): its columns only"),
    ] = None,
    output: Annotated[
        Path | None, typer.Option(help="write the JSON, CSV or XLSX to this file instead")
    ] = None,
) -> None:
    """The record (regenerated from the registers first: a change since the last version
    is kept as a new one). 显示处理活动记录。"""
    from piiguard.bootstrap import OPERATOR
    from piiguard.domain.records.build import provenance_cells, to_csv
    from piiguard.services.records import generate as gen

    at = parse_when(as_of, "--as-of") if as_of else None
    with open_container() as c, refusals():
        if version is not None:
            v = gen.record_version(c.uow(readonly=True), version)
        elif at is not None and at < c.clock.now():
            v = gen.record_as_of(c.uow(readonly=True), at)
        else:
            v, new = gen.generate_record(
                c.uow(), c.clock, OPERATOR, c.state.taxonomy, c.settings.home_region
            )
            if new:
                err.print(f"The registers changed: kept as version {v.version}.")
        controller = (c.settings.company_name, c.settings.privacy_officer_email)
    body = gen.body_of(v)
    head = f"version {v.version}  sha256 {v.sha256}  generated {fmt_at(v.generated_at)} UTC"
    if fmt is Format.XLSX or layout is not None:
        _shaped(body, fmt, layout, output, head, controller)
        return
    if fmt is Format.TABLE:
        if output is not None:
            raise typer.BadParameter("--output needs --format json or csv", param_hint="--output")
        out.print(head)
        print_table(
            [
                "purpose",
                "legal basis",
                "categories",
                "kinds of people",
                "source systems",
                "channels",
                "systems",
                "recipients",
                "retention",
            ],
            [
                [
                    a["purpose"],
                    a["legal_basis"],
                    ", ".join(
                        c["key"] + (" (sensitive)" if c["tier"] == "sensitive" else "")
                        for c in a["categories"]
                    ),
                    *provenance_cells(a),
                    ", ".join(f"{s['key']} ({s['region']})" for s in a["systems"]),
                    ", ".join(
                        f"{r['key']} ({r['country']}{', abroad' if r['abroad'] else ''})"
                        for r in a["recipients"]
                    ),
                    f"{a['retention']['days']} days",
                ]
                for a in body["activities"]
            ],
        )
        return
    if fmt is Format.CSV:
        text = to_csv(body)
    else:
        whole = {
            "version": v.version,
            "sha256": v.sha256,
            "generated_at": v.generated_at.isoformat(),
            "generated_by": v.generated_by,
            "record": body,
        }
        text = json.dumps(whole, ensure_ascii=False, indent=2, sort_keys=True)
    _write(text, output, head)


def _shaped(
    body: dict[str, Any],
    fmt: Format,
    layout: LayoutName | None,
    output: Path | None,
    head: str,
    controller: tuple[str, str],
) -> None:
    """The XLSX workbook (both layouts) or one layout as a table or CSV."""
    from piiguard.bootstrap.evidence import records_xlsx
    from piiguard.domain.records.layouts import Layout, sheet, sheet_csv, sheets

    if fmt is Format.XLSX:
        if output is None:
            raise typer.BadParameter("--format xlsx needs --output FILE", param_hint="--output")
        output.write_bytes(records_xlsx(sheets(body, *controller)))
        err.print(f"Wrote {output} ({head}; sheets: GDPR Art. 30, PIPL).")
        return
    assert layout is not None  # noqa: S101 (the caller's condition)
    shown = sheet(body, Layout(layout.value), *controller)
    if fmt is Format.CSV:
        _write(sheet_csv(shown), output, head)
    elif fmt is Format.TABLE and output is None:
        out.print(f"{shown.title}\n{head}", markup=False, highlight=False)
        print_table(list(shown.header), [list(r) for r in shown.rows])
    else:
        raise typer.BadParameter("--layout goes with --format table or csv", param_hint="--layout")


def _write(text: str, output: Path | None, head: str) -> None:
    if output is None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"Wrote {output} ({head}).")


@app.command("versions")
def records_versions() -> None:
    """The versions kept, newest first: number, SHA-256, when, by whom. 已保留的版本。"""
    from piiguard.services.records import generate as gen

    with open_container() as c:
        found = gen.record_versions(c.uow(readonly=True), 500)
    if not found:
        err.print("No version kept yet: `piiguard records show` generates the first.")
        return
    print_table(
        ["version", "sha256", "generated (UTC)", "by"],
        [[str(v.version), v.sha256, fmt_at(v.generated_at), v.generated_by] for v in found],
    )
