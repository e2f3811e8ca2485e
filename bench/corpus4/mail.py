"""Mail between the factory, its customers, suppliers and the group: headers with display
names, greetings, quoted replies, signatures; bilingual."""

from __future__ import annotations

from random import Random

from bench.corpus4 import numbers as n
from bench.corpus4 import parts
from bench.corpus4 import people as pp
from bench.corpus4.doc import Doc, F, Piece, V

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _mailbox(rng: Random, p: pp.Person, addr: str) -> list[Piece]:
    r = rng.random()
    shown = p.full if rng.random() < 0.6 else p.english
    if r < 0.45:
        return ['"', V("person_name", shown), '" <', V("email", addr), ">"]
    if r < 0.8:
        return [V("person_name", shown), " <", V("email", addr), ">"]
    return [V("email", addr)]


def _date_header(rng: Random) -> str:
    d = pp.business_day(rng)
    return (
        f"{WEEKDAYS[d.weekday()]}, {d.day} {pp.MONTHS[d.month - 1]} {d.year} "
        f"{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} +0800"
    )


def _body_zh(rng: Random, d: Doc, sender: pp.Person, other: pp.Person) -> None:
    day = pp.business_day(rng)
    d.line(*parts.addressed(rng, other), rng.choice(("，您好！", "，你好，", "：", "您好，")))
    d.line()
    topic = rng.randrange(5)
    if topic == 0:
        d.line(
            "关于",
            F(n.order_no(rng, day)),
            "的交期，我司计划于",
            F(pp.written(rng, day)),
            "发货，共",
            str(rng.randint(2, 40)),
            "托。",
            rng.choice(("请安排收货。", "麻烦确认收货地址是否变更。")),
        )
        if rng.random() < 0.6:
            c = pp.person(rng, 0.0)
            d.line(
                "收货联系人：",
                parts.name(c),
                "，电话 ",
                parts.phone(rng, 0.9),
                "，地址：",
                V("address", pp.address_cn(rng)),
            )
    elif topic == 1:
        d.line(
            "客户反馈",
            F(n.model(rng)),
            "在使用",
            rng.randint(2, 30).__str__(),
            "天后出现E",
            str(rng.randint(1, 9)),
            "故障，",
            *parts.business_lookalike(rng, day),
            "。",
        )
        d.line(
            "已安排",
            *parts.addressed(rng, pp.person(rng, 0.0)),
            "上门检测，请",
            *parts.addressed(rng, sender),
            "跟进备件。",
        )
    elif topic == 2:
        new = pp.person(rng, 0.05)
        d.line(
            "新同事",
            parts.name(new),
            "下周一入职，请IT开通邮箱 ",
            V("email", pp.email(rng, new, True)),
            "，并在门禁系统登记车牌 ",
            V("licence_plate", n.plate(rng)),
            "。",
        )
    elif topic == 3:
        d.line("附件是本月对账单，请核对。付款请汇至：")
        d.line("户名：", rng.choice(pp.COMPANIES))
        d.line("开户行：中国工商银行佛山", rng.choice(("顺德", "南海", "禅城")), "支行")
        d.line("账号：", V("bank_account", n.cn_account(rng)))
        d.line(*parts.business_lookalike(rng, day))
    else:
        d.line(
            "本周",
            F(rng.choice(pp.NAME_LIKE[:3])) if rng.random() < 0.5 else "",
            "仓库盘点，",
            *parts.business_lookalike(rng, day),
            "，",
            *parts.business_lookalike(rng, day),
            "。",
        )
        d.line("如有问题请联系我 ", parts.phone(rng), "。")
    d.line("谢谢！")


