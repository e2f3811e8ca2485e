"""Purchase orders, forms and tickets of corpus 14: bilingual PO text, HTML / markdown
onboarding forms, visa invitation letters, 入职登记表 as text tables; Jira / Zendesk CSV
exports and plain after-sales tickets with the dialogue."""

from __future__ import annotations

import datetime as dt

from bench.corpus14.catalog import (
    COMPANIES,
    CUSTOMERS,
    Field,
    lookalike_fields,
    mixed,
    one,
    person_fields,
)
from bench.corpus14.doc import LOOKALIKE, Doc, Sink, V, csv_row
from bench.corpus14.talk import message
from bench.corpus14.values import BANKS, Gen, Who

ITEMS = (
    ("不锈钢面板", "Stainless front panel"),
    ("电机总成", "Motor assembly"),
    ("控制主板", "Main control board"),
    ("玻璃门体", "Glass door"),
    ("密封圈", "Sealing ring"),
    ("风机叶轮", "Fan impeller"),
    ("电源线", "Power cord"),
    ("温控器", "Thermostat"),
    ("包装彩盒", "Colour box"),
    ("说明书", "User manual"),
)
FAULTS = (
    "开机无反应",
    "运行噪音大",
    "漏水",
    "显示E3故障代码",
    "加热不工作",
    "遥控失灵",
    "Motor stops after 5 minutes",
    "Door seal leaks",
)


def po(g: Gen, sink: Sink, n: int) -> None:
    doc = Doc()
    co, buyer = g.pick(COMPANIES), g.pick(CUSTOMERS)
    me, them = g.chinese(), g.anyone()
    stamp = g.stamp()
    doc.t("采购订单  PURCHASE ORDER\n" + "=" * 64 + "\n")
    doc.t(f"订单编号 PO No.: PO{stamp:%Y%m}-{g.digits(5)}        日期 Date: {stamp:%Y-%m-%d}\n")
    doc.t("客户订单号 Customer Ref.: ").v(LOOKALIKE, g.mobile_like()).t("\n\n")
    doc.t(f"供方 Supplier: {co[0]} / {co[1]}\n统一社会信用代码 USCC: ").v(LOOKALIKE, g.uscc()).t(
        "\n"
    )
    doc.t("联系人 Contact: ").p(g.spell(me)).t("   手机 Mob.: ").v("phone", g.mobile_written()).t(
        "\n"
    )
    doc.t("邮箱 Email: ").v("email", g.work_email(me, co[2]) if me.sur else me.email).t("\n")
    doc.t(f"\n需方 Buyer: {buyer}\n")
    doc.t("联系人 Attn.: ").p(g.spell(them)).t("   Tel: ").v("phone", g.phone_of(them)).t("\n")
    doc.t("送货地址 Ship to: ").v("address", g.address_of(them)).t("\n\n")
    doc.t(
        f"{'序号':<4}{'料号 Part No.':<18}{'描述 Description':<36}{'数量 Qty':>10}{'单价 Price':>12}\n"  # noqa: E501
    )
    doc.t("-" * 84 + "\n")
    for i in range(g.r.randint(2, 7)):
        zh, en = g.pick(ITEMS)
        doc.t(f"{i + 1:<4}").v(LOOKALIKE, g.mobile_like() if g.chance(0.5) else g.part_no())
        doc.t(
            f"   {zh} {en}".ljust(40)
            + f"{g.r.randint(50, 3000):>10}{g.r.randint(100, 90000) / 100:>12.2f}\n"
        )
    doc.t("-" * 84 + "\n")
    doc.t("交货日期 Delivery date: ").v(LOOKALIKE, g.recent_written()).t("\n")
    doc.t("运输 Shipping: ").v(LOOKALIKE, g.waybill()).t("\n")
    if them.locale == "zh":
        doc.t(f"付款方式 Payment: 月结30天  开户行: {g.pick(BANKS)}\n")
        doc.t("对公账号 Account No.: ").v("bank_account", g.account_cn()).t("\n")
    else:
        doc.t("Payment: T/T 30% deposit, balance before shipment\nBeneficiary IBAN: ").v(
            "iban", g.iban()
        ).t("\n")
    if g.chance(0.5):
        doc.t("产品型号 Model: ").v(LOOKALIKE, g.model()).t("   固件 Firmware: ").v(
            LOOKALIKE, "V" + g.version()
        ).t("\n")
    doc.t("\n批准 Approved by: ").p(g.spell(g.chinese())).t(f"        {stamp:%Y-%m-%d}\n")
    doc.t("质量热线 Quality hotline: ").v(LOOKALIKE, g.hotline()).t("\n")
    sink.text(
        "purchase_order", f"PO_{n:05d}.txt", doc, encoding=g.pick(("utf-8", "utf-8", "gb18030"))
    )


