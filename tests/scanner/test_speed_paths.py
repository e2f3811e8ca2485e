"""The shortcuts of the third pass on speed (issue 18) give the answers of the work they
skip: a mail without encoded parts or words is not parsed, a CSV column's sample is counted
only until its share is decided, phonenumbers is imported when a number needs it."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess
import sys
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from piiguard.scanner.detectors import fields
from piiguard.scanner.sources import tabular
from piiguard.scanner.sources.mail import ENCODED, may_be_encoded

pytestmark = pytest.mark.req("R2.7")
PROPERTY = settings(max_examples=400, deadline=None, derandomize=True, database=None)


def _needs_decoding(raw: bytes) -> bool:
    """mime_segments' own test, on the parsed message (what the shortcut skips)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    texts = [p for p in message.walk() if p.get_content_maintype() == "text"]
    encoded = any(
        str(p.get("Content-Transfer-Encoding", "")).strip().lower() in ENCODED for p in texts
    )
    return b"=?" in head or encoded


def _mails() -> list[bytes]:
    plain = b"From: a@b.example\nSubject: hi\n\n\xe8\x81\x94\xe7\xb3\xbb\xe4\xba\xba 13812345678\n"
    multi = EmailMessage()
    multi["From"] = "Sarah Duan <s.duan@example.com>"
    multi.set_content("plain text, 7bit")
    multi.add_alternative("<p>html</p>", subtype="html")
    out = [plain, multi.as_bytes()]
    for cte in ("base64", "quoted-printable"):
        m = EmailMessage()
        m["Subject"] = "x"
        m.set_content("联系人王小明", charset="utf-8", cte=cte)
        raw = m.as_bytes()
        out += [raw, raw.replace(cte.encode(), cte.upper().encode())]
    worded = EmailMessage()
    worded["Subject"] = "售后"  # an RFC 2047 word in the header
    worded.set_content("hello", cte="7bit")
    out.append(worded.as_bytes())
    nested = b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n"
    out.append(nested + b"Content-Transfer-Encoding: BASE64\n\n5byg5LyfCg==\n--XX--\n")
    out.append(nested + b"Subject: =?utf-8?b?5byg?=\n\nhi\n--XX--\n")  # a word in a part
    out.append(b"Subject: the base64 of it\n\nnothing encoded, the word only\n")
    return out


def test_a_mail_that_is_not_parsed_would_not_have_been_decoded() -> None:
    decided = [may_be_encoded(raw) for raw in _mails()]
    for raw, maybe in zip(_mails(), decided, strict=True):
        assert maybe or not _needs_decoding(raw), raw
        if _needs_decoding(raw):
            assert maybe
    assert decided[:2] == [False, False]  # plain mail skips the parse
    assert all(decided[2:])


@given(st.lists(st.booleans(), max_size=60), st.sampled_from([0.3, 0.8, 0.5, 0.0, 1.0]))
@PROPERTY
def test_a_share_decided_early_is_the_share_counted(fits: list[bool], share: float) -> None:
    values = [str(i) for i in range(len(fits))]
    answers = dict(zip(values, fits, strict=True))
    expected = sum(answers[v] for v in values) >= share * len(values)
    assert tabular._reaches(values, answers.__getitem__, share) is expected


@given(
    st.text(alphabet=st.sampled_from("张王欧阳伟芳的司徒买·艾力公司 a1"), min_size=1, max_size=6)
)
@PROPERTY
def test_a_short_chinese_name_as_the_column_test_had_it(value: str) -> None:
    expected = bool(fields.zh_name(value, strict=True) == (0, len(value)) and len(value) <= 3)
    assert tabular._short_zh_name(value) is expected


def test_phonenumbers_is_imported_when_a_number_needs_it(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    base = tmp_path_factory.getbasetemp()  # the run's shared databases (tests/conftest.py)
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "hyperscan"
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from piiguard.scanner.detectors import Detector\n"
        f"d = Detector(cache=Path({str(shared)!r}))\n"
        "d.scan('Sarah Duan, sarah@example.com, 192.168.1.20')\n"
        "print('phonenumbers' in sys.modules)\n"
        "d.scan('call 13812345678 or +44 20 7946 0958')\n"
        "print('phonenumbers' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert run.stdout.split() == ["False", "True"]
