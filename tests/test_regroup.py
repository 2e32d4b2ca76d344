"""`monitor reclassify --regroup`: stories that the rules in force tell as one are joined,
their alerts and links kept."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text
from test_api import Client
from test_reclassify import SHIPPED, _run
from test_reclassify import app as app  # the archive of the stories fixture, filed
from test_stories_archive import _alert_config, ingest, story_partition

from monitor.alerts import new_alert
from monitor.api import create_api
from monitor.app import build
from monitor.cli import cli
from monitor.rules import new_story_key
from monitor.settings import Settings
from monitor.store import stories as stories_db
from monitor.store.merging import fold, merged_into
from monitor.store.outbox import enqueue, row_for


def _alert(conn, story_id: int, rule: str) -> None:
    alert = new_alert("new_story", {"story": {"id": story_id}}, rule=rule)
    key = new_story_key(rule, "press-mail", story_id)
    assert enqueue(conn, [row_for(alert, "press-mail", key, story_id=story_id)]) == 1


def _split(app) -> tuple[int, int, str]:
    """Keep the last report of the three-outlet story apart, as an older release might
    have: (its story, the new story, the report's id)."""
    partition = story_partition(app)
    story, ids = next((s, ids) for s, ids in partition.items() if len(ids) == 3)
    last = sorted(ids)[-1]
    now = datetime.now(UTC)
    with app.store.engine.begin() as conn:
        (article,) = conn.execute(
            text("SELECT article_id FROM article_url WHERE url LIKE :end"), {"end": f"%/{last}"}
        ).scalars()
        (apart,) = stories_db.new_stories(conn, 1, now)
        for table, column in (("article", "id"), ("article_features", "article_id")):
            conn.execute(
                text(f"UPDATE {table} SET story_id = :s WHERE {column} = :a"),
                {"s": apart, "a": article},
            )
        conn.execute(
            text("UPDATE story_key SET story_id = :s WHERE article_id = :a"),
            {"s": apart, "a": article},
        )
        for story_id in (story, apart):
            stories_db.refresh_story(conn, story_id, now)
        _alert(conn, story, "press")  # both stories alerted the press office
        _alert(conn, apart, "press")
        _alert(conn, apart, "research")  # the researchers heard of the second one only
    return story, apart, last


def test_an_archive_grouped_by_the_rules_in_force_has_nothing_to_join(app) -> None:
    before = story_partition(app)
    out = _run("--regroup")
    assert f"stories read {len(before)}, joined 0 into older ones, articles moved 0" in out
    assert story_partition(app) == before  # the two meetings of the seed trap stay two


def test_a_story_kept_apart_by_an_older_release_is_joined_with_its_alerts(app, caplog) -> None:
    before = story_partition(app)
    story, apart, last = _split(app)
    assert story_partition(app)[apart] == {last}
    with caplog.at_level("INFO", logger="monitor.regroup"):
        dry = _run("--regroup", "--dry-run")
    assert "would join 1 into older ones, articles to move 1" in dry
    logged = [r.getMessage() for r in caplog.records if r.name == "monitor.regroup"]
    assert logged == [f"story {apart} would join story {story}"]  # nothing was joined
    assert story_partition(app)[apart] == {last}  # a dry run writes nothing
    out = _run("--regroup")
    assert "joined 1 into older ones, articles moved 1" in out
    assert story_partition(app) == before and story < apart  # the older story survives
    with app.store.engine.connect() as conn:
        count = conn.execute(
            text("SELECT article_count FROM story WHERE id = :s"), {"s": story}
        ).scalar_one()
        assert count == 3
        empty = conn.execute(text("SELECT article_count FROM story WHERE id = :s"), {"s": apart})
        assert empty.scalar_one() == 0  # kept, empty: listings leave it out
        alerts = conn.execute(
            text("SELECT rule, story_id, dedupe_key, status FROM outbox ORDER BY rule, story_id")
        ).all()
    # the press office's twin alert stays as history; the researchers' alert now speaks of
    # the joined story, so a later report of the event is a follow-up for them too
    assert [(r.rule, r.story_id) for r in alerts] == [
        ("press", story),
        ("press", apart),
        ("research", story),
    ]
    assert alerts[2].dedupe_key == new_story_key("research", "press-mail", story, "new_story")
    # the twin was never sent, and never will be: the press office gets the survivor's
    assert [r.status for r in alerts] == ["pending", "joined", "pending"]
    listed = CliRunner().invoke(
        cli, ["alerts", "list", "--config", str(SHIPPED), "--status", "joined"]
    )
    assert listed.exit_code == 0 and f"story {apart} joined story {story}" in listed.output
    assert "joined 0 into older ones" in _run("--regroup")  # a second run finds nothing


def test_a_link_to_a_joined_story_leads_to_the_story_it_is_part_of(app) -> None:
    story, apart, _ = _split(app)
    _run("--regroup")
    client = Client(create_api(app))
    listed = {
        item["id"] for item in client.get("/api/stories", params={"limit": 200}).json()["items"]
    }
    assert story in listed and apart not in listed
    for path in ("/api/stories/", "/stories/"):
        answer = client.get(f"{path}{apart}")
        assert answer.status_code == 308, answer.text
        assert answer.headers["location"] == f"http://testserver{path}{story}"
        assert client.get(f"{path}{apart}", follow_redirects=True).status_code == 200
    assert client.get("/api/stories/999999").status_code == 404
    spec = client.get("/openapi.json").json()
    assert "308" in spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]


