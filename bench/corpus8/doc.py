"""A text being written with its labels: `Doc.t` writes plain text, `Doc.v` a labelled value,
`Doc.f` a look-alike; offsets are code points of the final text (line ends as written)."""

from __future__ import annotations

from dataclasses import dataclass, field

LOOKALIKE = "lookalike"


@dataclass(slots=True)
class Doc:
    crlf: bool = False
    parts: list[str] = field(default_factory=list)
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    size: int = 0

    def t(self, text: str) -> Doc:
        if self.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        self.parts.append(text)
        self.size += len(text)
        return self

    def v(self, kind: str, value: str) -> Doc:
        """A labelled value (its span is exactly the value's characters)."""
        if value:
            self.spans.append((kind, self.size, self.size + len(value)))
            self.parts.append(value)
            self.size += len(value)
        return self

    def f(self, value: str) -> Doc:
        return self.v(LOOKALIKE, value)

    def add(self, piece: tuple[str, str] | str) -> Doc:
        """A cell or field value: ("type", value) is labelled, a bare string is not."""
        if isinstance(piece, tuple):
            return self.v(*piece)
        return self.t(piece)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def labels(self) -> list[list[object]]:
        return [[k, s, e] for k, s, e in self.spans]


Cell = tuple[str, str] | str  # a labelled ("type", value) or plain value


def plain(cell: Cell) -> str:
    return cell[1] if isinstance(cell, tuple) else cell
