"""The ``monitor`` command: a thin face over the app, the pipeline and the store."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO, TextIO

import click

from monitor import __version__
from monitor.charset import decode_body
from monitor.cli_alerts import alerts
from monitor.cli_common import (
    check_filters,
    config_option,
    known_value,
    open_app,
    since_option,
    when,
)
from monitor.cli_search import search
from monitor.cli_stories import stories
from monitor.config import channel_problems, describe_interval, load_config
from monitor.errors import InputError
from monitor.export import WRITERS
from monitor.extract import extract_article
from monitor.ingest import read_lines
from monitor.normalize import detect_language
from monitor.pipeline import IngestReport
from monitor.progress import Progress
from monitor.reclassify import reclassify as run_reclassify
from monitor.regroup import regroup as run_regroup
from monitor.settings import Settings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def cli() -> None:
    """Watch news outlets, keep the articles about your topics, alert on new events."""


@cli.command()
@config_option
def check(settings: Settings) -> None:
    """Validate sources.toml and print a summary; exit 1 naming file, line and key."""
    config = load_config(settings.config)
    problems = channel_problems(config, os.environ)
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if not any(s.enabled for s in config.sources):
        click.echo(f"warning: {config.path}: no enabled sources: nothing will be polled", err=True)
    feeds = sum(len(s.feeds) for s in config.sources)
    listings = sum(len(s.listings) for s in config.sources)
    click.echo(f"{config.path}: {'OK' if not problems else 'PROBLEMS'}")
    click.echo(f"  sources:  {len(config.sources)} ({feeds} feeds, {listings} listing pages)")
    for source in config.sources:
        state = "" if source.enabled else " (disabled)"
        click.echo(
            f"    {source.name:<16} every {describe_interval(source.interval)}  "
            f"{source.homepage}{state}"
        )
    click.echo(f"  topics:   {len(config.topics)}")
    for topic in config.topics:
        terms = len(topic.any) + len(topic.all) + (1 if topic.regex else 0)
        click.echo(f"    {topic.name:<16} {terms} terms, {len(topic.none)} exclusions")
    click.echo(f"  alerts:   {len(config.alerts)} rules, {len(config.channels)} channels")
    if problems:
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False))
@click.option(
    "--batch-size", default=500, show_default=True, help="Articles written per transaction."
)
@config_option
def ingest(settings: Settings, file: str, batch_size: int) -> None:
    """Import articles from a JSON Lines FILE ('-' for stdin).

    One object a line: url, title, text (or html), and optional published, source,
    author, language. Bad lines are reported with their number and skipped; the exit
    status is 1 when any line was rejected.
    """
    progress = Progress("ingest")

    def show(report: IngestReport) -> None:
        progress.update(report.read, f"stored {report.stored:,}, duplicate {report.duplicate:,}")

    with open_app(settings) as app:
        try:
            stream: BinaryIO = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"{file}: {exc.strerror}") from exc
        try:
            lines = read_lines(stream, settings.max_body_bytes)
            report = app.pipeline.ingest(lines, batch_size=batch_size, on_progress=show)
        finally:
            if file != "-":
                stream.close()
    progress.close()
    name = "stdin" if file == "-" else file
    for error in report.errors:
        click.echo(f"{name}:{error.line}: rejected: {error.message}", err=True)
    click.echo(
        f"read {report.read}, stored {report.stored}, duplicate {report.duplicate}, "
        f"unmatched {report.unmatched}, rejected {report.rejected}"
    )
    if report.rejected:
        sys.exit(1)


@cli.command()
@click.option(
    "--format", "fmt", type=click.Choice(sorted(WRITERS)), default="jsonl", show_default=True
)
@click.option("--topic", default=None, help="Only articles matching this topic.")
@click.option(
    "--since", default=None, help="Only articles published on or after this date (ISO 8601)."
)
@click.option(
    "--all", "include_all", is_flag=True, help="Also articles that match no topic (where kept)."
)
@click.option(
    "--output",
    "-o",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="File to write (default: stdout).",
)
@config_option
def export(
    settings: Settings,
    fmt: str,
    topic: str | None,
    since: str | None,
    include_all: bool,
    output: TextIO,
) -> None:
    """Write stored articles, one per line (JSON Lines) or row (CSV)."""
    since_dt = since_option(since)
    with open_app(settings) as app:
        topic = check_filters(app, topic=topic).topic
        rows = app.store.iter_articles(topic=topic, since=since_dt, include_unmatched=include_all)
        count = WRITERS[fmt](rows, output)
    click.echo(f"exported {count} articles", err=True)


@cli.command()
@config_option
def run(settings: Settings) -> None:
    """Start the service: poll every enabled source on its schedule until SIGTERM/Ctrl-C."""
    with open_app(settings) as app:
        asyncio.run(app.run_service())


@cli.command()
@click.option("--host", default=None, help="Address to listen on (default: $MONITOR_API_HOST).")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Port, 1-65535 (default: $MONITOR_API_PORT).",
)
@config_option
def serve(settings: Settings, host: str | None, port: int | None) -> None:
    """Serve the HTTP API, web page and Atom feeds until SIGTERM/Ctrl-C (corrections: token)."""
    from monitor.api import serve as serve_api

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve_api(
            app,
            host=host or settings.api_host,
            port=settings.api_port if port is None else port,
            stop=stop,
        )

    with open_app(settings) as app:
        asyncio.run(main())


@cli.command()
@click.option("--source", "names", multiple=True, help="Poll only this source (repeatable).")
@config_option
def poll(settings: Settings, names: tuple[str, ...]) -> None:
    """Poll the sources once, print a table per source and exit (1 if a source failed)."""
    with open_app(settings) as app:
        configured = [s.name for s in app.config.sources]
        sources = (
            [app.config.source(known_value(n, configured, "--source")) for n in names]
            if names
            else [s for s in app.config.sources if s.enabled]
        )
        progress = Progress("poll")
        progress.update(0, f"{len(sources)} sources", force=True)
        reports = asyncio.run(app.poll_once(sources))
        progress.close()
    header = (
        f"{'source':<16}{'requests':>9}{'not mod.':>9}{'new':>6}{'matched':>8}{'errors':>7}"
        f"{'later':>7}  status"
    )
    click.echo(header)
    for r in reports:
        status = "ok" if r.ok else f"FAILED: {r.failure}"
        click.echo(
            f"{r.source:<16}{r.requests:>9}{r.not_modified:>9}{r.new:>6}{r.stored:>8}"
            f"{len(r.errors):>7}{r.later:>7}  {status}"
        )
        for error in r.errors if r.ok else []:
            click.echo(f"    {error}", err=True)
    if any(not r.ok for r in reports):
        sys.exit(1)


@cli.command()
@config_option
def sources(settings: Settings) -> None:
    """List each source's health: last success, failures in a row, last error, recent articles."""
    with open_app(settings) as app:
        health = {h.name: h for h in app.store.source_health()}
        recent = app.store.recent_counts(datetime.now(UTC) - timedelta(days=7))
        click.echo(f"{'source':<16}{'last success':<18}{'failures':>9}{'7 days':>8}  last error")
        for source in app.config.sources:
            h = health.get(source.name)
            state = "" if source.enabled else " (disabled)"
            click.echo(
                f"{source.name + state:<16}{when(h.last_success_at if h else None):<18}"
                f"{(h.consecutive_failures if h else 0):>9}{recent.get(source.name, 0):>8}  "
                f"{(h.last_error or '') if h else ''}"
            )


