"""Printed business papers saved as text: purchase orders from the ERP, contracts with bank
details, onboarding forms typed into a text file."""

from __future__ import annotations

from bench.corpus9 import values as v
from bench.corpus9.doc import Doc, V
from bench.corpus9.world import World

ITEMS = (
    "不锈钢螺栓 M8x30",
    "同步带 HTD-5M",
    "气缸 SC63x100",
    "PLC 模块 S7-1200",
    "热封刀",
    "伺服电机 1.5kW",
    "光电传感器",
    "轴承 6204-2RS",
    "触摸屏 7寸",
)
BANKS = (
    "中国工商银行佛山顺德支行",
    "中国银行佛山南海支行",
    "招商银行佛山分行",
    "Deutsche Bank AG Stuttgart",
    "HSBC Hong Kong",
)


def purchase_order(w: World) -> tuple[str, Doc]:
    r = w.rng
    buyer, vendor = w.local(), w.one()
    doc = Doc()
    doc.line("PURCHASE ORDER 采购订单", " " * r.randint(4, 20), "No. ", v.order_no(r))
    doc.line("日期 Date: ", v.plain_date(r), "    币种 Currency: ", w.pick("CNY", "EUR", "USD"))
    doc.line("供应商 Vendor: ", v.company(r), "  供应商联系人 Contact: ", *w.full(vendor))
    doc.line("Tel: ", w.phone(vendor), "  E-mail: ", w.email(vendor))
    doc.line("采购员 Buyer: ", *w.full(buyer), "  Ext. ", str(r.randint(8000, 8999)))
    doc.line("交货地址 Ship to: ", w.address(english=w.chance(0.3)))
    if w.chance(0.5):
        doc.line("收货人 Receiver: ", w.name(w.local()), " ", w.phone())
    sep = w.pick(" | ", "\t", "  ")
    doc.line(
        sep.join(["Line", "物料编码 Material", "描述 Description", "数量 Qty", "单价", "交期"])
    )
    for line in range(r.randint(3, 14)):
        doc.line(
            f"{(line + 1) * 10}",
            sep,
            v.part_number(r) if w.chance(0.6) else v.serial(r),
            sep,
            r.choice(ITEMS),
            sep,
            str(r.randint(1, 5000)),
            sep,
            f"{r.uniform(0.2, 900):.2f}",
            sep,
            v.plain_date(r),
        )
    if w.chance(0.35):
        doc.line(
            "随机资料 Manual: ISBN ", v.isbn(r), "  ", w.pick("包装机械设计手册", "PLC 编程指南")
        )
    doc.line("图纸版本 Drawing rev.: ", v.version(r), "   ERP batch: ", v.batch18(r))
    doc.line(
        "审批 Approved: ",
        *w.role(w.local(), w.pick("采购经理", "经理", "主管")),
        "  ",
        v.plain_date(r),
    )
    if w.chance(0.3):
        doc.line(
            "付款 Payment: T/T to account ",
            V("bank_account", v.account(r)),
            " (",
            r.choice(BANKS),
            ")",
        )
    return w.pick("txt", "txt", "prn"), doc


