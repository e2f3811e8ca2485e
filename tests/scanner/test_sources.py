"""Every file kind and encoding, binary files skipped, big files streamed with exact offsets."""

from __future__ import annotations

import zlib
from pathlib import Path

import docx
import openpyxl
import pytest

from piiguard.scanner.detectors import Detector
from piiguard.scanner.sources.files import scan_file, walk
from piiguard.scanner.sources.model import Located, Skipped
from piiguard.scanner.sources.text import scan_text_file, windows

pytestmark = pytest.mark.req("R2.7")

SAMPLE = "联系人：王小明，手机 13812345678，邮箱 wang.xm@example.com，身份证 11010519491231002X"
EXPECTED = {"person_name", "phone", "email", "resident_id"}


def found(path: Path, detector: Detector) -> list[Located]:
    outcomes = list(scan_file(path, detector))
    assert not [o for o in outcomes if isinstance(o, Skipped)]
    return [o for o in outcomes if isinstance(o, Located)]


@pytest.mark.parametrize(
    ("name", "wrap"),
    [
        ("a.txt", "{}"),
        ("a.log", "2024-06-18 INFO {}"),
        ("a.csv", "id,note\n1,{}\n"),
        ("a.tsv", "id\tnote\n1\t{}\n"),
        ("a.json", '{{"note": "{}"}}'),
        ("a.jsonl", '{{"note": "{}"}}\n{{"n": 2}}\n'),
        ("a.xml", "<r><note>{}</note></r>"),
        ("a.html", "<html><body><p>{}</p></body></html>"),
        ("a.eml", "From: a@b.example\nSubject: hi\n\n{}\n"),
    ],
)
def test_text_kinds_give_line_and_code_point_offsets(
    tmp_path: Path, detector: Detector, name: str, wrap: str
) -> None:
    text = "first line\n" + wrap.format(SAMPLE)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    hits = found(path, detector)
    assert {h.hit.type for h in hits} >= EXPECTED
    for h in hits:
        assert text[h.location["start"] : h.location["end"]] == h.hit.value
        assert h.location["line"] == text.count("\n", 0, h.location["start"]) + 1


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"]
)
def test_encodings_are_detected(tmp_path: Path, detector: Detector, encoding: str) -> None:
    text = "客户资料\n" + SAMPLE + "\n备注：无"
    path = tmp_path / "customers.txt"
    path.write_bytes(text.encode(encoding))
    hits = found(path, detector)
    assert {h.hit.type for h in hits} >= EXPECTED
    for h in hits:
        assert text[h.location["start"] : h.location["end"]] == h.hit.value


def test_binary_file_is_reported_and_skipped(tmp_path: Path, detector: Detector) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(zlib.compress(SAMPLE.encode() * 50) + b"\x00\x01\x02" * 100)
    outcomes = list(scan_file(path, detector))
    assert len(outcomes) == 1
    assert isinstance(outcomes[0], Skipped)


def test_broken_office_file_is_skipped_not_a_crash(tmp_path: Path, detector: Detector) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    (outcome,) = list(scan_file(path, detector))
    assert isinstance(outcome, Skipped)
    assert "damaged" in outcome.reason and "已损坏" in outcome.reason


def test_xlsx_cells_with_header_context(tmp_path: Path, detector: Detector) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "客户"
    sheet.append(["name", "phone", "note"])
    sheet.append(["John Smith", 13812345678, "DOB: 1990-03-05"])
    path = tmp_path / "customers.xlsx"
    book.save(path)
    hits = {(h.hit.type, h.location["cell"]) for h in found(path, detector)}
    assert hits == {("person_name", "A2"), ("phone", "B2"), ("date_of_birth", "C2")}
    assert all(h.location["sheet"] == "客户" for h in found(path, detector))


