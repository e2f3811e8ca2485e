"""Corpus 4: a labelled corpus written blind (issue 18, R2.7).

Written by an engineer who had read neither the detectors nor the other corpora, in the
kinds of file a manufacturer in Foshan keeps: bilingual mail, purchase orders and delivery
notes, after-sales tickets, CSV customer exports, JSON database dumps, application logs,
onboarding forms, chat transcripts. Values are generated here (check digits included) and
each label is taken as its value is appended, never searched for afterwards. Look-alikes
(business numbers shaped like personal data) carry the scorecard's "lookalike" label.

`python -m bench.corpus4 OUTDIR [--mb N] [--seed S]` writes OUTDIR/files/KIND/NNNNN.EXT and
OUTDIR/labels.json; `python -m bench.corpus4.score [MB]` scores `piiguard scan` on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from random import Random

from bench.corpus4 import chats, dumps, forms, logs, mail, orders, tables, tickets
from bench.corpus4.doc import Doc, Label

Maker = Callable[[Random], tuple[Doc, str, str]]
# kind: (writer, weight); the weights give each kind a share of files like a file server's
KINDS: dict[str, tuple[Maker, float]] = {
    "mail": (mail.make, 1.3),
    "orders": (orders.make, 1.0),
    "tickets": (tickets.make, 1.2),
    "csv": (tables.make, 0.7),
    "json": (dumps.make, 0.6),
    "logs": (logs.make, 0.5),
    "forms": (forms.make, 1.0),
    "chat": (chats.make, 0.9),
}
SEED = 4


@dataclass(frozen=True, slots=True)
class File:
    name: str  # KIND/NNNNN.EXT
    kind: str
    data: bytes  # as written
    text: str  # as the scorecard decodes it
    spans: list[Label]


def _encode(text: str, encoding: str) -> tuple[bytes, str]:
    """The bytes of a file; a text the encoding cannot hold falls back to UTF-8."""
    try:
        return text.encode(encoding), text
    except UnicodeEncodeError:
        return text.encode("utf-8"), text


def generate(size: int = 5_000_000, seed: int = SEED) -> list[File]:
    """Files until `size` bytes are written, kinds drawn by weight; deterministic by seed."""
    order = Random(f"corpus4:{seed}")
    names, weights = list(KINDS), [w for _, w in KINDS.values()]
    counts = dict.fromkeys(names, 0)
    files: list[File] = []
    total = 0
    while total < size:
        kind = order.choices(names, weights)[0]
        counts[kind] += 1
        rng = Random(f"corpus4:{seed}:{kind}:{counts[kind]}")
        doc, ext, encoding = KINDS[kind][0](rng)
        data, text = _encode(doc.text, encoding)
        name = f"{kind}/{counts[kind]:05d}.{ext}"
        files.append(File(name, kind, data, text, doc.spans))
        total += len(data)
    return files


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> list[File]:
    files = generate(size, seed)
    labels = {}
    for f in files:
        path = root / "files" / f.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f.data)
        labels[f.name] = {"kind": f.kind, "spans": f.spans}
    (root / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return files


__all__ = ["KINDS", "SEED", "File", "generate", "write_corpus"]
