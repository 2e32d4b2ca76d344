"""Names, places, organisations and dates found in article text (pure: no I/O, no clock).

Helpers for :mod:`monitor.classify`; every table is small and general, one line to extend.

- ``person_key(name)``: the Latin key of a surname in any script and case. Cyrillic and
  Azerbaijani letters are transliterated, accents dropped, the Arabic article joined
  (``Al-Malik``, ``al Malik``, ``AlMalik``, ``əl-Maliki`` -> ``almalik``/``almaliki``),
  ``y``/``й`` read as ``i``, *h* as *g* (Russian writes Hajiyev ``Гаджиев``) and
  Azerbaijani *c* as *j* (``Hacıyev``), so ``Aliyev``/``Əliyev``/``Алиев`` and
  ``Hajiyev``/``Hacıyev``/``Гаджиев`` give one key each; Russian and Azerbaijani case
  endings are dropped (``Алиевым``, ``Bayramovun``). ``same_person`` also lets *a* and
  *e* differ in long keys (``Məmmədov``/``Мамедов``); ``initial_of`` compares first-name
  initials across scripts (``Ceyhun``/``Jeyhun``).
- ``find_people(text)``: capitalised runs of 2-4 words (with ``bin``, ``M.``, ``al-``)
  that follow a title word (President, Minister, Director-General, министр, səfir...), sit
  before ", <title>", or look like surnames (``-ov``, ``-yev``, ``-zade``, ``Al...``).
- ``find_places(text)``: the places of :mod:`monitor.gazetteer` (Azerbaijani cities,
  capitals of OIC members, large world cities, each with its country) in ``text``.
- ``ORGANISATIONS`` and ``organisation_near(text, start)``: the organisations a text
  names (ICESCO, UNESCO, the OIC ... in their spellings and languages), and the one
  named nearest to a person.
- ``place_hits(text)``: the same with each name's span, for
  :func:`monitor.entity_places.lead_place` (the place of the event a lead tells).
- ``find_dates(text, published)``: dated phrases with a weight by kind and position; in
  :mod:`monitor.entity_dates` with the month tables, re-exported here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from monitor.entity_dates import MONTHS as MONTHS  # re-exported, like the names below
from monitor.entity_dates import YEAR_UNKNOWN as YEAR_UNKNOWN
from monitor.entity_dates import DateHit as DateHit
from monitor.entity_dates import find_dates as find_dates
from monitor.gazetteer import Place, load_places

_CYR_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch - y - e iu ia"
_CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", _CYR_LATIN.split(" "), strict=True))
_AZ = {"ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "x": "kh", "q": "g", "ö": "o", "ü": "u"}
_TRANSLIT = str.maketrans({k: ("" if v == "-" else v) for k, v in (_CYR | _AZ).items()})


@lru_cache(maxsize=4096)
def translit(text: str) -> str:
    """Lower-case Latin form of ``text``: Cyrillic and Azerbaijani letters, no accents."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("i̇", "i").translate(_TRANSLIT))
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("dzh", "j")


_ARTICLE = re.compile(r"^(?:al|el|ал|аль|əl|ul)(?:[-‐’' ]+|(?-i:(?=[A-ZА-ЯƏ])))", re.IGNORECASE)


_AZ_LETTERS = re.compile(r"[əıışçğöüƏİŞÇĞÖÜ]")
_AZ_SURNAME = re.compile(r"(?:ov|ova|yev|yeva|ev|eva|zadə|zade|li|lı|lu|lü)$", re.IGNORECASE)
# Case endings after a surname stem: Russian (Алиевым, Алиевой, Байрамову, Байрамове) and
# Azerbaijani (Bayramovun, Əliyevlə, Bayramovla, Hacıyevə).
_RU_CASE = re.compile(r"(?<=[а-яё]{4})(?:ым|ом|ем|у|ю)$|(?<=[оеё]в)е$")
_RU_FEMININE = re.compile(r"(?<=[оеё]в|ин)ой$")
_AZ_CASE = re.compile(
    r"(?<=ov|ev|və|ad)(?:un|ün|in|ın|la|lə|dan|dən|u|ü|ə)$|(?<=zadə)(?:nin|yə|ni)$"
)


