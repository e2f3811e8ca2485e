"""Scoring `piiguard scan` as a user runs it: a labelled folder is scanned by a separate
`piiguard scan --format jsonl` process, and its findings are scored against the labels per
type and per file kind (precision, recall, F1, look-alikes flagged).

A labelled folder is `ROOT/files/…` with `ROOT/labels.json`:
`{"kind/name.ext": {"kind": "crm", "spans": [[type, start, end] | [type, "text"], …]}}`.
Offsets are code points into the file's decoded text (what the scanner's jsonl gives as
`location.start/end`); a `[type, "text"]` label, as hand-written sets use, stands for every
occurrence of the text in the file that stands on its own (not inside a longer run of
ASCII letters and digits, nor inside a longer label of the same type). Types are the
scanner's, plus "bank_account" (an account number in an account field) and "lookalike" (a
value that must not be reported).

Office files, read cell by cell and paragraph by paragraph, may be labelled in a virtual
text (their segments one after another) with `"segments": {key: offset}` beside the spans:
a finding whose location (without start/end, see `segment_key`) is a key is moved to that
offset (one at a location with no key counts as unplaced). Mail whose parts are encoded
(base64, quoted-printable, RFC 2047 headers) is labelled the same way, in its decoded parts
one after another (`sources/mail.py`: part 0 the headers, then each text part), the keys
`{"mime_part": n}`.
"""

from __future__ import annotations

import json
import os
import resource
import secrets
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from piiguard.scanner.corpus import LOOKALIKE, Span
from piiguard.scanner.evaluation import Score, lookalikes_flagged, score
from piiguard.scanner.sources.text import SAMPLE_BYTES, detect_encoding

LABELS, FILES = "labels.json", "files"
_STRIDE = 1 << 40  # files laid end to end in one offset space, far apart


@dataclass(slots=True)
class Labelled:
    """A labelled folder: each file's kind and spans."""

    root: Path
    kinds: dict[str, str] = field(default_factory=dict)
    spans: dict[str, list[Span]] = field(default_factory=dict)
    segments: dict[str, dict[str, int]] = field(default_factory=dict)  # office files

    @property
    def folder(self) -> Path:
        return self.root / FILES


def load(root: Path) -> Labelled:
    """Reads ROOT/labels.json; text labels are found in their file (every occurrence)."""
    stored = json.loads((root / LABELS).read_text(encoding="utf-8"))
    labelled = Labelled(root)
    for name, entry in stored.items():
        labelled.kinds[name] = entry["kind"]
        if "segments" in entry:
            labelled.segments[name] = {k: int(v) for k, v in entry["segments"].items()}
        spans = [Span(x[0], int(x[1]), int(x[2])) for x in entry["spans"] if len(x) == 3]
        named = [(x[0], x[1]) for x in entry["spans"] if len(x) == 2]
        if named:
            text = decoded((labelled.folder / name).read_bytes())
            try:
                spans += text_spans(text, named)
            except ValueError as e:
                raise ValueError(f"{name}: {e}") from None
        labelled.spans[name] = _outermost(spans)
    return labelled


def text_spans(text: str, labels: Sequence[tuple[str, str]]) -> list[Span]:
    """`[type, "text"]` labels as spans: every occurrence of each text that stands on its
    own in `text` (ValueError for one that is not there: "not in the file")."""
    spans: list[Span] = []
    for kind, needle in labels:
        found = list(_occurrences(text, needle))
        if not found:
            raise ValueError(f"label {kind} {needle!r} is not in the file")
        spans += [Span(kind, at, at + len(needle)) for at in found]
    return _outermost(spans)


def decoded(data: bytes) -> str:
    """As the scanner reads a file: its encoding detected (UTF-8 with or without BOM, GBK,
    ...), line ends untranslated."""
    encoding = detect_encoding(data[:SAMPLE_BYTES]) or "utf-8"
    return data.decode("utf-8-sig" if encoding == "utf-8" else encoding)


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _occurrences(text: str, needle: str) -> Iterator[int]:
    """Where `needle` stands on its own: not continuing a run of ASCII letters and digits
    ("19920918" is not labelled inside the ID 510104199209183779)."""
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        before = at > 0 and _ascii_alnum(needle[0]) and _ascii_alnum(text[at - 1])
        after = end < len(text) and _ascii_alnum(needle[-1]) and _ascii_alnum(text[end])
        if not (before or after):
            yield at
        at = text.find(needle, at + 1)


