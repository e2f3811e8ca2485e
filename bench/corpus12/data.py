"""Corpus 12's CRM exports (Salesforce, HubSpot, 纷享销客, 销售易, pinyin- and abbreviation-
headed tables; `,` `;` and tab, empty and multi-line cells, GBK and BOM, xlsx) and database
dumps (MySQL JSON, MongoDB extended JSON, Elasticsearch hits, JSON lines; phones as
numbers, \\u-escaped text, base64 blobs, JWTs, nested arrays, null)."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from bench.corpus12.out import Out, text_file, xlsx_file
from bench.corpus12.people import P, person
from bench.corpus12.values import Doc, Gen

L = "lookalike"


@dataclass(frozen=True, slots=True)
class Lab:
    type: str
    value: str | int


def _cols(g: Gen, system: str) -> list[str]:
    r = g.r
    cols = {
        "salesforce": [
            "First Name",
            "Last Name",
            "Account Name",
            "Title",
            "Phone",
            "Mobile",
            "Email",
            "Mailing Street",
            "Birthdate",
            "Lead Source",
            "Created Date",
            "Description",
        ],
        "hubspot": [
            "Record ID",
            "First Name",
            "Last Name",
            "Email",
            "Phone Number",
            "Company Name",
            "Create Date",
            "IP Address",
            "Lifecycle Stage",
            "Notes",
        ],
        "fxiaoke": [
            "客户名称",
            "联系人",
            "手机",
            "电话",
            "邮箱",
            "详细地址",
            "生日",
            "负责人",
            "创建时间",
            "备注",
        ],
        "xiaoshouyi": [
            "联系人姓名",
            "手机号码",
            "身份证号",
            "开户行",
            "银行账号",
            "地址",
            "最近跟进",
            "跟进记录",
        ],
        "pinyin": ["xingming", "shouji", "sfzh", "dizhi", "chushengriqi", "chepai", "beizhu"],
        "abbr": [
            "cust_nm",
            "mob_no",
            "eml",
            "addr_ln1",
            "dob",
            "crd_no",
            "iban_no",
            "last_ip",
            "rmk",
        ],
    }[system]
    del r
    return cols


def _cell(g: Gen, col: str, p: P, born: Any) -> Any:  # noqa: PLR0911, PLR0912 - per column
    """A cell's value for a column: a Lab, a plain string, or None (left empty)."""
    r = g.r
    if r.random() < 0.08:
        return None
    c = col.lower()
    if c in ("first name",):
        return Lab("person_name", p.latin.split()[0])
    if c in ("last name",):
        return Lab("person_name", p.latin.split()[-1])
    if c in ("联系人", "联系人姓名", "xingming", "cust_nm", "负责人"):
        return Lab("person_name", p.name if c != "负责人" else g.cn())
    if c in ("phone", "电话"):
        return Lab("phone", g.landline() if p.where == "CN" else p.phone)
    if c in ("mobile", "phone number", "手机", "手机号码", "shouji", "mob_no"):
        return Lab("phone", p.phone if r.random() < 0.7 else g.mobile(r.choice((0, 2))))
    if c in ("email", "邮箱", "eml"):
        return Lab("email", p.email)
    if c in ("mailing street", "详细地址", "地址", "dizhi", "addr_ln1"):
        return Lab("address", g.address(p.where))
    if c in ("birthdate", "生日", "chushengriqi", "dob"):
        return Lab("date_of_birth", g.dob(born))
    if c in ("created date", "create date", "创建时间", "最近跟进"):
        return Lab(L, g.when())
    if c in ("sfzh", "身份证号"):
        return Lab("resident_id", g.rid(born))
    if c in ("银行账号",):
        return Lab("bank_account", g.bank_account())
    if c == "iban_no":
        return Lab("iban", g.iban()) if r.random() < 0.6 else None
    if c == "crd_no":
        return Lab("credit_card", g.credit_card())
    if c in ("ip address", "last_ip"):
        return Lab("ip_address", g.ip())
    if c == "chepai":
        return Lab("licence_plate", g.plate())
    if c in ("account name", "客户名称", "company name"):
        return r.choice(
            ["古镇明辉灯饰", "Sunrise Electrical Pte Ltd", "新会恒光五金", "Dong Nai Lighting JSC"]
        )
    if c in ("description", "notes", "备注", "跟进记录", "beizhu", "rmk"):
        return r.choice(
            [
                [Lab(L, g.product()), " 样品已寄，\n客户要求 ", Lab(L, g.when()), " 前回复"],
                ["met at Guangzhou fair; likes ", Lab(L, g.product())],
                ["料号 ", Lab(L, g.part_mobile()), "\n报价待定"],
                ["老客户，介绍人 ", Lab("person_name", g.cn())],
                "",
            ]
        )
    if c == "record id":
        return str(r.randint(100000000, 999999999))
    if c == "开户行":
        return r.choice(["工商银行江门分行", "建设银行中山小榄支行", "农业银行台山支行"])
    return r.choice(["Trade show", "Web", "Customer", "Lead", "转介绍", "展会"])


