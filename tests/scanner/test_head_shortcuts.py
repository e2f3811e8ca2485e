"""The shortcuts of the eighth pass on speed (issue 18, speed8) give the answers of the work
they skip: a text sample's control characters counted on its bytes in UTF-8 and GB18030, a
CSV head's rows read only while they may still name more fields than the best row so far,
and a column title's meaning remembered."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.scanner.sources import tabular, text

pytestmark = pytest.mark.req("R2.7")
PROPERTY = settings(max_examples=500, deadline=None, derandomize=True, database=None)


def _decodes_by_regex(sample: bytes, encoding: str) -> bool:
    """text._decodes as it was: the control characters counted on the decoded text."""
    try:
        decoded = codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return len(text._CONTROLS.findall(decoded)) <= len(decoded) // 20


_PIECES = st.sampled_from(
    ["a", "联系人", "\n", "\t", "\r", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "é", "😀", " ", "0"]
)


@PROPERTY
@given(st.lists(_PIECES, max_size=80), st.integers(0, 3), st.sampled_from(["utf-8", "gb18030"]))
def test_control_characters_counted_on_bytes_as_on_the_text(
    pieces: list[str], cut: int, encoding: str
) -> None:
    raw = "".join(pieces).encode(encoding)
    sample = raw[: len(raw) - cut] if cut < len(raw) else raw  # a sample may end mid-character
    assert text._decodes(sample, encoding) == _decodes_by_regex(sample, encoding)


@PROPERTY
@given(st.binary(max_size=200), st.sampled_from(["utf-8", "gb18030"]))
def test_control_characters_counted_on_any_bytes_as_on_the_text(
    sample: bytes, encoding: str
) -> None:
    assert text._decodes(sample, encoding) == _decodes_by_regex(sample, encoding)


def _header_row_whole(rows: list[list[str]]) -> int:
    """tabular.header_row as it was: every cell of the first rows looked up."""
    best, best_known = 0, -1
    for i, row in enumerate(rows[:5]):
        known = sum(tabular._title_meaning(cell) is not None for cell in row)
        if known > best_known:
            best, best_known = i, known
    return best


_CELLS = st.sampled_from(
    [
        *("姓名", "name", "phone", "手机号码", "地址", "email", "序号", "数量", "Sarah Duan"),
        *("13812345678", "备注", "", "联系人：张伟", "customer_name", "P/N", "x"),
    ]
)


@PROPERTY
@given(st.lists(st.lists(_CELLS, max_size=7), max_size=7))
def test_the_header_row_is_the_one_every_cell_looked_up_finds(rows: list[list[str]]) -> None:
    assert tabular.header_row(rows) == _header_row_whole(rows)


@PROPERTY
@given(st.lists(_CELLS, max_size=20))
def test_a_remembered_title_means_what_it_meant(titles: list[str]) -> None:
    for title in titles:
        assert tabular._header_meaning(title) == tabular._title_meaning(title)
