"""Full-text search over the archive's titles and bodies (SQLite FTS5, PostgreSQL tsvector).

The query language
------------------

``monitor search`` and the archive page take the same query text:

=========================  =======================================================
``heritage forum``         both words, anywhere in the title or the body (AND)
``"Shusha declaration"``   the words next to each other, in this order (a phrase)
``-sport``, ``NOT sport``   no article that has the word; ``-"press release"``: a phrase
``Baku OR Shusha``         either term; ``OR`` (in capitals) or ``|`` joins the terms
                           on each side: ``culture Baku OR Shusha`` is culture AND
                           (Baku OR Shusha)
``herit*``                 words starting with ``herit`` (two letters at least);
                           ``"world herit*"`` ends a phrase with a prefix
=========================  =======================================================

* Case and accents do not matter: ``susa`` finds *Şuşa*, ``icesco`` finds *ICESCO*,
  ``istanbul`` finds *İstanbul*. The Azerbaijani/Turkish dotless ``ı`` and the schwa
  ``ə`` fold to ``i`` and ``e`` (``gence`` finds *Gəncə*), the Russian ``ё`` to ``е``.
  On PostgreSQL accents fold only when the ``unaccent`` extension could be installed
  (case always folds); without it ``şuşa`` is still found by ``Şuşa`` and ``şuşa``.
* Punctuation separates words and is otherwise ignored: ``covid-19`` is the phrase
  ``"covid 19"``, ``ICESCO's`` the phrase ``"icesco s"``. ``AND`` (in capitals), ``&``,
  ``+`` and stray characters (``(``, ``*``, a lone ``-`` or ``"``) are ignored, so no
  input is a syntax error; a query left with no word lists the newest articles.
* A query of exclusions only (``-sport``) lists the newest articles without them.
* Exclusions cannot be OR'ed: ``a OR -b`` is ``a -b``. At most 32 terms.

Results are ranked by relevance (title matches weigh five times body matches: ``bm25``
on SQLite, ``ts_rank_cd`` on PostgreSQL; ties go to the later-stored article) or listed
newest first. Filters (topic, source, event type, language, a date range on the
publication time, or the fetch time when it is unknown) apply to both and to an empty
query.
The text and the filters become SQL in ``monitor.store.selection``, which the counts per
day of ``monitor.store.coverage`` share, so both always select the same articles.

Snippets: ``SearchHit.snippet_parts`` is the excerpt as ``(text, is_match)`` pieces;
``SearchHit.snippet`` joins them with the markers the caller chose
(``SearchQuery.marks``, ``[`` and ``]`` by default, for the terminal). The text is raw
scraped text: a web page must escape it, e.g.
``render_snippet(hit.snippet_parts, ("<mark>", "</mark>"), html.escape)``.

The index (``monitor.store.search_index``: ``ensure_search``, ``rebuild_search``) is an
FTS5 table on SQLite and a stored ``tsvector`` column with a GIN index on PostgreSQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Integer, bindparam, func, literal_column, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from monitor.errors import StoreError
from monitor.models import ArticleRow, ArticleTopicRow
from monitor.store.search_index import MARKUP
from monitor.store.search_index import ensure_search as ensure_search  # re-exported
from monitor.store.selection import (
    CONFIG,
    FTS,
    VECTOR,
    article_time,
    matching,
    plan,
    tsquery,
)
from monitor.store.selection import MAX_LIMIT as MAX_LIMIT  # re-exported for the faces
from monitor.store.selection import SearchQuery as SearchQuery  # the input of search()

log = logging.getLogger("monitor.store.search")

TITLE_WEIGHT = 5.0
_OPEN, _CLOSE = "\x02", "\x03"  # snippet markers inside the database, never shown
# ts_headline parses the body as to_tsvector does (see MARKUP) and would leave "<...>" out
# of the snippet: it reads the markup characters as these stand-ins (never in normalised
# text), which _parts puts back
_STAND_INS = "\x04\x05\x06"
_PUT_BACK = str.maketrans(_STAND_INS, MARKUP)


@dataclass(frozen=True)
class SearchHit:
    """One article found. ``score``: higher is better (0.0 when listing without text).

    ``snippet_parts`` is raw article text in ``(text, is_match)`` pieces; ``snippet``
    joins them with the query's markers and is NOT escaped for HTML.
    """

    article_id: int
    url: str
    source: str
    title: str
    published: datetime | None
    language: str
    topics: tuple[str, ...]
    event_type: str | None
    event_confidence: float | None
    story_id: int | None
    score: float
    snippet: str
    snippet_parts: tuple[tuple[str, bool], ...] = field(default=())


@dataclass(frozen=True)
class SearchPage:
    """One page of results and the count of all matches."""

    total: int
    hits: list[SearchHit]
    offset: int = 0

    @property
    def next_offset(self) -> int | None:
        following = self.offset + len(self.hits)
        return following if self.hits and following < self.total else None


def render_snippet(
    parts: Sequence[tuple[str, bool]],
    marks: tuple[str, str] = ("[", "]"),
    escape: Callable[[str], str] = str,
) -> str:
    """Join snippet pieces: each piece escaped, the matches between the markers."""
    opening, closing = marks
    return "".join(opening + escape(t) + closing if hit else escape(t) for t, hit in parts)


def _parts(raw: str) -> tuple[tuple[str, bool], ...]:
    pieces = raw.translate(_PUT_BACK).split(_OPEN)
    parts: list[tuple[str, bool]] = [(pieces[0].replace(_CLOSE, ""), False)]
    for piece in pieces[1:]:
        marked, _, rest = piece.partition(_CLOSE)
        parts += [(marked, True), (rest.replace(_CLOSE, ""), False)]
    return tuple(p for p in parts if p[0])


def _excerpt(body: str, length: int = 200) -> str:
    if len(body) <= length:
        return body
    cut = body[:length].rsplit(None, 1)[0] if " " in body[:length] else body[:length]
    return cut + "…"


# -- searching ---------------------------------------------------------------------------

_HIT = ArticleRow.__table__.alias("hit")  # type: ignore[attr-defined]  # SQLModel sets it
_HIT_NAMES = "url source title published language topics event_type event_confidence story_id"
_HIT_COLUMNS = tuple(_HIT.c[name] for name in _HIT_NAMES.split())
_WEIGHTS: Any = literal_column("'{0.1, 0.1, 0.2, 1.0}'::float4[]")  # D, C, B: body, A: title
_HEADLINE = (
    f"StartSel={_OPEN}, StopSel={_CLOSE}, MaxWords=30, MinWords=12, ShortWord=2,"
    ' MaxFragments=2, FragmentDelimiter=" … "'
)


# a listing of more articles of one topic than this walks the articles newest first (and
# checks each one's topic) instead of sorting the topic's whole list: at a million
# articles a listing of a topic of 200,000 took 450 ms, and now well under 1 ms; walking
# for a rare topic would read most of the archive, so below this the list is sorted
WALK_FROM = 2000


@lru_cache(maxsize=512)
def _statements(
    dialect: str, mode: str, newest: bool, filters: tuple[str, ...], walk: bool = False
) -> Any:
    """(count, page) for one shape of query, values left as bind parameters: building a
    statement costs more than running a selective one, so each shape is built once."""
    source, article_id, conds = matching(dialect, mode, filters, rows=newest, walk=walk)
    score: Any = literal_column("0.0")
    if mode == "match" and dialect == "sqlite":
        score = -func.bm25(literal_column("article_fts"), TITLE_WEIGHT, 1.0)
    elif mode == "match":
        score = func.ts_rank_cd(_WEIGHTS, VECTOR, tsquery("tsquery"), 1)
    counting = select(func.count()).select_from(source).where(*conds)
    if mode == "list" and filters == ("topic",):
        # one topic listed: its rows in the topic index are the articles (one row per
        # article and topic, and articles are never deleted), so count them there alone
        # instead of looking up every article (a second at a million articles)
        topic = col(ArticleTopicRow.topic) == bindparam("topic")
        counting = select(func.count()).select_from(ArticleTopicRow).where(topic)
    columns = [article_id.label("id"), score.label("score")]
    if newest or mode != "match":
        columns.append(article_time.label("at"))
    sort = [columns[-1], columns[0]]  # (at or score) descending, then id descending
    page = (
        select(*columns)
        .select_from(source)
        .where(*conds)
        .order_by(*(c.desc() for c in sort))
        .limit(bindparam("limit", type_=Integer))
        .offset(bindparam("offset", type_=Integer))
        .subquery("page")
    )
    if mode != "match":
        excerpt: Any = func.substr(_HIT.c.body, 1, 240)
    elif dialect == "sqlite":
        # correlated: FTS5 answers "MATCH ... AND rowid = page.id" by a lookup, no scan
        snippet = func.snippet(literal_column("article_fts"), 1, _OPEN, _CLOSE, "…", 24)
        excerpt = (
            select(snippet)
            .where(text("article_fts MATCH :match"), FTS.c.rowid == page.c.id)
            .scalar_subquery()
        )
    else:
        headline: Any = bindparam("headline", _HEADLINE)
        body = func.translate(_HIT.c.body, MARKUP, _STAND_INS)
        excerpt = func.ts_headline(CONFIG, body, tsquery("tsquery"), headline)
    listing = (
        select(page.c.id, page.c.score, excerpt.label("excerpt"), *_HIT_COLUMNS)
        .select_from(page.join(_HIT, _HIT.c.id == page.c.id))
        .order_by(*(page.c[c.name].desc() for c in sort))
    )
    return counting, listing


def search(engine: Engine, query: SearchQuery) -> SearchPage:
    """One page of articles matching the query, best (or newest) first, with the total."""
    shape = plan(engine, query)
    mode = shape.mode
    params = {**shape.params, "limit": query.limit, "offset": query.offset}
    newest = query.order == "newest"
    counting, listing = _statements(shape.dialect, mode, newest, shape.filters)
    walk = mode != "match" and "topic" in shape.filters  # ordered by time, not by rank
    try:
        with engine.connect() as conn:
            total = int(conn.execute(counting, params).scalar_one())
            if walk and total > WALK_FROM:
                listing = _statements(shape.dialect, mode, newest, shape.filters, True)[1]
            rows = conn.execute(listing, params).all() if total > query.offset else []
    except SQLAlchemyError as exc:
        raise StoreError(f"search failed: {exc}") from exc
    hits = []
    for row in rows:
        if mode == "match":
            parts = _parts(row.excerpt or "")
        else:
            parts = ((_excerpt(row.excerpt), False),) if row.excerpt else ()
        hits.append(
            SearchHit(
                article_id=row.id,
                url=row.url,
                source=row.source,
                title=row.title,
                published=row.published,
                language=row.language,
                topics=tuple(row.topics or ()),
                event_type=row.event_type,
                event_confidence=row.event_confidence,
                story_id=row.story_id,
                score=float(row.score),
                snippet=render_snippet(parts, query.marks),
                snippet_parts=parts,
            )
        )
    return SearchPage(total=total, hits=hits, offset=query.offset)
