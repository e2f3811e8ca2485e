"""Where `piiguard scan`'s findings go (`--output FILE`, else standard output).

The file is checked before anything is scanned (its folder exists, may be written, the name
is not a folder), and written beside itself (`.NAME.XXXX.partial`, readable by its owner
only: it may hold previews, and values with `--show-values`) and put in its place when the
scan is done: a scan that fails or is interrupted leaves the file as it was, never half a
SARIF document or JSON Lines that look complete. A name that is not a regular file (a pipe,
/dev/stdout) is written directly.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, cast


def problem(output: Path) -> str | None:
    """Why the findings cannot be written to `output` (English and Chinese, with what to
    do), or None when they can."""
    if output.is_dir():
        return (
            f"{output} is a folder: give a file name in it, e.g. -o {output / 'findings.jsonl'}"
            f" / {output} 是文件夹：请指定其中的文件名"
        )
    if _special(output):
        return None
    folder = output.parent
    if not folder.is_dir():
        return (
            f"the folder {folder} does not exist: create it first (mkdir -p {folder}) or "
            f"write elsewhere / 文件夹 {folder} 不存在：请先创建（mkdir -p）或换个位置"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"cannot write in {folder} (no permission): choose a folder of yours, e.g. "
            f"-o ~/findings.jsonl / 无写入权限：{folder}，请换一个可写的文件夹"
        )
    return None


def _special(output: Path) -> bool:
    """Whether `output` exists and is not a regular file (a pipe, a terminal, /dev/null)."""
    try:
        return not stat.S_ISREG(output.stat().st_mode)
    except OSError:
        return False


def binary(output: Path | None) -> AbstractContextManager[IO[bytes]]:
    """Where JSON Lines go, as bytes (they are rendered in UTF-8): standard output's buffer,
    or `output` as described above."""
    return cast("AbstractContextManager[IO[bytes]]", _written(output, binary=True))


def text(output: Path | None) -> AbstractContextManager[IO[str]]:
    """Where the table and SARIF go: standard output, or `output` as described above."""
    return cast("AbstractContextManager[IO[str]]", _written(output, binary=False))


@contextmanager
def _written(output: Path | None, binary: bool) -> Iterator[IO[bytes] | IO[str]]:
    if output is None:
        if binary:
            sys.stdout.flush()
            yield sys.stdout.buffer
        else:
            yield sys.stdout
        return
    mode, encoding = ("wb", None) if binary else ("w", "utf-8")
    if _special(output):
        with output.open(mode, encoding=encoding) as stream:
            yield stream
        return
    fd, partial = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, mode, encoding=encoding) as stream:
            yield stream
        Path(partial).replace(output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
