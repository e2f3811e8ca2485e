"""Workbooks (xlsx: a title row merged across the sheet, group headings, then the table) and
onboarding forms (docx: paragraphs and a label | value table), written reproducibly (fixed
timestamps inside and on the zip's entries) and labelled in the scorecard's virtual text:
each cell or paragraph the scanner reads, one after another, each followed by a line end."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.corpus9 import values as v
from bench.corpus9.doc import Doc, Item, V
from bench.corpus9.tables import SHEETS, pick_columns, row_cells
from bench.corpus9.world import World
from piiguard.scanner.scorecard import segment_key
from piiguard.scanner.sources.office import docx_segments, xlsx_segments

FIXED = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _reproducible(path: Path) -> None:
    """The zip rewritten with fixed entry times and fixed document dates."""
    with zipfile.ZipFile(path) as old:
        entries = [(i.filename, old.read(i.filename)) for i in old.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for name, raw in entries:
            data = raw
            if name == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>2026-03-02T09:00:00Z\g<2>", raw)
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            new.writestr(info, data)
    path.write_bytes(out.getvalue())


def _entry(segments: Any, labelled: dict[str, list[list[Any]]]) -> dict[str, Any]:
    text, spans, keys = "", [], {}
    for loc, value, _hint in segments:
        keys[segment_key(loc)] = len(text)
        spans += [[k, len(text) + s, len(text) + e] for k, s, e in labelled.get(value, [])]
        text += value + "\n"
    return {"spans": spans, "segments": keys, "text_bytes": len(text.encode())}


def _remember(labelled: dict[str, list[list[Any]]], item: Item | Doc) -> str:
    doc = item if isinstance(item, Doc) else Doc().add(item)
    text = doc.text()
    spans = doc.labels()
    if spans:
        if labelled.get(text, spans) != spans:
            raise ValueError("one text labelled two ways")
        labelled[text] = spans
    return text


def xlsx(w: World, path: Path) -> dict[str, Any]:
    from openpyxl import Workbook  # noqa: PLC0415 - only the office kinds need it

    r = w.rng
    book = Workbook()
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "ERP export"
    labelled: dict[str, list[list[Any]]] = {}
    sheet_names = r.sample([s for s in SHEETS if s != "parts"], r.randint(1, 2))
    for n, name in enumerate(sheet_names):
        ws = book.active if n == 0 else book.create_sheet()
        if ws is None:
            raise ValueError("a workbook without a sheet")
        title, cols, groups, headers = pick_columns(w, name)
        ws.title = title[:20].replace("/", " ")
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
        ws.append([g or None for g in groups])
        ws.append(headers)
        for _ in range(r.randint(8, 40)):
            p = w.one(abroad=None if name == "travel" else False)
            ws.append([_remember(labelled, c) for c in row_cells(w, cols, p)])
    book.save(path)
    _reproducible(path)
    return _entry(xlsx_segments(path), labelled)


def docx(w: World, path: Path) -> dict[str, Any]:
    import docx as python_docx  # noqa: PLC0415 - only the office kinds need it

    r = w.rng
    p, kin, hr = w.local(), w.local(), w.local()
    document = python_docx.Document()
    props = document.core_properties
    props.created = props.modified = props.last_printed = FIXED
    props.author = "HR"
    labelled: dict[str, list[list[Any]]] = {}
    document.add_heading("新员工入职登记表 / New Employee Registration", level=1)
    intro = Doc().add("填表日期：", v.plain_date(r), "    经办人：", *w.titled(hr))
    document.add_paragraph(_remember(labelled, intro))
    rows: list[tuple[str, Item, str, Item]] = [
        ("姓名 Name", w.name(p), "英文名/拼音", w.latin(p)),
        ("性别", "男" if p.male else "女", "出生日期 DOB", w.dob(p)),
        ("身份证号码", w.rid(p), "护照号码", V("passport", v.passport(r))),
        ("手机", w.phone(p), "邮箱 Email", w.email(p)),
        ("现住址", w.address(), "车牌号", V("licence_plate", v.plate(r))),
        (
            "工资卡号",
            V("bank_card", v.card(r, credit=False)),
            "开户行",
            w.pick("工商银行顺德支行", "农业银行北滘支行"),
        ),
        ("紧急联系人", w.name(kin), "联系电话", w.phone(kin)),
        ("入职日期", v.plain_date(r), "工号", f"FS{r.randint(10000, 99999)}"),
    ]
    r.shuffle(rows)
    table = document.add_table(rows=len(rows), cols=4)
    for i, row in enumerate(rows):
        for j, item in enumerate(row):
            table.cell(i, j).text = _remember(labelled, item)
    note = Doc().add("本人承诺以上信息真实。签名：", w.name(p), "  日期：", v.plain_date(r))
    document.add_paragraph(_remember(labelled, note))
    if w.chance(0.5):
        it = Doc().add("IT 账号已开通，初始密码 ", V("secret", v.password(r)), "，首次登录请修改。")
        document.add_paragraph(_remember(labelled, it))
    document.save(str(path))
    _reproducible(path)
    return _entry(docx_segments(path), labelled)
