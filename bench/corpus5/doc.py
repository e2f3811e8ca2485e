"""A document built piece by piece: each labelled value's span is recorded as it is
appended (never searched for afterwards); CSV and JSON writers that keep the spans."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

LOOK = "lookalike"


@dataclass(frozen=True, slots=True)
class Seg:
    """A labelled piece of text (`type` None: plain)."""

    type: str | None
    text: str


class Num(Seg):
    """A labelled JSON number (written without quotes)."""

    __slots__ = ()


class Txt(list):  # type: ignore[type-arg]
    """A string made of plain and labelled pieces (one JSON string, one CSV cell)."""


def look(text: str) -> Seg:
    return Seg(LOOK, text)


def plain_of(item: Any) -> str:
    if isinstance(item, Seg):
        return item.text
    if isinstance(item, list | tuple):
        return "".join(plain_of(i) for i in item)
    return str(item)


@dataclass
class Doc:
    nl: str = "\n"
    parts: list[str] = field(default_factory=list)
    spans: list[list[Any]] = field(default_factory=list)
    size: int = 0
    prefix: str = ""  # put at the start of each new line (quoted mail)
    book: dict[str, list[list[Any]]] = field(default_factory=dict)  # a workbook's cells
    segments: dict[str, int] = field(default_factory=dict)  # where each cell starts

    def _raw(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def put(self, *items: Any) -> Doc:
        for it in items:
            if isinstance(it, Seg):
                if "\n" in it.text or "\r" in it.text:
                    raise ValueError("a labelled value spans a line end")
                if it.type:
                    self.spans.append([it.type, self.size, self.size + len(it.text)])
                self._raw(it.text)
            elif isinstance(it, list | tuple):
                self.put(*it)
            else:
                self._raw(str(it).replace("\n", self.nl + self.prefix))
        return self

    def line(self, *items: Any) -> Doc:
        return self.put(*items, "\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)

    # ---- CSV --------------------------------------------------------------------------
    def csv_row(self, cells: Iterable[Any], sep: str = ",", quote_all: bool = False) -> None:
        first = True
        for cell in cells:
            if not first:
                self._raw(sep)
            first = False
            flat = plain_of(cell)
            if quote_all or any(c in flat for c in (sep, '"', "\n")):
                self._raw('"')
                self._cell(cell, escape=True)
                self._raw('"')
            else:
                self._cell(cell, escape=False)
        self.put("\n")

    def _cell(self, cell: Any, escape: bool) -> None:
        items = cell if isinstance(cell, list | tuple) else [cell]
        for it in items:
            if isinstance(it, Seg):
                if '"' in it.text:
                    raise ValueError("a labelled value with a quote in a CSV cell")
                self.put(it)
            else:
                text = str(it)
                self._raw(text.replace('"', '""') if escape else text)

    # ---- JSON -------------------------------------------------------------------------
    def json(self, value: Any, indent: int | None = 2, level: int = 0) -> None:  # noqa: PLR0912
        pad = (lambda n: "\n" + " " * (indent * n)) if indent is not None else (lambda n: "")
        colon, comma = (": ", ",") if indent is not None else (":", ",")
        if isinstance(value, dict):
            if not value:
                self._raw("{}")
                return
            self._raw("{")
            for i, (k, v) in enumerate(value.items()):
                self._raw((comma if i else "") + pad(level + 1))
                self._raw(json.dumps(k, ensure_ascii=False) + colon)
                self.json(v, indent, level + 1)
            self._raw(pad(level) + "}")
        elif isinstance(value, list) and not isinstance(value, Txt):
            if not value:
                self._raw("[]")
                return
            self._raw("[")
            for i, v in enumerate(value):
                self._raw((comma if i else "") + pad(level + 1))
                self.json(v, indent, level + 1)
            self._raw(pad(level) + "]")
        elif isinstance(value, Num):
            self.put(value)
        elif isinstance(value, Seg | Txt):
            self._raw('"')
            for it in value if isinstance(value, Txt) else [value]:
                if isinstance(it, Seg):
                    if json.dumps(it.text, ensure_ascii=False)[1:-1] != it.text:
                        raise ValueError("a labelled value needing escapes in JSON")
                    self.put(it)
                else:
                    self._raw(json.dumps(str(it), ensure_ascii=False)[1:-1])
            self._raw('"')
        else:
            self._raw(json.dumps(value, ensure_ascii=False))
