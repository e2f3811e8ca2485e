"""Scores `piiguard scan` on the three families of corpus 3 and writes what it missed and wrongly
flagged in the dev family (or, with `--family holdout` or `--family final`, that family: since
corpus 4 (bench/corpus4) became the unseen set, all three may be studied), grouped by pattern
(type, template, field, shape of the value), one example each with a line of context. Write
the file outside the repository: it holds the corpus's (synthetic) values.

`python -m bench.corpus3.score [MB] [--misses FILE] [--family dev|holdout|final] [--examples N]`
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.corpus3 import generate_office
from bench.scanner_corpora import corpus3
from piiguard.scanner.corpus import LOOKALIKE, Span
from piiguard.scanner.scorecard import (
    Labelled,
    decoded,
    found_spans,
    load,
    markdown,
    run_scan,
)
from piiguard.scanner.scorecard import scorecard as make_card

SCORED_AS = {"credit_card": "card", "bank_card": "card"}


def shape(value: str) -> str:
    """The value's shape: digits 9, ASCII letters a/A, Chinese 中, runs of 4+ digits as 9…."""
    out = re.sub(r"[0-9]", "9", value)
    out = re.sub(r"[a-z]", "a", out)
    out = re.sub(r"[A-Z]", "A", out)
    out = re.sub(r"[\u4e00-\u9fff]", "中", out)
    out = re.sub(r"9{5,}", lambda m: f"9×{len(m.group())}", out)
    out = re.sub(r"中{4,}", "中…", out)
    return re.sub(r"([aA])\1{3,}", lambda m: f"{m.group(1)}…", out)


