"""How a report carries its signature (R10.2): embedded, as the file's last line.

The report's bytes (everything before that line) are hashed with SHA-256; the signature
line holds the hash, the signing key's id, when and which report, and an Ed25519 signature
over `MAGIC + canonical JSON of those fields`. The line is a comment in both formats — after
`</html>` in the HTML (`<!-- … -->`), after `%%EOF` in the PDF (`%…`) — so the file opens as
usual and the one file is all an auditor keeps. Changing any byte of the report changes its
hash; changing the line breaks the signature."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

MAGIC = b"piiguard-evidence-report/1\n"
_LINE = re.compile(rb"^(<!-- |%)piiguard-evidence-signature (\{[^\n]*\})( -->)?\n\Z")
_HEX = re.compile(r"[0-9a-f]{128}")
_ORDER = ("report_id", "format", "sha256", "key_id", "signed_at", "signature")


@dataclass(frozen=True, slots=True)
class Signed:
    """What the signature line says."""

    report_id: str
    format: str  # html or pdf
    sha256: str  # of the report's bytes before the line
    key_id: str
    signed_at: str  # ISO 8601, UTC
    signature: str  # hex

    def message(self) -> bytes:
        fields = {
            "alg": "Ed25519",
            "format": self.format,
            "key_id": self.key_id,
            "report_id": self.report_id,
            "sha256": self.sha256,
            "signed_at": self.signed_at,
        }
        return MAGIC + json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def seal(
    content: bytes,
    fmt: str,
    report_id: str,
    at: datetime,
    key_id: str,
    sign: Callable[[bytes], str],
) -> tuple[bytes, Signed]:
    """The report with its signature line appended."""
    if not content.endswith(b"\n"):
        content += b"\n"
    unsigned = Signed(report_id, fmt, sha256(content), key_id, at.isoformat(), "")
    s = replace(unsigned, signature=sign(unsigned.message()))
    return content + _line(s), s


def _line(s: Signed) -> bytes:
    """The signature line exactly as piiguard writes it (a verifier rebuilds it and compares:
    a line rewritten in any way — spacing, case, order — is not this signature)."""
    fields = json.dumps(
        {"alg": "Ed25519"} | {f: getattr(s, f) for f in _ORDER},
        sort_keys=True,
        separators=(",", ":"),
    ).encode()
    wrap = (b"<!-- ", b" -->") if s.format == "html" else (b"%", b"")
    return wrap[0] + b"piiguard-evidence-signature " + fields + wrap[1] + b"\n"


class Unsigned(ValueError):
    """The file carries no signature line piiguard can read; `code` says which way (a
    page in another language words it by the code)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def split(data: bytes) -> tuple[bytes, Signed]:
    """(the report's bytes, what its signature line says); Unsigned if there is none."""
    cut = data.rfind(b"\n", 0, len(data) - 1) + 1
    m = _LINE.match(data[cut:])
    if cut == 0 or m is None:
        raise Unsigned("no piiguard evidence signature at the end of the file", "unsigned")
    try:
        d = json.loads(m.group(2))
        s = Signed(*(str(d[f]) for f in _ORDER))
    except (ValueError, KeyError, TypeError) as exc:
        raise Unsigned("the signature line is not readable", "unreadable") from exc
    if d.get("alg") != "Ed25519":
        raise Unsigned("the signature line names an algorithm other than Ed25519", "algorithm")
    if _HEX.fullmatch(s.signature) is None:  # hex in another case would decode alike
        raise Unsigned("the signature is not 128 lowercase hexadecimal digits", "malformed")
    if _line(s) != data[cut:]:
        raise Unsigned("the signature line was changed after it was written", "line_changed")
    return data[:cut], s


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    problem: str  # "" when ok
    signed: Signed | None
    code: str = ""  # the problem's code: unsigned, unreadable, algorithm, malformed,
    # line_changed, changed, other_key, bad_signature


def check(data: bytes, key_id: str, verify: Callable[[bytes, str], bool]) -> Verdict:
    """Whether `data` is a report signed with the key `key_id`, unchanged since."""
    try:
        content, s = split(data)
    except Unsigned as exc:
        return Verdict(False, str(exc), None, exc.code)
    if sha256(content) != s.sha256:
        return Verdict(
            False, "the report was changed after it was signed (its hash differs)", s, "changed"
        )
    if s.key_id != key_id:
        return Verdict(
            False,
            f"signed with key {s.key_id}, not this installation's key {key_id}",
            s,
            "other_key",
        )
    if not verify(s.message(), s.signature):
        return Verdict(
            False, "the signature does not verify with this installation's key", s, "bad_signature"
        )
    return Verdict(True, "", s)
