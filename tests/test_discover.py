"""Discovery: which links are articles, feeds, listing pages and sitemaps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.config import Selectors, Source
from monitor.discover import listing_candidates, looks_like_article, parse_feed, parse_sitemap
from monitor.errors import ExtractError

AZERNEWS = Source(
    name="Azernews",
    homepage="https://www.azernews.az/",
    feeds=("https://www.azernews.az/feed.php",),
)
NEWSAZ = Source(
    name="News.az",
    homepage="https://news.az/",
    listings=("https://news.az/",),
    article_pattern=r"^/news/[a-z0-9]+(-[a-z0-9]+){2,}$",
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.azernews.az/nation/301001.html", True),
        ("https://azernews.az/region/301002.html", True),
        ("https://www.azernews.az/2025/03/11/icesco-deputy-minister-visit/", True),
        ("https://www.azernews.az/news/icesco-and-azerbaijan-discuss-heritage", True),
        ("https://www.azernews.az/", False),
        ("https://www.azernews.az/nation/", False),
        ("https://www.azernews.az/tag/icesco", False),
        ("https://www.azernews.az/category/culture-news-2025", False),
        ("https://www.azernews.az/author/aysel-mammadova-123456", False),
        ("https://www.azernews.az/search?q=icesco-news-today", False),
        ("https://www.azernews.az/nation/?page=2", False),
        ("https://www.azernews.az/uploads/photo-2025-03-11.jpg", False),
        ("https://www.azernews.az/about", False),
        ("https://twitter.com/AzerNewsAz/status/123456789", False),  # not the outlet's host
        ("https://en.trend.az/azerbaijan/politics/4001002.html", False),
    ],
)
def test_which_links_look_like_articles(url: str, expected: bool) -> None:
    assert looks_like_article(url, AZERNEWS) is expected


def test_article_pattern_decides_when_given() -> None:
    assert looks_like_article("https://news.az/news/icesco-and-azerbaijan-discuss-heritage", NEWSAZ)
    assert not looks_like_article("https://news.az/category/politics", NEWSAZ)
    assert not looks_like_article("https://news.az/news/icesco/comments", NEWSAZ)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Azernews</title><link>https://www.azernews.az/</link>
<item><title>Deputy minister visits ICESCO headquarters</title>
<link>https://www.azernews.az/nation/301001.html?utm_source=rss</link>
<pubDate>Tue, 11 Mar 2025 09:30:00 +0400</pubDate><description>Rabat talks.</description></item>
<item><title>Offsite</title><link>https://example.com/elsewhere-story-1234</link></item>
<item><title>Again</title><link>https://www.azernews.az/nation/301001.html</link></item>
</channel></rss>"""


def test_feed_entries_become_canonical_candidates_on_the_outlets_host() -> None:
    (entry,) = parse_feed(RSS, "https://www.azernews.az/feed.php", AZERNEWS)
    assert entry.url == "https://www.azernews.az/nation/301001.html"
    assert entry.title == "Deputy minister visits ICESCO headquarters"
    assert entry.published == datetime(2025, 3, 11, 5, 30, tzinfo=UTC)
    assert entry.via == "feed"


def test_atom_feeds_are_read() -> None:
    atom = """<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
    <entry><title>ICESCO call</title><link href="https://www.azernews.az/nation/301003.html"/>
    <id>urn:x</id><updated>2025-03-12T10:00:00Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, "https://www.azernews.az/atom", AZERNEWS)
    assert entry.url.endswith("/nation/301003.html")
    assert entry.published == datetime(2025, 3, 12, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["<html><body>Not a feed</body></html>", "<rss><channel><item><title>x</ti"]
)
def test_a_malformed_feed_is_an_error_naming_the_url(text: str) -> None:
    with pytest.raises(ExtractError, match="https://www.azernews.az/feed.php"):
        parse_feed(text, "https://www.azernews.az/feed.php", AZERNEWS)


def test_listing_without_selector_keeps_article_links_only() -> None:
    html = """<html><body><nav><a href="/">Home</a><a href="/tag/icesco">ICESCO</a>
    <a href="/news/politics">Politics</a></nav>
    <ul><li><a href="/news/icesco-and-azerbaijan-discuss-heritage">ICESCO and Azerbaijan</a></li>
    <li><a href="https://news.az/news/shusha-culture-capital-events-begin?utm_medium=x">Shusha</a></li>
    <li><a href="https://facebook.com/sharer?u=https://news.az/news/x-y-z">share</a></li></ul></body></html>"""
    found = [c.url for c in listing_candidates(html, "https://news.az/", NEWSAZ)]
    assert found == [
        "https://news.az/news/icesco-and-azerbaijan-discuss-heritage",
        "https://news.az/news/shusha-culture-capital-events-begin",
    ]


def test_listing_with_selector_takes_what_it_selects() -> None:
    source = Source(
        name="Azernews",
        homepage="https://www.azernews.az/",
        listings=("https://www.azernews.az/nation/",),
        selectors=Selectors(article_links=".news-list a"),
    )
    html = """<div class="sidebar"><a href="/nation/299999.html">Latest: old story</a></div>
    <div class="news-list"><a href="/nation/301001.html">One</a><a href="/nation/301002.html">Two</a></div>"""
    found = [c.url for c in listing_candidates(html, "https://www.azernews.az/nation/", source)]
    assert found == [
        "https://www.azernews.az/nation/301001.html",
        "https://www.azernews.az/nation/301002.html",
    ]


def test_sitemaps_and_sitemap_indexes() -> None:
    news = """<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://www.azernews.az/nation/301001.html</loc>
        <news:news><news:publication_date>2025-03-11T09:30:00+04:00</news:publication_date>
        <news:title>Deputy minister visits ICESCO</news:title></news:news></url>
    </urlset>"""
    (candidate,), children = parse_sitemap(
        news, "https://www.azernews.az/sitemap-news.xml", AZERNEWS
    )
    assert children == []
    assert candidate.published == datetime(2025, 3, 11, 5, 30, tzinfo=UTC)
    assert candidate.title == "Deputy minister visits ICESCO"
    index = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://www.azernews.az/sitemap-1.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index, "https://www.azernews.az/sitemap.xml") == (
        [],
        ["https://www.azernews.az/sitemap-1.xml"],
    )
    with pytest.raises(ExtractError, match="malformed sitemap"):
        parse_sitemap("<urlset><url>", "https://www.azernews.az/sitemap.xml")
