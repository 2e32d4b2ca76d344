"""An article's lead: its first sentence and first paragraph (pure text structure).

Real pages put menus, headings, bylines and datelines above the text, wrap lines hard,
and write "Dr. AlMalik" with a full stop that ends no sentence. :func:`read_lead` finds the
first paragraph that reads as prose, unwraps it and cuts its first sentence, and says
where both end in the body, so that callers can weigh the lead apart from the rest.
:func:`current_text` leaves out the sentences that look back (a recalled event, a year
long past, "As reported earlier"): background is not the news.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice, pairwise

from monitor.event_circumstances import LOOKS_BACK

QUOTES = '“«"„'


@dataclass(frozen=True)
class Lead:
    """An article's lead: its first sentence and paragraph (lines unwrapped), and where
    they end in the body."""

    sentence: str
    paragraph: str
    sentence_end: int
    end: int


# A full stop after a title or an initial ("Dr. AlMalik", "H.E. Mr.", "A. Garayev",
# "2023 г.") ends no sentence.
ABBREVIATION = re.compile(
    r"(?:\b(?:dr|mr|mrs|ms|prof|h\.e|amb|gen|col|lt|st|jr|sr|no|nos|vs|gov|sen|rev|sh|acad"
    r"|u\.s|u\.k|e\.g|i\.e|[^\W\d_])|\bг|\bгг|\bим|\bул|\bт\.е|\bт\.д|\bдр|\bакад)\.$",
    re.IGNORECASE,
)
# a sentence ends at a stop before a capital, a digit or a letter of a script without
# capitals (Arabic and Persian: "؟" is their question mark)
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…؟])[\"”»']?\s+(?=[\"“«„(]?[A-ZА-ЯЁƏİÇŞÖÜĞ0-9\u0620-\u064a\u066e-\u06d3])"
)
# a German or Turkish ordinal ends no sentence: "das 14. Gipfeltreffen", "am 31. Mai"
ORDINAL = re.compile(
    r"\b(?:der|die|das|des|dem|den|zum|zur|am|vom|im|beim|seit|bis)\s+\d{1,3}\.$", re.IGNORECASE
)
DAY_STOP = re.compile(r"(?:^|\s)\d{1,2}\.$")
MONTH_NEXT = re.compile(
    r"(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
    r"|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık)\b",
    re.IGNORECASE,
)
PROSE_MARK = re.compile(r"[.!?:;,،؛]")
HEADLINE_REACH = 2500  # how far down the page a repeat of the headline is looked for


def sentence_ends(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence ends (titles and initials are no ends)."""
    ends = []
    for m in SENTENCE_BREAK.finditer(text):
        head = text[max(0, m.start() - 12) : m.start()].rstrip("\"”»'")
        if ABBREVIATION.search(head):
            continue
        day = DAY_STOP.search(head) and MONTH_NEXT.match(text, m.end())
        if not (ORDINAL.search(head) or day):
            ends.append(m.start())
    return ends


def truncate(text: str, limit: int) -> str:
    """Cut ``text`` to at most ``limit`` characters, at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def summary(text: str, limit: int) -> str:
    """The opening of ``text`` in at most ``limit`` characters: whole sentences when the
    first fits, else :func:`truncate`'s cut (never mid-sentence without an ellipsis)."""
    if len(text) <= limit:
        return text
    ends = [end for end in sentence_ends(text) if end <= limit]
    return text[: ends[-1]].rstrip() if ends else truncate(text, limit)


def first_sentence(text: str) -> str:
    """``text`` up to the end of its first sentence (all of it if none ends)."""
    text = text.lstrip()
    return text[: next(iter(sentence_ends(text)), len(text))]


def paragraph_spans(body: str) -> Iterator[tuple[int, int]]:
    """Paragraph (start, end) offsets in ``body``.

    A blank line always ends a paragraph; a single line break does too, unless the text
    is hard-wrapped there: the line ends in a comma, a hyphen or an opening bracket, or
    it ends without a sentence mark and the next line goes on in lower case or with a
    bracket ("... dedicated to the 100th" / "anniversary of ...").
    """
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", body):
        lines = list(re.finditer(r"[^\n]+", block.group()))
        begin = block.start() + lines[0].start()
        for line, nxt in pairwise(lines):
            tail, head = line.group().rstrip(), nxt.group().lstrip()
            wrapped = (
                bool(tail)
                and bool(head)
                and (
                    tail[-1] in ",-–("
                    or (tail[-1] not in '.!?:"”»' and (head[0].islower() or head[0] == "("))
                )
            )
            if not wrapped:
                yield begin, block.start() + line.end()
                begin = block.start() + nxt.start()
        yield begin, block.start() + lines[-1].end()


def unwrap(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text.strip())


def is_prose(text: str) -> bool:
    """Whether a paragraph reads as running text, not a menu, a heading or a byline."""
    words = sum(1 for w in text.split() if any(c.isalpha() for c in w))
    return len(text) > 40 and words >= 6 and (len(text) >= 100 or bool(PROSE_MARK.search(text)))


def _bare(text: str) -> str:
    """A line as a headline compares: no quotation marks, no full stop at its end."""
    return re.sub(r"[\"“”«»„']", "", text.casefold()).rstrip(" .!?")


def repeats(line: str, heading: str) -> bool:
    """Whether a line is the headline again, bare or after a breadcrumb ("Home World ..."),
    whatever its quotation marks and final stop."""
    text, heading = _bare(line), _bare(heading)
    return text == heading or (
        len(heading) >= 20 and text.endswith(heading) and len(text) - len(heading) <= 40
    )


