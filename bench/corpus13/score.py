"""`python -m bench.corpus13.score [MB] [--seed N] [--misses FILE]`: corpus 13 scanned once
by `piiguard scan --format jsonl` and scored (bench/blind_score.py)."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus13 import SEED
from bench.scanner_corpora import corpus13

if __name__ == "__main__":
    main("python -m bench.corpus13.score", "corpus 13 (blind)", corpus13, SEED)
