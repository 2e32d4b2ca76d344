"""Ingest throughput beside a bare executemany of the same rows.

    python bench/bench_ingest.py [N]            # default N = 5000

For SQLite (a file under a temporary folder) and PostgreSQL (a fresh database on
127.0.0.1:5432, skipped with a message when unreachable) it prints articles/s of

* store: `Store.add_articles` writing N already prepared articles in batches of 500
  (identity checks by URL and content hash, article + URL + topic rows) — the write path
  that the target is about;
* full: `Pipeline.ingest` on the N JSON lines (parse, clean, detect language, match
  topics, classify the event, find duplicates and the story, write, queue alerts);
* bare executemany: the DB-API driver inserting the same N final article rows into a
  table of the same shape in one transaction — the limit no application can beat;
* bare + search index: the same insert into a table that carries the archive's full-text
  index, built as the store builds it (FTS5 with the insert trigger on SQLite, the
  generated tsvector column with its GIN index on PostgreSQL). An article is searchable
  the moment it is stored, so this part of the store's cost is the index's, not the
  store's,

and the ratios. Target: the store's write path within 3x of the bare insert. The full
path is dominated by the text work per article (classification, MinHash), which a bare
insert does not do; it is printed so that its cost is visible, not hidden.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _local import WORDS as LOCAL_WORDS

from monitor.config import load_config
from monitor.pipeline import Pipeline, numbered
from monitor.store import Store
from monitor.store.search_index import postgres_index_sql, sqlite_index_sql

PARAGRAPHS = [
    line
    for line in (ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl").read_text().splitlines()
]
WORDS = LOCAL_WORDS[:10]  # the first ten of the benchmarks' shared word list
FIRST = [
    "Anar",
    "Leyla",
    "Rashad",
    "Samir",
    "Nigar",
    "Elchin",
    "Farid",
    "Kamran",
    "Ulviya",
    "Togrul",
    "Aysel",
    "Murad",
]
LAST = [
    "Mammadli",
    "Huseynli",
    "Quliyev",
    "Sadigov",
    "Rzayeva",
    "Nabiyev",
    "Karimli",
    "Aslanov",
    "Jafarli",
    "Orujov",
]
CITIES = [
    "Baku",
    "Rabat",
    "Ganja",
    "Shusha",
    "Cairo",
    "Riyadh",
    "Tashkent",
    "Istanbul",
    "Doha",
    "Jeddah",
]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET = 3.0


def synthetic_lines(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    records = [json.loads(line) for line in PARAGRAPHS]
    lines = []
    for i in range(n):
        base = records[i % len(records)]
        extra = " ".join(rng.choice(WORDS) for _ in range(40))
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        where = rng.choice(CITIES)
        day = 1 + (i * 7) % 28
        month = 1 + (i // 28) % 12
        lead = (
            f"Deputy Minister {who} met with ICESCO Director-General Salim AlMalik in {where} "
            f"on {day} March 2025, the ministry said. Item {i}."
        )
        lines.append(
            json.dumps(
                {
                    "url": f"https://bench.example.az/news/{i}-{rng.randrange(10**9)}",
                    "title": f"{who} and ICESCO discuss {rng.choice(WORDS)} in {where} ({i})",
                    "text": f"{lead}\n\n{base['text']}\n\nNotes {i}: {extra}.",
                    "published": f"{2019 + (i // 336) % 6:04d}-{month:02d}-{day:02d}T09:30:00+04:00",
                    "source": "Bench",
                },
                ensure_ascii=False,
            )
        )
    return lines


COLUMNS = (
    "url",
    "source",
    "title",
    "published",
    "fetched_at",
    "author",
    "language",
    "body",
    "content_hash",
    "topics",
    "matched_terms",
)


def bare_rows(pipeline: Pipeline, lines: list[str]) -> list[tuple]:
    from monitor.ingest import parse_record
    from monitor.store import hits_as_dict

    rows = []
    for number, line in enumerate(lines, 1):
        raw = parse_record(line, number)
        assert raw is not None
        p = pipeline.prepare(raw)
        a = p.article
        rows.append(
            (
                a.url,
                a.source,
                a.title,
                a.published.isoformat() if a.published else None,
                a.fetched_at.isoformat(),
                a.author,
                a.language,
                a.body,
                a.content_hash,
                json.dumps([m.topic for m in p.matches]),
                json.dumps(hits_as_dict(p.matches)),
            )
        )
    return rows


DDL = (
    "CREATE TABLE bare (id {pk}, url VARCHAR(2000) UNIQUE, source VARCHAR(200), title TEXT, "
    "published VARCHAR(40), fetched_at VARCHAR(40), author VARCHAR(500), language VARCHAR(12), "
    "body TEXT, content_hash VARCHAR(64), topics TEXT, matched_terms TEXT)"
)


# the archive's full-text index, built by the store's own statements over the bare table
_FTS, _FTS_TRIGGERS = sqlite_index_sql("bare")
SQLITE_INDEX = (_FTS, *_FTS_TRIGGERS.values())
PG_INDEX = postgres_index_sql("bare")


def prepared_batch(pipeline: Pipeline, lines: list[str]) -> list:
    from monitor.ingest import parse_record

    out = []
    for number, line in enumerate(lines, 1):
        raw = parse_record(line, number)
        assert raw is not None
        out.append(pipeline.prepare(raw))
    return out


def time_store_path(url: str, prepared: list) -> float:
    store = Store(url)  # no stories stage: the write path alone
    t0 = time.perf_counter()
    for start in range(0, len(prepared), 500):
        outcomes = store.add_articles(prepared[start : start + 500])
        assert all(o.status == "stored" for o in outcomes)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed


def time_full_path(pipeline: Pipeline, store: Store, lines: list[str]) -> float:
    """Seconds for `Pipeline.ingest` of the JSON lines, all of them stored."""
    t0 = time.perf_counter()
    report = pipeline.ingest(numbered(lines))
    elapsed = time.perf_counter() - t0
    assert report.stored == len(lines), (report.stored, report.errors[:3])
    store.close()
    return elapsed


def bench_sqlite(lines: list[str], config_path: Path) -> tuple[float, float, list[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/monitor.db"
        store = Store(url)
        pipeline = Pipeline(load_config(config_path), store)
        rows = bare_rows(pipeline, lines)
        bare = []
        for index in ((), SQLITE_INDEX):
            conn = sqlite3.connect(f"{tmp}/bare{len(bare)}.db")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            for statement in (DDL.format(pk="INTEGER PRIMARY KEY"), *index):
                conn.execute(statement)
            t0 = time.perf_counter()
            with conn:
                conn.executemany(
                    f"INSERT INTO bare ({','.join(COLUMNS)}) "
                    f"VALUES ({','.join('?' * len(COLUMNS))})",
                    rows,
                )
            bare.append(time.perf_counter() - t0)
            conn.close()
        store_only = time_store_path(
            f"sqlite:///{tmp}/store-only.db", prepared_batch(pipeline, lines)
        )
        return store_only, time_full_path(pipeline, store, lines), bare


def bench_postgres(lines: list[str], config_path: Path) -> tuple[float, float, list[float]] | None:
    try:
        import psycopg

        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except Exception as exc:
        print(f"PostgreSQL: skipped, server not reachable ({exc})")
        return None
    name = f"monitor_bench_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
        store = Store(url)
        pipeline = Pipeline(load_config(config_path), store)
        rows = bare_rows(pipeline, lines)
        bare = []
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as conn:
            for index in ((), PG_INDEX):
                conn.execute("DROP TABLE IF EXISTS bare")
                for statement in (DDL.format(pk="SERIAL PRIMARY KEY"), *index):
                    conn.execute(statement)  # type: ignore[arg-type]
                conn.commit()
                t0 = time.perf_counter()
                with conn.cursor() as cur:
                    cur.executemany(
                        f"INSERT INTO bare ({','.join(COLUMNS)}) "
                        f"VALUES ({','.join(['%s'] * len(COLUMNS))})",
                        rows,
                    )
                conn.commit()
                bare.append(time.perf_counter() - t0)
        admin.execute(f'CREATE DATABASE "{name}_w"')
        try:
            store_only = time_store_path(
                f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}_w",
                prepared_batch(pipeline, lines),
            )
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}_w" WITH (FORCE)')
        return store_only, time_full_path(pipeline, store, lines), bare
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    config_path = ROOT / "sources.toml"
    lines = synthetic_lines(n)
    print(f"ingest of {n} synthetic articles vs a bare executemany of the same rows")
    print(
        f"{'backend':<12}{'store art/s':>13}{'full art/s':>12}{'bare art/s':>12}"
        f"{'bare+index':>12}{'store/bare':>12}{'full/bare':>11}  target (store)"
        f"{'store/bare+index':>19}"
    )
    results = {
        "sqlite": bench_sqlite(lines, config_path),
        "postgresql": bench_postgres(lines, config_path),
    }
    for backend, result in results.items():
        if result is None:
            continue
        store_only, full, (bare, indexed) = result
        ratio = store_only / bare
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(
            f"{backend:<12}{n / store_only:>13,.0f}{n / full:>12,.0f}{n / bare:>12,.0f}"
            f"{n / indexed:>12,.0f}{ratio:>11.1f}x{full / bare:>10.0f}x  <= {TARGET:.0f}x "
            f"{verdict:<6}{store_only / indexed:>12.1f}x"
        )


if __name__ == "__main__":
    main()
