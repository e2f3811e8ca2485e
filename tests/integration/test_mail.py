"""The mail adapters over real SMTP on loopback (no mocks): SmtpMailer hands mail to an
aiosmtpd server that collects it (tests/mailserver.py); InboxListener takes mail that
smtplib sends it, and parse_inbound decodes what arrived in the charsets and transfer
encodings mail really uses (R9.1: requests by email)."""

from __future__ import annotations

import base64
import quopri
import smtplib
import socket
import threading
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.utils import formataddr

import pytest

from piiguard.adapters.mail import MemoryMailer, SmtpMailer, build_message
from piiguard.adapters.mail_inbound import InboxListener, parse_inbound
from piiguard.domain.errors import InvalidInput, MailError
from piiguard.domain.rights.ports import OutgoingMail
from tests.mailserver import SmtpSink, body_text

pytestmark = pytest.mark.req("R9.1")

SENDER = "Privacy Office <privacy@piiguard.example>"
PRIVACY = "privacy@piiguard.example"
PERSON = "li.wei@example.cn"


# --- outbound -----------------------------------------------------------------------------


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    with SmtpSink() as s:
        yield s


def test_smtp_mailer_delivers_text_html_and_headers_decoded(sink: SmtpSink) -> None:
    mailer = SmtpMailer(sink.host, sink.port, SENDER)
    mailer.send(
        OutgoingMail(
            to=PERSON,
            subject="您的请求已收到 — request received",
            text="您好，\n您的验证码是 493817。\nYour code is 493817.\n",
            html="<p>您好，您的验证码是 <b>493817</b>。</p>",
            headers={"X-Piiguard-Request": "req-42"},
        )
    )
    msg = sink.wait_for()
    assert msg["Subject"] == "您的请求已收到 — request received"
    assert msg["To"] == PERSON
    assert msg["From"].addresses[0].addr_spec == PRIVACY
    assert msg["From"].addresses[0].display_name == "Privacy Office"
    assert msg["X-Piiguard-Request"] == "req-42"
    assert msg["Message-ID"].endswith("@piiguard.example>")
    assert msg["Date"]
    assert msg.get_content_type() == "multipart/alternative"
    assert "您的验证码是 493817。" in body_text(msg)
    html = msg.get_body(preferencelist=("html",))
    assert html is not None
    assert "<b>493817</b>" in html.get_content()
    assert sink.envelopes == [(PRIVACY, (PERSON,))]
    # headers and body travel encoded (RFC 2047, base64 / QP), not as raw 8-bit
    assert all(b < 0x80 for b in msg.as_bytes())


def test_smtp_mailer_text_only_is_a_single_utf8_part(sink: SmtpSink) -> None:
    SmtpMailer(sink.host, sink.port, PRIVACY).send(
        OutgoingMail(to=PERSON, subject="Receipt", text="Nothing but text.")
    )
    msg = sink.wait_for()
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content_charset() == "utf-8"
    assert body_text(msg) == "Nothing but text.\n"


def test_a_refusing_server_raises_mail_error_without_personal_data() -> None:
    with SmtpSink(reply="550 5.7.1 Relaying denied for li.wei@example.cn") as refusing:
        mailer = SmtpMailer(refusing.host, refusing.port, SENDER)
        with pytest.raises(MailError) as caught:
            mailer.send(OutgoingMail(to=PERSON, subject="Secret subject", text="Body text"))
    err = caught.value
    assert err.reply_code == 550
    assert not err.transient
    assert "550" in err.message
    assert "PIIGUARD_SMTP_HOST" in err.message
    for personal in (PERSON, "li.wei", "Secret subject", "Body text", PRIVACY):
        assert personal not in str(err)
    assert err.__cause__ is None and err.__suppress_context__


def test_a_busy_server_is_transient() -> None:
    with SmtpSink(reply="451 4.3.0 try later") as busy, pytest.raises(MailError) as caught:
        SmtpMailer(busy.host, busy.port, SENDER).send(
            OutgoingMail(to=PERSON, subject="s", text="t")
        )
    assert caught.value.reply_code == 451
    assert caught.value.transient


