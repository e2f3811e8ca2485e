"""The traceability listing shipped inside the package (R10.3): the requirements of
docs/requirements.md with their text, and the tests citing each — what an installed
piiguard reads for its evidence report (src/piiguard/data/traceability.json, R10.2).

`make trace` writes it from pytest's own collection (tests/conftest.py, `--req-json`);
`marks_in_source` finds the same marks by reading the test files' syntax trees, fast
enough to check on every run that the shipped file is not stale
(tests/unit/test_traceability_shipped.py)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "piiguard" / "data" / "traceability.json"
FORMAT = 1
# "- **R2.4 Title.** text…" or "- **R3.1** text…"; "- **R4.1–4.2** …" defines two
_ITEM = re.compile(
    r"^- \*\*R(\d+)\.(\d+)(?:[–-]R?(\d+)\.(\d+))?(?: ([^*]+?))?\*\*(.*?)(?=^- \*\*R|^#|\Z)",
    re.MULTILINE | re.DOTALL,
)


def requirements(text: str) -> list[dict[str, str]]:
    """Each requirement a requirements document defines: id, title, text (ranges spelled
    out: every id of "R4.1–4.2" carries the same title and text)."""
    found = []
    for section, first, _last_section, last, title, body in _ITEM.findall(text):
        words = " ".join(body.split())
        name = title.strip().rstrip(".") or _short(re.split(r"[:.;]", words, maxsplit=1)[0])
        found += [
            {"id": f"R{section}.{n}", "title": name, "text": words}
            for n in range(int(first), int(last or first) + 1)
        ]
    return found


def _short(text: str, most: int = 72) -> str:
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0].rstrip(",") + " …"


def order(req: str) -> tuple[int, ...]:
    return tuple(int(p) for p in req.lstrip("R").split("."))


def listing(reqs: list[dict[str, str]], by_req: Mapping[str, Iterable[str]]) -> dict[str, object]:
    """The shipped JSON's content: requirements in their order, tests sorted per id."""
    return {
        "format": FORMAT,
        "generated_by": "make trace (from the @pytest.mark.req marks)",
        "requirements": sorted(reqs, key=lambda r: order(r["id"])),
        "tests": {k: sorted(set(by_req[k])) for k in sorted(by_req, key=order)},
    }


def dump(content: Mapping[str, object]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# -- the marks read from the source -------------------------------------------------------


def _req_args(node: ast.expr) -> list[str]:
    """The ids of `pytest.mark.req("R…")` (or a list of marks) in an expression."""
    if isinstance(node, ast.List | ast.Tuple):
        return [r for e in node.elts for r in _req_args(e)]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "req"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ):
        return [str(node.args[0].value)]
    return []


def _pytestmark(body: list[ast.stmt]) -> list[str]:
    return [
        r
        for s in body
        if isinstance(s, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in s.targets)
        for r in _req_args(s.value)
    ]


def _decorated(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> list[str]:
    return [r for d in node.decorator_list for r in _req_args(d)]


def marks_in_source(tests: Path = ROOT / "tests", root: Path = ROOT) -> dict[str, set[str]]:
    """Requirement -> test node ids (without parameters), from every test_*.py file under
    `tests`, named from `root` as pytest names them."""
    by_req: dict[str, set[str]] = {}
    for path in sorted(tests.rglob("test_*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        module = path.relative_to(root).as_posix()
        outer = _pytestmark(tree.body)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                if node.name.startswith("test"):
                    for r in outer + _decorated(node):
                        by_req.setdefault(r, set()).add(f"{module}::{node.name}")
            elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
                cls = outer + _decorated(node) + _pytestmark(node.body)
                for f in node.body:
                    if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef) and (
                        f.name.startswith("test")
                    ):
                        for r in cls + _decorated(f):
                            by_req.setdefault(r, set()).add(f"{module}::{node.name}::{f.name}")
    return by_req
