"""The dev family's tables, dumps and logs: CRM exports as UTF-8-with-BOM CSV under Chinese
headers and as semicolon CSV under English ones; ERP JSON dumps with camelCase keys; nginx
access logs and Spring-style key=value logs.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.corpus3 import numbers as n
from bench.corpus3.doc import (
    ADDR,
    CARD,
    CREDIT,
    DOB,
    IP,
    LOOK,
    MAIL,
    NAME,
    PASS,
    PHONE,
    PLATE,
    RID,
    SECRET,
    Doc,
    Num,
    Value,
    pick,
    plain,
    write_json,
)
from bench.corpus3.people import Person, address_en, address_zh, date_text, landline, person
from bench.corpus3.shape import File


def crm_zh(rng: random.Random) -> File:
    columns: dict[str, Callable[[Person, int], Value]] = {
        "客户编号": lambda p, i: plain(f"KH{20230000 + i}"),
        "客户姓名": lambda p, i: (NAME, p.zh),
        "性别": lambda p, i: plain("男" if p.male else "女"),
        "手机号码": lambda p, i: (PHONE, p.mobile(rng.choice([0, 0, 1, 2]))),
        "电子邮箱": lambda p, i: (MAIL, p.email()),
        "出生日期": lambda p, i: (DOB, date_text(p.born, rng.choice([0, 1, 2, 3]))),
        "身份证号码": lambda p, i: (RID, p.resident_id()),
        "联系地址": lambda p, i: (ADDR, address_zh(rng)),
        "最近订单号": lambda p, i: (LOOK, n.order_number(rng)),
        "物料编码": lambda p, i: (LOOK, n.part_number_mobile(rng)),
        "累计消费": lambda p, i: (LOOK, n.amount(rng)),
        "车牌号": lambda p, i: (PLATE, n.plate(rng, 1)),
        "登记日期": lambda p, i: plain(date_text(n.business_date(rng), 0)),
    }
    keys = list(columns)
    chosen = ["客户编号", "客户姓名", *rng.sample(keys[2:], rng.randrange(5, len(keys) - 1))]
    doc = Doc().t(",".join(chosen), "\n")
    for i in range(rng.randrange(10, 70)):
        p = person(rng)
        doc.row([columns[c](p, i) for c in chosen])
    return File("crm", "csv", doc, bom=True)


def crm_semicolon(rng: random.Random) -> File:
    head = [
        "Contact",
        "Company",
        "Mobile",
        "Tel",
        "E-mail",
        "Birthday",
        "Passport No.",
        "Address",
        "Last order",
        "Model",
        "Amount",
    ]
    doc = Doc().t(";".join(head), "\r\n")
    for _ in range(rng.randrange(10, 60)):
        p = person(rng, latin_share=0.3)
        doc.row(
            [
                (NAME, p.en),
                plain(rng.choice(["Hengli Trading", "Weber GmbH", "Sun Electric Ltd"])),
                (PHONE, p.mobile(rng.choice([3, 4, 0]))),
                (PHONE, landline(rng, rng.randrange(6))),
                (MAIL, p.email(work=True)),
                (DOB, date_text(p.born, rng.choice([5, 7, 10, 0]))),
                (PASS, n.passport(rng, foreign=p.latin)),
                (ADDR, address_en(rng)),
                (LOOK, n.order_number(rng)),
                (LOOK, n.model_number(rng)),
                (LOOK, n.amount(rng)),
            ],
            sep=";",
            end="\r\n",
        )
    return File("crm", "csv", doc)


def erp_camel(rng: random.Random) -> File:
    records = []
    for i in range(rng.randrange(3, 25)):
        p, kin = person(rng), person(rng)
        lat, lon = n.coordinates(rng)
        records.append(
            {
                "empNo": plain(f"E{10000 + i}"),
                "empName": (NAME, p.zh),
                "enName": (NAME, p.name(1)),
                "gender": 1 if p.male else 2,
                "birthDate": (DOB, date_text(p.born, 0)),
                "idCardNo": (RID, p.resident_id()),
                "mobile": (PHONE, p.mobile()),
                "email": (MAIL, p.email(work=True)),
                "bankCardNo": (CARD, n.card(rng)),
                "bankName": plain("中国工商银行佛山分行"),
                "homeAddress": (ADDR, address_zh(rng)),
                "emergencyContact": {
                    "name": (NAME, kin.zh),
                    "phone": (PHONE, kin.mobile()),
                    "relation": plain(rng.choice(["配偶", "父亲", "母亲"])),
                },
                "dormGeo": {"lat": Num("coordinates", lat), "lng": Num("coordinates", lon)},
                "deptCode": plain(rng.choice(["D0101", "D0203", "QA02"])),
                "createdAt": Num(LOOK, n.epoch(rng, millis=True)),
                "version": (LOOK, n.version(rng)),
                "rowHash": (LOOK, n.hexdigest(rng, 40)),
            }
        )
    doc = Doc()
    write_json(
        doc, {"code": 0, "msg": plain("success"), "data": {"total": len(records), "rows": records}}
    )
    return File("erp", "json", doc.t("\n"))


def access_log(rng: random.Random) -> File:
    doc = Doc()
    for _ in range(rng.randrange(20, 120)):
        d = n.business_date(rng)
        when = (
            f"{d:%d/%b/%Y}:{rng.randrange(24):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}"
        )
        p = person(rng)
        path = rng.choice(
            [
                [plain("/api/v2/member/query?mobile="), (PHONE, p.mobile()), plain("&page=1")],
                [plain("/crm/customer/export?ver="), (LOOK, n.version(rng))],
                [plain("/api/login?user="), (MAIL, p.email())],
                [plain("/static/js/app."), (LOOK, n.hexdigest(rng, 8)), plain(".js")],
                [plain("/mes/trace?sn="), (LOOK, n.serial_number(rng))],
                [plain("/api/order/"), (LOOK, n.order_number(rng)), plain("/status")],
            ]
        )
        client = n.ipv6(rng) if rng.random() < 0.15 else n.ipv4(rng, private=False)
        doc.mix((IP, client), f' - - [{when} +0800] "GET ')
        doc.mix(*path).t(
            f' HTTP/1.1" {rng.choice([200, 200, 304, 404])} {rng.randrange(99999)} "-" "'
        )
        doc.mix("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/", (LOOK, n.chrome_version(rng)))
        doc.t(' Safari/537.36"\n')
    return File("log", "log", doc)


def app_log(rng: random.Random) -> File:
    doc = Doc()
    for _ in range(rng.randrange(20, 100)):
        d = n.business_date(rng)
        head = f"{d} {n.clock(rng)}"
        p = person(rng)
        level = rng.choice(["INFO", "INFO", "WARN", "DEBUG"])
        doc.t(
            f"{head} {level} [http-nio-8080-exec-{rng.randrange(1, 20)}] c.h.crm.CustomerService - "
        )
        doc.mix(
            *pick(
                rng,
                [
                    [
                        "customer updated id=",
                        plain(str(rng.randrange(10**5))),
                        " name=",
                        (NAME, p.zh),
                        " mobile=",
                        (PHONE, p.mobile()),
                        " client_ip=",
                        (IP, n.ipv4(rng)),
                    ],
                    [
                        "login ok user=",
                        (MAIL, p.email(work=True)),
                        " ip=",
                        (IP, n.ipv4(rng)),
                        " traceId=",
                        (LOOK, n.uuid_text(rng)),
                    ],
                    [
                        "sync member cardNo=",
                        (CARD, n.card(rng)),
                        " holder=",
                        (NAME, p.zh),
                        " amount=",
                        (LOOK, n.amount(rng)),
                    ],
                    [
                        "payment captured pan=",
                        (CREDIT, n.card(rng, credit=True)),
                        " order=",
                        (LOOK, n.order_number(rng)),
                        " channel=visa",
                    ],
                    [
                        "firmware check device=",
                        (LOOK, n.serial_number(rng)),
                        " fw=",
                        (LOOK, n.version(rng)),
                        " host=",
                        (IP, n.ipv4(rng, private=True)),
                    ],
                    [
                        "db connect url=jdbc:mysql://",
                        (IP, n.ipv4(rng, True)),
                        ":3306/crm user=crm_app",
                        " password=",
                        (SECRET, n.password(rng)),
                    ],
                    [
                        "material ",
                        (LOOK, n.part_number_mobile(rng)),
                        " stock=",
                        plain(str(rng.randrange(900))),
                        " ts=",
                        (LOOK, n.epoch(rng)),
                    ],
                ],
            )
        )
        doc.t("\n")
    return File("log", "log", doc)
