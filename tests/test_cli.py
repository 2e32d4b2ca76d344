"""The monitor command end to end on real SQLite files (and PostgreSQL where marked)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.export import EXPORT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl"
BAD_LINES = ROOT / "tests" / "fixtures" / "ingest" / "bad-lines.jsonl"
SHIPPED = ROOT / "sources.toml"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `monitor ...` in-process against a fresh archive; returns the click result."""
    monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}")

    def invoke(*args: str, input: str | None = None, config: Path = SHIPPED):
        runner = CliRunner()
        return runner.invoke(
            cli, [*args, "--config", str(config)], input=input, catch_exceptions=False
        )

    return invoke


def _export(run, *args: str) -> list[dict]:
    result = run("export", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_ingest_stores_matches_and_folds_duplicates(run) -> None:
    result = run("ingest", str(ARTICLES))
    assert result.exit_code == 0, result.output
    assert "read 8, stored 4, duplicate 2, unmatched 2, rejected 0" in result.stdout


def test_ingesting_the_same_file_twice_stores_nothing_new(run) -> None:
    run("ingest", str(ARTICLES))
    before = _export(run)
    again = run("ingest", str(ARTICLES))
    assert again.exit_code == 0
    assert "stored 0, duplicate 6" in again.stdout
    assert _export(run) == before


def test_bad_lines_are_named_and_skipped_and_good_lines_kept(run) -> None:
    result = run("ingest", str(BAD_LINES))
    assert result.exit_code == 1
    stderr = result.stderr
    assert f"{BAD_LINES}:2: rejected: invalid JSON" in stderr
    assert f"{BAD_LINES}:3: rejected: missing 'url'" in stderr
    assert f"{BAD_LINES}:4: rejected: bad 'published'" in stderr
    assert f"{BAD_LINES}:7: rejected: expected a JSON object" in stderr
    assert "read 6, stored 2, duplicate 0, unmatched 0, rejected 4" in result.stdout
    titles = {row["title"] for row in _export(run)}
    assert len(titles) == 2


def test_ingest_from_stdin(run) -> None:
    result = run("ingest", "-", input=ARTICLES.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.output
    assert "stored 4" in result.stdout


def test_export_carries_every_field_and_why_it_matched(run) -> None:
    run("ingest", str(ARTICLES))
    rows = _export(run)
    assert len(rows) == 4
    for row in rows:
        assert list(row) == list(EXPORT_FIELDS)
        assert row["topics"] == ["icesco"]
    azernews = next(r for r in rows if r["source"] == "Azernews")
    # tracking parameters are gone and the fragment variant folded into the same article
    assert azernews["url"] == "https://www.azernews.az/nation/301001.html"
    assert azernews["published"] == "2025-03-11T05:30:00+00:00"
    assert "16 px" not in azernews["body"] and "Follow us on Twitter" not in azernews["body"]
    assert azernews["body"].startswith("Azerbaijan's Deputy Minister of Culture")
    hits = azernews["matched_terms"]["icesco"]["hits"]
    assert {"title"} <= {h["field"] for h in hits}
    assert azernews["language"] == "en"
    trend = next(r for r in rows if r["source"] == "Trend")
    assert "https://mirror.example.org/copy-of-trend-4001002" in trend["urls"]
    languages = {r["source"]: r["language"] for r in rows}
    assert languages["Report"] == "ru" and languages["APA"] == "az"


def test_export_filters_by_topic_and_date(run, tmp_path: Path) -> None:
    run("ingest", str(ARTICLES))
    assert len(_export(run, "--since", "2025-03-13")) == 2
    assert len(_export(run, "--topic", "icesco", "--since", "2025-03-14T00:00:00+04:00")) == 1
    result = run("export", "--topic", "nonesuch")
    assert result.exit_code == 2
    assert "unknown value 'nonesuch' (known: icesco)" in result.stderr
    bad = run("export", "--since", "yesterday-ish")
    assert bad.exit_code == 2 and "Invalid value for '--since'" in bad.stderr


def test_export_all_includes_unmatched_articles_when_kept(run, tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    shipped = SHIPPED.read_text(encoding="utf-8")
    assert "keep_unmatched = false" in shipped
    config.write_text(shipped.replace("keep_unmatched = false", "keep_unmatched = true"))
    result = run("ingest", str(ARTICLES), config=config)
    assert "stored 6, duplicate 2, unmatched 0" in result.stdout
    assert len(_export(run)) == 4
    everything = run("export", "--all", config=config)
    rows = [json.loads(line) for line in everything.stdout.splitlines()]
    assert len(rows) == 6
    assert {r["title"] for r in rows if not r["topics"]} == {
        "UNESCO hosts youth forum in Paris",
        "ALECSO council meets in Tunis",
    }


def test_export_csv_has_a_header_and_one_row_per_article(run) -> None:
    run("ingest", str(ARTICLES))
    result = run("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert set(EXPORT_FIELDS) == set(rows[0])
    assert all(r["topics"] == "icesco" for r in rows)
    assert json.loads(rows[0]["matched_terms"])["icesco"]["score"] > 0


def test_export_csv_never_hands_a_spreadsheet_a_formula(run, tmp_path: Path) -> None:
    """A scraped headline such as =HYPERLINK(...) is written as text, quote first."""
    title = '=HYPERLINK("http://evil.example","ICESCO click")'
    record = {
        "url": "https://example.az/news/1",
        "title": title,
        "text": "ICESCO opened an exhibition of manuscripts in Baku on Monday, officials said.",
        "published": "2025-03-10T09:00:00Z",
        "author": "+994 desk",
    }
    (tmp_path / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run("ingest", str(tmp_path / "one.jsonl")).exit_code == 0
    (row,) = csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout))
    assert row["title"] == "'" + title and row["author"] == "'+994 desk"
    assert row["url"] == "https://example.az/news/1"  # other cells as they are
    (kept,) = [json.loads(line) for line in run("export").stdout.splitlines()]
    assert kept["title"] == title  # JSON Lines carry the text unchanged


def test_check_prints_a_summary_of_the_shipped_config(run) -> None:
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "OK" in result.stdout
    assert "Azernews" in result.stdout and "icesco" in result.stdout


def test_check_fails_naming_file_line_and_key(run, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\ninterval = "often"\n'
    )
    result = run("check", config=broken)
    assert result.exit_code == 1
    assert f"{broken}:5: source 'A': key 'interval'" in result.stderr


def test_check_shows_intervals_that_are_not_whole_minutes_in_seconds(run, tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'interval = "90s"\n\n[[sources]]\nname = "B"\nhomepage = "https://b.az"\n'
        'feeds = ["https://b.az/rss"]\ninterval = "2h"\n'
    )
    result = run("check", config=config)
    assert "every 90 s " in result.stdout and "every 120 min " in result.stdout


def test_run_refuses_an_interval_no_timer_can_hold(run, tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'interval = "99999999999d"\n'
    )
    for command in ("check", "run"):
        result = run(command, config=config)
        assert result.exit_code == 1
        assert f"{config}:5: source 'A': key 'interval'" in result.stderr
        assert "longer than the maximum of 7d" in result.stderr


@pytest.mark.parametrize("command", ["check", "ingest", "export", "run"])
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "--config" in result.output
    assert len(result.output.splitlines()) > 3


def test_console_script_runs_as_a_real_process(tmp_path: Path) -> None:
    env = {
        "PATH": str(Path(sys.executable).parent),
        "MONITOR_DATABASE_URL": f"sqlite:///{tmp_path}/m.db",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "monitor.cli", "ingest", str(ARTICLES), "--config", str(SHIPPED)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "stored 4" in proc.stdout
    assert "alembic" not in proc.stderr  # no migration-context lines at the default level
    assert (tmp_path / "m.db").exists()


@pytest.mark.postgres
def test_ingest_and_export_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_DATABASE_URL", pg_url)
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(ARTICLES), "--config", str(SHIPPED)])
    assert "stored 4, duplicate 2" in first.stdout, first.output
    second = runner.invoke(cli, ["ingest", str(ARTICLES), "--config", str(SHIPPED)])
    assert "stored 0, duplicate 6" in second.stdout
    exported = runner.invoke(cli, ["export", "--config", str(SHIPPED)])
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert len(rows) == 4
    assert all(r["published"].endswith("+00:00") for r in rows)


def test_search_finds_ranks_and_filters(run) -> None:
    run("ingest", str(ARTICLES))
    result = run("search", "heritage")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and hits[0]["source"] == "Azernews"  # the word is in its title
    body_hits = [json.loads(line) for line in run("search", "mosques").stdout.splitlines()]
    assert {h["source"] for h in body_hits} == {"Azernews", "Trend"}
    assert all("[mosques]" in h["snippet"] for h in body_hits)
    russian = [json.loads(line) for line in run("search", "исеско").stdout.splitlines()]
    assert [h["source"] for h in russian] == ["Report"]
    filtered = [
        json.loads(line)
        for line in run("search", "ICESCO", "--source", "Trend").stdout.splitlines()
    ]
    assert {h["source"] for h in filtered} == {"Trend"}
    excluded = [
        json.loads(line) for line in run("search", "ICESCO -manuscripts").stdout.splitlines()
    ]
    assert "Trend" not in {h["source"] for h in excluded}
    hostile = run("search", "\"'; DROP TABLE article; --")
    assert hostile.exit_code == 0
    assert len(_export(run)) == 4
