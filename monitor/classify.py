"""What an article reports: event type, participants, place and date (pure: no I/O, no clock).

``classify(title, body, language, published) -> EventInfo``

- **Event type** comes from phrase rules in English, Russian, Azerbaijani, French and
  German (``met with``/``встретился``/``görüşüb``, ``phone conversation``/``телефонный
  разговор``/``telefon danışığı`` ...). A hit weighs by where it is: 3 in the title, 2 in
  the first sentence, 1 in the rest of the first paragraph, 0.25 further on (capped), so
  the lead decides and the "he said" of every body does not. Ties go to the more specific
  type (phone_call > agreement > award > visit > meeting > conference > announcement >
  statement); below a small total the type is ``other``. ``confidence`` is the winner's
  share of all weight.
- **Date**: dated phrases (:func:`monitor.entities.find_dates`) weigh by place too: a
  dateline ("BAKU, Azerbaijan, October 3.") or the title most, the lead next, and a date
  later in the body only after "on"/"held". Sentences that look back ("recalled his
  visit on October 2-5") are skipped, and with a publication time a date must fall from
  45 days before to 2 days after it. Day-month dates without a year need ``published``.
- **Place**: in the lead, a gazetteer city after "in", "at ... in", "visit to" (or with an
  Azerbaijani locative ending) beats the dateline city, which beats such a country.
- **Participants**: titled people (:func:`monitor.entities.find_people`) with the
  organisation named next to them; ``people`` holds their surname keys,
  ``principals`` the keys of those named in the title or the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from monitor.entities import TITLE_RE, DateHit, find_dates, find_people, find_places, translit

EVENT_TYPES = (
    "meeting",
    "visit",
    "phone_call",
    "announcement",
    "agreement",
    "award",
    "conference",
    "statement",
    "other",
)


@dataclass(frozen=True)
class Participant:
    """A person taking part: the name as written, the title before it, the organisation."""

    name: str
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class EventInfo:
    """What one article reports. The key sets are what story matching compares."""

    event_type: str
    confidence: float
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    event_date: date | None = None
    people: frozenset[str] = frozenset()
    principals: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    country: str | None = None
    month_day: tuple[int, int] | None = None  # the event's day when its year is unknown


# Phrase rules: a regex per type (matched on the lower-cased text), one line per language.
_RULES: dict[str, tuple[str, ...]] = {
    "phone_call": (
        r"phone (?:conversation|call|talks?)|telephone (?:conversation|call|talks?)"
        r"|spoke (?:by|on the|over the) (?:tele)?phone|videoconference call",
        r"телефонн\w+ разговор|по телефону",
        r"telefon danışığı|telefonla danış",
        r"entretien téléphonique|telefongespräch|telefonierte",
    ),
    "agreement": (
        r"signed|signing|memorandum|agreement|\bmou\b",
        r"подписа\w*|меморандум|соглашени\w*",
        r"imzala\w*|memorandum|saziş",
        r"\bsigné|accord de|unterzeichne\w*|abkommen",
    ),
    "award": (
        r"\bawarded|\bawards?\b|honou?red with|\border of\b|\bmedal|\bprize\b|decorated",
        r"наградил\w*|награжд\w*|\bорден\w*|медал\w*",
        r"təltif|mükafat|\borden\w*",
        r"décoré|\bprix\b|ausgezeichnet|\borden\b",
    ),
    "visit": (
        r"\bvisit(?:ed|s|ing)?\b|arriv(?:ed|es|ing) in|\btour(?:ed)?\b",
        r"посетил\w*|визит\w*|прибыл\w*",
        r"səfər|ziyarət|gəlib",
        r"\bvisite\b|\bbesuch\w*",
    ),
    "meeting": (
        r"\bmet\b|\bmeets?\b|meeting with|held talks|\btalks with|\breceive[ds]?\b|received"
        r"|discuss(?:ed|es)? (?:cooperation|prospects)|had a meeting|have discussed",
        r"встретил\w*|встреч\w*|\bпринял\w*|переговор\w*|обсудил\w*",
        r"görüş\w*|qəbul ed\w*|müzakirə",
        r"\ba reçu\b|\breçoit\b|rencontr\w*|s'est entretenu|\btrifft\b|empfing|zusammengetroffen",
        r"استقبل|التقى|لقاء|دیدار|ملاقات",
    ),
    "conference": (
        r"conference|\bforum\b|\bsession\b|\bsummit\b|congress|symposium|general assembly"
        r"|executive council|opening ceremony|\bgames\b",
        r"конференц\w*|форум\w*|сесси\w*|саммит\w*|заседани\w*|конгресс\w*"
        r"|в ходе (?:\S+ ){0,3}(?:сесси|конференц|форум|саммит)\w*",
        r"konfrans|\bforum\w*|sessiya\w*|sammit\w*|iclas\w*|qurultay",
        r"conférence|\bsommet\b|konferenz|sitzung|gipfel",
        r"مؤتمر|منتدى|قمة|نشست|اجلاس|کنفرانس",
    ),
    "announcement": (
        r"announce[ds]?|appointed|appointment|\bdecided\b|\bdecision\b|declared .{0,40}capital"
        r"|will (?:host|be held|open)|to be held|\blaunch(?:ed|es)?\b|takes office",
        r"объявил\w*|назнач\w*|решени\w*|будет представлен|объявлен\w*",
        r"elan ed\w*|təyin\w*|qərar\w*|açılır|sədrlik edəcək|keçiriləcək",
        r"annonc\w*|\bnommé|ernannt|angekündigt",
    ),
    "statement": (
        r"\bsaid\b|\bstated\b|statement|declared|\bsays\b|interview|condemn\w*|calls? on"
        r"|propos\w+|expressed|urged",
        r"заявил\w*|заявлени\w*|сказал\w*|интервью|призвал\w*|предлож\w*",
        r"bəyanat\w*|bildirib|deyib|bəyan ed\w*|müsahibə|önəm verir",
        r"déclaration|a déclaré|erklär\w*",
        r"بيان|أكدت?|قال|صرح|جدد|أعرب|دعا|خواستار|گفت|بیانیه|اعلام کرد",
    ),
    "other": (r"\bconcert\b|exhibition|festival|\blogo\b|концерт|выставк|sərgi|konsert",),
}
_COMPILED = {k: re.compile("|".join(v)) for k, v in _RULES.items()}
_PRIORITY = (
    "phone_call",
    "agreement",
    "award",
    "visit",
    "meeting",
    "conference",
    "announcement",
    "statement",
    "other",
)
_MIN_SCORE = 1.0
# Nouns of setting ("on the sidelines of the forum") and verbs of speech ("he said") are
# context in most reports: they weigh less than the verbs of meeting, visiting, signing.
_WEIGHT = {"conference": 0.6, "statement": 0.7, "announcement": 0.9}

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
_ORG_RE = {k: re.compile(v, re.IGNORECASE) for k, v in _ORGS.items()}
_PLACE_CUE = re.compile(
    r"(?:\bin|\bat|\bto|\bfrom|held in|\bв|\bво|\bà|\bau|\ben|\bnach|\bim)\s+(?:the\s+)?"
    r"(?:(?:city|kingdom|republic|state|capital) of\s+(?:the\s+)?)?$"
)
_EVENT_WORD = re.compile(
    r"meeting|talks|conversation|held|visit|ceremony|встреч|переговор|визит|görüş|səfər|réunion",
    re.I,
)
_DATE_CUE = re.compile(r"(?:\bon|held|took place|\bв|\bот)\s+(?:\w+\s+)?$", re.I)


def _lead(body: str) -> tuple[str, str]:
    """The first sentence and the first paragraph of ``body`` (skipping very short lines)."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", body) if len(p.strip()) > 40]
    first_par = paragraphs[0] if paragraphs else body[:400]
    m = re.search(r"(?<=[.!?])\s+(?=[A-ZА-ЯƏİ«\"])", first_par)
    if m and m.start() < 50:  # a dateline ("BAKU, Azerbaijan, October 3.") is no sentence
        n = re.search(r"(?<=[.!?])\s+(?=[A-ZА-ЯƏİ«\"])", first_par[m.end() :])
        return (first_par[: m.end() + n.start()] if n else first_par), first_par
    return (first_par[: m.start()] if m else first_par), first_par


