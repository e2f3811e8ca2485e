"""`python -m bench.corpus3 OUTDIR [--mb N] [--family dev|holdout|final|all] [--seed S]
[--office]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus3 import FAMILIES, write_corpus

parser = argparse.ArgumentParser(prog="python -m bench.corpus3", description=__doc__)
parser.add_argument("outdir", type=Path)
parser.add_argument("--mb", type=float, default=5.0, help="megabytes per family (default 5)")
parser.add_argument("--family", choices=[*FAMILIES, "all"], default="all")
parser.add_argument("--seed", type=int, default=3)
parser.add_argument("--office", action="store_true", help="workbooks and Word documents")
args = parser.parse_args()
root = write_corpus(args.outdir, int(args.mb * 1e6), args.family, args.seed, args.office)
print(f"wrote {root}")
