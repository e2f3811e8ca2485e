"""Outlook-style mail: plain 8-bit messages (labelled in the file) with replies and forwarded
chains quoted below them, and messages whose body is base64 or quoted-printable and whose
names are RFC 2047 words (labelled in the decoded parts the scorecard lays end to end)."""

from __future__ import annotations

import base64
import quopri
from datetime import timedelta, timezone
from email.header import Header
from email.utils import format_datetime
from typing import Any

from bench.corpus9 import values as v
from bench.corpus9.doc import Doc, Item, V
from bench.corpus9.world import World
from piiguard.scanner.scorecard import mail_parts

SUBJECTS = (
    "订单交期确认 / Delivery date",
    "Quotation for FS-300 line",
    "入职资料 Onboarding",
    "售后回访",
    "付款信息变更 Bank details update",
    "出差安排 Business trip",
)


def _address(w: World, p: v.Person) -> list[Item]:
    if w.chance(0.2):
        return [w.email(p)]
    shown = w.full(p) if w.chance(0.6) else [w.name(p)]
    quoted = any(isinstance(x, str) and "(" in x for x in shown)
    if quoted:
        return ['"', *shown, '" <', w.email(p), ">"]
    return [*shown, " <", w.email(p), ">"]


def _body(w: World, sender: v.Person, to: v.Person) -> list[list[Item]]:
    r = w.rng
    lines: list[list[Item]] = []
    if to.abroad or w.chance(0.3):
        lines.append(
            [
                w.pick("Hi ", "Dear ", "Hello "),
                V("person_name", to.given if to.abroad else to.en or to.pinyin[1]),
                ",",
            ]
        )
    else:
        lines.append([*w.titled(to), "，您好："])
    lines.append([])
    for _ in range(r.randint(2, 5)):
        lines.append(  # noqa: PERF401 - a fresh choice each line
            r.choice(
                [
                    [
                        "请把新员工",
                        w.name(w.local()),
                        "的身份证号 ",
                        w.rid(w.local()),
                        " 录入系统。",
                    ],
                    [
                        "Please update the beneficiary account: IBAN ",
                        V("iban", v.iban(r)),
                        ", BIC ",
                        v.swift(r),
                        ".",
                    ],
                    [
                        "我们的收款账号已变更为 ",
                        V("bank_account", v.account(r)),
                        "（开户行：工商银行顺德支行）。",
                    ],
                    [
                        "Flight booked for ",
                        w.latin(w.local()),
                        ", passport no. ",
                        V("passport", v.passport(r)),
                        ".",
                    ],
                    [
                        "交期按 PO ",
                        v.order_no(r),
                        " 执行，物料 ",
                        v.part_number(r),
                        " 分两批到货。",
                    ],
                    [
                        "The machine (S/N ",
                        v.serial(r),
                        ", firmware ",
                        v.version(r),
                        ") is ready for FAT.",
                    ],
                    ["如有问题请联系", *w.role(w.local()), "，电话 ", w.phone(), "。"],
                    ["Tracking: ", v.tracking(r), ", ETA ", v.plain_date(r), "."],
                    ["出生日期请按身份证填写：", w.dob(to), "。"],
                    [
                        "Login for the portal: user ",
                        to.email.split("@")[0],
                        ", temporary password ",
                        V("secret", v.password(r)),
                    ],
                    [
                        "Card on file for the exhibition deposit: ",
                        V("credit_card", v.card(r, credit=True)),
                    ],
                    ["样机已寄往 ", w.address(), "，收件人 ", w.name(w.local()), "。"],
                ]
            )
        )
    lines.append([])
    lines.append([w.pick("Best regards,", "此致", "BR", "谢谢！")])
    lines.append(w.full(sender))
    lines.append([w.pick("Sales Dept. 销售部", "Purchasing | 采购部", "After-sales 售后服务部")])
    lines.append(["Mobile: " if w.chance(0.5) else "手机：", w.phone(sender)])
    lines.append(
        [
            "佛山诺德包装机械有限公司 | ",
            V("address", v.address(r)) if w.chance(0.4) else "www.fs-nordbau.com.cn",
        ]
    )
    return lines


def _stamp(w: World) -> str:
    return format_datetime(w.when().replace(tzinfo=timezone(timedelta(hours=8))))


