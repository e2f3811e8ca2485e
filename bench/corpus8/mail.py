"""Outlook/Foxmail-style mail (.eml): plain 8bit mail (UTF-8 or GBK, labelled like text), and
encoded mail (base64 / quoted-printable parts, RFC 2047 headers), whose values are returned as
(type, text) and labelled in its decoded parts (bench/corpus8/__init__.py)."""

from __future__ import annotations

import random
from email.charset import BASE64, QP, Charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.utils import formataddr

from bench.corpus8 import fakes
from bench.corpus8 import values as v
from bench.corpus8.doc import Doc
from bench.corpus8.people import Person, name_ref, person, phone

SUBJECTS = (
    "报价 / quotation",
    "Re: 订单交期确认",
    "RE: shipment schedule",
    "回复：样品测试结果",
    "Fw: 售后投诉处理",
    "发票已开具",
    "Inquiry: ball valves DN50",
    "Re: Re: 付款通知",
)
QUOTE_HEADS = (
    "------------------ 原始邮件 ------------------",
    "-----Original Message-----",
    "在 2025年3月4日 上午10:12，{who} 写道：",
    "On Tue, 4 Mar 2025 at 10:12, {who} wrote:",
)


def _date(r: random.Random) -> str:
    days = ("Mon", "Tue", "Wed", "Thu", "Fri")
    return (
        f"{r.choice(days)}, {r.randrange(1, 29)} {r.choice(('Jan', 'Mar', 'Jun', 'Sep', 'Nov'))} "
        f"2025 {r.randrange(8, 19):02d}:{r.randrange(60):02d}:{r.randrange(60):02d} +0800"
    )


def _signature(doc: Doc, r: random.Random, p: Person) -> None:
    doc.t("\n--\n").v("person_name", p.name)
    doc.t(f" | {r.choice(('销售经理', 'Sales Manager', '采购专员', 'Engineer', 'Buyer'))}\n")
    doc.t(
        r.choice(
            (
                "佛山恒泰机电科技有限公司\n",
                "Foshan Hengtai Electromechanical Technology Co., Ltd.\n",
                "KALTEK GmbH\n",
            )
        )
    )
    doc.t(r.choice(("M: ", "手机：", "Mobile: "))).v("phone", p.mobile).t("\n")
    if r.random() < 0.6:
        doc.t(r.choice(("T: ", "电话：", "Tel: "))).v(
            "phone", v.cn_landline(r) if not p.latin else v.intl_phone(r)
        ).t("\n")
    doc.t("E: ").v("email", p.email).t("\n")
    if r.random() < 0.5:
        doc.t(r.choice(("Add: ", "地址："))).v(
            "address", v.cn_address(r) if r.random() < 0.5 else v.en_address(r)
        ).t("\n")


def _body(doc: Doc, r: random.Random, sender: Person, to: Person, depth: int) -> None:
    doc.t(r.choice(("Dear ", "Hi ", "", "您好，")))
    if doc.parts[-1] != "":
        name_ref(doc, to, r, 0.3)
    doc.t(r.choice((",\n\n", "：\n\n", "，\n\n")))
    x = r.random()
    if x < 0.3:
        doc.t("附件是订单 ").v("lookalike", fakes.order_number(r)).t(
            " 的报价，请查收。交期约35天。\n"
        )
    elif x < 0.5:
        doc.t("Please find the PI attached. Kindly arrange the payment to our account:\n")
        doc.t("Beneficiary: Foshan Hengtai Electromechanical Technology Co., Ltd.\nA/C No.: ").v(
            "bank_account", v.bank_account(r)
        )
        doc.t("\nSWIFT: ICBKCNBJFSN\n")
    elif x < 0.65:
        doc.t("Our bank details changed, new IBAN ").v("iban", v.iban(r)).t(
            " (Deutsche Bank Stuttgart).\n"
        )
    elif x < 0.8:
        c = person(r, latin=False)
        doc.t("客户").v("person_name", c.name).t("反映设备漏水，电话").v("phone", c.mobile).t(
            "，地址"
        ).v("address", v.cn_address(r)).t("，请安排上门。\n")
    else:
        doc.t("Tracking No. ").v("lookalike", fakes.tracking(r)).t(", invoice ").v(
            "lookalike", fakes.invoice_number(r)
        ).t(".\n")
    doc.t(fakes.neutral(r, r.randrange(1, 4)) + "\n")
    doc.t(r.choice(("\nBest regards,\n", "\n谢谢！\n", "\nMit freundlichen Grüßen\n", "\nBR\n")))
    _signature(doc, r, sender)
    if depth > 0 and r.random() < 0.7:
        head, who, tail = r.choice(QUOTE_HEADS).partition("{who}")
        doc.t("\n" + head)
        if who:  # the quoted sender's address, written out: labelled like any other
            doc.v("email", to.email)
        doc.t(tail + "\n")
        doc.t("发件人: ").v("person_name", to.name).t(" <").v("email", to.email).t(">\n")
        doc.t(f"Sent: {_date(r)}\nSubject: {r.choice(SUBJECTS)}\n\n")
        _body(doc, r, to, sender, depth - 1)


