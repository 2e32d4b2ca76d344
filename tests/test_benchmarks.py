"""The benchmarks run: each prints the project beside its limit (no timing is asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_ingest_prints_the_store_beside_both_bare_inserts() -> None:
    """bench_ingest.py stores a few synthetic articles through the real store on SQLite
    (and PostgreSQL when reachable) and prints each backend's rates beside a bare insert
    into a plain table and into one with the archive's full-text index."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_ingest.py"), "30"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert "bare+index" in out and "store/bare+index" in out
    number = r"[\d,]+"
    row = re.compile(
        rf"^(sqlite|postgresql)\s+{number}\s+{number}\s+{number}\s+{number}\s+"
        r"[\d.]+x\s+\d+x\s+<= 3x (?:ok|MISSED)\s+[\d.]+x$",
        re.MULTILINE,
    )
    backends = row.findall(out)
    assert "sqlite" in backends, out
    assert "postgresql" in backends or "PostgreSQL: skipped" in out, out