def field_of(name: str, text: str, start: int) -> str:
    """Where a value sits: its CSV/TSV column header, its JSON key, or the words before it."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if name.endswith((".xlsx", ".docx")) and not before:  # a cell: the one before it
        previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
        return f"cell after {re.sub(r'[0-9]', '9', previous[-14:])!r}"
    if name.endswith((".csv", ".tsv")):
        header = text[: text.find("\n")].lstrip("\ufeff").rstrip("\r")
        sep = "\t" if "\t" in header else (";" if ";" in header else ",")
        column = len(re.sub(r'"[^"]*"', "", before).split(sep)) - 1
        names = [h.strip('"') for h in header.split(sep)]
        return f"column {names[column]!r}" if column < len(names) else "column ?"
    if name.endswith((".json", ".jsonl")):
        keys = re.findall(r'"([^"]+)":\s*[\[{]?\s*"?$', text[max(0, start - 60) : start])
        if keys:
            return f"key {keys[-1]!r}"
    words = re.sub(r"[0-9]", "9", before[-14:]).strip()
    return f"after {words!r}" if words else "line start"


def _context(text: str, start: int, end: int) -> str:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)].rstrip("\r")
    at = start - ls
    lo = max(0, at - 60)
    return ("…" if lo else "") + line[lo : at + (end - start) + 50]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def groups(
    labelled: Labelled,
    findings: list[dict[str, Any]],
    templates: dict[str, str],
    texts: dict[str, str] | None = None,
) -> dict[str, dict[tuple[str, ...], list[tuple[str, str]]]]:
    """{"missed" | "wrongly flagged" | "look-alike flagged": {pattern: [(value, context)]}};
    `texts`: the labels' text of files that are not text (office files' segments)."""
    found, _ = found_spans(labelled, findings)
    out: dict[str, dict[tuple[str, ...], list[tuple[str, str]]]] = {
        "missed": defaultdict(list),
        "wrongly flagged": defaultdict(list),
        "look-alike flagged": defaultdict(list),
    }
    for name in sorted(labelled.spans):
        gold, hits = labelled.spans[name], found.get(name, [])
        if not gold and not hits:
            continue
        if texts and name in texts:
            text = texts[name]
        else:
            text = decoded((labelled.folder / name).read_bytes())
        template = templates.get(name, "?")

        def add(
            group: str,
            span: Span,
            label: str,
            *,
            _t: str = text,
            _n: str = name,
            _w: str = template,
        ) -> None:
            value = _t[span.start : span.end]
            key = (label, _w, field_of(_n, _t, span.start), shape(value))
            out[group][key].append((value, _context(_t, span.start, span.end)))

        for g in gold:
            same = [h for h in hits if _overlaps(g, h)]
            if g.type == LOOKALIKE:
                for h in same[:1]:
                    add("look-alike flagged", g, f"lookalike as {h.type}")
            elif not any(
                SCORED_AS.get(h.type, h.type) == SCORED_AS.get(g.type, g.type) for h in same
            ):
                also = ", ".join(sorted({h.type for h in same}))
                add("missed", g, g.type + (f" (found as {also})" if also else ""))
        for h in hits:
            kin = [g for g in gold if _overlaps(g, h)]
            if any(SCORED_AS.get(g.type, g.type) == SCORED_AS.get(h.type, h.type) for g in kin):
                continue
            if any(g.type == LOOKALIKE for g in kin):
                continue  # counted above as a look-alike flagged
            also = ", ".join(sorted({g.type for g in kin}))
            add("wrongly flagged", h, h.type + (f" (labelled {also})" if also else ""))
    return out


def misses_markdown(
    found: dict[str, dict[tuple[str, ...], list[tuple[str, str]]]],
    examples: int,
    family: str = "dev",
) -> str:
    lines: list[str] = []
    kinds = ("wrongly flagged", "look-alike flagged")
    others = {g: min(len(found[g]), examples // 4) for g in kinds}
    budget = {"missed": examples - sum(others.values()), **others}
    for group, patterns in found.items():
        ranked = sorted(patterns.items(), key=lambda kv: -len(kv[1]))
        total = sum(len(v) for v in patterns.values())
        head = f"### {family.capitalize()} family: {group}"
        lines += [f"{head} ({total} spans in {len(ranked)} patterns)", ""]
        lines += [
            "| n | type | template | field | shape | example | context |",
            "|---|---|---|---|---|---|---|",
        ]
        for (label, template, fld, shp), items in ranked[: budget[group]]:
            value, context = items[0]
            cell = context.replace("|", "¦").replace("\t", "⇥")
            lines.append(
                f"| {len(items)} | {label} | {template} | {fld} | `{shp}` | `{value}` | {cell} |"
            )
        rest = ranked[budget[group] :]
        if rest:
            lines.append(
                f"| {sum(len(v) for _k, v in rest)} | … {len(rest)} smaller patterns | | | | | |"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus3.score")
    parser.add_argument("mb", nargs="?", type=float, default=5.0)
    parser.add_argument("--misses", type=Path, help="write one family's misses here")
    parser.add_argument("--family", choices=("dev", "holdout", "final"), default="dev")
    parser.add_argument("--examples", type=int, default=48)
    args = parser.parse_args()
    size = int(args.mb * 1e6)
    cards, figures = {}, {}
    dev_groups: dict[str, dict[tuple[str, ...], list[tuple[str, str]]]] = {}
    runs = [(family, office) for office in (False, True) for family in ("dev", "holdout", "final")]
    for family, office in runs:
        part = size // 5 if office else size
        root = corpus3(part, family, office)
        labelled = load(root)
        load_before = os.getloadavg()[0]
        run = run_scan(labelled.folder)
        name = f"corpus 3 {'office ' if office else ''}({family})"
        cards[name] = make_card(labelled, run.findings)
        figures[name] = {
            "files": len(labelled.spans),
            "bytes": sum((labelled.folder / n).stat().st_size for n in labelled.spans),
            "findings": len(run.findings),
            "scan_seconds": round(run.seconds, 2),
            "cpu_seconds": round(run.cpu_seconds, 2),
            "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
            "overall": cards[name].as_dict()["by_type"]["overall"],
            "lookalike_rate": cards[name].as_dict()["lookalike_rate"],
            "unplaced_findings": cards[name].unplaced,
        }
        if family == args.family:
            stored = json.loads((root / "labels.json").read_text(encoding="utf-8"))
            templates = {n: e.get("template", "?") for n, e in stored.items()}
            texts = (
                {n: f.labelled()[0].text for n, f in generate_office(family, part)}
                if office
                else None
            )
            for group, patterns in groups(labelled, run.findings, templates, texts).items():
                mine = dev_groups.setdefault(group, defaultdict(list))
                for key, items in patterns.items():
                    mine[key] += items
    table = markdown(cards)
    print(table)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.misses and dev_groups:
        args.misses.write_text(
            f"{table}\n\n```json\n{json.dumps(figures, indent=2, ensure_ascii=False)}\n```\n\n"
            + misses_markdown(dev_groups, args.examples, args.family),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