def test_a_story_joined_twice_leads_to_the_last_story_it_is_part_of(app) -> None:
    """Story C folded into B, then B into A: a link to C leads to A, and the alerts of both
    speak of A."""
    now = datetime.now(UTC)
    with app.store.transaction() as conn:
        a, b, c = stories_db.new_stories(conn, 3, now)
        _alert(conn, c, "research")
        assert fold(conn, b, c) == 0  # no articles: only the story and alert
        fold(conn, a, b)
    assert merged_into(app.store.engine, c) == a and merged_into(app.store.engine, b) == a
    assert merged_into(app.store.engine, a) is None
    with app.store.engine.connect() as conn:
        keys = conn.execute(text("SELECT dedupe_key FROM outbox WHERE rule = 'research'"))
        assert keys.scalars().all() == [new_story_key("research", "press-mail", a)]
        left = conn.execute(
            text("SELECT article_count FROM story WHERE id IN (:b, :c)"), {"b": b, "c": c}
        )
        assert left.scalars().all() == [0, 0]
    # the absorbed stories' ids are never given again: a new story would take their alerts
    # for its own
    with app.store.transaction() as conn:
        (fresh,) = stories_db.new_stories(conn, 1, now)
    assert fresh > c


def test_the_regroup_measure_files_an_archive_with_a_revision_and_scores_it(tmp_path) -> None:
    """bench/eval_regroup.py: the set's reports of one event, filed by a revision of the
    monitor (here this one) and regrouped, scored pair by pair."""
    if not (Path(__file__).resolve().parent.parent / ".git").exists():
        pytest.skip("bench/eval_regroup.py checks a revision out: it needs a git checkout")
    path = Path(__file__).parent / "fixtures" / "events" / "stories_set10.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    groups = [g for g in dict.fromkeys(r["event_group"] for r in rows)][:6]
    small = tmp_path / "small.jsonl"
    small.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows if r["event_group"] in groups),
        encoding="utf-8",
    )
    bench = Path(__file__).resolve().parent.parent / "bench" / "eval_regroup.py"
    out = subprocess.run(
        [sys.executable, str(bench), str(small), "--built-by", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "years moved back 28" in out, out
    figures = re.findall(r"(\d+) kept, (\d+) stories: precision ([\d.]+) recall ([\d.]+)", out)
    assert len(figures) == 2, out
    kept, stories, precision, recall = figures[0]
    assert 0 < int(stories) < int(kept) and float(precision) > 0.5 and float(recall) > 0.5, out


# Three reports of one decision (written for the project): the Russian one names only the
# minister, the English one only the Director General; the Turkish one names both.
CAPITALS = [
    {
        "url": "https://icesco.org/en/2025/01/14/capitals-of-culture-2026/",
        "published": "2025-01-14T11:00:00+01:00",
        "language": "en",
        "title": "ICESCO announces Capitals of Culture in the Islamic World for 2026",
        "text": "ICESCO has announced the selection of Turkistan (Republic of Kazakhstan), "
        "Nouakchott (Islamic Republic of Mauritania) and Kano (Federal Republic of Nigeria) "
        "as Capitals of Culture in the Islamic World for 2026, representing the Asian, Arab "
        "and African regions.\n\nDr. Salim M. AlMalik, Director-General of ICESCO, "
        "congratulated the three cities, noting their rich historical legacy and vibrant "
        "cultural life.\n\nThe programme of each capital will include exhibitions, festivals "
        "and scientific conferences throughout the year.",
    },
    {
        "url": "https://www.inform.kz/ru/turkestan-stolica-kultury-2026",
        "published": "2025-01-14T14:50:00+05:00",
        "language": "ru",
        "title": "Туркестан объявлен столицей культуры исламского мира 2026 года",
        "text": "ИСЕСКО объявила Туркестан столицей культуры исламского мира 2026 года от "
        "азиатского региона, передает корреспондент агентства.\n\nМинистр культуры и "
        "информации Айгерим Сейткали поблагодарила ИСЕСКО за доверие и сообщила, что в "
        "программу года войдут международные фестивали и научные конференции.\n\nПомимо "
        "Туркестана, столицами культуры названы Нуакшот и Кано.",
    },
    {
        "url": "https://www.trthaber.com/haber/kultur/turkistan-kultur-baskenti-2026.html",
        "published": "2025-01-14T18:20:00+03:00",
        "language": "tr",
        "title": "Türkistan, 2026 İslam Dünyası Kültür Başkenti seçildi",
        "text": "Kazakistan'ın tarihi şehri Türkistan, ICESCO tarafından 2026 yılı için Asya "
        "bölgesinden İslam Dünyası Kültür Başkenti olarak belirlendi.\n\nICESCO Genel "
        "Direktörü Salim AlMalik seçilen şehirleri tebrik etti. Arap bölgesinden Nuakşot, "
        "Afrika bölgesinden ise Kano kültür başkenti seçildi.\n\nKazakistan Kültür ve "
        "Enformasyon Bakanı Aygerim Seitkali, ICESCO'ya teşekkür etti.",
    },
]


def test_a_report_that_fits_two_stories_folds_them_into_one_at_arrival(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    """The English and Russian reports name nobody in common: two stories, each alerted
    as new. The Turkish report names both people: it joins the first story, and the
    second is folded into it in the same transaction; the rule hears of the joined story
    once more, as a follow-up, never as news again."""
    monkeypatch.setenv("HOOK_SECRET", "s" * 32)
    config = _alert_config(tmp_path, "http://127.0.0.1:9/hook")
    settings = Settings(config=str(config), database_url=database_url, alert_max_age=1e6)
    app = build(settings)
    try:
        for row in CAPITALS:
            ingest(app, [row])
            if row is CAPITALS[1]:
                assert len(set(story_partition(app))) == 2  # nobody in common yet
        partition = story_partition(app)
        assert len(partition) == 1
        (story,) = partition
        with app.store.engine.connect() as conn:
            alerts = conn.execute(text("SELECT story_id, kind FROM outbox ORDER BY id")).all()
            count = conn.execute(
                text("SELECT article_count FROM story WHERE id = :s"), {"s": story}
            ).scalar_one()
        assert count == 3
        absorbed = story + 1
        # the second story's alert stays as history; the joined story gets one follow-up
        assert [tuple(a) for a in alerts] == [
            (story, "new_story"),
            (absorbed, "new_story"),
            (story, "follow_up"),
        ]
        assert merged_into(app.store.engine, absorbed) == story
    finally:
        app.close()