def event_type(title: str, body: str) -> tuple[str, float]:
    """The event type of an article and the winner's share of the rule weight."""
    sentence, paragraph = _lead(body)
    rest_start = body.find(paragraph) + len(paragraph)
    zones = (
        (title.casefold(), 3.0, 2),
        (sentence.casefold(), 2.0, 2),
        (paragraph[len(sentence) :].casefold(), 1.0, 2),
        (body[rest_start:].casefold(), 0.25, 4),
    )
    scores = dict.fromkeys(_PRIORITY, 0.0)
    for kind, pattern in _COMPILED.items():
        for text, weight, cap in zones:
            scores[kind] += _WEIGHT.get(kind, 1.0) * weight * min(cap, len(pattern.findall(text)))
    best = max(_PRIORITY, key=lambda k: (scores[k], -_PRIORITY.index(k)))
    total = sum(scores.values())
    if scores[best] < _MIN_SCORE:
        return "other", 0.3
    return best, round(scores[best] / total, 3)


def _event_date(title: str, body: str, published: datetime | None) -> DateHit | None:
    ref = published.date() if published else None
    _, paragraph = _lead(body)
    lead_end = body.find(paragraph) + len(paragraph) if paragraph else 400
    best: tuple[float, int, DateHit] | None = None
    for zone, text, base in (("title", title, 4.0), ("body", body[:2500], 0.0)):
        for hit in find_dates(text, published):
            if ref and not ref - timedelta(days=45) <= hit.day <= ref + timedelta(days=2):
                continue
            before = text[max(0, hit.start - 40) : hit.start]
            weight = base
            if zone == "body":
                if hit.start < 120 and re.search(
                    r"^[\s\W]*[A-ZА-Я][\w]+[,.:]?\s*(?:\w+,\s*)?$", before
                ):
                    weight = 5.0  # dateline: "BAKU, Azerbaijan, October 3."
                elif hit.start < lead_end:
                    weight = 3.0
                elif _DATE_CUE.search(before) and _EVENT_WORD.search(
                    text[max(0, hit.start - 80) : hit.start + 60]
                ):
                    weight = 2.0
                else:
                    continue
                weight += 0.5 if _DATE_CUE.search(before) else 0.0
            if hit.kind == "relative":
                weight -= 0.5
            if best is None or (weight, -hit.start) > (best[0], -best[1]):
                best = (weight, hit.start, hit)
    return best[2] if best else None


