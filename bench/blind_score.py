"""The scoring command the blind corpora share (`python -m bench.corpus4.score`, corpus5,
corpus6): the corpus scanned once by `piiguard scan --format jsonl` (a separate process, as a
user runs it) and scored by the scorecard — the per-type and per-kind tables (markdown),
then the figures (JSON).

`--misses FILE` also writes, for the lead only, every missed value, every finding no label
matches and every look-alike flagged (JSON lines, with the file and a little context); the
file must lie outside the repository, so that nobody fixing detectors reads it by chance.
Only this command is shared: each corpus's generator stays its own writer's.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.scanner_corpora import REPO
from piiguard.scanner.corpus import Span
from piiguard.scanner.evaluation import SCORED_AS
from piiguard.scanner.scorecard import (
    LOOKALIKE,
    Labelled,
    decoded,
    found_spans,
    load,
    mail_parts,
    markdown,
    run_scan,
    scorecard,
)


def _same(a: str, b: str) -> bool:
    return SCORED_AS.get(a, a) == SCORED_AS.get(b, b)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _row(what: str, name: str, text: str, span: Span, **more: Any) -> dict[str, Any]:
    context = text[max(0, span.start - 40) : span.end + 40]
    value = text[span.start : span.end]
    return {"what": what, "file": name, **more, "value": value, "context": context}


def _text(labelled: Labelled, name: str) -> str:
    data = (labelled.folder / name).read_bytes()
    if name not in labelled.segments:
        return decoded(data)
    parts = mail_parts(data) if name.endswith(".eml") else None
    return parts[0] if parts else ""


def misses(labelled: Labelled, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Missed labels, unmatched findings and flagged look-alikes, by overlap."""
    found, _ = found_spans(labelled, findings)
    out: list[dict[str, Any]] = []
    for name in sorted(labelled.spans):
        gold, hits = labelled.spans[name], found.get(name, [])
        # (a workbook is labelled in the scorecard's virtual text: its rows carry no context;
        # an encoded message in its decoded parts, which give theirs)
        text = _text(labelled, name)
        for g in gold:
            if g.type == LOOKALIKE:
                by = sorted({h.type for h in hits if _overlap(g, h)})
                if by:
                    out.append(_row("lookalike_flagged", name, text, g, by=by))
            elif not any(_same(g.type, h.type) and _overlap(g, h) for h in hits):
                out.append(_row("missed", name, text, g, type=g.type))
        out += [
            _row("unmatched_finding", name, text, h, type=h.type)
            for h in hits
            if not any(_same(g.type, h.type) and _overlap(g, h) for g in gold)
        ]
    return out


def main(
    prog: str,
    name: str,
    corpus: Callable[[int, int], Path],
    seed: int,
    argv: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Score the corpus `corpus(size, seed)` writes (or finds cached) under `name`."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__)
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=seed)
    parser.add_argument("--misses", type=Path, default=None, help="a file outside the repository")
    args = parser.parse_args(argv)
    if args.misses is not None and args.misses.resolve().is_relative_to(REPO.resolve()):
        parser.error("--misses must name a file outside the repository")
    labelled = load(corpus(int(args.mb * 1e6), args.seed))
    run = run_scan(labelled.folder)
    card = scorecard(labelled, run.findings)
    print(markdown({name: card}))
    gold = [s for spans in labelled.spans.values() for s in spans]
    figures = {
        "files": len(labelled.spans),
        "bytes": sum((labelled.folder / n).stat().st_size for n in labelled.spans),
        "labelled_values": sum(1 for s in gold if s.type != LOOKALIKE),
        "lookalikes": sum(1 for s in gold if s.type == LOOKALIKE),
        "findings": len(run.findings),
        "scan_seconds": round(run.seconds, 3),
        "unplaced_findings": card.unplaced,
        "overlap": card.as_dict(),
        "exact": scorecard(labelled, run.findings, exact=True).as_dict()["by_type"],
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.misses is not None:
        with args.misses.open("w", encoding="utf-8") as stream:
            for row in misses(labelled, run.findings):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    return figures
