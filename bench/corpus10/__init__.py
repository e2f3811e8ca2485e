"""Corpus 10 (blind): the files of a Foshan maker of motors and controls (part of a group with
a German sister and Hong Kong / Taiwan customers), written by an engineer who had not read
the scanner's detectors, the other corpora or the hand-made sets. Layouts chosen to be
unlike a CRM export: WeChat exports with the time on its own line and Cantonese, DingTalk
approvals in Markdown (label and value on separate lines), Excel CSVs with a title row, a
merged group row and a two-line quoted header (UTF-8, UTF-8 with BOM or GBK; LF or CRLF),
MySQL INSERT dumps, application.yml and Maven .properties, vCards, iCalendar invites,
fixed-width bank statements, JSON API answers (camelCase and snake_case, nested, pretty or
one line), nginx/app logs with Java stack traces, telematics JSON lines, box-drawn ERP
purchase orders, HTML helpdesk tickets, fixed-width shipping manifests, contracts as
pdftotext output (broken lines, form feeds), Traditional-Chinese wiki tables, onboarding
forms as xlsx and docx (fixed zip times), Outlook mail plain or quoted-printable / base64
with RFC 2047 names and a forwarded chain.

Labelling calls (what a privacy officer would call personal data):
- a full name is one span, in its own script; its romanisation in brackets after it is a
  second name span (the brackets are not labelled); a surname with a title or a Cantonese
  生 / 小姐 (王经理, 陈生, Mr. Smith) labels the surname alone; a first name used as a
  greeting (Hi James) is labelled; nicknames, team and company names are not;
- a phone is labelled as written, with +86 / +852 / +886 and separators; a landline
  (0757-…) is a phone; a date of birth is labelled only where it is a birth date (label,
  column, `birthday` key, vCard BDAY), never the birth date inside an ID number;
- an address runs from the first place name written (province, city or district; the
  house number first in English) to the last (room, floor; the English postcode); a
  coordinate pair is one span from the latitude to the longitude, whatever lies between
  (`lat=23.1&lng=113.2`, `23.1,"lng":113.2`, `23.1;113.2`, DMS);
- cards: Luhn-valid 62… UnionPay cards are bank_card, Visa / Mastercard / Amex / JCB are
  credit_card; account numbers (never Luhn-valid here) are bank_account; IBANs iban; a
  SWIFT code is a look-alike (a bank's, not a person's);
- secrets: a password alone (not the user name, not the URL around it), API keys and
  tokens, a JWT whole (Bearer tokens in logs, tokens in API answers);
- every IP address of a client, host or database is ip_address (private ones too);
- look-alikes (labelled "lookalike", must not be reported): 11-digit part numbers that
  read as mobiles, four-part versions, 40/32/16/12-hex commit and trace ids, order,
  contract and approval numbers, waybills, ISBNs, 18-digit seal numbers that are no valid
  ID, 16-digit serials that fail Luhn, 15-digit IMEIs, dates that are not births,
  product models named like people (Grace X5), SWIFT codes, device serials.
`python -m bench.corpus10 OUTDIR [MB] [--seed N]` writes the corpus; `python -m
bench.corpus10.score` scores `piiguard scan` on it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from bench.corpus10 import office, papers, texts
from bench.corpus10.doc import Doc
from bench.corpus10.values import Values
from piiguard.scanner.scorecard import FILES, LABELS

SEED = 1010
TEXT_KINDS: dict[str, Callable[[Values, int], tuple[str, Doc]]] = {
    "chat": texts.chat,
    "dingtalk": texts.dingtalk,
    "sql": texts.sql,
    "config": texts.config,
    "vcard": texts.vcard,
    "ical": texts.ical,
    "statement": texts.statement,
    "api_json": texts.api_json,
    "log": texts.log,
    "iot": texts.iot,
    "excel_csv": papers.excel_csv,
    "po": papers.po,
    "ticket": papers.ticket,
    "manifest": papers.manifest,
    "contract": papers.contract,
    "wiki": papers.wiki,
}
KINDS = (*TEXT_KINDS, "mail", "hr_xlsx", "hr_docx")


def _encode(kind: str, i: int, doc: Doc) -> tuple[bytes, list[list[object]]]:
    """Most files UTF-8 with LF; the Excel CSVs also with BOM, CRLF or GBK; some
    statements and manifests CRLF."""
    text, spans = doc.text(), doc.spans
    if (kind == "excel_csv" and i % 4) or (kind in ("statement", "manifest", "po") and i % 2):
        text, spans = doc.crlf()
    if kind == "excel_csv" and i % 4 == 1:
        return b"\xef\xbb\xbf" + text.encode(), spans
    if kind == "excel_csv" and i % 4 == 2:
        try:
            return text.encode("gbk"), spans
        except UnicodeEncodeError:
            pass
    return text.encode(), spans


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """About `size` bytes of files under ROOT/files and their labels in ROOT/labels.json."""
    rng = random.Random(seed)
    v = Values(rng)
    labels: dict[str, dict[str, object]] = {}
    total = 0
    counts = dict.fromkeys(KINDS, 0)
    with office.temp() as tmp:
        while total < size:
            rounds = counts["chat"]
            for kind in KINDS:
                if kind.startswith("hr_") and rounds % 6:
                    continue  # an onboarding form every sixth round
                i = counts[kind]
                counts[kind] += 1
                segments = None
                if kind == "mail":
                    rel, data, spans, segments = office.mail(v, i)
                elif kind == "hr_xlsx":
                    rel, data, spans, segments = office.hr_xlsx(v, i, Path(tmp))
                elif kind == "hr_docx":
                    rel, data, spans, segments = office.hr_docx(v, i, Path(tmp))
                else:
                    rel, doc = TEXT_KINDS[kind](v, i)
                    data, spans = _encode(kind, i, doc)
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
    (root / LABELS).write_text(
        json.dumps(labels, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    return root
