"""sources.toml: what to watch, validated into frozen dataclasses.

Every error names the file, the line where it can be found, the source/topic/alert and the
key. Validation happens once, at start-up (``load_config``); the rest of the monitor only
ever sees valid, immutable values. This module holds the dataclasses and the loading; the
checker of each table (``[[sources]]``, ``[[topics]]``, ``[matching]``, ``[channels]``,
``[[alerts]]``) is in :mod:`monitor.config_sections`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from monitor.classify import EVENT_TYPES as _EVENT_TYPES
from monitor.config_keys import ALERT_KEYS as ALERT_KEYS  # re-exported for the docs tests
from monitor.config_keys import CHANNEL_KEYS as CHANNEL_KEYS
from monitor.config_keys import MATCHING_KEYS as MATCHING_KEYS
from monitor.config_keys import SELECTOR_KEYS as SELECTOR_KEYS
from monitor.config_keys import SOURCE_KEYS as SOURCE_KEYS
from monitor.config_keys import TOP_KEYS
from monitor.config_keys import TOPIC_KEYS as TOPIC_KEYS
from monitor.errors import ConfigError
from monitor.tomlcheck import Checker, Locator


@dataclass(frozen=True)
class Selectors:
    """CSS selectors for one outlet's pages; every one is optional."""

    article_links: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    body: str | None = None
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """One outlet to watch."""

    name: str
    homepage: str
    feeds: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    interval: int = 600  # seconds
    language: str | None = None
    hosts: tuple[str, ...] = ()  # extra hosts whose links belong to this outlet
    article_pattern: str | None = None  # regex an article URL path must match
    selectors: Selectors = field(default_factory=Selectors)
    enabled: bool = True
    timezone: str | None = None  # IANA name for page dates written without an offset

    @property
    def tz(self) -> tzinfo | None:
        """The time zone of dates the outlet writes without an offset (None: UTC)."""
        return ZoneInfo(self.timezone) if self.timezone else None

    @property
    def all_hosts(self) -> tuple[str, ...]:
        """The homepage host, its www/non-www twin, and the extra hosts, lowercased."""
        host = (urlsplit(self.homepage).hostname or "").lower()
        bare = host.removeprefix("www.")
        names = [host, bare, "www." + bare, *(h.lower() for h in self.hosts)]
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class Topic:
    """A subject users follow.

    An article matches when one of ``any`` (or ``regex``) is found, every one of ``all``
    is found, none of ``none`` is found, and its score reaches ``min_score``.
    """

    name: str
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    regex: str | None = None
    min_score: float = 1.0


@dataclass(frozen=True)
class MatchRule:
    """How much a hit counts by where it is found (``[matching]`` in sources.toml)."""

    title_weight: float = 3.0
    lead_weight: float = 2.0
    body_weight: float = 1.0
    lead_chars: int = 400
    keep_unmatched: bool = False


EVENT_TYPES = _EVENT_TYPES  # one list, owned by the classifier


@dataclass(frozen=True)
class Channel:
    """Where alerts go: ``type`` is "email" or "webhook"; ``options`` keeps the rest."""

    name: str
    type: str
    options: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.options).get(key, default)


@dataclass(frozen=True)
class AlertRule:
    """Which stories alert whom."""

    name: str
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    digest: str = "off"
    quiet_hours: str | None = None


