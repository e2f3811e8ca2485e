"""Outbound mail (the `Mailer` port): `SmtpMailer` hands each mail to the configured SMTP
server (stdlib smtplib); `MemoryMailer` keeps them in a list for unit tests of use cases.

A refusal or an unreachable server becomes `MailError`, whose message carries the server's
reply code or the exception's class and what to check — never an address or a body."""

from __future__ import annotations

import smtplib
import ssl
from email import policy
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr

from piiguard.domain.errors import MailError
from piiguard.domain.rights.ports import OutgoingMail

# 7bit: bodies go base64 or quoted-printable, whichever is shorter, so that no relay without
# 8BITMIME can mangle them; headers are RFC 2047-encoded either way
_POLICY = policy.SMTP.clone(cte_type="7bit")
# headers the mailer writes itself; a caller's headers may not replace them
_OWN_HEADERS = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "bcc",
        "cc",
    }
)
_CHECK = "check PIIGUARD_SMTP_HOST and PIIGUARD_SMTP_PORT and the mail server's log"


def build_message(mail: OutgoingMail, sender: str) -> EmailMessage:
    """The MIME message: UTF-8 text, with the HTML as its alternative when given."""
    msg = EmailMessage(policy=_POLICY)
    msg["From"] = sender
    msg["To"] = mail.to
    msg["Subject"] = mail.subject
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    # the sender's domain, not socket.getfqdn(): no DNS look-up per mail
    domain = parseaddr(sender)[1].rpartition("@")[2] or "piiguard.invalid"
    msg["Message-ID"] = make_msgid(domain=domain)
    for name, value in mail.headers.items():
        if name.lower() in _OWN_HEADERS:
            raise ValueError(f"header {name} is set by the mailer, not by the caller")
        msg[name] = value  # the email package refuses CR/LF in a value: no header injection
    msg.set_content(mail.text, charset="utf-8")
    if mail.html is not None:
        msg.add_alternative(mail.html, subtype="html", charset="utf-8")
    return msg


class SmtpMailer:
    """One SMTP connection per mail: requests are few, and a fresh connection never finds
    itself timed out by the server between two of them."""

    def __init__(
        self,
        host: str,
        port: int,
        sender: str,
        *,
        starttls: bool = False,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = port
        self.sender = sender
        self.starttls = starttls
        self.username = username
        self.password = password
        self.timeout = timeout

    def send(self, mail: OutgoingMail) -> None:
        msg = build_message(mail, self.sender)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username is not None:
                    smtp.login(self.username, self.password or "")
                refused = smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = sorted({code for code, _ in exc.recipients.values()})
            raise _refused(codes[0] if codes else None, "the recipient") from None
        except smtplib.SMTPSenderRefused as exc:
            raise _refused(exc.smtp_code, "the sender address") from None
        except smtplib.SMTPAuthenticationError as exc:
            raise _refused(exc.smtp_code, "the sign-in (user name and password)") from None
        except smtplib.SMTPResponseException as exc:
            raise _refused(exc.smtp_code, "the mail") from None
        except smtplib.SMTPNotSupportedError:
            raise MailError(
                "the outbound mail server does not offer what sending needs "
                "(STARTTLS or sign-in as configured, or SMTPUTF8 for an "
                f"internationalised address); {_CHECK}"
            ) from None
        except (smtplib.SMTPException, OSError) as exc:
            # `from None`: the chained exception's text may hold the address
            raise MailError(
                f"the outbound mail server could not be reached or dropped the "
                f"connection ({type(exc).__name__}); {_CHECK}"
            ) from None
        if refused:  # only some recipients refused; with one recipient this cannot happen
            codes = sorted({code for code, _ in refused.values()})
            raise _refused(codes[0], "the recipient")


def _refused(code: int | None, what: str) -> MailError:
    return MailError(
        f"the outbound mail server refused {what} (reply {code}); {_CHECK}", reply_code=code
    )


class MemoryMailer:
    """Keeps every mail in `.sent`; `fail_with` makes the next sends raise it (a refusing
    server, in unit tests of what a use case does then)."""

    def __init__(self) -> None:
        self.sent: list[OutgoingMail] = []
        self.fail_with: MailError | None = None

    def send(self, mail: OutgoingMail) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.sent.append(mail)
