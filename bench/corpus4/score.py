"""`python -m bench.corpus4.score [MB] [--seed S] [--misses FILE]`: corpus 4 (blind) scanned by
`piiguard scan --format jsonl` and scored per type and per kind (bench/blind_score.py; the
misses file, for the lead only, must lie outside the repository)."""

from __future__ import annotations

from bench.blind_score import main, misses
from bench.corpus4 import SEED
from bench.scanner_corpora import corpus4

__all__ = ["misses"]

if __name__ == "__main__":
    main("python -m bench.corpus4.score", "corpus 4 (blind)", corpus4, SEED)
