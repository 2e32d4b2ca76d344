"""Extraction on the saved outlet pages: the project beside trafilatura and a bare parse.

    python bench/bench_extract.py [SECONDS]     # time budget per method, default 2.0

For every page of tests/fixtures/sites/*/article-*.html it measures, side by side:

* selectors: ``extract_article`` with the outlet's selectors (tests/fixtures/sites/
  selectors.toml) -- the path a configured source takes;
* generic: ``extract_article`` without selectors (JSON-LD/meta + the generic extractor);
* trafilatura: ``trafilatura.extract(html, url=...)``, the peer;
* bare parse: ``LexborHTMLParser(html).body.text()``, the limit (a parse and nothing else).

It prints ms/page (the median of several rounds over all pages), the body's token F1
against the gold body (article-*.body.txt; bag of lowercase words), and the time ratio
to the bare parse. Targets: the selector path within 3x of a bare parse; the generic path
at least as accurate as trafilatura, and faster.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura
from selectolax.lexbor import LexborHTMLParser

from monitor.config import Selectors, parse_config
from monitor.extract import extract_article

SITES = ROOT / "tests" / "fixtures" / "sites"
TOKEN = re.compile(r"\w+")


def f1(found: str, gold: str) -> float:
    """Token F1 (bags of lowercase words) of an extracted body against the gold body."""
    a, b = Counter(TOKEN.findall(found.lower())), Counter(TOKEN.findall(gold.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def load() -> list[tuple[str, str, Selectors, str]]:
    config = parse_config((SITES / "selectors.toml").read_text("utf-8"))
    pages = []
    for page in sorted(SITES.glob("*/article-*.html")):
        expected = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
        gold = page.with_name(page.stem + ".body.txt").read_text("utf-8")
        selectors = config.source(page.parent.name).selectors
        pages.append((page.read_text("utf-8"), expected["url"], selectors, gold))
    return pages


def methods() -> dict[str, Callable[[str, str, Selectors], str]]:
    def bare(html: str, url: str, selectors: Selectors) -> str:
        body = LexborHTMLParser(html).body
        return body.text() if body is not None else ""

    return {
        "selectors": lambda html, url, sel: extract_article(html, url, sel).body,
        "generic": lambda html, url, sel: extract_article(html, url).body,
        "trafilatura": lambda html, url, sel: trafilatura.extract(html, url=url) or "",
        "bare parse": bare,
    }


def measure(runs: dict[str, Callable[[str, str, Selectors], str]], pages: list, budget: float):
    """Median seconds per page of each method, over rounds that alternate the methods.

    Alternating the methods round by round spreads any load on the machine over all of
    them alike, so the ratios stay stable even when the absolute figures do not.
    """
    for run in runs.values():  # warm up (imports, caches)
        for html, url, sel, _ in pages:
            run(html, url, sel)
    rounds: dict[str, list[float]] = {name: [] for name in runs}
    deadline = time.perf_counter() + budget * len(runs)
    while time.perf_counter() < deadline or len(rounds["bare parse"]) < 5:
        for name, run in runs.items():
            start = time.perf_counter()
            for html, url, sel, _ in pages:
                run(html, url, sel)
            rounds[name].append((time.perf_counter() - start) / len(pages))
    return {name: statistics.median(values) for name, values in rounds.items()}


def main() -> None:
    budget = float(sys.argv[1]) if len(sys.argv) > 1 else 2.0
    pages = load()
    runs = methods()
    timings = measure(runs, pages, budget)
    results: dict[str, tuple[float, float]] = {}
    for name, run in runs.items():
        score = statistics.mean(f1(run(h, u, s), gold) for h, u, s, gold in pages)
        results[name] = (timings[name], score)
    limit = results["bare parse"][0]
    print(f"{len(pages)} saved pages (tests/fixtures/sites); median of alternating rounds\n")
    print(f"{'method':<13} {'ms/page':>9} {'F1':>7} {'x bare parse':>13}")
    for name, (seconds, score) in results.items():
        print(f"{name:<13} {seconds * 1000:>9.3f} {score:>7.3f} {seconds / limit:>13.1f}")
    sel_ratio = results["selectors"][0] / limit
    gen_t, gen_f1 = results["generic"]
    tra_t, tra_f1 = results["trafilatura"]
    print()
    verdict = "met" if sel_ratio <= 3 else "MISSED"
    print(f"target: selector path within 3x of a bare parse: {sel_ratio:.1f}x -> {verdict}")
    verdict = "met" if gen_f1 >= tra_f1 else "MISSED"
    print(f"target: generic F1 >= trafilatura F1: {gen_f1:.3f} vs {tra_f1:.3f} -> {verdict}")
    verdict = "met" if gen_t < tra_t else "MISSED"
    print(f"target: generic faster than trafilatura: {tra_t / gen_t:.1f}x faster -> {verdict}")


if __name__ == "__main__":
    main()
