"""Reading the body of a fetched answer: what it may be, how large, and in which charset.

The body is streamed and refused (:class:`FetchTooLarge`) as soon as it passes
``max_body_bytes`` (or when Content-Length already says so). For ``accept="html"`` or
``"feed"`` a type that is neither HTML nor XML/a feed (PDF, images...) raises
:class:`NotHTML` before the body is read; ``text/plain``, ``octet-stream`` or no type are
accepted when the body starts like markup. The text is decoded with the first charset
that decodes it strictly: a byte-order mark; UTF-8 when the body has non-ASCII bytes
(valid UTF-8 is never an accident, so a header or a ``<meta>`` that lies about it loses;
a few broken bytes in an otherwise UTF-8 body are replaced); the Content-Type charset;
``<meta charset>`` in the first 2 KB (see ``monitor.charset``); the XML declaration (not
for ``text/html``); then windows-1251 (Russian and older Azerbaijani sites) and latin-1,
which decodes anything. A declared charset that fails to decode (cp1251 bytes under
``charset=utf-8``) is skipped.
"""

from __future__ import annotations

import codecs
from typing import Literal

import httpx

from monitor.charset import decode_body
from monitor.errors import FetchTooLarge, NotHTML

Accept = Literal["html", "feed", "any"]

ACCEPT_HEADERS = {
    "html": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "feed": "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
    "*/*;q=0.5",
    "any": "*/*",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset(
    {"application/xml", "text/xml", "application/feed+json", "application/json"}
)
_SNIFF_TYPES = frozenset({"", "text/plain", "application/octet-stream", "binary/octet-stream"})


async def read_body(
    url: str, resp: httpx.Response, accept: Accept, limit: int
) -> tuple[str, str, str]:
    """``(media type, text, codec)`` of a 2xx answer of at most ``limit`` bytes; raise
    :class:`NotHTML` or :class:`FetchTooLarge` (rules in the module docstring)."""
    media, _, params = resp.headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    charset = _param(params, "charset")
    known = media in _HTML_TYPES or media in _FEED_TYPES or media.endswith("+xml")
    if accept != "any" and not known and media not in _SNIFF_TYPES:
        raise NotHTML(f"not a page or a feed ({media})", url=url)
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchTooLarge(f"body of {declared} bytes is over the {limit} limit", url=url)
    body = bytearray()
    async for chunk in resp.aiter_bytes():
        body += chunk
        if len(body) > limit:
            raise FetchTooLarge(f"body is over the {limit} byte limit", url=url)
    data = bytes(body)
    if accept != "any" and not known and not _looks_like_markup(data, accept):
        raise NotHTML(f"not a page or a feed ({media or 'no content type'})", url=url)
    text, encoding = decode_body(data, charset, media)
    return media, text, encoding


def _param(params: str, name: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip().lower() == name:
            return value.strip().strip("\"'") or None
    return None


def _looks_like_markup(body: bytes, accept: Accept) -> bool:
    """A body without a useful content type: markup, or JSON for a feed."""
    start = body[:512].removeprefix(codecs.BOM_UTF8).lstrip()
    return start.startswith(b"<") or (accept == "feed" and start.startswith(b"{"))
