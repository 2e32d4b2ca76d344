"""Event-type accuracy, per part and per language, with the confusions that cost most.

    python bench/eval_events.py                    # devset parts + the project's corpus
    python bench/eval_events.py more.jsonl -v      # also another labelled JSONL; list misses

Sets measured:

* ``devset tune`` / ``devset report``: ``../shared/devset/articles.jsonl`` split as in
  ``bench/eval_stories.py`` (by a hash of the event group). The rules were adjusted on
  the tune part only; the report part is the held-out figure (target 0.85).
* ``project corpus``: ``tests/fixtures/events/articles.jsonl``, the articles written for
  the project in seven languages with deliberate traps (a meeting told with a quotation
  headline, a decree "signed", an online meeting, a visit yet to come). The rules were
  developed on it, so it is a regression figure, not a held-out one.
* any further JSONL given on the command line, with ``title``, ``text`` or ``body``,
  ``language``, ``date`` or ``published`` and ``event_type`` per line.

Each set also shows how right the types are that the monitor is sure of (confidence, the
winner's share of the rule weight, at least 0.75) and the others: what an alert rule or
a reader can rely on. The devset's parts also show how often two annotators agree with
its labels: people who labelled its articles from a written guide to the types (the
README's table, in more words), blind to the labels and to the monitor
(``bench/devset_annotators.json``): a ceiling for rules that follow the same guide.

``-v`` lists the misses of every set except the devset's report part, whose confusions
are not printed either (``-vv`` adds both, for a final look only). The peer is a majority-class baseline: every article a meeting.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_stories import DEFAULT, _clean, part_of

from monitor.classify import SURE, classify

CORPUS = ROOT / "tests" / "fixtures" / "events" / "articles.jsonl"
ANNOTATORS = Path(__file__).resolve().parent / "devset_annotators.json"


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _published(row: dict[str, Any]) -> datetime | None:
    value = row.get("published") or row.get("date")
    if not value or len(value) < 10:  # "2023-10": a month is no publication time
        return None
    return datetime.fromisoformat(value).replace(tzinfo=None)


def predict(row: dict[str, Any]) -> tuple[str, float]:
    """The monitor's event type and its confidence for one labelled row, cleaned as the
    pipeline cleans."""
    body, title = _clean(row.get("text") or row.get("body") or "", row.get("title") or "")
    info = classify(title, body, row.get("language") or "en", _published(row))
    return info.event_type, info.confidence


def report(name: str, rows: list[dict[str, Any]], show: bool, held_out: bool = False) -> None:
    """Print accuracy, the baseline, per-language accuracy and the top confusions.

    A held-out set shows its confusions only with ``show``: what goes wrong there is
    not to be tuned on.
    """
    predicted = {row["id"]: predict(row) for row in rows}
    got = {key: kind for key, (kind, _) in predicted.items()}
    right = sum(got[r["id"]] == r["event_type"] for r in rows)
    sure = [r for r in rows if predicted[r["id"]][1] >= SURE]
    sure_right = sum(got[r["id"]] == r["event_type"] for r in sure)
    baseline = sum(r["event_type"] == "meeting" for r in rows)
    langs: Counter[str] = Counter(r["language"] for r in rows)
    langs_right: Counter[str] = Counter(
        r["language"] for r in rows if got[r["id"]] == r["event_type"]
    )
    confusions = Counter(
        (r["event_type"], got[r["id"]]) for r in rows if got[r["id"]] != r["event_type"]
    )
    n = len(rows)
    print(f"{name:16} {n:>4} | monitor {right / n:6.3f} | all-meeting peer {baseline / n:6.3f}")
    print(
        f"{'':16} {'':>4} | "
        + ", ".join(f"{k} {langs_right[k]}/{v}" for k, v in langs.most_common())
    )
    if sure and len(sure) < n:
        unsure_right = (right - sure_right) / (n - len(sure))
        print(
            f"{'':16} {'':>4} | confidence >= {SURE}: {len(sure)} ({len(sure) / n:.0%}) right"
            f" {sure_right / len(sure):.3f}; below: {n - len(sure)} right {unsure_right:.3f}"
        )
    if confusions and (show or not held_out):
        top = ", ".join(f"{g}->{p} {c}" for (g, p), c in confusions.most_common(5))
        print(f"{'':16} {'':>4} | confusions: {top}")
    if show:
        for r in rows:
            if got[r["id"]] != r["event_type"]:
                print(
                    f"    {r['id']}: {r['event_type']} -> {got[r['id']]} | {(r.get('title') or '')[:70]}"
                )


def annotators(rows: list[dict[str, Any]]) -> None:
    """Print how often each annotator of ``ANNOTATORS`` agrees with the devset's labels,
    and the two with each other: how far people reading the same guide get."""
    labels = json.loads(ANNOTATORS.read_text(encoding="utf-8"))["annotators"]
    a, b = (labels[k] for k in sorted(labels))
    n = len(rows)
    gold = {r["id"]: r["event_type"] for r in rows}
    agree = [sum(x[k] == gold[k] for k in gold) / n for x in (a, b)]
    print(
        f"{'':16} {'':>4} | annotators from the written guide: {agree[0]:.3f} and"
        f" {agree[1]:.3f}; with each other {sum(a[k] == b[k] for k in gold) / n:.3f}"
    )


def main(argv: list[str]) -> int:
    """Evaluate every set found; exits 0 when a set is absent (a fresh clone has no devset)."""
    verbose = "-v" in argv or "-vv" in argv
    extra = [Path(a) for a in argv if not a.startswith("-")]
    if DEFAULT.exists():
        rows = _read(DEFAULT)
        for part in ("tune", "report"):
            chosen = [r for r in rows if part_of(r) == part]
            held_out = part == "report"
            report(f"devset {part}", chosen, "-vv" in argv if held_out else verbose, held_out)
            annotators(chosen)
    else:
        print(f"devset not found at {DEFAULT}: its parts are skipped")
    report("project corpus", _read(CORPUS), verbose)
    for path in extra:
        report(path.name, _read(path), verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
