"""CSV customer exports and JSON database dumps: values whose meaning is in the header or
the key."""

from __future__ import annotations

import json

from bench.corpus11.doc import Doc
from bench.corpus11.fields import FIELDS, OPTIONAL, header, value
from bench.corpus11.values import Values

CSV_NAMES = [
    "客户导出",
    "crm_export",
    "会员名单",
    "customers",
    "售后回访",
    "dealer_contacts",
    "export",
]


def _cell(d: Doc, kind: str | None, text: str, delim: str, quote_all: bool) -> None:
    quoted = quote_all or delim in text or "\n" in text or '"' in text
    inner = text.replace('"', '""')
    if quoted:
        d.t('"')
    if kind and '"' not in text:
        d.v(kind, inner)
    else:
        d.t(inner)
    if quoted:
        d.t('"')


def crm_csv(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    """A customer export: Chinese, English, invented or no headers; , ; tab or | between
    cells; some cells quoted, an address now and then over two lines."""
    keys = ["name", *v.r.sample(OPTIONAL, v.r.randint(3, 8))]
    v.r.shuffle(keys)
    style = v.pick(["zh", "zh", "en", "short", "mixed", "none"])
    delim = v.pick([",", ",", ",", ";", "\t", "|"])
    quote_all = v.r.random() < 0.3
    d = Doc()
    if v.r.random() < 0.15:
        d.t(f"华康电器 CRM 导出 / exported {v.date()} by ").v("person_name", v.zh()).t("\n")
    if style != "none":
        heads = [header(v, k, style) for k in keys]
        d.t(delim.join(f'"{h}"' if quote_all else h for h in heads) + "\n")
    for _ in range(v.r.randint(6, 30)):
        for n, k in enumerate(keys):
            if n:
                d.t(delim)
            if v.r.random() < 0.06:
                continue  # an empty cell
            kind, text = value(v, k)
            if k == "address" and v.r.random() < 0.15 and delim != "\t":
                d.t('"').v(kind or "", text).t("\n").v(kind or "", v.address()).t('"')
                continue
            _cell(d, kind, text, delim, quote_all)
        d.t("\n")
    ext = "tsv" if delim == "\t" and i % 2 else "csv" if delim != "|" else "txt"
    opts = {"bom": i % 3 == 0, "crlf": i % 2 == 0, "gbk": i % 7 == 3}
    return f"crm_csv/{v.pick(CSV_NAMES)}_{i:04d}.{ext}", d, opts


KEYS = {  # a field's key in each style of dump
    "camel": {
        "name": "customerName",
        "phone": "mobilePhone",
        "email": "emailAddr",
        "address": "homeAddress",
        "dob": "birthDate",
        "rid": "idCardNo",
        "passport": "passportNo",
        "plate": "plateNo",
        "card": "refundCardNo",
        "account": "bankAccountNo",
        "ip": "clientIp",
        "gps": "geoPoint",
        "member": "memberCode",
        "order_date": "orderDate",
        "serial": "deviceSn",
        "model": "productModel",
        "amount": "totalAmount",
        "gender": "gender",
        "city": "cityName",
        "points": "pointBalance",
        "credit": "creditCardNo",
        "postcode": "zipCode",
        "invoice": "invoiceNo",
    },
    "snake": {
        "name": "full_name",
        "phone": "phone_no",
        "email": "email",
        "address": "addr_line",
        "dob": "birthday",
        "rid": "id_number",
        "passport": "passport_no",
        "plate": "plate_no",
        "card": "card_no",
        "account": "acct_no",
        "ip": "ip_addr",
        "gps": "lat_lng",
        "member": "member_id",
        "order_date": "created_date",
        "serial": "sn",
        "model": "model_code",
        "amount": "amount",
        "gender": "sex",
        "city": "city",
        "points": "points",
        "credit": "cc_number",
        "postcode": "post_code",
        "invoice": "invoice_no",
    },
    "pinyin": {
        "name": "xm",
        "phone": "sjh",
        "email": "yx",
        "address": "zz",
        "dob": "csrq",
        "rid": "sfzh",
        "passport": "hzhm",
        "plate": "cph",
        "card": "yhkh",
        "account": "yhzh",
        "ip": "ipdz",
        "gps": "zb",
        "member": "hybh",
        "order_date": "xdrq",
        "serial": "xlh",
        "model": "xh",
        "amount": "je",
        "gender": "xb",
        "city": "cs",
        "points": "jf",
        "credit": "xykh",
        "postcode": "yzbm",
        "invoice": "fphm",
    },
    "upper": {
        k: k.upper() + ("_NO" if k in ("rid", "passport", "card", "account", "credit") else "")
        for k in FIELDS
    },
}


def _str(d: Doc, kind: str | None, text: str) -> None:
    d.t('"')
    if kind:
        d.v(kind, text)
    else:
        d.t(text)
    d.t('"')


def _record(
    v: Values,
    d: Doc,
    keys: list[str],
    names: dict[str, str],
    indent: str,
    nl: str,
    tail: str = "",
    head: str = "{",
) -> None:
    inner = indent + ("  " if nl else "")
    d.t(head + nl)
    for n, k in enumerate(keys):
        d.t(f'{inner}"{names[k]}": ')
        kind, text = value(v, k)
        if k == "gps" and v.r.random() < 0.5:
            lat, lng = 22.5 + v.r.random(), 112.8 + v.r.random()
            d.t('{"lat": ').v("coordinates", f'{lat:.6f}, "lng": {lng:.6f}').t("}")
        elif k == "points":
            d.t(text)
        elif k == "phone" and v.r.random() < 0.3:
            d.t("[")
            _str(d, kind, text)
            d.t(", ")
            _str(d, kind, v.phone())
            d.t("]")
        else:
            _str(d, kind, text)
        d.t(("," if n < len(keys) - 1 else "") + (nl or " "))
    d.t(tail + indent + "}")


def db_json(v: Values, i: int) -> tuple[str, Doc, dict[str, object]]:
    """A dump: an array of records (pretty or on one line), mongoexport lines with $oid and
    $date, Navicat's {"RECORDS": [...]}, or an API page {"code": 0, "data": {"list": ...}}."""
    style = v.pick(list(KEYS))
    names = KEYS[style]
    keys = ["name", *v.r.sample(OPTIONAL, v.r.randint(3, 7))]
    shape = v.pick(["array", "mongo", "records", "api", "array"])
    d = Doc()
    rows = v.r.randint(3, 14)
    if shape == "mongo":
        for _ in range(rows):
            d.t('{"_id": {"$oid": "').la(v.hexid(24)).t('"}, ')
            when = f"{v.date()[:4]}-03-0{v.r.randint(1, 9)}T08:00:00Z"
            _record(v, d, keys, names, "", "", f', "updatedAt": {{"$date": "{when}"}}', head="")
            d.t("\n")
        return f"db_json/{v.pick(['customers', 'members', 'warranty'])}_{i:04d}.json", d, {}
    nl = "" if v.r.random() < 0.3 else "\n"
    ind = "  " if nl else ""
    if shape == "records":
        d.t('{"RECORDS":[' + nl)
    elif shape == "api":
        d.t('{"code": 0, "msg": "success", "traceId": "').la(v.hexid(32)).t(
            f'", "data": {{"total": {rows}, "list": [' + nl
        )
    else:
        d.t("[" + nl)
    for n in range(rows):
        d.t(ind)
        _record(v, d, keys, names, ind, nl)
        d.t(("," if n < rows - 1 else "") + nl)
    d.t("]}}" if shape == "api" else "]}" if shape == "records" else "]")
    d.t("\n")
    json.loads(d.text())  # a dump that parses
    return (
        f"db_json/{v.pick(['t_customer', 'hr_employee', 'crm_contact', 'dump'])}_{i:04d}.json",
        d,
        {},
    )
