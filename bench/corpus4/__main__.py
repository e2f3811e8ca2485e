"""`python -m bench.corpus4 OUTDIR [--mb N] [--seed S]`: writes the labelled corpus."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.corpus4 import SEED, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus4", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--mb", type=float, default=5.0, help="size in MB (default 5)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    files = write_corpus(args.outdir, int(args.mb * 1e6), args.seed)
    kinds = Counter(f.kind for f in files)
    size = sum(len(f.data) for f in files)
    print(
        f"{len(files)} files, {size} bytes: "
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    )


if __name__ == "__main__":
    main()
