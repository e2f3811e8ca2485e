"""`python -m bench.corpus12.score [MB] [--seed N] [--misses FILE]`: corpus 12 scanned once
by `piiguard scan --format jsonl` and scored (bench/blind_score.py)."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus12 import SEED
from bench.scanner_corpora import corpus12

if __name__ == "__main__":
    main("python -m bench.corpus12.score", "corpus 12 (blind)", corpus12, SEED)