def _html_form(g: Gen, fields: list[Field], title: str) -> Doc:
    doc = Doc()
    doc.t(
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>\n<body>\n'  # noqa: E501
    )
    doc.t(f'<h2>{title}</h2>\n<table class="form">\n')
    for czh, cen, pieces in fields:
        doc.t(f"  <tr><th>{czh} / {cen}</th><td>").p(pieces).t("</td></tr>\n")
    doc.t("</table>\n")
    return doc


def form(g: Gen, sink: Sink, n: int) -> None:
    who = g.chinese() if g.chance(0.75) else g.foreign()
    style = n % 4
    fields = mixed(g, who, g.r.randint(6, 11), g.r.randint(1, 3), hr=True)
    sos = g.anyone()
    emergency: list[Field] = [
        ("紧急联系人", "Emergency contact", g.spell(sos)),
        ("紧急联系人电话", "Emergency phone", one("phone", g.phone_of(sos))),
    ]
    if style == 0:
        doc = _html_form(g, fields + emergency, "新员工入职信息表 Employee Onboarding Form")
        doc.t("<p>签名 Signature:&nbsp;").p(g.spell(who)).t("&nbsp;&nbsp;日期: ").v(
            LOOKALIKE, g.recent_written()
        ).t("</p>\n</body></html>\n")
        sink.text("form", f"onboarding_{n:05d}.html", doc)
    elif style == 1:
        doc = Doc().t("# 员工入职登记 / Onboarding\n\n| 项目 Field | 内容 Value |\n|---|---|\n")
        for czh, cen, pieces in fields + emergency:
            doc.t(f"| {czh} {cen} | ").p(pieces).t(" |\n")
        doc.t("\n> 本人承诺以上信息真实有效。\n")
        sink.text("form", f"onboarding_{n:05d}.md", doc)
    elif style == 2:
        doc = Doc()
        stamp = g.stamp()
        doc.t(
            f"{g.pick(COMPANIES)[1]}\nNo. 8 Industrial Avenue, Beijiao, Shunde, Foshan, Guangdong, China\n\n"  # noqa: E501
        )
        doc.t(
            f"Date: {stamp:%d %B %Y}\n\nTo: Visa Section, Embassy of the People's Republic of China\n\n"  # noqa: E501
        )
        doc.t("INVITATION LETTER\n\nDear Sir or Madam,\n\nWe hereby invite ")
        guest = g.foreign()
        born = g.birth()
        doc.t(g.pick(("Mr. ", "Ms. ", ""))).p(g.spell(guest)).t(", born on ").v(
            "date_of_birth", g.dob(born)
        )
        doc.t(", holder of passport No. ").v("passport", g.passport(guest.locale))
        doc.t(", residing at ").v("address", g.address_of(guest)).t(
            ", to visit our factory in Foshan from "
        )
        doc.v(LOOKALIKE, g.recent_written()).t(" to ").v(LOOKALIKE, g.recent_written()).t(
            " for a supplier audit.\n"
        )
        doc.t("All expenses in China will be borne by our company.\n\nContact person: ").p(
            g.spell(who)
        )
        doc.t(", Tel. ").v("phone", g.mobile_written()).t(", e-mail ").v("email", who.email).t(
            "\n\nYours faithfully,\n\n"
        )
        doc.p(g.spell(g.chinese())).t("\nGeneral Manager\n")
        sink.text("form", f"invitation_{n:05d}.txt", doc)
    else:
        doc = Doc().t("入 职 登 记 表\n")
        line = "+" + "-" * 20 + "+" + "-" * 48 + "+\n"
        doc.t(line)
        for czh, _cen, pieces in fields + emergency:
            doc.t(f"| {czh}".ljust(20 - sum(1 for c in czh if ord(c) > 255)) + " | ").p(pieces).t(
                "\n" + line
            )
        doc.t("填表日期: ").v(LOOKALIKE, g.recent_written()).t("    入职日期: ").v(
            LOOKALIKE, g.recent_written()
        ).t("\n")
        sink.text("form", f"ruzhi_{n:05d}.txt", doc, encoding=g.pick(("utf-8", "gb18030")))


