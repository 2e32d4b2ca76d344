"""MONITOR_* environment settings: how to run (sources.toml says what to watch).

Settings are a table of (name, default, help, parser) so that the README, ``--help`` and
the parser come from one place. ``Settings.from_env`` reads them once, at start-up, and
names the variable in every error.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from monitor.errors import ConfigError


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str
    parse: Callable[[str], Any] = str


def _positive_float(value: str) -> float:
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ValueError("must be a finite number, not negative")
    return number


def _above_zero(value: str) -> float:
    number = float(value)
    if not number > 0 or not math.isfinite(number):
        raise ValueError("must be a number above 0")
    return number


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ValueError("must not be negative")
    return number


def _at_least_one(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be 1 or more")
    return number


def _port(value: str) -> int:
    number = int(value)
    if not 1 <= number <= 65535:
        raise ValueError("expected a port number from 1 to 65535")
    return number


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _log_level(value: str) -> str:
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise ValueError(f"expected one of {', '.join(LOG_LEVELS)}")
    return level


def _languages(value: str) -> tuple[str, ...]:
    codes = tuple(code.strip().lower() for code in value.split(",") if code.strip())
    for code in codes:
        if not (2 <= len(code) <= 3 and code.isascii() and code.isalpha()):
            raise ValueError(f"{code!r} is not a language code (en, ru, az ...)")
    return codes


def _flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected true or false")


SETTINGS: dict[str, Setting] = {
    "config": Setting("MONITOR_CONFIG", "sources.toml", "Path of sources.toml (what to watch)."),
    "database_url": Setting(
        "MONITOR_DATABASE_URL",
        "sqlite:///storage/monitor.db",
        "SQLAlchemy URL of the archive; SQLite (WAL mode) by default, "
        "e.g. postgresql+psycopg://user@127.0.0.1:5432/monitor.",
    ),
    "log_level": Setting(
        "MONITOR_LOG_LEVEL", "INFO", "Log level: DEBUG, INFO, WARNING, ERROR.", _log_level
    ),
    "contact_url": Setting(
        "MONITOR_CONTACT_URL",
        "https://github.com/news-monitor/monitor",
        "Contact URL sent in the User-Agent so outlets can reach the operator.",
    ),
    "timeout": Setting(
        "MONITOR_TIMEOUT", "20", "Seconds before one HTTP request times out (> 0).", _above_zero
    ),
    "max_retries": Setting(
        "MONITOR_MAX_RETRIES",
        "3",
        "Retries of a request after a timeout, connection error, 5xx, 408 or 429.",
        _positive_int,
    ),
    "backoff_max": Setting(
        "MONITOR_BACKOFF_MAX",
        "60",
        "Longest wait in seconds between two retries of one request.",
        _positive_float,
    ),
    "host_concurrency": Setting(
        "MONITOR_HOST_CONCURRENCY",
        "1",
        "Requests in flight at once to one host.",
        _positive_int,
    ),
    "max_connections": Setting(
        "MONITOR_MAX_CONNECTIONS",
        "32",
        "Requests in flight at once across all hosts; the others wait their turn, and the"
        " wait does not count against their timeout.",
        _positive_int,
    ),
    "host_delay": Setting(
        "MONITOR_HOST_DELAY",
        "1.0",
        "Minimum seconds between the starts of two requests to one host.",
        _positive_float,
    ),
    "max_body_bytes": Setting(
        "MONITOR_MAX_BODY_BYTES",
        "5000000",
        "Largest response body read, in bytes; larger answers are refused, and so are "
        "longer lines given to `monitor ingest`.",
        _positive_int,
    ),
    "max_articles": Setting(
        "MONITOR_MAX_ARTICLES",
        "100",
        "New articles fetched from one source at one poll (at least 1); the others are"
        " fetched at the next polls.",
        _at_least_one,
    ),
    "respect_robots": Setting(
        "MONITOR_RESPECT_ROBOTS", "true", "Honour robots.txt (true/false).", _flag
    ),
    "alert_max_attempts": Setting(
        "MONITOR_ALERT_MAX_ATTEMPTS",
        "10",
        "Delivery attempts of one alert before it is recorded as failed.",
        _positive_int,
    ),
    "alert_backoff": Setting(
        "MONITOR_ALERT_BACKOFF",
        "30",
        "Seconds before the first retry of an alert; doubled each attempt, with jitter.",
        _positive_float,
    ),
    "alert_backoff_max": Setting(
        "MONITOR_ALERT_BACKOFF_MAX",
        "3600",
        "Longest wait in seconds between two attempts of one alert.",
        _positive_float,
    ),
    "alert_lease": Setting(
        "MONITOR_ALERT_LEASE",
        "300",
        "Seconds after which an alert whose delivery was cut off (a killed process) is due again.",
        _positive_float,
    ),
    "alert_max_age": Setting(
        "MONITOR_ALERT_MAX_AGE",
        "48",
        "Hours: articles published longer ago than this (a backfill) do not alert.",
        _positive_float,
    ),
    "operator_failures": Setting(
        "MONITOR_OPERATOR_FAILURES",
        "3",
        "Failed polls in a row before the operator channel hears about a source.",
        _positive_int,
    ),
    "headline_languages": Setting(
        "MONITOR_HEADLINE_LANGUAGES",
        "en",
        "Languages a story's headline is taken in, in order of preference (comma-separated"
        " codes); a story with no article in any of them keeps its first article's headline."
        " Empty: always the first article's.",
        _languages,
    ),
    "api_enabled": Setting(
        "MONITOR_API_ENABLED",
        "true",
        "Start the HTTP API and web page with `monitor run` (true/false).",
        _flag,
    ),
    "api_host": Setting(
        "MONITOR_API_HOST",
        "127.0.0.1",
        "Address the HTTP API listens on (0.0.0.0 in the container).",
    ),
    "api_port": Setting("MONITOR_API_PORT", "8080", "Port of the HTTP API (1-65535).", _port),
    "api_token": Setting(
        "MONITOR_API_TOKEN",
        "",
        "When set, the API, feeds and web page need `Authorization: Bearer <token>`.",
    ),
}


@dataclass(frozen=True)
class Settings:
    config: str = SETTINGS["config"].default
    database_url: str = SETTINGS["database_url"].default
    log_level: str = SETTINGS["log_level"].default
    contact_url: str = SETTINGS["contact_url"].default
    timeout: float = 20.0
    max_retries: int = 3
    backoff_max: float = 60.0
    host_concurrency: int = 1
    max_connections: int = 32
    host_delay: float = 1.0
    max_body_bytes: int = 5_000_000
    max_articles: int = 100
    respect_robots: bool = True
    alert_max_attempts: int = 10
    alert_backoff: float = 30.0
    alert_backoff_max: float = 3600.0
    alert_lease: float = 300.0
    alert_max_age: float = 48.0
    operator_failures: int = 3
    headline_languages: tuple[str, ...] = ("en",)
    api_enabled: bool = True
    api_host: str = "127.0.0.1"
    api_port: int = 8080
    api_token: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Read every MONITOR_* variable; ``overrides`` (from CLI options) win."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for name in (f.name for f in fields(cls)):
            setting = SETTINGS[name]
            raw = env.get(setting.env, setting.default)
            try:
                values[name] = setting.parse(raw)
            except ValueError as exc:
                raise ConfigError(
                    f"invalid value {raw!r}: {exc}", path="environment", key=setting.env
                ) from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
