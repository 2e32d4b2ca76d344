"""Where the event an article tells took place (pure: no I/O, no clock).

``lead_place(title, body, lead_end, next_end)``: a city the lead puts the event in ("in",
"held in", "visit to", "в", "à", "في", "در", a locative ending: "Bakıda", "Ankara'da"),
or a venue that names its city ("ICESCO headquarters"); else one a verb of the next
paragraph places it in ("the talks were held in Rabat"); else the dateline's city; else
a country the lead names, or that country's city named further on. The gazetteer and
its matching are in :mod:`monitor.entities` and :mod:`monitor.gazetteer`.
"""

from __future__ import annotations

import re

from monitor.entities import PLACES, find_places, place_hits, translit
from monitor.gazetteer import capital_keys

# the words before a place that make it the event's: "in", "held in", "в", "à", "در",
# "في" (and "ب" joined to the name: "بالرباط"); not after an apostrophe: Turkish
# "Azerbaycan'ın" is no "in"
PLACE_CUE = re.compile(
    r"(?<!['’])(?:\bin|\bat|\bto|\bfrom|held in|\bvisit(?:s|ed|ing)?|\btour(?:s|ed)?|\bv|\bvo"
    r"|\ba|\bau|\ben|\bdans|\bnach|\bim|في|در|ب)\s*"
    r"(?:the\s+|la\s+|le\s+)?(?:(?:city|kingdom|republic|state|capital) of\s+(?:the\s+)?)?"
    r"(?:\w+(?:skoi|skom|['’]s)\s+)?$"  # "в азербайджанской Шуше", "in Azerbaijan's Shusha"
)
# a locative ending after the name: "Bakıda", "Ankara'da", "Rabat şəhərində"
PLACE_AFTER = re.compile(r"['’]?(?:\w*(?:da|də|de|ta|te)\b|\s+şəhərində)")
# a capital's dateline tells where the newsroom is, not always where the event was (a
# report from Baku on a session in Rabat); a dateline elsewhere (Shusha) is the reporter's
_NEWSROOMS = capital_keys()
# a visit abroad, told from the outlet's home city: "BAKU. ... is on a visit to Uzbekistan"
_VISIT = re.compile(r"visit|vizit|sefer|safar|ziyaret|زيارة")
# a city that hosts the event: "Baku to host the forum", "Баку примет форум"
_HOSTS = re.compile(r"\s+(?:to host|will host|hosts|hosted|is hosting|has hosted|primet|prinial)\b")
# venues that name their city: "at ICESCO headquarters", "ИСЕСКО ... штаб-квартире"
VENUES = {
    "rabat": r"(?:icesco|isesco)['’]?s? (?:headquarters|hq)"
    r"|(?:headquarters|siège|mənzil-qərargahı\w*|штаб-квартир\w*|مقر) (?:\S+ ){0,2}"
    r"(?:icesco|isesco|l'icesco|l'isesco|исеско|الإيسيسكو)"
    r"|(?:icesco|isesco|isesko|i̇sesko)[-‐ ]?(?:nun|nin)? mənzil-qərargahı\w*",
    "paris": r"unesco['’]?s? headquarters|(?:headquarters|siège|штаб-квартир\w*) (?:\S+ )?"
    r"(?:unesco|l'unesco|юнеско)",
    "jeddah": r"oic general secretariat|general secretariat of the oic",
}
_VENUES = {city: re.compile(pattern, re.IGNORECASE) for city, pattern in VENUES.items()}
# the paragraph after the lead places the event where a verb of it says so ("The talks
# were held at the headquarters in Rabat"), not where it names something else ("touched
# on the COP29 conference in Baku"); matched in translit form
_EVENT_VERBS = "|".join(
    re.escape(translit(verb))
    for verb in (
        *("held", "took place", "signed", "visited", "toured", "arrived", "hosted", "met"),
        *("received", "прошл", "состоял", "подписан", "прибыл", "посетил", "keçirilib"),
        *("imzalan", "səfər", "tenue", "signé", "reçu", "عقد", "وقع", "استقبل", "برگزار"),
        *("presented at a ceremony", "awarded at", "handed over", "на церемонии", "вручен"),
        *("mərasim", "keçiril", "düzenlen", "gerçekleştiril"),
    )
)
_PLACED = re.compile(rf"(?:{_EVENT_VERBS})[^.]{{0,80}}$")
# Azerbaijani and Turkish put the verb after the place: "Rabatda ... keçirilən mərasimdə"
_PLACED_AFTER = re.compile(rf"^[^.]{{0,60}}(?:{_EVENT_VERBS})")
# the same verb a few words before the place: "signed yesterday in the Saudi capital"
_NEAR_VERBS = "|".join(
    (_EVENT_VERBS, "hold", "sign", "meet", "visit", "talks", "arriv", "host", "gather")
)
_PLACED_NEAR = re.compile(rf"(?:{_NEAR_VERBS})\w*(?:\s+[^\s.,;:]+){{0,4}}\s+$")


