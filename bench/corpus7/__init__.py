"""Corpus 7 (blind): the files of a Foshan manufacturer (part of a multinational group), its
staff, customers and systems — written by an engineer who read neither the detectors, their
vocabularies, docs/scanner.md, the other corpora (1-6) nor the hand-made sets (issue 18,
R2.7). Nobody fixing detectors reads it or its misses.

`write_corpus(root, size, seed)` writes `root/files/KIND/NNNNN.EXT` and `root/labels.json` in
the scorecard's format ([type, start, end] in code points of the decoded file); the same
seed gives the same bytes. At 5 MB: about 3,000 files in ten kinds —

- mail (.eml): Outlook/Foxmail/Coremail headers, 8bit UTF-8 or GBK bodies, replies quoting
  the history (Foxmail's "原始邮件" block or "On … wrote:" with "> "), signatures; a quarter
  are sent base64 / quoted-printable with RFC 2047 headers, labelled in their decoded parts
  with `segments` (scorecard.mail_parts: the headers, then the body);
- orders: purchase orders and invoices as text and CSV (supplier, buyer, ship-to, line
  items with part numbers, bank account or IBAN, tracking numbers);
- tickets: after-sales tickets mixing Chinese and English, technician notes, callbacks;
- crm: CRM/ERP exports, CSV (`,` or `;`, some quoted) and TSV, headers in English, Chinese
  or pinyin initials (xm, sfzh, lxdh, khmc, yhkh …); excel: the same as .xlsx;
- json: database dumps (.json, nested objects and arrays; .jsonl), 15 % written with
  `\\uXXXX` escapes (a name so escaped is labelled in its escaped characters);
- logs: nginx access logs, Java/Python application logs (key=value, JSON in the line,
  stack traces with JDBC/Redis connection strings);
- forms (.txt/.md) and word (.docx, a table form): HR onboarding forms;
- chat: WeChat- and DingTalk-style transcripts (speaker + time, @mentions, English names).

Text files are UTF-8 (a tenth with a BOM) or GBK (a quarter of the Chinese kinds; a file
with a character GBK lacks stays UTF-8); a third of orders, crm exports and forms have CRLF
line ends. Office files are labelled in a virtual text (their cells or paragraphs one after
another) with the scorecard's `segments`.

Labelling calls:
- person_name: the name's characters only, never the title: "王工", "张经理", "李总", "小陈"
  label the surname (王, 张, 李, 陈); "阿强" is labelled whole (a nickname is a name);
  "Mr. Becker" / "Frau Krüger" label the surname; "张伟经理" labels 张伟; English names staff
  use (Kevin Chen) and chat speakers are names. Company names, job titles are not labelled.
- address: every postal address (homes, delivery addresses, a company's address in a
  signature or a purchase order), Chinese and Latin, as one span.
- phone: every phone number (mobiles, landlines with area code and extension, foreign
  numbers), a switchboard too; masked numbers (138****5678) are look-alikes.
- date_of_birth: only a birth date (出生日期, DOB, birthday columns); a start or delivery
  date next to it is a look-alike.
- resident_id: 18-character GB 11643 IDs; passport: CN E/G, DE, US, GB, FR, IT numbers.
- bank_card: Luhn-valid card numbers (UnionPay 62, Visa, Mastercard, Amex, JCB) in card
  fields; bank_account: Chinese corporate account numbers (not Luhn) in account fields;
  iban: mod-97 IBANs (DE, GB, FR, NL, IT, ES, BE, CH, AT, PL), compact or grouped.
- ip_address: every IPv4/IPv6 address (client, public, private, a database host).
- coordinates: a pair written together is one span; JSON's separate lat/lng numbers are
  two spans.
- secret: passwords, API keys, tokens and the password inside a connection string — the
  secret's characters only, not its key.
- lookalike: part and material numbers (some 11-digit 13x codes shaped like mobiles, some
  0757-xxxx-xxx), firmware versions shaped like IPs, order/PO numbers, serials, model
  numbers, invoice numbers and codes, epoch and compact timestamps, tracking numbers,
  unified social credit codes (18 characters like an ID), batch numbers, SKUs/EANs, masked
  numbers, start and delivery dates.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path

from bench.corpus7.doc import Doc
from bench.corpus7.dumps import json_dump, jsonl_dump, log
from bench.corpus7.mail import MARKERS, eml, encoded_mail
from bench.corpus7.office import docx, xlsx
from bench.corpus7.prose import chat, form, ticket
from bench.corpus7.records import csv, order, order_csv
from bench.corpus7.values import Values
from piiguard.scanner.scorecard import FILES, LABELS, decoded, mail_parts

SEED = 7
ZH_KINDS = ("orders", "tickets", "crm", "forms", "chat", "mail")
CRLF_KINDS = ("orders", "crm", "forms")
# kind: (weight, ((extension, writer), ...))
KINDS: dict[str, tuple[float, tuple[tuple[str, Callable[[Doc], None]], ...]]] = {
    "orders": (12, (("txt", order), ("txt", order), ("csv", order_csv))),
    "tickets": (13, (("txt", ticket), ("txt", ticket), ("md", ticket))),
    "crm": (8, (("csv", csv), ("csv", csv), ("tsv", lambda d: csv(d, tsv=True)))),
    "json": (9, (("json", json_dump), ("jsonl", jsonl_dump))),
    "logs": (9, (("log", log),)),
    "forms": (8, (("txt", form), ("md", form))),
    "chat": (14, (("txt", chat),)),
}
MAIL_WEIGHT, EXCEL_WEIGHT, WORD_WEIGHT = 16.0, 1.5, 0.5


def _encode(text: str, kind: str, r: random.Random, charset: str = "") -> bytes:
    if charset == "gbk" or (kind in ZH_KINDS and kind != "mail" and r.random() < 0.25):
        try:
            return text.encode("gbk")
        except UnicodeEncodeError:
            pass
    if kind not in ("mail", "logs", "json") and r.random() < 0.1:
        return text.encode("utf-8-sig")
    return text.encode("utf-8")


def _text_file(
    r: random.Random, v: Values, kind: str, segments: dict[str, int]
) -> tuple[str, bytes, list[tuple[str, int, int]], str]:
    """(extension, bytes, spans, the text the spans are in); an encoded message's parts go
    into `segments`."""
    d = Doc(r, v)
    if kind == "mail":
        encoded, charset = eml(d)
        if encoded:
            message, spans, parts = encoded_mail(d, charset)
            segments.update(parts)
            return "eml", message.encode("ascii"), spans, ""
        text, spans = d.text(crlf=r.random() < 0.3)
        data = _encode(text, kind, r, charset)
        if any(m in data for m in MARKERS):
            raise AssertionError("an 8bit message must not look encoded")
        return "eml", data, spans, text
    ext, writer = r.choice(KINDS[kind][1])
    writer(d)
    text, spans = d.text(crlf=kind in CRLF_KINDS and r.random() < 0.35)
    return ext, _encode(text, kind, r), spans, text


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    r = random.Random(seed)
    v = Values(r)
    names = [*KINDS, "mail", "excel", "word"]
    weights = [w for w, _ in KINDS.values()] + [MAIL_WEIGHT, EXCEL_WEIGHT, WORD_WEIGHT]
    labels: dict[str, dict[str, object]] = {}
    written = 0
    while written < size:
        # every kind once first (a small corpus has them all), then by weight
        kind = names[len(labels)] if len(labels) < len(names) else r.choices(names, weights)[0]
        entry: dict[str, object] = {"kind": kind}
        if kind in ("excel", "word"):
            d = Doc(r, v)
            segments: dict[str, int] = {}
            data = xlsx(d, segments) if kind == "excel" else docx(d, segments)
            ext, (virtual, spans) = ("xlsx" if kind == "excel" else "docx"), d.text()
            entry["segments"] = segments
        else:
            segments = {}
            ext, data, spans, text = _text_file(r, v, kind, segments)
            if segments:  # labelled in its decoded parts
                virtual, _ = mail_parts(data) or ("", {})
                entry["segments"] = segments
            else:
                virtual = decoded(data)
                if virtual != text:
                    raise AssertionError(f"{kind}: the file does not decode to the text written")
        name = f"{kind}/{len(labels):05d}.{ext}"
        for label, start, end in spans:
            if not virtual[start:end] or virtual[start:end] != virtual[start:end].strip():
                raise AssertionError(f"{name}: empty or padded label {label} at {start}")
        entry["spans"] = [[label, start, end] for label, start, end in spans]
        path = root / FILES / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        labels[name] = entry
        written += len(data)
    (root / LABELS).write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return root


__all__ = ["KINDS", "SEED", "write_corpus"]
