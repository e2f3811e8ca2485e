"""Regular expressions compiled once per machine, not at every start of `piiguard scan`.

The detectors compile about 150 regular expressions when they are imported (large
alternations of field names, surnames and closings, big Unicode classes): Python's `re` parses
and compiles each in Python, about 0.1 s of CPU per start on a quiet machine (more than the
rest of the import), which is most of what a scan of a small file costs beyond a bare Typer
program's start. While the detectors are imported, `compiled_patterns(folder)` answers
`re.compile` from a file beside the cached Hyperscan databases: the compiled program of each
pattern (its opcodes, flags and groups, as `re._compiler.compile` hands them to `_sre.compile`),
keyed by the pattern and its flags, for this exact Python (version and `_sre.MAGIC` in the file
name). A pattern is kept only after the program built from the kept parts compares equal to
the one `re` compiled (`Pattern.__eq__` compares flags, pattern text and program), so a Python
whose internals differ caches nothing and runs as before; a file that does not load is
ignored and rewritten. Outside the `with` block `re` is untouched.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_sre: Any
_compiler: Any
_parser: Any
try:  # CPython's regular-expression engine and compiler: without them, nothing is cached
    _sre = importlib.import_module("_sre")
    _compiler = importlib.import_module("re._compiler")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python
    _sre = None

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
MAX_ENTRIES = 4096  # beyond this the file starts again (patterns built from data vary)


def user_dir(env: Mapping[str, str], xdg: str, fallback: str) -> Path | None:
    """piiguard's folder among the user's own (XDG base directories): $`xdg`/piiguard when
    that is an absolute path, else ~/`fallback`/piiguard; None without a home."""
    base = Path(env.get(xdg, ""))
    if base.is_absolute():
        return base / "piiguard"
    try:  # $HOME, else the account's home
        home = Path(env.get("HOME") or "~").expanduser()
    except RuntimeError:
        return None
    return home / fallback / "piiguard" if home.is_absolute() else None


def private_temp() -> Path | None:
    """This user's folder under the system's temporary one, for when no home folder may be
    written: made 0700, and used only if it is a folder this user owns and no one else may
    write (another user could otherwise have planted files there first)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"piiguard-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        st = folder.lstat()  # a link there is not followed: refused below
    except OSError:
        return None
    ours = stat.S_ISDIR(st.st_mode) and st.st_uid == uid and not st.st_mode & 0o022
    return folder if ours else None


def writable(folder: Path, mode: int = 0o700) -> bool:
    """`folder` exists (made now if need be, `mode`) and this user may write in it."""
    try:
        folder.mkdir(mode=mode, parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def cache_dir(env: Mapping[str, str] = os.environ) -> Path | None:
    """Where the compiled Hyperscan databases and regular expressions are kept, so that a
    scan, and each of its worker processes, loads them in a millisecond instead of compiling
    them for seconds: $PIIGUARD_CACHE_DIR; else $PIIGUARD_VAR_DIR/cache when that is set (the
    service's and the tests' var folder); else the user's cache folder ($XDG_CACHE_HOME/
    piiguard, ~/.cache/piiguard), or, if that cannot be written, piiguard-UID/cache under the
    system's temporary folder. Never the folder scanned nor the one the scan runs from
    (issue 18). None: nowhere to keep them (each scan compiles)."""
    if configured := env.get("PIIGUARD_CACHE_DIR"):
        return Path(configured)
    if var := env.get("PIIGUARD_VAR_DIR"):
        return Path(var) / "cache"
    user = user_dir(env, "XDG_CACHE_HOME", ".cache")
    if user is not None and writable(user):
        return user
    temp = private_temp()
    return None if temp is None else temp / "cache"


def cache_file(folder: Path) -> Path:
    tag = f"{sys.version}|{getattr(_sre, 'MAGIC', 0)}|{getattr(_sre, 'CODESIZE', 0)}"
    return folder / f"re-{hashlib.sha256(tag.encode()).hexdigest()[:16]}.marshal"


def _entry(pattern: str | bytes, flags: int) -> Entry:
    """What re._compiler.compile hands to _sre.compile for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _load(path: Path) -> dict[tuple[str | bytes, int], Entry]:
    try:
        known = marshal.loads(path.read_bytes())  # noqa: S302 - our own file, this Python's
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return known if isinstance(known, dict) else {}


def _save(path: Path, known: dict[tuple[str | bytes, int], Entry]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=".re-")
        with os.fdopen(fd, "wb") as out:
            marshal.dump(known, out)
        Path(name).replace(path)
    except OSError:
        pass  # a read-only folder only costs the compile next time


@contextmanager
def compiled_patterns(folder: Path | None) -> Iterator[None]:
    """Within the block, `re.compile` (and re.match … with a pattern text) builds from the
    kept programs in `folder` where it can, and keeps what it had to compile (`folder`
    None: nothing kept, `re` untouched)."""
    if folder is None or _sre is None or getattr(re, "_compile", None) is None:
        yield
        return
    path = cache_file(folder)
    known = _load(path)
    fresh: dict[tuple[str | bytes, int], Entry] = {}
    original = re._compile  # type: ignore[attr-defined]

    def compile_kept(pattern: Any, flags: Any) -> Any:
        if type(pattern) not in (str, bytes) or int(flags) & re.DEBUG:
            return original(pattern, flags)
        key = (pattern, int(flags))
        entry = known.get(key)
        if entry is not None:
            try:
                return _sre.compile(pattern, *entry)
            except Exception:
                known.pop(key, None)
        compiled = original(pattern, flags)
        try:
            entry = _entry(pattern, int(flags))
            if _sre.compile(pattern, *entry) == compiled:
                fresh[key] = entry
        except Exception:  # noqa: S110 - not kept: this Python compiles differently
            pass
        return compiled

    re._compile = compile_kept  # type: ignore[attr-defined]
    try:
        yield
    finally:
        re._compile = original  # type: ignore[attr-defined]
        if fresh:
            _save(path, ({} if len(known) > MAX_ENTRIES else known) | fresh)
