"""Corpus 10's documents: Excel CSV exports, purchase orders in box tables, after-sales
tickets as HTML, shipping manifests, contracts as PDF-to-text, Traditional-Chinese wiki
pages."""

from __future__ import annotations

from bench.corpus10.doc import Doc
from bench.corpus10.texts import PARTS, SUPPLIERS, name, title
from bench.corpus10.values import Values


def excel_csv(v: Values, i: int) -> tuple[str, Doc]:
    """An Excel export: a title row, a merged group row, then the header (中文 + English)."""
    r = v.r
    cols = [
        ("姓名\nName", "name"),
        ("性别", "sex"),
        ("出生日期 / DOB", "dob"),
        ("证件号码", "rid"),
        ("手机 Mobile", "phone"),
        ("物料编码 P/N", "pn"),
        ("开户行账号", "acct"),
        ("E-mail", "email"),
    ]
    if i % 3 == 1:
        cols = [
            cols[0],
            cols[4],
            cols[2],
            cols[6],
            cols[5],
            ("护照 Passport No.", "pp"),
            ("住址", "addr"),
        ]
    d = Doc().t(
        f"佛山恒信机电 {2026}年{r.randint(1, 12)}月 外协人员名册" + "," * (len(cols) - 1) + "\n"
    )
    d.t("基本信息,,," + "联系与结算" + "," * (len(cols) - 4) + "\n")
    d.t(",".join(f'"{h}"' if "\n" in h else h for h, _ in cols) + "\n")
    for _ in range(r.randint(6, 16)):
        p = v.person(0.06)
        ymd = v.birth()
        cells: list[tuple[str, str]] = []
        for _h, key in cols:
            cells.append(
                {
                    "name": ("person_name", p.name),
                    "sex": ("", r.choice("男女")),
                    "dob": ("date_of_birth", v.dob(ymd).replace(",", "")),
                    "rid": ("resident_id", v.resident_id(ymd)),
                    "phone": ("phone", v.mobile()),
                    "pn": ("lookalike", v.part_mobile()),
                    "acct": ("bank_account", v.bank_account()),
                    "email": ("email", v.email(p)),
                    "pp": ("passport", v.passport()),
                    "addr": ("address", v.address()),
                }[key]
            )
        for n, (kind, value) in enumerate(cells):
            d.t("," if n else "")
            if kind and "," in value:
                d.t('"').v(kind, value).t('"')
            elif kind:
                d.v(kind, value)
            else:
                d.t(value)
        d.t("\n")
    d.t("制表：").v("person_name", v.person(0).name).t(",审核：")
    title(d, v, v.person(0)).t("\n")
    return f"excel/roster_{i:04d}.csv", d


def po(v: Values, i: int) -> tuple[str, Doc]:
    """An ERP purchase order printed with box-drawing characters."""
    r = v.r
    buyer, sales = v.person(0.02), v.person(0.3)
    d = (
        Doc()
        .t("┌" + "─" * 60 + "┐\n│ 采购订单 PURCHASE ORDER   No. ")
        .lk(v.order_no())
        .t("\n├" + "─" * 60 + "┤\n")
    )
    d.t(f"│ 供应商：{r.choice(SUPPLIERS)}\n│ 联系人：")
    name(d, v, sales, 0.5, "（）").t("  电话：").v("phone", v.phone()).t("\n│ 采购员：").v(
        "person_name", buyer.name
    )
    d.t("  邮箱：").v("email", v.email(buyer, corp=True)).t(
        "\n├────┬──────────────┬───────────┬──────┤\n"
    )
    d.t("│ 行 │ 物料           │ 料号        │ 数量 │\n")
    for n in range(r.randint(2, 7)):
        d.t(f"│ {n + 1:>2} │ {r.choice(PARTS):<12} │ ").lk(
            v.part_mobile() if r.random() < 0.6 else v.serial()
        )
        d.t(f" │ {r.randint(10, 5000):>4} │\n")
    d.t("├────┴──────────────┴───────────┴──────┤\n│ 交货地址：").v("address", v.address())
    d.t("\n│ 收款账户：").v("bank_account", v.bank_account()).t(
        "  开户行：中国工商银行佛山分行\n│ 交期："
    ).lk(v.plain_date())
    d.t("  版本：").lk(v.version()).t("\n└" + "─" * 60 + "┘\n")
    return f"erp/po_{i:04d}.txt", d


def ticket(v: Values, i: int) -> tuple[str, Doc]:
    """An after-sales ticket exported from the helpdesk as HTML."""
    r = v.r
    c, eng = v.person(0.15), v.person(0.05)
    hk = i % 4 == 0
    d = Doc().t(
        f'<html><head><meta charset="utf-8"><title>工单 #{r.randint(100000, 999999)}</title></head><body>\n<table class="ticket">\n'  # noqa: E501
    )
    d.t("<tr><th>" + ("客戶姓名" if hk else "客户") + "</th><td>")
    name(d, v, c, 0.4).t("</td></tr>\n<tr><th>" + ("聯絡電話" if hk else "电话") + "</th><td>").v(
        "phone", v.phone()
    )
    d.t("</td></tr>\n<tr><th>地址</th><td>").v("address", v.address()).t(
        "</td></tr>\n<tr><th>机身序列号</th><td>"
    ).lk(v.serial())
    d.t("</td></tr>\n<tr><th>购买日期</th><td>").lk(v.plain_date()).t(
        "</td></tr>\n<tr><th>型号</th><td>"
    ).lk(v.model())
    d.t('</td></tr>\n</table>\n<div class="log">\n<p>')
    d.t("維修師傅 " if hk else "工程师").v("person_name", eng.name).t(" 上门，客户出生于 ").v(
        "date_of_birth", v.dob()
    )
    d.t("（核对保修卡）。</p>\n<p>客户要求退款至信用卡 ").v("credit_card", v.card()).t(
        "，持卡人 "
    ).v("person_name", c.roman if c.chinese else c.name)
    d.t("。</p>\n<p>回访：").v("email", v.email(c)).t(" ／ 车辆 ").v("licence_plate", v.plate()).t(
        "</p>\n</div></body></html>\n"
    )
    return f"tickets/ticket_{i:04d}.html", d


