"""Places, organisations and dates found in article text (pure: no I/O, no clock).

Helpers for :mod:`monitor.classify`; every table is small and general, one line to extend.
People are read in :mod:`monitor.entity_people`.

- ``translit(text)``: lower-case Latin form of a text in any script the outlets use
  (Cyrillic and Azerbaijani letters transliterated, accents dropped): what names and
  places are compared in.
- ``find_places(text)``: the places of :mod:`monitor.gazetteer` (Azerbaijani cities,
  capitals of OIC members, large world cities, each with its country) in ``text``;
  ``is_place(word)`` for one word, ``is_country_word(word)`` for a country's adjective
  or genitive.
- ``ORGANISATIONS``: the organisations a text names (ICESCO, UNESCO, the OIC ... in their
  spellings and languages), by key.
- ``place_hits(text)``: the same with each name's span, for
  :func:`monitor.entity_places.lead_place` (the place of the event a lead tells).
- ``find_dates(text, published)``: dated phrases with a weight by kind and position; in
  :mod:`monitor.entity_dates` with the month tables, re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from monitor.entity_dates import MONTHS as MONTHS  # re-exported, like the names below
from monitor.entity_dates import YEAR_UNKNOWN as YEAR_UNKNOWN
from monitor.entity_dates import DateHit as DateHit
from monitor.entity_dates import find_dates as find_dates
from monitor.gazetteer import Place, capital_places, country_words, load_places

_CYR_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia"
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _CYR_LATIN.split(" "), strict=True))
_AZ = {"ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "x": "kh", "q": "g", "ö": "o", "ü": "u"}
_TRANSLIT = str.maketrans({k: ("" if v == "-" else v) for k, v in (_CYR | _AZ).items()})


@lru_cache(maxsize=4096)
def translit(text: str) -> str:
    """Lower-case Latin form of ``text``: Cyrillic and Azerbaijani letters, no accents."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("i̇", "i").translate(_TRANSLIT))
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("dzh", "j")


PLACES: dict[str, Place] = load_places(translit)
PLACES.update(capital_places(PLACES, translit))  # "the Saudi capital", "в столице Марокко"
# Russian case forms of names in -a: "в Москве", "в Астане", "в Шуше", "в Уфе"
PLACES.update(
    {
        name[:-1] + ending: place
        for name, place in list(PLACES.items())
        if name.endswith("a") and len(name) >= 3 and " " not in name
        for ending in ("e", "u", "y", "oi")
        if name[:-1] + ending not in PLACES
    }
)


def _trie(words: list[str]) -> str:
    """One regex for ``words`` as a prefix tree: "ba(?:k(?:ou?|ı)|...)". A long list of
    plain alternatives is tried one by one at every position; the tree shares their
    prefixes. Longer words are tried first, as in an alternation sorted by length."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return pattern(tree)


# a spelling (group 1) with a case ending; an Arabic name may carry a proclitic: "بالرباط"
# (in Rabat), "والرباط"
PLACE_TEMPLATE = (
    r"(?<![\w-])(?:[وبفك](?=ال))?({})(?:da|də|ta|tə|dan|dən|ya|yə|e|a|u|ı|i|y|ın|in|nın|nin"
    r"|un|ün|dakı|dəki|takı|təki|daki|taki)?(?!\w)"
)
_PLACE_RE = re.compile(PLACE_TEMPLATE.format(_trie(list(PLACES))), re.IGNORECASE)


def is_place(word: str) -> bool:
    """Whether ``word`` is a gazetteer place in any of its spellings and case endings."""
    return bool(_PLACE_RE.fullmatch(translit(word)))


_COUNTRY_WORDS = country_words(translit)
_COUNTRY_STEMS = tuple(w[:-1] for w in _COUNTRY_WORDS if w.endswith("*"))


def is_country_word(word: str) -> bool:
    """Whether ``word`` is a country's adjective or genitive ("Egyptian", "Египта",
    "египетского"): no part of a person's name."""
    folded = translit(word.strip(".,"))
    return folded in _COUNTRY_WORDS or folded.startswith(_COUNTRY_STEMS)


def find_places(text: str) -> list[tuple[Place, int]]:
    """Gazetteer places in ``text`` with their offsets (in ``translit(text)``), in order."""
    return [(place, start) for place, start, _ in place_hits(text)]


_ORGS = {
    "icesco": r"icesco|isesco|исеско|исеско|isesko|icesko|islamic (?:world )?educational,? "
    r"scientific,? and cultural organi[sz]ation|الإيسيسكو|ايسيسكو|إيسيسكو|[آا]ی?سی?سکو"
    r"|سازمان آموزشی،? علمی و فرهنگی جهان اسلام"
    # the full name in Russian, Azerbaijani, French and Arabic (its start is enough: a
    # title before it ends there, "генеральным директором Организации исламского мира")
    r"|организаци\w* исламского мира по вопросам образования"
    r"|islam dünyası təhsil,? elm və mədəniyyət təşkilat\w*"
    r"|organisation du monde islamique pour l'éducation"
    r"|منظمة العالم الإسلامي للتربية",
    "unesco": r"unesco|юнеско|yunesko",
    "oic": r"\boic\b|\bоис\b|\boci\b|\bi̇əT\b|islamic cooperation|исламского сотрудничества"
    r"|islam əməkdaşlıq|coopération islamique|التعاون الإسلامي",
    "alecso": r"alecso|алекcо|алексо",
    "turksoy": r"turksoy|тюрксой|türksoy",
    "un": r"\bunited nations\b|\bоон\b|\bbmt\b",
    "heydar-aliyev-foundation": r"heydar aliyev foundation|фонд\w* гейдара алиева"
    r"|heydər əliyev fondu",
    "isdb": r"islamic development bank|\bisdb\b",
}
# the organisations an article names, by key
ORGANISATIONS = {k: re.compile(v, re.IGNORECASE) for k, v in _ORGS.items()}


def place_hits(text: str) -> list[tuple[Place, int, int]]:
    """Gazetteer places in ``text`` with their span in ``translit(text)``, in order."""
    return [
        (PLACES[m.group(1)], m.start(1), m.end(1))
        for m in _PLACE_RE.finditer(translit(text))
        if m.group(1) in PLACES
    ]