def person_key(surname: str) -> str:
    """Key of one surname in any script and case: ``Гаджиев``, ``Hacıyev`` -> ``gajiev``."""
    s = surname.strip(" .,'’-")
    m = _ARTICLE.match(s)
    joined = ("al" + s[m.end() :]) if m and len(s) - m.end() > 2 else s
    lower = joined.casefold()
    if re.search(r"[а-яё]", lower):
        lower = _RU_FEMININE.sub("а", _RU_CASE.sub("", lower))
    elif _AZ_LETTERS.search(joined) or _AZ_SURNAME.search(lower) or _AZ_CASE.search(lower):
        lower = _AZ_CASE.sub("", lower)
        lower = lower.replace("c", "j")  # Azerbaijani c is j: Cəfərov, Hacıyev
    key = translit(lower).replace("kh", "x").replace("sh", "w").replace("ch", "c")
    key = key.replace("zh", "z").replace("h", "g").replace("w", "sh").replace("c", "ch")
    key = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", key)
    key = re.sub(r"[^a-z]", "", key.replace("y", "i"))
    return re.sub(r"(.)\1+", r"\1", key)


def initial_of(first_name: str) -> str:
    """The class of a first name's initial, alike in every script.

    ``Jeyhun``/``Ceyhun``/``Джейхун`` -> ``j``; ``Heydar``/``Гейдар`` -> ``g``. Initials
    only tell apart people of one surname (Ilham, Heydar, Mehriban Aliyev(a)).
    """
    key = person_key(first_name)
    return {"c": "j", "k": "g", "x": "g", "q": "g", "y": "i", "e": "i"}.get(key[:1], key[:1])


def same_person(a: str, b: str) -> bool:
    """Whether two surname keys name one person.

    ``almalik`` and ``almaliki`` do (a final *i* or *a*: nisba, Russian genitive or a
    feminine form, told apart by initials); so do long keys that differ only in *a*
    against *e* (``mamadov``/``mamedov``, ``karimov``/``kerimov``: Azerbaijani ə is
    written a in Latin and often e in Russian).
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 5 and long_.startswith(short) and long_[len(short) :] in {"i", "a"}:
        return True
    return len(short) >= 6 and skeleton(a) == skeleton(b)


def skeleton(key: str) -> str:
    """A person key with *e* read as *a*: the index key that finds spelling variants."""
    return key.replace("e", "a")


# Words that open a person's title, in en/fr/de/ru/az (stems are matched as prefixes).
_TITLES = (
    r"president|vice-president|prime minister|minister|deputy|ambassador|director[- ]general"
    r"|director|secretary[- ]general|secretary|chairman|chairwoman|chairperson|chair|speaker"
    r"|head|first lady|king|queen|prince|emir|sheikh|dr\.?|mr\.?|mrs\.?|ms\.?|h\.e\.?"
    r"|professor|prof\.?|rector|mayor|governor|envoy|adviser|advisor|assistant|ceo|fm"
    r"|representative|représentant\w*|vertreter\w*|представител\w*|nümayəndə\w*"
    r"|président|ministre|ambassadeur|directeur|secrétaire|präsident\w*|minister\w*"
    r"|botschaft\w*|generaldirektor\w*|vizepräsident\w*|президент\w*|министр\w*|посол\w*"
    r"|генеральн\w+ директор\w*|гендиректор\w*|директор\w*|председател\w*|помощник\w*"
    r"|генсек\w*|первый вице-президент|prezident\w*|nazir\w*|səfir\w*|baş direktor\w*"
    r"|direktor\w*|sədr\w*|xanım|müavin\w*|katib\w*"
)
TITLE_RE = re.compile(rf"(?<![\w-])(?:{_TITLES})(?![\w-])", re.IGNORECASE)
_CAP = r"(?:(?:al-|el-|əl-|аль-|ал-)?[A-ZÀ-ÖØ-ÞƏİŞÇĞÖÜА-ЯЁ][\w’'.-]*)"
_PART = r"(?:bin|ibn|bint|al|el|əl|de|da|van|von|M\.)"
_SPACE = r"(?:[ \t]+|[ \t]*\n(?!\s*\n)[ \t]*)"  # a single line break may wrap a name
_RUN = re.compile(rf"{_CAP}(?:{_SPACE}(?:{_PART}{_SPACE})*{_CAP}){{0,7}}")
_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|zade|zadeh|li|lu|ов|ова|ев|ева|ёв|заде)$|^(?:Al|al-|Al-|əl-)",
)


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as text."""
    return frozenset(text.split())


