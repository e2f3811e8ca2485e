"""The traceability listing is shipped inside the package (R10.3), so an installed piiguard
can put it in its evidence report (R10.2) — and it is never stale: the marks in the test
files, the requirements of docs/requirements.md and docs/traceability.md all say what the
shipped src/piiguard/data/traceability.json says. `make trace` rewrites both files."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from tests import traceability
from tests.conftest import REQUIREMENTS

STALE = "stale: run `make trace` (it rewrites docs/traceability.md and the shipped JSON)"


def shipped() -> dict[str, object]:
    text = (resources.files("piiguard") / "data" / "traceability.json").read_text("utf-8")
    found: dict[str, object] = json.loads(text)
    return found


@pytest.mark.req("R10.3")
def test_the_shipped_listing_names_the_tests_that_cite_each_requirement_now() -> None:
    found = shipped()
    now = {k: sorted(v) for k, v in traceability.marks_in_source().items()}
    assert found["tests"] == now, STALE
    assert found["format"] == traceability.FORMAT


@pytest.mark.req("R10.3")
def test_the_shipped_listing_holds_every_requirement_with_its_text() -> None:
    found = shipped()
    defined = traceability.requirements(REQUIREMENTS.read_text("utf-8"))
    assert found["requirements"] == sorted(defined, key=lambda r: traceability.order(r["id"])), (
        STALE
    )
    ids = [r["id"] for r in defined]
    assert {"R2.4", "R4.1", "R4.2", "R5.8", "R5.9", "R10.2"} <= set(ids)
    r24 = next(r for r in defined if r["id"] == "R2.4")
    assert r24["title"] == "Purpose limitation"
    assert r24["text"].startswith("Use of a subject's data for a purpose")
    r41, r42 = (next(r for r in defined if r["id"] == k) for k in ("R4.1", "R4.2"))
    assert r41["text"] == r42["text"] and r41["text"].startswith("Access, correction")


@pytest.mark.req("R10.3")
def test_docs_traceability_md_says_the_same() -> None:
    rows = re.findall(
        r"^\| (R[\d.]+) \| (.*) \|$",
        traceability.ROOT.joinpath("docs", "traceability.md").read_text("utf-8"),
        re.MULTILINE,
    )
    in_md = {req: sorted(re.findall(r"`([^`]+)`", cell)) for req, cell in rows}
    assert in_md == shipped()["tests"], STALE


@pytest.mark.req("R10.3")
def test_the_source_reader_finds_marks_on_modules_classes_and_functions(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_marks.py").write_text(
        "import pytest\n"
        "pytestmark = [pytest.mark.req('R2.1'), pytest.mark.slow]\n"
        "@pytest.mark.req('R2.2')\n"
        "def test_a():\n    pass\n"
        "def helper():\n    pass\n"
        "@pytest.mark.req('R2.3')\n"
        "class TestB:\n"
        "    pytestmark = pytest.mark.req('R2.4')\n"
        "    def test_c(self):\n        pass\n"
        "    @pytest.mark.req('R2.5')\n"
        "    async def test_d(self):\n        pass\n"
    )
    (tmp_path / "tests" / "helpers.py").write_text(
        "import pytest\n@pytest.mark.req('R9.9')\ndef test_not_collected():\n    pass\n"
    )
    a, c, d = (
        "tests/test_marks.py::test_a",
        "tests/test_marks.py::TestB::test_c",
        ("tests/test_marks.py::TestB::test_d"),
    )
    assert traceability.marks_in_source(tmp_path / "tests", tmp_path) == {
        "R2.1": {a, c, d},
        "R2.2": {a},
        "R2.3": {c, d},
        "R2.4": {c, d},
        "R2.5": {d},
    }
