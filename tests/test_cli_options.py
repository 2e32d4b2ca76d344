"""Command-line options: bad values are usage errors naming the option, never tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl"
SHIPPED = ROOT / "sources.toml"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `monitor ...` in-process against a fresh SQLite archive."""
    monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}")

    def invoke(*args: str, config: Path = SHIPPED):
        return CliRunner().invoke(cli, [*args, "--config", str(config)], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize("command", ["export", "stories", "reclassify"])
@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00+01:00"])
def test_a_since_off_the_calendar_is_a_clear_error(run, command: str, when: str) -> None:
    result = run(command, "--since", when)
    assert result.exit_code != 0
    assert "--since" in result.stderr and "out of range" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_serve_refuses_a_port_out_of_range(run, port: str) -> None:
    result = run("serve", "--port", port)
    assert result.exit_code == 2
    assert "Invalid value for '--port'" in result.stderr and "1<=x<=65535" in result.stderr


@pytest.mark.parametrize("port", ["99999", "0"])
def test_a_port_setting_out_of_range_names_the_variable(
    run, port: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MONITOR_API_PORT", port)
    result = run("check")
    assert result.exit_code == 1
    assert "environment: key 'MONITOR_API_PORT'" in result.stderr
    assert "from 1 to 65535" in result.stderr


def test_an_unknown_database_scheme_is_a_clear_error(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_DATABASE_URL", "foo://bar")
    result = run("stories")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot open the archive at foo://bar: ")
    assert "no database driver for 'foo'" in result.stderr


def test_an_archive_under_a_file_is_a_clear_error(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "articles.jsonl"
    file.write_text("{}\n")
    monkeypatch.setenv("MONITOR_DATABASE_URL", f"sqlite:///{file}/x.db")
    result = run("stories")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: cannot open the archive at sqlite:///{file}/x.db: ")
    assert f"cannot create the folder {file}" in result.stderr
    assert file.read_text() == "{}\n"


@pytest.fixture
def archive(run):
    """The fixture articles ingested; returns ``run``."""
    assert run("ingest", str(ARTICLES)).exit_code == 0
    return run


def _json_lines(result) -> list[dict]:
    import json

    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("args", "option", "known"),
    [
        (("stories", "--topic", "nope"), "--topic", "icesco"),
        (("search", "icesco", "--topic", "nope"), "--topic", "icesco"),
        (("export", "--topic", "nope"), "--topic", "icesco"),
        (("search", "icesco", "--source", "Nowhere"), "--source", "Trend"),
        (("search", "icesco", "--event", "picnic"), "--event", "meeting"),
    ],
)
def test_an_unknown_filter_value_is_a_usage_error_naming_the_known_ones(
    archive, args: tuple[str, ...], option: str, known: str
) -> None:
    result = archive(*args)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr
    assert "unknown value" in result.stderr and known in result.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [("--source", "trend"), ("--source", " Trend "), ("--event", "Meeting"), ("--language", "EN")],
)
def test_source_event_and_language_match_in_any_case(archive, option: str, value: str) -> None:
    exact = {"--source": "Trend", "--event": "meeting", "--language": "en"}[option]
    expected = _json_lines(archive("search", "icesco", option, exact))
    assert expected
    assert _json_lines(archive("search", "icesco", option, value)) == expected


def test_a_day_a_month_or_a_year_is_included_whole_at_either_end(run, tmp_path: Path) -> None:
    """The same periods as the API: `--since 2025` is a year, not a Unix time, and
    `--since D --until D` is the day D."""
    import json

    published = ["2024-12-31", "2025-01-01", "2025-01-31", "2025-02-01", "2025-12-31", "2026-01-01"]
    lines = [
        json.dumps(
            {
                "url": f"https://example.az/news/{n}",
                "title": f"ICESCO exhibition number {n} opens",
                "text": f"An ICESCO exhibition of manuscripts, number {n} of its series, opened.",
                "published": f"{day}T12:00:00Z",
            }
        )
        for n, day in enumerate(published)
    ]
    (tmp_path / "dated.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("ingest", str(tmp_path / "dated.jsonl")).exit_code == 0

    def days(*period: str) -> list[str]:
        return sorted(h["published"][:10] for h in _json_lines(run("search", "icesco", *period)))

    assert days() == published
    assert days("--since", "2025", "--until", "2025") == published[1:5]
    assert days("--since", "2025-01", "--until", "2025-01") == published[1:3]
    assert days("--since", "2025-01-31", "--until", "2025-01-31") == ["2025-01-31"]
    assert days("--until", "2025-01-01T12:00:00Z") == published[:1]  # a time: left out


@pytest.mark.parametrize(
    "args",
    [("stories", "--limit", "-1"), ("search", "x", "--limit", "0"), ("stories", "--limit", "0")],
)
def test_a_limit_below_one_is_a_usage_error(run, args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Invalid value for '--limit'" in result.stderr


def test_the_words_of_a_query_need_no_quotes(archive) -> None:
    """`monitor search heritage projects` is the query "heritage projects"."""
    loose = _json_lines(archive("search", "heritage", "projects"))
    assert loose and loose == _json_lines(archive("search", "heritage projects"))


def test_a_query_starting_with_a_dash_goes_after_double_dash(archive) -> None:
    result = CliRunner().invoke(
        cli, ["search", "--config", str(SHIPPED), "--", "-manuscripts"], catch_exceptions=False
    )
    hits = _json_lines(result)
    assert hits and all("manuscripts" not in h["snippet"] for h in hits)
    assert "monitor search -- -sport" in " ".join(run_help("search").split())


def run_help(*command: str) -> str:
    return CliRunner().invoke(cli, [*command, "--help"]).output


def test_a_bad_until_names_until(run) -> None:
    result = run("search", "x", "--until", "garbage")
    assert result.exit_code == 2
    assert "Invalid value for '--until'" in result.stderr and "--since" not in result.stderr


def test_an_until_before_since_is_a_usage_error(run) -> None:
    result = run("search", "x", "--since", "2025-03-12", "--until", "2025-03-11")
    assert result.exit_code == 2
    assert "Invalid value for '--until'" in result.stderr and "not after --since" in result.stderr


def test_alerts_retry_without_ids_is_a_usage_error(run) -> None:
    result = run("alerts", "retry")
    assert result.exit_code == 2
    assert "give alert IDs or --failed" in result.stderr and "<config>" not in result.stderr


def test_alerts_retry_names_unknown_ids_and_fails_when_none_is_known(run, tmp_path: Path) -> None:
    from monitor.alerts import new_alert
    from monitor.store import Store, outbox

    with Store(f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}") as store:
        alert = new_alert("new_story", {"story": {"id": 7}}, rule="r")
        with store.engine.begin() as conn:
            outbox.enqueue(conn, [outbox.row_for(alert, "hook", "k1")])
        (item,) = outbox.recent(store.engine)
    some = run("alerts", "retry", str(item.id), "2", "99")
    assert some.exit_code == 0
    assert "no alert with id 2, 99" in some.stderr and "queued 1 alerts again" in some.stdout
    none = run("alerts", "retry", "98", "99")
    assert none.exit_code == 1
    assert "no alert with id 98, 99" in none.stderr and "queued 0 alerts again" in none.stdout


def test_alerts_retry_does_not_send_a_delivered_alert_twice_unless_asked(
    run, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from monitor.alerts import new_alert
    from monitor.store import Store, outbox

    with Store(f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}") as store:
        rows = [
            outbox.row_for(new_alert("new_story", {"story": {"id": n}}, rule="r"), "hook", f"k{n}")
            for n in (1, 2)
        ]
        with store.engine.begin() as conn:
            outbox.enqueue(conn, rows)
        delivered, waiting = sorted(item.id for item in outbox.recent(store.engine))
        outbox.mark_delivered(store.engine, delivered, datetime.now(UTC))
        refused = run("alerts", "retry", str(delivered))
        assert refused.exit_code == 1, refused.output
        assert f"alert {delivered} was delivered: not sent again" in refused.stderr
        states = {item.id: item.status for item in outbox.recent(store.engine)}
        assert states[delivered] == "delivered"
        both = run("alerts", "retry", str(delivered), str(waiting))
        assert both.exit_code == 0 and "queued 1 alerts again" in both.stdout
        again = run("alerts", "retry", "--again", str(delivered))
        assert again.exit_code == 0 and "queued 1 alerts again" in again.stdout
        assert {item.status for item in outbox.recent(store.engine)} == {"pending"}


def test_an_alert_held_back_is_shown_with_its_time_by_list_and_flush(run, tmp_path: Path) -> None:
    """An alert waiting (a Retry-After, quiet hours) is not silently missing."""
    from datetime import UTC, datetime, timedelta

    from monitor.alerts import new_alert
    from monitor.store import Store, outbox

    later = datetime.now(UTC) + timedelta(hours=2)
    with Store(f"sqlite:///{tmp_path / 'storage' / 'monitor.db'}") as store:
        row = outbox.row_for(new_alert("new_story", {"story": {"id": 1}}, rule="r"), "hook", "k")
        with store.engine.begin() as conn:
            outbox.enqueue(conn, [row])
        (item,) = outbox.recent(store.engine)
        outbox.mark_retry(store.engine, item.id, "HTTP 429", later)
    due = f"due {later:%Y-%m-%d %H:%M} UTC"
    assert due in run("alerts", "list").stdout
    flushed = run("alerts", "flush")
    assert flushed.exit_code == 0, flushed.output
    assert f"waiting 1 (the first {due})" in flushed.stdout


def test_an_unknown_log_level_is_refused(run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MONITOR_LOG_LEVEL", "LOUD")
    result = run("check")
    assert result.exit_code == 1
    assert (
        "key 'MONITOR_LOG_LEVEL'" in result.stderr
        and "DEBUG, INFO, WARNING, ERROR" in result.stderr
    )


def test_headline_languages_are_language_codes(run, monkeypatch: pytest.MonkeyPatch) -> None:
    from monitor.settings import Settings

    assert Settings.from_env({"MONITOR_HEADLINE_LANGUAGES": "en, RU,az"}).headline_languages == (
        "en",
        "ru",
        "az",
    )
    assert Settings.from_env({"MONITOR_HEADLINE_LANGUAGES": ""}).headline_languages == ()
    monkeypatch.setenv("MONITOR_HEADLINE_LANGUAGES", "english")
    result = run("check")
    assert result.exit_code == 1
    assert "key 'MONITOR_HEADLINE_LANGUAGES'" in result.stderr and "'english'" in result.stderr
