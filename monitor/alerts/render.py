"""Turning an alert into words: pure functions, no I/O, no clock.

:func:`view` reads the payload once into a :class:`View` (subject, headline, sections of
facts, summary and links); :func:`text_body` and :func:`html_body` format it for e-mail,
and the webhook module formats the same view for Slack and Teams. Everything scraped is
untrusted: :func:`header_safe` strips CR, LF and every other control character from what
goes into a header or a one-line field, :func:`html_body` escapes every value and links
only ``http(s)`` URLs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from monitor.alerts.message import Alert
from monitor.classify import SURE
from monitor.lead import truncate as truncate  # the alerts cut their texts with it

SUBJECT_MAX = 150
EVENT_LABELS = {
    "meeting": "Meeting",
    "visit": "Visit",
    "phone_call": "Phone call",
    "announcement": "Announcement",
    "agreement": "Agreement",
    "award": "Award",
    "conference": "Conference",
    "statement": "Statement",
    "other": None,
}
_SPACES = re.compile(r"\s+")
_JOINERS = "\u200c\u200d"  # zero-width (non-)joiners are part of Persian/Indic words


@dataclass(frozen=True)
class Link:
    """One outlet's article."""

    outlet: str
    title: str
    url: str


@dataclass(frozen=True)
class Section:
    """One story (or one source) in a message."""

    heading: str
    facts: tuple[tuple[str, str], ...] = ()
    summary: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class View:
    """What every format shows: the subject, an intro line and the sections."""

    subject: str
    intro: str
    sections: tuple[Section, ...] = field(default_factory=tuple)
    footer: str = ""


def header_safe(value: Any) -> str:
    """One clean line: control characters (CR, LF, NUL, U+2028...) become spaces."""
    text = "" if value is None else str(value)
    text = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} and ch not in _JOINERS else ch
        for ch in text
    )
    return _SPACES.sub(" ", text).strip()


def clean_text(value: Any) -> str:
    """Multi-line text with control characters removed (newlines and tabs kept)."""
    text = "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        ch for ch in text if ch in "\n\t" + _JOINERS or unicodedata.category(ch) not in {"Cc", "Cf"}
    ).strip()


def surname(name: str) -> str:
    """'Jeyhun Bayramov' -> 'Bayramov'; 'Salim M. AlMalik' -> 'AlMalik'."""
    words = [w.strip(",.;") for w in header_safe(name).split(" ")]
    words = [w for w in words if w]
    return words[-1] if words else ""


def _topics_tag(payload: Mapping[str, Any]) -> str:
    topics = [header_safe(t).upper() for t in payload.get("topics") or [] if header_safe(t)]
    return "[" + (", ".join(topics[:2]) if topics else "monitor") + "]"


def _subject_line(prefix: str, body: str, suffix: str = "") -> str:
    room = SUBJECT_MAX - len(prefix) - len(suffix)
    return prefix + truncate(header_safe(body), max(room, 20)) + suffix


def story_title(story: Mapping[str, Any]) -> str:
    """'Meeting: Bayramov – AlMalik, Rabat'; the headline when no participant is known."""
    label = EVENT_LABELS.get(str(story.get("event_type") or "other"))
    names = [surname(p.get("name") or "") for p in story.get("participants") or []]
    who = " – ".join(dict.fromkeys(n for n in names if n)) or header_safe(story.get("headline"))
    place = header_safe(story.get("place"))
    what = f"{who}, {place}" if place and place not in who else who
    return f"{label}: {what}" if label and what else what or "News"


def subject(alert: Alert) -> str:
    """The e-mail subject / chat title, one line of at most ``SUBJECT_MAX`` characters."""
    payload = alert.payload
    tag = _topics_tag(payload)
    if alert.kind in {"new_story", "test"}:
        prefix = ("[TEST] " if alert.kind == "test" else "") + tag + " "
        return _subject_line(prefix, story_title(payload.get("story") or {}))
    if alert.kind == "follow_up":
        outlets = header_safe(", ".join(map(str, payload.get("also_reported_by") or [])))
        suffix = f" ({truncate(outlets, 40)})" if outlets else ""
        return _subject_line(f"{tag} Also reported: ", _who(payload.get("story") or {}), suffix)
    if alert.kind == "digest":
        count = len(payload.get("stories") or [])
        return _subject_line(f"{tag} Digest: ", f"{count} {'story' if count == 1 else 'stories'}")
    source = payload.get("source") or {}
    if alert.kind == "source_failing":
        failures = source.get("consecutive_failures")
        suffix = f" ({failures} failures in a row)" if failures else ""
        return _subject_line("[monitor] Source failing: ", source.get("name") or "?", suffix)
    return _subject_line("[monitor] Source recovered: ", source.get("name") or "?")


def _who(story: Mapping[str, Any]) -> str:
    title = story_title(story)
    label = EVENT_LABELS.get(str(story.get("event_type") or "other"))
    return title.removeprefix(f"{label}: ") if label else title


def _participant(person: Mapping[str, Any]) -> str:
    extra = ", ".join(header_safe(person.get(k)) for k in ("role", "organisation") if person.get(k))
    name = header_safe(person.get("name"))
    return f"{name} ({extra})" if extra else name


