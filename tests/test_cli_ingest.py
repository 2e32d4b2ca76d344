"""`monitor ingest` on bad input: each bad line is named and skipped, the good lines kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sources.toml"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `monitor ...` in-process against a fresh SQLite archive."""
    monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}")

    def invoke(*args: str, config: Path = SHIPPED, input: str | bytes | None = None):
        return CliRunner().invoke(
            cli, [*args, "--config", str(config)], input=input, catch_exceptions=False
        )

    return invoke


def article(n: int, **fields: object) -> dict[str, object]:
    """An article about ICESCO that the shipped config keeps."""
    record: dict[str, object] = {
        "url": f"https://news.az/news/icesco-{n}",
        "title": f"ICESCO holds forum number {n} in Baku",
        "text": f"The ICESCO forum number {n} opened in Baku on Monday with delegates "
        f"from {n} member states discussing heritage and education.",
        "published": "2025-03-11T10:00:00+04:00",
    }
    record.update(fields)
    return record


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def titles(run) -> set[str]:
    result = run("export")
    assert result.exit_code == 0, result.output
    return {json.loads(line)["title"] for line in result.stdout.splitlines()}


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00+01:00"])
def test_a_date_off_the_calendar_rejects_its_line_and_keeps_the_others(
    run, tmp_path: Path, when: str
) -> None:
    file = tmp_path / "dates.jsonl"
    file.write_text(jsonl(article(1), article(2, published=when), article(3)), encoding="utf-8")
    result = run("ingest", str(file))
    assert result.exit_code == 1
    assert f"{file}:2: rejected: bad 'published'" in result.stderr
    assert "out of range" in result.stderr
    assert "read 3, stored 2, duplicate 0, unmatched 0, rejected 1" in result.stdout
    assert len(titles(run)) == 2
