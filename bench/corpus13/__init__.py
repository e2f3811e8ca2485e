"""Corpus 13 (blind): a Foshan manufacturer's business files whose values all come from
Faker (seeded zh_CN, zh_TW, en_US, en_GB, de_DE, fr_FR, es_ES, nl_NL, it_IT, vi_VN, ja_JP
instances), in templates and layouts of its writer's own, written with Python's standard
library defaults where a hurried engineer would use them (csv.writer, json.dumps, email).

Kinds (files/<kind>/…): mail (Outlook text copies; .eml from email.message.EmailMessage
with RFC 2047 headers and base64, quoted-printable or 8bit UTF-8 bodies), ticket (plain,
Zendesk-like and markdown-table after-sales tickets), purchase_order, form (bilingual
onboarding forms, boxed expatriate forms), chat (WeChat and WhatsApp exports), crm_csv
(BOM + Chinese headers, English headers, GBK, semicolons, TSV), db_json (json.dumps
defaults — ASCII-escaped, phones sometimes numbers —, indent=2 with ensure_ascii=False,
JSONL, mongoexport) and app_log (nginx access, key=value, JSON-in-log, QA/deploy logs).

Labelling calls:
- person_name: a person's name as written (Faker zh_CN.name, romanized_name — drawn apart
  from the Chinese name, as Faker does — and en_US/en_GB names, titles such as "Mr" kept as
  Faker writes them); each of "闭宁（Xiulan Yin）"'s two names is its own label; a name is
  labelled wherever it is written again. Company names are not names.
- address: the whole Faker address as written, postcode included (multi-line foreign
  addresses joined with ", ").
- phone: Faker phone_number, extensions ("x1234") included; a mobile written as a JSON
  number is labelled as the number. Numbers the number plan rejects (Faker's zh_CN 149…)
  are drawn again, and foreign numbers are those Faker writes with their country code
  (+44, +1-, +49, +84). Company hotlines (400-/800-) are look-alikes.
- date_of_birth: only a birth date (birthday / 出生日期 / Date of birth fields), Faker
  date_between 1960-2004 (staff and customers of working age), in twelve writings; order,
  delivery, sign-up, arrival and start dates (2025-2026) are look-alikes.
- resident_id: Faker zh_CN.ssn (18 digits; its 83… region codes drawn again); passport:
  Faker passport_number of several locales (9 digits, or a letter and 8 digits) in
  passport fields.
- credit_card: Faker credit_card_number (payment / card fields; its 12-digit Maestro and
  old 15-digit JCB numbers drawn again); bank_card: a UnionPay 62… debit card (salary /
  refund cards, Faker digits, Luhn-valid); iban: Faker iban; bank_account: Faker de_DE
  bban and Chinese company accounts (对公账号) in account fields (none passing Luhn).
- ip_address: any Faker IPv4 (public or private) of a client, login, laptop or host;
  coordinates: a "lat,lng" / "lat, lng" pair as one label (Faker local_latlng in China
  or latitude/longitude anywhere); licence_plate: a Chinese plate made from Faker's random
  (粤E·12345, 粤AD12345, 粤B 1A2B3); secret: passwords (Faker password) and API keys /
  tokens in fields that name them.
- LOOKALIKE (must not be reported), with what it resembles: order / callback numbers
  shaped like mobiles (phone); SF/YT/JD waybills (phone, card); 18-digit machine serials
  starting 90 with a production day inside (resident ID); 16-digit non-Luhn serials and
  batches (card); the unified social credit code 9144060… (resident ID); 40-hex git
  commits (secret); product models "Aurora Pro5" (name); ISBNs of manuals (phone);
  firmware / build versions "v3.12.4.21" and browser versions in user agents (IP); town
  names 陈村 / 黄岐 / 乐从 / 北滘 (names); hotlines (phone); dates of orders, tickets,
  arrivals and Mongo $date values (date of birth); QA test cards 4111 1111 1111 1111
  (card).
- Not labelled: log and chat timestamps, ticket / PO / customer numbers, Mongo object ids,
  Message-ID lines, company names and job titles.

First sight (3dbea9b, 5 MB, seed 13: 3,300 files, 5,006,292 bytes, 111,857 values,
29,720 look-alikes; scanned once, overlap P / R / F1, nothing changed after):

| type | P / R / F1 (n) | type | P / R / F1 (n) |
|---|---|---|---|
| address | 1.000 / 0.111 / 0.200 (12120) | iban | 1.000 / 1.000 / 1.000 (1770) |
| bank_account | 1.000 / 0.881 / 0.937 (1759) | ip_address | 0.960 / 1.000 / 0.979 (5975) |
| card | 0.901 / 0.980 / 0.939 (5157) | licence_plate | 1.000 / 1.000 / 1.000 (5207) |
| coordinates | 1.000 / 0.899 / 0.947 (4722) | passport | 1.000 / 1.000 / 1.000 (1712) |
| date_of_birth | 1.000 / 1.000 / 1.000 (7657) | person_name | 0.988 / 0.976 / 0.982 (32509) |
| email | 1.000 / 1.000 / 1.000 (10232) | phone | 1.000 / 0.960 / 0.980 (14733) |
| resident_id | 1.000 / 1.000 / 1.000 (4442) | secret | 0.948 / 0.992 / 0.969 (3862) |
| **overall** | 0.986 / 0.884 / 0.932 (111857) | look-alikes flagged | 2.72 % (808/29720) |

By kind (P / R / F1, look-alikes flagged): app_log 0.948 / 0.873 / 0.908, 16.79 %
(808/4812: QA test cards as cards, versions as IPs); chat 1.000 / 0.930 / 0.963; crm_csv
1.000 / 0.876 / 0.934; db_json 1.000 / 0.896 / 0.945; form 0.919 / 0.837 / 0.876; mail
0.980 / 0.895 / 0.935; purchase_order 1.000 / 0.877 / 0.935; ticket 1.000 / 0.809 / 0.895
(no look-alike flagged outside app_log).

`python -m bench.corpus13 OUTDIR [MB] [--seed N]`; `python -m bench.corpus13.score`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.corpus13.data import crm, dumps, log
from bench.corpus13.doc import Sink
from bench.corpus13.texts import chat, form, mail, po, ticket
from bench.corpus13.values import Fake

SEED = 13
Writer = Callable[[Fake, Sink, int], None]
# kind: (writer, how many of every 20 files)
WRITERS: dict[str, tuple[Writer, int]] = {
    "mail": (mail, 4),
    "ticket": (ticket, 3),
    "purchase_order": (po, 2),
    "form": (form, 2),
    "chat": (chat, 3),
    "crm_csv": (crm, 2),
    "db_json": (dumps, 2),
    "app_log": (log, 2),
}
KINDS = tuple(WRITERS)


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """Writes ROOT/files/<kind>/… and ROOT/labels.json, about `size` bytes; the same seed
    writes the same bytes."""
    fk = Fake(seed)
    sink = Sink(Path(root))
    order = [kind for kind, (_, share) in WRITERS.items() for _ in range(share)]
    counts = dict.fromkeys(WRITERS, 0)
    while sink.bytes < size:
        for kind in order:
            WRITERS[kind][0](fk, sink, counts[kind])
            counts[kind] += 1
    return sink.close()