def test_a_closed_port_raises_mail_error() -> None:
    # bound, never listening: nothing else can take the port while the test runs
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        with pytest.raises(MailError) as caught:
            SmtpMailer("127.0.0.1", port, SENDER, timeout=2.0).send(
                OutgoingMail(to=PERSON, subject="s", text="t")
            )
    err = caught.value
    assert err.reply_code is None
    assert err.transient
    assert "ConnectionRefusedError" in err.message
    assert PERSON not in str(err)


def test_headers_cannot_inject_or_replace_the_mailers_own() -> None:
    with pytest.raises(ValueError, match="linefeed"):
        build_message(
            OutgoingMail(
                to=PERSON, subject="s", text="t", headers={"X-Ref": "a\r\nBcc: evil@example.com"}
            ),
            SENDER,
        )
    with pytest.raises(ValueError, match="set by the mailer"):
        build_message(
            OutgoingMail(to=PERSON, subject="s", text="t", headers={"bcc": "evil@example.com"}),
            SENDER,
        )


def test_memory_mailer_keeps_what_was_sent_or_fails_as_told() -> None:
    mailer = MemoryMailer()
    mail = OutgoingMail(to=PERSON, subject="s", text="t")
    mailer.send(mail)
    assert mailer.sent == [mail]
    mailer.fail_with = MailError("refused", reply_code=554)
    with pytest.raises(MailError):
        mailer.send(mail)
    assert mailer.sent == [mail]


# --- inbound: the listener ------------------------------------------------------------------


class Inbox:
    def __init__(self) -> None:
        self.received: list[tuple[bytes, tuple[str, ...]]] = []
        self.fail = False
        self.lock = threading.Lock()

    def __call__(self, raw: bytes, recipients: tuple[str, ...]) -> None:
        if self.fail:
            raise RuntimeError("database down")
        with self.lock:
            self.received.append((raw, recipients))


@pytest.fixture
def inbox() -> Iterator[tuple[InboxListener, Inbox]]:
    got = Inbox()
    listener = InboxListener("127.0.0.1", 0, [PRIVACY.upper()], got, max_bytes=200_000)
    with listener:
        yield listener, got


def send_raw(listener: InboxListener, raw: bytes, to: str = PRIVACY) -> None:
    with smtplib.SMTP("127.0.0.1", listener.port, timeout=5) as smtp:
        smtp.sendmail(PERSON, [to], raw)


def crlf(*lines: str | bytes) -> bytes:
    return b"".join((ln.encode("ascii") if isinstance(ln, str) else ln) + b"\r\n" for ln in lines)


def encoded_word(text: str, charset: str) -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(charset)).decode()}?="


def single_part(subject: str, body: bytes, content_type: str, cte: str) -> bytes:
    return (
        crlf(
            # an encoded display name and a mixed-case address: the sender comes out lower-case
            f"From: {formataddr(('李伟', 'Li.Wei@Example.CN'), charset='utf-8')}",
            f"To: {PRIVACY}",
            f"Subject: {subject}",
            "Message-ID: <abc.123@example.cn>",
            "MIME-Version: 1.0",
            f"Content-Type: {content_type}",
            f"Content-Transfer-Encoding: {cte}",
            "",
        )
        + body
        + b"\r\n"
    )


def b64_lines(data: bytes) -> bytes:
    return base64.encodebytes(data).replace(b"\n", b"\r\n").rstrip(b"\r\n")


