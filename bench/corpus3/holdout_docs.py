"""The holdout family's documents: English mail with `>` quoting and signatures; onboarding
forms as tables; export proforma invoices; YAML tickets; WeChat exports; INI and YAML
configuration.
"""

from __future__ import annotations

import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import (
    ACCT,
    ADDR,
    CARD,
    COORD,
    DOB,
    IBAN,
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
    pick,
)
from bench.corpus3.people import address_en, address_zh, date_text, foreign_phone, landline, person
from bench.corpus3.shape import File


def english_mail(rng: random.Random) -> File:
    buyer, supplier = person(rng), person(rng, latin_share=1.0)
    d = n.business_date(rng)
    doc = Doc().mix("Return-Path: <", (MAIL, supplier.email()), ">\n")
    doc.mix(
        "From: ",
        (NAME, f"{supplier.given} {supplier.surname}"),
        " <",
        (MAIL, supplier.email()),
        ">\n",
    )
    doc.mix("To: ", (NAME, buyer.name(2)), " <", (MAIL, buyer.email(work=True)), ">\n")
    doc.mix("Subject: RE: Proforma invoice ", (LOOK, n.invoice_number(rng)), "\n")
    doc.t(f"Date: {d:%a, %d %b %Y} 14:{rng.randrange(60):02d}:11 +0100\n")
    doc.mix("X-Originating-IP: [", (IP, n.ipv4(rng, False)), "]\n")
    doc.t("Content-Type: text/plain; charset=utf-8\n\n")
    doc.mix(
        "Hi ", (NAME, buyer.name(1).split()[1] if rng.random() < 0.5 else buyer.name(1)), ",\n\n"
    )
    doc.mix(
        "Thanks for the PO. Our bank details have changed, please use:\n\nBeneficiary: ",
        supplier.surname,
        " Industrietechnik GmbH\nIBAN: ",
        (IBAN, n.iban(rng)),
        "\nBIC: ",
        (LOOK, "COBADEFFXXX"),
        "\n\nThe spare motors (part no. ",
        (LOOK, n.part_number_mobile(rng)),
        ") ship with firmware ",
        (LOOK, n.version(rng)),
        ".\n\n",
    )
    doc.mix("Best regards,\n", (NAME, f"{supplier.given} {supplier.surname}"), "\nExport Sales\n")
    doc.mix("Phone: ", (PHONE, foreign_phone(rng)), "\n", (ADDR, address_en(rng)), "\n\n")
    doc.mix(
        "On ",
        f"{d:%d %b %Y}",
        ", ",
        (NAME, buyer.name(1)),
        " <",
        (MAIL, buyer.email(work=True)),
        "> wrote:\n",
    )
    doc.mix(
        "> Dear ",
        (NAME, f"{supplier.given} {supplier.surname}"),
        ",\n> please find PO ",
        (LOOK, n.order_number(rng)),
        " attached. Delivery to our Shunde plant,\n> ",
        (ADDR, address_en(rng)),
        ".\n> Contact on site: ",
        (NAME, buyer.name(2)),
        ", mobile ",
        (PHONE, buyer.mobile(3)),
        "\n>\n> 此致\n> ",
        (NAME, buyer.zh),
        "\n",
    )
    return File("mail", "eml", doc)


