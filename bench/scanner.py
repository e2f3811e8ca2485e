"""Scanner benchmark: piiguard, Presidio (pattern recognizers) and DataFog (regex engine) on
the same labelled corpus, in one process. `python -m bench.scanner [MB]` prints JSON.

Each tool gets the corpus document by document (the texts between blank lines), as a
service scanning records would; DataFog's scan time grows faster than linearly with the
length of one text, so whole multi-megabyte files would be unfair to it.

Timing is the same for every tool: only the tool's calls are on the clock (turning their
results into scored spans comes after), the garbage collector is paused while the clock runs
(as `timeit` does: the bench's own hundreds of thousands of result objects would otherwise
be traversed again and again), and the fast tools run three times, taking turns pass by pass,
best run counted, after a warm-up on the first 500 documents. The load average is printed
with the figures.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sys
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from piiguard.scanner.corpus import Span
from piiguard.scanner.corpus_text import generate
from piiguard.scanner.detectors import Detector
from piiguard.scanner.evaluation import lookalikes_flagged, score
from piiguard.scanner.scan import FileScanner
from piiguard.scanner.sources.model import Located

OUT = Path(__file__).parent / "out" / "scanner"
Docs = list[tuple[int, str]]  # (offset into the joined corpus, text)
Finder = Callable[[str], list[tuple[str, int, int]]]

PRESIDIO_TYPES = {
    "EMAIL_ADDRESS": "email",
    "PHONE_NUMBER": "phone",
    "CREDIT_CARD": "credit_card",
    "IBAN_CODE": "iban",
    "IP_ADDRESS": "ip_address",
    "US_PASSPORT": "passport",
    "US_BANK_NUMBER": "bank_card",
    "DATE_TIME": "date_of_birth",
    "US_SSN": "resident_id",
    "CRYPTO": "secret",
}
DATAFOG_TYPES = {
    "EMAIL": "email",
    "PHONE": "phone",
    "CREDIT_CARD": "credit_card",
    "IP_ADDRESS": "ip_address",
    "SSN": "resident_id",
    "DATE": "date_of_birth",
    "ZIP_CODE": "address",
}


def load_corpus(size: int) -> tuple[dict[str, str], list[Span]]:
    """The corpus files and their labels, generated once into bench/out/scanner/."""
    labels = OUT / f"labels-{size}.json"
    if not labels.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        data = generate(size)
        for name, (text, _spans) in data.items():
            (OUT / f"{size}-{name}").write_text(text, encoding="utf-8")
        labels.write_text(
            json.dumps(
                {
                    name: [[s.type, s.start, s.end] for s in spans]
                    for name, (_t, spans) in data.items()
                }
            )
        )
    stored = json.loads(labels.read_text())
    texts, gold, offset = {}, [], 0
    for name, spans in stored.items():
        text = (OUT / f"{size}-{name}").read_text(encoding="utf-8")
        texts[name] = text
        gold += [Span(t, s + offset, e + offset) for t, s, e in spans]
        offset += len(text) + 1
    return texts, gold


def documents(texts: dict[str, str]) -> Docs:
    docs, offset = [], 0
    for text in texts.values():
        start = 0
        for part in text.split("\n\n"):
            if part:
                docs.append((offset + start, part))
            start += len(part) + 2
        offset += len(text) + 1
    return docs


def run_together(
    finders: dict[str, Finder], docs: Docs, repeat: int = 1
) -> dict[str, tuple[float, list[Span]]]:
    """Best time of `repeat` passes over the documents per tool, and what each found. The
    tools take turns pass by pass (A B C A B C ...), so that a change of load on the machine
    during the run weighs on all of them alike rather than on whichever ran then."""
    texts = [text for _offset, text in docs]
    for finder in finders.values():
        for text in texts[:500]:
            finder(text)
    best = dict.fromkeys(finders, float("inf"))
    raw: dict[str, list[list[tuple[str, int, int]]]] = {}
    for _ in range(repeat):
        for name, finder in finders.items():
            gc.collect()
            gc.disable()
            try:
                started = time.perf_counter()
                raw[name] = [finder(text) for text in texts]
                best[name] = min(best[name], time.perf_counter() - started)
            finally:
                gc.enable()
    return {
        name: (
            best[name],
            [
                Span(kind, offset + s, offset + e)
                for (offset, _text), spans in zip(docs, raw[name], strict=True)
                for kind, s, e in spans
            ],
        )
        for name in finders
    }


def run(finder: Finder, docs: Docs, repeat: int = 1) -> tuple[float, list[Span]]:
    """Best time of `repeat` passes over the documents, and what the tool found."""
    return run_together({"tool": finder}, docs, repeat)["tool"]


def piiguard_finder(native: bool = True) -> Finder:
    """piiguard's detector; `native=False` runs every rule in Python (no compiled fast paths,
    as on a machine that built piiguard without a C compiler)."""
    detector = Detector(native=native)
    return lambda text: [(h.type, h.start, h.end) for h in detector.scan(text)]


def presidio_finder() -> Finder:
    from presidio_analyzer import predefined_recognizers as pr  # noqa: PLC0415

    recognizers = [
        pr.EmailRecognizer(),
        pr.PhoneRecognizer(),
        pr.CreditCardRecognizer(),
        pr.IbanRecognizer(),
        pr.IpRecognizer(),
        pr.UsPassportRecognizer(),
        pr.UsBankRecognizer(),
        pr.DateRecognizer(),
        pr.UsSsnRecognizer(),
        pr.CryptoRecognizer(),
    ]

    def find(text: str) -> list[tuple[str, int, int]]:
        return [
            (PRESIDIO_TYPES[r.entity_type], r.start, r.end)
            for recognizer in recognizers
            for r in recognizer.analyze(text, recognizer.supported_entities, None)
            if r.entity_type in PRESIDIO_TYPES
        ]

    return find


def datafog_finder() -> tuple[Finder, str]:
    import datafog  # noqa: PLC0415

    backend = "rust"
    try:
        datafog.scan("probe", engine="regex", backend=backend)
    except ImportError:
        backend = "python"  # datafog-core (the Rust backend) is not installed

    def find(text: str) -> list[tuple[str, int, int]]:
        result = datafog.scan(text, engine="regex", backend=backend)
        return [
            (DATAFOG_TYPES[e.type], e.start, e.end)
            for e in result.entities
            if e.type in DATAFOG_TYPES
        ]

    return find, backend


def _summary(
    name: str, seconds: float, size: int, gold: list[Span], found: list[Span]
) -> dict[str, Any]:
    flagged, fakes = lookalikes_flagged(gold, found)
    return {
        "tool": name,
        "mb_per_s": round(size / seconds / 1e6, 3),
        "seconds": round(seconds, 3),
        "exact": {k: v.as_dict() for k, v in score(gold, found, exact=True).items()},
        "overlap": {k: v.as_dict() for k, v in score(gold, found, exact=False).items()},
        "lookalikes_flagged": flagged,
        "lookalikes": fakes,
    }


_WORKER: dict[str, Any] = {}


def _worker_start(texts: list[str]) -> None:
    """A bench process: its own detector, warmed up, and the documents (sent once)."""
    _WORKER["texts"], _WORKER["detector"] = texts, Detector()
    for text in texts[:500]:
        _WORKER["detector"].scan(text)


def _worker_scan(part: int, parts: int) -> int:
    detector = _WORKER["detector"]
    gc.collect()
    gc.disable()
    try:
        return sum(len(detector.scan(text)) for text in _WORKER["texts"][part::parts])
    finally:
        gc.enable()


def _documents_in_processes(docs: Docs, size: int, workers: int) -> dict[str, Any]:
    """The per-document run on `workers` processes at once, each scanning every workers-th
    document (best of 3; the documents are sent to the processes before the clock starts)."""
    texts = [text for _offset, text in docs]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _worker_start, (texts,)) as pool:
        list(pool.map(_worker_scan, [0] * workers, [1] * workers))  # every process started
        best, hits = float("inf"), 0
        for _ in range(3):
            started = time.perf_counter()
            hits = sum(pool.map(_worker_scan, range(workers), [workers] * workers))
            best = min(best, time.perf_counter() - started)
    return {
        "tool": f"piiguard ({workers} processes, per document)",
        "mb_per_s": round(size / best / 1e6, 3),
        "seconds": round(best, 3),
        "findings": hits,
    }


def _files(size: int, texts: dict[str, str], workers: int) -> dict[str, Any]:
    """`piiguard scan`'s file scanner on the corpus files as they are on disk (best of 3)."""
    paths = [OUT / f"{size}-{name}" for name in texts]
    actual = sum(p.stat().st_size for p in paths)
    best, count = float("inf"), 0
    with FileScanner(workers=workers) as scanner:
        list(scanner.scan(paths[:1]))  # start the workers before the clock
        for _ in range(3):
            gc.collect()
            gc.disable()
            try:
                started = time.perf_counter()
                count = sum(
                    1 for _p, outs in scanner.scan(paths) for o in outs if isinstance(o, Located)
                )
                best = min(best, time.perf_counter() - started)
            finally:
                gc.enable()
    return {
        "tool": f"piiguard ({workers} process{'es' if workers > 1 else ''}, whole files)",
        "mb_per_s": round(actual / best / 1e6, 3),
        "seconds": round(best, 3),
        "findings": count,
    }


