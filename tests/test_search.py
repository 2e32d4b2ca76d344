"""Full-text search on a real SQLite file and on the real PostgreSQL server."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, event, text, update

from monitor.errors import InputError
from monitor.models import ArticleRow, ArticleTopicRow, ArticleURLRow
from monitor.query import ParsedQuery, Term, parse_query
from monitor.records import Article, Prepared, TopicMatch
from monitor.store import Store
from monitor.store import search as search_module
from monitor.store.search import SearchQuery, ensure_search, render_snippet, search

DAY = datetime(2025, 3, 11, 9, 0, tzinfo=UTC)


def prepared(
    slug: str,
    title: str,
    body: str,
    *,
    source: str = "Trend",
    language: str = "en",
    topic: str = "icesco",
    days_ago: int = 0,
) -> Prepared:
    when = DAY - timedelta(days=days_ago)
    art = Article(
        url=f"https://news.example.az/{slug}",
        urls=(),
        source=source,
        title=title,
        body=body,
        published=when,
        fetched_at=when + timedelta(minutes=5),
        author=None,
        language=language,
        content_hash=f"hash-{slug}",
    )
    return Prepared(art, (TopicMatch(topic, 2.0),))


CORPUS = {
    "icesco": prepared(
        "icesco",
        "ICESCO and Azerbaijan discuss heritage",
        "Delegations met in Baku to discuss the protection of cultural heritage. Şuşa was "
        "named the capital of culture of the Islamic world.",
        days_ago=1,
    ),
    "museum": prepared(
        "museum",
        "Museum week opens",
        "Heritage experts, heritage volunteers and heritage students visited the museum. "
        "Their heritage is cultural in every sense.",
        source="News.az",
        topic="culture",
        days_ago=2,
    ),
    "shusha": prepared(
        "shusha",
        "Шуша — культурная столица",
        "В ШУШЕ прошёл форум ИСЕСКО. Ёлка стояла на площади.",
        source="Report",
        language="ru",
        days_ago=3,
    ),
    "derby": prepared(
        "derby",
        "Football derby in Baku",
        "Neftchi beat Qarabağ in a heritage derby at the Republican stadium. Sport fans "
        "celebrated.",
        topic="sport",
        days_ago=38,
    ),
    "ganja": prepared(
        "ganja",
        "İSESKO-nun nümayəndə heyəti Gəncədə",
        "Nümayəndə heyəti ılıq havada Gəncə şəhərini ziyarət etdi.",
        source="APA",
        language="az",
        days_ago=0,
    ),
}


@pytest.fixture
def archive(database_url: str) -> Iterator[tuple[Store, dict[str, int]]]:
    with Store(database_url) as store:
        ensure_search(store.engine)
        outcomes = store.add_articles(list(CORPUS.values()))
        ids = {slug: o.article_id for slug, o in zip(CORPUS, outcomes, strict=True)}
        yield store, ids


def found(store: Store, query: str, **filters: object) -> list[str]:
    """The slugs of all hits, in order."""
    page = search(store.engine, SearchQuery(query, limit=200, **filters))  # type: ignore[arg-type]
    slugs = [h.url.rsplit("/", 1)[1] for h in page.hits]
    assert page.total == len(slugs)
    return slugs


def has_unaccent(store: Store) -> bool:
    if store.dialect == "sqlite":
        return True
    with store.engine.connect() as conn:
        return bool(
            conn.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).scalar()
        )


# -- the query language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fts5", "tsquery"),
    [
        ("heritage", '"heritage"', "(('heritage'))"),
        ("Heritage  Forum", '"heritage" AND "forum"', "(('heritage')) & (('forum'))"),
        ('"cultural heritage"', '"cultural heritage"', "(('cultural' <-> 'heritage'))"),
        ("herit*", '"herit"*', "(('herit':*))"),
        ('"world herit*"', '"world herit"*', "(('world' <-> 'herit':*))"),
        ("h*", '"h"', "(('h'))"),
        ("baku OR shusha", '("baku" OR "shusha")', "(('baku') | ('shusha'))"),
        ("a | b c", '("a" OR "b") AND "c"', "(('a') | ('b')) & (('c'))"),
        ("a -b", '("a") NOT ("b")', "(('a')) & !('b')"),
        ('a NOT "b c"', '("a") NOT ("b c")', "(('a')) & !('b' <-> 'c')"),
        ("covid-19", '"covid 19"', "(('covid' <-> '19'))"),
        ("Şuşa", '"şuşa"', "(('şuşa'))"),
        ("İSTANBUL ılıq", '"istanbul" AND "iliq"', "(('istanbul')) & (('iliq'))"),
        ("Gəncə ЁЛКА", '"gence" AND "елка"', "(('gence')) & (('елка'))"),
        ('NEAR("a" "b")', '"near" AND "a" AND "b"', "(('near')) & (('a')) & (('b'))"),
        ("a AND b", '"a" AND "b"', "(('a')) & (('b'))"),
        ("a OR -b", '("a") NOT ("b")', "(('a')) & !('b')"),
        ("'; DROP TABLE x; --", '"drop" AND "table" AND "x"', "(('drop')) & (('table')) & (('x'))"),
    ],
)
def test_the_query_language_translates_safely(query: str, fts5: str, tsquery: str) -> None:
    parsed = parse_query(query)
    assert parsed.fts5() == fts5
    assert parsed.tsquery() == tsquery


@pytest.mark.parametrize("query", ["", "   ", '"', "AND (", "*", "-", "( ) OR", '""', "NOT"])
def test_queries_without_words_are_empty(query: str) -> None:
    assert parse_query(query).empty


def test_exclusions_alone_are_kept_apart() -> None:
    assert parse_query('-sport -"press release"') == ParsedQuery(
        groups=(), excluded=(Term(("sport",)), Term(("press", "release")))
    )


def test_too_many_terms_is_an_input_error() -> None:
    with pytest.raises(InputError, match="at most 32"):
        parse_query(" ".join(f"w{i}" for i in range(33)))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": 0},
        {"limit": 201},
        {"offset": -1},
        {"order": "oldest"},
        {"since": datetime(2025, 1, 1)},
    ],
)
def test_bad_search_parameters_are_input_errors(kwargs: dict[str, object]) -> None:
    with pytest.raises(InputError):
        SearchQuery("x", **kwargs)  # type: ignore[arg-type]


# -- searching the archive -----------------------------------------------------------


def test_a_title_match_ranks_before_body_matches(archive) -> None:
    store, _ = archive
    hits = found(store, "heritage")
    assert hits[0] == "icesco"  # in the title, once in the body
    assert set(hits) == {"icesco", "museum", "derby"}  # museum has it four times in the body


def test_newest_order_ignores_relevance(archive) -> None:
    store, _ = archive
    assert found(store, "heritage", order="newest") == ["icesco", "museum", "derby"]


def test_a_phrase_needs_its_words_side_by_side(archive) -> None:
    store, _ = archive
    assert found(store, '"cultural heritage"') == ["icesco"]
    assert set(found(store, "cultural heritage")) == {"icesco", "museum"}


def test_excluded_words_and_phrases_remove_articles(archive) -> None:
    store, _ = archive
    assert set(found(store, "heritage -derby")) == {"icesco", "museum"}
    assert set(found(store, 'heritage -"cultural heritage"')) == {"museum", "derby"}
    assert set(found(store, "heritage NOT museum")) == {"icesco", "derby"}
    assert found(store, "-heritage") == ["ganja", "shusha"]  # newest first, the rest


def test_or_joins_the_terms_beside_it(archive) -> None:
    store, _ = archive
    assert set(found(store, "derby OR museum")) == {"museum", "derby"}
    assert found(store, "baku derby OR museum") == ["derby"]


def test_a_prefix_matches_longer_words(archive) -> None:
    store, _ = archive
    assert set(found(store, "herit*")) == {"icesco", "museum", "derby"}
    assert found(store, '"cultural herit*"') == ["icesco"]


def test_case_folds(archive) -> None:
    store, _ = archive
    assert found(store, "icesco") == ["icesco"]
    assert found(store, "ICESCO") == ["icesco"]
    assert found(store, "ISESKO") == ["ganja"]  # İSESKO: the dotted capital I
    # "İSESKO".lower() in Python or JavaScript: i and a combining dot above
    assert found(store, "İSESKO".lower()) == found(store, "i\u0307sesko") == ["ganja"]


def test_accents_and_azerbaijani_letters_fold(archive) -> None:
    store, _ = archive
    assert found(store, "gence") == ["ganja"]  # Gəncə: the schwa
    assert found(store, "iliq") == ["ganja"]  # ılıq: the dotless i
    assert found(store, "şuşa") == ["icesco"]
    if not has_unaccent(store):
        pytest.skip("PostgreSQL without unaccent folds case and ı, ə, ё but not accents")
    assert found(store, "susa") == ["icesco"]
    assert found(store, "QARABAG") == ["derby"]
    assert found(store, "numayende heyeti") == ["ganja"]


def test_a_search_by_outlet_finds_the_copies_it_ran(archive) -> None:
    store, ids = archive
    assert found(store, "museum", source="Report") == []
    original = CORPUS["museum"].article
    copy = Prepared(  # Report runs News.az's story word for word under its own URL
        replace(original, url="https://report.az/culture/museum-week", source="Report"),
        CORPUS["museum"].matches,
    )
    (outcome,) = store.add_articles([copy])
    assert outcome.article_id == ids["museum"]  # one article, two outlets
    assert found(store, "museum", source="Report") == ["museum"]
    assert found(store, "museum", source="News.az") == ["museum"]


def test_cyrillic_queries_fold_case_and_yo(archive) -> None:
    store, _ = archive
    assert found(store, "шуша") == ["shusha"]
    assert found(store, "исеско") == ["shusha"]  # ИСЕСКО in capitals
    assert found(store, "елка") == ["shusha"]  # Ёлка
    assert found(store, '"форум исеско"') == ["shusha"]


def test_a_common_topic_is_listed_by_walking_the_articles_with_the_same_results(
    archive, monkeypatch
) -> None:
    """Above ``WALK_FROM`` articles a topic's listing walks the articles newest first and
    checks each one's topic; the pages must be those of the sorted topic list."""
    store, _ = archive
    since = DAY - timedelta(days=2, hours=1)
    queries = [
        {"topic": "icesco"},
        {"topic": "icesco", "order": "newest"},
        {"topic": "icesco", "order": "newest", "limit": 1, "offset": 1},
        {"topic": "icesco", "source": "APA"},
        {"topic": "icesco", "since": since},
        {"topic": "culture", "language": "en"},
        {"topic": "icesco", "query": "-heritage"},  # exclusions list, too
        {"topic": "sport", "query": "heritage"},  # ranked: never walks
        {"topic": "nothing"},
    ]

    def pages() -> list[tuple[int, list[str]]]:
        out = []
        for q in queries:
            params = dict(q)
            request = SearchQuery(str(params.pop("query", "")), **params)  # type: ignore[arg-type]
            page = search(store.engine, request)
            out.append((page.total, [h.url.rsplit("/", 1)[1] for h in page.hits]))
        return out

    sorted_lists = pages()
    monkeypatch.setattr(search_module, "WALK_FROM", 0)
    walked: list[str] = []
    listen = "before_cursor_execute"

    def seen(conn, cursor, statement, *_):  # type: ignore[no-untyped-def]
        walked.append(statement)

    event.listen(store.engine, listen, seen)
    try:
        assert pages() == sorted_lists
    finally:
        event.remove(store.engine, listen, seen)
    assert sorted_lists[0] == (3, ["ganja", "icesco", "shusha"])
    assert sorted_lists[2] == (3, ["icesco"])
    assert sum("EXISTS" in statement for statement in walked) >= 6  # the walking listings


