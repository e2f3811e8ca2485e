"""The dev family's documents: Outlook mail with a forwarded original; onboarding forms of
`label：value` lines; purchase orders; after-sales tickets; WeCom chat exports; .env files.
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
from bench.corpus3.people import address_zh, date_text, landline, person
from bench.corpus3.shape import File


def outlook_mail(rng: random.Random) -> File:
    me, you, cust = person(rng), person(rng), person(rng)
    d = n.business_date(rng)
    doc = Doc().mix("From: ", (NAME, me.name(1)), " <", (MAIL, me.email(work=True)), ">\n")
    doc.mix("To: ", (NAME, you.name(rng.choice([1, 2]))), " <", (MAIL, you.email(work=True)), ">\n")
    doc.t(f"Subject: 转发: 客户资料确认 {rng.randrange(1000, 9999)}\n")
    doc.t(f"Date: {d:%a, %d %b %Y} 09:{rng.randrange(60):02d}:00 +0800\n")
    doc.mix("Message-ID: <", (LOOK, n.hexdigest(rng, 24)), "@fs-hengli.com.cn>\n")
    doc.t('MIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\n')
    doc.t("Content-Transfer-Encoding: 8bit\n\n")
    doc.mix((NAME, you.zh), "，你好：\n\n请帮忙核对以下客户信息，用于开具发票和安排送货：\n\n")
    doc.mix("客户：", (NAME, cust.zh), "\n电话：", (PHONE, cust.mobile(rng.randrange(4))), "\n")
    doc.mix("身份证：", (RID, cust.resident_id()), "\n收货地址：", (ADDR, address_zh(rng)), "\n")
    doc.mix("订单号：", (LOOK, n.order_number(rng)), "，型号 ", (LOOK, n.model_number(rng)), "\n\n")
    doc.mix("谢谢！\n\n", (NAME, me.zh), "\n销售部 | 佛山恒力机电集团有限公司\n")
    doc.mix("Tel: ", (PHONE, landline(rng, 1)), "  Mobile: ", (PHONE, me.mobile(3)), "\n")
    doc.mix("地址：", (ADDR, address_zh(rng)), "\n\n")
    doc.t("-----原始邮件-----\n")
    doc.mix("发件人: ", (NAME, cust.zh), " <", (MAIL, cust.email()), ">\n")
    doc.t(f"发送时间: {d.year}年{d.month}月{d.day}日 16:20\n")
    doc.mix("收件人: ", (MAIL, me.email(work=True)), "\n主题: 购买咨询\n\n")
    doc.mix(
        "您好，我想买一台 ",
        (LOOK, n.model_number(rng)),
        "，能不能送到我家？我的车牌是 ",
        (PLATE, n.plate(rng, 0)),
        "，可以自己来提货。出生日期 ",
        (DOB, date_text(cust.born, 4)),
        "，会员卡需要的话可以登记。\n",
    )
    return File("mail", "eml", doc)


def onboarding_form(rng: random.Random) -> File:
    p, kin = person(rng), person(rng)
    doc = Doc().t("佛山恒力机电集团 员工入职登记表\n", "=" * 30, "\n\n")
    doc.mix(
        "工号：",
        f"HL{rng.randrange(10**5):05d}",
        "    部门：",
        rng.choice(["总装车间", "品质部", "财务部"]),
        "\n",
    )
    doc.mix(
        "姓名：",
        (NAME, p.zh),
        "    性别：",
        "男" if p.male else "女",
        "    出生日期：",
        (DOB, date_text(p.born, rng.choice([3, 4, 2, 0]))),
        "\n",
    )
    doc.mix("英文名：", (NAME, p.name(rng.choice([1, 2]))), "\n")
    doc.mix("身份证号码：", (RID, p.resident_id()), "\n")
    doc.mix("户籍地址：", (ADDR, address_zh(rng)), "\n现住址：", (ADDR, address_zh(rng)), "\n")
    doc.mix("手机：", (PHONE, p.mobile(rng.randrange(3))), "    邮箱：", (MAIL, p.email()), "\n")
    doc.mix(
        "工资卡号：", (CARD, n.grouped(n.card(rng)) if rng.random() < 0.5 else n.card(rng)), "\n"
    )
    doc.t("开户行：中国建设银行佛山顺德支行\n")
    if rng.random() < 0.5:
        doc.mix("护照号码：", (PASS, n.passport(rng)), "\n")
    if rng.random() < 0.5:
        doc.mix("车牌号码（办理停车证）：", (PLATE, n.plate(rng, rng.randrange(3))), "\n")
    doc.mix("紧急联系人：", (NAME, kin.zh), "    电话：", (PHONE, kin.mobile(2)), "\n")
    doc.mix("入职日期：", (LOOK, date_text(n.business_date(rng), 0)), "\n")
    doc.mix(
        "工衣尺码：",
        rng.choice(["L", "XL", "M"]),
        "    储物柜编号：",
        f"G-{rng.randrange(300)}",
        "\n",
    )
    return File("hr_form", "txt", doc)


def purchase_order(rng: random.Random) -> File:
    buyer, seller = person(rng), person(rng)
    doc = Doc().mix("采购订单 Purchase Order\n订单编号：", (LOOK, n.order_number(rng)), "\n")
    doc.mix(
        "下单日期：",
        date_text(n.business_date(rng), 0),
        "\n\n供应商：佛山市南海区",
        rng.choice(["宏达五金厂", "志成塑胶有限公司", "顺通电子"]),
        "\n",
    )
    doc.mix(
        "联系人：", (NAME, seller.zh), "  电话：", (PHONE, seller.mobile(rng.randrange(3))), "\n"
    )
    doc.mix("开户行：农业银行佛山南海支行  账号：", (ACCT, n.bank_account(rng)), "\n")
    doc.mix("统一社会信用代码：", (LOOK, n.credit_code(rng)), "\n")
    if rng.random() < 0.4:
        doc.mix(
            "境外收款行 Beneficiary IBAN：",
            (IBAN, n.grouped(n.iban(rng)) if rng.random() < 0.5 else n.iban(rng)),
            "\n",
        )
    doc.t("\n")
    doc.t("序号 | 物料编码 | 规格型号 | 数量 | 单价 | 金额\n")
    for i in range(rng.randrange(2, 12)):
        doc.mix(
            f"{i + 1} | ",
            (LOOK, n.part_number_mobile(rng)),
            " | ",
            (LOOK, n.model_number(rng)),
            f" | {rng.randrange(1, 500)} | ",
            (LOOK, n.amount(rng)),
            " | ",
            (LOOK, n.amount(rng)),
            "\n",
        )
    doc.mix("\n收货人：", (NAME, buyer.zh), "  ", (PHONE, buyer.mobile(rng.randrange(3))), "\n")
    doc.mix("收货地址：", (ADDR, address_zh(rng)), "\n")
    doc.mix("发票号码：", (LOOK, n.invoice_number(rng)), "\n")
    return File("purchase_order", "txt", doc)


def ticket(rng: random.Random) -> File:
    cust, eng = person(rng), person(rng)
    lat, lon = n.coordinates(rng)
    doc = Doc().mix("# 售后服务工单 ", (LOOK, f"SR{n.order_number(rng)[-12:]}"), "\n\n")
    doc.mix(
        "- 客户姓名：",
        (NAME, cust.zh),
        "\n- 联系电话：",
        (PHONE, cust.mobile(rng.randrange(4))),
        "\n",
    )
    doc.mix(
        "- 产品型号：",
        (LOOK, n.model_number(rng)),
        "\n- 序列号：",
        (LOOK, n.serial_number(rng)),
        "\n",
    )
    doc.mix("- 上门地址：", (ADDR, address_zh(rng)), "\n- 定位：", (COORD, f"{lat},{lon}"), "\n")
    doc.mix("- 派单工程师：工程师", (NAME, eng.zh), "（", (PHONE, eng.mobile(0)), "）\n\n")
    doc.mix(
        "## 故障描述\n客户反映空调外机异响，固件版本 ",
        (LOOK, n.version(rng)),
        "，已于上次保养更换电容（批次 ",
        (LOOK, n.batch_number(rng)),
        "）。\n",
    )
    doc.mix(
        "## 处理记录\n",
        (NAME, eng.zh),
        "到场检查后更换风扇电机，物料 ",
        (LOOK, n.part_number_mobile(rng)),
        "，收费 ",
        (LOOK, n.amount(rng)),
        " 元，客户已签字确认。快递单号 ",
        (LOOK, n.tracking_number(rng)),
        "。\n",
    )
    return File("ticket", "md", doc)


def wecom_chat(rng: random.Random) -> File:
    people = [person(rng) for _ in range(3)]
    doc = Doc().t("企业微信 聊天记录导出\n群聊：华南区售后对接群\n\n")
    for _ in range(rng.randrange(8, 30)):
        who = rng.choice(people)
        d = n.business_date(rng)
        doc.mix(
            f"{d} {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d} ",
            (NAME, who.zh),
            "\n",
        )
        other = person(rng)
        doc.mix(
            *pick(
                rng,
                [
                    [
                        "客户",
                        (NAME, other.zh),
                        "电话",
                        (PHONE, other.mobile(rng.randrange(3))),
                        "，麻烦今天联系一下",
                    ],
                    ["地址发你了：", (ADDR, address_zh(rng, full=False))],
                    [
                        "配件单号 ",
                        (LOOK, n.order_number(rng)),
                        "，物料号 ",
                        (LOOK, n.part_number_mobile(rng)),
                    ],
                    ["快递 ", (LOOK, n.tracking_number(rng)), " 已发"],
                    ["收到，明天上午过去"],
                    ["客户身份证 ", (RID, other.resident_id()), " 办延保用"],
                    ["好的👌"],
                    ["报销打到我卡上 ", (CARD, n.card(rng))],
                ],
            )
        )
        doc.t("\n\n")
    return File("chat", "txt", doc)


def dotenv(rng: random.Random) -> File:
    admin = person(rng)
    doc = Doc().t("# ERP middleware settings (prod)\n")
    doc.mix(
        "APP_VERSION=",
        (LOOK, n.version(rng)),
        "\n",
        "BUILD_SHA=",
        (LOOK, n.hexdigest(rng, 40)),
        "\n",
    )
    doc.mix(
        "DATABASE_URL=mysql://erp_rw:",
        (SECRET, n.password(rng)),
        "@",
        (IP, n.ipv4(rng, True)),
        ":3306/erp\n",
    )
    doc.mix("REDIS_PASSWORD=", (SECRET, n.password(rng)), "\n")
    doc.mix(
        "WECOM_CORP_ID=ww",
        n.hexdigest(rng, 16),
        "\nWECOM_CORP_SECRET=",
        (SECRET, n.token(rng, 4)),
        "\n",
    )
    doc.mix("OSS_ACCESS_KEY_ID=", (SECRET, n.token(rng, 0)), "\n")
    doc.mix(
        "SMTP_USER=",
        (MAIL, admin.email(work=True)),
        "\nSMTP_PASS=",
        (SECRET, n.password(rng)),
        "\n",
    )
    doc.mix("ADMIN_CONTACT=", (NAME, admin.en), "\n")
    doc.mix("REQUEST_ID_SEED=", (LOOK, n.uuid_text(rng)), "\n")
    return File("config", "env", doc)
