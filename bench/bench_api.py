"""API latency: GET /api/articles?q=... beside search() and the bare FTS5 query.

    python bench/bench_api.py                    # 5,000 articles, 300 runs per query
    python bench/bench_api.py --n 20000 --runs 500

N synthetic articles (titles and bodies from a Zipf-weighted vocabulary of made-up
words, plus one of N/20 rare words per body, so a rare-word query is selective) are
written with executemany into the real tables of a SQLite archive in a temporary folder,
then indexed by ``ensure_search`` (the start-up path).

For each query it prints p50 and p95 latency (ms) of

* API: ``GET /api/articles?q=...&limit=20`` through httpx's in-process ASGI transport
  (routing, parameter checks, the threadpool hop, search(), the pydantic response model,
  JSON) — everything but the socket;
* search(): ``monitor.store.search.search`` as the API calls it;
* bare FTS5: the same count and ranked page of 20 with snippets, by hand on ``sqlite3``:
  the limit.

The target: the API within 2x of the bare engine query on selective queries.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx

from monitor.api import create_api
from monitor.app import build
from monitor.models import ArticleRow, ArticleTopicRow
from monitor.settings import Settings
from monitor.store.search import SearchQuery, ensure_search, search

RATIO_TARGET = 2.0
SYLLABLES = ["ba", "ku", "ra", "mi", "to", "ne", "sa", "li", "qa", "ze", "vo", "di", "ya", "ge"]
BARE = """
SELECT count(*) FROM article_fts WHERE article_fts MATCH :q;
"""
BARE_PAGE = (  # snippets only for the page (a correlated look-up), as search() does
    "SELECT a.id, a.url, a.source, a.title, a.published, a.language, a.topics, a.event_type,"
    " a.story_id, p.score, (SELECT snippet(article_fts, 1, '[', ']', '…', 24) FROM article_fts"
    " WHERE article_fts MATCH :q AND rowid = p.id) FROM (SELECT rowid AS id,"
    " -bm25(article_fts, 5.0, 1.0) AS score FROM article_fts WHERE article_fts MATCH :q"
    " ORDER BY score DESC, rowid DESC LIMIT 20) AS p"
    " JOIN article AS a ON a.id = p.id ORDER BY p.score DESC, p.id DESC"
)


def words(count: int, rng: random.Random) -> list[str]:
    out: set[str] = set()
    while len(out) < count:
        out.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(out)


def fill(database: Path, n: int) -> tuple[list[str], list[str]]:
    """Write N articles into the archive; the common and the rare words used."""
    rng = random.Random(7)
    vocabulary = words(3000, rng)
    rare = [f"rare{i:05d}" for i in range(max(1, n // 20))]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    settings = Settings(config=str(ROOT / "sources.toml"), database_url=f"sqlite:///{database}")
    app = build(settings)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    articles, topics = [], []
    for i in range(n):
        title = " ".join(rng.choices(vocabulary, weights, k=8)).capitalize()
        body = " ".join(rng.choices(vocabulary, weights, k=180)) + " " + rng.choice(rare)
        when = start + timedelta(minutes=37 * i)
        articles.append(
            {
                "id": i + 1,
                "url": f"https://outlet{i % 7}.example/news/{i}",
                "source": f"Outlet {i % 7}",
                "title": title,
                "published": when,
                "fetched_at": when,
                "language": "en",
                "body": body,
                "content_hash": f"{i:064x}",
                "topics": ["icesco"],
                "matched_terms": {},
                "participants": [],
            }
        )
        topics.append({"article_id": i + 1, "topic": "icesco", "score": 1.0})
    with app.store.engine.begin() as conn:
        conn.execute(ArticleRow.__table__.insert(), articles)  # type: ignore[attr-defined]
        conn.execute(ArticleTopicRow.__table__.insert(), topics)  # type: ignore[attr-defined]
    started = time.perf_counter()
    ensure_search(app.store.engine)
    print(f"{n} articles indexed in {time.perf_counter() - started:.1f}s")
    app.close()
    return vocabulary, rare


def quantiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


async def timed_async(call: Callable[[], Awaitable[Any]], runs: int) -> list[float]:
    for _ in range(5):
        await call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


def timed(call: Callable[[], Any], runs: int) -> list[float]:
    for _ in range(5):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=5000, help="synthetic articles")
    parser.add_argument("--runs", type=int, default=300, help="timed runs per query")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "monitor.db"
        vocabulary, rare = fill(database, args.n)
        settings = Settings(config=str(ROOT / "sources.toml"), database_url=f"sqlite:///{database}")
        app = build(settings)
        api = create_api(app)
        raw = sqlite3.connect(database)
        queries = {
            "rare word": rare[3],
            "rare + common": f"{rare[5]} {vocabulary[0]}",
            "rare prefix": rare[7][:-1] + "*",
            "common word": vocabulary[1],
        }
        print(
            f"{'query':<15}{'API p50':>9}{'p95':>8}{'search() p50':>14}{'p95':>8}"
            f"{'bare p50':>10}{'p95':>8}{'API/bare':>10}{'API/search':>12}"
        )
        transport = httpx.ASGITransport(app=api)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for label, text in queries.items():
                fts = " AND ".join(
                    f'"{w[:-1]}"*' if w.endswith("*") else f'"{w}"' for w in text.split()
                )

                async def through_api(text: str = text) -> None:
                    response = await client.get("/api/articles", params={"q": text, "limit": 20})
                    response.raise_for_status()

                def direct(text: str = text) -> None:
                    search(app.store.engine, SearchQuery(text=text, limit=20))

                def bare(fts: str = fts) -> None:
                    raw.execute(BARE.strip().rstrip(";"), {"q": fts}).fetchone()
                    raw.execute(BARE_PAGE, {"q": fts}).fetchall()

                a50, a95 = quantiles(await timed_async(through_api, args.runs))
                s50, s95 = quantiles(timed(direct, args.runs))
                b50, b95 = quantiles(timed(bare, args.runs))
                print(
                    f"{label:<15}{a50:>9.2f}{a95:>8.2f}{s50:>14.2f}{s95:>8.2f}"
                    f"{b50:>10.2f}{b95:>8.2f}{a50 / b50:>9.2f}x{a50 / s50:>11.2f}x"
                )
        raw.close()
        app.close()
    print(f"target: API p50 within {RATIO_TARGET:.0f}x of the bare engine on selective queries")


if __name__ == "__main__":
    asyncio.run(main())
