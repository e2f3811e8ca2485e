"""`piiguard scan --by-column` (issue 18): a table-like file's findings once per column and
type, with counts, instead of once per cell.

The files are scanned exactly as without the option (in one process or several, a large
file in parts); the findings of a CSV/TSV file, a spreadsheet or a JSON / JSON Lines file
are then gathered here, in the main process, and each is put in its cell's column
(cells.py): so a column's counts are the per-cell findings of that column, however the file
was cut. Findings outside a column (a title row, a header, a JSON key, a JSON file that does
not parse) and every other file's (mail, logs, text, documents, PDF) are reported one by one
as before; a database's are one per column already.

What leaves here is what a per-cell finding may carry, less its preview: counts, row
numbers and keyed hashes, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piiguard.scanner import cells as c
from piiguard.scanner.detectors import fields
from piiguard.scanner.detectors.model import Validator
from piiguard.scanner.report import Reporter, normalize
from piiguard.scanner.sources.model import Located
from piiguard.scanner.taxonomy import category_of

if TYPE_CHECKING:
    from piiguard.scanner.sources.model import Rendered

EXAMPLES = 5  # rows (and keyed hashes) of a column's first findings
MOSTLY = 0.5  # a header that says the type: more than this share of its cells must fit
NEARLY_ALL = 0.8  # no header saying so: at least this share must

# Types a header says that the field vocabulary (detectors/vocabulary.py) has no meaning
# for: words looked for in the header, Chinese anywhere, English as whole words.
_HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "phone": ("手机", "电话", "联系方式", "mobile", "phone", "tel", "telephone", "cell"),
    "email": ("邮箱", "邮件", "电邮", "email", "e-mail", "mail"),
    "resident_id": ("身份证", "resident_id", "id_card", "idcard", "sfz", "sfzh"),
    "ip_address": ("ip", "ip_address", "ipaddr", "client_ip", "remote_addr"),
    "address": ("地址", "住址", "address", "addr"),
    "bank_card": ("卡号", "银行卡", "card", "card_no"),
    "credit_card": ("信用卡", "credit_card", "card", "card_no"),
    "iban": ("iban",),
    "licence_plate": ("车牌", "plate", "licence_plate", "license_plate"),
}
_MEANING_TYPES: dict[str, tuple[str, ...]] = {
    fields.NAME: ("person_name",),
    fields.NAME_PART: ("person_name",),
    fields.DOB: ("date_of_birth",),
    fields.PASSPORT: ("passport",),
    fields.ID_DOC: ("passport", "resident_id"),
    fields.ACCOUNT: ("bank_account", "bank_card"),
    fields.SECRET: ("secret",),
    fields.COORDINATES: ("coordinates",),
    fields.LATITUDE: ("coordinates",),
}
_WORDS = re.compile(r"[a-z]+(?:[-_][a-z]+)*|[A-Z][a-z]*")
_SAYS: dict[str, frozenset[str]] = {}


def header_types(name: str) -> frozenset[str]:
    """The types a column's header (or a key path's last key) says it holds: `手机号` phone,
    `客户姓名` and `customerName` a person's name, `passport_no` a passport; none for
    `P/N` or `version` (not personal) and for headers that say nothing."""
    key = name.rsplit(".", 1)[-1].removesuffix("[]")
    known = _SAYS.get(key)
    if known is not None:
        return known
    meaning = fields.meaning_of(key)
    says: set[str] = set(_MEANING_TYPES.get(meaning or "", ()))
    if meaning is None:
        lower = key.lower()
        words = {w.lower() for w in _WORDS.findall(key)} | {lower}
        for kind, marks in _HEADER_WORDS.items():
            if any(m in key if not m.isascii() else m in words for m in marks):
                says.add(kind)
    if len(_SAYS) > 10_000:
        _SAYS.clear()
    _SAYS[key] = frozenset(says)
    return _SAYS[key]


@dataclass(frozen=True, slots=True)
class ColumnFinding:
    """One type found in one column of one file (a sheet's, a key path's)."""

    source: str
    kind: str  # what the file is: csv, sheet, json, jsonl
    column: c.Column
    type: str
    findings: int  # per-cell findings of this type in the column (what the option saves)
    cells_matched: int  # cells with at least one of them
    cells: int  # non-empty cells of the column below its header (every one is scanned)
    distinct: int  # distinct values among the findings (by their normalized form)
    rows: tuple[int, ...]  # of the first findings: line (CSV, JSON Lines), row, or record
    hashes: tuple[str, ...]  # keyed hashes of the same first findings
    confidence: float
    classified: bool  # the column holds this type (by its header and values, or values)
    basis: str  # "header+values", "values", or "cells" (found in some cells only)
    validators: tuple[str, ...]

    @property
    def category(self) -> str:
        return category_of(self.type)

    @property
    def where(self) -> str:
        """The column as people name it: `姓名 (column 2)`, `Sheet1!B 手机`, `contact.mobile`."""
        col = self.column
        if self.kind == "sheet":
            from openpyxl.utils import get_column_letter  # noqa: PLC0415 - a workbook's

            return f"{col.sheet}!{get_column_letter(col.position)} {col.name}"
        if col.position:
            return f"{col.name} (column {col.position})"
        return col.name

    def location(self) -> dict[str, Any]:
        col = self.column
        if self.kind in ("json", "jsonl"):
            return {"key_path": col.name}
        where: dict[str, Any] = {"column": col.position, "header": col.name}
        if col.sheet is not None:
            where = {"sheet": col.sheet, **where}
        return where

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "column",
            "source": self.source,
            "location": self.location(),
            "type": self.type,
            "category": self.category,
            "confidence": self.confidence,
            "classified": self.classified,
            "basis": self.basis,
            "findings": self.findings,
            "cells_matched": self.cells_matched,
            "cells": self.cells,
            "distinct": self.distinct,
            "rows": list(self.rows),
            "hashes": list(self.hashes),
            "validators": list(self.validators),
        }


@dataclass(slots=True)
class _Tally:
    order: int
    findings: int = 0
    confidence: float = 0.0
    cells: set[object] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # in memory only: to count distinct ones
    first: list[Located] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    validators: set[Validator] = field(default_factory=set)

    def add(self, located: Located, cell: object, row: int) -> None:
        h = located.hit
        self.findings += 1
        self.confidence += h.confidence
        self.cells.add(cell)
        self.values.add(h.value)
        self.validators.add(h.validator)
        if len(self.first) < EXAMPLES:
            self.first.append(located)
            self.rows.append(row)


@dataclass(slots=True)
class Summary:
    """What `--by-column` reported, for the closing line and the table's caption."""

    files: int = 0
    columns: int = 0
    classified: int = 0
    cells: int = 0
    cells_matched: int = 0
    in_columns: int = 0  # per-cell findings gathered into columns
    one_by_one: int = 0  # findings still reported one by one

    def add(self, found: ColumnFinding) -> None:
        self.columns += 1
        self.classified += found.classified
        self.cells_matched += found.cells_matched
        self.in_columns += found.findings

    def line(self) -> str:
        return (
            f"by column: {self.columns} column finding(s) ({self.classified} classified) "
            f"in {self.files} file(s), {self.cells_matched} of {self.cells} cell(s) matched, "
            f"{self.in_columns} cell finding(s) gathered; {self.one_by_one} finding(s) "
            f"reported one by one / 按列汇总：{self.files} 个文件 {self.columns} 条列结果"
            f"（{self.classified} 列已分类），{self.cells} 个单元格中 {self.cells_matched} 个"
            f"匹配；另有 {self.one_by_one} 条逐条报告"
        )