@cli.command()
@click.argument("target")
@click.option("--source", "source_name", default=None, help="Use this source's selectors.")
@click.option(
    "--url",
    "page_url",
    default=None,
    help="For a FILE: the address it was saved from (its links, canonical URL and JSON-LD"
    " are read against it); default: the source's homepage, else http://localhost/FILE.",
)
@config_option
def extract(settings: Settings, target: str, source_name: str | None, page_url: str | None) -> None:
    """Print as JSON what the extractor gets from one page (a FILE or a URL)."""
    config = load_config(settings.config)
    source = config.source(source_name) if source_name else None
    selectors = source.selectors if source else None
    if target.startswith(("http://", "https://")):
        with open_app(settings) as app:

            async def get() -> tuple[str, str]:
                async with app.fetcher() as fetcher:
                    page = await fetcher.fetch(target, accept="html")
                    return page.text, page.final_url

            html, url = asyncio.run(get())
    else:
        try:
            # the page's own <meta charset> says how to read it, as when it is fetched
            html, _ = decode_body(Path(target).read_bytes(), media_type="text/html")
        except OSError as exc:
            raise InputError(f"{target}: {exc.strerror}") from exc
        url = page_url or (
            source.homepage.rstrip("/") + "/" + Path(target).name
            if source is not None and source.homepage
            else Path(target).resolve().as_uri().replace("file://", "http://localhost")
        )
    page = extract_article(
        html, url, selectors, now=datetime.now(UTC), tz=source.tz if source else None
    )
    result = {
        "title": page.title,
        "published": page.published.isoformat() if page.published else None,
        "author": page.author,
        "language": page.language or detect_language(page.body),
        "canonical_url": page.canonical_url,
        "methods": page.methods,
        "body": page.body,
    }
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))


@cli.command()
@click.option(
    "--since", default=None, help="Only articles published on or after this date (ISO 8601)."
)
@click.option("--dry-run", is_flag=True, help="Say what would change; write nothing.")
@click.option(
    "--regroup", is_flag=True, help="Then join the stories that the rules in force tell as one."
)
@config_option
def reclassify(settings: Settings, since: str | None, dry_run: bool, regroup: bool) -> None:
    """Read the stored articles' events again with the rules in force.

    Writes the event type, confidence, date, place and participants that changed, and
    recomputes their stories; builds the story features and index keys again where the
    rules in force read them otherwise. Which articles make a story changes only with
    --regroup: each story (with an article since --since) is then folded into an older
    one it joins as a new report would; the rules never split a story
    (`monitor stories split` does, and what it keeps apart stays apart); nothing is sent.
    """
    since_dt = since_option(since)
    progress = Progress("reclassify")
    with open_app(settings) as app:
        report = run_reclassify(
            app.store,
            read=app.pipeline.read_event,
            since=since_dt,
            dry_run=dry_run,
            progress=progress,
        )
        progress.close()
        joined = None
        if regroup:
            progress = Progress("regroup")
            joined = run_regroup(app.store, since=since_dt, dry_run=dry_run, progress=progress)
            progress.close()
    would = "would change" if dry_run else "changed"
    click.echo(
        f"read {report.read}, {would} {report.changed}, stories "
        f"{'to recompute' if dry_run else 'recomputed'} {report.stories}, story features "
        f"{'to refresh' if dry_run else 'refreshed'} {report.refreshed}, failed {report.failed}"
    )
    for (old, new), count in report.types.most_common():
        click.echo(f"  {old} -> {new}: {count}")
    if joined is not None:
        click.echo(
            f"stories read {joined.stories}, {'would join' if dry_run else 'joined'} "
            f"{joined.joined} into older ones, articles "
            f"{'to move' if dry_run else 'moved'} {joined.moved}"
        )


cli.add_command(alerts)
cli.add_command(stories)
cli.add_command(search)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
