"""A file's text as it is written, with the spans of the values in it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.corpus7.values import Person, Values
from piiguard.scanner.corpus import LOOKALIKE

Piece = str | tuple[str | None, str]  # plain text, or (type or None, value)


@dataclass(slots=True)
class Doc:
    """Text pieces and [type, start, end] spans (code points); `crlf` turns every line end
    into CRLF when the text is taken, the spans moved with it."""

    r: random.Random
    v: Values
    zh: bool = True
    parts: list[str] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    length: int = 0

    def add(self, *pieces: Piece) -> Doc:
        for piece in pieces:
            if isinstance(piece, tuple):
                kind, text = piece
                if kind is not None and text:
                    self.spans.append((kind, self.length, self.length + len(text)))
            else:
                text = piece
            self.parts.append(text)
            self.length += len(text)
        return self

    def line(self, *pieces: Piece) -> Doc:
        return self.add(*pieces, "\n")

    def fake(self, kind: str | None = None) -> tuple[str, Piece]:
        """A look-alike's caption and its labelled piece."""
        caption, value = self.v.lookalike(kind)
        return caption, (LOOKALIKE, value)

    def text(self, crlf: bool = False) -> tuple[str, list[tuple[str, int, int]]]:
        text = "".join(self.parts)
        if not crlf:
            return text, list(self.spans)
        before = [0] * (len(text) + 1)
        count = 0
        for i, ch in enumerate(text):
            before[i] = count
            count += ch == "\n"
        before[len(text)] = count
        spans = [(k, s + before[s], e + before[e]) for k, s, e in self.spans]
        return text.replace("\n", "\r\n"), spans


# -- labelled pieces -------------------------------------------------------------------
def name(p: Person) -> Piece:
    return ("person_name", p.name)


def phone(text: str) -> Piece:
    return ("phone", text)


def mail(text: str) -> Piece:
    return ("email", text)


def addr(text: str) -> Piece:
    return ("address", text)


def secret(text: str) -> Piece:
    return ("secret", text)


def ip(text: str) -> Piece:
    return ("ip_address", text)


def title_name(d: Doc, p: Person) -> list[Piece]:
    """How colleagues refer to someone: full name, surname + title, or English name; the
    span is the name's characters only (the title is not labelled)."""
    r = d.r
    if p.latin:
        last = p.name.split()[-1]
        forms: list[list[Piece]] = [
            [("person_name", p.name)],
            ["Mr. " if p.male else "Ms. ", ("person_name", last)],
            [("person_name", p.name.split()[0])],
            ["Herr " if p.male else "Frau ", ("person_name", last)],
        ]
        return r.choice(forms)
    options: list[list[Piece]] = [
        [("person_name", p.name)],
        [
            ("person_name", p.surname),
            r.choice(("工", "经理", "总", "生", "小姐", "先生", "女士", "主管", "师傅")),
        ],
        [("person_name", p.name), r.choice(("经理", "工程师", "主管", "（采购）"))],
        ["小", ("person_name", p.surname)] if len(p.surname) == 1 else [("person_name", p.name)],
        [("person_name", "阿" + p.name[-1])],
    ]
    if p.english:
        options.append([("person_name", p.english)])
    return r.choice(options)


__all__ = ["Doc", "Piece", "addr", "ip", "mail", "name", "phone", "secret", "title_name"]
