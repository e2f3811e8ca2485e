"""Inbound mail: `InboxListener`, the SMTP server (aiosmtpd) that takes mail addressed to
the privacy mailbox, and `parse_inbound`, which turns the raw bytes into an `InboundMail`.

The listener answers 250 only after `on_mail` has returned, and 451 when it raised, so the
sending server keeps the mail and retries: a mail is never lost between the two. Mail that
arrives but cannot be read (`parse_inbound` raises `InvalidInput`) is the caller's to put in
the staff triage queue.

Real mail is labelled loosely: "gb2312" mail often holds GBK characters (镕), "big5" mail
Hong Kong ones, "us-ascii" mail UTF-8. Each label is read as the superset that writers
actually use, so no character turns into U+FFFD that the sender's client could show."""

from __future__ import annotations

import asyncio
import codecs
import logging
import re
import socket
from collections.abc import Callable, Iterator, Sequence
from email import policy
from email.header import decode_header
from email.message import Message, MIMEPart
from email.parser import BytesParser
from email.utils import parseaddr
from html.parser import HTMLParser
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session
from charset_normalizer import from_bytes

from piiguard.domain.errors import InvalidInput
from piiguard.domain.rights.ports import InboundMail

log = logging.getLogger("piiguard.mail")

# --- parsing ------------------------------------------------------------------------------

_LABELS = {"x-gbk": "gbk", "x-gb18030": "gb18030", "x-big5": "big5", "cp-936": "gbk"}
# what a charset label is read as first, and what else it may mean, in order
_SUPERSETS = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "big5": ("big5", "big5hkscs", "cp950"),
    "cp950": ("cp950", "big5hkscs"),
    "ascii": ("utf-8", "cp1252"),
    "iso8859-1": ("cp1252", "iso8859-1"),
}
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_BLANK_LINES = re.compile(r"\n{3,}")
_WHITE = re.compile(r"\s+")


def _codecs_for(label: str | None) -> tuple[str, ...]:
    if not label:
        return ()
    label = _LABELS.get(label.strip().lower(), label.strip().lower())
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ()
    return _SUPERSETS.get(name, (name,))


def decode_bytes(data: bytes, label: str | None) -> str:
    """The text of `data` labelled `label`: the label's codecs, then UTF-8; a known label
    with a damaged byte keeps its codec (one U+FFFD); no label or an unknown one, a guess."""
    names = _codecs_for(label)
    for name in (*names, "utf-8"):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    if names:
        return data.decode(names[0], errors="replace")
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", errors="replace")


def decode_header_value(raw: str) -> str:
    """An RFC 2047 header, each encoded word in its own charset; raw 8-bit (RFC 6532) too."""
    out: list[str] = []
    for chunk, label in decode_header(raw):
        # no encoded word at all: a str, its 8-bit bytes surrogate-escaped by the parser
        data = chunk.encode("ascii", "surrogateescape") if isinstance(chunk, str) else chunk
        out.append(decode_bytes(data, label))
    return " ".join("".join(out).split())


class _TextOfHtml(HTMLParser):
    """Text a reader would see: no script/style, a line break at each block."""

    _BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "tr",
            "table",
            "ul",
            "ol",
            "blockquote",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "pre",
            "hr",
            "section",
            "article",
            "header",
            "footer",
            "title",
            "dt",
            "dd",
        }
    )
    _HIDDEN = frozenset({"script", "style", "head", "template", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:  # in HTML any run of white space, newlines too, is one space
            self.parts.append(_WHITE.sub(" ", data))


def html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts), strip=True)


def _tidy(text: str, *, strip: bool = False) -> str:
    """One kind of line end, no trailing blanks, at most one empty line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() if strip else line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _leaves(part: Message) -> Iterator[Message]:
    """The non-multipart parts in order, skipping attachments and everything inside them."""
    if isinstance(part, MIMEPart) and part.is_attachment():
        return
    if part.is_multipart():
        for sub in part.get_payload():
            if isinstance(sub, Message):
                yield from _leaves(sub)
    else:
        yield part


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)  # undoes base64 / quoted-printable
    if not isinstance(payload, bytes):
        return ""
    return decode_bytes(payload, part.get_content_charset())


def _raw_header(msg: Message, name: str) -> str:
    for key, value in msg.raw_items():  # as received: the decoding is ours (see above)
        if key.lower() == name:
            return str(value)
    return ""


def parse_inbound(raw: bytes, recipients: Sequence[str]) -> InboundMail:
    """Decode a received mail. Raises InvalidInput (field "mail") when it has no From
    address or no readable text: such mail goes to the staff triage queue."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    # the address from the raw header: a decoded display name cannot confuse the parse
    address = parseaddr(_raw_header(msg, "from"))[1].strip().lower()
    if "@" not in address or any(c.isspace() for c in address):
        raise InvalidInput("the mail has no From address", field="mail")
    plain = html = None
    for part in _leaves(msg):
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = part
            break
        if kind == "text/html" and html is None:
            html = part
    if plain is not None:
        text = _tidy(_part_text(plain))
    elif html is not None:
        text = html_to_text(_part_text(html))
    else:
        text = ""
    if not text:
        raise InvalidInput("the mail has no readable text", field="mail")
    subject = decode_header_value(_raw_header(msg, "subject"))
    return InboundMail(
        sender=address,
        recipients=tuple(r.strip().lower() for r in recipients),
        subject=subject,
        text=text,
        message_id=" ".join(_raw_header(msg, "message-id").split()),
        language="zh" if _HAN.search(subject) or _HAN.search(text) else "en",
        automatic=_automatic(msg, address),
    )


