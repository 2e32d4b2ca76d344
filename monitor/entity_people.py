"""People named in article text: who, with what title, for which organisation (pure).

``find_people(text)``: capitalised runs of 2-4 words (with ``bin``/``бин``, ``M.``,
``al-``) that follow a title word (President, Minister, Director-General, министр,
səfir, Genel Direktörü...), sit before ", <title>", or look like surnames (``-ov``,
``-yev``, ``-zade``, ``Al...``). Each person's role is the title nearest before the name
that no other name has taken ("Minister of Culture Adil Karimli and Director General
Salim AlMalik"), else the title after it ("Salim AlMalik, Director General of ICESCO"),
with the words that make it whole ("Deputy Foreign Minister", "Minister of Science and
Education"); an honorific (Dr., Mr., H.E.) marks a name but is no role. The organisation
is the one named in that title ("ICESCO Director General", "Director General of
ICESCO"), not merely nearby. Words of an institution's name are no person. Names are
keyed and shown with :mod:`monitor.person_names` (a Russian name in the instrumental
case, "с Эмином Амруллаевым", is shown in the nominative).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.entities import ORGANISATIONS, is_country_word, is_place
from monitor.entity_people_ar import arabic_people
from monitor.name_words import INSTITUTION, NOT_NAME, ORG_WORD
from monitor.person_names import ARABIC_SCRIPT, name_key, nominative
from monitor.person_titles import HONORIFIC, LINK_MODIFIER, MODIFIER, RU_TITLE_CASES, TITLES
from monitor.person_titles import TITLE_RE as TITLE_RE

_CAP = r"(?:(?:al-|el-|əl-|аль-|ал-|a[sdrtnz]h?-|а[сшдртнз]-)?[A-ZÀ-ÖØ-ÞƏİŞÇĞÖÜА-ЯЁ][\w’'.-]*)"
_PART = r"(?:bin|ibn|bint|al|el|əl|de|da|van|von|M\.|бин|ибн|аль|эль|ал)"
_SPACE = r"(?:[ \t]+|[ \t]*\n(?!\s*\n)[ \t]*)"  # a single line break may wrap a name
_RUN = re.compile(rf"{_CAP}(?:{_SPACE}(?:{_PART}{_SPACE})*{_CAP}){{0,7}}")
_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|yev|yeva|zade|zadeh|li|lu|ов|ова|ев|ева|ёв|заде)$"
    r"|(?:ov|ev|ova|eva|zadə|li)(?:un|ün|in|ın|nın|nin|ə|la|lə|dan|dən)$"  # Rzayevanın
    r"|^(?:Al|al-|Al-|əl-|аль-)",
)

# a surname that ends a name: the next capitalised word starts another
_ENDS_NAME = re.compile(r"(?:ov|ova|ev|eva|zade|zadə|ов|ова|ев|ева|заде)$")
_PART_RE = re.compile(_PART, re.IGNORECASE)

# an institution's namesake: "имени Л. Н. Гумилева", "named after A. Garayev"
_NAMESAKE = re.compile(r"\b(?:имени|named after)\s+$")
_INITIAL = re.compile(r"[A-ZА-ЯƏ]\.")
# a Russian adjective (Евразийского, Бакинской) before an institution's word
_ADJECTIVE = re.compile(r"[а-яё](?:ого|ому|ой|ом|ый|ий|ая|ое|ых|ым)$")


@dataclass(frozen=True)
class Person:
    """A person found in text: display name, surname key, first-name initial, title,
    organisation (its display name, from :data:`ORGANISATION_NAMES`)."""

    name: str
    key: str
    initial: str
    role: str | None
    start: int
    organisation: str | None = None


# how an organisation of :data:`monitor.entities.ORGANISATIONS` is shown
ORGANISATION_NAMES = {
    "icesco": "ICESCO",
    "unesco": "UNESCO",
    "oic": "OIC",
    "alecso": "ALECSO",
    "turksoy": "TURKSOY",
    "un": "United Nations",
    "heydar-aliyev-foundation": "Heydar Aliyev Foundation",
    "isdb": "Islamic Development Bank",
}


def _fold(token: str) -> str:
    return token.casefold().replace("i̇", "i").strip(".,")


# a Turkish case ending after an apostrophe: "AlMalik'in", "Aliyev'e"
_SUFFIX = re.compile(r"['’][a-zçğıöşü]{1,4}$")


def _stop(token: str) -> bool:
    bare = _fold(token)
    return (
        bare in NOT_NAME
        or _is_other(token)
        or bool(TITLE_RE.fullmatch(token.strip(",")))
        or bool(ORG_WORD.match(bare))
    )


def _segments(run: str) -> list[tuple[int, list[str]]]:
    """Split a capitalised run at words that cannot be part of a name: (offset, tokens).

    An institution's word drops the name before it ("Heydar Aliyev Foundation", "Mirza
    Fatali Akhundov National Library" name no person)."""
    out: list[tuple[int, list[str]]] = []
    current: list[str] = []
    current_start = 0
    stops_since = 0  # stop words since the last segment closed
    for m in re.finditer(r"\S+", run):
        token = m.group(0)
        if INSTITUTION.match(_fold(token)):
            if re.search(r"[а-яё]", token.casefold()):
                break  # "Дворец Гейдара Алиева": a Russian institution's namesake follows
            if not current and out and stops_since <= 2:
                out.pop()
            current = []
            continue
        if _stop(token):
            if current:
                out.append((current_start, current))
                stops_since = 0
            current = []
            stops_since += 1
            continue
        if len(current) >= 2 and _ENDS_NAME.search(current[-1]) and not _PART_RE.fullmatch(token):
            # "Prezident İlham Əliyev Salim bin Məhəmməd əl-Malikin ... təltif": two names
            # side by side, the first ended by its surname
            out.append((current_start, current))
            current = []
        if not current:
            current_start = m.start()
        current.append(_SUFFIX.sub("", token.rstrip(",")))
        if token.endswith(".") and len(token.strip(".")) > 1:
            current[-1] = token.rstrip(".")
            out.append((current_start, current))
            current, stops_since = [], 0
    if current:
        out.append((current_start, current))
    return out


