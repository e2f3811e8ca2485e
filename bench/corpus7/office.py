"""Corpus 7's office files: ERP exports as .xlsx, onboarding forms as .docx. Each is labelled
in a virtual text (its cells or paragraphs one after another, a newline after each) with
the scorecard's `segments`: a cell's or paragraph's location → its offset."""

from __future__ import annotations

import io
import json
import re
import zipfile

from bench.corpus7.doc import Doc, Piece, addr, mail, name, phone
from bench.corpus7.people import cn_address
from bench.corpus7.records import CSV_COLUMNS, _record

_FIXED = (2026, 11, 30, 8, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _key(**location: object) -> str:
    return json.dumps(location, sort_keys=True, ensure_ascii=False)


def _segment(d: Doc, segments: dict[str, int], key: str, pieces: list[Piece]) -> str:
    """Adds a cell's or paragraph's pieces to the virtual text; returns its text."""
    segments[key] = d.length
    start = len(d.parts)
    d.add(*pieces)
    text = "".join(d.parts[start:])
    d.add("\n")
    return text


def reproducible(data: bytes) -> bytes:
    """The same zip with fixed entry times and document times (same seed, same bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _STAMP.sub(rb"\g<1>2026-11-30T08:00:00Z\g<2>", body)
            target.writestr(
                zipfile.ZipInfo(info.filename, date_time=_FIXED), body, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def xlsx(d: Doc, segments: dict[str, int]) -> bytes:
    import openpyxl  # noqa: PLC0415 - the office writers are imported only when used

    r, v = d.r, d.v
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.title = r.choice(("客户资料", "Sheet1", "导出数据", "会员明细", "Customers"))
    style = r.randrange(4)
    columns = ["id", "name", "mobile"] + [
        c for c in CSV_COLUMNS if c not in ("id", "name", "mobile") and r.random() < 0.45
    ]
    row = 1
    if r.random() < 0.4:  # a title row above the header
        title = r.choice(("客户信息导出 2026-11", "CRM export", "会员资料表"))
        sheet.cell(
            row=1,
            column=1,
            value=_segment(d, segments, _key(sheet=sheet.title, cell="A1"), [title]),
        )
        row = 2
    for c, column in enumerate(columns, start=1):
        head = CSV_COLUMNS[column][min(style, len(CSV_COLUMNS[column]) - 1)]
        cell = f"{openpyxl.utils.get_column_letter(c)}{row}"
        sheet.cell(
            row=row,
            column=c,
            value=_segment(d, segments, _key(sheet=sheet.title, cell=cell), [head]),
        )
    for _ in range(r.randint(5, 25)):
        row += 1
        p = v.person(latin=r.random() < 0.05)
        for c, column in enumerate(columns, start=1):
            piece = _record(d, p, column)
            if piece == "" or piece == (piece[0], ""):
                continue
            cell = f"{openpyxl.utils.get_column_letter(c)}{row}"
            sheet.cell(
                row=row,
                column=c,
                value=_segment(d, segments, _key(sheet=sheet.title, cell=cell), [piece]),
            )
    out = io.BytesIO()
    book.save(out)
    return reproducible(out.getvalue())


def docx(d: Doc, segments: dict[str, int]) -> bytes:
    import docx as word  # noqa: PLC0415 - the office writers are imported only when used

    r, v = d.r, d.v
    document = word.Document()
    p = v.person(latin=False)

    def para(*pieces: Piece) -> None:
        key = _key(paragraph=len(document.paragraphs) + 1)
        document.add_paragraph(_segment(d, segments, key, list(pieces)))

    para(r.choice(("员工入职登记表", "新员工入职信息表", "Employee Onboarding Form")))
    para(r.choice(("填表日期：", "Date: ")), f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}")
    document.add_paragraph("")
    rows: list[tuple[str, Piece, str, Piece]] = [
        ("姓名", name(p), "性别", "男" if p.male else "女"),
        ("出生日期", ("date_of_birth", v.dob_text(p.dob, True)), "民族", "汉"),
        ("身份证号", ("resident_id", p.rid), "手机", phone(v.mobile_text(p.mobile))),
        ("邮箱", mail(p.email), "学历", r.choice(("本科", "大专", "硕士"))),
        (
            "户籍地址",
            addr(cn_address(r)),
            "车牌",
            ("licence_plate", v.plate()) if r.random() < 0.5 else "无",
        ),
        (
            "工资卡号",
            ("bank_card", v.card()),
            "入职日期",
            ("lookalike", f"2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"),
        ),
    ]
    table = document.add_table(rows=len(rows), cols=4)
    for i, cells in enumerate(rows, start=1):
        for j, piece in enumerate(cells, start=1):
            text = _segment(d, segments, _key(table=1, row=i, column=j), [piece])
            table.cell(i - 1, j - 1).text = text
    e = v.person(latin=False)
    para("紧急联系人：", name(e), "，电话：", phone(v.mobile_text(e.mobile)))
    para("本人承诺所填信息真实。签名：", name(p))
    props = document.core_properties
    props.author = "HR"
    props.last_modified_by = "HR"
    out = io.BytesIO()
    document.save(out)
    return reproducible(out.getvalue())
