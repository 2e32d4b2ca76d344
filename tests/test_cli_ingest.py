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
    return "".join(json.dumps(r) + "\n" for r in records)


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


@pytest.fixture
def run_on(monkeypatch: pytest.MonkeyPatch):
    """Run `monitor ...` in-process against the archive at a given URL."""

    def invoke(url: str, *args: str):
        monkeypatch.setenv("MONITOR_DATABASE_URL", url)
        return CliRunner().invoke(cli, [*args, "--config", str(SHIPPED)], catch_exceptions=False)

    return invoke


def test_control_characters_are_stripped_from_what_is_stored(
    run_on, database_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "nul.jsonl"
    dirty = article(
        2,
        title="ICESCO\x00 holds\x07 forum\ud800 in Baku",
        text="The ICESCO\x00 forum\x1b opened in Baku.\tDelegates met.\x0cThey spoke.",
        source="Some\x00 Outlet",
        author="Aysel\x00 Mammadova",
    )
    file.write_text(jsonl(article(1), dirty, article(3)), encoding="utf-8")
    result = run_on(database_url, "ingest", str(file))
    assert result.exit_code == 0, result.output
    assert "read 3, stored 3, duplicate 0, unmatched 0, rejected 0" in result.stdout
    rows = [json.loads(line) for line in run_on(database_url, "export").stdout.splitlines()]
    stored = next(r for r in rows if r["url"].endswith("icesco-2"))
    assert stored["title"] == "ICESCO holds forum in Baku"
    assert stored["body"] == "The ICESCO forum opened in Baku. Delegates met.\nThey spoke."
    assert stored["author"] == "Aysel Mammadova"


@pytest.mark.postgres
def test_a_value_the_database_refuses_rejects_its_line_alone(
    run_on, pg_url: str, tmp_path: Path
) -> None:
    file = tmp_path / "long.jsonl"
    too_long = article(2, url="https://news.az/news/" + "x" * 2100)  # the column holds 2000
    file.write_text(jsonl(article(1), too_long, article(3), article(4)), encoding="utf-8")
    result = run_on(pg_url, "ingest", str(file), "--batch-size", "10")
    assert result.exit_code == 1
    assert f"{file}:2: rejected: the archive refuses a value: value too long" in result.stderr
    assert "INSERT" not in result.output and "Traceback" not in result.output
    assert "read 4, stored 3, duplicate 0, unmatched 0, rejected 1" in result.stdout
    rows = run_on(pg_url, "export").stdout.splitlines()
    assert len(rows) == 3
