"""The orchestrator: the one place that strings the stages together.

::

    RawArticle ─► normalize ─► match ─► store
    (ingest or extract)

Stages are pure functions over plain values; only this module calls them in order, and
only ``store`` writes. ``monitor ingest`` and polling enter the same ``prepare`` path.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from monitor import normalize
from monitor.classify import EventInfo, classify
from monitor.config import Config, Source
from monitor.discover import Candidate, listing_candidates, parse_feed, parse_sitemap
from monitor.errors import ExtractError, FetchError, InputError, RecordRejected
from monitor.extract import extract_article
from monitor.fetch import Conditional, Fetcher
from monitor.match import Matcher
from monitor.records import AddOutcome, Article, Prepared, RawArticle
from monitor.store import Store
from monitor.store.core import OperatorPolicy
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
            try:
                page = extract_article(raw.html, url, now=now)
            except ExtractError as exc:
                raise InputError(f"{url}: {exc}") from exc
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
            for outcome in outcomes:
                if outcome.status == "stored":
                    report.stored += 1
                    report.stored_ids.append(outcome.article_id)
                else:
                    report.duplicate += 1
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
                if raw is None:
                    continue
                report.read += 1
                prepared = self.prepare(raw, now)
            except InputError as exc:
                report.read += 1
                report.rejected += 1
                report.errors.append(exc if exc.line else InputError(exc.message, line=line_number))
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


@dataclass
class PollReport:
    """What one poll of one source did: the row of `monitor poll`'s table."""

    source: str
    requests: int = 0
    not_modified: int = 0
    candidates: int = 0
    new: int = 0  # articles fetched for the first time
    stored: int = 0  # of those, kept in the archive (they matched a topic)
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    failure: str | None = None  # the reason the whole source failed, if it did
    stored_ids: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failure is None


