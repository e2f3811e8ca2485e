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
themselves takes the `hyperscan_compiles` fixture: the engine's `_compile` as it ships,
nothing shared.

Below that, Hyperscan's own compile (`automaton.database.build`, 3-10 s a database) runs once a
run for each list of expressions: what it built is kept in the same folder and loaded for
the next build of the same expressions (`built_once`), so the tests of the compiling and
caching — which must see the engine compile, write, load and compile again — take their
databases from the run's first build instead of building the same two again, each time
through the engine's whole compile path (the cache folder, the `compiling` notice, the
files written)."""

from __future__ import annotations

import hashlib
import marshal
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import hyperscan

from piiguard.scanner.detectors import engine
from piiguard.scanner.detectors.automaton import database
from piiguard.scanner.detectors.rule import Rule

Compile = Callable[..., Any]  # engine._compile: rules, utf8, cache folder, compiling
ENGINE_COMPILE: Compile = engine._compile  # as it ships
Build = Callable[[list[bytes], list[int]], Any]  # database.build: expressions, flags
ENGINE_BUILD: Build = database.build  # as it ships


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


def built_once(build: Build, shared: Path) -> Build:
    """`build` (Hyperscan's compile) with what it built kept in `shared`, by its expressions
    and flags: the same list compiled again is the database loaded from there."""

    def build_kept(expressions: list[bytes], flags: list[int]) -> Any:
        key = hashlib.sha256(marshal.dumps((expressions, flags))).hexdigest()[:32]
        kept = shared / f"built-{key}.hs"
        try:
            db = hyperscan.loadb(kept.read_bytes(), hyperscan.HS_MODE_BLOCK)
        except (OSError, hyperscan.error):
            db = build(expressions, flags)
            partial = shared / f"built-{key}.{os.getpid()}.tmp"
            partial.write_bytes(hyperscan.dumpb(db))
            partial.replace(kept)  # whole or not at all
            return db
        db.scratch = hyperscan.Scratch(db)
        return db

    return build_kept
