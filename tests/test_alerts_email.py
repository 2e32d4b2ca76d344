"""The e-mail channel against a real SMTP server (aiosmtpd): plain, STARTTLS + login, TLS."""

from __future__ import annotations

import dataclasses
import socket
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from receivers import SmtpReceiver, free_port

from monitor.alerts import make_notifier, new_alert, render, sample_alert
from monitor.alerts.email import EmailNotifier
from monitor.alerts.message import Alert
from monitor.config import Channel
from monitor.errors import ConfigError, DeliveryError

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def smtp_receiver() -> Iterator[SmtpReceiver]:
    with SmtpReceiver() as receiver:
        yield receiver


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def email_channel(port: int, **options: Any) -> EmailNotifier:
    password = options.pop("password", None)
    base = {
        "host": "127.0.0.1",
        "port": port,
        "tls": "none",
        "from": "Monitor <monitor@example.org>",
        "to": ["press@example.org", "desk@example.org"],
        "timeout": 5,
    }
    base.update(options)
    return EmailNotifier("press-office", base, password=password)


async def test_plain_smtp_delivers_a_multipart_message(smtp_receiver: SmtpReceiver) -> None:
    alert = sample_alert()
    await email_channel(smtp_receiver.port).send(alert)

    [message] = smtp_receiver.messages
    assert message["Subject"] == render.subject(alert)
    assert message["Subject"].startswith("[TEST] [ICESCO] Meeting: Bayramov – AlMalik, Baku")
    assert message["From"] == "Monitor <monitor@example.org>"
    assert message["To"] == "press@example.org, desk@example.org"
    assert message["Message-ID"] == f"<{alert.id}@monitor>"
    assert message["Date"]
    assert message["List-Unsubscribe"] == "<mailto:monitor@example.org?subject=unsubscribe>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "Jeyhun Bayramov (Minister of Foreign Affairs" in text
    assert "https://en.trend.az/azerbaijan/politics/3800123.html" in text
    assert '<a href="https://www.azernews.az/nation/215010.html">' in html
    [(mail_from, rcpts)] = smtp_receiver.recorder.envelopes
    assert mail_from == "monitor@example.org"
    assert rcpts == ["press@example.org", "desk@example.org"]


async def test_names_outside_ascii_need_no_smtputf8(smtp_receiver: SmtpReceiver) -> None:
    """The receiver offers no SMTPUTF8 (aiosmtpd's default, like many relays): display
    names in Cyrillic go in RFC 2047-encoded headers, the envelope takes bare addresses."""
    channel = email_channel(
        smtp_receiver.port,
        **{"from": "Монитор <monitor@example.org>", "to": ["Пресс-служба <press@example.org>"]},
    )
    await channel.send(sample_alert())
    [message] = smtp_receiver.messages
    assert message["From"] == "Монитор <monitor@example.org>"
    assert message["To"] == "Пресс-служба <press@example.org>"
    assert smtp_receiver.recorder.envelopes == [("monitor@example.org", ["press@example.org"])]
    headers = smtp_receiver.recorder.raw[0].split(b"\r\n\r\n")[0]
    assert headers.isascii() and b"=?utf-8?" in headers


async def test_a_retry_carries_the_same_message_id(smtp_receiver: SmtpReceiver) -> None:
    alert = sample_alert()
    notifier = email_channel(smtp_receiver.port)
    await notifier.send(alert)
    await notifier.send(alert)
    first, second = smtp_receiver.messages
    assert first["Message-ID"] == second["Message-ID"] == f"<{alert.id}@monitor>"
    assert first["Date"] == second["Date"]


def _hostile(alert: Alert) -> Alert:
    payload = dict(alert.payload)
    story = dict(payload["story"])
    evil = "ICESCO\r\nBcc: victim@example.org\r\n\r\n<script>alert(1)</script>"
    story["headline"] = evil
    story["place"] = "Rabat\nBcc: victim@example.org"
    story["participants"] = [{"name": "A\rBcc: victim@example.org", "role": None}]
    story["articles"] = [{**story["articles"][0], "title": evil, "outlet": "X\r\nTo: y@z"}]
    payload["story"] = story
    return dataclasses.replace(alert, payload=payload)


async def test_a_scraped_title_cannot_inject_headers(smtp_receiver: SmtpReceiver) -> None:
    alert = _hostile(sample_alert())
    await email_channel(smtp_receiver.port).send(alert)

    [message] = smtp_receiver.messages
    assert message["Bcc"] is None
    assert message.get_all("To") == ["press@example.org, desk@example.org"]
    assert "\r" not in message["Subject"] and "\n" not in message["Subject"]
    assert "Bcc: victim@example.org" in message["Subject"]  # kept as harmless text
    [(_, rcpts)] = smtp_receiver.recorder.envelopes
    assert "victim@example.org" not in rcpts
    html = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert "<script>" not in html and "&lt;script&gt;" in html


async def test_starttls_with_login(
    server_context: ssl.SSLContext, ca_file: str, tmp_path: Path
) -> None:
    logins = {"monitor": "s3cret"}
    with SmtpReceiver(tls_context=server_context, logins=logins) as server:
        notifier = email_channel(
            server.port, tls="starttls", username="monitor", password="s3cret", ca_file=ca_file
        )
        await notifier.send(sample_alert())
        assert len(server.messages) == 1

        wrong = email_channel(
            server.port, tls="starttls", username="monitor", password="nope", ca_file=ca_file
        )
        with pytest.raises(DeliveryError, match="login refused") as info:
            await wrong.send(sample_alert())
        assert info.value.channel == "press-office"

        untrusting = email_channel(server.port, tls="starttls", username="monitor", password="x")
        with pytest.raises(DeliveryError, match="not trusted.*ca_file"):
            await untrusting.send(sample_alert())
        assert len(server.messages) == 1


async def test_implicit_tls(server_context: ssl.SSLContext, ca_file: str) -> None:
    with SmtpReceiver(ssl_context=server_context) as server:
        await email_channel(server.port, tls="ssl", ca_file=ca_file).send(sample_alert())
        assert len(server.messages) == 1


async def test_server_down_is_a_delivery_error_then_up_succeeds() -> None:
    port = free_port()
    notifier = email_channel(port)
    alert = sample_alert()
    with pytest.raises(DeliveryError, match="connection refused") as info:
        await notifier.send(alert)
    assert "press-office" in str(info.value) and f"127.0.0.1:{port}" in str(info.value)

    with SmtpReceiver(port=port) as server:
        await notifier.send(alert)
        [message] = server.messages
        assert message["Message-ID"] == f"<{alert.id}@monitor>"


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections (kernel backlog) but never says hello."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        yield sock.getsockname()[1]


async def test_a_silent_server_times_out(silent_server: int) -> None:
    notifier = email_channel(silent_server, timeout=0.3)
    with pytest.raises(DeliveryError, match=r"timed out after 0\.3 s"):
        await notifier.send(sample_alert())


async def test_unsubscribe_option_and_https_one_click(smtp_receiver: SmtpReceiver) -> None:
    url = "https://monitor.example.org/unsubscribe?list=press"
    await email_channel(smtp_receiver.port, unsubscribe=url).send(sample_alert())
    [message] = smtp_receiver.messages
    assert message["List-Unsubscribe"] == f"<{url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("to", ["bad address"]),
        ("to", ["press@example.org", "desk"]),
        ("from", "Monitor"),
        ("unsubscribe", "ftp://x.example/u"),
    ],
)
def test_an_address_that_is_none_is_a_config_error(option: str, value: object) -> None:
    with pytest.raises(ConfigError, match="channel 'press-office'") as info:
        email_channel(25, **{option: value})
    assert f"key '{option}'" in str(info.value)


