"""Output: jsonl and SARIF valid against the shipped schemas, masked previews, keyed hashes,
exit codes of the command."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from piiguard.scanner.cli import scan_app
from piiguard.scanner.output import schema
from piiguard.scanner.report import Reporter, mask, normalize

pytestmark = pytest.mark.req("R2.7")

KEY = "00" * 16 + "11" * 16
TEXT = "联系人：王小明，手机 138-1234-5678，邮箱 wang.xm@example.com，卡号 4111 1111 1111 1111\n"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"PIIGUARD_SCAN_HASH_KEY": KEY, "PIIGUARD_VAR_DIR": str(tmp_path / "var")}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "note.txt").write_text(TEXT, encoding="utf-8")
    (root / "blob.bin").write_bytes(b"\x00\x01" * 500)
    return root


def run(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    result = CliRunner().invoke(scan_app, args, env=env)
    return result.exit_code, result.stdout


def test_jsonl_lines_validate_and_never_hold_values(folder: Path, env: dict[str, str]) -> None:
    code, out = run([str(folder), "--format", "jsonl"], env)
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    validator = jsonschema.Draft202012Validator(schema("finding"))
    for line in lines:
        validator.validate(line)
    # (卡号 names no kind of card: a bank card, the bank account's category — issue 18)
    assert {line["type"] for line in lines} == {"person_name", "phone", "email", "bank_card"}
    assert "13812345678" not in out and "138-1234-5678" not in out
    assert "wang.xm@example.com" not in out
    phone = next(line for line in lines if line["type"] == "phone")
    assert phone["preview"] == "138****5678"
    assert TEXT[phone["location"]["start"] : phone["location"]["end"]] == "138-1234-5678"


def test_show_values_prints_them(folder: Path, env: dict[str, str]) -> None:
    _code, out = run([str(folder), "--format", "jsonl", "--show-values"], env)
    assert "wang.xm@example.com" in out


def test_sarif_validates(folder: Path, env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    code, _out = run([str(folder), "--format", "sarif", "--output", str(target)], env)
    assert code == 1
    document = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema("sarif")).validate(document)
    run_ = document["runs"][0]
    assert len(run_["results"]) == 4
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert any("blob.bin" in n["message"]["text"] for n in notes)


def test_schema_rejects_a_finding_with_a_plain_hash() -> None:
    bad = {
        "source": "a",
        "location": {"line": 1, "start": 0, "end": 1},
        "type": "email",
        "category": "user.contact.email",
        "confidence": 0.9,
        "validator": "format",
        "preview": "a***",
        "hash": "abc",
    }
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema("finding"))


def test_exit_codes(tmp_path: Path, env: dict[str, str]) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("nothing personal here, version 1.2.3.4, order PO-2024-000123\n")
    assert run([str(clean)], env)[0] == 0
    assert run([str(tmp_path / "missing.txt")], env)[0] == 2
    assert run([], env)[0] == 2
    assert run(["--db", "sqlite:////nonexistent/dir/x.db"], env)[0] == 2


def test_table_is_the_default(folder: Path, env: dict[str, str]) -> None:
    code, out = run([str(folder)], env)
    assert code == 1
    assert "138****5678" in out and "user.contact.email" in out
    assert "位置" in out and " 行 [" in out  # where a finding is, in Chinese beside English


def test_workers_give_the_same_findings(folder: Path, env: dict[str, str]) -> None:
    one = run([str(folder), "--format", "jsonl"], env)[1]
    two = run([str(folder), "--format", "jsonl", "--workers", "2"], env)[1]
    assert one == two


def test_hash_key_is_created_once_with_private_mode(folder: Path, tmp_path: Path) -> None:
    env = {"PIIGUARD_VAR_DIR": str(tmp_path / "var")}
    first = run([str(folder), "--format", "jsonl"], env)[1]
    key = tmp_path / "var" / "scan-hash.key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert len(key.read_bytes()) == 32
    assert run([str(folder), "--format", "jsonl"], env)[1] == first


def test_hash_is_hmac_sha256_of_the_normalized_value() -> None:
    r = random.Random(3)
    for size in (16, 32, 63, 64, 65, 100):
        key = bytes(r.randrange(256) for _ in range(size))
        reporter = Reporter(key)
        for value in ("13812345678", "Wang@Example.com", "王小明", ""):
            for kind in ("phone", "email", "person_name"):
                expected = hmac.new(key, normalize(kind, value).encode(), hashlib.sha256)
                assert reporter.hash(kind, value) == "hmac-sha256:" + expected.hexdigest()


def test_hash_is_keyed_and_ignores_formatting() -> None:
    a, b = Reporter(b"k" * 32), Reporter(b"j" * 32)
    assert a.hash("phone", "138-1234-5678") == a.hash("phone", "13812345678")
    assert a.hash("phone", "13812345678") != b.hash("phone", "13812345678")
    assert a.hash("email", "A@Example.com") == a.hash("email", "a@example.com")


@pytest.mark.parametrize(
    ("kind", "value", "preview"),
    [
        ("email", "wang.xm@example.com", "w***@example.com"),
        ("resident_id", "11010519491231002X", "110***********002X"),
        ("person_name", "王小明", "王**"),
        ("person_name", "John Smith", "J*** S****"),
        ("secret", "Sup3rS3cret!", "Su********"),
        ("ip_address", "203.0.113.45", "203.*"),
    ],
)
def test_previews_are_masked(kind: str, value: str, preview: str) -> None:
    assert mask(kind, value) == preview


def test_encoded_mail_findings_validate_in_jsonl_and_sarif(
    tmp_path: Path, env: dict[str, str]
) -> None:
    from tests.scanner.test_sources import encoded_mail  # noqa: PLC0415

    root = tmp_path / "mail"
    root.mkdir()
    (root / "ticket.eml").write_bytes(encoded_mail()[0])
    code, out = run([str(root), "--format", "jsonl"], env)
    assert code == 1
    validator = jsonschema.Draft202012Validator(schema("finding"))
    lines = [json.loads(line) for line in out.splitlines()]
    for line in lines:
        validator.validate(line)
    assert {line["location"]["mime_part"] for line in lines} >= {0, 1, 2}
    code, out = run([str(root), "--format", "sarif"], env)
    assert code == 1
    jsonschema.Draft202012Validator(schema("sarif")).validate(json.loads(out))