class Poller:
    """fetch -> discover -> extract -> the ingest path, for one source at a time."""

    def __init__(
        self,
        pipeline: Pipeline,
        fetcher: Fetcher,
        *,
        max_articles: int = 100,
        operator: OperatorPolicy | None = None,
        after_store: Callable[[], None] | None = None,
    ) -> None:
        self.after_store = after_store  # told when articles were stored (alerts may wait)
        self.pipeline = pipeline
        self.store = pipeline.store
        self.fetcher = fetcher
        self.max_articles = max_articles
        self.operator = operator

    async def poll_all(self, sources: Iterable[Source]) -> list[PollReport]:
        """Poll sources concurrently; one failing outlet never stops the others."""
        return list(await asyncio.gather(*(self.poll(s) for s in sources)))

    async def poll(self, source: Source) -> PollReport:
        report = PollReport(source.name)
        try:
            await self._poll(source, report)
        except Exception as exc:  # a bug or an outage must not stop the other sources
            log.exception("poll of %s failed", source.name)
            report.failure = f"{exc.__class__.__name__}: {exc}"
        now = self.pipeline.clock()
        error = report.failure or (report.errors[0] if report.errors else None)
        await asyncio.to_thread(
            self.store.record_poll,
            source.name,
            ok=report.ok,
            error=error,
            found=report.stored,
            now=now,
            operator=self.operator,
        )
        return report

    async def _discover(self, source: Source, report: PollReport) -> list[Candidate]:
        targets = [(u, "feed") for u in source.feeds]
        targets += [(u, "listing") for u in source.listings]
        targets += [(u, "sitemap") for u in source.sitemaps]
        validators = await asyncio.to_thread(self.store.http_validators, [u for u, _ in targets])
        found: dict[str, Candidate] = {}
        failed = 0
        for url, kind in targets:
            etag, modified = validators.get(url, (None, None))
            try:
                report.requests += 1
                page = await self.fetcher.fetch(
                    url, Conditional(etag, modified), accept="html" if kind == "listing" else "feed"
                )
                if page.not_modified:
                    report.not_modified += 1
                    continue
                if kind == "feed":
                    candidates = parse_feed(page.text, page.final_url, source)
                elif kind == "listing":
                    candidates = listing_candidates(page.text, page.final_url, source)
                else:
                    candidates, children = parse_sitemap(page.text, page.final_url, source)
                    for child in children[:5]:
                        report.requests += 1
                        sub = await self.fetcher.fetch(child, accept="feed")
                        candidates += parse_sitemap(sub.text, sub.final_url, source)[0]
            except (FetchError, ExtractError) as exc:
                failed += 1
                report.errors.append(str(exc))
                log.warning("%s: %s", source.name, exc)
                continue
            if page.etag or page.last_modified:
                await asyncio.to_thread(
                    self.store.save_http_validators,
                    url,
                    page.etag,
                    page.last_modified,
                    self.pipeline.clock(),
                )
            if kind == "listing" and not candidates:
                report.errors.append(f"{url}: no article links found on the listing page")
            for candidate in candidates:
                known = found.get(candidate.url)
                if known is None or (known.via != "feed" and candidate.via == "feed"):
                    found[candidate.url] = candidate
        if targets and failed == len(targets):
            report.failure = "; ".join(report.errors)
        elif not found and report.not_modified + failed < len(targets):
            report.failure = (
                "no article links found on any feed or listing page "
                "(the outlet may have changed its layout: check the selectors)"
            )
        return list(found.values())

    async def _poll(self, source: Source, report: PollReport) -> None:
        candidates = await self._discover(source, report)
        report.candidates = len(candidates)
        by_url = {c.url: c for c in candidates}
        fresh = await asyncio.to_thread(self.store.unseen, list(by_url))
        fresh = fresh[: self.max_articles]
        pages = await asyncio.gather(*(self._article(source, by_url[u], report) for u in fresh))
        prepared = [p for p in pages if p is not None]
        report.new = len(prepared)
        keep = [p for p in prepared if self.pipeline.keeps(p)]
        outcomes = await asyncio.to_thread(self.store.add_articles, keep) if keep else []
        if outcomes and self.after_store is not None:
            self.after_store()
        for outcome in outcomes:
            if outcome.status == "stored":
                report.stored += 1
                report.stored_ids.append(outcome.article_id)
            else:
                report.duplicates += 1
        status = {o.url: o.status for o in outcomes}
        seen = [
            (url, source.name, status.get(p.article.url, "unmatched"))
            for url, p in zip(fresh, pages, strict=True)
            if p is not None
            for url in (url, p.article.url)
        ]
        await asyncio.to_thread(self.store.mark_seen, seen, self.pipeline.clock())

    async def _article(
        self, source: Source, candidate: Candidate, report: PollReport
    ) -> Prepared | None:
        try:
            report.requests += 1
            page = await self.fetcher.fetch(candidate.url, accept="html")
            now = self.pipeline.clock()
            hint = {
                "title": candidate.title,
                "published": candidate.published,
                "author": candidate.author,
            }
            # the text work runs off the event loop: other hosts' requests (and the HTTP
            # API served by the same loop in `monitor run`) go on meanwhile
            extracted = await asyncio.to_thread(
                extract_article,
                page.text,
                page.final_url,
                source.selectors,
                feed_hint=hint,
                now=now,
                tz=source.tz,
            )
            others = tuple(u for u in (candidate.url, extracted.canonical_url) if u)
            raw = RawArticle(
                url=page.final_url,
                title=extracted.title,
                text=extracted.body,
                published=extracted.published or candidate.published,
                source=source.name,
                author=extracted.author,
                language=extracted.language or source.language,
                fetched_at=now,
                other_urls=others,
            )
            return await asyncio.to_thread(self.pipeline.prepare, raw, now)
        except (FetchError, ExtractError, InputError) as exc:
            report.errors.append(str(exc))
            log.warning("%s: %s", source.name, exc)
            return None


def numbered(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    return ((number, line) for number, line in enumerate(lines, start=1))
