"""`piiguard scan` as a new user meets it, and as a prober of bad input meets it (issue 18):
each test is a defect found by running the command on folders of one's own, from the README's
words only. The command runs in this process (typer's runner); what it prints is read."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from piiguard.scanner.cli import scan_app
from piiguard.scanner.output import TABLE_ROWS, schema, write_sarif
from piiguard.scanner.report import Finding

pytestmark = pytest.mark.req("R2.7")

KEY = "00" * 16 + "11" * 16
PHONE = "13812345678"


def run(*args: str, var: Path) -> tuple[int, str, str]:
    env = {"PIIGUARD_SCAN_HASH_KEY": KEY, "PIIGUARD_VAR_DIR": str(var)}
    result = CliRunner().invoke(scan_app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def _finding(n: int) -> Finding:
    return Finding(
        f"/data/f{n}.txt", {"line": 1, "start": 0, "end": 11}, "phone",
        "user.contact.phone_number", 0.97, "format", "138****5678", f"hmac-sha256:{n:064x}",
    )  # fmt: skip


def test_sarif_is_written_as_the_findings_come_not_gathered_first() -> None:
    """A 200 MB log (8 million findings) held every finding in memory until the end: the
    SARIF run was killed by the kernel at 21 GB. Each result is on its way out before the
    next finding is made."""
    stream = io.StringIO()

    def findings() -> Iterator[Finding]:
        for n in range(50):
            if n:
                assert f"{n - 1:064x}" in stream.getvalue(), f"finding {n - 1} not written yet"
            yield _finding(n)

    assert write_sarif(findings(), stream) == 50
    document = json.loads(stream.getvalue())
    jsonschema.Draft202012Validator(schema("sarif")).validate(document)
    assert len(document["runs"][0]["results"]) == 50


def test_the_table_lists_a_readable_number_and_counts_the_rest(tmp_path: Path) -> None:
    """The table gathered every finding too (rich measures a table's columns from all its
    rows): a big folder in table format ran out of memory. It now shows the first
    TABLE_ROWS and says how many more there are and how to see them."""
    more = 7
    log = tmp_path / "calls.log"
    log.write_text("".join(f"call {138_0000_0000 + n}\n" for n in range(TABLE_ROWS + more)))
    code, out, _err = run(str(log), var=tmp_path / "var")
    assert code == 1
    assert out.count("138****") == TABLE_ROWS  # one preview a row
    assert f"{more} more finding(s)" in out and "--format jsonl" in out
    assert f"另有 {more} 条" in out