def _body_en(rng: Random, d: Doc, sender: pp.Person, other: pp.Person) -> None:
    day = pp.business_day(rng)
    d.line(rng.choice(("Dear ", "Hi ", "Hello ")), *parts.addressed(rng, other, "en"), ",")
    d.line()
    topic = rng.randrange(4)
    if topic == 0:
        d.line(
            "Please find attached the updated forecast. ", *parts.business_lookalike(rng, day), "."
        )
        d.line(
            "We need ",
            str(rng.randint(100, 5000)),
            " pcs of ",
            rng.choice(pp.PRODUCTS_EN),
            " (",
            F(n.model(rng)),
            ") before ",
            F(pp.written(rng, day, "en")),
            ".",
        )
    elif topic == 1:
        g = pp.person(rng, 0.5)
        d.line(
            "Our colleague ",
            parts.name(g),
            " will visit Foshan next week. Flight arrives ",
            F(f"CZ{rng.randint(300, 3999)}"),
            ", passport no. ",
            V("passport", n.passport(rng, rng.choice(("DE", "US", "GB", "FR")))),
            " for the visitor registration.",
        )
        d.line(
            "Hotel pick-up: ",
            V("address", pp.address_en(rng)),
            ". Mobile: ",
            parts.phone(rng, 0.2),
            ".",
        )
    elif topic == 2:
        d.line("The remittance for invoice ", F(n.invoice(rng)), " was sent to ")
        iban = n.iban(rng)
        d.line(
            "IBAN ",
            V("iban", n.iban_spaced(iban) if rng.random() < 0.6 else iban),
            ", BIC ",
            rng.choice(("DEUTDEFF", "COBADEFF", "HSBCHKHHHKH")),
            ".",
        )
    else:
        d.line(
            "As discussed, ",
            *parts.addressed(rng, pp.person(rng), "en"),
            " from our QA team will send the ",
            "8D report. ",
            *parts.business_lookalike(rng, day),
        )
    d.line()
    d.line(rng.choice(("Thanks.", "Thank you!", "Let me know if anything is unclear.")))


def _quoted(rng: Random, d: Doc, p: pp.Person, to: pp.Person, addr: str) -> None:
    if rng.random() < 0.5:
        d.line()
        d.line("-----Original Message-----")
        d.line("From: ", *_mailbox(rng, p, addr))
        d.line("Sent: ", _date_header(rng))
        d.line("To: ", *_mailbox(rng, to, pp.email(rng, to, True)))
        d.line("Subject: ", rng.choice(("交期确认", "RE: Quotation", "售后备件", "对账单")))
        d.line()
        prefix = ""
    else:
        day = pp.business_day(rng)
        d.line()
        d.line(
            "在 ",
            f"{day.year}年{day.month}月{day.day}日 {rng.randint(8, 20)}:{rng.randint(10, 59)}",
            "，",
            V("person_name", p.full),
            " <",
            V("email", addr),
            "> 写道：",
        )
        prefix = "> "
    d.put(prefix)
    d.line(*parts.addressed(rng, to), "，", rng.choice(("请确认。", "收到请回复。", "辛苦了。")))
    d.line(prefix, "订单 ", F(n.order_no(rng, pp.business_day(rng))), " 已下。")
    d.line(prefix, V("person_name", p.full))
    d.line(prefix, parts.phone(rng, 0.8))


def make(rng: Random) -> tuple[Doc, str, str]:
    d = Doc("\r\n" if rng.random() < 0.5 else "\n")
    sender, other = pp.person(rng), pp.person(rng)
    s_addr, o_addr = pp.email(rng, sender, True), pp.email(rng, other)
    d.line("Return-Path: <", V("email", s_addr), ">")
    if rng.random() < 0.5:
        d.line(
            "Received: from mail.",
            rng.choice(pp.DOMAINS),
            " (",
            V("ip_address", n.ipv4(rng)),
            ") by mx.",
            rng.choice(pp.DOMAINS),
            " with ESMTPS; ",
            _date_header(rng),
        )
    d.line("From: ", *_mailbox(rng, sender, s_addr))
    d.line("To: ", *_mailbox(rng, other, o_addr))
    if rng.random() < 0.5:
        cc = pp.person(rng)
        d.line("Cc: ", *_mailbox(rng, cc, pp.email(rng, cc, True)))
    d.line("Date: ", _date_header(rng))
    subject = rng.choice(
        (
            "RE: 交期确认 / Delivery schedule",
            "售后问题反馈",
            "FW: Visitor registration",
            "对账单 Statement",
            "新员工入职 Onboarding",
            "Quotation for fan coil units",
        )
    )
    d.line("Subject: ", subject)
    local = f"{pp.business_day(rng):%Y%m%d}{n.digits(rng, 6)}.{n.token(rng, 6, n.HEX).upper()}"
    d.line("Message-ID: <", F(f"{local}@{rng.choice(pp.DOMAINS)}"), ">")
    d.line("MIME-Version: 1.0")
    d.line('Content-Type: text/plain; charset="utf-8"')
    d.line("Content-Transfer-Encoding: 8bit")
    d.line()
    lang = "zh" if rng.random() < 0.6 else "en"
    (_body_zh if lang == "zh" else _body_en)(rng, d, sender, other)
    d.put(*parts.signature(rng, sender, rng.choice(pp.COMPANIES), lang))
    if rng.random() < 0.55:
        _quoted(rng, d, other, sender, o_addr)
    if rng.random() < 0.3:
        d.line()
        d.line("本邮件及其附件含有保密信息，仅限收件人使用。")
        d.line("This e-mail and its attachments are confidential.")
    return d, "eml", "utf-8"
