"""Topic matching: folding, tokens, the shipped icesco topic (a table of articles that must
and must not match) and the any/all/none/regex/min_score and scoring rules on small topics.

The article snippets are written for these tests in the outlets' style, with their traps:
look-alike organisations, the same words in a different order, names split by hyphens,
commas and line breaks inside the organisation's full name.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.config import MatchRule, Topic, parse_config
from monitor.match import FIELD_CAP, Matcher, fold, split_lead, tokens, validate_topic
from monitor.records import TermHit

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "sources.toml"
RULE = MatchRule()


@pytest.fixture(scope="module")
def icesco() -> Matcher:
    """The shipped icesco topic from sources.toml, with the default weights."""
    config = parse_config(SHIPPED.read_text(encoding="utf-8"), str(SHIPPED))
    return Matcher([config.topic("icesco")], RULE)


def topic(**fields: object) -> Topic:
    return Topic(name=str(fields.pop("name", "t")), **fields)  # type: ignore[arg-type]


def match_one(t: Topic, title: str, body: str = "", rule: MatchRule = RULE):
    found = Matcher([t], rule).match(title, body)
    assert len(found) <= 1
    return found[0] if found else None


# ---------------------------------------------------------------------------------------
# fold and tokens

FOLDS = [
    ("ICESCO", "icesco"),
    ("İCESCO", "icesco"),  # Azerbaijani capital dotted İ, not "i̇"
    ("ıcesco", "icesco"),  # dotless ı
    ("İSESKO-nun", "isesko-nun"),
    ("Təhsil, Elm və Mədəniyyət Təşkilatı", "tehsil, elm ve medeniyyet teskilati"),
    ("ƏLİYEV", "eliyev"),
    ("Йошкар-Ола, ЁЖ, Бакинский", "йошкар-ола, еж, бакинский"),  # й kept, ё -> е
    ("Straße", "strasse"),
    ("l’éducation “culture” — 2024–2025", 'l\'education "culture" - 2024-2025'),
    ("ICES\u00adCO", "icesco"),  # soft hyphen never splits a word
    ("أحمد إسلام آمن", "احمد اسلام امن"),  # alef forms
    ("الإِيسِيسْكُو", "الايسيسكو"),  # harakat
    ("الثقافـــة", "الثقافه"),  # tatweel, taa marbuta
    ("مستوى", "مستوي"),  # alef maqsura
    ("٢٠٢٤", "2024"),
]


@pytest.mark.parametrize(("given", "folded"), FOLDS)
def test_fold(given: str, folded: str) -> None:
    assert fold(given) == folded


def test_tokens_split_on_hyphens_apostrophes_and_digits() -> None:
    assert tokens("ICESCO-nun, ISESCO’nun Al-Malik COP29!") == [
        "icesco",
        "nun",
        "isesco",
        "nun",
        "al",
        "malik",
        "cop",
        "29",
    ]
    assert tokens("— … !") == []


# ---------------------------------------------------------------------------------------
# the shipped icesco topic

POSITIVE = [
    # acronyms, case and accent variants, suffixes
    (
        "en-acronym",
        "Minister meets delegation",
        "BAKU, 4 May. The minister received an ICESCO delegation to discuss heritage.",
    ),
    ("en-lowercase-title", "Shusha and icesco sign a roadmap", "Officials signed a document."),
    (
        "az-dotted",
        "Spiker İCESCO-nun Baş direktoru ilə görüşüb",
        "Görüşdə əməkdaşlıq müzakirə olunub.",
    ),
    ("az-dotless", "Nazir ıcesco nümayəndələrini qəbul edib", ""),
    ("az-isesko", "İSESKO-ya üzv ölkələrin nazirləri Bakıda toplaşıb", ""),
    ("tr-apostrophe", "Bakan ISESCO’nun Rabat’taki merkezini ziyaret etti", ""),
    ("az-glued-suffix", "Qərar ICESCOnun icraiyyə şurasında qəbul edilib", ""),
    ("en-possessive", "Rabat", "The ISESCO's Executive Council opened its session."),
    ("ru-acronym", "Министр принял делегацию", "В Баку прошла встреча с руководством ИСЕСКО."),
    ("fr-elision", "Visite à Rabat", "Le ministre a visité le siège de l’ISESCO à Rabat."),
    # full names: current, former, Organisation spelling, optional comma, line breaks
    (
        "en-current-oxford",
        "Rabat meeting",
        "He met the Director-General of the Islamic World Educational, Scientific, and Cultural\nOrganisation in Rabat.",
    ),
    (
        "en-current-plain",
        "Rabat meeting",
        "the Islamic World Educational Scientific and Cultural Organization said",
    ),
    (
        "en-former",
        "Capital of culture",
        "The Director General of the Islamic Educational, Scientific and Cultural Organization attended the opening.",
    ),
    (
        "en-word-order",
        "Baku",
        "the Islamic World Organization for Education, Science and Culture announced",
    ),
    (
        "fr-current",
        "Rabat",
        "Le directeur général de l’Organisation du monde islamique pour l’éducation, la science et la culture est arrivé.",
    ),
    (
        "fr-former",
        "Bakou",
        "l'Organisation islamique pour l'éducation, les sciences et la culture a tenu sa session",
    ),
    (
        "ru-current-genitive",
        "Баку",
        "заседание Исполнительного совета Организации исламского мира по вопросам образования, науки и культуры",
    ),
    (
        "ru-former",
        "Баку",
        "сессия Исламской организации по вопросам образования, науки и культуры открылась в понедельник",
    ),
    (
        "az-current",
        "Bakı",
        "İslam Dünyası Təhsil, Elm və Mədəniyyət Təşkilatının baş direktoru Bakıya gəlib.",
    ),
    ("az-ascii", "Baki", "Islam Dunyasi Tehsil, Elm ve Medeniyyet Teskilati ile emekdasliq"),
    ("az-former", "Bakı", "İslam Təhsil, Elm və Mədəniyyət Təşkilatı 1991-ci ildən"),
    ("ar-proclitic", "اجتماع في الرباط", "وقعت أذربيجان والإيسيسكو مذكرة تفاهم"),
    ("ar-bi-al", "اجتماع", "أشاد الوزير بالإيسيسكو ودورها"),
    ("ar-harakat", "اجتماع", "زار الوزير مقر الإِيسِيسْكُو في الرباط"),
    ("ar-former-name", "الرباط", "أعلنت المنظمة الإسلامية للتربية والعلوم والثقافة"),
    ("ar-current-name", "الرباط", "المدير العام لمنظمة العالم الإسلامي للتربية والعلوم والثقافة"),
    ("fa-acronym", "دیدار در رباط", "وزیر با هیئت ایسسکو دیدار کرد"),
    ("fa-current-name", "رباط", "مدیرکل سازمان آموزشی، علمی و فرهنگی جهان اسلام گفت"),
    # the Director General under his spellings
    ("dg-one-token", "President receives Dr AlMalik", "The sides discussed cooperation."),
    ("dg-almalik-lower", "Rabat", "Dr Almalik thanked the minister."),
    ("dg-hyphen", "Baku", "Director General Salim Al-Malik said at a press conference."),
    ("dg-initial", "Baku", "Salim M. Al Malik arrived in Baku on Saturday."),
    ("dg-full", "Rabat", "she met Salim bin Mohammed Al Malik at the headquarters"),
    ("dg-maliki-misspelt", "Rabat", "met with Salim bin Mohammed al-Maliki, Director General"),
    ("dg-muhammad", "Rabat", "Dr. Salim bin Muhammad Al-Malik opened the forum"),
    ("dg-az", "Bakı", "Baş direktor Salim bin Məhəmməd əl-Maliki ilə görüşüb"),
    ("dg-ru", "Баку", "генеральный директор Салим бин Мохаммед аль-Малик заявил"),
    ("dg-ar", "الرباط", "استقبل سالم بن محمد المالك الوزير"),
    ("dg-fa", "تهران", "سالم بن محمد الملک در تهران گفت"),
]

NEGATIVE = [
    (
        "unesco",
        "Minister meets UNESCO Director-General",
        "The United Nations Educational, Scientific and Cultural Organization (UNESCO) praised Baku.",
    ),
    (
        "unesco-ru",
        "Встреча в Париже",
        "Организации Объединённых Наций по вопросам образования, науки и культуры (ЮНЕСКО)",
    ),
    (
        "unesco-fr",
        "Paris",
        "l'Organisation des Nations unies pour l'éducation, la science et la culture",
    ),
    ("unesco-az", "Paris", "BMT-nin Təhsil, Elm və Mədəniyyət Məsələləri üzrə Təşkilatı (UNESCO)"),
    (
        "alecso",
        "ALECSO holds conference",
        "The Arab League Educational, Cultural and Scientific Organization (ALECSO) renewed its Director-General.",
    ),
    ("alecso-ar", "تونس", "المنظمة العربية للتربية والثقافة والعلوم"),
    (
        "oic",
        "OIC Secretary General statement",
        "The Organisation of Islamic Cooperation recalled the Khojaly tragedy. The Islamic world stands with Azerbaijan.",
    ),
    (
        "oic-culture-capital",
        "Nakhchivan - Capital of Islamic Culture 2018",
        "OIC culture ministers chose the city as the capital of Islamic culture.",
    ),
    (
        "solidarity-games",
        "Islamic Solidarity Games open in Konya",
        "Athletes from the Islamic world, educational and cultural events.",
    ),
    (
        "idb",
        "Islamic Development Bank funds school",
        "The bank supports educational, scientific and cultural projects.",
    ),
    (
        "turksoy",
        "Shusha named Cultural Capital of the Turkic World",
        "TURKSOY's Permanent Council decided.",
    ),
    (
        "other-al-malki",
        "Saeed Al-Malki appointed cultural attache",
        "Al-Malki has a PhD in education.",
    ),
    ("other-al-malik", "Abdullah Al-Malik opens gallery", "Mr Al Malik thanked the visitors."),
    ("other-salim-maliki", "Salim al-Maliki visits Baghdad", "The Iraqi official met students."),
    ("esco-word", "ESCO skills taxonomy", "The European ESCO classification was updated."),
    (
        "mixed-words",
        "Islamic culture week",
        "An Islamic event on educational, scientific and cultural organization of schools in the world.",
    ),
]


@pytest.mark.parametrize(("case", "title", "body"), POSITIVE, ids=[c[0] for c in POSITIVE])
def test_icesco_finds(icesco: Matcher, case: str, title: str, body: str) -> None:
    found = icesco.match(title, body)
    assert [m.topic for m in found] == ["icesco"], case
    assert found[0].score >= 1 and found[0].hits


@pytest.mark.parametrize(("case", "title", "body"), NEGATIVE, ids=[c[0] for c in NEGATIVE])
def test_icesco_ignores(icesco: Matcher, case: str, title: str, body: str) -> None:
    assert icesco.match(title, body) == [], case


def test_icesco_hits_explain_the_match(icesco: Matcher) -> None:
    body = (
        "BAKU, 2 October. The president received Salim bin Mohammed AlMalik, Director "
        "General of the Islamic World Educational, Scientific and Cultural Organization "
        "(ICESCO).\n" + "Background paragraph. " * 20 + "ICESCO was founded in 1979; ICESCO "
        "is based in Rabat."
    )
    [found] = icesco.match("President meets ICESCO chief", body)
    assert found.hits == (
        TermHit("ICESCO", "title", 1),
        TermHit("AlMalik", "lead", 1),
        TermHit("Islamic World Educational, Scientific and Cultural Organi*", "lead", 1),
        TermHit("ICESCO", "lead", 1),
        TermHit("ICESCO", "body", 2),
    )
    assert found.score == 3 * 1 + 2 * 2 + 1 * 2


# ---------------------------------------------------------------------------------------
# terms: whole words, phrases, wildcards, Arabic proclitics


@pytest.mark.parametrize(
    ("term", "text", "hits"),
    [
        ("ESCO", "UNESCO and ICESCO", False),
        ("UNESCO", "the UNESCO-listed site", True),
        ("ICESCO", "two ICESCOs", False),
        ("ICESCO*", "two ICESCOs", True),
        ("ICESCO", "ICESCO’s council", True),
        ("Organi*", "Organisation", True),
        ("Organi*", "organ", False),
        ("Educational, Scientific and Cultural", "educational scientific and\n cultural", True),
        ("Educational Scientific and Cultural", "Educational, Scientific, and Cultural", True),
        ("Educational, Scientific and Cultural", "Educational, Cultural and Scientific", False),
        ("Al-Malik", "AlMalik", False),
        ("Al Malik", "al-malik", True),
        ("COP29", "COP 29 in Baku", True),
        ("إيسيسكو", "والإيسيسكو", True),
        ("الإيسيسكو", "للإيسيسكو", True),
        ("الإيسيسكو", "إيسيسكو", True),
        ("للتربية والعلوم", "للتربية والعلوم", True),
        ("إيسيسكو", "إيسيسكوات", False),
        ("Бакинский", "бакинский форум", True),
        ("Бакинский", "бакинскии форум", False),  # й is not и
    ],
)
def test_terms_are_whole_words(term: str, text: str, hits: bool) -> None:
    assert (match_one(topic(any=(term,)), "", text) is not None) is hits


def test_phrase_may_run_from_lead_into_body_but_not_from_title() -> None:
    rule = MatchRule(lead_chars=12)
    found = match_one(
        topic(any=("Islamic World Educational",)), "x", "aaaa Islamic World Educational", rule
    )
    assert found is not None and found.hits == (TermHit("Islamic World Educational", "lead", 1),)
    assert match_one(topic(any=("Baku ICESCO",)), "Meeting in Baku", "ICESCO met") is None


def test_lead_is_cut_at_a_word_boundary() -> None:
    assert split_lead("aaaa bbbb ICESCO tail", 12) == ("aaaa bbbb ", "ICESCO tail")
    assert split_lead("short", 400) == ("short", "")
    assert split_lead("abcdefgh rest", 3) == ("abcdefgh", " rest")
    found = match_one(topic(any=("ICESCO",)), "", "aaaa bbbb ICESCO tail", MatchRule(lead_chars=12))
    assert found is not None and found.hits == (TermHit("ICESCO", "body", 1),)


# ---------------------------------------------------------------------------------------
# any / all / none / regex / min_score


def test_all_terms_must_each_be_found() -> None:
    t = topic(any=("ICESCO",), all=("Shusha", "Heritage"))
    assert match_one(t, "ICESCO in Shusha", "World heritage list") is not None
    assert match_one(t, "ICESCO in Shusha", "A concert.") is None
    found = match_one(t, "ICESCO in Shusha", "Heritage")
    assert found is not None
    assert set(found.terms()) == {"ICESCO", "Shusha", "Heritage"}


def test_all_alone_is_a_topic() -> None:
    t = topic(all=("Shusha", "capital"))
    assert match_one(t, "Shusha named capital", "") is not None
    assert match_one(t, "Shusha festival", "") is None


def test_none_excludes_whole_words_only() -> None:
    t = topic(any=("Islamic world",), none=("OIC", "Solidarity Games"))
    assert match_one(t, "Islamic world forum", "The OIC chair spoke.") is None
    assert match_one(t, "Islamic world forum", "The Islamic Solidarity\nGames") is None
    assert match_one(t, "Islamic world forum", "A voice for solidarity.") is not None


def test_regex_hits_record_the_folded_matched_text() -> None:
    t = topic(regex=r"\bi[cs]esco\w*")
    found = match_one(t, "İCESCO-nun iclası", "ISESCOnun qərarı, isesconun")
    assert found is not None
    assert found.hits == (
        TermHit("icesco", "title", 1),
        TermHit("isesconun", "lead", 2),
    )
    assert match_one(t, "UNESCO", "") is None


def test_hits_are_ordered_title_lead_body_whatever_found_them() -> None:
    t = topic(any=("Rabat",), regex=r"\bicesco\b")
    found = match_one(t, "ICESCO session", "Rabat, 3 May. " + "x " * 300 + "ICESCO ended.")
    assert found is not None
    assert [(h.term, h.field) for h in found.hits] == [
        ("icesco", "title"),
        ("Rabat", "lead"),
        ("icesco", "body"),
    ]


def test_regex_is_an_alternative_to_any() -> None:
    t = topic(any=("ISESCO",), regex=r"\bicesco\b")
    assert match_one(t, "ICESCO", "") is not None
    assert match_one(t, "ISESCO", "") is not None
    assert match_one(t, "ALECSO", "") is None


def test_min_score_weighs_where_a_term_is_found() -> None:
    t = topic(any=("ICESCO",), min_score=3)
    assert match_one(t, "", "ICESCO was mentioned once.") is None  # lead: 2
    assert match_one(t, "", "ICESCO and ICESCO again.") is not None  # lead: 2 * 2
    assert match_one(t, "ICESCO", "") is not None  # title: 3


def test_title_outweighs_many_body_mentions() -> None:
    t = topic(any=("ICESCO",))
    filler = "Other news from the region and background. " * 12
    in_title = match_one(t, "ICESCO chief visits Baku", filler)
    deep = match_one(t, "Minister's week", filler + "ICESCO was mentioned. " * 20)
    assert in_title is not None and deep is not None
    assert deep.hits == (TermHit("ICESCO", "body", 20),)
    assert deep.score == RULE.body_weight * FIELD_CAP
    assert in_title.score > deep.score


def test_weights_come_from_the_rule() -> None:
    rule = MatchRule(title_weight=10, lead_weight=0, body_weight=0)
    found = match_one(topic(any=("ICESCO",)), "ICESCO", "ICESCO", rule)
    assert found is not None and found.score == 10


def test_matches_come_back_in_topic_order() -> None:
    topics = [
        topic(name="b", any=("Shusha",)),
        topic(name="a", any=("ICESCO",)),
        topic(name="c", any=("UNESCO",)),
    ]
    found = Matcher(topics, RULE).match("ICESCO in Shusha", "")
    assert [m.topic for m in found] == ["b", "a"]
    assert Matcher([], RULE).match("ICESCO", "body") == []


# ---------------------------------------------------------------------------------------
# validation


@pytest.mark.parametrize(
    ("t", "problem"),
    [
        (topic(), "empty"),
        (topic(none=("OIC",)), "empty"),
        (topic(any=("ICESCO",), regex="icesco("), "does not compile"),
        (topic(any=("ICESCO", "— !")), "no letters or digits"),
        (topic(any=("ICESCO",), none=("…",)), "no letters or digits"),
        (topic(any=("ICES *",)), "may only end a word"),
        (topic(any=("I*",)), "needs 2+ letters"),
        (topic(any=("ICESCO",), min_score=-1), "negative"),
    ],
)
def test_validate_topic_reports_problems(t: Topic, problem: str) -> None:
    problems = validate_topic(t)
    assert problems and problem in " ".join(problems)


def test_validate_topic_accepts_a_good_topic() -> None:
    assert validate_topic(topic(any=("Organi*", "ICESCO"), regex=r"\bisesko\b")) == []
    assert validate_topic(topic(all=("Shusha",))) == []


def test_eval_topics_scores_the_shipped_topic_on_a_labelled_set(tmp_path: Path) -> None:
    """bench/eval_topics.py reads the topic from the shipped sources.toml, as `monitor run`
    does, and counts a report that names the organisation only in Azerbaijani as found."""
    rows = [
        {
            "id": "az-named",
            "title": "Nazir İSESKO-nun baş direktoru ilə görüşüb",
            "text": "Bakı. Nazir İSESKO-nun baş direktoru ilə Rabatda görüşüb.",
            "topic_icesco": True,
        },
        {
            "id": "unesco-only",
            "title": "Minister meets UNESCO Director-General",
            "text": "The minister met the UNESCO Director-General in Paris on Monday.",
            "topic_icesco": False,
        },
        {"id": "left-out", "title": "Logo chosen", "text": "A logo.", "topic_icesco": None},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "eval_topics.py"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "2 labelled articles (1 null left out)" in out
    assert "matcher: precision 1.000  recall 1.000" in out
    assert "naive: precision 1.000  recall 0.000" in out
    assert "false negative: az-named" in out
