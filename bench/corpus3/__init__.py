"""Corpus 3: a blind corpus of a Foshan manufacturer's business files (issue 18).

Written by an engineer who had not read the scanner's detectors, its other corpora nor its
hand-made sets, from what such files look like: CRM exports, ERP dumps, logs, mail, forms,
purchase orders, tickets, chat exports, configuration files. Three families of templates:
`dev` (whose misses may be studied when detectors are fixed), `holdout` (different
layouts, scored before and after) and `final` (written later, in layouts unlike both, by
another engineer who had not read the detectors; only scored, its misses written nowhere)
— see docs/scanner.md "Corpus 3 (blind)".

`python -m bench.corpus3 OUTDIR [--mb N] [--family dev|holdout|final|all] [--seed S]` writes
`OUTDIR/files/FAMILY/KIND/NNNNN.EXT` and `OUTDIR/labels.json` in the scorecard's format
(`[type, start, end]`, code points of the decoded text). Deterministic by seed.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from bench.corpus3 import (
    dev_docs,
    dev_office,
    dev_tables,
    final_docs,
    final_office,
    final_tables,
    holdout_docs,
    holdout_office,
    holdout_tables,
)
from bench.corpus3.office import OfficeFile
from bench.corpus3.shape import File

Template = Callable[[random.Random], File]
OfficeTemplate = Callable[[random.Random], OfficeFile]
# (template, weight): the weights give each family about 3,000 files in 5 MB
FAMILIES: dict[str, list[tuple[Template, int]]] = {
    "dev": [
        (dev_tables.crm_zh, 3), (dev_tables.crm_semicolon, 2), (dev_tables.erp_camel, 3),
        (dev_tables.access_log, 2), (dev_tables.app_log, 2), (dev_docs.outlook_mail, 4),
        (dev_docs.onboarding_form, 3), (dev_docs.purchase_order, 2), (dev_docs.ticket, 3),
        (dev_docs.wecom_chat, 2), (dev_docs.dotenv, 2),
    ],
    "holdout": [
        (holdout_tables.crm_tsv, 3), (holdout_tables.crm_gbk, 2), (holdout_tables.erp_jsonl, 3),
        (holdout_tables.erp_orders, 2), (holdout_tables.json_log, 4),
        (holdout_docs.english_mail, 4), (holdout_docs.form_table, 3), (holdout_docs.proforma, 2),
        (holdout_docs.yaml_ticket, 3), (holdout_docs.wechat_chat, 2),
        (holdout_docs.ini_config, 1), (holdout_docs.yaml_config, 1),
    ],
    # written last, by an engineer who had not read the detectors either, for a family nobody
    # fixing detectors has seen: only scored, never studied (docs/scanner.md)
    "final": [
        (final_tables.crm_salesforce, 2), (final_tables.crm_kingdee, 2),
        (final_tables.erp_mongo, 2), (final_tables.erp_arrays, 1), (final_tables.sql_dump, 1),
        (final_tables.logback_log, 2), (final_tables.iis_log, 1), (final_tables.syslog, 1),
        (final_docs.html_mail, 2), (final_docs.foxmail_text, 2), (final_docs.hr_html, 3),
        (final_docs.waybill, 2), (final_docs.warranty_card, 2), (final_docs.service_report, 2),
        (final_docs.complaint_letter, 2), (final_docs.wecom_group, 2),
        (final_docs.k8s_secret, 1), (final_docs.compose_env, 1), (final_docs.properties, 1),
    ],
}  # fmt: skip
# Office files are a corpus of their own per family (the bench's in-process tools read text
# files only): workbooks and Word documents, labelled by segment (bench/corpus3/office.py).
OFFICE: dict[str, list[tuple[OfficeTemplate, int]]] = {
    "dev": [(dev_office.crm_workbook, 1), (dev_office.onboarding_docx, 1)],
    "holdout": [(holdout_office.member_workbook, 1), (holdout_office.letter_docx, 1)],
    "final": [(final_office.service_workbook, 1), (final_office.dispatch_docx, 1)],
}
LABELS, FILES = "labels.json", "files"


Made = TypeVar("Made", File, OfficeFile)


def _made(
    pool: list[tuple[Callable[[random.Random], Made], int]],
    tag: str,
    family: str,
    size: int,
    seed: int,
) -> Iterator[tuple[str, Made]]:
    """(relative name, file) from a pool of weighted templates until `size` bytes."""
    templates = [t for t, _ in pool]
    weights = [w for _, w in pool]
    written, i = 0, 0
    while written < size:
        rng = random.Random(f"{tag}:{seed}:{family}:{i}")
        template = rng.choices(templates, weights)[0]
        made = template(rng)
        made.template = template.__name__
        yield f"{family}/{made.kind}/{i:05d}.{made.ext}", made
        written += len(made.data())
        i += 1


def generate(family: str, size: int, seed: int = 3) -> Iterator[tuple[str, File]]:
    """(relative name, file) of one family until `size` bytes are written."""
    return _made(FAMILIES[family], "corpus3", family, size, seed)


def generate_office(family: str, size: int, seed: int = 3) -> Iterator[tuple[str, OfficeFile]]:
    """(relative name, office file) of one family until `size` bytes are written."""
    return _made(OFFICE[family], "corpus3-office", family, size, seed)


def write_corpus(
    root: Path, size: int, family: str = "all", seed: int = 3, office: bool = False
) -> Path:
    """Writes ROOT/files/… and ROOT/labels.json; `size` bytes per family; `office`: the
    family's workbooks and Word documents instead of its text files."""
    labels: dict[str, dict[str, object]] = {}
    for fam in (OFFICE if office else FAMILIES) if family == "all" else [family]:
        if office:
            for name, doc in generate_office(fam, size, seed):
                path = root / FILES / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(doc.data())
                whole, starts = doc.labelled()
                labels[name] = {
                    "kind": doc.kind,
                    "template": doc.template,
                    "segments": starts,  # where each cell or paragraph starts in the labels' text
                    "spans": [list(s) for s in whole.spans],
                }
            continue
        for name, made in generate(fam, size, seed):
            path = root / FILES / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(made.data())
            labels[name] = {
                "kind": made.kind,
                "template": made.template,  # not read by the scorecard; for the misses report
                "spans": [list(s) for s in made.doc.spans],
            }
    (root / LABELS).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return root
