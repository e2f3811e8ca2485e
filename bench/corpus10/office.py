"""Corpus 10's onboarding forms (xlsx, docx) and Outlook mail (.eml, plain or encoded, with
forwarded chains): files written as bytes, labelled in the text the scorecard reads."""

from __future__ import annotations

import base64
import datetime as dt
import quopri
import tempfile
from email.header import Header
from pathlib import Path

from bench.corpus10.doc import Cells, Doc, fixed_zip, locate
from bench.corpus10.texts import name, title
from bench.corpus10.values import Values
from piiguard.scanner.scorecard import mail_parts
from piiguard.scanner.sources.office import docx_segments, xlsx_segments

WHEN = dt.datetime(2026, 1, 5, 9, 0, 0, tzinfo=dt.UTC).replace(tzinfo=None)  # as openpyxl wants
Out = tuple[str, bytes, list[list[object]], dict[str, int] | None]


def _person_rows(v: Values, c: Cells) -> list[tuple[str, str]]:
    """An onboarding form's label / value pairs (each value a labelled cell)."""
    p = v.person(0.05)
    ymd = v.birth()
    rows = [
        ("姓名 Name", c.cell(name(Doc(), v, p, 0.5, "（）"))),
        ("性别 Gender", c.cell(v.r.choice(["男", "女"]))),
        ("出生年月 Date of Birth", c.cell(Doc().v("date_of_birth", v.dob(ymd)))),
        ("身份证号 ID Card", c.cell(Doc().v("resident_id", v.resident_id(ymd)))),
        ("护照 Passport", c.cell(Doc().v("passport", v.passport()))),
        ("手机 Mobile", c.cell(Doc().v("phone", v.phone()))),
        ("个人邮箱 Email", c.cell(Doc().v("email", v.email(p)))),
        ("现住址 Address", c.cell(Doc().v("address", v.address()))),
        ("工资卡 Salary card", c.cell(Doc().v("bank_card", v.bank_card()))),
        ("车牌 Plate", c.cell(Doc().v("licence_plate", v.plate()))),
        (
            "紧急联系人 Emergency",
            c.cell(Doc().v("person_name", v.person(0.05).name).t(" ").v("phone", v.mobile())),
        ),
        ("入职日期 Start", c.cell(Doc().lk(v.plain_date()))),
        ("工衣编号 Uniform No.", c.cell(Doc().lk(v.part_mobile()))),
    ]
    v.r.shuffle(rows)  # the forms of different sites order their fields differently
    return rows


