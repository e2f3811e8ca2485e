"""Excel exports (.xlsx, openpyxl) and Word onboarding forms (.docx, python-docx), labelled
in the scorecard's virtual text: the segments the scanner reads, one after another with a
line end between them, each at the offset `segments` gives."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path
from typing import Any

from bench.corpus8 import fakes
from bench.corpus8 import values as v
from bench.corpus8.doc import Cell, Doc
from bench.corpus8.people import person
from bench.corpus8.records import HEADERS, TABLES, record
from piiguard.scanner.scorecard import segment_key
from piiguard.scanner.sources.office import docx_segments, xlsx_segments

FIXED = dt.datetime(2025, 1, 1, 8, 0, 0, tzinfo=dt.UTC).replace(tzinfo=None)  # naive in docProps
FIXED_W3C = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _fixed_zip(path: Path) -> None:
    """The same bytes for the same content: every member dated alike, in the same order."""
    with zipfile.ZipFile(path) as old:
        members = [(info.filename, old.read(info)) for info in old.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in members:
            body = data
            if name == "docProps/core.xml":  # openpyxl stamps `modified` with the time of saving
                body = _MODIFIED.sub(rb"\g<1>" + FIXED_W3C + rb"\g<2>", data)
            new.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def _virtual(
    segments: list[tuple[dict[str, Any], str, str]], cells: dict[str, Doc]
) -> dict[str, Any]:
    """labels.json entry fields: spans in the virtual text and each segment's offset."""
    offsets: dict[str, int] = {}
    spans: list[list[object]] = []
    at = 0
    for loc, text, _header in segments:
        key = segment_key(loc)
        offsets[key] = at
        doc = cells.get(key)
        if doc is not None:
            if doc.text != text:
                raise ValueError(f"segment {key} reads {text!r}, written {doc.text!r}")
            spans += [[k, at + s, at + e] for k, s, e in doc.spans]
        at += len(text) + 1
    unread = set(cells) - set(offsets)
    if unread:
        raise ValueError(f"cells the scanner does not read: {sorted(unread)[:3]}")
    return {"spans": spans, "segments": offsets}


def _cell_doc(cell: Cell) -> Doc:
    return Doc().add(cell)


def xlsx(r: random.Random, path: Path, rows: int) -> dict[str, Any]:
    from openpyxl import Workbook  # noqa: PLC0415 - only where office files are written
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    wb = Workbook()
    wb.properties.creator = "ERP export"
    wb.properties.created = wb.properties.modified = FIXED
    cells: dict[str, Doc] = {}
    ws = wb.active
    ws.title = r.choice(("客户资料", "Sheet1", "customers", "导出数据"))
    fields = list(r.choice(TABLES))
    lang = r.randrange(3)
    ws.append([HEADERS[f][lang] for f in fields])
    for i in range(rows):
        row = record(r, fields)
        for j, f in enumerate(fields):
            doc = _cell_doc(row[f])
            if doc.text:
                ws.cell(row=i + 2, column=j + 1, value=doc.text)
                key = segment_key({"sheet": ws.title, "cell": f"{get_column_letter(j + 1)}{i + 2}"})
                cells[key] = doc
    parts = wb.create_sheet("物料" if r.random() < 0.5 else "parts")
    parts.append(["part_no", "description", "fw", "qty"])
    for i in range(r.randrange(10, 60)):
        pn, fw = fakes.part_number(r), fakes.version(r)
        parts.append([pn, r.choice(fakes.PRODUCTS)[r.randrange(2)], fw, r.randrange(1, 999)])
        for col, val in (("A", pn), ("C", fw)):
            cells[segment_key({"sheet": parts.title, "cell": f"{col}{i + 2}"})] = Doc().f(val)
    wb.save(path)
    _fixed_zip(path)
    return _virtual(list(xlsx_segments(path)), cells)


def docx(r: random.Random, path: Path) -> dict[str, Any]:
    """An onboarding form: paragraphs (no empty ones) and a table of contacts."""
    from docx import Document  # noqa: PLC0415

    document = Document()
    document.core_properties.created = document.core_properties.modified = FIXED
    document.core_properties.author = "HR"
    p = person(r, latin=r.random() < 0.3)
    zh = not p.latin
    paragraphs: list[Doc] = [Doc().t("员工入职登记表" if zh else "Employee onboarding form")]
    lines: list[tuple[str, Cell]] = [
        ("姓名：" if zh else "Name: ", ("person_name", p.name)),
        ("出生日期：" if zh else "Date of birth: ", ("date_of_birth", v.fmt_date(p.born, r))),
        ("手机：" if zh else "Mobile: ", ("phone", p.mobile)),
        ("邮箱：" if zh else "E-mail: ", ("email", p.email)),
        (
            "现住址：" if zh else "Home address: ",
            ("address", v.cn_address(r) if zh else v.en_address(r)),
        ),
        ("工资卡号：" if zh else "Salary card: ", ("credit_card", v.card(r))),
    ]
    if p.rid:
        lines.insert(2, ("身份证号码：", ("resident_id", p.rid)))
    else:
        lines.insert(2, ("Passport No.: ", ("passport", v.passport(r)[1])))
    for label, cell in lines:
        paragraphs.append(Doc().t(label).add(cell))
    paragraphs.append(Doc().t(fakes.neutral(r, 1).replace("\n", " ")))
    cells: dict[str, Doc] = {}
    for i, para in enumerate(paragraphs):
        document.add_paragraph(para.text)
        cells[segment_key({"paragraph": i + 1})] = para
    contacts = [person(r, latin=False) for _ in range(2)]
    table = document.add_table(rows=len(contacts) + 1, cols=3)
    for j, head in enumerate(("紧急联系人", "关系", "电话")):
        table.cell(0, j).text = head
    for i, c in enumerate(contacts):
        row: list[Cell] = [
            ("person_name", c.name),
            r.choice(("配偶", "父亲", "朋友")),
            ("phone", c.mobile),
        ]
        for j, cell in enumerate(row):
            doc = _cell_doc(cell)
            table.cell(i + 1, j).text = doc.text
            cells[segment_key({"table": 1, "row": i + 2, "column": j + 1})] = doc
    document.save(str(path))
    _fixed_zip(path)
    return _virtual(list(docx_segments(path)), cells)