def _is_other(token: str) -> bool:
    bare = re.split(r"['’]", token.strip(".,’'"))[0]  # "Taşkent'teki": a place, suffixed
    head = bare.split("-")[0]  # "İSESKO-nun": an acronym with a case ending
    return (
        (bare.isupper() and len(bare) > 1)
        or (head.isupper() and len(head) > 1 and "-" in bare)
        or is_place(bare)
        or is_country_word(bare)
        or bool(re.search(r"\d", bare))
    )


# What may stand between a title and the name it introduces: capitalised words (the
# organisation), a few linking words, punctuation of an apposition, lower-case Cyrillic
# or Azerbaijani words (Russian and Azerbaijani titles run on in lower case).
_LINK = {
    "of",
    "the",
    "and",
    "for",
    "to",
    "in",
    "de",
    "du",
    "la",
    "le",
    "des",
    "der",
    "für",
    "l’",
    "d’",
}


def _links_title(gap: str) -> bool:
    """Whether ``gap`` (text between a title and a name) is only an apposition."""
    words = re.sub(r"[,()\-–]", " ", gap).split()
    if len(words) > 14 or (re.search(r"[.!?;:]\s", gap + " ") and not gap.strip().endswith(".")):
        return False
    if re.search(r"\n\s*\n", gap):  # a headline's title is not the next paragraph's
        return False
    return all(
        w.casefold() in _LINK or w[0].isupper() or (w[0] in "lLdD" and "’" in w) or not w.isascii()
        for w in words
    )


# who wrote the report, not who took part: "By Kamila Aliyeva", "Interview by ...",
# "Baku. Sabina Mammadli – APA.", "Автор: ..."
_BYLINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:interview |text |photo )?by|author:?|автор:?|müəllif:?)[ \t]+$",
    re.IGNORECASE,
)
_BYLINE_AFTER = re.compile(
    r"[ \t]*[–—-][ \t]*(?:[A-ZА-Я]{2,}[\w.]*|Trend|Report|Azernews|AzerTag|News\.az|Oxu\.az"
    r"|Vesti\.az|Day\.az|Sputnik)[ \t]*[.,\n]"
)
# what may stand before a signature on its line: nothing, or the dateline's city
_DATELINE = re.compile(r"[ \t]*(?:[A-ZА-ЯƏ][\w-]*[.,][ \t]*)?")
# a lower-case institution after a name: "the Latif Karimov museum"
_NAMED_AFTER = re.compile(
    r"[ \t]+(?:museum|foundation|centre|center|university|library|institute|school|prize"
    r"|award|avenue|street|park|mosque|palace|muzeyi|fondu|mərkəzi|adına)\b"
)