def plain(w: World) -> tuple[str, Doc]:
    r = w.rng
    sender, to = w.one(), w.one()
    doc = Doc()
    doc.line("From: ", *_address(w, sender))
    doc.line("To: ", *_address(w, to))
    if w.chance(0.5):
        doc.line("Cc: ", *_address(w, w.one()), ", ", *_address(w, w.one()))
    subject = r.choice(SUBJECTS)
    doc.line("Subject: ", w.pick("RE: ", "FW: ", "", "答复: "), subject)
    doc.line("Date: ", _stamp(w))
    doc.line(f"Message-ID: <{r.randbytes(8).hex()}.{r.randint(1000, 9999)}@{v.WORK_HOST}>")
    doc.line("MIME-Version: 1.0")
    doc.line('Content-Type: text/plain; charset="utf-8"')
    doc.line("Content-Transfer-Encoding: 8bit")
    doc.line()
    for line in _body(w, sender, to):
        doc.line(*line)
    for depth in range(r.randint(0, 2)):
        old, older = to, w.one()
        doc.line()
        if w.chance(0.5):
            doc.line(
                "-----Original Message-----" if depth else "---------- Forwarded message ---------"
            )
            doc.line("From: ", *_address(w, old))
            doc.line("Sent: ", _stamp(w))
            doc.line("To: ", *_address(w, older))
            doc.line("Subject: ", subject)
            doc.line()
            prefix = ""
        else:
            doc.line("On ", _stamp(w), ", ", w.name(old), " <", w.email(old), "> wrote:")
            prefix = "> "
        for line in _body(w, old, older):
            doc.line(prefix, *line)
        to = older
    return "eml", doc


def _word(text: str) -> str:
    return Header(text, "utf-8").encode() if not text.isascii() else text


def _encoded_address(w: World, p: v.Person, part: Doc) -> str:
    name = w.name(p)
    part.add(name, " <", w.email(p), ">, ")
    return f"{_word(name.text)} <{p.email}>"


def encoded(w: World) -> tuple[bytes, list[list[tuple[str, str]]]]:
    """A message with encoded words and parts; each part's values in their order (part 0
    the headers), to be found in the decoded text the scorecard reads."""
    r = w.rng
    sender, to = w.one(), w.one()
    head = Doc()
    lines = [f"From: {_encoded_address(w, sender, head)}", f"To: {_encoded_address(w, to, head)}"]
    lines += [f"Subject: {_word(r.choice(SUBJECTS))}", f"Date: {_stamp(w)}"]
    lines += [f"Message-ID: <{r.randbytes(8).hex()}@{v.WORK_HOST}>", "MIME-Version: 1.0"]
    body = Doc()
    for line in _body(w, sender, to):
        body.line(*line)
    text = body.text()
    parts: list[Doc] = [head, body]
    charset = "utf-8" if w.chance(0.7) else "gb18030"
    raw = text.encode(charset, errors="strict")
    cte = "base64" if w.chance(0.5) else "quoted-printable"
    payload = (base64.encodebytes(raw) if cte == "base64" else quopri.encodestring(raw)).decode()
    if w.chance(0.4):
        boundary = f"----=_NextPart_{r.randbytes(6).hex()}"
        html = Doc()
        html.add("<html><body>")
        for line in _body(w, sender, to):
            html.add("<p>", *line, "</p>")
        html.add("</body></html>")
        parts.append(html)
        hraw = base64.encodebytes(html.text().encode("utf-8")).decode()
        lines += [f'Content-Type: multipart/alternative; boundary="{boundary}"', ""]
        lines += [f"--{boundary}", f'Content-Type: text/plain; charset="{charset}"']
        lines += [f"Content-Transfer-Encoding: {cte}", "", payload]
        lines += [f"--{boundary}", 'Content-Type: text/html; charset="utf-8"']
        lines += ["Content-Transfer-Encoding: base64", "", hraw, f"--{boundary}--", ""]
    else:
        lines += [f'Content-Type: text/plain; charset="{charset}"']
        lines += [f"Content-Transfer-Encoding: {cte}", "", payload]
    data = "\r\n".join(lines).replace("\n", "\r\n").replace("\r\r\n", "\r\n").encode("ascii")
    wanted = [[(k, d.text()[s:e]) for k, s, e in d.labels()] for d in parts]
    return data, wanted


def locate(data: bytes, wanted: list[list[tuple[str, str]]]) -> dict[str, Any]:
    """The labels entry of an encoded message: each value found, in order, in its decoded
    part of the scorecard's virtual text."""
    laid = mail_parts(data)
    if laid is None:
        raise ValueError("an encoded message read as plain text")
    text, segments = laid
    starts = [*sorted(segments.values()), len(text)]
    spans: list[list[Any]] = []
    for n, values in enumerate(wanted):
        at, end = starts[n], starts[n + 1]
        for kind, value in values:
            found = text.find(value, at, end)
            if found < 0:
                raise ValueError(f"part {n}: {kind} value not in the decoded text")
            spans.append([kind, found, found + len(value)])
            at = found + len(value)
    return {"spans": spans, "segments": segments}
