"""Corpus 12 (blind): the issue's eight kinds of files as a ninth company's systems write them
— Lingnan Guangyi Lighting, an LED lighting maker in Jiangmen (Pengjiang and Jianghai works,
suppliers in Guzhen, Zhongshan) with a Singapore sales office (Ubi) and a plant in Dong Nai,
Vietnam. Written blind, independently of corpora 3 to 11 and of the scanner's rules.

`python -m bench.corpus12 OUTDIR [MB] [--seed N]` writes OUTDIR/files/<kind>/… and
OUTDIR/labels.json (piiguard.scanner.scorecard's format); `python -m bench.corpus12.score`
scans it with `piiguard scan --format jsonl` and scores it per type and per kind.

Kinds: mail (Outlook 8bit UTF-8 CRLF with "-----Original Message-----", Foxmail/QQ GBK with
"原始邮件" blocks and ">" quoting, encoded messages: RFC 2047 GB2312/UTF-8 words, base64 and
quoted-printable parts in UTF-8, GB2312 or Big5, HTML alternatives, PDF attachments); po
(Kingdee text prints, SAP-style pro-forma invoices, CSV order lines in `,` `;` tab, GBK);
ticket (工单 prints, Zendesk CSV with multi-line cells, Jira texts with {code} blocks);
crm_csv (Salesforce, HubSpot, 纷享销客, 销售易, pinyin and abbreviated headers, empty and
multi-line cells, BOM, GBK, CRLF, xlsx); db_json (MySQL JSON, MongoDB extended JSON,
Elasticsearch hits, JSON lines; phones as JSON numbers, \\u-escaped text, base64 blobs, JWTs,
null); log (nginx, Spring Boot with MyBatis parameters / SQL / stack traces, winston JSON, Go
zap, Linux audit); hr_form (text, Markdown tables, docx tables, xlsx label|value forms); chat
(WeChat, WeCom, DingTalk, Feishu, Teams, WhatsApp Android/iOS, Telegram; voice-to-text).

Labelling calls (applied everywhere):
- A name is labelled as written, Chinese (2-4 characters), pinyin in any order or case,
  English, Vietnamese with or without diacritics. A surname with an honorific or a title
  (Mr Tan, 陈总, 王工, 李经理) labels the surname alone; a name split over First/Last Name
  columns labels each part. A name written again anywhere in the file is labelled again.
  Company names are not labelled; product models named like people (Stella X3, Felix Pro5)
  are look-alikes.
- A phone is labelled as written with its country code, brackets and separators, without
  the extension ("转 801", "ext. 123") or notes ("（微信同号）"). Fax, switchboard and office
  numbers are phones. A mobile written as a JSON number or in a URL / SQL is a phone.
- An address is labelled from its first place name (province, city, Blk, Lô) to its last
  unit (room, floor), with the postal code when it is written in the same run (Singapore
  560123); a postcode on its own (zip 529000) is a look-alike. Company and site addresses are
  addresses as much as homes.
- Only birth dates are date_of_birth (a child's birth date in a staff form too); other
  dates of 2025-2026 written as dates (order, delivery, visit, start, expiry) are look-alikes.
  Dates inside ID numbers are not labelled apart.
- Every mailbox is an email, role and company ones too; a Message-ID is not labelled.
- Every IPv4/IPv6 address is an ip_address, private and server ones too; versions shaped
  like IPv4 (fw 2.3.10.4, Chrome/120.0.0.0) are look-alikes.
- Salary cards (62…, Luhn) are bank_card; Visa/Mastercard/JCB/Amex are credit_card; an
  account number in an account field (账号, A/C No, acct_no, not Luhn) is bank_account;
  IBANs are iban. SWIFT codes and bank names are not labelled.
- secret: passwords, API keys, access tokens, JWTs, a connection string's password — the
  value alone, not its key.
- coordinates: the latitude/longitude pair as one span. Plates: as written with · or space.
- In \\u-escaped JSON a value is labelled as written (escaped).
- Look-alikes: material codes shaped like mobiles, fw versions shaped like IPv4, 16-digit
  serials failing Luhn, IMEIs, waybills (SF/YT/JD + 13), 18-digit 统一社会信用代码 with no
  valid ID check digit, 40-hex build hashes, UUIDs, ISBNs, business dates, product names,
  postcodes.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

from bench.corpus12.biz import write_po, write_ticket
from bench.corpus12.chat import write_chat
from bench.corpus12.data import write_crm, write_db
from bench.corpus12.mail import write_mail
from bench.corpus12.ops import write_hr, write_log
from bench.corpus12.out import Out
from bench.corpus12.values import Gen
from piiguard.scanner.scorecard import FILES, LABELS

SEED = 12
KINDS: dict[str, tuple[Callable[[Gen, int], Out], int]] = {
    "mail": (write_mail, 15),
    "po": (write_po, 11),
    "ticket": (write_ticket, 15),
    "crm_csv": (write_crm, 8),
    "db_json": (write_db, 12),
    "log": (write_log, 9),
    "hr_form": (write_hr, 12),
    "chat": (write_chat, 18),
}


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """Files of the eight kinds until `size` bytes are written, and their labels."""
    root = Path(root)
    if (root / FILES).exists():
        shutil.rmtree(root / FILES)
    g = Gen(random.Random(seed))
    names = list(KINDS)
    weights = [KINDS[k][1] for k in names]
    labels: dict[str, dict[str, object]] = {}
    total, n = 0, 0
    while total < size:
        kind = g.r.choices(names, weights)[0]
        out = KINDS[kind][0](g, n)
        n += 1
        path = root / FILES / out.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(out.data)
        total += len(out.data)
        entry: dict[str, object] = {
            "kind": out.kind,
            "spans": [[s.type, s.start, s.end] for s in sorted(out.spans)],
        }
        if out.segments is not None:
            entry["segments"] = out.segments
        labels[out.name] = entry
    text = json.dumps(labels, ensure_ascii=False, indent=0, sort_keys=True)
    (root / LABELS).write_text(text, encoding="utf-8")
    return root


__all__ = ["KINDS", "SEED", "write_corpus"]
