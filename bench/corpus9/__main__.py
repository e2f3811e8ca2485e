"""`python -m bench.corpus9 OUTDIR [MB] [--seed N]`: write corpus 9 into OUTDIR."""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.corpus9 import SEED, write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus9", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    root = write_corpus(args.outdir, int(args.mb * 1e6), args.seed)
    print(f"wrote {sum(1 for p in (root / 'files').rglob('*') if p.is_file())} files to {root}")


if __name__ == "__main__":
    main()
