"""Corpus 12's mail: Outlook exports (8bit UTF-8, CRLF, "-----Original Message-----"),
Foxmail / QQ mail (GBK 8bit, "------------------ 原始邮件 ------------------"), and encoded
messages (RFC 2047 headers, base64 / quoted-printable parts in UTF-8, GB2312 or Big5, an HTML
alternative, a PDF attachment)."""

from __future__ import annotations

import base64
import html
import quopri

import phonenumbers

from bench.corpus12.out import Out, mail_file, text_file
from bench.corpus12.people import OFFICES, P, Piece, person, signature
from bench.corpus12.values import LINES, Doc, Gen

Lines = list[list[Piece]]
L = "lookalike"
HK = ["陳嘉穎", "黃志偉", "林婉婷", "梁國棟", "何惠敏", "鄭美玲"]


def _greeting(g: Gen, to: P) -> list[Piece]:
    r = g.r
    if to.where == "CN" and r.random() < 0.5:
        return [("person_name", to.surname), r.choice(["总，您好！", "工，你好：", "经理：您好"])]
    if r.random() < 0.4 and to.where == "SG":
        return [r.choice(["Dear Mr ", "Dear Ms ", "Hi Mr. "]), ("person_name", to.surname), ","]
    return [
        r.choice(["Dear ", "Hi ", "您好 "]),
        ("person_name", to.latin if r.random() < 0.5 else to.name),
        ",",
    ]


def topic(g: Gen, a: P, b: P) -> Lines:
    """A message's body (the business it is about), without greeting and signature."""
    r = g.r
    which = r.randrange(6)
    po, part = g.order_no(), g.part_no()
    if which == 0:
        return [
            [
                f"Please find our PO {po} attached, {r.randint(2, 40) * 50} pcs ",
                (L, g.product()),
                f" ({part}), unit price USD {r.randint(3, 40)}.{r.randint(0, 99):02d}.",
            ],
            ["要求交期：", (L, g.when()), "，请安排 ", r.choice(LINES), " 先出货。"],
            ["Ship to: ", ("address", g.address(r.choice(["CN", "SG", "VN"])))],
            ["收货人 ", ("person_name", b.name), " ", ("phone", g.phone())],
        ]
    if which == 1:
        return [
            [
                f"客户反映 {r.choice(LINES)} 批次 {r.randint(2501, 2652)} 闪烁，序列号 ",
                (L, g.serial16()),
                "，固件 ",
                (L, g.version4()),
                "。",
            ],
            [
                "安装地址：",
                ("address", g.address()),
                "，现场联系人 ",
                ("person_name", b.name),
                " ",
                ("phone", g.mobile()),
            ],
            [
                "The site visit is planned on ",
                (L, g.when()),
                "; return waybill ",
                (L, g.waybill()),
                ".",
            ],
        ]
    if which == 2:
        acct = g.bank_account(b.where)
        lines: Lines = [
            ["Please note our bank details have changed as of ", (L, g.when()), ":"],
            [f"Beneficiary: {OFFICES[b.where][1]}"],
            ["A/C No: ", ("bank_account", acct)],
            [f"SWIFT: {r.choice(['DBSSSGSG', 'OCBCSGSG', 'BKCHCNBJ400', 'ICBKCNBJGDG'])}"],
        ]
        if r.random() < 0.5:
            lines.append(["For EUR payments, IBAN: ", ("iban", g.iban())])
        lines.append(["统一社会信用代码：", (L, g.tax_id())])
        return lines
    if which == 3:
        born = g.birth()
        return [
            [
                "麻烦帮 ",
                ("person_name", b.name),
                " 订 ",
                (L, g.when()),
                " 的酒店，护照号 ",
                ("passport", g.passport(r.choice(["CN", "SG", "VN", "PH"]))),
                "，出生日期 ",
                ("date_of_birth", g.dob(born)),
                "。",
            ],
            [
                "Flight arrives ",
                (L, g.when()),
                " 14:35, pick-up car ",
                ("licence_plate", g.plate()),
                ", driver ",
                ("person_name", g.cn()),
                " ",
                ("phone", g.mobile()),
            ],
        ]
    if which == 4:
        return [
            [
                "The portal account for ",
                ("person_name", b.latin),
                " is ready: login ",
                ("email", b.email),
                ", temporary password ",
                ("secret", g.secret()),
            ],
            ["Our VPN gateway is ", ("ip_address", g.ip()), " (client ", (L, g.version4()), ")."],
        ]
    return [
        [
            "The test report for ",
            (L, g.product()),
            " is in the folder; sample IMEI of the ",
            "smart driver ",
            (L, g.imei()),
            ", ref ",
            (L, g.hash40()),
        ],
        ["Site GPS ", ("coordinates", g.coords()), ", tel ", ("phone", g.landline()), "."],
        ["物料编码 ", (L, g.part_mobile()), " 需要更换。"],
    ]


