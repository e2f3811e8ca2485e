"""Mail of corpus 14: .eml as Outlook / Foxmail send them (multipart/alternative with an HTML
part of tables, <br> and &nbsp;, or one part), forwarded chains with Outlook's Chinese
headers and `>` quoting, signatures with 手机 / Mob.; and Outlook text copies (.txt)."""

from __future__ import annotations

import email.charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formataddr

from bench.corpus14.catalog import COMPANIES, CUSTOMERS, TITLES, Field, mixed, text_of
from bench.corpus14.doc import LOOKALIKE, Doc, Sink
from bench.corpus14.values import Gen, Who

SUBJECTS = (
    "Re: 订单交期确认 / Delivery schedule",
    "FW: 售后维修申请",
    "Supplier bank details update 供应商银行信息变更",
    "Visa invitation for factory audit",
    "新员工入职资料",
    "Complaint: cooker hood noise",
    "回复: 样品寄送地址",
    "Payment reminder / 付款提醒",
    "FW: Service visit booking",
    "报价及联系人信息",
)
OPENERS_EN = (
    "Please find below the details you asked for.",
    "As discussed on the phone, here is the information for our records.",
    "Kindly check the following and confirm by return.",
    "Our finance team needs the details below before releasing the payment.",
)
OPENERS_ZH = (
    "请查收以下资料，如有问题请及时联系。",
    "根据电话沟通，相关信息整理如下：",
    "麻烦核对以下信息，确认后回复即可。",
    "附上客户资料，请安排售后上门。",
)


def _charset(kind: str) -> email.charset.Charset:
    cs = email.charset.Charset("utf-8")
    cs.body_encoding = {"qp": email.charset.QP, "b64": email.charset.BASE64, "8bit": None}[kind]
    return cs


def _greet(g: Gen, doc: Doc, who: Who, zh: bool) -> None:
    if zh:
        doc.p(g.spell(who)).t(g.pick(("，您好！", "：", " 你好，"))).t("\n\n")
    else:
        doc.t(g.pick(("Dear ", "Hi ", "Hello "))).p(g.spell(who)).t(",\n\n")


def _fields_plain(g: Gen, doc: Doc, fields: list[Field], zh: bool, quote: str = "") -> None:
    style = g.r.randrange(3)
    for czh, cen, pieces in fields:
        head = czh if zh else (cen if style else f"{czh}/{cen}")
        doc.t(f"{quote}{g.pick(('', '  ', '- '))}{head}{'：' if zh and g.chance(0.5) else ': '}").p(
            pieces
        ).t("\n")


def _sign(g: Gen, doc: Doc, who: Who, co: tuple[str, str, str], html: bool = False) -> None:
    br = "<br>\n" if html else "\n"
    sp = "&nbsp;" if html else " "
    doc.t("--" + br if not html else '<p style="color:#555">--<br>\n')
    doc.p(g.spell(who)).t(f"{sp}|{sp}{g.pick(TITLES)}{br}{co[1] if g.chance(0.5) else co[0]}{br}")
    doc.t(g.pick(("手机/Mob.:", "Mob.", "手机：", "M:")) + sp).v("phone", g.mobile_written()).t(br)
    if g.chance(0.6):
        doc.t("Tel:" + sp).v("phone", g.landline()).t(f"{sp}{sp}Hotline:{sp}").v(
            LOOKALIKE, g.hotline()
        ).t(br)
    doc.t("E-mail:" + sp).v("email", g.work_email(who, co[2]) if who.sur else who.email).t(br)
    if html:
        doc.t("</p>\n")


def _plain(
    g: Gen,
    to: Who,
    me: Who,
    co: tuple[str, str, str],
    zh: bool,
    fields: list[Field],
    chain: list[Field],
) -> Doc:
    doc = Doc()
    _greet(g, doc, to, zh)
    doc.t((g.pick(OPENERS_ZH) if zh else g.pick(OPENERS_EN)) + "\n\n")
    _fields_plain(g, doc, fields, zh)
    doc.t("\n")
    _sign(g, doc, me, co)
    if chain:
        other = g.anyone()
        doc.t(
            "\n"
            + g.pick(
                (
                    "-----原始邮件-----",
                    "------------------ 原始邮件 ------------------",
                    "-----Original Message-----",
                )
            )
            + "\n"
        )
        doc.t("发件人: " if zh else "From: ").p(g.spell(other)).t(" <").v("email", other.email).t(
            ">\n"
        )
        stamp = g.stamp()
        doc.t(
            f"发送时间: {stamp.year}年{stamp.month}月{stamp.day}日 {stamp:%H:%M}\n"
            if zh
            else f"Sent: {stamp:%A, %B %d, %Y %I:%M %p}\n"
        )
        doc.t("收件人: " if zh else "To: ").p(g.spell(me)).t("\n")
        doc.t(("主题: " if zh else "Subject: ") + g.pick(SUBJECTS) + "\n\n")
        quote = g.pick(("> ", ">", ""))
        doc.t(f"{quote}{g.pick(OPENERS_EN)}\n{quote}\n")
        _fields_plain(g, doc, chain, zh, quote)
        doc.t(f"{quote}\n{quote}Best regards,\n{quote}").p(g.spell(other)).t("\n")
    return doc


