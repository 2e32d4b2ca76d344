"""What an article reports: event type, participants, place and date (pure: no I/O, no clock).

``classify(title, body, language, published) -> EventInfo``

- **Event type** comes from phrase rules in English, Russian, Azerbaijani, Turkish,
  French, German, Arabic and Persian (``met with``/``встретился``/``görüşüb``/``استقبل``, ``phone
  conversation``/``телефонный разговор``/``telefon danışığı`` ...). A hit weighs by where
  it is: 3 in the title, 2 in the first sentence, 1 in the rest of the first paragraph,
  0.25 further on (capped), so the lead decides and the "he said" of every body does not.
  Ties go to the more specific type (phone_call > agreement > award > visit > meeting >
  conference > announcement > statement); below a small total the type is ``other``.
  ``confidence`` is the winner's share of all weight; from ``SURE`` (0.75) on, about four
  types in five are right on held-out articles (``bench/eval_events.py``). Refinements:

  - *strong* phrases weigh double: taking office (``takes office``, ``вступил в
    должность``: ``other``, no listed type fits), a speech *at* a session (``said during
    the 36th session``, ``сказал в ходе ... сессии``: ``conference``) and what is yet to
    happen (``will attend``, ``представит``, ``iştirak edəcək``: ``announcement``);
  - a visit told as the setting ("received the minister, who is on a visit to Baku",
    "as part of his visit") is not counted as a visit, nor are "the visiting president"
    and a courtesy visit (a meeting); a summit as the setting of talks ("on the
    sidelines of", "as part of the summit") is not counted as a conference, nor is a
    traveller's purpose ("arrived in Rabat to attend the session" is the visit's);
    "received" counts as a meeting unless an award, a letter or a title was received
    (``принял участие`` is taking part, ``qərar qəbul edib`` a decision);
  - what talks were about is their subject, read by the talks alone ("discussed heritage
    nominations", "обсудили подготовку к визиту", "görüşdə ... müzakirə olunub",
    "درباره ... گفت‌وگو کردند"), up to what the sides did next ("and signed"): no
    announcement, visit or signing of its own;
  - sentences that look back (a recalled event, a year two or more before the article's,
    but not in a "since" clause) are background and not counted; a follow-up's recap
    ("As reported earlier, ...", "Xəbər verdiyimiz kimi, ...") is too, and the paragraph
    after it is read as the lead; a lost status ("a goodwill ambassador no more",
    "stripped of") cancels an award;
  - a headline that tells only a trip ("Nazir Türkiyəyə gedib", "... في زيارة إلى
    أذربيجان") makes the meetings and sessions of its lead the trip's; words posted on a
    network ("took to X", "X hesabında") are a statement, whatever forum they praise;
    a headline that is a plan ("... paytaxtı elan ediləcək") stays one when the lead says
    who told it at a conference; a lead of praise whose next paragraph opens "During a
    meeting with ..." was said at the meeting, and one whose next paragraph quotes words
    said at a forum was said there; a portfolio ("Minister for Education and Professional
    Training") is no training course; "may apply", "может стать" in a headline is what
    is to come unless the lead tells talks, a visit or a call; a capital "named" or
    "designated" and an exhibition extended are decisions, headquarters inaugurated a
    ceremony, an exhibition visited a visit; a forum held by video is no call, and
    "X, Y explore ..." at a forum no talks;
  - the lead skips lines that are not prose (a menu, a heading, a temperature) and a
    repeat of the title, unwraps hard-wrapped lines, and does not end a sentence at a
    title or an initial ("Dr. AlMalik", "A. Garayev"); a lead that is a quotation, or
    that the next sentence says was somebody's words ("Об этом заявил ...", "bunu ...
    deyib"), is a statement, or a conference when they were said at a session (also
    when the next paragraph opens there: "Delivering the statement at the summit, ...");
    a headline of reaction ("Minister praises ties") over a lead that tells a meeting,
    a visit or a call is what was said at it; long quotations are speech, so their
    verbs ("we will sign") count for nothing; a URL slug standing for a title is read as
    words;
  - headline grammar is read in the title: "X, Y discuss ..." (talks), "X to visit
    Baku" (what is to come), "Minister: ...", "Лавров: ..." or "... - Economy Minister"
    (a statement, or a speech at a session when the sentence naming the speaker names
    the session: "... заявил ... на конференции", "seminarın açılışında deyib"; "Baku:
    ..." is a dateline); a decree, a guest book or an agreement
    to sign later is no agreement, a meeting held online is a call but a forum held by
    video is not, a press conference is speech, a guard of honour greets a visit;
  - a repeat of the headline near the top of the page (bare or after a breadcrumb,
    "Home World ...") marks where the article starts: a disclaimer or a feedback form
    above it is not the lead;
  - talks told in the lead ("has discussed ... with the minister") are a call when the
    sentence after the lead paragraph names the phone ("During the phone conversation").
- **Date** (:func:`monitor.entity_dates.event_date`): the title's date, then the lead's,
  then the dateline's, then one later in the body said with "on"/"held"; a page's stamp
  only for want of any. With a publication time a date must fall from 45 days before it
  to 2 days after (what is to come: a year after).
- **Place** (:func:`monitor.entity_places.lead_place`): a city the lead puts the event
  in, before the dateline's city, before a country.
- **Participants**: titled people (:func:`monitor.entity_people.find_people`) with
  the title and organisation said with them; a person named twice keeps the fullest
  name and the first title given; ``people`` holds their surname keys,
  ``principals`` the keys of those named in the title or the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from monitor import event_rules as rules
from monitor import event_titles as titles
from monitor.entities import ORGANISATIONS, find_places
from monitor.entity_dates import casefold, event_date
from monitor.entity_people import find_people
from monitor.entity_places import lead_place
from monitor.lead import (
    QUOTES,
    Lead,
    current_text,
    first_sentence,
    is_quote,
    paragraph_spans,
    read_lead,
    reference_year,
    unquoted,
    unsaid,
)

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


SURE = 0.75  # the confidence from which a type is shown as sure


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
    place_dateline: bool = False  # the place is only a capital's dateline: the newsroom's


def event_type(
    title: str, body: str, published: datetime | None = None, lead: Lead | None = None
) -> tuple[str, float]:
    """The event type of an article and the winner's share of the rule weight."""
    scores = event_scores(title, body, published, lead)
    best = max(rules.PRIORITY, key=lambda k: (scores[k], -rules.PRIORITY.index(k)))
    total = sum(scores.values())
    if scores[best] < rules.MIN_SCORE:
        return "other", 0.3
    return best, round(scores[best] / total, 3)


