"""`monitor stories split` and `monitor stories join`: a person's word on stories holds
against later reports and `monitor reclassify --regroup`; bad input changes nothing."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from test_reclassify import SHIPPED, _run
from test_reclassify import app as app  # the archive of the stories fixture, filed
from test_regroup import _alert
from test_stories_archive import _alert_config, ingest, story_partition

from monitor.app import build
from monitor.cli import cli
from monitor.settings import Settings
from monitor.store.merging import merged_into

# a fourth report of the ambassador's meeting in Rabat (tests/fixtures/stories): it fits
# the reports on either side of a split
LATER = {
    "url": "https://azertag.az/news/amb-azertag",
    "title": "Ambassador Rauf Mammadzade meets ICESCO Director General Salim AlMalik in Rabat",
    "text": (
        "Rabat, 31 January, AZERTAC. Azerbaijan's Ambassador to Morocco Rauf Mammadzade met "
        "with ICESCO Director General Salim AlMalik at the organisation's headquarters in "
        "Rabat on 30 January.\n\nThe sides discussed the celebration of Shusha as the "
        "culture capital of the Islamic world and ICESCO's participation in COP29."
    ),
    "published": "2024-01-31T10:30:00+00:00",
    "language": "en",
    "source": "AzerTag",
}


def _stories(*args: str, config=SHIPPED):
    return CliRunner().invoke(cli, ["stories", *args, "--config", str(config)])


def _ambassador(app) -> tuple[int, list[str]]:
    """The story of the ambassador's meeting (three outlets) and its report ids."""
    story, ids = next((s, ids) for s, ids in story_partition(app).items() if len(ids) == 3)
    return story, sorted(ids)


def _url(app, report: str) -> str:
    with app.store.engine.connect() as conn:
        (url,) = conn.execute(
            text("SELECT url FROM article_url WHERE url LIKE :end"), {"end": f"%/{report}"}
        ).scalars()
    return str(url)


def test_a_split_story_stays_split_by_regroup_and_by_a_later_report(app) -> None:
    story, ids = _ambassador(app)
    result = _stories("split", str(story), _url(app, ids[-1]))
    assert result.exit_code == 0, result.output
    partition = story_partition(app)
    new = next(s for s, found in partition.items() if found == {ids[-1]})
    assert new > story and partition[story] == set(ids[:2])
    assert f"moved 1 article from story {story} into new story {new}" in result.stdout
    assert f"#{new}  meeting" in result.stdout  # both stories shown, recomputed
    with app.store.engine.connect() as conn:
        counts = dict(conn.execute(text("SELECT id, article_count FROM story")).all())
        apart = conn.execute(text("SELECT count(*) FROM story_apart")).scalar_one()
    assert (counts[story], counts[new], apart) == (2, 1, 2)
    shown = _stories("show", str(new))
    assert shown.exit_code == 0, shown.output
    assert _url(app, ids[-1]) in shown.stdout and f"#{new}  meeting" in shown.stdout
    assert f"kept apart from story {story} (a split)" in shown.stdout
    as_json = json.loads(_stories("show", str(story), "--json").stdout)
    assert as_json["kept_apart_from"] == [new] and len(as_json["articles"]) == 2
    # the rules would join them again (tests/test_regroup.py); the person's word holds
    assert "joined 0 into older ones" in _run("--regroup")
    assert story_partition(app) == partition
    # a later report that fits both joins one of them, and folds nothing
    ingest(app, [LATER])
    after = story_partition(app)
    assert {s: found - {"amb-azertag"} for s, found in after.items()} == partition
    assert "amb-azertag" in after[story] | after[new]


def test_a_split_undone_by_a_join_leaves_one_story_again(app) -> None:
    before = story_partition(app)
    story, ids = _ambassador(app)
    with app.store.engine.connect() as conn:
        (article,) = conn.execute(
            text("SELECT article_id FROM article_url WHERE url LIKE :end"), {"end": f"%/{ids[0]}"}
        ).scalars()
    assert _stories("split", str(story), str(article)).exit_code == 0  # by article id
    new = next(s for s, found in story_partition(app).items() if found == {ids[0]})
    result = _stories("join", str(new), str(story))
    assert result.exit_code == 0, result.output
    assert f"joined story {new} into story {story}: 1 article moved" in result.stdout
    assert story_partition(app) == before
    assert merged_into(app.store.engine, new) == story  # a link to it leads to the story
    with app.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM story_apart")).scalar_one() == 0
    # forgotten: a split of another report is the only pair kept apart now
    assert _stories("split", str(story), ids[1]).exit_code != 0  # an id slug is no article
    assert _stories("split", str(story), _url(app, ids[1])).exit_code == 0