def _dialogue(g: Gen, doc: Doc, customer: Who, agent: Who) -> None:
    stamp = g.stamp()
    for _ in range(g.r.randint(2, 5)):
        stamp += dt.timedelta(minutes=g.r.randint(1, 40))
        doc.t(f"[{stamp:%Y-%m-%d %H:%M}] 客服 ").p(g.spell(agent)).t(": ")
        doc.p(message(g, agent, agent=True)).t("\n")
        stamp += dt.timedelta(minutes=g.r.randint(1, 90))
        doc.t(f"[{stamp:%Y-%m-%d %H:%M}] 客户 ").p(g.spell(customer)).t(": ")
        doc.p(message(g, customer, busy=True)).t("\n")


def ticket(g: Gen, sink: Sink, n: int) -> None:
    style = n % 3
    if style == 0:
        who, agent = g.anyone(), g.chinese()
        doc = Doc().t(f"售后服务工单 After-sales ticket  #AS{g.digits(8)}\n状态: 处理中\n")
        for czh, cen, pieces in mixed(g, who, g.r.randint(3, 6), 0):
            doc.t(f"{czh}({cen}): ").p(pieces).t("\n")
        for czh, cen, pieces in lookalike_fields(g, g.r.randint(2, 4)):
            doc.t(f"{czh}({cen}): ").p(pieces).t("\n")
        doc.t(f"故障描述: {g.pick(FAULTS)}\n\n--- 沟通记录 ---\n")
        _dialogue(g, doc, who, agent)
        sink.text("ticket", f"AS{n:05d}.txt", doc)
        return
    doc = Doc()
    jira = style == 1
    head = (
        [
            "Summary",
            "Issue key",
            "Issue id",
            "Issue Type",
            "Status",
            "Reporter",
            "Assignee",
            "Created",
            "Description",
            "Custom field (Customer Phone)",
            "Custom field (Serial Number)",
        ]
        if jira
        else [
            "Id",
            "Requester",
            "Requester email",
            "Subject",
            "Status",
            "Created at",
            "Description",
            "Phone",
            "Tags",
        ]
    )
    csv_row(doc, head, quote_all=jira)
    for i in range(g.r.randint(2, 5)):
        who, agent = g.anyone(), g.chinese()
        desc = Doc()
        for czh, cen, pieces in person_fields(g, who, g.r.randint(2, 4))[1:]:  # noqa: B007
            desc.t(f"{cen}: ").p(pieces).t("\n")
        desc.t(g.pick(FAULTS) + "\n").t("Customer said: ").p(message(g, who))
        pieces = [(t, desc.text[a:b]) for t, a, b in desc.spans]
        cells = _pieces(desc)
        stamp = g.stamp()
        phone = V("phone", g.phone_of(who))
        if jira:
            csv_row(
                doc,
                [
                    g.pick(FAULTS),
                    f"AS-{1000 + n * 10 + i}",
                    str(10000 + n * 10 + i),
                    "Bug",
                    "Open",
                    g.spell(agent),
                    g.spell(g.chinese()),
                    f"{stamp:%d/%b/%y %I:%M %p}",
                    cells,
                    phone,
                    V(LOOKALIKE, g.serial18()),
                ],
            )
        else:
            csv_row(
                doc,
                [
                    str(50000 + n * 10 + i),
                    g.spell(who),
                    V("email", who.email),
                    g.pick(FAULTS),
                    "open",
                    f"{stamp:%Y-%m-%dT%H:%M:%SZ}",
                    cells,
                    phone,
                    "warranty",
                ],
                quote_all=False,
            )
        del pieces
    sink.text("ticket", f"{'jira' if jira else 'zendesk'}_{n:05d}.csv", doc, bom=not jira)


def _pieces(desc: Doc) -> list[tuple[str | None, str]]:
    text, out, at = desc.text, [], 0
    for typ, a, b in desc.spans:
        if a > at:
            out.append((None, text[at:a]))
        out.append((typ, text[a:b]))
        at = b
    if at < len(text):
        out.append((None, text[at:]))
    return out
