"""The scanner's Hyperscan databases, compiled once per test run and shared by its test
processes (docs/benchmarks.md, "Test suite time").

Compiling the detector's two databases costs 3-4 s of CPU, and most scanner tests make a
detector or run a scan with a var/ of their own, whose cache is empty: compiled afresh, the
suite spent minutes of CPU compiling the same two databases. A compiled database depends
only on the rules' expressions and the machine (`engine.cache_name` names it by their
hash), so the copy a test gets is the database it would have compiled. The engine's own
`_compile` still does every compile and every load: the first of a run writes the shared
folder, a cache file missing from a test's folder is copied there from it, and one present
but unreadable is compiled again as in production. A test of the compiling and caching
themselves takes the `hyperscan_compiles` fixture: the engine as it ships, nothing shared."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from piiguard.scanner.detectors import engine
from piiguard.scanner.detectors.rule import Rule

Compile = Callable[..., Any]  # engine._compile: rules, utf8, cache folder, compiling
ENGINE_COMPILE: Compile = engine._compile  # as it ships


def sharing(compile_: Compile, shared: Path) -> Compile:
    """`compile_` (the engine's _compile) with the databases kept in `shared` for every test."""

    def compile_shared(
        rules: Sequence[Rule],
        utf8: bool,
        cache: Path | None = None,
        compiling: Callable[[], None] | None = None,
    ) -> Any:
        name = engine.cache_name(rules, utf8)
        if name is None:
            return compile_(rules, utf8, cache)
        kept = shared / name
        if cache is None:
            return compile_(rules, utf8, shared)  # compiled and written there the first time
        if not (cache / name).exists():
            if not kept.exists():
                compile_(rules, utf8, shared)
            cache.mkdir(parents=True, exist_ok=True)
            partial = cache / f"{name}.{os.getpid()}.tmp"
            shutil.copyfile(kept, partial)
            partial.replace(cache / name)  # whole or not at all, as the engine writes it
        return compile_(rules, utf8, cache, compiling)

    return compile_shared
