"""Names compared across scripts and cases (pure): surname keys, initials, the
nominative of a Russian name, and one list of people over several articles.

- ``person_key(surname)``: the Latin key of a surname in any script and case. Cyrillic
  and Azerbaijani letters are transliterated, accents dropped, the Arabic article joined
  (``Al-Malik``, ``al Malik``, ``AlMalik``, ``əl-Maliki``, ``аль-Малик`` -> ``almalik``;
  the assimilated ``ash-Sharif``/``аш-Шариф`` -> ``alsharif``), ``y``/``й`` read as
  ``i``, *h* as *g* (Russian writes Hajiyev ``Гаджиев``) but as *x* in an Arabic name
  (Russian writes Al-Hafsi ``аль-Хафси``), Azerbaijani *c* as *j* (``Hacıyev``), so
  ``Aliyev``/``Əliyev``/``Алиев`` and ``Hajiyev``/``Hacıyev``/``Гаджиев`` give one key
  each; Russian and Azerbaijani case endings are dropped (``Алиевым``, ``Bayramovun``,
  ``əl-Malikin``). ``same_person`` also lets *a* and *e* differ in long keys
  (``Məmmədov``/``Мамедов``); ``initial_of`` compares first-name initials across scripts
  (``Ceyhun``/``Jeyhun``); ``name_key`` gives both for a whole name.
- A name in Arabic script writes no vowels: its key is ``~`` and its consonants
  (``arabic_key``: ``المالك`` -> ``~lmlk``), held against a Latin key's consonants
  (``consonants``: ``almalik`` -> ``lmlk``), so that المالك and AlMalik meet.
- ``nominative(name)``: a Russian name in the instrumental case ("с Эмином
  Амруллаевым") or an Azerbaijani one in another case ("Günel Rzayevanın") in the
  nominative.
- ``merge_participants(groups)``: one entry per person over several articles (a story),
  the Latin spelling and the fullest role preferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from monitor.entities import translit

_ARTICLE = re.compile(
    r"^(?:(?:al|el|ал|аль|эль|əl|ul)(?:[-‐’' ]+|(?-i:(?=[A-ZА-ЯƏ])))"
    r"|(?:a[sdrtnz]h?|а[сшдртнз]|ə[sdrtnzş])[-‐’'])",  # assimilated: ash-Sharif, ар-Рашид
    re.IGNORECASE,
)
_AZ_LETTERS = re.compile(r"[əıışçğöüƏİŞÇĞÖÜ]")
_AZ_SURNAME = re.compile(r"(?:ov|ova|yev|yeva|ev|eva|zadə|zade|li|lı|lu|lü)$", re.IGNORECASE)
# Case endings after a surname stem: Russian (Алиевым, Алиевой, Байрамову, Байрамове) and
# Azerbaijani (Bayramovun, Əliyevlə, Bayramovla, Hacıyevə; əl-Malikin, əl-Malikə).
_RU_CASE = re.compile(r"(?<=[а-яё]{4})(?:ым|ом|ем|у|ю)$|(?<=[оеё]в)е$")
_RU_FEMININE = re.compile(r"(?<=[оеё]в|ин)ой$|(?<=[а-яё]{3}[^аеёиоуыэюяй])ой$")
# The Azerbaijani case endings of a surname, by how it ends: -ov/-ev (Bayramovun,
# Əliyevlə), -zadə (Əhmədzadənin), -li (Kərimlinin, Kərimliyə) and a final a (Buritanın,
# Rzayevanın). Keys drop them (:func:`person_key`), and so do names shown (:func:`nominative`).
_OV_CASES = "un|ün|in|ın|la|lə|dan|dən|u|ü|ə"
_ZADE_CASES = "nin|yə|ni"
_LI_CASES = "nin|nın|yə|ya|ni|nı"
_A_CASES = "nın|nin|ya|yı|dan"
_AZ_CASE = re.compile(rf"(?:(?<=ov|ev|və)|(?<=[^z]ad))(?:{_OV_CASES})$|(?<=zadə)(?:{_ZADE_CASES})$")
_AZ_LI_CASE = re.compile(rf"(?<=.{{4}}l[iı])(?:{_LI_CASES})$")
_AZ_VOWEL_CASE = re.compile(rf"(?<=a)(?:{_A_CASES})$")
_AZ_ARABIC_CASE = re.compile(r"(?<=[^aeiouəıöü])(?:in|ın|un|ün|lə|la|ə|a|dən|dan)$")


def person_key(surname: str, azerbaijani: bool = False) -> str:
    """Key of one surname in any script and case: ``Гаджиев``, ``Hacıyev`` -> ``gajiev``;
    ``azerbaijani``: the name is written in Azerbaijani (its first name says so), so a
    foreign surname takes its cases too (``Əhməd Benlahsenin`` -> ``benlagsen``)."""
    s = surname.strip(" .,'’-")
    m = _ARTICLE.match(s)
    arabic = bool(m and len(s) - m.end() > 2)
    joined = ("al" + s[m.end() :]) if m and arabic else s
    lower = joined.casefold()
    cyrillic = bool(re.search(r"[а-яё]", lower))
    if cyrillic:
        lower = _RU_FEMININE.sub("а", _RU_CASE.sub("", lower))
    elif arabic and s[:1].casefold() == "ə":  # Azerbaijani cases of an Arabic name
        nisba = re.sub(r"(?<=i)nin$", "", lower)  # ər-Rəşidinin: ar-Rashidi's
        lower = nisba if nisba != lower else _AZ_ARABIC_CASE.sub("", lower)
        lower = lower if len(lower) > 5 else joined.casefold()
    elif (
        (azerbaijani or _AZ_LETTERS.search(joined))  # Nurbəklə: a foreign name's case
        and len(lower) > 6
        and not _AZ_SURNAME.search(_AZ_LI_CASE.sub("", _AZ_CASE.sub("", lower)))
    ):
        vowel_case = _AZ_VOWEL_CASE.sub("", lower)  # Buritanın, Buritaya
        lower = vowel_case if vowel_case != lower else _AZ_ARABIC_CASE.sub("", lower)
    elif _AZ_LETTERS.search(joined) or _AZ_SURNAME.search(lower) or _AZ_CASE.search(lower):
        lower = _AZ_CASE.sub("", lower)
        if azerbaijani or _AZ_LETTERS.search(joined):
            lower = _AZ_LI_CASE.sub("", lower)
        lower = lower.replace("c", "j")  # Azerbaijani c is j: Cəfərov, Hacıyev
    # a French c before e or i is s: Benlahcen, Benlahsen
    base = translit(lower) if cyrillic else re.sub(r"c(?=[ei])", "s", translit(lower))
    key = base.replace("kh", "x").replace("sh", "w").replace("ch", "c")
    key = key.replace("zh", "z").replace("h", "x" if arabic else "g")
    key = key.replace("w", "sh").replace("c", "ch")
    if not cyrillic:
        key = key.replace("ou", "u")  # a French spelling: Bourita, Benmoussa
    key = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "", key)
    key = re.sub(r"[^a-z]", "", key.replace("y", "i"))
    return re.sub(r"(.)\1+", r"\1", key)


def initial_of(first_name: str) -> str:
    """The class of a first name's initial, alike in every script.

    ``Jeyhun``/``Ceyhun``/``Джейхун`` -> ``j``; ``Heydar``/``Гейдар`` -> ``g``. Initials
    only tell apart people of one surname (Ilham, Heydar, Mehriban Aliyev(a)).
    """
    if first_name.strip()[:1] in "Cc":  # Ceyhun, Cavid: never the French s
        return "j"
    key = person_key(first_name)
    return {"c": "j", "k": "g", "x": "g", "q": "g", "y": "i", "e": "i"}.get(key[:1], key[:1])


ARABIC_SCRIPT = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")  # Arabic and Persian letters
# Arabic and Persian letters -> the consonant classes of :func:`consonants`; the vowels,
# hamza and ain are dropped
_AR_CLASSES = str.maketrans(
    {
        **dict.fromkeys("اأإآىةءئؤعويی", ""),
        **dict(zip("بتثجدذرزسشصضطظفكلمنپچژک", "bttjddrzsssdtzfklmnbjzk", strict=True)),
        **dict.fromkeys("حخغقهگ", "g"),
    }
)


_LATIN_CLASSES = str.maketrans("xhqvpc", "gggfbj")  # the letters Arabic script merges


def consonants(key: str) -> str:
    """The consonant skeleton of a person key, in the classes Arabic script writes:
    ``almalik`` -> ``lmlk``, ``bairamov`` -> ``brmf`` (an Arabic name keeps no vowels);
    an Arabic key (``~lmlk``) is its own."""
    if key[:1] == "~":
        return key[1:]
    key = key.replace("sh", "s").replace("th", "t").replace("ch", "j")
    key = re.sub(r"[aeiouyw]", "", key.translate(_LATIN_CLASSES))
    return re.sub(r"(.)\1+", r"\1", key)


def arabic_key(surname: str) -> str:
    """Key of a surname written in Arabic script: ``~`` and its consonants
    (``المالك`` -> ``~lmlk``), which :func:`same_person` holds against a Latin key's."""
    return "~" + re.sub(r"(.)\1+", r"\1", re.sub(r"[^a-z]", "", surname.translate(_AR_CLASSES)))


