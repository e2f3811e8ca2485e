"""A text being written with its labels: each labelled value is placed by its code-point
offsets as it is appended, so labels point exactly at their text (no searching afterwards).

A value is `(type, text)`; type None is plain text, "lookalike" a value that must not be
reported.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field

Value = tuple[str | None, str]
Piece = str | Value  # plain text or a labelled value, as Doc.mix takes them
LOOK = "lookalike"
NAME, MAIL, PHONE, DOB = "person_name", "email", "phone", "date_of_birth"
RID, ADDR, CARD, ACCT = "resident_id", "address", "bank_card", "bank_account"
PASS, IP, SECRET, PLATE = "passport", "ip_address", "secret", "licence_plate"
COORD, IBAN, CREDIT = "coordinates", "iban", "credit_card"


def plain(text: str) -> Value:
    return (None, text)


def pick(rng: random.Random, options: list[list[Piece]]) -> list[Piece]:
    """One of several messages, each a list of pieces."""
    return rng.choice(options)


@dataclass(slots=True)
class Doc:
    parts: list[str] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    pos: int = 0

    def t(self, *texts: str) -> Doc:
        for text in texts:
            self.parts.append(text)
            self.pos += len(text)
        return self

    def v(self, kind: str | None, text: str) -> Doc:
        if kind is not None and text:
            self.spans.append((kind, self.pos, self.pos + len(text)))
        return self.t(text)

    def put(self, value: Value) -> Doc:
        return self.v(*value)

    def mix(self, *items: Piece) -> Doc:
        """Plain strings and labelled values in order."""
        for item in items:
            if isinstance(item, str):
                self.t(item)
            else:
                self.put(item)
        return self

    def cell(self, value: Value, sep: str, quote_all: bool = False) -> Doc:
        """A CSV cell: quoted when it holds the separator, a quote or a line end."""
        kind, text = value
        needs = quote_all or any(c in text for c in (sep, '"', "\n", "\r"))
        if not needs:
            return self.v(kind, text)
        return self.t('"').v(kind, text.replace('"', '""')).t('"')

    def row(
        self, values: list[Value], sep: str = ",", end: str = "\n", quote_all: bool = False
    ) -> Doc:
        for i, value in enumerate(values):
            if i:
                self.t(sep)
            self.cell(value, sep, quote_all)
        return self.t(end)

    def js(self, value: Value | int | float | bool | None) -> Doc:
        """A JSON scalar; a labelled string is labelled inside its quotes."""
        if value is None or isinstance(value, bool | int | float):
            return self.t(json.dumps(value))
        kind, text = value
        encoded = json.dumps(text, ensure_ascii=False)
        if encoded[1:-1] != text:  # escapes would move the offsets: label the escaped text
            return self.t('"').v(kind, encoded[1:-1]).t('"')
        return self.t('"').v(kind, text).t('"')

    def js_number(self, kind: str | None, text: str) -> Doc:
        return self.v(kind, text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


JsonNode = dict[str, "JsonNode"] | list["JsonNode"] | Value | int | float | bool | None


class Num:
    """A labelled JSON number (a coordinate given as a number)."""

    __slots__ = ("kind", "text")

    def __init__(self, kind: str | None, text: str) -> None:
        self.kind, self.text = kind, text


def write_json(doc: Doc, node: object, indent: int | None = 2, level: int = 0) -> None:
    """JSON like json.dumps(ensure_ascii=False, indent=…), labels kept."""
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    close = "" if indent is None else "\n" + " " * (indent * level)
    comma = "," if indent is not None else ", "
    if isinstance(node, dict):
        if not node:
            doc.t("{}")
            return
        doc.t("{")
        for i, (key, value) in enumerate(node.items()):
            doc.t(comma if i else "", pad, json.dumps(key, ensure_ascii=False), ": ")
            write_json(doc, value, indent, level + 1)
        doc.t(close, "}")
    elif isinstance(node, list):
        if not node:
            doc.t("[]")
            return
        doc.t("[")
        for i, value in enumerate(node):
            doc.t(comma if i else "", pad)
            write_json(doc, value, indent, level + 1)
        doc.t(close, "]")
    elif isinstance(node, Num):
        doc.v(node.kind, node.text)
    elif isinstance(node, tuple):
        doc.js(node)
    else:
        doc.js(node)  # type: ignore[arg-type]
