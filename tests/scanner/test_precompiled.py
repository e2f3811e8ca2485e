"""Regular expressions kept compiled between runs (scanner/precompiled.py): the patterns built
from the kept programs are the ones `re` compiles, a damaged file costs only the compile, and
`re` is itself again outside the block (issue 18: the start of `piiguard scan`)."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from piiguard.scanner.detectors import context, conversation
from piiguard.scanner.precompiled import cache_file, compiled_patterns

pytestmark = pytest.mark.req("R2.7")

SAMPLES = [
    (r"(?P<year>\d{4})[-/.年](?P<month>\d{1,2})", 0),
    (r"[\u4e00-\u9fff]{2,4}(?=先生|女士)", 0),
    (r"(?:Dear|Hi)[ ]+(?P<name>[A-Z][a-z]+)", re.IGNORECASE | re.MULTILINE),
    (rb"\x00\xff+", 0),
    (context.URL_PASSWORD.pattern, 0),
    (conversation.CLOSING.pattern, 0),
]
TEXTS = ["1990-03 张伟先生", "dear Sarah", "mysql://u:pa55w0rd@db.example", "\x00\xff\xff"]


def _compiled(folder: Path) -> list[re.Pattern[str] | re.Pattern[bytes]]:
    with compiled_patterns(folder):
        return [re.compile(p, f) for p, f in SAMPLES]


def test_patterns_from_the_kept_programs_are_the_ones_re_compiles(tmp_path: Path) -> None:
    first = _compiled(tmp_path)  # compiled by re, kept
    assert cache_file(tmp_path).exists()
    kept = _compiled(tmp_path)  # built from the file
    for (pattern, flags), a, b in zip(SAMPLES, first, kept, strict=True):
        fresh = re.compile(pattern, flags)
        assert a == fresh and b == fresh  # flags, text and program alike
        assert b.groupindex == fresh.groupindex and b.groups == fresh.groups
        for text in TEXTS:
            if isinstance(pattern, str):
                m, n = b.search(text), fresh.search(text)  # type: ignore[arg-type]
                assert (m and (m.span(), m.groupdict())) == (n and (n.span(), n.groupdict()))


def test_a_second_run_reads_and_writes_nothing_new(tmp_path: Path) -> None:
    _compiled(tmp_path)
    before = cache_file(tmp_path).stat().st_mtime_ns
    _compiled(tmp_path)
    assert cache_file(tmp_path).stat().st_mtime_ns == before


def test_a_damaged_file_or_entry_is_compiled_anew_and_rewritten(tmp_path: Path) -> None:
    cache_file(tmp_path).write_bytes(b"\x00not marshal")
    assert _compiled(tmp_path) == [re.compile(p, f) for p, f in SAMPLES]
    bad = {(SAMPLES[0][0], 0): (0, [999_999, 1, 2], 0, {}, (None,))}  # a program _sre refuses
    cache_file(tmp_path).write_bytes(marshal.dumps(bad))
    assert _compiled(tmp_path) == [re.compile(p, f) for p, f in SAMPLES]
    assert len(marshal.loads(cache_file(tmp_path).read_bytes())) == len(SAMPLES)  # noqa: S302


def test_re_is_untouched_outside_the_block(tmp_path: Path) -> None:
    original = re._compile  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError), compiled_patterns(tmp_path):
        assert re._compile is not original  # type: ignore[attr-defined]
        raise RuntimeError
    assert re._compile is original  # type: ignore[attr-defined]


def test_an_unwritable_folder_only_costs_the_compile(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert _compiled(blocker / "cache") == [re.compile(p, f) for p, f in SAMPLES]