# Capitalised words that never belong to a person's name (extend freely).
_NOT_NAME = _words(
    """
    the a an in on at of and for to by with from as but or during following after before
    this that these those it he she they his her its their we our there here while when
    president minister ambassador director general secretary chairman chairperson head
    deputy first lady vice prime foreign affairs republic kingdom state states ministry
    islamic world educational scientific cultural organization organisation
    organizations united nations international national foundation centre center council
    committee assembly parliament conference forum session summit congress capital
    culture cultural education science youth sports tourism azerbaijani azerbaijan's
    azerbaijan's mr mrs ms dr his excellency h.e. prof. professor minister's also
    however meanwhile note notably moreover besides today yesterday tomorrow monday
    tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december news agency reports photo video
    dg fm speaking touching issues cooperation partnership supreme autonomous heritage
    day holy quran union public future board action war office government league release
    disclaimer translate report stars area citi city le la les de du des l’ d’ der die
    das und im am mit von herr frau президент министр республики азербайджан
    азербайджана первый вице-президент prezident nazir respublikası azərbaycan
    azərbaycanın birinci xanım vereinten vereinte nationen republik bildung wissenschaft
    kultur willens unies nations-unies объединенных наций организации организация
    """
)


@dataclass(frozen=True)
class Person:
    """A person found in text: display name, surname key, first-name initial, title."""

    name: str
    key: str
    initial: str
    role: str | None
    start: int


_INSTITUTION = re.compile(
    r"^(?:foundation|fund|centre|center|prize|order|avenue|street|airport|park|palace"
    r"|university|museum|school|institute|mosque|award|фонд\w*|fondu|mərkəzi)$",
    re.IGNORECASE,
)


