"""Dates as news pages print them -> aware UTC datetimes (pure: no I/O, no clock).

``to_datetime`` reads what ``monitor.normalize.parse_datetime`` reads (ISO 8601, RFC 2822,
``31.01.2024 14:05``, timestamps) and dates written with a month name: "15 October 2024
11:29 (UTC+04:00)", "October 3, 2023 2:25 PM", "Tuesday May 14 2024", with the UTC offset
when one follows (``(UTC+04:00)``, ``GMT+4``, ``+0400``). A value without an offset is
read in ``tz`` (the source's ``timezone``; UTC when it has none). Dates before 1990 or
more than two days after ``now`` give None.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo
from typing import Any

from monitor.errors import InputError
from monitor.normalize import parse_datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TEXT_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[A-Za-z]{3,9})\.?,?\s+(?P<y1>\d{4})"
    r"|(?P<m2>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
    r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2})[:.](?P<mm>\d\d)(?::(?P<ss>\d\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?)?)?"
    r"(?:\s*\(?\s*(?:(?:UTC|GMT)\s*(?P<sign>[+\-−])(?P<oh>\d{1,2})(?::?(?P<om>\d\d))?"
    r"|(?P<sign2>[+\-−])(?P<oh2>\d\d):?(?P<om2>\d\d)(?!\d)))?",
    re.IGNORECASE,
)


def to_datetime(
    value: Any, now: datetime | None = None, tz: tzinfo | None = None
) -> datetime | None:
    """An aware UTC datetime from a page value, or None when absent, garbled or insane."""
    if isinstance(value, datetime):
        value = value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    text = re.sub(r"\s+", " ", value).strip()
    for match in _TEXT_DATE.finditer(text):
        month = _MONTHS.get((match["m1"] or match["m2"] or "").lower())
        if month is not None:
            return _text_date(match, month, now, tz)
    try:
        return parse_datetime(text, now=now, default_tz=tz or UTC)
    except InputError:
        return None


def _text_date(
    match: re.Match[str], month: int, now: datetime | None, tz: tzinfo | None = None
) -> datetime | None:
    """A date written with a month name, with its UTC offset when one follows."""
    g = match.groupdict()
    hour, minute, second = (int(g[k] or 0) for k in ("hh", "mm", "ss"))
    if g["ampm"] and hour <= 12:
        hour = hour % 12 + (12 if g["ampm"].lower() == "p" else 0)
    offset = ""  # none written: the source's time zone applies
    for suffix in ("", "2"):
        if g["sign" + suffix]:
            sign = "-" if g["sign" + suffix] in "-−" else "+"
            offset = f"{sign}{int(g['oh' + suffix]):02d}:{g['om' + suffix] or '00'}"
    iso = (
        f"{g['y1'] or g['y2']}-{month:02d}-{int(g['d1'] or g['d2']):02d}"
        f"T{hour:02d}:{minute:02d}:{second:02d}{offset}"
    )
    try:
        return parse_datetime(iso, now=now, default_tz=tz or UTC)
    except InputError:
        return None


# fmt: off
_DATE_WORDS = frozenset((
    "published", "updated", "date", "posted", "on", "at", "utc", "gmt", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun", "am", "pm",
))
# fmt: on


_HAS_DATE = re.compile(r"\d{4}|\d[./-]\d")


def is_date_line(text: str) -> bool:
    """A short line that is only a date ("15 May 2024 11:05 (UTC+04:00)", "Posted: ...")."""
    if len(text) > 60 or not _HAS_DATE.search(text) or to_datetime(text) is None:
        return False
    rest = _TEXT_DATE.sub(" ", text)
    return all(word.lower() in _DATE_WORDS for word in re.findall(r"[^\W\d_]+", rest))
