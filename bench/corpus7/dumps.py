"""Corpus 7's machine-written kinds: JSON/JSONL database dumps and application logs."""

from __future__ import annotations

import json

from bench.corpus7.doc import Doc, Piece, addr, ip, mail, name, phone, secret
from bench.corpus7.people import cn_address

JSON_KEYS = (
    ("customer", "name", "mobile", "email", "idNo", "address", "birthday"),
    ("member", "realName", "phoneNumber", "mail", "certNo", "addr", "birthDate"),
    ("contact", "full_name", "tel", "email_address", "id_card", "shipping_address", "dob"),
)


class _Ref:
    """A JSON value whose text is labelled once the document is written."""

    def __init__(self, kind: str | None, value: str, number: bool = False) -> None:
        self.kind, self.value, self.number = kind, value, number


def jsonl_dump(d: Doc) -> None:
    json_dump(d, lines=True)


def json_dump(d: Doc, lines: bool = False) -> None:
    r, v = d.r, d.v
    ascii_only = r.random() < 0.15
    root, *keys = r.choice(JSON_KEYS)
    records = []
    for _ in range(r.randint(2, 12)):
        p = v.person(latin=r.random() < 0.08)
        rec: dict[str, object] = {
            "id": r.randint(1000, 999999),
            keys[0]: _Ref("person_name", p.name),
            keys[1]: _Ref("phone", v.phone_any(p)),
        }
        if r.random() < 0.7:
            rec[keys[2]] = _Ref("email", p.email)
        if p.rid and r.random() < 0.5:
            rec[keys[3]] = _Ref("resident_id", p.rid)
        if r.random() < 0.6:
            rec[keys[4]] = {
                "province": "广东省",
                "detail": _Ref("address", cn_address(r)),
                "zip": "528000",
            }
        if r.random() < 0.4:
            rec[keys[5]] = _Ref("date_of_birth", v.dob_text(p.dob, False))
        if r.random() < 0.3:
            lat, lng = v.coords()
            rec["location"] = {
                "lat": _Ref("coordinates", f"{lat:.6f}", True),
                "lng": _Ref("coordinates", f"{lng:.6f}", True),
            }
        if r.random() < 0.4:
            rec["orders"] = [
                {
                    "orderNo": _Ref("lookalike", d.v.lookalike("order")[1]),
                    "amount": float(r.randint(100, 99999)),
                    "tracking": _Ref("lookalike", d.v.lookalike("tracking")[1]),
                }
                for _ in range(r.randint(1, 3))
            ]
        if r.random() < 0.25:
            rec["device"] = {
                "ip": _Ref("ip_address", v.ip()),
                "appVersion": _Ref("lookalike", d.v.lookalike("version")[1]),
                "ts": _Ref("lookalike", d.v.lookalike("timestamp")[1], True),
            }
        if r.random() < 0.15:
            rec["bankCard"] = _Ref("bank_card", v.card())
        if r.random() < 0.1:
            rec["token"] = _Ref("secret", v.api_key())
        records.append(rec)
    if lines:
        for rec in records:
            _emit(d, rec, ascii_only, None, 0)
            d.line("")
        return
    wrapper = {"table": root, "exported_at": "2026-11-30T08:00:00+08:00", "rows": records}
    _emit(d, wrapper, ascii_only, 2 if r.random() < 0.7 else None, 0)
    d.line("")


def _emit(d: Doc, value: object, ascii_only: bool, indent: int | None, depth: int) -> None:
    """json.dumps by hand, so that each labelled value's characters are known."""
    pad = "" if indent is None else "\n" + " " * (indent * (depth + 1))
    end = "" if indent is None else "\n" + " " * (indent * depth)
    comma = "," if indent is not None else ", "
    if isinstance(value, _Ref):
        text = json.dumps(value.value, ensure_ascii=ascii_only)
        if value.number:
            d.add((value.kind, value.value))
        else:
            d.add('"', (value.kind, text[1:-1]), '"')
    elif isinstance(value, dict):
        d.add("{")
        for i, (k, item) in enumerate(value.items()):
            d.add(comma if i else "", pad, json.dumps(k, ensure_ascii=ascii_only), ": ")
            _emit(d, item, ascii_only, indent, depth + 1)
        d.add(end, "}")
    elif isinstance(value, list):
        d.add("[")
        for i, item in enumerate(value):
            d.add(comma if i else "", pad)
            _emit(d, item, ascii_only, indent, depth + 1)
        d.add(end, "]")
    else:
        d.add(json.dumps(value, ensure_ascii=ascii_only))


