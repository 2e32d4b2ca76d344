"""Subjects of a headline and lead keyed across languages (monitor.story_subjects), and
what they do for stories told in two languages."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from test_stories import _told

from monitor.classify import classify
from monitor.stories import features, same_story
from monitor.story_names import name_shingles, subject_hashes
from monitor.story_subjects import parse, subject_keys, subjects


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Rare manuscripts go on show", "manuscript"),
        ("Редкие рукописи представлены на выставке", "manuscript"),
        ("Nadir əlyazmalar nümayiş olunur", "manuscript"),
        ("Nadir el yazmaları sergileniyor", "manuscript"),  # a phrase, its end inflected
        ("عرض مخطوطات نادرة", "manuscript"),  # inside a word: its article joined
        ("والمخطوطات", "manuscript"),
        ("نسخه‌های خطی", "manuscript"),  # Persian, a zero-width non-joiner inside
        ("Azerbaijani carpet weaving", "carpet"),
        ("Азербайджанское ковроткачество", "carpet"),
        ("Azərbaycan xalçaçılığı", "carpet"),
        ("HALICILIK SERGİSİ", "carpet"),  # Turkish capitals, the dotted İ folded
        ("Der Dichter las", "poetry"),
    ],
)
def test_a_subject_is_one_key_in_every_language(text: str, key: str) -> None:
    assert key in subjects(text)


@pytest.mark.parametrize(
    "text",
    [
        "поэтому",
        "The bridge between cultures",
        "Le prix du pain",
        "28 mayın Müstəqillik Günü",  # Azerbaijani "of May", Turkish "mayın" is a mine
        "نتمنى له السلامة وسلامته",  # Arabic "his safety": Persian سلامت is health
    ],
)
def test_a_word_that_only_starts_like_a_subject_is_none(text: str) -> None:
    assert not subjects(text)


def test_the_shipped_table_holds_each_stem_once_and_no_short_latin_stem() -> None:
    from importlib.resources import files

    table = files("monitor.data").joinpath("subjects.txt").read_text(encoding="utf-8")
    stems = parse(table)
    lines = [line for line in table.splitlines() if line.strip() and not line.startswith("#")]
    written = [s.strip() for line in lines for s in line.split(":", 1)[1].split("|")]
    assert len(written) == len(stems)  # no stem in two concepts, none twice
    short = [s for s in stems if len(s.rstrip("=")) < 4 and not re.search("[\u0600-\u06ff]", s)]
    assert not short, short
    assert len(subject_keys()) >= 100


def test_a_table_line_without_stems_is_an_error_naming_its_line() -> None:
    with pytest.raises(ValueError, match="line 2: expected 'key: stem | stem'"):
        parse("carpet: carpet | ковер\nmanuscript\n")


def _exhibition(language: str) -> object:
    """An exhibition told by two outlets a day apart, nobody named, no city."""
    if language == "en":
        return _told(
            "Exhibition of Azerbaijani carpets opens",
            "An exhibition of Azerbaijani carpets organised with ICESCO opened to visitors, "
            "showing pieces woven over three centuries.",
            datetime(2031, 4, 8, 12),
        )
    return _told(
        "Azərbaycan xalçalarının sərgisi açılıb",
        "İSESKO ilə birgə təşkil olunan Azərbaycan xalçaları sərgisi ziyarətçilərin üzünə "
        "açılıb. Sərgidə üç əsr ərzində toxunmuş xalçalar nümayiş olunur.",
        datetime(2031, 4, 9, 10),
        "az",
    )


def test_reports_in_two_languages_meet_by_their_subjects() -> None:
    english, azerbaijani = _exhibition("en"), _exhibition("az")
    assert not english.people and not azerbaijani.people and not english.place
    shared = english.names & azerbaijani.names
    assert shared and shared <= subject_hashes()  # nothing but the subjects in common
    same, _, why = same_story(english, azerbaijani)
    assert same, why
    # a subject stays rare in up to a tenth of the archive's stories, a name in 1%
    title = "Exhibition of Azerbaijani carpets opens in the Gulustan Palace"
    body = "An exhibition of carpets opened in the Gulustan Palace."
    when = datetime(2031, 4, 8, 12)
    info = classify(title, body, "en", when)
    every = name_shingles(title, body)
    subjects_here = every & subject_hashes()
    assert subjects_here and every - subjects_here  # "carpet", "exhibition"; "Gulustan"
    seen_in_5 = features(title, body, "en", when, info, dict.fromkeys(every, 5), 100)
    assert seen_in_5.names == subjects_here
    seen_in_20 = features(title, body, "en", when, info, dict.fromkeys(every, 20), 100)
    assert not seen_in_20.names


def test_in_one_language_shared_subjects_alone_make_no_story() -> None:
    """Two English reports of two carpet exhibitions: the wording they share is compared
    already; the subjects count between languages only."""
    first = _exhibition("en")
    other = _told(
        "Carpet exhibition held in the capital",
        "A carpet exhibition dedicated to the art of weaving was held with the support of "
        "the cultural foundation.",
        datetime(2031, 4, 9, 9),
    )
    assert first.names & other.names
    assert not same_story(first, other)[0]
