"""`make bench`: every benchmark in one run; a JSON summary per bench on stdout and in
bench/out/. Figures go into docs/benchmarks.md by hand, next to their targets."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

BENCHES = [
    "bench.foundation",
    "bench.scanner",
    "bench.decisions",
    "bench.requests_package",
    "bench.requests",
    "bench.retention",
    "bench.backups",
    "bench.sharing",
]


def main() -> None:
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    only = sys.argv[1:]
    for name in BENCHES:
        if only and name.split(".")[-1] not in only:
            continue
        print(f"== {name}", file=sys.stderr, flush=True)
        summary = importlib.import_module(name).main()
        (out / f"{name.split('.')[-1]}.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
