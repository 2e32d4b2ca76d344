"""Names that tell one event in any language (pure): the proper nouns of an article's
headline and lead, keyed across scripts, as hashed shingles.

Reports of one event in two languages share no wording, but they share its names: the
mausoleum of Momine Khatun (Момине-хатун, Möminə Xatun), the Book of Dede Gorgud (Деде
Горгуд), the Al-Farabi conference (Аль-Фараби). :func:`name_shingles` keys each
capitalised word of the title and the lead's first 700 characters as a person's surname
is keyed (:func:`monitor.person_names.person_key`: Latin letters, case endings dropped)
and keeps its first five letters, so that "Khojaly" and "Ходжалинской" meet. Places,
organisations, acronyms and titles are left out: they are compared elsewhere or name
nothing in particular. The numbers of the headline and lead join them (:func:`numbers`:
"45th session", "45-я сессия", "5,000 teachers"), written alike in every language, and
so do their subjects (:mod:`monitor.story_subjects`: manuscripts, рукописи and
əlyazmalar are one key), which tell more than shared wording only between two languages
(:func:`monitor.stories.same_story` counts them there).
The hashes join the article's shingles, so the archive counts in
how many stories each name occurs, and only the rare ones are compared
(:func:`monitor.stories.features`): a name in many stories ("Shusha" in the year of its
capital title) tells no event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from monitor.entities import ORGANISATIONS, is_place
from monitor.person_names import person_key
from monitor.person_titles import TITLE_RE
from monitor.shingling import _stable_hash
from monitor.story_subjects import subject_keys, subjects

LEAD_CHARS = 700
PREFIX = 5
_WORD = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-ÞƏİŞÇĞÖÜА-ЯЁ][\w'’-]{3,}")


def name_hash(word: str) -> int | None:
    """The hash a name word is kept under, or None for a word too short to tell."""
    key = person_key(word)
    return _stable_hash(f"name:{key[:PREFIX]}") if len(key) >= PREFIX else None


def name_shingles(title: str, body: str) -> frozenset[int]:
    """The hashed name keys of the headline and the lead (see the module's docstring)."""
    keys: set[str] = set()
    text = f"{title}\n{body[:LEAD_CHARS]}"
    for m in _WORD.finditer(text):
        word = m.group(0)
        if word.isupper() or is_place(word) or TITLE_RE.fullmatch(word):
            continue
        if any(pattern.search(word) for pattern in ORGANISATIONS.values()):
            continue
        key = person_key(word)
        if len(key) >= PREFIX:
            keys.add(key[:PREFIX])
    keys.update(f"#{n}" for n in numbers(text))
    keys.update(f"~{key}" for key in subjects(text))  # "рукописи", "manuscripts": one key
    return frozenset(_stable_hash(f"name:{key}") for key in keys)


# a number, its thousands grouped or not: "45", "5,000", "5 000", "1.200"
_NUMBER = re.compile(
    r"(?<![\d.,])\d{1,3}(?:[ ,.\u00a0]\d{3})+(?![\d.,]\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)"
)


def numbers(text: str) -> set[int]:
    """The numbers of ``text`` that can tell an event: a session's number, a count, an
    amount ("45th session", "19 monuments", "5,000 teachers"); not a year (1900-2100)
    nor a day of the month (below 32)."""
    found = {int(re.sub(r"\D", "", m.group(0))) for m in _NUMBER.finditer(text)}
    return {n for n in found if n >= 32 and not 1900 <= n <= 2100}


@lru_cache(maxsize=1)
def subject_hashes() -> frozenset[int]:
    """The hashes the subjects are kept under among the names."""
    return frozenset(_stable_hash(f"name:~{key}") for key in subject_keys())