@pytest.mark.req("R2.7")
def test_xlsx_header_below_a_title_row(tmp_path: Path, detector: Detector) -> None:
    """A workbook's header is the row among the first five that names the most known fields
    (a title and merged group headings above it), as a CSV's is (corpus 3, issue 18)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["会员名单（2024 年度）"])
    sheet.append(["基本信息", None, "证件信息"])
    sheet.append(["会员号", "姓名", "护照号码", "出生日期"])
    sheet.append(["100231", "邝伟明", "E12345678", "1990-05-06"])
    sheet.append(["100232", "Ingrid Solberg", "KX19TD402", "1987-11-23 00:00:00"])
    path = tmp_path / "members.xlsx"
    book.save(path)
    hits = {(h.hit.type, h.location["cell"]) for h in found(path, detector)}
    assert hits == {
        ("person_name", "B4"),
        ("passport", "C4"),
        ("date_of_birth", "D4"),
        ("person_name", "B5"),
        ("passport", "C5"),
        ("date_of_birth", "D5"),
    }


def test_docx_paragraphs_and_tables(tmp_path: Path, detector: Detector) -> None:
    document = docx.Document()
    document.add_paragraph("售后记录")
    document.add_paragraph(SAMPLE)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "email"
    table.cell(1, 0).text = "li.na@example.com"
    path = tmp_path / "ticket.docx"
    document.save(str(path))
    hits = found(path, detector)
    assert {h.hit.type for h in hits if h.location.get("paragraph") == 2} >= EXPECTED
    assert [(h.hit.type, h.location["row"]) for h in hits if "row" in h.location] == [("email", 2)]


def tiny_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, ASCII), written by hand."""
    ops = "BT /F1 11 Tf 50 750 Td 14 TL " + " ".join(f"({s}) '" for s in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out + trailer.encode()


def test_pdf_text_layer_by_page(tmp_path: Path, detector: Detector) -> None:
    path = tmp_path / "invoice.pdf"
    path.write_bytes(
        tiny_pdf(["Invoice 2024-0042", "Contact: j.smith@example.com", "Card 4111 1111 1111 1111"])
    )
    hits = found(path, detector)
    assert {(h.hit.type, h.location["page"]) for h in hits} == {("email", 1), ("credit_card", 1)}


def test_large_file_streams_in_windows_with_exact_offsets(
    tmp_path: Path, detector: Detector
) -> None:
    filler = "日志行 no personal data here, 设备运行正常。\n"
    parts, expected = [], []
    position = 0
    for i in range(400):
        block = filler * 7
        email = f"user{i}@example.com"
        parts.append(block + "mail " + email + "\n")
        expected.append((position + len(block) + 5, email))
        position += len(parts[-1])
    text = "".join(parts)
    path = tmp_path / "big.log"
    path.write_text(text, encoding="utf-8")
    assert len(list(windows(path, "utf-8", chunk_bytes=10_000))) > 5  # read in pieces
    hits = [
        (h.start, h.value)
        for h, _line in scan_text_file(path, "utf-8", detector, chunk_bytes=10_000)
        if h.type == "email"
    ]
    assert hits == expected


def test_walk_recurses_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in walk([tmp_path])] == ["1.txt", "b/2.txt"]


def encoded_mail() -> tuple[bytes, str, str]:
    """A Chinese mail as clients send it: subject in an RFC 2047 word, the body in base64
    (GB2312), an English part in quoted-printable, a PDF attachment that is not read."""
    from email.message import EmailMessage  # noqa: PLC0415

    msg = EmailMessage()
    msg["From"] = "=?utf-8?b?546L5bCP5piO?= <sales@example.cn>"
    msg["To"] = "service@example.cn"
    msg["Subject"] = "售后：联系人王小明 13812345678"
    body = f"您好，\n{SAMPLE}\n谢谢"
    msg.set_content(body, charset="gb2312", cte="base64")
    english = "Dear Ms Lin,\nplease call +86 138 1234 5678 or write to lin.qian@example.com\n"
    msg.add_alternative(english, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_attachment(
        b"%PDF-1.4 13899998888", maintype="application", subtype="pdf", filename="po.pdf"
    )
    return msg.as_bytes(), body, english


def test_mail_with_encoded_parts_is_scanned_decoded(tmp_path: Path, detector: Detector) -> None:
    raw, body, english = encoded_mail()
    assert b"13812345678" not in raw.split(b"\n\n", 1)[1]  # nothing readable as stored
    path = tmp_path / "ticket.eml"
    path.write_bytes(raw)
    hits = found(path, detector)
    parts = {h.location["mime_part"] for h in hits}
    assert parts >= {0, 1, 2}
    headers = [h for h in hits if h.location["mime_part"] == 0]
    assert "phone" in {h.hit.type for h in headers}  # from the decoded Subject
    in_body = [h for h in hits if h.location["mime_part"] == 1]
    assert {h.hit.type for h in in_body} >= EXPECTED
    for h in in_body:  # offsets into the decoded part, lines counted there
        assert body[h.location["start"] : h.location["end"]] == h.hit.value
        assert h.location["line"] == body.count("\n", 0, h.location["start"]) + 1 == 2
    in_english = [h for h in hits if h.location["mime_part"] == 2]
    assert {"phone", "email"} <= {h.hit.type for h in in_english}
    for h in in_english:
        assert english[h.location["start"] : h.location["end"]] == h.hit.value
    assert all(h.hit.value != "13899998888" for h in hits)  # the attachment is not read


def test_plain_mail_keeps_offsets_into_the_file(tmp_path: Path, detector: Detector) -> None:
    text = f"From: a@b.example\nSubject: hi\n\n{SAMPLE}\n"
    path = tmp_path / "plain.eml"
    path.write_text(text, encoding="utf-8")
    for h in found(path, detector):
        assert "mime_part" not in h.location
        assert text[h.location["start"] : h.location["end"]] == h.hit.value