def event_scores(
    title: str, body: str, published: datetime | None = None, lead: Lead | None = None
) -> dict[str, float]:
    """The rule weight each event type gets from an article (what :func:`event_type` weighs).

    ``lead`` is ``read_lead(body, title)``, passed when the caller has it already.
    """
    lead = lead or read_lead(body, title)
    sentence, paragraph, rest_start = lead.sentence, lead.paragraph, lead.end
    year = reference_year(f"{title}\n{body}", published)
    if " " not in title.strip():  # a URL slug for a title: "president-receives-envoy"
        title = re.sub(r"[-_]+", " ", title)
    speaker = titles.speaker(title)
    if speaker and any(len(p.key) >= len(speaker) - 1 for p, _ in find_places(speaker)):
        speaker = None  # "Baku: ..." is a dateline, not a speaker
    if speaker and titles.title_future(title.replace(speaker, " ")) and _at_session(sentence, True):
        # "Shusha to be declared TURKSOY capital - minister" over "..., the minister said at
        # the conference": a plan told at a session, whose news is the plan
        speaker = None
    # "Cooperation grows. Об этом заявил министр ...", "Bunu nazir ... deyib": the sentence
    # after the lead says that the lead was somebody's words
    said_next = first_sentence(paragraph[len(sentence) :].strip() or body[rest_start:][:600])
    reported = bool(rules.SAID_THIS.search(casefold(said_next)))
    folded = casefold(sentence)
    # "..., bunu Prezident ... deyib" opening the lead: the headline was his words, unless
    # they are a plan told at a session ("Şuşa ... paytaxtı elan ediləcək" over "bunu
    # nazir ... konfransında deyib"): the plan is the news, not the speech
    if not speaker and rules.SAID_THIS.search(folded):
        plan = rules.COMPILED_STRONG["announcement"].search(casefold(title))
        speaker = None if plan and _at_session(sentence, True) else sentence
    # under "Minister: ...", a lead that says what he said ("the minister said that a
    # concert will be held") tells his words, not the events in them
    told_as_speech = (
        is_quote(sentence)
        or reported
        or (
            bool(speaker)
            and bool(rules.SPEECH.search(folded))
            and not any(rules.COMPILED[k].search(folded) for k in rules.ACTS)
        )
    )
    # (text, weight, most hits counted, is the headline)
    zones = (
        # after "Speaker:" the headline is speech: only the speaker part is read for events
        (casefold(speaker or title), 3.0, 2, True),
        # a lead that is a quotation is speech: its verbs are not the event, nor are those
        # of the speaker's own words told without quotation marks ("We will open ...")
        ("" if told_as_speech else casefold(unquoted(unsaid(sentence))), 2.0, 2, False),
        (casefold(unquoted(paragraph[len(sentence) :])), 1.0, 2, False),
        # the rest counts little and at most 4 hits: 1,500 characters of it are enough
        (casefold(unquoted(body[rest_start : rest_start + 1500])), 0.25, 4, False),
    )
    scores = dict.fromkeys(rules.PRIORITY, 0.0)
    headline = dict.fromkeys(rules.PRIORITY, 0.0)  # the title's, added below
    texts = [current_text(zone, year) for zone, *_ in zones]  # outside the background only
    in_title, in_sentence, in_paragraph, _ = (
        _score_zone(headline if is_title else scores, text, weight, cap, is_title)
        for text, (_, weight, cap, is_title) in zip(texts, zones, strict=True)
    )
    # "Minister praises ties" over a lead that tells a reception or a call: said at it
    if any(in_sentence[k] for k in rules.ACTS) and rules.REACTION.search(texts[0]):
        headline["statement"] = 0.0
    # "ICESCO chief calls for investment at Global Baku Forum": words the headline itself
    # puts at a session are a speech given at it
    elif headline["statement"] and _session_named(texts[0]):
        headline["conference"] += headline["statement"]
        headline["statement"] = 0.0
    scores = {k: v + headline[k] for k, v in scores.items()}
    only_trip = not any(v for k, v in headline.items() if k != "visit")
    if headline["visit"] and not speaker and only_trip:
        # a headline that tells only a trip ("Minister went to Türkiye", "الأمين العام في
        # زيارة إلى أذربيجان") makes the meetings and sessions its lead tells the trip's
        scores["visit"] += scores["meeting"] + scores["conference"]
        scores["meeting"] = scores["conference"] = 0.0
    call_in_lead = in_title["phone_call"] + in_sentence["phone_call"] > 0
    told = any(in_sentence.values()) or any(in_paragraph.values())
    # the first paragraph of prose after the lead (not a byline, "Редакция сайта ТАСС")
    spans = paragraph_spans(body[rest_start:])
    prose = (s for s in spans if body[rest_start + s[0] : rest_start + s[1]].count(" ") >= 7)
    after_lead = next((body[rest_start + a : rest_start + b] for a, b in prose), "")
    recap = bool(rules.AS_REPORTED.search(folded))

    def quoted_at_session() -> bool:
        """Whether the next paragraph quotes words and says they were said at a session."""
        return after_lead.lstrip()[:1] in QUOTES and _at_session(unquoted(after_lead), True)

    if (texts[1].strip() or recap) and not told:
        # a current lead that names no event ("Threats require solidarity within the
        # OIC.") is told by the paragraph after it ("the minister made the remark at
        # ..."), which then counts as the lead paragraph (1.0 with the rest's 0.25), and so
        # is a follow-up's after its recap ("As reported earlier, ..."); a lead that looks
        # back otherwise opens a feature, not a report
        hits = _score_zone(
            scores, current_text(casefold(unquoted(after_lead)), year), 0.75, 2, False
        )
        if any(hits[k] for k in rules.ACTS) and rules.REACTION.search(texts[0]):
            scores["statement"] -= headline["statement"]  # "... welcomed": said at it
        elif quoted_at_session():
            # "ICESCO hails ties" over "“...,” Almalik said at a forum": said at the forum
            scores["conference"] += rules.STRONG_WEIGHT * 2.0 + headline["statement"]
            scores["statement"] -= headline["statement"]
        if rules.AT_MEETING.match(casefold(after_lead).lstrip()):
            # "The minister appreciated the ties. During a meeting with ..., he ...": what
            # the lead said was said at the meeting the next paragraph opens with
            scores["meeting"] += rules.STRONG_WEIGHT * 0.75
    elif (
        told
        and not any(n for k, n in in_sentence.items() if k != "statement")
        and (_at_session(first_sentence(after_lead)) or quoted_at_session())
    ):
        # what the lead says was said is a speech at a session when the next paragraph
        # opens there ("Delivering the national statement at the Islamic Summit, ...") or
        # quotes it and says so ("“...,” Almalik said at an international forum")
        scores["conference"] += rules.STRONG_WEIGHT * 2.0
    if not any(in_sentence[k] for k in rules.ACTS) and rules.SPEECH_PART_OF.search(zones[3][0]):
        # "ICESCO calls for joint action" over "... The statement was part of the DG's
        # address at the webinar": a speech at a session
        scores["conference"] += rules.STRONG_WEIGHT * 2.0 + headline["statement"]
        scores["statement"] -= headline["statement"]
    # "X, Y discuss ...": talks, unless at a session ("Experts explore ... at Global Forum")
    if titles.TITLE_TALKS.search(casefold(title)) and not _session_named(casefold(title)):
        scores["meeting"] += 3.0
    # "X discussed ... with Y." / "During the telephone conversation, ...": the sentence
    # after the lead paragraph may name the medium of the talks it told
    following = first_sentence(body[rest_start : rest_start + 400])
    call_in_lead |= scores["meeting"] > 0 and bool(
        rules.COMPILED["phone_call"].search(
            rules.CIRCUMSTANCE["phone_call"].sub(" ", casefold(following))
        )
    )
    if call_in_lead:  # a call is told with the words of talks ("the sides discussed")
        scores["phone_call"] += scores["meeting"]
        scores["meeting"] = 0.0
    # "Speaker: words" over a lead that tells a meeting, a visit or a call, and no words
    # said ("the minister said during a meeting"): the words were said at it
    acted = any(in_sentence[k] for k in rules.ACTS) and not in_sentence["statement"]
    if speaker and not acted:
        # ... or over a lead that says where they were said ("said at the opening of the
        # forum", "выступая на конференции"): a speech given at a session, its news
        where = said_next if reported else first_sentence(after_lead)
        if _at_session(unquoted(paragraph), True) or _at_session(unquoted(where), True):
            scores["conference"] += rules.STRONG_WEIGHT * 2.0
        else:
            scores["statement"] += 3.0
    elif titles.title_future(rules.CIRCUMSTANCE["announcement"].sub(" ", casefold(title))):
        scores["announcement"] += rules.STRONG_WEIGHT * 3.0
    elif titles.TITLE_MAY.search(casefold(title)) and not any(in_sentence[k] for k in rules.ACTS):
        # "Azerbaijan may apply to UNESCO ...": what may come is the news of words said
        # about it, not of the talks or the call a lead tells
        scores["announcement"] += 3.0
    # words, then who said them: a statement, or a speech at a session when the words
    # about who said them name one ("“...,” said the President at the summit")
    attribution = said_next if reported else paragraph
    if (reported or paragraph.lstrip()[:1] in QUOTES) and _at_session(
        unquoted(attribution), reported
    ):
        scores["conference"] += rules.STRONG_WEIGHT * 2.0
    elif reported and not speaker and rules.AT_MEETING.search(casefold(attribution)):
        # "ICESCO will grant more scholarships. Об этом заявил ... на встрече с министром":
        # a headline of news, not of words, over words said at a meeting: the meeting
        scores["meeting"] += rules.STRONG_WEIGHT * 2.0
    elif reported or (is_quote(sentence) and sentence != paragraph):
        scores["statement"] += 2.0
    if rules.NEGATED.search(casefold(f"{title}\n{sentence}")):
        scores["award"] = 0.0
    # an analysis, a column or a week's review is no report (the guide's "other"); an
    # official's op-ed under "Ambassador: ..." is what he wrote (a statement)
    if not speaker and rules.GENRE_LINE.search(casefold(body[:rest_start])):
        scores["other"] += rules.STRONG_WEIGHT * 3.0
    return scores


