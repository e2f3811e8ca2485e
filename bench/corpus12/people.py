"""Corpus 12's people as one record each (a name as written, its Latin form, the surname a
title goes with, a mailbox, a phone), and the company's offices."""

from __future__ import annotations

from dataclasses import dataclass

from bench.corpus12.values import VN_ASCII, Gen

Piece = tuple[str | None, str] | str

OFFICES = {
    "CN": ("岭南光逸照明(江门)有限公司", "Lingnan Guangyi Lighting (Jiangmen) Co., Ltd."),
    "SG": ("光逸照明新加坡", "Lingnan Guangyi Lighting (S) Pte Ltd"),
    "VN": ("光逸越南工厂", "Cong ty TNHH Guangyi Lighting Viet Nam"),
}
ROLES = [
    "Sales Manager",
    "业务经理",
    "QA Engineer",
    "采购专员",
    "售后工程师",
    "Logistics Coordinator",
    "财务",
    "HR Executive",
    "Plant Manager",
    "跟单员",
]


@dataclass(slots=True)
class P:
    name: str  # as the person writes it
    latin: str
    surname: str
    email: str
    phone: str
    where: str
    role: str


def person(g: Gen, where: str | None = None, staff: bool = False) -> P:
    r = g.r
    where = where or r.choice(["CN", "CN", "CN", "CN", "SG", "VN"])
    if where == "CN":
        name = g.cn()
        latin = g.pinyin(name, 0)
        surname = name[0]
        phone = g.mobile()
    elif where == "SG":
        name, surname = g.sg()
        latin = name
        phone = g.sg_phone()
    else:
        name, surname = g.vn()
        parts = name.split()
        latin = " ".join([VN_ASCII[parts[0]], *(_ascii(p) for p in parts[1:])])
        phone = g.vn_phone()
    email = (
        g.email_for(latin, company=staff)
        if where != "CN" or staff
        else (g.qq_mail() if r.random() < 0.3 else g.email_for(latin))
    )
    return P(name, latin, surname, email, phone, where, r.choice(ROLES))


def _ascii(word: str) -> str:
    table = str.maketrans("ăâđêôơưĂÂĐÊÔƠƯ", "aadeoouAADEOOU")
    import unicodedata  # noqa: PLC0415

    plain = unicodedata.normalize("NFKD", word.translate(table))
    return "".join(c for c in plain if not unicodedata.combining(c))


def signature(g: Gen, p: P) -> list[list[Piece]]:
    """A mail signature: name (and Latin form), role, company, phones, fax, mailbox, address."""
    r = g.r
    cn, en = OFFICES[p.where]
    lines: list[list[Piece]] = [["--"] if r.random() < 0.5 else ["Best regards,"]]
    if p.name != p.latin and r.random() < 0.6:
        lines.append([("person_name", p.name), " ", ("person_name", p.latin)])
    else:
        lines.append([("person_name", p.name)])
    lines.append([f"{p.role} | {r.choice([cn, en])}"])
    office = {"CN": g.landline, "SG": g.sg_phone, "VN": g.vn_phone}[p.where]
    style = r.randrange(3)
    if style == 0:
        lines.append(["Mobile: ", ("phone", p.phone), "  Tel: ", ("phone", office())])
        lines.append(["Fax: ", ("phone", office())])
    elif style == 1:
        lines.append(
            [
                "手机：",
                ("phone", p.phone),
                " | 电话：",
                ("phone", office()),
                " 转 ",
                str(r.randint(800, 899)),
            ]
        )
    else:
        lines.append(
            [
                "M ",
                ("phone", p.phone),
                " / T ",
                ("phone", office()),
                " ext. ",
                str(r.randint(100, 399)),
            ]
        )
    lines.append(["E: " if r.random() < 0.5 else "Email: ", ("email", p.email)])
    if r.random() < 0.7:
        lines.append(["Add: " if r.random() < 0.5 else "地址：", ("address", g.address(p.where))])
    if r.random() < 0.4:
        lines.append(
            [
                r.choice(
                    [
                        "This e-mail and any attachments are confidential and intended solely for"
                        " the addressee.",
                        "本邮件及其附件含有岭南光逸照明的保密信息，仅限于发送给上面地址中列出的个人或群组。",
                    ]
                )
            ]
        )
    return lines
