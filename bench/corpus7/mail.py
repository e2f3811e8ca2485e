"""Corpus 7's mail: Outlook/Foxmail-style .eml, replies with quoted history, signatures.

Messages sent 8bit (UTF-8 or GBK, headers unencoded) are labelled in their text; messages
whose body is base64 or quoted-printable (or with RFC 2047 encoded-word headers), as
Foxmail and Outlook send most Chinese mail, are labelled in their decoded parts one after
another, with the scorecard's `segments` (scorecard.mail_parts), as office files are."""

from __future__ import annotations

import base64
import quopri
from email.header import Header

from bench.corpus7.doc import Doc, Piece, addr, mail, name, phone, title_name
from bench.corpus7.people import FILLER, cn_address, en_address
from bench.corpus7.records import COMPANIES
from bench.corpus7.values import Person
from piiguard.scanner.scorecard import mail_parts

MARKERS = (b"=?", b"base64", b"quoted-printable")
TOPICS_ZH = (
    "关于11月订单交期确认",
    "回复：售后配件补发",
    "RE: 报价单更新",
    "转发：客户投诉处理",
    "样品寄送信息",
    "付款通知",
    "新员工入职资料",
)
TOPICS_EN = (
    "RE: PO confirmation",
    "Shipping documents",
    "FW: Customer complaint #",
    "Payment advice",
    "Visit to Foshan plant next week",
    "Updated bank details",
)


def _date(d: Doc) -> str:
    r = d.r
    day = r.choice(("Mon", "Tue", "Wed", "Thu", "Fri"))
    month = r.choice(("Sep", "Oct", "Nov"))
    clock = f"{r.randint(8, 19):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
    return f"{day}, {r.randint(1, 28)} {month} 2026 {clock} +0800"


def _signature(d: Doc, p: Person, company_domain: str) -> None:
    r, v = d.r, d.v
    d.line("")
    d.line(r.choice(("--", "Best regards,", "此致", "顺祝商祺！", "Thanks & Regards")))
    d.line(
        name(p) if r.random() < 0.7 or not p.english else ("person_name", p.english),
        *((" ", ("person_name", p.english)) if p.english and r.random() < 0.4 else ()),
    )
    d.line(
        r.choice(
            (
                "采购部 经理",
                "Sales Manager | 销售经理",
                "售后服务中心",
                "Purchasing Dept.",
                "QA Engineer",
            )
        )
    )
    d.line(r.choice(COMPANIES))
    if r.random() < 0.8:
        ext = r.choice(
            (
                "",
                "",
                "",
                f"转{r.randint(800, 899)}",
                f" ext. {r.randint(100, 299)}",
                f"-{r.randint(800, 899)}",
            )
        )
        d.line(r.choice(("Tel: ", "电话：", "T: ")), phone(v.landline()), ext)
    if r.random() < 0.7:
        d.line(r.choice(("Mob: ", "手机：", "M: ", "Mobile/WeChat: ")), phone(v.phone_any(p)))
    d.line(r.choice(("Email: ", "邮箱：", "E: ")), mail(v.staff_email(p, company_domain)))
    if r.random() < 0.6:
        d.line(
            r.choice(("Add: ", "地址：", "Address: ")),
            addr(cn_address(r, home=False) if r.random() < 0.6 else en_address(r)),
        )


