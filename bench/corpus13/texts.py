"""Mail (.txt copies and .eml as Python's email package writes them), after-sales tickets,
purchase orders, onboarding forms and chat exports."""

from __future__ import annotations

from email.message import EmailMessage

from bench.corpus13.doc import LOOKALIKE, Doc, Sink, V
from bench.corpus13.values import Fake, Person

L = LOOKALIKE


def _name(p: Person, how: int) -> list[str | V]:
    """A person's name as the files write it: Chinese, romanized, both, or English."""
    if how == 0:
        return [V("person_name", p.zh)]
    if how == 1:
        return [V("person_name", p.roman)]
    if how == 2:
        return [V("person_name", p.zh), "（", V("person_name", p.roman), "）"]
    return [V("person_name", p.en)]


def _body(fk: Fake, doc: Doc, sender: Person, to: Person) -> None:
    """A mail's body: one of five business letters, then the sender's signature."""
    kind = fk.r.randrange(5)
    greet = fk.pick("您好", "Dear", "Hi", "各位好")
    if greet in ("Dear", "Hi"):
        doc.line(greet, " ", V("person_name", to.en if fk.r.random() < 0.5 else to.roman), ",")
    else:
        doc.line(V("person_name", to.zh), "，", greet, "：")
    doc.t("\n")
    if kind == 0:
        doc.line(
            "客户投诉订单 ",
            V(L, fk.order_mobile()),
            " 的 ",
            V(L, fk.model()),
            " 到货损坏，客户信息如下：",
        )
        doc.line(
            "Customer: ", V("person_name", fk.en_name()), " / Tel ", V("phone", fk.phone_intl())
        )
        doc.line("收货地址 Ship to: ", V("address", fk.address_cn()))
        doc.line(
            "快递单号 ", V(L, fk.waybill()), "，签收日期 ", V(L, fk.day_text()), "。请尽快处理。"
        )
    elif kind == 1:
        doc.line("Please update our bank details for payments from ", V(L, fk.day_text()), ":")
        doc.line("Beneficiary: ", V("person_name", fk.en_name()))
        doc.line("IBAN: ", V("iban", fk.iban()))
        doc.line("Kontonummer / BBAN: ", V("bank_account", fk.bban()))
        doc.line(
            "对公账号：",
            V("bank_account", fk.account_cn()),
            "（统一社会信用代码 ",
            V(L, fk.credit_code()),
            "）",
        )
    elif kind == 2:
        p = fk.person()
        doc.line("新同事入职资料，请HR建档 / New hire details for HR:")
        doc.line("姓名 Name：", *_name(p, 2))
        doc.line("出生日期 Date of birth：", V("date_of_birth", fk.dob_text(p.dob)))
        doc.line(
            "身份证号：", V("resident_id", p.rid), "  护照 Passport: ", V("passport", fk.passport())
        )
        doc.line("手机 Mobile：", V("phone", p.phone), "  邮箱：", V("email", p.email))
        doc.line("住址：", V("address", p.address))
        doc.line(
            "工资卡 Salary card：",
            V("bank_card", fk.bank_card()),
            "，入职日期 ",
            V(L, fk.day_text()),
        )
    elif kind == 3:
        p = fk.person()
        doc.line(
            "司机 ",
            V("person_name", p.zh),
            " 明天到 ",
            V(L, fk.town()),
            "仓提货，车牌 ",
            V("licence_plate", fk.plate()),
            "，",
        )
        doc.line("电话 ", V("phone", p.phone), "。送货地址：", V("address", fk.address_cn()), "。")
        lat, lng = fk.coords()
        doc.line("Drop pin: ", V("coordinates", f"{lat}, {lng}"))
    else:
        doc.line(
            "The card on file for the spare-parts order failed: ", V("credit_card", fk.card()), "."
        )
        doc.line(
            "Cardholder ",
            V("person_name", fk.en_name()),
            ", billing address ",
            V("address", fk.address_intl()),
            ".",
        )
        doc.line(
            "Portal login: ", V("email", fk.email()), " / password ", V("secret", fk.password())
        )
        doc.line("Manual ISBN ", V(L, fk.isbn()), ", firmware ", V(L, fk.version()), ".")
    doc.t("\n")
    doc.line(fk.pick("Best regards,", "此致", "谢谢！", "BR"))
    doc.line(*_name(sender, fk.r.randrange(4)))
    doc.line(fk.cn.job(), " | ", fk.cn.company())
    doc.line("M: ", V("phone", sender.phone), "  E: ", V("email", sender.email))
    doc.line("Hotline ", V(L, fk.hotline()))


