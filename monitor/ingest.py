"""JSON Lines records -> RawArticle values (no clock; ``read_lines`` reads the stream
it is given, nothing else does I/O).

One JSON object a line with ``url``, ``title``, ``text`` (or ``html``), and optional
``published``, ``source``, ``author``, ``language``. A bad line raises InputError naming
its line number; the caller reports it and carries on with the next. ``read_lines``
yields each line as text, or the InputError that makes it unreadable (not UTF-8, longer
than the limit), so that one bad line never stops a file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from monitor.errors import InputError
from monitor.normalize import LANGUAGE_CODE, parse_datetime
from monitor.records import RawArticle

_SKIP_CHUNK = 1 << 16  # the rest of a line too large to keep is skipped this much at a time

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
    language = _optional_str(record, "language", line)
    if language and language.strip() and not LANGUAGE_CODE.match(language.strip().lower()):
        raise InputError(
            f"'language' must be a language code such as 'en' or 'pt-BR', got {language!r}",
            line=line,
        )
    return RawArticle(
        url=url.strip(),
        title=_optional_str(record, "title", line) or "",
        text=body_text,
        html=html,
        published=when,
        source=_optional_str(record, "source", line),
        author=_optional_str(record, "author", line),
        language=(language or "").strip() or None,
    )


def read_lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of a byte stream as text (a UTF-8 BOM on line 1 is dropped), or the
    InputError of a line that is not UTF-8 or has more than ``max_bytes`` bytes; such a
    line is never held in memory whole."""
    number = 0
    while raw := stream.readline(max_bytes + 1):
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = stream.readline(_SKIP_CHUNK)
            yield number, InputError(f"too large: more than {max_bytes:,} bytes", line=number)
            continue
        try:
            text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            reason = f"not UTF-8 text ({exc.reason} at byte {exc.start + 1})"
            yield number, InputError(reason, line=number)
            continue
        yield number, text.rstrip("\r\n")
