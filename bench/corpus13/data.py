"""CRM CSV exports (csv.writer defaults and the usual variants), JSON database dumps
(json.dumps defaults, ensure_ascii=False, JSONL, Mongo export) and application logs."""

from __future__ import annotations

import re
from typing import Any

from bench.corpus13.doc import LOOKALIKE, Doc, Sink, V, dump, row
from bench.corpus13.values import Fake

L = LOOKALIKE


def crm(fk: Fake, sink: Sink, n: int) -> None:
    layout = n % 5
    doc = Doc()
    rows = fk.r.randrange(8, 30)
    enc, bom, delim, end, ext = "utf-8", False, ",", "\r\n", "csv"
    if layout == 0:  # Excel-friendly: BOM, Chinese headers
        bom = True
        row(
            doc,
            [
                "客户编号",
                "客户姓名",
                "英文名",
                "手机",
                "邮箱",
                "出生日期",
                "身份证号",
                "地址",
                "车牌",
                "下单日期",
            ],
        )
        for k in range(rows):
            p = fk.person()
            row(
                doc,
                [
                    f"C{n:05d}{k:03d}",
                    V("person_name", p.zh),
                    V("person_name", p.roman),
                    V("phone", p.phone),
                    V("email", p.email),
                    V("date_of_birth", f"{p.dob:%Y-%m-%d}"),
                    V("resident_id", p.rid),
                    V("address", p.address),
                    V("licence_plate", fk.plate()),
                    V(L, fk.day_text()),
                ],
            )
    elif layout == 1:  # English headers, Unix line ends
        end = "\n"
        row(
            doc,
            [
                "name",
                "email",
                "phone",
                "birthday",
                "billing_address",
                "card_number",
                "signup_ip",
                "created",
            ],
            end=end,
        )
        for _ in range(rows):
            p = fk.person()
            row(
                doc,
                [
                    V("person_name", fk.en_name()),
                    V("email", p.email),
                    V("phone", fk.phone_intl()),
                    V("date_of_birth", fk.dob_text(p.dob)),
                    V("address", fk.address_intl()),
                    V("credit_card", fk.card()),
                    V("ip_address", fk.ip()),
                    V(L, fk.day_text()),
                ],
                end=end,
            )
    elif layout == 2:  # GBK, as a Chinese Excel saves it
        enc = "gbk"
        row(doc, ["姓名", "手机号码", "银行卡号", "开户行", "收货地址", "订单号", "快递单号"])
        for _ in range(rows):
            p = fk.person()
            row(
                doc,
                [
                    V("person_name", p.zh),
                    V("phone", p.phone),
                    V("bank_card", fk.bank_card()),
                    fk.pick("工商银行", "建设银行", "招商银行"),
                    V("address", p.address),
                    V(L, fk.order_mobile()),
                    V(L, fk.waybill()),
                ],
            )
    elif layout == 3:  # a European distributor's export: semicolons
        delim = ";"
        row(doc, ["Name", "E-Mail", "Telefon", "IBAN", "Adresse", "Modell", "Seriennummer"], delim)
        for _ in range(rows):
            row(
                doc,
                [
                    V("person_name", fk.en_name()),
                    V("email", fk.email()),
                    V("phone", fk.phone_intl()),
                    V("iban", fk.iban()),
                    V("address", fk.address_intl()),
                    V(L, fk.model()),
                    V(L, fk.serial16()),
                ],
                delim,
            )
    else:  # tab-separated field-service list
        delim, ext = "\t", "tsv"
        row(doc, ["id", "name", "passport", "dob", "gps", "vehicle", "account"], delim)
        for k in range(rows):
            p = fk.person()
            lat, lng = fk.coords()
            row(
                doc,
                [
                    str(k + 1),
                    V("person_name", p.roman),
                    V("passport", fk.passport()),
                    V("date_of_birth", fk.dob_text(p.dob)),
                    V("coordinates", f"{lat},{lng}"),
                    V("licence_plate", fk.plate()),
                    V("bank_account", fk.account_cn()),
                ],
                delim,
            )
    try:
        doc.text.encode(enc)
    except UnicodeEncodeError:
        enc = "utf-8"
    sink.text("crm_csv", f"export_{n:05d}.{ext}", doc, encoding=enc, bom=bom)


def _record(fk: Fake, layout: int) -> dict[str, Any]:
    p = fk.person()
    lat, lng = fk.coords()
    record: dict[str, Any] = {
        "id": fk.r.randrange(10**5, 10**6),
        "name": V("person_name", p.zh),
        "name_en": V("person_name", p.roman),
        "mobile": V("phone", int(p.phone))
        if layout == 0 and fk.r.random() < 0.5
        else V("phone", p.phone),
        "email": V("email", p.email),
        "birthday": V("date_of_birth", f"{p.dob:%Y-%m-%d}"),
        "id_card": V("resident_id", p.rid),
        "address": V("address", p.address),
        "gps": V("coordinates", f"{lat},{lng}"),
        "last_ip": V("ip_address", fk.ip()),
        "order_no": V(L, fk.order_mobile()),
        "device": {"model": V(L, fk.model()), "fw": V(L, fk.version()), "sn": V(L, fk.serial18())},
    }
    if fk.r.random() < 0.4:
        record["payment"] = {
            "card": V("credit_card", fk.card()),
            "holder": V("person_name", fk.en_name()),
        }
    if fk.r.random() < 0.3:
        record["password"] = V("secret", fk.password())
    if fk.r.random() < 0.3:
        record["plate"] = V("licence_plate", fk.plate())
    return record


