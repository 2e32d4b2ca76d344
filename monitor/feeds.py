"""Atom 1.0 feeds of stories: one per topic and one per alert rule (pure formatting).

``GET /feeds/{name}.atom`` resolves ``name`` against the topics first, then the alert
rules (a topic and a rule may share a name; the topic wins); anything else is a 404.

A feed holds the newest stories, newest first (by first publication). Each entry is one
story:

* ``title``: the story's headline; ``summary``: event type, date, place, people and the
  outlets that reported it;
* ``link rel="alternate"``: the earliest article; ``link rel="related"``: every other
  outlet's article (``title`` = outlet); ``link rel="via"``: the story on this server;
* ``id``: ``tag:AUTHORITY,2024:monitor/story/ID`` (AUTHORITY is the host of
  ``MONITOR_CONTACT_URL``), stable across restarts, URLs and feeds, so a reader that
  follows two feeds sees one story once;
* ``published``: the first article's time; ``updated``: the last change to the story
  (a new outlet joining it updates the entry).

The feed's ``updated`` is its newest entry's; a feed with no entry gives a fixed time
(``EMPTY_UPDATED``), so its ETag stays the same until a story arrives.
:func:`etag_matches` reads ``If-None-Match`` as RFC 9110 says: a list of entity tags
compared weakly (``W/"x"`` matches ``"x"``), or ``*``.

Scraped text only ever enters the document as XML character data or attribute values
written by ElementTree, which escapes it; characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote

from monitor import __version__
from monitor.config import Config

ATOM = "http://www.w3.org/2005/Atom"
TAG_DATE = "2024"
EMPTY_UPDATED = f"{TAG_DATE}-01-01T00:00:00Z"  # an empty feed's updated: never "now"
_ENTITY_TAG = re.compile(r'(?:W/)?("[^"]*")')
# XML 1.0 has no way to write these characters, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

ET.register_namespace("", ATOM)


@dataclass(frozen=True)
class FeedSpec:
    """What one feed holds: the stories of a topic, or those an alert rule selects."""

    kind: Literal["topic", "alert"]
    name: str
    title: str
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def resolve_feed(config: Config, name: str) -> FeedSpec | None:
    """The feed called ``name``: a topic first, else an alert rule, else None."""
    for topic in config.topics:
        if topic.name == name:
            return FeedSpec("topic", name, f"monitor: {name}", topics=(name,))
    for rule in config.alerts:
        if rule.name == name:
            return FeedSpec(
                "alert",
                name,
                f"monitor: alert rule {name}",
                topics=tuple(rule.topics),
                events=tuple(rule.events),
                sources=tuple(rule.sources),
            )
    return None


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header matches ``etag`` (weak comparison)."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return opaque in _ENTITY_TAG.findall(if_none_match)


def _xml_text(value: Any) -> str:
    return _NOT_XML.sub("", str(value))


def _stamp(value: Any) -> str:
    """RFC 3339 in UTC, from a datetime or an ISO string."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        value = datetime.now(UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sub(parent: ET.Element, tag: str, text: Any = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


def summary(story: dict[str, Any]) -> str:
    """One line: event type, date, place, people and outlets."""
    parts = [str(story.get("event_type") or "other").replace("_", " ")]
    if story.get("event_date"):
        parts.append(str(story["event_date"]))
    if story.get("place"):
        parts.append(str(story["place"]))
    people = [p.get("name") for p in story.get("participants") or [] if p.get("name")]
    if people:
        parts.append("with " + ", ".join(people[:4]))
    outlets = story.get("sources") or [a["outlet"] for a in story.get("articles", [])]
    text = " · ".join(parts)
    if outlets:
        text += f". Reported by {', '.join(dict.fromkeys(outlets))}."
    if story.get("summary"):
        text += "\n\n" + str(story["summary"])
    return text


def atom_feed(
    spec: FeedSpec,
    stories: Sequence[dict[str, Any]],
    *,
    self_url: str,
    base_url: str,
    authority: str,
) -> bytes:
    """The Atom document (UTF-8 bytes) of ``stories`` as ``find_stories`` returns them."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", f"tag:{authority},{TAG_DATE}:monitor/{spec.kind}/{spec.name}")
    _sub(feed, "title", spec.title)
    subtitle = (
        f"Stories matching the topic {spec.name}"
        if spec.kind == "topic"
        else f"Stories the alert rule {spec.name} selects"
    )
    _sub(feed, "subtitle", subtitle)
    changes = [s.get("updated_at") or s.get("first_published") for s in stories]
    latest = max((_stamp(c) for c in changes if c), default=EMPTY_UPDATED)
    _sub(feed, "updated", latest)
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    page = f"{base_url}/?topic={quote(spec.name)}" if spec.kind == "topic" else f"{base_url}/"
    _sub(feed, "link", rel="alternate", href=page, type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "monitor")
    _sub(feed, "generator", "monitor", version=__version__)
    for story in stories:
        entry = _sub(feed, "entry")
        _sub(entry, "id", f"tag:{authority},{TAG_DATE}:monitor/story/{story['id']}")
        _sub(entry, "title", story.get("headline") or f"Story {story['id']}")
        first = story.get("first_published")
        _sub(entry, "updated", _stamp(story.get("updated_at") or first))
        if first:
            _sub(entry, "published", _stamp(first))
        outlets = story.get("outlets") or [
            {"outlet": a["outlet"], "url": a["url"]} for a in story.get("articles", [])
        ]
        for index, outlet in enumerate(outlets):
            rel = "alternate" if index == 0 else "related"
            _sub(entry, "link", rel=rel, href=outlet["url"], title=outlet["outlet"])
        _sub(entry, "link", rel="via", href=f"{base_url}/stories/{story['id']}", type="text/html")
        for topic in story.get("topics") or []:
            _sub(entry, "category", term=topic)
        if story.get("event_type"):
            _sub(entry, "category", term=f"event:{story['event_type']}")
        _sub(entry, "summary", summary(story), type="text")
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        feed, encoding="utf-8", xml_declaration=False
    )
