"""`python -m bench.corpus14.score [MB] [--seed N] [--misses FILE]`: corpus 14 scanned once
by `piiguard scan --format jsonl` and scored (bench/blind_score.py)."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus14 import SEED
from bench.scanner_corpora import corpus14

if __name__ == "__main__":
    main("python -m bench.corpus14.score", "corpus 14 (blind)", corpus14, SEED)
