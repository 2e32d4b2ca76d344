"""Participants: how often the monitor names the people a reader names, with their roles.

    python bench/eval_participants.py                     # the project's corpus
    python bench/eval_participants.py SET.jsonl [LABELS.jsonl] [-v]

Labels are ``participants`` per article: ``[{"name", "role", "organisation"}]``, the
people a reader says take part in the event the article reports, with the title and the
organisation the text gives them (null when it gives none), in the set's own lines or in
a further JSONL of ``{"id", "participants"}`` lines. Default: the articles written for
the project (``tests/fixtures/events/articles.jsonl``) and the labels two readers gave
them from a written guide, blind to the monitor (``tests/fixtures/events/participants.jsonl``).

A person found is one of the reader's when the surname keys name one person and the
first-name initials do not differ (:func:`monitor.person_names.merge_participants`'s
rule). Printed beside a peer (every run of two or three capitalised words inside a
sentence, with the title word just before it and the organisation named nearest):

* **people**: recall (the reader's people found) and precision (the monitor's people
  that are the reader's: background names and garbled ones count against it);
* **role**: of the people found whose role the reader gives, how many get the same
  title (its head word: "Foreign Minister" and "Minister of Foreign Affairs" agree), and
  how many get another one or one the reader does not give (wrong);
* **organisation**: of the people found whose organisation the reader gives and the
  monitor knows (ICESCO, UNESCO, the OIC ...), how many get it, and how many get one the
  reader does not give (wrong).

``-v`` lists the disagreements.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_details import _labelled, _published
from eval_stories import _clean

from monitor.classify import classify
from monitor.entities import ORGANISATIONS, translit
from monitor.entity_people import TITLE_RE
from monitor.person_names import name_key, same_person

CORPUS = ROOT / "tests" / "fixtures" / "events" / "articles.jsonl"
CORPUS_LABELS = ROOT / "tests" / "fixtures" / "events" / "participants.jsonl"
Person = dict[str, Any]


def _head(role: str | None) -> str | None:
    """A title's head word, alike across spellings and cases: "Director-General of
    ICESCO" -> "direc gener", "министром" -> "minis", "səfiri" -> "safir"."""
    if not role:
        return None
    m = TITLE_RE.search(role) or re.search(r"\w+", role)
    words = translit(m.group(0)).replace("-", " ").split() if m else []
    return " ".join(w[:5] for w in words) or None


def _org(name: str | None) -> str | None:
    """The key of an organisation the monitor knows, for a name in any spelling."""
    if not name:
        return None
    return next((k for k, p in ORGANISATIONS.items() if p.search(name)), None)


def _match(a: Person, b: Person) -> bool:
    (ka, ia), (kb, ib) = name_key(a["name"]), name_key(b["name"])
    return bool(ka and kb) and same_person(ka, kb) and (not ia or not ib or ia == ib)


_RUN = re.compile(r"(?<=[^\s.!?:\n]) ((?:[A-ZА-ЯЁƏİ][\w’'-]+ ){1,2}[A-ZА-ЯЁƏİ][\w’'-]+)")


def peer(title: str, body: str) -> list[Person]:
    """The naive extractor: runs of two or three capitalised words not at a sentence's
    start, the title word just before as the role, the nearest organisation named."""
    text = f"{title}\n\n{body}"[:4000]
    people = []
    for m in _RUN.finditer(text):
        before = re.search(r"(\S+)\s*$", text[max(0, m.start() - 30) : m.start()])
        role = before.group(1) if before and TITLE_RE.fullmatch(before.group(1)) else None
        window = text[max(0, m.start() - 100) : m.end() + 100]
        orgs = [
            (abs(o.start() - 100), k) for k, p in ORGANISATIONS.items() for o in p.finditer(window)
        ]
        people.append(
            {"name": m.group(1), "role": role, "organisation": min(orgs)[1] if orgs else None}
        )
    return people


@dataclass
class Counts:
    gold: int = 0
    given: int = 0
    found: int = 0  # the reader's people the answer names
    true: int = 0  # the answer's people that are the reader's
    roles: int = 0  # found people with a role from the reader
    role_right: int = 0
    role_wrong: int = 0
    orgs: int = 0
    org_right: int = 0
    org_wrong: int = 0


def score(counts: Counts, gold: list[Person], got: list[Person]) -> list[str]:
    """Add one article's figures to ``counts``; return what disagrees, for ``-v``."""
    counts.gold += len(gold)
    counts.given += len(got)
    counts.true += sum(any(_match(g, a) for g in gold) for a in got)
    notes = []
    for g in gold:
        a = next((a for a in got if _match(g, a)), None)
        if a is None:
            notes.append(f"missed {g['name']}")
            continue
        counts.found += 1
        head, head_got = _head(g.get("role")), _head(a.get("role"))
        counts.roles += head is not None
        counts.role_right += head is not None and head == head_got
        if head_got is not None and head != head_got:
            counts.role_wrong += 1
            notes.append(f"role of {g['name']}: {g.get('role')} -> {a.get('role')}")
        org, org_got = _org(g.get("organisation")), _org(a.get("organisation"))
        counts.orgs += org is not None
        counts.org_right += org is not None and org == org_got
        if org_got is not None and org != org_got:
            counts.org_wrong += 1
            notes.append(f"organisation of {g['name']}: {org} -> {org_got}")
    notes += [f"extra {a['name']}" for a in got if not any(_match(g, a) for g in gold)]
    return notes


def answers(row: dict[str, Any]) -> tuple[list[Person], list[Person]]:
    """(the monitor's participants, the peer's) for one article."""
    body, title = _clean(row.get("text") or row.get("body") or "", row.get("title") or "")
    info = classify(title, body, row.get("language") or "en", _published(row))
    mine = [
        {"name": p.name, "role": p.role, "organisation": p.organisation} for p in info.participants
    ]
    return mine, peer(title, body)


def _lines(name: str, c: Counts) -> list[str]:
    return [
        f"  {name:8}| people recall {c.found / max(c.gold, 1):.3f} ({c.found}/{c.gold})"
        f" precision {c.true / max(c.given, 1):.3f} ({c.true}/{c.given})",
        f"  {'':8}| role right {c.role_right}/{c.roles} ({c.role_right / max(c.roles, 1):.3f})"
        f" wrong {c.role_wrong} | organisation right {c.org_right}/{c.orgs}"
        f" ({c.org_right / max(c.orgs, 1):.3f}) wrong {c.org_wrong}",
    ]


def measure(rows: list[dict[str, Any]]) -> tuple[Counts, Counts, list[str]]:
    """The monitor's and the peer's counts over labelled rows, and the monitor's misses."""
    mine, theirs, notes = Counts(), Counts(), []
    for row in rows:
        got, naive = answers(row)
        missed = score(mine, row["participants"], got)
        notes += [f"    {row['id']}: {n}" for n in missed]
        score(theirs, row["participants"], naive)
    return mine, theirs, notes


def main(argv: list[str]) -> int:
    """Measure one labelled set (default: the project's corpus and its labels)."""
    paths = [Path(a) for a in argv if not a.startswith("-")] or [CORPUS, CORPUS_LABELS]
    rows = _labelled(paths[0], paths[1] if len(paths) > 1 else None, ("participants",))
    if not rows:
        print(f"{paths[0]}: no article with participants labels")
        return 0
    mine, theirs, notes = measure(rows)
    print(f"{paths[0].name} ({len(rows)} articles, {mine.gold} participants)")
    print("\n".join(_lines("monitor", mine) + _lines("peer", theirs)))
    if "-v" in argv:
        print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
