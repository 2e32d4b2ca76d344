"""Ingest throughput: the full ingest path beside a bare executemany of the same rows.

    python bench/bench_ingest.py [N]            # default N = 20000

For SQLite (a file under a temporary folder) and PostgreSQL (a fresh database on
127.0.0.1:5432, skipped with a message when unreachable) it prints articles/s of

* monitor: `Pipeline.ingest` on N JSON lines (parse, clean, detect language, match
  topics, deduplicate, write article + URL + topic rows in batches), and
* bare executemany: the DB-API driver inserting the same N final article rows into a
  table of the same shape in one transaction — the limit no application can beat,

and the ratio. Target: the monitor within 3x of the bare insert.
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

from monitor.config import load_config
from monitor.pipeline import Pipeline, numbered
from monitor.store import Store

PARAGRAPHS = [
    line
    for line in (ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl").read_text().splitlines()
]
WORDS = ["culture", "science", "education", "heritage", "forum", "capital", "youth", "museum", "manuscript", "agreement"]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET = 3.0


def synthetic_lines(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    records = [json.loads(line) for line in PARAGRAPHS]
    lines = []
    for i in range(n):
        base = records[i % len(records)]
        extra = " ".join(rng.choice(WORDS) for _ in range(40))
        lines.append(
            json.dumps(
                {
                    "url": f"https://bench.example.az/news/{i}-{rng.randrange(10**9)}",
                    "title": f"{base['title']} ({i})",
                    "text": f"{base['text']}\n\nICESCO item {i}: {extra}.",
                    "published": "2025-03-11T09:30:00+04:00",
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


def bench_sqlite(lines: list[str], config_path: Path) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/monitor.db"
        store = Store(url)
        pipeline = Pipeline(load_config(config_path), store)
        rows = bare_rows(pipeline, lines)
        conn = sqlite3.connect(f"{tmp}/bare.db")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(DDL.format(pk="INTEGER PRIMARY KEY"))
        t0 = time.perf_counter()
        with conn:
            conn.executemany(
                f"INSERT INTO bare ({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
                rows,
            )
        bare = time.perf_counter() - t0
        conn.close()
        t0 = time.perf_counter()
        report = pipeline.ingest(numbered(lines))
        ours = time.perf_counter() - t0
        assert report.stored == len(lines), report
        store.close()
        return ours, bare


def bench_postgres(lines: list[str], config_path: Path) -> tuple[float, float] | None:
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
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{name}") as conn:
            conn.execute(DDL.format(pk="SERIAL PRIMARY KEY"))
            conn.commit()
            t0 = time.perf_counter()
            with conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO bare ({','.join(COLUMNS)}) VALUES ({','.join(['%s'] * len(COLUMNS))})",
                    rows,
                )
            conn.commit()
            bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = pipeline.ingest(numbered(lines))
        ours = time.perf_counter() - t0
        assert report.stored == len(lines), report
        store.close()
        return ours, bare
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    config_path = ROOT / "sources.toml"
    lines = synthetic_lines(n)
    print(f"ingest of {n} synthetic articles (full path) vs bare executemany of the same rows")
    print(f"{'backend':<12}{'monitor art/s':>15}{'bare art/s':>13}{'ratio':>8}{'target':>9}")
    results = {
        "sqlite": bench_sqlite(lines, config_path),
        "postgresql": bench_postgres(lines, config_path),
    }
    for backend, result in results.items():
        if result is None:
            continue
        ours, bare = result
        ratio = ours / bare
        verdict = "ok" if ratio <= TARGET else "MISSED"
        print(
            f"{backend:<12}{n / ours:>15,.0f}{n / bare:>13,.0f}{ratio:>7.1f}x  <= {TARGET:.0f}x {verdict}"
        )


if __name__ == "__main__":
    main()