def test_make_notifier_reads_the_password_from_the_environment() -> None:
    channel = Channel(
        name="press-office",
        type="email",
        options=(
            ("from", "monitor@example.org"),
            ("host", "smtp.example.org"),
            ("password_env", "MONITOR_SMTP_PASSWORD"),
            ("to", ["press@example.org"]),
            ("username", "monitor"),
        ),
    )
    with pytest.raises(ConfigError, match="MONITOR_SMTP_PASSWORD is not set") as info:
        make_notifier(channel, {})
    assert "channel 'press-office'" in str(info.value)
    notifier = make_notifier(channel, {"MONITOR_SMTP_PASSWORD": "pw"})
    assert isinstance(notifier, EmailNotifier)
    assert notifier.name == "press-office" and notifier.password == "pw"
    assert notifier.port == 587 and notifier.tls == "starttls"


def test_message_for_a_source_alert_is_readable() -> None:
    alert = new_alert(
        "source_failing",
        {
            "source": {
                "name": "Trend",
                "homepage": "https://en.trend.az/",
                "consecutive_failures": 5,
                "last_error": "https://en.trend.az/feeds/index.rss: HTTP 503 after 4 attempts",
                "last_success": "2023-10-03T08:00:00Z",
            }
        },
    )
    message = email_channel(25).build(alert)
    assert message["Subject"] == "[monitor] Source failing: Trend (5 failures in a row)"
    assert "HTTP 503 after 4 attempts" in message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
