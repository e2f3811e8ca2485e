"""Spreadsheet exports (XLSX): a customer list, a staff roster or a service-visit log as an
office clerk saves it from Excel, labelled in the scorecard's virtual text (each cell's
text one after another, `segments` giving where each cell starts)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

import openpyxl

from bench.corpus5 import values as v
from bench.corpus5 import world as w
from bench.corpus5.ctx import Ctx
from bench.corpus5.doc import Doc, Num, look, plain_of
from piiguard.scanner.scorecard import segment_key

FIXED = (2024, 1, 1, 0, 0, 0)


def _columns(c: Ctx) -> tuple[str, list[tuple[str, str]]]:
    layout = c.r.randint(0, 2)
    if layout == 0:
        return c.pick("客户清单", "Customers", "会员导出"), [
            (c.pick("客户姓名", "Name", "会员名"), "name"),
            (c.pick("手机号", "Mobile"), "mobile"),
            (c.pick("邮箱", "Email"), "email"),
            (c.pick("地址", "Address"), "address"),
            (c.pick("购买型号", "Model"), "model"),
            (c.pick("下单日期", "Order date"), "date"),
            (c.pick("订单号", "Order No."), "order"),
        ]
    if layout == 1:
        return c.pick("花名册", "员工名册", "Staff"), [
            ("工号", "staff_no"),
            ("姓名", "name"),
            ("身份证号码", "rid"),
            ("出生日期", "dob"),
            ("手机", "mobile"),
            ("工资卡号", "card"),
            ("入职日期", "date"),
            ("车牌", "plate"),
        ]
    return c.pick("上门记录", "Visits"), [
        ("工单号", "order"),
        ("客户", "name"),
        ("电话", "mobile"),
        ("纬度 Lat", "lat"),
        ("经度 Lng", "lng"),
        ("师傅", "engineer"),
        ("上门日期", "date"),
        ("机器条码", "serial"),
    ]


def _cell(c: Ctx, column: str, p: v.Person, born: object) -> object:  # noqa: PLR0911, PLR0912
    if column == "name":
        return c.name(p)
    if column == "mobile":
        return Num("phone", v.mobile(c.r)) if c.r.random() < 0.4 else c.mobile()
    if column == "email":
        return c.email(p)
    if column == "address":
        return c.address(zh=c.r.random() < 0.8)
    if column == "rid":
        return c.rid(born)  # type: ignore[arg-type]
    if column == "dob":
        return c.dob(born)  # type: ignore[arg-type]
    if column == "card":
        return c.card()
    if column == "plate":
        return c.plate() if c.r.random() < 0.5 else ""
    if column in ("lat", "lng"):
        lat, lon = v.coordinates(c.r)
        return Num("coordinates", str(lat if column == "lat" else lon))
    if column == "engineer":
        return c.name(c.person(0.0), "zh")
    if column == "date":
        return look(f"{c.day():%Y-%m-%d}")
    if column == "staff_no":
        return look(f"LH{c.r.randint(100000, 999999)}")
    if column == "model":
        return look(c.r.choice(w.PRODUCTS)[2])
    return c.look()[1] if column == "serial" else look(f"{c.r.randint(10**17, 10**18 - 1)}")


def sheet(c: Ctx) -> tuple[Doc, str, str]:
    """A workbook: the doc's text is the virtual text, `doc.book` its sheets' cells."""
    doc = Doc()
    title, columns = _columns(c)
    rows: list[list[object]] = []
    if c.r.random() < 0.4:
        rows += [[f"{w.OURS[0]} {title} {c.day():%Y-%m}"], []]
    rows.append([head for head, _ in columns])
    for _ in range(c.r.randint(5, 25)):
        p, born = c.person(0.1), c.born()
        rows.append([_cell(c, col, p, born) for _, col in columns])
    doc.book = {title: rows}
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row, start=1):
            if plain_of(value) == "":
                continue
            ref = f"{openpyxl.utils.get_column_letter(col)}{r}"
            doc.segments[segment_key({"sheet": title, "cell": ref})] = doc.size
            doc.put(value)
            doc._raw("\n")
    return doc, ".xlsx", "xlsx"


def workbook(doc: Doc) -> bytes:
    """The workbook's bytes, the same for the same cells (fixed times in and of the zip)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in doc.book.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(
                [
                    int(x.text)
                    if isinstance(x, Num) and x.type == "phone"
                    else float(x.text)
                    if isinstance(x, Num)
                    else plain_of(x) or None
                    for x in row
                ]
            )
    book.properties.created = book.properties.modified = datetime(*FIXED)  # noqa: DTZ001 - a workbook stores local times
    book.properties.creator = "lanheng"
    raw = io.BytesIO()
    book.save(raw)
    stamp = f"{datetime(*FIXED):%Y-%m-%dT%H:%M:%SZ}".encode()  # noqa: DTZ001 - as above
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            dst.writestr(
                zipfile.ZipInfo(info.filename, date_time=FIXED),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


__all__ = ["sheet", "workbook"]
