"""Story assignment cost per article as the archive grows, beside a brute-force scan.

    python bench/bench_stories.py                       # 1k, 10k, 100k on SQLite
    python bench/bench_stories.py --sizes 1000,10000    # a quick run
    python bench/bench_stories.py --pg                  # also PostgreSQL on 127.0.0.1:5432
    python bench/bench_stories.py --keep ~/.cache/monitor-bench   # build each archive once

The archive is synthetic, made from the project's fixture text (``bench/_synthetic.py``):
invented people, places and dates over six years, stories told by 1-4 outlets, syndicated
copies and the shared background paragraph. It is built through the real path: articles
are prepared with ``Pipeline.prepare`` in two worker processes while the main process
stores them with ``Store.add_articles`` in batches (the app from ``monitor.app.build``:
clusterer and alert planner wired as in production), and the build time is printed.

Each size has an archive of its own (built from the same seed, so the smaller archive is
the start of the larger). At each size, 100 fresh articles (half more reports of stored
stories, half new stories) are added one at a time with ``Store.add_articles([prepared])``,
and the sizes take turns, ten articles each, so that whatever else the machine is doing
weighs on every size alike (measured one size after another, medians moved by 15-30%
between runs on a shared 2-core machine, and so did the ratio):

* monitor: the store + stories step alone (prepared beforehand), median and p95, and the
  full path including ``Pipeline.prepare``;
* brute force: the same article's features against every stored article's (all rows of
  article_features decoded, ``monitor.stories.same_story`` on each), for a few of them,
  in a process of its own, so that the whole decoded archive never enters (and never
  slows down) the process being timed.

With ``--keep DIR`` each SQLite archive is saved in DIR once built (a page copy made
before its probes, with the generators' state and the clusterer's cached ids) and later
runs start from it instead of building it again: the same probes meet the same archive
as after a build. A saved archive is used only by a run with the same seed and batch size and the
same code: its name carries a hash of ``monitor/``, ``sources.toml``, the synthetic
generator, its fixtures and the build functions of this file, so any change to them
builds it again through the store.

Target: the monitor's median per article at the largest size within 1.5x of the smallest.
Mind the build time: the 100k archive takes twelve to fifteen minutes on a shared 2-core
machine. Measured there (1k / 10k / 100k, median ms, sizes in turns): in the run that
built the archives, 12.7 / 14.5 / 17.2 (1.36x, while other work loaded the machine); on
the same archives reused with ``--keep``, on a quiet machine, 8.1 / 8.6 / 10.6 (1.31x).
PostgreSQL on 127.0.0.1 (``--pg``), in the same run as the reused SQLite archives: 19.3 /
21.9 / 23.6 (1.22x). With the story and event rules as they stand now, archives built in
the run: SQLite 8.0 / 9.8 / 11.3 (1.42x), PostgreSQL 17.5 / 19.3 / 20.2 (1.16x). Stored
candidates compared per article: 7 / 14 / 16 (the cap). With the person-day keys
(``d:almalik|2023-10-03``, looked up by an article's principals on the 7 days around its
date), archives built in the run: SQLite 13.3 / 13.9 / 17.0 (1.28x); PostgreSQL, with a
first version that also filed the publication day, 28.6 / 29.4 / 32.0 (1.12x). Measured
side by side at 1k / 10k, the day keys cost about 3.5 ms an article (11.7 / 12.6 against
8.1 / 9.1): an article looks up about 40 keys instead of 25. With a story that a batch
changed folded into another it now joins (looked up by the batch's new articles only),
archives built in the run: SQLite 9.6 / 11.4 / 13.1 (1.36x); the fold costs little when it
looks up by the new articles only (8.8 / 10.3 against 11.7 / 13.5 at 1k / 10k when it
looked up by every article of the story). With the subjects across languages and the
corrections' kept-apart pairs, archives built in the run while tests loaded the machine:
SQLite 16.8 / 18.0 / 21.6 (1.29x; brute force 59 / 796 / 11,028 ms, 510x at 100k).
"Joined their story" counts the probes meant as more reports of a stored story that the
monitor filed with it. It is not a recall figure (``bench/eval_stories.py`` gives that):
the generator fills its slots independently, so a report can put the talks in another
city than the story's other reports (a BAKU dateline and talks "in Riyadh"), and the
monitor's place veto then rightly keeps it apart; most of the probes it does not file
with their story are such.
The per-statement SQL times and SQLite's plan of the candidate lookup are printed too, so
that a cost that grows can be traced to its query.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import inspect
import itertools
import multiprocessing as mp
import os
import pickle
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _synthetic import FIXTURES, Generator, Story
from sqlalchemy import event, select

from monitor.app import App, build
from monitor.clustering import decode, features_of
from monitor.config import load_config
from monitor.models import ArticleFeaturesRow
from monitor.pipeline import Pipeline
from monitor.records import Prepared, RawArticle
from monitor.settings import Settings
from monitor.store import stories as db
from monitor.store.core import make_engine
from monitor.stories import paragraph_shingles, same_story

CONFIG = ROOT / "sources.toml"
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET = 1.5

# -- preparing in worker processes -----------------------------------------------------

_worker_pipeline: Pipeline | None = None


def _init_worker() -> None:
    global _worker_pipeline
    # prepare() is pure (normalize, match, classify); the store is never touched
    _worker_pipeline = Pipeline(load_config(CONFIG), None)  # type: ignore[arg-type]


def _prepare_chunk(raws: list[RawArticle]) -> tuple[list[Prepared], float]:
    assert _worker_pipeline is not None
    t0 = time.perf_counter()
    out = [_worker_pipeline.prepare(raw) for raw in raws]
    return out, time.perf_counter() - t0


def _brute(url: str, prepared: Prepared) -> tuple[float, float, set[int]]:
    """Features of the article, then same_story against every stored article.

    Run in a process of its own (spawned, not forked: a forked child would share the
    timed process's pages, and every write there would then copy one): the decoded
    features of the whole archive, gigabytes at 100k, never enter the timed process.
    """
    art = prepared.article
    engine = make_engine(url)
    with engine.connect() as conn:
        t0 = time.perf_counter()
        every = set().union(*paragraph_shingles(f"{art.title}\n{art.body}"))
        feats = features_of(prepared, db.df_lookup(conn, every), db.story_total(conn))
        rows = conn.execute(select(ArticleFeaturesRow.story_id, ArticleFeaturesRow.data)).all()
        stored = [(story_id, decode(bytes(data))) for story_id, data in rows]
        t1 = time.perf_counter()
        hits = {sid for sid, other in stored if same_story(feats, other)[0]}
        t2 = time.perf_counter()
    engine.dispose()
    return t1 - t0, t2 - t1, hits


# -- candidates per lookup ---------------------------------------------------------------

_COUNTING: list[list[int]] = []  # the candidate counts of the archive being timed, if any


def _count_candidates() -> None:
    """Wrap the candidate lookup once: the same query, its result's length recorded."""
    lookup = db.candidates
    if getattr(lookup, "counted", False):
        return

    def counted(conn: Any, keys: Any, **caps: int) -> list[tuple[int, int]]:
        found = lookup(conn, keys, **caps)
        if _COUNTING:
            _COUNTING[-1].append(len(found))
        return found

    counted.counted = True  # type: ignore[attr-defined]
    db.candidates = counted  # type: ignore[assignment]


# -- SQL statement timing ----------------------------------------------------------------


@dataclass
class SQLTimer:
    """Time of every statement, by a short label (verb + table), while ``on``."""

    on: bool = False
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    last: dict[str, tuple[str, Any]] = field(default_factory=dict)
    _start: float = 0.0

    def attach(self, engine: Any) -> None:
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        self._start = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if not self.on:
            return
        label = label_of(statement)
        self.times[label].append(time.perf_counter() - self._start)
        self.last[label] = (statement, params)


def label_of(statement: str) -> str:
    """The verb and the first table named (not a subquery): ``SELECT story_key``."""
    words = statement.split()
    verb = words[0].upper() if words else "?"
    if statement.lower().startswith("select count("):
        verb = "COUNT"
    lowered = [w.strip('"(),').lower() for w in words]
    for marker in ("into", "update", "from"):
        for word, following in itertools.pairwise(lowered):
            if word == marker and following not in {"select", ""}:
                return f"{verb} {following}"
    return verb


# -- one backend -------------------------------------------------------------------------


@dataclass
class SizeResult:
    size: int
    stored: int
    build_s: float
    store_ms: list[float]
    cpu_ms: list[float]  # CPU time of the same step (this machine is shared)
    candidates: float  # stored articles compared per new article (mean)
    full_ms: list[float]
    brute_ms: list[float]
    brute_split: tuple[float, float]  # read+decode, compare (ms, medians)
    joined: tuple[int, int]
    founded: tuple[int, int]
    agree: tuple[int, int]
    decide_ms: float
    sql: dict[str, tuple[int, float]]  # label -> (statements per article, ms per article)
    rss_mb: float


@dataclass
class Tally:
    """One size's probes and what their additions took, filled round by round."""

    probes: list[tuple[str, RawArticle, set[int]]]
    known: set[int]  # the story ids stored so far
    store_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    full_ms: list[float] = field(default_factory=list)
    brute: list[tuple[float, float]] = field(default_factory=list)
    joined: int = 0
    n_join: int = 0
    founded: int = 0
    n_new: int = 0
    agree: int = 0
    n_brute: int = 0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Bench:
    def __init__(self, url: str, args: argparse.Namespace) -> None:
        self.url = url
        self.args = args
        self.gen = Generator(args.seed)
        self.fresh = Generator(args.seed + 1000)  # new stories for probes
        self.stream: Iterator[tuple[Story, RawArticle]] = self.gen.archive()
        self.stories: dict[int, Story] = {}
        self.story_ids: dict[int, set[int]] = defaultdict(set)  # story number -> story ids
        self.rng = random.Random(args.seed)
        self.build_s = 0.0
        self.store_s = 0.0
        self.prepare_s = 0.0
        self.unmatched = 0
        self.fallbacks = 0  # batches stored one by one (see _store)
        self.reused = False  # the current archive came from --keep
        self.brute_pool: Any = None  # a process of its own for the brute force
        self.timer = SQLTimer()
        self.decide_s: list[float] = []
        self.candidates: list[int] = []  # stored candidates per lookup, while timing
        self.tally: Tally | None = None  # the measurement under way
        _count_candidates()
        self._open()

    def _open(self) -> None:
        """The app on ``self.url``, with its statements timed and decide() timed."""
        settings = Settings.from_env(environ={}, config=str(CONFIG), database_url=self.url)
        self.app: App = build(settings)
        self.store = self.app.store
        self.pipeline = self.app.pipeline
        self.timer.attach(self.store.engine)
        clusterer = self.store.clusterer
        assert clusterer is not None
        real = clusterer.decide

        def timed_decide(conn: Any, items: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return real(conn, items)
            finally:
                if self.timer.on:
                    self.decide_s.append(time.perf_counter() - t0)

        clusterer.decide = timed_decide  # type: ignore[method-assign]

    # -- archives kept across runs (--keep) ------------------------------------------------

    _STATE = ("gen", "fresh", "stream", "stories", "story_ids", "rng", "build_s", "store_s")
    _STATE += ("prepare_s", "unmatched", "fallbacks")

    def kept(self, size: int) -> Path | None:
        """Where the archive of ``size`` articles is kept (None without --keep or off SQLite)."""
        if not self.args.keep or self.store.dialect != "sqlite":
            return None
        name = f"stories-{size}-seed{self.args.seed}-batch{self.args.batch}-{code_hash()}.db"
        return Path(self.args.keep).expanduser() / name

    def save(self, path: Path) -> None:
        """A page copy of the archive (SQLite's backup API), then the state beside it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(".part")
        with self.store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            target = sqlite3.connect(part)
            raw.backup(target)  # type: ignore[attr-defined]  # sqlite3.Connection
            target.close()
        clusterer = self.store.clusterer
        assert clusterer is not None
        state = {name: getattr(self, name) for name in self._STATE}
        state["cached"] = clusterer.cached_ids()
        path.with_suffix(".pickle").write_bytes(pickle.dumps(state))
        os.replace(part, path)  # the archive last: it marks a complete save

    def restore(self, path: Path) -> None:
        """Start from a kept archive: its file, state and clusterer cache."""
        self.app.close()
        database = Path(self.store.engine.url.database or "")
        for leftover in (database, Path(f"{database}-wal"), Path(f"{database}-shm")):
            leftover.unlink(missing_ok=True)
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(database)
        source.backup(target)
        source.close()
        target.close()
        state = pickle.loads(path.with_suffix(".pickle").read_bytes())
        for name in self._STATE:
            setattr(self, name, state[name])
        self._open()
        clusterer = self.store.clusterer
        assert clusterer is not None
        with self.store.engine.connect() as conn:
            clusterer.warm(conn, state["cached"])
        self.reused = True

    def build_to(self, pool: Any, size: int) -> None:
        """Add synthetic articles until the archive holds ``size`` article rows."""
        t0 = time.perf_counter()
        while (have := self.store.count_articles()) < size:
            wanted = size - have
            chunks: list[list[tuple[Story, RawArticle]]] = []
            while wanted > 0:
                chunk = [next(self.stream) for _ in range(min(self.args.batch, wanted))]
                wanted -= len(chunk)
                chunks.append(chunk)
            pending: deque[tuple[list[tuple[Story, RawArticle]], Any]] = deque()
            for chunk in chunks:
                pending.append((chunk, pool.apply_async(_prepare_chunk, ([r for _, r in chunk],))))
                while len(pending) > 3 or (pending and chunk is chunks[-1]):
                    self._store(*pending.popleft())
        self.build_s += time.perf_counter() - t0

    def _store(self, chunk: list[tuple[Story, RawArticle]], result: Any) -> None:
        prepared, seconds = result.get()
        self.prepare_s += seconds
        keep = [(s, p) for (s, _), p in zip(chunk, prepared, strict=True) if self.pipeline.keeps(p)]
        self.unmatched += len(chunk) - len(keep)
        # Syndicated copies go last in their batch: Store._add mis-indexes the stories
        # founded after a copy folded earlier in the same batch (KeyError or IndexError; see the note
        # in the report). Articles the generator did not mean as copies can still fold,
        # so a batch that fails that way is stored again in halves.
        keep.sort(key=lambda sp: sp[1].article.url in self.gen.copies)
        t0 = time.perf_counter()
        outcomes = self._add([p for _, p in keep])
        self.store_s += time.perf_counter() - t0
        for (story, _), outcome in zip(keep, outcomes, strict=True):
            if outcome.story_id is not None:
                self.story_ids[story.number].add(outcome.story_id)
            self.stories[story.number] = story
            story.texts.clear()  # only the archive needs the text now

    def _add(self, batch: list[Prepared]) -> list[Any]:
        """add_articles; a batch hit by that error is stored again in halves."""
        try:
            return self.store.add_articles(batch)
        except (KeyError, IndexError):
            if len(batch) == 1:
                raise
            self.fallbacks += 1
            half = len(batch) // 2
            return self._add(batch[:half]) + self._add(batch[half:])

    def probes(self) -> list[tuple[str, RawArticle, set[int]]]:
        """Half more reports of stored stories, half the first reports of new stories."""
        half = self.args.probes // 2
        known = self.rng.sample(sorted(n for n in self.stories if self.story_ids[n]), half)
        out: list[tuple[str, RawArticle, set[int]]] = []
        for number in known:
            raw = self.gen.article(self.stories[number], namespace="p")
            out.append(("join", raw, set(self.story_ids[number])))
        for _ in range(self.args.probes - half):
            out.append(("new", self.fresh.article(self.fresh.story(), namespace="p"), set()))
        self.rng.shuffle(out)
        return out

    def begin(self) -> None:
        """Draw this size's probes; the timings start empty."""
        self.timer.times.clear()
        self.decide_s.clear()
        self.candidates.clear()
        self.tally = Tally(
            probes=self.probes(),
            known={sid for ids in self.story_ids.values() for sid in ids},
        )

    def step(self, index: int) -> None:
        """Add probe ``index`` (prepared, then stored and timed), brute-forced if among the
        first ``--brute``."""
        tally = self.tally
        assert tally is not None
        kind, raw, expected = tally.probes[index]
        t0 = time.perf_counter()
        prepared = self.pipeline.prepare(raw)
        prepare_s = time.perf_counter() - t0
        hits: set[int] | None = None
        if index < self.args.brute:
            assert self.brute_pool is not None
            read_s, compare_s, hits = self.brute_pool.apply(_brute, (self.url, prepared))
            tally.brute.append((read_s, compare_s))
        self.timer.on = True
        _COUNTING.append(self.candidates)
        t1, c1 = time.perf_counter(), time.process_time()
        (outcome,) = self.store.add_articles([prepared])
        store_s = time.perf_counter() - t1
        tally.cpu_ms.append(1000 * (time.process_time() - c1))
        _COUNTING.pop()
        self.timer.on = False
        tally.store_ms.append(1000 * store_s)
        tally.full_ms.append(1000 * (prepare_s + store_s))
        story_id = outcome.story_id
        if story_id is None and outcome.status == "duplicate":
            story_id = self._story_of(outcome.article_id)
        if kind == "join":
            tally.n_join += 1
            tally.joined += story_id in expected
        else:
            tally.n_new += 1
            tally.founded += story_id not in tally.known
        if hits is not None:
            tally.n_brute += 1
            tally.agree += (story_id in hits) if hits else (story_id not in tally.known)
        if story_id is not None:
            tally.known.add(story_id)

    def end(self, size: int) -> SizeResult:
        tally = self.tally
        assert tally is not None
        n = len(tally.store_ms)
        sql = {
            label: (round(len(ts) / n), 1000 * sum(ts) / n)
            for label, ts in self.timer.times.items()
        }
        brute = tally.brute
        return SizeResult(
            size=size,
            stored=self.store.count_articles(),
            build_s=self.build_s,
            store_ms=tally.store_ms,
            cpu_ms=tally.cpu_ms,
            candidates=statistics.mean(self.candidates) if self.candidates else 0.0,
            full_ms=tally.full_ms,
            brute_ms=[1000 * (a + b) for a, b in brute],
            brute_split=(
                1000 * statistics.median(a for a, _ in brute) if brute else 0.0,
                1000 * statistics.median(b for _, b in brute) if brute else 0.0,
            ),
            joined=(tally.joined, tally.n_join),
            founded=(tally.founded, tally.n_new),
            agree=(tally.agree, tally.n_brute),
            decide_ms=1000 * statistics.median(self.decide_s) if self.decide_s else 0.0,
            sql=sql,
            rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        )

    def _story_of(self, article_id: int) -> int | None:
        from monitor.models import ArticleRow

        with self.store.engine.connect() as conn:
            return conn.execute(
                select(ArticleRow.story_id).where(ArticleRow.id == article_id)
            ).scalar_one_or_none()

    def explain_candidates(self) -> list[str]:
        """SQLite's plan of the last candidate lookup, and the keys' fan-out."""
        if self.store.dialect != "sqlite" or "SELECT story_key" not in self.timer.last:
            return []
        statement, params = self.timer.last["SELECT story_key"]
        with self.store.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            plan = raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
        lines = [f"    {'  ' * (row[1] > 0)}{row[3]}" for row in plan[:12]]
        if len(plan) > 12:
            lines.append(f"    ... {len(plan) - 12} more plan rows of the same shape")
        return lines

    def key_fanout(self) -> list[str]:
        """The biggest candidate keys in the index (rows under one key)."""
        with self.store.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT key, count(*) AS n FROM story_key GROUP BY key ORDER BY n DESC LIMIT 5"
            ).all()
            total = conn.exec_driver_sql("SELECT count(*) FROM story_key").scalar_one()
        return [f"{total:,} index rows; largest keys: " + ", ".join(f"{k} {n:,}" for k, n in rows)]


@functools.cache
def code_hash() -> str:
    """A hash of everything that decides what a built archive holds."""
    digest = hashlib.blake2b(digest_size=6)
    files = sorted((ROOT / "monitor").rglob("*.py"))
    files += [CONFIG, Path(inspect.getfile(Generator)), *FIXTURES]
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for function in (Bench.build_to, Bench._store, Bench._add):
        digest.update(inspect.getsource(function).encode())
    return digest.hexdigest()


def run(urls: list[str], name: str, args: argparse.Namespace, sizes: list[int]) -> list[SizeResult]:
    """Build (or reuse) one archive per size, then time the probes of every size in turns."""
    benches: list[Bench] = []
    results: list[SizeResult] = []
    ctx = mp.get_context("fork")
    with (
        ctx.Pool(args.workers, initializer=_init_worker) as pool,
        mp.get_context("spawn").Pool(1) as brute_pool,
    ):
        for url, size in zip(urls, sizes, strict=True):
            bench = Bench(url, args)
            bench.brute_pool = brute_pool
            kept = bench.kept(size)
            if kept is not None and kept.exists():
                bench.restore(kept)
            else:
                bench.build_to(pool, size)
                if kept is not None:
                    bench.save(kept)
            done = f"reused {kept}, " if bench.reused else ""
            print(
                f"  {name}: {bench.store.count_articles():,} articles ({done}built in "
                f"{bench.build_s:,.0f} s: store {bench.store_s:,.0f} s, prepare "
                f"{bench.prepare_s:,.0f} s CPU in {args.workers} workers, "
                f"{bench.unmatched} unmatched skipped, {bench.fallbacks} batches split "
                f"in halves after that store error)",
                flush=True,
            )
            benches.append(bench)
        t0 = time.perf_counter()
        for bench in benches:
            bench.begin()
        # the sizes take turns, a few probes each, so that whatever else the machine is
        # doing meanwhile weighs on every size alike
        turn = max(1, args.probes // args.rounds)
        for start in range(0, args.probes, turn):
            for bench in benches:
                for index in range(start, min(start + turn, args.probes)):
                    bench.step(index)
        results = [bench.end(size) for bench, size in zip(benches, sizes, strict=True)]
        print(
            f"  {name}: {args.probes} probes per size in {args.probes // turn} turns, "
            f"measured in {time.perf_counter() - t0:,.0f} s",
            flush=True,
        )
    report(name, results, benches[-1])
    for bench in benches:
        bench.app.close()
    return results


def report(name: str, results: list[SizeResult], bench: Bench) -> None:
    print(f"\n{name}: time to add one article (store + stories step; full = with prepare)")
    print(
        f"{'size':>8}{'stored':>9}{'build s':>9}{'median ms':>11}{'p95 ms':>9}"
        f"{'cpu med':>9}{'cands':>7}{'full med':>10}{'full p95':>10}{'brute ms':>10}"
        f"{'brute/ours':>12}"
    )
    for r in results:
        med = statistics.median(r.store_ms)
        brute = statistics.median(r.brute_ms) if r.brute_ms else float("nan")
        print(
            f"{r.size:>8,}{r.stored:>9,}{r.build_s:>9,.0f}{med:>11.1f}"
            f"{percentile(r.store_ms, 0.95):>9.1f}{statistics.median(r.cpu_ms):>9.1f}"
            f"{r.candidates:>7.0f}{statistics.median(r.full_ms):>10.1f}"
            f"{percentile(r.full_ms, 0.95):>10.1f}{brute:>10,.0f}{brute / med:>11,.0f}x"
        )
    first, last = results[0], results[-1]
    ratio = statistics.median(last.store_ms) / statistics.median(first.store_ms)
    p95 = percentile(last.store_ms, 0.95) / percentile(first.store_ms, 0.95)
    cpu = statistics.median(last.cpu_ms) / statistics.median(first.cpu_ms)
    verdict = "ok" if ratio <= TARGET else "MISSED"
    print(
        f"ratio {last.size:,}/{first.size:,}: median {ratio:.2f}x (p95 {p95:.2f}x, CPU {cpu:.2f}x), "
        f"target <= {TARGET}x: {verdict}"
    )
    print("\nper size: brute force split, decide(), probe outcomes, peak RSS")
    for r in results:
        read, compare = r.brute_split
        print(
            f"  {r.size:>7,}: brute read+decode {read:,.0f} ms + same_story {compare:,.0f} ms "
            f"({len(r.brute_ms)} articles); Clusterer.decide median {r.decide_ms:.1f} ms; "
            f"joined their story {r.joined[0]}/{r.joined[1]}, founded a new one "
            f"{r.founded[0]}/{r.founded[1]}, agreed with brute force {r.agree[0]}/{r.agree[1]}; "
            f"peak RSS {r.rss_mb:,.0f} MB"
        )
    print("\nSQL per added article (statements, ms), by statement:")
    labels = sorted({k for r in results for k in r.sql}, key=lambda k: -last.sql.get(k, (0, 0))[1])
    print(f"  {'statement':<28}" + "".join(f"{r.size:>14,}" for r in results))
    for label in labels:
        cells = "".join(
            f"{r.sql[label][0]:>5} {r.sql[label][1]:>7.2f}ms" if label in r.sql else f"{'-':>14}"
            for r in results
        )
        print(f"  {label:<28}{cells}")
    plan = bench.explain_candidates()
    if plan:
        print(f"\nSQLite plan of the candidate lookup at {last.stored:,} articles:")
        print("\n".join(plan))
    for line in bench.key_fanout():
        print(f"  {line}")


def postgres(args: argparse.Namespace, sizes: list[int]) -> None:
    try:
        import psycopg

        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except Exception as exc:
        print(f"PostgreSQL: skipped, server not reachable ({exc})")
        return
    names = [f"monitor_bench_{uuid.uuid4().hex[:8]}" for _ in sizes]
    try:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        urls = [f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}" for name in names]
        run(urls, "postgresql", args, sizes)
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="archive sizes, ascending")
    parser.add_argument("--pg", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--probes", type=int, default=100, help="articles timed per size")
    parser.add_argument(
        "--rounds", type=int, default=10, help="turns the sizes take at adding their probes"
    )
    parser.add_argument("--brute", type=int, default=5, help="of which brute-forced")
    parser.add_argument("--batch", type=int, default=500, help="build batch size")
    parser.add_argument("--workers", type=int, default=2, help="prepare processes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep", metavar="DIR", help="keep the built SQLite archives in DIR and reuse them"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    if args.keep:
        code_hash()  # of the code as this process loaded it (cached from now on)
    print(
        f"stories: time to add one article at {', '.join(f'{s:,}' for s in sizes)} stored "
        f"articles (synthetic, from fixture text), {args.probes} probes per size"
    )
    runners: list[tuple[str, Callable[[], Any]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"sqlite:///{tmp}/monitor-{size}.db" for size in sizes]
        runners.append(("sqlite", lambda: run(urls, "sqlite", args, sizes)))
        if args.pg:
            runners.append(("postgresql", lambda: postgres(args, sizes)))
        for _, runner in runners:
            runner()
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak memory: {usage:,.0f} MB (main process), {children:,.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
