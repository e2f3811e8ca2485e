"""The holdout family's tables, dumps and logs: bilingual-header TSV and GBK "CSV" exports
with CRLF; JSONL dumps with snake_case and pinyin keys; nested order dumps; JSON-in-log lines
with stack traces.
"""

from __future__ import annotations

import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import (
    ACCT,
    ADDR,
    CARD,
    COORD,
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
    plain,
    write_json,
)
from bench.corpus3.people import address_en, address_zh, date_text, landline, person
from bench.corpus3.shape import File


def crm_tsv(rng: random.Random) -> File:
    head = [
        "序号 No.",
        "会员等级 Level",
        "姓名 Name",
        "生日 Birthday",
        "手机 Mobile",
        "座机 Tel",
        "证件号 ID No.",
        "邮箱 Email",
        "收货地址 Ship-to",
        "最近购买机型 Model",
        "设备序列号 S/N",
        "积分 Points",
    ]
    doc = Doc().t("\t".join(head), "\n")
    for i in range(rng.randrange(10, 70)):
        p = person(rng)
        doc.row(
            [
                plain(str(i + 1)),
                plain(rng.choice(["金卡", "银卡", "普通"])),
                (NAME, p.zh),
                (DOB, date_text(p.born, rng.choice([1, 2, 6, 9, 3]))),
                (PHONE, p.mobile(rng.choice([0, 2, 5]))),
                (PHONE, landline(rng, rng.randrange(6))),
                (RID, p.resident_id()),
                (MAIL, p.email()),
                (ADDR, address_zh(rng)),
                (LOOK, n.model_number(rng)),
                (LOOK, n.serial_number(rng)),
                plain(str(rng.randrange(9999))),
            ],
            sep="\t",
        )
    return File("crm", "tsv", doc)


def crm_gbk(rng: random.Random) -> File:
    head = [
        "联系人",
        "职务",
        "单位名称",
        "移动电话",
        "办公电话",
        "出生年月日",
        "QQ邮箱",
        "开票账号",
        "车辆",
        "备注",
    ]
    doc = Doc().row([plain(h) for h in head], end="\r\n", quote_all=True)
    for _ in range(rng.randrange(10, 60)):
        p = person(rng)
        note = rng.choice(
            [
                plain(""),
                (LOOK, f"物料{n.part_number_mobile(rng)}"),
                plain("老客户，优先安排"),
                (LOOK, f"版本{n.version(rng)}"),
            ]
        )
        doc.row(
            [
                (NAME, p.zh),
                plain(rng.choice(["采购经理", "老板", "工程师", "仓管"])),
                plain(rng.choice(["佛山市顺德区美凯电器厂", "南海区志诚五金店", "广州联创贸易"])),
                (PHONE, p.mobile(rng.choice([0, 1, 6]))),
                (PHONE, landline(rng, rng.randrange(6))),
                (DOB, date_text(p.born, rng.choice([4, 9, 3]))),
                (MAIL, p.email()),
                (ACCT, n.bank_account(rng)),
                (PLATE, n.plate(rng, 1)),
                note,
            ],
            end="\r\n",
            quote_all=True,
        )
    return File("crm", "csv", doc, encoding="gbk")


def erp_jsonl(rng: random.Random) -> File:
    doc = Doc()
    for i in range(rng.randrange(5, 40)):
        p = person(rng)
        record = {
            "yuangong_id": 20000 + i,
            "xingming": (NAME, p.zh),
            "pinyin": (NAME, p.name(3)),
            "xingbie": plain("男" if p.male else "女"),
            "chusheng_riqi": (DOB, date_text(p.born, rng.choice([6, 0, 3]))),
            "shenfenzheng": (RID, p.resident_id()),
            "shoujihao": (PHONE, p.mobile(rng.choice([0, 6]))),
            "yinhangka": (CARD, n.card(rng)),
            "jiating_dizhi": (ADDR, address_zh(rng)),
            "gongwei": plain(f"L{rng.randrange(1, 9)}-{rng.randrange(99):02d}"),
            "wuliao_bianma": (LOOK, n.part_number_mobile(rng)),
            "update_ts": Num(LOOK, n.epoch(rng)),
            "app_ver": (LOOK, n.version(rng)),
        }
        write_json(doc, record, indent=None)
        doc.t("\n")
    return File("erp", "jsonl", doc)


