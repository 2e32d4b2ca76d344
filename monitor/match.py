"""Topic matching: which topics an article belongs to, and why.

Pure functions over strings and config values: no I/O, no clock, no mutable globals.

Folding (``fold``)
    Text and terms are compared after folding: Unicode NFKD, combining marks dropped
    (accents, Arabic harakat), then casefolded. Details that matter for our outlets:

    * Azerbaijani/Turkish dotted ``İ`` and dotless ``ı`` both fold to ``i``, so ``İCESCO``,
      ``ıcesco`` and ``ICESCO`` are one word; ``ş ç ğ ö ü`` lose their marks.
    * ``ə`` folds to ``e``, so Azerbaijani typed without its letters ("Tehsil",
      "Medeniyyet") still matches; ə/e minimal pairs collide, harmless for topics.
    * Cyrillic stays Cyrillic: ``ё`` folds to ``е``, ``й`` is kept (NFKD would split it
      into ``и`` plus a breve; it is recomposed).
    * Arabic: harakat and tatweel go, alef forms ``أ إ آ`` become ``ا``, ``ى`` and Persian
      ``ی`` become ``ي``, ``ة`` becomes ``ه``, Persian ``ک`` becomes ``ك``, Arabic-Indic
      digits become ASCII digits.
    * Typographic quotes become ``'``/``"``, dashes and the minus sign become ``-``; soft
      hyphens and zero-width joiners vanish (they never split a word).

Tokens (``tokens``)
    A token is a run of letters or a run of digits of the folded text. Everything else
    splits words: "ICESCO-nun", "ISESCO'nun", "Al-Malik" and "COP29" are two tokens each.

Terms
    A term is a word or a phrase, compiled to a token sequence, so punctuation, case,
    accents and line breaks inside a phrase never matter ("Educational, Scientific and"
    equals "educational scientific and"). Matching is whole-word: "UNESCO" never matches
    "ESCO" and "ICESCO" does not match "ICESCOs". A word ending in ``*`` matches any word
    it begins ("Təşkilat*" matches "Təşkilatının", "Organi*" both spellings); the prefix
    needs at least two letters. Arabic words also match behind proclitics: the text word
    "والإيسيسكو" matches the term "إيسيسكو" or "الإيسيسكو" (prefixes و ف ب ك ل وال بال
    لل ... are peeled off the text word; a term's own leading ال is optional).

Fields
    "title"; "lead": the first ``lead_chars`` characters of the body, cut back to a word
    boundary; "body": the rest. A phrase may run from the lead into the body (it counts
    where it starts), never from the title into the body.

Score
    Every occurrence of an ``any`` or ``all`` term, or a ``regex`` match, is a hit in one
    field. score = sum over fields of weight(field) * min(hits in that field, FIELD_CAP),
    FIELD_CAP = 2: with the default weights one title mention (3) outweighs any number of
    mentions deep in the body (at most 2).

A topic matches when one of ``any`` or the ``regex`` hits (when both are empty: when
``all`` is non-empty), every ``all`` term hits, no ``none`` term hits, and the score
reaches ``min_score``. ``regex`` is a Python regex searched case-insensitively in the
folded title, lead and body (write it for folded text: lowercase, no accents, ``e`` for
``ə``); its hits are recorded with the folded matched text as the term. Matches are
returned in the order of the topics; hits in title, lead, body order, each field in
order of first occurrence.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from monitor.config import MatchRule, Topic
from monitor.records import TermHit, TopicMatch

FIELDS = ("title", "lead", "body")
FIELD_CAP = 2  # hits per field that count towards the score
MIN_PREFIX = 2  # letters a `word*` prefix needs

_TOKEN_RE = re.compile(r"[^\W\d_]+|\d+")
_TERM_TOKEN_RE = re.compile(r"([^\W\d_]+|\d+)(\*?)")
_LONE_STAR_RE = re.compile(r"(?<![^\W_])\*|\*(?=[^\W_])")
# longest first, so that "وال" is peeled before "و"
_ARABIC_PROCLITICS = "وبال فبال وال فال بال كال ولل فلل لل ال و ف ب ك ل".split()  # noqa: SIM905 (RTL: one string reads best)
_PRE_TABLE = str.maketrans({"İ": "i", "ı": "i"})


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {
        cp: None for cp in range(0x10000) if unicodedata.combining(chr(cp))
    }
    for chars, target in (
        ("\u0640\u00ad\u200c\u200d\u2060\ufeff", None),  # tatweel, soft hyphen, joiners
        ("\u200b", " "),
        ("əƏ", "e"),
        ("ىیۍ", "ي"),
        ("ة", "ه"),
        ("ک", "ك"),
        ("‘’‚‛′ʼʻ`", "'"),
        ("«»“”„‟″", '"'),
        ("‐‑‒–—―−﹘﹣－", "-"),
    ):
        for char in chars:
            table[ord(char)] = target
    for digit in range(10):
        table[0x0660 + digit] = table[0x06F0 + digit] = str(digit)
    return table


_TABLE = _build_table()


def fold(text: str) -> str:
    """Fold ``text`` for comparison (see the module docstring for the rules)."""
    text = unicodedata.normalize("NFKD", text.translate(_PRE_TABLE))
    if "\u0306" in text:  # recompose й/Й (and Belarusian ў) that NFKD split
        text = text.replace("и\u0306", "й").replace("И\u0306", "Й").replace("у\u0306", "ў")
    return text.casefold().translate(_TABLE)


def tokens(text: str) -> list[str]:
    """The words (letter runs, digit runs) of the folded ``text``."""
    return _TOKEN_RE.findall(fold(text))


def _is_arabic(token: str) -> bool:
    return "\u0600" <= token[0] <= "\u06ff"


def _forms(token: str) -> tuple[str, ...]:
    """A text word and, for Arabic, the word with its proclitics peeled off."""
    if not _is_arabic(token):
        return (token,)
    found = [token]
    for prefix in _ARABIC_PROCLITICS:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            found.append(token[len(prefix) :])
    return tuple(dict.fromkeys(found))


def _term_forms(token: str) -> tuple[str, ...]:
    """A term word and, for Arabic, the word without its definite article."""
    if _is_arabic(token) and token.startswith("ال") and len(token) >= 4:
        return (token, token[2:])
    return (token,)


@dataclass(frozen=True)
class _Step:
    forms: tuple[str, ...]  # for a prefix step: the one prefix
    prefix: bool

    def accepts(self, word_forms: tuple[str, ...]) -> bool:
        if self.prefix:
            return any(form.startswith(self.forms[0]) for form in word_forms)
        return any(form in word_forms for form in self.forms)


@dataclass(frozen=True)
class _Term:
    topic: int
    role: str  # "any", "all" or "none"
    text: str
    steps: tuple[_Step, ...]


def _compile_term(term: str) -> tuple[_Step, ...]:
    steps = []
    for word, star in _TERM_TOKEN_RE.findall(fold(term)):
        steps.append(_Step((word,), True) if star else _Step(_term_forms(word), False))
    return tuple(steps)


def validate_topic(topic: Topic) -> list[str]:
    """Human-readable problems with ``topic``; an empty list when it is usable."""
    problems = []
    if topic.regex:
        try:
            re.compile(topic.regex)
        except re.error as exc:
            problems.append(f"regex {topic.regex!r} does not compile: {exc}")
    if not (topic.any or topic.all or topic.regex):
        problems.append("the topic is empty: list terms in any or all (or give a pattern)")
    for role in ("any", "all", "none"):
        for term in getattr(topic, role):
            words = _TERM_TOKEN_RE.findall(fold(term))
            if not words:
                problems.append(f"{role} term {term!r} has no letters or digits")
            elif _LONE_STAR_RE.search(fold(term)):
                problems.append(f"{role} term {term!r}: '*' may only end a word")
            elif any(star and len(word) < MIN_PREFIX for word, star in words):
                problems.append(f"{role} term {term!r}: a word* needs {MIN_PREFIX}+ letters")
    if topic.min_score < 0:
        problems.append(f"min_score must not be negative, got {topic.min_score}")
    return problems


class Matcher:
    """Topics compiled once; ``match`` tokenises an article once and looks terms up."""

    def __init__(self, topics: Sequence[Topic], rule: MatchRule) -> None:
        self.topics = tuple(topics)
        self.rule = rule
        weights = (rule.title_weight, rule.lead_weight, rule.body_weight)
        self._weights = dict(zip(FIELDS, weights, strict=True))
        self._terms: list[_Term] = []
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[int, dict[str, list[int]]] = {}
        self._regex: dict[int, re.Pattern[str]] = {}
        self._required: dict[int, set[str]] = {}
        for index, topic in enumerate(self.topics):
            self._required[index] = {text for text in topic.all if _compile_term(text)}
            if topic.regex:
                self._regex[index] = re.compile(topic.regex, re.IGNORECASE)
            for role in ("any", "all", "none"):
                for text in getattr(topic, role):
                    steps = _compile_term(text)
                    if steps:
                        self._add(_Term(index, role, text, steps))

    def _add(self, term: _Term) -> None:
        term_id = len(self._terms)
        self._terms.append(term)
        first = term.steps[0]
        if first.prefix:
            bucket = self._prefix.setdefault(len(first.forms[0]), {})
            bucket.setdefault(first.forms[0], []).append(term_id)
        else:
            for form in first.forms:
                self._exact.setdefault(form, []).append(term_id)

    def _scan(
        self, words: list[tuple[tuple[str, ...], str]], counts: dict[tuple[int, str], int]
    ) -> None:
        """Count every term occurrence in ``words`` as (term id, field) -> count."""
        exact, prefixes = self._exact, tuple(self._prefix.items())
        for start, (forms, field) in enumerate(words):
            found: list[int] = []
            for form in forms:
                if form in exact:
                    found.extend(exact[form])
                for length, bucket in prefixes:  # a shorter slice never equals a key
                    if form[:length] in bucket:
                        found.extend(bucket[form[:length]])
            for term_id in sorted(set(found)):
                steps = self._terms[term_id].steps
                if start + len(steps) <= len(words) and all(
                    step.accepts(words[start + offset][0])
                    for offset, step in enumerate(steps[1:], 1)
                ):
                    key = (term_id, field)
                    counts[key] = counts.get(key, 0) + 1

    def match(self, title: str, body: str) -> list[TopicMatch]:
        """The topics ``title`` and ``body`` match, each with its score and hits."""
        lead, rest = split_lead(body, self.rule.lead_chars)
        folded = {"title": fold(title), "lead": fold(lead), "body": fold(rest)}
        counts: dict[tuple[int, str], int] = {}
        title_words = [(_forms(w), "title") for w in _TOKEN_RE.findall(folded["title"])]
        body_words = [
            (_forms(w), field)
            for field in ("lead", "body")
            for w in _TOKEN_RE.findall(folded[field])
        ]
        self._scan(title_words, counts)
        self._scan(body_words, counts)
        per_topic: dict[int, list[tuple[_Term, str, int]]] = {}
        for (term_id, field), count in counts.items():
            term = self._terms[term_id]
            per_topic.setdefault(term.topic, []).append((term, field, count))
        results = []
        for index, topic in enumerate(self.topics):
            found = self._judge(index, topic, per_topic.get(index, []), folded)
            if found is not None:
                results.append(found)
        return results

    def _judge(
        self,
        index: int,
        topic: Topic,
        found: list[tuple[_Term, str, int]],
        folded: dict[str, str],
    ) -> TopicMatch | None:
        if any(term.role == "none" for term, _, _ in found):
            return None
        hits = [TermHit(term.text, field, count) for term, field, count in found]
        pattern = self._regex.get(index)
        regex_hit = False
        if pattern is not None:
            for field in FIELDS:
                matched: dict[str, int] = {}
                for m in pattern.finditer(folded[field]):
                    if m.group(0):
                        matched[m.group(0)] = matched.get(m.group(0), 0) + 1
                hits.extend(TermHit(text, field, n) for text, n in matched.items())
                regex_hit = regex_hit or bool(matched)
        seen_all = {term.text for term, _, _ in found if term.role == "all"}
        if not self._required[index] <= seen_all:
            return None
        if topic.any or topic.regex:
            if not regex_hit and not any(term.role == "any" for term, _, _ in found):
                return None
        elif not topic.all:
            return None
        hits.sort(key=lambda hit: FIELDS.index(hit.field))
        score = 0.0
        for field in FIELDS:
            total = sum(hit.count for hit in hits if hit.field == field)
            score += self._weights[field] * min(total, FIELD_CAP)
        if score < topic.min_score:
            return None
        return TopicMatch(topic.name, score, tuple(hits))


def split_lead(body: str, lead_chars: int) -> tuple[str, str]:
    """The body's first ``lead_chars`` characters, cut back to a word boundary, and the rest."""
    if len(body) <= lead_chars:
        return body, ""
    cut = lead_chars
    while cut > 0 and _in_word(body[cut - 1]) and _in_word(body[cut]):
        cut -= 1
    if cut == 0 and lead_chars > 0:  # one word longer than the lead: keep it whole
        cut = lead_chars
        while cut < len(body) and _in_word(body[cut]):
            cut += 1
    return body[:cut], body[cut:]


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.combining(char) > 0