def lead_place(
    title: str, body: str, lead_end: int, next_end: int | None = None
) -> tuple[str | None, str | None, frozenset[str], bool]:
    """The place of the event told in the lead (``body[:lead_end]``, else the paragraph
    after it, up to ``next_end``), its country, and every gazetteer place of the
    article's start, and whether that place is only a capital's dateline (where the
    report was written, which a report from elsewhere names otherwise).

    A city after "in", "at ... in", "visit to" (or with a locative ending, or a venue
    that names its city, "ICESCO headquarters") beats the dateline city, which beats a
    country; a city of the lead's country named further on is that country's city.
    """
    lead = f"{title}\n{body[: max(lead_end, next_end or 0)]}"
    lead_t = translit(lead)
    # where the paragraph after the lead starts, in the original and the translit text
    split = len(title) + 1 + lead_end
    split_t = len(translit(lead[:split]))
    chosen: list[tuple[float, int, str, str]] = []
    for place, start, end in place_hits(lead):
        before = lead_t[max(0, start - 40) : start]
        cue = bool(PLACE_CUE.search(before) or PLACE_AFTER.match(lead_t, end))
        cue = cue or bool(_HOSTS.match(lead_t, end))
        is_city = place.key != place.country
        line_start = lead_t.rfind("\n", 0, start) + 1
        dateline = (
            start - line_start < 3 and re.match(r"[\w\s]{0,30}[,.:/]", lead_t[start:]) is not None
        )
        later = start >= split_t  # in the paragraph after the lead
        placed_later = _PLACED.search(lead_t[max(split_t, start - 90) : start]) or (
            PLACE_AFTER.match(lead_t, end) and _PLACED_AFTER.match(lead_t[end:])
        )
        cue = cue and not (later and not placed_later)
        # a cue city of the lead; one the next paragraph places the event in; the
        # dateline's; a country of the lead
        # in the lead, a city a verb of the event puts it in ("signed in Riyadh") beats
        # one it names for something else ("a centre to open in Baku")
        placed = bool(_PLACED_NEAR.search(lead_t[max(0, start - 60) : start]))
        rank = (
            (1.0 if later else 0.0 if placed else 0.5)
            if cue and is_city
            else 1.2
            if dateline and is_city and not later
            else 2.0
            if cue and not later
            else 9.0
        )
        if rank < 9:
            chosen.append((rank, start, place.key, place.country))
    for city, pattern in _VENUES.items():
        if (m := pattern.search(lead)) and city in PLACES:
            chosen.append(
                (1.0 if m.start() >= split else 0.0, m.start(), city, PLACES[city].country)
            )
    starts = find_places(f"{title}\n{body[:1500]}")
    places = frozenset(p.key for p, _ in starts)
    if not chosen:
        return None, None, places, False
    rank, _, key, country = min(chosen)
    abroad = [
        c
        for c in chosen
        if c[0] == 2.0 and c[3] != country and _VISIT.search(lead_t[max(0, c[1] - 40) : c[1]])
    ]
    if rank == 1.2 and abroad:  # "BAKU. ... is on a visit to Uzbekistan": not in Baku
        rank, _, key, country = abroad[0]
    if rank == 2.0:  # a country: its city, if the article's start names one
        key = next((p.key for p, _ in starts if p.country == key and p.key != key), key)
    return key.title(), country, places, rank == 1.2 and key in _NEWSROOMS
