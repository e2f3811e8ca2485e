"""`python -m bench.fakerprobes.numbers [--rows N] [--misses FILE]`: recall of the scanner on
values as Faker makes them and Python writes them, per provider and context, and what it flags among
look-alikes written in the same layouts (issue 18, R2.7).

Each provider's values are written in each context — a CSV column under an English and under
a Chinese header, a labelled line in free text (English, Chinese), JSON lines with
`json.dumps`' default ensure_ascii=True and with ensure_ascii=False (Chinese and English
keys), key=value log lines and JSON inside log lines — into files of their own, scanned
in-process as `piiguard scan` scans them (sources.files.scan_file). Recall is counted by
exact span and by overlap of a finding of the expected type; `other` counts findings that
overlap no value (the row ids, statuses and time stamps around them). The look-alike files
hold order and part numbers, versions, build ids, bank routing and SWIFT codes, test cards
in QA logs and the like in the same layouts: every finding there is counted as flagged.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from faker import Faker

from piiguard.scanner.detectors import Detector
from piiguard.scanner.evaluation import SCORED_AS
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located

LOCALES = ("zh_CN", "zh_TW", "en_US", "en_GB")
CARD_TYPES = (
    "unionpay",
    "amex",
    "diners",
    "discover",
    "jcb15",
    "jcb16",
    "maestro",
    "mastercard",
    "visa13",
    "visa16",
    "visa19",
)
DOB_FORMATS = (
    "iso",
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y年%m月%d日",
    "%B %d, %Y",
    "%d %b %Y",
    "%Y%m%d",
)


@dataclass(frozen=True)
class Field:
    """How a kind of value is named: CSV headers and JSON keys (English, Chinese), labels."""

    en: tuple[str, ...]
    zh: tuple[str, ...]


CARD = Field(("credit_card", "cc", "card_number", "Card No"), ("信用卡号", "卡号"))
IBAN = Field(("iban", "IBAN"), ("IBAN", "国际银行账号"))
BBAN = Field(("bban", "bank_account", "account_number"), ("银行账号", "账号"))
SSN = Field(("ssn", "national_id", "id_number"), ("身份证号", "身份证号码", "证件号码"))
PASSPORT = Field(("passport", "passport_no", "passport_number"), ("护照号", "护照号码"))
DOB = Field(("dob", "birthday", "date_of_birth", "birth_date"), ("出生日期", "生日"))
LAT = Field(("latitude", "lat"), ("纬度",))
LNG = Field(("longitude", "lng", "lon"), ("经度",))
LATLNG = Field(("lat_lng", "location", "coordinates"), ("经纬度", "坐标"))
PASSWORD = Field(("password", "passwd", "pwd"), ("密码", "登录密码"))
DSN = Field(("dsn", "database_url", "db_url"), ("数据库连接", "连接串"))
IP = Field(("ip", "ip_address", "client_ip", "remote_addr"), ("IP地址", "登录IP"))
PLATE = Field(("license_plate", "plate", "plate_no", "vehicle_plate"), ("车牌号", "车牌"))


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str  # the expected finding's type, as scored (card for both card types)
    field: Field
    make: Callable[[Faker], str]
    part: str = ""  # where the value is only part of what is written: its expression


def _dob(fmt: str) -> Callable[[Faker], str]:
    def make(f: Faker) -> str:
        d: date = f.date_of_birth()
        return d.isoformat() if fmt == "iso" else d.strftime(fmt)

    return make


def _card(kind: str) -> Callable[[Faker], str]:
    return lambda f: f.credit_card_number(card_type=kind)


def _dsn(f: Faker) -> str:
    scheme = random.choice(("postgresql", "mysql", "mongodb", "redis", "amqp"))
    return f"{scheme}://{f.user_name()}:{f.password(special_chars=False)}@{f.hostname()}:5432/app"


PROVIDERS: tuple[Provider, ...] = (
    *(Provider(f"card:{t}", "card", CARD, _card(t)) for t in CARD_TYPES),
    Provider("iban", "iban", IBAN, lambda f: f.iban()),
    Provider("bban", "bank_account", BBAN, lambda f: f.bban()),
    Provider("ssn", "resident_id", SSN, lambda f: f.ssn()),
    Provider("passport_number", "passport", PASSPORT, lambda f: f.passport_number()),
    *(Provider(f"dob:{fmt}", "date_of_birth", DOB, _dob(fmt)) for fmt in DOB_FORMATS),
    Provider(
        "local_latlng",
        "coordinates",
        LATLNG,
        lambda f: "({}, {})".format(*f.local_latlng()[:2]),
        r"[-\d][^)]*\d",
    ),
    Provider("latitude", "coordinates", LAT, lambda f: str(f.latitude())),
    Provider("longitude", "coordinates", LNG, lambda f: str(f.longitude())),
    Provider("coordinate", "coordinates", LATLNG, lambda f: str(f.coordinate())),
    Provider(
        "latlng_repr", "coordinates", LATLNG, lambda f: repr(f.local_latlng()[:2]), r"[-\d][^)]*\d"
    ),
    Provider("card_full", "card", CARD, lambda f: f.credit_card_full(), r"\d{12,19}"),
    Provider(
        "passport_full",
        "passport",
        PASSPORT,
        lambda f: f.passport_full(),
        r"[A-Z]?\d{8,9}(?=(?:\\n|\n)?$)",
    ),
    Provider("password", "secret", PASSWORD, lambda f: f.password()),
    Provider("dsn", "secret", DSN, _dsn, r"(?<=:)[^:@/]+(?=@)"),
    Provider("ipv4", "ip_address", IP, lambda f: f.ipv4()),
    Provider("ipv4_private", "ip_address", IP, lambda f: f.ipv4_private()),
    Provider("ipv6", "ip_address", IP, lambda f: f.ipv6()),
    Provider("license_plate", "licence_plate", PLATE, lambda f: f.license_plate()),
)

LOOKALIKES: tuple[tuple[str, Field, Callable[[Faker], str]], ...] = (
    (
        "order_no",
        Field(("order_no", "order_id"), ("订单号",)),
        lambda f: f.numerify("2024####%%%%%%"),
    ),
    (
        "part_no",
        Field(("part_no", "sku"), ("料号", "物料编码")),
        lambda f: f.bothify("PN-####-??##"),
    ),
    (
        "version",
        Field(("version", "app_version"), ("版本", "版本号")),
        lambda f: f.numerify("%.#.##.###"),
    ),
    ("build_id", Field(("build", "build_id"), ("构建号",)), lambda f: f.numerify("2024%%%%.#####")),
    ("routing", Field(("aba", "routing_number"), ("ABA",)), lambda f: f.aba()),
    ("swift", Field(("swift", "bic"), ("SWIFT代码",)), lambda f: f.swift()),
    ("amount", Field(("amount", "total"), ("金额",)), lambda f: f"{f.pyfloat(4, 2, True)}"),
    ("created", Field(("created_at", "updated"), ("创建时间",)), lambda f: f.iso8601()),
    (
        "tracking",
        Field(("tracking_no", "waybill"), ("运单号",)),
        lambda f: f.numerify("SF%%%%%%%%%%%%"),
    ),
    ("uuid", Field(("request_id", "trace_id"), ("请求ID",)), lambda f: f.uuid4()),
)


def _luhn(body: str) -> str:
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str(-total % 10)


LOOKALIKES += (
    # Luhn-valid numbers that are no one's payment card, under their own fields
    (
        "iccid",
        Field(("sim_card", "iccid"), ("SIM卡号",)),
        lambda f: _luhn(f.numerify("898600#############")),
    ),
    (
        "gift_card",
        Field(("gift_card_no", "member_card"), ("礼品卡号", "会员卡号")),
        lambda f: _luhn(f.numerify("60########")),
    ),
    # a lot or batch number, then a month and year
    (
        "lot_and_month",
        Field(("lot", "batch_no"), ("批号",)),
        lambda f: f.numerify("5########### %%/2#"),
    ),
    ("tax_id", Field(("ein", "tax_id"), ("税号",)), lambda f: f.numerify("##-#######")),
    ("template", Field(("template", "format"), ("模板",)), lambda f: f.bothify("TPL-??##")),
)
# well-known test cards in a QA log: no one's card
TEST_CARDS = ("4111111111111111", "5555555555554444", "378282246310005", "6011111111111117")

CONTEXTS = (
    "csv_en",
    "csv_zh",
    "text_en",
    "text_zh",
    "json_esc_zh",
    "json_raw_zh",
    "json_en",
    "kv_log",
    "json_log_esc",
)


@dataclass
class Writer:
    """A file's text and the spans of the values written into it."""

    parts: list[str]
    spans: list[tuple[int, int]]
    size: int = 0

    def t(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    part: str = ""

    def v(self, s: str) -> None:
        if self.part:
            m = re.search(self.part, s)
            if m is not None:
                self.spans.append((self.size + m.start(), self.size + m.end()))
        else:
            self.spans.append((self.size, self.size + len(s)))
        self.t(s)


def _csv(w: Writer, context: str, key_en: str, key_zh: str, values: list[str]) -> None:
    w.t(f"id,{key_en if context == 'csv_en' else key_zh},status\n")
    for i, v in enumerate(values):
        w.t(f"{1000 + i},")
        quoted = "," in v or '"' in v or "\n" in v
        w.t('"' if quoted else "")
        w.v(v.replace('"', '""'))
        w.t('"' if quoted else "")
        w.t(",active\n")


def _text(w: Writer, context: str, key_en: str, key_zh: str, values: list[str]) -> None:
    for i, v in enumerate(values):
        if context == "text_en":
            label = key_en.replace("_", " ").capitalize()
            w.t(f"Record {1000 + i} updated by the agent. {label}: ")
            w.v(v)
            w.t(". Please verify before Friday.\n")
        else:
            w.t(f"第{i + 1}条记录已更新，{key_zh}：")
            w.v(v)
            w.t("，请核实。\n")


def _json(w: Writer, context: str, key_en: str, key_zh: str, values: list[str]) -> None:
    ascii_ = "esc" in context
    key = key_en if context == "json_en" else key_zh
    for i, v in enumerate(values):
        if context == "json_log_esc":
            w.t(f"2024-05-0{1 + i % 9} 12:00:{i % 60:02d} INFO api.request payload=")
        w.t("{" + json.dumps("id") + f": {1000 + i}, " + json.dumps(key, ensure_ascii=ascii_))
        w.t(': "')
        w.v(json.dumps(v, ensure_ascii=ascii_)[1:-1])
        w.t('", "status": "ok"}\n')


def _kv_log(w: Writer, context: str, key_en: str, key_zh: str, values: list[str]) -> None:
    for i, v in enumerate(values):
        w.t(f"2024-05-0{1 + i % 9} 12:00:{i % 60:02d} INFO user.update id={1000 + i} ")
        w.t(f"{key_en}=")
        w.v(v)
        w.t(" status=ok\n")


_WRITERS = {"csv": _csv, "text": _text, "json": _json, "kv": _kv_log}


def _write(context: str, key_en: str, key_zh: str, values: list[str], part: str = "") -> Writer:
    w = Writer([], [], part=part)
    _WRITERS[context.split("_", maxsplit=1)[0]](w, context, key_en, key_zh, values)
    return w


def _suffix(context: str) -> str:
    return ".csv" if context.startswith("csv") else ".jsonl" if "json" in context else ".log"


@dataclass
class Tally:
    gold: int = 0
    exact: int = 0
    overlap: int = 0
    other: int = 0


def _score(
    found: list[Located], spans: list[tuple[int, int]], kind: str, tally: Tally
) -> Iterator[tuple[int, int]]:
    """Counts into `tally`; yields the spans missed (not even by overlap)."""
    hits = [
        (int(f.location["start"]), int(f.location["end"]), SCORED_AS.get(f.hit.type, f.hit.type))
        for f in found
    ]
    for a, b in spans:
        tally.gold += 1
        same = [(s, e) for s, e, t in hits if t == kind and s < b and a < e]
        if (a, b) in same:
            tally.exact += 1
        if same:
            tally.overlap += 1
        if (a, b) not in same:
            yield a, b  # missed, or found with another span
    for s, e, _t in hits:
        if not any(s < b and a < e for a, b in spans):
            tally.other += 1


def run(rows: int, misses_file: Path | None) -> None:
    detector = Detector()
    tallies: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    misses: dict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n = 0
        for provider in PROVIDERS:
            for locale in LOCALES:
                f = Faker(locale)
                f.seed_instance(f"{provider.name}{locale}")
                random.seed(f"{provider.name}{locale}")
                try:
                    values = [provider.make(f) for _ in range(rows)]
                except KeyError:  # a card type the locale's provider does not have
                    continue
                for ci, context in enumerate(CONTEXTS):
                    key_en = provider.field.en[ci % len(provider.field.en)]
                    key_zh = provider.field.zh[ci % len(provider.field.zh)]
                    w = _write(context, key_en, key_zh, values, provider.part)
                    n += 1
                    path = folder / f"{n}{_suffix(context)}"
                    text = "".join(w.parts)
                    path.write_text(text, encoding="utf-8")
                    found = [x for x in scan_file(path, detector) if isinstance(x, Located)]
                    for a, b in _score(
                        found, w.spans, provider.kind, tallies[provider.name][context]
                    ):
                        misses[f"{provider.name} {context}"].append(f"{locale}:{text[a:b]}")
        flagged: dict[str, list[str]] = defaultdict(list)
        for name, field, make in LOOKALIKES:
            f = Faker("en_US")
            f.seed_instance(name)
            values = [make(f) for _ in range(rows)]
            for ci, context in enumerate(CONTEXTS):
                w = _write(
                    context, field.en[ci % len(field.en)], field.zh[ci % len(field.zh)], values
                )
                n += 1
                path = folder / f"{n}{_suffix(context)}"
                text = "".join(w.parts)
                path.write_text(text, encoding="utf-8")
                for x in scan_file(path, detector):
                    if isinstance(x, Located):
                        a, b = int(x.location["start"]), int(x.location["end"])
                        flagged[name].append(f"{x.hit.type}:{text[a:b]}")
        qa = folder / "qa.log"
        lines = [
            f"2024-05-01 10:0{i % 10}:00 INFO checkout test passed card={c} amount=1.00"
            for i, c in enumerate(TEST_CARDS)
        ] + [f"QA: payment with test card {c} declined as expected" for c in TEST_CARDS]
        qa.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for x in scan_file(qa, detector):
            if isinstance(x, Located):
                flagged["test_card"].append(f"{x.hit.type}:{x.hit.value}")
    _report(tallies, flagged, rows)
    if misses_file is not None:
        _write_misses(misses_file, misses, flagged)


def _write_misses(path: Path, misses: dict[str, list[str]], flagged: dict[str, list[str]]) -> None:
    """The values themselves go to a file (JSON lines), never to the screen."""
    with path.open("w", encoding="utf-8") as out:
        for key, values in sorted(misses.items()):
            out.write(json.dumps({"missed": key, "values": values}, ensure_ascii=False) + "\n")
        for name, got in sorted(flagged.items()):
            out.write(json.dumps({"flagged": name, "values": got}, ensure_ascii=False) + "\n")


def _report(tallies: dict[str, dict[str, Tally]], flagged: dict[str, list[str]], rows: int) -> None:
    print(f"recall exact/overlap per provider x context (4 locales, {rows} values each)")
    print("| provider | " + " | ".join(CONTEXTS) + " | all exact | all overlap | other |")
    print("|---" * (len(CONTEXTS) + 4) + "|")
    total = Tally()
    for provider in PROVIDERS:
        row = tallies[provider.name]
        cells = []
        t = Tally()
        for c in CONTEXTS:
            x = row[c]
            cells.append(f"{x.exact / x.gold:.2f}/{x.overlap / x.gold:.2f}" if x.gold else "-")
            t.gold += x.gold
            t.exact += x.exact
            t.overlap += x.overlap
            t.other += x.other
        total.gold += t.gold
        total.exact += t.exact
        total.overlap += t.overlap
        total.other += t.other
        print(
            f"| {provider.name} | "
            + " | ".join(cells)
            + f" | {t.exact / t.gold:.3f} | {t.overlap / t.gold:.3f} | {t.other} |"
        )
    print(
        f"| all | {'| ' * len(CONTEXTS)}{total.exact / total.gold:.3f} | "
        f"{total.overlap / total.gold:.3f} | {total.other} |"
    )
    print()
    print(f"look-alikes flagged (of {rows} each in {len(CONTEXTS)} contexts)")
    for name, _f, _m in LOOKALIKES:
        got = flagged.get(name, [])
        kinds = sorted({g.split(":", 1)[0] for g in got})
        print(f"- {name}: {len(got)} {kinds}")  # counts and types; the values: --misses FILE
    print(f"- test cards in a QA log: {len(flagged.get('test_card', []))}")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fakerprobes.numbers")
    parser.add_argument("--rows", type=int, default=10)
    parser.add_argument(
        "--misses", type=Path, metavar="FILE", help="write missed and flagged values (JSON lines)"
    )
    args = parser.parse_args()
    run(args.rows, args.misses)


if __name__ == "__main__":
    main()