def same_person(a: str, b: str) -> bool:
    """Whether two surname keys name one person.

    ``almalik`` and ``almaliki`` do (a final *i* or *a*: nisba, Russian genitive or a
    feminine form, told apart by initials; a final *n*: ``raisin`` read off the
    Azerbaijani genitive ``Rəisinin``; *x* for *h*: ``amirabdolaxiana``/
    ``amirabdolagian``); so do long keys that differ only in *a*
    against *e* (``mamadov``/``mamedov``, ``karimov``/``kerimov``: Azerbaijani ə is
    written a in Latin and often e in Russian; ``zaid``/``zeid`` from four letters, where
    a Turkish ş or ç may also lose its cedilla: ``atesh``/``ates``), and keys of five
    letters or more whose vowels alone differ, a run of them within the other's
    (``amrulaev``/``amrulaiev``, ``alotaibi``/``aluteibi``).
    """
    if a == b:
        return True
    if a[:1] == "~" or b[:1] == "~":  # a name in Arabic script: its consonants
        ca, cb = consonants(a), consonants(b)
        if len(ca) >= 2 and ca == cb:  # (علييف: Aliyev's l and v)
            return True
        # an h one spelling writes and the other drops: امرالله‌یف, Amrullayev
        bare = ca.replace("g", "")
        return len(bare) >= 4 and bare == cb.replace("g", "")
    short, long_ = sorted((a, b), key=len)
    # (an Azerbaijani genitive read off a name's final n: Rəisinin, Raisi's, gives raisin)
    ending = long_[len(short) :] in {"i", "a", "e", "n"}
    if len(short) >= 5 and skeleton(long_).startswith(skeleton(short)) and ending:
        return True
    if len(short) >= 6 and skeleton(a) == skeleton(b):
        return True
    # a short name: e for a, and a Turkish ş or ç written without its cedilla (Zeid/Zaid,
    # Ateş/Ates)
    if len(short) >= 4 and _loose(a) == _loose(b):
        return True
    # a vowel written otherwise in another language (Amrullaiev, al-Uteibi): the same
    # consonants, and each run of vowels within the other's, e read as a and o as u
    return len(short) >= 5 and _vowels_agree(a, b)


