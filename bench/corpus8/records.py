"""Rows of CRM/ERP/HR records and the exports they end up in: CSV and TSV (English, Chinese
or pinyin-abbreviated headers), JSON database dumps and JSON lines, product tables."""

from __future__ import annotations

import json
import random
from collections.abc import Callable

from bench.corpus8 import fakes
from bench.corpus8 import values as v
from bench.corpus8.doc import Cell, Doc, plain
from bench.corpus8.people import Person, person

# field: (English, Chinese, pinyin abbreviation)
HEADERS = {
    "id": ("customer_id", "客户编号", "khbh"),
    "name": ("name", "姓名", "xm"),
    "company": ("company", "客户名称", "khmc"),
    "gender": ("gender", "性别", "xb"),
    "dob": ("birthday", "出生日期", "csrq"),
    "rid": ("id_card_no", "身份证号", "sfzh"),
    "mobile": ("mobile", "手机号码", "sjhm"),
    "tel": ("phone", "联系电话", "lxdh"),
    "email": ("email", "电子邮箱", "yx"),
    "address": ("address", "联系地址", "dz"),
    "account": ("bank_account", "银行账号", "yhzh"),
    "card": ("card_no", "银行卡号", "yhkh"),
    "plate": ("plate_no", "车牌号", "cph"),
    "ip": ("last_login_ip", "最后登录IP", "dlip"),
    "order": ("order_no", "订单号", "ddh"),
    "part": ("part_no", "物料编码", "wlbm"),
    "amount": ("amount", "金额", "je"),
    "created": ("created_at", "创建时间", "cjsj"),
    "serial": ("serial_no", "机身序列号", "xlh"),
    "passport": ("passport_no", "护照号码", "hzhm"),
    "remark": ("remark", "备注", "bz"),
}
COMPANIES = (
    "佛山市南海区恒达五金制品有限公司",
    "顺德区美佳电器有限公司",
    "广州市天河区联创贸易有限公司",
    "KALTEK GmbH",
    "Brightline Supplies Ltd.",
    "个人客户",
    "深圳市南山区鑫源科技有限公司",
)
REMARKS = ("", "", "", "老客户", "VIP", "需开专票", "月结30天", "回访满意", "地址已更新", "dealer")


def created(r: random.Random) -> str:
    return (
        f"{r.randrange(2023, 2027)}-{r.randrange(1, 13):02d}-{r.randrange(1, 29):02d} "
        f"{r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d}"
    )


def _maybe(r: random.Random, share: float, kind: str, value: Callable[[], str]) -> Cell:
    """A labelled value in `share` of the rows, an empty cell in the others."""
    return (kind, value()) if r.random() < share else ""


def _cell(r: random.Random, p: Person, f: str) -> Cell:
    if f in ("company", "gender", "amount", "created", "remark", "id"):
        plain_cells: dict[str, Callable[[], str]] = {
            "company": lambda: r.choice(COMPANIES),
            "gender": lambda: r.choice(("男", "女", "M", "F", "1", "2")),
            "amount": lambda: f"{r.randrange(100, 9_999_999) / 100:.2f}",
            "created": lambda: created(r),
            "remark": lambda: r.choice(REMARKS),
            "id": lambda: f"{r.choice(('C', 'KH', 'CUS', ''))}{r.randrange(10000, 999999)}",
        }
        return plain_cells[f]()
    if f == "dob":
        style = r.choice(("iso", "iso", "slash_ymd", "compact", "cn"))
        return ("date_of_birth", v.fmt_date(p.born, r, style))
    if f == "rid":
        return ("resident_id", p.rid) if p.rid and r.random() < 0.95 else ""
    if f == "address":
        return ("address", v.cn_address(r) if not p.latin else v.en_address(r))
    if f in ("name", "mobile", "email"):
        return _maybe(r, 0.85 if f == "email" else 1.0, FIELD_TYPES[f], lambda: getattr(p, f))
    share, make = {
        "tel": (0.6, v.cn_landline),
        "account": (0.8, v.bank_account),
        "card": (0.8, v.card),
        "plate": (0.6, v.plate),
        "ip": (1.0, v.ip_address),
        "order": (1.0, fakes.order_number),
        "part": (1.0, fakes.part_number),
        "serial": (1.0, fakes.serial),
        "passport": (0.5, lambda r: v.passport(r)[1]),
    }[f]
    return _maybe(r, share, FIELD_TYPES[f], lambda: make(r))