# what follows an institution's "for"/"of" names it: "Center for Arabic Language for
# Non-Native Speakers", "University of Languages"
_OFINSTITUTION = re.compile(
    r"\b(?i:cent(?:er|re)|institute|university|museum|academy|school|library|department"
    r"|ministry|council|committee|commission|chair|faculty|agency)"
    r"\s+(?:(?:for|of|on)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3})?(?:for|of|on)\s+(?:the\s+)?$"
)


def find_people(text: str) -> list[Person]:
    """People named in ``text`` (first mention first), with the title said before them.

    A title goes to the nearest name after it: a name found earlier takes the titles
    before it out of reach of the next one ("President Ilham Aliyev and Mehriban
    Aliyeva"). A byline's name and an institution's namesake are no participant."""
    found: list[Person] = []
    bare = re.sub(r"['’]s\b", "  ", text)  # "Azerbaijan's Foreign Minister": same offsets
    floor = 0
    for m in _RUN.finditer(bare):
        for offset, tokens in _segments(m.group(0)):
            start = m.start() + offset
            end = start + len(" ".join(tokens))
            if _byline(bare, start, end) or _NAMED_AFTER.match(bare, end):
                continue
            if _ADJECTIVE.search(tokens[-1]) and ORG_WORD.match(bare[end:].lstrip()):
                continue  # "Евразийского национального университета": its adjective
            if _NAMESAKE.search(bare, max(0, start - 20), start):
                # "университета имени Л. Н. Гумилева Нурлан Джумабаев": the namesake first
                skip = next((i for i, t in enumerate(tokens) if not _INITIAL.fullmatch(t)), 0)
                start += len(" ".join(tokens[: skip + 1])) + 1
                tokens = tokens[skip + 1 :]
                if len(tokens) < 2:
                    continue
            if _OFINSTITUTION.search(bare, max(0, start - 80), start):
                if len(tokens) < 3:
                    continue  # "Center for Arabic Language": the institution's name
                # "University of Languages Kamal Abdulla": the name ends the run
                start += len(" ".join(tokens[:-2])) + 1
                tokens = tokens[-2:]
            person = _person(bare, start, tokens, floor)
            if person:
                found.append(person)
                floor = end
    if ARABIC_SCRIPT.search(text):  # no capitals: names after an honorific
        for name, start, role, org in arabic_people(text):
            key, _ = name_key(name)
            if len(key) > (2 if " " in name else 3):  # علييف: Aliyev's two consonants
                organisation = ORGANISATION_NAMES.get(org or "")
                found.append(Person(name, key, "", role, start, organisation))
        found.sort(key=lambda p: p.start)
    return found


