"""python -m bench.corpus5.score [MB] [--seed S] [--misses FILE]: corpus 5 scanned once by
`piiguard scan --format jsonl` (a separate process) and scored per type and per kind.

Only the aggregate tables are printed. `--misses FILE` (for the lead alone) writes the
missed values, the false findings and the flagged look-alikes as JSON lines to FILE, which
must lie outside the repository: nobody fixing detectors reads them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench.corpus5 import SEED
from bench.scanner_corpora import corpus5
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


def _t(kind: str) -> str:
    return SCORED_AS.get(kind, kind)


def _row(what: str, name: str, kind: str, text: str, t: str, s: int, e: int) -> dict[str, Any]:
    return {
        "what": what,
        "file": name,
        "kind": kind,
        "type": t,
        "start": s,
        "end": e,
        "text": text[s:e],
        "context": text[max(0, s - 40) : e + 40],
    }


def misses(labelled: Labelled, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Labelled values no finding of their type overlaps, findings overlapping no labelled
    value of their type, and look-alikes overlapped by a finding."""
    found, _ = found_spans(labelled, findings)
    out: list[dict[str, Any]] = []
    for name, gold in labelled.spans.items():
        text = decoded((labelled.folder / name).read_bytes())
        hits = found.get(name, [])
        at = (name, labelled.kinds[name], text)
        for g in gold:
            over = [h for h in hits if h.start < g.end and g.start < h.end]
            if g.type == "lookalike" and over:
                flagged = ",".join(h.type for h in over)
                out.append(_row("lookalike_flagged", *at, flagged, g.start, g.end))
            elif g.type != "lookalike" and not any(_t(h.type) == _t(g.type) for h in over):
                out.append(_row("missed", *at, g.type, g.start, g.end))
        out += [
            _row("false", *at, h.type, h.start, h.end)
            for h in hits
            if not any(
                _t(g.type) == _t(h.type) and g.start < h.end and h.start < g.end for g in gold
            )
        ]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus5.score", description=__doc__)
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--misses", type=Path, help="JSON lines file outside the repository")
    args = parser.parse_args(argv)
    if args.misses and args.misses.resolve().is_relative_to(REPO.resolve()):
        sys.exit("--misses must name a file outside the repository")
    labelled = load(corpus5(int(args.mb * 1e6), args.seed))
    run = run_scan(labelled.folder)
    card = scorecard(labelled, run.findings)
    exact = scorecard(labelled, run.findings, exact=True)
    print(markdown({"corpus 5 (blind)": card}))
    size = sum((labelled.folder / n).stat().st_size for n in labelled.spans)
    gold = [s for spans in labelled.spans.values() for s in spans]
    print(
        json.dumps(
            {
                "files": len(labelled.spans),
                "bytes": size,
                "labelled_values": sum(1 for s in gold if s.type != "lookalike"),
                "lookalikes": sum(1 for s in gold if s.type == "lookalike"),
                "findings": len(run.findings),
                "scan_seconds": round(run.seconds, 3),
                "unplaced_findings": card.unplaced,
                "exact_overall": exact.as_dict()["by_type"]["overall"],
            },
            indent=2,
        )
    )
    if args.misses:
        with args.misses.open("w", encoding="utf-8") as stream:
            for entry in misses(labelled, run.findings):
                stream.write(json.dumps(entry, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
