"""HTML read as the page shows it (issue 18, R2.7).

Mail is often sent as HTML alone, or with an HTML part beside the text (Outlook's
multipart/alternative), and exports and forms are saved as web pages. In the markup a
table's header row stands apart from its values (`<tr><th>姓名</th><th>手机</th></tr>
<tr><td>孙桂英</td><td>139&nbsp;1234&nbsp;5678</td></tr>`), a signature's name follows a
`<br>` (`Best,<br>Guiying&nbsp;Sun`), and a value is cut by entities: the rules, written for
text, see none of it. `rendered` gives the text as a reader sees it — each row of a table
on a line of its own with its cells parted by tabs, a line break for each block (p, div,
br, li …), entities decoded, the markup's own line breaks and runs of spaces as one space,
what scripts and styles hold left out — and the way back: a hit found in the rendered text
is reported over the markup as written (from its first character's start to its last
character's end).

Only a text with at least two tags that lay out a page (not `<b>` or a stray `a < b`) is
rendered; attributes are not read (a `mailto:` link's address is written as its text too).
"""

from __future__ import annotations

import html
import re

# Two tags that lay out text: a table's cells or rows, a block, a line break.
_LOOKS = re.compile(r"(?i)<(?:/?t[dhr]|br|p|div|li|table|html|body)(?=[\s/>])[^<>]{0,200}>")
_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # a comment
    r"|<(?P<skip>script|style|head)(?=[\s/>])[^>]*>.*?(?:</(?P=skip)\s*>|\Z)"  # what no reader sees
    r"|<(?P<close>/?)(?P<tag>[A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*>"  # a tag (not <li.na@x.com>)
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # an entity
    r"|\s+"  # the markup's own spacing
    r"|[^<&\s]+|[<&]",  # text (and a < or & that begins nothing)
    re.DOTALL | re.IGNORECASE,
)
_CELL = frozenset({"td", "th"})
_ROW = frozenset({"tr"})
_BLOCKS = (
    "p div br li ul ol table tbody thead tfoot caption h1 h2 h3 h4 h5 h6 blockquote hr pre "
    "dl dt dd title section article header footer address form fieldset legend"
)
_BLOCK = frozenset(_BLOCKS.split())


class Rendered:
    """A text as its markup shows it, and the way back to the markup as written."""

    __slots__ = ("_ends", "_starts", "_total", "text")

    def __init__(self, text: str, starts: list[int], ends: list[int], total: int) -> None:
        self.text = text
        self._starts = starts  # where each rendered character's markup begins
        self._ends = ends  # ... and ends
        self._total = total

    def written(self, offset: int) -> int:
        """The offset in the markup where the rendered character at `offset` begins."""
        return self._starts[offset] if offset < len(self._starts) else self._total

    def written_end(self, offset: int) -> int:
        """The offset in the markup where the rendered text up to `offset` ends."""
        return self._ends[offset - 1] if offset > 0 else 0


def looks_like_markup(text: str) -> bool:
    """Whether `text` holds two tags that lay out a page."""
    if "<" not in text:
        return False
    first = _LOOKS.search(text)
    return first is not None and _LOOKS.search(text, first.end()) is not None


def rendered(text: str) -> Rendered | None:
    """The text as a page shows it, or None when it is not markup (looks_like_markup)."""
    if not looks_like_markup(text):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def emit(piece: str, a: int, b: int) -> None:
        out.append(piece)
        starts.extend([a] * len(piece))
        ends.extend([b] * len(piece))

    last = "\n"  # the last character rendered
    space: tuple[int, int] | None = None  # spacing not yet rendered: only before text
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        tag = (m["tag"] or "").lower()
        piece = ""
        if m["skip"] or text.startswith("<!--", a) or text[a].isspace():
            space = space or (a, b)
            continue
        if tag:
            if tag in _CELL and not m["close"]:
                piece = "" if last == "\n" else "\t"
            elif tag in _ROW or tag in _BLOCK:
                piece = "" if last == "\n" and tag != "br" else "\n"
        elif text[a] == "&":
            piece = html.unescape(m.group()).replace("\xa0", " ")
        else:  # text as written: each character its own
            if space is not None and last not in "\n\t":
                emit(" ", *space)
            space = None
            out.append(m.group())
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))
            last = text[b - 1]
            continue
        if tag:
            space = None  # (the spacing between tags shows nothing)
        elif space is not None and last not in "\n\t":  # (an entity is text)
            emit(" ", *space)
            space = None
        if piece:
            emit(piece, a, b)
            last = piece[-1]
    return Rendered("".join(out), starts, ends, len(text))
