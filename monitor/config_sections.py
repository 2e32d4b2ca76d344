"""sources.toml, section by section: one checker per table, each returning frozen values.

``monitor.config.parse_config`` reads the TOML and calls these in order (sources, topics,
[matching], channels, then alerts, which refer to the other three). Each checker raises
through :class:`monitor.tomlcheck.Checker`, so every error names the file, the line, the
source/topic/alert and the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from monitor.config import (
    EVENT_TYPES,
    AlertRule,
    Channel,
    MatchRule,
    Selectors,
    Source,
    Topic,
    parse_interval,
)
from monitor.config_keys import (
    ALERT_KEYS,
    CHANNEL_KEYS,
    MATCHING_KEYS,
    SELECTOR_KEYS,
    SOURCE_KEYS,
    TOPIC_KEYS,
)
from monitor.normalize import LANGUAGE_CODE
from monitor.tomlcheck import Checker

_HOST_RE = re.compile(r"^(?:[^\W_](?:[\w-]*[^\W_])?\.)*[^\W_](?:[\w-]*[^\W_])?$")


def _named_tables(
    ck: Checker, raw: Any, table: str, keys: Any
) -> Iterator[tuple[dict[str, Any], str, dict[str, Any]]]:
    """(data, name, location) of each table of ``[[table]]``: an array of tables whose
    keys are known and whose names are given and unique; the location names it."""
    if not isinstance(raw, list):
        raise ck.fail(f"[[{table}]] must be an array of tables", table=table)
    what = table.removesuffix("s")
    seen: set[str] = set()
    for index, data in enumerate(raw):
        loc: dict[str, Any] = {"table": table, "index": index, "where": f"{what} #{index + 1}"}
        ck.unknown_keys(data, keys, **loc)
        name = ck.string(data, "name", required=True, **loc)
        assert name is not None
        loc["where"] = f"{what} '{name}'"
        if name.casefold() in seen:  # names are chosen in any case (--source trend)
            raise ck.fail(
                f"duplicate {what} name (names must differ in more than case)", key="name", **loc
            )
        seen.add(name.casefold())
        yield data, name, loc


def check_sources(ck: Checker, raw: Any) -> tuple[Source, ...]:
    from monitor.extract import validate_selector  # extract.py owns selectolax

    sources: list[Source] = []
    claimed: dict[str, str] = {}  # host -> the enabled source that claims it
    for data, name, loc in _named_tables(ck, raw, "sources", SOURCE_KEYS):
        homepage = ck.url(
            ck.string(data, "homepage", required=True, **loc) or "", key="homepage", **loc
        )
        urls = {}
        for key in ("feeds", "listings", "sitemaps"):
            urls[key] = tuple(ck.url(u, key=key, **loc) for u in ck.strings(data, key, **loc))
        interval_text = data.get("interval", "15m")
        try:
            interval = parse_interval(interval_text)
        except ValueError as exc:
            raise ck.fail(str(exc), key="interval", **loc) from None
        language = ck.string(data, "language", required=False, **loc)
        if language is not None and not LANGUAGE_CODE.match(language):
            raise ck.fail(
                f"expected an ISO 639-1 code such as 'en', got {language!r}", key="language", **loc
            )
        pattern = ck.string(data, "article_pattern", required=False, **loc)
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ck.fail(
                    f"invalid regular expression: {exc}", key="article_pattern", **loc
                ) from None
        timezone = ck.string(data, "timezone", required=False, **loc)
        if timezone is not None:
            try:
                ZoneInfo(timezone)
            except (ZoneInfoNotFoundError, ValueError):
                raise ck.fail(
                    f'unknown time zone {timezone!r} (an IANA name such as "Asia/Baku")',
                    key="timezone",
                    **loc,
                ) from None
        enabled = data.get("enabled", True)
        if not isinstance(enabled, bool):
            raise ck.fail(f"expected true or false, got {enabled!r}", key="enabled", **loc)
        sel_data = data.get("selectors", {})
        if not isinstance(sel_data, dict):
            raise ck.fail("expected a table [sources.selectors]", key="selectors", **loc)
        sel_loc = {**loc, "subtable": "selectors"}
        ck.unknown_keys(sel_data, SELECTOR_KEYS, **sel_loc)
        selector_values: dict[str, Any] = {}
        for key in SELECTOR_KEYS:
            values = (
                ck.strings(sel_data, key, **sel_loc)
                if key == "remove"
                else (ck.string(sel_data, key, required=False, **sel_loc),)
            )
            for css in values:
                if css is None:
                    continue
                problem = validate_selector(css)
                if problem:
                    raise ck.fail(f"bad CSS selector {css!r}: {problem}", key=key, **sel_loc)
            selector_values[key] = values if key == "remove" else values[0]
        hosts = ck.strings(data, "hosts", **loc)
        for host in hosts:
            if not _HOST_RE.match(host):
                raise ck.fail(
                    f"expected a host name such as 'trend.az' (no scheme, path or port), "
                    f"got {host!r}",
                    key="hosts",
                    **loc,
                )
        if not (urls["feeds"] or urls["listings"] or urls["sitemaps"]):
            raise ck.fail(
                "a source needs at least one of feeds, listings or sitemaps", key="feeds", **loc
            )
        source = Source(
            name=name,
            homepage=homepage,
            feeds=urls["feeds"],
            listings=urls["listings"],
            sitemaps=urls["sitemaps"],
            interval=interval,
            language=language,
            hosts=hosts,
            article_pattern=pattern,
            selectors=Selectors(**selector_values),
            enabled=enabled,
            timezone=timezone,
        )
        if enabled:
            _check_hosts(ck, source, claimed, loc)
        sources.append(source)
    return tuple(sources)


def _check_hosts(ck: Checker, source: Source, claimed: dict[str, str], loc: Any) -> None:
    """Refuse a host that another enabled source claims: its articles would be credited
    to whichever was read last."""
    for host in source.all_hosts:
        other = claimed.setdefault(host, source.name)
        if other != source.name:
            key = "hosts" if host in (h.lower() for h in source.hosts) else "homepage"
            raise ck.fail(
                f"host {host!r} is claimed by source {other!r} too: "
                "each host belongs to one enabled source",
                key=key,
                **loc,
            )


def check_topics(ck: Checker, raw: Any) -> tuple[Topic, ...]:
    from monitor.match import validate_topic

    topics: list[Topic] = []
    for data, name, loc in _named_tables(ck, raw, "topics", TOPIC_KEYS):
        topic = Topic(
            name=name,
            any=ck.strings(data, "any", **loc),
            all=ck.strings(data, "all", **loc),
            none=ck.strings(data, "none", **loc),
            regex=ck.string(data, "regex", required=False, **loc),
            min_score=ck.number(data, "min_score", 1.0, **loc),
        )
        problems = validate_topic(topic)
        if problems:
            key = "regex" if "regex" in problems[0].lower() else "any"
            raise ck.fail("; ".join(problems), key=key, **loc)
        topics.append(topic)
    return tuple(topics)


def check_matching(ck: Checker, raw: Any) -> MatchRule:
    loc: dict[str, Any] = {"table": "matching", "where": "[matching]"}
    if not isinstance(raw, dict):
        raise ck.fail("[matching] must be a table", **loc)
    ck.unknown_keys(raw, MATCHING_KEYS, **loc)
    keep = raw.get("keep_unmatched", False)
    if not isinstance(keep, bool):
        raise ck.fail(f"expected true or false, got {keep!r}", key="keep_unmatched", **loc)
    lead_chars = raw.get("lead_chars", 400)
    if isinstance(lead_chars, bool) or not isinstance(lead_chars, int) or lead_chars < 0:
        raise ck.fail(f"expected a whole number >= 0, got {lead_chars!r}", key="lead_chars", **loc)
    return MatchRule(
        title_weight=ck.number(raw, "title_weight", 3.0, **loc),
        lead_weight=ck.number(raw, "lead_weight", 2.0, **loc),
        body_weight=ck.number(raw, "body_weight", 1.0, **loc),
        lead_chars=lead_chars,
        keep_unmatched=keep,
    )


def check_channels(ck: Checker, raw: Any) -> tuple[Channel, ...]:
    if not isinstance(raw, dict):
        raise ck.fail("[channels.NAME] tables expected", table="channels")
    channels = []
    for name, data in raw.items():
        loc: dict[str, Any] = {"table": f"channels.{name}", "where": f"channel '{name}'"}
        if not isinstance(data, dict):
            raise ck.fail("expected a table", **loc)
        kind = ck.string(data, "type", required=True, **loc)
        if kind not in CHANNEL_KEYS:
            raise ck.fail(f'expected "email" or "webhook", got {kind!r}', key="type", **loc)
        ck.unknown_keys(data, CHANNEL_KEYS[kind], **loc)
        if kind == "email":
            ck.string(data, "host", required=True, **loc)
            if not ck.strings(data, "to", **loc):
                raise ck.fail("missing required key", key="to", **loc)
            ck.string(data, "from", required=True, **loc)
            if data.get("tls", "starttls") not in {"starttls", "ssl", "none"}:
                raise ck.fail(
                    f'expected "starttls", "ssl" or "none", got {data["tls"]!r}', key="tls", **loc
                )
            port = data.get("port", 465 if data.get("tls") == "ssl" else 587)
            if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
                raise ck.fail(f"expected a port number, got {port!r}", key="port", **loc)
        else:
            ck.url(ck.string(data, "url", required=True, **loc) or "", key="url", **loc)
            if data.get("format", "standard") not in {"standard", "slack", "teams"}:
                raise ck.fail(
                    f'expected "standard", "slack" or "teams", got {data["format"]!r}',
                    key="format",
                    **loc,
                )
        if "timeout" in data and ck.number(data, "timeout", 30.0, **loc) <= 0:
            raise ck.fail("expected a number of seconds > 0", key="timeout", **loc)
        for key in ("password_env", "secret_env"):
            if key in data:
                ck.string(data, key, required=True, **loc)
        channels.append(Channel(name=name, type=kind, options=tuple(sorted(data.items()))))
    return tuple(channels)


_QUIET_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$")


def check_alerts(
    ck: Checker,
    raw: Any,
    topics: tuple[Topic, ...],
    sources: tuple[Source, ...],
    channels: tuple[Channel, ...],
) -> tuple[AlertRule, ...]:
    rules = []
    known = {
        "topics": {t.name for t in topics},
        "sources": {s.name for s in sources},
        "channels": {c.name for c in channels},
        "events": set(EVENT_TYPES),
    }
    for data, name, loc in _named_tables(ck, raw, "alerts", ALERT_KEYS):
        values = {key: ck.strings(data, key, **loc) for key in known}
        for key, allowed in known.items():
            for value in values[key]:
                if value not in allowed:
                    listed = ", ".join(sorted(allowed)) or "none defined"
                    raise ck.fail(f"unknown {key[:-1]} {value!r} (known: {listed})", key=key, **loc)
        if not values["channels"]:
            raise ck.fail("an alert needs at least one channel", key="channels", **loc)
        digest = data.get("digest", "off")
        if digest not in {"off", "hourly", "daily"}:
            raise ck.fail(
                f'expected "off", "hourly" or "daily", got {digest!r}', key="digest", **loc
            )
        quiet = ck.string(data, "quiet_hours", required=False, **loc)
        if quiet is not None and not _QUIET_RE.match(quiet):
            raise ck.fail(f'expected "HH:MM-HH:MM", got {quiet!r}', key="quiet_hours", **loc)
        if quiet is not None and quiet[:5] == quiet[6:]:
            raise ck.fail(
                f"{quiet!r} starts and ends at the same time: give a range such as 22:00-07:00",
                key="quiet_hours",
                **loc,
            )
        rules.append(AlertRule(name=name, digest=digest, quiet_hours=quiet, **values))
    return tuple(rules)
