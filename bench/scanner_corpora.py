"""The labelled corpora of the scanner bench, as folders a user could scan, and their
quality as `piiguard scan --format jsonl FOLDER` (a separate process) scores on them.

- corpus 1: `scanner/corpus.py` + `corpus_text.py`, the generator the detectors were built
  with (one file per kind);
- corpus 2: `scanner/corpus2/`, written apart from it (thousands of files in nine kinds);
- the hand-written set: tests/scanner/handset/ (labelled by hand);
- the fresh hand-made set: tests/scanner/freshset/ (labelled by hand before the rules it
  led to were written; docs/scanner.md);
- corpus 3: bench/corpus3/, written blind (by an engineer who had not read the detectors,
  the other corpora or the hand-made sets), in two families of templates: "dev", whose
  misses may be studied, and "holdout", which is only scored; and a third family, "final",
  written later in layouts unlike both, which nobody fixing detectors has seen (docs/scanner.md);
- corpus 4 (blind): bench/corpus4/, written blind in the kinds of file of a manufacturer in
  Foshan; nobody fixing detectors reads it or its misses (`python -m bench.corpus4.score`);
- corpus 5 (blind): bench/corpus5/, written blind again, independently of corpus 4, in the
  same eight kinds plus warranty cards and service reports (`python -m bench.corpus5.score`);
- corpus 6 (blind): bench/corpus6/, written blind a third time, independently of corpora 4
  and 5 (`python -m bench.corpus6.score`);
- corpus 7 (blind): bench/corpus7/, written blind a fourth time, independently of corpora 4
  to 6, in ten kinds (xlsx and docx among them; `python -m bench.corpus7.score`);
- corpus 8 (blind): bench/corpus8/, written blind a fifth time, independently of corpora 4
  to 7, with plain and encoded mail, office files and neutral files among its kinds
  (`python -m bench.corpus8.score`);
- corpus 9 (blind): bench/corpus9/, written blind a sixth time, independently of corpora 4
  to 8, in fourteen kinds of a Foshan plant's files, encoded mail and office files among
  them (`python -m bench.corpus9.score`);
- corpus 10 (blind): bench/corpus10/, written blind a seventh time, independently of
  corpora 4 to 9, in nineteen kinds of a Foshan maker's files in layouts unlike theirs
  (vCards, iCalendar, SQL dumps, YAML/.properties, fixed-width statements, box tables,
  pdftotext contracts, Traditional-Chinese pages; `python -m bench.corpus10.score`);
- corpus 11 (blind): bench/corpus11/, written blind an eighth time, independently of
  corpora 4 to 10, in exactly the issue's eight kinds as another Foshan appliance maker's
  systems export them (headerless and invented-header CSVs, pinyin-keyed and Mongo dumps,
  GB2312 / GBK mail, helpdesk notes with typos, plain-zip xlsx and docx;
  `python -m bench.corpus11.score`);
- corpus 12 (blind): bench/corpus12/, written blind a ninth time, independently of corpora
  4 to 11, in the issue's eight kinds as a Jiangmen lighting maker with a Singapore office
  and a Dong Nai plant writes them (Outlook / Foxmail / encoded mail with Big5 parts, Kingdee
  and SAP prints, Zendesk / Jira tickets, HubSpot / 纷享销客 exports, Mongo / Elasticsearch
  dumps with phones as numbers, MyBatis and zap logs, docx / xlsx forms, WhatsApp / DingTalk
  chats; `python -m bench.corpus12.score`);
- corpus 13 (blind): bench/corpus13/, written blind a tenth time, independently of corpora
  4 to 12, in the issue's eight kinds with every value drawn from Faker (zh_CN, zh_TW,
  en_US, en_GB and other locales) and Python's csv / json / email defaults (BOM, GBK,
  semicolon and TSV exports, ASCII-escaped JSON, mongoexport, RFC 2047 mail with base64 /
  quoted-printable bodies, nginx / key=value / JSON-in-log lines, WeChat / WhatsApp chats;
  `python -m bench.corpus13.score`);
- corpus 14 (blind): bench/corpus14/, written blind an eleventh time, independently of
  corpora 4 to 13, in the issue's eight kinds with values from mimesis (zh, en, en-gb, de,
  fr, ja, ko, ru, es) and its writer's own code: multipart/alternative mail with HTML parts
  and Outlook's Chinese headers, all-quoted / GB18030 CRM exports, Kingdee-like nested JSON,
  arrays of arrays, Mongo extended JSON, Spring Boot / docker JSON / nginx XFF / audit logs,
  QQ / DingTalk / Slack / Telegram chats (`python -m bench.corpus14.score`).

`python -m bench.scanner_corpora [MB]` prints the side-by-side tables (markdown) and the
figures (JSON) for all of them.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus3 import write_corpus as write_corpus3
from bench.corpus4 import SEED as SEED4
from bench.corpus4 import write_corpus as write_corpus4
from bench.corpus5 import SEED as SEED5
from bench.corpus5 import write_corpus as write_corpus5
from bench.corpus6 import SEED as SEED6
from bench.corpus6 import write_corpus as write_corpus6
from bench.corpus7 import SEED as SEED7
from bench.corpus7 import write_corpus as write_corpus7
from bench.corpus8 import SEED as SEED8
from bench.corpus8 import write_corpus as write_corpus8
from bench.corpus9 import SEED as SEED9
from bench.corpus9 import write_corpus as write_corpus9
from bench.corpus10 import SEED as SEED10
from bench.corpus10 import write_corpus as write_corpus10
from bench.corpus11 import SEED as SEED11
from bench.corpus11 import write_corpus as write_corpus11
from bench.corpus12 import SEED as SEED12
from bench.corpus12 import write_corpus as write_corpus12
from bench.corpus13 import SEED as SEED13
from bench.corpus13 import write_corpus as write_corpus13
from bench.corpus14 import SEED as SEED14
from bench.corpus14 import write_corpus as write_corpus14
from piiguard.scanner.corpus2 import write_corpus
from piiguard.scanner.corpus_text import generate
from piiguard.scanner.scorecard import FILES, LABELS, Scorecard, load, markdown, run_scan, scorecard

REPO = Path(__file__).parents[1]
OUT = Path(__file__).parent / "out" / "scanner"
HANDSET = Path(__file__).parents[1] / "tests" / "scanner" / "handset"
FRESHSET = Path(__file__).parents[1] / "tests" / "scanner" / "freshset"


def corpus1(size: int) -> Path:
    root = OUT / f"corpus1-{size}"
    if not (root / LABELS).exists():
        (root / FILES).mkdir(parents=True, exist_ok=True)
        labels = {}
        for name, (text, spans) in generate(size).items():
            (root / FILES / name).write_bytes(text.encode())
            labels[name] = {
                "kind": name.split(".")[0],
                "spans": [[s.type, s.start, s.end] for s in spans],
            }
        (root / LABELS).write_text(json.dumps(labels), encoding="utf-8")
    return root


def corpus2(size: int) -> Path:
    root = OUT / f"corpus2-{size}"
    if not (root / LABELS).exists():
        write_corpus(root, size)
    return root


def corpus3(size: int, family: str, office: bool = False) -> Path:
    """One family of corpus 3, `size` bytes (`office`: its workbooks and Word documents); the
    folder is named after the generator's source, so a changed generator never scores a
    stale copy."""
    source = Path(__file__).parent / "corpus3"
    generator = [
        p for p in sorted(source.glob("*.py")) if p.name not in ("score.py", "__main__.py")
    ]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in generator))
    part = f"{family}-office" if office else family
    root = OUT / f"corpus3-{part}-{size}-{digest.hexdigest()[:10]}"
    if not (root / LABELS).exists():
        write_corpus3(root, size, family, office=office)
    return root


def _blind(name: str, write: Callable[[Path, int, int], object], size: int, seed: int) -> Path:
    """A blind corpus (bench/NAME/), `size` bytes, in a folder named after its generator's
    source (as corpus 3), so a changed generator never scores a stale copy."""
    source = Path(__file__).parent / name
    generator = [
        p for p in sorted(source.glob("*.py")) if p.name not in ("score.py", "__main__.py")
    ]
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in generator)).hexdigest()[:10]
    root = OUT / f"{name}-{size}-{seed}-{digest}"
    if not (root / LABELS).exists():
        write(root, size, seed)
    return root


def corpus4(size: int, seed: int = SEED4) -> Path:
    return _blind("corpus4", write_corpus4, size, seed)


def corpus5(size: int, seed: int = SEED5) -> Path:
    return _blind("corpus5", write_corpus5, size, seed)


def corpus6(size: int, seed: int = SEED6) -> Path:
    return _blind("corpus6", write_corpus6, size, seed)


def corpus7(size: int, seed: int = SEED7) -> Path:
    return _blind("corpus7", write_corpus7, size, seed)


def corpus8(size: int, seed: int = SEED8) -> Path:
    return _blind("corpus8", write_corpus8, size, seed)


def corpus9(size: int, seed: int = SEED9) -> Path:
    return _blind("corpus9", write_corpus9, size, seed)


def corpus10(size: int, seed: int = SEED10) -> Path:
    return _blind("corpus10", write_corpus10, size, seed)


def corpus11(size: int, seed: int = SEED11) -> Path:
    return _blind("corpus11", write_corpus11, size, seed)


def corpus12(size: int, seed: int = SEED12) -> Path:
    return _blind("corpus12", write_corpus12, size, seed)


def corpus13(size: int, seed: int = SEED13) -> Path:
    return _blind("corpus13", write_corpus13, size, seed)


def corpus14(size: int, seed: int = SEED14) -> Path:
    return _blind("corpus14", write_corpus14, size, seed)


def repeated(root: Path, copies: int) -> Path:
    """A labelled corpus `copies` times over, each copy in a folder of its own (copy01/...,
    the files copied, not linked: as many bytes to read as a corpus that size), its labels
    repeated: the 100 MB runs of bench/scanner.py (`--large`), which scale a 5 MB corpus
    rather than generate one for minutes."""
    out = OUT / f"{root.name}-x{copies}"
    if (out / LABELS).exists():
        return out
    stored = json.loads((root / LABELS).read_text(encoding="utf-8"))
    labels = {}
    for n in range(1, copies + 1):
        for name, entry in stored.items():
            copy = f"copy{n:02d}/{name}"
            target = out / FILES / copy
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / FILES / name, target)
            labels[copy] = entry
    (out / LABELS).write_text(json.dumps(labels), encoding="utf-8")
    return out


def corpora(size: int) -> dict[str, Path]:
    return {
        "corpus 1": corpus1(size),
        "corpus 2": corpus2(size),
        "corpus 3 (dev)": corpus3(size, "dev"),
        "corpus 3 (holdout)": corpus3(size, "holdout"),
        "corpus 3 (final)": corpus3(size, "final"),
        "corpus 3 office (dev)": corpus3(size // 5, "dev", office=True),
        "corpus 3 office (holdout)": corpus3(size // 5, "holdout", office=True),
        "corpus 3 office (final)": corpus3(size // 5, "final", office=True),
        "hand-written": HANDSET,
        "fresh set": FRESHSET,
        "corpus 4 (blind)": corpus4(size),
        "corpus 5 (blind)": corpus5(size),
        "corpus 6 (blind)": corpus6(size),
        "corpus 7 (blind)": corpus7(size),
        "corpus 8 (blind)": corpus8(size),
        "corpus 9 (blind)": corpus9(size),
        "corpus 10 (blind)": corpus10(size),
        "corpus 11 (blind)": corpus11(size),
        "corpus 12 (blind)": corpus12(size),
        "corpus 13 (blind)": corpus13(size),
        "corpus 14 (blind)": corpus14(size),
    }


def quality(size: int = 5_000_000) -> tuple[dict[str, Any], str]:
    """Each corpus scanned once by `piiguard scan`, scored by overlap (the headline) and by
    exact span; the markdown tables of the overlap scores."""
    cards: dict[str, Scorecard] = {}
    figures: dict[str, Any] = {}
    for name, root in corpora(size).items():
        labelled = load(root)
        run = run_scan(labelled.folder)
        cards[name] = scorecard(labelled, run.findings)
        figures[name] = {
            "files": len(labelled.spans),
            "bytes": sum((labelled.folder / n).stat().st_size for n in labelled.spans),
            "findings": len(run.findings),
            "scan_seconds": round(run.seconds, 3),
            "overlap": cards[name].as_dict(),
            "exact": scorecard(labelled, run.findings, exact=True).as_dict()["by_type"],
        }
    return figures, markdown(cards)


if __name__ == "__main__":
    mb = int(float(sys.argv[1]) * 1e6) if len(sys.argv) > 1 else 5_000_000
    figures, table = quality(mb)
    print(table)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