def mail(fk: Fake, sink: Sink, n: int) -> None:
    sender, to = fk.person(), fk.person()
    subject = fk.pick(
        "订单问题 Order issue", "Bank details update", "入职资料", "提货安排", "Payment failed"
    )
    layout = n % 4
    body = Doc()
    _body(fk, body, sender, to)
    if fk.r.random() < 0.6:  # the message it answers, quoted below
        body.line("")
        body.line(
            fk.pick("-----Original Message-----", "------------------ 原始邮件 ------------------")
        )
        body.line("From: ", V("person_name", to.en), " <", V("email", to.email), ">")
        _body(fk, body, to, sender)
    if layout == 0:  # an Outlook message saved as text
        doc = Doc()
        doc.line("From: ", V("person_name", sender.en), " <", V("email", sender.email), ">")
        doc.line("Sent: ", V(L, fk.day_text()), " 10:", f"{fk.r.randrange(60):02d}")
        doc.line("To: ", V("person_name", to.roman), " <", V("email", to.email), ">")
        doc.line("Subject: ", subject, "\n")
        doc.t(body.text)
        off = doc.size - body.size
        doc.spans += [(t, a + off, b + off) for t, a, b in body.spans]
        sink.text("mail", f"mail_{n:05d}.txt", doc)
        return
    msg = EmailMessage()
    who = [sender.zh, sender.en, sender.roman][n % 3]
    msg["From"] = f"{who} <{sender.email}>"
    msg["To"] = f"{to.zh} <{to.email}>"
    msg["Subject"] = subject
    msg["Date"] = (
        f"{fk.pick('Mon', 'Tue', 'Wed', 'Thu', 'Fri')}, {fk.r.randrange(1, 28)} Mar 2026 "
        f"09:{fk.r.randrange(60):02d}:00 +0800"
    )
    msg["Message-ID"] = f"<{fk.cn.uuid4()}@mail.foshan-example.cn>"
    cte = ("base64", "quoted-printable", "8bit")[layout - 1]
    msg.set_content(body.text, charset="utf-8", cte=cte)
    heads = [
        ("person_name", who),
        ("email", sender.email),
        ("person_name", to.zh),
        ("email", to.email),
    ]
    sink.mail("mail", f"mail_{n:05d}.eml", msg.as_bytes(), heads, body)


def ticket(fk: Fake, sink: Sink, n: int) -> None:
    p = fk.person()
    doc = Doc()
    no = f"TK{fk.r.randrange(10**9, 10**10)}"
    if n % 3 == 0:
        doc.line("售后工单 After-sales ticket #", no)
        doc.line("=" * 32)
        doc.line("客户姓名：", *_name(p, fk.r.randrange(3)))
        doc.line("联系电话：", V("phone", p.phone))
        doc.line("上门地址：", V("address", p.address))
        doc.line("产品型号：", V(L, fk.model()), "    机身序列号：", V(L, fk.serial18()))
        doc.line("报修日期：", V(L, fk.day_text()), "    固件：", V(L, fk.version()))
        doc.line("故障描述：", fk.cn.sentence(), fk.pick("不制冷。", "有异响。", "E3报错。"))
        doc.line(
            "工程师：", V("person_name", fk.cn.name()), "  车辆：", V("licence_plate", fk.plate())
        )
    elif n % 3 == 1:
        doc.line(
            f"[{no}] {fk.pick('Unit not heating', 'Leaking water', 'Error E5')} - "
            f"{fk.pick('High', 'Normal')}"
        )
        doc.line("Requester: ", V("person_name", p.roman), " <", V("email", p.email), ">")
        doc.line("Phone: ", V("phone", fk.phone_intl()))
        doc.line("Address: ", V("address", fk.address_intl()))
        doc.line("Serial: ", V(L, fk.serial16()), "  Model: ", V(L, fk.model()))
        doc.line("---")
        doc.line("Customer says the unit bought on ", V(L, fk.day_text()), " stopped working.")
        doc.line(
            "Agent ",
            V("person_name", fk.en_name()),
            ": replacement sent, waybill ",
            V(L, fk.waybill()),
            ".",
        )
    else:
        doc.line("工单 ", no, " | 状态: 已派单")
        doc.line("| 字段 | 内容 |")
        doc.line("|---|---|")
        doc.line("| 客户 | ", V("person_name", p.zh), " |")
        doc.line("| 手机 | ", V("phone", p.phone), " |")
        doc.line("| 身份证(保修登记) | ", V("resident_id", p.rid), " |")
        doc.line("| 地址 | ", V("address", p.address), " |")
        lat, lng = fk.coords()
        doc.line("| 定位 | ", V("coordinates", f"{lat},{lng}"), " |")
        doc.line("| 回访单号 | ", V(L, fk.order_mobile()), " |")
    doc.line("")
    doc.line(fk.pick("处理记录 / Notes:", "Follow-ups:", "跟进："))
    for _ in range(fk.r.randrange(4, 10)):
        doc.t(f"- {fk.r.randrange(8, 20):02d}:{fk.r.randrange(60):02d} ")
        _chat_line(fk, doc, [p])
    sink.text("ticket", f"ticket_{n:05d}.{fk.pick('txt', 'md')}", doc)


