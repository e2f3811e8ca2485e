"""`python -m bench.corpus4.score [MB] [--seed S] [--misses FILE]`: corpus 4 scanned by
`piiguard scan --format jsonl` (a separate process, as a user runs it) and scored by the
scorecard: the per-type and per-kind tables (markdown), then the figures (JSON).

`--misses FILE` also writes, for the lead only, every missed value, every finding no label
matches and every look-alike flagged (JSON lines, with the file and a little context); the
file must lie outside the repository, so that nobody fixing detectors reads it by chance.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench.scanner_corpora import REPO, corpus4
from piiguard.scanner.corpus import Span
from piiguard.scanner.evaluation import SCORED_AS
from piiguard.scanner.scorecard import (
    LOOKALIKE,
    Labelled,
    decoded,
    found_spans,
    load,
    markdown,
    run_scan,
    scorecard,
)

NAME = "corpus 4 (blind)"


def _same(a: str, b: str) -> bool:
    return SCORED_AS.get(a, a) == SCORED_AS.get(b, b)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _row(what: str, name: str, text: str, span: Span, **more: Any) -> dict[str, Any]:
    context = text[max(0, span.start - 40) : span.end + 40]
    value = text[span.start : span.end]
    return {"what": what, "file": name, **more, "value": value, "context": context}


def misses(labelled: Labelled, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Missed labels, unmatched findings and flagged look-alikes, by overlap."""
    found, _ = found_spans(labelled, findings)
    out: list[dict[str, Any]] = []
    for name in sorted(labelled.spans):
        gold, hits = labelled.spans[name], found.get(name, [])
        text = decoded((labelled.folder / name).read_bytes())
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus4.score", description=__doc__)
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--misses", type=Path, default=None, help="a file outside the repository")
    args = parser.parse_args()
    if args.misses is not None and args.misses.resolve().is_relative_to(REPO.resolve()):
        parser.error("--misses must name a file outside the repository")
    root = corpus4(int(args.mb * 1e6), *(() if args.seed is None else (args.seed,)))
    labelled = load(root)
    run = run_scan(labelled.folder)
    card = scorecard(labelled, run.findings)
    print(markdown({NAME: card}))
    figures = {
        "files": len(labelled.spans),
        "bytes": sum((labelled.folder / n).stat().st_size for n in labelled.spans),
        "findings": len(run.findings),
        "scan_seconds": round(run.seconds, 3),
        "overlap": card.as_dict(),
        "exact": scorecard(labelled, run.findings, exact=True).as_dict()["by_type"],
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.misses is not None:
        rows = misses(labelled, run.findings)
        with args.misses.open("w", encoding="utf-8") as stream:
            for row in rows:
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