def dumps(fk: Fake, sink: Sink, n: int) -> None:
    layout = n % 4
    doc = Doc()
    records = [_record(fk, layout) for _ in range(fk.r.randrange(2, 7))]
    if layout == 0:  # json.dumps(rows) as it comes: ASCII-escaped, one line
        dump(doc, records)
        ext = "json"
    elif layout == 1:
        dump(doc, {"table": "customers", "rows": records}, indent=2, ensure_ascii=False)
        ext = "json"
    else:
        for record in records:
            rec = record
            if layout == 3:  # mongoexport
                rec = {
                    "_id": {"$oid": fk.cn.hexify("^" * 24)},
                    **rec,
                    "createdAt": {"$date": V(L, f"{fk.day():%Y-%m-%d}T08:00:00Z")},
                }
            dump(doc, rec, ensure_ascii=layout == 3)
            doc.t("\n")
        ext = "jsonl"
    sink.text("db_json", f"dump_{n:05d}.{ext}", doc)


def _agent(doc: Doc, agent: str) -> None:
    """A user agent, its four-part browser versions labelled look-alikes (of IPs)."""
    at = 0
    for m in re.finditer(r"\d+\.\d+\.\d+\.\d+", agent):
        doc.t(agent[at : m.start()]).v(L, m.group())
        at = m.end()
    doc.t(agent[at:])


def _stamp(fk: Fake) -> str:
    return f"{fk.r.randrange(8, 23):02d}:{fk.r.randrange(60):02d}:{fk.r.randrange(60):02d}"


def log(fk: Fake, sink: Sink, n: int) -> None:  # noqa: PLR0912 - a branch per line kind
    layout = n % 4
    doc = Doc()
    day = fk.day()
    for _ in range(fk.r.randrange(12, 40)):
        at = f"{day:%Y-%m-%d} {_stamp(fk)}"
        if layout == 0:  # nginx access log
            doc.v("ip_address", fk.ip()).t(f" - - [{day:%d/%b/%Y}:{_stamp(fk)} +0800] ")
            k = fk.r.randrange(3)
            if k == 0:
                doc.t('"GET /api/v1/customers?mobile=').v("phone", fk.phone("zh_CN")).t(
                    ' HTTP/1.1" 200 '
                )
            elif k == 1:
                doc.t('"GET /track?waybill=').v(L, fk.waybill()).t(' HTTP/1.1" 200 ')
            else:
                doc.t('"POST /api/v1/login HTTP/1.1" 401 ')
            doc.t(f'{fk.r.randrange(100, 9000)} "-" "')
            _agent(doc, str(fk.cn.user_agent()))
            doc.t('"\n')
        elif layout == 1:  # key=value
            k = fk.r.randrange(4)
            doc.t(f"{at},{fk.r.randrange(1000):03d} INFO ")
            if k == 0:
                doc.line(
                    "event=login user=", V("email", fk.email()), " ip=", V("ip_address", fk.ip())
                )
            elif k == 1:
                doc.line(
                    "event=sms_sent to=",
                    V("phone", fk.phone("zh_CN")),
                    " order=",
                    V(L, fk.order_mobile()),
                )
            elif k == 2:
                doc.line(
                    "event=reset_password user=",
                    V("email", fk.email()),
                    " new_password=",
                    V("secret", fk.password()),
                )
            else:
                lat, lng = fk.coords()
                doc.line(
                    "event=gps_fix vehicle=",
                    V("licence_plate", fk.plate()),
                    " gps=",
                    V("coordinates", f"{lat},{lng}"),
                )
        elif layout == 2:  # JSON in the log line, json.dumps defaults
            doc.t(f"{at} DEBUG crm.sync payload=")
            p = fk.person()
            dump(
                doc,
                {
                    "name": V("person_name", p.zh),
                    "phone": V("phone", p.phone),
                    "addr": V("address", p.address),
                    "dob": V("date_of_birth", f"{p.dob:%Y-%m-%d}"),
                },
            )
            doc.t("\n")
        else:  # a QA / deploy log
            k = fk.r.randrange(4)
            doc.t(f"{at} ")
            if k == 0:
                doc.line("deploy commit=", V(L, fk.sha1()), " build=", V(L, fk.version()))
            elif k == 1:
                doc.line("qa payment test card=", V(L, fk.test_card()), " result=approved")
            elif k == 2:
                doc.line(
                    "config db_password=",
                    V("secret", fk.password()),
                    " api_key=",
                    V("secret", fk.token()),
                )
            else:
                doc.line(
                    "batch=",
                    V(L, fk.serial16()),
                    " manual=",
                    V(L, fk.isbn()),
                    " host=",
                    V("ip_address", fk.ip()),
                )
    sink.text("app_log", f"app_{n:05d}.log", doc)
