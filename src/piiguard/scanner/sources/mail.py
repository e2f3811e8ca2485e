"""Mail (.eml) whose text is stored encoded: decode before scanning.

Chinese mail is nearly always sent with its body in base64 or quoted-printable (GB2312,
GBK or UTF-8 inside), and headers such as Subject and From in RFC 2047 encoded words: a
scan of the stored bytes sees none of the personal data in them. When a message holds
such a part, it is read with the standard library's `email` parser and scanned as
segments — part 0 is the header block with its values decoded, then each text part in
the message's order, decoded with its charset. A finding's location is then
`{"mime_part", "line", "start", "end"}`: 1-based line and code-point offsets into that
decoded part. Messages with nothing encoded are scanned as plain text files (offsets into
the file). Attachments other than text are not opened (docs/scanner.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the email package is imported only for a message that may need it
    from email.message import EmailMessage, Message

ENCODED = frozenset({"base64", "quoted-printable"})
# Bytes without which no part can be encoded and no header holds an encoded word: a message
# that has none of them is scanned as it is without being parsed (the parse, with the
# default policy's header objects, cost more than scanning the message; issue 18).
_MARKERS = (b"=?", b"base64", b"quoted-printable")


def may_be_encoded(raw: bytes) -> bool:
    """False only where mime_segments would say None: no encoded word (`=?`) and no
    transfer encoding of base64 or quoted-printable (in any case) anywhere in the message."""
    lowered = raw.lower()
    return any(marker in lowered for marker in _MARKERS)


def _encoded(part: Message) -> bool:
    return str(part.get("Content-Transfer-Encoding", "")).strip().lower() in ENCODED


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    if charset.lower() in ("gb2312", "gbk"):
        charset = "gb18030"  # a superset: mail labelled GB2312 often holds GBK characters
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return payload.decode("utf-8", errors="replace")


# Headers that list people: the policy's address parser drops what RFC 5322 does not allow,
# and Outlook parts recipients with ";" (`To: "Tan Wei Ming" <…>; Chen Jia <…>` came out
# as Tan Wei Ming's alone). Where it dropped an address, the value as written is read, its
# encoded words decoded; elsewhere the policy's, as before.
_ADDRESS_HEADERS = frozenset(["from", "to", "cc", "bcc", "reply-to", "sender"])


def _as_written(raw: str) -> str | None:
    """A header's raw value unfolded, its RFC 2047 words and 8-bit bytes decoded (None: not
    decodable)."""
    from email.header import decode_header, make_header  # noqa: PLC0415 - see segments_of

    try:
        raw = raw.encode("utf-8", "surrogateescape").decode("utf-8")
        return str(make_header(decode_header(raw)))
    except (ValueError, LookupError, UnicodeError):
        return None


def _headers(message: EmailMessage) -> str:
    lines = []
    for (name, value), (_, raw) in zip(message.items(), message.raw_items(), strict=True):
        try:
            text = str(value)  # the policy decodes RFC 2047 words
        except (ValueError, LookupError):
            text = str(message.get(name, failobj=""))
        if name.lower() in _ADDRESS_HEADERS and raw.count("@") > text.count("@"):
            text = _as_written(raw) or text
        lines.append(f"{name}: {text}")
    return "\n".join(lines)


def mime_segments(path: Path) -> Iterator[tuple[int, str]] | None:
    """(part number, decoded text) for a message with encoded text or encoded header
    words, else None (scan the file as it is)."""
    with path.open("rb") as stream:
        return segments_of(stream.read())


def segments_of(raw: bytes) -> Iterator[tuple[int, str]] | None:
    """mime_segments of a message's bytes."""
    if not may_be_encoded(raw):
        return None
    import email  # noqa: PLC0415 - slow to import; most messages never need it
    import email.policy  # noqa: PLC0415

    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    texts = [p for p in message.walk() if p.get_content_maintype() == "text"]
    if b"=?" not in head and not any(_encoded(p) for p in texts):
        return None

    def segments() -> Iterator[tuple[int, str]]:
        yield 0, _headers(message)
        for n, part in enumerate(texts, start=1):
            yield n, _text_of(part)

    return segments()
