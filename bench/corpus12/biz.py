"""Corpus 12's purchase orders (Kingdee-style text prints, SAP-style English pro-forma
invoices, CSV order lines) and after-sales tickets (工单 prints, Zendesk CSV exports with
multi-line cells, Jira issue texts)."""

from __future__ import annotations

from bench.corpus12.out import Out, text_file
from bench.corpus12.people import OFFICES, P, Piece, person
from bench.corpus12.values import LINES, Doc, Gen

L = "lookalike"
SUPPLIERS = [
    "中山市古镇明辉电子有限公司",
    "江门市新会区恒光五金厂",
    "佛山市顺德区锐驰塑胶有限公司",
    "Osram Continental GmbH",
    "Meanwell Europe B.V.",
    "Bright Parts UK Ltd",
]
BANKS = [
    "中国银行江门分行",
    "中国工商银行中山古镇支行",
    "招商银行佛山顺德支行",
    "DBS Bank Ltd, Singapore",
    "Vietcombank Dong Nai",
]


def _line_items(g: Gen, doc: Doc, sep: str, n: int) -> None:
    r = g.r
    for k in range(1, n + 1):
        code: Piece = (L, g.part_mobile()) if r.random() < 0.5 else g.part_no()
        name: Piece = (L, g.product()) if r.random() < 0.3 else r.choice(LINES)
        qty, price = r.randint(1, 80) * 50, r.randint(200, 9000) / 100
        doc.line(
            str(k),
            sep,
            code,
            sep,
            name,
            sep,
            g.part_no(),
            sep,
            str(qty),
            sep,
            f"{price:.2f}",
            sep,
            f"{qty * price:.2f}",
        )