def po(fk: Fake, sink: Sink, n: int) -> None:
    doc = Doc()
    buyer, seller = fk.person(), fk.person()
    doc.line(fk.pick("采购订单 PURCHASE ORDER", "Purchase Order / 采购单"))
    doc.line(
        "PO No.: PO", str(fk.r.randrange(10**7, 10**8)), "    日期 Date: ", V(L, fk.day_text())
    )
    doc.line("供应商 Vendor: ", fk.cn.company(), "  统一社会信用代码：", V(L, fk.credit_code()))
    doc.line(
        "联系人 Contact: ", *_name(seller, fk.r.randrange(4)), "  Tel: ", V("phone", seller.phone)
    )
    doc.line("Email: ", V("email", seller.email))
    if n % 2:
        doc.line(
            "Bank: ",
            fk.pick("HSBC", "Deutsche Bank", "BNP Paribas"),
            "  IBAN ",
            V("iban", fk.iban()),
        )
    else:
        doc.line("开户行：中国工商银行佛山分行  账号：", V("bank_account", fk.account_cn()))
    doc.line("收货地址 Deliver to: ", V("address", fk.address_cn()))
    doc.line("收货人 Receiver: ", V("person_name", buyer.zh), " ", V("phone", buyer.phone))
    doc.line("")
    doc.line(f"{'Item':<6}{'Model':<14}{'Qty':>6}{'Price':>10}")
    for k in range(fk.r.randrange(3, 10)):
        doc.line(
            f"{k + 1:<6}",
            V(L, fk.model()),
            " " * 4,
            f"{fk.r.randrange(1, 500):>6}{fk.r.randrange(10, 9000):>10}.00",
        )
    doc.line("技术手册 Manual: ISBN ", V(L, fk.isbn()))
    doc.line("交货日期 Delivery: ", V(L, fk.day_text()), "  运单 ", V(L, fk.waybill()))
    doc.line("采购员 Buyer: ", V("person_name", buyer.en), "  服务热线 ", V(L, fk.hotline()))
    sink.text("purchase_order", f"po_{n:05d}.txt", doc)


