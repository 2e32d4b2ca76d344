"""sources.toml: what to watch, validated into frozen dataclasses.

Every error names the file, the line where it can be found, the source/topic/alert and the
key. Validation happens once, at start-up (``load_config``); the rest of the monitor only
ever sees valid, immutable values.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from monitor.errors import ConfigError


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