def _csv_cell(doc: Doc, value: Any, delim: str) -> None:
    pieces = value if isinstance(value, list) else [value]
    flat = "".join(p.value if isinstance(p, Lab) else (p or "") for p in pieces if p is not None)
    quote = any(ch in flat for ch in (delim, "\n", '"', ","))
    if quote:
        doc.t('"')
    for p in pieces:
        if isinstance(p, Lab):
            doc.v(p.type, str(p.value))
        elif p:
            doc.t(p)
    if quote:
        doc.t('"')


def write_crm(g: Gen, i: int) -> Out:
    r = g.r
    system = r.choice(["salesforce", "hubspot", "fxiaoke", "xiaoshouyi", "pinyin", "abbr"])
    cols = _cols(g, system)
    rows = r.randint(4, 22)
    latin = system in ("salesforce", "hubspot")
    people = [
        person(g, r.choice(["CN", "SG", "VN"]) if latin else r.choice(["CN", "CN", "SG"]))
        for _ in range(rows)
    ]
    table = [[_cell(g, c, p, g.birth()) for c in cols] for p in people]
    if r.random() < 0.1:
        sheet: list[list[Any]] = [[f"{system} export {g.day()}"], cols]
        for row in table:
            out = []
            for v in row:
                pieces = v if isinstance(v, list) else [v]
                d = Doc()
                for p in pieces:
                    if isinstance(p, Lab):
                        d.v(p.type, str(p.value))
                    elif p:
                        d.t(p)
                out.append(d if d.text else None)
            sheet.append(out)
        return xlsx_file(f"crm_csv/{system}_{i:04d}.xlsx", "crm_csv", [("Sheet1", sheet)])
    delim = r.choice([",", ",", ";", "\t"])
    gbk = not latin and r.random() < 0.35
    doc = Doc(nl="\r\n" if r.random() < 0.5 else "\n")
    doc.line(delim.join(cols))
    for row in table:
        for k, v in enumerate(row):
            if k:
                doc.t(delim)
            _csv_cell(doc, v, delim)
        doc.t("\n")
    ext = "tsv" if delim == "\t" and r.random() < 0.5 else "csv"
    return text_file(
        f"crm_csv/{system}_{i:04d}.{ext}",
        "crm_csv",
        doc,
        "gbk" if gbk else "utf-8",
        bom=not gbk and r.random() < 0.4,
    )


# -- JSON dumps ----------------------------------------------------------------------------


def _dump(doc: Doc, value: Any, indent: int | None, ascii_only: bool, depth: int = 0) -> None:
    pad = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    end = "" if indent is None else "\n" + " " * (indent * depth)
    sep = ", " if indent is None else ","
    if isinstance(value, dict):
        doc.t("{")
        for n, (k, v) in enumerate(value.items()):
            doc.t((sep if n else "") + pad + json.dumps(k, ensure_ascii=ascii_only) + ": ")
            _dump(doc, v, indent, ascii_only, depth + 1)
        doc.t(end + "}" if value else "}")
    elif isinstance(value, list):
        doc.t("[")
        for n, v in enumerate(value):
            doc.t((sep if n else "") + pad)
            _dump(doc, v, indent, ascii_only, depth + 1)
        doc.t(end + "]" if value else "]")
    elif isinstance(value, Lab):
        if isinstance(value.value, int):
            doc.v(value.type, str(value.value))
        else:
            doc.t('"').v(value.type, json.dumps(value.value, ensure_ascii=ascii_only)[1:-1]).t('"')
    else:
        doc.t(json.dumps(value, ensure_ascii=ascii_only))