def _finding(
    source: str, kind: str, column: c.Column, t: str, tally: _Tally, cells: int, r: Reporter
) -> ColumnFinding:
    matched = len(tally.cells)
    mean = tally.confidence / tally.findings
    if t in header_types(column.name) and matched > MOSTLY * cells:
        basis, confidence = "header+values", max(mean, 0.95)
    elif matched >= NEARLY_ALL * cells and matched >= 3:
        basis, confidence = "values", mean
    else:
        basis, confidence = "cells", mean
    return ColumnFinding(
        source=source,
        kind=kind,
        column=column,
        type=t,
        findings=tally.findings,
        cells_matched=matched,
        cells=cells,
        distinct=len({normalize(t, v) for v in tally.values}),
        rows=tuple(tally.rows),
        hashes=tuple(r.hash(x.hit.type, x.hit.value) for x in tally.first),
        confidence=round(confidence, 4),
        classified=basis != "cells",
        basis=basis,
        validators=tuple(sorted(v.value for v in tally.validators)),
    )


_REF = re.compile(r"([A-Z]+)([0-9]+)")


def _in_sheets(
    path: Path, found: list[Located], tallies: dict[tuple[c.Column, str], _Tally]
) -> tuple[dict[c.Column, int], list[Located]]:
    counts, named = c.sheet_cells_of(path)
    rest: list[Located] = []
    for located in found:
        ref = _REF.fullmatch(str(located.location.get("cell", "")))
        column = named.get((located.location.get("sheet", ""), ref.group(1))) if ref else None
        if ref is None or column is None or ref.group(2) == "1":
            rest.append(located)
            continue
        row = int(ref.group(2))
        _tally(tallies, column, located.hit.type).add(located, (row, column.position), row)
    return counts, rest


