"""Extraction: an article page's HTML -> title, date, author, clean body (pure, no I/O).

The only module (with its helpers ``extract_generic``, ``extract_clutter`` and
``extract_meta``) that imports selectolax, and the only one that imports trafilatura.
Nothing here fetches or reads the clock: the caller hands in the page, its URL and, for
date sanity, ``now``.

Every field is taken from the first method that yields it, field by field:

============  =========================================================================
selectors     the source's CSS selectors from sources.toml (``remove`` runs first);
              a date is read from ``datetime``/``content`` attributes, else the text
json-ld       ``<script type="application/ld+json">``: NewsArticle, Article,
              ReportageNews and the other *NewsArticle types, in lists and ``@graph``;
              ``articleBody`` counts as a body only with 40 words or more
opengraph     ``og:title``, ``article:published_time``, ``article:author`` (not a URL)
meta          ``twitter:title``, ``name=title``, ``pubdate``/``date``/``dc.date``...,
              ``name=author``
feed          what the feed said of the article (``feed_hint``: title, published, author)
generic       the selectolax extractor of ``extract_generic`` (the ``h1``, ``<time>``
              and date-classed elements, a byline, the densest paragraph container)
trafilatura   the body only, when the generic extractor finds fewer than 30 words
============  =========================================================================

Dates are aware UTC datetimes; one without an offset is read as UTC, except the
"15 October 2024 11:29 (UTC+04:00)" form, whose offset is used. A date before 1990 or
more than two days after ``now`` is rejected and the next method is tried: CMSes print
``1970-01-01`` or far-future placeholders in their meta tags.

``methods`` records, for each field found (title, published, author, body, language,
canonical_url), the name of the method that gave it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import cached_property
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import trafilatura
from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from monitor import extract_generic as generic
from monitor.config import Selectors
from monitor.errors import ExtractError
from monitor.extract_dates import is_date_line, to_datetime
from monitor.extract_meta import (
    META_DATES,
    OG_DATES,
    html_lang,
    json_ld_articles,
    language_code,
    ld_author,
    meta_values,
)

_MIN_WORDS = 30


@dataclass(frozen=True)
class Extracted:
    """What one article page yields; ``methods`` names the method behind each field."""

    title: str
    body: str  # clean paragraphs joined by "\n\n"
    published: datetime | None = None  # aware, UTC
    author: str | None = None
    language: str | None = None  # ISO 639 primary subtag, lowercase
    canonical_url: str | None = None
    methods: dict[str, str] = field(default_factory=dict)


def validate_selector(css: str) -> str | None:
    """An error message when lexbor cannot parse the CSS selector, else None."""
    if not isinstance(css, str) or not css.strip():
        return "empty selector"
    try:
        LexborHTMLParser("<p></p>").css(css)
    except SelectolaxError as exc:
        return str(exc) or "cannot parse the selector"
    return None


def _parse(html: str, url: str) -> LexborHTMLParser:
    head = html[:4096].lstrip()[:1024].lower() if isinstance(html, str) else ""
    if not head:
        raise ExtractError("empty page", url=url)
    if (
        "<" not in head
        or head.startswith(("%pdf", "{", "["))
        or "\x00" in head
        or (("<rss" in head or "<feed" in head or "<urlset" in head) and "<html" not in head)
    ):
        raise ExtractError("not an HTML page", url=url)
    try:
        return LexborHTMLParser(html)
    except SelectolaxError as exc:
        raise ExtractError(f"cannot parse the page: {exc}", url=url) from exc


def _selected(tree: LexborHTMLParser, css: str | None) -> LexborNode | None:
    return tree.css_first(css) if css else None


def _attr_or_text(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    attrs = node.attributes
    return attrs.get("datetime") or attrs.get("content") or node.text(separator=" ")


def _first(candidates: Iterator[tuple[str, Any]], accept: Callable[[Any], Any]) -> tuple:
    """The first (method, accepted value) whose accepted value is truthy."""
    for method, raw in candidates:
        value = accept(raw)
        if value:
            return method, value
    return None, None


def _body_text(
    found: list[generic.Block], title: str | None, now: datetime | None
) -> tuple[str, str | None]:
    """Paragraphs joined; the headline, date-only lines and a leading byline left out."""
    heading = (title or "").casefold()
    kept = [
        block
        for block in found
        if block.text.casefold() != heading and not is_date_line(block.text)
    ]
    rest, byline = generic.split_byline(kept)
    return "\n\n".join(block.text for block in rest), byline


def _trafilatura(html: str, url: str) -> str:
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=False)
    return "\n\n".join(line.strip() for line in (text or "").splitlines() if line.strip())


class _Lazy:
    """What the page offers beside the selectors, each worked out only when first asked."""

    def __init__(self, tree: LexborHTMLParser, url: str) -> None:
        self.tree, self.url = tree, url
        self._cleaned = False

    @cached_property
    def ld(self) -> dict[str, Any]:
        """The JSON-LD article object: the one naming this URL, else the first."""
        articles = json_ld_articles(self.tree)
        for article in articles:
            entity = article.get("mainEntityOfPage")
            entity = entity.get("@id") if isinstance(entity, dict) else entity
            if self.url in (article.get("url"), entity):
                return article
        return articles[0] if articles else {}

    @cached_property
    def meta(self) -> dict[str, str]:
        return meta_values(self.tree)

    def cleaned(self) -> LexborNode | None:
        """The page body without the elements that are never article text."""
        root = self.tree.body
        if root is not None and not self._cleaned:
            generic.strip_clutter(root)
            self._cleaned = True
        return root


def extract_article(
    html: str,
    url: str,
    selectors: Selectors | None = None,
    *,
    feed_hint: dict[str, Any] | None = None,
    now: datetime | None = None,
    tz: tzinfo | None = None,
) -> Extracted:
    """Extract one article page; ExtractError (with ``url``) without a title or a body.

    ``tz`` is the time zone of dates the page writes without an offset (UTC if None)."""
    tree = _parse(html, url)
    sel = selectors or Selectors()
    hint = feed_hint or {}
    page = _Lazy(tree, url)
    if sel.remove:
        generic.remove_all(tree.css(", ".join(sel.remove)))
    methods: dict[str, str] = {}
    byline: list[str] = []

    def pick(name: str, candidates: Iterator[tuple[str, Any]], accept: Callable) -> Any:
        method, value = _first(candidates, accept)
        if method:
            methods[name] = method
        return value

    def title_candidates() -> Iterator[tuple[str, Any]]:
        yield "selectors", _attr_or_text(_selected(tree, sel.title))
        yield "json-ld", page.ld.get("headline") or page.ld.get("name")
        yield "opengraph", page.meta.get("og:title")
        yield "meta", page.meta.get("twitter:title") or page.meta.get("title")
        yield "feed", hint.get("title")
        yield "generic", generic.generic_title(tree)

    def date_candidates() -> Iterator[tuple[str, Any]]:
        yield "selectors", _attr_or_text(_selected(tree, sel.published))
        yield "json-ld", page.ld.get("datePublished") or page.ld.get("dateCreated")
        for key in OG_DATES:
            yield "opengraph", page.meta.get(key)
        for key in META_DATES:
            yield "meta", page.meta.get(key)
        yield "feed", hint.get("published")
        root = page.cleaned()
        for value in generic.date_texts(root) if root is not None else ():
            yield "generic", value

    def author_candidates() -> Iterator[tuple[str, Any]]:
        node = _selected(tree, sel.author)
        yield "selectors", node.text(separator=" ") if node is not None else None
        yield "json-ld", ld_author(page.ld.get("author"))
        yield "opengraph", page.meta.get("article:author")
        meta = page.meta
        yield "meta", meta.get("author") or meta.get("dc.creator") or meta.get("parsely-author")
        yield "feed", hint.get("author")
        yield "generic", generic.generic_author(tree.body) if tree.body is not None else None
        yield "generic", byline[0] if byline else None

    def text(value: Any) -> str | None:
        return generic.squash(value) or None if isinstance(value, str) else None

    title = pick("title", title_candidates(), text)
    published = pick("published", date_candidates(), lambda v: to_datetime(v, now, tz))

    body, method, found = "", None, None
    if sel.body:
        nodes = tree.css(sel.body)
        for node in nodes:  # blocks() drops the text-recognised clutter itself
            generic.strip_clutter(node, site_header=False)
        body, found = _body_text(generic.blocks(nodes), title, now)
        method = "selectors" if body else None
    if not body:
        ld_body = page.ld.get("articleBody")
        if isinstance(ld_body, str) and len(ld_body.split()) >= 40:
            lines = [generic.squash(line) for line in ld_body.splitlines()]
            body, method = "\n\n".join(line for line in lines if line), "json-ld"
    if not body:
        root = page.cleaned()
        if root is not None:
            generic.strip_boilerplate(root)
            body, found = _body_text(generic.main_text(root), title, now)
            method = "generic" if body else None
        if len(body.split()) < _MIN_WORDS:
            fallback = _trafilatura(html, url)
            if len(fallback.split()) > len(body.split()):
                body, method = fallback, "trafilatura"
    if method:
        methods["body"] = method
    if found:
        byline.append(found)
    author = pick("author", author_candidates(), generic.clean_author)

    def language_candidates() -> Iterator[tuple[str, Any]]:
        yield "meta", html_lang(tree)
        yield "opengraph", page.meta.get("og:locale")
        yield "meta", page.meta.get("content-language") or page.meta.get("language")
        yield "json-ld", page.ld.get("inLanguage")

    def canonical_candidates() -> Iterator[tuple[str, Any]]:
        scope = tree.head or tree.root  # the canonical link belongs in the head
        link = scope.css_first("link[rel~=canonical][href]") if scope is not None else None
        yield "meta", link.attributes.get("href") if link is not None else None
        yield "opengraph", page.meta.get("og:url")

    language = pick(
        "language",
        language_candidates(),
        lambda v: language_code(v) if isinstance(v, str) else None,
    )
    canonical = pick(
        "canonical_url",
        canonical_candidates(),
        lambda v: _absolute(v, url) if isinstance(v, str) else None,
    )
    if not title:
        raise ExtractError("no title found", url=url)
    if not body:
        raise ExtractError("no article text found", url=url)
    return Extracted(
        title=title,
        body=body,
        published=published,
        author=author,
        language=language,
        canonical_url=canonical,
        methods=methods,
    )


def _absolute(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    absolute = urldefrag(urljoin(base, href)).url
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def extract_links(html: str, base_url: str, selector: str | None = None) -> list[str]:
    """Absolute links of a listing page, in page order, without duplicates or fragments.

    With ``selector``, only the links at or under the nodes it matches; without, every
    ``<a href>``. A ``<base href>`` in the page is honoured.
    """
    tree = _parse(html, base_url)
    base_node = tree.css_first("base[href]")
    base = urljoin(base_url, base_node.attributes.get("href") or "") if base_node else base_url
    try:
        roots = tree.css(selector) if selector else [tree.root]
    except SelectolaxError as exc:
        raise ExtractError(f"bad CSS selector {selector!r}: {exc}", url=base_url) from exc
    found: dict[str, None] = {}
    for root in roots:
        if root is None:
            continue
        anchors = [root] if root.tag == "a" else []
        for node in anchors + root.css("a[href]"):
            absolute = _absolute(node.attributes.get("href") or "", base)
            if absolute:
                found.setdefault(absolute, None)
    return list(found)
