"""What an alert is: one frozen :class:`Alert` whose ``payload`` is the documented JSON.

The outbox creates an alert once (``new_alert``) and stores it; the delivery worker hands
the same value to each channel on every attempt, so its ``id`` (``msg_`` + 26 characters,
time-ordered, Crockford base32) is the ``webhook-id`` and the e-mail ``Message-ID`` of
every retry. Channels render the payload; they never look anything up.

Payload schema (``PAYLOAD_SCHEMA`` below is the same text; the README shows it as a table)::

    every alert
      type          "story.new" | "story.follow_up" | "digest" | "source.failing"
                    | "source.recovered" | "test"
      id            the alert id, "msg_..." (the same on every retry)
      timestamp     when the alert was created, ISO 8601 UTC ("2023-10-03T09:12:00Z")
      rule          the [[alerts]] rule that fired, or null (operator alerts)
      topics        ["icesco", ...] the topics that made it alert (may be empty)

    story.new, test     + story
    story.follow_up     + story, also_reported_by: ["News.az", ...] (the new outlets)
    digest              + period: {"start": ISO, "end": ISO}, stories: [story, ...]
    source.failing,
    source.recovered    + source: {"name", "homepage", "consecutive_failures",
                                    "last_error", "last_success" (ISO or null)}

    story
      id            archive id of the story (int)
      event_type    meeting | visit | phone_call | announcement | agreement | award
                    | conference | statement | other
      event_confidence  how sure the type is, 0-1, or null (stored before it was kept)
      event_date    "YYYY-MM-DD" or null
      place         "Baku" or null
      participants  [{"name": str, "role": str|null, "organisation": str|null}]
      headline      str
      summary       the first lines of the earliest article (str)
      articles      [{"id", "outlet", "url", "title", "published" (ISO or null),
                      "topics": [...], "matched_terms": {topic: [term, ...]}}]
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

KINDS = ("new_story", "follow_up", "digest", "source_failing", "source_recovered", "test")
PAYLOAD_TYPES = {
    "new_story": "story.new",
    "follow_up": "story.follow_up",
    "digest": "digest",
    "source_failing": "source.failing",
    "source_recovered": "source.recovered",
    "test": "test",
}
KIND_OF_TYPE = {value: key for key, value in PAYLOAD_TYPES.items()}
PAYLOAD_SCHEMA = __doc__.split("::\n\n", 1)[1] if __doc__ else ""

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ID_RE = re.compile(r"^[A-Za-z0-9_.-]{1,100}$")  # goes into headers: nothing else allowed


def new_alert_id(now: datetime | None = None) -> str:
    """A fresh id: ``msg_`` + 26 characters (a ULID: 48-bit milliseconds, 80 random bits)."""
    millis = int((now.timestamp() if now else time.time()) * 1000)
    value = (millis << 80) | secrets.randbits(80)
    chars = [_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5)]
    return "msg_" + "".join(chars)


def iso(moment: datetime) -> str:
    """An aware datetime as ISO 8601 UTC with a ``Z``, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class Alert:
    """One alert, identical on every delivery attempt.

    ``payload`` is the JSON sent to webhooks (see the module docstring); its ``id`` and
    ``type`` must agree with ``id`` and ``kind``. Build alerts with :func:`new_alert` or,
    from a stored payload, :func:`alert_from_payload`.
    """

    id: str
    kind: str
    rule: str | None
    created_at: datetime
    payload: Mapping[str, Any]

    def __post_init__(self) -> None:
        if not _ID_RE.match(self.id):
            raise ValueError(f"alert id {self.id!r} must be 1-100 of [A-Za-z0-9_.-]")
        if self.kind not in KINDS:
            raise ValueError(f"alert kind {self.kind!r} is not one of {', '.join(KINDS)}")
        if self.created_at.tzinfo is None:
            raise ValueError("alert created_at must be timezone-aware")
        if (
            self.payload.get("id") != self.id
            or self.payload.get("type") != PAYLOAD_TYPES[self.kind]
        ):
            raise ValueError("alert payload 'id'/'type' do not match the alert's id/kind")


