"""`python -m bench.corpus11.score [MB] [--seed N] [--misses FILE]`: corpus 11 scanned once
by `piiguard scan --format jsonl` and scored (bench/blind_score.py)."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus11 import SEED
from bench.scanner_corpora import corpus11

if __name__ == "__main__":
    main("python -m bench.corpus11.score", "corpus 11 (blind)", corpus11, SEED)
