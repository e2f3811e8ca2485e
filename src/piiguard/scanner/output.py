"""Writers of findings: a readable table, JSON Lines, SARIF 2.1.0."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import resources
from typing import IO, TYPE_CHECKING, Any

from piiguard.scanner.report import Finding, Reporter
from piiguard.scanner.sources.model import Located, Rendered, Skipped, shown
from piiguard.scanner.taxonomy import CATEGORY

if TYPE_CHECKING:  # rich is imported for a table only: JSON Lines start without it
    from rich.console import Console

    from piiguard.scanner.columns import ColumnFinding, Summary

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://example.invalid/piiguard"  # no public home yet; SARIF wants a URI
# Rows a table shows: rich sizes a table's columns from all its rows, so the table holds them
# in memory (8 million findings of a 200 MB log took 21 GB); nobody reads more on a screen.
TABLE_ROWS = 1000


def schema(name: str) -> dict[str, Any]:
    """A JSON schema shipped with the scanner: "finding" (one JSON line) or "sarif"."""
    text = resources.files("piiguard.scanner") / "schemas" / f"{name}.schema.json"
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


def _where(location: dict[str, Any], zh: bool = False) -> str:  # noqa: PLR0911 - one return per kind
    """Where a finding is, as a person reads it: in English, and with `zh` (the table) in
    Chinese beside it; SARIF's logical locations keep the English alone."""
    span = f"[{location.get('start')}:{location.get('end')}]"
    if "mime_part" in location:
        part, line = location["mime_part"], location["line"]
        both = f" 邮件第 {part} 部分第 {line} 行" if zh else ""
        return f"mail part {part} line {line}{both} {span}"
    if "line" in location:
        line = location["line"]
        return f"line {line}{f' 第 {line} 行' if zh else ''} {span}"
    if "sheet" in location:
        return f"{location['sheet']}!{location['cell']}"
    if "paragraph" in location:
        n = location["paragraph"]
        return f"paragraph {n}{f' 第 {n} 段' if zh else ''}"
    if "page" in location:
        n = location["page"]
        return f"page {n}{f' 第 {n} 页' if zh else ''}"
    if "table" in location and "column" in location and "share" in location:
        rows = f"{location['rows_matched']}/{location['rows_sampled']}"
        return f"{rows} rows{' 行' if zh else ''}"
    if "table" in location:
        t, r, c = location["table"], location["row"], location["column"]
        both = f" 表 {t} 第 {r} 行 {c} 列" if zh else ""
        return f"table {t} row {r} col {c}{both}"
    return json.dumps(location, ensure_ascii=False)


# the tables' headings, in English and Chinese as every word the scan prints
FINDING_HEADINGS = (
    "source 来源",
    "where 位置",
    "type 类型",
    "category 数据类别",
    "confidence 置信度",
    "validator 依据",
    "preview 预览",
)
COLUMN_HEADINGS = (
    "source 来源",
    "column 列",
    "type 类型",
    "cells 单元格",
    "findings 发现数",
    "rows 行",
    "confidence 置信度",
)


def write_table(
    items: Iterable[Finding | ColumnFinding], console: Console, summary: Summary | None = None
) -> int:
    """The findings as a table (the first TABLE_ROWS of them, the rest counted); with
    `--by-column`, first a table of the columns. Returns the count of findings and columns."""
    from rich.table import Table  # noqa: PLC0415 - see above

    columns: list[ColumnFinding] = []
    table = Table(title="Personal data found 发现的个人数据")
    for column in FINDING_HEADINGS:
        table.add_column(column)
    count = 0
    for f in items:
        if not isinstance(f, Finding):
            columns.append(f)
            continue
        count += 1
        if count > TABLE_ROWS:
            continue  # counted, not kept
        shown = f.value if f.value is not None else f.preview
        table.add_row(
            f.source,
            _where(f.location, zh=True),
            f.type,
            f.category,
            f"{f.confidence:.2f}",
            f.validator,
            shown,
        )
    if columns:
        by_column = Table(title="Columns with personal data 含个人信息的列")
        for heading in COLUMN_HEADINGS:
            by_column.add_column(heading)
        for col in columns:
            by_column.add_row(
                col.source,
                col.where_both,
                f"{col.type}{'' if col.classified else ' (some cells 部分单元格)'}",
                f"{col.cells_matched}/{col.cells}",
                str(col.findings),
                ", ".join(map(str, col.rows)),
                f"{col.confidence:.2f}",
            )
        console.print(by_column)
    if count:
        console.print(table)
    elif not columns:
        console.print("No personal data found. 未发现个人数据。")
    if count > TABLE_ROWS:
        rest = count - TABLE_ROWS
        console.print(
            f"… and {rest} more finding(s), not shown: the table lists the first {TABLE_ROWS}. "
            "See them all with --format jsonl -o FILE, or one line per column with --by-column. "
            f"另有 {rest} 条发现未列出（表格只列前 {TABLE_ROWS} 条）：用 --format jsonl -o 文件 "
            "查看全部，或用 --by-column 按列汇总。",
            markup=False,
            soft_wrap=True,
        )
    if summary is not None:
        console.print(summary.line(), markup=False)
    return count + len(columns)


