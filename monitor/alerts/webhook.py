"""The webhook channel: an HTTP POST per alert, signed the Standard Webhooks way.

Options of a ``type = "webhook"`` channel: ``url``, ``format`` ("standard", the default:
the documented payload as JSON; "slack": a Slack incoming-webhook message with blocks;
"teams": a Microsoft Teams message carrying an Adaptive Card), ``secret_env`` (the variable
holding the ``whsec_`` secret; without it the request is not signed) and ``timeout``
(seconds for the whole attempt, default 30).

Headers (https://www.standardwebhooks.com/): ``webhook-id`` is the alert id (the same on
every retry, so receivers can drop duplicates), ``webhook-timestamp`` the Unix time of
this attempt, ``webhook-signature`` ``v1,`` + base64 HMAC-SHA256 over
``{id}.{timestamp}.{body}`` keyed with the base64-decoded part of the secret after
``whsec_``. Receivers check it with :func:`verify`.

Only a 2xx answer counts as delivered; redirects are not followed. The HTTP request is
made by ``monitor.fetch.post`` (fetch owns httpx); its errors become
:class:`~monitor.errors.DeliveryError`. Error messages name the host, never the full URL,
because Slack and Teams URLs carry their secret in the path.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from monitor.alerts import render
from monitor.alerts.message import Alert
from monitor.errors import ConfigError, DeliveryError, FetchError, FetchTimeout, MonitorError

if TYPE_CHECKING:
    from monitor.fetch_post import Answer

DEFAULT_TIMEOUT = 30.0
FORMATS = ("standard", "slack", "teams")
SLACK_MAX_SECTIONS = 10  # a Slack message holds at most 50 blocks
TEAMS_MAX_SECTIONS = 10


class Poster(Protocol):
    """POST ``body`` to ``url``; return the answer (status, Retry-After) or raise
    FetchError."""

    async def __call__(
        self, url: str, body: bytes, headers: dict[str, str], *, timeout: float
    ) -> Answer: ...


class DeliveryHTTPStatus(DeliveryError):
    """The receiver answered with a status other than 2xx (``status``); ``retry_after``
    is the pause it asked for (seconds), if any."""

    def __init__(
        self, message: str, *, channel: str, status: int, retry_after: float | None = None
    ) -> None:
        self.status = status
        self.retry_after = retry_after
        super().__init__(message, channel=channel)


class WebhookVerificationError(MonitorError):
    """A received webhook is not authentic (bad or missing signature, stale timestamp)."""


MIN_SECRET_BYTES = 16  # a shorter key is guessable ("whsec_cGFzc3dvcmQ=" is "password")
MAKE_SECRET = (
    'python3 -c "import base64, secrets; '
    "print('whsec_' + base64.b64encode(secrets.token_bytes(32)).decode())\""
)


def decode_secret(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret; ValueError if it is not one (no
    ``whsec_`` prefix, not base64, or a key under 16 bytes)."""
    text = secret.strip()
    expected = (
        "a webhook secret is 'whsec_' followed by the base64 of 16 or more random bytes"
        f" (make one with: {MAKE_SECRET})"
    )
    if not text.startswith("whsec_"):
        raise ValueError(expected)
    try:
        key = base64.b64decode(text.removeprefix("whsec_"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(expected) from exc
    if len(key) < MIN_SECRET_BYTES:
        raise ValueError(f"the webhook secret's key is {len(key)} bytes: {expected}")
    return key


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` value: ``v1,`` + base64(HMAC-SHA256(key, id.ts.body))."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(decode_secret(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode("ascii")


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    tolerance: int = 300,
    now: float | None = None,
) -> None:
    """Check a received webhook; raise WebhookVerificationError when it is not authentic.

    ``headers`` may use any case. The timestamp must be within ``tolerance`` seconds of
    ``now`` (default: the current time) in either direction, against replays.
    """
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id = lower.get("webhook-id")
    stamp = lower.get("webhook-timestamp")
    signatures = lower.get("webhook-signature")
    if not (msg_id and stamp and signatures):
        raise WebhookVerificationError("missing webhook-id, -timestamp or -signature header")
    try:
        timestamp = int(stamp)
    except ValueError:
        raise WebhookVerificationError(f"invalid webhook-timestamp {stamp!r}") from None
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise WebhookVerificationError(f"timestamp {timestamp} is outside the tolerance")
    expected = sign(secret, msg_id, timestamp, body).split(",", 1)[1]
    for candidate in signatures.split():
        version, _, value = candidate.partition(",")
        if version == "v1" and hmac.compare_digest(value.encode(), expected.encode()):
            return
    raise WebhookVerificationError("no signature matches")


class WebhookNotifier:
    """Posts alerts to the channel's URL (see the module docstring for options)."""

    def __init__(
        self,
        name: str,
        options: Mapping[str, Any],
        secret: str | None = None,
        *,
        poster: Poster | None = None,
    ) -> None:
        self.name = name
        where = f"channel '{name}'"
        self.url = str(options.get("url") or "")
        parts = urlsplit(self.url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise ConfigError("expected an http(s) URL", where=where, key="url")
        self.host = parts.netloc.rpartition("@")[2]
        self.format = str(options.get("format") or "standard")
        if self.format not in FORMATS:
            raise ConfigError(f"expected one of {', '.join(FORMATS)}", where=where, key="format")
        self.timeout = float(options.get("timeout") or DEFAULT_TIMEOUT)
        if secret is not None:
            try:
                decode_secret(secret)
            except ValueError as exc:
                raise ConfigError(str(exc), where=where, key="secret_env") from None
        self.secret = secret
        self._poster = poster

    def body(self, alert: Alert) -> bytes:
        """The request body for the channel's format (UTF-8 JSON)."""
        if self.format == "slack":
            document: Any = slack_message(alert)
        elif self.format == "teams":
            document = teams_message(alert)
        else:
            document = alert.payload
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    def headers(self, alert: Alert, body: bytes, timestamp: int) -> dict[str, str]:
        """Content-Type and the Standard Webhooks headers for one attempt."""
        headers = {
            "Content-Type": "application/json",
            "webhook-id": alert.id,
            "webhook-timestamp": str(timestamp),
        }
        if self.secret:
            headers["webhook-signature"] = sign(self.secret, alert.id, timestamp, body)
        return headers

    async def send(self, alert: Alert) -> None:
        """Deliver ``alert``; raise DeliveryError with the reason on any failure."""
        body = self.body(alert)
        headers = self.headers(alert, body, int(time.time()))
        poster = self._poster
        if poster is None:
            from monitor.fetch import post  # fetch owns httpx

            poster = post
        try:
            status, retry_after = await poster(self.url, body, headers, timeout=self.timeout)
        except FetchTimeout as exc:
            raise DeliveryError(
                f"timed out after {self.timeout:g} s posting to {self.host}", channel=self.name
            ) from exc
        except FetchError as exc:
            raise DeliveryError(f"posting to {self.host}: {exc.reason}", channel=self.name) from exc
        if not 200 <= status < 300:
            asked = f" (Retry-After {retry_after:g} s)" if retry_after is not None else ""
            raise DeliveryHTTPStatus(
                f"{self.host} answered HTTP {status}{asked}",
                channel=self.name,
                status=status,
                retry_after=retry_after,
            )


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_link(link: render.Link) -> str:
    label = _slack_escape(f"{link.outlet}: {link.title}".replace("|", "¦"))
    url = render.safe_url(link.url)
    return f"• <{_slack_escape(url)}|{label}>" if url else f"• {label}"


def slack_message(alert: Alert) -> dict[str, Any]:
    """A Slack incoming-webhook message: ``text`` (the fallback) and ``blocks``."""
    v = render.view(alert)
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": v.subject[:150]}}
    ]
    if v.intro:
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": _slack_escape(v.intro)}}
        )
    for section in v.sections[:SLACK_MAX_SECTIONS]:
        text = f"*{_slack_escape(section.heading)}*"
        if section.summary:
            text += "\n" + _slack_escape(render.truncate(section.summary, 2500))
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
        if section.facts:
            fields = [
                {"type": "mrkdwn", "text": f"*{_slack_escape(k)}*\n{_slack_escape(val)}"[:2000]}
                for k, val in section.facts[:10]
            ]
            blocks.append({"type": "section", "fields": fields})
        if section.links:
            links = "\n".join(_slack_link(link) for link in section.links)
            blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": links[:3000]}})
        blocks.append({"type": "divider"})
    more = len(v.sections) - SLACK_MAX_SECTIONS
    footer = _slack_escape(v.footer + (f" · {more} more not shown" if more > 0 else ""))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": footer}]})
    return {"text": _slack_escape(v.subject), "blocks": blocks}


def _teams_plain(text: str) -> str:
    """Scraped text for a card, whose TextBlocks and facts read Markdown: link syntax
    ("[click](https://...)") stays words, and "*" marks no emphasis."""
    return text.replace("[", "(").replace("]", ")").replace("*", "\u2217")


def _teams_text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def teams_message(alert: Alert) -> dict[str, Any]:
    """A Microsoft Teams incoming-webhook message with one Adaptive Card (version 1.4)."""
    v = render.view(alert)
    plain = _teams_plain
    body: list[dict[str, Any]] = [_teams_text(plain(v.subject), size="Medium", weight="Bolder")]
    if v.intro:
        body.append(_teams_text(plain(v.intro)))
    for section in v.sections[:TEAMS_MAX_SECTIONS]:
        body.append(_teams_text(plain(section.heading), weight="Bolder", separator=True))
        if section.facts:
            facts = [{"title": k, "value": plain(val)} for k, val in section.facts]
            body.append({"type": "FactSet", "facts": facts})
        if section.summary:
            body.append(_teams_text(plain(render.truncate(section.summary, 2000))))
        for link in section.links:
            url = (render.safe_url(link.url) or "").replace("(", "%28").replace(")", "%29")
            label = plain(f"{link.outlet}: {link.title}")
            body.append(_teams_text(f"[{label}]({url})" if url else label, spacing="Small"))
    body.append(_teams_text(v.footer, size="Small", isSubtle=True, separator=True))
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
        "msteams": {"width": "Full"},
    }
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }
