"""Bilingual mail as Outlook, Foxmail and a web client send it: plain 8-bit UTF-8, GBK
8-bit, multipart/alternative with a quoted-printable text part and a base64 HTML part,
GB2312 base64 with RFC 2047 names, and a PDF attached now and then. A message with encoded
parts is labelled in its decoded parts one after another (the scorecard's mail_parts)."""

from __future__ import annotations

import base64
import quopri
from html import escape

from bench.corpus11.doc import Doc
from bench.corpus11.values import Values
from piiguard.scanner.scorecard import mail_parts

SUBJECTS = [
    "回复: 订单交期确认 / Re: delivery schedule",
    "RE: warranty claim",
    "售后投诉升级",
    "Fw: 新员工资料",
    "Quotation request 询价",
    "转发：退款申请",
]


def _body(v: Values, sender: str, to: str) -> Doc:
    d = Doc()
    if to.isascii():
        d.t("Hi ").v(
            "person_name", to.split(" ", maxsplit=1)[0].rstrip(",") if v.r.random() < 0.4 else to
        ).t(",\n\n")
    else:
        d.v("person_name", to[0]).t(v.pick(["经理", "总", "工"]) + "您好：\n\n")
    x = v.r.randrange(4)
    if x == 0:
        d.t("附件是订单 ").la(v.order()).t(" 的交期, 请确认. The parts ").la(v.part11()).t(" and ")
        d.la(v.part11()).t(" ship on ").la(v.date()).t(" by ").la(v.waybill()).t(".\n")
        d.t("货款请付至 Please remit to account ").v("bank_account", v.bank_account()).t("\n")
    elif x == 1:
        d.t("客户 ").v("person_name", v.zh()).t(" (tel ").v("phone", v.phone()).t(") 的热水器 ").la(
            v.model()
        )
        d.t(" 第三次维修, 地址 ").v("address", v.address()).t("。请安排上门。\n")
        d.t("Customer's card for the refund: ").v("credit_card", v.credit_card()).t("\n")
    elif x == 2:
        d.t("新同事资料如下 New joiner:\n姓名 ").v("person_name", v.zh()).t("\n出生日期 ").v(
            "date_of_birth", v.dob()
        )
        d.t("\n身份证 ").v("resident_id", v.rid()).t("\n护照 Passport ").v(
            "passport", v.passport()
        ).t("\n")
        d.t("VPN 账号 ").la("hk" + v.digits(6)).t(" 初始密码 ").v("secret", v.password()).t("\n")
    else:
        d.t("Our HK office IP for the whitelist is ").v("ip_address", v.ip()).t("; firmware ").la(
            v.version()
        )
        d.t(" is on the server, build ").la(v.hexid(40)).t(".\nIBAN for the deposit: ").v(
            "iban", v.iban()
        ).t("\n")
    d.t("\nBest regards / 此致\n").v("person_name", sender).t("\n")
    d.t(v.pick(["售后服务部 After-sales", "采购部 Purchasing", "HR", "Sales Dept. 销售部"])).t("\n")
    d.t("Tel: ").v("phone", v.landline()).t("  Mobile: ").v("phone", v.phone()).t("\n")
    d.t("Add: ").v("address", v.address()).t("\n")
    return d


def _find(text: str, labels: list[tuple[str, str]]) -> list[list[object]]:
    spans: list[list[object]] = []
    at = 0
    for kind, val in labels:
        at = text.index(val, at)
        spans.append([kind, at, at + len(val)])
        at += len(val)
    return spans


def _labels(d: Doc) -> list[tuple[str, str]]:
    text = d.text()
    return [(str(k), text[s:e]) for k, s, e in d.spans]  # type: ignore[misc]


def _plain(
    v: Values,
    gbk: bool,
    frm: tuple[str, str],
    rcpt: tuple[str, str],
    subject: str,
    mid: str,
    body: Doc,
) -> tuple[bytes, list[list[object]]]:
    """A message sent as it is: 8-bit UTF-8 or GBK, raw names in the headers, X-Mailer."""
    (sender, s_mail), (to, t_mail) = frm, rcpt
    mailer = v.pick(["Foxmail ", "Microsoft Outlook 16.0", "Coremail Webmail Server Version "])
    head = Doc()
    head.t("From: ").v("person_name", sender).t(" <").v("email", s_mail).t('>\nTo: "').v(
        "person_name", to
    )
    head.t('" <').v("email", t_mail).t(
        f">\nSubject: {subject}\nDate: Tue, 03 Mar 2026 10:12:33 +0800\n"
    )
    head.t(f"Message-ID: {mid}\nX-Mailer: {mailer}")
    if mailer[-1] == " ":
        head.la(v.version().lstrip("v"))
    head.t("\nMIME-Version: 1.0\n")
    charset = "gbk" if gbk else "utf-8"
    head.t(f"Content-Type: text/plain; charset={charset}\nContent-Transfer-Encoding: 8bit\n\n")
    whole = Doc().doc(head).doc(body)
    try:
        data = whole.text().encode(charset)
    except UnicodeEncodeError:
        data = whole.text().encode("utf-8").replace(b"charset=gbk", b"charset=utf-8")
    return data, whole.spans