def test_listener_binds_an_ephemeral_port_and_hands_over_the_raw_mail(
    inbox: tuple[InboxListener, Inbox],
) -> None:
    listener, got = inbox
    assert listener.running
    assert listener.port > 0
    raw = single_part("Access request", b"Please send me my data.", "text/plain", "7bit")
    send_raw(listener, raw, to="Privacy@PIIGUARD.example")  # addresses match in any case
    assert got.received == [(raw, ("Privacy@PIIGUARD.example",))]
    mail = parse_inbound(*got.received[0])
    assert mail.sender == PERSON
    assert mail.recipients == (PRIVACY,)
    assert mail.subject == "Access request"
    assert mail.text == "Please send me my data."
    assert mail.message_id == "<abc.123@example.cn>"
    assert mail.language == "en"


@pytest.mark.parametrize(
    ("charset", "subject", "body"),
    [
        (
            "gb18030",
            "删除我的个人信息",
            "请删除我的全部数据。\r\n谢谢！𠀀",
        ),  # 𠀀: only GB18030 has it
        # labelled gb2312 but written in GBK, as common mail clients do: 镕 is not in GB2312
        ("gb2312", "查询个人信息", "我是朱镕基的同事，请告诉我你们保存了什么。"),
        ("gbk", "更正地址", "新地址：上海市徐汇区。"),
        ("big5", "請刪除我的資料", "請刪除我的個人資料，謝謝。"),
    ],
)
def test_base64_chinese_in_any_charset_with_an_rfc2047_subject(
    inbox: tuple[InboxListener, Inbox], charset: str, subject: str, body: str
) -> None:
    listener, got = inbox
    encoding = "gbk" if charset == "gb2312" else charset
    raw = single_part(
        encoded_word(subject, encoding),
        b64_lines(body.encode(encoding)),
        f'text/plain; charset="{charset}"',
        "base64",
    )
    send_raw(listener, raw)
    mail = parse_inbound(*got.received[0])
    assert mail.subject == subject
    assert mail.text == body.replace("\r\n", "\n")
    assert mail.language == "zh"
    assert mail.sender == PERSON


def test_unlabelled_8bit_chinese_is_recognised() -> None:
    # old clients send GBK bytes raw in the Subject and with no charset on the body
    raw = crlf(
        f"From: {PERSON}",
        b"Subject: " + "删除我的个人信息".encode("gb18030"),
        "",
        "请删除我的全部数据，谢谢。我的电话是 138 0000 0000。".encode("gb18030"),
    )
    mail = parse_inbound(raw, [PRIVACY])
    assert mail.subject == "删除我的个人信息"
    assert mail.text == "请删除我的全部数据，谢谢。我的电话是 138 0000 0000。"
    assert mail.language == "zh"


def test_quoted_printable_utf8(inbox: tuple[InboxListener, Inbox]) -> None:
    listener, got = inbox
    body = "Bonjour, je voudrais corriger mon adresse — 12 rue de l'Église.\nMerci"
    qp = quopri.encodestring(body.encode("utf-8")).replace(b"\n", b"\r\n")
    assert b"=C3=89glise" in qp
    raw = single_part(
        "=?utf-8?Q?Correction_d=E2=80=99adresse?=",
        qp,
        "text/plain; charset=utf-8",
        "quoted-printable",
    )
    send_raw(listener, raw)
    mail = parse_inbound(*got.received[0])
    assert mail.subject == "Correction d\u2019adresse"
    assert mail.text == body
    assert mail.language == "en"


def test_html_only_mail_gives_the_text_a_reader_sees(inbox: tuple[InboxListener, Inbox]) -> None:
    listener, got = inbox
    html = (
        "<html><head><title>t</title><style>p{color:red}</style></head><body>"
        "<p>Please   delete\n my data &amp; my account.</p><script>alert(1)</script>"
        "<div>请删除<br>谢谢 &lt;3</div></body></html>"
    )
    raw = single_part(
        "Deletion", b64_lines(html.encode("utf-8")), "text/html; charset=utf-8", "base64"
    )
    send_raw(listener, raw)
    mail = parse_inbound(*got.received[0])
    assert mail.text == "Please delete my data & my account.\n\n请删除\n谢谢 <3"
    assert "alert" not in mail.text
    assert "color" not in mail.text
    assert mail.language == "zh"


