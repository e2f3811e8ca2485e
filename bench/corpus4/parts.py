"""Pieces several kinds of file share: how a person is named, a phone as written, a
signature block, a date of birth beside its label, look-alikes of business numbers."""

# ruff: noqa: PLR0911 - a template picks one of many layouts: one return each

from __future__ import annotations

from datetime import date
from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import people as pp
from bench.corpus4.doc import F, Piece, V


def name(p: pp.Person, latin: bool = False) -> Piece:
    return V("person_name", p.latin if latin else p.full)


def addressed(rng: Random, p: pp.Person, lang: str = "zh") -> list[Piece]:
    """How a person is called in running text: 王工, 陈女士, Mr. Weber, Kevin, 王伟 ..."""
    if lang == "en":
        if not p.chinese:
            r = rng.random()
            if r < 0.4:
                return [V("person_name", p.given.split()[0])]
            if r < 0.7:
                return [rng.choice(("Mr. ", "Ms. ", "Mr ", "Dr. ")), V("person_name", p.surname)]
            return [V("person_name", p.full)]
        if p.english != p.latin and rng.random() < 0.6:
            return [V("person_name", p.english.split()[0])]
        return [V("person_name", rng.choice((p.latin, p.english)))]
    if not p.chinese:
        return [V("person_name", p.full if rng.random() < 0.5 else p.surname)]
    r = rng.random()
    if r < 0.45:
        sur, title = pp.surname_title(rng, p)
        return [V("person_name", sur), title]
    if r < 0.6:
        return ["小" if rng.random() < 0.5 else "老", V("person_name", p.surname)]
    if r < 0.75 and len(p.given) == 2:
        return [V("person_name", p.given)]
    return [V("person_name", p.full)]


def phone(rng: Random, mobile_share: float = 0.7) -> Piece:
    r = rng.random()
    if r < mobile_share:
        return V("phone", n.mobile_written(rng))
    if r < mobile_share + 0.2:
        return V("phone", n.landline(rng))
    if r < mobile_share + 0.25:
        return V("phone", n.hk_phone(rng))
    return V("phone", n.intl_phone(rng))


def dob(rng: Random, born: date, lang: str = "zh") -> Piece:
    return V("date_of_birth", pp.written(rng, born, lang))


def birth_field(rng: Random, born: date, lang: str = "zh") -> list[Piece]:
    labels = {
        "zh": ("出生日期：", "出生日期: ", "生日：", "出生年月日：", "出生日期 "),
        "en": ("Date of Birth: ", "DOB: ", "Birth date: ", "Date of birth: "),
        "de": ("Geburtsdatum: ", "geb. "),
    }[lang]
    return [rng.choice(labels), dob(rng, born, lang)]


def signature(rng: Random, p: pp.Person, company: str, lang: str = "zh") -> list[Piece]:
    title_zh = rng.choice(
        ("采购部 采购工程师", "售后服务部 主管", "销售经理", "品质部 QE", "物流专员", "人事行政部")
    )
    title_en = rng.choice(
        (
            "Purchasing Engineer",
            "After-sales Supervisor",
            "Sales Manager",
            "Quality Engineer",
            "Logistics Coordinator",
            "HR Specialist",
        )
    )
    out: list[Piece] = []
    out += [
        "\n",
        rng.choice(
            ("--\n", "Best regards,\n", "祝好！\n", "此致\n敬礼\n", "Thanks & regards\n", "\n")
        ),
    ]
    if p.chinese and rng.random() < 0.6:
        out += [V("person_name", p.full)]
        if rng.random() < 0.5:
            out += [" ", V("person_name", p.english)]
        out += ["\n", title_zh if lang == "zh" else title_en, "\n"]
    else:
        out += [V("person_name", p.english if p.chinese else p.full), "\n", title_en, "\n"]
    out += [company, "\n"]
    fields = rng.sample(range(6), rng.randint(2, 5))
    for f in sorted(fields):
        if f == 0:
            out += [
                rng.choice(("Tel: ", "电话：", "T: ", "Tel.: ")),
                V("phone", n.landline(rng, "0757")),
            ]
            if rng.random() < 0.4:
                out += [rng.choice((" ext. ", " 转", "-")), F(str(rng.randint(801, 8899)))]
            out += ["\n"]
        elif f == 1:
            out += [
                rng.choice(("Mobile: ", "手机：", "M: ", "Mob ")),
                V("phone", n.mobile_written(rng)),
                "\n",
            ]
        elif f == 2:
            out += [
                rng.choice(("Email: ", "邮箱：", "E: ")),
                V("email", pp.email(rng, p, True)),
                "\n",
            ]
        elif f == 3:
            addr = pp.address_cn(rng, False) if lang == "zh" else pp.address_en(rng)
            out += [rng.choice(("地址：", "Add: ", "Address: ")), V("address", addr), "\n"]
        elif f == 4:
            out += [rng.choice(("Fax: ", "传真：")), V("phone", n.landline(rng, "0757")), "\n"]
        else:
            out += [
                "微信：",
                V("phone", n.mobile(rng)) if rng.random() < 0.5 else f"wx_{p.email_local[:6]}",
                "\n",
            ]
    return out


def business_lookalike(rng: Random, day: date) -> list[Piece]:
    """One labelled business number with its field name (none of them is personal)."""
    k = rng.randrange(12)
    if k == 0:
        return ["物料编码：", F(n.part_number_mobile(rng))]
    if k == 1:
        return [rng.choice(("订单号：", "Order No.: ", "运单号 ")), F(n.id_lookalike(rng))]
    if k == 2:
        return [rng.choice(("固件版本 ", "Firmware ", "version=")), F(n.version(rng))]
    if k == 3:
        return [rng.choice(("发票号码：", "Invoice No. ")), F(n.invoice(rng))]
    if k == 4:
        return [rng.choice(("批号：", "Batch ", "LOT: ")), F(n.batch(rng, day))]
    if k == 5:
        return [rng.choice(("型号：", "Model: ")), F(n.model(rng))]
    if k == 6:
        return [
            rng.choice(("下单日期：", "Order date: ", "发货日期：", "Ship date: ", "交期：")),
            F(pp.written(rng, day)),
        ]
    if k == 7:
        return [rng.choice(("快递单号：", "Tracking: ", "顺丰单号 ")), F(n.tracking(rng))]
    if k == 8:
        return [rng.choice(("SN: ", "序列号：", "S/N ")), F(n.serial(rng))]
    if k == 9:
        return [rng.choice(("SKU ", "条码：")), F(n.sku(rng))]
    if k == 10:
        return ["统一社会信用代码：", F(n.credit_code(rng))]
    return [
        rng.choice(("孔位 ", "Hole pos. ")),
        F(f"X={rng.uniform(10, 99):.3f}, Y={rng.uniform(100, 130):.3f}"),
        f" ±0.0{rng.randint(1, 5)}",
    ]


def line_item(rng: Random, day: date) -> list[Piece]:
    return [
        F(n.model(rng)),
        "  ",
        rng.choice(pp.PRODUCTS),
        "  ",
        str(rng.randint(1, 600)),
        rng.choice(("台", "件", "PCS", "套")),
        "  ¥",
        n.money(rng, 20, 9000),
    ]
