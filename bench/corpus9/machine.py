"""What machines write: JSON API responses (camelCase and snake_case, nested), nginx access
logs, application logs with key=value fields and Java stack traces, git logs, and IoT
device logs with positions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from bench.corpus9 import values as v
from bench.corpus9.doc import LAT, LON, Doc, V, json_into
from bench.corpus9.world import World

AGENTS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/122.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2) MicroMessenger/8.0.47",
    "okhttp/4.12.0",
    "DingTalk/7.5.0",
)


def _customer(w: World, camel: bool) -> dict[str, Any]:
    r = w.rng
    p = w.one()
    lat, lon = w.coord_pair()
    if camel:
        record: dict[str, Any] = {
            "customerId": r.randint(10000, 99999),
            "customerName": w.name(p),
            "gender": "M" if p.male else "F",
            "birthDate": w.dob(p),
            "contactInfo": {"mobilePhone": w.phone(p), "email": w.email(p)},
            "shippingAddress": {"fullAddress": w.address(), "postCode": "528300"},
            "lastOrderNo": v.order_no(r),
            "appVersion": v.version(r),
        }
        if not p.abroad and w.chance(0.5):
            record["idCardNo"] = w.rid(p)
        if w.chance(0.4):
            record["lastLocation"] = {"lat": lat, "lng": lon}
        return record
    record = {
        "employee_id": f"FS{r.randint(10000, 99999)}",
        "full_name": w.name(p),
        "name_pinyin": w.latin(p) if not p.abroad else "",
        "date_of_birth": w.dob(p),
        "passport_no": V("passport", v.passport(r, p.abroad)),
        "bank": {"account_no": V("bank_account", v.account(r)), "swift": v.swift(r)},
        "salary_card": V("bank_card", v.card(r, credit=False)),
        "vehicle_plate": V("licence_plate", v.plate(r)),
        "created_at": f"{w.when():%Y-%m-%dT%H:%M:%S}+08:00",
        "build": v.commit(r),
    }
    if w.chance(0.3):
        record["bank"]["iban"] = V("iban", v.iban(r))
    if not record["name_pinyin"]:
        del record["name_pinyin"]
    return record


def api(w: World) -> tuple[str, Doc]:
    r = w.rng
    camel = w.chance(0.5)
    rows = [_customer(w, camel) for _ in range(r.randint(2, 6))]
    indent = r.choice([2, 4, None])
    ascii_only = w.chance(0.2)
    doc = Doc()
    if w.chance(0.2):  # JSON lines
        for row in rows:
            json_into(doc, row, None, ascii_only)
            doc.add("\n")
        return "jsonl", doc
    if camel:
        body = {
            "code": 0,
            "msg": "success",
            "data": {"list": rows, "total": len(rows)},
            "requestId": v.request_id(r),
            "serverIp": V("ip_address", v.ipv4(r, True)),
        }
    else:
        body = {
            "status": "ok",
            "page": 1,
            "results": rows,
            "meta": {"api_version": v.version(r), "trace_id": v.request_id(r)},
        }
    json_into(doc, body, indent, ascii_only)
    doc.add("\n")
    return "json", doc


def _nginx(w: World, doc: Doc) -> None:
    r = w.rng
    at = w.when()
    for _ in range(r.randint(6, 22)):
        at += timedelta(seconds=r.randint(0, 40))
        ip = V("ip_address", v.ipv4(r) if w.chance(0.85) else v.ipv6(r))
        query: list[Any] = [f"/api/v2/orders/{r.randint(1000, 99999)}"]
        if w.chance(0.25):
            query = ["/api/v2/customers?mobile=", V("phone", v.mobile(r)), "&page=1"]
        elif w.chance(0.15):
            lat, lon = w.coord_pair()
            query = ["/api/track?lat=", lat, "&lng=", lon]
        elif w.chance(0.15):
            query = ["/static/app.", v.commit(r, short=True), ".js"]
        doc.line(
            ip,
            " - - [",
            at.strftime("%d/%b/%Y:%H:%M:%S"),
            ' +0800] "',
            w.pick("GET", "GET", "POST"),
            " ",
            *query,
            ' HTTP/1.1" ',
            w.pick("200", "200", "304", "404", "502"),
            f' {r.randint(200, 90000)} "-" "{r.choice(AGENTS)}" rt={r.uniform(0, 2):.3f} req_id=',
            v.request_id(r),
        )


def _app(w: World, doc: Doc) -> None:
    r = w.rng
    at = w.when()
    threads = ("http-nio-8080-exec-3", "scheduling-1", "main", "kafka-consumer-2")
    for _ in range(r.randint(6, 18)):
        stamp = f"{at:%Y-%m-%d %H:%M:%S}.{r.randint(0, 999):03d}"
        level = r.choice(["INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"])
        head = [
            stamp,
            f" {level:5} [{r.choice(threads)}] c.n.erp.",
            w.pick("OrderService", "AuthFilter", "SmsClient"),
            " - ",
        ]
        p = w.one()
        body = r.choice(
            [
                [
                    "login ok user=",
                    w.email(p),
                    " ip=",
                    V("ip_address", v.ipv4(r)),
                    " traceId=",
                    v.request_id(r),
                ],
                [
                    "sms sent mobile=",
                    V("phone", v.mobile(r)),
                    " template=SMS_2026",
                    " bizId=",
                    v.batch18(r),
                ],
                [
                    "order created orderNo=",
                    v.order_no(r),
                    " customer=",
                    w.name(p),
                    " amount=",
                    f"{r.uniform(10, 9999):.2f}",
                ],
                ["request headers: Authorization: Bearer ", V("secret", v.jwt(r, p.email))],
                [
                    "config loaded: aliyun.oss.access-key-id=",
                    V("secret", "LTAI5t" + v.secret(r)[:18].replace("/", "x").replace("+", "y")),
                    " version=",
                    v.version(r),
                ],
                [
                    "payment callback cardNo=",
                    V("credit_card", v.card(r, credit=True)),
                    " status=SUCCESS",
                ],
                ["deploy build=", v.commit(r), " by=", w.latin(p)],
                ["geo fence check device=", v.serial(r), " pos=", w.coords()],
            ]
        )
        doc.line(*head, *body)
        if level == "ERROR" and w.chance(0.8):
            user, host = w.pick("erp_app", "root", "report"), v.ipv4(r, True)
            doc.line(
                "org.springframework.jdbc.CannotGetJdbcConnectionException: "
                "Failed to obtain JDBC Connection; url=",
                w.pick("jdbc:mysql://", "mysql://", "postgresql://"),
                user,
                ":",
                V("secret", v.password(r)),
                "@",
                V("ip_address", host),
                ":3306/erp",
            )
            for frame in (
                "OrderService.java:214",
                "OrderController.java:88",
                "FilterChain.java:41",
            ):
                cls = frame.split(".")[0]
                doc.line(f"\tat com.nordbau.erp.{cls}.handle({frame})")
            doc.line("\t... ", str(r.randint(20, 80)), " common frames omitted")
        at += timedelta(seconds=r.randint(0, 90))


def _git(w: World, doc: Doc) -> None:
    r = w.rng
    for _ in range(r.randint(3, 10)):
        p = w.one()
        doc.line("commit ", v.commit(r))
        doc.line("Author: ", w.latin(p), " <", w.email(p), ">")
        doc.line("Date:   ", f"{w.when():%a %b %d %H:%M:%S %Y} +0800")
        doc.line()
        doc.line(
            "    ",
            *r.choice(
                [
                    ["bump firmware to ", v.version(r)],
                    ["fix: remove leaked key ", V("secret", v.secret(r))],
                    ["update BOM ", v.part_number(r)],
                    ["merge branch 'release/", v.version(r), "'"],
                ]
            ),
        )
        doc.line()


def applog(w: World) -> tuple[str, Doc]:
    doc = Doc()
    kind = w.rng.randrange(3)
    (_nginx, _app, _git)[kind](w, doc)
    return ("log", "log", "txt")[kind], doc


def iot(w: World) -> tuple[str, Doc]:
    r = w.rng
    doc = Doc()
    device = f"FS-AGV-{r.randint(1, 40):02d}" if w.chance(0.5) else f"TRK-{r.randint(100, 999)}"
    firmware = v.version(r)
    at = w.when()
    driver = w.local()
    plate = v.plate(r)
    as_json = w.chance(0.4)
    y, x = v.coords(r)  # a track: small steps from where the device starts
    for i in range(r.randint(8, 26)):
        at += timedelta(seconds=r.choice([5, 10, 30]))
        y, x = y + r.uniform(-0.0009, 0.0009), x + r.uniform(-0.0009, 0.0009)
        lat, lon = V(LAT, f"{y:.6f}"), V(LON, f"{x:.6f}")
        if as_json:
            rec: dict[str, Any] = {
                "ts": f"{at:%Y-%m-%dT%H:%M:%S}+08:00",
                "device_id": device,
                "fw": firmware,
                "gps": {"lat": lat, "lon": lon},
                "speedKmh": round(r.uniform(0, 60), 1),
            }
            if i % 10 == 0:
                rec["driver"] = {
                    "name": w.name(driver),
                    "plate": V("licence_plate", plate),
                    "mobile": w.phone(driver),
                }
            if w.chance(0.1):
                rec["pcb"] = v.size_pair(r)
            json_into(doc, rec, None, False)
            doc.add("\n")
        else:
            fields: list[Any] = [
                f"{at:%Y-%m-%dT%H:%M:%S}+08:00 dev={device} fw=",
                V("lookalike", firmware.text),
                " gps=",
                lat,
                ",",
                lon,
                f" batt={r.randint(5, 100)}",
            ]
            if i % 12 == 0:
                fields += [
                    " wan_ip=",
                    V("ip_address", v.ipv4(r, False)),
                    " sim_msisdn=",
                    V("phone", v.mobile(r)),
                ]
            if i % 15 == 3:
                fields += [" driver=", w.name(driver), " plate=", V("licence_plate", plate)]
            doc.line(*fields)
    return ("jsonl" if as_json else "log"), doc
