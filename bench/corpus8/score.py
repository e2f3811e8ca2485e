"""`python -m bench.corpus8.score [MB] [--seed S] [--misses FILE]`: corpus 8 (blind) scanned by
`piiguard scan --format jsonl` and scored per type and per kind (bench/blind_score.py; the
misses file, for the lead only, must lie outside the repository)."""

from __future__ import annotations

from bench.blind_score import main, misses
from bench.corpus8 import SEED
from bench.scanner_corpora import corpus8

__all__ = ["misses"]

if __name__ == "__main__":
    main("python -m bench.corpus8.score", "corpus 8 (blind)", corpus8, SEED)
