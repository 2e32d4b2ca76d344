"""What every `monitor` command shares: --config, clear errors, opening the app, dates and
filters checked against what exists."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import click

from monitor.app import App, build, configure_logging
from monitor.classify import EVENT_TYPES
from monitor.errors import InputError, MonitorError
from monitor.normalize import range_bound
from monitor.query import one_of
from monitor.settings import Settings
from monitor.store.queries import distinct_values


def config_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config on every command; errors of the monitor become one clear line and exit 1."""

    @click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False),
        default=None,
        help="Path of sources.toml (default: $MONITOR_CONFIG or ./sources.toml).",
    )
    @functools.wraps(command)
    def wrapper(*args: Any, config_path: str | None, **kwargs: Any) -> Any:
        try:
            settings = Settings.from_env(config=config_path)
            return command(*args, settings=settings, **kwargs)
        except MonitorError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(1)

    return wrapper


def open_app(settings: Settings) -> App:
    configure_logging(settings.log_level)
    return build(settings)


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


def since_option(value: str | None, option: str = "--since") -> datetime | None:
    """The date given to ``option``; a usage error naming the option when it is no date.

    A year, a month or a day is a period: ``--since`` its start, ``--until`` its end."""
    if not value:
        return None
    try:
        return range_bound(value, end=option == "--until")
    except InputError as exc:
        raise click.BadParameter(f"bad date {value!r}: {exc}", param_hint=f"'{option}'") from exc


def date_range(since: str | None, until: str | None) -> tuple[datetime | None, datetime | None]:
    """--since and --until; a usage error when the range is empty."""
    start, end = since_option(since), since_option(until, "--until")
    if start is not None and end is not None and end <= start:
        raise click.BadParameter(
            f"{until!r} is not after --since {since!r}: no time is in between",
            param_hint="'--until'",
        )
    return start, end


def known_value(value: str, known: Iterable[str], option: str, *, exact: bool = False) -> str:
    """The known value the given one names (in any case unless ``exact``), else a usage
    error naming the option and the known values."""
    try:
        return one_of(value, known, exact=exact)
    except InputError as exc:
        raise click.BadParameter(exc.message, param_hint=f"'{option}'") from exc


@dataclass(frozen=True)
class Filters:
    """The filters of `stories`, `search` and `export`, checked against what exists."""

    topic: str | None = None
    source: str | None = None
    event_type: str | None = None
    language: str | None = None


def check_filters(
    app: App,
    *,
    topic: str | None = None,
    source: str | None = None,
    event_type: str | None = None,
    language: str | None = None,
) -> Filters:
    """A topic must be configured (its exact name); a source configured or in the
    archive, an event type one of the classifier's, both in any case; a language is
    compared in lower case."""
    if topic is not None:
        topic = known_value(topic, (t.name for t in app.config.topics), "--topic", exact=True)
    if source is not None:
        outlets = [s.name for s in app.config.sources]
        outlets += distinct_values(app.store.engine)["sources"]
        source = known_value(source, outlets, "--source")
    if event_type is not None:
        event_type = known_value(event_type, EVENT_TYPES, "--event")
    return Filters(topic, source, event_type, language.lower() if language else None)
