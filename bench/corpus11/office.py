"""Office files written as a plain zip of XML (inline strings, no styles: what many ERP and
HR systems export), labelled in the text the scorecard reads: each cell or paragraph as a
segment, one after another."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from bench.corpus11.doc import Doc
from bench.corpus11.fields import FIELDS, OPTIONAL, header, value
from bench.corpus11.forms import form_rows
from bench.corpus11.values import Values
from piiguard.scanner.scorecard import segment_key

Labelled = tuple[bytes, list[list[object]], dict[str, int]]
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_SHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OFFICE = "application/vnd.openxmlformats-officedocument."


def _types(overrides: dict[str, str]) -> str:
    """[Content_Types].xml: the defaults and each part's type."""
    rels = "application/vnd.openxmlformats-package.relationships+xml"
    parts = "".join(
        f'<Override PartName="{name}" ContentType="{_OFFICE}{kind}+xml"/>'
        for name, kind in overrides.items()
    )
    return (
        f'<Types xmlns="{_CT}"><Default Extension="rels" ContentType="{rels}"/>'
        f'<Default Extension="xml" ContentType="application/xml"/>{parts}</Types>'
    )


def _rels(kind: str, target: str) -> str:
    return (
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/{kind}" '
        f'Target="{target}"/></Relationships>'
    )


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, _XML + text)
    return out.getvalue()


def _laid(
    segments: list[tuple[dict[str, object], Doc]],
) -> tuple[list[list[object]], dict[str, int]]:
    """Spans and segment offsets in the virtual text: each segment's text and a newline."""
    spans: list[list[object]] = []
    offsets: dict[str, int] = {}
    at = 0
    for loc, doc in segments:
        offsets[segment_key(loc)] = at
        spans.extend([k, s + at, e + at] for k, s, e in doc.spans)  # type: ignore[operator]
        at += len(doc.text()) + 1
    return spans, offsets


def _col(n: int) -> str:
    name = ""
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def xlsx(sheet: str, rows: list[list[Doc | None]]) -> Labelled:
    segments, xml_rows = [], []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, doc in enumerate(row, start=1):
            if doc is None or not doc.text():
                continue
            ref = f"{_col(c)}{r}"
            segments.append(({"sheet": sheet, "cell": ref}, doc))
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(doc.text())}</t></is></c>')
        xml_rows.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet_xml = (
        f'<worksheet xmlns="{_SHEET}"><sheetData>{"".join(xml_rows)}</sheetData></worksheet>'
    )
    book = (
        f'<workbook xmlns="{_SHEET}" xmlns:r="{_REL}"><sheets>'
        f'<sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    parts = {
        "/xl/workbook.xml": "spreadsheetml.sheet.main",
        "/xl/worksheets/sheet1.xml": "spreadsheetml.worksheet",
    }
    data = _zip(
        {
            "[Content_Types].xml": _types(parts),
            "_rels/.rels": _rels("officeDocument", "xl/workbook.xml"),
            "xl/workbook.xml": book,
            "xl/_rels/workbook.xml.rels": _rels("worksheet", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml": sheet_xml,
        }
    )
    return data, *_laid(segments)


def _para(doc: Doc) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(doc.text())}</w:t></w:r></w:p>'


def docx(paragraphs: list[Doc], tables: list[list[list[Doc]]]) -> Labelled:
    """Paragraphs, then tables (as the reader yields them: paragraphs first)."""
    segments: list[tuple[dict[str, object], Doc]] = []
    for p, doc in enumerate(paragraphs, start=1):
        if doc.text():
            segments.append(({"paragraph": p}, doc))
    body = [_para(d) for d in paragraphs]
    for t, table in enumerate(tables, start=1):
        rows = []
        for r, row in enumerate(table, start=1):
            cells = []
            for c, doc in enumerate(row, start=1):
                if doc.text():
                    segments.append(({"table": t, "row": r, "column": c}, doc))
                cells.append(f"<w:tc>{_para(doc)}</w:tc>")
            rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
        body.append(f"<w:tbl>{''.join(rows)}</w:tbl>")
    document = f'<w:document xmlns:w="{_WORD}"><w:body>{"".join(body)}</w:body></w:document>'
    data = _zip(
        {
            "[Content_Types].xml": _types({"/word/document.xml": "wordprocessingml.document.main"}),
            "_rels/.rels": _rels("officeDocument", "word/document.xml"),
            "word/document.xml": document,
        }
    )
    return data, *_laid(segments)


def _one(kind: str | None, text: str) -> Doc:
    return Doc().v(kind, text) if kind else Doc().t(text)


def hr_docx(v: Values, i: int) -> tuple[str, bytes, list[list[object]], dict[str, int]]:
    """An onboarding form: a title, a two-by-two label table or label lines, a signature."""
    rows = form_rows(v)
    title = Doc().t(v.pick(["员工入职登记表", "Employee Onboarding Form 入职登记"]))
    sign = Doc().t("员工签名 Signature：").v("person_name", rows[0][2])
    if i % 2:
        lines = [Doc().t(f"{label}：").doc(_one(kind, val)) for label, kind, val in rows]
        data, spans, segs = docx([title, Doc(), *lines, Doc(), sign], [])
    else:
        table = []
        for n in range(0, len(rows), 2):
            row: list[Doc] = []
            for label, kind, val in rows[n : n + 2]:
                row += [Doc().t(label), _one(kind, val)]
            table.append(row + [Doc() for _ in range(4 - len(row))])
        data, spans, segs = docx([title, Doc().t("人力资源部 HR Dept."), sign], [table])
    return f"hr_form/入职登记_{i:04d}.docx", data, spans, segs


def crm_xlsx(v: Values, i: int) -> tuple[str, bytes, list[list[object]], dict[str, int]]:
    """A customer sheet, a title row above the header now and then."""
    keys = ["name", *v.r.sample(OPTIONAL, v.r.randint(3, 7))]
    style = v.pick(["zh", "en", "mixed", "short"])
    rows: list[list[Doc | None]] = []
    if i % 2:
        rows.append([Doc().t(f"华康售后 客户清单 {v.date()[:7]}"), None])
    rows.append([Doc().t(header(v, k, style)) for k in keys])
    rows.extend(
        [_one(*value(v, k)) if FIELDS[k].kind or v.r.random() < 0.9 else None for k in keys]
        for _ in range(v.r.randint(5, 25))
    )
    data, spans, segs = xlsx(v.pick(["客户", "Sheet1", "导出"]), rows)
    return f"crm_csv/客户清单_{i:04d}.xlsx", data, spans, segs
