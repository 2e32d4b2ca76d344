"""URL canonicalisation: one table of (given, canonical), the keys, the hosts and the errors."""

from __future__ import annotations

import pytest

from monitor.errors import InputError
from monitor.urls import canonical_url, host_of, url_key

CANONICAL = [
    # scheme, host, port
    ("HTTPS://News.AZ/news/visit", "https://news.az/news/visit"),
    ("https://news.az:443/news/visit", "https://news.az/news/visit"),
    ("http://news.az:80/news/visit", "http://news.az/news/visit"),
    ("http://news.az:8080/news/visit", "http://news.az:8080/news/visit"),
    ("https://news.az:80/news/visit", "https://news.az:80/news/visit"),
    ("http://news.az/news/visit", "http://news.az/news/visit"),  # the scheme is kept
    ("https://user:secret@news.az/a", "https://news.az/a"),
    ("https://news.az./a", "https://news.az/a"),
    ("https://пример.аз/xəbər", "https://xn--e1afmkfd.xn--80ao/x%C9%99b%C9%99r"),
    ("https://Bücher.example/a", "https://xn--bcher-kva.example/a"),
    # fragment and surrounding whitespace
    ("  https://news.az/a#comments \n", "https://news.az/a"),
    ("https://news.az/a\n/b", "https://news.az/a/b"),
    # path: slashes, dot segments, trailing slash, index pages
    ("https://news.az/", "https://news.az/"),
    ("https://news.az", "https://news.az/"),
    ("https://news.az/politics/", "https://news.az/politics"),
    ("https://news.az//politics///2024//visit/", "https://news.az/politics/2024/visit"),
    ("https://news.az/a/./b/../c", "https://news.az/a/c"),
    ("https://news.az/politics/index.html", "https://news.az/politics"),
    ("https://news.az/index.php", "https://news.az/"),
    ("https://x.az/en/index.php/ne/603-opening", "https://x.az/en/index.php/ne/603-opening"),
    # percent-encoding
    ("https://x.az/%7eeditor/%d0%b0", "https://x.az/~editor/%D0%B0"),
    ("https://x.az/news/%41%42c", "https://x.az/news/ABc"),
    ("https://x.az/l’oci-a-publié", "https://x.az/l%E2%80%99oci-a-publi%C3%A9"),
    ("https://x.az/a b/100%", "https://x.az/a%20b/100%25"),
    ("https://x.az/s?q=icesco+baku&t=a%2fb", "https://x.az/s?q=icesco+baku&t=a%2Fb"),
    # tracking parameters go, the rest is sorted
    ("https://news.az/a?utm_source=tg&utm_medium=social", "https://news.az/a"),
    ("https://news.az/a?UTM_Campaign=x&id=7", "https://news.az/a?id=7"),
    ("https://news.az/a?fbclid=IwAR0&gclid=1&yclid=2&msclkid=3", "https://news.az/a"),
    ("https://news.az/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&_gl=5", "https://news.az/a"),
    ("https://news.az/a?ref=home&ref_src=twsrc&spm=a.b&cmpid=rss", "https://news.az/a"),
    ("https://news.az/a?__twitter_impression=true&dclid=1&gbraid=2&wbraid=3", "https://news.az/a"),
    ("https://news.az/a?z=1&b=2&a=3", "https://news.az/a?a=3&b=2&z=1"),
    ("https://news.az/a?tag=b&tag=a", "https://news.az/a?tag=b&tag=a"),  # repeated keys keep order
    ("https://news.az/a?&&id=5&", "https://news.az/a?id=5"),
    ("https://news.az/a?", "https://news.az/a"),
    # AMP and print variants fold
    ("https://news.az/amp/news/visit", "https://news.az/news/visit"),
    ("https://news.az/news/visit/amp", "https://news.az/news/visit"),
    ("https://news.az/news/visit/amp/", "https://news.az/news/visit"),
    ("https://amp.news.az/news/visit", "https://news.az/news/visit"),
    ("https://news.az/news/visit?amp", "https://news.az/news/visit"),
    ("https://news.az/news/visit?amp=1", "https://news.az/news/visit"),
    ("https://news.az/news/visit?output=amp", "https://news.az/news/visit"),
    ("https://news.az/news/visit?outputType=amp", "https://news.az/news/visit"),
    ("https://news.az/news/visit?print", "https://news.az/news/visit"),
    ("https://news.az/news/visit?print=1", "https://news.az/news/visit"),
    ("https://news.az/news/visit?print=true&id=4", "https://news.az/news/visit?id=4"),
    ("https://news.az/print/news/visit", "https://news.az/news/visit"),
    # negatives: things that look alike but must NOT be folded
    ("https://news.az/news.php?id=123", "https://news.az/news.php?id=123"),
    ("https://mtm.az/?p=182598", "https://mtm.az/?p=182598"),
    ("https://azfreespeech.az/a/?lang=ru", "https://azfreespeech.az/a?lang=ru"),
    ("https://x.az/engine/print.php?newsid=72797", "https://x.az/engine/print.php?newsid=72797"),
    ("https://news.az/tech/amplifier", "https://news.az/tech/amplifier"),
    ("https://news.az/amp-news/visit", "https://news.az/amp-news/visit"),
    ("https://news.az/history/printing-press", "https://news.az/history/printing-press"),
    ("https://news.az/ampArticle/89091", "https://news.az/ampArticle/89091"),
    ("https://news.az/amp", "https://news.az/amp"),  # nothing else would remain
    ("https://amp.az/news/visit", "https://amp.az/news/visit"),  # "amp" is the domain here
    ("https://news.az/a?amp=0", "https://news.az/a?amp=0"),
    ("https://news.az/a?print=page2", "https://news.az/a?print=page2"),
    ("https://news.az/a?reference=9", "https://news.az/a?reference=9"),
    ("https://m.news.az/a", "https://m.news.az/a"),
    ("https://www.news.az/a", "https://www.news.az/a"),
    ("https://news.az/News/Visit", "https://news.az/News/Visit"),  # path case is meaningful
]


