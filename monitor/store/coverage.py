"""Coverage: how many articles a search finds per UTC day and per outlet.

``coverage(engine, query)`` takes a ``SearchQuery`` (its text and filters, the same as
``monitor.store.search.search``; its page and order do not matter) and counts in SQL,
grouped by day and by outlet, without loading a single article:

* the outlet is the one that published the article first (``article.source``): a
  syndicated copy is the same article, counted once, under that outlet, also when the
  ``source`` filter names the outlet that ran the copy;
* the day is the UTC day of the publication time (the fetch time when it is unknown),
  the time ``since`` and ``until`` filter on;
* the days run from ``since`` to ``until`` (exclusive). Without ``until`` the range ends
  on the day of the newest matching article that has a publication date (the newest
  fetched when none has one: an undated article fetched today does not move a dated
  archive's range to today); without ``since`` it starts ``DAYS - 1``
  days before its end. A range longer than ``MAX_DAYS`` keeps its last ``MAX_DAYS``.
  Every day is listed, those without articles too; no matching article and no ``until``
  is no day at all;
* the ``TOP`` outlets with the most articles in the range (ties by name) each have a
  series; the others are summed in one series, ``other``.

``fold`` (pure) turns the grouped rows into that shape.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, func, literal_column, select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import col

from monitor.errors import StoreError
from monitor.models import ArticleRow
from monitor.store.selection import SearchQuery, article_time, matching, plan

DAYS = 30
MAX_DAYS = 366
TOP = 6
OTHER = "other"


@dataclass(frozen=True)
class Series:
    """One outlet's articles per day (or, with ``other``, the sum of the rest)."""

    outlet: str
    counts: tuple[int, ...]
    other: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class Coverage:
    """Articles per day (``days``, in order) and per outlet (``series``, most first)."""

    days: tuple[date, ...]
    series: tuple[Series, ...]
    total: int
    outlets: int  # distinct outlets in the range, those summed in "other" too

    @property
    def per_day(self) -> tuple[int, ...]:
        return tuple(sum(s.counts[i] for s in self.series) for i in range(len(self.days)))

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``GET /api/coverage`` and ``monitor search --by-day --json``."""
        return {
            "days": [day.isoformat() for day in self.days],
            "series": [
                {"outlet": s.outlet, "other": s.other, "total": s.total, "counts": list(s.counts)}
                for s in self.series
            ],
            "total": self.total,
            "outlets": self.outlets,
        }


def day_range(
    since: datetime | None,
    until: datetime | None,
    newest: datetime | None,
    *,
    days: int = DAYS,
    max_days: int = MAX_DAYS,
) -> tuple[date, ...]:
    """The UTC days a chart covers (the rules in the module's docstring)."""
    if until is not None:
        end = (until - timedelta(microseconds=1)).astimezone(UTC).date()
    elif newest is not None:
        end = newest.astimezone(UTC).date()
    else:
        return ()
    start = since.astimezone(UTC).date() if since else end - timedelta(days=days - 1)
    start = max(start, end - timedelta(days=max_days - 1))
    return tuple(start + timedelta(days=n) for n in range((end - start).days + 1))


def fold(days: Iterable[date], rows: Iterable[tuple[date, str, int]], top: int = TOP) -> Coverage:
    """(day, outlet, count) rows as series over ``days``: the ``top`` outlets, then
    ``other``; rows for days outside ``days`` are left out."""
    days = tuple(days)
    index = {day: i for i, day in enumerate(days)}
    counts: dict[str, list[int]] = {}
    for day, outlet, count in rows:
        if day in index:
            counts.setdefault(outlet, [0] * len(days))[index[day]] += count
    ranked = sorted(counts, key=lambda outlet: (-sum(counts[outlet]), outlet))
    series = [Series(outlet, tuple(counts[outlet])) for outlet in ranked[:top]]
    if rest := ranked[top:]:
        summed = tuple(sum(counts[o][i] for o in rest) for i in range(len(days)))
        series.append(Series(OTHER, summed, other=True))
    return Coverage(days, tuple(series), sum(s.total for s in series), len(ranked))


def _day(dialect: str) -> Any:
    """The UTC day of an article as 'YYYY-MM-DD'."""
    if dialect == "sqlite":  # times are stored as naive UTC text
        return func.date(article_time)
    utc = func.timezone(literal_column("'UTC'"), article_time)
    return func.to_char(utc, literal_column("'YYYY-MM-DD'"))


@lru_cache(maxsize=256)
def _statements(dialect: str, mode: str, filters: tuple[str, ...]) -> Any:
    """(newest, counts) for one shape of query: the time of the newest matching article,
    and the articles per day and outlet."""
    source, _, conds = matching(dialect, mode, filters, rows=True)
    # the newest publication: an undated article (counted on the day it was fetched,
    # often today) sets the range's end only when no matching article is dated
    newest_time = func.coalesce(func.max(col(ArticleRow.published)), func.max(article_time))
    newest = select(newest_time).select_from(source).where(*conds)
    day = _day(dialect)
    outlet = col(ArticleRow.source)
    counts = (
        select(day.label("day"), outlet.label("outlet"), func.count().label("n"))
        .select_from(source)
        .where(*conds)
        .group_by(day, outlet)
    )
    return newest, counts


def coverage(engine: Engine, query: SearchQuery) -> Coverage:
    """Articles per UTC day and per outlet for the search ``query``, counted in SQL."""
    shape = plan(engine, query)
    try:
        with engine.connect() as conn:
            newest_time = None
            if query.until is None:
                newest, _ = _statements(shape.dialect, shape.mode, shape.filters)
                newest_time = conn.execute(newest, shape.params).scalar()
            days = day_range(query.since, query.until, newest_time)
            if not days:
                return fold((), ())
            first = datetime.combine(days[0], time(), UTC)
            since = max(query.since, first) if query.since else first
            until = query.until
            if days[-1] < date.max:  # else until is given, and later than any day can end
                after = datetime.combine(days[-1] + timedelta(days=1), time(), UTC)
                until = min(until, after) if until else after
            window = plan(engine, replace(query, since=since, until=until))
            _, counts = _statements(window.dialect, window.mode, window.filters)
            rows = conn.execute(counts, window.params).all()
    except SQLAlchemyError as exc:
        raise StoreError(f"coverage failed: {exc}") from exc
    return fold(days, ((date.fromisoformat(str(r.day)), r.outlet, int(r.n)) for r in rows))