def _session_named(text: str) -> bool:
    """Whether ``text`` puts something at a session ("at the forum"), not beside it."""
    return bool(rules.SESSION_NAMED.search(rules.CIRCUMSTANCE["conference"].sub(" ", text)))


def _at_session(text: str, attributed: bool = False) -> bool:
    """Whether ``text`` says words were said at a session ("said at the summit"), the
    session not being a setting ("on the sidelines of the summit"). ``attributed``: the
    text says who said the words, so a session named in it with a speech verb is enough."""
    where = rules.CIRCUMSTANCE["conference"].sub(" ", casefold(text))
    if rules.SOCIAL_POST.search(where):  # "took to X to hail the forum": posted, not said there
        return False
    if rules.COMPILED_STRONG["conference"].search(where):
        return True
    return attributed and bool(rules.SPEECH.search(where)) and _session_named(where)


TALKS = ("meeting", "phone_call")  # the types that read what talks were about


def _score_zone(
    scores: dict[str, float], text: str, weight: float, cap: int, headline: bool
) -> dict[str, int]:
    """Add one zone's rule weight to ``scores``; return the hits of each type."""
    seen: dict[str, str] = {}  # the text each type reads: its circumstances left out
    found: dict[str, int] = {}
    # what talks were about is their subject: only the talks read it
    subject_out = rules.TOPIC_BEFORE.sub(r"\g<lead> \g<verb>", rules.TOPIC.sub(r"\g<verb>", text))
    for kind, pattern in rules.COMPILED.items():
        read = text if kind in TALKS else subject_out
        # a headline names its news: "delegation on a visit to Rabat" is the visit
        setting = kind in rules.CIRCUMSTANCE and not (kind == "visit" and headline)
        seen[kind] = rules.CIRCUMSTANCE[kind].sub(" ", read) if setting else read
        if kind == "visit":
            seen[kind] = rules.NOT_A_VISIT.sub(" ", seen[kind])
        found[kind] = min(cap, len(pattern.findall(seen[kind])))
        scores[kind] += rules.WEIGHT.get(kind, 1.0) * weight * found[kind]
    for kind, pattern in rules.COMPILED_STRONG.items():
        hits = min(cap, len(pattern.findall(seen[kind])))
        scores[kind] += rules.STRONG_WEIGHT * weight * hits
        found[kind] += hits
    return found


