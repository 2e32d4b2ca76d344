"""The webhook channel against a real local receiver that verifies Standard Webhooks."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from receivers import SECRET, WebhookReceiver, free_port

from monitor import fetch
from monitor.alerts import make_notifier, sample_alert
from monitor.alerts.message import payload_example
from monitor.alerts.webhook import (
    DeliveryHTTPStatus,
    WebhookNotifier,
    WebhookVerificationError,
    sign,
    slack_message,
    teams_message,
    verify,
)
from monitor.config import Channel
from monitor.errors import ConfigError, DeliveryError

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    with WebhookReceiver() as receiver:
        yield receiver


def hook(url: str, **options: Any) -> WebhookNotifier:
    secret = options.pop("secret", SECRET)
    return WebhookNotifier("newsroom-hook", {"url": url, "timeout": 5, **options}, secret)


async def test_a_delivery_carries_a_valid_signature(webhook_receiver: WebhookReceiver) -> None:
    alert = sample_alert()
    await hook(webhook_receiver.url).send(alert)

    [delivery] = webhook_receiver.deliveries
    assert delivery.verified, delivery.error
    assert delivery.headers["webhook-id"] == alert.id
    assert abs(int(delivery.headers["webhook-timestamp"]) - time.time()) < 60
    assert delivery.headers["content-type"] == "application/json"
    assert delivery.json() == alert.payload
    assert delivery.json()["story"]["participants"][0]["name"] == "Jeyhun Bayramov"


async def test_two_sends_of_one_alert_share_the_webhook_id(
    webhook_receiver: WebhookReceiver,
) -> None:
    alert = sample_alert()
    notifier = hook(webhook_receiver.url)
    await notifier.send(alert)
    await notifier.send(alert)
    first, second = webhook_receiver.verified
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == alert.id
    assert first.body == second.body


def test_signature_matches_the_standard_webhooks_construction() -> None:
    body = b'{"a":1}'
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = hmac.new(key, b"msg_1.1700000000." + body, hashlib.sha256).digest()
    assert sign(SECRET, "msg_1", 1700000000, body) == "v1," + base64.b64encode(expected).decode()


def test_verify_rejects_a_tampered_body_a_wrong_secret_and_a_stale_timestamp() -> None:
    body = json.dumps(payload_example()).encode()
    headers = {
        "Webhook-Id": "msg_1",
        "Webhook-Timestamp": "1700000000",
        "Webhook-Signature": "v1,bm9wZQ== " + sign(SECRET, "msg_1", 1700000000, body),
    }
    verify(SECRET, headers, body, now=1700000100)  # any of several signatures may match
    with pytest.raises(WebhookVerificationError, match="no signature matches"):
        verify(SECRET, headers, body.replace(b"Baku", b"Paris"), now=1700000100)
    other = "whsec_" + base64.b64encode(b"another-secret-another-secret-32").decode()
    with pytest.raises(WebhookVerificationError, match="no signature matches"):
        verify(other, headers, body, now=1700000100)
    with pytest.raises(WebhookVerificationError, match="tolerance"):
        verify(SECRET, headers, body, now=1700000000 + 301)
    with pytest.raises(WebhookVerificationError, match="missing"):
        verify(SECRET, {"webhook-id": "msg_1"}, body)


async def test_the_receiver_refuses_a_tampered_body(webhook_receiver: WebhookReceiver) -> None:
    alert = sample_alert()
    notifier = hook(webhook_receiver.url)
    body = notifier.body(alert)
    headers = notifier.headers(alert, body, int(time.time()))
    answer = await fetch.post(webhook_receiver.url, body + b" ", headers, timeout=5)
    assert answer.status == 401 and answer.retry_after is None
    [delivery] = webhook_receiver.deliveries
    assert not delivery.verified and delivery.error == "no signature matches"


async def test_a_500_is_a_delivery_error_with_the_status_then_200_succeeds(
    webhook_receiver: WebhookReceiver,
) -> None:
    webhook_receiver.fail(1, status=500)
    notifier = hook(webhook_receiver.url)
    alert = sample_alert()
    with pytest.raises(DeliveryHTTPStatus, match="HTTP 500") as info:
        await notifier.send(alert)
    assert info.value.status == 500 and info.value.channel == "newsroom-hook"
    await notifier.send(alert)
    assert [d.status for d in webhook_receiver.deliveries] == [500, 200]


async def test_a_redirect_is_not_followed_and_not_a_success(
    webhook_receiver: WebhookReceiver,
) -> None:
    webhook_receiver.fail(1, status=307)
    with pytest.raises(DeliveryError, match="HTTP 307"):
        await hook(webhook_receiver.url).send(sample_alert())


async def test_a_slow_receiver_times_out(webhook_receiver: WebhookReceiver) -> None:
    webhook_receiver.delay(5.0)  # stopping the receiver interrupts the wait
    with pytest.raises(DeliveryError, match=r"timed out after 0\.3 s posting to 127\.0\.0\.1"):
        await hook(webhook_receiver.url, timeout=0.3).send(sample_alert())


async def test_a_closed_port_is_a_delivery_error_naming_the_host_not_the_path() -> None:
    url = f"http://127.0.0.1:{free_port()}/hooks/T000/B000/secret-token"
    with pytest.raises(DeliveryError, match="cannot connect") as info:
        await hook(url).send(sample_alert())
    assert "secret-token" not in str(info.value)


async def test_slack_format(webhook_receiver: WebhookReceiver) -> None:
    alert = sample_alert()
    await hook(webhook_receiver.url, format="slack").send(alert)
    [delivery] = webhook_receiver.verified
    message = delivery.json()
    assert message["text"].startswith("[TEST] [ICESCO] Meeting: Bayramov – AlMalik, Baku")
    blocks = message["blocks"]
    assert blocks[0] == {"type": "header", "text": {"type": "plain_text", "text": message["text"]}}
    assert {b["type"] for b in blocks} <= {"header", "section", "divider", "context"}
    texts = json.dumps(blocks)
    assert "<https://en.trend.az/azerbaijan/politics/3800123.html|Trend: " in texts
    fields = next(b["fields"] for b in blocks if "fields" in b)
    assert {"type": "mrkdwn", "text": "*Place*\nBaku"} in fields
    assert blocks[-1]["type"] == "context" and alert.id in blocks[-1]["elements"][0]["text"]


async def test_teams_format(webhook_receiver: WebhookReceiver) -> None:
    await hook(webhook_receiver.url, format="teams").send(sample_alert())
    [delivery] = webhook_receiver.verified
    message = delivery.json()
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    kinds = [element["type"] for element in card["body"]]
    assert kinds[0] == "TextBlock" and "FactSet" in kinds
    facts = next(e["facts"] for e in card["body"] if e["type"] == "FactSet")
    assert {"title": "Date", "value": "2023-10-03"} in facts
    assert any(
        "(https://www.azernews.az/nation/215010.html)" in e.get("text", "") for e in card["body"]
    )


def test_slack_escapes_scraped_markup() -> None:
    alert = sample_alert()
    story = {**alert.payload["story"], "headline": "<!channel> & <https://evil|click>"}
    payload = {**alert.payload, "story": story}
    text = json.dumps(slack_message(dataclasses.replace(alert, payload=payload)))
    assert "<!channel>" not in text and "&lt;!channel&gt; &amp; &lt;https://evil|click&gt;" in text


def test_teams_keeps_scraped_markdown_as_words() -> None:
    """A headline or summary written as a Markdown link must not become a link in the
    card (TextBlocks and facts render Markdown); only the monitor's own links are links."""
    alert = sample_alert()
    bait = "[click here](https://evil.example/x) **now**"
    story = {**alert.payload["story"], "headline": bait, "summary": bait, "place": bait}
    payload = {**alert.payload, "story": story}
    card = teams_message(dataclasses.replace(alert, payload=payload))
    text = json.dumps(card, ensure_ascii=False)
    assert "](https://evil" not in text and "**now**" not in text
    assert "(click here)(https://evil.example/x)" in text
    assert "(https://www.azernews.az/nation/215010.html)" in text  # the article links stay