def manifest(v: Values, i: int) -> tuple[str, Doc]:
    """A shipping manifest in fixed-width columns; the driver's line is split over two."""
    r = v.r
    d = Doc().t(
        f"SHIPPING MANIFEST / 出货清单    Date {2026}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}\n"  # noqa: E501
    )
    drv = v.person(0.0)
    d.t("Carrier: 顺丰 SF Express    Vehicle: ").v("licence_plate", v.plate()).t("\nDriver\n  ").v(
        "person_name", drv.name
    )
    d.t("\nDriver ID\n  ").v("resident_id", v.resident_id()).t("\nMobile\n  ").v(
        "phone", v.phone()
    ).t("\n\n")
    d.t("WAYBILL          CONSIGNEE        TEL              ISBN/SKU\n")
    for _ in range(r.randint(3, 8)):
        p = v.person(0.2)
        d.lk(v.waybill()).t("  ").v("person_name", p.name).t(" " * max(2, 17 - len(p.name) * 2)).v(
            "phone", v.phone()
        )
        d.t("  ").lk(v.isbn() if r.random() < 0.4 else v.part_mobile()).t("\n")
    d.t("Seal No. ").lk(v.eighteen()).t("   Container ").t(f"TGHU{r.randint(1000000, 9999999)}\n")
    return f"manifest/manifest_{i:04d}.txt", d


def contract(v: Values, i: int) -> tuple[str, Doc]:
    """A contract as pdftotext writes it: broken lines, page footers, a bank block."""
    r = v.r
    rep, own = v.person(0.6), v.person(0)
    d = (
        Doc()
        .t("SUPPLY AGREEMENT  供货合同\n\n合同编号：")
        .lk(v.order_no().replace("PO", "HT"))
        .t("\n\n甲方（买方）：佛山恒信机电有限公司\n法定代表人：")
    )
    d.v("person_name", own.name).t("\n乙方（卖方）：").t(r.choice(SUPPLIERS)).t(
        "\nAuthorised repre-\nsentative: "
    ).v("person_name", rep.name)
    d.t(" (Passport No.\n").v("passport", v.passport()).t(")\n\n")
    d.t("1. 货款支付至乙方下列账户 / Payment shall be made to the Seller's\naccount below:\n")
    d.t("   Beneficiary: ").v("person_name", rep.roman if rep.chinese else rep.name).t(
        "\n   IBAN: "
    ).v("iban", v.iban())
    d.t("\n   SWIFT/BIC: ").lk(v.swift()).t("\n   账号 Account No.: ").v(
        "bank_account", v.bank_account()
    ).t("\n")
    d.t("   预付款信用卡 / Card for deposit: ").v("credit_card", v.card()).t("\n\n")
    d.t(f"                                              - {r.randint(1, 4)} -\n\f")
    d.t("2. 通知地址 Notices: ").v("address", v.address()).t(", Tel ").v("phone", v.phone()).t(
        ",\nE-mail "
    ).v("email", v.email(rep, corp=True))
    d.t("\n3. 本合同一式两份，自").lk(v.plain_date()).t("起生效。参考标准 ISBN ").lk(v.isbn()).t(
        "\n\n甲方签字：___________    乙方签字："
    )
    title(d, v, rep).t("\n")
    return f"contracts/contract_{i:04d}.txt", d


def wiki(v: Values, i: int) -> tuple[str, Doc]:
    """A Traditional-Chinese wiki page of the Hong Kong / Taiwan customer team (Markdown)."""
    r = v.r
    d = (
        Doc()
        .t("# 港台客戶聯絡表（內部）\n\n最後更新：")
        .lk(v.plain_date())
        .t(" · 版本 ")
        .lk(v.version())
        .t("\n\n")
    )
    d.t("| 客戶 | 聯絡人 | 電話 | 電郵 | 備註 |\n|---|---|---|---|---|\n")
    for _ in range(r.randint(3, 7)):
        p = v.person(0.1)
        d.t(f"| {r.choice(['新港五金', '台灣精機', '九龍電器行', '高雄機電'])} | ")
        name(d, v, p, 0.6).t(" | ").v("phone", v.phone()).t(" | ").v("email", v.email(p)).t(" | ")
        d.t(r.choice(["月結", "VIP", "舊客"])).t(" |\n")
    p = v.person(0)
    d.t("\n## 付款\n\n").v("person_name", p.surname).t("生話張卡係 ").v(
        "bank_card", v.bank_card()
    ).t("，出世紙寫 ").v("date_of_birth", v.dob())
    d.t("。\n\n護照：").v("passport", v.passport()).t("\n")
    return f"wiki/hk_tw_{i:04d}.md", d
