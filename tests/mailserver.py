r"""A real SMTP server on loopback for tests: `SmtpSink` collects every mail sent to it.

Reuse it wherever a test needs to see what piiguard mailed — the mail adapter's tests, the
end-to-end tests of requests by mail, and the browser test, which reads the verification
code from the mail that arrived:

    with SmtpSink() as sink:
        settings = ...(smtp_host=sink.host, smtp_port=sink.port)
        ... submit a request ...
        mail = sink.wait_for(lambda m: m["To"] == "someone@example.com")
        code = re.search(r"\b\d{6}\b", body_text(mail))

It runs aiosmtpd in a thread on 127.0.0.1 with an ephemeral port (bound before start, so
parallel test workers never collide). `reply` makes it answer DATA with something else,
e.g. "550 5.7.1 refused" to test a refusing server; refused mail is not collected.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from types import TracebackType

from aiosmtpd.smtp import SMTP, Envelope, Session

from piiguard.adapters.mail_inbound import BoundController

ACCEPTED = "250 Message accepted"


def body_text(msg: EmailMessage) -> str:
    """The text/plain body (or else the HTML) of a collected mail, decoded, with "\\n" line
    ends (mail travels with CRLF)."""
    part = msg.get_body(preferencelist=("plain", "html"))
    assert part is not None, "the mail has no text body"
    content = part.get_content()
    assert isinstance(content, str)
    return content.replace("\r\n", "\n")


class _Collector:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(  # noqa: N802
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
    ) -> str:
        if self.sink.reply != ACCEPTED:
            return self.sink.reply
        raw = envelope.original_content or b""
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(msg, EmailMessage)
        with self.sink._cond:
            self.sink.envelopes.append((envelope.mail_from or "", tuple(envelope.rcpt_tos)))
            self.sink.messages.append(msg)
            self.sink._cond.notify_all()
        return ACCEPTED


class SmtpSink:
    """Collects mail in `messages` (parsed, policy.default) and `envelopes` (MAIL FROM,
    RCPT TOs), in arrival order."""

    def __init__(self, *, reply: str = ACCEPTED, host: str = "127.0.0.1") -> None:
        self.reply = reply
        self.host = host
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, tuple[str, ...]]] = []
        self._cond = threading.Condition()
        self._controller: BoundController | None = None

    @property
    def port(self) -> int:
        assert self._controller is not None, "start the sink first"
        return self._controller.port

    def start(self) -> SmtpSink:
        self._controller = BoundController(_Collector(self), self.host, 0)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def __enter__(self) -> SmtpSink:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def wait_for(
        self, predicate: Callable[[EmailMessage], bool] = lambda _m: True, timeout: float = 5.0
    ) -> EmailMessage:
        """The first collected mail that satisfies `predicate`, waiting up to `timeout`
        seconds for it to arrive; AssertionError (with how many did arrive) if none does."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for msg in self.messages:
                    if predicate(msg):
                        return msg
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"no matching mail within {timeout}s ({len(self.messages)} arrived)"
                    )
                self._cond.wait(left)

    def clear(self) -> None:
        with self._cond:
            self.messages.clear()
            self.envelopes.clear()
