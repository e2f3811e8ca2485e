"""Corpus 5: a labelled corpus written blind, in the kinds of file of a manufacturer in
Foshan (bilingual mail, purchase orders and delivery notes, after-sales tickets, warranty
cards and service reports, CSV exports, spreadsheets, JSON dumps, application logs,
onboarding forms, chat transcripts), deterministic by seed.

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

from bench.corpus5 import data_kinds, office, text_kinds
from bench.corpus5.ctx import Ctx
from bench.corpus5.doc import Doc

SEED = 5
KINDS: dict[str, tuple[float, Callable[[Ctx], tuple[Doc, str, str]]]] = {
    "mail": (0.165, text_kinds.mail),
    "chat": (0.12, text_kinds.chat),
    "tickets": (0.13, text_kinds.ticket),
    "service": (0.07, text_kinds.service),
    "orders": (0.13, data_kinds.order),
    "csv": (0.09, data_kinds.csv),
    "json": (0.09, data_kinds.json_dump),
    "logs": (0.09, data_kinds.logs),
    "forms": (0.11, data_kinds.form),
    "sheets": (0.025, office.sheet),
}


def encode(doc: Doc, encoding: str) -> bytes:
    """The file's bytes; GBK falls back to UTF-8 for text it cannot hold."""
    if encoding == "xlsx":
        return office.workbook(doc)
    text = doc.text
    if encoding == "gbk":
        try:
            return text.encode("gbk")
        except UnicodeEncodeError:
            return text.encode("utf-8")
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


def _start(seed: int, index: int) -> tuple[str, Random]:
    rng = Random(f"corpus5:{seed}:{index}")
    names = list(KINDS)
    return rng.choices(names, weights=[KINDS[k][0] for k in names])[0], rng


def kind_of(seed: int, index: int) -> str:
    """The kind of file `index`, without writing it."""
    return _start(seed, index)[0]


def document(seed: int, index: int) -> tuple[str, Doc, str, str]:
    """(kind, document, extension, encoding) of file `index`."""
    kind, rng = _start(seed, index)
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
        data = encode(doc, encoding)
        (files / kind).mkdir(parents=True, exist_ok=True)
        (files / name).write_bytes(data)
        labels[name] = {"kind": kind, "spans": doc.spans}
        if doc.segments:
            labels[name]["segments"] = doc.segments
        written += len(data)
        fakes += sum(1 for s in doc.spans if s[0] == "lookalike")
        values += sum(1 for s in doc.spans if s[0] != "lookalike")
        index += 1
    (root / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return {"files": index, "bytes": written, "labels": values, "lookalikes": fakes}


__all__ = ["KINDS", "SEED", "document", "encode", "kind_of", "write_corpus"]
