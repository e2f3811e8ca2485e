"""Text with its labels written in the same stroke: a `Doc` takes plain strings and `V`
values, and knows each value's code-point span; CSV cells and JSON values go through the
same writer, so a label can never drift from its text."""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

LOOK = "lookalike"
# A coordinate pair written as two fields ("lat": …, "lng": …) is one value: its first axis
# is written as LAT, its second as LON, and the label runs from the one to the other.
LAT, LON = "_lat", "_lon"


@dataclass(frozen=True, slots=True)
class V:
    """A value to label: its type (a taxonomy type, "bank_account" or LOOK) and its text."""

    kind: str
    text: str

    def __str__(self) -> str:
        return self.text


Item = str | V


@dataclass(slots=True)
class Doc:
    parts: list[str] = field(default_factory=list)
    spans: list[list[Any]] = field(default_factory=list)
    size: int = 0

    def add(self, *items: Item) -> Doc:
        for item in items:
            if isinstance(item, V):
                self.spans.append([item.kind, self.size, self.size + len(item.text)])
                text = item.text
            else:
                text = item
            self.parts.append(text)
            self.size += len(text)
        return self

    def line(self, *items: Item) -> Doc:
        return self.add(*items, "\n")

    def text(self) -> str:
        return "".join(self.parts)

    def labels(self) -> list[list[Any]]:
        """The spans, coordinate halves joined into one pair."""
        out: list[list[Any]] = []
        for kind, start, end in self.spans:
            if kind == LON:
                if not out or out[-1][0] != LAT:
                    raise ValueError("a longitude without its latitude")
                out[-1] = ["coordinates", out[-1][1], end]
            else:
                out.append([kind, start, end])
        if any(k == LAT for k, _s, _e in out):
            raise ValueError("a latitude without its longitude")
        return out


def crlf(text: str, labels: list[list[Any]]) -> tuple[str, list[list[Any]]]:
    """The text with CRLF line ends and its labels moved by the CRs put before them."""
    ends = [i for i, c in enumerate(text) if c == "\n"]
    moved = [[k, s + bisect_left(ends, s), e + bisect_left(ends, e)] for k, s, e in labels]
    return text.replace("\n", "\r\n"), moved


def cell(value: Item, sep: str = ",") -> list[Item]:
    """A CSV cell: quoted when it holds the separator, a quote or a line end."""
    text = str(value)
    if any(c in text for c in (sep, '"', "\n")):
        inner = text.replace('"', '""')
        return ['"', V(value.kind, inner) if isinstance(value, V) else inner, '"']
    return [value]


def csv_row(doc: Doc, values: list[Item], sep: str = ",", end: str = "\n") -> None:
    for i, value in enumerate(values):
        if i:
            doc.add(sep)
        doc.add(*cell(value, sep))
    doc.add(end)


def json_into(doc: Doc, value: Any, indent: int | None, ascii_only: bool, depth: int = 0) -> None:
    """`value` written as JSON (dicts, lists, scalars, V) with its labels: a string value's
    label lies inside its quotes (escapes and all), a number's on the number."""
    pad = "\n" + " " * (indent * (depth + 1)) if indent else ""
    close = "\n" + " " * (indent * depth) if indent else ""
    comma = "," if indent else ", "
    if isinstance(value, dict):
        if not value:
            doc.add("{}")
            return
        doc.add("{")
        for i, (key, item) in enumerate(value.items()):
            doc.add(comma if i else "", pad, json.dumps(key, ensure_ascii=ascii_only), ": ")
            json_into(doc, item, indent, ascii_only, depth + 1)
        doc.add(close, "}")
    elif isinstance(value, list):
        if not value:
            doc.add("[]")
            return
        doc.add("[")
        for i, item in enumerate(value):
            doc.add(comma if i else "", pad)
            json_into(doc, item, indent, ascii_only, depth + 1)
        doc.add(close, "]")
    elif isinstance(value, V):
        if value.kind in (LAT, LON):  # a bare number
            doc.add(value)
        else:
            quoted = json.dumps(value.text, ensure_ascii=ascii_only)
            doc.add('"', V(value.kind, quoted[1:-1]), '"')
    else:
        doc.add(json.dumps(value, ensure_ascii=ascii_only))
