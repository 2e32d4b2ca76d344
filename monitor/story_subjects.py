"""What an event is about, in any language (pure): the subject nouns of a headline and
lead, keyed to one concept across languages.

Reports of one event in two languages share no wording and, when nobody is named, no
names either: an exhibition of manuscripts told by an English and a Russian outlet
shares "manuscripts" and "рукописи" only. :data:`SUBJECTS` maps each concept (a
manuscript, a carpet, an olympiad, a landmine) to the stems it is written with in
English, Russian, Azerbaijani, Turkish, French, German, Arabic and Persian;
:func:`subjects` finds them in text. Story matching counts them beside the names
(:func:`monitor.story_names.name_shingles`): only a subject that is rare in the archive
tells an event, so "heritage" in an organisation's news tells nothing and "carpet" in a
week of carpet news tells little.

The table lives in ``monitor/data/subjects.txt``, one concept a line: ``key: stem |
stem`` (``#`` starts a comment line). A stem matches the start of a word ("рукопис":
рукописи, рукописей); a stem with a space, a phrase whose last word starts so ("el
yazma": el yazmaları); a stem ending in ``=``, the whole word ("поэт=", not "поэтому");
a stem in Arabic script, anywhere in the text (its article and prepositions are written
joined: والمخطوطات). A stem that starts unrelated words is left out: false subjects
are worse than missed ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_TURKIC = re.compile("[İıŞşĞğƏə]")


def parse(table: str) -> dict[str, str]:
    """Each stem of ``table`` (``key: stem | stem`` lines, ``#`` comments) -> its
    concept's key; a line that is not ``key: stems`` is an error naming its number."""
    out: dict[str, str] = {}
    for number, line in enumerate(table.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, rest = line.partition(":")
        stems = [s.strip().casefold() for s in rest.split("|") if s.strip()]
        if not sep or not key.strip() or not stems:
            raise ValueError(f"subjects table, line {number}: expected 'key: stem | stem'")
        for stem in stems:
            out.setdefault(stem, key.strip())
    return out


_WORD = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")


@dataclass(frozen=True)
class _Table:
    prefixes: dict[str, str]  # stem -> key: the start of a word
    words: dict[str, str]  # a whole word ("поэт=")
    phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]]  # by first word
    arabic: dict[str, str]  # anywhere in the text, in Arabic script
    longest: int


def _build(stems: dict[str, str]) -> _Table:
    prefixes: dict[str, str] = {}
    words: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    arabic: dict[str, str] = {}
    for stem, key in stems.items():
        whole = stem.endswith("=")
        parts = tuple(stem.rstrip("=").split())
        if _ARABIC.search(stem):
            arabic[" ".join(parts)] = key
        elif len(parts) > 1:
            phrases.setdefault(parts[0], []).append((parts, whole, key))
        else:
            (words if whole else prefixes)[parts[0]] = key
    longest = max((len(s) for s in prefixes), default=0)
    return _Table(prefixes, words, phrases, arabic, longest)


@lru_cache(maxsize=1)
def _table() -> _Table:
    text = files("monitor.data").joinpath("subjects.txt").read_text(encoding="utf-8")
    return _build(parse(text))


def _starts(word: str, stem: str, whole: bool) -> bool:
    return word == stem if whole else word.startswith(stem)


def subjects(text: str) -> set[str]:
    """The concepts ``text`` names (their keys)."""
    found = _subjects(text.casefold().replace("i̇", "i"))  # a dotted capital İ folded
    if "I" in text and _TURKIC.search(text):  # "HALICILIK": a Turkish capital I is ı
        found |= _subjects(text.replace("I", "ı").casefold())
    return found


def _subjects(lowered: str) -> set[str]:
    table = _table()
    words = _WORD.findall(lowered)
    found = set()
    for i, word in enumerate(words):
        if word in table.words:
            found.add(table.words[word])
        for size in range(4, min(len(word), table.longest) + 1):
            key = table.prefixes.get(word[:size])
            if key:
                found.add(key)
        for phrase, whole, key in table.phrases.get(word, ()):
            rest = words[i + 1 : i + len(phrase)]
            if (
                len(rest) == len(phrase) - 1
                and rest[:-1] == list(phrase[1:-1])
                and _starts(rest[-1], phrase[-1], whole)
            ):
                found.add(key)
    if _ARABIC.search(lowered):
        found.update(key for stem, key in table.arabic.items() if stem in lowered)
    return found


@lru_cache(maxsize=1)
def subject_keys() -> frozenset[str]:
    """Every concept's key."""
    table = _table()
    every = (table.prefixes, table.words, table.arabic)
    phrases = {key for entries in table.phrases.values() for *_, key in entries}
    return frozenset(phrases.union(*(m.values() for m in every)))
