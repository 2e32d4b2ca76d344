"""Alerts as values and as words: ids, payloads, subjects, text and HTML (pure, no I/O)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from monitor.alerts import Alert, alert_from_payload, new_alert, sample_alert
from monitor.alerts.message import PAYLOAD_SCHEMA, new_alert_id, payload_example
from monitor.alerts.render import (
    SUBJECT_MAX,
    header_safe,
    html_body,
    subject,
    text_body,
    truncate,
)
from monitor.classify import SURE
from monitor.config import EVENT_TYPES

NOW = datetime(2023, 10, 3, 11, 0, tzinfo=UTC)


def story(**changes: Any) -> dict[str, Any]:
    base = dict(sample_alert(NOW).payload["story"])
    base.update(changes)
    return base


def new_story(**changes: Any) -> Alert:
    return new_alert("new_story", {"story": story(**changes)}, rule="r", topics=["icesco"])


def test_alert_ids_are_msg_plus_26_time_ordered_characters() -> None:
    earlier = new_alert_id(NOW)
    later = new_alert_id(NOW + timedelta(milliseconds=1))
    assert earlier.startswith("msg_") and len(earlier) == 30
    assert earlier < later
    assert new_alert_id(NOW) != new_alert_id(NOW)


def test_an_alert_survives_a_round_trip_through_its_stored_payload() -> None:
    alert = sample_alert()
    stored = json.loads(json.dumps(alert.payload))
    again = alert_from_payload(stored)
    assert again == alert
    assert again.created_at == alert.created_at  # whole seconds, as in the payload


def test_alerts_refuse_unsafe_ids_naive_times_and_mismatched_payloads() -> None:
    with pytest.raises(ValueError, match="alert id"):
        new_alert("test", {}, alert_id="msg_1\r\nBcc: x@y")
    with pytest.raises(ValueError, match="timezone"):
        Alert("msg_1", "test", None, datetime(2023, 1, 1), {"id": "msg_1", "type": "test"})
    with pytest.raises(ValueError, match="do not match"):
        Alert("msg_1", "new_story", None, NOW, {"id": "msg_1", "type": "test"})
    with pytest.raises(ValueError, match="kind"):
        new_alert("breaking", {})


def test_the_documented_payload_example_has_every_documented_key() -> None:
    example = payload_example()
    assert json.loads(json.dumps(example)) == example
    assert example["type"] == "story.follow_up" and example["also_reported_by"] == ["Azernews"]
    keys = {*example, *example["story"], *example["story"]["articles"][0]}
    keys |= set(example["story"]["participants"][0])
    for key in keys:
        assert key in PAYLOAD_SCHEMA, key
    assert example["story"]["event_type"] in EVENT_TYPES


def test_subject_names_topic_event_surnames_and_place() -> None:
    assert subject(new_story()) == "[ICESCO] Meeting: Bayramov – AlMalik, Baku"
    call = new_story(event_type="phone_call", place=None)
    assert subject(call) == "[ICESCO] Phone call: Bayramov – AlMalik"
    assert subject(sample_alert()).startswith("[TEST] [ICESCO] Meeting: ")


def test_subject_falls_back_to_the_headline_without_participants() -> None:
    alert = new_story(participants=[], event_type="other", place="Shusha")
    assert subject(alert) == "[ICESCO] Azerbaijani FM meets ICESCO Director General in Baku, Shusha"
    named = new_story(participants=[], event_type="other")  # the headline names the place
    assert subject(named) == "[ICESCO] Azerbaijani FM meets ICESCO Director General in Baku"


def test_follow_up_digest_and_source_subjects() -> None:
    follow = new_alert(
        "follow_up", {"story": story(), "also_reported_by": ["News.az"]}, topics=["icesco"]
    )
    assert subject(follow) == "[ICESCO] Also reported: Bayramov – AlMalik, Baku (News.az)"
    digest = new_alert("digest", {"stories": [story(), story(id=13)]}, topics=["icesco"])
    assert subject(digest) == "[ICESCO] Digest: 2 stories"
    source = {"name": "Trend", "consecutive_failures": 3, "last_error": "HTTP 503"}
    failing = new_alert("source_failing", {"source": source})
    assert subject(failing) == "[monitor] Source failing: Trend (3 failures in a row)"
    recovered = new_alert("source_recovered", {"source": {**source, "consecutive_failures": 0}})
    assert subject(recovered) == "[monitor] Source recovered: Trend"
    assert "Source has recovered" in text_body(recovered)


def test_long_subjects_are_cut_at_a_word_with_an_ellipsis() -> None:
    long = new_story(participants=[], event_type="statement", headline="word " * 100)
    line = subject(long)
    assert len(line) <= SUBJECT_MAX and line.endswith("word…")
    assert truncate("short", 10) == "short"


def test_header_safe_removes_line_breaks_and_control_characters() -> None:
    hostile = "Title\r\nBcc: victim@example.org\x00\u2028\u202eevil\tend"
    assert header_safe(hostile) == "Title Bcc: victim@example.org evil end"
    assert header_safe("می\u200cخواهم") == "می\u200cخواهم"  # Persian zero-width non-joiner
    alert = new_story(headline=hostile, place="Rabat\r\nX-Evil: 1", participants=[])
    assert "\n" not in subject(alert) and "\r" not in subject(alert)


def test_text_body_has_headline_facts_first_lines_and_every_outlet() -> None:
    body = text_body(new_story())
    for expected in (
        "Azerbaijani FM meets ICESCO Director General in Baku",
        "Event: Meeting",
        "Date: 2023-10-03",
        "Place: Baku",
        "Jeyhun Bayramov (Minister of Foreign Affairs)",
        "The sides discussed cooperation",
        "- Trend: Azerbaijani FM meets",
        "  https://en.trend.az/azerbaijan/politics/3800123.html",
        "- Azernews: Bayramov, AlMalik discuss cooperation",
        "rule r",
    ):
        assert expected in body, expected


def test_an_event_type_the_monitor_is_not_sure_of_says_so() -> None:
    assert "Event: Meeting\n" in text_body(new_story(event_confidence=SURE))
    assert "Event: Meeting (not sure: 0.62)\n" in text_body(new_story(event_confidence=0.62))
    assert "Event: Meeting\n" in text_body(new_story(event_confidence=None))


def test_html_body_escapes_scraped_text_and_links_only_http_urls() -> None:
    articles = [
        {"outlet": "Evil", "url": "javascript:alert(1)", "title": "<b>x</b>"},
        {"outlet": "Trend", "url": 'https://a.example/"onmouseover=x', "title": "q"},
        {"outlet": "Good", "url": "https://ok.example/a?b=1&c=2", "title": "Tom & Jerry"},
    ]
    alert = new_story(headline="<script>alert(1)</script>", articles=articles)
    html = html_body(alert)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:" not in html.split("Evil")[1].split("</li>")[0].replace("&", "")
    assert 'href="javascript' not in html and "onmouseover" not in html.split("href=")[-1]
    assert '<a href="https://ok.example/a?b=1&amp;c=2">Tom &amp; Jerry</a>' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