def contract(w: World) -> tuple[str, Doc]:
    r = w.rng
    a_rep, a_contact, b_rep = w.local(), w.local(), w.one()
    doc = Doc()
    doc.line(w.pick("设备采购合同", "技术服务协议", "Equipment Supply Agreement 设备供货合同"))
    doc.line(
        "合同编号 Contract No.: HT-2026-", f"{r.randint(1, 999):04d}", "   签订地点：佛山市顺德区"
    )
    doc.line()
    doc.line("甲方（买方）：", v.company(r))
    doc.line("法定代表人：", w.name(a_rep), "    身份证号码：", w.rid(a_rep))
    doc.line("住所地：", w.address())
    doc.line(
        "联系人：",
        *w.full(a_contact),
        "  电话：",
        w.phone(a_contact),
        "  邮箱：",
        w.email(a_contact),
    )
    doc.line()
    doc.line("乙方（卖方）：", w.pick("Nordbau GmbH", "佛山诺德包装机械有限公司"))
    doc.line("Authorised representative 授权代表: ", *w.full(b_rep))
    if b_rep.abroad:
        doc.line(
            "Passport No.: ",
            V("passport", v.passport(r, abroad=True)),
            "  Date of birth: ",
            w.dob(b_rep),
        )
    else:
        doc.line("护照号码：", V("passport", v.passport(r)), "  出生日期：", w.dob(b_rep))
    doc.line("Address: ", w.address(english=True))
    doc.line()
    doc.line("第三条 付款方式")
    doc.line(
        "3.1 合同总价 ", f"{r.randint(8, 900) * 1000:,}", " 元，预付30%，验收后付60%，质保金10%。"
    )
    doc.line("3.2 乙方收款账户 Beneficiary bank details:")
    doc.line("  开户名称 Account name: ", w.pick("Nordbau GmbH", "佛山诺德包装机械有限公司"))
    doc.line("  开户银行 Bank: ", r.choice(BANKS))
    label = w.pick("账号 Account No.: ", "银行账号：", "A/C No. ", "账户：")
    doc.line("  ", label, V("bank_account", v.account(r)))
    doc.line("  SWIFT/BIC: ", v.swift(r))
    if w.chance(0.6):
        doc.line("  IBAN: ", V("iban", v.iban(r)))
    if w.chance(0.4):
        doc.line(
            "3.3 定金可用信用卡支付，卡号 ",
            V("credit_card", v.card(r, credit=True)),
            "，持卡人 ",
            w.name(a_rep),
        )
    doc.line("第四条 交货：交货地点 ", w.address(), "，交货期 ", v.plain_date(r), "。")
    doc.line("设备型号：", v.model(r), "，控制软件版本 ", v.version(r), "。")
    doc.line()
    doc.line("甲方代表（签字）：", w.name(a_rep), "        乙方代表（签字）：", w.name(b_rep))
    doc.line("日期：", v.plain_date(r), "                 日期：", v.plain_date(r))
    return "txt", doc


def onboarding(w: World) -> tuple[str, Doc]:
    """An onboarding form typed into text: label, value pairs, two to a line."""
    r = w.rng
    p, kin = w.local(), w.local()
    doc = Doc()
    gap = w.pick("：", ": ", "： ", "\t")
    doc.line("新员工入职登记表 Employee Onboarding Form")
    doc.line(
        "工号 Staff No.",
        gap,
        f"FS{r.randint(10000, 99999)}",
        "    部门",
        gap,
        w.pick("生产部", "品质部", "售后服务部"),
    )
    doc.line(
        "姓名 Name",
        gap,
        w.name(p),
        w.pick("（", "("),
        w.latin(p),
        w.pick("）", ")"),
        "    性别",
        gap,
        "男" if p.male else "女",
    )
    doc.line("出生日期 Date of Birth", gap, w.dob(p), "    民族", gap, "汉")
    doc.line("身份证号 ID No.", gap, w.rid(p))
    if w.chance(0.5):
        doc.line("护照号 Passport", gap, V("passport", v.passport(r)))
    doc.line("手机 Mobile", gap, w.phone(p), "    邮箱", gap, w.email(p))
    doc.line("现住址 Address", gap, w.address())
    doc.line("户籍地址", gap, w.address())
    doc.line(
        "工资卡开户行",
        gap,
        w.pick("工商银行", "农业银行", "建设银行"),
        "    卡号",
        gap,
        V("bank_card", v.card(r, credit=False)),
    )
    if w.chance(0.5):
        doc.line("车牌号（停车登记）", gap, V("licence_plate", v.plate(r)))
    doc.line(
        "紧急联系人",
        gap,
        w.name(kin),
        "    关系",
        gap,
        w.pick("配偶", "父亲", "母亲", "兄弟"),
        "    电话",
        gap,
        w.phone(kin),
    )
    doc.line("入职日期", gap, v.plain_date(r), "    合同期限", gap, "3年")
    doc.line(
        "HR 经办人",
        gap,
        *w.titled(w.local()),
        "    系统账号初始密码",
        gap,
        V("secret", v.password(r)),
    )
    return "txt", doc
