"""Corpus 6 (blind): the files of a manufacturer in Foshan, written by an engineer who read
neither the detectors, their vocabularies, the other corpora (4 and 5 included) nor the
hand-made sets (issue 18, R2.7). Nobody fixing detectors reads it or its misses.

`write_corpus(root, size, seed)` writes `root/files/KIND/NNNNN.EXT` and `root/labels.json`
in the scorecard's format; the same seed gives the same bytes."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from bench.corpus6.doc import Doc
from bench.corpus6.prose import chat, form, mail, service, ticket
from bench.corpus6.records import csv, json_dump, log, order
from bench.corpus6.values import Values
from piiguard.scanner.scorecard import decoded

SEED = 6

# kind: (writer, weight in files, extensions, encodings: (name, weight))
KINDS: dict[str, tuple[Callable[[Doc], None], int, tuple[str, ...]]] = {
    "mail": (mail, 17, ("eml", "txt")),
    "orders": (order, 13, ("txt",)),
    "tickets": (ticket, 13, ("txt", "md")),
    "csv": (csv, 7, ("csv",)),
    "json": (json_dump, 7, ("json",)),
    "logs": (log, 6, ("log",)),
    "forms": (form, 11, ("txt", "md")),
    "chat": (chat, 14, ("txt",)),
    "service": (service, 8, ("txt",)),
}
MIME_HEAD = (
    "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"
)


def _encode(text: str, kind: str, r: random.Random) -> bytes:
    """UTF-8 mostly; some exports with a BOM, some files in GBK (kept only if the scorecard
    reads them back as the same text)."""
    x = r.random()
    if kind in ("csv", "orders", "forms", "logs") and x < 0.2:
        try:
            data = text.encode("gbk")
        except UnicodeEncodeError:
            data = b""
        if data and decoded(data) == text:
            return data
    if kind == "csv" and x > 0.7:
        return b"\xef\xbb\xbf" + text.encode()
    return text.encode()


def generate(size: int, seed: int = SEED) -> dict[str, tuple[str, bytes, list[list[object]]]]:
    """name -> (kind, bytes, spans) until `size` bytes are written."""
    r = random.Random(seed)
    values = Values(r)
    names = list(KINDS)
    weights = [KINDS[k][1] for k in names]
    out: dict[str, tuple[str, bytes, list[list[object]]]] = {}
    total, n = 0, 0
    while total < size:
        kind = r.choices(names, weights)[0]
        write, _, exts = KINDS[kind]
        ext = r.choice(exts)
        newline = "\r\n" if kind in ("csv", "mail") and r.random() < 0.3 else "\n"
        doc = Doc(values, newline)
        if ext == "eml":
            doc.t(MIME_HEAD)
        write(doc)
        data = _encode(doc.text, kind, r)
        out[f"{kind}/{n:05d}.{ext}"] = (kind, data, doc.spans)
        total += len(data)
        n += 1
    return out


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    labels = {}
    for name, (kind, data, spans) in generate(size, seed).items():
        path = root / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        labels[name] = {"kind": kind, "spans": spans}
    (root / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return root


__all__ = ["SEED", "generate", "write_corpus"]
