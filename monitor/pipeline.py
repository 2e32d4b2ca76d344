"""The orchestrator: the one place that strings the stages together.

::

    RawArticle ─► normalize ─► match ─► store
    (ingest or extract)

Stages are pure functions over plain values; only this module calls them in order, and
only ``store`` writes. ``monitor ingest`` and polling (:mod:`monitor.poll`) enter the same
``prepare`` path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from monitor import normalize
from monitor.classify import EventInfo, classify
from monitor.config import Config
from monitor.errors import ExtractError, InputError, RecordRejected
from monitor.extract import extract_article
from monitor.match import Matcher
from monitor.records import AddOutcome, Article, Prepared, RawArticle
from monitor.store import Store
from monitor.urls import canonical_url, host_of

log = logging.getLogger("monitor.pipeline")
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class IngestReport:
    """Counts of one ingest run, and the rejected lines with their reasons."""

    read: int = 0
    stored: int = 0
    duplicate: int = 0
    unmatched: int = 0
    rejected: int = 0
    errors: list[InputError] = field(default_factory=list)
    stored_ids: list[int] = field(default_factory=list)


class Pipeline:
    """normalize -> match -> store, for ingested and fetched articles alike."""

    def __init__(self, config: Config, store: Store, *, clock: Clock = utcnow) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.matcher = Matcher(config.topics, config.matching)
        # a host claimed by a disabled source too (check refuses two enabled ones) is the
        # enabled source's
        ranked = sorted(config.sources, key=lambda s: s.enabled)
        self._host_source = {host: s.name for s in ranked for host in s.all_hosts}
        self._source_hosts = {s.name: frozenset(s.all_hosts) for s in config.sources}
        self._sources = {s.name: s for s in config.sources}
        self._source_language = {s.name: s.language for s in config.sources}
        self._zones = {s.name: s.tz for s in config.sources}

    # -- pure stages ---------------------------------------------------------------------

    def source_for(self, url: str, declared: str | None) -> str:
        """The configured source owning the URL's host (the declared one, such as the source
        being polled, when it claims the host too), else the declared name, else the host."""
        host = host_of(url)
        if declared and host in self._source_hosts.get(declared, ()):
            return declared
        return self._host_source.get(host) or declared or host.removeprefix("www.")

    def normalize(self, raw: RawArticle, now: datetime) -> Article:
        url = canonical_url(raw.url)
        source = self.source_for(url, normalize.clean_title(raw.source or "") or None)
        title, text = raw.title, raw.text
        published, author, language = raw.published, raw.author, raw.language
        urls = [url, *(canonical_url(u) for u in raw.other_urls)]
        if raw.html and not (text and text.strip()):
            # as a fetched page: with its source's selectors and time zone, the given
            # fields as the feed's (they win; the page fills in the rest)
            owner = self._sources.get(source)
            given = {"title": title, "published": published, "author": author}
            try:
                page = extract_article(
                    raw.html,
                    url,
                    owner.selectors if owner else None,
                    feed_hint=given,
                    now=now,
                    tz=owner.tz if owner else None,
                )
            except ExtractError as exc:
                raise InputError(str(exc)) from exc
            text = page.body
            title = title or page.title
            published = published or page.published
            author = author or page.author
            language = language or page.language
            if page.canonical_url:
                urls.insert(0, canonical_url(page.canonical_url))
        body = normalize.clean_text(text or "", source=source)
        title = normalize.clean_title(title or "")
        if not title:
            title = body.split("\n", 1)[0][:200]
        hint = language or self._source_language.get(source)
        language = normalize.detect_language(f"{title}\n{body}", hint=hint)
        unique_urls = tuple(dict.fromkeys(urls))
        return Article(
            url=unique_urls[0],
            urls=unique_urls[1:],
            source=source,
            title=title,
            body=body,
            published=published.astimezone(UTC) if published else None,
            fetched_at=(raw.fetched_at or now).astimezone(UTC),
            author=normalize.clean_title(author or "") or None,
            language=language,
            content_hash=normalize.content_hash(title, body),
        )

    def prepare(self, raw: RawArticle, now: datetime | None = None) -> Prepared:
        article = self.normalize(raw, now or self.clock())
        matches = tuple(self.matcher.match(article.title, article.body))
        if not matches and not self.config.matching.keep_unmatched:
            return Prepared(article, matches)  # not kept: no need to classify it
        try:
            event = self.read_event(
                article.title, article.body, article.language, article.published, article.source
            )
        except Exception:  # a fault in reading one article must not lose it, nor its source
            log.exception("%s: reading its event failed; kept as 'other'", article.url)
            event = EventInfo("other", 0.0)
        return Prepared(article, matches, event)

    def read_event(
        self, title: str, body: str, language: str, published: datetime | None, source: str | None
    ) -> EventInfo:
        """:func:`classify` with "yesterday" read on the outlet's clock (its ``timezone``;
        UTC for an outlet without one, or with ``source`` None)."""
        zone = self._zones.get(source) if source else None
        when = published.astimezone(zone) if published and zone else published
        return classify(title, body, language, when)

    def keeps(self, prepared: Prepared) -> bool:
        return bool(prepared.matches) or self.config.matching.keep_unmatched

    # -- with the store ------------------------------------------------------------------

    def store_batch(self, batch: list[Prepared]) -> list[AddOutcome]:
        return self.store.add_articles(batch)

    def ingest(
        self,
        records: Iterable[tuple[int, str | InputError]],
        *,
        batch_size: int = 500,
        on_progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Ingest numbered JSON lines (or the InputError of a line that could not be read);
        bad lines are counted and reported, never fatal."""
        from monitor.ingest import parse_record

        report = IngestReport()
        batch: list[Prepared] = []
        lines: list[int] = []  # the line number of each article of the batch

        def reject(line: int, message: str) -> None:
            report.rejected += 1
            report.errors.append(InputError(message, line=line))

        def flush() -> None:
            try:
                outcomes = self.store_batch(batch)
            except RecordRejected:  # one bad value must not take the good lines with it
                outcomes = []
                for line, item in zip(lines, batch, strict=True):
                    try:
                        outcomes += self.store_batch([item])
                    except RecordRejected as exc:
                        reject(line, str(exc))
            stored, duplicates = tally(outcomes)
            report.stored += len(stored)
            report.stored_ids += stored
            report.duplicate += duplicates
            batch.clear()
            lines.clear()
            if on_progress:
                on_progress(report)

        for line_number, line in records:
            now = self.clock()
            try:
                if isinstance(line, InputError):
                    raise line
                raw = parse_record(line, line_number, now=now)
            except InputError as exc:
                report.read += 1
                reject(line_number, exc.message)
                continue
            if raw is None:
                continue
            report.read += 1
            try:
                prepared = self.prepare(raw, now)
            except InputError as exc:
                reject(line_number, exc.message)
                continue
            if not self.keeps(prepared):
                report.unmatched += 1
                continue
            batch.append(prepared)
            lines.append(line_number)
            if len(batch) >= batch_size:
                flush()
        flush()
        report.errors.sort(key=lambda error: error.line or 0)
        return report


def tally(outcomes: list[AddOutcome]) -> tuple[list[int], int]:
    """The ids of the articles stored, and how many were duplicates."""
    stored = [o.article_id for o in outcomes if o.status == "stored"]
    return stored, len(outcomes) - len(stored)


def numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    return ((number, line) for number, line in enumerate(lines, start=1))