def write_po(g: Gen, i: int) -> Out:
    r = g.r
    buyer = person(g, r.choice(["CN", "CN", "SG"]), staff=True)
    contact = person(g, "CN")
    style = r.choice(["kingdee", "kingdee", "sap", "csv"])
    if style == "csv":
        delim = r.choice([",", ";", "\t"])
        doc = Doc(nl="\r\n" if r.random() < 0.5 else "\n")
        doc.line(
            delim.join(
                [
                    "PO No",
                    "Line",
                    "Material",
                    "Description",
                    "Qty",
                    "Unit Price",
                    "Delivery",
                    "Buyer",
                    "Buyer Tel",
                    "Supplier Contact",
                    "Contact Mobile",
                    "Ship To",
                ]
            )
        )
        po = g.order_no()
        for k in range(r.randint(3, 25)):
            addr = g.address()
            cell: Piece = ("address", addr)
            doc.line(
                po,
                delim,
                str(k + 1),
                delim,
                (L, g.part_mobile()),
                delim,
                r.choice(LINES),
                delim,
                str(r.randint(1, 90) * 10),
                delim,
                f"{r.randint(100, 5000) / 100:.2f}",
                delim,
                (L, g.when()),
                delim,
                ("person_name", buyer.name),
                delim,
                ("phone", buyer.phone),
                delim,
                ("person_name", contact.name),
                delim,
                ("phone", contact.phone),
                delim,
                '"' if "," in addr and delim == "," else "",
                cell,
                '"' if "," in addr and delim == "," else "",
            )
        enc = "gbk" if r.random() < 0.3 and buyer.where == "CN" else "utf-8"
        return text_file(
            f"po/po_lines_{i:04d}.csv", "po", doc, enc, bom=enc == "utf-8" and r.random() < 0.5
        )
    supplier = r.choice(SUPPLIERS)
    doc = Doc(nl="\r\n" if r.random() < 0.4 else "\n")
    if style == "kingdee":
        doc.line(OFFICES["CN"][0]).line("                 采 购 订 单")
        doc.line(
            f"单据编号: CGDD-{r.randint(2025, 2026)}-{r.randint(1, 99999):06d}    日期: ",
            (L, g.when()),
        )
        doc.line(f"供应商: {supplier}")
        doc.line(
            "联系人: ",
            ("person_name", contact.name),
            "   电话: ",
            ("phone", g.landline()),
            "   手机: ",
            ("phone", contact.phone),
        )
        doc.line("供应商地址: ", ("address", g.address()))
        doc.line("-" * 72)
        doc.line("序号  物料编码  物料名称  规格型号  数量  单价  金额")
        _line_items(g, doc, "  ", r.randint(2, 14))
        doc.line("-" * 72)
        doc.line(f"开户行: {r.choice(BANKS[:3])}")
        doc.line("账号: ", ("bank_account", g.bank_account()))
        doc.line("纳税人识别号: ", (L, g.tax_id()))
        doc.line("交货日期: ", (L, g.when()), "   交货地点: ", ("address", g.address()))
        doc.line(
            "采购员: ",
            ("person_name", buyer.name),
            "  审核: ",
            ("person_name", g.cn()),
            "  制单日期: ",
            (L, g.when()),
        )
        if r.random() < 0.3:
            doc.line(
                "送货车辆: ", ("licence_plate", g.plate()), " 司机电话 ", ("phone", g.mobile())
            )
        enc = "gbk" if r.random() < 0.35 else "utf-8"
        return text_file(f"po/kingdee_{i:04d}.txt", "po", doc, enc)
    doc.line("PROFORMA INVOICE").line(OFFICES[buyer.where][1])
    doc.line("Invoice No.: PI-", str(r.randint(10000, 99999)), "   Date: ", (L, g.when()))
    doc.line("Bill To: ", ("person_name", buyer.latin), ", ", ("address", g.address(buyer.where)))
    doc.line(
        "Attn: ",
        ("person_name", contact.latin),
        "  Tel: ",
        ("phone", contact.phone),
        "  Email: ",
        ("email", contact.email),
    )
    doc.line("Item | Material | Description | Model | Qty | Unit USD | Amount USD")
    _line_items(g, doc, " | ", r.randint(2, 12))
    doc.line("Bank Information:")
    doc.line(f"Beneficiary: {OFFICES[r.choice(['CN', 'SG'])][1]}")
    doc.line(f"Bank: {r.choice(BANKS)}")
    if r.random() < 0.5:
        doc.line("IBAN: ", ("iban", g.iban()))
    else:
        doc.line("A/C No.: ", ("bank_account", g.bank_account(r.choice(["CN", "SG", "VN"]))))
    doc.line(f"SWIFT: {r.choice(['BKCHCNBJ400', 'DBSSSGSG', 'BFTVVNVX'])}")
    doc.line("VAT / Tax ID: ", (L, g.tax_id()))
    doc.line(
        "Payment by card accepted: ",
        ("credit_card", g.credit_card()),
        " (authorised by ",
        ("person_name", buyer.latin),
        ")",
    )
    return text_file(f"po/sap_pi_{i:04d}.txt", "po", doc)


def _complaint(g: Gen, customer: P) -> list[Piece]:
    r = g.r
    return r.choice(
        [
            ["灯装上去一周就闪，", (L, g.product()), " 两台都这样，序列号 ", (L, g.serial16())],
            [
                "The driver died after ",
                (L, g.when()),
                " firmware update to ",
                (L, g.version4()),
                ". Please call me back on ",
                ("phone", customer.phone),
            ],
            [
                "师傅上门请先联系我老婆 ",
                ("person_name", g.cn()),
                " ",
                ("phone", g.mobile(r.randrange(8))),
                "，我白天不在家",
            ],
            ["网关 IMEI ", (L, g.imei()), " 连不上，路由器 IP ", ("ip_address", g.ip())],
            ["小区门口车牌 ", ("licence_plate", g.plate()), " 那辆车是我的，师傅可以停旁边"],
            ["退货地址改为 ", ("address", g.address()), " 运单 ", (L, g.waybill())],
        ]
    )


