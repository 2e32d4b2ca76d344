"""Duplicates and stories: which stored articles report the same event (pure: no I/O).

An article becomes :class:`StoryFeatures` through :func:`features`; the store keeps, per
article, the keys of :func:`candidate_keys` in an index table and, per story, a count of
the stories each shingle occurs in (the *df* mapping). A new article then

1. looks up the articles filed under one of its :func:`lookup_keys` (never every stored
   article): the LSH bands of its MinHash signature (near copies) and entity-date keys
   such as ``p:almalik|2023-10`` (a person in a month), ``pl:rabat|2023-11`` (a place
   in a month) and ``d:almalik|2023-10-03`` (a person on a day); between an article
   without any date and the others, people keys such as ``pp:almalik+bairamov`` (two
   principal people). The index returns the few that share the rarest keys
   (``monitor.store.stories.candidates``);
2. is a duplicate of one of them (:func:`is_duplicate`: Jaccard of the full shingle sets
   >= 0.7, or a short copy 90 % contained in a longer one), or else
3. joins the story chosen by :func:`assign_story`, or starts a new one.

**Shingles**, MinHash signatures, LSH bands and the **boilerplate** discount (shingles
that many stored stories share are left out of the comparison) are the pure hashing of
:mod:`monitor.shingling`, re-exported here, as are the index keys of
:mod:`monitor.story_index`; this module holds the features and the same-story rules.
People are indexed by a spelling-tolerant key (:func:`monitor.person_names.skeleton`:
``mamedov`` and ``mamadov`` meet), so reports in two scripts become candidates of each
other.

**Same story** (:func:`same_story`) first applies vetoes: event dates more than 3 days
apart (or the publication dates, when an event date is missing), places in different
countries (Rabat against Baku) or different cities with little shared text (unless each
names the other's place too: a trip's stops, a listing decided in Rabat for a mosque in
Shusha), *different counterparts* (each side names in its title or first sentence
someone the other never names: President Aliyev meeting Erdogan and meeting Guterres on
one day; or one side does, and names the other's counterpart only further on: a
minister's two calls of one day; for a signing or a call, whose two parties tell it,
everyone a report names when its lead names nobody), and two kinds of event on two days
(each dated so by its text, or each sure of its kind and published on two days: a
meeting, then the signing). Then a match needs, with both dates known and close, a
shared person and either the other's principals or some shared wording (or, when neither
lead names anyone, the same day and kinds of event that fit); with a date missing on a
side, at least two shared people, the principals of both sides named by the other and
compatible event types; or, whatever the dates, a lot of shared rare wording. People
compare by surname key (``almalik`` ~ ``almaliki``) unless their first-name initials
differ (Ilham and Heydar Aliyev).

**Assigning** (:func:`assign_story`) compares with every article of each candidate story:
a story is refused when any of its articles vetoes the new one (complete-link vetoes, so
stories do not drift by chaining), and otherwise scores as its best-matching article
(single-link evidence, so a French report joins through the English report that names the
same people even when the other articles are too cut to). The best score wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from monitor.classify import SURE
from monitor.person_names import same_person
from monitor.shingling import _PERMS as _PERMS  # re-exported, like the names below
from monitor.shingling import BANDS as BANDS
from monitor.shingling import NUM_PERM as NUM_PERM
from monitor.shingling import ROWS as ROWS
from monitor.shingling import boilerplate_filter as boilerplate_filter
from monitor.shingling import jaccard as jaccard
from monitor.shingling import lsh_bands as lsh_bands
from monitor.shingling import minhash as minhash
from monitor.shingling import overlap as overlap
from monitor.shingling import paragraph_shingles as paragraph_shingles
from monitor.shingling import shingles as shingles
from monitor.story_features import RARE_NAME as RARE_NAME
from monitor.story_features import RARE_SHARE as RARE_SHARE
from monitor.story_features import READING as READING
from monitor.story_features import StoryFeatures as StoryFeatures
from monitor.story_features import features as features
from monitor.story_index import DATE_WINDOW as DATE_WINDOW
from monitor.story_index import candidate_keys as candidate_keys
from monitor.story_index import lookup_keys as lookup_keys
from monitor.story_names import subject_hashes

K = TypeVar("K")
STRONG_TEXT = 0.45  # shared rare wording that alone makes one story
SOME_TEXT = 0.12  # shared rare wording that supports shared people
_BILATERAL = {"agreement", "phone_call"}  # two parties: who signed, who called
_VAGUE = {"other", "statement"}  # kinds too broad to tell one event by
# kinds of event held on one day: two of them on two days are two events (a visit, a
# conference or an exhibition may last a week, and a report may date its first day)
_ONE_DAY = {"meeting", "phone_call", "agreement"}
_COMPATIBLE = {
    frozenset({"meeting", "visit"}),
    frozenset({"meeting", "statement"}),
    frozenset({"visit", "conference"}),
    frozenset({"meeting", "agreement"}),
    frozenset({"announcement", "statement"}),
    frozenset({"announcement", "agreement"}),
    frozenset({"conference", "statement"}),
}


def is_duplicate(a: StoryFeatures, b: StoryFeatures) -> bool:
    """Near-identical copies: Jaccard >= 0.7, or a copy 90 % contained in a longer one."""
    small, large = sorted((len(a.shingles), len(b.shingles)))
    if small == 0 or (small < 30 and small / large < 0.7):  # neither test can pass
        return False
    shared = len(a.shingles & b.shingles)
    return shared / (small + large - shared) >= 0.7 or (small >= 30 and shared / small >= 0.9)


@dataclass(frozen=True)
class _Verdict:
    same: bool
    score: float
    reason: str
    veto: bool = False


def _shared_people(a: StoryFeatures, b: StoryFeatures) -> set[str]:
    shared = set()
    for p in a.people:
        for q in b.people:
            if same_person(p, q):
                ia = {i for k, i in a.initials if k == p}
                ib = {i for k, i in b.initials if k == q}
                if not (ia and ib and not ia & ib):
                    shared.add(p)
    return shared


def _covered(principals: frozenset[str], other: frozenset[str]) -> set[str]:
    return {p for p in principals if any(same_person(p, q) for q in other)}


def _ahead(f: StoryFeatures) -> bool:
    """Whether ``f`` dates an event to come (after the report)."""
    return bool(f.event_date and f.published and f.event_date > f.published + DATE_WINDOW)


def _told_before(f: StoryFeatures) -> bool:
    """Whether ``f`` announces an event dated after the report."""
    return f.event_type == "announcement" and bool(
        f.event_date and f.published and f.event_date > f.published
    )


def _day(a: StoryFeatures, b: StoryFeatures) -> date | None:
    """The day ``a`` is held against ``b``: its event's, else its publication's; but an
    event to come (dated after the report) against a report that dates no event, or
    announces it without its date, is the day it was announced: "Baku to host the forum
    on 20-22 October", told in September, and "ICESCO opens registration for the forum"
    of the same day."""
    if _ahead(a) and (b.event_date is None or (b.event_type == "announcement" and not _ahead(b))):
        return a.published
    return a.event_date or a.published


def _compare(a: StoryFeatures, b: StoryFeatures) -> _Verdict:
    if is_duplicate(a, b):
        return _Verdict(True, 1.0, "duplicate")
    text = overlap(a.content, b.content)
    da, db = _day(a, b), _day(b, a)
    if da and db and abs(da - db) > DATE_WINDOW:
        kind = "event dates" if a.event_date and b.event_date else "dates"
        return _Verdict(False, 0.0, f"veto: {kind} differ ({da} vs {db})", True)
    # the same people met again: a meeting (a call, a signing) dated by each text on its
    # own day, "met again in Baku on December 7, two days after their first meeting"
    # in one language (a report in another often comes out the next day under its own
    # dateline, which then dates its event)
    one_day = a.event_type == b.event_type and a.event_type in _ONE_DAY
    one_day = one_day and a.language == b.language and text < STRONG_TEXT
    if one_day and a.event_date and b.event_date and a.event_date != b.event_date:
        why = f"{a.event_type} on {a.event_date} and on {b.event_date}"
        return _Verdict(False, 0.0, f"veto: two days of one kind of event ({why})", True)
    # an event told before its day ("Shusha to host the ceremony on Friday") and told once
    # held, on that day or after, are two pieces of news
    for x, y in ((a, b), (b, a)):
        held = bool(y.published and x.event_date and x.event_date <= y.published)
        if _told_before(x) and held and text < STRONG_TEXT:
            return _Verdict(False, 0.0, f"veto: told before its day ({x.event_date})", True)
    # each names the other's place too: they tell one event by two of its places (a
    # listing decided in Rabat for a mosque in Shusha; a trip's stops, "visited Aghdam
    # and Fuzuli"), not two places
    crossed = a.place in b.places and b.place in a.places
    # a capital's dateline tells where a report was written: Baku's on a session in Rabat
    elsewhere = crossed or a.place_dateline or b.place_dateline
    if a.country and b.country and a.country != b.country and not elsewhere:
        return _Verdict(False, 0.0, f"veto: places differ ({a.place} vs {b.place})", True)
    cities = a.place != a.country and b.place != b.country and not elsewhere
    if a.place and b.place and a.place != b.place and cities and text < STRONG_TEXT:
        return _Verdict(False, 0.0, f"veto: cities differ ({a.place} vs {b.place})", True)
    shared = _shared_people(a, b)
    # the counterparts: the people of the lead; for a signing or a call (an agreement to
    # come is told as an announcement too), of the article when its lead names nobody
    # ("The memorandum was signed by the minister and ..." further on)
    kinds = {a.event_type, b.event_type}
    bilateral = kinds <= _BILATERAL | {"announcement"} and bool(kinds & _BILATERAL)
    lead_a = (a.principals or a.people) if bilateral else a.principals
    lead_b = (b.principals or b.people) if bilateral else b.principals
    extra_a = lead_a - _covered(lead_a, b.people)
    extra_b = lead_b - _covered(lead_b, a.people)
    # each lead names someone the other never names; or one does, and the other's
    # counterpart is named by the first only further on (the minister's call with a
    # foreign minister, "earlier that day he also spoke with the Director General")
    aside_a = b.principals - _covered(b.principals, a.principals) if extra_a else set()
    aside_b = a.principals - _covered(a.principals, b.principals) if extra_b else set()
    if ((extra_a and (extra_b or aside_a)) or (extra_b and aside_b)) and text < STRONG_TEXT:
        return _Verdict(
            False,
            0.0,
            f"veto: different counterparts ({sorted(extra_a or aside_b)} vs"
            f" {sorted(extra_b or aside_a)})",
            True,
        )
    dated = bool(da and db)
    md_a = a.month_day or ((da.month, da.day) if da else None)
    md_b = b.month_day or ((db.month, db.day) if db else None)
    if not dated and md_a and md_b:
        gap = abs(date(2000, *md_a) - date(2000, *md_b)).days
        if min(gap, 366 - gap) > DATE_WINDOW.days:
            return _Verdict(False, 0.0, f"veto: event days differ ({md_a} vs {md_b})", True)
        dated = True
    sure = min(a.type_confidence, b.type_confidence) >= 0.5 and text < STRONG_TEXT
    if "phone_call" in kinds and kinds & {"meeting", "visit", "conference"} and sure:
        return _Verdict(False, 0.0, f"veto: a call is not a meeting ({sorted(kinds)})", True)
    # both texts date their event, on two days, and tell two kinds of event: the meeting
    # of two delegations, then the memorandum they signed the next day
    two_days = a.event_date and b.event_date and a.event_date != b.event_date
    # ... or, each sure of its kind, on two days of publication
    sure_kinds = min(a.type_confidence, b.type_confidence) >= SURE
    two_days = two_days or (sure_kinds and da != db)
    if two_days and len(kinds) == 2 and text < STRONG_TEXT:
        why = f"{a.event_type} {a.event_date}, {b.event_type} {b.event_date}"
        return _Verdict(False, 0.0, f"veto: two events on two days ({why})", True)
    types_ok = (
        a.event_type == b.event_type or frozenset({a.event_type, b.event_type}) in _COMPATIBLE
    )
    same_type = a.event_type == b.event_type
    score = round(
        0.5 * text + 0.15 * min(len(shared), 2) + 0.1 * types_ok + 0.05 * same_type + 0.1 * dated, 3
    )
    why = f"text {text:.2f}, shared {sorted(shared)}, types {a.event_type}/{b.event_type}"
    if text >= STRONG_TEXT:
        return _Verdict(True, score, f"same wording: {why}")
    # One person in common is weak evidence in an organisation's news: its head opens a
    # workshop on Monday and a symposium on Wednesday. Told in one language with little
    # shared wording, such a pair needs the same day as well (the event's, else the
    # publication's, as for the veto above).
    same_day = da is not None and da == db
    alone = len(shared) < 2 and a.language == b.language and not same_day
    one_kind = a.event_type == b.event_type and a.event_type not in _VAGUE
    # leads that name nobody ("The ministry and ICESCO signed a memorandum"): the person
    # both name further on, the day and kinds of event that fit (neither too broad)
    nameless = not (a.principals or b.principals) and same_day and types_ok and not kinds & _VAGUE
    people_agree = len(shared) >= 2 or bool(a.principals and not extra_a and not alone) or nameless
    # two people in common on one day: kinds that do not fit are one unsure reading
    unsure = min(a.type_confidence, b.type_confidence) < SURE
    kinds_ok = types_ok or (len(shared) >= 2 and same_day and unsure)
    common = a.names & b.names  # rare names of the headline and lead, in any script
    proper = len(common - subject_hashes())  # names and numbers
    # ... and their subjects (manuscripts, рукописи), which tell more than shared wording
    # only between two languages; a subject alone does not bring a day apart or make a
    # scene (below): a subject is no name
    named = proper if a.language == b.language else len(common)
    # (a meeting with someone the other never names, on the sidelines of the session the
    # other tells, shares the session's rare names: two events)
    beside = kinds == {"meeting", "conference"} and bool(extra_a or extra_b)
    rare = named >= 2 and not beside
    if dated and shared and (text >= SOME_TEXT or rare or (people_agree and kinds_ok)):
        return _Verdict(True, score, f"same people, close dates: {why}")
    # reports in two languages share no wording and often name no one in the lead: the
    # same person on the same day at an event of one type in one city is one event,
    # unless either lead names someone the other does not (the Director General's day
    # in Baku: a symposium, then the foreign minister). A report in another language
    # often comes out the next day and names the event otherwise (an announcement
    # against a statement): the same then holds a day apart, but a meeting is not the
    # conference it was held beside.
    alone_together = bool(shared and not extra_a and not extra_b and a.place == b.place)
    if alone_together and a.place and same_day and a.event_type == b.event_type:
        return _Verdict(True, score, f"same person, day, place and type: {why}")
    next_day = da is not None and db is not None and abs(da - db).days <= 1
    other_words = types_ok and kinds != {"meeting", "conference"}
    if alone_together and a.place and a.language != b.language and next_day and other_words:
        return _Verdict(True, score, f"two languages, same person and place a day apart: {why}")
    # reports in two languages that name nobody in common, often nobody at all: one kind
    # of event in one city on one day (a day apart with a person or a rare name in common:
    # two seminars of one week share the city only), unless each names people and none of
    # them the same, or either lead names someone the other does not; a report that
    # names nobody at all contradicts no one ("a conference in Tashkent" and "the
    # minister at the conference in Tashkent")
    city = a.place is not None and (a.place == b.place or crossed) and a.place != a.country
    # a report that puts its event nowhere but names the other's city further on
    city = city or bool(
        (a.place is None and b.place and b.place != b.country and b.place in a.places)
        or (b.place is None and a.place and a.place != a.country and a.place in b.places)
    )
    both_name = bool(a.people and b.people)
    nobody_else = not both_name or bool(shared and not extra_a and not extra_b)
    close = same_day or (next_day and bool(shared or proper))  # a day apart: more in common
    scene = (city or proper) and close and one_kind
    # an exhibition, a ceremony, a concert ("other") told in two languages: by its city
    # on its very day
    other = a.event_type == b.event_type == "other" and a.language != b.language
    scene = scene or (city and same_day and other)
    if scene and nobody_else:
        return _Verdict(True, score, f"one kind of event, city and day: {why}")
    if named >= 2 and next_day and (types_ok or unsure) and nobody_else:
        return _Verdict(True, score, f"{named} rare names in common a day apart at most: {why}")
    if (
        not dated
        and len(shared) >= 2
        and a.principals
        and b.principals
        and not extra_a
        and not extra_b
        and types_ok
    ):
        return _Verdict(True, score, f"same principals, date unknown: {why}")
    if (
        not dated
        and shared
        and a.principals
        and b.principals
        and not extra_a
        and not extra_b
        and a.place
        and a.place == b.place
        and types_ok
        and (text >= SOME_TEXT or a.language != b.language)
    ):
        return _Verdict(True, score, f"same principals, place and type, date unknown: {why}")
    return _Verdict(False, score, f"not enough in common: {why}")


def same_story(a: StoryFeatures, b: StoryFeatures) -> tuple[bool, float, str]:
    """Whether two articles report one event, a score in [0, 1], and the reason."""
    verdict = _compare(a, b)
    return verdict.same, verdict.score, verdict.reason


def joins(own: Sequence[StoryFeatures], other: Sequence[StoryFeatures]) -> float | None:
    """The score at which articles ``own`` join the story of articles ``other``: the best
    of their pairs that tell one event; None when none does or any pair vetoes."""
    verdicts = [_compare(a, b) for a in own for b in other]
    if any(v.veto for v in verdicts):
        return None
    return max((v.score for v in verdicts if v.same), default=None)


def assign_story(article: StoryFeatures, candidates: Sequence[tuple[K, StoryFeatures]]) -> K | None:
    """The story ``article`` belongs to among ``candidates`` ((story id, member) pairs):
    refused when one of its members vetoes the article, else scored as its best-matching
    member (:func:`joins`). The best story's id (on equal scores, the one whose member
    comes first: callers list the older stories first), or None for a new story."""
    by_story: dict[K, list[StoryFeatures]] = {}
    for story_id, member in candidates:
        by_story.setdefault(story_id, []).append(member)
    best: tuple[float, K] | None = None
    for story_id, members in by_story.items():
        score = joins([article], members)
        if score is not None and (best is None or score > best[0]):
            best = (score, story_id)
    return best[1] if best else None
