"""Corpus 9 (blind): the files of a packaging-machine plant in Foshan (佛山诺德包装机械,
part of a German group), written without reading the scanner's detectors, its other
corpora or their misses. `python -m bench.corpus9 OUTDIR [MB] [--seed N]` writes
OUTDIR/files/<kind>/<n>.<ext> and OUTDIR/labels.json (the scorecard's format);
`python -m bench.corpus9.score` scores `piiguard scan` on it.

Kinds: WeChat/DingTalk chat exports; Excel-saved CSV/TSV (title row, merged group headings,
Chinese, English or snake_case headers; UTF-8, UTF-8 with BOM or GBK; CRLF or LF); JSON API
responses (camelCase and snake_case, nested, indented or not, \\uXXXX-escaped or not; JSON
lines); plain Outlook mail with quoted replies and forwarded chains; mail with base64 or
quoted-printable bodies and RFC 2047 names; nginx, application (key=value, Java stack
traces) and git logs; ERP purchase orders; contracts with bank details; onboarding forms
(text, docx) and workbooks (xlsx); after-sales tickets; shipping manifests; IoT device logs.

Labelling calls (every value is labelled once, on exactly its characters):
- person_name: a Chinese name whole (surname + given, compound surnames too); its pinyin or
  work name in brackets after it is a second name ("陈嘉慧（Chen Jiahui）": two labels); a
  work name alone ("Cindy" after a speaker, "Kevin Chen") is a name; a surname with a title
  labels the surname only ("陈经理" -> 陈, "Mr. Weber" -> Weber); after a role word the
  name only ("工程师梁志强" -> 梁志强); a greeting's first name ("Hi Markus,") is a name; a
  mention's name without its @. User names and mailbox names are not names.
- address: every street-level postal address, a person's or a company's, from the province
  (or city) to the room; Latin ones to the postcode or country.
- date_of_birth: a birth date in any writing, only where it is a birth date; other dates
  beside them (orders, hire dates, deliveries) are look-alikes; the date inside an ID number
  is not labelled apart.
- phone: mobiles and landlines with their +86 / area code and separators as written;
  a mobile inside a URL query is a phone.
- resident_id: 18 characters with a valid check digit and a real area code.
- passport: the number only, in a passport field or after a passport word.
- credit_card (Visa, Mastercard, Amex, JCB, UnionPay credit) and bank_card (UnionPay
  debit/salary cards): Luhn-valid, as written (grouped or not); bank_account: an account
  number in an account field, never Luhn-valid; iban: mod-97 valid, grouped or not.
- ip_address: every IPv4/IPv6 address of a host or client, private ranges included.
- coordinates: a latitude, longitude pair as one value, from the first number to the last
  (also when written as two fields: `"lat": 23.1, "lng": 113.2` or `lat=…&lng=…`).
- licence_plate: 粤 plates with or without the middle dot, new-energy ones too.
- secret: passwords (alone, in connection strings: the password only), cloud and API keys,
  tokens, JWTs whole.
- lookalike: 11-digit material codes shaped like mobiles, versions shaped like IPv4,
  commit hashes, request/trace ids, order and waybill numbers, serials, 18-digit batch
  numbers that fail the ID check, 16-digit invoice numbers that fail Luhn, ISBNs, dates
  that are not births, model names that are English names, towns named like people
  (陈村, 黄岐), SWIFT/BIC codes, board sizes shaped like coordinates. Company names,
  message ids and time stamps are not labelled.
"""

from __future__ import annotations

import json
from pathlib import Path
from random import Random
from typing import Any

from bench.corpus9 import machine, mail, office, papers, tables, talk
from bench.corpus9.doc import crlf
from bench.corpus9.world import World, staff_of
from piiguard.scanner.scorecard import FILES, LABELS, mail_parts

SEED = 9
# kind: (writer, share of files)
TEXT_KINDS = {
    "chat": (talk.chat, 10),
    "ticket": (talk.ticket, 9),
    "csv_export": (tables.csv_export, 14),
    "manifest": (tables.manifest, 7),
    "json_api": (machine.api, 10),
    "app_log": (machine.applog, 10),
    "iot_log": (machine.iot, 6),
    "mail": (mail.plain, 9),
    "purchase_order": (papers.purchase_order, 7),
    "contract": (papers.contract, 5),
    "hr_form": (papers.onboarding, 5),
}
OTHER = {"mail_encoded": 6, "xlsx": 1.5, "docx": 0.8}
# Kinds an Excel or ERP on a Chinese Windows saves in GBK now and then.
GBK_KINDS = ("csv_export", "manifest", "purchase_order", "hr_form")


def _text_file(kind: str, w: World) -> tuple[str, bytes, dict[str, Any]]:
    ext, doc = TEXT_KINDS[kind][0](w)
    text, spans = doc.text(), doc.labels()
    if ext in ("csv", "tsv", "txt", "prn", "eml") and w.chance(0.4):
        text, spans = crlf(text, spans)
    encoding = "utf-8"
    if kind in GBK_KINDS and w.chance(0.35):
        encoding = "gbk"
    elif ext in ("csv", "tsv") and w.chance(0.5):
        encoding = "utf-8-sig"
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if kind == "mail" and mail_parts(data) is not None:
        raise ValueError("a plain message would be read decoded")
    return ext, data, {"spans": spans}


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """About `size` bytes of files under root/files and their labels in root/labels.json;
    the same seed writes the same bytes."""
    staff = staff_of(seed)
    kinds = [*TEXT_KINDS, *OTHER]
    weights = [*(s for _f, s in TEXT_KINDS.values()), *OTHER.values()]
    picker = Random(f"corpus9:{seed}:kinds")
    labels: dict[str, Any] = {}
    written, n = 0, 0
    while written < size:
        kind = picker.choices(kinds, weights)[0]
        w = World(Random(f"corpus9:{seed}:{n}"), staff)
        folder = root / FILES / kind
        folder.mkdir(parents=True, exist_ok=True)
        if kind in ("xlsx", "docx"):
            name = f"{kind}/{n:05d}.{kind}"
            entry = getattr(office, kind)(w, root / FILES / name)
            written += entry.pop("text_bytes")  # by their text, not their zip's boilerplate
        else:
            if kind == "mail_encoded":
                data, wanted = mail.encoded(w)
                name = f"{kind}/{n:05d}.eml"
                entry = mail.locate(data, wanted)
            else:
                ext, data, entry = _text_file(kind, w)
                name = f"{kind}/{n:05d}.{ext}"
            (root / FILES / name).write_bytes(data)
            written += len(data)
        labels[name] = {"kind": kind, **entry}
        n += 1
    (root / LABELS).write_text(
        json.dumps(labels, ensure_ascii=False, sort_keys=True), encoding="utf-8"
    )
    return root
