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


def test_a_line_that_is_not_utf8_is_rejected_alone(run, tmp_path: Path) -> None:
    file = tmp_path / "latin1.jsonl"
    bad = jsonl(article(2, title="ICESCO in Gəncə")).replace("\\u0259", "\xe9").encode("latin-1")
    file.write_bytes(jsonl(article(1)).encode() + bad + jsonl(article(3)).encode())
    result = run("ingest", str(file), "--batch-size", "1")
    assert result.exit_code == 1
    assert f"{file}:2: rejected: not UTF-8 text" in result.stderr
    assert "read 3, stored 2, duplicate 0, unmatched 0, rejected 1" in result.stdout
    assert len(titles(run)) == 2


def test_a_byte_order_mark_on_the_first_line_is_read(run, tmp_path: Path) -> None:
    file = tmp_path / "bom.jsonl"
    file.write_bytes(b"\xef\xbb\xbf" + jsonl(article(1), article(2)).encode())
    result = run("ingest", str(file))
    assert result.exit_code == 0, result.output
    assert "read 2, stored 2, duplicate 0, unmatched 0, rejected 0" in result.stdout


def test_bad_bytes_on_stdin_are_named_too(run) -> None:
    data = jsonl(article(1)).encode() + b'{"url": "\xff"}\n' + jsonl(article(3)).encode()
    result = run("ingest", "-", input=data)
    assert "stdin:2: rejected: not UTF-8 text" in result.stderr
    assert "read 3, stored 2" in result.stdout


def test_a_line_over_the_body_limit_is_rejected_as_too_large(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_MAX_BODY_BYTES", "4000")
    file = tmp_path / "large.jsonl"
    huge = article(2, text="ICESCO forum. " * 1000)  # 14 kB
    file.write_text(jsonl(article(1), huge, article(3)), encoding="utf-8")
    result = run("ingest", str(file))
    assert result.exit_code == 1
    assert f"{file}:2: rejected: too large: more than 4,000 bytes" in result.stderr
    assert "read 3, stored 2, duplicate 0, unmatched 0, rejected 1" in result.stdout
    assert titles(run) == {
        "ICESCO holds forum number 1 in Baku",
        "ICESCO holds forum number 3 in Baku",
    }


def test_read_lines_never_holds_a_line_over_the_limit() -> None:
    from io import BytesIO

    from monitor.errors import InputError
    from monitor.ingest import read_lines

    class Counting(BytesIO):
        largest = 0

        def readline(self, size: int | None = -1) -> bytes:
            line = super().readline(size)
            Counting.largest = max(Counting.largest, len(line))
            return line

    stream = Counting(b"a\n" + b"x" * 1_000_000 + b"\nb\nlast-no-newline")
    lines = list(read_lines(stream, max_bytes=100))
    assert [n for n, _ in lines] == [1, 2, 3, 4]
    assert isinstance(lines[1][1], InputError)
    assert [lines[0][1], lines[2][1], lines[3][1]] == ["a", "b", "last-no-newline"]
    assert Counting.largest <= 1 << 16


LOCAL_CONFIG = """
[[sources]]
name = "Local"
homepage = "https://local.example/"
feeds = ["https://local.example/rss"]
timezone = "Asia/Baku"

[sources.selectors]
title = "h2.headline"
published = ".when"
body = ".story"

[[topics]]
name = "icesco"
any = ["ICESCO"]
"""

PAGE = """<html><head><title>Local news portal</title></head><body>
<nav>Home | World | Sport</nav>
<h2 class="headline">ICESCO opens a centre in Baku</h2>
<span class="when">11.03.2025 14:00</span>
<div class="story"><p>The ICESCO centre for heritage opened in Baku on Tuesday, with
delegates from twelve member states and the ministers of culture and education.</p>
<p>The centre will train restorers of manuscripts and mosques from the whole region.</p></div>
<div class="sidebar"><p>Other news: the weather in Baku will stay mild and sunny for the
whole week, and the city prepares a festival of music, food and crafts in its old town,
with concerts every evening and markets every morning on the main square.</p></div>
</body></html>"""


def test_an_html_page_is_read_with_its_sources_selectors_and_time_zone(run, tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(LOCAL_CONFIG, encoding="utf-8")
    file = tmp_path / "pages.jsonl"
    file.write_text(jsonl({"url": "https://local.example/news/1", "html": PAGE}))
    result = run("ingest", str(file), config=config)
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in run("export", config=config).stdout.splitlines()]
    assert row["source"] == "Local"
    assert row["title"] == "ICESCO opens a centre in Baku"
    assert row["published"] == "2025-03-11T10:00:00+00:00"  # 14:00 in Baku
    assert row["body"].startswith("The ICESCO centre for heritage opened")
    assert "weather" not in row["body"]


def test_a_given_title_stands_in_for_a_page_without_one(run, tmp_path: Path) -> None:
    page = (
        "<html><body><article><p>"
        + "The ICESCO forum opened in Baku with delegates from member states. " * 8
        + "</p></article></body></html>"
    )
    file = tmp_path / "untitled.jsonl"
    file.write_text(
        jsonl(
            {"url": "https://news.az/news/untitled-1", "html": page, "title": "ICESCO forum"},
            {"url": "https://news.az/news/untitled-2", "html": page.replace("forum", "meeting")},
        )
    )
    result = run("ingest", str(file))
    assert "read 2, stored 1, duplicate 0, unmatched 0, rejected 1" in result.stdout
    assert titles(run) == {"ICESCO forum"}
    url = "https://news.az/news/untitled-2"
    assert f"{file}:2: rejected: {url}: no title found" in result.stderr
    assert result.stderr.count(url) == 1


def test_a_given_title_wins_over_the_pages(run, tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text(LOCAL_CONFIG, encoding="utf-8")
    file = tmp_path / "pages.jsonl"
    record = {"url": "https://local.example/news/1", "html": PAGE, "title": "ICESCO in Baku"}
    file.write_text(jsonl(record))
    run("ingest", str(file), config=config)
    (row,) = [json.loads(line) for line in run("export", config=config).stdout.splitlines()]
    assert row["title"] == "ICESCO in Baku"


def test_a_line_rejected_while_preparing_is_read_once(run, tmp_path: Path) -> None:
    file = tmp_path / "unusable.jsonl"
    file.write_text(jsonl(article(1), article(2, url="https://"), article(3)))
    result = run("ingest", str(file))
    assert "read 3, stored 2, duplicate 0, unmatched 0, rejected 1" in result.stdout


def test_a_language_that_is_no_language_code_rejects_its_line(run, tmp_path: Path) -> None:
    file = tmp_path / "languages.jsonl"
    file.write_text(
        jsonl(
            article(1, language="EN"),
            article(2, language="zz-notalang"),
            article(3, language="pt-BR"),
        )
    )
    result = run("ingest", str(file))
    assert result.exit_code == 1
    assert f"{file}:2: rejected: 'language' must be a language code" in result.stderr
    assert "read 3, stored 2, duplicate 0, unmatched 0, rejected 1" in result.stdout
    assert len(titles(run)) == 2
