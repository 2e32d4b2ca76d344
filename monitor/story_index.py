"""The index keys of story matching (pure: no I/O): what an article is filed under and
what it looks up, so that a new article is compared only with the few stored articles
that share a key with it (see :mod:`monitor.stories`, which re-exports
:func:`candidate_keys` and :func:`lookup_keys`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from monitor.entities import PLACES
from monitor.person_names import consonants, skeleton
from monitor.shingling import lsh_bands

if TYPE_CHECKING:
    from monitor.stories import StoryFeatures

DATE_WINDOW = timedelta(days=3)
COUNTRIES = frozenset(p.key for p in PLACES.values() if p.key == p.country)
_WINDOW_DAYS = range(-DATE_WINDOW.days, DATE_WINDOW.days + 1)


def _index_key(person: str) -> str:
    """The key a person is indexed under: spelling variants (``mamadov``/``mamedov``,
    ``almalik``/``almaliki``) share it, and :func:`same_person` then decides."""
    key = person[:-1] if len(person) > 5 and person[-1] in "ia" else person
    return skeleton(key) if len(key) >= 6 else key


def _months(day: date) -> set[str]:
    months = {f"{day:%Y-%m}"}
    for shift in (-DATE_WINDOW, DATE_WINDOW):
        months.add(f"{day + shift:%Y-%m}")
    return months


def _people_keys(f: StoryFeatures, mark: str = "") -> set[str]:
    """Keys of an article's people whatever its date: pairs of them (``pp:``) and its
    principals (``p1:``); ``mark`` tells apart those of articles without a date."""
    keys: set[str] = set()
    people = sorted({_index_key(p) for p in f.people})
    pool = people if len(people) <= 12 else sorted({_index_key(p) for p in f.principals})
    for a in pool:
        for b in pool:
            if a < b:
                keys.add(f"{mark}pp:{a}+{b}")
    keys.update(f"{mark}p1:{_index_key(p)}" for p in (f.principals or f.people))
    return keys


def _dated_keys(f: StoryFeatures, lookup: bool = False) -> set[str]:
    """Each person, the place, the rare names and the principals' consonants in the
    months within 3 days of the article's dates; ``lookup``: the consonant keys of the
    other script (``cl:`` for Latin names, ``ca:`` for Arabic ones, each looked up by the
    other), so that a name in Arabic script meets its Latin spelling while Latin names
    gain no candidates."""
    months: set[str] = set()
    for day in (f.event_date, f.published):
        if day:
            months |= _months(day)
    keys: set[str] = set()
    leads: set[str] = set()
    for person in sorted(f.principals or f.people)[:4]:
        skeleton_ = consonants(person)
        if len(skeleton_) > 2:
            arabic = person[:1] == "~"
            leads.add(f"{'ca' if arabic != lookup else 'cl'}:{skeleton_}")
    # the event's city; for a report that puts its event nowhere, the cities it names
    spots = {f.place} if f.place else set(f.places) - COUNTRIES
    for month in months:
        keys.update(f"p:{_index_key(p)}|{month}" for p in f.people)
        keys.update(f"pl:{spot}|{month}" for spot in spots)
        keys.update(f"n:{h:x}|{month}" for h in f.names)  # a rare name in a month
        keys.update(f"{c}|{month}" for c in leads)
    return keys


def _day_key(person: str, day: date) -> str:
    return f"d:{_index_key(person)}|{day:%Y-%m-%d}"


def _day_keys(f: StoryFeatures) -> set[str]:
    """Each person on the article's day (``d:almalik|2023-10-03``): its event date, else
    its publication date, the date :func:`same_story` holds against the other's."""
    day = f.event_date or f.published
    return {_day_key(p, day) for p in f.people} if day else set()


def _near_day_keys(f: StoryFeatures) -> set[str]:
    """The day keys of the article's principals (of its people, without principals) on
    the days within 3 days of its own: the only days a report of the event can have."""
    day = f.event_date or f.published
    if day is None:
        return set()
    near = [day + timedelta(days=k) for k in _WINDOW_DAYS]
    return {_day_key(p, d) for p in f.principals or f.people for d in near}


def candidate_keys(f: StoryFeatures) -> set[str]:
    """The keys an article is filed under in the index (see :func:`lookup_keys`).

    Its LSH bands; its people whatever the date (``pp:``, ``p1:``), for the articles
    that give no date; with a date, its person-month, place-month and person-day keys
    (``p:almalik|2023-10``, ``pl:rabat|2023-10``, ``d:almalik|2023-10-03``, the day being
    the event date, else the publication date), its rare names and its principals'
    consonants by month (``n:<hash>|2023-10``, ``cl:lmlk|2023-10``); without one, its
    people once more marked undated (``upp:``, ``up1:``), for the articles that give a
    date.
    """
    has_date = f.event_date or f.published
    dated = _dated_keys(f) | _day_keys(f) if has_date else _people_keys(f, "u")
    return set(lsh_bands(f.signature)) | _people_keys(f) | dated


def lookup_keys(f: StoryFeatures) -> set[str]:
    """The keys an article looks up: it is compared only with stored articles filed under
    one of them.

    Its LSH bands, and with a date its person-month, place-month and rare-name keys, its
    principals' consonants in the other script, its principals' day keys within 3 days
    and the undated articles' people (``upp:``, ``up1:``); without a date, everyone's
    people (``pp:``, ``p1:``). A dated article never looks up ``p1:``:
    that key holds every article naming the person at any date (the Director General's,
    in thousands), and those more than three days away are vetoed anyway, while those
    close enough share a month key. A month key returns only its latest articles, so in
    a month busy with the same people (or in an archive filled out of order) a report
    finds an earlier one of its event through their day.
    """
    if f.event_date or f.published:
        near = _dated_keys(f, lookup=True) | _near_day_keys(f)
        return set(lsh_bands(f.signature)) | near | _people_keys(f, "u")
    return set(lsh_bands(f.signature)) | _people_keys(f)
