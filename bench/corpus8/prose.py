"""Purchase orders and invoices (text and CSV), after-sales tickets and onboarding forms."""

from __future__ import annotations

import random

from bench.corpus8 import fakes
from bench.corpus8 import values as v
from bench.corpus8.doc import Doc
from bench.corpus8.people import Person, name_ref, person, phone

OUR = ("佛山恒泰机电科技有限公司", "Foshan Hengtai Electromechanical Technology Co., Ltd.")
BANKS = (
    "中国工商银行佛山南海支行",
    "中国建设银行佛山分行",
    "招商银行佛山分行营业部",
    "Deutsche Bank AG, Stuttgart",
    "HSBC Hong Kong",
    "BNP Paribas Lyon",
)


def _contact(doc: Doc, r: random.Random, p: Person, zh: bool) -> None:
    doc.t("联系人：" if zh else "Contact: ")
    name_ref(doc, p, r, 0.7)
    doc.t("  电话：" if zh else "  Tel: ").v("phone", p.mobile)
    if r.random() < 0.7:
        doc.t("  邮箱：" if zh else "  E-mail: ").v("email", p.email)
    doc.t("\n")


def order(r: random.Random) -> Doc:
    """A purchase order or an invoice as text."""
    zh = r.random() < 0.6
    doc = Doc(crlf=r.random() < 0.4)
    is_invoice = r.random() < 0.4
    title = (
        ("发票" if is_invoice else "采购订单")
        if zh
        else ("COMMERCIAL INVOICE" if is_invoice else "PURCHASE ORDER")
    )
    doc.t(f"{OUR[0] if zh else OUR[1]}\n{title}\n")
    doc.t("单号：" if zh else "No.: ").v(
        "lookalike", fakes.order_number(r) if not is_invoice else fakes.invoice_number(r)
    )
    doc.t(f"    {'日期' if zh else 'Date'}: {fakes.ymd(r)}\n")
    if r.random() < 0.5:
        doc.t("统一社会信用代码：" if zh else "USCC: ").v("lookalike", fakes.credit_code(r)).t("\n")
    doc.t("供应商：" if zh else "Supplier: ").t(
        r.choice(("佛山市南海区恒达五金制品有限公司", "KALTEK GmbH", "Brightline Supplies Ltd."))
        + "\n"
    )
    doc.t("地址：" if zh else "Address: ").v(
        "address", v.cn_address(r) if zh else v.en_address(r)
    ).t("\n")
    _contact(doc, r, person(r, latin=not zh and r.random() < 0.7), zh)
    doc.t(
        "\n"
        + (
            "序号  物料编码         名称                 数量   单价      金额\n"
            if zh
            else "Item  Part No.         Description               Qty   Unit price  Amount\n"
        )
    )
    for i in range(r.randrange(2, 12)):
        pn = fakes.part_number(r)
        zh_name, en_name = r.choice(fakes.PRODUCTS)
        doc.t(f"{i + 1:<5} ")
        doc.v("lookalike", pn) if r.random() < 0.6 else doc.t(pn)
        doc.t(
            f"  {zh_name if zh else en_name:<22} {r.randrange(1, 500):>5}  "
            f"{r.randrange(100, 99999) / 100:>9.2f}  "
        )
        doc.t(fakes.amount(r) + "\n")
    doc.t(("合计：" if zh else "Total: ") + fakes.amount(r) + "\n\n")
    doc.t(fakes.neutral(r, r.randrange(1, 3)) + "\n\n")
    if r.random() < 0.6:
        doc.t("开户行：" if zh else "Bank: ").t(r.choice(BANKS) + "\n")
        if r.random() < 0.5:
            doc.t("账号：" if zh else "Account No.: ").v("bank_account", v.bank_account(r)).t("\n")
        else:
            doc.t("IBAN: ").v("iban", v.iban(r)).t(
                f"   SWIFT: {r.choice(('DEUTDESSXXX', 'HSBCHKHHHKH', 'BNPAFRPPLYO'))}\n"
            )
    if r.random() < 0.4:
        doc.t("快递单号：" if zh else "AWB / Tracking: ").v("lookalike", fakes.tracking(r)).t("\n")
    if r.random() < 0.5:
        doc.t("收货人：" if zh else "Consignee: ")
        p = person(r, latin=not zh)
        name_ref(doc, p, r, 0.8)
        doc.t(" ").v("phone", p.mobile).t(" ").v(
            "address", v.cn_address(r) if zh else v.en_address(r)
        ).t("\n")
    doc.t("制单：" if zh else "Prepared by: ")
    name_ref(doc, person(r, latin=False), r, 0.9)
    doc.t("\n")
    return doc


