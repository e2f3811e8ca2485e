"""Corpus 5: a labelled corpus written blind, in the kinds of file of a manufacturer in
Foshan (bilingual mail, purchase orders and delivery notes, after-sales tickets, warranty
cards and service reports, CSV exports, JSON dumps, application logs, onboarding forms,
chat transcripts), deterministic by seed.

`write_corpus(root, size, seed)` writes ROOT/files/KIND/NNNNN.EXT and ROOT/labels.json in
the scorecard's format: `[type, start, end]` in code points of the decoded text, each label
taken as its value is appended; look-alikes (business numbers shaped like personal data)
are labelled "lookalike".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from random import Random

from bench.corpus5 import data_kinds, text_kinds
from bench.corpus5.ctx import Ctx
from bench.corpus5.doc import Doc

SEED = 5
KINDS: dict[str, tuple[float, Callable[[Ctx], tuple[Doc, str, str]]]] = {
    "mail": (0.16, text_kinds.mail),
    "chat": (0.12, text_kinds.chat),
    "tickets": (0.13, text_kinds.ticket),
    "service": (0.07, text_kinds.service),
    "orders": (0.13, data_kinds.order),
    "csv": (0.09, data_kinds.csv),
    "json": (0.09, data_kinds.json_dump),
    "logs": (0.09, data_kinds.logs),
    "forms": (0.12, data_kinds.form),
}


def encode(text: str, encoding: str) -> bytes:
    """The file's bytes; GBK falls back to UTF-8 for text it cannot hold."""
    if encoding == "gbk":
        try:
            return text.encode("gbk")
        except UnicodeEncodeError:
            return text.encode("utf-8")
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def document(seed: int, index: int) -> tuple[str, Doc, str, str]:
    """(kind, document, extension, encoding) of file `index`."""
    rng = Random(f"corpus5:{seed}:{index}")
    names = list(KINDS)
    kind = rng.choices(names, weights=[KINDS[k][0] for k in names])[0]
    doc, ext, encoding = KINDS[kind][1](Ctx(rng))
    return kind, doc, ext, encoding


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> dict[str, int]:
    """Files until `size` bytes are written; returns counts (files, bytes, labels, look-alikes)."""
    files = root / "files"
    labels: dict[str, dict[str, object]] = {}
    written = index = values = fakes = 0
    while written < size:
        kind, doc, ext, encoding = document(seed, index)
        name = f"{kind}/{index:05d}{ext}"
        data = encode(doc.text, encoding)
        (files / kind).mkdir(parents=True, exist_ok=True)
        (files / name).write_bytes(data)
        labels[name] = {"kind": kind, "spans": doc.spans}
        written += len(data)
        fakes += sum(1 for s in doc.spans if s[0] == "lookalike")
        values += sum(1 for s in doc.spans if s[0] != "lookalike")
        index += 1
    (root / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return {"files": index, "bytes": written, "labels": values, "lookalikes": fakes}


__all__ = ["KINDS", "SEED", "document", "encode", "write_corpus"]
