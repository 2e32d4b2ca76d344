"""The README is kept honest: every command, setting and sources.toml key appears in it,
every TOML example loads, the webhook payload example is the real one, and the table of
event types says what the classifier does with its examples."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest

from monitor.alerts.message import payload_example
from monitor.app import build
from monitor.classify import EVENT_TYPES, classify
from monitor.cli import cli
from monitor.config import (
    ALERT_KEYS,
    CHANNEL_KEYS,
    MATCHING_KEYS,
    SELECTOR_KEYS,
    SOURCE_KEYS,
    TOPIC_KEYS,
    parse_config,
)
from monitor.normalize import detect_language
from monitor.pipeline import numbered
from monitor.settings import SETTINGS, Settings
from monitor.store.stories import story_snapshot

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "monitor") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            names += _commands(command, full)
        else:
            names.append(full)
    return names


@pytest.mark.parametrize("command", _commands(cli))
def test_every_command_is_documented(command: str) -> None:
    assert f"`{command}" in README, command


@pytest.mark.parametrize("variable", [s.env for s in SETTINGS.values()])
def test_every_setting_is_documented(variable: str) -> None:
    assert f"`{variable}`" in README


KEYS = (
    [("sources", k) for k in SOURCE_KEYS]
    + [("selectors", k) for k in SELECTOR_KEYS]
    + [("topics", k) for k in TOPIC_KEYS]
    + [("matching", k) for k in MATCHING_KEYS]
    + [("alerts", k) for k in ALERT_KEYS]
    + [("channels", k) for kind in CHANNEL_KEYS.values() for k in kind]
)


@pytest.mark.parametrize(("table", "key"), KEYS)
def test_every_sources_toml_key_is_documented(table: str, key: str) -> None:
    if table in {"alerts", "channels"}:
        assert f"`{table}.{key}`" in README
    else:
        assert f"`{key}`" in README


EXAMPLES = re.findall(r"```toml\n(.*?)```", README, flags=re.S)


def test_the_readme_has_toml_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example-{i}" for i in range(len(EXAMPLES))])
def test_every_toml_example_loads(example: str) -> None:
    if "[[sources]]" in example and "feeds" not in example and "listings" not in example:
        pytest.fail("a source example must show how its articles are found")
    parse_config(example, "README.md")


def test_the_webhook_payload_example_is_the_real_one() -> None:
    block = re.search(r"```json\n(.*?)```", README, flags=re.S)
    assert block is not None
    assert json.loads(block.group(1)) == payload_example()


def test_the_payload_example_has_the_fields_of_a_real_story(tmp_path: Path) -> None:
    """The example's story is written by hand: it must carry what a stored story does."""
    shipped = Path(__file__).resolve().parent.parent / "sources.toml"
    app = build(Settings(config=str(shipped), database_url=f"sqlite:///{tmp_path}/m.db"))
    article = {
        "url": "https://en.trend.az/azerbaijan/politics/1.html",
        "title": "Azerbaijani FM meets ICESCO Director General in Baku",
        "text": "Minister of Foreign Affairs Jeyhun Bayramov met with ICESCO Director General "
        "Salim M. AlMalik in Baku on 3 October 2023. The sides discussed cooperation.",
        "published": "2023-10-03T09:05:00+00:00",
    }
    try:
        assert app.pipeline.ingest(numbered([json.dumps(article)])).stored == 1
        with app.store.engine.connect() as conn:
            real = story_snapshot(conn, 1)
    finally:
        app.close()
    example = payload_example()["story"]
    assert set(example) == set(real)
    assert set(example["articles"][0]) == set(real["articles"][0])
    assert set(example["participants"][0]) == set(real["participants"][0])


def test_the_two_setup_commands_are_there() -> None:
    assert ".venv/bin/monitor run" in README
    assert ".venv/bin/python -m pytest" in README
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"^(python3 -m venv .*pytest)$", README, flags=re.M)
    assert test_command is not None and test_command.group(1) in ci


def _event_type_table() -> dict[str, list[str]]:
    """The README's table of event types: each type's example headlines."""
    start = README.index("| type | the article's news | for example |")
    rows = README[start:].split("\n\n", 1)[0].splitlines()[2:]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    return {kind.strip("`"): examples.split(" / ") for kind, _, examples in cells}


def test_the_event_type_table_names_every_type_once() -> None:
    assert list(_event_type_table()) == list(EVENT_TYPES)


@pytest.mark.parametrize(
    ("kind", "headline"),
    [(kind, line) for kind, lines in _event_type_table().items() for line in lines],
)
def test_the_event_type_table_examples_are_classified_as_it_says(kind: str, headline: str) -> None:
    assert classify(headline, "", detect_language(headline), None).event_type == kind
