"""Branch coverage of src/piiguard, one line per package, from the data `make test` leaves
(pytest-cov, .coverage). `.venv/bin/coverage report` lists every file."""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path, PurePosixPath

import coverage

KEYS = ("num_statements", "missing_lines", "num_branches", "missing_branches")


def package(path: str) -> str:
    """'src/piiguard/services/rights/intake.py' -> 'services.rights'."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    inside = parts[parts.index("piiguard") + 1 : -1] if "piiguard" in parts else ()
    return ".".join(inside) or "(top level)"


def percent(summary: dict[str, int]) -> str:
    total = summary["num_statements"] + summary["num_branches"]
    missed = summary["missing_lines"] + summary["missing_branches"]
    return f"{100 * (total - missed) / total:5.1f}%" if total else "    -"


def rows(files: dict[str, dict[str, dict[str, int]]]) -> dict[str, dict[str, int]]:
    by_package: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(KEYS, 0))
    for path, data in files.items():
        for key in KEYS:
            by_package[package(path)][key] += data["summary"][key]
    return {name: s for name, s in sorted(by_package.items()) if s["num_statements"]}


def main() -> int:
    cov = coverage.Coverage()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        try:
            cov.load()
            cov.json_report(outfile=str(out))
        except coverage.CoverageException as exc:  # e.g. the suite stopped before any test
            print(f"no coverage to report: {exc}", file=sys.stderr)
            return 1
        report = json.loads(out.read_text("utf-8"))
    packages = rows(report["files"])
    width = max(len(name) for name in packages)
    print(
        f"\nCoverage of src/piiguard (statements and branches, per package):\n"
        f"  {'package':<{width}}  stmts   miss  branches  missed  cover"
    )
    for name, s in packages.items():
        print(
            f"  {name:<{width}}  {s['num_statements']:5d}  {s['missing_lines']:5d}"
            f"  {s['num_branches']:7d}  {s['missing_branches']:6d}  {percent(s)}"
        )
    totals = report["totals"]
    print(
        f"  {'total':<{width}}  {totals['num_statements']:5d}  {totals['missing_lines']:5d}"
        f"  {totals['num_branches']:7d}  {totals['missing_branches']:6d}  {percent(totals)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