def test_two_stories_the_rules_kept_apart_are_joined_with_their_alerts(app) -> None:
    partition = story_partition(app)
    baku = next(s for s, found in partition.items() if "baku-trend" in found)
    rabat = next(s for s, found in partition.items() if "rabat-azernews" in found)
    with app.store.transaction() as conn:
        _alert(conn, max(baku, rabat), "press")  # the press office heard of the newer one
    result = _stories("join", str(baku), str(rabat))
    assert result.exit_code == 0, result.output
    survivor = min(baku, rabat)
    assert story_partition(app)[survivor] == partition[baku] | partition[rabat]
    with app.store.engine.connect() as conn:
        alert = conn.execute(text("SELECT story_id, dedupe_key FROM outbox")).one()
    assert alert == (survivor, f"press|press-mail|story:{survivor}|new_story")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("split", "999999", "1"), "story 999999 does not exist"),
        (("split", "{story}", "https://nowhere.example/x"), "no stored article has the URL"),
        (("split", "{story}", "9" * 30), f"article {'9' * 30} does not exist"),
        (("split", "{story}", "{other_article}"), "is in story {other}, not in story {story}"),
        (("split", "{story}", "{a}", "{b}", "{c}"), "those are all the articles of story"),
        (("join", "{story}"), "name at least two different stories"),
        (("join", "{story}", "{story}"), "name at least two different stories"),
        (("join", "{story}", "999999"), "story 999999 does not exist"),
    ],
)
def test_a_bad_correction_names_what_is_wrong_and_changes_nothing(
    app, args: tuple[str, ...], message: str
) -> None:
    before = story_partition(app)
    story, ids = _ambassador(app)
    other = next(s for s in before if s != story)
    with app.store.engine.connect() as conn:
        owner = dict(
            conn.execute(text("SELECT url, article_id FROM article_url")).all()
        )  # url -> article
        stories = dict(conn.execute(text("SELECT id, story_id FROM article")).all())
    mine = [owner[_url(app, i)] for i in ids]
    other_article = next(a for a, s in stories.items() if s == other)
    values = {
        "story": story,
        "other": other,
        "other_article": other_article,
        "a": mine[0],
        "b": mine[1],
        "c": mine[2],
    }
    result = _stories(*(a.format(**values) for a in args))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and message.format(**values) in result.stderr
    assert "Traceback" not in result.output
    assert story_partition(app) == before
    with app.store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM story_apart")).scalar_one() == 0


@pytest.mark.parametrize("command", ["show", "split", "join"])
def test_a_story_id_no_archive_holds_is_refused_before_the_archive_is_asked(
    app, command: str
) -> None:
    before = story_partition(app)
    story, _ = _ambassador(app)
    args = {"show": ["9" * 30], "split": ["9" * 30, "1"], "join": ["9" * 30, str(story)]}
    result = _stories(command, *args[command])
    assert result.exit_code == 2, result.output  # a usage error, as click gives them
    assert "is not in the range 1<=x<=2147483647" in result.output
    assert "Traceback" not in result.output
    assert story_partition(app) == before


def test_a_story_joined_into_another_is_named_by_the_story_it_went_into(app) -> None:
    partition = story_partition(app)
    baku = next(s for s, found in partition.items() if "baku-trend" in found)
    rabat = next(s for s, found in partition.items() if "rabat-azernews" in found)
    assert _stories("join", str(baku), str(rabat)).exit_code == 0
    gone, kept = max(baku, rabat), min(baku, rabat)
    result = _stories("split", str(gone), "1")
    assert result.exit_code == 1
    assert f"story {gone} was joined into story {kept}: name story {kept}" in result.stderr
    shown = _stories("show", str(gone))  # shown as the story it went into
    assert shown.exit_code == 0 and f"story {gone} was joined into story {kept}" in shown.stderr
    assert shown.stdout.startswith(f"#{kept}  ")
    missing = _stories("show", "999999")
    assert missing.exit_code == 1 and "story 999999 does not exist" in missing.stderr


def alerting_config(tmp_path, monkeypatch: pytest.MonkeyPatch):
    """A configuration whose rules alert on new stories, with the fixtures counting as news."""
    monkeypatch.setenv("HOOK_SECRET", "whsec_" + "a" * 32)
    monkeypatch.setenv("MONITOR_ALERT_MAX_AGE", "1000000")
    return _alert_config(tmp_path, "http://127.0.0.1:9/hook")


def test_a_split_off_story_is_alerted_as_new_only_when_asked(
    app, tmp_path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    config = alerting_config(tmp_path, monkeypatch)
    story, ids = _ambassador(app)
    with app.store.engine.connect() as conn:
        before = conn.execute(text("SELECT count(*) FROM outbox")).scalar_one()
    quiet = _stories("split", str(story), _url(app, ids[-1]), config=config)
    assert quiet.exit_code == 0, quiet.output
    loud = _stories("split", str(story), _url(app, ids[-2]), "--alert", config=config)
    assert loud.exit_code == 0, loud.output
    partition = story_partition(app)
    quiet_id = next(s for s, found in partition.items() if found == {ids[-1]})
    loud_id = next(s for s, found in partition.items() if found == {ids[-2]})
    checked = build(Settings(config=str(config), database_url=database_url))
    with checked.store.engine.connect() as conn:
        queued = conn.execute(text("SELECT story_id, kind, rule FROM outbox ORDER BY id")).all()
    checked.close()
    assert len(queued) == before + 1
    assert [tuple(r) for r in queued if r.story_id in (quiet_id, loud_id)] == [
        (loud_id, "new_story", "icesco-all")
    ]
