"""Corpus 11 (blind): the files of Foshan Shunde Huakang Home Appliances (air fryers, rice
cookers, water heaters, range hoods; part of the Nordvik group, with a Hong Kong office and
customers in China and abroad), written by an engineer who had not read the scanner's
detectors, the other corpora's generators or the hand-made sets. The issue's eight kinds,
as another company's systems export them:

- mail: .eml, plain 8-bit UTF-8 or GBK, GB2312 base64 with RFC 2047 names, multipart
  alternative (quoted-printable text, base64 HTML with entities), a PDF attached;
- po: ERP purchase-order prints (bilingual, column-aligned, GBK now and then) and CSV line
  items; bank details after 账号 / Account No. / A/C, IBANs beside SWIFT codes;
- ticket: helpdesk exports written by people (typos, 电化 for 电话, surname + 先生 / 工 / 生,
  a backup number "（老婆的）"), internal notes in English;
- crm_csv: customer exports with Chinese, English, invented (xm, mob_no, tkkh) or no
  headers, , ; tab or | between cells, quoted cells, an address over two lines, BOM, CRLF,
  GBK; and the same as xlsx (inline strings, a title row now and then);
- db_json: pretty or one-line arrays, mongoexport lines ($oid, $date), Navicat RECORDS,
  API pages; keys in camelCase, snake_case, UPPER or pinyin (sfzh, sjh, csrq);
- log: nginx access, Java with MDC and stack traces, Python logging with dicts, key=value;
- hr_form: onboarding forms as text, Markdown tables or docx (label table or label lines);
- chat: WeChat, DingTalk, WhatsApp and Teams exports, bilingual.

Labelling calls:
- a name is labelled where it stands; a surname with a title (王先生, 陈工, 梁生) labels the
  surname alone; a greeting's first name (Hi Laura) is labelled; every email is labelled;
- a date of birth only where a label, key or header says birth (never an order, install or
  start date, which are look-alikes, nor the date inside an ID number);
- coordinates from the first number to the last (`22.8, "lng": 113.2`, DMS with ′ ″);
- Luhn-valid 62… cards are bank_card, Visa / Mastercard / Amex / JCB credit_card; account
  numbers (never Luhn-valid) bank_account; a password alone, not the user or URL around it;
- look-alikes: 11-digit part, member and uniform numbers, four-part versions (X-Mailer,
  firmware, user agents), 16-digit serials failing Luhn, 15-digit IMEIs, 18-digit numbers
  that are no ID (tax numbers, serials), trace ids, ObjectIds, UUIDs, commit hashes, order
  and ticket numbers, waybills, ISBNs, SWIFT codes, prices, non-birth dates, product
  models named like people (Grace Pro3).
`python -m bench.corpus11 OUTDIR [MB] [--seed N]` writes the corpus; `python -m
bench.corpus11.score` scores `piiguard scan` on it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from bench.corpus11 import forms, mail, office, tables, texts
from bench.corpus11.doc import Doc
from bench.corpus11.values import Values
from piiguard.scanner.scorecard import FILES, LABELS

SEED = 1111
TEXT: dict[str, Callable[[Values, int], tuple[str, Doc, dict[str, object]]]] = {
    "po": texts.po,
    "ticket": texts.ticket,
    "crm_csv": tables.crm_csv,
    "db_json": tables.db_json,
    "log": texts.log,
    "hr_form": forms.hr_form,
    "chat": forms.chat,
}
KINDS = ("mail", *TEXT)


def _encode(doc: Doc, opts: dict[str, object]) -> tuple[bytes, list[list[object]]]:
    text, spans = doc.crlf() if opts.get("crlf") else (doc.text(), doc.spans)
    if opts.get("gbk"):
        try:
            return text.encode("gbk"), spans
        except UnicodeEncodeError:
            pass
    return (b"\xef\xbb\xbf" if opts.get("bom") else b"") + text.encode(), spans


def _file(
    v: Values, kind: str, i: int
) -> tuple[str, bytes, list[list[object]], dict[str, int] | None]:
    if kind == "mail":
        return mail.mail(v, i)
    if kind == "crm_csv" and i % 5 == 4:
        return office.crm_xlsx(v, i)
    if kind == "hr_form" and i % 3 == 1:
        return office.hr_docx(v, i)
    rel, doc, opts = TEXT[kind](v, i)
    return (rel, *_encode(doc, opts), None)


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """About `size` bytes of files under ROOT/files and their labels in ROOT/labels.json."""
    v = Values(random.Random(seed))
    labels: dict[str, dict[str, object]] = {}
    total, i = 0, 0
    while total < size:
        for kind in KINDS:
            rel, data, spans, segments = _file(v, kind, i)
            path = root / FILES / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            entry: dict[str, object] = {"kind": kind, "spans": spans}
            if segments is not None:
                entry["segments"] = segments
            labels[rel] = entry
            total += len(data)
            if total >= size:
                break
        i += 1
    (root / LABELS).write_text(
        json.dumps(labels, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    return root
