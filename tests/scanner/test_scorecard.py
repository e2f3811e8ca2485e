"""The scorer: a labelled folder scanned by a real `piiguard scan --format jsonl` process gives
the scores its labels say, per type and per file kind."""

from __future__ import annotations

import base64
import json
from email.header import Header
from pathlib import Path

import pytest

from piiguard.scanner.corpus import Span
from piiguard.scanner.scorecard import (
    found_spans,
    load,
    mail_parts,
    markdown,
    run_scan,
    scorecard,
    segment_key,
)
from piiguard.scanner.taxonomy import TYPES

pytestmark = pytest.mark.req("R2.7")

# values every version of the detectors finds: a valid resident ID, e-mail addresses
NOTE = (
    "客户备注\n身份证号：11010519491231002X\n邮箱：zhang.wei@example.com\n"
    "抄送 ops@example.org\n"  # found but not labelled: a false alarm by the labels
    "产品型号 LY-220，数量 12\n"
)
LOG = "ok build finished in 12 s\nnothing else here\n"


def _folder(root: Path, labels: dict[str, object]) -> Path:
    (root / "files" / "notes").mkdir(parents=True)
    (root / "files" / "notes" / "note.txt").write_text(NOTE, encoding="utf-8")
    (root / "files" / "app.log").write_text(LOG, encoding="utf-8")
    (root / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), encoding="utf-8")
    return root


@pytest.mark.slow
def test_a_folder_with_known_labels_gets_known_scores(tmp_path: Path) -> None:
    start = NOTE.index("1101")
    root = _folder(
        tmp_path,
        {
            # offsets, as a generator writes them; and text, as a person writes them
            "notes/note.txt": {
                "kind": "note",
                "spans": [
                    ["resident_id", start, start + 18],
                    ["email", "zhang.wei@example.com"],
                    ["lookalike", "LY-220"],
                ],
            },
            "app.log": {"kind": "log", "spans": [["phone", "12 s"]]},  # a miss on purpose
        },
    )
    labelled = load(root)
    run = run_scan(labelled.folder)
    assert run.exit_code == 1
    card = scorecard(labelled, run.findings)
    rid, email, phone = card.by_type["resident_id"], card.by_type["email"], card.by_type["phone"]
    assert (rid.tp, rid.fp, rid.fn) == (1, 0, 0)
    assert (email.tp, email.fp, email.fn) == (1, 1, 0)  # ops@example.org is not labelled
    assert (phone.tp, phone.fp, phone.fn) == (0, 0, 1)
    overall = card.by_type["overall"]
    assert (overall.tp, overall.fp, overall.fn) == (2, 1, 1)
    assert round(overall.precision, 3) == 0.667 and round(overall.recall, 3) == 0.667
    assert card.lookalikes == (0, 1)
    assert (card.by_kind["note"].tp, card.by_kind["note"].fp) == (2, 1)
    assert (card.by_kind["log"].tp, card.by_kind["log"].fn) == (0, 1)
    table = markdown({"hand": card})
    assert "| resident_id | 1.000 / 1.000 / 1.000 (1) |" in table
    assert "| log | 0.000 | 0.000 | 0.000 | - |" in table


def test_findings_match_labels_by_overlap_or_exactly(tmp_path: Path) -> None:
    root = _folder(
        tmp_path,
        {
            "notes/note.txt": {"kind": "note", "spans": [["email", "zhang.wei@example.com"]]},
            "app.log": {"kind": "log", "spans": [["lookalike", "12 s"]]},
        },
    )
    labelled = load(root)
    at = NOTE.index("zhang")
    source = str(labelled.folder / "notes" / "note.txt")
    log = str(labelled.folder / "app.log")
    twelve = LOG.index("12")
    findings = [
        {"source": source, "type": "email", "location": {"start": at + 6, "end": at + 21}},
        {"source": log, "type": "phone", "location": {"start": twelve, "end": twelve + 2}},
        {"source": source, "type": "email", "location": {"sheet": "x", "cell": "A1"}},
    ]
    overlap = scorecard(labelled, findings)
    assert (overlap.by_type["email"].tp, overlap.by_type["email"].fp) == (1, 0)
    assert overlap.lookalikes == (1, 1) and overlap.lookalikes_by_kind["log"] == (1, 1)
    assert overlap.unplaced == 1
    exact = scorecard(labelled, findings, exact=True)
    assert (exact.by_type["email"].tp, exact.by_type["email"].fp, exact.by_type["email"].fn) == (
        0,
        1,
        1,
    )