def _html(g: Gen, to: Who, me: Who, co: tuple[str, str, str], zh: bool, fields: list[Field]) -> Doc:
    doc = Doc()
    doc.t(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body>\n<p>'  # noqa: E501
    )
    doc.t("Dear&nbsp;" if not zh else "").p(g.spell(to)).t("，您好！" if zh else ",").t(
        "<br>\n<br>\n"
    )
    doc.t((g.pick(OPENERS_ZH) if zh else g.pick(OPENERS_EN)) + "</p>\n")
    doc.t('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">\n')
    for czh, cen, pieces in fields:
        doc.t(f"<tr><td>{czh}&nbsp;{cen}</td><td>").p(pieces).t("</td></tr>\n")
    doc.t("</table>\n<p>&nbsp;</p>\n")
    _sign(g, doc, me, co, html=True)
    doc.t("</body></html>\n")
    return doc


def _addr(name: str, addr: str) -> str:
    if name.isascii():
        return formataddr((name, addr))
    return f"{Header(name, 'utf-8').encode()} <{addr}>"


def mail(g: Gen, sink: Sink, n: int) -> None:  # noqa: PLR0915
    co = g.pick(COMPANIES)
    me, to = g.chinese(), g.anyone()
    zh = to.locale == "zh" and g.chance(0.8)
    fields = mixed(g, g.anyone() if g.chance(0.4) else to, g.r.randint(3, 7), g.r.randint(1, 4))
    chain = mixed(g, g.anyone(), g.r.randint(2, 4), g.r.randint(0, 2)) if g.chance(0.45) else []
    plain = _plain(g, to, me, co, zh, fields, chain)
    subject = g.pick(SUBJECTS)
    me_addr = g.work_email(me, co[2]) if me.sur else me.email
    to_name = g.plain_name(to)
    me_name = g.plain_name(me)
    if n % 5 == 4:  # an Outlook text copy
        doc = Doc()
        doc.t("发件人: ").v("person_name", me_name).t(" <").v("email", me_addr).t(">\n")
        stamp = g.stamp()
        doc.t(
            f"发送时间: {stamp.year}年{stamp.month}月{stamp.day}日 星期{'一二三四五六日'[stamp.weekday()]} {stamp:%H:%M}\n"  # noqa: E501
        )
        doc.t("收件人: ").v("person_name", to_name).t(" <").v("email", to.email).t(">\n")
        if g.chance(0.5):
            cc = g.anyone()
            doc.t("抄送: ").v("person_name", g.plain_name(cc)).t(" <").v("email", cc.email).t(">\n")
        doc.t(f"主题: {subject}\n\n")
        for typ, a, b in plain.spans:
            doc.spans.append((typ, a + doc.size, b + doc.size))
        doc.t(plain.text)
        sink.text(
            "mail", f"outlook_{n:05d}.txt", doc, encoding=g.pick(("utf-8", "utf-8", "gb18030"))
        )
        return
    layout = g.pick(("alt", "alt", "alt", "plain", "html"))
    enc = g.pick(("qp", "b64", "8bit", "qp"))
    html = _html(g, to, me, co, zh, fields) if layout != "plain" else None
    if layout == "alt":
        msg: MIMEMultipart | MIMEText = MIMEMultipart("alternative")
        msg.set_boundary(f"----=_NextPart_{g.sha(12)}_{g.digits(6)}")
        msg.attach(MIMEText(plain.text, "plain", _charset(enc)))
        assert html is not None  # noqa: S101
        msg.attach(MIMEText(html.text, "html", _charset(g.pick(("qp", "b64")))))
    elif layout == "plain":
        msg = MIMEText(plain.text, "plain", _charset(enc))
    else:
        assert html is not None  # noqa: S101
        msg = MIMEText(html.text, "html", _charset(enc))
    stamp = g.stamp()
    msg["From"] = _addr(me_name, me_addr)
    msg["To"] = _addr(to_name, to.email)
    msg["Subject"] = Header(subject, "utf-8").encode() if not subject.isascii() else subject
    msg["Date"] = stamp.strftime("%a, %d %b %Y %H:%M:%S +0800")
    msg["Message-ID"] = f"<{g.sha(24)}@{co[2]}>"
    ip = g.ip()
    msg["X-Originating-IP"] = f"[{ip}]"
    mailer = g.pick(("7.2.25.228", "7.2.23.121", "7.2.19.158"))
    msg["X-Mailer"] = g.pick(("Microsoft Outlook 16.0", f"Foxmail {mailer}[cn]"))
    values = [
        ("person_name", me_name),
        ("email", me_addr),
        ("person_name", to_name),
        ("email", to.email),
        ("ip_address", ip),
    ]
    values.append((LOOKALIKE, mailer))
    values += plain.values() if layout != "html" else []
    values += html.values() if html is not None else []
    body_values = values[6:]
    data = msg.as_bytes()
    sink.mail("mail", f"msg_{n:05d}.eml", data, values, body_values)


__all__ = ["CUSTOMERS", "mail", "text_of"]
