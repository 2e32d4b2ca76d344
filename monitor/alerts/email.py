"""The e-mail channel: one multipart (text + HTML) message per alert over SMTP.

Options of a ``type = "email"`` channel: ``host``, ``port`` (default 587 for starttls,
465 for ssl, 25 for none), ``tls`` ("starttls", the default; "ssl" for implicit TLS;
"none"), ``from``, ``to`` (one address or a list), ``username`` with ``password_env``
(login is attempted only when ``username`` is set), ``timeout`` (seconds for the whole
attempt, default 30: every network step gets what is left), ``ca_file`` (a PEM bundle of
CAs to trust instead of the system's, for private servers) and ``unsubscribe`` (a
``mailto:`` or ``https:`` URL for List-Unsubscribe; default: mail the sender).

The message is built from the alert alone, so a retry is the same message: its
``Message-ID`` is ``<alert.id@monitor>`` and its ``Date`` is when the alert was made.
smtplib runs in a worker thread; every smtplib, socket and ssl error leaves as
:class:`~monitor.errors.DeliveryError` naming the channel. The message counts as sent when
the server accepts it for at least one recipient (refused ones are logged).
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
import socket
import ssl
import time
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import Any

from monitor.alerts import render
from monitor.alerts.message import Alert
from monitor.errors import ConfigError, DeliveryError

log = logging.getLogger("monitor.alerts")

DEFAULT_TIMEOUT = 30.0
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}


class EmailNotifier:
    """Sends alerts to the channel's recipients (see the module docstring for options)."""

    def __init__(self, name: str, options: dict[str, Any], password: str | None = None) -> None:
        self.name = name
        where = f"channel '{name}'"
        self.host = str(options.get("host") or "")
        self.tls = str(options.get("tls", "starttls"))
        self.sender = str(options.get("from") or "")
        recipients = options.get("to") or []
        self.recipients = [recipients] if isinstance(recipients, str) else list(recipients)
        for key, ok in (("host", self.host), ("from", self.sender), ("to", self.recipients)):
            if not ok:
                raise ConfigError("missing required key", where=where, key=key)
        for key, value in (("from", self.sender), *(("to", r) for r in self.recipients)):
            address = parseaddr(str(value))[1]
            # a line break would end the header and start another ("\nBcc: ...")
            if "@" not in address or " " in address or any(c in str(value) for c in "\r\n"):
                raise ConfigError(
                    f"{value!r} is not an e-mail address (name@example.org, or "
                    f'"Name <name@example.org>")',
                    where=where,
                    key=key,
                )
        unsubscribe = str(options.get("unsubscribe") or "")
        schemes = ("mailto:", "https:", "http:")
        url_or_address = unsubscribe.lower().startswith(schemes) or "@" in parseaddr(unsubscribe)[1]
        if unsubscribe and (not url_or_address or any(c in unsubscribe for c in "\r\n")):
            raise ConfigError(
                f"{unsubscribe!r} is neither a mailto:, https: or http: URL nor an address",
                where=where,
                key="unsubscribe",
            )
        if self.tls not in DEFAULT_PORTS:
            raise ConfigError(
                f'expected "starttls", "ssl" or "none", got {self.tls!r}', where=where, key="tls"
            )
        self.port = int(options.get("port") or DEFAULT_PORTS[self.tls])
        self.username = options.get("username")
        self.password = password
        self.timeout = float(options.get("timeout") or DEFAULT_TIMEOUT)
        self.ca_file = options.get("ca_file")
        self.unsubscribe = options.get("unsubscribe")
        self._context: ssl.SSLContext | None = None
        if self.tls != "none":
            try:
                self._context = ssl.create_default_context(cafile=self.ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise ConfigError(
                    f"cannot load CA file: {exc}", where=where, key="ca_file"
                ) from exc

    def build(self, alert: Alert) -> EmailMessage:
        """The message for ``alert``: the same bytes-to-be for every attempt."""
        msg = EmailMessage()
        msg["Subject"] = render.subject(alert)  # header_safe: no CR/LF can get in
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.recipients)
        msg["Date"] = format_datetime(alert.created_at)
        msg["Message-ID"] = f"<{alert.id}@monitor>"
        msg["List-Unsubscribe"] = f"<{self._unsubscribe_url()}>"
        if str(self.unsubscribe or "").lower().startswith("https:"):
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies, please
        msg["X-Monitor-Alert"] = f"{alert.kind}; id={alert.id}"
        msg.set_content(render.text_body(alert))
        msg.add_alternative(render.html_body(alert), subtype="html")
        return msg

    def _unsubscribe_url(self) -> str:
        value = render.header_safe(self.unsubscribe).replace("<", "").replace(">", "")
        if value.lower().startswith(("mailto:", "https:", "http:")):
            return value
        address = parseaddr(value or self.sender)[1] or self.sender
        return f"mailto:{address}?subject=unsubscribe"

    async def send(self, alert: Alert) -> None:
        """Deliver ``alert``; raise DeliveryError with the reason on any failure."""
        try:
            msg = self.build(alert)
        except (ValueError, TypeError) as exc:  # e.g. an unparseable address in the options
            raise self._error(f"cannot build the message: {exc}") from exc
        await asyncio.to_thread(self._deliver, msg)

    def _deliver(self, msg: EmailMessage) -> None:
        deadline = time.monotonic() + self.timeout
        where = f"{self.host}:{self.port}"
        try:
            refused = self._session(msg, deadline)
        except smtplib.SMTPAuthenticationError as exc:
            raise self._error(f"login refused by {where}: {_reply(exc)}") from exc
        except smtplib.SMTPRecipientsRefused as exc:
            codes = "; ".join(f"{rcpt}: {_reply(err)}" for rcpt, err in exc.recipients.items())
            raise self._error(f"every recipient refused by {where}: {codes}") from exc
        except smtplib.SMTPSenderRefused as exc:
            raise self._error(f"sender {exc.sender} refused by {where}: {_reply(exc)}") from exc
        except smtplib.SMTPResponseException as exc:
            raise self._error(f"{where} answered {_reply(exc)}") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise self._error(f"{where} does not support it: {exc}") from exc
        except smtplib.SMTPServerDisconnected as exc:
            if isinstance(exc.__context__, TimeoutError):  # smtplib hides a read timeout
                raise self._error(f"timed out after {self.timeout:g} s talking to {where}") from exc
            raise self._error(f"{where} closed the connection: {exc}") from exc
        except smtplib.SMTPException as exc:
            raise self._error(f"SMTP error with {where}: {exc}") from exc
        except ssl.SSLCertVerificationError as exc:
            raise self._error(
                f"TLS certificate of {where} not trusted: {exc.verify_message}"
                " (set ca_file for a private CA)"
            ) from exc
        except ssl.SSLError as exc:
            raise self._error(f"TLS failed with {where}: {exc.reason or exc}") from exc
        except TimeoutError as exc:
            raise self._error(f"timed out after {self.timeout:g} s talking to {where}") from exc
        except ConnectionRefusedError as exc:
            raise self._error(f"cannot connect to {where}: connection refused") from exc
        except socket.gaierror as exc:
            raise self._error(f"cannot resolve {self.host}: {exc.strerror or exc}") from exc
        except OSError as exc:
            raise self._error(f"cannot talk to {where}: {exc.strerror or exc}") from exc
        if refused:
            log.warning("channel '%s': recipients refused: %s", self.name, ", ".join(refused))

    def _session(self, msg: EmailMessage, deadline: float) -> dict[str, Any]:
        def left() -> float:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("deadline passed")
            return remaining

        smtp: smtplib.SMTP
        if self.tls == "ssl":
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=left(), context=self._context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=left())
        try:

            def step() -> None:  # each network step gets what is left of the attempt
                if smtp.sock is None:
                    raise smtplib.SMTPServerDisconnected("connection closed")
                smtp.sock.settimeout(left())

            step()
            smtp.ehlo()
            if self.tls == "starttls":
                step()
                smtp.starttls(context=self._context)
                step()
                smtp.ehlo()
            if self.username:
                step()
                smtp.login(str(self.username), self.password or "")
            step()
            # the envelope takes bare addresses: a display name outside ASCII ("Монитор
            # <m@example.org>") stays in the RFC 2047-encoded headers and needs no SMTPUTF8
            envelope = [parseaddr(r)[1] or r for r in self.recipients]
            refused = smtp.send_message(msg, parseaddr(self.sender)[1] or self.sender, envelope)
            try:
                step()
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass  # the message was accepted; a rude goodbye changes nothing
        finally:
            smtp.close()
        return dict(refused)

    def _error(self, message: str) -> DeliveryError:
        return DeliveryError(message, channel=self.name)


def _reply(exc: smtplib.SMTPResponseException | Any) -> str:
    """'550 mailbox unavailable' from an smtplib error or a (code, message) tuple."""
    if isinstance(exc, tuple) and len(exc) == 2:
        code, text = exc
    else:
        code, text = getattr(exc, "smtp_code", "?"), getattr(exc, "smtp_error", exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {render.header_safe(text)}"
