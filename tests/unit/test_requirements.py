"""Every requirement a test cites resolves in the repository (docs/requirements.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REQUIREMENTS, requirement_ids

pytest_plugins = ["pytester"]
ROOT = Path(__file__).resolve().parents[2]


def collect(pytester: pytest.Pytester, source: str) -> pytest.RunResult:
    """Collect one test module under this suite's conftest and settings (in process)."""
    module = pytester.makepyfile(test_cites=source)
    return pytester.runpytest_inprocess(
        "-c",
        str(ROOT / "pyproject.toml"),
        "--rootdir",
        str(pytester.path),
        "-p",
        "tests.conftest",
        "-p",
        "no:xdist",
        "--collect-only",
        "-q",
        str(module),
    )


@pytest.mark.req("R10.3")
def test_the_shipped_list_defines_every_section_and_spells_out_ranges() -> None:
    text = REQUIREMENTS.read_text("utf-8")
    ids = requirement_ids(text)
    assert {"R2.1", "R2.11", "R3.6", "R4.4", "R5.9", "R6.3", "R7.1", "R8.1", "R10.4"} <= ids
    assert {"R4.1", "R4.2", "R5.8", "R5.9"} <= ids  # "R4.1–4.2", "R5.8–5.9"
    assert "R4.5" not in ids and "R1.1" not in ids
    assert "../shared/REQUIREMENTS.md" in text.splitlines()[0]  # says where it comes from


@pytest.mark.req("R10.3")
def test_a_test_citing_an_unknown_requirement_stops_the_run_naming_it(
    pytester: pytest.Pytester,
) -> None:
    r = collect(
        pytester,
        "import pytest\n\n"
        "@pytest.mark.req('R4.2')\ndef test_known():\n    pass\n\n"
        "@pytest.mark.req('R4.7')\ndef test_made_up():\n    pass\n",
    )
    out = r.stdout.str()
    assert r.ret == pytest.ExitCode.INTERRUPTED, out  # an error collecting: nothing runs
    assert "ERROR collecting test_cites.py" in out, out
    assert "test_cites.py::test_made_up: @pytest.mark.req('R4.7')" in out, out
    assert "test_known:" not in out


@pytest.mark.req("R10.3")
def test_tests_citing_known_requirements_collect(pytester: pytest.Pytester) -> None:
    r = collect(
        pytester,
        "import pytest\n\n"
        "@pytest.mark.req('R4.1')\ndef test_access():\n    pass\n\n"
        "@pytest.mark.req('R5.9')\ndef test_vulnerabilities():\n    pass\n",
    )
    assert r.ret == 0, r.stdout.str() + r.stderr.str()
    assert "2 tests collected" in r.stdout.str()
