"""`python -m bench.corpus14 OUTDIR [MB] [--seed N]`: writes corpus 14 into OUTDIR."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus14 import SEED, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus14")
parser.add_argument("outdir", type=Path)
parser.add_argument("mb", nargs="?", type=float, default=5.0)
parser.add_argument("--seed", type=int, default=SEED)
args = parser.parse_args()
print(write_corpus(args.outdir, int(args.mb * 1e6), args.seed))