def log(d: Doc) -> None:
    r = d.r
    style = r.randrange(3)
    day = f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}"
    for _ in range(r.randint(8, 30)):
        t = f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
        if style == 0:
            _nginx(d, day, t)
        else:
            _app(d, day, t, style == 2)


def _nginx(d: Doc, day: str, t: str) -> None:
    r, v = d.r, d.v
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    y, m, dd = day.split("-")
    path: list[Piece] = [
        r.choice(("/api/v2/orders", "/static/app.js", "/service/ticket/list", "/login"))
    ]
    if r.random() < 0.2:
        path += ["?mobile=", phone(v.mobile())]
    elif r.random() < 0.15:
        path += ["?token=", secret(v.api_key())]
    d.line(
        ip(v.ip(public=True)),
        f' - - [{dd}/{months[int(m) - 1]}/{y}:{t} +0800] "GET ',
        *path,
        f' HTTP/1.1" {r.choice((200, 200, 302, 404, 500))} {r.randint(200, 90000)} "-" ',
        '"Mozilla/5.0 (Windows NT 10.0; Win64; x64)"',
    )


def _app(d: Doc, day: str, t: str, java: bool) -> None:
    r, v = d.r, d.v
    level = r.choice(("INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"))
    head = f"{day} {t}.{r.randint(0, 999):03d} {level} "
    head += (
        f"[http-nio-8080-exec-{r.randint(1, 20)}] "
        f"c.f.crm.{r.choice(('CustomerService', 'OrderApi', 'SyncJob'))} - "
        if java
        else f"pid={r.randint(1000, 60000)} "
    )
    k = r.randrange(8)
    p = v.person()
    if k == 0:
        d.line(
            head,
            "update customer id=",
            str(r.randint(1000, 99999)),
            " name=",
            name(p),
            " mobile=",
            phone(p.mobile if not p.latin else "+" + p.mobile),
        )
    elif k == 1:
        d.line(head, "login ok user=", mail(p.email), " ip=", ip(v.ip()))
    elif k == 2:
        cap, val = d.fake(r.choice(("version", "order", "timestamp")))
        d.line(head, f"{cap.replace(' ', '_')}=", val, " status=done")
    elif k == 3:
        body = json.dumps(
            {"event": "address_changed", "uid": r.randint(1, 99999)}, ensure_ascii=False
        )[:-1]
        d.line(
            head,
            "payload=",
            body,
            ', "addr": "',
            addr(cn_address(r)),
            '", "tel": "',
            phone(v.mobile()),
            '"}',
        )
    elif k == 4 and level == "ERROR":
        pw = v.password()
        dbhost = v.ip(public=False)
        d.line(head, "Cannot acquire connection")
        d.line(
            r.choice(
                ("java.sql.SQLException", "com.mysql.cj.jdbc.exceptions.CommunicationsException")
            ),
            ": url=jdbc:mysql://",
            ip(dbhost),
            ":3306/erp?user=erp_app&password=",
            secret(pw),
        )
        d.line("\tat com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:479)")
        d.line("\tat com.fs.crm.sync.SyncJob.run(SyncJob.java:", str(r.randint(40, 400)), ")")
    elif k == 5:
        d.line(
            head,
            "config loaded: redis://:",
            secret(v.password()),
            "@",
            ip(v.ip(public=False)),
            ":6379/0",
        )
    elif k == 6:
        d.line(
            head,
            r.choice(
                (
                    "dingtalk webhook access_token=",
                    "Authorization: Bearer ",
                    "aliyun.accessKeySecret=",
                )
            ),
            secret(v.api_key()),
        )
    else:
        cap, val = d.fake("serial")
        d.line(head, "device report sn=", val, f" temp={r.randint(20, 80)}.{r.randint(0, 9)}")