def _loose(key: str) -> str:
    return skeleton(key).replace("sh", "s").replace("ch", "c")


def _vowels_agree(a: str, b: str) -> bool:
    """Whether two keys have the same consonants and vowel runs each within the other's
    (``ae`` in ``aie``, ``o`` as ``u``): ``amrulaev``/``amrulaiev``; not ``gasanov``/
    ``guseinov`` nor ``aliev``/``alaev``."""
    runs_a, runs_b = _runs(a), _runs(b)
    if len(runs_a) != len(runs_b):
        return False
    for x, y in zip(runs_a, runs_b, strict=True):
        if x[0] not in "aeiou" or y[0] not in "aeiou":
            if x != y:
                return False
        elif not (_within(x, y) or _within(y, x)):
            return False
    return True


@lru_cache(maxsize=8192)
def _runs(key: str) -> tuple[str, ...]:
    """A key's runs of vowels and of consonants, *e* read as *a* and *o* as *u*."""
    return tuple(re.findall(r"[aeiou]+|[^aeiou]+", key.replace("e", "a").replace("o", "u")))


def _within(short: str, long_: str) -> bool:
    """Whether the letters of ``short`` occur in ``long_`` in order."""
    letters = iter(long_)
    return all(c in letters for c in short)


def skeleton(key: str) -> str:
    """A person key with *e* read as *a* and *x* as *g*: the index key that finds spelling
    variants (``mamedov``/``mamadov``; Benlahsen's *h*, written *x* from ``Бенлахсен``)."""
    return key.replace("e", "a").replace("x", "g")


_ARTICLE_WORDS = {"al", "el", "ал", "аль", "эль", "əl"}


