"""`piiguard scan --by-column` (issue 18): a table-like file's findings once per column and
type, with counts, instead of once per cell.

The files are scanned exactly as without the option (in one process or several, a large
file in parts); the findings of a CSV/TSV file, a spreadsheet or a JSON / JSON Lines file
are then gathered here, in the main process, as they arrive, each put in its cell's column
(cells.py, read alongside): so a column's counts are the per-cell findings of that column,
however the file was cut, and memory holds tallies, not the file's findings. Findings
outside a column (a title row, a header, a JSON key, a JSON file that does not parse) and
every other file's (mail, logs, text, documents, PDF) are reported one by one as before; a
database's are one per column already.

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
from piiguard.scanner.sources.model import Located, shown
from piiguard.scanner.taxonomy import category_of

if TYPE_CHECKING:
    from piiguard.scanner.sources.model import Rendered

EXAMPLES = 5  # rows (and keyed hashes) of a column's first findings
MOSTLY = 0.5  # a header that says the type: more than this share of its cells must fit
NEARLY_ALL = 0.8  # no header saying so: at least this share must
DISTINCT_AT_MOST = 10_000  # distinct values counted per column (memory: the values)

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
    fields.NICK: ("person_name",),
    fields.DOB: ("date_of_birth",),
    fields.PASSPORT: ("passport",),
    fields.ID_DOC: ("passport", "resident_id"),
    fields.ACCOUNT: ("bank_account", "bank_card"),
    fields.SECRET: ("secret",),
    fields.COORDINATES: ("coordinates",),
    fields.LATITUDE: ("coordinates",),
    fields.CARD: ("bank_card", "credit_card"),
    fields.BANK_CARD: ("bank_card",),
    fields.NATIONAL_ID: ("resident_id",),
    fields.IBAN: ("iban",),
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
    distinct_capped: bool  # more values than DISTINCT_AT_MOST: `distinct` is a lower bound
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

    @property
    def where_both(self) -> str:
        """`where` as the table shows it, in Chinese beside English: `姓名 (column 2 第 2 列)`."""
        col = self.column
        if self.kind != "sheet" and col.position:
            return f"{col.name} (column {col.position} 第 {col.position} 列)"
        return self.where

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
            "distinct_capped": self.distinct_capped,
            "rows": list(self.rows),
            "hashes": list(self.hashes),
            "validators": list(self.validators),
        }


@dataclass(slots=True)
class _Tally:
    order: int
    findings: int = 0
    confidence: float = 0.0
    matched: int = 0  # cells: a cell's findings come one after another (file order)
    last: object = None  # the cell of the last one
    values: set[str] = field(default_factory=set)  # in memory only: to count distinct ones
    first: list[Located] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    validators: set[Validator] = field(default_factory=set)

    def add(self, located: Located, cell: object, row: int) -> None:
        h = located.hit
        self.findings += 1
        self.confidence += h.confidence
        if cell != self.last:
            self.matched += 1
            self.last = cell
        if len(self.values) < DISTINCT_AT_MOST:
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
            f"匹配，汇总了 {self.in_columns} 条单元格发现；另有 {self.one_by_one} 条逐条报告"
        )


def _finding(
    source: str, kind: str, column: c.Column, t: str, tally: _Tally, cells: int, r: Reporter
) -> ColumnFinding:
    matched = tally.matched
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
        distinct_capped=len(tally.values) >= DISTINCT_AT_MOST,
        rows=tuple(tally.rows),
        hashes=tuple(r.hash(x.hit.type, x.hit.value) for x in tally.first),
        confidence=round(confidence, 4),
        classified=basis != "cells",
        basis=basis,
        validators=tuple(sorted(v.value for v in tally.validators)),
    )


_REF = re.compile(r"([A-Z]+)([0-9]+)")
_Key = tuple[c.Column, str]


class _File:
    """One table-like file's findings put in their columns as they arrive, part by part:
    memory holds the columns' tallies, not the file's findings nor its cells. A file's
    findings come in file order (windows and parts in order, each one's hits by offset);
    one that comes before a cell already passed is reported one by one."""

    def __init__(self, source: str, kind: str) -> None:
        self.source, self.kind = source, kind
        self.tallies: dict[_Key, _Tally] = {}
        self.counts: dict[c.Column, int] = {}
        self._named: dict[tuple[str, str], c.Column] = {}
        self._cells: Iterator[c.Cell] | None = None
        self._cell: c.Cell | None = None
        path = Path(source)
        try:
            if kind == "sheet":
                self.counts, self._named = c.sheet_cells_of(path)
            else:
                json_kind = kind == "jsonl"
                self._cells = (
                    c.csv_cells_of(path) if kind == "csv" else c.json_cells_of(path, json_kind)
                )
                self._next()
        except Exception:  # changed or unreadable since it was scanned: one by one
            self._cells, self._cell, self.counts = None, None, {}

    def _next(self) -> None:
        """The next cell (counted), or None at the end; a file that cannot be read further
        ends here (what is left is reported one by one)."""
        assert self._cells is not None  # noqa: S101 - only for a text kind
        try:
            cell = next(self._cells, None)
        except Exception:  # as above
            cell = None
        self._cell = cell
        if cell is not None:
            self.counts[cell.column] = self.counts.get(cell.column, 0) + 1

    def add(self, found: list[Located]) -> list[Located]:
        """Puts these findings in their columns; returns those in none."""
        if self.kind == "sheet":
            return self._add_sheet(found)
        rest: list[Located] = []
        if len(found) > 1:
            found = sorted(found, key=lambda x: int(x.location.get("start", -1)))
        for located in found:
            start = int(located.location.get("start", -1))
            while (cell := self._cell) is not None and cell.end <= start:
                self._next()
            if cell is None or start < cell.start:
                rest.append(located)
                continue
            self._tally(cell.column, located.hit.type).add(located, cell.start, cell.row)
        return rest

    def _add_sheet(self, found: list[Located]) -> list[Located]:
        rest: list[Located] = []
        for located in found:
            ref = _REF.fullmatch(str(located.location.get("cell", "")))
            sheet = str(located.location.get("sheet", ""))
            column = self._named.get((sheet, ref.group(1))) if ref else None
            if ref is None or column is None or ref.group(2) == "1":
                rest.append(located)
                continue
            row = int(ref.group(2))
            self._tally(column, located.hit.type).add(located, (row, column.position), row)
        return rest

    def _tally(self, column: c.Column, kind: str) -> _Tally:
        tally = self.tallies.get((column, kind))
        if tally is None:
            tally = self.tallies[(column, kind)] = _Tally(len(self.tallies))
        return tally

    def finish(self, reporter: Reporter, summary: Summary) -> list[ColumnFinding]:
        """The file's column findings, once its last finding is in (its cells to the end
        are counted first)."""
        while self._cell is not None:
            self._next()
        if not self.tallies:
            return []
        summary.files += 1
        summary.cells += sum(self.counts.get(col, 0) for col in {col for col, _t in self.tallies})
        place = {column: i for i, column in enumerate(self.counts)}  # the file's order
        ordered = sorted(
            self.tallies.items(), key=lambda kv: (place.get(kv[0][0], len(place)), kv[1].order)
        )
        out = [
            _finding(
                shown(self.source),
                self.kind,
                column,
                t,
                tally,
                self.counts.get(column, 0),
                reporter,
            )
            for (column, t), tally in ordered
        ]
        for finding in out:
            summary.add(finding)
        return out


Item = list[Located] | ColumnFinding


def by_column(
    batches: Iterable[list[Located] | Rendered], reporter: Reporter, summary: Summary
) -> Iterator[Item]:
    """The scan's batches with each table-like file's findings gathered into columns (a
    file's findings arrive together, in batches one after another); the rest as they are."""
    current: _File | None = None
    kinds: dict[str, str | None] = {}  # source: which table-like kind, if one
    for batch in batches:
        if not isinstance(batch, list):  # rendered in a worker: never with --by-column
            raise TypeError("--by-column needs the located findings")
        passed: list[Located] = []
        for run in _runs(batch):
            source = run[0].source
            if current is not None and current.source != source:
                yield from current.finish(reporter, summary)
                current = None
            if source not in kinds:
                if len(kinds) > 10_000:
                    kinds.clear()
                kinds[source] = c.kind_of(Path(source)) if "start" in run[0].location else None
            kind = kinds[source]
            if kind is None:
                passed += run
                continue
            if current is None:
                current = _File(source, kind)
            passed += current.add(run)
        if passed:
            summary.one_by_one += len(passed)
            yield passed
    if current is not None:
        yield from current.finish(reporter, summary)


def _runs(batch: list[Located]) -> Iterator[list[Located]]:
    """A batch cut where its source changes (a file's batch has one; a database's many)."""
    begin = 0
    for i in range(1, len(batch)):
        if batch[i].source != batch[begin].source:
            yield batch[begin:i]
            begin = i
    if batch:
        yield batch[begin:]