def test_multipart_with_attachments_takes_the_text_part(inbox: tuple[InboxListener, Inbox]) -> None:
    listener, got = inbox
    msg = EmailMessage()
    msg["From"] = f"Li Wei <{PERSON}>"
    msg["To"] = PRIVACY
    msg["Subject"] = "Access request with ID"
    msg.add_attachment("not the body: an attached note", filename="note.txt")
    msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="id.pdf")
    body = EmailMessage()
    body.set_content("The body: please send me a copy of my data.")
    body.add_alternative("<p>The <b>HTML</b> body.</p>", subtype="html")
    msg.attach(body)
    send_raw(listener, msg.as_bytes(policy=policy.SMTP))
    mail = parse_inbound(*got.received[0])
    assert mail.text == "The body: please send me a copy of my data."
    assert mail.message_id == ""


def test_a_recipient_other_than_the_privacy_mailbox_is_refused(
    inbox: tuple[InboxListener, Inbox],
) -> None:
    listener, got = inbox
    raw = single_part("x", b"y", "text/plain", "7bit")
    with pytest.raises(smtplib.SMTPRecipientsRefused) as caught:
        send_raw(listener, raw, to="ceo@piiguard.example")
    assert caught.value.recipients["ceo@piiguard.example"][0] == 550
    assert got.received == []


def test_when_on_mail_fails_the_sender_is_told_to_retry(inbox: tuple[InboxListener, Inbox]) -> None:
    listener, got = inbox
    got.fail = True
    raw = single_part("x", b"y", "text/plain", "7bit")
    with pytest.raises(smtplib.SMTPDataError) as caught:
        send_raw(listener, raw)
    assert caught.value.smtp_code == 451
    got.fail = False
    send_raw(listener, raw)  # the retry is taken
    assert len(got.received) == 1


def test_mail_over_the_size_limit_is_refused(inbox: tuple[InboxListener, Inbox]) -> None:
    listener, got = inbox
    raw = single_part("big", b"x" * 300_000, "text/plain", "7bit")
    with pytest.raises(smtplib.SMTPSenderRefused) as caught:  # SIZE is declared at MAIL
        send_raw(listener, raw)
    assert caught.value.smtp_code == 552
    assert got.received == []


def test_listener_stops_and_frees_its_port() -> None:
    listener = InboxListener("127.0.0.1", 0, [PRIVACY], lambda _raw, _to: None)
    listener.start()
    port = listener.port
    listener.stop()
    assert not listener.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# --- inbound: what cannot be read -----------------------------------------------------------


def test_no_from_address_is_invalid_input() -> None:
    raw = crlf(f"To: {PRIVACY}", "Subject: hi", "", "Please delete my data.")
    with pytest.raises(InvalidInput) as caught:
        parse_inbound(raw, [PRIVACY])
    assert caught.value.field == "mail"
    raw = crlf("From: Li Wei", f"To: {PRIVACY}", "", "Please delete my data.")
    with pytest.raises(InvalidInput):
        parse_inbound(raw, [PRIVACY])


@pytest.mark.parametrize(
    "body",
    [
        crlf(f"From: {PERSON}", "Subject: empty", "", "", "   "),
        crlf(
            f"From: {PERSON}",
            "Subject: tags only",
            "Content-Type: text/html",
            "",
            "<html><body><p> </p><script>x()</script></body></html>",
        ),
        crlf(
            f"From: {PERSON}",
            "Subject: picture only",
            "MIME-Version: 1.0",
            'Content-Type: multipart/mixed; boundary="b"',
            "",
            "--b",
            "Content-Type: image/png",
            "Content-Transfer-Encoding: base64",
            'Content-Disposition: attachment; filename="a.png"',
            "",
            "iVBORw0KGgo=",
            "--b--",
        ),
    ],
)
def test_no_readable_text_is_invalid_input(body: bytes) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_inbound(body, [PRIVACY])
    assert caught.value.field == "mail"
    assert PERSON not in caught.value.message