def plain_mail(r: random.Random) -> tuple[Doc, str]:
    """8bit mail, labelled like a text file; returns the doc and its charset."""
    charset = "gbk" if r.random() < 0.35 else "utf-8"
    sender, to = person(r), person(r)
    doc = Doc(crlf=r.random() < 0.6)
    doc.t("Received: from mail.fs-hengtai.com.cn (unknown [").v("ip_address", v.ip_address(r)).t(
        "])\n\tby mx.qq.com with ESMTP;\n"
    )
    doc.t(
        f"X-Mailer: {r.choice(('Foxmail ', 'Microsoft Outlook 16.0.', 'Coremail Webmail XT'))}"
    ).v("lookalike", fakes.version(r)).t("\n")
    doc.t("From: ")
    doc.t('"').v("person_name", sender.name).t('" <').v("email", sender.email).t(">\n")
    doc.t("To: ").v("person_name", to.name).t(" <").v("email", to.email).t(">\n")
    if r.random() < 0.4:
        doc.t("Cc: ").v("email", v.email_for(r)).t("\n")
    doc.t(f"Subject: {r.choice(SUBJECTS)}\nDate: {_date(r)}\n")
    doc.t(f"Message-ID: <{r.randrange(16**12):012x}.{fakes.timestamp(r)}@fs-hengtai.com.cn>\n")
    doc.t(
        f'MIME-Version: 1.0\nContent-Type: text/plain; charset="{charset}"\n'
        "Content-Transfer-Encoding: 8bit\n\n"
    )
    _body(doc, r, sender, to, r.randrange(0, 3))
    return doc, charset


def encoded_mail(r: random.Random) -> tuple[bytes, list[list[str]]]:
    """A multipart mail with base64/QP parts and RFC 2047 headers; (bytes, [type, text] labels)."""
    sender, to = person(r), person(r)
    doc = Doc()
    _body(doc, r, sender, to, r.randrange(0, 2))
    text = doc.text
    charset = "gbk" if r.random() < 0.4 else "utf-8"
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        charset = "utf-8"
    cs = Charset(charset)
    cs.body_encoding = BASE64 if r.random() < 0.6 else QP
    msg = MIMEMultipart("alternative", boundary=f"----=_NextPart_{r.randrange(16**12):012X}")
    msg["From"] = formataddr((sender.name, sender.email), charset)
    msg["To"] = formataddr((to.name, to.email), charset)
    msg["Subject"] = Header(r.choice(SUBJECTS), charset).encode()
    msg["Date"] = _date(r)
    msg["X-Mailer"] = "Foxmail " + fakes.version(r)
    part = MIMENonMultipart("text", "plain")
    part.set_payload(text, cs)
    msg.attach(part)
    html = MIMENonMultipart("text", "html")
    html.set_payload("<html><body><pre>" + text + "</pre></body></html>", cs)
    msg.attach(html)
    labels = [[k, text[s:e]] for k, s, e in doc.spans]
    labels += [
        ["person_name", sender.name],
        ["email", sender.email],
        ["person_name", to.name],
        ["email", to.email],
    ]
    return msg.as_bytes(), labels


__all__ = ["encoded_mail", "phone", "plain_mail"]