def _body(d: Doc, sender: Person, to: Person, domain: str, zh: bool) -> None:
    r, v = d.r, d.v
    greet: list[Piece] = title_name(d, to)
    d.line(*greet, r.choice(("，您好：", "，你好！", "：")) if zh else r.choice((",", "，")))
    d.line("")
    for _ in range(r.randint(0, 3)):
        d.line(r.choice(FILLER))
    for _ in range(r.randint(1, 3)):
        k = r.randrange(9)
        if k == 0:
            cap, no = d.fake("order")
            d.line(
                ("请确认订单 " if zh else "Please confirm PO "),
                no,
                ("，交期为下周三。" if zh else ", delivery next Wednesday."),
            )
        elif k == 1:
            c = v.person(latin=not zh and r.random() < 0.5)
            d.line(
                ("客户 " if zh else "End customer "),
                name(c),
                ("，电话 " if zh else ", phone "),
                phone(v.phone_any(c)),
                ("，地址 " if zh else ", address "),
                addr(cn_address(r) if zh else en_address(r)),
            )
        elif k == 2:
            d.line(
                ("我司银行账户已变更，新账号：" if zh else "Please note our new account: "),
                ("bank_account", v.account_text(v.account())),
            )
        elif k == 3:
            d.line(
                "IBAN: ",
                ("iban", v.iban_text(v.iban())),
                "  BIC: ",
                r.choice(("DEUTDEFFXXX", "COBADEFFXXX", "BARCGB22")),
            )
        elif k == 4:
            cap, no = d.fake("tracking")
            d.line(("样品已寄出，" if zh else "Samples sent, "), cap, " ", no)
        elif k == 5:
            traveller = v.person(latin=True)
            country = r.choice(("DE", "US", "GB", "IT", "FR"))
            d.line(
                ("来访人员护照：" if zh else "Visitor passport for the invitation letter: "),
                name(traveller),
                ", ",
                ("passport", v.passport(country)),
                ", DOB ",
                ("date_of_birth", v.dob_text(traveller.dob, False)),
            )
        elif k == 6:
            cap, no = d.fake("invoice")
            d.line(
                ("发票已开具，" if zh else "Invoice issued, "),
                cap,
                "：",
                no,
                ("，金额 " if zh else ", amount "),
                v.amount(),
            )
        elif k == 7:
            d.line(
                ("司机 " if zh else "Driver "),
                *title_name(d, v.person(latin=False)),
                ("，车牌 " if zh else ", plate "),
                ("licence_plate", v.plate()),
                ("，明早8点到厂。" if zh else ", arriving 8 am."),
            )
        else:
            cap, model = d.fake("model")
            d.line(
                ("附件为 " if zh else "Attached the drawing of "),
                model,
                (" 的图纸。" if zh else "."),
            )
    _signature(d, sender, domain)


def _quoted(d: Doc, sender: Person, to: Person, domain: str, zh: bool) -> None:
    r = d.r
    foxmail = r.random() < 0.5
    d.line("")
    if foxmail:
        d.line(
            "------------------ 原始邮件 ------------------"
            if zh
            else "------------------ Original ------------------"
        )
        d.line("发件人: " if zh else "From: ", '"', name(sender), '"<', mail(sender.email), ">")
        d.line("发送时间: " if zh else "Date: ", _date(d))
        d.line("收件人: " if zh else "To: ", '"', name(to), '"<', mail(to.email), ">")
        d.line("")
        _body(d, sender, to, domain, zh)
        return
    d.line("On ", _date(d), ", ", name(sender), " <", mail(sender.email), "> wrote:")
    inner = Doc(d.r, d.v)
    _body(inner, sender, to, domain, zh)
    text, spans = inner.text()
    offset = d.length
    quoted = "".join("> " + line + "\n" for line in text.splitlines())
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    for kind, s, e in spans:
        line_no = sum(1 for st in starts[1:] if st <= s)
        shift = 2 * (line_no + 1)
        d.spans.append((kind, offset + s + shift, offset + e + shift))
    d.add(quoted)


