"""Polling throughput: a cold and a warm cycle of `App.poll_once` beside a naive loop and
the limit set by per-host politeness.

    python bench/bench_poll.py [--sources 200] [--articles 30] [--latency 0.05]
                               [--delay 1.0] [--peer-sources 10] [--profile]

A child process serves ``--sources`` synthetic outlets on 127.0.0.1 (one port each, host
names ``s000.bench.test`` ... routed by ``tests/outlets.HostMap``, so per-host politeness
and the connection pool see one origin per outlet, as in production). Each outlet has a
robots.txt, an RSS feed of ``--articles`` items and as many small article pages (one in
three about ICESCO, the shipped topic); every answer waits ``--latency`` seconds.

It prints, side by side:

* monitor, cold: `App.poll_once` over every source into an empty SQLite archive with the
  default per-host concurrency (1) and ``--delay`` (default 1.0 s, the default setting)
  between two request starts to one host. Pages = feeds + article pages.
* limit: what the politeness settings allow: each host's requests one after another,
  ``max(delay, latency)`` apart, every host in parallel, so the cycle cannot end before
  ``(requests per host - 1) * max(delay, latency) + latency`` (robots.txt counts: it goes
  through the same gate).
* peer: a naive loop, ``httpx.Client.get`` of every feed and article URL one by one
  (no parsing, no politeness), over the first ``--peer-sources`` outlets (a sequential
  loop's rate does not depend on how many URLs it is given; all 200 would take 5 minutes).
* monitor, Fetcher alone: the same GETs through the monitor's ``Fetcher`` with the same
  politeness, no parsing and no store: what the fetch layer alone reaches.
* monitor, warm: a second `App.poll_once` with nothing new. Checked from the server's
  log: every request except robots.txt is conditional and answered 304, no article page
  is fetched. Its time is printed as a % of the cold cycle (target < 5 %). `poll_once`
  opens a new Fetcher, so robots.txt is asked again; `monitor run` keeps one Fetcher
  (robots.txt cached for an hour), so the warm cycle is also timed that way ("service").
* peak memory (ru_maxrss) of the benchmark process (the monitor; the server is a child).

Also printed: how late requests started against the politeness schedule, the event
loop's longest stall and the CPU time of the cold cycle, to tell waiting from working.
``--profile`` runs the cold cycle under cProfile and prints the top functions.
Full size (200 x 30, 1.0 s delay) takes about 3 minutes on the 2-core machine. Measured
there: cold cycle 74 s against the politeness limit's 31 s, CPU-bound on one core
(extraction, matching, classification and stories of 2,000 articles); the Fetcher alone
31.5 s (99 % of the limit), 6,400 requests over 200 TCP connections (one per outlet: a
pool per host); warm 2.2 % of cold; peak memory 246 MB. With one pool for all outlets
keeping their idle connections, the cold cycle took 319 s (at 100 outlets, 92 s of 141 s
in httpx's pool scanning its connections) and the Fetcher alone 156 s; with httpx's
default pool (20 idle connections kept) nearly every request opened a connection (1,273
for 1,280 requests at 40 outlets). ``--sources 40`` runs in about 1.5 minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

import httpx
from _local import SiteServer, SyncHostMap, article_urls, mentions_icesco, sources_toml
from outlets import HostMap

from monitor.app import App, build
from monitor.settings import Settings

TARGET_WARM = 0.05


class LoopLag:
    """Measures how long the event loop is blocked: a task that asks to wake every 5 ms."""

    def __init__(self) -> None:
        self.worst = 0.0
        self.blocked = 0.0  # sum of lateness past 5 ms
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            before = loop.time()
            await asyncio.sleep(0.005)
            late = loop.time() - before - 0.005
            self.worst = max(self.worst, late)
            self.blocked += max(0.0, late)

    def __enter__(self) -> LoopLag:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def timed_poll(app: App, ports: dict[str, int], *, profile: bool = False):
    with LoopLag() as lag:
        cpu, started = cpu_seconds(), time.perf_counter()
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        reports = await app.poll_once(app.config.sources, HostMap(ports))
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds() - cpu
    return reports, elapsed, cpu, lag, profiler


async def service_warm(app: App, ports: dict[str, int]) -> float:
    """Two cycles over one Fetcher, as `monitor run` does; the second is timed."""
    async with app.fetcher(HostMap(ports)) as fetcher:
        poller = app.poller(fetcher)
        await poller.poll_all(app.config.sources)
        started = time.perf_counter()
        await poller.poll_all(app.config.sources)
        return time.perf_counter() - started


async def fetch_only(app: App, ports: dict[str, int], urls: list[str]) -> float:
    """The same GETs through the monitor's Fetcher alone: no parsing, no store."""
    async with app.fetcher(HostMap(ports)) as fetcher:
        started = time.perf_counter()
        await asyncio.gather(
            *(fetcher.fetch(u, accept="feed" if u.endswith(".xml") else "html") for u in urls)
        )
        return time.perf_counter() - started