def _render(lines: Lines, doc: Doc, quote: str = "") -> Doc:
    for line in lines:
        doc.t(quote)
        doc.line(*line)
    return doc


def _html(lines: Lines) -> Doc:
    doc = Doc().t("<html><body>\n")
    for line in lines:
        doc.t("<p>")
        for p in line:
            doc.add(html.escape(p, quote=False) if isinstance(p, str) else p)
        doc.t("</p>\n")
    return doc.t("</body></html>\n")


def conversation(g: Gen, a: P, b: P, original: str) -> Lines:
    """The new message, then the one it answers under an original-message block."""
    r = g.r
    lines: Lines = [_greeting(g, b), *topic(g, a, b), [""], *signature(g, a), [""]]
    if original == "outlook":
        lines += [
            ["-----Original Message-----"],
            ["From: ", ("person_name", b.latin), " [mailto:", ("email", b.email), "]"],
            ["Sent: ", (L, g.when()), " 9:41 AM"],
            ["To: ", ("email", a.email)],
            ["Subject: RE: follow up"],
            [""],
        ]
    elif original == "foxmail":
        lines += [
            ["------------------ 原始邮件 ------------------"],
            ['发件人: "', ("person_name", b.name), '"<', ("email", b.email), ">;"],
            ["发送时间: ", (L, g.when()), "(星期三) 上午10:12"],
            ['收件人: "', ("person_name", a.name), '"<', ("email", a.email), ">;"],
            ["主题: 回复：交期"],
            [""],
        ]
    if original:
        quote = "> " if r.random() < 0.4 else ""
        earlier = [[quote, *x] for x in [_greeting(g, a), *topic(g, b, a)]]
        earlier += [[quote, ("person_name", b.name)], [quote, ("phone", b.phone)]]
        lines += earlier
    return lines


def _hk_phone(g: Gen) -> str:
    while True:
        d = f"{g.r.choice('569')}{g.r.randint(1000000, 9999999)}"
        if phonenumbers.is_valid_number(phonenumbers.parse("+852" + d, "CN")):
            return f"+852 {d[:4]} {d[4:]}"


