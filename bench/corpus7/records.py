"""Corpus 7's record kinds: purchase orders and invoices, CRM/ERP exports (CSV/TSV), JSON
dumps and application logs."""

from __future__ import annotations

from bench.corpus7.doc import Doc, Piece, addr, mail, name, phone
from bench.corpus7.people import FILLER, cn_address, en_address, foreign_address
from bench.corpus7.values import Person

COMPANIES = (
    "佛山市顺德区华创电器有限公司",
    "广东科林精密五金有限公司",
    "佛山市南海恒通塑胶制品厂",
    "Brightwell Appliances Ltd.",
    "Summit Appliance Inc.",
    "中山市东凤镇联兴电子有限公司",
    "Gruppe Technik GmbH",
    "东莞市长安镇鸿业模具有限公司",
    "Termo Italia S.r.l.",
)
ITEMS = (
    "压缩机 QXA-B141",
    "电机 YDK-35-4",
    "PCB主板 V3",
    "Steel bracket 2mm",
    "密封圈 Φ32",
    "Remote control RC-8",
    "铜管 9.52mm",
    "包装箱 5层瓦楞",
    "温控器 KSD301",
    "Screws M4x10",
)


def _amount_line(d: Doc) -> None:
    r = d.r
    cap, part = d.fake(r.choice(("part", "part", "sku", "model")))
    qty = r.randint(1, 5000)
    d.line(
        f"{cap} ",
        part,
        f"  {r.choice(ITEMS)}  {qty} pcs  {r.randint(1, 9999) / 10:.2f}  {d.v.amount()}",
    )


def order(d: Doc) -> None:
    r, v = d.r, d.v
    invoice = r.random() < 0.35
    foreign = r.random() < 0.3
    buyer, seller = v.person(latin=foreign), v.person(latin=False)
    d.line(
        r.choice(("采购订单 PURCHASE ORDER", "PURCHASE ORDER", "采购单"))
        if not invoice
        else r.choice(("商业发票 COMMERCIAL INVOICE", "INVOICE", "增值税专用发票（开票信息）"))
    )
    cap, no = d.fake("invoice" if invoice else "order")
    d.line(
        f"{cap}: ",
        no,
        "    ",
        r.choice(("日期", "Date")),
        f": 2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}",
    )
    d.line(r.choice(("供应商", "Supplier", "卖方")), f": {r.choice(COMPANIES)}")
    if r.random() < 0.6:
        u_cap, uscc = d.fake("uscc")
        d.line(f"{u_cap}: ", uscc)
    d.line(
        r.choice(("联系人", "Contact", "业务员")),
        ": ",
        name(seller),
        "  ",
        r.choice(("电话", "Tel")),
        ": ",
        phone(v.landline() if r.random() < 0.5 else v.mobile_text(seller.mobile)),
    )
    d.line(
        r.choice(("地址", "Add", "Address")),
        ": ",
        addr(cn_address(r, home=False) if r.random() < 0.7 else en_address(r)),
    )
    d.line("")
    d.line(r.choice(("Bill to / 买方", "Buyer", "采购方")), ": ", r.choice(COMPANIES))
    d.line(
        "Attn: ",
        *(
            [("person_name", buyer.name)]
            if r.random() < 0.7
            else ["Mr. " if buyer.male else "Ms. ", ("person_name", buyer.surname)]
        ),
        " <",
        mail(buyer.email),
        ">",
    )
    if foreign:
        d.line("Ship to: ", addr(foreign_address(r)))
        d.line("Phone: ", phone(v.intl_text(buyer.mobile)))
    else:
        d.line(
            "收货地址: ",
            addr(cn_address(r, home=r.random() < 0.3)),
            "  收货人: ",
            name(buyer),
            " ",
            phone(v.mobile_text(buyer.mobile)),
        )
    d.line("")
    d.line(r.choice(("No.  Item  Qty  Unit price  Amount", "序号 物料 数量 单价 金额")))
    for _ in range(r.randint(2, 9)):
        _amount_line(d)
    d.line(r.choice(("合计", "Total")), ": ", v.amount())
    d.line(r.choice(("备注", "Remarks")), ": ", r.choice(FILLER))
    d.line("")
    if foreign or r.random() < 0.2:
        d.line(
            "Beneficiary bank: ",
            r.choice(("Deutsche Bank AG", "Barclays Bank PLC", "BNP Paribas", "Intesa Sanpaolo")),
        )
        d.line(
            r.choice(("IBAN", "IBAN No.", "Account (IBAN)")), ": ", ("iban", v.iban_text(v.iban()))
        )
        d.line("SWIFT: ", r.choice(("DEUTDEFF", "BARCGB22", "BNPAFRPP", "BCITITMM")))
    else:
        d.line(
            r.choice(("开户行", "开户银行", "Bank")),
            ": ",
            r.choice(
                (
                    "中国建设银行佛山顺德支行",
                    "中国工商银行佛山南海支行",
                    "招商银行佛山分行",
                    "中国银行佛山分行",
                )
            ),
        )
        d.line(
            r.choice(("账号", "银行账号", "Account No.", "收款账号")),
            ": ",
            ("bank_account", v.account_text(v.account())),
        )
    if r.random() < 0.4:
        t_cap, track = d.fake("tracking")
        d.line(f"{t_cap}: ", track)
    if r.random() < 0.3:
        d.line(
            r.choice(("交货日期", "Delivery")),
            ": ",
            ("lookalike", f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"),
        )


# CRM/ERP export columns: header spellings (English, Chinese, pinyin initials) and a value
CSV_COLUMNS = {
    "id": ("id", "客户编号", "khbh", "CustNo"),
    "name": ("name", "姓名", "xm", "Contact", "联系人", "khmc"),
    "gender": ("gender", "性别", "xb"),
    "dob": ("birthday", "出生日期", "csrq", "DOB"),
    "rid": ("id_card", "身份证号", "sfzh", "证件号码"),
    "mobile": ("mobile", "手机", "lxdh", "Phone", "联系电话", "sjhm"),
    "email": ("email", "邮箱", "yx", "E-mail"),
    "address": ("address", "地址", "dz", "收货地址", "lxdz"),
    "card": ("card_no", "银行卡号", "yhkh"),
    "account": ("account", "开户账号", "yhzh"),
    "plate": ("plate", "车牌", "cph"),
    "order": ("last_order", "最近订单", "ddh"),
    "amount": ("amount", "消费金额", "je"),
    "created": ("created_at", "创建时间", "cjsj"),
    "ip": ("last_ip", "登录IP", "ip"),
}


def _record(d: Doc, p: Person, column: str) -> Piece:  # noqa: PLR0911, PLR0912
    r, v = d.r, d.v
    if column == "id":
        return f"C{r.randint(100000, 999999)}"
    if column == "name":
        return ("person_name", p.name)
    if column == "gender":
        return "男" if p.male else "女"
    if column == "dob":
        return ("date_of_birth", v.dob_text(p.dob, True))
    if column == "rid":
        return ("resident_id", p.rid) if p.rid else ""
    if column == "mobile":
        return ("phone", v.phone_any(p))
    if column == "email":
        return ("email", p.email)
    if column == "address":
        return ("address", cn_address(r) if not p.latin else foreign_address(r))
    if column == "card":
        return ("bank_card", v.card())
    if column == "account":
        return ("bank_account", v.account())
    if column == "plate":
        return ("licence_plate", v.plate())
    if column == "order":
        return d.fake("order")[1]
    if column == "amount":
        return v.amount().replace(",", "")
    if column == "ip":
        return ("ip_address", v.ip())
    return (
        "lookalike",
        f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d} "
        f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00",
    )


