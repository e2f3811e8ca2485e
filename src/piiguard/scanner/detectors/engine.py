"""The multi-pattern engine: Hyperscan finds where each rule's value starts, for every rule at
once; Python runs the rule's exact pattern at those starts only, then its validator.

Two Hyperscan passes, both cheap: one over the text's ASCII shadow (every non-ASCII code
point replaced by "?", so byte offsets are code-point offsets and need no conversion) for
the rules anchored on ASCII (digits, @, keywords), and, for text that is not pure ASCII, one
over its UTF-8 for the rules anchored on Chinese words, whose few offsets are converted.

The expressions are compiled without start-of-match tracking wherever automaton/starts.py
models them (a database 5-10 times smaller, scanned in about half the CPU): Hyperscan reports
where a match ends and its expression's index, and the leftmost start is found from the end
(`_Pass.settle`; in C, _native.Starts). The reports are taken by end, then rule index.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import platform
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

import hyperscan

from piiguard.scanner.detectors import context, conversation, formats, numbers, tables, words
from piiguard.scanner.detectors.automaton import database
from piiguard.scanner.detectors.automaton.starts import Program, leftmost_start, program
from piiguard.scanner.detectors.chats import RULES as CHAT_RULES
from piiguard.scanner.detectors.fields import NOT_PERSONAL
from piiguard.scanner.detectors.layout import arrays, markup
from piiguard.scanner.detectors.model import Hit
from piiguard.scanner.detectors.native import FAST, NATIVE
from piiguard.scanner.detectors.negative import RULES as NEGATIVE_RULES
from piiguard.scanner.detectors.places import abroad, whole
from piiguard.scanner.detectors.records import (
    addressed,
    bracketed,
    cards,
    holder,
    inline,
    labelled,
    latin,
    location,
    markdown,
    named,
    namefields,
    pinyin,
)
from piiguard.scanner.detectors.rule import Rule
from piiguard.scanner.detectors.values import escapes, expiry
from piiguard.scanner.detectors.values.echoes import with_echoes
from piiguard.scanner.detectors.values.persons import zh_company
from piiguard.scanner.detectors.values.query import decoded_hits

_START, _END = itemgetter(1), itemgetter(2)
Report = tuple[int, int, int, int, int]  # end, rule, order, expression, start
Found = dict[tuple[int, int], int]  # (rule index, start) -> end of the last report
ALL_RULES: tuple[Rule, ...] = (
    numbers.RULES
    + formats.RULES
    + words.RULES
    + context.RULES
    + tables.RULES
    + arrays.RULES
    + conversation.RULES
    + pinyin.RULES
    + location.RULES
    + inline.RULES
    + latin.RULES
    + holder.RULES
    + addressed.RULES
    + bracketed.RULES
    + labelled.RULES
    + named.RULES
    + cards.RULES
    + markdown.RULES
    + namefields.RULES
    + CHAT_RULES
    + abroad.RULES
    + whole.RULES
    + NEGATIVE_RULES
    + expiry.RULES
)


def _char_offsets(data: bytes, offsets: list[int]) -> dict[int, int]:
    """Map UTF-8 byte offsets (all on character boundaries) to code-point offsets, in one
    pass however many there are."""
    result: dict[int, int] = {}
    prev = chars = 0
    for off in sorted(set(offsets)):
        chars += len(data[prev:off].decode("utf-8"))
        result[off] = chars
        prev = off
    return result


def merge(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """Hits of a scan and hits found another way (a CSV column's), overlaps resolved as in
    a scan; a NOT_PERSONAL hit among `more` removes what it overlaps, and then itself."""
    if not more:
        return hits
    return [h for h in _resolve(hits + more) if h.type != NOT_PERSONAL]


def _resolve(hits: list[Hit]) -> list[Hit]:
    """Where spans overlap keep the most confident (then the longest) hit."""
    # By start, then longest first: two stable sorts on C-level keys.
    hits.sort(key=_END, reverse=True)
    hits.sort(key=_START)
    kept: list[Hit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            last = kept[-1]
            if (h.confidence, h.end - h.start) > (last.confidence, last.end - last.start):
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def _platform() -> bytes:
    """What a compiled database depends on besides its expressions: the hyperscan version,
    the machine and its CPU features."""
    flags = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:  # noqa: PTH123
            flags = next((line for line in info if line.startswith("flags")), "")
    except OSError:
        pass
    version = getattr(hyperscan, "__version__", "")
    return f"{version} {platform.machine()} {flags}".encode()


STARTS = 2  # the version of starts.py's programs: in the cache file's name and content


def _expressions(rules: Sequence[Rule], utf8: bool) -> tuple[list[bytes], list[int], list[int]]:
    """The expressions of one of the two databases, with their rule's index and their flags
    (with SOM tracking; _compile leaves it out where starts.py finds the start)."""
    expressions: list[bytes] = []
    ids: list[int] = []
    flags: list[int] = []
    base = hyperscan.HS_FLAG_SOM_LEFTMOST | (hyperscan.HS_FLAG_UTF8 if utf8 else 0)
    for index, rule in enumerate(rules):
        for expression in rule.utf8 if utf8 else rule.ascii:
            expressions.append(expression.encode())
            ids.append(index)
            flags.append(base | (hyperscan.HS_FLAG_CASELESS if rule.caseless else 0))
    return expressions, ids, flags


def cache_name(rules: Sequence[Rule], utf8: bool) -> str | None:
    """The file name the compiled database of these rules has in a cache folder: the hash of
    everything it depends on (None: no expressions, no database)."""
    expressions, ids, flags = _expressions(rules, utf8)
    if not expressions:
        return None
    key = hashlib.sha256(repr((expressions, ids, flags, STARTS)).encode() + _platform())
    return f"hyperscan-{key.hexdigest()[:32]}.db"


@dataclass(frozen=True, slots=True)
class _Pass:
    """One of the two Hyperscan passes: the database (its ids: expression indices), each
    expression's rule index and its starts program (None: compiled with SOM tracking)."""

    db: hyperscan.Database
    rules: tuple[int, ...]
    programs: tuple[Program | None, ...]
    native: Any  # _native.Starts of the same, or None without the compiled module

    def reports(self, data: bytes) -> list[Report]:
        """Every match in `data` as (end, rule, order, expression, start), by end then rule
        index then report order; offsets in bytes, the start 0 where SOM is not tracked."""
        found: list[Report] = []
        rules = self.rules

        def on_match(expr: int, start: int, end: int, flags: int, context: Any) -> None:
            found.append((end, rules[expr], len(found), expr, start))

        self.db.scan(data, match_event_handler=on_match)
        found.sort()
        return found

    def settle(self, reports: Iterable[Report], seq: Sequence[int], found: Found) -> None:
        """Reports (offsets now in code points of `seq`) into the candidates: the start as
        reported where the expression keeps SOM tracking, else found from the end."""
        for end, rule, _order, expr, reported in reports:
            prog = self.programs[expr]
            start = reported if prog is None else leftmost_start(prog, seq, end)
            if start < 0:
                raise RuntimeError("no start for a reported match")
            found[rule, start] = end


def _compile(
    rules: Sequence[Rule],
    utf8: bool,
    cache: Path | None = None,
    compiling: Callable[[], None] | None = None,
) -> _Pass | None:
    """The Hyperscan database of the rules' expressions and the programs that find where
    their matches start; with `cache`, a folder, compiled once (1-2 s of CPU a database)
    and then loaded from the file `cache_name` names (the programs, then the database);
    `compiling` is called before a database that was not in `cache` is compiled."""
    expressions, ids, flags = _expressions(rules, utf8)
    if not expressions:
        return None
    path = None
    if cache is not None:
        path = cache / str(cache_name(rules, utf8))
        kept = _load(path, len(expressions))
        if kept is not None:
            return _made(kept[0], ids, kept[1])
        if compiling is not None:
            compiling()
    rule_of = [rules[i] for i in ids]
    programs = tuple(
        program(x.decode(), r.caseless, utf8) for x, r in zip(expressions, rule_of, strict=True)
    )
    no_som = ~hyperscan.HS_FLAG_SOM_LEFTMOST
    flags = [f & no_som if p is not None else f for f, p in zip(flags, programs, strict=True)]
    db = database.build(expressions, flags)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps((STARTS, programs, hyperscan.dumpb(db))))
            partial.replace(path)  # whole or not at all, whoever writes it
        except OSError:
            pass  # a read-only cache only costs the compile
    return _made(db, ids, programs)