def _b2047(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def _fits(text: str, charset: str) -> bool:
    try:
        text.encode(charset)
    except UnicodeEncodeError:
        return False
    return True


def write_mail(g: Gen, i: int) -> Out:  # noqa: PLR0915 - one message, top to bottom
    r = g.r
    style = r.choices(["outlook", "foxmail", "encoded"], weights=[3, 3, 4])[0]
    a = person(g, r.choice(["CN", "SG", "VN"]), staff=True)
    b = person(g, r.choice(["CN", "CN", "SG"]) if style == "foxmail" else None)
    if style == "foxmail" and a.where == "VN":
        a = person(g, "CN", staff=True)
    lines = conversation(g, a, b, style if r.random() < 0.6 else "")
    subject = r.choice(
        [
            "RE: 交期确认",
            "FW: 售后工单跟进",
            "Quotation / 报价",
            "Bank details update",
            "出差安排",
            "Re: sample test report",
        ]
    )
    stamp = (
        f"{r.randint(1, 28):02d} Nov 2026 {r.randint(8, 19):02d}:{r.randint(0, 59):02d}:00 +0800"
    )
    msg_id = f"<{g.hash40()[:24]}@{r.choice(['qq.com', 'lnguangyi.com', 'mail.gmail.com'])}>"
    if style != "encoded":
        nl = "\r\n" if style == "outlook" or r.random() < 0.3 else "\n"
        doc = Doc(nl=nl)
        doc.line(
            "From: ",
            ("person_name", a.latin if style == "outlook" else a.name),
            " <",
            ("email", a.email),
            ">",
        )
        doc.line("To: ", ("person_name", b.name), " <", ("email", b.email), ">")
        doc.line(f"Subject: {subject}")
        doc.line(f"Date: Mon, {stamp}")
        doc.line(f"Message-ID: {msg_id}")
        charset = "utf-8" if style == "outlook" else "gbk"
        if not _fits("".join(p if isinstance(p, str) else p[1] for x in lines for p in x), charset):
            charset = "utf-8"
        doc.line("MIME-Version: 1.0")
        doc.line(f'Content-Type: text/plain; charset="{charset}"')
        doc.line("Content-Transfer-Encoding: 8bit")
        doc.line(
            "X-Mailer: " + ("Microsoft Outlook 16.0" if style == "outlook" else "Foxmail 7.2.25")
        )
        doc.t("\n")
        _render(lines, doc)
        return text_file(f"mail/{style}_{i:04d}.eml", "mail", doc, charset)
    # encoded: RFC 2047 words, base64 / quoted-printable parts
    k = g.next("encoded mail")  # the variants in turn, so that a small corpus has each
    big5 = k % 8 == 5
    if big5:
        hk = r.choice(HK)
        lines = [
            [("person_name", hk), " 先生您好："],
            ["我們門市的燈管需要更換，請聯絡 ", ("phone", _hk_phone(g))],
            ["地址：", ("address", f"香港九龍觀塘道{r.randint(10, 399)}號{r.randint(3, 28)}樓")],
            *lines,
        ]
    body_charset = "big5" if big5 else r.choice(["utf-8", "gb2312", "utf-8"])
    if not _fits(
        "".join(p if isinstance(p, str) else p[1] for x in lines for p in x), body_charset
    ):
        body_charset = "utf-8"
    head_charset = ["GB2312", "UTF-8"][k % 2]
    plain = _render(lines, Doc())
    parts = [plain]
    if k % 5 in (1, 3):
        parts.append(_html(lines))
    headers: list[tuple[str, Doc]] = []
    raw: list[str] = []
    for name, who in (("From", a), ("To", b)):
        shown = who.name if r.random() < 0.6 else who.latin
        cs = head_charset if _fits(shown, head_charset) else "UTF-8"
        raw.append(f"{name}: {_b2047(shown, cs)} <{who.email}>")
        headers.append((name, Doc().v("person_name", shown).t(" <").v("email", who.email).t(">")))
    cs = head_charset if _fits(subject, head_charset) else "UTF-8"
    raw += [
        f"Subject: {_b2047(subject, cs)}",
        f"Date: Tue, {stamp}",
        f"Message-ID: {msg_id}",
        "MIME-Version: 1.0",
    ]

    def part(doc: Doc, subtype: str) -> list[str]:
        data = doc.text.encode(body_charset)
        qp = (k + len(subtype)) % 3 == 0
        encoded = (quopri.encodestring(data) if qp else base64.encodebytes(data)).decode("ascii")
        return [
            f'Content-Type: text/{subtype}; charset="{body_charset}"',
            f"Content-Transfer-Encoding: {'quoted-printable' if qp else 'base64'}",
            "",
            encoded.removesuffix("\n"),
        ]

    boundary = f"----=_NextPart_{g.hash40()[:16]}"
    attach = r.random() < 0.3
    if len(parts) == 1 and not attach:
        raw += part(plain, "plain")
    else:
        mixed = "mixed" if attach else "alternative"
        raw += [
            f'Content-Type: multipart/{mixed}; boundary="{boundary}"',
            "",
            "This is a multi-part message in MIME format.",
            "",
        ]
        for doc, subtype in zip(parts, ["plain", "html"], strict=False):
            raw += [f"--{boundary}", *part(doc, subtype), ""]
        if attach:
            pdf = base64.encodebytes(b"%PDF-1.4\n%" + bytes(r.randrange(256) for _ in range(300)))
            raw += [
                f"--{boundary}",
                'Content-Type: application/pdf; name="PI.pdf"',
                "Content-Transfer-Encoding: base64",
                'Content-Disposition: attachment; filename="PI.pdf"',
                "",
                pdf.decode().rstrip("\n"),
                "",
            ]
        raw.append(f"--{boundary}--")
    data = ("\n".join(raw) + "\n").encode("ascii")
    return mail_file(f"mail/enc_{i:04d}.eml", "mail", data, headers, parts)