def hr_xlsx(v: Values, i: int, tmp: Path) -> Out:
    from openpyxl import Workbook  # noqa: PLC0415

    c = Cells()
    book = Workbook()
    sheet = book.active
    if sheet is None:
        raise ValueError("a new workbook has a sheet")
    sheet.title = "入职登记"
    sheet["A1"] = c.cell("佛山恒信机电有限公司 新员工入职登记表")
    sheet.merge_cells("A1:D1")
    rows = _person_rows(v, c)
    if i % 2:  # labels in column A, values in B, two pairs a row
        for n in range(0, len(rows), 2):
            for k, (label, value) in enumerate(rows[n : n + 2]):
                sheet.cell(row=3 + n // 2, column=1 + 2 * k, value=c.cell(label))
                sheet.cell(row=3 + n // 2, column=2 + 2 * k, value=value)
    else:  # labels in one row, values in the row below
        for n, (label, value) in enumerate(rows):
            sheet.cell(row=3, column=1 + n, value=c.cell(label))
            sheet.cell(row=4, column=1 + n, value=value)
    sheet.cell(
        row=12, column=1, value=c.cell(Doc().t("HR 经办：").v("person_name", v.person(0).name))
    )
    book.properties.created = book.properties.modified = WHEN
    path = tmp / "x.xlsx"
    book.save(path)
    fixed_zip(path)
    spans, segments = c.place(xlsx_segments(path))
    return f"hr/onboarding_{i:04d}.xlsx", path.read_bytes(), spans, segments


def hr_docx(v: Values, i: int, tmp: Path) -> Out:
    import docx  # noqa: PLC0415

    c = Cells()
    document = docx.Document()
    document.core_properties.created = document.core_properties.modified = WHEN
    document.core_properties.author = "HR"
    document.add_paragraph(c.cell("员工入职信息确认书 / Employee Onboarding Confirmation"))
    rows = _person_rows(v, c)
    table = document.add_table(rows=len(rows) // 2 + 1, cols=2)
    for n, (label, value) in enumerate(rows[: len(rows) // 2]):
        table.cell(n, 0).text = c.cell(label)
        table.cell(n, 1).text = value
    for label, value in rows[len(rows) // 2 :]:  # the rest as "label：value" lines
        document.add_paragraph(_joined(c, label, value))
    sign = Doc().t("本人确认以上信息真实。签名：")
    name(sign, v, v.person(0.05), 0.0)
    document.add_paragraph(c.cell(sign))
    path = tmp / "x.docx"
    document.save(str(path))
    fixed_zip(path)
    spans, segments = c.place(docx_segments(path))
    return f"hr/onboarding_{i:04d}.docx", path.read_bytes(), spans, segments


def _joined(c: Cells, label: str, value: str) -> str:
    """A paragraph `label：value` whose value's spans (queued under the value) move along."""
    spans = c.by_text[value].pop()
    d = Doc().t(f"{label}：")
    for kind, a, b in spans:
        d.spans.append([kind, d.n + int(a), d.n + int(b)])  # type: ignore[call-overload]
    d.t(value)
    if not c.by_text[value]:
        del c.by_text[value]
    return c.cell(d)


def mail(v: Values, i: int) -> Out:
    """An Outlook message: plain 8-bit, or quoted-printable / base64 with RFC 2047 names; a
    forwarded chain quoted below."""
    r = v.r
    a, b, fw = v.person(0.4), v.person(0.3), v.person(0.3)
    encoded = i % 3 != 0
    head = Doc().t("From: ")
    raw_from = Header(a.name, "utf-8").encode() if encoded and not a.name.isascii() else a.name
    head.v("person_name", a.name).t(" <").v("email", v.email(a, corp=True)).t(">\nTo: ").v(
        "person_name", b.name
    )
    head.t(" <").v("email", v.email(b, corp=r.random() < 0.5)).t(">\n")
    body = (
        Doc().t("Hi ").v("person_name", b.name.split()[0] if not b.chinese else b.name).t("，\n\n")
    )
    body.t("附件是 ").lk(v.order_no()).t(" 的对账单，请把尾款打到 ").v(
        "bank_account", v.bank_account()
    )
    body.t("（户名 ").v("person_name", fw.name).t("）。\n护照复印件号码 ").v(
        "passport", v.passport()
    ).t("，出生日期 ").v("date_of_birth", v.dob())
    body.t("。\n\nBest regards\n").v("person_name", a.name).t("\nMobile ").v("phone", v.phone()).t(
        "\n\n"
    )
    body.t("-----Original Message-----\nFrom: ").v("person_name", fw.name).t(" [mailto:").v(
        "email", v.email(fw)
    ).t("]\n")
    body.t(
        f"Sent: {r.choice(['Monday', 'Friday'])}, March {r.randint(1, 28)}, 2026 10:1{r.randint(0, 9)} AM\n"  # noqa: E501
    )
    body.t("Subject: RE: 样机 ").lk(v.model()).t(" 售后\n\n> 寄回地址：").v(
        "address", v.address()
    ).t("\n> 联系 ")
    title(body, v, fw).t(" ").v("phone", v.phone()).t("\n> 信用卡 ").v("credit_card", v.card()).t(
        " 已授权\n"
    )
    body.t("> Build ").lk(v.sha()).t(" / FW ").lk(v.version()).t("\n")
    text = body.text()
    top = (
        f"Subject: {'=?utf-8?b?' + base64.b64encode('转发：对账与售后'.encode()).decode() + '?=' if encoded else '转发：对账与售后'}\n"  # noqa: E501
        f"Date: Tue, 10 Mar 2026 09:{r.randint(10, 59)}:00 +0800\nMessage-ID: <{v.sha(20)}@hx-motors.cn>\nMIME-Version: 1.0\n"  # noqa: E501
    )
    if not encoded:
        d = Doc().t(top)
        d.t(head.text()[0:0])
        for kind, x, y in head.spans:
            d.spans.append([kind, d.n + int(x), d.n + int(y)])  # type: ignore[call-overload]
        d.t(head.text()).t(
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
        )
        for kind, x, y in body.spans:
            d.spans.append([kind, d.n + int(x), d.n + int(y)])  # type: ignore[call-overload]
        d.t(text)
        data = d.text().encode()
        if mail_parts(data) is not None:
            raise ValueError("a plain message was read as encoded")
        return f"mail/msg_{i:04d}.eml", data, d.spans, None
    header = head.text().replace(a.name, raw_from, 1)
    if i % 3 == 1:
        payload = quopri.encodestring(text.encode()).decode()
        cte = "quoted-printable"
    else:
        raw = base64.b64encode(text.encode()).decode()
        payload = "\n".join(raw[n : n + 76] for n in range(0, len(raw), 76)) + "\n"
        cte = "base64"
    data = (
        top + header + 'Content-Type: text/plain; charset="utf-8"\n'
        f"Content-Transfer-Encoding: {cte}\n\n{payload}"
    ).encode()
    laid = mail_parts(data)
    if laid is None:
        raise ValueError("an encoded message was not read as encoded")
    spans = locate(laid[0], head.marks + body.marks)
    return f"mail/msg_{i:04d}.eml", data, spans, laid[1]


def temp() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="corpus10-")