def test_filters_apply_to_searches_and_listings(archive) -> None:
    store, ids = archive
    assert set(found(store, "heritage", topic="icesco")) == {"icesco"}
    assert set(found(store, "", topic="icesco")) == {"icesco", "shusha", "ganja"}
    assert found(store, "", source="Trend") == ["icesco", "derby"]
    assert found(store, "heritage", source="News.az") == ["museum"]
    assert found(store, "", language="ru") == ["shusha"]
    since = DAY - timedelta(days=2, hours=1)
    assert found(store, "", since=since) == ["ganja", "icesco", "museum"]
    assert found(store, "heritage", since=since, until=DAY - timedelta(days=1)) == ["museum"]
    # another time zone names the same instant
    baku = timezone(timedelta(hours=4))
    assert found(store, "heritage", until=(DAY - timedelta(days=2)).astimezone(baku)) == ["derby"]
    with store.engine.begin() as conn:
        conn.execute(
            update(ArticleRow).where(ArticleRow.id == ids["derby"]).values(event_type="sport")
        )
    assert found(store, "", event_type="sport") == ["derby"]
    assert found(store, "heritage", event_type="sport") == ["derby"]
    assert found(store, "heritage", event_type="visit") == []


def test_pages_cover_every_match_once_with_the_total(archive) -> None:
    store, _ = archive
    seen: list[int] = []
    offset: int | None = 0
    while offset is not None:
        page = search(store.engine, SearchQuery("", limit=2, offset=offset))
        assert page.total == 5 and len(page.hits) <= 2
        seen += [h.article_id for h in page.hits]
        offset = page.next_offset
    assert len(seen) == len(set(seen)) == 5
    page = search(store.engine, SearchQuery("heritage", limit=1, offset=1))
    assert page.total == 3 and len(page.hits) == 1 and page.next_offset == 2
    past = search(store.engine, SearchQuery("heritage", offset=50))
    assert past.total == 3 and past.hits == [] and past.next_offset is None