def test_a_text_label_stands_for_every_occurrence_and_must_be_there(tmp_path: Path) -> None:
    root = _folder(
        tmp_path,
        {
            "notes/note.txt": {"kind": "note", "spans": [["email", "example"]]},
            "app.log": {"kind": "log", "spans": []},
        },
    )
    spans = load(root).spans["notes/note.txt"]
    assert [s.type for s in spans] == ["email", "email"]
    assert all(NOTE[s.start : s.end] == "example" for s in spans)
    (root / "labels.json").write_text(
        json.dumps({"app.log": {"kind": "log", "spans": [["phone", "13812345678"]]}})
    )
    with pytest.raises(ValueError, match="not in the file"):
        load(root)


HANDSET = Path(__file__).parent / "handset"


def test_the_hand_written_set_is_labelled_file_by_file() -> None:
    labelled = load(HANDSET)  # raises if a label is not in its file
    on_disk = {
        p.relative_to(labelled.folder).as_posix() for p in labelled.folder.rglob("*") if p.is_file()
    }
    assert on_disk == set(labelled.spans)
    assert 20 <= len(on_disk) <= 40
    types = {s.type for spans in labelled.spans.values() for s in spans}
    assert types <= {*TYPES, "bank_account", "lookalike"}
    assert all(labelled.spans.values())


def test_office_findings_are_moved_to_their_segment_or_left_unplaced(tmp_path: Path) -> None:
    """A workbook's findings carry offsets inside their cell: with `segments` in the labels
    they land in the labels' text where that cell starts; a cell the labels do not know is
    unplaced, never matched by chance."""
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "book.xlsx").write_bytes(b"not read by the scorer")
    cell = {"sheet": "客户", "cell": "B2"}
    labels = {
        "book.xlsx": {
            "kind": "crm",
            "segments": {segment_key(cell): 10, segment_key({"paragraph": 1}): 0},
            "spans": [["phone", 10, 21], ["person_name", 0, 2]],
        }
    }
    (tmp_path / "labels.json").write_text(json.dumps(labels, ensure_ascii=False), "utf-8")
    labelled = load(tmp_path)
    source = str(tmp_path / "files" / "book.xlsx")
    findings = [
        {"source": source, "type": "phone", "location": {**cell, "start": 0, "end": 11}},
        {
            "source": source,
            "type": "phone",
            "location": {"sheet": "客户", "cell": "Z9", "start": 0, "end": 11},
        },
    ]
    found, unplaced = found_spans(labelled, findings)
    assert found["book.xlsx"] == [Span("phone", 10, 21)]
    assert unplaced == 1
    card = scorecard(labelled, findings)
    assert (card.by_type["phone"].tp, card.by_type["person_name"].fn) == (1, 1)


def test_findings_in_decoded_mail_parts_are_placed_by_their_segments(tmp_path: Path) -> None:
    """A message sent base64 with an encoded-word sender is labelled in its decoded parts one
    after another (mail_parts): the scan's findings there match those labels; without
    segments they stay unplaced, as before."""
    body = "王工，您好：\n新客户 13912345678，明天送货。\n"
    message = (
        f"From: {Header('卫阳', 'utf-8').encode()} <wei.yang@example.com>\n"
        "To: <ops@example.org>\nSubject: test\nMIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
        + base64.encodebytes(body.encode()).decode()
    )
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "m.eml").write_text(message, encoding="ascii")
    parts = mail_parts(message.encode("ascii"))
    assert parts is not None
    text, segments = parts
    assert text.endswith(body)
    phone = text.index("13912345678")
    sender = text.index("wei.yang@example.com")
    labels = {
        "m.eml": {
            "kind": "mail",
            "segments": segments,
            "spans": [["phone", phone, phone + 11], ["email", sender, sender + 20]],
        }
    }
    (tmp_path / "labels.json").write_text(json.dumps(labels), "utf-8")
    findings = run_scan(tmp_path / "files").findings
    assert {f["location"].get("mime_part") for f in findings} == {0, 1}
    card = scorecard(load(tmp_path), findings)
    assert (card.by_type["phone"].tp, card.by_type["email"].tp, card.unplaced) == (1, 1, 0)
    del labels["m.eml"]["segments"]
    (tmp_path / "labels.json").write_text(json.dumps(labels), "utf-8")
    card = scorecard(load(tmp_path), findings)
    assert card.unplaced == len(findings) and card.by_type["phone"].tp == 0