def order_csv(r: random.Random) -> Doc:
    """An invoice line export (CSV) with a buyer block."""
    doc = Doc(crlf=True)
    p = person(r)
    doc.t("发票号码,").v("lookalike", fakes.invoice_number(r)).t("\n购买方,").t(
        "个人" if r.random() < 0.5 else "佛山市顺德区美佳电器有限公司"
    ).t("\n")
    doc.t("联系人,").v("person_name", p.name).t("\n电话,").v("phone", p.mobile).t("\n")
    doc.t("项目,规格型号,单位,数量,单价,金额,税率\n")
    for _ in range(r.randrange(3, 15)):
        zh_name, _en = r.choice(fakes.PRODUCTS)
        doc.t(f"{zh_name},").v("lookalike", fakes.model_number(r))
        doc.t(
            f",个,{r.randrange(1, 99)},{r.randrange(100, 9999) / 100:.2f},"
            f"{r.randrange(100, 99999) / 100:.2f},13%\n"
        )
    return doc


FAULTS = (
    "开机后E3报警，水泵不转",
    "燃气灶点火不着，有咔咔声",
    "unit trips the breaker after 10 min",
    "显示屏无显示，电源灯闪烁",
    "leaking at the outlet flange",
    "噪音大，怀疑轴承磨损",
    "温控器失灵，水温忽冷忽热",
    "motor overheats, smell of burning",
)


def ticket(r: random.Random) -> Doc:
    """An after-sales ticket: customer, device, technician notes, callback."""
    doc = Doc(crlf=r.random() < 0.3)
    p = person(r, latin=r.random() < 0.15)
    tech = person(r, latin=False)
    doc.t(f"{r.choice(('工单号', 'Ticket #', '服务单号'))}: ").v(
        "lookalike", f"GD{fakes.timestamp(r)[:14]}" if r.random() < 0.5 else fakes.order_number(r)
    )
    doc.t(f"\n{r.choice(('创建', 'Created'))}: {fakes.ymd(r)} {fakes.hms(r)[:5]}\n")
    doc.t(r.choice(("客户：", "Customer: ", "用户姓名：")))
    name_ref(doc, p, r, 0.6)
    doc.t(f"\n{r.choice(('电话', '联系方式', 'Phone'))}: ").v("phone", p.mobile)
    if r.random() < 0.3:
        doc.t(" / ").v("phone", v.cn_landline(r))
    doc.t(f"\n{r.choice(('地址', '上门地址', 'Address'))}: ").v(
        "address", v.cn_address(r) if not p.latin else v.en_address(r)
    )
    doc.t(f"\n{r.choice(('机型', 'Model'))}: ").v("lookalike", fakes.model_number(r))
    doc.t(f"  {r.choice(('序列号', 'S/N'))}: ").v("lookalike", fakes.serial(r))
    doc.t(f"  {r.choice(('固件', 'FW'))} ").v("lookalike", fakes.version(r))
    doc.t(f"\n{r.choice(('故障描述', 'Problem'))}: {r.choice(FAULTS)}。{r.choice(FAULTS)}\n")
    doc.t(f"{r.choice(('购买日期', '发票日期'))}: {fakes.ymd(r, 2021, 2025, '/')}")
    doc.t("  保修期内\n" if r.random() < 0.6 else "  已过保\n")
    doc.t("\n--- 技术员备注 / technician notes ---\n")
    doc.t(f"{r.randrange(1, 12)}/{r.randrange(1, 29)} ")
    name_ref(doc, tech, r, 0.3)
    doc.t(r.choice(("上门检测，", "remote check, ", "电话指导，")))
    doc.t(r.choice(("更换主板 ", "replaced pump ", "更换点火针 ", "清洗滤网 ")))
    doc.v("lookalike", fakes.part_number(r)) if r.random() < 0.6 else doc.t(fakes.part_number(r))
    doc.t(r.choice(("，试机正常。", ", tested OK.", "，待配件。")) + "\n")
    if r.random() < 0.35:
        doc.t("现场定位 / GPS: ").v("coordinates", v.coord_text(r)).t("\n")
    if r.random() < 0.2:
        doc.t("车辆：").v("licence_plate", v.plate(r)).t(" 出车\n")
    if r.random() < 0.5:
        doc.t(f"\n回访 callback {r.randrange(1, 12)}/{r.randrange(1, 29)}: ")
        doc.t(r.choice(("客户表示满意，", "客户未接，再拨 ", "customer asked to call back at ")))
        doc.v("phone", phone(r) if r.random() < 0.5 else p.mobile).t("\n")
    doc.t(fakes.neutral(r, 1) + "\n")
    return doc


