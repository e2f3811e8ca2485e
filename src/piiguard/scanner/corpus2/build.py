"""Writing a labelled file: text pieces with the spans of what they hold, CSV rows and JSON
written with each labelled value's place known."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from piiguard.scanner.corpus import LOOKALIKE, Span

__all__ = ["LOOKALIKE", "Cell", "File", "L", "Span"]


@dataclass(frozen=True, slots=True)
class L:
    """A labelled value: `type` is a scanner type, "bank_account" or LOOKALIKE."""

    type: str
    value: str


Cell = str | L


@dataclass(slots=True)
class File:
    name: str
    kind: str
    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    length: int = 0

    def t(self, text: str) -> File:
        self.parts.append(text)
        self.length += len(text)
        return self

    def e(self, kind: str, value: str) -> File:
        self.spans.append(Span(kind, self.length, self.length + len(value)))
        return self.t(value)

    def put(self, cell: Cell) -> File:
        return self.e(cell.type, cell.value) if isinstance(cell, L) else self.t(cell)

    def line(self, *cells: Cell) -> File:
        for cell in cells:
            self.put(cell)
        return self.t("\n")

    def row(self, cells: Sequence[Cell], sep: str = ",", quote_all: bool = False) -> File:
        """One CSV row; a value holding the separator or a quote is quoted (RFC 4180)."""
        for i, cell in enumerate(cells):
            if i:
                self.t(sep)
            raw = cell.value if isinstance(cell, L) else cell
            if quote_all or sep in raw or '"' in raw or "\n" in raw:
                self.t('"')
                escaped = raw.replace('"', '""')
                if isinstance(cell, L):
                    self.e(cell.type, escaped)
                else:
                    self.t(escaped)
                self.t('"')
            else:
                self.put(cell)
        return self.t("\r\n" if sep == "," and quote_all else "\n")

    def json(self, value: object, indent: int | None = 2, level: int = 0) -> File:  # noqa: PLR0911
        """JSON as `json.dumps(..., ensure_ascii=False)` writes it, with L values labelled
        inside their quotes (L values with a numeric type tag "num:" are written bare)."""
        pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
        end = "" if indent is None else "\n" + " " * (indent * level)
        comma = "," if indent is not None else ", "
        if isinstance(value, dict):
            if not value:
                return self.t("{}")
            self.t("{")
            for i, (k, v) in enumerate(value.items()):
                self.t((comma if i else "") + pad + json.dumps(k, ensure_ascii=False) + ": ")
                self.json(v, indent, level + 1)
            return self.t(end + "}")
        if isinstance(value, list):
            if not value:
                return self.t("[]")
            self.t("[")
            for i, v in enumerate(value):
                self.t((comma if i else "") + pad)
                self.json(v, indent, level + 1)
            return self.t(end + "]")
        if isinstance(value, L):
            if value.type.startswith("num:"):
                return self.e(value.type[4:], value.value)
            quoted = json.dumps(value.value, ensure_ascii=False)
            self.t('"')
            self.e(value.type, quoted[1:-1])
            return self.t('"')
        return self.t(json.dumps(value, ensure_ascii=False))

    @property
    def text(self) -> str:
        return "".join(self.parts)
