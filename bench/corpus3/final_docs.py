"""The final family's documents (issue 18): HTML mail bodies and Foxmail text exports; HR
registration forms as HTML tables; SF and DHL waybills; warranty registration cards drawn
with box characters; service-visit reports and complaint letters in prose (people and places
in running text); WeCom group chats under nicknames; Kubernetes secrets, docker-compose
files and Java .properties.
"""

from __future__ import annotations

import base64
import random

from bench.corpus3 import numbers as n
from bench.corpus3.doc import (
    ACCT,
    ADDR,
    CARD,
    COORD,
    CREDIT,
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
from bench.corpus3.people import (
    address_en,
    address_zh,
    date_text,
    foreign_phone,
    landline,
    person,
)
from bench.corpus3.shape import File

PRODUCTS = ["变频空调", "洗碗机", "燃气热水器", "电饭煲", "空气能热泵", "商用冷柜"]


def html_mail(rng: random.Random) -> File:
    """The HTML body of a supplier's mail, as a mail client saves it."""
    me, them = person(rng), person(rng, latin_share=1.0)
    doc = Doc().t('<html><head><meta charset="utf-8"><style>p{margin:0}</style></head>\n<body>\n')
    doc.mix("<p>Dear ", (NAME, me.name(rng.choice([1, 2]))), ",</p>\n<p>&nbsp;</p>\n")
    doc.mix("<p>As discussed with <b>", (NAME, me.zh), "</b>, please remit the deposit for PI ")
    doc.mix(
        "<span>", (LOOK, n.invoice_number(rng)), "</span> (", (LOOK, n.amount(rng)), ") to:</p>\n"
    )
    doc.t('<table border="0" cellpadding="2">\n<tr><td>Beneficiary</td><td>')
    doc.t(f"{them.surname} Components GmbH</td></tr>\n<tr><td>IBAN</td><td>")
    doc.mix((IBAN, n.iban(rng)), "</td></tr>\n<tr><td>SWIFT</td><td>")
    doc.mix(
        (LOOK, rng.choice(["DEUTDEFFXXX", "BNPAFRPPXXX", "INGBNL2A"])), "</td></tr>\n</table>\n"
    )
    doc.mix("<p>Tracking for the samples: DHL ", (LOOK, f"{n.digits(rng, 10)}"), "</p>\n")
    doc.mix("<p>Best regards,<br>\n", (NAME, f"{them.given} {them.surname}"), "<br>\n")
    doc.mix("Key Account Manager APAC<br>\nT ", (PHONE, foreign_phone(rng)), "<br>\n")
    doc.mix('<a href="mailto:', (MAIL, them.email()), '">', (MAIL, them.email()), "</a><br>\n")
    doc.mix((ADDR, address_en(rng)), "</p>\n")
    doc.mix('<div style="border-top:1px solid #ccc">From: ', (NAME, me.name(1)), " &lt;")
    doc.mix((MAIL, me.email(work=True)), "&gt;<br>\nSent: ", f"{n.business_date(rng)}<br>\n")
    doc.mix("<p>请把发票寄到 ", (ADDR, address_zh(rng)), "，收件人 ", (NAME, me.zh), " ")
    doc.mix((PHONE, me.mobile(rng.randrange(8))), "。</p></div>\n</body></html>\n")
    return File("mail", "html", doc)


def foxmail_text(rng: random.Random) -> File:
    """A mail saved as text by Foxmail: Chinese headers in full-width colons, a reply chain."""
    me, cust = person(rng), person(rng)
    d = n.business_date(rng)
    doc = Doc().mix('发件人："', (NAME, cust.zh), '"<', (MAIL, cust.email()), ">;\n")
    doc.t(f"发送时间：{d.year}年{d.month}月{d.day}日(星期{'一二三四五六日'[d.weekday()]}) ")
    doc.t(f"下午{rng.randrange(1, 6)}:{rng.randrange(60):02d}\n")
    doc.mix('收件人："', (NAME, me.zh), '"<', (MAIL, me.email(work=True)), ">;\n")
    doc.mix("主题：关于延保卡 ", (LOOK, n.serial_number(rng)), " 的更正\n\n")
    doc.mix((NAME, me.zh), " 经理您好，\n    上次登记延保时写错了，正确的是：车牌 ")
    doc.mix((PLATE, n.plate(rng, rng.randrange(3))), "，生日 ", (DOB, date_text(cust.born, 9)))
    doc.mix("，身份证 ", (RID, cust.resident_id()), "。发票号 ", (LOOK, n.invoice_number(rng)))
    doc.mix(
        " 不变。\n    谢谢！\n\n",
        (NAME, cust.zh),
        "\n",
        (PHONE, cust.mobile(rng.randrange(8))),
        "\n",
    )
    return File("mail", "txt", doc)


def hr_html(rng: random.Random) -> File:
    p, kin = person(rng), person(rng)
    td = "</td><td>"
    doc = Doc().t('<h3>佛山恒力机电集团 员工入职登记表</h3>\n<table border="1" cellspacing="0">\n')
    doc.mix("<tr><td>姓名", td, (NAME, p.zh), td, "曾用名", td, "无", td, "性别", td)
    doc.t("男" if p.male else "女", '</td><td rowspan="3">照片</td></tr>\n')
    doc.mix("<tr><td>出生日期", td, (DOB, date_text(p.born, rng.choice([4, 1, 3]))), td, "民族")
    doc.mix(td, "汉", td, "政治面貌", td, "群众</td></tr>\n")
    doc.mix("<tr><td>身份证号", '</td><td colspan="3">', (RID, p.resident_id()), td, "婚否", td)
    doc.t(rng.choice(["已婚", "未婚"]), "</td></tr>\n")
    doc.mix("<tr><td>户籍地址", '</td><td colspan="6">', (ADDR, address_zh(rng)), "</td></tr>\n")
    doc.mix("<tr><td>现住址", '</td><td colspan="6">', (ADDR, address_zh(rng)), "</td></tr>\n")
    doc.mix(
        "<tr><td>手机", td, (PHONE, p.mobile(rng.randrange(3))), td, "邮箱", '</td><td colspan="3">'
    )
    doc.mix((MAIL, p.email()), "</td></tr>\n")
    doc.mix("<tr><td>工资卡(建行)", '</td><td colspan="3">', (CARD, n.grouped(n.card(rng))), td)
    doc.mix("护照号", td, (PASS, n.passport(rng)), "</td></tr>\n")
    doc.mix(
        "<tr><td>紧急联系人",
        td,
        (NAME, kin.zh),
        td,
        "关系",
        td,
        rng.choice(["配偶", "父亲", "母亲"]),
    )
    doc.mix(td, "电话", td, (PHONE, kin.mobile(rng.randrange(4))), "</td></tr>\n")
    doc.mix("<tr><td>工号", td, (LOOK, n.part_number_mobile(rng)), td, "入职日期", td)
    doc.mix((LOOK, date_text(n.business_date(rng), 0)), td, "车牌", td, (PLATE, n.plate(rng, 0)))
    return File("hr_form", "html", doc.t("</td></tr>\n</table>\n"))


def waybill(rng: random.Random) -> File:
    sender, receiver = person(rng), person(rng, latin_share=0.3)
    if rng.random() < 0.6:
        doc = Doc().t("顺丰速运 电子运单（客户联）\n")
        doc.mix(
            "运单号：",
            (LOOK, f"SF{n.digits(rng, 13)}"),
            "    月结卡号：",
            (LOOK, n.digits(rng, 10)),
        )
        doc.mix(
            "\n寄件：", (NAME, sender.zh), "  ", (PHONE, sender.mobile(rng.choice([0, 2]))), "\n"
        )
        doc.mix(
            "      ",
            (ADDR, address_zh(rng)),
            "\n收件：",
            (NAME, receiver.en if receiver.latin else receiver.zh),
        )
        doc.mix(
            "  ", (PHONE, receiver.mobile(0) if not receiver.latin else foreign_phone(rng)), "\n"
        )
        doc.mix("      ", (ADDR, address_en(rng) if receiver.latin else address_zh(rng)), "\n")
        doc.mix(f"托寄物：{rng.choice(PRODUCTS)}配件  件数：{rng.randrange(1, 9)}  计费重量：")
        doc.mix(f"{rng.randrange(1, 400) / 10}kg\n声明价值：", (LOOK, n.amount(rng)))
        doc.mix(
            "  原寄地：",
            (LOOK, f"757{rng.choice('ABCDEFG')}"),
            "  目的地：",
            (LOOK, f"{rng.randrange(10, 999):03d}"),
        )
        doc.mix("\n快递员：", (NAME, person(rng).zh), " 工号 ", (LOOK, n.digits(rng, 6)), "\n")
        return File("purchase_order", "txt", doc)
    doc = Doc().t("DHL EXPRESS WORLDWIDE   WAYBILL ").v(LOOK, n.digits(rng, 10)).t("\n")
    doc.mix("Account: ", (LOOK, f"96{n.digits(rng, 7)}"), "   Date: ", f"{n.business_date(rng)}\n")
    doc.mix("From: ", (NAME, sender.name(2)), "\n      Foshan Hengli M&E Co., Ltd.\n      ")
    doc.mix((ADDR, address_en(rng)), "\n      Tel ", (PHONE, landline(rng, 3)), "\n")
    doc.mix("To:   ", (NAME, receiver.en), "\n      ", (ADDR, address_en(rng)), "\n      Tel ")
    doc.mix((PHONE, foreign_phone(rng)), "   Passport/Tax ID ", (PASS, n.passport(rng, True)), "\n")
    doc.mix("Contents: spare parts HS ", (LOOK, n.hs_code(rng)), "  Declared value USD ")
    doc.mix(
        (LOOK, f"{rng.randrange(10, 9000)}.00"),
        "\nDuties paid by card ",
        (CREDIT, n.card(rng, True)),
        "\n",
    )
    return File("purchase_order", "txt", doc)


def warranty_card(rng: random.Random) -> File:
    p = person(rng)
    bar = "─" * 38
    doc = Doc().t(f"┌{bar}┐\n│   恒力电器 产品保修登记卡 (用户联)   │\n├{bar}┤\n")
    doc.mix("│ 用户姓名：", (NAME, p.zh), "\n│ 联系电话：", (PHONE, p.mobile(rng.randrange(3))))
    doc.mix(
        " / ", (PHONE, landline(rng, rng.randrange(6))), "\n│ 安装地址：", (ADDR, address_zh(rng))
    )
    doc.mix(
        "\n│ 产品型号：", (LOOK, n.model_number(rng)), "   机身编码：", (LOOK, n.serial_number(rng))
    )
    doc.mix("\n│ 购买日期：", (LOOK, date_text(n.business_date(rng), 4)), "   发票号码：")
    doc.mix((LOOK, n.invoice_number(rng)), "\n│ 安装人员：", (NAME, person(rng).zh), "  条码 ")
    doc.mix(
        (LOOK, n.ean13(rng)),
        f"\n├{bar}┤\n│ 延保服务费已付，银行卡尾号 ",
        f"{rng.randrange(10**4):04d}",
    )
    doc.mix(
        "\n│ 全国服务热线 ", (LOOK, f"400-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}")
    )
    doc.t(f"\n└{bar}┘\n")
    return File("crm", "txt", doc)


def service_report(rng: random.Random) -> File:
    eng, cust, mate = person(rng), person(rng), person(rng)
    d = n.business_date(rng)
    lat, lon = n.coordinates(rng)
    doc = Doc().t("上门服务报告  工单 ").v(LOOK, n.order_number(rng)).t("\n\n")
    doc.mix(f"{d.month}月{d.day}日上午，我司服务工程师", (NAME, eng.zh), "与", (NAME, mate.zh))
    doc.mix("驾驶服务车", (PLATE, n.plate(rng, rng.randrange(3))), "前往", (ADDR, address_zh(rng)))
    doc.mix("，为", (NAME, cust.zh), rng.choice(["先生", "女士"]), "检修", rng.choice(PRODUCTS))
    doc.mix("（机号 ", (LOOK, n.serial_number(rng)), "）。到场签到位置 ", (COORD, f"{lat},{lon}"))
    doc.mix(
        "。\n\n经检测，室外机主板故障，更换主板（物料 ", (LOOK, n.part_number_mobile(rng)), "）"
    )
    doc.mix("后试机正常。客户留下的回访电话为", (PHONE, cust.mobile(rng.randrange(8))), "，")
    doc.mix(*pick(rng, [["如有问题请直接找", (NAME, eng.zh), "。"],
                        ["费用已由客户用银行卡", (CARD, n.card(rng)), "刷卡支付。"],
                        ["客户要求发票抬头写个人，邮箱", (MAIL, cust.email()), "。"]]))  # fmt: skip
    doc.mix("\n\n工程师签名：", (NAME, eng.zh), "    客户签名：", (NAME, cust.zh), "\n")
    return File("ticket", "txt", doc)


def complaint_letter(rng: random.Random) -> File:
    p = person(rng)
    d = n.business_date(rng)
    doc = Doc().t("尊敬的恒力电器客户服务部：\n\n    本人")
    doc.mix((NAME, p.zh), "（身份证号码", (RID, p.resident_id()), "），于", (LOOK, date_text(d, 4)))
    doc.mix("在贵司顺德旗舰店购买", rng.choice(PRODUCTS), "一台，型号", (LOOK, n.model_number(rng)))
    doc.mix("，订单号", (LOOK, n.order_number(rng)), "。使用不到一个月即出现漏水，贵司维修人员")
    doc.mix((NAME, person(rng).zh), "三次上门均未修好。\n    本人家住", (ADDR, address_zh(rng)))
    doc.mix(
        "，家中老人出生于",
        (DOB, date_text(person(rng).born, 4)),
        "，行动不便，漏水已造成地板损坏。",
    )
    doc.mix("\n    现要求退货退款，款项请退回本人账户 ", (ACCT, n.bank_account(rng)), "（")
    doc.mix(rng.choice(["农商银行", "中国银行", "工商银行"]), "），或联系我的手机")
    doc.mix((PHONE, p.mobile(rng.randrange(8))), "。\n\n此致\n敬礼\n\n投诉人：", (NAME, p.zh))
    doc.t(f"\n{d.year}年{d.month}月{d.day}日\n")
    return File("ticket", "txt", doc)


def wecom_group(rng: random.Random) -> File:
    """A WeCom group exported by a third-party tool: display names are `部门-姓名` or a
    nickname; @-mentions; a day separator line."""
    crew = [person(rng) for _ in range(4)]
    depts = ["售后", "顺德仓", "财务", "物流"]
    nick = ["小太阳🌞", "A.A.", "奋斗ing", "一帆风顺"]
    doc = Doc().t("群聊「华南售后·安装调度」 导出工具 v")
    doc.v(LOOK, n.version(rng)).t("\n")
    day = n.business_date(rng)
    for i in range(rng.randrange(8, 30)):
        if i % 7 == 0:
            doc.t(f"\n———————— {day:%Y-%m-%d} ————————\n")
        k = rng.randrange(4)
        who = crew[k]
        if rng.random() < 0.7:
            doc.mix(depts[k], "-", (NAME, who.zh))
        else:
            doc.t(nick[k])
        doc.t(f"  {rng.randrange(8, 21):02d}:{rng.randrange(60):02d}\n")
        other, mate = person(rng), rng.choice(crew)
        lat, lon = n.coordinates(rng)
        tel, waybill_no = other.mobile(rng.randrange(8)), f"SF{n.digits(rng, 13)}"
        born = date_text(other.born, 2)
        doc.mix(*pick(rng, [
            ["@", (NAME, mate.zh), " 客户", (NAME, other.zh), "改约明天，电话", (PHONE, tel)],
            ["[位置]", (ADDR, address_zh(rng, full=False)), "\n", (COORD, f"{lat}, {lon}")],
            ["备件", (LOOK, n.part_number_mobile(rng)), "已出库，顺丰", (LOOK, waybill_no)],
            ["客户要开发票，邮箱", (MAIL, other.email()), "，生日", (DOB, born), "要登记会员"],
            ["报销打到我卡上 ", (CARD, n.grouped(n.card(rng), 4, " ")), " 谢谢"],
            ["收到👌"],
        ]))  # fmt: skip
        doc.t("\n")
    return File("chat", "txt", doc)


def k8s_secret(rng: random.Random) -> File:
    password, key = n.password(rng), n.token(rng, 0)
    doc = Doc().t("apiVersion: v1\nkind: Secret\nmetadata:\n  name: erp-backend\n")
    doc.t(f"  namespace: prod\n  uid: {n.uuid_text(rng)}\ntype: Opaque\ndata:\n  DB_PASSWORD: ")
    doc.v(SECRET, base64.b64encode(password.encode()).decode()).t("\nstringData:\n  OSS_KEY_ID: ")
    doc.v(SECRET, key).t('\n  OSS_KEY_SECRET: "').v(SECRET, n.token(rng, 4)).t('"\n---\n')
    owner = person(rng)
    doc.t("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: erp-backend\n  annotations:\n")
    doc.mix(
        "    owner: ", (NAME, owner.name(1)), "\n    owner-mail: ", (MAIL, owner.email(work=True))
    )
    doc.mix('\ndata:\n  DB_HOST: "', (IP, n.ipv4(rng, True)), '"\n  APP_VERSION: "')
    doc.mix(
        (LOOK, n.version(rng)), '"\n  IMAGE_DIGEST: sha256:', (LOOK, n.hexdigest(rng, 64)), "\n"
    )
    return File("config", "yaml", doc)


def compose_env(rng: random.Random) -> File:
    admin = person(rng)
    doc = Doc().t('version: "3.8"\nservices:\n  mysql:\n    image: mysql:5.7.40\n')
    doc.t("    environment:\n      - MYSQL_ROOT_PASSWORD=").v(SECRET, n.password(rng))
    doc.t('\n      - TZ=Asia/Shanghai\n    ports:\n      - "3306:3306"\n  app:\n')
    doc.mix(
        "    image: registry.hengli.local/erp/app:", (LOOK, n.version(rng)), "\n    environment:\n"
    )
    doc.mix("      SPRING_DATASOURCE_URL: jdbc:mysql://", (IP, n.ipv4(rng, True)), ":3306/erp\n")
    doc.mix("      WECOM_SECRET: ", (SECRET, n.token(rng, 4)), '\n      ALERT_MOBILE: "')
    doc.mix((PHONE, admin.mobile(0)), '"\n      ALERT_MAIL: ', (MAIL, admin.email(work=True)), "\n")
    doc.mix('    extra_hosts:\n      - "erp-db:', (IP, n.ipv4(rng, True)), '"\n')
    return File("config", "yml", doc)


def properties(rng: random.Random) -> File:
    ops = person(rng)
    doc = Doc().t("# application-prod.properties\nserver.port=8080\nserver.address=")
    doc.v(IP, n.ipv4(rng, True)).t(
        "\nspring.datasource.username=erp_rw\nspring.datasource.password="
    )
    doc.v(SECRET, n.password(rng)).t("\naliyun.oss.access-key-secret=").v(SECRET, n.token(rng, 4))
    doc.t("\nwx.mp.secret=").v(SECRET, n.token(rng, 5)).t("\nops.oncall.name=").v(NAME, ops.zh)
    doc.t("\nops.oncall.mobile=").v(PHONE, ops.mobile(rng.choice([0, 4])))
    doc.t("\nmail.from=").v(MAIL, ops.email(work=True)).t("\napp.build=").v(LOOK, n.version(rng))
    doc.t("\napp.release-date=").v(LOOK, date_text(n.business_date(rng), 0))
    doc.t("\nmap.default-center=").v(COORD, ",".join(n.coordinates(rng))).t("\n")
    return File("config", "properties", doc)