def _automatic(msg: Message, sender: str) -> bool:
    """RFC 3834: Auto-Submitted other than "no"; Precedence bulk/junk/list; a bounce from
    the mailer daemon. Answering such mail risks a loop between two robots."""
    auto = _raw_header(msg, "auto-submitted").strip().lower()
    precedence = _raw_header(msg, "precedence").strip().lower()
    local = sender.split("@", 1)[0]
    return (
        (bool(auto) and auto != "no")
        or precedence in ("bulk", "junk", "list")
        or local in ("mailer-daemon", "postmaster")
        or msg.get_content_type() == "multipart/report"
    )


# --- the listener ---------------------------------------------------------------------------


class BoundController(Controller):
    """An aiosmtpd Controller serving a socket bound before start, so that port 0 gives an
    ephemeral port that is known (`port`) before the first connection — and no race
    between finding a free port and binding it."""

    def __init__(self, handler: Any, host: str, port: int, **smtp: Any) -> None:
        family, _, _, _, addr = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        self._sock = socket.create_server(addr, family=family)
        bound_host, bound_port = self._sock.getsockname()[:2]
        # server_hostname: without it aiosmtpd asks DNS for the fully qualified name
        smtp.setdefault("server_hostname", socket.gethostname())
        super().__init__(handler, hostname=bound_host, port=bound_port, **smtp)

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock, ssl=self.ssl_context)

    def start(self) -> None:
        try:
            super().start()
        except BaseException:
            self._sock.close()
            raise


OnMail = Callable[[bytes, tuple[str, ...]], None]


class _InboxHandler:
    def __init__(self, accept: frozenset[str], on_mail: OnMail) -> None:
        self.accept = accept
        self.on_mail = on_mail

    async def handle_RCPT(  # noqa: N802
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if address.strip().lower() not in self.accept:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
    ) -> str:
        raw = envelope.original_content
        if raw is None:
            content = envelope.content
            raw = (
                content.encode("utf-8", "surrogateescape")
                if isinstance(content, str)
                else (content or b"")
            )
        try:
            # in a thread: on_mail writes to the database, the loop serves other senders
            await asyncio.to_thread(self.on_mail, raw, tuple(envelope.rcpt_tos))
        except Exception as exc:
            # the class only: an exception's text may quote the mail
            log.warning(
                "inbound mail not taken (%s); the sender was told to retry", type(exc).__name__
            )
            return "451 4.3.0 try again later"
        return "250 Message accepted"


class InboxListener:
    """The privacy mailbox's SMTP server. `accept`: the addresses it takes mail for (any
    case); others are refused with 550 at RCPT. `on_mail(raw, recipients)` runs for each
    mail before the sender hears 250; if it raises, the sender hears 451 and retries."""

    def __init__(
        self,
        host: str,
        port: int,
        accept: Sequence[str],
        on_mail: OnMail,
        *,
        max_bytes: int = 10_000_000,
    ) -> None:
        self.host = host
        self._port = port
        self.accept = frozenset(a.strip().lower() for a in accept)
        self.on_mail = on_mail
        self.max_bytes = max_bytes
        self._controller: BoundController | None = None

    @property
    def port(self) -> int:
        """The bound port once started (the ephemeral one when asked for port 0)."""
        return self._controller.port if self._controller is not None else self._port

    @property
    def running(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        if self._controller is not None:
            return
        # aiosmtpd logs every sender and recipient address at INFO: keep them out of logs
        # unless an operator has set its level on purpose
        aiosmtpd_log = logging.getLogger("mail.log")
        if aiosmtpd_log.level == logging.NOTSET:
            aiosmtpd_log.setLevel(logging.WARNING)
        controller = BoundController(
            _InboxHandler(self.accept, self.on_mail),
            self.host,
            self._port,
            data_size_limit=self.max_bytes,
        )
        controller.start()
        self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> InboxListener:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
