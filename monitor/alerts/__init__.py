"""Alerts: one module per channel behind the tiny :class:`Notifier` protocol.

``message`` defines :class:`Alert` and its JSON payload, ``render`` turns an alert into a
subject, text and HTML, ``email`` and ``webhook`` deliver. The delivery worker calls
``await notifier.send(alert)``: it returns only when the channel accepted the alert (a 2xx
answer, the SMTP server took the message) and otherwise raises
:class:`~monitor.errors.DeliveryError` with the reason; retrying is the worker's business.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from monitor.alerts.message import Alert, alert_from_payload, new_alert, sample_alert
from monitor.config import Channel
from monitor.errors import ConfigError

if TYPE_CHECKING:
    from monitor.alerts.webhook import Poster

__all__ = [
    "Alert",
    "Notifier",
    "alert_from_payload",
    "make_notifier",
    "new_alert",
    "sample_alert",
]


class Notifier(Protocol):
    """A channel: ``send`` returns on success and raises DeliveryError otherwise."""

    name: str

    async def send(self, alert: Alert) -> None: ...


def _secret(channel: Channel, key: str, environ: Mapping[str, str]) -> str | None:
    variable = channel.get(key)
    if not variable:
        return None
    value = environ.get(str(variable))
    if not value:
        raise ConfigError(
            f"environment variable {variable} is not set",
            where=f"channel '{channel.name}'",
            key=key,
        )
    return value


def make_notifier(
    channel: Channel, environ: Mapping[str, str], *, poster: Poster | None = None
) -> Notifier:
    """Build the notifier of ``channel``, reading its secret from ``environ``.

    ``poster`` replaces ``monitor.fetch.post`` for webhooks (e.g. to share a client).
    A missing secret variable or a bad option raises ConfigError naming the channel and key.
    """
    options = dict(channel.options)
    if channel.type == "email":
        from monitor.alerts.email import EmailNotifier

        return EmailNotifier(channel.name, options, _secret(channel, "password_env", environ))
    if channel.type == "webhook":
        from monitor.alerts.webhook import WebhookNotifier

        secret = _secret(channel, "secret_env", environ)
        return WebhookNotifier(channel.name, options, secret, poster=poster)
    raise ConfigError(
        f'expected "email" or "webhook", got {channel.type!r}',
        where=f"channel '{channel.name}'",
        key="type",
    )
