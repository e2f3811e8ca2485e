"""The text builder every kind writes with (each labelled value's span recorded as it is
written), JSON written as `json.dumps` writes it, CSV rows as `csv.writer` writes them,
and the writer of the files and labels.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piiguard.scanner.scorecard import FILES, LABELS, decoded, mail_parts

LOOKALIKE = "lookalike"


@dataclass(frozen=True, slots=True)
class V:
    """A value to label in a JSON dump or a table cell (`typ` None: written bare)."""

    typ: str | None
    value: Any


@dataclass(slots=True)
class Doc:
    parts: list[str] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    size: int = 0

    def t(self, text: str) -> Doc:
        self.parts.append(text)
        self.size += len(text)
        return self

    def v(self, typ: str | None, text: str) -> Doc:
        if typ is not None and text:
            self.spans.append((typ, self.size, self.size + len(text)))
        return self.t(text)

    def line(self, *bits: str | V) -> Doc:
        """Literal strings and V values one after another, then a line end."""
        for b in bits:
            if isinstance(b, V):
                self.v(b.typ, str(b.value))
            else:
                self.t(b)
        return self.t("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _scalar(doc: Doc, value: Any, ensure_ascii: bool) -> None:
    typ = None
    if isinstance(value, V):
        typ, value = value.typ, value.value
    written = json.dumps(value, ensure_ascii=ensure_ascii)
    if isinstance(value, str):
        doc.t('"').v(typ, written[1:-1]).t('"')
    else:
        doc.v(typ, written)


def dump(
    doc: Doc, obj: Any, indent: int | None = None, ensure_ascii: bool = True, at: int = 0
) -> None:
    """`obj` into `doc` byte for byte as json.dumps(obj, indent=, ensure_ascii=) writes it."""
    if isinstance(obj, dict | list) and not obj:
        doc.t("{}" if isinstance(obj, dict) else "[]")
        return
    if not isinstance(obj, dict | list):
        _scalar(doc, obj, ensure_ascii)
        return
    opening, closing = ("{", "}") if isinstance(obj, dict) else ("[", "]")
    items = list(obj.items()) if isinstance(obj, dict) else [(None, x) for x in obj]
    doc.t(opening)
    pad = "" if indent is None else "\n" + " " * (indent * (at + 1))
    for n, (key, value) in enumerate(items):
        if n:
            doc.t(", " if indent is None else ",")
        doc.t(pad)
        if key is not None:
            doc.t(json.dumps(key, ensure_ascii=ensure_ascii) + ": ")
        dump(doc, value, indent, ensure_ascii, at + 1)
    if indent is not None:
        doc.t("\n" + " " * (indent * at))
    doc.t(closing)


_NEEDS_QUOTES = re.compile(r'["\r\n]')


def row(doc: Doc, cells: list[Any], delimiter: str = ",", end: str = "\r\n") -> None:
    """One row as csv.writer (QUOTE_MINIMAL, `lineterminator=end`) writes it."""
    for n, cell in enumerate(cells):
        if n:
            doc.t(delimiter)
        typ, value = (cell.typ, str(cell.value)) if isinstance(cell, V) else (None, str(cell))
        if _NEEDS_QUOTES.search(value) or delimiter in value:
            doc.t('"').v(typ, value.replace('"', '""')).t('"')
        else:
            doc.v(typ, value)
    doc.t(end)


def relabel_names(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """A name written again where nothing labels it is labelled there too (Latin names
    where they stand as words)."""
    out = list(spans)
    names = {text[a:b] for t, a, b in spans if t == "person_name" and b - a >= 2}
    for person in sorted(names):
        for m in re.finditer(re.escape(person), text):
            a, b = m.span()
            if person.isascii() and (
                (a and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha())
            ):
                continue
            if any(s <= a and b <= e for _, s, e in out) or any(s < b and a < e for _, s, e in out):
                continue
            out.append(("person_name", a, b))
    return sorted(out, key=lambda s: (s[1], s[2]))


class Sink:
    """Writes files under ROOT/files/KIND/ and their labels."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.labels: dict[str, dict[str, Any]] = {}
        self.bytes = 0

    def text(
        self, kind: str, name: str, doc: Doc, encoding: str = "utf-8", bom: bool = False
    ) -> None:
        text = doc.text
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
        if decoded(data) != text:
            raise ValueError(f"{name}: not read back as written ({encoding})")
        self._write(kind, name, data, relabel_names(text, doc.spans))

    def mail(
        self, kind: str, name: str, data: bytes, heads: list[tuple[str, str]], body: Doc
    ) -> None:
        """A message: its values found in the text the scorecard reads (its decoded parts
        when they are encoded); the header values at every place in the headers."""
        parts = mail_parts(data)
        text, segments = parts if parts else (decoded(data), None)
        start = text.find(body.text)
        if start < 0:
            raise ValueError(f"{name}: the body is not in the text the scorecard reads")
        spans = [(t, a + start, b + start) for t, a, b in body.spans]
        for typ, value in heads:
            at = text.find(value, 0, start)
            while at >= 0:
                spans.append((typ, at, at + len(value)))
                at = text.find(value, at + len(value), start)
        spans = relabel_names(text, sorted(set(spans), key=lambda s: (s[1], s[2])))
        self._write(kind, name, data, spans, segments)

    def _write(
        self,
        kind: str,
        name: str,
        data: bytes,
        spans: list[tuple[str, int, int]],
        segments: dict[str, int] | None = None,
    ) -> None:
        rel = f"{kind}/{name}"
        path = self.root / FILES / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.bytes += len(data)
        entry: dict[str, Any] = {"kind": kind, "spans": [list(s) for s in spans]}
        if segments is not None:
            entry["segments"] = segments
        self.labels[rel] = entry

    def close(self) -> Path:
        (self.root / LABELS).write_text(
            json.dumps(self.labels, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )
        return self.root
