"""`python -m bench.corpus8 OUTDIR [--size MB] [--seed S]`: writes corpus 8 (blind)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus8 import SEED, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus8")
parser.add_argument("outdir", type=Path)
parser.add_argument("--size", "--mb", dest="mb", type=float, default=5.0, help="megabytes")
parser.add_argument("--seed", type=int, default=SEED)
args = parser.parse_args()
write_corpus(args.outdir, int(args.mb * 1e6), args.seed)
