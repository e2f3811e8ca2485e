"""The mix of file kinds, and writing the corpus with its labels."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from piiguard.scanner.corpus2 import logs, tables, texts
from piiguard.scanner.corpus2.build import File, Span
from piiguard.scanner.corpus2.values import Values
from piiguard.scanner.scorecard import FILES, LABELS

Layout = Callable[[Values, File], None]
# kind: (layout, file extensions, weight)
KINDS: dict[str, tuple[Layout, tuple[str, ...], int]] = {
    "crm": (tables.crm_csv, (".csv", ".csv", ".csv", ".tsv"), 3),
    "erp": (tables.erp_json, (".json", ".jsonl"), 2),
    "po": (tables.purchase_order, (".txt",), 2),
    "mail": (texts.mail, (".eml",), 4),
    "hr": (texts.hr_form, (".txt",), 2),
    "ticket": (texts.ticket, (".txt", ".md"), 4),
    "chat": (texts.chat, (".txt",), 3),
    "nginx": (logs.nginx, (".log",), 1),
    "applog": (logs.app_log, (".log",), 2),
}


def generate(size: int = 5_000_000, seed: int = 18) -> dict[str, File]:
    """Files (name -> labelled file) until their UTF-8 size reaches `size` bytes. Names are
    `kind/kind-00001.ext`."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not a secret
    values = Values(rng)
    kinds = list(KINDS)
    weights = [KINDS[k][2] for k in kinds]
    files: dict[str, File] = {}
    total = 0
    while total < size:
        kind = rng.choices(kinds, weights)[0]
        layout, extensions, _weight = KINDS[kind]
        name = f"{kind}/{kind}-{len(files) + 1:05d}{rng.choice(extensions)}"
        f = File(name, kind)
        layout(values, f)
        files[name] = f
        total += len(f.text.encode())
    return files


def write_corpus(root: Path, size: int = 5_000_000, seed: int = 18) -> dict[str, list[Span]]:
    """Writes the files under `root/files/` (UTF-8) and, beside them, `root/labels.json`: for
    each file its kind and its spans `[type, start, end]` in code points. Returns the spans
    by file."""
    files = generate(size, seed)
    folder = root / FILES
    for name, f in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f.text.encode())  # no newline translation: offsets stay exact
    labels = {
        name: {"kind": f.kind, "spans": [[s.type, s.start, s.end] for s in f.spans]}
        for name, f in files.items()
    }
    (root / LABELS).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return {name: f.spans for name, f in files.items()}