def _place(title: str, body: str) -> tuple[str | None, str | None, frozenset[str]]:
    _, paragraph = _lead(body)
    lead = f"{title}\n{body[: body.find(paragraph) + len(paragraph)]}" if paragraph else title
    lead_t = translit(lead)
    chosen: list[tuple[int, str, str]] = []
    for place, start in find_places(lead):
        before = lead_t[max(0, start - 40) : start]
        after = lead_t[start + len(place.key) : start + len(place.key) + 6]
        cue = bool(_PLACE_CUE.search(before)) or bool(re.match(r"\w*(?:da|də|de|ta|te)\b", after))
        is_city = place.key != place.country
        line_start = lead_t.rfind("\n", 0, start) + 1
        dateline = (
            start - line_start < 3 and re.match(r"[\w\s]{0,30}[,.:/]", lead_t[start:]) is not None
        )
        rank = 0 if cue and is_city else 1 if dateline and is_city else 2 if cue else 9
        if rank < 9:
            chosen.append((rank, place.key, place.country))
    places = frozenset(p.key for p, _ in find_places(f"{title}\n{body[:1500]}"))
    if not chosen:
        return None, None, places
    _, key, country = min(chosen, key=lambda c: c[0])
    return key.title(), country, places


def _organisation_near(text: str, start: int) -> str | None:
    window = text[max(0, start - 100) : start + 140]
    nearest: tuple[int, str] | None = None
    for key, pattern in _ORG_RE.items():
        for m in pattern.finditer(window):
            distance = abs(m.start() - min(100, start))
            if nearest is None or distance < nearest[0]:
                nearest = (distance, key)
    return nearest[1] if nearest else None


def classify(title: str, body: str, language: str, published: datetime | None) -> EventInfo:
    """Read an article's event type, participants, place and date.

    ``language`` is accepted for the rules of later languages; the phrase tables are
    matched together because mixed-language pages are common (a Russian dateline in an
    English text). ``published`` anchors relative and year-less dates.
    """
    del language  # the rules of every language are tried at once
    kind, confidence = event_type(title, body)
    text = f"{title}\n\n{body}"
    sentence, _ = _lead(body)
    lead_end = len(title) + 2 + body.find(sentence) + len(sentence)
    participants: dict[tuple[str, str], Participant] = {}
    people: set[str] = set()
    principals: set[str] = set()
    for person in find_people(text[:4000]):
        people.add(person.key)
        if person.start < lead_end:
            principals.add(person.key)
        initial = person.initial
        if not initial:  # "Dr. AlMalik": the person already named in full, if any
            initial = next((i for k, i in participants if k == person.key), "")
        existing = participants.get((person.key, initial))
        if existing is None or (len(person.name) > len(existing.name) and " " in person.name):
            role = person.role if person.role and TITLE_RE.fullmatch(person.role) else None
            role = role or (existing.role if existing else None)
            org = _organisation_near(text, person.start) or (
                existing.organisation if existing else None
            )
            participants[(person.key, initial)] = Participant(person.name, role, org)
    organisations = frozenset(k for k, p in _ORG_RE.items() if p.search(text[:4000]))
    place, country, places = _place(title, body)
    when = _event_date(title, body, published)
    return EventInfo(
        event_type=kind,
        confidence=confidence,
        participants=tuple(participants.values()),
        place=place,
        event_date=when.day if when and when.kind != "day-month" else None,
        people=frozenset(people),
        principals=frozenset(principals),
        organisations=organisations,
        places=places,
        country=country,
        month_day=(when.day.month, when.day.day) if when else None,
    )