def _byline(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` signs the report."""
    line_start = text.rfind("\n", 0, start) + 1
    if _BYLINE_BEFORE.search(text[line_start:start]):
        return True
    # "Baku. Sabina Mammadli – APA.": near the top, after the dateline, the name then a
    # dash and the outlet
    return (
        start < 400
        and bool(_DATELINE.fullmatch(text, line_start, start))
        and bool(_BYLINE_AFTER.match(text, end))
    )


def _role_phrase(text: str, start: int, end: int, limit: int) -> str:
    """The whole title whose title word is ``text[start:end]``: the titles and modifiers
    before it and the words after it up to ``limit``, an organisation, a place or a comma
    ("Minister of Foreign Affairs of Azerbaijan" -> "Minister of Foreign Affairs";
    "Deputy Foreign Minister"; "nazirinin müavini")."""
    while True:
        before = re.search(r"(\S+)[ \t]+$", text[max(0, start - 30) : start])
        word = before.group(1) if before else ""
        if not word or not (MODIFIER.fullmatch(word) or _real_title(word)):
            break
        start -= len(before.group(0))  # type: ignore[union-attr]  # word is its group
    while (link := re.match(r"(\S+)\s+", text[start:end])) and LINK_MODIFIER.fullmatch(
        link.group(1)
    ):
        start += link.end()  # "və Mədəniyyət naziri": the link joined nothing before it
    org = _org_at(text, end, limit)
    limit = org[0] if org else limit
    words: list[str] = []
    for w in re.finditer(r"[^\s,;:()]+", text[end:limit]):
        if re.search(r"[,;:()]", text[end : end + w.start()]) or len(words) >= 6:
            break
        token = w.group(0)
        place = is_place(token.strip("."))
        if place and words and words[-1].casefold() in {"to", "в"}:
            words.append(token.strip("."))  # "Ambassador to Morocco"
            break
        country = is_country_word(token) or _COUNTRY_WORD.match(token)
        if place or country or TITLE_RE.fullmatch(token):
            break  # "of the Republic of Azerbaijan"
        words.append(token)
    while words and words[-1].casefold() in _LINK | {"и", "və", "et", "und", "в", "in"}:
        words.pop()
    return _title_nominative(" ".join([text[start:end], *words]))


def _title_nominative(role: str) -> str:
    """A Russian title in the nominative: "генеральным директором" -> "генеральный
    директор" (as the title is shown, whatever the case the sentence put it in)."""
    for pattern, nominative_form in RU_TITLE_CASES:
        found = pattern.match(role.casefold())
        if found:
            shown = nominative_form.capitalize() if role[:1].isupper() else nominative_form
            return shown + role[found.end() :]
    return role


_COUNTRY_WORD = re.compile(
    r"(?:republic|kingdom|sultanate|emirates|республик|королевств|respublika|krallığı"
    r"|cumhuriyet|royaume|république)",
    re.IGNORECASE,
)


def _real_title(word: str) -> bool:
    return bool(TITLE_RE.fullmatch(word)) and not HONORIFIC.fullmatch(word)


def _org_at(text: str, start: int, end: int) -> tuple[int, str] | None:
    """Where the first organisation named in ``text[start:end]`` starts, and its key."""
    hits = [(m.start(), k) for k, p in ORGANISATIONS.items() if (m := p.search(text, start, end))]
    return min(hits) if hits else None


def _org_before(text: str, start: int) -> tuple[int, str] | None:
    """An organisation named just before a title, in the same words ("ICESCO Director
    General", "UNESCO's Director-General"), not across a sentence or a verb."""
    lo = start
    for word in reversed(list(re.finditer(r"\S+", text[max(0, start - 60) : start]))):
        if not word.group(0)[0].isupper() or re.search(r"[.,;:!?()]$", word.group(0)):
            break  # a verb or a sentence's end: "called on Foreign Minister"
        lo = start - (min(60, start) - word.start())
    if "\n" in text[lo:start]:
        lo = start - len(text[lo:start].rsplit("\n", 1)[-1])
    return _org_at(text, lo, start)


# a name followed by its title: "Salim M. AlMalik, Director-General of ICESCO"
_TITLE_AFTER = re.compile(
    rf"(?:\b[A-ZА-Я]\.|[^,.]){{0,60}},\s+(?:the\s+)?(?P<title>{TITLES})(?![\w-])", re.IGNORECASE
)


def _person(text: str, start: int, tokens: list[str], floor: int) -> Person | None:
    """A person from the name tokens at ``start``, when the context says it is one."""
    if not tokens or len(tokens) > 5:
        return None
    lo = max(0, start - 110, floor)
    before = text[lo:start]
    cue = role = None
    for title in TITLE_RE.finditer(before):
        if _links_title(before[title.end() :]):
            cue = cue or title
            if _real_title(title.group(0)):
                role = title
    after = _TITLE_AFTER.match(text, start, start + 120)
    last = tokens[-1].strip(".,")
    if len(tokens) == 1 and not (cue and before.rstrip().endswith(cue.group(0))):
        return None
    if not (cue or after or (len(tokens) > 1 and _SURNAME.search(last))):
        return None
    shown, org = None, None
    if role is not None:
        shown = _role_phrase(text, lo + role.start(), lo + role.end(), start)
        org = _org_at(text, lo + role.end(), start) or _org_before(text, lo + role.start())
    elif after and _real_title(after.group("title")):
        end = re.search(r"[.;]\s|\n|$", text[after.end() : start + 200])
        limit = after.end() + (end.start() if end else 0)
        shown = _role_phrase(text, after.start("title"), after.end("title"), limit)
        org = _org_at(text, after.end("title"), limit)
    key, initial = name_key(" ".join(tokens))
    name = nominative(" ".join(tokens))
    return Person(name, key, initial, shown, start, ORGANISATION_NAMES[org[1]] if org else None)