def test_hits_carry_the_article_and_a_highlighted_snippet(archive) -> None:
    store, ids = archive
    (hit,) = search(store.engine, SearchQuery("protection")).hits
    assert hit.article_id == ids["icesco"]
    assert hit.title == "ICESCO and Azerbaijan discuss heritage"
    assert hit.source == "Trend" and hit.language == "en" and hit.topics == ("icesco",)
    assert hit.published == DAY - timedelta(days=1)
    assert hit.score > 0
    assert "[protection]" in hit.snippet
    assert ("protection", True) in hit.snippet_parts
    (marked,) = search(store.engine, SearchQuery("protection", marks=("<b>", "</b>"))).hits
    assert "<b>protection</b>" in marked.snippet
    (cyrillic,) = search(store.engine, SearchQuery("елка")).hits
    assert "[Ёлка]" in cyrillic.snippet  # the original letters are shown


def test_snippets_can_be_escaped_for_html(archive) -> None:
    store, _ = archive
    store.add_articles(
        [prepared("xss", "Markup", "A <script>alert(1)</script> beside the word needle & more.")]
    )
    (hit,) = search(store.engine, SearchQuery("needle")).hits
    rendered = render_snippet(hit.snippet_parts, ("<mark>", "</mark>"), html.escape)
    assert "<mark>needle</mark>" in rendered
    assert "<" not in rendered.replace("<mark>", "").replace("</mark>", "")
    assert "&amp;" in rendered
    assert "script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text on both