def new_alert(
    kind: str,
    body: Mapping[str, Any],
    *,
    rule: str | None = None,
    topics: list[str] | tuple[str, ...] = (),
    created_at: datetime | None = None,
    alert_id: str | None = None,
) -> Alert:
    """Make an alert: the common fields (type, id, timestamp, rule, topics) + ``body``.

    ``body`` holds the kind's own keys (``story``, ``also_reported_by``, ``stories``,
    ``period``, ``source``).
    """
    if kind not in KINDS:
        raise ValueError(f"alert kind {kind!r} is not one of {', '.join(KINDS)}")
    created = (created_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    ident = alert_id or new_alert_id(created)
    payload: dict[str, Any] = {
        "type": PAYLOAD_TYPES[kind],
        "id": ident,
        "timestamp": iso(created),
        "rule": rule,
        "topics": list(topics),
    }
    payload.update(body)
    return Alert(id=ident, kind=kind, rule=rule, created_at=created, payload=payload)


def alert_from_payload(payload: Mapping[str, Any]) -> Alert:
    """Rebuild the alert from its stored payload (the outbox keeps only the JSON)."""
    try:
        kind = KIND_OF_TYPE[payload["type"]]
        created = datetime.fromisoformat(str(payload["timestamp"]).replace("Z", "+00:00"))
        return Alert(
            id=payload["id"],
            kind=kind,
            rule=payload.get("rule"),
            created_at=created,
            payload=dict(payload),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"not an alert payload: {exc}") from exc


def _sample_story() -> dict[str, Any]:
    return {
        "id": 12,
        "event_type": "meeting",
        "event_confidence": 0.9,
        "event_date": "2023-10-03",
        "place": "Baku",
        "participants": [
            {
                "name": "Jeyhun Bayramov",
                "role": "Minister of Foreign Affairs",
                "organisation": None,  # a national minister: no organisation named
            },
            {"name": "Salim M. AlMalik", "role": "Director General", "organisation": "ICESCO"},
        ],
        "headline": "Azerbaijani FM meets ICESCO Director General in Baku",
        "summary": (
            "Minister of Foreign Affairs Jeyhun Bayramov met with ICESCO Director General "
            "Salim M. AlMalik in Baku on 3 October. The sides discussed cooperation in "
            "education, science and the protection of cultural heritage."
        ),
        "articles": [
            {
                "id": 311,
                "outlet": "Trend",
                "url": "https://en.trend.az/azerbaijan/politics/3800123.html",
                "title": "Azerbaijani FM meets ICESCO Director General in Baku",
                "published": "2023-10-03T09:05:00Z",
                "topics": ["icesco"],
                "matched_terms": {"icesco": ["ICESCO", "AlMalik"]},
            },
            {
                "id": 312,
                "outlet": "Azernews",
                "url": "https://www.azernews.az/nation/215010.html",
                "title": "Bayramov, AlMalik discuss cooperation",
                "published": "2023-10-03T10:40:00Z",
                "topics": ["icesco"],
                "matched_terms": {"icesco": ["ICESCO"]},
            },
        ],
    }


def payload_example() -> dict[str, Any]:
    """A complete ``story.follow_up`` payload, as documented in the README."""
    created = datetime(2023, 10, 3, 11, 2, tzinfo=UTC)
    alert = new_alert(
        "follow_up",
        {"story": _sample_story(), "also_reported_by": ["Azernews"]},
        rule="icesco-events",
        topics=["icesco"],
        created_at=created,
        alert_id="msg_01HBV4W0QZ8Y7NB3M6K2XJ5D9T",
    )
    return dict(alert.payload)


def sample_alert(now: datetime | None = None) -> Alert:
    """A realistic ``test`` alert (a story as ``story.new`` would carry it), fresh id.

    Its rule is ``test`` and its story and articles have id 0, which no stored story or
    article has: a receiver that acts on ids cannot take it for a real one."""
    story = _sample_story()
    story["id"] = 0
    story["articles"] = [{**article, "id": 0} for article in story["articles"]]
    return new_alert("test", {"story": story}, rule="test", topics=["icesco"], created_at=now)
