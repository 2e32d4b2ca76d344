"""sources.toml validation: every error names the file, the line, the table and the key."""

from __future__ import annotations

import base64
import textwrap
from pathlib import Path

import pytest

from monitor.config import channel_problems, load_config, parse_config, parse_interval
from monitor.errors import ConfigError

GOOD = """\
[[sources]]
name = "Example"
homepage = "https://example.az/"
feeds = ["https://example.az/rss"]
listings = ["https://example.az/politics"]
interval = "10m"
language = "en"

[sources.selectors]
article_links = "ul.news a"
body = "div.article-body"
remove = [".share", ".related"]

[[topics]]
name = "icesco"
any = ["ICESCO", "ISESCO"]
none = ["UNESCO"]
"""


def test_good_config_loads_into_frozen_values() -> None:
    config = parse_config(GOOD, "sources.toml")
    (source,) = config.sources
    assert source.name == "Example"
    assert source.interval == 600
    assert source.feeds == ("https://example.az/rss",)
    assert source.selectors.body == "div.article-body"
    assert source.selectors.remove == (".share", ".related")
    assert "www.example.az" in source.all_hosts and "example.az" in source.all_hosts
    assert config.topic("icesco").none == ("UNESCO",)
    with pytest.raises(AttributeError):
        source.name = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("10m", 600),
        ("1h", 3600),
        ("1h30m", 5400),
        ("90s", 90),
        ("1d", 86400),
        ("2h 5m", 7500),
        ("7d", 604800),
    ],
)
def test_interval_parses(value: str, seconds: int) -> None:
    assert parse_interval(value) == seconds


@pytest.mark.parametrize(
    "value", ["10", "10x", "", "m", "-5m", "30s", "0m", "ten minutes", "8d", "99999999999d"]
)
def test_bad_interval_is_refused(value: str) -> None:
    with pytest.raises(ValueError):
        parse_interval(value)


def _error(text: str) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        parse_config(textwrap.dedent(text), "conf/sources.toml")
    return info.value


# (case, TOML text, expected line, expected key, expected words in the message)
ERRORS = [
    ("invalid TOML", 'x = "unterminated\n', 1, None, "invalid TOML"),
    (
        "unknown key with suggestion",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeds = ["https://a.az/rss"]\n',
        4,
        "feds",
        "did you mean 'feeds'",
    ),
    (
        "missing key",
        '[[sources]]\nname = "A"\nfeeds = ["https://a.az/rss"]\n',
        1,
        "homepage",
        "missing",
    ),
    (
        "duplicate name",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        '[[sources]]\nname = "A"\nhomepage = "https://b.az"\nfeeds = ["https://b.az/rss"]\n',
        6,
        "name",
        "duplicate source name",
    ),
    (
        "names that differ only in case",
        '[[sources]]\nname = "Trend"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        '[[sources]]\nname = "trend"\nhomepage = "https://b.az"\nfeeds = ["https://b.az/rss"]\n',
        6,
        "name",
        "must differ in more than case",
    ),
    (
        "a port off the range",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az:99999/"\nfeeds = ["https://a.az/rss"]\n',
        3,
        "homepage",
        "not a port number (1-65535)",
    ),
    (
        "bad interval",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'interval = "5 parsecs"\n',
        5,
        "interval",
        "invalid interval",
    ),
    (
        "interval too long for a schedule",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'interval = "99999999999d"\n',
        5,
        "interval",
        "longer than the maximum of 7d",
    ),
    (
        "two enabled sources claim one host",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        '[[sources]]\nname = "B"\nhomepage = "https://b.az"\nfeeds = ["https://b.az/rss"]\n'
        'hosts = ["A.az"]\n',
        9,
        "hosts",
        "host 'a.az' is claimed by source 'A' too",
    ),
    (
        "a URL where a host is expected",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'hosts = ["https://trend.az/"]\n',
        5,
        "hosts",
        "expected a host name such as 'trend.az'",
    ),
    (
        "an infinite score",
        '[[topics]]\nname = "t"\nany = ["x"]\nmin_score = inf\n',
        4,
        "min_score",
        "expected a finite number",
    ),
    (
        "a weight that is not a number",
        "[matching]\ntitle_weight = nan\n",
        2,
        "title_weight",
        "expected a finite number",
    ),
    (
        "quiet hours that are no range",
        '[channels.h]\ntype = "webhook"\nurl = "https://h.example/x"\n'
        '[[alerts]]\nname = "r"\nchannels = ["h"]\nquiet_hours = "22:00-22:00"\n',
        7,
        "quiet_hours",
        "starts and ends at the same time",
    ),
    (
        "bad CSS selector",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n\n'
        '[sources.selectors]\ntitle = "h1"\nbody = "div..article"\n',
        8,
        "body",
        "bad CSS selector",
    ),
    (
        "bad URL",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["ftp://a.az/rss"]\n',
        4,
        "feeds",
        "not an http(s) URL",
    ),
    (
        "no way to find articles",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\n',
        1,
        "feeds",
        "at least one of feeds",
    ),
    ("unknown top-level key", "[sauces]\nx = 1\n", 1, "sauces", "unknown top-level key"),
    (
        "unknown time zone",
        '[[sources]]\nname = "A"\nhomepage = "https://a.az"\nfeeds = ["https://a.az/rss"]\n'
        'timezone = "Baku/Standard"\n',
        5,
        "timezone",
        "unknown time zone 'Baku/Standard'",
    ),
    (
        "topic regex",
        '[[topics]]\nname = "t"\nregex = "(unclosed"\n',
        3,
        "regex",
        "regex",
    ),
    (
        "duplicate topic",
        '[[topics]]\nname = "t"\nany = ["a"]\n[[topics]]\nname = "t"\nany = ["b"]\n',
        5,
        "name",
        "duplicate topic name",
    ),
    (
        "topic terms not a list of strings",
        '[[topics]]\nname = "t"\nany = [1, 2]\n',
        3,
        "any",
        "list of non-empty strings",
    ),
    (
        "matching weight",
        '[matching]\ntitle_weight = "heavy"\n',
        2,
        "title_weight",
        "expected a finite number",
    ),
    (
        "alert names an unknown topic",
        '[channels.mail]\ntype = "email"\nhost = "smtp.example.org"\nfrom = "a@example.org"\n'
        'to = ["b@example.org"]\n\n[[alerts]]\nname = "r"\ntopics = ["nope"]\nchannels = ["mail"]\n',
        9,
        "topics",
        "unknown topic 'nope'",
    ),
    (
        "channel of unknown type",
        '[channels.pager]\ntype = "pager"\n',
        2,
        "type",
        'expected "email" or "webhook"',
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "line", "key", "words"), ERRORS, ids=[e[0] for e in ERRORS]
)
def test_config_error_names_file_line_and_key(
    case: str, text: str, line: int, key: str | None, words: str
) -> None:
    error = _error(text)
    message = str(error)
    assert message.startswith("conf/sources.toml"), message
    assert error.line == line, message
    assert f":{line}:" in message
    assert error.key == key, message
    if key:
        assert f"key '{key}'" in message
    assert words in message


