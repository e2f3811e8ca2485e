"""`python -m bench.corpus6 OUTDIR [--mb N] [--seed S]`: writes corpus 6 (blind)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus6 import SEED, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus6")
parser.add_argument("outdir", type=Path)
parser.add_argument("--mb", type=float, default=5.0)
parser.add_argument("--seed", type=int, default=SEED)
args = parser.parse_args()
write_corpus(args.outdir, int(args.mb * 1e6), args.seed)