def _segments(run: str) -> list[tuple[int, list[str]]]:
    """Split a capitalised run at words that cannot be part of a name: (offset, tokens)."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    current_start = 0
    for m in re.finditer(r"\S+", run):
        token = m.group(0)
        bare = token.casefold().strip(".,")
        stop = bare in _NOT_NAME or _is_other(token) or bool(TITLE_RE.fullmatch(token.strip(",")))
        if _INSTITUTION.match(bare):
            current = []  # "Heydar Aliyev Foundation" names no person
            continue
        if stop:
            if current:
                out.append((current_start, current))
            current = []
            continue
        if not current:
            current_start = m.start()
        current.append(token.rstrip(","))
        if token.endswith(".") and len(token.strip(".")) > 1:
            current[-1] = token.rstrip(".")
            out.append((current_start, current))
            current = []
    if current:
        out.append((current_start, current))
    return out


def _is_other(token: str) -> bool:
    bare = token.strip(".,’'")
    return (
        (bare.isupper() and len(bare) > 1)
        or bool(_PLACE_RE.fullmatch(translit(bare)))
        or bool(re.search(r"\d", bare))
    )


# What may stand between a title and the name it introduces: capitalised words (the
# organisation), a few linking words, punctuation of an apposition, lower-case Cyrillic
# or Azerbaijani words (Russian and Azerbaijani titles run on in lower case).
_LINK = {"of", "the", "and", "for", "de", "du", "la", "le", "des", "der", "für", "l’", "d’"}


def _links_title(gap: str) -> bool:
    """Whether ``gap`` (text between a title and a name) is only an apposition."""
    words = re.sub(r"[,()\-–]", " ", gap).split()
    if len(words) > 14 or (re.search(r"[.!?;:]\s", gap + " ") and not gap.strip().endswith(".")):
        return False
    return all(
        w.casefold() in _LINK or w[0].isupper() or (w[0] in "lLdD" and "’" in w) or not w.isascii()
        for w in words
    )


def find_people(text: str) -> list[Person]:
    """People named in ``text`` (first mention first), with the title said before them."""
    found: list[Person] = []
    for m in _RUN.finditer(text):
        for offset, tokens in _segments(m.group(0).replace("’s", "").replace("'s", "")):
            person = _person(text, m.start() + offset, tokens)
            if person:
                found.append(person)
    return found


def _person(text: str, start: int, tokens: list[str]) -> Person | None:
    """A person from the name tokens at ``start``, when the context says it is one."""
    if not tokens or len(tokens) > 5:
        return None
    before = text[max(0, start - 110) : start]
    role = None
    for title in TITLE_RE.finditer(before):
        if _links_title(before[title.end() :]):
            role = title.group(0)
            break
    after = text[start : start + 120]
    title_after = re.match(rf"[^,.]{{0,60}},\s+(?:the\s+)?(?:{_TITLES})", after, re.I)
    last = tokens[-1].strip(".,")
    if len(tokens) == 1 and not (role and before.rstrip().endswith(role)):
        return None
    if not (role or title_after or (len(tokens) > 1 and _SURNAME.search(last))):
        return None
    if role is None and title_after:
        role = TITLE_RE.search(title_after.group(0)).group(0)  # type: ignore[union-attr]  # the pattern ends in a title
    if len(tokens) > 1 and tokens[-2].casefold() in {"al", "el"}:
        last = tokens[-2] + "-" + last
    first = tokens[0] if len(tokens) > 1 else ""
    initial = initial_of(first) if first and not first.endswith(".") else ""
    return Person(" ".join(tokens), person_key(last), initial, role, start)


PLACES: dict[str, Place] = load_places(translit)
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
    r"|un|ün)?(?!\w)"
)
_PLACE_RE = re.compile(PLACE_TEMPLATE.format(_trie(list(PLACES))), re.IGNORECASE)


def find_places(text: str) -> list[tuple[Place, int]]:
    """Gazetteer places in ``text`` with their offsets (in ``translit(text)``), in order."""
    return [(place, start) for place, start, _ in place_hits(text)]


_ORGS = {
    "icesco": r"icesco|isesco|исеско|исеско|isesko|icesko|islamic (?:world )?educational,? "
    r"scientific,? and cultural organi[sz]ation|الإيسيسكو|ايسيسكو|إيسيسكو",
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


def organisation_near(text: str, start: int) -> str | None:
    """The organisation named nearest to ``start`` (a person's name) in ``text``."""
    window = text[max(0, start - 100) : start + 140]
    nearest: tuple[int, str] | None = None
    for key, pattern in ORGANISATIONS.items():
        for m in pattern.finditer(window):
            distance = abs(m.start() - min(100, start))
            if nearest is None or distance < nearest[0]:
                nearest = (distance, key)
    return nearest[1] if nearest else None


def place_hits(text: str) -> list[tuple[Place, int, int]]:
    """Gazetteer places in ``text`` with their span in ``translit(text)``, in order."""
    return [
        (PLACES[m.group(1)], m.start(1), m.end(1))
        for m in _PLACE_RE.finditer(translit(text))
        if m.group(1) in PLACES
    ]
