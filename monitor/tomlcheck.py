"""Checking a parsed TOML document against a schema, with errors that name the line.

tomllib keeps no line numbers, so ``Locator`` finds the line of a table or key in the raw
text, and ``Checker`` raises ``ConfigError`` values that carry file, line, table and key.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Any
from urllib.parse import urlsplit

from monitor.errors import ConfigError


class Locator:
    """Finds the line of a table or key in the raw TOML text (tomllib keeps no lines)."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?\s*(?:#.*)?$")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: list[tuple[int, str, bool]] = []  # (line number, name, is_array)
        for number, line in enumerate(self.lines, start=1):
            m = self._HEADER.match(line)
            if m:
                name = m.group(2).replace('"', "").replace("'", "").replace(" ", "")
                self.headers.append((number, name, m.group(1) == "[["))

    def _section(self, table: str, index: int | None) -> tuple[int, int] | None:
        count = -1
        for pos, (number, name, is_array) in enumerate(self.headers):
            if name != table:
                continue
            count += 1
            if index is None or (is_array and count == index):
                # the section runs to the next header of the same or a parent table
                end = len(self.lines) + 1
                for later, later_name, _ in self.headers[pos + 1 :]:
                    if not later_name.startswith(table + "."):
                        end = later
                        break
                return number, end
        return None

    def line(self, table: str, index: int | None = None, key: str | None = None) -> int | None:
        section = self._section(table, index)
        if section is None:
            return None
        start, end = section
        if key is None:
            return start
        key_re = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start + 1, end):
            if key_re.match(self.lines[number - 1]):
                return number
        return start


class Checker:
    """Validates one parsed document; raises the first error with its location."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.locate = Locator(text)

    def fail(
        self,
        message: str,
        *,
        table: str,
        index: int | None = None,
        where: str | None = None,
        key: str | None = None,
        subtable: str | None = None,
    ) -> ConfigError:
        lookup_table = f"{table}.{subtable}" if subtable else table
        line = self.locate.line(lookup_table, None if subtable else index, key)
        if line is None and subtable:
            line = self.locate.line(table, index, subtable)
        return ConfigError(message, path=self.path, line=line, where=where, key=key)

    def unknown_keys(
        self,
        data: dict[str, Any],
        allowed: dict[str, str],
        *,
        table: str,
        index: int | None = None,
        where: str,
        subtable: str | None = None,
    ) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, list(allowed), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                known = ", ".join(sorted(allowed))
                raise self.fail(
                    f"unknown key (known keys: {known}){hint}",
                    table=table,
                    index=index,
                    where=where,
                    key=key,
                    subtable=subtable,
                )

    def string(self, data: dict[str, Any], key: str, *, required: bool, **loc: Any) -> str | None:
        if key not in data:
            if required:
                raise self.fail("missing required key", key=key, **loc)
            return None
        value = data[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"expected a non-empty string, got {value!r}", key=key, **loc)
        return value.strip()

    def strings(self, data: dict[str, Any], key: str, **loc: Any) -> tuple[str, ...]:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"expected a list of non-empty strings, got {value!r}", key=key, **loc)
        return tuple(v.strip() for v in value)

    def url(self, value: str, *, key: str, **loc: Any) -> str:
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.hostname or " " in value:
            raise self.fail(f"not an http(s) URL: {value!r}", key=key, **loc)
        try:
            parts.port  # noqa: B018 -- a port over 65535 or not a number raises here
        except ValueError:
            raise self.fail(f"not a port number (1-65535) in {value!r}", key=key, **loc) from None
        return value

    def number(self, data: dict[str, Any], key: str, default: float, **loc: Any) -> float:
        value = data.get(key, default)
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value) or value < 0:
            raise self.fail(f"expected a finite number >= 0, got {value!r}", key=key, **loc)
        return float(value)