def erp_orders(rng: random.Random) -> File:
    orders = []
    for _ in range(rng.randrange(2, 12)):
        buyer = person(rng, latin_share=0.2)
        lat, lon = n.coordinates(rng)
        orders.append(
            {
                "order_no": (LOOK, n.order_number(rng)),
                "buyer": {
                    "full_name": (NAME, buyer.en if buyer.latin else buyer.zh),
                    "contact_phone": (PHONE, buyer.mobile(rng.randrange(8))),
                    "e_mail": (MAIL, buyer.email()),
                    "passport_no": (PASS, n.passport(rng, buyer.latin)),
                    "date_of_birth": (DOB, date_text(buyer.born, rng.choice([5, 8, 11]))),
                },
                "delivery": {
                    "addr": (ADDR, address_en(rng) if buyer.latin else address_zh(rng)),
                    "geo": [Num(COORD, lat), Num(COORD, lon)],
                    "waybill": (LOOK, n.tracking_number(rng)),
                },
                "payment": {
                    "card_no": (CREDIT, n.card(rng, credit=True)),
                    "amount": (LOOK, n.amount(rng)),
                    "txn_id": (LOOK, n.uuid_text(rng)),
                },
                "items": [
                    {
                        "sku": (LOOK, n.ean13(rng)),
                        "hs_code": (LOOK, n.hs_code(rng)),
                        "qty": rng.randrange(1, 50),
                    }
                    for _ in range(rng.randrange(1, 4))
                ],
            }
        )
    doc = Doc()
    write_json(doc, {"export": plain("orders"), "orders": orders}, indent=4)
    return File("erp", "json", doc.t("\n"))


def json_log(rng: random.Random) -> File:
    doc = Doc()
    for _ in range(rng.randrange(15, 80)):
        d = n.business_date(rng)
        p = person(rng)
        doc.t(f"{d}T{n.clock(rng)}+08:00 ")
        choice = rng.randrange(5)
        if choice == 0:
            doc.t(f"ERROR {rng.randrange(1000, 60000)} --- [main] c.h.auth.LoginController : ")
            doc.t("login failed payload=")
            write_json(
                doc,
                {
                    "username": (MAIL, p.email()),
                    "password": (SECRET, n.password(rng)),
                    "clientIp": (IP, n.ipv4(rng)),
                },
                indent=None,
            )
        elif choice == 1:
            doc.t("WARN  c.h.member.IdVerifier : java.lang.IllegalArgumentException: ")
            doc.t("ID check failed for ")
            doc.mix((NAME, p.zh), " (", (RID, p.resident_id()), ")\n")
            doc.t("\tat com.hengli.member.IdVerifier.verify(IdVerifier.java:88)\n")
            doc.t("\tat com.hengli.member.MemberService.register(MemberService.java:142)\n")
            doc.t("\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(")
            doc.t("ReflectiveMethodInvocation.java:186)")
        elif choice == 2:
            doc.t("INFO  c.h.iot.Telemetry : ")
            write_json(
                doc,
                {
                    "deviceSn": (LOOK, n.serial_number(rng)),
                    "fw": (LOOK, n.version(rng)),
                    "gw": (IP, n.ipv6(rng)),
                    "lat": Num(COORD, n.coordinates(rng)[0]),
                    "lon": Num(COORD, n.coordinates(rng)[1]),
                },
                indent=None,
            )
        elif choice == 3:
            doc.mix(
                "INFO  c.h.pay.Refund : refund ok account=",
                (CARD, n.card(rng)),
                " name=",
                (NAME, p.zh),
                " amt=",
                (LOOK, n.amount(rng)),
                " req=",
                (LOOK, n.hexdigest(rng, 32)),
            )
        else:
            doc.mix(
                "DEBUG c.h.sms.Sender : sms sent to=",
                (PHONE, p.mobile(rng.choice([0, 6]))),
                " tpl=SMS_",
                (LOOK, n.part_number_mobile(rng)),
                " cost_ms=",
                plain(str(rng.randrange(900))),
            )
        doc.t("\n")
    return File("log", "log", doc)