def test_error_names_the_source() -> None:
    error = _error(
        '[[sources]]\nname = "Trend"\nhomepage = "https://en.trend.az"\nfeeds = "nope"\n'
    )
    assert "source 'Trend'" in str(error)


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no-such.toml: file not found"):
        load_config(tmp_path / "no-such.toml")


def test_channel_secret_variable_reported_when_missing() -> None:
    config = parse_config(
        textwrap.dedent(
            """\
            [channels.hook]
            type = "webhook"
            url = "https://hooks.example.org/monitor"
            secret_env = "MONITOR_HOOK_SECRET"
            """
        )
    )
    assert channel_problems(config, {}) == [
        "sources.toml: channel 'hook': key 'secret_env': environment variable "
        "MONITOR_HOOK_SECRET is not set"
    ]
    # not base64; no prefix ("password" is base64 too); a key of 10 bytes ("secret key")
    for secret in ("whsec_x", "password", "whsec_c2VjcmV0IGtleQ=="):
        (problem,) = channel_problems(config, {"MONITOR_HOOK_SECRET": secret})
        assert problem.startswith(
            "sources.toml: channel 'hook': key 'secret_env': "
            "a webhook secret is 'whsec_' followed by the base64 of 16 or more random bytes"
        ) or problem.startswith(
            "sources.toml: channel 'hook': key 'secret_env': the webhook secret's key is 10 bytes"
        ), problem
        assert "secrets.token_bytes(32)" in problem  # how to make a good one
    good = "whsec_" + base64.b64encode(b"sixteen bytes ok").decode()
    assert channel_problems(config, {"MONITOR_HOOK_SECRET": good}) == []


def test_a_ca_file_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    config = parse_config(
        '[channels.mail]\ntype = "email"\nhost = "smtp.example.org"\nfrom = "m@example.org"\n'
        f'to = ["ops@example.org"]\nca_file = "{tmp_path / "no-such.pem"}"\n'
    )
    (problem,) = channel_problems(config, {})
    assert problem.startswith("sources.toml: channel 'mail': key 'ca_file': cannot load CA file")


def test_a_channel_problem_in_a_file_names_its_line(tmp_path: Path) -> None:
    """`monitor check` builds each channel as delivery does: an address with a line break
    ("from" followed by a Bcc header) is refused, at its line of the file."""
    path = tmp_path / "sources.toml"
    path.write_text(
        '[channels.mail]\ntype = "email"\nhost = "smtp.example.org"\n'
        'from = "m@example.org\\nBcc: x@example.net"\nto = ["ops@example.org"]\n',
        encoding="utf-8",
    )
    (problem,) = channel_problems(load_config(path), {})
    assert problem.startswith(f"{path}:4: channel 'mail': key 'from': "), problem
    assert "is not an e-mail address" in problem


def test_a_byte_order_mark_before_the_toml_is_no_error(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    shipped = Path(__file__).resolve().parent.parent / "sources.toml"
    path.write_bytes(b"\xef\xbb\xbf" + shipped.read_bytes())
    assert load_config(path).sources == load_config(shipped).sources


def test_shipped_sources_toml_is_valid() -> None:
    config = load_config(Path(__file__).resolve().parent.parent / "sources.toml")
    names = {s.name for s in config.sources}
    assert {"Azernews", "Trend", "News.az"} <= names
    assert "icesco" in {t.name for t in config.topics}
    for source in config.sources:
        assert source.feeds or source.listings, source.name
