"""`monitor alerts` and `monitor check` with channels: one broken channel stops no other."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from receivers import SECRET, WebhookReceiver

from monitor.alerts import new_alert
from monitor.cli import cli
from monitor.store import Store, outbox


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A config with a working webhook channel and one whose secret is not set."""
    url = f"sqlite:///{tmp_path / 'm.db'}"
    monkeypatch.setenv("MONITOR_DATABASE_URL", url)
    monkeypatch.setenv("GOOD_SECRET", SECRET)
    with WebhookReceiver() as receiver:
        config = tmp_path / "sources.toml"
        config.write_text(
            f'[channels.good]\ntype = "webhook"\nurl = "{receiver.url}"\n'
            'secret_env = "GOOD_SECRET"\n\n'
            f'[channels.broken]\ntype = "webhook"\nurl = "{receiver.url}"\n'
            'secret_env = "BROKEN_SECRET"\n'
        )

        def run(*args: str):
            return CliRunner().invoke(cli, [*args, "--config", str(config)])

        yield run, receiver, url


def test_a_test_alert_reaches_its_channel_when_another_is_broken(setup) -> None:
    run, receiver, _ = setup
    result = run("alerts", "test", "good")
    assert result.exit_code == 0, result.output
    assert receiver.verified[-1].json()["type"] == "test"
    broken = run("alerts", "test", "broken")
    assert broken.exit_code == 1 and "BROKEN_SECRET is not set" in broken.stderr


def test_flush_delivers_the_working_channels_and_says_why_the_broken_one_failed(setup) -> None:
    run, receiver, url = setup
    with Store(url) as store, store.engine.begin() as conn:
        for channel in ("good", "broken"):
            alert = new_alert("new_story", {"story": {"id": 7}}, rule="r")
            outbox.enqueue(conn, [outbox.row_for(alert, channel, f"k-{channel}")])
    result = run("alerts", "flush")
    assert "delivered 1, to retry 1, failed 0" in result.stdout
    assert "channel 'broken': the channel is misconfigured" in result.stderr
    assert "BROKEN_SECRET is not set" in result.stderr
    assert len(receiver.verified) == 1


def test_check_warns_when_no_source_is_enabled(tmp_path: Path) -> None:
    config = tmp_path / "sources.toml"
    config.write_text('[[topics]]\nname = "t"\nany = ["x"]\n')
    result = CliRunner().invoke(cli, ["check", "--config", str(config)])
    assert result.exit_code == 0
    assert f"warning: {config}: no enabled sources: nothing will be polled" in result.stderr


@pytest.mark.parametrize("value", ["0", "nan", "-1"])
def test_a_timeout_of_zero_is_refused(tmp_path: Path, monkeypatch, value: str) -> None:
    monkeypatch.setenv("MONITOR_TIMEOUT", value)
    config = tmp_path / "sources.toml"
    config.write_text('[[topics]]\nname = "t"\nany = ["x"]\n')
    result = CliRunner().invoke(cli, ["check", "--config", str(config)])
    assert result.exit_code == 1 and "key 'MONITOR_TIMEOUT'" in result.stderr


def test_a_flush_attempts_a_failing_alert_once_even_without_backoff(
    setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    run, receiver, url = setup
    monkeypatch.setenv("MONITOR_ALERT_BACKOFF", "0")
    with Store(url) as store, store.engine.begin() as conn:
        alert = new_alert("new_story", {"story": {"id": 7}}, rule="r")
        outbox.enqueue(conn, [outbox.row_for(alert, "good", "k-good")])
    receiver.fail(5, status=500)
    result = run("alerts", "flush")
    assert "delivered 0, to retry 1, failed 0" in result.stdout
    assert len(receiver.deliveries) == 1
    with Store(url) as store:
        (item,) = outbox.recent(store.engine)
    assert item.attempts == 1
