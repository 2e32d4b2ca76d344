"""`monitor search`: the archive's full-text search, or with ``--by-day`` its coverage per
day as a table with a text bar a day."""

from __future__ import annotations

import functools
import json
import sys

import click

from monitor.chart import breakdown, summary, text_bars
from monitor.cli_common import check_filters, config_option, date_range, open_app
from monitor.settings import Settings
from monitor.store.coverage import Coverage, coverage
from monitor.store.search import SearchHit, SearchQuery
from monitor.store.search import search as search_archive

BAR_WIDTH = 40  # the busiest day's bar, in characters
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@click.command()
@click.argument("words", nargs=-1)
@click.option("--topic", default=None, help="Only articles matching this topic.")
@click.option(
    "--source", default=None, help="Only articles from this outlet (first, or ran a copy)."
)
@click.option(
    "--event", "event_type", default=None, help="Only this event type (meeting, visit...)."
)
@click.option("--language", default=None, help="Only this language (en, ru, az...).")
@click.option("--since", default=None, help="Published on or after this date.")
@click.option("--until", default=None, help="Published before this date.")
@click.option("--newest", is_flag=True, help="Newest first instead of best match first.")
@click.option(
    "--limit",
    type=click.IntRange(1, 200),
    default=20,
    show_default=True,
    help="Results to show (1-200).",
)
@click.option(
    "--by-day",
    is_flag=True,
    help="Articles per UTC day (since..until, else the 30 days up to the newest match) "
    "as a table with a bar a day; with --json the counts per outlet.",
)
@click.option(
    "--json", "as_json", is_flag=True, help="JSON lines (the default when not a terminal)."
)
@config_option
def search(
    settings: Settings,
    words: tuple[str, ...],
    topic: str | None,
    source: str | None,
    event_type: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    newest: bool,
    limit: int,
    by_day: bool,
    as_json: bool,
) -> None:
    """Full-text search of the archive: words, "phrases", -exclusions, a OR b, prefix*.

    The words need no quotes (monitor search heritage forum); quote a "phrase" inside
    single quotes. A query that starts with '-' goes after '--', which ends the options
    (monitor search -- -sport).
    """
    query = " ".join(words)
    start, end = date_range(since, until)
    with open_app(settings) as app:
        wanted = check_filters(
            app, topic=topic, source=source, event_type=event_type, language=language
        )
        request = SearchQuery(
            text=query,
            topic=wanted.topic,
            source=wanted.source,
            event_type=wanted.event_type,
            language=wanted.language,
            since=start,
            until=end,
            limit=limit,
            order="newest" if newest else "relevance",
        )
        if by_day:
            counted = coverage(app.store.engine, request)
        else:
            page = search_archive(app.store.engine, request)
    if by_day:
        if as_json:
            click.echo(json.dumps(counted.as_dict(), ensure_ascii=False))
        else:
            _print_days(counted)
        return
    if as_json or not sys.stdout.isatty():
        for hit in page.hits:
            click.echo(json.dumps(_record(hit), ensure_ascii=False))
        return
    bold = functools.partial(click.style, bold=True)
    for hit in page.hits:
        date = hit.published.strftime("%Y-%m-%d") if hit.published else "----------"
        click.echo(f"{date}  {hit.source:<12} {bold(hit.title)}")
        snippet = "".join(
            click.style(text, fg="yellow", bold=True) if match else text
            for text, match in hit.snippet_parts
        )
        click.echo(f"            {snippet}")
        click.echo(f"            {hit.url}")
    click.echo(f"{len(page.hits)} of {page.total} articles", err=True)


def _record(hit: SearchHit) -> dict[str, object]:
    return {
        "id": hit.article_id,
        "url": hit.url,
        "source": hit.source,
        "title": hit.title,
        "published": hit.published.isoformat() if hit.published else None,
        "language": hit.language,
        "topics": list(hit.topics),
        "event_type": hit.event_type,
        "event_confidence": hit.event_confidence,
        "story_id": hit.story_id,
        "score": hit.score,
        "snippet": hit.snippet,
    }


def _print_days(counted: Coverage) -> None:
    """The day (with its weekday), the articles, a bar; then the sum and the outlets."""
    if not counted.days:
        click.echo("no articles")
        return
    rows = text_bars(counted, BAR_WIDTH)
    digits = max(len("articles"), *(len(str(n)) for _, n, _ in rows))
    click.echo(f"{'day':<14}  {'articles':>{digits}}")
    for day, count, bar in rows:
        weekday = WEEKDAYS[day.weekday()]
        click.echo(f"{day.isoformat()} {weekday}  {count:>{digits}}  {bar}".rstrip())
    click.echo(summary(counted))
    if counted.total:
        click.echo(breakdown(counted))
