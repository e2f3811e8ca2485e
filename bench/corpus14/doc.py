"""Corpus 14's text builder (each labelled value's span recorded as it is written), its CSV
and JSON writers and the writer of the files and labels.json (the format of
piiguard.scanner.scorecard)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piiguard.scanner.scorecard import FILES, LABELS, decoded, mail_parts

LOOKALIKE = "lookalike"
RAW = "raw:"  # a V whose text is written as it is, labelled with the type after "raw:"
PIECES = "pieces"  # a V whose value is a list of pieces: one JSON string, labelled inside
Piece = tuple[str | None, str]


@dataclass(frozen=True, slots=True)
class V:
    """A value (typ None: not labelled) for a cell or a JSON scalar."""

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

    def p(self, pieces: list[Piece]) -> Doc:
        for typ, text in pieces:
            self.v(typ, text)
        return self

    def line(self, *bits: str | V | list[Piece]) -> Doc:
        for b in bits:
            if isinstance(b, V):
                self.v(b.typ, str(b.value))
            elif isinstance(b, list):
                self.p(b)
            else:
                self.t(b)
        return self.t("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def values(self) -> list[tuple[str, str]]:
        text = self.text
        return [(t, text[a:b]) for t, a, b in self.spans]


def csv_row(
    doc: Doc, cells: list[Any], quote_all: bool = True, sep: str = ",", end: str = "\r\n"
) -> None:
    for n, cell in enumerate(cells):
        if n:
            doc.t(sep)
        if isinstance(cell, list):
            pieces: list[Piece] = cell
        elif isinstance(cell, V):
            pieces = [(cell.typ, str(cell.value))]
        else:
            pieces = [(None, str(cell))]
        whole = "".join(x for _, x in pieces)
        quoted = quote_all or re.search(r'["\r\n]', whole) is not None or sep in whole
        if quoted:
            doc.t('"')
        for typ, value in pieces:
            doc.v(typ, value.replace('"', '""') if quoted else value)
        if quoted:
            doc.t('"')
    doc.t(end)


def dump(
    doc: Doc,
    obj: Any,
    indent: int | None = None,
    ascii_: bool = False,
    compact: bool = False,
    at: int = 0,
) -> None:
    """`obj` as json.dumps(obj, indent=, ensure_ascii=, separators=compact) writes it, each
    V's text labelled (a string's label inside its quotes)."""
    if isinstance(obj, V) and obj.typ == PIECES:
        doc.t('"')
        for typ, text in obj.value:
            doc.v(typ, json.dumps(text, ensure_ascii=ascii_)[1:-1])
        doc.t('"')
        return
    if isinstance(obj, V) and obj.typ is not None and obj.typ.startswith(RAW):
        doc.v(obj.typ[len(RAW) :], str(obj.value))  # written as it is (a JSON number run)
        return
    if isinstance(obj, V) or not isinstance(obj, dict | list):
        typ, value = (obj.typ, obj.value) if isinstance(obj, V) else (None, obj)
        written = json.dumps(value, ensure_ascii=ascii_)
        if isinstance(value, str):
            doc.t('"').v(typ, written[1:-1]).t('"')
        else:
            doc.v(typ, written)
        return
    if not obj:
        doc.t("{}" if isinstance(obj, dict) else "[]")
        return
    opening, closing = ("{", "}") if isinstance(obj, dict) else ("[", "]")
    items = list(obj.items()) if isinstance(obj, dict) else [(None, x) for x in obj]
    item_sep, key_sep = (",", ":") if compact else (", ", ": ")
    if indent is not None:
        item_sep = ","
    doc.t(opening)
    pad = "" if indent is None else "\n" + " " * (indent * (at + 1))
    for n, (key, value) in enumerate(items):
        if n:
            doc.t(item_sep)
        doc.t(pad)
        if key is not None:
            doc.t(json.dumps(key, ensure_ascii=ascii_) + key_sep)
        dump(doc, value, indent, ascii_, compact, at + 1)
    if indent is not None:
        doc.t("\n" + " " * (indent * at))
    doc.t(closing)


def _free(text: str, a: int, b: int) -> bool:
    """A value's text stands on its own (not inside a longer run of ASCII letters/digits)."""
    left = (
        a > 0
        and text[a].isascii()
        and text[a].isalnum()
        and text[a - 1].isascii()
        and text[a - 1].isalnum()
    )
    right = (
        b < len(text)
        and text[b - 1].isascii()
        and text[b - 1].isalnum()
        and text[b].isascii()
        and text[b].isalnum()
    )
    return not (left or right)


def relabel(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names written again where no label is are labelled there too (Latin ones where they
    stand as words)."""
    out = list(spans)
    names = {text[a:b] for t, a, b in spans if t == "person_name" and b - a >= 2}
    for person in sorted(names, key=lambda p: (-len(p), p)):
        for m in re.finditer(re.escape(person), text):
            a, b = m.span()
            if person.isascii() and (
                (a and text[a - 1].isalpha()) or (b < len(text) and text[b].isalpha())
            ):
                continue
            if any(s < b and a < e for _, s, e in out):
                continue
            out.append(("person_name", a, b))
    return sorted(set(out), key=lambda s: (s[1], s[2]))


def find_values(
    text: str,
    values: list[tuple[str, str]],
    out: list[tuple[str, int, int]] | None = None,
    strict: bool = True,
) -> list[tuple[str, int, int]]:
    """Every place each (type, value) is written, longest values first, never overlapping
    (`strict`: standing on its own)."""
    out = [] if out is None else out
    for typ, value in sorted(set(values), key=lambda x: (-len(x[1]), x)):
        at = text.find(value)
        while at >= 0:
            end = at + len(value)
            if (not strict or _free(text, at, end)) and not any(
                s < end and at < e for _, s, e in out
            ):
                out.append((typ, at, end))
            at = text.find(value, at + 1)
    return sorted(out, key=lambda s: (s[1], s[2]))


class Sink:
    """Writes ROOT/files/KIND/NAME and ROOT/labels.json."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.labels: dict[str, dict[str, Any]] = {}
        self.bytes = 0

    def text(
        self, kind: str, name: str, doc: Doc, encoding: str = "utf-8", bom: bool = False
    ) -> None:
        text = doc.text
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
        try:
            same = decoded(data) == text
        except UnicodeDecodeError:  # a GB18030 file the scanner would take for UTF-8
            same = False
        if not same:
            if encoding == "utf-8":
                raise ValueError(f"{name}: not read back as written")
            data = text.encode("utf-8")
            assert decoded(data) == text  # noqa: S101
        self._write(kind, name, data, relabel(text, doc.spans))

    def mail(
        self,
        kind: str,
        name: str,
        data: bytes,
        values: list[tuple[str, str]],
        body: list[tuple[str, str]],
    ) -> None:
        """A message labelled in the text the scorecard reads (its decoded parts when any is
        encoded): every place each of its values is written."""
        parts = mail_parts(data)
        text, segments = parts if parts else (decoded(data), None)
        spans = find_values(text, values)
        found = {text[a:b] for _, a, b in spans}
        # a part's first word may touch the part before it in the joined text
        spans = find_values(text, [(t, v) for t, v in body if v not in found], spans, strict=False)
        missing = {v for _, v in body} - {text[a:b] for _, a, b in spans}
        if missing:
            raise ValueError(f"{name}: values not in the text read: {len(missing)}")
        self._write(kind, name, data, relabel(text, spans), segments)

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
