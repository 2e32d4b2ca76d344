"""JSON Lines records -> RawArticle values (pure: no I/O, no clock).

One JSON object a line with ``url``, ``title``, ``text`` (or ``html``), and optional
``published``, ``source``, ``author``, ``language``. A bad line raises InputError naming
its line number; the caller reports it and carries on with the next.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from monitor.errors import InputError
from monitor.normalize import parse_datetime
from monitor.records import RawArticle

FIELDS = ("url", "title", "text", "html", "published", "source", "author", "language")


def _optional_str(record: dict[str, Any], key: str, line: int) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"'{key}' must be a string, got {type(value).__name__}", line=line)
    return value


def parse_record(text: str, line: int, *, now: datetime | None = None) -> RawArticle | None:
    """Parse one line; None for a blank line; InputError for a bad one."""
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg} at column {exc.colno}", line=line) from None
    if not isinstance(record, dict):
        raise InputError("expected a JSON object", line=line)
    url = _optional_str(record, "url", line)
    if not url or not url.strip():
        raise InputError("missing 'url'", line=line)
    body_text = _optional_str(record, "text", line)
    html = _optional_str(record, "html", line)
    if not (body_text and body_text.strip()) and not (html and html.strip()):
        raise InputError("needs 'text' or 'html'", line=line)
    published = record.get("published")
    try:
        when = parse_datetime(published, now=now) if published not in (None, "") else None
    except InputError as exc:
        raise InputError(f"bad 'published' {published!r}: {exc}", line=line) from None
    return RawArticle(
        url=url.strip(),
        title=_optional_str(record, "title", line) or "",
        text=body_text,
        html=html,
        published=when,
        source=_optional_str(record, "source", line),
        author=_optional_str(record, "author", line),
        language=_optional_str(record, "language", line),
    )