def _outermost(spans: list[Span]) -> list[Span]:
    """Without the spans that lie inside a longer one of the same type ("Daniel" labelled
    for "Hi Daniel," is not also a second label inside "Daniel Weber")."""
    unique = sorted(set(spans), key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    reach: dict[str, int] = {}
    for s in unique:
        if s.end <= reach.get(s.type, -1):
            continue
        kept.append(s)
        reach[s.type] = max(reach.get(s.type, -1), s.end)
    return sorted(kept)


def segment_key(location: dict[str, Any]) -> str:
    """A cell's or paragraph's location ({"sheet", "cell"}, {"paragraph"}, {"table", "row",
    "column"}, ...) as a labels file's segment key; a decoded mail part's is {"mime_part"}
    (its offsets run through the part, its line is theirs)."""
    dropped = ("start", "end", "line") if "mime_part" in location else ("start", "end")
    plain = {k: v for k, v in location.items() if k not in dropped}
    return json.dumps(plain, sort_keys=True, ensure_ascii=False)


def mail_parts(data: bytes) -> tuple[str, dict[str, int]] | None:
    """The text a message with encoded parts is labelled in — its decoded parts one after
    another, as the scanner reads them — and each part's segment key and offset; None for a
    message scanned as it is (labelled in its decoded bytes)."""
    from piiguard.scanner.sources.mail import segments_of  # noqa: PLC0415 - email is slow

    parts = segments_of(data)
    if parts is None:
        return None
    text, segments = "", {}
    for n, part in parts:
        segments[segment_key({"mime_part": n})] = len(text)
        text += part
    return text, segments


def piiguard_command() -> list[str]:
    """The `piiguard` a user would run: the console script beside this Python."""
    script = Path(sys.executable).parent / "piiguard"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from piiguard.cli.main import app; app()"]


@dataclass(frozen=True, slots=True)
class Run:
    findings: list[dict[str, Any]]
    seconds: float  # wall clock of the whole process, start to exit
    exit_code: int
    cpu_seconds: float = 0.0  # user + system time of the process and its workers


def run_scan(folder: Path, *options: str, command: Sequence[str] | None = None) -> Run:
    """`piiguard scan --format jsonl -o FILE [options] FOLDER` in its own process, with a
    throw-away hash key (nothing is written beside the folder)."""
    env = dict(os.environ, PIIGUARD_SCAN_HASH_KEY=secrets.token_hex(32))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "findings.jsonl"
        argv = [*(command or piiguard_command()), "scan", "--format", "jsonl", "-o", str(out)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 - our own command line, no shell
            [*argv, *options, str(folder)], env=env, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers too: they are waited for
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"piiguard scan failed ({done.returncode}): {done.stderr[-2000:]}")
        with out.open(encoding="utf-8") as stream:
            findings = [json.loads(line) for line in stream]
    return Run(findings, seconds, done.returncode, cpu)


@dataclass(slots=True)
class Scorecard:
    """Scores overall, per type and per file kind; `unplaced` counts findings without
    offsets (office files, encoded mail parts), which cannot be matched to spans."""

    by_type: dict[str, Score]
    by_kind: dict[str, Score]
    lookalikes: tuple[int, int]  # (flagged, all)
    lookalikes_by_kind: dict[str, tuple[int, int]]
    unplaced: int = 0

    def as_dict(self) -> dict[str, Any]:
        flagged, fakes = self.lookalikes
        return {
            "by_type": {k: v.as_dict() for k, v in self.by_type.items()},
            "by_kind": {
                k: {**v.as_dict(), "lookalikes_flagged": list(self.lookalikes_by_kind[k])}
                for k, v in self.by_kind.items()
            },
            "lookalikes_flagged": flagged,
            "lookalikes": fakes,
            "lookalike_rate": round(flagged / fakes, 4) if fakes else 0.0,
            "unplaced_findings": self.unplaced,
        }


def found_spans(
    labelled: Labelled, findings: list[dict[str, Any]]
) -> tuple[dict[str, list[Span]], int]:
    """Findings as spans per labelled file (by path relative to the files folder)."""
    folder = labelled.folder.resolve()
    found: dict[str, list[Span]] = defaultdict(list)
    unplaced = 0
    for f in findings:
        loc = f["location"]
        name = Path(f["source"]).resolve().relative_to(folder).as_posix()
        if "start" not in loc or ("mime_part" in loc and name not in labelled.segments):
            unplaced += 1
            continue
        base = 0
        if name in labelled.segments:
            at = labelled.segments[name].get(segment_key(loc))
            if at is None:
                unplaced += 1
                continue
            base = at
        found[name].append(Span(f["type"], base + loc["start"], base + loc["end"]))
    return found, unplaced


def _laid_out(names: list[str], spans: dict[str, list[Span]]) -> list[Span]:
    return [
        Span(s.type, i * _STRIDE + s.start, i * _STRIDE + s.end)
        for i, name in enumerate(names)
        for s in spans.get(name, [])
    ]


def scorecard(labelled: Labelled, findings: list[dict[str, Any]], exact: bool = False) -> Scorecard:
    """Per type and per kind; a finding matches a labelled value of its type that it overlaps
    (`exact`: with the same start and end). Credit and bank cards score as one type."""
    found, unplaced = found_spans(labelled, findings)
    card = score_spans(labelled, found, exact)
    card.unplaced = unplaced
    return card


def score_spans(labelled: Labelled, found: dict[str, list[Span]], exact: bool = False) -> Scorecard:
    """The same scores for spans found per file by any tool (the bench's in-process ones)."""
    names = sorted(labelled.spans)
    gold, hits = _laid_out(names, labelled.spans), _laid_out(names, found)
    kinds: dict[str, list[str]] = defaultdict(list)
    for name in names:
        kinds[labelled.kinds[name]].append(name)
    by_kind, fakes_by_kind = {}, {}
    for kind, members in sorted(kinds.items()):
        kind_gold = _laid_out(members, labelled.spans)
        kind_hits = _laid_out(members, found)
        by_kind[kind] = score(kind_gold, kind_hits, exact)["overall"]
        fakes_by_kind[kind] = lookalikes_flagged(kind_gold, kind_hits)
    return Scorecard(
        score(gold, hits, exact), by_kind, lookalikes_flagged(gold, hits), fakes_by_kind
    )


def _pct(flagged: int, fakes: int) -> str:
    return f"{100 * flagged / fakes:.2f} % ({flagged}/{fakes})" if fakes else "-"


def markdown(cards: dict[str, Scorecard]) -> str:
    """Side-by-side tables (one column group per corpus): per type, then per kind."""
    names = list(cards)
    head = "| type | " + " | ".join(f"{n} P / R / F1 (n)" for n in names) + " |"
    lines = [head, "|---" * (len(names) + 1) + "|"]
    types = sorted({t for c in cards.values() for t in c.by_type if t != "overall"})
    for t in [*types, "overall"]:
        cells = []
        for c in cards.values():
            s = c.by_type.get(t)
            cells.append(
                "-"
                if s is None
                else f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f} ({s.tp + s.fn})"
            )
        lines.append(f"| {'**overall**' if t == 'overall' else t} | " + " | ".join(cells) + " |")
    lines.append(
        "| look-alikes flagged | " + " | ".join(_pct(*c.lookalikes) for c in cards.values()) + " |"
    )
    for name, c in cards.items():
        lines += [
            "",
            f"By file kind ({name}):",
            "",
            "| kind | P | R | F1 | look-alikes flagged |",
            "|---|---|---|---|---|",
        ]
        for kind, s in c.by_kind.items():
            flagged = _pct(*c.lookalikes_by_kind[kind])
            lines.append(
                f"| {kind} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {flagged} |"
            )
    return "\n".join(lines)


__all__ = [
    "LOOKALIKE",
    "Labelled",
    "Run",
    "Scorecard",
    "decoded",
    "load",
    "mail_parts",
    "markdown",
    "run_scan",
    "score_spans",
    "scorecard",
    "segment_key",
]
