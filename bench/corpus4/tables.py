"""CSV customer exports: CRM, membership, warranty registration and HR exports, with Chinese
or English headers, quoting, embedded line breaks, Excel's ways (BOM, GBK, a leading
apostrophe or tab to keep digits as text, semicolons)."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V

Cell = list[Piece]
Field = tuple[str, str, Callable[[Random, pp.Person], Cell]]


def _digits_as_text(rng: Random, piece: Piece) -> Cell:
    r = rng.random()
    return ["'", piece] if r < 0.15 else ["\t", piece] if r < 0.25 else [piece]


def _born(rng: Random, p: pp.Person) -> Cell:
    return [V("date_of_birth", pp.written(rng, n.birth(rng), "zh" if p.chinese else "en"))]


def _remark(rng: Random, p: pp.Person) -> Cell:
    r = rng.random()
    if r < 0.4:
        return [rng.choice(("", "VIP", "老客户", "需开专票", "只接受工作日送货"))]
    if r < 0.65:
        other = pp.person(rng, 0.0)
        return [
            "代收人 ",
            V("person_name", other.full),
            "\n电话 ",
            V("phone", n.mobile_written(rng)),
        ]
    if r < 0.85:
        return [
            "上次报修",
            F(n.model(rng)),
            "，",
            F(f"FW{pp.business_day(rng):%Y%m%d}{n.digits(rng, 4)}"),
        ]
    return ['客户说"下次直接送到', F(rng.choice(pp.NAME_LIKE[:2])), '仓库"']


FIELDS: tuple[Field, ...] = (
    ("客户姓名", "Customer Name", lambda r, p: [V("person_name", p.full)]),
    ("姓名", "Name", lambda r, p: [V("person_name", p.full if r.random() < 0.8 else p.latin)]),
    ("性别", "Gender", lambda r, p: ["女" if p.female else "男"]),
    ("手机", "Mobile", lambda r, p: _digits_as_text(r, V("phone", n.mobile_written(r)))),
    ("联系电话", "Phone", lambda r, p: [parts.phone(r, 0.6)]),
    ("邮箱", "Email", lambda r, p: [V("email", pp.email(r, p))]),
    ("身份证号", "ID No.", lambda r, p: _digits_as_text(r, V("resident_id", n.resident_id(r)))),
    ("出生日期", "Date of Birth", _born),
    (
        "地址",
        "Address",
        lambda r, p: [V("address", pp.address_cn(r, True) if p.chinese else pp.address_en(r))],
    ),
    ("所在城市", "City", lambda r, p: [r.choice(("佛山", "广州", "深圳", "中山", "Hong Kong"))]),
    ("公司", "Company", lambda r, p: [r.choice(pp.COMPANIES)]),
    ("会员等级", "Tier", lambda r, p: [r.choice(("金卡", "银卡", "普通", "Gold", "Silver"))]),
    ("注册日期", "Registered", lambda r, p: [F(pp.written(r, pp.business_day(r)))]),
    (
        "最近订单号",
        "Last Order",
        lambda r, p: [
            F(n.id_lookalike(r) if r.random() < 0.5 else n.order_no(r, pp.business_day(r)))
        ],
    ),
    ("累计消费", "Total Spent", lambda r, p: [n.money(r, 10, 80000)]),
    (
        "银行卡号",
        "Card No.",
        lambda r, p: _digits_as_text(r, V("bank_card", n.grouped(n.bank_card(r), r))),
    ),
    ("车牌号", "Plate", lambda r, p: [V("licence_plate", n.plate(r))]),
    ("产品条码", "Barcode", lambda r, p: [F(n.sku(r))]),
    ("机身序列号", "Serial", lambda r, p: [F(n.serial(r))]),
    ("备注", "Remarks", _remark),
    ("客户编号", "Customer ID", lambda r, p: [f"C{n.digits(r, 7)}"]),
    (
        "护照号",
        "Passport",
        lambda r, p: [
            V("passport", n.passport(r, "CN" if p.chinese else r.choice(("DE", "US", "JP", "IN"))))
        ],
    ),
    ("信用卡", "Credit Card", lambda r, p: [V("credit_card", n.grouped(n.credit_card(r), r))]),
)
CORE = (0, 1)  # one of the name columns is always there
# how often a column is in an export (customers' cards, plates and passports are seldom)
WEIGHTS = (
    0,
    0,
    0.6,
    1.0,
    0.6,
    0.8,
    0.3,
    0.35,
    0.9,
    0.6,
    0.5,
    0.5,
    0.7,
    0.6,
    0.6,
    0.12,
    0.1,
    0.3,
    0.4,
    0.6,
    0.8,
    0.05,
    0.06,
)


def _cell(pieces: Cell, sep: str, quote_all: bool) -> Cell:
    text = "".join(p if isinstance(p, str) else p[1] for p in pieces)
    if not (quote_all or any(c in text for c in (sep, '"', "\n", "\r"))):
        return pieces
    out: Cell = ['"']
    out += [p.replace('"', '""') if isinstance(p, str) else p for p in pieces]
    return [*out, '"']


def make(rng: Random) -> tuple[Doc, str, str]:
    en = rng.random() < 0.3
    excel = rng.random() < 0.5
    encoding = rng.choice(("gbk", "utf-8-sig")) if excel and not en else "utf-8"
    sep = ";" if en and rng.random() < 0.3 else "\t" if rng.random() < 0.08 else ","
    quote_all = rng.random() < 0.3
    d = Doc("\r\n" if excel or rng.random() < 0.3 else "\n")
    chosen = [rng.choice(CORE)]
    others = [i for i in range(len(FIELDS)) if i not in CORE]
    for _ in range(rng.randint(4, 10)):
        i = rng.choices(others, [WEIGHTS[j] for j in others])[0]
        others.remove(i)
        chosen.append(i)
    rng.shuffle(chosen)
    header: list[str] = [FIELDS[i][1] if en else FIELDS[i][0] for i in chosen]
    for k, h in enumerate(header):
        d.put(*(_cell([h], sep, quote_all)), sep if k < len(header) - 1 else "\n")
    rows = rng.randint(4, 30)
    for _ in range(rows):
        p = pp.person(rng, 0.25 if en else 0.05)
        for k, i in enumerate(chosen):
            pieces = FIELDS[i][2](rng, p)
            d.put(*_cell(pieces, sep, quote_all), sep if k < len(chosen) - 1 else "\n")
    return d, "csv" if sep != "\t" else "tsv", encoding