def write_ticket(g: Gen, i: int) -> Out:
    r = g.r
    customer = person(g, r.choice(["CN", "CN", "SG", "VN"]))
    engineer = person(g, "CN", staff=True)
    style = r.choice(["gongdan", "gongdan", "zendesk", "jira"])
    doc = Doc(nl="\r\n" if r.random() < 0.3 else "\n")
    if style == "zendesk":
        delim = "," if r.random() < 0.7 else ";"
        doc.line(
            delim.join(
                [
                    "Ticket ID",
                    "Subject",
                    "Requester",
                    "Requester email",
                    "Requester phone",
                    "Description",
                    "Assignee",
                    "Status",
                    "Created at",
                ]
            )
        )
        for _ in range(r.randint(3, 12)):
            c = person(g, r.choice(["CN", "SG", "VN"]))
            doc.line(
                str(r.randint(20000, 99999)),
                delim,
                "Flicker issue",
                delim,
                ("person_name", c.latin),
                delim,
                ("email", c.email),
                delim,
                ("phone", c.phone),
                delim,
                '"',
                *_complaint(g, c),
                "\n",
                "Address: ",
                ("address", g.address(c.where)),
                '"',
                delim,
                ("person_name", engineer.latin),
                delim,
                "open",
                delim,
                (L, g.when()),
            )
        return text_file(f"ticket/zendesk_{i:04d}.csv", "ticket", doc)
    if style == "jira":
        doc.line(f"[SVC-{r.randint(100, 9999)}] Site failure - {r.choice(LINES)}")
        doc.line(
            "Reporter: ", ("person_name", engineer.latin), " (", ("email", engineer.email), ")"
        )
        doc.line("Customer: ", ("person_name", customer.name), " / ", ("phone", customer.phone))
        doc.line(
            "Site: ", ("address", g.address(customer.where)), "  GPS ", ("coordinates", g.coords())
        )
        doc.line("Description:").line(*_complaint(g, customer))
        doc.line("{code}")
        doc.line(f"controller fw {g.part_no()} build ", (L, g.hash40()))
        doc.line("uplink ", ("ip_address", g.ip()), " token=", ("secret", g.jwt()))
        doc.line("{code}")
        doc.line("Comment by ", ("person_name", engineer.latin), ": replaced driver, ok.")
        return text_file(f"ticket/jira_{i:04d}.txt", "ticket", doc)
    doc.line(f"售后服务工单  工单号：GD{g.day().strftime('%Y%m%d')}-{r.randint(1, 999):04d}")
    doc.line("客户姓名：", ("person_name", customer.name))
    tel = r.random()
    if tel < 0.4:
        doc.line("联系电话：", ("phone", customer.phone))
    elif tel < 0.7:
        doc.line(
            "联系电话：",
            ("phone", g.landline()),
            " 转",
            str(r.randint(100, 899)),
            " / ",
            ("phone", g.mobile()),
        )
    else:
        doc.line("Tel: ", ("phone", g.mobile()), "（微信同号）")
    doc.line("安装地址：", ("address", g.address(customer.where)))
    doc.line("产品型号：", (L, g.product()), "   序列号：", (L, g.serial16()))
    doc.line("固件版本：", (L, g.version4()), "   购买日期：", (L, g.when()))
    doc.line("故障描述：", *_complaint(g, customer))
    doc.line("处理记录：")
    for _ in range(r.randint(1, 4)):
        doc.line(
            "  ",
            (L, g.when()),
            " 工程师 ",
            ("person_name", engineer.name),
            "：",
            r.choice(["已电话联系客户", "上门更换驱动", "客户不在，改约", "寄回检测"]),
        )
    if r.random() < 0.3:
        doc.line("客户确认签字：", ("person_name", customer.name))
    enc = "gbk" if customer.where != "VN" and r.random() < 0.25 else "utf-8"
    return text_file(f"ticket/gongdan_{i:04d}.txt", "ticket", doc, enc)
