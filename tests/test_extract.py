"""Extraction: saved-style outlet pages against their expected files, and the rules."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from monitor import extract as extract_module
from monitor import extract_generic
from monitor.config import Selectors, parse_config
from monitor.errors import ExtractError
from monitor.extract import Extracted, extract_article, extract_links, validate_selector

SITES = Path(__file__).resolve().parent / "fixtures" / "sites"
NOW = datetime(2024, 6, 1, tzinfo=UTC)
CONFIG = parse_config((SITES / "selectors.toml").read_text(encoding="utf-8"), "selectors.toml")
PAGES = sorted(SITES.glob("*/article-*.html"))
LONG = " ".join(["The delegation discussed cooperation in education and culture."] * 8)


def _case_id(page: Path) -> str:
    return f"{page.parent.name}/{page.stem}"


@pytest.mark.parametrize("with_selectors", [True, False], ids=["selectors", "no-selectors"])
@pytest.mark.parametrize("page", PAGES, ids=_case_id)
def test_saved_page_yields_expected_article(page: Path, with_selectors: bool) -> None:
    expected = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
    selectors = CONFIG.source(page.parent.name).selectors if with_selectors else None
    result = extract_article(page.read_text("utf-8"), expected["url"], selectors, now=NOW)
    assert result.title == expected["title"]
    published = result.published.isoformat() if result.published else None
    assert published == expected["published"]
    assert result.author == expected["author"]
    for sentence in expected["must_contain"]:
        assert sentence in result.body
    for clutter in expected["must_not_contain"]:
        assert clutter not in result.body, f"clutter {clutter!r} left in the body"
    assert "\n\n" in result.body and "\n\n\n" not in result.body


def test_every_outlet_has_pages_and_selectors() -> None:
    for site in ("azernews", "trend", "newsaz"):
        assert len(list((SITES / site).glob("article-*.html"))) >= 2
        assert (SITES / site / "listing.html").exists() and (SITES / site / "feed.xml").exists()
        assert CONFIG.source(site).selectors.body


def test_page_without_jsonld_or_matching_selectors_goes_generic() -> None:
    page = SITES / "newsaz" / "article-legacy.html"
    result = extract_article(
        page.read_text("utf-8"), "https://news.az/news/x", CONFIG.source("newsaz").selectors
    )
    assert result.methods["title"] == "generic"
    assert result.methods["published"] == "generic"
    assert result.methods["body"] == "generic"


def test_epoch_meta_date_is_rejected_for_the_visible_date() -> None:
    page = SITES / "azernews" / "article-heritage.html"
    result = extract_article(page.read_text("utf-8"), "https://www.azernews.az/nation/1.html")
    assert result.published == datetime(2024, 5, 15, 7, 5, tzinfo=UTC)
    assert result.methods["published"] == "generic"


# ---------------------------------------------------------------------------------------
# field-by-field priority

LAYERED = f"""<html lang="en-GB"><head>
<title>Title tag | Outlet</title>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2024-03-03T10:00:00Z">
<meta name="author" content="Meta Author">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@graph": [{{"@type": "WebPage"}},
  {{"@type": "NewsArticle", "headline": "JSON-LD title",
    "datePublished": "2024-02-02T10:00:00+04:00", "author": {{"@type": "Person", "name": "Ld Author"}}}}]}}