def story_section(story: Mapping[str, Any]) -> Section:
    """The facts, first lines and links of one story."""
    facts: list[tuple[str, str]] = []
    label = EVENT_LABELS.get(str(story.get("event_type") or "other")) or "Other"
    sure = story.get("event_confidence")
    if isinstance(sure, int | float) and sure < SURE:  # worth a look: say so
        label += f" (not sure: {sure:.2f})"
    facts.append(("Event", label))
    for key, name in (("event_date", "Date"), ("place", "Place")):
        if story.get(key):
            facts.append((name, header_safe(story[key])))
    people = [_participant(p) for p in story.get("participants") or [] if p.get("name")]
    if people:
        facts.append(("Participants", "; ".join(people)))
    links = tuple(
        Link(
            outlet=header_safe(a.get("outlet")) or "?",
            title=header_safe(a.get("title")) or header_safe(a.get("url")),
            url=header_safe(a.get("url")),
        )
        for a in story.get("articles") or []
    )
    return Section(
        heading=header_safe(story.get("headline")) or story_title(story),
        facts=tuple(facts),
        summary=clean_text(story.get("summary")),
        links=links,
    )


def _source_section(source: Mapping[str, Any], failing: bool) -> Section:
    facts = [("Source", header_safe(source.get("name")))]
    if source.get("homepage"):
        facts.append(("Homepage", header_safe(source["homepage"])))
    if failing:
        facts.append(("Failures in a row", header_safe(source.get("consecutive_failures"))))
        facts.append(("Last error", header_safe(source.get("last_error")) or "unknown"))
    facts.append(("Last success", header_safe(source.get("last_success")) or "never"))
    heading = "Source is failing" if failing else "Source has recovered"
    return Section(heading=heading, facts=tuple(facts))


def view(alert: Alert) -> View:
    """Read the payload once into what every format shows."""
    payload = alert.payload
    rule = header_safe(payload.get("rule"))
    footer = f"Alert {alert.id}" + (f" · rule {rule}" if rule else "")
    intro = ""
    if alert.kind in {"new_story", "follow_up", "test"}:
        sections: tuple[Section, ...] = (story_section(payload.get("story") or {}),)
        if alert.kind == "follow_up":
            outlets = ", ".join(header_safe(o) for o in payload.get("also_reported_by") or [])
            intro = f"Also reported by {outlets}." if outlets else "Reported again."
        elif alert.kind == "test":
            intro = "This is a test alert with a sample story; your channel works."
    elif alert.kind == "digest":
        sections = tuple(story_section(s) for s in payload.get("stories") or [])
        period = payload.get("period") or {}
        start, end = header_safe(period.get("start")), header_safe(period.get("end"))
        intro = f"{len(sections)} new stories" + (f" from {start} to {end}." if start else ".")
    else:
        failing = alert.kind == "source_failing"
        sections = (_source_section(payload.get("source") or {}, failing),)
    return View(subject=subject(alert), intro=intro, sections=sections, footer=footer)


def text_body(alert: Alert) -> str:
    """The plain-text body of the e-mail."""
    v = view(alert)
    lines: list[str] = []
    if v.intro:
        lines += [v.intro, ""]
    for section in v.sections:
        lines += [section.heading, "=" * min(len(section.heading), 72)]
        lines += [f"{name}: {value}" for name, value in section.facts]
        if section.summary:
            lines += ["", section.summary]
        if section.links:
            lines += ["", "Reported by:"]
            lines += [f"- {ln.outlet}: {ln.title}\n  {ln.url}" for ln in section.links]
        lines.append("")
    lines += ["--", v.footer]
    return "\n".join(lines) + "\n"


def safe_url(url: str) -> str | None:
    """The URL if it is http(s) and has no quote or space, else None (never linked)."""
    ok = re.match(r"^https?://[^\s\"'<>`]+$", url, re.IGNORECASE)
    return url if ok else None


def _e(value: str) -> str:
    return html.escape(value, quote=True)


def _html_links(links: Sequence[Link]) -> str:
    items = []
    for ln in links:
        url = safe_url(ln.url)
        title = f'<a href="{_e(url)}">{_e(ln.title)}</a>' if url else _e(ln.title)
        items.append(f"<li><strong>{_e(ln.outlet)}</strong>: {title}</li>")
    return "<p>Reported by:</p>\n<ul>" + "".join(items) + "</ul>\n" if items else ""


def html_body(alert: Alert) -> str:
    """The HTML body of the e-mail; every value is escaped."""
    v = view(alert)
    parts = [
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
        f"<title>{_e(v.subject)}</title></head>\n<body>\n",
    ]
    if v.intro:
        parts.append(f"<p>{_e(v.intro)}</p>\n")
    for section in v.sections:
        parts.append(f"<h2>{_e(section.heading)}</h2>\n")
        if section.facts:
            rows = "".join(
                f'<tr><th align="left">{_e(k)}</th><td>{_e(val)}</td></tr>'
                for k, val in section.facts
            )
            parts.append(f"<table>{rows}</table>\n")
        for paragraph in filter(None, section.summary.split("\n")):
            parts.append(f"<p>{_e(paragraph)}</p>\n")
        parts.append(_html_links(section.links))
    parts.append(f"<hr><p><small>{_e(v.footer)}</small></p>\n</body></html>\n")
    return "".join(parts)
