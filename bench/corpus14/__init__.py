"""Corpus 14 (blind): a Foshan appliance maker's business files in the issue's
eight kinds, every value drawn from mimesis (seeded zh, en, en-gb, de, fr, ja, ko, ru, es
providers) or, where mimesis has nothing, from its writer's own code (values.py), in
templates and layouts of its writer's own (nobody's detectors, corpora or misses read).

Kinds (files/<kind>/…): mail (.eml as MIMEMultipart writes it — multipart/alternative with
an HTML part of tables, <br> and &nbsp;, or one plain or HTML part; quoted-printable, base64
or 8bit UTF-8 bodies; RFC 2047 names; X-Originating-IP — and Outlook text copies with
发件人 / 发送时间 / 收件人 / 抄送 headers, UTF-8 or GB18030; forwarded chains with Outlook's
Chinese or English headers and `>` quoting; signatures with 手机/Mob., Tel and hotlines),
ticket (plain after-sales tickets with the agent / customer dialogue, Jira CSV all quoted,
Zendesk CSV with BOM and multi-line descriptions), purchase_order (bilingual PO text with
part numbers and 联系人), form (HTML and markdown onboarding forms, visa invitation
letters, 入职登记表 as +---+ text tables), chat (QQ text exports, UTF-8 or UTF-16; DingTalk;
Slack export JSON with user_profile.real_name; Telegram text), crm_csv (Salesforce all
quoted with CRLF and sometimes BOM, HubSpot with first and last names apart, 纷享销客 with
证件类型 beside 证件号码, UTF-8 BOM or GB18030; a dealer's member list with semicolons,
bilingual headers, DOB and a passport / 身份证 type column), db_json (Kingdee-like nested
sales orders `partner.contact.fullName`, arrays of arrays with a header row, Mongo extended
JSON lines with $oid / $date / $numberLong and GeoJSON points, service records with Chinese
keys, some ASCII-escaped) and app_log (Spring Boot lines with MDC and JDBC URLs, Python
logging, syslog sshd / CRON, audit lines with `user= name= ip= lat= lng=`, docker JSON logs
(`{"log": "...\\n", "stream": ...}`), nginx with X-Forwarded-For lists).

Labelling calls (written before the first scoring):
- person_name: a person's name as written — Chinese (mimesis zh surname + given name, or
  the writer's pinyin table), its pinyin spellings `张伟（Zhang Wei）` (two labels), `Wei
  ZHANG`, `ZHANG Wei`, `Zhang, Wei`, `W. Zhang`, `Wei Zhang`, and foreign names of the nine
  locales (`Anna SCHMIDT`, `Schmidt, Anna`, `A. Schmidt`; Japanese and Korean in their own
  script); HubSpot's First Name and Last Name cells each a label (a one-character Chinese
  given name or surname cell left unlabelled). A name is labelled wherever it is written
  again. Company names, job titles and "客服" / "客户" roles are not labelled.
- address: the whole address as written (Chinese: province? city district town road
  number; foreign: mimesis street, postcode, city, as each country writes it).
- phone: Chinese mobiles in nine writings (`13812345678`, `138-1234-5678`, `+86 138 1234
  5678`, `(+86)13812345678` …; in Mongo dumps sometimes `{"$numberLong": "138…"}`),
  Foshan / Guangzhou / Shenzhen / Dongguan landlines, foreign numbers from mimesis that
  phonenumbers accepts (with their country code). Hotlines 400- / 800- are look-alikes.
- date_of_birth: only birth dates (1960-2004) in birth fields, chats and Mongo `$date`
  (the whole `1987-03-09T00:00:00.000Z`), in eleven writings (Chinese records mostly in
  five Chinese ones); order, delivery, ship, purchase, signing, entry, check-up and start
  dates (2025-2026) are look-alikes.
- resident_id: 18 characters, real county codes (Foshan's districts first), a birth date,
  the ISO 7064 check character; passport: China E / G + 8, and German, French, Japanese,
  Korean, Spanish, Russian, British, US formats.
- credit_card: mimesis Visa / Mastercard / Amex (grouped as it writes them); bank_card:
  UnionPay 62… 16 or 19 digits, Luhn-valid (salary / refund cards); iban: DE / GB / FR / AT /
  NL with correct check digits, grouped or not; bank_account: Chinese accounts 12-19 digits
  failing Luhn in 银行账号 / 对公账号 / accountNo fields.
- ip_address: every IPv4 of a client, login, sender or proxy (X-Forwarded-For: each);
  coordinates: a "lat,lng" / "lat, lng" pair one label, in audit lines the run from the
  latitude to the longitude ("23.02 lng=113.12"), in GeoJSON the two numbers of
  `"coordinates": [lng, lat]` one label, around Guangdong or anywhere.
- licence_plate: 粤E·A1234, 粤X12345, 粤B D12345 (new-energy) ….
- secret: passwords (mimesis), API keys (sk_live_, AKIA, ghp_, LTAI, xoxb-, hex), JWTs
  after Bearer, and the password inside `mysql://user:PASS@host`, `redis://:PASS@host`
  (only PASS labelled).
- LOOKALIKE (must not be reported), with what it resembles: 11-digit order, customer-ref
  and part numbers 1[3578]… (phone); firmware / build versions and browser versions in user
  agents, Foxmail's version (IP); 18-digit machine serials 9… failing the id check
  (resident id); 16-digit non-Luhn batches (card); QA test cards 4111 1111 1111 1111 on
  sandbox lines (card); 40-hex git commits and sha256 checksums (secret); product models
  "Harper Pro7" (name); Foshan towns 陈村 / 黄岐 / 乐从 / 北滘 … (name / address); hotlines
  (phone); order / delivery / ship / signing / start dates (date of birth); unified social
  credit codes 9144060… (resident id); SF / YT / JD waybills (phone, card); ISBNs of
  manuals (phone).
- Not labelled: timestamps, ticket / PO / record / employee ids, QQ numbers, Slack ids and
  ts, Mongo object ids, Message-ID lines, company names, job titles.

First sight (5cee78f, 5 MB, seed 14: 3,220 files, 5,028,025 bytes, 63,885 values, 18,204
look-alikes, 58,893 findings, scanned once in 15.0 s; overlap P / R / F1, nothing changed
after; no label bug found in the misses, so no label was changed):

| type | P / R / F1 (n) | type | P / R / F1 (n) |
|---|---|---|---|
| address | 0.968 / 0.822 / 0.889 (3914) | iban | 1.000 / 1.000 / 1.000 (626) |
| bank_account | 1.000 / 0.979 / 0.989 (1763) | ip_address | 1.000 / 1.000 / 1.000 (4565) |
| card | 1.000 / 1.000 / 1.000 (2446) | licence_plate | 1.000 / 0.997 / 0.999 (1929) |
| coordinates | 1.000 / 0.718 / 0.836 (929) | passport | 1.000 / 0.971 / 0.985 (1442) |
| date_of_birth | 1.000 / 0.992 / 0.996 (4280) | person_name | 0.969 / 0.775 / 0.861 (22056) |
| email | 1.000 / 1.000 / 1.000 (7134) | phone | 0.997 / 0.993 / 0.995 (9672) |
| resident_id | 1.000 / 1.000 / 1.000 (2305) | secret | 1.000 / 0.949 / 0.974 (824) |
| **overall** | 0.988 / 0.904 / 0.944 (63885) | look-alikes flagged | 0.15 % (28/18204) |

By kind (P / R / F1, look-alikes flagged): app_log 1.000 / 0.983 / 0.991, 0 %; chat
0.974 / 0.844 / 0.904, 0 %; crm_csv 0.995 / 0.948 / 0.971, 0 %; db_json 1.000 / 0.909 /
0.952, 0 %; form 0.943 / 0.887 / 0.914, 0 %; mail 0.991 / 0.893 / 0.940, 0.75 % (28/3710:
11-digit order numbers after "SO No." as phones); purchase_order 0.987 / 0.883 / 0.932, 0 %;
ticket 0.991 / 0.857 / 0.919, 0 %.

`python -m bench.corpus14 OUTDIR [MB] [--seed N]`; `python -m bench.corpus14.score`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bench.corpus14.data import crm, dumps, log
from bench.corpus14.doc import Sink
from bench.corpus14.mail import mail
from bench.corpus14.papers import form, po, ticket
from bench.corpus14.talk import chat
from bench.corpus14.values import Gen

SEED = 14
Writer = Callable[[Gen, Sink, int], None]
# kind: (writer, how many of every 22 files)
WRITERS: dict[str, tuple[Writer, int]] = {
    "mail": (mail, 5),
    "ticket": (ticket, 3),
    "purchase_order": (po, 3),
    "form": (form, 3),
    "chat": (chat, 3),
    "crm_csv": (crm, 2),
    "db_json": (dumps, 2),
    "app_log": (log, 2),
}
KINDS = tuple(WRITERS)


def write_corpus(root: Path, size: int = 5_000_000, seed: int = SEED) -> Path:
    """Writes ROOT/files/<kind>/… and ROOT/labels.json, about `size` bytes; the same seed
    writes the same bytes."""
    g = Gen(seed)
    sink = Sink(Path(root))
    order = [kind for kind, (_, share) in WRITERS.items() for _ in range(share)]
    counts = dict.fromkeys(WRITERS, 0)
    while sink.bytes < size:
        for kind in order:
            WRITERS[kind][0](g, sink, counts[kind])
            counts[kind] += 1
    return sink.close()
