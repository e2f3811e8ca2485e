"""`piiguard scan --by-column` (issue 18): a table-like file's findings once per column (a
CSV/TSV column, a sheet's column, a JSON key path) and type, with counts that are the
per-cell findings of the same column, rows and keyed hashes, never a value; prose files
finding by finding as before; every output format; one process or two, a large file whole
or in parts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from typer.testing import CliRunner

from piiguard.bootstrap import Container
from piiguard.config import Settings
from piiguard.scanner.cli import scan_app
from piiguard.scanner.columns import header_types
from piiguard.scanner.output import schema
from piiguard.services.policy.datamap import list_findings
from tests.e2e.test_cli import piiguard
from tests.scanner.test_sources import encoded_mail

pytestmark = pytest.mark.req("R2.7")

KEY = "cd" * 32
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平"
LATIN = ["Sarah Duan", "Guiying Sun", "Xiulan Yin", "Oliver Grant", "Emma Lewis", "Noah Clark"]


def _phone(i: int) -> str:
    return f"139{12340000 + i * 37:08d}"


def _customers(rows: int = 40) -> tuple[str, list[str]]:
    """A CRM export: names, phones (two cells not phones), e-mails, passports, notes with a
    phone now and then, and phone-shaped part numbers under 型号."""
    lines = ["客户姓名,手机号,邮箱,护照号,备注,型号"]
    planted: list[str] = []
    for i in range(rows):
        name = SURNAMES[i % 20] + GIVEN[(i * 7) % 20]
        phone = "暂无" if i in (5, 17) else _phone(i)
        email = f"kehu{i:03d}@example.cn"
        passport = f"E{10000000 + i * 911:08d}"
        note = f"回访 {_phone(500 + i)}" if i % 5 == 0 else "已处理"
        lines.append(f"{name},{phone},{email},{passport},{note},13800000000")
        planted += [phone, email, passport]
    planted = [p for p in planted if p != "暂无"]
    return "\n".join(lines) + "\n", planted


def _folder(root: Path) -> tuple[Path, list[str]]:
    root.mkdir()
    text, planted = _customers()
    (root / "customers.csv").write_text(text, encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "客户"
    sheet.append(["姓名", "手机", "邮箱"])
    for i in range(12):
        row = [SURNAMES[i] + GIVEN[i] + GIVEN[i + 1], _phone(900 + i), f"sheet{i}@example.com"]
        sheet.append(row)
        planted += [str(v) for v in row[1:]]
    staff = book.create_sheet("Staff")
    staff.append(["name", "email"])
    for i, name in enumerate(LATIN):
        staff.append([name, f"staff{i}@example.org"])
        planted.append(f"staff{i}@example.org")
    book.save(root / "客户.xlsx")
    records = [
        {
            "name": LATIN[i],
            "birthday": f"19{60 + i}-07-2{i}",
            "contact": {"mobile": _phone(700 + i), "email": f"json{i}@example.net"},
            "orders": [{"ship_to_phone": _phone(800 + i * 2)}, {"ship_to_phone": _phone(801)}],
        }
        for i in range(6)
    ]
    (root / "dump.json").write_text(json.dumps(records, ensure_ascii=False, indent=1), "utf-8")
    planted += [r["contact"]["mobile"] for r in records] + [r["birthday"] for r in records]
    events = [
        {"user": {"email": f"log{i}@example.com"}, "ip": f"203.0.113.{i + 10}"} for i in range(9)
    ]
    (root / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    planted += [e["user"]["email"] for e in events] + [e["ip"] for e in events]
    (root / "note.txt").write_text("联系人：王小明，手机 138-1234-5678\n", encoding="utf-8")
    (root / "mail.eml").write_bytes(encoded_mail()[0])
    return root, planted


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return _folder(tmp_path_factory.mktemp("by_column") / "share")


@pytest.fixture(autouse=True)
def _cache_of_the_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scans' compiled detectors in the test's folder (copied from the run's compile,
    tests/hyperscan_cache.py), not the cache of the user running the tests."""
    monkeypatch.setenv("PIIGUARD_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(scan_app, list(args), env={"PIIGUARD_SCAN_HASH_KEY": KEY})
    return result.exit_code, result.stdout, result.stderr


def _jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def _column_of(finding: dict[str, Any], root: Path) -> Any:
    """Which column a per-cell finding lies in, told independently of the scanner: the
    CSV's commas before it on its line, the sheet's column letter, the JSON key whose value
    holds its text (the test's values are unique and hold no comma)."""
    path = Path(finding["source"])
    loc = finding["location"]
    if path.suffix == ".xlsx":
        letters = "".join(ch for ch in loc["cell"] if ch.isalpha())
        if loc["cell"][len(letters) :] == "1":
            return None
        return (loc["sheet"], ord(letters) - ord("A") + 1)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        begin = text.rfind("\n", 0, loc["start"]) + 1
        return None if begin == 0 else text.count(",", begin, loc["start"]) + 1
    found = text[loc["start"] : loc["end"]]
    paths: list[str] = []

    def walk(value: Any, prefix: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{prefix}.{k}" if prefix else k)
        elif isinstance(value, list):
            for v in value:
                walk(v, f"{prefix}[]")
        elif isinstance(value, str) and found in value:
            paths.append(prefix.removeprefix("[]").lstrip("."))

    docs = (
        [json.loads(x) for x in text.splitlines()]
        if path.suffix == ".jsonl"
        else [json.loads(text)]
    )
    for doc in docs:
        walk(doc, "")
    assert len(set(paths)) == 1, (found, paths)
    return paths[0]


def _key(column: dict[str, Any]) -> Any:
    loc = column["location"]
    if "key_path" in loc:
        return loc["key_path"]
    return (loc["sheet"], loc["column"]) if "sheet" in loc else loc["column"]


def test_column_counts_are_the_per_cell_findings_of_the_same_column(
    folder: tuple[Path, list[str]],
) -> None:
    root, _planted = folder
    code, cells_out, _ = run(str(root), "--format", "jsonl")
    assert code == 1
    per_cell = Counter()
    one_by_one = 0
    for f in _jsonl(cells_out):
        column = (
            _column_of(f, root)
            if Path(f["source"]).suffix != ".txt" and "mime_part" not in f["location"]
            else None
        )
        if column is None:
            one_by_one += 1
        else:
            per_cell[(Path(f["source"]).name, column, f["type"])] += 1
    code, out, err = run(str(root), "--format", "jsonl", "--by-column")
    assert code == 1
    lines = _jsonl(out)
    columns = [line for line in lines if line.get("kind") == "column"]
    by_column = Counter(
        {(Path(c["source"]).name, _key(c), c["type"]): c["findings"] for c in columns}
    )
    assert by_column == per_cell
    assert len(lines) - len(columns) == one_by_one  # prose and headers: one by one as before
    assert {Path(line["source"]).name for line in lines if "kind" not in line} == {
        "note.txt",
        "mail.eml",
    }
    summary = f"{len(columns)} column finding(s)"
    assert summary in err and f"{sum(per_cell.values())} cell finding(s) gathered" in err
    assert "按列汇总" in err


def test_each_source_kind_gives_its_columns(folder: tuple[Path, list[str]]) -> None:
    root, _planted = folder
    _code, out, _ = run(str(root), "--format", "jsonl", "--by-column")
    cols = {(Path(c["source"]).name, _key(c), c["type"]): c for c in _jsonl(out) if "kind" in c}
    validator = jsonschema.Draft202012Validator(schema("column"))
    for c in cols.values():
        validator.validate(c)
        assert len(c["hashes"]) == len(c["rows"]) <= 5
    # CSV: the header says phone and nearly all cells are phones: classified, two cells fail
    phone = cols[("customers.csv", 2, "phone")]
    assert (phone["cells_matched"], phone["cells"], phone["basis"]) == (38, 40, "header+values")
    assert phone["classified"] and phone["location"] == {"column": 2, "header": "手机号"}
    assert phone["rows"] == [2, 3, 4, 5, 6]  # lines of the file (the header is line 1)
    assert cols[("customers.csv", 1, "person_name")]["cells_matched"] == 40
    assert cols[("customers.csv", 4, "passport")]["classified"]
    notes = cols[("customers.csv", 5, "phone")]  # a phone now and then in free text
    assert (notes["cells_matched"], notes["classified"], notes["basis"]) == (8, False, "cells")
    assert not any(k[:2] == ("customers.csv", 6) for k in cols)  # 型号: part numbers
    # spreadsheet: each sheet's columns, named by row 1
    assert cols[("客户.xlsx", ("客户", 2), "phone")]["cells_matched"] == 12
    staff = cols[("客户.xlsx", ("Staff", 1), "person_name")]
    assert staff["location"] == {"sheet": "Staff", "column": 1, "header": "name"}
    assert staff["rows"] == [2, 3, 4, 5, 6]
    # JSON: key paths across records (records are the rows); arrays inside records too
    birthday = cols[("dump.json", "birthday", "date_of_birth")]
    assert (birthday["cells_matched"], birthday["rows"]) == (6, [1, 2, 3, 4, 5])
    ship = cols[("dump.json", "orders[].ship_to_phone", "phone")]
    assert (ship["findings"], ship["cells"], ship["distinct"]) == (12, 12, 7)
    assert cols[("dump.json", "contact.mobile", "phone")]["classified"]
    # JSON Lines: the same key path on every line; rows are lines
    email = cols[("events.jsonl", "user.email", "email")]
    assert (email["cells"], email["rows"]) == (9, [1, 2, 3, 4, 5])
    assert cols[("events.jsonl", "ip", "ip_address")]["basis"] == "header+values"


def test_no_plaintext_in_any_output(folder: tuple[Path, list[str]], tmp_path: Path) -> None:
    root, planted = folder
    outputs = []
    for fmt in ("jsonl", "table", "sarif"):
        code, out, err = run(str(root), "--format", fmt, "--by-column")
        assert code == 1
        outputs.append(out + err)
    code, _out, _err = run(
        str(root), "--format", "sarif", "--by-column", "-o", str(tmp_path / "r.sarif")
    )
    outputs.append((tmp_path / "r.sarif").read_text(encoding="utf-8"))
    for value in planted:
        for text in outputs:
            assert value not in text
    assert "Columns with personal data" in outputs[1] and "手机号 (column 2 第 2 列)" in outputs[1]
    assert "by column:" in outputs[1]  # the table's summary line


def test_sarif_holds_the_columns_and_validates(folder: tuple[Path, list[str]]) -> None:
    root, _planted = folder
    _code, out, _err = run(str(root), "--format", "sarif", "--by-column")
    document = json.loads(out)
    jsonschema.validate(document, schema("sarif"))
    run_ = document["runs"][0]
    columns = [r for r in run_["results"] if r["properties"].get("kind") == "column"]
    assert columns and run_["properties"]["byColumn"]["columns"] == len(columns)
    names = {r["locations"][0]["logicalLocations"][0]["name"] for r in columns}
    assert "客户!B 手机" in names and "user.email" in names


def test_one_process_or_two_and_a_file_in_parts_give_the_same_columns(tmp_path: Path) -> None:
    """A CSV larger than a task is cut in parts between two processes: its columns are
    gathered in the main process all the same, and read in windows by one process."""
    text, _ = _customers(rows=9000)  # about 0.6 MB: split in parts
    root = tmp_path / "big"
    root.mkdir()
    (root / "big.csv").write_text(text, encoding="utf-8")
    one = run(str(root), "--format", "jsonl", "--by-column", "--workers", "1")
    two = run(str(root), "--format", "jsonl", "--by-column", "--workers", "2")
    assert one[0] == two[0] == 1
    assert one[1] == two[1]
    phone = next(c for c in _jsonl(one[1]) if c["location"]["column"] == 2)
    assert (phone["cells"], phone["cells_matched"], phone["findings"]) == (9000, 8998, 8998)


def test_show_values_with_by_column_is_refused_with_a_clear_message(
    folder: tuple[Path, list[str]],
) -> None:
    root, _planted = folder
    code, out, err = run(str(root), "--by-column", "--show-values")
    assert code == 2 and not out
    assert "drop --show-values" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("header", "says"),
    [
        ("手机号", {"phone"}),
        ("客户姓名", {"person_name"}),
        ("passport", {"passport"}),
        ("contact.mobile", {"phone"}),
        ("customerEmail", {"email"}),
        ("身份证号码", {"resident_id"}),
        ("型号", set()),
        ("version", set()),
        ("备注", set()),
    ],
)
def test_what_a_header_says(header: str, says: set[str]) -> None:
    assert header_types(header) == says


@pytest.mark.req("R6.3")
def test_report_still_tells_a_childs_birth_date_in_a_column(
    settings: Settings, container: Container, tmp_path: Path
) -> None:
    """`--report` notes what the scan found before it is gathered into columns: a child's
    date of birth in a birthday column is a data-map finding as without --by-column."""
    root = tmp_path / "data"  # beside var/, whose private signing key the scan would find
    root.mkdir()
    (root / "kids.csv").write_text("姓名,出生日期\n王小明,2019-05-01\n李娜,1980-01-02\n", "utf-8")
    r = piiguard(settings, "scan", "--report", "--by-column", "--format", "jsonl", str(root))
    assert r.returncode == 1, r.stderr
    assert "2019-05-01" not in r.stdout + r.stderr and "王小明" not in r.stdout + r.stderr
    dob = next(json.loads(x) for x in r.stdout.splitlines() if "date_of_birth" in x)
    assert (dob["kind"], dob["cells_matched"], dob["location"]["header"]) == (
        "column",
        2,
        "出生日期",
    )
    found = {(f.kind, Path(f.source).name, f.category) for f in list_findings(container.uow())}
    assert ("child_data_found", "kids.csv", "user.demographic.date_of_birth") in found


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_cells_are_found_in_every_encoding_with_quoted_line_feeds(
    encoding: str, tmp_path: Path
) -> None:
    """A BOM, GBK, UTF-16, CRLF line ends, a quoted cell holding a line feed and a comma: the
    cells are read in the code points the scan counted, every finding lands in a column."""
    rows = ["姓名,手机号,备注,邮箱"]
    for i in range(10):
        note = f'"多行\r\n备注, 电话 1370000{i:04d}"' if i % 3 == 0 else "好"
        rows.append(f"王{GIVEN[i]}{GIVEN[i + 10]},1391234{i:04d},{note},u{i}@example.com")
    (tmp_path / "t.csv").write_bytes(("\r\n".join(rows) + "\r\n").encode(encoding))
    code, cells_out, _ = run(str(tmp_path), "--format", "jsonl")
    per_cell = Counter(f["type"] for f in _jsonl(cells_out))
    code, out, _ = run(str(tmp_path), "--format", "jsonl", "--by-column")
    assert code == 1
    cols = {(c["location"]["column"], c["type"]): c for c in _jsonl(out)}
    assert all(c.get("kind") == "column" for c in cols.values())
    assert sum(c["findings"] for c in cols.values()) == sum(per_cell.values())
    assert cols[(2, "phone")]["cells_matched"] == 10
    assert cols[(4, "email")]["cells"] == 10
    notes = cols[(3, "phone")]
    assert (notes["findings"], notes["rows"]) == (4, [2, 6, 10, 14])  # a record's first line
