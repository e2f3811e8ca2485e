"""`python -m bench.corpus9.score [MB] [--seed N] [--misses FILE]`: corpus 9 (blind) scanned by
`piiguard scan --format jsonl` as a user runs it, scored per type and per kind."""

from __future__ import annotations

from bench.blind_score import main
from bench.corpus9 import SEED
from bench.scanner_corpora import corpus9

if __name__ == "__main__":
    main("python -m bench.corpus9.score", "corpus 9 (blind)", corpus9, SEED)
