"""Synthetic story archives made from the project's own fixture text.

The English articles of ``tests/fixtures/stories/articles.jsonl`` and
``tests/fixtures/ingest/articles.jsonl`` are cut into paragraphs; the people, places,
dates and outlets in them become slots. A *story* is one event: a principal and a
counterpart from a pool of invented names (the counterpart is the real ICESCO
Director-General in a share of the stories, as in the real news, so that keys such as
``p1:almalik`` are shared by thousands of articles), a city, an event date somewhere in
six years, and wording of its own (a sentence mixed from two fixture sentences, with
numbers). A story is told by 1-4 outlets; each article takes a lead in an outlet's
style, some of the story's details, a sentence of its own, and often the shared background paragraph
("Azerbaijan joined ICESCO in 1991 ...") that must never glue unrelated stories. Some
articles are syndicated copies of another outlet's (near-duplicates that must fold).

Everything is deterministic for a seed.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from monitor.records import RawArticle

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = (
    ROOT / "tests" / "fixtures" / "stories" / "articles.jsonl",
    ROOT / "tests" / "fixtures" / "ingest" / "articles.jsonl",
)
START = date(2019, 1, 1)
SPAN_DAYS = 6 * 365
OUTLETS = (
    ("Azernews", "www.azernews.az"),
    ("Trend", "en.trend.az"),
    ("News.az", "news.az"),
    ("APA", "apa.az"),
    ("Report", "report.az"),
    ("MENAFN", "menafn.com"),
    ("Caspian News", "caspiannews.com"),
    ("Daily Sabah", "dailysabah.com"),
)
CITIES = (
    ("Rabat", "Morocco"),
    ("Casablanca", "Morocco"),
    ("Baku", "Azerbaijan"),
    ("Ganja", "Azerbaijan"),
    ("Riyadh", "Saudi Arabia"),
    ("Jeddah", "Saudi Arabia"),
    ("Ankara", "Turkey"),
    ("Istanbul", "Turkey"),
    ("Cairo", "Egypt"),
    ("Doha", "Qatar"),
    ("Tashkent", "Uzbekistan"),
    ("Astana", "Kazakhstan"),
    ("Islamabad", "Pakistan"),
    ("Jakarta", "Indonesia"),
    ("Kuala Lumpur", "Malaysia"),
    ("Amman", "Jordan"),
    ("Tunis", "Tunisia"),
    ("Dakar", "Senegal"),
    ("Paris", "France"),
    ("Geneva", "Switzerland"),
)
AZ_CITIES = ("Shusha", "Aghdam", "Fuzuli", "Lachin", "Sheki", "Gabala", "Nakhchivan", "Zangilan")
FIRST = [
    "Elvin",
    "Tural",
    "Nigar",
    "Leyla",
    "Rashad",
    "Samira",
    "Farid",
    "Gunel",
    "Orkhan",
    "Aytan",
    "Kamran",
    "Narmin",
    "Vugar",
    "Lala",
    "Ilgar",
    "Sevinj",
    "Emin",
    "Aysun",
    "Ramin",
    "Khadija",
    "Nurlan",
    "Zarina",
    "Timur",
    "Amina",
    "Bakhtiyar",
]
_ONSET = [
    "Bal",
    "Dor",
    "Fer",
    "Gul",
    "Har",
    "Jan",
    "Kem",
    "Lor",
    "Mur",
    "Nar",
    "Pol",
    "Qas",
    "Rus",
    "Sar",
    "Tul",
    "Vel",
    "Yal",
    "Zen",
    "Arz",
    "Ebr",
]
_MIDDLE = [
    "a",
    "e",
    "i",
    "o",
    "u",
    "ba",
    "de",
    "li",
    "mo",
    "ra",
    "si",
    "to",
    "va",
    "ze",
    "nu",
    "ka",
]
_ENDING = ["ov", "ova", "li", "zade", "yev", "bekov", "lu", "man", "ski", "ani"]
BACKGROUND_MARKERS = ("joined ICESCO in 1991", "works closely with other bodies")
COUNTERPART = "Salim AlMalik"  # the real Director-General: a key shared by many stories

# Fixture entities -> slots, longest first. {p1}/{p2}: full names, {p1s}/{p2s}: surnames.
_SLOTS = (
    (r"Salim bin Mohammed Al-?Malik|Salim M\. Al[Mm]alik|Salim AlMalik", "{p2}"),
    (r"Al-?[Mm]alik", "{p2s}"),
    (r"Jeyhun Bayramov|Rauf Mammadzade|Anar Karimov|Vusal Karimli|Sahiba\s+Gafarova", "{p1}"),
    (r"Bayramov|Mammadzade|Karimov|Karimli|Gafarova", "{p1s}"),
    (r"Uzeyir Hajibeyli and\s+Gara Garayev", "{p3} and {p4}"),
    (r"Aysel Mammadova", "{p3}"),
    (r"Kingdom of Morocco|Morocco", "{country}"),
    (r"\bRabat\b", "{city}"),
    (r"Aghdam and Fuzuli", "{az1} and {az2}"),
    (r"\bShusha\b", "{az1}"),
    (
        r"(?:on )?(?:January|March|October|November|December) \d{1,2}(?:, \d{4})?(?=[,.]| the| Trend)",
        "{when}",
    ),
    (r"(?:Tuesday )?30 January(?: 2024)?", "{when}"),
    (r"October 2–5 of this year", "{recall}"),
    (r"\b(?:Azernews|News\.az|APA|Trend|Report|REPORT\.AZ)(?= reports|/|\n|$)", "{outlet}"),
    (r"According to Report", "According to {outlet}"),
    (r"told Trend", "told {outlet}"),
)


@dataclass(frozen=True)
class Templates:
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    details: tuple[str, ...]
    background: tuple[str, ...]


def _slot(text: str) -> str:
    for pattern, slot in _SLOTS:
        text = re.sub(pattern, slot, text)
    return text


def load_templates() -> Templates:
    titles, leads, details, background = [], [], [], []
    for path in FIXTURES:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("language", "en") != "en" or "MENAFN" in record["text"]:
                continue  # other languages; a syndicated copy (one paragraph)
            if re.search(r"[əİıА-я]", record["title"] + record["text"]):
                continue
            titles.append(_slot(record["title"]))
            paragraphs = [p.strip() for p in re.split(r"\n\s*\n", record["text"]) if p.strip()]
            first = True
            for para in paragraphs:
                para = re.sub(r"\s*\n\s*", " ", para)
                if any(m in para for m in BACKGROUND_MARKERS):
                    background.append(para)  # kept verbatim: the trap
                    continue
                if (
                    len(para.split()) < 6
                    or "↺" in para
                    or para.startswith(("Follow", "---", "Same page"))
                ):
                    continue  # bylines, widgets, sign-offs
                slotted = _slot(para)
                if first and ("{p1}" in slotted or "{p2}" in slotted):
                    leads.append(slotted)
                    first = False
                else:
                    details.append(slotted)
    return Templates(*(tuple(dict.fromkeys(x)) for x in (titles, leads, details, background)))


def invented_names(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        surname = rng.choice(_ONSET) + rng.choice(_MIDDLE) + rng.choice(_ENDING)
        names.add(f"{rng.choice(FIRST)} {surname.capitalize()}")
    return sorted(names)


@dataclass
class Story:
    number: int
    day: date
    values: dict[str, str]
    details: list[str]
    own: str  # the story's own wording
    title: str
    outlets: list[tuple[str, str]]
    told: int = 0  # articles written so far
    texts: list[tuple[str, str]] = field(default_factory=list)  # (title, body) written


class Generator:
    """Stories and their articles, deterministic for a seed."""

    def __init__(self, seed: int = 1, *, people: int = 600, hot_share: float = 0.4) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.tpl = load_templates()
        self.people = invented_names(people)
        self.hot_share = hot_share
        self.words = sorted(
            {w for d in self.tpl.details for w in re.findall(r"[a-z]{5,}", d)} - {"reports"}
        )
        self.count = 0
        self.copies: set[str] = set()  # URLs of syndicated copies

    def _when(self, day: date) -> str:
        style = self.rng.randrange(3)
        if style == 0:
            return f"on {day:%B} {day.day}, {day.year}"
        if style == 1:
            return f"{day.day} {day:%B} {day.year}"
        return f"{day:%B} {day.day}"

    def _own(self, values: dict[str, str]) -> str:
        """A sentence only this story has: halves of two fixture sentences and numbers."""
        rng = self.rng
        a, b = rng.sample(self.tpl.details, 2)
        head = a.split(",")[0].split(" and ")[0].rstrip(".")
        tail = b.split(" and ", 1)[-1].rstrip(".")
        extra = " ".join(rng.sample(self.words, 4))
        return _fill(
            f"{head}, and {tail}; a {rng.randrange(3, 40)}-member delegation discussed "
            f"{extra} and {rng.randrange(2, 90)} joint projects worth "
            f"{rng.randrange(1, 99)}.{rng.randrange(10)} million dollars.",
            values,
        )

    def story(self) -> Story:
        rng = self.rng
        self.count += 1
        day = START + timedelta(days=rng.randrange(SPAN_DAYS))
        p1, p3, p4 = rng.sample(self.people, 3)
        p2 = COUNTERPART if rng.random() < self.hot_share else rng.choice(self.people)
        if p2 == p1:
            p2 = COUNTERPART
        city, country = rng.choice(CITIES)
        az1, az2 = rng.sample(AZ_CITIES, 2)
        recall = day - timedelta(days=rng.randrange(60, 300))
        values = {
            "p1": p1,
            "p1s": p1.split()[-1],
            "p2": p2,
            "p2s": p2.split()[-1],
            "p3": p3,
            "p4": p4,
            "city": city,
            "country": country,
            "az1": az1,
            "az2": az2,
            "recall": f"{recall:%B} {recall.day}–{recall.day + 2}",
        }
        details = rng.sample(self.tpl.details, 4)
        outlets = rng.sample(OUTLETS, 4)
        title = rng.choice(self.tpl.titles)
        return Story(self.count, day, values, details, self._own(values), title, outlets)

    def sizes(self) -> int:
        """How many articles a story gets: 1-4, most stories told once or twice."""
        return self.rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10))[0]

    def article(self, story: Story, *, namespace: str = "a") -> RawArticle:
        """The next outlet's article about ``story``."""
        rng = self.rng
        outlet, host = story.outlets[story.told % len(story.outlets)]
        story.told += 1
        published = datetime.combine(story.day, datetime.min.time(), UTC) + timedelta(
            hours=rng.randrange(6, 40), minutes=rng.randrange(60)
        )
        url = f"https://{host}/news/{namespace}{self.seed}-{story.number}-{story.told}"
        if story.texts and rng.random() < 0.12:  # syndication: a copy of an earlier article
            title, body = rng.choice(story.texts)
            body = f"({outlet}) {body}"
            self.copies.add(url)
        else:
            values = {**story.values, "outlet": outlet, "when": self._when(story.day)}
            lead = _fill(rng.choice(self.tpl.leads), values)
            picked = rng.sample(story.details, rng.randrange(2, 4))
            parts = [lead, *(_fill(d, values) for d in picked), self._own(values)]
            if rng.random() < 0.85:  # the story's own wording, in most of its reports
                parts.insert(rng.randrange(1, len(parts) + 1), story.own)
            if rng.random() < 0.35:
                parts.extend(self.tpl.background)
            title = _fill(
                story.title if rng.random() < 0.5 else rng.choice(self.tpl.titles), values
            )
            body = "\n\n".join(parts)
            story.texts.append((title, body))
        return RawArticle(
            url=url, title=title, text=body, published=published, source=outlet, language="en"
        )

    def archive(self) -> Archive:
        """An endless stream of (story, article), the articles of a story together."""
        return Archive(self)


@dataclass
class Archive:
    """The stream of :meth:`Generator.archive`; a plain object, so that it can be pickled
    with its generator and resumed where it stopped."""

    gen: Generator
    story: Story | None = None
    left: int = 0  # articles of ``story`` still to come

    def __iter__(self) -> Iterator[tuple[Story, RawArticle]]:
        return self

    def __next__(self) -> tuple[Story, RawArticle]:
        if self.story is None or self.left == 0:
            self.story = self.gen.story()
            self.left = self.gen.sizes()
        self.left -= 1
        return self.story, self.gen.article(self.story)


def _fill(template: str, values: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), template)