def name_key(name: str) -> tuple[str, str]:
    """(surname key, first-name initial) of a name as :func:`find_people` shows it;
    the initial is empty for a bare surname or an initial alone ("M. AlMalik")."""
    parts = name.split()
    if not parts:
        return "", ""
    if ARABIC_SCRIPT.search(parts[-1]):  # no initials: Arabic writes no vowel to compare
        return arabic_key(parts[-1]), ""
    last = parts[-1]
    if len(parts) > 1 and parts[-2].casefold() in _ARTICLE_WORDS:
        last = parts[-2] + "-" + last
    first = parts[0] if len(parts) > 1 and not parts[0].endswith(".") else ""
    azerbaijani = bool(_AZ_LETTERS.search(first))
    return person_key(last, azerbaijani), initial_of(first) if first else ""


_INSTRUMENTAL = re.compile(r"(?:ым|ом|ем|ой)$")


# a whole surname in a case, the same endings (never the bare -a of a feminine Əliyeva,
# nor a short name such as Levin)
_AZ_DECLINED = re.compile(
    rf"^(\w{{3,}}(?:ov|ev))(?:{_OV_CASES})$|^(\w{{3,}}(?:ova|eva))(?:{_A_CASES})$"
    rf"|^(\w{{3,}}l[iı])(?:{_LI_CASES})$|^(\w{{3,}}zadə)(?:{_ZADE_CASES})$"
)


def _az_nominative(word: str, azerbaijani: bool) -> str:
    """``word`` without its Azerbaijani case; only an -ov/-ev surname's unless the name is
    written with Azerbaijani letters (Bellini is no Belli + -ni)."""
    m = _AZ_DECLINED.match(word)
    surname = next((g for g in m.groups() if g), None) if m else None
    if surname and (azerbaijani or surname.endswith(("ov", "ev"))):
        return surname
    return word


def nominative(name: str) -> str:
    """A Russian name in the instrumental case ("с Эмином Амруллаевым", "с Сахибой
    Гафаровой") or an Azerbaijani one in another case ("Ceyhun Bayramovun", "Günel
    Rzayevanın") in the nominative; any other name as it is. Only when every Cyrillic word
    has an instrumental ending: "Лев Толстой" stays."""
    words = name.split()
    if len(words) > 1 and not re.search(r"[а-яё]", name.casefold()):
        # "Günel Rzayevanın", "Ceyhun Bayramovun": Günel Rzayeva, Ceyhun Bayramov
        azerbaijani = bool(_AZ_LETTERS.search(name))
        return " ".join([*words[:-1], _az_nominative(words[-1], azerbaijani)])
    cyrillic = [w for w in words if re.search(r"[а-яё]", w.casefold())]
    if not cyrillic or not all(_INSTRUMENTAL.search(w) for w in cyrillic):
        return name

    def one(word: str) -> str:
        if not re.search(r"[а-яё]", word.casefold()):
            return word
        if word.endswith("ой"):
            return word[:-2] + "а"  # Гафаровой, Сахибой, Абдуллой
        if word.endswith("ем") and word[-3:-2] in "аеиоуяэю":
            return word[:-2] + "й"  # Сергеем
        return word[:-2]  # Амруллаевым, Эмином, аль-Маликом

    return " ".join(one(w) for w in words)


def _latin(name: str) -> bool:
    return bool(re.search(r"[A-Za-z]", name)) and not re.search(r"[А-Яа-яЁё]", name)


def merge_participants(groups: Iterable[Iterable[Mapping[str, Any]]]) -> list[dict[str, Any]]:
    """One entry per person over several articles' participants (dicts with ``name``,
    ``role`` and ``organisation``), in the order first named.

    People are one when their surname keys name one person (:func:`same_person`) and
    their initials do not differ. The name shown is the Latin spelling if any, else the
    longest; the role likewise; the organisation the first given."""
    merged: list[dict[str, Any]] = []
    keys: list[tuple[str, str]] = []
    for group in groups:
        for person in group:
            name = str(person.get("name") or "")
            key, initial = name_key(name)
            if not key:
                continue
            at = next(
                (
                    i
                    for i, (k, ini) in enumerate(keys)
                    if same_person(k, key) and (not ini or not initial or ini == initial)
                ),
                None,
            )
            if at is None:
                keys.append((key, initial))
                merged.append(dict(person))
                continue
            entry = merged[at]
            keys[at] = (keys[at][0], keys[at][1] or initial)
            if (_latin(name), len(name)) > (_latin(entry["name"]), len(entry["name"])):
                entry["name"] = name
            role, shown = person.get("role"), entry.get("role") or ""
            if role and (_latin(role), len(role)) > (_latin(shown), len(shown)):
                entry["role"] = role
            entry["organisation"] = entry.get("organisation") or person.get("organisation")
    return merged