def _prose_spans(body: str, heading: str, begin: int) -> list[tuple[int, int]]:
    """The first two prose paragraphs from ``begin`` on, a repeat of ``heading`` left out."""
    prose = (
        (a, b)
        for a, b in paragraph_spans(body)
        if a >= begin and is_prose(text := unwrap(body[a:b])) and not repeats(text, heading)
    )
    return list(islice(prose, 2))


def read_lead(body: str, title: str = "") -> Lead:
    """The first sentence and the first paragraph of ``body``.

    Lines that do not read as prose (clutter: a temperature, a city, a site date, a menu,
    a heading) and a repeat of the title are skipped, and so is whatever stands above a
    repeat of the title near the top. A first paragraph that is only a
    quotation takes the next paragraph with it, where the speaker is named ("..." / "This
    was said by ...").
    """
    heading = unwrap(title).casefold()
    # the headline repeated near the top marks where the article begins: what stands
    # above it (a disclaimer, a feedback form, a menu) is the page's, not the article's
    begin = 0
    if heading:
        above = 0  # paragraphs of prose above: after two of them a repeat is a footer's
        for a, b in paragraph_spans(body[:HEADLINE_REACH]):
            text = unwrap(body[a:b])
            if repeats(text, heading):
                if above >= 2:
                    break  # "AZERTAG.AZ: <headline>" over the share buttons after the article
                begin, above = b, 0
            elif is_prose(text) and len(text.split()) >= 15:
                above += 1
    spans = _prose_spans(body, heading, begin)  # the lead, and the paragraph after a quote
    if not spans and begin:  # nothing after it: that repeat was no top of an article
        spans = _prose_spans(body, heading, 0)
    if not spans:
        text = unwrap(body[:400])
        return Lead(text, text, min(len(body), 400), min(len(body), 400))
    start, end = spans[0]
    first = body[start:end]
    if is_quote(unwrap(first)) and len(spans) > 1:
        end = spans[1][1]
        return Lead(unwrap(first), unwrap(body[start:end]), start + len(first), end)
    ends = sentence_ends(first)
    ends = [e for e in ends if e >= 50]  # a dateline ("Baku. 23 November.") is no sentence
    cut = start + ends[0] if ends else end
    return Lead(unwrap(body[start:cut]), unwrap(first), cut, end)


def is_quote(paragraph: str) -> bool:
    """Whether a paragraph is a direct quotation (opens with a quotation mark)."""
    text = paragraph.strip()
    return bool(text) and text[0] in QUOTES and text.rstrip(".").endswith(("”", "»", '"', "“"))


# Words quoted at length are speech: "we will sign", "the visit was fruitful" said by
# someone are not the events of the article. Short quotations are names and stay.
QUOTATION = re.compile(r'[“«„"][^“”«»„"\n]{1,1500}[”»"“]')


def unquoted(text: str) -> str:
    """``text`` with its long quotations (six words or more) blanked."""
    return QUOTATION.sub(lambda m: '" "' if m.group().count(" ") >= 6 else m.group(), text)


# "(BAKU, May 3.) We will open an office in Baku, the Director-General said": the speaker's
# own words, reported without quotation marks, up to the comma before the verb of speech
FIRST_PERSON_SAID = re.compile(
    r"^(?:[^.]{0,40}\.\s+)?(?:we|i|our|my|мы|я|наш\w*|biz|mən|bizim|nous|je)\b[^,]{0,300}?"
    r"(?=,\s.{0,160}?\b(?:said|says|stated|noted|told|added|stressed|declared|announced"
    r"|сказал\w*|заявил\w*|отметил\w*|подчеркнул\w*|bildirib|deyib|qeyd edib|a déclaré"
    r"|a affirmé)\b)",
    re.IGNORECASE,
)


def unsaid(sentence: str) -> str:
    """``sentence`` without the speaker's own words it opens with, if it does."""
    return FIRST_PERSON_SAID.sub(" ", sentence.lstrip(), count=1)


# ---------------------------------------------------------------------------------------
# Background: sentences that look back are not the news


def reference_year(text: str, published: datetime | None) -> int | None:
    """The year an article's sentences are measured against: its publication's, else the
    year its text names most."""
    if published:
        return published.year
    # the year named most (the latest of those): a "2050" strategy is not the date
    years = Counter(int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[:1500]))
    return max(years, key=lambda y: (years[y], y)) if years else None


# "since taking office in 2019", "с 2019 года", "2019-cu ildən": a state's start; "after
# holding the first round in Baku in 2017": what came before the news
SINCE = re.compile(
    r"\b(?:since|after|following)\b[^,.;]*|\bс (?:\S+ ){0,2}(?:19|20)\d\d года"
    r"|\d{4}-(?:ci|cı|cu|cü) ildən"
)


def looks_back(sentence: str, year: int | None) -> bool:
    """Whether a sentence tells background: a recalled event or a year long past."""
    if LOOKS_BACK.search(sentence):
        return True
    if year is None:
        return False
    # a year in a "since" clause dates a state, not the sentence ("his first trip since
    # becoming premier in 2021", "who has led it since 2019")
    sentence = SINCE.sub(" ", sentence)
    return any(
        int(y) < year - 1 for y in re.findall(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/-]|\.\d)", sentence)
    )


STOP = re.compile(r"(?<=[.!?])\s+")


def _stops(text: str) -> Iterator[str]:
    """The sentences of a text of any case: a stop after a title or an initial ("dr.",
    "salim m. almalik") ends none."""
    start = 0
    for m in STOP.finditer(text):
        if not ABBREVIATION.search(text[max(0, m.start() - 12) : m.start()]):
            yield text[start : m.start()]
            start = m.end()
    yield text[start:]


def current_text(text: str, year: int | None) -> str:
    """``text`` without the sentences that look back, one sentence a line."""
    return "\n".join(sentence for sentence in _stops(text) if not looks_back(sentence, year))