def mail(v: Values, i: int) -> tuple[str, bytes, list[list[object]], dict[str, int] | None]:
    style = v.pick(["plain", "plain", "alternative", "gb2312", "gbk8bit", "attached"])
    sender = v.name()
    to = v.pick([v.western(), v.zh(), v.pinyin()])
    s_mail, t_mail = v.email(sender), v.email(to)
    body = _body(v, sender, to)
    subject = v.pick(SUBJECTS)
    mid = f"<{v.date()[:4]}{v.digits(10)}.{v.hexid(12)}@huakang-ha.com>"
    if style in ("plain", "gbk8bit"):
        data, spans = _plain(
            v, style == "gbk8bit", (sender, s_mail), (to, t_mail), subject, mid, body
        )
        return f"mail/{i:04d}.eml", data, spans, None
    cs = "gb2312" if style == "gb2312" else "utf-8"
    try:
        (sender + to + subject + body.text()).encode(cs)
    except UnicodeEncodeError:
        cs = "utf-8"
    label = v.pick(["UTF-8", "utf-8"]) if cs == "utf-8" else "GB2312"

    def word(text: str) -> str:
        if text.isascii():
            return f'"{text}"' if "," in text else text
        return f"=?{label}?{v.pick('Bb')}?{base64.b64encode(text.encode(cs)).decode()}?="

    lines = [
        f"From: {word(sender)} <{s_mail}>",
        f"To: {word(to)} <{t_mail}>",
        f"Subject: {word(subject)}",
        "Date: Wed, 04 Mar 2026 16:40:02 +0800",
        f"Message-ID: {mid}",
        "MIME-Version: 1.0",
    ]
    text = body.text()
    b64 = base64.encodebytes(text.encode(cs)).decode()
    if style == "gb2312":
        lines += [
            f"Content-Type: text/plain; charset={cs}",
            "Content-Transfer-Encoding: base64",
            "",
            b64,
        ]
        parts = [body]
    else:
        qp = quopri.encodestring(text.encode("utf-8")).decode()
        html = Doc().t("<html><body><div>")
        for piece in body.parts:
            html.t(escape(piece, quote=False).replace("\n", "<br>\n"))
        html.t("</div></body></html>")
        html.spans = _find(html.text(), [(k, escape(x, quote=False)) for k, x in _labels(body)])
        b = f"----=_Part_{v.digits(6)}_{v.digits(9)}"
        lines += [
            f"Content-Type: multipart/{'alternative' if style == 'alternative' else 'mixed'};"
            f' boundary="{b}"',
            "",
            f"--{b}",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            qp,
            f"--{b}",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64.encodebytes(html.text().encode()).decode(),
        ]
        if style == "attached":
            lines += [
                f"--{b}",
                'Content-Type: application/pdf; name="PO.pdf"',
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="PO.pdf"',
                "",
                base64.encodebytes(b"%PDF-1.4\n" + v.r.randbytes(300)).decode(),
            ]
        lines += [f"--{b}--", ""]
        parts = [body, html]
    data = "\n".join(lines).encode("ascii")
    laid = mail_parts(data)
    if laid is None:
        raise ValueError("an encoded message the scanner would not decode")
    text, segments = laid
    offsets = sorted(segments.values())
    head_labels = [
        ("person_name", sender),
        ("email", s_mail),
        ("person_name", to),
        ("email", t_mail),
    ]
    spans = _find(text[: offsets[1]], head_labels)
    for n, part in enumerate(parts, start=1):
        base = offsets[n]
        spans += [[k, s + base, e + base] for k, s, e in _find(text[base:], _labels(part))]  # type: ignore[operator]
    return f"mail/{i:04d}.eml", data, spans, segments
