"""`python -m bench.corpus11 OUTDIR [MB] [--seed N]`: writes corpus 10 (files + labels)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus11 import SEED, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus11")
parser.add_argument("outdir", type=Path)
parser.add_argument("mb", nargs="?", type=float, default=5.0)
parser.add_argument("--seed", type=int, default=SEED)
args = parser.parse_args()
root = write_corpus(args.outdir, int(args.mb * 1e6), args.seed)
print(root)
