"""Purchase orders and delivery notes, as exported to text by an ERP or typed by a clerk:
a header of parties, a table of lines, terms, bank details, signatures."""

from __future__ import annotations

from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, V


def _party(rng: Random, d: Doc, role: str, en: bool) -> None:
    p = pp.person(rng, 0.15 if en else 0.03)
    company = rng.choice(pp.COMPANIES)
    d.line(role, company)
    addr = pp.address_en(rng) if en and rng.random() < 0.6 else pp.address_cn(rng, False)
    d.line("  地址 Address: " if rng.random() < 0.5 else "  地址：", V("address", addr))
    d.line(
        "  联系人 Contact: " if en else "  联系人：",
        V("person_name", p.full if not en else p.latin if p.chinese else p.full),
        "   ",
        rng.choice(("电话：", "Tel: ", "TEL ")),
        parts.phone(rng, 0.6),
    )
    if rng.random() < 0.5:
        d.line("  Email: ", V("email", pp.email(rng, p, True)))
    if rng.random() < 0.3:
        d.line("  税号：", F(n.credit_code(rng)))


def _purchase_order(rng: Random, d: Doc) -> None:
    day = pp.business_day(rng)
    en = rng.random() < 0.4
    d.line("采购订单 PURCHASE ORDER" if en else "采 购 订 单")
    d.line("=" * 48)
    d.line(
        "订单编号 PO No.: " if en else "订单编号：",
        F(n.order_no(rng, day)),
        "        日期 Date: " if en else "    日期：",
        F(pp.written(rng, day, "en" if en else "zh")),
    )
    _party(rng, d, "供方 Supplier: " if en else "供方：", en)
    _party(rng, d, "需方 Buyer: " if en else "需方：", en)
    d.line()
    d.line(
        "序号\t物料编码\t型号规格\t名称\t数量\t单价\t金额"
        if not en
        else "No.\tItem code\tModel\tDescription\tQty\tUnit price\tAmount"
    )
    for i in range(rng.randint(2, 9)):
        code = (
            n.part_number_mobile(rng)
            if rng.random() < 0.35
            else f"{rng.randint(10, 99)}.{n.digits(rng, 4)}.{n.digits(rng, 3)}"
        )
        desc = rng.choice(pp.PRODUCTS_EN if en else pp.PRODUCTS)
        d.line(
            str(i + 1),
            "\t",
            F(code),
            "\t",
            F(n.model(rng)),
            "\t",
            desc,
            "\t",
            str(rng.randint(1, 2000)),
            "\t",
            n.money(rng, 1, 800),
            "\t",
            n.money(rng, 100, 90000),
        )
    d.line()
    d.line(
        "合计金额（大写）：", rng.choice(("壹拾贰万叁仟元整", "捌万伍仟陆佰元整", "叁仟贰佰元整"))
    )
    d.line(
        "交货日期：",
        F(pp.written(rng, pp.business_day(rng))),
        "   交货地点：",
        V("address", pp.address_cn(rng, False)),
    )
    d.line(
        "付款方式：月结",
        str(rng.choice((30, 60, 90))),
        "天",
        "   ",
        *parts.business_lookalike(rng, day),
    )
    if rng.random() < 0.6:
        d.line(
            "开户银行：",
            rng.choice(("中国银行佛山分行", "招商银行顺德支行", "农业银行南海支行")),
            "  账号：",
            V("bank_account", n.cn_account(rng)),
        )
    if en and rng.random() < 0.5:
        acct = n.iban(rng)
        d.line(
            "Beneficiary account (IBAN): ",
            V("iban", n.iban_spaced(acct) if rng.random() < 0.5 else acct),
        )
    d.line()
    buyer = pp.person(rng, 0.0)
    d.line(
        "采购员：",
        V("person_name", buyer.full),
        "    审核：",
        V("person_name", pp.person(rng, 0.0).full),
        "    批准：",
        V("person_name", pp.person(rng, 0.0).surname),
        "总",
    )


def _delivery_note(rng: Random, d: Doc) -> None:
    day = pp.business_day(rng)
    d.line(rng.choice(pp.COMPANIES))
    d.line("送 货 单   DELIVERY NOTE")
    d.line(
        "单号：",
        F(n.id_lookalike(rng) if rng.random() < 0.5 else n.order_no(rng, day)),
        "   送货日期：",
        F(pp.written(rng, day)),
    )
    c = pp.person(rng, 0.02)
    d.line("收货单位：", rng.choice(pp.COMPANIES))
    d.line("收货人：", *parts.addressed(rng, c), "  电话：", parts.phone(rng, 0.85))
    d.line("收货地址：", V("address", pp.address_cn(rng)))
    d.line("-" * 40)
    for _ in range(rng.randint(1, 6)):
        d.line(*parts.line_item(rng, day), "  批号 ", F(n.batch(rng, day)))
    d.line("-" * 40)
    driver = pp.person(rng, 0.0)
    d.line(
        "承运：",
        rng.choice(("顺丰速运", "德邦物流", "自提", "本厂车辆")),
        "  ",
        *parts.business_lookalike(rng, day),
    )
    if rng.random() < 0.7:
        d.line(
            "司机：",
            V("person_name", driver.full),
            "  车牌：",
            V("licence_plate", n.plate(rng)),
            "  手机：",
            V("phone", n.mobile_written(rng)),
        )
        if rng.random() < 0.3:
            d.line("司机身份证：", V("resident_id", n.resident_id(rng, female=False)))
    d.line("送货人签字：________   收货人签字：________   日期：________")
    d.line("白联：存根  红联：客户  黄联：财务")


def make(rng: Random) -> tuple[Doc, str, str]:
    encoding = "gbk" if rng.random() < 0.25 else "utf-8"
    d = Doc("\r\n" if rng.random() < 0.4 else "\n")
    if rng.random() < 0.55:
        _purchase_order(rng, d)
    else:
        _delivery_note(rng, d)
    return d, "txt", encoding
