"""`python -m bench.corpus6.score [MB] [--seed S] [--misses FILE]`: scores `piiguard scan
--format jsonl` on corpus 6 (blind) and prints the per-type and per-kind table (markdown)
and its figures (JSON).

`--misses FILE` (for the lead only) writes the missed labels and the unlabelled findings to
FILE, which must lie outside the repository: nobody fixing detectors may read them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.scanner_corpora import corpus6
from piiguard.scanner.corpus import Span
from piiguard.scanner.evaluation import SCORED_AS
from piiguard.scanner.scorecard import (
    Labelled,
    decoded,
    found_spans,
    load,
    markdown,
    run_scan,
    scorecard,
)

REPO = Path(__file__).parents[2]
NAME = "corpus 6 (blind)"


def _overlaps(a: Span, b: Span) -> bool:
    same = SCORED_AS.get(a.type, a.type) == SCORED_AS.get(b.type, b.type)
    return same and a.start < b.end and b.start < a.end


def misses(labelled: Labelled, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per file: labels no finding overlaps, findings no label overlaps (with their text)."""
    found, _ = found_spans(labelled, findings)
    out = []
    for name, gold in sorted(labelled.spans.items()):
        hits = found.get(name, [])
        text = decoded((labelled.folder / name).read_bytes())
        missed = [
            g for g in gold if g.type != "lookalike" and not any(_overlaps(g, h) for h in hits)
        ]
        extra = [h for h in hits if not any(_overlaps(g, h) for g in gold)]
        if missed or extra:
            out.append(
                {
                    "file": name,
                    "missed": [[g.type, text[g.start : g.end]] for g in missed],
                    "unlabelled": [[h.type, text[h.start : h.end]] for h in extra],
                }
            )
    return out


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus6.score")
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--misses", type=Path)
    args = parser.parse_args(argv)
    if args.misses is not None and args.misses.resolve().is_relative_to(REPO.resolve()):
        parser.error("--misses must name a file outside the repository")
    labelled = load(corpus6(int(args.mb * 1e6), args.seed))
    run = run_scan(labelled.folder)
    card = scorecard(labelled, run.findings)
    print(markdown({NAME: card}))
    figures = {
        "files": len(labelled.spans),
        "bytes": sum((labelled.folder / n).stat().st_size for n in labelled.spans),
        "labels": sum(1 for s in labelled.spans.values() for x in s if x.type != "lookalike"),
        "findings": len(run.findings),
        "scan_seconds": round(run.seconds, 3),
        "overlap": card.as_dict(),
        "exact": scorecard(labelled, run.findings, exact=True).as_dict()["by_type"],
    }
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.misses is not None:
        args.misses.write_text(
            json.dumps(misses(labelled, run.findings), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main(sys.argv[1:])