async def test_a_transport_timeout_becomes_a_delivery_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    transport = httpx.MockTransport(refuse)

    async def poster(
        url: str, body: bytes, headers: dict[str, str], *, timeout: float
    ) -> fetch.Answer:
        return await fetch.post(url, body, headers, timeout=timeout, transport=transport)

    notifier = WebhookNotifier(
        "newsroom-hook", {"url": "https://hooks.example.org/x"}, SECRET, poster=poster
    )
    with pytest.raises(DeliveryError, match="timed out"):
        await notifier.send(sample_alert())


def test_make_notifier_needs_the_secret_variable_and_a_valid_secret() -> None:
    channel = Channel(
        name="newsroom-hook",
        type="webhook",
        options=(("secret_env", "MONITOR_WEBHOOK_SECRET"), ("url", "https://h.example.org/")),
    )
    with pytest.raises(ConfigError, match="MONITOR_WEBHOOK_SECRET is not set"):
        make_notifier(channel, {})
    with pytest.raises(ConfigError, match="whsec_"):
        make_notifier(channel, {"MONITOR_WEBHOOK_SECRET": "whsec_not base64!"})
    notifier = make_notifier(channel, {"MONITOR_WEBHOOK_SECRET": SECRET})
    assert isinstance(notifier, WebhookNotifier) and notifier.format == "standard"
