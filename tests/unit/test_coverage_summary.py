"""make test's coverage summary: statements and branches summed per package."""

from __future__ import annotations

from tests.coverage_summary import package, percent, rows


def test_files_add_up_by_their_package() -> None:
    def summary(stmts: int, miss: int, branches: int, missed: int) -> dict[str, dict[str, int]]:
        return {
            "summary": {
                "num_statements": stmts,
                "missing_lines": miss,
                "num_branches": branches,
                "missing_branches": missed,
            }
        }

    out = rows(
        {
            "src/piiguard/services/rights/intake.py": summary(80, 10, 20, 5),
            "src/piiguard/services/rights/steps.py": summary(20, 0, 0, 0),
            "src/piiguard/config.py": summary(10, 10, 10, 10),
            "src/piiguard/migrations/__init__.py": summary(0, 0, 0, 0),
        }
    )
    assert out == {
        "(top level)": {
            "num_statements": 10,
            "missing_lines": 10,
            "num_branches": 10,
            "missing_branches": 10,
        },
        "services.rights": {
            "num_statements": 100,
            "missing_lines": 10,
            "num_branches": 20,
            "missing_branches": 5,
        },
    }
    assert percent(out["services.rights"]).strip() == "87.5%"  # (120 - 15) / 120
    assert percent(out["(top level)"]).strip() == "0.0%"
    assert package("/work/x/src/piiguard/web/api/schemas/rights.py") == "web.api.schemas"
