"""Corpus 8 (blind): the files of a Foshan manufacturer of valves, pumps and household
appliances (part of a multinational group), its staff, customers and systems — written
without reading the scanner, its detectors or the other labelled sets (issue 18).

`write_corpus(root, size, seed)` writes ROOT/files/KIND/… and ROOT/labels.json in the
scorecard's format; the same seed gives the same bytes. At 5 MB (the default seed): 3,209
files in 17 kinds, ~63,800 labelled values and ~19,100 look-alikes (and 1,878 values in
the 144 encoded mails, labelled in their decoded parts):

- mail/: Outlook/Foxmail/Coremail .eml — plain 8bit mail (UTF-8 or GBK, CRLF or LF, replies
  quoting their history, signatures), labelled like text; and encoded mail (multipart, base64
  or quoted-printable parts, RFC 2047 headers), labelled in its decoded parts one after
  another (`scorecard.mail_parts`: the headers, then each text part) with the scorecard's
  `segments` ({"mime_part": n}); each value the message was written with is labelled
  wherever it stands in them (its text and HTML parts both);
- orders/: purchase orders and invoices as text (zh/en) and invoice CSVs;
- tickets/: after-sales tickets mixing Chinese and English, technician notes, callbacks;
- exports/: CRM/ERP/HR CSV and TSV exports (English, Chinese or pinyin-abbreviated headers
  such as xm, sfzh, lxdh, khmc; UTF-8, UTF-8 with BOM or GBK), neutral parts lists, and a
  few .xlsx workbooks (labelled in the scorecard's virtual text with `segments`);
- dumps/: JSON database dumps (nested objects, arrays) and JSON lines event rows;
- logs/: nginx access logs, key=value application logs, JSON in log lines, stack traces
  with connection strings, and scheduler logs with no personal data at all;
- forms/: HR onboarding forms as text and a few .docx;
- chats/: WeChat/DingTalk-style transcripts (speaker + time, @mentions, nicknames);
- specs/: product datasheets (markdown tables, no personal data).

Labelling calls (a careful privacy reviewer's inventory):
- person_name: the name only, never the title or honorific: "张伟经理" labels "张伟",
  "王工"/"张经理"/"小李"/"老陈" label the surname ("王", "张", "李", "陈"), "Mr. Smith"
  labels "Smith", "Hi Daniel," labels "Daniel"; a chat speaker's display name is labelled
  ("张伟-销售部" labels "张伟"). Company names are not labelled.
- Contact points of companies as well as of people are labelled (a reviewer's inventory lists
  them and nothing in the text tells them apart): addresses (street level, Chinese or
  Western, the whole address as one span), phones, e-mails, bank accounts of the company.
- date_of_birth: only a date that is someone's birth date; other dates (orders, purchases,
  start dates, timestamps) are not labelled; a resident ID is one resident_id span (its
  embedded birth date is not labelled again).
- bank cards are labelled credit_card (scored as one "card" type with bank_card); Chinese
  and Hong Kong account numbers bank_account; IBANs iban (DE, GB, FR, NL, IT, ES).
- coordinates: a written pair is one span ("23.021523, 113.121417", DMS, "N23.02 E113.12");
  in JSON, where latitude and longitude are separate keys, each number is a span.
- ip_address: every IP address (clients in access logs, mail relays, database hosts).
- secret: the password or key itself (not "password=", not the user name): passwords in
  connection strings and chats, API keys, bearer tokens, access keys.
- lookalike: part numbers (some shaped like phones), version and firmware strings (some
  shaped like IPv4), order, invoice, serial, model and tracking numbers, timestamps, unified
  social credit codes. Not every such value is labelled (only the ones the kind writes as
  look-alikes), so unlabelled ones can still cost precision.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus8 import mail, office, prose, records, talk
from bench.corpus8.doc import Doc
from piiguard.scanner.scorecard import FILES, LABELS, decoded, mail_parts, text_spans

SEED = 8008


def _encode(doc: Doc, r: random.Random, gbk_share: float, bom_share: float = 0.0) -> bytes:
    """The file's bytes in an encoding its writer would have used, if it reads back as written."""
    text = doc.text
    x = r.random()
    if x < gbk_share:
        try:
            data = text.encode("gbk")
            if decoded(data) == text:
                return data
        except UnicodeEncodeError:
            pass
    elif x < gbk_share + bom_share:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode("utf-8")