def _record(g: Gen, style: str) -> dict[str, Any]:
    r = g.r
    p = person(g)
    born = g.birth()
    digits = g.mobile_digits()
    phone: Lab = Lab("phone", int(digits)) if r.random() < 0.4 else Lab("phone", p.phone)
    keys = {
        "camel": [
            "fullName",
            "mobile",
            "email",
            "birthday",
            "idCard",
            "homeAddress",
            "lastLoginIp",
        ],
        "snake": [
            "full_name",
            "phone_no",
            "email_addr",
            "date_of_birth",
            "id_no",
            "address",
            "login_ip",
        ],
        "chinese": ["姓名", "手机号", "邮箱", "出生日期", "身份证", "地址", "登录IP"],
        "pinyin": ["xm", "sjh", "yx", "csrq", "sfzh", "dz", "ip"],
    }[style]
    rec: dict[str, Any] = {}
    if style == "camel":
        rec["_id"] = {"$oid": g.hash40()[:24]}
    else:
        rec["id"] = r.randint(1, 99999)
    rec[keys[0]] = Lab("person_name", p.name if r.random() < 0.6 else p.latin)
    rec[keys[1]] = phone
    rec[keys[2]] = Lab("email", p.email) if r.random() < 0.85 else None
    rec[keys[3]] = Lab("date_of_birth", g.dob(born))
    if p.where == "CN" and r.random() < 0.6:
        rec[keys[4]] = Lab("resident_id", g.rid(born))
    elif r.random() < 0.5:
        rec["passport" if style != "chinese" else "护照号"] = Lab("passport", g.passport(p.where))
    rec[keys[5]] = (
        Lab("address", g.address(p.where))
        if r.random() < 0.7
        else {"city": "江门", "detail": Lab("address", g.address()), "zip": Lab(L, "529000")}
    )
    rec[keys[6]] = Lab("ip_address", g.ip())
    extra = r.randrange(8)
    if extra == 0:
        rec["devices"] = [
            {"imei": Lab(L, g.imei()), "fw": Lab(L, g.version4())},
            {"sn": Lab(L, g.serial16()), "model": Lab(L, g.product())},
        ]
    elif extra == 1:
        rec["geo"] = {"type": "Point", "coordinates": Lab("coordinates", g.coords())}
    elif extra == 2:
        rec["session"] = {"token": Lab("secret", g.jwt()), "expires": Lab(L, g.when())}
    elif extra == 3:
        rec["payment"] = {
            "card": Lab("credit_card", g.credit_card()),
            "salary_card": Lab("bank_card", g.bank_card()),
        }
    elif extra == 4:
        rec["avatar"] = base64.b64encode(
            bytes(r.randrange(256) for _ in range(r.randint(30, 120)))
        ).decode()
        rec["vehicles"] = [Lab("licence_plate", g.plate())]
    elif extra == 5:
        rec["contacts"] = [
            {"name": Lab("person_name", g.cn()), "tel": Lab("phone", g.mobile())},
            None,
        ]
    elif extra == 6:
        rec["bank"] = {
            "acct_no": Lab("bank_account", g.bank_account()),
            "iban": Lab("iban", g.iban()),
        }
    else:
        rec["orders"] = [
            {
                "no": g.order_no(),
                "waybill": Lab(L, g.waybill()),
                "tax_id": Lab(L, g.tax_id()),
                "uuid": Lab(L, g.uuid()),
                "api_key": Lab("secret", g.secret()),
            }
        ]
    rec["updated_at"] = Lab(L, g.when())
    rec["deleted"] = None
    rec["score"] = round(r.random() * 100, 2)
    return rec


def write_db(g: Gen, i: int) -> Out:
    r = g.r
    style = r.choice(["camel", "snake", "chinese", "pinyin"])
    shape = r.choice(["mysql", "mongo", "es", "jsonl"])
    ascii_only = r.random() < 0.3
    records = [_record(g, style) for _ in range(r.randint(1, 5))]
    doc = Doc()
    if shape == "jsonl":
        for rec in records:
            _dump(doc, rec, None, ascii_only)
            doc.t("\n")
        return text_file(f"db_json/export_{i:04d}.jsonl", "db_json", doc)
    if shape == "es":
        value: Any = {
            "took": r.randint(2, 90),
            "timed_out": False,
            "hits": {
                "total": {"value": len(records)},
                "hits": [
                    {
                        "_index": "crm-contacts-2026.11",
                        "_id": g.uuid(),
                        "_score": 1.0,
                        "_source": rec,
                    }
                    for rec in records
                ],
            },
        }
    elif shape == "mysql":
        value = [
            {
                "type": "table",
                "name": r.choice(["t_customer", "member", "hr_staff"]),
                "data": records,
            }
        ]
    else:
        value = records
    _dump(doc, value, r.choice([2, 4, None]), ascii_only)
    doc.t("\n")
    return text_file(f"db_json/{shape}_{i:04d}.json", "db_json", doc)
