"""A file's text built piece by piece, the labelled pieces remembered as spans."""

from __future__ import annotations

from piiguard.scanner.scorecard import LOOKALIKE


class Doc:
    """Text and its labels; `v(type, value)` writes a labelled value, `t(text)` plain text,
    `la(value)` a look-alike."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[list[object]] = []
        self.n = 0

    def t(self, *texts: str) -> Doc:
        for text in texts:
            self.parts.append(text)
            self.n += len(text)
        return self

    def v(self, kind: str, value: str) -> Doc:
        self.spans.append([kind, self.n, self.n + len(value)])
        return self.t(value)

    def la(self, value: str) -> Doc:
        return self.v(LOOKALIKE, value)

    def doc(self, other: Doc) -> Doc:
        """Another doc's text and labels appended to this one."""
        self.spans += [[k, s + self.n, e + self.n] for k, s, e in other.spans]
        return self.t(other.text())

    def text(self) -> str:
        return "".join(self.parts)

    def crlf(self) -> tuple[str, list[list[object]]]:
        """The text with CRLF line ends, the spans moved with it."""
        text = self.text()
        before = [0] * (len(text) + 1)
        for i, c in enumerate(text):
            before[i + 1] = before[i] + (c == "\n")
        spans = [[k, s + before[s], e + before[e]] for k, s, e in self.spans]  # type: ignore[index,operator]
        return text.replace("\n", "\r\n"), spans
