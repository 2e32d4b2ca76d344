"""Discovery: feeds, listing pages and sitemaps -> candidate article links (pure).

The only module that imports feedparser. Nothing here fetches: ``pipeline`` hands in the
text of a feed, a listing page or a sitemap and gets back ``Candidate`` values.

Which links are articles:

* only links on the source's own hosts (its homepage host, with and without ``www.``,
  and ``hosts`` from sources.toml);
* with the source's ``article_links`` selector, every link it selects;
* else, with ``article_pattern``, links whose path (and query) match that regex;
* else a link looks like an article when its path has a numeric id of 4+ digits, ends
  in ``.html``/``.htm``/``.php`` with an id, carries a date (``/2024/01/31/``), or ends
  in a slug of at least three words; and is not navigation (tag, category, author,
  search, page-N, login, feed, static files).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import feedparser

from monitor.config import Source
from monitor.errors import ExtractError, InputError
from monitor.extract import extract_links
from monitor.urls import canonical_url


@dataclass(frozen=True)
class Candidate:
    """A link that may lead to an article, with what the feed already told about it."""

    url: str
    via: str  # "feed", "listing" or "sitemap"
    title: str | None = None
    published: datetime | None = None
    summary: str | None = None
    author: str | None = None


_NAVIGATION = re.compile(
    r"/(tags?|category|categories|author|authors|search|login|register|account|page|"
    r"rss|feeds?|about|contact|advertising|privacy|terms|subscribe|video|photos?|gallery)(/|$)"
    r"|[?&](page|p|tag|cat)=|/page/\d+|\.(jpe?g|png|gif|webp|svg|pdf|css|js|xml|ico|mp4|mp3|zip)$",
    re.IGNORECASE,
)
_ARTICLE_HINTS = (
    re.compile(r"\d{4,}"),  # a numeric id
    re.compile(r"/(19|20)\d\d/[01]?\d/[0-3]?\d/"),  # a date in the path
    re.compile(r"/[^/]*[a-z0-9]+(-[a-z0-9]+){2,}/?$", re.IGNORECASE),  # a slug of 3+ words
)


def on_own_host(url: str, source: Source) -> bool:
    return (urlsplit(url).hostname or "").lower() in source.all_hosts


def looks_like_article(url: str, source: Source) -> bool:
    """Whether a link on the source's own host looks like one of its articles."""
    if not on_own_host(url, source):
        return False
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    if source.article_pattern:
        return re.search(source.article_pattern, target) is not None
    if parts.path in ("", "/") or _NAVIGATION.search(target):
        return False
    return any(hint.search(parts.path) for hint in _ARTICLE_HINTS)


def _canonical(url: str, base: str) -> str | None:
    try:
        return canonical_url(url, base)
    except InputError:
        return None


def listing_candidates(html: str, page_url: str, source: Source) -> list[Candidate]:
    """Article links on a listing page, in page order, without duplicates."""
    selector = source.selectors.article_links
    found: dict[str, Candidate] = {}
    for link in extract_links(html, page_url, selector):
        url = _canonical(link, page_url)
        if url is None or url in found or url == canonical_url(page_url):
            continue
        if (selector is not None and on_own_host(url, source)) or looks_like_article(url, source):
            found[url] = Candidate(url=url, via="listing")
    return list(found.values())


def _entry_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(timegm(value), UTC)
    return None


def parse_feed(text: str, feed_url: str, source: Source | None = None) -> list[Candidate]:
    """Entries of an RSS or Atom feed; ExtractError when it is not a readable feed."""
    parsed = feedparser.parse(text)
    if not parsed.get("version") and not parsed.entries:
        raise ExtractError("not an RSS or Atom feed", url=feed_url)
    found: dict[str, Candidate] = {}
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id")
        url = _canonical(link, feed_url) if isinstance(link, str) else None
        if url is None or url in found:
            continue
        if source is not None and not on_own_host(url, source):
            continue
        found[url] = Candidate(
            url=url,
            via="feed",
            title=(entry.get("title") or "").strip() or None,
            published=_entry_time(entry),
            summary=(entry.get("summary") or "").strip() or None,
            author=(entry.get("author") or "").strip() or None,
        )
    if parsed.get("bozo") and not any(e.get("link") for e in parsed.entries):
        # broken XML that yielded no usable entry; a feed with a stray error but good
        # entries is still read (outlets' feeds are often slightly malformed)
        raise ExtractError(f"malformed feed: {parsed.get('bozo_exception')}", url=feed_url)
    return list(found.values())


_SITEMAP_NS = re.compile(r"^\{[^}]*\}")


def parse_sitemap(
    text: str, sitemap_url: str, source: Source | None = None
) -> tuple[list[Candidate], list[str]]:
    """(article candidates, child sitemaps) of a sitemap, a sitemap index or a news sitemap.

    Child sitemaps come newest first by their ``lastmod`` (those without one after, in the
    index's order): an outlet's index often lists its yearly or monthly sitemaps oldest
    first, and the news is in the newest."""
    try:
        root = ET.fromstring(text.encode("utf-8") if isinstance(text, str) else text)
    except ET.ParseError as exc:
        raise ExtractError(f"malformed sitemap: {exc}", url=sitemap_url) from exc
    tag = _SITEMAP_NS.sub("", root.tag)
    if tag not in {"urlset", "sitemapindex"}:
        raise ExtractError(f"not a sitemap (root element <{tag}>)", url=sitemap_url)
    candidates: dict[str, Candidate] = {}
    children: list[tuple[str, str]] = []  # (lastmod, url)
    for node in root:
        fields = {}
        for child in node.iter():
            name = _SITEMAP_NS.sub("", child.tag)
            if child.text and child.text.strip() and name not in fields:
                fields[name] = child.text.strip()
        loc = fields.get("loc")
        url = _canonical(loc, sitemap_url) if loc else None
        if url is None:
            continue
        if tag == "sitemapindex":
            lastmod = _w3c(fields.get("lastmod"))
            children.append((lastmod.isoformat() if lastmod else "", url))
            continue
        if source is not None and not on_own_host(url, source):
            continue
        published = _w3c(fields.get("publication_date") or fields.get("lastmod"))
        candidates.setdefault(
            url, Candidate(url=url, via="sitemap", title=fields.get("title"), published=published)
        )
    newest_first = sorted(children, key=lambda child: child[0], reverse=True)  # stable
    return list(candidates.values()), [url for _, url in newest_first]


def _w3c(value: str | None) -> datetime | None:
    """A sitemap's W3C datetime in UTC (a date alone at midnight UTC); None if unreadable."""
    if not value:
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)
