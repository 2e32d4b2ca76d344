"""Polling one source: fetch -> discover -> extract, then the pipeline's ingest path.

``Poller.poll`` returns a :class:`PollReport` whatever happens: a source's failure is
data (recorded in its health), never a crash, and one failing outlet never stops the
others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from monitor.config import Source
from monitor.discover import Candidate, listing_candidates, parse_feed, parse_sitemap
from monitor.errors import ExtractError, FetchError, InputError
from monitor.extract import extract_article
from monitor.fetch import Conditional, Fetcher
from monitor.pipeline import Pipeline, tally
from monitor.records import Prepared, RawArticle
from monitor.store.core import OperatorPolicy

# the longest address the archive keeps (the url columns); a longer link is junk or a trap
MAX_URL = 2000
# the child sitemaps of a sitemap index read at each poll, newest first by lastmod
MAX_CHILD_SITEMAPS = 5

log = logging.getLogger("monitor.poll")


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
    later: int = 0  # new articles over the per-poll limit, fetched at the next poll

    @property
    def ok(self) -> bool:
        return self.failure is None


@dataclass
class _Offer:
    """A feed, listing or sitemap fetched this poll, and the articles it offers."""

    url: str
    etag: str | None
    last_modified: str | None
    articles: list[str]
    index: bool = False  # a sitemap index: its validators are cleared, never kept


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

    async def _discover(
        self, source: Source, report: PollReport
    ) -> tuple[list[Candidate], list[_Offer]]:
        targets = [(u, "feed") for u in source.feeds]
        targets += [(u, "listing") for u in source.listings]
        targets += [(u, "sitemap") for u in source.sitemaps]
        validators = await asyncio.to_thread(self.store.http_validators, [u for u, _ in targets])
        found: dict[str, Candidate] = {}
        offers: list[_Offer] = []
        failed = 0
        for url, kind in targets:
            try:
                fetched = await self._fetch_index(source, url, kind, validators, report)
                if fetched is None:
                    continue
                offer, candidates, children = fetched
                if children:  # a sitemap index: its validators are never kept (see below)
                    offer.etag = offer.last_modified = None
                    offer.index = True
                    candidates += await self._children(source, children, offers, report)
            except (FetchError, ExtractError) as exc:
                failed += 1
                report.errors.append(str(exc))
                log.warning("%s: %s", source.name, exc)
                continue
            offers.append(offer)
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
        return list(found.values()), offers

    async def _children(
        self, source: Source, children: list[str], offers: list[_Offer], report: PollReport
    ) -> list[Candidate]:
        """The candidates of a sitemap index's newest children, each asked conditionally;
        a broken child is its own error, and the others are still read."""
        chosen = children[:MAX_CHILD_SITEMAPS]
        validators = await asyncio.to_thread(self.store.http_validators, chosen)
        candidates: list[Candidate] = []
        for child in chosen:
            try:
                fetched = await self._fetch_index(source, child, "sitemap", validators, report)
            except (FetchError, ExtractError) as exc:
                report.errors.append(str(exc))
                log.warning("%s: %s", source.name, exc)
                continue
            if fetched is not None:
                offers.append(fetched[0])
                candidates += fetched[1]
        return candidates

    async def _fetch_index(
        self,
        source: Source,
        url: str,
        kind: str,
        validators: dict[str, tuple[str | None, str | None]],
        report: PollReport,
    ) -> tuple[_Offer, list[Candidate], list[str]] | None:
        """One feed, listing or sitemap, asked conditionally: None when not modified, else
        what it offers, its article candidates and (a sitemap index's) child sitemaps."""
        etag, modified = validators.get(url, (None, None))
        report.requests += 1
        page = await self.fetcher.fetch(
            url, Conditional(etag, modified), accept="html" if kind == "listing" else "feed"
        )
        if page.not_modified:
            report.not_modified += 1
            return None
        children: list[str] = []
        if kind == "feed":
            candidates = parse_feed(page.text, page.final_url, source)
        elif kind == "listing":
            candidates = listing_candidates(page.text, page.final_url, source)
        else:
            candidates, children = parse_sitemap(page.text, page.final_url, source)
        offer = _Offer(url, page.etag, page.last_modified, [c.url for c in candidates])
        return offer, candidates, children

    async def _poll(self, source: Source, report: PollReport) -> None:
        candidates, offers = await self._discover(source, report)
        report.candidates = len(candidates)
        by_url = {c.url: c for c in candidates if len(c.url) <= MAX_URL}
        for long_url in sorted({c.url for c in candidates} - set(by_url)):
            report.errors.append(f"{long_url[:120]}...: an address over {MAX_URL} characters")
        unseen = await asyncio.to_thread(self.store.unseen, list(by_url))
        fresh = unseen[: self.max_articles]
        report.later = len(unseen) - len(fresh)
        if report.later:
            log.info(
                "%s: %d more new articles are left for the next poll (%d a poll at most)",
                source.name,
                report.later,
                self.max_articles,
            )
        gone: set[str] = set()  # articles that asking again would not mend
        outage: set[str] = set()  # articles the server failed to give (a 5xx, a timeout)
        pages = await asyncio.gather(
            *(self._article(source, by_url[u], report, gone, outage) for u in fresh)
        )
        # the others that failed are tried at the next polls, and given up after a while
        # (a link that 404s for good must not keep its feed from a 304 for ever)
        failing = [
            (u, source.name, u in outage)
            for u, p in zip(fresh, pages, strict=True)
            if p is None and u not in gone
        ]
        given_up = await asyncio.to_thread(self.store.note_failures, failing, self.pipeline.clock())
        for url in given_up:
            log.info(
                "%s: %s failed at every poll for a while; it is not asked for again",
                source.name,
                url,
            )
        prepared = [p for p in pages if p is not None]
        report.new = len(prepared)
        keep = [p for p in prepared if self.pipeline.keeps(p)]
        outcomes = await asyncio.to_thread(self.store.add_articles, keep) if keep else []
        if outcomes and self.after_store is not None:
            self.after_store()
        report.stored_ids, report.duplicates = tally(outcomes)
        report.stored = len(report.stored_ids)
        status = {o.url: o.status for o in outcomes}
        seen = [
            (url, source.name, status.get(p.article.url, "unmatched"))
            for url, p in zip(fresh, pages, strict=True)
            if p is not None
            for url in (url, p.article.url)
        ]
        seen += [(url, source.name, "error") for url in sorted(gone)]
        await asyncio.to_thread(self.store.mark_seen, seen, self.pipeline.clock())
        # A feed's or listing's validators are kept only once every article it offers is
        # in the archive or was fetched: one that failed for a while (a 503, a timeout, the
        # service stopping mid-poll) or was left for the next poll is still to fetch, and a
        # conditional request would hide it behind a 304 for as long as the feed is unchanged.
        settled = (set(by_url) - set(unseen)) | gone | set(given_up)
        settled |= {url for url, p in zip(fresh, pages, strict=True) if p is not None}
        settled |= {c.url for c in candidates} - set(by_url)  # over-long, never fetched
        now = self.pipeline.clock()
        for offer in offers:
            if offer.index or (offer.articles and settled.issuperset(offer.articles)):
                await asyncio.to_thread(
                    self.store.save_http_validators, offer.url, offer.etag, offer.last_modified, now
                )

    async def _article(
        self,
        source: Source,
        candidate: Candidate,
        report: PollReport,
        gone: set[str],
        outage: set[str],
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
            if isinstance(exc, FetchError) and exc.lasting:
                gone.add(candidate.url)
            elif isinstance(exc, FetchError) and exc.outage:
                outage.add(candidate.url)
            return None