FIELD_TYPES = {
    "name": "person_name",
    "mobile": "phone",
    "email": "email",
    "tel": "phone",
    "account": "bank_account",
    "card": "credit_card",
    "plate": "licence_plate",
    "ip": "ip_address",
    "order": "lookalike",
    "part": "lookalike",
    "serial": "lookalike",
    "passport": "passport",
}


def record(r: random.Random, fields: list[str]) -> dict[str, Cell]:
    """One customer/employee row; personal values as ("type", value)."""
    p = person(r)
    return {f: _cell(r, p, f) for f in fields}


TABLES = (
    ["id", "name", "gender", "mobile", "tel", "email", "address", "created", "remark"],
    ["id", "company", "name", "mobile", "email", "order", "amount", "created"],
    ["id", "name", "rid", "dob", "mobile", "address", "account", "remark"],
    ["id", "name", "mobile", "plate", "serial", "address", "created"],
    ["id", "name", "email", "ip", "created", "remark"],
    ["id", "name", "passport", "dob", "mobile", "email", "remark"],
    ["id", "name", "card", "mobile", "amount", "order", "created"],
)


def csv_text(r: random.Random, rows: int, sep: str = ",") -> tuple[Doc, str]:
    """A CSV (or TSV) export; returns the doc and its header language."""
    fields = list(r.choice(TABLES))
    if r.random() < 0.3:
        r.shuffle(fields)
    lang = r.randrange(3)
    doc = Doc(crlf=r.random() < 0.5)
    doc.t(sep.join(HEADERS[f][lang] for f in fields) + "\n")
    for _ in range(rows):
        row = record(r, fields)
        for i, f in enumerate(fields):
            if i:
                doc.t(sep)
            cell = row[f]
            quote = sep == "," and ("," in plain(cell) or r.random() < 0.1)
            doc.t('"' if quote else "").add(cell).t('"' if quote else "")
        doc.t("\n")
    return doc, ("en", "zh", "py")[lang]


def product_table(r: random.Random, rows: int, sep: str = ",") -> Doc:
    """A neutral parts list (no personal data) with phone- and IP-shaped look-alikes."""
    doc = Doc(crlf=r.random() < 0.5)
    doc.t(
        sep.join(
            r.choice(
                (
                    ("物料编码", "名称", "规格", "单位", "单价", "固件版本", "库存"),
                    ("part_no", "description", "spec", "uom", "unit_price", "fw_version", "stock"),
                )
            )
        )
        + "\n"
    )
    for _ in range(rows):
        zh, en = r.choice(fakes.PRODUCTS)
        label = r.random() < 0.5
        doc.v("lookalike", fakes.part_number(r)) if label else doc.t(fakes.part_number(r))
        doc.t(f"{sep}{zh if r.random() < 0.5 else en}{sep}{fakes.model_number(r)}{sep}")
        doc.t(
            f"{r.choice(('PCS', '个', 'SET', 'KG'))}{sep}{r.randrange(100, 99999) / 100:.2f}{sep}"
        )
        doc.v("lookalike", fakes.version(r)) if label else doc.t(fakes.version(r))
        doc.t(f"{sep}{r.randrange(0, 5000)}\n")
    return doc


KEYS = {
    "name": ("name", "full_name", "realName", "xm", "contact_name"),
    "mobile": ("mobile", "phone", "tel", "cellphone", "sjh"),
    "email": ("email", "mail", "emailAddr"),
    "rid": ("idCard", "id_no", "sfzh", "cert_no"),
    "dob": ("birthday", "dob", "birth_date"),
    "address": ("address", "addr", "detailAddress", "shipping_address"),
    "ip": ("ip", "client_ip", "login_ip", "remote_addr"),
}


def _key(r: random.Random, what: str) -> str:
    return r.choice(KEYS[what])


def _json_value(doc: Doc, cell: Cell) -> None:
    text = plain(cell)
    quoted = json.dumps(text, ensure_ascii=False)
    if isinstance(cell, tuple) and quoted == f'"{text}"':
        doc.t('"').v(cell[0], text).t('"')
    else:
        doc.t(quoted)


