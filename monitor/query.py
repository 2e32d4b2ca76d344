"""The query language of `monitor search`, the API and the web page (pure).

``parse_query(text)`` turns what a person types into AND-ed groups of OR-ed terms and
exclusions; ``ParsedQuery`` writes them as an FTS5 MATCH expression or a PostgreSQL
tsquery. Tokens are letters and digits only and every one is quoted, so no input is a
syntax error or reaches the engine as an operator. The rules, with examples, are in
``monitor.store.search`` and the README.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from monitor.errors import InputError

MAX_TERMS = 32
MIN_PREFIX = 2
# Letters that neither FTS5's unicode61 nor PostgreSQL's unaccent fold (ı, ə) or fold
# only on one backend (ё, İ); applied to the indexed text and to the query alike. Each
# maps one letter to one letter, so token positions, and with them snippets, still fit
# the original text.
FOLD = {
    "ı": "i",
    "İ": "I",
    "ə": "e",
    "Ə": "E",
    "ё": "е",
    "Ё": "Е",
    # Arabic and Persian spellings of one word: the alef with or without its hamza or
    # madda (الإيسيسكو, الايسيسكو), the final ya and ta marbuta, the Persian ya and kaf
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
# marks a query may carry that most texts leave out: Arabic short vowels and shadda
# (التُّراث), the tatweel that stretches a word (الـتراث). They go from the query; an
# indexed text that carries them is split at them (a known gap: the letter-for-letter
# folding above cannot drop a character)
QUERY_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD_TABLE = str.maketrans(FOLD)
_TOKEN = re.compile(r"[^\W_]+")
_LEX = re.compile(r'(?P<neg>-*)"(?P<phrase>[^"]*)"?(?P<star>\*?)|(?P<word>[^\s"]+)')


@dataclass(frozen=True)
class Term:
    """A word or a phrase: folded, lower-case tokens; ``prefix`` for ``word*``."""

    tokens: tuple[str, ...]
    prefix: bool = False

    def fts5(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        lexemes = [f"'{t}'" for t in self.tokens]
        if self.prefix:
            lexemes[-1] += ":*"
        return " <-> ".join(lexemes)


@dataclass(frozen=True)
class ParsedQuery:
    """``groups`` are AND-ed, the terms inside a group OR-ed; ``excluded`` must not match.

    Tokens hold only letters and digits, so the renderings below cannot carry an operator
    or a quote of the user's into the engine's query syntax.
    """

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups and not self.excluded

    def fts5(self) -> str:
        """The FTS5 MATCH expression of the wanted terms (needs at least one group)."""
        wanted = " AND ".join(_fts5_group(g) for g in self.groups)
        if not self.excluded:
            return wanted
        return f"({wanted}) NOT ({self.fts5_excluded()})"

    def fts5_excluded(self) -> str:
        return " OR ".join(t.fts5() for t in self.excluded)

    def tsquery(self) -> str:
        """The PostgreSQL ``to_tsquery`` text of the wanted terms and exclusions."""
        parts = [_ts_group(g) for g in self.groups]
        parts += [f"!({t.tsquery()})" for t in self.excluded]
        return " & ".join(parts)

    def tsquery_excluded(self) -> str:
        return " | ".join(f"({t.tsquery()})" for t in self.excluded)


def _fts5_group(group: tuple[Term, ...]) -> str:
    return group[0].fts5() if len(group) == 1 else "(" + " OR ".join(t.fts5() for t in group) + ")"


def _ts_group(group: tuple[Term, ...]) -> str:
    return "(" + " | ".join(f"({t.tsquery()})" for t in group) + ")"


def fold(value: str) -> str:
    """NFC, then the letters of ``FOLD``: what both the index and the query see."""
    return unicodedata.normalize("NFC", value).translate(_FOLD_TABLE)


def _term(raw: str, star: bool) -> Term | None:
    # "i̇" (i and a combining dot above) is what lower-casing "İSESKO" gives in Python or
    # JavaScript: the dot goes, as the index folds İ to I
    folded = QUERY_MARKS.sub("", fold(raw).lower().replace("i\u0307", "i"))
    tokens = tuple(_TOKEN.findall(folded))
    if not tokens:
        return None
    return Term(tokens, prefix=star and len(tokens[-1]) >= MIN_PREFIX)


def parse_query(text: str) -> ParsedQuery:
    """Parse the user's query language (see the module docstring); pure, never fails on
    syntax. Raises InputError only when the query has more than MAX_TERMS terms."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = negate_next = last_positive = False
    for match in _LEX.finditer(text):
        word = match["word"]
        if word in ("OR", "|"):
            pending_or = last_positive
            continue
        if word in ("AND", "&", "+"):
            continue
        if word == "NOT":
            negate_next = True
            continue
        if word is not None:
            negated = word.startswith("-")
            term = _term(word.lstrip("-"), word.endswith("*"))
        else:
            negated = bool(match["neg"])
            phrase = match["phrase"]
            term = _term(phrase, bool(match["star"]) or phrase.rstrip().endswith("*"))
        negated = negated or negate_next
        negate_next = False
        if term is None:
            continue
        if negated:
            excluded.append(term)
            pending_or = last_positive = False
            continue
        if pending_or and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or, last_positive = False, True
    count = sum(len(g) for g in groups) + len(excluded)
    if count > MAX_TERMS:
        raise InputError(f"the query has {count} terms; at most {MAX_TERMS} are allowed")
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


# -- values ------------------------------------------------------------------------------


def one_of(value: str, known: Iterable[str], *, exact: bool = False) -> str:
    """The known name ``value`` names, in any case unless ``exact``: a search filter's
    topic, outlet or event type, checked alike by the CLI, the API and the web page.
    InputError lists the known names."""
    names = sorted(set(known), key=str.casefold)
    value = value.strip()
    for name in names:
        if name == value or (not exact and name.casefold() == value.casefold()):
            return name
    raise InputError(f"unknown value {value!r} (known: {', '.join(names) or 'none'})")
