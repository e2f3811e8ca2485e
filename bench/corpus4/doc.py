"""A file as it is written: literal text and labelled values appended in order, each value's
label taken as it is appended (code points of the text the scorecard decodes)."""

from __future__ import annotations

from dataclasses import dataclass, field

LOOKALIKE = "lookalike"
TYPES = frozenset(
    {
        "email",
        "phone",
        "resident_id",
        "passport",
        "credit_card",
        "bank_card",
        "iban",
        "bank_account",
        "ip_address",
        "person_name",
        "address",
        "date_of_birth",
        "coordinates",
        "licence_plate",
        "secret",
        LOOKALIKE,
    }
)

Piece = str | tuple[str, str]
Label = tuple[str, int, int]  # type, start, end (code points)


def V(kind: str, text: str) -> tuple[str, str]:  # noqa: N802 - reads as a value in templates
    if kind not in TYPES:
        raise ValueError(f"not a label type: {kind}")
    return (kind, text)


def F(text: str) -> tuple[str, str]:  # noqa: N802
    """A look-alike: a value that must not be reported."""
    return (LOOKALIKE, text)


@dataclass(slots=True)
class Doc:
    nl: str = "\n"  # line end written for every "\n" of literal text
    parts: list[str] = field(default_factory=list)
    spans: list[Label] = field(default_factory=list)
    size: int = 0

    def put(self, *pieces: Piece) -> Doc:
        for piece in pieces:
            if isinstance(piece, tuple):
                kind, text = piece
                if not text:
                    continue
                if "\n" in text or text != text.strip():
                    raise ValueError(f"a {kind} value spans lines or has spaces around it")
                self.spans.append((kind, self.size, self.size + len(text)))
            else:
                text = piece.replace("\n", self.nl) if self.nl != "\n" else piece
            self.parts.append(text)
            self.size += len(text)
        return self

    def line(self, *pieces: Piece) -> Doc:
        return self.put(*pieces, "\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


def plain(pieces: list[Piece] | tuple[Piece, ...]) -> str:
    return "".join(p if isinstance(p, str) else p[1] for p in pieces)