def lateness(log, delay: float, latency: float) -> tuple[float, float, float]:
    """Per host, how much later than the politeness schedule each request started.

    The schedule lets a request start ``max(delay, previous answer time)`` after the
    previous one; anything beyond is time the monitor spent elsewhere. Returns the
    median and p95 lateness in seconds and the latest first-request start.
    """
    by_host = defaultdict(list)
    for r in log:
        by_host[r.host].append(r)
    late, firsts = [], []
    for requests in by_host.values():
        requests.sort(key=lambda r: r.started)
        firsts.append(requests[0].started)
        for prev, cur in itertools.pairwise(requests):
            earliest = max(prev.started + delay, prev.finished or prev.started)
            late.append(max(0.0, cur.started - earliest))
    spread = max(firsts) - min(firsts) if firsts else 0.0
    return statistics.median(late), sorted(late)[int(0.95 * (len(late) - 1))], spread


def naive_peer(ports: dict[str, int], urls: list[str]) -> float:
    with httpx.Client(transport=SyncHostMap(ports), timeout=20) as client:
        started = time.perf_counter()
        for url in urls:
            client.get(url).raise_for_status()
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per answer")
    parser.add_argument("--delay", type=float, default=1.0, help="min host delay, seconds")
    parser.add_argument("--peer-sources", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="cProfile the cold cycle")
    args = parser.parse_args()
    n, k = args.sources, args.articles
    pages = n * (1 + k)
    per_host = 2 + k  # robots.txt, the feed, the articles
    limit_time = (per_host - 1) * max(args.delay, args.latency) + args.latency
    run_started = time.perf_counter()
    print(
        f"bench_poll: {n} sources x {k} articles, {args.latency * 1000:.0f} ms latency, "
        f"host delay {args.delay:g} s, per-host concurrency 1"
    )

    with tempfile.TemporaryDirectory() as tmp, SiteServer(n, k, latency=args.latency) as sites:
        config = Path(tmp) / "sources.toml"
        config.write_text(sources_toml(n), encoding="utf-8")
        settings = Settings(
            config=str(config),
            database_url=f"sqlite:///{tmp}/monitor.db",
            host_delay=args.delay,
            host_concurrency=1,
        )
        with build(settings) as app:
            fetch_time = asyncio.run(fetch_only(app, sites.ports, article_urls(n, k)))
            fetch_log = sites.log()
            fetch_connections = sites.connections()
            reports, cold, cold_cpu, lag, profiler = asyncio.run(
                timed_poll(app, sites.ports, profile=args.profile)
            )
            rss_cold = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            cold_log = sites.log()[len(fetch_log) :]
            cold_connections = sites.connections() - fetch_connections
            failed = [r for r in reports if not r.ok or r.errors]
            assert not failed, failed[:3]
            stored = sum(r.stored for r in reports)
            expected = sum(mentions_icesco(s, a) for s in range(n) for a in range(k))
            fetched = sum(r.new for r in reports)
            assert fetched == n * k, (fetched, n * k)
            assert sum(r.path.startswith("/news/") for r in cold_log) == n * k
            late_median, late_p95, spread = lateness(cold_log, args.delay, args.latency)

            warm_reports, warm, warm_cpu, warm_lag, _ = asyncio.run(timed_poll(app, sites.ports))
            warm_log = sites.log()[len(fetch_log) + len(cold_log) :]
            robots = [r for r in warm_log if r.path == "/robots.txt"]
            others = [r for r in warm_log if r.path != "/robots.txt"]
            assert len(others) == n, len(others)
            assert all(r.conditional and r.status == 304 for r in others), others[:3]
            assert not any(r.path.startswith("/news/") for r in warm_log)
            assert all(r.new == 0 and r.not_modified == 1 for r in warm_reports)

            before = len(sites.log())
            service = asyncio.run(service_warm(app, sites.ports))
            service_log = sites.log()[before:]
            second = service_log[2 * n :]  # the timed cycle: feeds only
            assert len(service_log) == 3 * n and all(
                r.conditional and r.status == 304 and r.path == "/feed.xml" for r in second
            )
        peer_urls = article_urls(min(args.peer_sources, n), k)
        peer = naive_peer(sites.ports, peer_urls)
    rss_end = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rss_server = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss

    monitor_rate, limit_rate, peer_rate = pages / cold, pages / limit_time, len(peer_urls) / peer
    print()
    print(f"{'':34}{'pages':>8}{'seconds':>10}{'pages/s':>10}{'vs limit':>10}")
    print(
        f"{'monitor, cold poll_once':34}{pages:>8}{cold:>10.2f}{monitor_rate:>10.1f}"
        f"{monitor_rate / limit_rate:>9.0%}"
    )
    print(
        f"{'limit (politeness: 1 at a time,':34}{pages:>8}{limit_time:>10.2f}{limit_rate:>10.1f}"
        f"{1:>9.0%}"
    )
    print(f"{f'  {args.delay:g} s apart, hosts parallel)':34}")
    fetch_rate = pages / fetch_time
    print(
        f"{'monitor Fetcher alone (no parse,':34}{pages:>8}{fetch_time:>10.2f}{fetch_rate:>10.1f}"
        f"{fetch_rate / limit_rate:>9.0%}"
    )
    print(f"{'  no extract, no store)':34}")
    print(
        f"{'peer: naive sequential GET loop':34}{len(peer_urls):>8}{peer:>10.2f}"
        f"{peer_rate:>10.1f}{peer_rate / limit_rate:>9.0%}"
    )
    print(
        f"  monitor / peer: {monitor_rate / peer_rate:.1f}x the pages/s "
        f"(the peer would need {pages / peer_rate:.0f} s for all {pages} pages)"
    )
    print()
    print(
        f"cold: {stored} articles stored (expected {expected} ICESCO articles), "
        f"{len(cold_log)} requests over {cold_connections} new TCP connections, CPU {cold_cpu:.1f} s of {cold:.1f} s wall "
        f"({cold_cpu / cold:.0%} of one core)"
    )
    print(
        f"  request starts later than the politeness schedule: median {late_median * 1000:.0f} ms, "
        f"p95 {late_p95 * 1000:.0f} ms; first requests spread over {spread:.2f} s"
    )
    print(
        f"  event loop: longest stall {lag.worst * 1000:.0f} ms, "
        f"blocked {lag.blocked:.1f} s in total"
    )
    print(f"Fetcher alone: {len(fetch_log)} requests over {fetch_connections} new TCP connections")
    print(
        f"warm (nothing new), poll_once: {warm:.2f} s = {warm / cold:.1%} of cold "
        f"(target < {TARGET_WARM:.0%}) [{'ok' if warm / cold < TARGET_WARM else 'MISSED'}]; "
        f"{len(others)} conditional GETs, all 304, no article fetched; "
        f"+{len(robots)} robots.txt (new Fetcher); CPU {warm_cpu:.2f} s, "
        f"loop stall {warm_lag.worst * 1000:.0f} ms"
    )
    print(
        f"warm, service (one Fetcher, robots.txt cached): {service:.2f} s = "
        f"{service / cold:.1%} of cold; {len(second)} conditional GETs, all 304"
    )
    print(
        f"peak memory: monitor process {rss_cold / 1024:.0f} MB after the cold cycle, "
        f"{rss_end / 1024:.0f} MB at the end; site server {rss_server / 1024:.0f} MB"
    )
    print(f"whole run: {time.perf_counter() - run_started:.0f} s")
    if profiler:
        print("\ncProfile of the cold cycle (event-loop thread only), by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
