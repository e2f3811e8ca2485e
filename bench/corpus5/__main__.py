"""python -m bench.corpus5 OUTDIR [--mb N] [--seed S]: writes corpus 5 into OUTDIR."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.corpus5 import SEED, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus5", description=__doc__)
parser.add_argument("outdir", type=Path)
parser.add_argument("--mb", type=float, default=5.0, help="size in MB (default 5)")
parser.add_argument("--seed", type=int, default=SEED, help=f"seed (default {SEED})")
args = parser.parse_args()
print(json.dumps(write_corpus(args.outdir, int(args.mb * 1e6), args.seed)))
