"""How the scanner reads names, addresses and phones as Faker writes them (issue 18, R2.7).

`PYTHONPATH=. .venv/bin/python -m bench.fakerprobes.people [N] [--json FILE] [--misses FILE]`
writes, for each locale (zh_CN, zh_TW, en_US, en_GB) and each Faker provider of a name, an
address or a phone, N values (40 unless told) into five contexts a user's files hold them in:

- csv: a column whose header says what it is (姓名 / 联系人 / 客户名称 / name / contact /
  full_name, 地址 / 住址 / 收货地址 / address / shipping_address, 电话 / 手机 / 联系电话 /
  phone / mobile / tel), beside an order, part, serial and version column;
- json: the same as JSON lines with those keys;
- line: a labelled line in free text (`地址：…`, `Address: …`, `Tel: …`);
- mail: a message's From header and its signature (name, phone and address lines unlabelled);
- prose: a sentence a person would still read (`请寄到…`, `Please ship it to …`).

It scans them in process (sources.files.scan_file, the native detector) and prints recall
per locale × provider × context, as exact spans and as overlaps of a hit of the right type,
and the look-alikes: the same Faker phone writings, order numbers and versions under order,
part, serial and version fields or labels, where any hit is a false one. The values are
Faker's own (seeded), not any corpus's: this measures families of writings, never a set.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file
from piiguard.scanner.sources.model import Located

SEED = 1818
LOCALES = ("zh_CN", "zh_TW", "en_US", "en_GB")
KIND_TYPE = {"name": "person_name", "address": "address", "phone": "phone"}
CONTEXTS = ("csv", "json", "line", "mail", "prose")

HEADERS = {
    "zh": [
        ("姓名", "电话", "地址", "订单号", "料号"),
        ("联系人", "手机", "住址", "单号", "版本"),
        ("客户名称", "联系电话", "收货地址", "序列号", "物料编码"),
    ],
    "en": [
        ("name", "phone", "address", "order_no", "part_no"),
        ("contact", "mobile", "shipping_address", "serial", "version"),
        ("full_name", "tel", "address", "order_id", "sku"),
    ],
}
LABELS = {
    "zh": {"name": "姓名：", "address": "地址：", "phone": "电话：", "other": "订单号："},
    "en": {"name": "Name: ", "address": "Address: ", "phone": "Tel: ", "other": "Part No.: "},
}


def _providers(locale: str) -> dict[str, tuple[str, Callable[[Faker], str]]]:
    """provider label -> (kind, how to write one value)."""
    out: dict[str, tuple[str, Callable[[Faker], str]]] = {
        "name": ("name", lambda f: f.name()),
        "name_male": ("name", lambda f: f.name_male()),
        "address": ("address", lambda f: f.address()),
        "street_address": ("address", lambda f: f.street_address()),
        "phone_number": ("phone", lambda f: f.phone_number()),
    }
    if locale.startswith("zh"):
        out["romanized_name"] = ("name", lambda f: f.romanized_name())
    else:
        out["prefix+name"] = ("name", lambda f: f"{f.prefix()} {f.first_name()} {f.last_name()}")
        if locale == "en_US":
            out["name+suffix"] = (
                "name",
                lambda f: f"{f.first_name()} {f.last_name()} {f.suffix()}",
            )
    return out


def _lookalike(f: Faker, i: int) -> str:
    """A value in a phone's or an address's layout that is none: under an order, part,
    serial or version field it must stay quiet."""
    shapes = (
        f.phone_number,
        lambda: f.numerify("1##########"),
        lambda: f.numerify("#.#.####"),
        lambda: f.bothify("??-####-####").upper(),
        lambda: f.numerify("(###)###-####"),
        lambda: f.numerify("###.###.####x####"),
    )
    return shapes[i % len(shapes)]()


_POSTCODE_AFTER = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z]) \d{6}$")


@dataclass
class Expect:
    locale: str
    provider: str
    context: str
    kind: str  # name / address / phone / lookalike
    value: str
    start: int
    end: int


@dataclass
class Doc:
    name: str
    parts: list[str] = field(default_factory=list)
    expects: list[Expect] = field(default_factory=list)
    size: int = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def value(self, locale: str, provider: str, context: str, kind: str, value: str) -> None:
        # (a mainland postcode after an address is not the address's, as the blind corpora
        # 8 and 13 read it: the span expected ends before it)
        core = _POSTCODE_AFTER.sub("", value) if kind == "address" else value
        self.expects.append(
            Expect(locale, provider, context, kind, value, self.size, self.size + len(core))
        )
        self.add(value)

    def text(self) -> str:
        return "".join(self.parts)


def _flat(value: str, locale: str) -> str:
    return value.replace("\n", "，" if locale.startswith("zh") else ", ")


def _csv_field(doc: Doc, exp: tuple[str, str, str, str], value: str) -> None:
    if any(c in value for c in ',"\n'):
        doc.add('"')
        doc.value(*exp, value)
        doc.add('"')
    else:
        doc.value(*exp, value)


Row = dict[str, tuple[str, str]]  # kind -> (provider, value)


def _docs(n: int) -> list[Doc]:
    docs: list[Doc] = []
    for locale in LOCALES:
        f = Faker(locale)
        f.seed_instance(SEED)
        provs = _providers(locale)
        by_kind: dict[str, list[str]] = defaultdict(list)
        for label, (kind, _) in provs.items():
            by_kind[kind].append(label)
        # rows: each row takes one provider of each kind in turn
        rows = n * max(len(v) for v in by_kind.values())
        values = [
            {
                k: (labs[i % len(labs)], provs[labs[i % len(labs)]][1](f))
                for k, labs in by_kind.items()
            }
            for i in range(rows)
        ]
        looks = [(_lookalike(f, i), _lookalike(f, i + 3)) for i in range(rows)]
        docs += _tables(locale, values, looks) + _texts(locale, values, looks)
    return docs


def _tables(locale: str, values: list[Row], looks: list[tuple[str, str]]) -> list[Doc]:
    """A CSV file and a JSON-lines file per header set: the values under their columns."""
    lang = "zh" if locale.startswith("zh") else "en"
    docs = []
    for h, (hn, hp, ha, ho, hx) in enumerate(HEADERS[lang]):
        csv = Doc(f"{locale}_{h}.csv")
        csv.add(f"id,{hn},{hp},{ha},{ho},{hx},{'备注' if lang == 'zh' else 'note'}\n")
        js = Doc(f"{locale}_{h}.jsonl")
        for i in range(h, len(values), len(HEADERS[lang])):
            row = values[i]
            csv.add(f"{i + 1},")
            for kind in ("name", "phone", "address"):
                label, value = row[kind]
                _csv_field(csv, (locale, label, "csv", kind), value)
                csv.add(",")
            _csv_field(csv, (locale, "-", "csv", "lookalike"), looks[i][0])
            csv.add(",")
            _csv_field(csv, (locale, "-", "csv", "lookalike"), looks[i][1])
            csv.add(",\n")
            js.add(f'{{"id": {i + 1}')
            for key, kind in ((hn, "name"), (hp, "phone"), (ha, "address")):
                label, value = row[kind]
                js.add(f', "{key}": "')
                js.value(locale, label, "json", kind, json.dumps(value, ensure_ascii=False)[1:-1])
                js.add('"')
            for key, look in ((ho, looks[i][0]), (hx, looks[i][1])):
                js.add(f', "{key}": "')
                js.value(locale, "-", "json", "lookalike", look)
                js.add('"')
            js.add("}\n")
        docs += [csv, js]
    return docs


_MAIL_HEAD = {
    "zh": "Subject: 订单确认\n\n您好，\n\n附件是本月的订单，请查收。\n\n此致\n",
    "en": "Subject: Order confirmation\n\nHi,\n\nPlease find this month's order attached.\n\n"
    "Best regards,\n",
}
# (before the name, the address, the phone, the look-alike; and after the look-alike)
_PROSE = {
    "zh": (
        "您好，我是",
        "，上周的货还没到。麻烦请寄到",
        "，有问题打我电话",
        "。另外订单",
        "的发票也请一起寄。\n\n",
    ),
    "en": (
        "Hello, this is ",
        ". The parcel has not arrived yet; please ship it to ",
        " and call me on ",
        " if anything is unclear. The invoice for order ",
        " should come with it.\n\n",
    ),
}


def _texts(locale: str, values: list[Row], looks: list[tuple[str, str]]) -> list[Doc]:
    """Labelled lines, mail (a From header and a signature), and prose."""
    lang = "zh" if locale.startswith("zh") else "en"
    lines, prose, mails = Doc(f"{locale}_lines.txt"), Doc(f"{locale}_prose.txt"), []
    lab = LABELS[lang]
    for i, row in enumerate(values):
        lines.add(f"记录 {i + 1}\n" if lang == "zh" else f"Record {i + 1}\n")
        for kind in ("name", "phone", "address"):
            label, value = row[kind]
            lines.add(lab[kind])
            lines.value(locale, label, "line", kind, _flat(value, locale))
            lines.add("\n")
        lines.add(lab["other"])
        lines.value(locale, "-", "line", "lookalike", looks[i][0])
        lines.add("\n\n")
        if i % 4 == 0:
            mails.append(Doc(f"{locale}_mail_{i}.eml"))
        m = mails[-1]
        (nl, name), (pl, phone), (al, addr) = row["name"], row["phone"], row["address"]
        m.add('From: "')
        m.value(locale, nl, "mail", "name", name)
        m.add(f'" <user{i}@example.com>\nTo: sales@example.com\n' + _MAIL_HEAD[lang])
        m.value(locale, nl, "mail", "name", name)
        m.add("\n销售部\n" if lang == "zh" else "\nSales Department\n")
        m.value(locale, pl, "mail", "phone", phone)
        m.add("\n")
        m.value(locale, al, "mail", "address", addr)
        m.add("\n\n" + ("订单号 " if lang == "zh" else "Order ref "))
        m.value(locale, "-", "mail", "lookalike", looks[i][1])
        m.add("\n\n")
        words = _PROSE[lang]
        for said, (kind, label, value) in zip(
            words,
            (("name", nl, name), ("address", al, _flat(addr, locale)), ("phone", pl, phone)),
            strict=False,
        ):
            prose.add(said)
            prose.value(locale, label, "prose", kind, value)
        prose.add(words[3])
        prose.value(locale, "-", "prose", "lookalike", looks[i][0])
        prose.add(words[4])
    return [lines, prose, *mails]


def _score(
    docs: list[Doc],
) -> tuple[dict[tuple[str, str, str, str], list[int]], list[dict[str, object]]]:
    """(locale, kind, provider, context) -> [count, exact, overlap]; lookalikes' counts are
    [count, hit, 0] under provider '-'. And the misses."""
    detector = Detector()
    table: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    misses: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for doc in docs:
            path = Path(tmp) / doc.name
            path.write_text(doc.text(), encoding="utf-8")
            hits = [o.hit for o in scan_file(path, detector) if isinstance(o, Located)]
            for e in doc.expects:
                cell = table[(e.locale, e.kind, e.provider, e.context)]
                cell[0] += 1
                over = [h for h in hits if h.start < e.end and e.start < h.end]
                if e.kind == "lookalike":
                    if over:
                        cell[1] += 1
                        misses.append(
                            {
                                "doc": doc.name,
                                "kind": "lookalike",
                                "value": e.value,
                                "hits": [(h.type, h.value) for h in over],
                            }
                        )
                    continue
                typed = [h for h in over if h.type == KIND_TYPE[e.kind]]
                exact = any(h.start == e.start and h.end == e.end for h in typed)
                cell[1] += exact
                cell[2] += bool(typed)
                if not exact:
                    misses.append(
                        {
                            "doc": doc.name,
                            "kind": e.kind,
                            "provider": e.provider,
                            "context": e.context,
                            "value": e.value,
                            "hits": [(h.type, h.value) for h in over],
                        }
                    )
    return table, misses


def _markdown(table: dict[tuple[str, str, str, str], list[int]]) -> str:
    out = [
        "| locale | kind | provider | " + " | ".join(CONTEXTS) + " |",
        "|---|---|---|" + "---|" * len(CONTEXTS),
    ]
    keys = sorted({k[:3] for k in table}, key=lambda k: (LOCALES.index(k[0]), k[1], k[2]))
    for locale, kind, provider in keys:
        cells = []
        for ctx in CONTEXTS:
            c = table.get((locale, kind, provider, ctx))
            if not c or not c[0]:
                cells.append("")
            elif kind == "lookalike":
                cells.append(f"{c[1]}/{c[0]} hit")
            else:
                cells.append(f"{c[1] / c[0]:.2f} / {c[2] / c[0]:.2f}")
        out.append(f"| {locale} | {kind} | {provider} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main(argv: list[str]) -> None:
    n = 40
    out_json = misses_file = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--json":
            out_json = args.pop(0)
        elif a == "--misses":
            misses_file = args.pop(0)
        else:
            n = int(a)
    table, misses = _score(_docs(n))
    print("exact / overlap recall per context; look-alikes: values with any hit\n")
    print(_markdown(table))
    tot: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for (_, kind, _, _), c in table.items():
        for j in range(3):
            tot[kind][j] += c[j]
    print()
    for kind, c in sorted(tot.items()):
        if kind == "lookalike":
            print(f"lookalike: {c[1]}/{c[0]} with a hit")
        else:
            print(f"{kind}: exact {c[1] / c[0]:.3f} overlap {c[2] / c[0]:.3f} ({c[0]})")
    if out_json:
        Path(out_json).write_text(
            json.dumps({"|".join(k): v for k, v in table.items()}, ensure_ascii=False, indent=1)
        )
    if misses_file:
        Path(misses_file).write_text(
            "\n".join(json.dumps(m, ensure_ascii=False) for m in misses) + "\n"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
