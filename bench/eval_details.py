"""Event date and place: how often the monitor gives the day and the city a reader gives.

    python bench/eval_details.py                         # the project's corpus
    python bench/eval_details.py SET.jsonl [LABELS.jsonl] [-v]

Labels are ``event_date`` (YYYY-MM-DD, or null when the text does not tell the day) and
``event_place`` (a city in English, or null when the text names none, only a country, or
for a call) per article: in the set's own lines, or in a further JSONL of ``{"id",
"event_date", "event_place"}`` lines given after it. Default: the articles written for
the project (``tests/fixtures/events/articles.jsonl``) with the labels a reader gave them
(``tests/fixtures/events/details.jsonl``), read without looking at the monitor's output.

Printed for the date and the place, beside a peer (the date: the publication day; the
place: the first gazetteer city of the title and first paragraph):

* **right**: of the articles the reader gave one, how many the monitor gave the same;
* **wrong**: how many it gave another (a wrong date or city is worse than none);
* **precision**: of the monitor's answers on articles with a label or a null, how many
  were right (a date given where the reader found none counts as wrong).

``-v`` lists the disagreements.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_stories import _clean

from monitor.classify import classify
from monitor.entities import find_places, translit

CORPUS = ROOT / "tests" / "fixtures" / "events" / "articles.jsonl"
CORPUS_LABELS = ROOT / "tests" / "fixtures" / "events" / "details.jsonl"


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _published(row: dict[str, Any]) -> datetime | None:
    value = row.get("published") or row.get("date")
    if not value or len(value) < 10:
        return None
    return datetime.fromisoformat(value).replace(tzinfo=None)


def _city(name: str | None) -> str | None:
    """A city name compared across spellings ("Baku", "Bakı", "Баку" -> "baku")."""
    return translit(name).casefold().strip() if name else None


def answers(row: dict[str, Any]) -> tuple[str | None, str | None, str | None, str | None]:
    """(monitor's date, monitor's city, peer's date, peer's city) for one article."""
    body, title = _clean(row.get("text") or row.get("body") or "", row.get("title") or "")
    published = _published(row)
    info = classify(title, body, row.get("language") or "en", published)
    lead = f"{title}\n{body.split(chr(10) + chr(10), 1)[0]}"
    cities = [p for p, _ in find_places(lead) if p.key != p.country]
    return (
        info.event_date.isoformat() if info.event_date else None,
        _city(info.place),
        published.date().isoformat() if published else None,
        cities[0].key if cities else None,
    )


def tally(gold: list[str | None], got: list[str | None]) -> tuple[int, int]:
    """(right, wrong): answers equal to a reader's label, and answers given that differ
    from it (an answer where the reader found none is wrong)."""
    right = sum(g is not None and g == a for g, a in zip(gold, got, strict=True))
    wrong = sum(a is not None and g != a for g, a in zip(gold, got, strict=True))
    return right, wrong


def _line(name: str, gold: list[str | None], got: list[str | None]) -> str:
    labelled = sum(g is not None for g in gold)
    right, wrong = tally(gold, got)
    given = sum(a is not None for a in got)
    precision = (given - wrong) / given if given else 0.0
    return (
        f"{name:8} right {right:>3}/{labelled:<3} ({right / max(labelled, 1):.3f})"
        f" | wrong {wrong:>3} | precision {precision:.3f} of {given}"
    )


def report(name: str, rows: list[dict[str, Any]], verbose: bool) -> None:
    """Print the date and place figures of the monitor and its peer for one labelled set."""
    got = [answers(row) for row in rows]
    dates = [row.get("event_date") for row in rows]
    places = [_city(row.get("event_place")) for row in rows]
    print(f"{name} ({len(rows)} articles)")
    print("  date   | monitor " + _line("", dates, [g[0] for g in got]))
    print("         | peer    " + _line("", dates, [g[2] for g in got]))
    print("  place  | monitor " + _line("", places, [g[1] for g in got]))
    print("         | peer    " + _line("", places, [g[3] for g in got]))
    if verbose:
        for row, (date, city, _, _), gold_date, gold_city in zip(
            rows, got, dates, places, strict=True
        ):
            if date != gold_date or city != gold_city:
                print(f"    {row['id']}: date {gold_date} -> {date}; place {gold_city} -> {city}")


def _labelled(
    path: Path, labels: Path | None, fields: tuple[str, ...] = ("event_date", "event_place")
) -> list[dict[str, Any]]:
    """The rows of ``path`` with the label ``fields``, taken from their own lines or from a
    further JSONL of ``{"id", <fields>}`` lines (``labels``)."""
    rows = _read(path)
    if labels is not None:
        by_id = {row["id"]: row for row in _read(labels)}
        rows = [{**row, **by_id[row["id"]]} for row in rows if row["id"] in by_id]
    return [row for row in rows if all(f in row for f in fields)]


def main(argv: list[str]) -> int:
    """Measure one labelled set (default: the project's corpus and its labels)."""
    paths = [Path(a) for a in argv if not a.startswith("-")] or [CORPUS, CORPUS_LABELS]
    rows = _labelled(paths[0], paths[1] if len(paths) > 1 else None)
    if not rows:
        print(f"{paths[0]}: no article with event_date and event_place labels")
        return 0
    report(paths[0].name, rows, "-v" in argv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