def form(fk: Fake, sink: Sink, n: int) -> None:
    p, kin = fk.person(), fk.person()
    doc = Doc()
    if n % 2 == 0:
        doc.line("员工入职登记表 Employee Onboarding Form")
        sep = fk.pick("：", ": ", "\t")
        doc.line("姓名 Name", sep, *_name(p, 2))
        doc.line("出生日期 Date of Birth", sep, V("date_of_birth", fk.dob_text(p.dob)))
        doc.line("身份证号码 ID No.", sep, V("resident_id", p.rid))
        doc.line("护照号码 Passport No.", sep, V("passport", fk.passport()))
        doc.line("手机号码 Mobile", sep, V("phone", p.phone))
        doc.line("电子邮箱 Email", sep, V("email", p.email))
        doc.line("现住址 Address", sep, V("address", p.address))
        doc.line("工资卡号 Bank card", sep, V("bank_card", fk.bank_card()))
        doc.line("车牌号 Plate", sep, V("licence_plate", fk.plate()))
        doc.line(
            "紧急联系人 Emergency contact",
            sep,
            V("person_name", kin.zh),
            " ",
            V("phone", kin.phone),
        )
        doc.line("入职日期 Start date", sep, V(L, fk.day_text()))
        doc.line("系统初始密码 Initial password", sep, V("secret", fk.password()))
        doc.line("")
        doc.line("家庭成员 Family members")
        for _ in range(fk.r.randrange(1, 4)):
            m = fk.person()
            doc.line(
                fk.pick("父亲", "母亲", "配偶", "子女"),
                sep,
                V("person_name", m.zh),
                "  ",
                V("phone", m.phone),
            )
        doc.line(
            "上一家单位 Previous employer",
            sep,
            fk.cn.company(),
            "，",
            V("address", fk.address_cn()),
        )
    else:
        doc.line("EXPATRIATE STAFF REGISTRATION")
        doc.line("+----------------------+------------------------------------------+")
        rows: list[tuple[str, list[str | V]]] = [
            ("Full name", [V("person_name", p.en)]),
            ("Date of birth", [V("date_of_birth", fk.dob_text(p.dob))]),
            ("Passport number", [V("passport", fk.passport())]),
            ("Home address", [V("address", fk.address_intl())]),
            ("Phone", [V("phone", fk.phone_intl())]),
            ("Email", [V("email", fk.email())]),
            ("Salary IBAN", [V("iban", fk.iban())]),
            ("Corporate card", [V("credit_card", fk.card())]),
            ("Arrival", [V(L, fk.day_text())]),
            ("Laptop IP", [V("ip_address", fk.ip())]),
        ]
        for label, bits in rows:
            doc.line(f"| {label:<20} | ", *bits)
        doc.line("+----------------------+------------------------------------------+")
    sink.text("form", f"form_{n:05d}.txt", doc)


def _chat_line(fk: Fake, doc: Doc, people: list[Person]) -> None:
    k = fk.r.randrange(10)
    if k == 0:
        doc.line("电话 ", V("phone", fk.pick(*[p.phone for p in people])), " 打这个")
    elif k == 1:
        doc.line("地址发你：", V("address", fk.address_cn()))
    elif k == 2:
        lat, lng = fk.coords()
        doc.line("[位置] ", V("coordinates", f"{lat},{lng}"))
    elif k == 3:
        doc.line("车牌 ", V("licence_plate", fk.plate()), "，到门口了")
    elif k == 4:
        doc.line("单号 ", V(L, fk.waybill()), " 查一下")
    elif k == 5:
        doc.line("新型号 ", V(L, fk.model()), " 样机到了吗")
    elif k == 6:
        doc.line("客户 ", V("person_name", fk.cn.name()), " 的身份证 ", V("resident_id", fk.rid()))
    elif k == 7:
        doc.line("wifi 密码 ", V("secret", fk.password()))
    elif k == 8:
        doc.line("卡号 ", V("bank_card", fk.bank_card()), " 退款打这张")
    else:
        doc.line(fk.pick("好的", "收到👌", "OK", "明天再说", "老板在开会"))


def chat(fk: Fake, sink: Sink, n: int) -> None:
    people = [fk.person() for _ in range(fk.r.randrange(2, 4))]
    doc = Doc()
    if n % 2 == 0:  # WeChat export
        doc.line("微信聊天记录 - ", fk.pick("售后群", "物流对接", "采购"))
        for _ in range(fk.r.randrange(12, 30)):
            p = fk.r.choice(people)
            doc.line(
                V("person_name", p.zh), f" {fk.r.randrange(8, 20):02d}:{fk.r.randrange(60):02d}"
            )
            _chat_line(fk, doc, people)
    else:  # WhatsApp export
        for _ in range(fk.r.randrange(12, 30)):
            p = fk.r.choice(people)
            doc.t(
                f"[{fk.r.randrange(1, 29):02d}/03/26 "
                f"{fk.r.randrange(8, 20):02d}:{fk.r.randrange(60):02d}] "
            )
            doc.v("person_name", p.en).t(": ")
            _chat_line(fk, doc, people)
    sink.text("chat", f"chat_{n:05d}.txt", doc)
