"""`monitor stories`: list stories, show one; split a story the rules joined wrongly,
join stories they kept apart (:mod:`monitor.store.corrections`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import click

from monitor.cli_common import check_filters, config_option, open_app, since_option
from monitor.settings import Settings
from monitor.store import corrections, merging, queries
from monitor.store import stories as stories_db

# a story id the archive can hold: beyond, click says so before the database is asked
STORY_ID = click.IntRange(1, queries.MAX_ID)


def _show(story: dict[str, Any]) -> None:
    who = ", ".join(p["name"] for p in story["participants"][:4]) or "-"
    sure = story["event_confidence"]
    kind = story["event_type"] + (f" ({sure:.2f})" if sure is not None else "")
    click.echo(
        f"#{story['id']}  {kind}  {story['event_date'] or '-'}  {story['place'] or '-'}  {who}"
    )
    click.echo(f"    {story['headline']}")
    for article in story["articles"]:
        click.echo(f"    - [{article['id']}] {article['outlet']}: {article['url']}")


@click.group(invoke_without_command=True)
@click.option("--topic", default=None, help="Only stories with an article matching this topic.")
@click.option("--since", default=None, help="Only stories reported on or after this date.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Most recent stories to show.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@config_option
@click.pass_context
def stories(
    ctx: click.Context,
    settings: Settings,
    topic: str | None,
    since: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List stories: one event, every outlet that reported it, newest first.

    Each article is listed with its id in brackets: `monitor stories split` takes it (or
    the article's URL)."""
    if ctx.invoked_subcommand is not None:
        return
    since_dt = since_option(since)
    with open_app(settings) as app:
        topic = check_filters(app, topic=topic).topic
        found = stories_db.list_stories(app.store.engine, topic=topic, since=since_dt, limit=limit)
    for story in found:
        if as_json:
            click.echo(json.dumps(story, ensure_ascii=False))
        else:
            _show(story)
    if not as_json:
        click.echo(f"{len(found)} stories", err=True)


@stories.command("show")
@click.argument("story_id", type=STORY_ID)
@click.option("--json", "as_json", is_flag=True, help="The story as one JSON object.")
@config_option
def stories_show(settings: Settings, story_id: int, as_json: bool) -> None:
    """Show story STORY_ID: its event, every article with its id, outlet and URL, and the
    stories a split keeps it apart from. A story joined into another leads to it."""
    with open_app(settings) as app, app.store.engine.connect() as conn:
        went = merging.went_into(conn, story_id)
        if went is not None:
            click.echo(f"story {story_id} was joined into story {went}", err=True)
            story_id = went
        corrections.live_story(conn, story_id)
        story = stories_db.story_snapshot(conn, story_id)
        apart = sorted(corrections.apart_from(conn, [story_id]))
    if as_json:
        click.echo(json.dumps({**story, "kept_apart_from": apart}, ensure_ascii=False))
        return
    _show(story)
    if apart:
        click.echo(f"    kept apart from story {', '.join(str(s) for s in apart)} (a split)")


@stories.command("split")
@click.argument("story_id", type=STORY_ID)
@click.argument("articles", nargs=-1, required=True)
@click.option(
    "--alert",
    is_flag=True,
    help="Queue the alerts the rules have for a new story about the split-off one.",
)
@config_option
def stories_split(
    settings: Settings, story_id: int, articles: tuple[str, ...], alert: bool
) -> None:
    """Move ARTICLES (ids or URLs) out of story STORY_ID into a new story.

    For reports of another event that the rules put in this story. The moved articles
    and those that stay are kept apart from then on: no later report and no
    `monitor reclassify --regroup` joins them again (`monitor stories join` does). The
    story keeps its id and its alerts; nothing is sent unless --alert is given (a later
    report of the split-off story tells the rules' readers of it as a new story)."""
    with open_app(settings) as app:
        new_id, moved = corrections.split_story(
            app.store, story_id, articles, datetime.now(UTC), alert
        )
        with app.store.engine.connect() as conn:
            shown = [stories_db.story_snapshot(conn, s) for s in (story_id, new_id)]
    click.echo(corrections.split_message(story_id, new_id, len(moved)))
    for story in shown:
        _show(story)


@stories.command("join")
@click.argument("story_ids", nargs=-1, type=STORY_ID, required=True)
@config_option
def stories_join(settings: Settings, story_ids: tuple[int, ...]) -> None:
    """Join STORY_IDS into one story, the oldest (lowest id).

    For reports of one event that the rules kept in several stories. The others'
    articles, alerts and links move to it; a rule already told of it is not told again.
    Articles a split kept apart are no longer, among these stories."""
    with open_app(settings) as app:
        survivor, moved = corrections.join_stories(app.store, story_ids, datetime.now(UTC))
        with app.store.engine.connect() as conn:
            shown = stories_db.story_snapshot(conn, survivor)
    click.echo(corrections.join_message(story_ids, survivor, moved))
    _show(shown)
