"""What every `monitor` command shares: --config, clear errors, opening the app, dates."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import datetime
from typing import Any

import click

from monitor.app import App, build, configure_logging
from monitor.errors import ConfigError, InputError, MonitorError
from monitor.normalize import parse_datetime
from monitor.settings import Settings


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


def since_option(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parse_datetime(value)
    except InputError as exc:
        raise ConfigError(f"bad date {value!r}: {exc}", key="--since") from exc