def write_jsonl(
    batches: Iterable[list[Located] | Rendered | ColumnFinding],
    reporter: Reporter,
    stream: IO[bytes],
) -> int:
    """One JSON line a finding, in UTF-8 (the schema: schemas/finding.schema.json); batches
    of located hits rendered at once (report.Reporter.lines: in C when it is built), or
    already rendered by a worker process; with `--by-column`, a line per column finding
    too (schemas/column.schema.json)."""
    count = 0
    for batch in batches:
        if isinstance(batch, Rendered):
            stream.write(batch.lines)
            count += batch.findings
        elif isinstance(batch, list):
            stream.write(reporter.lines(batch))
            count += len(batch)
        else:
            stream.write(json.dumps(batch.to_dict(), ensure_ascii=False).encode() + b"\n")
            count += 1
    return count


def _sarif_result(f: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": f.source}}
    if "line" in f.location and "mime_part" not in f.location:  # offsets into the file
        physical["region"] = {
            "startLine": f.location["line"],
            "charOffset": f.location["start"],
            "charLength": f.location["end"] - f.location["start"],
        }
    return {
        "ruleId": f.type,
        "level": "warning",
        "message": {"text": f"{f.type} ({f.category}) found: {f.value or f.preview}"},
        "locations": [
            {
                "physicalLocation": physical,
                "logicalLocations": [{"name": _where(f.location), "kind": "element"}],
            }
        ],
        "partialFingerprints": {"valueHash/v1": f.hash},
        "properties": {k: v for k, v in f.to_dict().items() if k not in ("source", "type")},
    }


def _sarif_column(col: ColumnFinding) -> dict[str, Any]:
    """A column finding as a SARIF result: the file, the column as its logical location,
    the counts and keyed hashes as properties."""
    data = col.to_dict()
    identity = "\x1f".join((col.source, col.column.sheet or "", col.column.name, col.type))
    return {
        "ruleId": col.type,
        "level": "warning",
        "message": {
            "text": f"{col.type} ({col.category}) in column {col.where}: "
            f"{col.cells_matched} of {col.cells} cells"
        },
        "locations": [
            {
                "physicalLocation": {"artifactLocation": {"uri": col.source}},
                "logicalLocations": [{"name": col.where, "kind": "element"}],
            }
        ],
        "partialFingerprints": {
            "column/v1": hashlib.sha256(identity.encode()).hexdigest(),
        },
        "properties": {k: v for k, v in data.items() if k not in ("source", "type")},
    }


def _rules() -> list[dict[str, Any]]:
    return [
        {
            "id": kind,
            "name": kind,
            "shortDescription": {"text": f"{kind} ({category})"},
            "properties": {"category": category},
        }
        for kind, category in CATEGORY.items()
    ]


def _summary(summary: Summary) -> dict[str, Any]:
    return {"byColumn": {k: getattr(summary, k) for k in summary.__slots__}}


def _indented(value: Any, depth: int) -> str:
    """`value` as json.dump(indent=2) writes it `depth` levels deep."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


def write_sarif(
    items: Iterable[Finding | ColumnFinding],
    stream: IO[str],
    skipped: Iterable[Skipped] = (),
    summary: Summary | None = None,
    version: str = "0.1.0",
) -> int:
    """One SARIF 2.1.0 run (schemas/sarif.schema.json), its results written as they come —
    never gathered: a scan's findings may not fit in memory. What is known only at the end
    (the files skipped, the `--by-column` summary: both may be filled while `items` is read)
    follows the results. Returns the count of results."""
    tool = {
        "driver": {
            "name": "piiguard-scan",
            "version": version,
            "informationUri": TOOL_URI,
            "rules": _rules(),
        }
    }
    head = f'{{\n  "$schema": "{SARIF_SCHEMA_URI}",\n  "version": "2.1.0",\n  "runs": [\n    {{\n'
    stream.write(f'{head}      "tool": {_indented(tool, 3)},\n      "results": [')
    count = 0
    for item in items:
        result = _sarif_result(item) if isinstance(item, Finding) else _sarif_column(item)
        stream.write(("\n" if count == 0 else ",\n") + "        " + _indented(result, 4))
        count += 1
    stream.write("\n      ]," if count else "],")
    notifications = [
        {"level": "note", "message": {"text": f"skipped {shown(s.source)}: {s.reason}"}}
        for s in skipped
    ]
    invocations = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    stream.write(f'\n      "invocations": {_indented(invocations, 3)}')
    if summary is not None:
        stream.write(f',\n      "properties": {_indented(_summary(summary), 3)}')
    stream.write("\n    }\n  ]\n}\n")
    return count
