"""What an article page says of itself: JSON-LD article objects and ``<meta>`` values.

A helper of ``extract`` (which reads the tree with selectolax and hands it in): the
JSON-LD ``NewsArticle``/``Article``/``ReportageNews`` objects and the other *NewsArticle
types, in lists and ``@graph``, in page order (:func:`json_ld_articles`); their authors
cut to names (:func:`ld_author`); the ``<meta>`` values by property, name or itemprop
(:func:`meta_values`) with the OpenGraph and meta keys a publication date is read from
(``OG_DATES``, ``META_DATES``); the page's language as an ISO 639 code
(:func:`html_lang`, :func:`language_code`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from monitor.extract_generic import clean_author

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenews",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "report",
}
OG_DATES = ("article:published_time", "og:article:published_time", "og:published_time")
META_DATES = (
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publication_date",
    "datepublished",
    "article.published",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
_LANGUAGE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)


def html_lang(tree: LexborHTMLParser) -> str | None:
    """The ``lang`` attribute of the page's ``<html>``, as written."""
    node = tree.root
    return node.attributes.get("lang") if node is not None else None


def language_code(value: str | None) -> str | None:
    """The lowercase ISO 639 primary subtag of a language tag (``en-GB`` -> ``en``)."""
    match = _LANGUAGE.match((value or "").strip())
    return match.group(1).lower() if match else None


def json_ld_articles(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Article objects of the page's JSON-LD, in page order."""
    found: list[dict[str, Any]] = []

    def visit(item: Any) -> None:
        if isinstance(item, list):
            for value in item:
                visit(value)
        elif isinstance(item, dict):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                found.append(item)
            if "@graph" in item:
                visit(item["@graph"])

    for script in tree.css('script[type="application/ld+json"]'):
        text = script.text().strip().removeprefix("<!--").removesuffix("-->").strip()
        try:
            visit(json.loads(text, strict=False))
        except ValueError:
            continue  # a broken JSON-LD block is the outlet's bug, not a failed page
    return found


def ld_author(value: Any) -> str | None:
    """A JSON-LD ``author`` (a name, a Person, or a list of them) as names; no Organization."""
    if isinstance(value, list):
        names = [n for n in (ld_author(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, str):
        return clean_author(value)
    if isinstance(value, dict) and value.get("@type") != "Organization":
        return clean_author(value.get("name") if isinstance(value.get("name"), str) else "")
    return None


def meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta>`` values by lowercased property/name/itemprop; the first one wins."""
    values: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        key = key or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), content.strip())
    return values