@pytest.mark.parametrize(("given", "expected"), CANONICAL)
def test_canonical_url(given: str, expected: str) -> None:
    assert canonical_url(given) == expected


@pytest.mark.parametrize(("given", "expected"), CANONICAL)
def test_canonical_url_is_idempotent(given: str, expected: str) -> None:
    assert canonical_url(expected) == expected


@pytest.mark.parametrize(
    ("link", "base", "expected"),
    [
        ("/news/visit?utm_source=x", "https://news.az/politics/", "https://news.az/news/visit"),
        ("visit", "https://news.az/politics/", "https://news.az/politics/visit"),
        ("../visit", "https://news.az/politics/2024/", "https://news.az/politics/visit"),
        ("//amp.trend.az/x/amp", "https://news.az/", "https://trend.az/x"),
        ("?id=5", "https://news.az/news.php?id=4", "https://news.az/news.php?id=5"),
        ("https://apa.az/a", "https://news.az/", "https://apa.az/a"),
    ],
)
def test_relative_links_resolve_against_the_base(link: str, base: str, expected: str) -> None:
    assert canonical_url(link, base) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "news.az/news/visit",
        "/news/visit",
        "//news.az/news/visit",
        "mailto:editor@news.az",
        "javascript:void(0)",
        "ftp://news.az/file",
        "data:text/html,hello",
        "http://",
        "https:///path-only",
        "https://news..az/a",
        "https://news.az:port/a",
        "https://news.az:99999/a",
        "https://news az/a",
    ],
)
def test_unusable_urls_raise_input_error(url: str) -> None:
    with pytest.raises(InputError, match="unusable URL"):
        canonical_url(url)


def test_a_relative_link_with_a_non_http_base_is_refused() -> None:
    with pytest.raises(InputError):
        canonical_url("a", "file:///tmp/")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("http://news.az/a", "https://news.az/a"),
        ("https://www.news.az/a/", "https://news.az/a"),
        ("http://WWW.News.az:80/amp/a?utm_source=x#top", "https://news.az/a"),
        ("https://news.az/a?b=1&a=2", "https://news.az/a?a=2&b=1"),
    ],
)
def test_url_key_folds_scheme_and_www(left: str, right: str) -> None:
    assert url_key(left) == url_key(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("https://news.az/a", "https://m.news.az/a"),
        ("https://news.az/a?id=1", "https://news.az/a?id=2"),
        ("https://news.az/a", "https://news.az:8443/a"),
        ("https://news.az/a", "https://news.az/b"),
        ("https://wwwnews.az/a", "https://news.az/a"),
    ],
)
def test_url_key_keeps_distinct_pages_apart(left: str, right: str) -> None:
    assert url_key(left) != url_key(right)


def test_url_key_has_no_scheme() -> None:
    assert url_key("https://www.news.az/news/visit?id=4") == "news.az/news/visit?id=4"


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://WWW.Azernews.AZ/nation/1.html", "www.azernews.az"),
        ("http://news.az:8080/a", "news.az"),
        ("https://amp.trend.az/a", "trend.az"),
        ("https://пример.аз/", "xn--e1afmkfd.xn--80ao"),
    ],
)
def test_host_of(url: str, host: str) -> None:
    assert host_of(url) == host


def test_host_of_refuses_what_canonical_url_refuses() -> None:
    with pytest.raises(InputError):
        host_of("mailto:editor@news.az")