def _load(path: Path, count: int) -> tuple[hyperscan.Database, tuple[Program | None, ...]] | None:
    """A cached database and its programs, or None: not there yet, unreadable or not for
    this machine (then compiled and written again)."""
    try:
        version, programs, raw = marshal.loads(path.read_bytes())  # noqa: S302 - our own file
        if version != STARTS or len(programs) != count:
            return None
        db = hyperscan.loadb(raw, hyperscan.HS_MODE_BLOCK)
        db.scratch = hyperscan.Scratch(db)
    except (OSError, EOFError, ValueError, TypeError, hyperscan.error):
        return None
    return db, programs


def _made(db: hyperscan.Database, ids: list[int], programs: Sequence[Program | None]) -> _Pass:
    native = None if NATIVE is None else NATIVE.Starts(programs, ids)
    return _Pass(db, tuple(ids), tuple(programs), native)


class Detector:
    """Finds personal data in text. Build once (compiling takes a moment), scan many times."""

    def __init__(
        self,
        rules: Sequence[Rule] = ALL_RULES,
        native: bool = True,
        cache: Path | None = None,
        compiling: Callable[[], None] | None = None,
    ) -> None:
        """`native=False` runs every rule in Python even where a compiled fast path exists
        (native.py); the results are the same. `cache`: a folder where the compiled Hyperscan
        databases are kept (see _compile); none by default. `compiling`: told before a
        database missing from `cache` is compiled (once for each of the two)."""
        self._rules = tuple(rules)
        self._ascii = _compile(self._rules, False, cache, compiling)
        self._utf8 = _compile(self._rules, True, cache, compiling)
        self._plan = [
            (r.pattern.match, r.check, r.lead, r.search, r.after, r.pattern.finditer, r.many)
            for r in self._rules
        ]
        self.native = sorted(r.name for r in self._rules if native and r.name in FAST)
        # With the compiled module, its loop runs the candidates (native.py); else _scan's.
        self._native_plan: Any = (
            NATIVE.Plan(
                [r.name if r.name in FAST else None for r in self._rules],
                [r.lead for r in self._rules],
                [None if r.search or r.many else (r.pattern.match, r.check) for r in self._rules],
            )
            if native and NATIVE is not None
            else None
        )
        self._scan = self._scan_python if self._native_plan is None else self._scan_native

    def scan(self, text: str, hint: str = "") -> list[Hit]:
        """Hits in `text`, in order, offsets in code points.

        `hint` is context that is not part of the text, such as a column header: rules see it
        as a label before the text ("email: ..."), but no hit may fall inside it.
        """
        if hint:
            prefix = hint.replace("_", " ").strip() + ": "
            shift = len(prefix)
            return [
                Hit(h.type, h.start - shift, h.end - shift, h.value, h.confidence, h.validator)
                for h in _no_companies(prefix + text, self._scan_all(prefix + text))
                if h.start >= shift and h.type != NOT_PERSONAL
            ]
        hits = [h for h in _no_companies(text, self._scan_all(text)) if h.type != NOT_PERSONAL]
        return with_echoes(text, hits)

    def _scan_all(self, text: str) -> list[Hit]:
        """_scan, read decoded: the text with its JSON strings' escapes decoded
        (values/escapes.py: `\\u59d3\\u540d` is 姓名, keys and values alike), a URL query's
        percent-encoded values (values/query.py)."""
        plain = escapes.decoded(text) or markup.rendered(text)
        if plain is None:
            hits = self._scan(text)
        else:  # read decoded (or rendered), reported over the escapes (the markup) as written
            at, end = plain.written, plain.written_end
            hits = [
                Hit(h.type, a, b, text[a:b], h.confidence, h.validator)
                for h in _no_companies(plain.text, self._scan(plain.text))
                for a, b in ((at(h.start), end(h.end)),)
            ]
        more = []
        if "=" in text and ("%" in text or "+" in text):
            more += decoded_hits(text, self._scan)
        return _resolve(hits + more) if more else hits

    def _candidates(self, text: str) -> Found:
        """(rule index, code-point start) -> code-point end of the longest match reported."""
        found: Found = {}
        pure = text.isascii()
        if self._ascii is not None:
            shadow = text.encode("ascii") if pure else text.encode("ascii", "replace")
            self._ascii.settle(self._ascii.reports(shadow), shadow, found)
        if pure or self._utf8 is None:
            return found
        data = text.encode("utf-8")
        reports = self._utf8.reports(data)
        if reports:
            programs = self._utf8.programs
            to_chars = _char_offsets(
                data,
                [
                    o
                    for end, _r, _i, x, s in reports
                    for o in (end, s if programs[x] is None else end)
                ],
            )
            chars = memoryview(text.encode("utf-32-le")).cast("I")
            self._utf8.settle(
                (
                    (to_chars[e], r, i, x, to_chars[s] if programs[x] is None else 0)
                    for e, r, i, x, s in reports
                ),
                chars,
                found,
            )
        return found

    def _scan_python(self, text: str) -> list[Hit]:
        """The engine in Python: what _scan_native does, rule by rule (the reference)."""
        if not text:
            return []
        found = self._candidates(text)
        if not found:
            return []
        run = self._run
        hits: list[Hit] = []
        append = hits.append
        for (index, start), end in found.items():
            run(index, text, start, end, append)
        if len(hits) < 2:
            return hits
        return _resolve(hits)

    def _scan_native(self, text: str) -> list[Hit]:
        """The compiled loop (_native.Plan.scan): both Hyperscan passes report into
        collectors (the ASCII shadow and the UTF-8 as in _candidates, the starts found by
        _native.Starts), each candidate runs through its fast path or `_run`, and overlaps
        are resolved as _resolve does."""
        ascii_, utf8 = self._ascii, self._utf8
        hits: list[Hit] = self._native_plan.scan(
            text,
            None if ascii_ is None else ascii_.db,
            None if utf8 is None else utf8.db,
            self._run,
            None if ascii_ is None else ascii_.native,
            None if utf8 is None else utf8.native,
        )
        return hits

    def _run(
        self, index: int, text: str, start: int, end: int, append: Callable[[Hit], None]
    ) -> None:
        """The rule's exact pattern at a reported start (or, for `search` rules, searched in
        the window around the report), then its check, in Python."""
        match, check, lead, search, after, finditer, many = self._plan[index]
        h: Hit | None
        m: re.Match[str] | None
        if search:
            lo = end - search
            for m in finditer(text, lo if lo > start else start, end + after):
                h = check(m, text)
                if h is not None:
                    append(h)
                if m.end() >= end:
                    break
            return
        if lead:
            m = match(text, start + 1) if start else (match(text, 0) or match(text, 1))
        else:
            m = match(text, start)
        if m is not None and many is not None:
            for h in many(m, text):
                append(h)
        elif m is not None:
            h = check(m, text)
            if h is not None:
                append(h)


def _no_companies(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits less the Chinese "names" that are a company's (王氏五金厂, 王建国 有限公司:
    persons.zh_company), whichever rule, Python or C, found them."""
    return [h for h in hits if h.type != "person_name" or not zh_company(text, h.start, h.end)]