@dataclass(frozen=True)
class Config:
    """Everything sources.toml says, validated."""

    path: str
    sources: tuple[Source, ...] = ()
    topics: tuple[Topic, ...] = ()
    matching: MatchRule = field(default_factory=MatchRule)
    alerts: tuple[AlertRule, ...] = ()
    channels: tuple[Channel, ...] = ()
    operator_channel: str | None = None

    def source(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        raise ConfigError(f"no source named {name!r}", path=self.path)

    def topic(self, name: str) -> Topic:
        for topic in self.topics:
            if topic.name == name:
                return topic
        raise ConfigError(f"no topic named {name!r}", path=self.path)


# ---------------------------------------------------------------------------------------
# Loading

_INTERVAL_RE = re.compile(
    r"^\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m)?\s*(?:(\d+)\s*s)?\s*$"
)
MIN_INTERVAL = 60
MAX_INTERVAL = 7 * 86400  # a week: longer waits are no schedule (and overflow the timer)


def parse_interval(value: str) -> int:
    """'10m' -> 600; '1h30m' -> 5400; raises ValueError on anything else, or outside
    1m..7d."""
    match = _INTERVAL_RE.match(value) if isinstance(value, str) else None
    if not match or not any(match.groups()):
        raise ValueError(f'invalid interval {value!r}: use a number with d, h, m or s, e.g. "10m"')
    days, hours, minutes, seconds = (int(g or 0) for g in match.groups())
    total = days * 86400 + hours * 3600 + minutes * 60 + seconds
    if total < MIN_INTERVAL:
        raise ValueError(f"interval {value!r} is shorter than the minimum of 1m")
    if total > MAX_INTERVAL:
        raise ValueError(f"interval {value!r} is longer than the maximum of 7d")
    return total


def describe_interval(seconds: int) -> str:
    """600 -> '10 min'; 90 -> '90 s'."""
    return f"{seconds // 60} min" if seconds % 60 == 0 else f"{seconds} s"


def parse_config(text: str, path: str = "sources.toml") -> Config:
    """Validate the text of a sources.toml; raise ConfigError naming file, line and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(found.group(1)) if found else getattr(exc, "lineno", None)
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(f"invalid TOML: {message}", path=path, line=line) from exc
    from monitor.config_sections import (  # they build the dataclasses above
        check_alerts,
        check_channels,
        check_matching,
        check_sources,
        check_topics,
    )

    ck = Checker(path, text)
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(
                f"unknown top-level key (known: {', '.join(sorted(TOP_KEYS))})",
                path=path,
                line=ck.locate.line(key) or None,
                key=key,
            )
    sources = check_sources(ck, data.get("sources", []))
    topics = check_topics(ck, data.get("topics", []))
    matching = check_matching(ck, data.get("matching", {}))
    channels = check_channels(ck, data.get("channels", {}))
    alerts = check_alerts(ck, data.get("alerts", []), topics, sources, channels)
    operator = data.get("operator", {})
    operator_channel = None
    if operator:
        if not isinstance(operator, dict) or set(operator) - {"channel"}:
            raise ck.fail("expected only: channel = NAME", table="operator", where="[operator]")
        operator_channel = operator.get("channel")
        if operator_channel not in {c.name for c in channels}:
            raise ck.fail(
                f"unknown channel {operator_channel!r}",
                table="operator",
                where="[operator]",
                key="channel",
            )
    return Config(
        path=path,
        sources=sources,
        topics=topics,
        matching=matching,
        alerts=alerts,
        channels=channels,
        operator_channel=operator_channel,
    )


def load_config(path: str | Path) -> Config:
    """Read and validate sources.toml at ``path``."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")  # an editor's byte-order mark is no TOML
    except FileNotFoundError:
        raise ConfigError("file not found", path=str(file)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=str(file)) from exc
    return parse_config(text, str(file))


def channel_problems(config: Config, environ: Mapping[str, str]) -> list[str]:
    """What stops each channel from working, found as its notifier finds it when built:
    a secret variable that is not set or holds no valid secret (``whsec_`` + base64), a CA
    file that cannot be loaded. One line each, naming the file, channel and key."""
    from monitor.alerts import make_notifier  # the channels own their checks

    problems = []
    try:
        locate: Locator | None = Locator(Path(config.path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):  # a config parsed from a string, or gone since
        locate = None
    for channel in config.channels:
        try:
            make_notifier(channel, environ)
        except ConfigError as exc:
            table = f"channels.{channel.name}"
            line = locate.line(table, None, exc.key) if locate else None
            located = ConfigError(
                exc.message, path=config.path, line=line, where=exc.where, key=exc.key
            )
            problems.append(str(located))
    return problems