def csv(d: Doc, tsv: bool = False) -> None:
    r, v = d.r, d.v
    sep = "\t" if tsv else r.choice((",", ",", ",", ";"))
    style = r.randrange(4)
    always = ["id", "name", "mobile"]
    extra = [c for c in CSV_COLUMNS if c not in always and r.random() < 0.45]
    columns = always + extra
    r.shuffle(columns)
    d.line(sep.join(CSV_COLUMNS[c][min(style, len(CSV_COLUMNS[c]) - 1)] for c in columns))
    quote = r.random() < 0.3
    for _ in range(r.randint(5, 30)):
        p = v.person(latin=r.random() < 0.05)
        for i, c in enumerate(columns):
            piece = _record(d, p, c)
            text = piece[1] if isinstance(piece, tuple) else piece
            wrap = quote or sep in text or '"' in text
            d.add(sep if i else "", '"' if wrap else "", piece, '"' if wrap else "")
        d.line("")


def order_csv(d: Doc) -> None:
    """A purchase order saved from Excel as CSV: key,value rows above the item table."""
    r, v = d.r, d.v
    seller, buyer = v.person(latin=False), v.person(latin=r.random() < 0.2)
    cap, no = d.fake("order")
    rows: list[tuple[str, Piece]] = [
        (cap, no),
        (r.choice(("供应商", "Supplier")), r.choice(COMPANIES)),
        (r.choice(("联系人", "Contact")), name(seller)),
        (
            r.choice(("联系电话", "Tel")),
            phone(v.mobile_text(seller.mobile) if r.random() < 0.6 else v.landline()),
        ),
        (r.choice(("邮箱", "Email")), mail(v.staff_email(seller, "kelin-hw.com"))),
        (r.choice(("收货人", "Consignee")), name(buyer)),
        (
            r.choice(("收货地址", "Ship to")),
            addr(cn_address(r, home=False) if not buyer.latin else foreign_address(r)),
        ),
        (r.choice(("开户行账号", "Bank account")), ("bank_account", v.account())),
    ]
    for key, piece in rows:
        text = piece[1] if isinstance(piece, tuple) else piece
        d.line(key, ",", *(('"', piece, '"') if "," in text else (piece,)))
    d.line("")
    d.line(
        r.choice(
            ("序号,物料编码,名称,数量,单价,金额", "No.,Part No.,Description,Qty,Unit Price,Amount")
        )
    )
    for i in range(r.randint(2, 12)):
        _, part = d.fake(r.choice(("part", "part", "sku")))
        d.line(
            f"{i + 1},",
            part,
            f",{r.choice(ITEMS)},{r.randint(1, 5000)},{r.randint(1, 9999) / 10:.2f},",
            v.amount().replace(",", ""),
        )
    if r.random() < 0.5:
        t_cap, track = d.fake("tracking")
        d.line(t_cap, ",", track)
