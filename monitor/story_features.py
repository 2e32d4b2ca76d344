"""What story matching reads of one article (pure): its :class:`StoryFeatures`, built
by :func:`features` from the text and the classifier's reading, stored with the article
(``monitor.clustering`` packs them) and compared by :mod:`monitor.stories`.

The wording's shingles and MinHash signature (boilerplate discounted by the archive's
counts), the event's type, date, place and people, and the rare names, numbers and
subjects of the headline and lead (:mod:`monitor.story_names`): only a name in fewer than
:data:`RARE_NAME` stories (or :data:`RARE_SHARE` of them; a subject, :data:`SUBJECT_SHARE`)
is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from monitor.classify import EventInfo
from monitor.person_names import name_key
from monitor.shingling import boilerplate_filter, minhash, paragraph_shingles
from monitor.story_names import name_hash, name_shingles, subject_hashes

RARE_NAME, RARE_SHARE = 3, 0.01  # a name in fewer stories than this (or this share) is rare
# a subject is kept in up to a tenth of the stories: "exhibition" is no name, but two
# reports in two languages of one day that both tell of one still say much
SUBJECT_SHARE = 0.1


def _rare(name: int, stories: int) -> float:
    """In how many stories a name (or a subject) may be found and still be rare."""
    share = SUBJECT_SHARE if name in subject_hashes() else RARE_SHARE
    return max(RARE_NAME, share * stories)


# What :func:`features` reads, by release (2: the headline's numbers and rare names; 3:
# more titles, a report placing its event nowhere filed under the cities it names; 4: the
# subjects of the headline and lead among the names): older stored features are built and
# filed again by ``monitor reclassify``.
READING = 4


@dataclass(frozen=True)
class StoryFeatures:
    """What story matching needs of one article; every field can be stored and reloaded."""

    language: str
    published: date | None
    event_date: date | None
    month_day: tuple[int, int] | None
    event_type: str
    type_confidence: float
    people: frozenset[str]
    principals: frozenset[str]
    initials: tuple[tuple[str, str], ...]  # (person key, first-name initial) pairs
    organisations: frozenset[str]
    place: str | None
    country: str | None
    places: frozenset[str]
    shingles: frozenset[int]
    content: frozenset[int]
    signature: tuple[int, ...]
    names: frozenset[int] = frozenset()  # rare names of the headline and lead, hashed
    place_dateline: bool = False  # the place is only a capital's dateline (EventInfo's)


def features(
    title: str,
    body: str,
    language: str,
    published: datetime | date | None,
    event_info: EventInfo,
    df: Mapping[int, int],
    n: int,
    *,
    known_boilerplate: Iterable[frozenset[int]] = (),
    named: frozenset[int] | None = None,
) -> StoryFeatures:
    """Build the features of one article from its text and :func:`classify` result
    (``named``: its :func:`monitor.story_names.name_shingles`, when the caller has them)."""
    paragraphs = paragraph_shingles(f"{title}\n{body}")
    named = name_shingles(title, body) if named is None else named
    full = frozenset().union(*paragraphs) if paragraphs else frozenset()
    initials: set[tuple[str, str]] = set()
    for p in event_info.participants:
        key, initial = name_key(p.name)
        if initial:
            initials.add((key, initial))
    # the people are compared as people: their names are not the event's
    people_names = {name_hash(w) for p in event_info.participants for w in p.name.split()}
    pub = published.date() if isinstance(published, datetime) else published
    content = boilerplate_filter(paragraphs, df, n, known=known_boilerplate)
    return StoryFeatures(
        language=language,
        published=pub,
        event_date=event_info.event_date,
        month_day=event_info.month_day,
        event_type=event_info.event_type,
        type_confidence=event_info.confidence,
        people=event_info.people,
        principals=event_info.principals,
        initials=tuple(sorted(initials)),
        organisations=event_info.organisations,
        place=event_info.place.casefold() if event_info.place else None,
        country=event_info.country,
        places=event_info.places,
        shingles=full,
        content=content,
        # LSH bands from the rare wording: shared boilerplate makes no band collisions
        signature=minhash(content or full),
        names=frozenset(h for h in named - people_names if df.get(h, 0) < _rare(h, n)),
        place_dateline=event_info.place_dateline,
    )