def _fuller_role(first: str | None, later: str | None) -> str | None:
    """The role first given, unless it is a headline's abbreviation ("FM", "DG") that the
    text writes out later ("Minister of Foreign Affairs")."""
    if not first:
        return later
    abbreviation = first.isupper() and len(first) <= 4
    return later if later and abbreviation and len(later) > len(first) else first


def classify(title: str, body: str, language: str, published: datetime | None) -> EventInfo:
    """Read an article's event type, participants, place and date.

    ``language`` is accepted for the rules of later languages; the phrase tables are
    matched together because mixed-language pages are common (a Russian dateline in an
    English text). ``published`` anchors relative and year-less dates.
    """
    del language  # the rules of every language are tried at once
    # the type and the date read the lead past a repeat of the title; the principals and
    # the place read it from the body's first prose paragraph, a repeated title included
    lead = read_lead(body, title)
    first = read_lead(body)
    kind, confidence = event_type(title, body, published, lead)
    text = f"{title}\n\n{body}"
    lead_end = len(title) + 2 + first.sentence_end
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
        elif (person.key, initial) not in participants and (person.key, "") in participants:
            # "FM Bayramov" in the headline, then "Jeyhun Bayramov" in the lead: one person
            participants = {
                ((person.key, initial) if k == (person.key, "") else k): v
                for k, v in participants.items()
            }
        existing = participants.get((person.key, initial))
        if existing is None:
            participants[(person.key, initial)] = Participant(
                person.name, person.role, person.organisation
            )
            continue
        fuller = len(person.name) > len(existing.name) and " " in person.name
        participants[(person.key, initial)] = Participant(
            person.name if fuller else existing.name,
            _fuller_role(existing.role, person.role),
            existing.organisation or person.organisation,
        )
    organisations = frozenset(k for k, p in ORGANISATIONS.items() if p.search(text[:4000]))
    # the place: the lead's, else the next paragraph's (not a call's: it has two ends)
    after = next((b for a, b in paragraph_spans(body[first.end :]) if b - a > 40), 0)
    place, country, places, dateline = lead_place(title, body, first.end, first.end + after)
    if kind == "phone_call":
        place = country = None
        dateline = False
    # what is to come is dated when it will happen ("to be held on October 12-13")
    when = event_date(title, body, published, lead.end, 366 if kind == "announcement" else 2)
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
        place_dateline=dateline,
    )