def eml(d: Doc) -> tuple[bool, str]:
    """Writes a message into d; returns (encoded, charset). An encoded message's text is
    re-encoded by `encode_mail` and its spans dropped."""
    r, v = d.r, d.v
    zh = r.random() < 0.65
    sender, to = (
        v.person(latin=not zh and r.random() < 0.6),
        v.person(latin=not zh and r.random() < 0.5),
    )
    domain = r.choice(("hcdq.com.cn", "kelin-hw.com", "foshan-group.cn", "gruppe-technik.de"))
    encoded = r.random() < 0.25
    charset = "gbk" if zh and r.random() < 0.35 else "utf-8"
    from_mail = v.staff_email(sender, domain)
    if encoded:
        return True, charset
    d.line("From: ", *((name(sender), " ") if r.random() < 0.6 else ()), "<", mail(from_mail), ">")
    d.line("To: ", '"', name(to), '" <', mail(to.email), ">")
    if r.random() < 0.4:
        cc = v.person()
        d.line("Cc: ", mail(cc.email))
    subject = r.choice(TOPICS_ZH if zh else TOPICS_EN)
    d.line("Subject: ", subject)
    d.line("Date: ", _date(d))
    d.line(f"Message-ID: <{r.randint(10**11, 10**12)}.{r.randint(1000, 9999)}@{domain}>")
    d.line(
        "X-Mailer: ",
        r.choice(("Foxmail 7.2.25.375[cn]", "Microsoft Outlook 16.0", "Coremail Webmail Server")),
    )
    d.line("MIME-Version: 1.0")
    d.line(f'Content-Type: text/plain; charset="{charset}"')
    d.line("Content-Transfer-Encoding: 8bit")
    d.line("")
    _body(d, sender, to, domain, zh)
    if r.random() < 0.5:
        _quoted(d, to, sender, domain, zh)
    if charset == "gbk":
        try:
            "".join(d.parts).encode("gbk")
        except UnicodeEncodeError:  # a name GBK lacks: the message goes out in UTF-8
            _relabel_charset(d)
            charset = "utf-8"
    return False, charset


def _relabel_charset(d: Doc) -> None:
    at = next(i for i, part in enumerate(d.parts) if 'charset="gbk"' in part)
    offset = sum(len(part) for part in d.parts[:at])
    d.parts[at] = d.parts[at].replace('charset="gbk"', 'charset="utf-8"')
    d.length += 2
    d.spans[:] = [(k, s + 2 * (s > offset), e + 2 * (s > offset)) for k, s, e in d.spans]


def encoded_mail(d: Doc, charset: str) -> tuple[str, list[tuple[str, int, int]], dict[str, int]]:
    """A Foxmail-style message: encoded-word headers, a base64 or quoted-printable body;
    labelled in its decoded parts (the headers, then the body: scorecard.mail_parts)."""
    r, v = d.r, d.v
    zh = charset == "gbk" or r.random() < 0.6
    sender, to = v.person(latin=not zh), v.person(latin=not zh)
    body = Doc(r, v)
    _body(body, sender, to, "hcdq.com.cn", zh)
    text, body_spans = body.text()
    try:
        data = text.encode(charset)
    except UnicodeEncodeError:  # a name GBK lacks: the message goes out in UTF-8
        charset = "utf-8"
        data = text.encode(charset)
    cte = "base64" if r.random() < 0.6 else "quoted-printable"
    payload = (base64.encodebytes(data) if cte == "base64" else quopri.encodestring(data)).decode(
        "ascii"
    )
    subject = Header(r.choice(TOPICS_ZH if zh else TOPICS_EN), charset).encode()
    boundary = f"----=_NextPart_{r.randint(10**9, 10**10)}"
    sender_name = Header(sender.name, charset).encode()
    from_mail = v.staff_email(sender, "hcdq.com.cn")
    message = (
        f"From: {sender_name} <{from_mail}>\n"
        f"To: {Header(to.name, charset).encode()} <{to.email}>\n"
        f"Subject: {subject}\nDate: {_date(d)}\n"
        f"X-Mailer: Foxmail 7.2.25.375[cn]\nMIME-Version: 1.0\n"
        f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
        f"This is a multi-part message in MIME format.\n\n--{boundary}\n"
        f'Content-Type: text/plain; charset="{charset}"\n'
        f"Content-Transfer-Encoding: {cte}\n\n{payload}\n"
        f"--{boundary}--\n"
    )
    parts = mail_parts(message.encode("ascii"))
    if parts is None:
        raise AssertionError("an encoded message must read as encoded")
    virtual, segments = parts
    at = segments['{"mime_part": 1}']
    if virtual[at:] != text:
        raise AssertionError("the body does not decode to the text written")
    spans = [(k, at + s, at + e) for k, s, e in body_spans]
    for field, person, address in (("From", sender, from_mail), ("To", to, to.email)):
        line = virtual.index(f"{field}: ")  # (in part 0, the headers, which come first)
        for kind, value in (("person_name", person.name), ("email", address)):
            start = virtual.index(value, line)
            spans.append((kind, start, start + len(value)))
    return message, sorted(spans, key=lambda s: s[1]), segments
