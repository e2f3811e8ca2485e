"""Scanner benchmark: piiguard, Presidio (pattern recognizers) and DataFog (regex engine) on
the same labelled corpus, in one process. `python -m bench.scanner [MB]` prints JSON.

Each tool gets the corpus document by document (the texts between blank lines), as a
service scanning records would; DataFog's scan time grows faster than linearly with the
length of one text, so whole multi-megabyte files would be unfair to it.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable
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


def run(finder: Finder, docs: Docs) -> tuple[float, list[Span]]:
    found: list[Span] = []
    started = time.perf_counter()
    for offset, text in docs:
        found += [Span(kind, offset + s, offset + e) for kind, s, e in finder(text)]
    return time.perf_counter() - started, found


def piiguard_finder() -> Finder:
    detector = Detector()
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


def _parallel(size: int, texts: dict[str, str]) -> dict[str, Any]:
    paths = [OUT / f"{size}-{name}" for name in texts]
    with FileScanner(workers=2) as scanner:
        list(scanner.scan(paths[:1]))  # start the workers before the clock
        started = time.perf_counter()
        count = sum(
            1 for _p, outcomes in scanner.scan(paths) for o in outcomes if isinstance(o, Located)
        )
        seconds = time.perf_counter() - started
    return {
        "tool": "piiguard (2 processes, whole files from disk)",
        "mb_per_s": round(size / seconds / 1e6, 3),
        "findings": count,
    }


def main(size: int = 5_000_000) -> dict[str, Any]:
    warnings.simplefilter("ignore")  # third-party deprecation noise is not a result
    texts, gold = load_corpus(size)
    actual = sum(len(t.encode()) for t in texts.values())
    docs = documents(texts)
    results: list[dict[str, Any]] = []
    seconds, found = run(piiguard_finder(), docs)
    results.append(_summary("piiguard (1 core)", seconds, actual, gold, found))
    results.append(_parallel(size, texts))
    try:
        seconds, found = run(presidio_finder(), docs)
        results.append(_summary("presidio (pattern recognizers)", seconds, actual, gold, found))
    except ImportError as exc:
        results.append({"tool": "presidio", "error": f"not installed: {exc}"})
    try:
        finder, backend = datafog_finder()
        seconds, found = run(finder, docs)
        results.append(_summary(f"datafog (regex, {backend})", seconds, actual, gold, found))
    except ImportError as exc:
        results.append({"tool": "datafog", "error": f"not installed: {exc}"})
    summary = {
        "corpus_bytes": actual,
        "documents": len(docs),
        "labelled_values": sum(1 for s in gold if s.type != "lookalike"),
        "results": results,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


if __name__ == "__main__":
    main(int(float(sys.argv[1]) * 1e6) if len(sys.argv) > 1 else 5_000_000)