</script></head>
<body><article>
<h1 class="headline">Selector title</h1>
<time class="stamp" datetime="2024-01-01T09:00:00+04:00">1 January</time>
<span class="who">Selector Author</span>
<div class="text"><p>{LONG}</p><p>Second paragraph of the selected body, long enough to count.</p></div>
</article></body></html>"""
FULL = Selectors(title="h1.headline", published="time.stamp", author=".who", body=".text")


def _without(html: str, *snippets: str) -> str:
    for snippet in snippets:
        assert snippet in html
        html = html.replace(snippet, "")
    return html


def test_selectors_beat_every_other_method() -> None:
    result = extract_article(LAYERED, "https://outlet.az/a/1", FULL, now=NOW)
    assert result.title == "Selector title"
    assert result.published == datetime(2024, 1, 1, 5, 0, tzinfo=UTC)
    assert result.author == "Selector Author"
    assert result.methods["title"] == result.methods["published"] == "selectors"
    assert result.methods["author"] == result.methods["body"] == "selectors"


def test_jsonld_beats_opengraph_and_meta() -> None:
    result = extract_article(LAYERED, "https://outlet.az/a/1", now=NOW)
    assert (result.title, result.author) == ("JSON-LD title", "Ld Author")
    assert result.published == datetime(2024, 2, 2, 6, 0, tzinfo=UTC)
    assert result.methods["title"] == result.methods["published"] == "json-ld"


def test_opengraph_and_meta_beat_generic() -> None:
    html = _without(
        LAYERED, '"headline": "JSON-LD title",', '"datePublished": "2024-02-02T10:00:00+04:00",'
    )
    html = html.replace('"author": {"@type": "Person", "name": "Ld Author"}', '"x": 1')
    result = extract_article(html, "https://outlet.az/a/1", now=NOW)
    assert result.title == "OG title" and result.methods["title"] == "opengraph"
    assert result.published == datetime(2024, 3, 3, 10, 0, tzinfo=UTC)
    assert result.methods["published"] == "opengraph"
    assert result.author == "Meta Author" and result.methods["author"] == "meta"


def test_generic_fills_what_nothing_else_gives() -> None:
    html = _without(
        LAYERED,
        '<meta property="og:title" content="OG title">',
        '<meta property="article:published_time" content="2024-03-03T10:00:00Z">',
        '<meta name="author" content="Meta Author">',
    )
    html = html.split('<script type="application/ld+json">')[0] + html.split("</script>")[1]
    result = extract_article(html, "https://outlet.az/a/1", now=NOW)
    assert result.title == "Selector title" and result.methods["title"] == "generic"
    assert result.published == datetime(2024, 1, 1, 5, 0, tzinfo=UTC)
    assert result.methods["published"] == result.methods["body"] == "generic"
    assert result.author is None and "author" not in result.methods


def test_feed_hint_fills_gaps_but_not_over_the_page() -> None:
    html = f"<html><body><h1>Page headline here</h1><div><p>{LONG}</p></div></body></html>"
    hint = {
        "title": "Feed title",
        "published": datetime(2024, 4, 4, tzinfo=UTC),
        "author": "Feed A",
    }
    result = extract_article(html, "https://outlet.az/a/1", feed_hint=hint, now=NOW)
    assert result.title == "Feed title" and result.methods["title"] == "feed"
    assert result.published == datetime(2024, 4, 4, tzinfo=UTC)
    assert result.author == "Feed A" and result.methods["author"] == "feed"
    layered = extract_article(LAYERED, "https://outlet.az/a/1", feed_hint=hint, now=NOW)
    assert layered.title == "JSON-LD title"


def test_selector_that_matches_nothing_falls_through() -> None:
    selectors = Selectors(title=".missing", body=".missing", published=".missing")
    result = extract_article(LAYERED, "https://outlet.az/a/1", selectors, now=NOW)
    assert result.methods["title"] == "json-ld" and result.methods["body"] == "generic"


def test_remove_selectors_delete_before_extraction() -> None:
    selectors = Selectors(body=".text", remove=(".text p + p",))
    result = extract_article(LAYERED, "https://outlet.az/a/1", selectors, now=NOW)
    assert "Second paragraph" not in result.body
    assert LONG in result.body


def test_dates_before_1990_or_in_the_future_are_rejected() -> None:
    future = LAYERED.replace("2024-02-02T10:00:00+04:00", "2031-01-01T00:00:00Z")
    result = extract_article(future, "https://outlet.az/a/1", now=NOW)
    assert result.published == datetime(2024, 3, 3, 10, 0, tzinfo=UTC)  # the og value
    old = LAYERED.replace("2024-02-02T10:00:00+04:00", "1989-12-31T00:00:00Z")
    assert extract_article(old, "https://outlet.az/a/1", now=NOW).methods["published"] == (
        "opengraph"
    )


def test_canonical_url_language_and_methods() -> None:
    html = LAYERED.replace(
        "<title>",
        '<link rel="canonical" href="/a/1?amp=0"><meta property="og:url" content="x"><title>',
    )
    result = extract_article(html, "https://outlet.az/a/1?utm_source=feed", now=NOW)
    assert result.canonical_url == "https://outlet.az/a/1?amp=0"
    assert result.language == "en"
    assert result.methods["canonical_url"] == "meta" and result.methods["language"] == "meta"
    og_only = LAYERED.replace(
        "<title>", '<meta property="og:url" content="https://outlet.az/a/1"><title>'
    ).replace(' lang="en-GB"', "")
    result = extract_article(og_only, "https://outlet.az/x", now=NOW)
    assert result.canonical_url == "https://outlet.az/a/1"
    assert result.methods["canonical_url"] == "opengraph" and result.language is None


def test_extracted_is_frozen() -> None:
    result = extract_article(LAYERED, "https://outlet.az/a/1")
    assert isinstance(result, Extracted)
    with pytest.raises(AttributeError):
        result.title = "x"  # type: ignore[misc]


# ---------------------------------------------------------------------------------------
# trafilatura fallback and failures


def test_trafilatura_is_used_when_generic_finds_too_little(monkeypatch: pytest.MonkeyPatch) -> None:
    html = f"<html><body><h1>A headline long enough</h1><div><p>{LONG}</p></div></body></html>"
    monkeypatch.setattr(extract_generic, "main_text", lambda root: [])
    result = extract_article(html, "https://outlet.az/a/1")
    assert result.methods["body"] == "trafilatura"
    assert "discussed cooperation in education" in result.body


def test_trafilatura_rescues_text_the_generic_scorer_cannot_see() -> None:
    # the text sits in inline elements of a table cell: no paragraph, no block text
    cells = "".join(f"<font>{LONG} Part {i}.</font> " for i in range(3))
    html = f"<html><body><h1>A headline long enough</h1><table><tr><td>{cells}</td></tr></table></body></html>"
    generic_only = extract_generic.main_text(
        extract_module.LexborHTMLParser(html).body  # type: ignore[arg-type]
    )
    assert generic_only == []
    result = extract_article(html, "https://outlet.az/a/1")
    assert result.methods["body"] == "trafilatura"
    assert "Part 2." in result.body


@pytest.mark.parametrize(
    "content",
    [
        "",
        "   \n",
        "%PDF-1.7 binary",
        '{"title": "json"}',
        '<?xml version="1.0"?><rss version="2.0"/>',
        "plain text",
    ],
    ids=["empty", "blank", "pdf", "json", "rss", "text"],
)
def test_non_html_raises_extract_error_with_url(content: str) -> None:
    with pytest.raises(ExtractError) as info:
        extract_article(content, "https://outlet.az/a/1")
    assert info.value.url == "https://outlet.az/a/1"


def test_page_without_title_or_body_raises() -> None:
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(
            "<html><head><title>Only a title</title></head><body></body></html>", "https://o.az/1"
        )
    with pytest.raises(ExtractError, match="no title"):
        extract_article(f"<html><body><div><p>{LONG}</p></div></body></html>", "https://o.az/1")


# ---------------------------------------------------------------------------------------
# selectors and links


@pytest.mark.parametrize(
    "css",
    [
        "div.article-content",
        "main .col-lg-8 a.news-item",
        'meta[property="og:title"]',
        "ul > li:nth-child(2)",
    ],
)
def test_valid_selectors_pass(css: str) -> None:
    assert validate_selector(css) is None


@pytest.mark.parametrize("css", ["a[", "div >> p", "..x", "", "p:unknown-pseudo("])
def test_invalid_selectors_are_reported(css: str) -> None:
    assert validate_selector(css)


def test_extract_links_without_selector_takes_every_link_resolved_and_deduped() -> None:
    html = (SITES / "azernews" / "listing.html").read_text("utf-8")
    links = extract_links(html, "https://www.azernews.az/region/")
    assert links[0] == "https://www.azernews.az/"
    assert "https://www.azernews.az/region/231874.html" in links
    assert "https://www.azernews.az/business/231950.html" in links  # the sidebar too
    assert len(links) == len(set(links))
    assert all(link.startswith("https://") and "#" not in link for link in links)


def test_extract_links_with_selector_keeps_only_selected_links_in_order() -> None:
    html = (SITES / "azernews" / "listing.html").read_text("utf-8")
    selector = CONFIG.source("azernews").selectors.article_links
    links = extract_links(html, "https://www.azernews.az/region/", selector)
    assert links == [
        "https://www.azernews.az/region/231874.html",
        "https://www.azernews.az/region/231866.html",
        "https://www.azernews.az/region/231861.html",
        "https://www.azernews.az/region/231855.html",
        "https://www.azernews.az/nation/231902.html",
    ]


def test_extract_links_selector_on_a_container_and_base_href() -> None:
    html = '<html><head><base href="https://cdn.outlet.az/x/"></head><body><div class="l"><a href="a.html">A</a><a href="mailto:x@y.az">m</a><a href="javascript:void(0)">j</a></div><a href="b.html">B</a></body></html>'
    assert extract_links(html, "https://outlet.az/", ".l") == ["https://cdn.outlet.az/x/a.html"]


def test_listing_selectors_of_every_outlet_find_its_articles() -> None:
    for site, expected in (("trend", 4), ("newsaz", 3)):
        html = (SITES / site / "listing.html").read_text("utf-8")
        source = CONFIG.source(site)
        links = extract_links(html, source.homepage, source.selectors.article_links)
        assert len(links) == expected + 1  # one duplicate differs only by its query


def test_a_date_without_an_offset_is_read_in_the_sources_time_zone() -> None:
    from zoneinfo import ZoneInfo

    html = (
        "<html><head><title>ICESCO delegation in Ganja</title></head><body><article>"
        "<h1>ICESCO delegation in Ganja</h1><span class='date'>20 May 2024 15:47</span>"
        "<div class='text'><p>An ICESCO delegation visited Ganja on Monday and met the "
        "city's museum directors to discuss a joint exhibition of manuscripts.</p>"
        "<p>The exhibition is planned for the autumn and will travel to Rabat next year, "
        "the organisers said after the meeting.</p></div></article></body></html>"
    )
    selectors = Selectors(published=".date", body=".text")
    utc = extract_article(html, "https://www.azernews.az/region/1.html", selectors)
    baku = extract_article(
        html, "https://www.azernews.az/region/1.html", selectors, tz=ZoneInfo("Asia/Baku")
    )
    assert utc.published == datetime(2024, 5, 20, 15, 47, tzinfo=UTC)
    assert baku.published == datetime(2024, 5, 20, 11, 47, tzinfo=UTC)


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Staff reporter", "Staff reporter"),
        ("By Culture desk", "Culture desk"),
        ("Автор: Анар Гасанов", "Анар Гасанов"),
        ("Müəllif: Leyla Əliyeva", "Leyla Əliyeva"),
    ],
)
def test_a_leading_byline_is_the_author_not_body_text(byline: str, author: str) -> None:
    text = "ICESCO opened an exhibition of Azerbaijani carpets in Rabat on Monday, officials said."
    html = (
        "<html><head><title>Carpets in Rabat</title></head><body><article><h1>Carpets in Rabat"
        f"</h1><p>{byline}</p><p>{text}</p><p>{text} The show runs for a month.</p>"
        "</article></body></html>"
    )
    result = extract_article(html, "https://outlet.az/news/1", now=NOW)
    assert result.author == author
    assert byline not in result.body and result.body.startswith("ICESCO opened")