def form_table(rng: random.Random) -> File:
    p = person(rng)
    doc = Doc().t("## 新员工信息采集表 New Hire Information\n\n")
    doc.t("| 项目 Item | 内容 | 项目 Item | 内容 |\n|---|---|---|---|\n")
    doc.mix("| 姓名 Name | ", (NAME, p.zh), " | 拼音 | ", (NAME, p.name(2)), " |\n")
    doc.mix(
        "| 性别 Sex | ",
        "男 M" if p.male else "女 F",
        " | 生日 DOB | ",
        (DOB, date_text(p.born, rng.choice([4, 3, 6, 5]))),
        " |\n",
    )
    doc.mix("| 证件类型 | 居民身份证 | 证件号码 | ", (RID, p.resident_id()), " |\n")
    doc.mix(
        "| 手机 Mobile | ",
        (PHONE, p.mobile(rng.randrange(8))),
        " | 个人邮箱 | ",
        (MAIL, p.email()),
        " |\n",
    )
    doc.mix(
        "| 护照 Passport | ",
        (PASS, n.passport(rng)),
        " | 签发日期 | ",
        (LOOK, date_text(n.business_date(rng), 3)),
        " |\n",
    )
    doc.mix("| 银行卡号 | ", (CARD, n.card(rng)), " | 开户网点 | 招商银行佛山分行 |\n")
    doc.mix(
        "| 户籍地址 | ",
        (ADDR, address_zh(rng)),
        " | 邮编 | ",
        rng.choice(["528000", "528300"]),
        " |\n",
    )
    doc.mix(
        "| 社保电脑号 | ",  # a personal number, but none of the scanner's types: not labelled
        n.digits(rng, 10),
        " | 工衣编号 | ",
        (LOOK, n.batch_number(rng)),
        " |\n\n",
    )
    doc.t("### 家庭成员 Family\n\n| 关系 | 姓名 | 电话 | 工作单位 |\n|---|---|---|---|\n")
    for rel in rng.sample(["父亲", "母亲", "配偶", "子女"], 2):
        kin = person(rng)
        doc.mix(
            f"| {rel} | ",
            (NAME, kin.zh),
            " | ",
            (PHONE, kin.mobile(rng.randrange(3))),
            " | 个体 |\n",
        )
    return File("hr_form", "md", doc)


def proforma(rng: random.Random) -> File:
    buyer, contact = person(rng, latin_share=1.0), person(rng)
    doc = Doc().mix("PROFORMA INVOICE\nNo.: ", (LOOK, f"PI{n.order_number(rng)[-10:]}"), "\n")
    doc.mix(
        "Date: ",
        f"{n.business_date(rng):%d-%b-%Y}",
        "\n\nSeller: Foshan Hengli Electromechanical Co., Ltd.\n",
    )
    doc.mix(
        "Address: ",
        (ADDR, address_en(rng)),
        "\nAttn.: ",
        (NAME, contact.name(rng.choice([1, 2, 3]))),
        "  Tel: ",
        (PHONE, landline(rng, 3)),
        "\n",
    )
    doc.mix(
        "Buyer: ",
        buyer.surname,
        " Trading B.V.\nContact person: ",
        (NAME, buyer.en),
        "  E-mail: ",
        (MAIL, buyer.email()),
        "\n\n",
    )
    doc.t("Item  Model                Qty    Unit price (USD)   HS code\n")
    for _ in range(rng.randrange(2, 8)):
        doc.mix(
            f"{rng.randrange(1, 99):<6}",
            (LOOK, n.model_number(rng)),
            "   ",
            f"{rng.randrange(10, 900):<6} ",
            (LOOK, n.amount(rng)),
            "   ",
            (LOOK, n.hs_code(rng)),
            "\n",
        )
    doc.mix(
        "\nBANK INFORMATION\nBeneficiary bank: Bank of China Foshan Branch\nAccount No.: ",
        (ACCT, n.bank_account(rng)),
        "\nSWIFT: BKCHCNBJ400\nTracking: ",
        (LOOK, n.tracking_number(rng)),
        "\n",
    )
    return File("purchase_order", "txt", doc)


def yaml_ticket(rng: random.Random) -> File:
    cust, eng = person(rng), person(rng)
    lat, lon = n.coordinates(rng)
    doc = Doc().mix(
        "ticket:\n  id: ", (LOOK, n.order_number(rng)), "\n  status: closed\n  customer:\n"
    )
    doc.mix(
        "    name: ", (NAME, cust.zh), "\n    tel: '", (PHONE, cust.mobile(rng.randrange(8))), "'\n"
    )
    doc.mix("    birthday: '", (DOB, date_text(cust.born, rng.choice([0, 3, 6]))), "'\n")
    doc.mix(
        "    site: ",
        (ADDR, address_zh(rng)),
        "\n    gps: [",
        (COORD, lat),
        ", ",
        (COORD, lon),
        "]\n",
    )
    doc.mix(
        "  vehicle: ",
        (PLATE, n.plate(rng, 2)),
        "\n  device:\n    sn: ",
        (LOOK, n.serial_number(rng)),
        "\n",
    )
    doc.mix(
        "    firmware: ", (LOOK, n.version(rng)), "\n    model: ", (LOOK, n.model_number(rng)), "\n"
    )
    doc.mix("  notes: |\n    ", (NAME, eng.zh), "师傅上门，客户", (NAME, cust.zh), "在场。\n")
    doc.mix(
        "    更换主板（料号 ",
        (LOOK, n.part_number_mobile(rng)),
        "），客户要求回电 ",
        (PHONE, cust.mobile(rng.randrange(3))),
        "。\n",
    )
    return File("ticket", "yaml", doc)