def _in_text(
    path: Path, kind: str, found: list[Located], tallies: dict[tuple[c.Column, str], _Tally]
) -> tuple[dict[c.Column, int], list[Located]]:
    """Each finding put in the cell its start lies in (cells and findings both in file
    order: one pass over each)."""
    ordered = sorted(found, key=lambda x: int(x.location.get("start", -1)))
    starts = [int(x.location.get("start", -1)) for x in ordered]
    cells = c.csv_cells_of(path) if kind == "csv" else c.json_cells_of(path, kind == "jsonl")
    counts: dict[c.Column, int] = {}
    rest: list[Located] = []
    i, n = 0, len(ordered)
    for start, end, column, row in cells:
        counts[column] = counts.get(column, 0) + 1
        if i == n or starts[i] >= end:
            continue
        while i < n and starts[i] < start:
            rest.append(ordered[i])
            i += 1
        while i < n and starts[i] < end:
            located = ordered[i]
            _tally(tallies, column, located.hit.type).add(located, start, row)
            i += 1
    rest += ordered[i:]
    return counts, rest


def _tally(tallies: dict[tuple[c.Column, str], _Tally], column: c.Column, kind: str) -> _Tally:
    tally = tallies.get((column, kind))
    if tally is None:
        tally = tallies[(column, kind)] = _Tally(len(tallies))
    return tally


def gather(
    source: str, found: list[Located], reporter: Reporter, summary: Summary
) -> tuple[list[ColumnFinding], list[Located]]:
    """A table-like file's findings as column findings, and those outside any column."""
    path = Path(source)
    kind = c.kind_of(path)
    if kind is None or not found or "start" not in found[0].location:
        return [], found
    tallies: dict[tuple[c.Column, str], _Tally] = {}
    try:
        if kind == "sheet":
            counts, rest = _in_sheets(path, found, tallies)
        else:
            counts, rest = _in_text(path, kind, found, tallies)
    except (OSError, ValueError):  # changed or unreadable since it was scanned
        return [], found
    if not tallies:
        return [], found
    summary.files += 1
    summary.cells += sum(counts[column] for column in {col for col, _t in tallies})
    place = {column: i for i, column in enumerate(counts)}  # the columns' order in the file
    out = [
        _finding(source, kind, column, t, tally, counts.get(column, 0), reporter)
        for (column, t), tally in sorted(
            tallies.items(), key=lambda kv: (place.get(kv[0][0], len(place)), kv[1].order)
        )
    ]
    for finding in out:
        summary.add(finding)
    rest.sort(key=lambda x: (x.location.get("sheet", ""), int(x.location.get("start", 0))))
    return out, rest


Item = list[Located] | ColumnFinding


def by_column(
    batches: Iterable[list[Located] | Rendered], reporter: Reporter, summary: Summary
) -> Iterator[Item]:
    """The scan's batches with each table-like file's findings gathered into columns (a
    file's findings arrive together, in batches one after another)."""
    held: list[Located] = []  # a table-like file's findings, until the file's end
    kinds: dict[str, bool] = {}  # source: whether it is table-like
    for batch in batches:
        if not isinstance(batch, list):  # rendered in a worker: never with --by-column
            raise TypeError("--by-column needs the located findings")
        passed: list[Located] = []
        for located in batch:
            if held and located.source != held[0].source:
                yield from _flush(held, reporter, summary)
                held = []
            tabular = kinds.get(located.source)
            if tabular is None:
                if len(kinds) > 10_000:
                    kinds.clear()
                tabular = kinds[located.source] = c.kind_of(Path(located.source)) is not None
            if not tabular:
                passed.append(located)
                continue
            if passed:
                summary.one_by_one += len(passed)
                yield passed
                passed = []
            held.append(located)
        if passed:
            summary.one_by_one += len(passed)
            yield passed
    if held:
        yield from _flush(held, reporter, summary)


def _flush(held: list[Located], reporter: Reporter, summary: Summary) -> Iterator[Item]:
    columns, rest = gather(held[0].source, held, reporter, summary)
    if rest:
        summary.one_by_one += len(rest)
        yield rest
    yield from columns
