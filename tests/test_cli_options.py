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