def wechat_chat(rng: random.Random) -> File:
    a, b = person(rng), person(rng)
    doc = Doc()
    for _ in range(rng.randrange(8, 30)):
        who = rng.choice([a, b])
        d = n.business_date(rng)
        doc.mix(
            "[",
            f"{d.year}/{d.month}/{d.day} {rng.randrange(8, 22)}:{rng.randrange(60):02d}",
            "] ",
            (NAME, who.zh),
            ": ",
        )
        lat, lon = n.coordinates(rng)
        doc.mix(
            *pick(
                rng,
                [
                    [
                        "[位置] ",
                        (ADDR, address_zh(rng, full=False)),
                        " (",
                        (COORD, f"{lat}, {lon}"),
                        ")",
                    ],
                    [
                        "我身份证号 ",
                        (RID, who.resident_id()),
                        "，生日是",
                        (DOB, date_text(who.born, 4)),
                    ],
                    ["发票抬头开公司，税号 ", (LOOK, n.credit_code(rng))],
                    ["[转账] ¥", (LOOK, n.amount(rng).lstrip("¥RMB "))],
                    ["车到了，", (PLATE, n.plate(rng, 0)), "，在门口"],
                    ["嗯嗯"],
                    ["[图片]"],
                    ["座机打不通，打我手机", (PHONE, who.mobile(rng.randrange(3)))],
                    ["护照号", (PASS, n.passport(rng)), "，订机票用"],
                ],
            )
        )
        doc.t("\n")
    return File("chat", "txt", doc)


def ini_config(rng: random.Random) -> File:
    ops = person(rng)
    doc = Doc().t("; MES gateway\n[general]\n")
    doc.mix(
        "version = ",
        (LOOK, n.version(rng)),
        "\nbuild = ",
        (LOOK, n.hexdigest(rng, 12)),
        "\n\n[database]\n",
    )
    doc.mix(
        "dsn = postgresql://mes:",
        (SECRET, n.password(rng)),
        "@",
        (IP, n.ipv4(rng, True)),
        ":5432/mes\n",
    )
    doc.mix(
        "replica_host = ",
        (IP, n.ipv4(rng, True)),
        "\n\n[ldap]\nbind_dn = cn=svc_mes,dc=hengli,dc=local\n",
    )
    doc.mix("bind_password = ", (SECRET, n.password(rng)), "\n\n[notify]\n")
    doc.mix("owner = ", (NAME, ops.en), "\nowner_mobile = ", (PHONE, ops.mobile(0)), "\n")
    doc.mix(
        "webhook_key = ", (SECRET, n.uuid_text(rng)), "\napi_token = ", (SECRET, n.token(rng)), "\n"
    )
    return File("config", "ini", doc)


def yaml_config(rng: random.Random) -> File:
    doc = Doc().t("spring:\n  datasource:\n")
    doc.mix("    url: jdbc:mysql://", (IP, n.ipv4(rng, True)), ":3306/wms?useSSL=false\n")
    doc.mix("    username: wms\n    password: ", (SECRET, n.password(rng)), "\n")
    doc.mix(
        "app:\n  release: ",
        (LOOK, n.version(rng)),
        "\n  sms:\n    access-key: ",
        (SECRET, n.token(rng, 0)),
        "\n",
    )
    doc.mix(
        "    secret: ",
        (SECRET, n.token(rng, 4)),
        "\n  trace-salt: ",
        (LOOK, n.uuid_text(rng)),
        "\n",
    )
    return File("config", "yaml", doc)