Kind = Callable[[random.Random, Path, str], dict[str, Any]]


def _text(make: Callable[[random.Random], Doc], gbk: float = 0.0, bom: float = 0.0) -> Kind:
    def write(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
        doc = make(r)
        path.write_bytes(_encode(doc, r, gbk, bom))
        return {"kind": kind, "spans": doc.labels()}

    return write


def _plain_mail(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
    doc, charset = mail.plain_mail(r)
    path.write_bytes(_encode(doc, r, 1.0 if charset == "gbk" else 0.0))
    return {"kind": kind, "spans": doc.labels()}


def _encoded_mail(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
    """Labelled in its decoded parts one after another (scorecard.mail_parts, `segments`):
    each value listed for the message, wherever it stands in them."""
    data, labels = mail.encoded_mail(r)
    path.write_bytes(data)
    parts = mail_parts(data)
    if parts is None:
        raise AssertionError("an encoded message must read as encoded")
    virtual, segments = parts
    spans = text_spans(virtual, [(k, t) for k, t in labels])
    return {"kind": kind, "spans": [[s.type, s.start, s.end] for s in spans], "segments": segments}


def _csv(sep: str) -> Kind:
    def write(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
        doc, lang = records.csv_text(r, r.randrange(3, 40), sep)
        path.write_bytes(_encode(doc, r, 0.5 if lang != "en" else 0.1, 0.25))
        return {"kind": kind, "spans": doc.labels()}

    return write


def _xlsx(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
    return {"kind": kind, **office.xlsx(r, path, r.randrange(20, 120))}


def _docx(r: random.Random, path: Path, kind: str) -> dict[str, Any]:
    return {"kind": kind, **office.docx(r, path)}


# (folder, kind, extension, writer, weight): the weights give ~3,100 files in 5 MB
KINDS: tuple[tuple[str, str, str, Kind, float], ...] = (
    ("mail", "mail", "eml", _plain_mail, 14),
    ("mail", "mail_encoded", "eml", _encoded_mail, 5),
    ("orders", "order", "txt", _text(prose.order, gbk=0.3), 9),
    ("orders", "order_csv", "csv", _text(prose.order_csv, gbk=0.6), 3),
    ("tickets", "ticket", "txt", _text(prose.ticket, gbk=0.2), 14),
    ("exports", "csv", "csv", _csv(","), 7),
    ("exports", "tsv", "tsv", _csv("\t"), 2),
    (
        "exports",
        "parts_csv",
        "csv",
        _text(lambda r: records.product_table(r, r.randrange(10, 60)), gbk=0.3),
        3,
    ),
    ("exports", "xlsx", "xlsx", _xlsx, 0.5),
    ("dumps", "json", "json", _text(lambda r: records.json_dump(r, r.randrange(1, 6))), 6),
    ("dumps", "jsonl", "jsonl", _text(lambda r: records.jsonl_dump(r, r.randrange(4, 20))), 3),
    ("logs", "log", "log", _text(talk.log), 5),
    ("logs", "log_quiet", "log", _text(lambda r: talk.log(r, personal=False)), 2),
    ("forms", "form", "txt", _text(prose.form, gbk=0.3, bom=0.2), 8),
    ("forms", "docx", "docx", _docx, 0.25),
    ("chats", "chat", "txt", _text(talk.chat), 13),
    ("specs", "spec", "md", _text(prose.spec_sheet), 5),
)


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """Writes about `size` bytes of files under ROOT/files and their labels; returns ROOT."""
    folder = root / FILES
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pick = random.Random(f"corpus8-{seed}")
    weights = [k[4] for k in KINDS]
    labels: dict[str, Any] = {}
    written, i = 0, 0
    while written < size:
        sub, kind, ext, write, _w = pick.choices(KINDS, weights)[0]
        r = random.Random(f"corpus8-{seed}-{i}")
        name = f"{sub}/{kind}_{i:05d}.{ext}"
        (folder / sub).mkdir(exist_ok=True)
        labels[name] = write(r, folder / name, kind)
        written += (folder / name).stat().st_size
        i += 1
    (root / LABELS).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return root


__all__ = ["KINDS", "SEED", "write_corpus"]