MARKUP_LIKE = prepared(
    "markup",
    "ICESCO met <Minister Bayramov> in Baku",
    "The talks <on heritage> went well &amp; the sides <signed a memorandum>. Tom&Jerry.",
)


def test_text_that_looks_like_markup_is_found_on_both_archives(archive) -> None:
    store, _ = archive
    store.add_articles([MARKUP_LIKE])
    for query in ("Bayramov", '"Minister Bayramov"', "heritage memorandum", "amp", "jerry"):
        assert "markup" in found(store, query), query
    (hit,) = search(store.engine, SearchQuery("memorandum")).hits
    assert "<signed a [memorandum]>" in hit.snippet  # the text as written, the word marked
    assert "<on heritage>" in hit.snippet and "&amp;" in hit.snippet


def test_listings_have_a_plain_excerpt(archive) -> None:
    store, _ = archive
    page = search(store.engine, SearchQuery("", source="APA"))
    assert page.hits[0].snippet.startswith("Nümayəndə heyəti")
    assert all(not marked for _, marked in page.hits[0].snippet_parts)
    assert page.hits[0].score == 0.0


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND (",
        "*",
        "-",
        "NEAR(",
        "NEAR(a b, 2)",
        "'; DROP TABLE article; --",
        "title:heritage",
        "^heritage",
        "heritage +",
        "a OR OR b",
        '"unterminated phrase',
        '-"" -\'',
        "\\ ' \x00 %_",
        "a:* & !b | c <-> d",
        "{title body}: x",
    ],
)
def test_hostile_queries_never_reach_the_engine_as_syntax(archive, query: str) -> None:
    store, _ = archive
    page = search(store.engine, SearchQuery(query))
    assert page.total >= 0
    assert store.count_articles() == 5