def json_record(doc: Doc, r: random.Random, indent: str) -> None:
    """One nested object (a customer with contacts, KYC and orders) written into `doc`."""
    p = person(r)
    inner, deeper = indent + "  ", indent + "    "
    items: list[tuple[str, object]] = [
        ("_id", f"{r.randrange(16**12):012x}"),
        (_key(r, "name"), ("person_name", p.name)),
        (_key(r, "mobile"), ("phone", p.mobile)),
    ]
    if r.random() < 0.7:
        items.append((_key(r, "email"), ("email", p.email)))
    if p.rid and r.random() < 0.5:
        items.append(
            (
                "kyc",
                [
                    (_key(r, "rid"), ("resident_id", p.rid)),
                    (_key(r, "dob"), ("date_of_birth", v.fmt_date(p.born, r, "iso"))),
                    ("verified", "true"),
                ],
            )
        )
    items.append(
        (
            "addresses",
            [
                [
                    ("type", r.choice(("home", "ship", "bill"))),
                    ("detail", ("address", v.cn_address(r) if not p.latin else v.en_address(r))),
                    ("zip", r.choice(("528000", "528200", "510000"))),
                ]
                for _ in range(r.randrange(1, 3))
            ],
        )
    )
    if r.random() < 0.5:
        lat, lng = v.coordinates(r)
        items.append(
            (
                "location",
                [("lat", ("coordinates", f"{lat:.6f}")), ("lng", ("coordinates", f"{lng:.6f}"))],
            )
        )
    items.append(
        (
            "orders",
            [
                [
                    ("order_no", ("lookalike", fakes.order_number(r))),
                    ("amount", f"{r.randrange(100, 999999) / 100:.2f}"),
                    ("tracking", ("lookalike", fakes.tracking(r))),
                    ("created", created(r)),
                ]
                for _ in range(r.randrange(0, 3))
            ],
        )
    )
    items.append((_key(r, "ip"), ("ip_address", v.ip_address(r))))
    items.append(("app_version", ("lookalike", fakes.version(r))))
    doc.t("{\n")
    for i, (k, val) in enumerate(items):
        doc.t(f'{inner}"{k}": ')
        _json_any(doc, val, inner, deeper)
        doc.t(",\n" if i < len(items) - 1 else "\n")
    doc.t(indent + "}")


def _json_any(doc: Doc, val: object, inner: str, deeper: str) -> None:
    if isinstance(val, list) and val and isinstance(val[0], list):  # array of objects
        doc.t("[")
        for j, obj in enumerate(val):
            doc.t("{")
            for m, (k, x) in enumerate(obj):
                doc.t(f'"{k}": ')
                _json_value(doc, x)
                doc.t(", " if m < len(obj) - 1 else "")
            doc.t("}" + (", " if j < len(val) - 1 else ""))
        doc.t("]")
    elif isinstance(val, list) and val:  # one object
        doc.t("{\n")
        for m, (k, x) in enumerate(val):
            doc.t(f'{deeper}"{k}": ')
            _json_value(doc, x)
            doc.t(",\n" if m < len(val) - 1 else "\n")
        doc.t(inner + "}")
    elif isinstance(val, list):
        doc.t("[]")
    elif val == "true":
        doc.t("true")
    else:
        _json_value(doc, val)  # type: ignore[arg-type]


def json_dump(r: random.Random, n: int) -> Doc:
    doc = Doc()
    wrapper = r.random() < 0.5
    doc.t(
        '{"table": "crm_customer", "exported": "' + created(r) + '", "rows": [\n'
        if wrapper
        else "[\n"
    )
    for i in range(n):
        doc.t("  ")
        json_record(doc, r, "  ")
        doc.t(",\n" if i < n - 1 else "\n")
    doc.t("]}\n" if wrapper else "]\n")
    return doc


def jsonl_dump(r: random.Random, n: int) -> Doc:
    """Event or audit rows, one JSON object a line (compact)."""
    doc = Doc()
    for _ in range(n):
        p = person(r)
        doc.t(
            '{"ts": "'
            + created(r)
            + '", "event": "'
            + r.choice(("login", "update_profile", "checkout", "export"))
            + '", '
        )
        doc.t('"user": {"uid": ' + str(r.randrange(10000, 99999)) + ', "nick": ')
        _json_value(doc, ("person_name", p.name))
        doc.t(', "phone": ')
        _json_value(doc, ("phone", p.mobile) if r.random() < 0.6 else "")
        doc.t('}, "ip": ')
        _json_value(doc, ("ip_address", v.ip_address(r)))
        doc.t(', "ua_ver": ')
        _json_value(doc, ("lookalike", fakes.version(r)))
        doc.t(', "req_id": "' + f"{r.randrange(16**16):016x}" + '"}\n')
    return doc
