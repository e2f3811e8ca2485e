"""`python -m bench.corpus10.score [MB] [--seed N] [--misses FILE]`: corpus 10 scanned once
by `piiguard scan --format jsonl` and scored (bench/blind_score.py)."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus10 import SEED
from bench.scanner_corpora import corpus10

if __name__ == "__main__":
    main("python -m bench.corpus10.score", "corpus 10 (blind)", corpus10, SEED)
