"""A document being written: text appended piece by piece, each personal value labelled as
it is appended (never searched for afterwards), in code points of the final text."""

from __future__ import annotations

import calendar
import json
from datetime import date

from bench.corpus6.values import Values

LOOKALIKE = "lookalike"


class Doc:
    def __init__(self, values: Values, newline: str = "\n") -> None:
        self.v = values
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[list[object]] = []
        self.newline = newline

    def t(self, text: str) -> Doc:
        """Plain text (its "\\n" written as the document's line end)."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        self.parts.append(text)
        self.length += len(text)
        return self

    def pii(self, kind: str, value: str) -> Doc:
        """A labelled value (a look-alike when `kind` is LOOKALIKE)."""
        if "\n" in value:
            raise ValueError("a labelled value is one line")
        self.spans.append([kind, self.length, self.length + len(value)])
        self.parts.append(value)
        self.length += len(value)
        return self

    def fake(self, value: str) -> Doc:
        return self.pii(LOOKALIKE, value)

    def nl(self) -> Doc:
        return self.t("\n")

    # JSON values, labelled inside their quotes
    def jstr(self, kind: str | None, value: str) -> Doc:
        quoted = json.dumps(value, ensure_ascii=False)
        if kind is None:
            return self.t(quoted)
        return self.t('"').pii(kind, quoted[1:-1]).t('"')

    @property
    def text(self) -> str:
        return "".join(self.parts)


def dob_text(v: Values, born: date, zh: bool) -> str:
    """A date of birth in one of the ways people write it."""
    y, m, d = born.year, born.month, born.day
    if zh:
        forms = (
            f"{y}年{m}月{d}日",
            f"{y}-{m:02d}-{d:02d}",
            f"{y}.{m}.{d}",
            f"{y}/{m:02d}/{d:02d}",
            f"{y}年{m:02d}月{d:02d}日",
            f"{y}{m:02d}{d:02d}",
        )
    else:
        months = calendar.month_name
        forms = (
            f"{d:02d}/{m:02d}/{y}",
            f"{d} {months[m]} {y}",
            f"{months[m][:3]} {d}, {y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y}",
            f"{m:02d}/{d:02d}/{y}",
        )
    return v.r.choice(forms)