def form(r: random.Random) -> Doc:
    """An HR onboarding form (text), Chinese or English."""
    zh = r.random() < 0.65
    doc = Doc(crlf=r.random() < 0.5)
    p = person(r, latin=not zh and r.random() < 0.6)
    sep = "：" if zh else ": "
    doc.t(("员工入职登记表\n" if zh else "EMPLOYEE ONBOARDING FORM\n") + "=" * 24 + "\n")
    doc.t(f"{'工号' if zh else 'Employee No.'}{sep}HT{r.randrange(10000, 99999)}\n")
    doc.t(f"{'姓名' if zh else 'Full name'}{sep}").v("person_name", p.name).t("\n")
    doc.t(f"{'性别' if zh else 'Sex'}{sep}{r.choice(('男', '女') if zh else ('M', 'F'))}\n")
    doc.t(f"{'出生日期' if zh else 'Date of birth'}{sep}").v(
        "date_of_birth", v.fmt_date(p.born, r)
    ).t("\n")
    if p.rid:
        doc.t(f"{'身份证号码' if zh else 'ID card No.'}{sep}").v("resident_id", p.rid).t("\n")
    if r.random() < 0.5 or not p.rid:
        _country, number = v.passport(r)
        doc.t(f"{'护照号码' if zh else 'Passport No.'}{sep}").v("passport", number).t(
            f"  ({_country})\n"
        )
    doc.t(f"{'手机' if zh else 'Mobile'}{sep}").v("phone", p.mobile).t("\n")
    doc.t(f"{'个人邮箱' if zh else 'Private e-mail'}{sep}").v("email", p.email).t("\n")
    home = v.en_address(r) if p.latin else v.cn_address(r)
    doc.t(f"{'现住址' if zh else 'Home address'}{sep}").v("address", home).t("\n")
    if r.random() < 0.5:
        doc.t(f"{'户籍地址' if zh else 'Registered address'}{sep}").v("address", v.cn_address(r)).t(
            "\n"
        )
    doc.t(f"{'工资卡开户行' if zh else 'Salary bank'}{sep}{r.choice(BANKS[:3])}\n")
    doc.t(f"{'工资卡号' if zh else 'Salary card No.'}{sep}").v("credit_card", v.card(r)).t("\n")
    if r.random() < 0.3:
        doc.t(f"{'车牌号（停车登记）' if zh else 'Car plate (parking)'}{sep}").v(
            "licence_plate", v.plate(r)
        ).t("\n")
    e = person(r, latin=False)
    doc.t(f"{'紧急联系人' if zh else 'Emergency contact'}{sep}").v("person_name", e.name)
    doc.t(f"（{r.choice(('配偶', '父亲', '母亲', '兄弟'))}）" if zh else " (spouse) ").v(
        "phone", e.mobile
    ).t("\n")
    doc.t(f"{'入职日期' if zh else 'Start date'}{sep}{fakes.ymd(r)}\n")
    doc.t(
        f"{'部门' if zh else 'Department'}{sep}{r.choice(('生产部', '品质部', '财务部', 'R&D'))}\n"
    )
    doc.t(f"\n{'HR经办' if zh else 'HR officer'}{sep}")
    name_ref(doc, person(r, latin=False), r, 0.5)
    doc.t(
        "\n"
        + ("本人承诺以上信息真实有效。\n" if zh else "I confirm the information above is true.\n")
    )
    return doc


SPECS = ("额定电压", "Rated power", "重量 Weight", "尺寸", "IP rating", "Max pressure", "流量")
UNITS = ("V", "W", "kg", "mm", "bar", "L/min")


def spec_sheet(r: random.Random) -> Doc:
    """A product datasheet: no personal data, many numbers."""
    doc = Doc()
    zh, en = r.choice(fakes.PRODUCTS)
    doc.t(f"# {zh} / {en}\n\n型号 Model: ").v("lookalike", fakes.model_number(r)).t("\n")
    doc.t("固件 Firmware: ").v("lookalike", fakes.version(r)).t("\n\n| 参数 | 值 |\n|---|---|\n")
    for _ in range(r.randrange(8, 30)):
        doc.t(f"| {r.choice(SPECS)} | ")
        doc.t(f"{r.randrange(1, 2000)}.{r.randrange(10)} {r.choice(UNITS)} |\n")
    doc.t("\n" + fakes.neutral(r, r.randrange(2, 5)) + "\n")
    doc.t("替换料号 Replacement P/N: ").v("lookalike", fakes.part_number(r)).t("\n")
    return doc