def main(size: int = 5_000_000) -> dict[str, Any]:
    warnings.simplefilter("ignore")  # third-party deprecation noise is not a result
    texts, gold = load_corpus(size)
    actual = sum(len(t.encode()) for t in texts.values())
    docs = documents(texts)
    load_before = os.getloadavg()
    results: list[dict[str, Any]] = []
    finders = {
        "piiguard (1 core, per document)": piiguard_finder(),
        "piiguard, Python rules only (1 core, per document)": piiguard_finder(native=False),
    }
    try:
        finder, backend = datafog_finder()
        finders[f"datafog (regex, {backend})"] = finder
    except ImportError as exc:
        results.append({"tool": "datafog", "error": f"not installed: {exc}"})
    for name, (seconds, found) in run_together(finders, docs, repeat=3).items():
        results.append(_summary(name, seconds, actual, gold, found))
    results.append(_documents_in_processes(docs, actual, 2))
    results.append(_files(size, texts, 1))
    results.append(_files(size, texts, 2))
    try:
        seconds, found = run(presidio_finder(), docs)
        results.append(_summary("presidio (pattern recognizers)", seconds, actual, gold, found))
    except ImportError as exc:
        results.append({"tool": "presidio", "error": f"not installed: {exc}"})
    summary = {
        "corpus_bytes": actual,
        "documents": len(docs),
        "labelled_values": sum(1 for s in gold if s.type != "lookalike"),
        "cpus": os.cpu_count(),
        "piiguard_fast_paths": Detector().native,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "results": results,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    main(int(float(sys.argv[1]) * 1e6) if len(sys.argv) > 1 else 5_000_000)
