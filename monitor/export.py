"""Formats for ``monitor export``: JSON Lines and CSV (pure formatting, no queries)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

# The fields every export row carries, in column order.
EXPORT_FIELDS = (
    "id",
    "url",
    "urls",
    "source",
    "sources",
    "title",
    "published",
    "fetched_at",
    "author",
    "language",
    "topics",
    "matched_terms",
    "story_id",
    "event_type",
    "event_confidence",
    "event_date",
    "place",
    "participants",
    "content_hash",
    "body",
)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps({k: row.get(k) for k in EXPORT_FIELDS}, ensure_ascii=False) + "\n")
        count += 1
    return count


# A spreadsheet runs a cell that starts with one of these as a formula: a scraped headline
# "=HYPERLINK(...)" would become a link or worse once the export is opened
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        value = " | ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value  # shown as text; the quote is the spreadsheets' own escape
    return "" if value is None else value


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """CSV with a header; lists joined by ' | ', participants and matched_terms as JSON;
    a text cell that a spreadsheet would run as a formula starts with a quote (')."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    count = 0
    for row in rows:
        writer.writerow([_cell(row.get(k)) for k in EXPORT_FIELDS])
        count += 1
    return count


WRITERS = {"jsonl": write_jsonl, "csv": write_csv}
