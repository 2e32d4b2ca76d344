"""Text cleaning, titles, language detection, content hashes and date parsing.

The fixture texts are written for the project in the outlets' style, with their traps:
capture prefixes, font widgets, bylines, staff footers, signature lines, and real
sentences that mention an outlet or a journalist.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from monitor.errors import InputError
from monitor.normalize import (
    clean_text,
    clean_title,
    content_hash,
    detect_language,
    parse_datetime,
    range_bound,
)

LEAD = "ICESCO and Azerbaijan agreed to hold a joint forum on heritage in Ganja, Azernews reports."
SECOND = "The sides also discussed training for young restorers."

AZERNEWS_PAGE = f""" date 2024-03-12 By Azernews



By Farida Aliyeva

{LEAD}

{SECOND}

---

Farida Aliyeva is AzerNews’ staff journalist, follow her on Twitter: @faridawrites

Follow us on Twitter @AzerNewsAz
"""

NEWSAZ_PAGE = f""" date 2024-03-12 + ↺ − 16 px

{LEAD}

{SECOND}



News.Az"""


@pytest.mark.parametrize(
    ("page", "source"),
    [(AZERNEWS_PAGE, "Azernews"), (NEWSAZ_PAGE, "News.az"), (AZERNEWS_PAGE, None)],
)
def test_outlet_clutter_goes_and_the_article_stays(page: str, source: str | None) -> None:
    assert clean_text(page, source=source) == f"{LEAD}\n\n{SECOND}"


# (given, expected): one row per rule
CLEAN = [
    # Unicode and whitespace
    ("Cafe\u0301 culture", "Café culture"),  # NFC
    ("ICESCO\u200b\u2060 met\ufeff in Rabat", "ICESCO met in Rabat"),  # zero-width, BOM
    ("soft\u00adhyphen", "softhyphen"),
    ("NUL\x00 and\x07 escape\x1b\x7f\x9f gone\ud800", "NUL and escape gone"),  # controls
    ("tab\tkept\x0bvertical tab\x0cform feed\x85NEL", "tab kept\nvertical tab\nform feed\nNEL"),
    ("می\u200cشود", "می\u200cشود"),  # ZWNJ is Persian spelling: kept
    ("16\u00a0px and 2\u202f024", "16 px and 2 024"),  # NBSP, narrow NBSP
    ("one  \t two\u2003three", "one two three"),
    ("line one   \nline two\t", "line one\nline two"),  # trailing spaces, single break kept
    ("para one\r\n\r\n\r\n\r\npara two", "para one\n\npara two"),
    ("para one\n \n\t\n\npara two", "para one\n\npara two"),
    ("\n\n  text  \n\n", "text"),
    # quotes
    ("Azerbaijan’s ‘heritage’ and “Shusha”", "Azerbaijan's 'heritage' and \"Shusha\""),
    ("„Kulturhauptstadt“ 2024", '"Kulturhauptstadt" 2024'),
    ("Azerbaijan`s role", "Azerbaijan's role"),
    ("«Шуша — культурная столица»", "«Шуша — культурная столица»"),  # guillemets kept
    ("la « capitale culturelle »", "la « capitale culturelle »"),
    # capture prefixes and widgets at the start
    (" date 2023-10-05 BAKU, Azerbaijan, October 5. Talks.", "BAKU, Azerbaijan, October 5. Talks."),
    (" date 2023-10 Nazir görüşüb.", "Nazir görüşüb."),
    ("- 16 px +\n\nThe talks began.", "The talks began."),
    ("A A A\n\nThe talks began.", "The talks began."),
    ("A- A A+ The talks began.", "The talks began."),
    ("(MENAFN- Trend News Agency) BAKU, May 2. Text.", "BAKU, May 2. Text."),
    # head lines
    ("By Laman Hasanova\n\nThe talks began.", "The talks began."),
    ("By Şəbnəm Həsənova\n\nThe talks began.", "The talks began."),  # an Azerbaijani capital
    ("By Azernews\n\nBy Laman Hasanova\n\nThe talks began.", "The talks began."),
    ("By Staff reporter\n\nThe talks began.", "The talks began."),  # a desk, not a name
    ("Автор: Анар Гасанов\n\nПереговоры начались.", "Переговоры начались."),
    ("Müəllif: Leyla Əliyeva\n\nDanışıqlar başladı.", "Danışıqlar başladı."),
    ("12 March 2024 10:41 (UTC+04:00)\n\nRufat Karimli Read more\n\nTalks.", "Talks."),
    ("Date: 12 March 2024 10:41\n\nThe talks began.", "The talks began."),
    ("3 Apr. 09:15 (UTC+3 MSK)\n\nThe talks began.", "The talks began."),
    ("Azernews.Az\n\nTuesday March 12 2024\n\nThe talks began.", "The talks began."),
    # lines removed anywhere
    ("One.\n\n***\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\nRead more: ICESCO opens office in Baku\n\nTwo.", "One.\n\nTwo."),
    ("One.\nAlso read: Shusha hosts forum\nTwo.", "One.\nTwo."),
    ("One.\n\nЧитайте также: Шуша примет форум\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\nPhoto: Trend\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\n© Photo : press service of the ministry\n\nTwo.", "One.\n\nTwo."),
    (
        'One.\n<image>![image](https://president.az/i/1.jpg "Talks")</image>\nTwo.',
        "One.\nTwo.",
    ),
    ("One.\n![Shusha forum](https://example.az/u/1.jpg)\nTwo.", "One.\nTwo."),
    ("One.\n\nShare\n\nTweet\n\nShare Tweet Email\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\nПоделиться:\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\nSubscribe to our Telegram channel!\n\nTwo.", "One.\n\nTwo."),
    ("One.\n\nПодписывайтесь на наш канал в Telegram\n\nTwo.", "One.\n\nTwo."),
    # the outlet's terms of reuse and its copyright line
    (
        "Any use of materials is allowed only if there is a hyperlink to Example.az\n"
        "Example.az © 2025. .\nPOLITICS\n\nThe talks began.",
        "POLITICS\n\nThe talks began.",
    ),
    ("One.\nПри использовании материалов ссылка на Day.Az обязательна\nTwo.", "One.\nTwo."),
    ("One.\n© 2011-2025 Report.az\nTwo.", "One.\nTwo."),
    ("One.\n© Content from this site must be hyperlinked when used.\nTwo.", "One.\nTwo."),
    # tail lines
    ("Text.\n\nStay up to date with more news on Trend News Agency's WhatsApp channel", "Text."),
    ("Text.\n\nRufat Karimli is AzerNews' staff journalist, follow him on Twitter: @rk", "Text."),
    ("Text.\n\nTrend", "Text."),
    ("Text.\n\nAZERTAC", "Text."),
    ("Text.\n\nAPA", "Text."),
    ("Text.\n\nReport.az", "Text."),
    ("Text.\n\nMetbuat.az", "Text."),
    ("Text.\n\nLoading...\nLatest See more", "Text."),
    ("Text.\nTags:", "Text."),
    ("Text.\n\nSon xəbərlər\nDigər xəbərlər", "Text."),
    ("Text.\n\n512 views\nPrint:", "Text."),
    ("Trend\n\nThe talks began.", "The talks began."),  # a masthead line before the article
]


@pytest.mark.parametrize(("given", "expected"), CLEAN)
def test_clean_text_rule(given: str, expected: str) -> None:
    assert clean_text(given) == expected


# sentences that must stay as they are
KEEP = [
    LEAD,
    "The forum opened in Baku, Trend reports.",
    "By 2030 the centre will train 500 restorers.",
    "By then the guests had left Baku.\n\nText.",
    "Text.\n\nLaman Hasanova presented the report to the minister.",
    "Text.\n\nThe news agency APA reported the visit first.",
    "Text.\n\nShe is a staff journalist at the ministry's press service.",
    "Follow-up talks will follow in May.",
    "Subscribers of the library can read the manuscripts online.",
    "The Trend agency and News.az covered it.",
    "Photography exhibition opened in Rabat.",
    "The minister shared his views.",
    "Text.\n\nPrint media covered the forum widely.",
    "Text.\n\nThe ministry follows us on Twitter, he joked.",
    "Text.\n\nAny use of force was ruled out by the ministers.",
    "Text.\n\nThe manuscript © 1845 copy was shown in Baku.",
]


@pytest.mark.parametrize("text", KEEP)
def test_clean_text_keeps_real_sentences(text: str) -> None:
    assert clean_text(text) == text


def test_a_last_line_equal_to_the_source_name_goes() -> None:
    text = "The talks began.\n\nBaku Daily"
    assert clean_text(text, source="Baku Daily") == "The talks began."
    assert clean_text(text) == text


def test_clean_text_is_idempotent() -> None:
    once = clean_text(AZERNEWS_PAGE)
    assert clean_text(once) == once


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("  ICESCO   chief\nvisits   Baku ", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku - News.az", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku | Trend", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku | AzerNews", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku – Report.az", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku [PHOTOS]", "ICESCO chief visits Baku"),
        ("ICESCO chief visits Baku (VIDEO) - APA", "ICESCO chief visits Baku"),
        ("“Shusha” named cultural capital’s host", '"Shusha" named cultural capital\'s host'),
        ("Trend-setting forum opens in Baku", "Trend-setting forum opens in Baku"),
        ("Report: ICESCO to open office", "Report: ICESCO to open office"),
        ("Annual Trend", "Annual Trend"),
        ("ICESCO\x00 chief\x0bvisits Baku", "ICESCO chief visits Baku"),
    ],
)
def test_clean_title(given: str, expected: str) -> None:
    assert clean_title(given) == expected


# -- language ------------------------------------------------------------------------------

LANGUAGE = [
    (
        "en",
        "The Director-General of ICESCO met with the Minister of Culture of Azerbaijan in"
        " Rabat, and the two sides discussed cooperation in the fields of education and "
        "heritage.",
    ),
    (
        "ru",
        "Генеральный директор ИСЕСКО встретился с министром культуры Азербайджана в "
        "Рабате. Стороны обсудили сотрудничество в области образования и сохранения "
        "наследия.",
    ),
    (
        "az",
        "İSESKO-nun baş direktoru Rabatda Azərbaycanın mədəniyyət naziri ilə görüşüb. "
        "Tərəflər təhsil və irsin qorunması sahəsində əməkdaşlığı müzakirə ediblər.",
    ),
    (
        "tr",
        "İSESCO Genel Direktörü Rabat'ta Azerbaycan Kültür Bakanı ile bir araya geldi. "
        "Taraflar eğitim ve miras alanında iş birliğini ele aldı ve bu konuda ortak bir "
        "açıklama yaptı.",
    ),
    (
        "fr",
        "Le directeur général de l'ICESCO a reçu le ministre de la Culture de "
        "l'Azerbaïdjan à Rabat. Les deux parties ont examiné la coopération dans les "
        "domaines de l'éducation et du patrimoine.",
    ),
    (
        "de",
        "Der Generaldirektor der ICESCO hat den Kulturminister von Aserbaidschan in Rabat"
        " empfangen. Die beiden Seiten sprachen über die Zusammenarbeit im Bereich der "
        "Bildung und des Erbes.",
    ),
    (
        "ar",
        "استقبل المدير العام لمنظمة الإيسيسكو وزير الثقافة في جمهورية أذربيجان في مقر "
        "المنظمة بالرباط، وبحث الجانبان سبل التعاون في مجالات التربية والتراث.",
    ),
    (
        "fa",
        "مدیر کل آیسسکو با وزیر فرهنگ جمهوری آذربایجان در رباط دیدار کرد و دو طرف درباره "
        "همکاری در زمینه آموزش و میراث فرهنگی گفتگو کردند.",
    ),
    (
        "uk",
        "Генеральний директор ІСЕСКО зустрівся з міністром культури Азербайджану в "
        "Рабаті. Сторони обговорили співпрацю у галузі освіти та збереження спадщини, що "
        "є пріоритетом.",
    ),
    (
        "es",
        "El director general de la ICESCO se reunió con el ministro de Cultura de "
        "Azerbaiyán en Rabat y las dos partes hablaron de la cooperación en el ámbito de "
        "la educación.",
    ),
    (
        "hy",
        "Մշակույթի նախարարը հանդիպել է կազմակերպության գլխավոր տնօրենի հետ Ռաբաթում և "
        "քննարկել համագործակցությունը։",
    ),
    (
        "ka",
        "კულტურის მინისტრი შეხვდა ორგანიზაციის გენერალურ დირექტორს რაბატში და განიხილეს "
        "თანამშრომლობა.",
    ),
]


@pytest.mark.parametrize(("expected", "text"), LANGUAGE, ids=[row[0] for row in LANGUAGE])
def test_detect_language(expected: str, text: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(("expected", "text"), LANGUAGE, ids=[row[0] for row in LANGUAGE])
def test_a_wrong_hint_does_not_beat_clear_text(expected: str, text: str) -> None:
    wrong = "de" if expected != "de" else "en"
    assert detect_language(text, hint=wrong) == expected


def test_an_english_article_with_azerbaijani_names_is_english() -> None:
    text = (
        "President İlham Əliyev and Mehriban Əliyeva received the delegation in Şuşa, "
        "where the guests visited the Xarıbülbül festival and the restored mosques."
    )
    assert detect_language(text) == "en"


def test_an_english_article_with_one_azerbaijani_footer_line_is_english() -> None:
    text = LANGUAGE[0][1] + " " + LANGUAGE[0][1] + "\nBütün xəbərlər Facebook səhifəmizdə"
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("", None, "und"),
        ("ICESCO", None, "und"),
        ("ICESCO, Baku, 2024", None, "und"),
        ("ICESCO chief in Baku", "az", "az"),  # too short: the hint wins
        ("ICESCO chief in Baku", "EN-gb", "en"),  # hints are normalised
        ("ICESCO", "ru_RU", "ru"),
        ("   ", " ", "und"),
        # ambiguous: a Turkic text without ə and without telling words
        (
            "Azerbaycan Kültür Bakanlığı İSESCO heyetini kabul etti Bakü 2024 Şuşa festival",
            "az",
            "az",
        ),
    ],
)
def test_short_or_ambiguous_text_falls_back_to_the_hint(
    text: str, hint: str | None, expected: str
) -> None:
    assert detect_language(text, hint=hint) == expected


def test_cyrillic_without_ukrainian_letters_is_russian_even_without_stopwords() -> None:
    headline = "Президент Азербайджана принял делегацию Всемирного конгресса новостных агентств"
    assert detect_language(headline) == "ru"


# -- content hash --------------------------------------------------------------------------

BODY = "ICESCO and Azerbaijan agreed to hold a joint forum.\n\nThe sides discussed training."


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("ICESCO forum agreed", BODY), ("Forum on heritage - Trend", BODY)),  # title ignored
        (("t", BODY), ("t", BODY.replace("\n\n", "\n"))),
        (("t", BODY), ("t", "  " + BODY.replace(" ", "   ") + "\n")),
        (("t", BODY), ("t", BODY.upper())),
        (("t", "Azerbaijan’s “forum”"), ("t", 'Azerbaijan\'s "forum"')),
        (("t", "Azerbaijan`s forum, 2–5 May."), ("t", "Azerbaijan's forum 2-5 May")),
        (("t", "Ｆｏｒｕｍ"), ("t", "forum")),  # NFKC
        (("Same title", ""), ("Same  title!", "  ")),  # empty body: the title counts
    ],
)
def test_content_hash_equal(left: tuple[str, str], right: tuple[str, str]) -> None:
    assert content_hash(*left) == content_hash(*right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (("t", BODY), ("t", BODY + " It ends in May.")),
        (("t", "Forum in 2024"), ("t", "Forum in 2025")),
        (("t", "Шуша"), ("t", "Shusha")),
        (("Title A", ""), ("Title B", "")),
        (("Forum", ""), ("x", "Forum")),  # a title-only hash never equals a body hash
    ],
)
def test_content_hash_differs(left: tuple[str, str], right: tuple[str, str]) -> None:
    assert content_hash(*left) != content_hash(*right)


def test_content_hash_is_sha256_hex() -> None:
    digest = content_hash("t", BODY)
    assert len(digest) == 64
    assert int(digest, 16) >= 0


# -- dates ---------------------------------------------------------------------------------

NOW = datetime(2024, 3, 12, 12, 0, tzinfo=UTC)
BAKU = timezone(timedelta(hours=4))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-31T14:05:00Z", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("2024-01-31T14:05:00z", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("2024-01-31T18:05:00+04:00", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("2024-01-31T18:05:00+0400", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("2024-01-31T14:05:00.123456789Z", datetime(2024, 1, 31, 14, 5, 0, 123456, tzinfo=UTC)),
        ("2024-01-31", datetime(2024, 1, 31, tzinfo=UTC)),
        ("20240131", datetime(2024, 1, 31, tzinfo=UTC)),
        ("2024-01-31 14:05", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("  2024-01-31 14:05  ", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("Wed, 31 Jan 2024 18:05:00 +0400", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("Wed, 31 Jan 2024 14:05:00 GMT", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("31 Jan 2024 14:05:00 -0000", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("31.01.2024 14:05", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        ("31.01.2024", datetime(2024, 1, 31, tzinfo=UTC)),
        ("2024/01/31 14:05", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        (1706709900, datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        (1706709900.5, datetime(2024, 1, 31, 14, 5, 0, 500000, tzinfo=UTC)),
        ("1706709900", datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),
        (1706709900000, datetime(2024, 1, 31, 14, 5, tzinfo=UTC)),  # milliseconds
        (None, None),
        ("", None),
        ("   ", None),
    ],
)
def test_parse_datetime(value: str | float | None, expected: datetime | None) -> None:
    result = parse_datetime(value, now=NOW)
    assert result == expected
    if result is not None:
        assert result.tzinfo is UTC


def test_naive_values_are_read_in_the_default_zone() -> None:
    assert parse_datetime("2024-01-31 18:05", default_tz=BAKU) == datetime(
        2024, 1, 31, 14, 5, tzinfo=UTC
    )
    assert parse_datetime("2024-01-31T18:05:00Z", default_tz=BAKU) == datetime(
        2024, 1, 31, 18, 5, tzinfo=UTC
    )
    # RFC 2822 "-0000" means UTC with no local zone known, not the default zone
    assert parse_datetime("31 Jan 2024 14:05:00 -0000", default_tz=BAKU) == datetime(
        2024, 1, 31, 14, 5, tzinfo=UTC
    )


def test_the_future_limit_is_two_days_after_now() -> None:
    assert parse_datetime("2024-03-14T11:59:00Z", now=NOW) is not None
    with pytest.raises(InputError, match="future"):
        parse_datetime("2024-03-14T12:01:00Z", now=NOW)
    assert parse_datetime("2030-01-01") is not None  # without now, no future check


def test_a_naive_now_is_taken_as_utc() -> None:
    with pytest.raises(InputError, match="future"):
        parse_datetime("2024-03-20", now=datetime(2024, 3, 12))


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("yesterday", "unrecognised date/time 'yesterday'"),
        ("2024-13-45", "unrecognised"),
        ("31.02.2024", "unrecognised"),
        ("not a date at all", "unrecognised"),
        ("1989-12-31T23:00:00Z", "before 1990"),
        ("0", "before 1990"),
        (0, "before 1990"),
        (-5, "before 1990"),
        (float("nan"), "not a usable timestamp"),
        (float("inf"), "not a usable timestamp"),
        (10**20, "out of range"),
        ("9999-12-31T23:59:59-12:00", "out of range"),
        ("0001-01-01T00:00+01:00", "out of range"),
        (True, "not a date or time"),
        ([2024], "not a date or time"),
    ],
)
def test_garbage_dates_raise_input_error(value: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_datetime(value, now=NOW)  # type: ignore[arg-type]  # garbage on purpose


@pytest.mark.parametrize(
    ("value", "since", "until"),
    [
        ("2024", "2024-01-01", "2025-01-01"),
        ("2024-06", "2024-06-01", "2024-07-01"),
        ("2024-12", "2024-12-01", "2025-01-01"),
        ("2024-06-12", "2024-06-12", "2024-06-13"),
        ("20240612", "2024-06-12", "2024-06-13"),  # the compact day is a day too
        ("2024-06-12T10:00:00Z", "2024-06-12T10:00:00", "2024-06-12T10:00:00"),  # an instant
    ],
)
def test_a_filter_period_starts_and_ends_with_its_whole_period(
    value: str, since: str, until: str
) -> None:
    assert range_bound(value).isoformat().startswith(since)
    assert range_bound(value, end=True).isoformat().startswith(until)


@pytest.mark.parametrize("value", ["2024-00", "2024-06-00", "2024-13", "2024-02-30", "0000"])
def test_a_period_that_is_no_date_is_an_error(value: str) -> None:
    with pytest.raises(InputError):
        range_bound(value)
    with pytest.raises(InputError):
        range_bound(value, end=True)