def test_the_index_follows_updates_and_deletes(archive) -> None:
    store, ids = archive
    with store.engine.begin() as conn:
        conn.execute(
            update(ArticleRow)
            .where(ArticleRow.id == ids["derby"])
            .values(title="Volleyball final in Ganja", body="A tense match, a loud crowd.")
        )
    assert found(store, "derby") == []
    assert found(store, "volleyball crowd") == ["derby"]
    with store.engine.begin() as conn:
        conn.execute(update(ArticleRow).where(ArticleRow.id == ids["museum"]).values(story_id=7))
    assert set(found(store, "heritage")) == {"icesco", "museum"}
    with store.engine.begin() as conn:
        for model in (ArticleURLRow, ArticleTopicRow):
            conn.execute(delete(model).where(model.article_id == ids["icesco"]))  # type: ignore[arg-type]
        conn.execute(delete(ArticleRow).where(ArticleRow.id == ids["icesco"]))  # type: ignore[arg-type]
    assert found(store, "heritage") == ["museum"]
    assert found(store, "protection") == []
    store.add_articles([prepared("new", "New heritage law", "Parliament passed it.")])
    assert found(store, "heritage") == ["new", "museum"]


def test_an_archive_from_before_search_is_indexed_at_start_up(database_url: str) -> None:
    with Store(database_url) as store:
        with store.engine.begin() as conn:  # what an older monitor left behind
            if store.dialect == "sqlite":
                for name in ("insert", "delete", "update"):
                    conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS article_fts_{name}")
                conn.exec_driver_sql("DROP TABLE IF EXISTS article_fts")
            else:
                conn.exec_driver_sql("ALTER TABLE article DROP COLUMN IF EXISTS search_vector")
        store.add_articles(list(CORPUS.values()))
        ensure_search(store.engine)
        ensure_search(store.engine)  # idempotent
        assert found(store, "heritage")[0] == "icesco"
        assert found(store, "елка") == ["shusha"]
        assert found(store, "gence") == ["ganja"]
        if store.dialect == "sqlite":
            with store.engine.connect() as conn:
                indexed = conn.exec_driver_sql("SELECT count(*) FROM article_fts_docsize")
                assert indexed.scalar() == 5


def test_a_half_indexed_sqlite_archive_is_completed(sqlite_url: str) -> None:
    with Store(sqlite_url) as store:
        ensure_search(store.engine)
        store.add_articles([CORPUS["icesco"]])
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP TRIGGER article_fts_insert")
        store.add_articles([CORPUS["museum"]])  # written by a tool that lacked the trigger
        assert found(store, "heritage") == ["icesco"]
        ensure_search(store.engine)
        assert set(found(store, "heritage")) == {"icesco", "museum"}


def test_arabic_and_persian_spellings_of_one_word_find_each_other(database_url: str) -> None:
    """The alef with or without hamza (الإيسيسكو, الايسيسكو), ta marbuta and ha, the
    Persian ya and kaf; a query's short vowels and tatweel go (التُّراث, الـتراث)."""
    articles = [
        prepared(
            "hamza",
            "الإيسيسكو تحتفي بالتراث",
            "أعلنت منظمة الإيسيسكو عن برنامج جديد لحماية التراث في باكو.",
            language="ar",
        ),
        prepared(
            "plain",
            "الايسيسكو في الرباط",
            "اجتمع المدير العام للايسيسكو مع وزير الثقافة في الرباط.",
            language="ar",
        ),
        prepared(
            "persian", "آیسسکو و میراث فرهنگی", "نشست آیسسکو در باکو برگزار شد.", language="fa"
        ),
    ]
    with Store(database_url) as store:
        ensure_search(store.engine)
        store.add_articles(articles)
        for spelling in ("الإيسيسكو", "الايسيسكو", "الأيسيسكو"):
            assert sorted(found(store, spelling)) == ["hamza", "plain"], spelling
        assert found(store, "التُّراث") == found(store, "الـتراث") == ["hamza"]
        assert found(store, "بالتراث") == ["hamza"]
        assert found(store, "ميراث") == ["persian"]  # میراث with the Persian ya
        assert found(store, "آيسسكو") == ["persian"]  # and the Arabic kaf for the Persian
