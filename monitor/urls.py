"""URL canonicalisation: one spelling per article address (pure: no I/O, no clock).

``canonical_url(url, base=None)`` resolves ``url`` against ``base`` (when given) and
rewrites it by these rules, in this order:

1. Surrounding whitespace, and tabs or newlines inside, are removed (as browsers do).
2. Only ``http`` and ``https`` URLs with a host are accepted; anything else (``mailto:``,
   ``javascript:``, ``ftp:``, a relative URL without ``base``, an empty or invalid host, a
   non-numeric port) raises :class:`monitor.errors.InputError`.
3. The scheme and host are lowercased; an internationalised host is written in its ASCII
   (IDNA, ``xn--``) form; a trailing dot on the host is dropped; user and password are
   dropped; the default port (``:80`` for http, ``:443`` for https) is dropped.
4. The scheme is kept as given: ``http://`` and ``https://`` stay distinct canonical URLs
   (a site may serve both, and the archive shows the address that was actually seen).
   :func:`url_key` folds them for duplicate detection.
5. An ``amp.`` host prefix is removed (``amp.news.az`` -> ``news.az``) when a host with at
   least one dot remains.
6. Path: duplicate slashes are collapsed; ``.`` and ``..`` segments are resolved; an
   ``amp`` or ``print`` segment anywhere (``/amp/news/1``, ``/news/1/amp``,
   ``/print/news/1``) is removed when another segment remains; a last segment
   ``index.html``, ``index.htm`` or ``index.php`` is removed; a trailing slash is removed
   (``/a/b/`` == ``/a/b``) except for the root, which is always ``/``. Segments that only
   contain these words (``/amplifier``, ``/printing-press``, ``/amp-news``) are kept.
7. Percent-encoding is normalised in path and query: escapes of unreserved characters
   (letters, digits, ``-._~``) are decoded, other escapes are written with uppercase hex,
   and characters that must be escaped (non-ASCII, spaces, a stray ``%``) are
   percent-encoded as UTF-8. The canonical form is therefore always an ASCII URI.
8. Query: empty parameters are dropped; tracking parameters (see ``TRACKING_PARAMS`` and
   ``TRACKING_PREFIXES``; keys compared case-insensitively) are dropped; AMP and print
   switches are dropped (``amp`` with an empty, ``1`` or ``true`` value, ``output=amp``,
   ``outputType=amp``, ``format=amp``, ``print`` with an empty, ``1``, ``true`` or
   ``yes`` value, ``view=print``); the remaining parameters are sorted by key (a
   stable sort: repeated keys keep their relative order) and keep their values and
   ``+``/``%20`` spelling. Meaningful parameters (``?id=123``, ``?p=182598``,
   ``?newsid=5``, ``?lang=ru``) are kept.
9. The fragment (``#...``) is dropped.

``url_key(url)`` is the identity the archive checks: the canonical URL without its scheme
and without a leading ``www.`` on the host (``https://www.news.az/a`` and
``http://news.az/a`` share the key ``news.az/a``). ``host_of(url)`` is the canonical host
(lowercase ASCII, ``www.`` kept, no port).

Not folded on purpose: ``m.`` mobile hosts, other subdomains, path case, script names such
as ``print.php`` or ``ampArticle`` (they cannot be recognised safely).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from monitor.errors import InputError

#: Query keys dropped everywhere (compared lowercased).
TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook click id
        "gclid",  # Google Ads click id
        "dclid",  # Google Display click id
        "gbraid",  # Google Ads (iOS, app -> web)
        "wbraid",  # Google Ads (iOS, web -> app)
        "gclsrc",  # Google Ads click source
        "msclkid",  # Microsoft Ads click id
        "yclid",  # Yandex click id
        "ysclid",  # Yandex search click id
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp subscriber
        "igshid",  # Instagram share
        "igsh",  # Instagram share (newer)
        "_ga",  # Google Analytics cross-domain
        "_gl",  # Google Analytics linker
        "ref",  # generic referrer tag
        "ref_src",  # Twitter referrer
        "ref_url",  # Twitter referrer
        "spm",  # Alibaba/AliExpress tracking
        "__twitter_impression",  # Twitter embed
        "cmpid",  # campaign id (news sites)
        "ocid",  # Microsoft/MSN campaign
        "mkt_tok",  # Marketo
        "_hsenc",  # HubSpot
        "_hsmi",  # HubSpot
        "oly_anon_id",  # Omeda
        "oly_enc_id",  # Omeda
        "rb_clickid",  # Rubicon
        "s_cid",  # Adobe campaign
        "vero_id",  # Vero
        "wickedid",  # Wicked Reports
        "twclid",  # Twitter Ads click id
        "ttclid",  # TikTok click id
        "li_fat_id",  # LinkedIn
        "at_medium",  # AT Internet
        "at_campaign",  # AT Internet
        "share",  # share-button origin ("?share=facebook")
    }
)
#: Query key prefixes dropped everywhere (compared lowercased).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "itm_")

_AMP_PRINT_SWITCHES = {
    "amp": {"", "1", "true"},
    "output": {"amp"},
    "outputtype": {"amp"},
    "format": {"amp"},
    "print": {"", "1", "true", "yes"},
    "view": {"print"},
}
_VARIANT_SEGMENTS = frozenset({"amp", "print"})
_INDEX_PAGES = frozenset({"index.html", "index.htm", "index.php"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_QUERY_SAFE = _UNRESERVED | frozenset("!$'()*+,;:@/?")  # '=' and '&' handled by the caller
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\t\n\r]")


def _fix_percent(text: str, safe: frozenset[str]) -> str:
    """Decode escaped unreserved characters, uppercase other escapes, escape the rest."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "%" and _PCT.match(text, i):
            byte = int(text[i + 1 : i + 3], 16)
            decoded = chr(byte)
            out.append(decoded if decoded in _UNRESERVED else f"%{byte:02X}")
            i += 3
            continue
        if char in safe:
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


def _host(hostname: str) -> str:
    host = hostname.rstrip(".")
    if not host:
        raise ValueError("empty host")
    if ":" in host:  # an IPv6 literal
        return f"[{host}]"
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise ValueError(f"invalid host {hostname!r}") from exc
    if not re.fullmatch(r"[a-z0-9_.-]+", ascii_host) or ".." in ascii_host:
        raise ValueError(f"invalid host {hostname!r}")
    if ascii_host.startswith("amp.") and "." in ascii_host[4:]:
        ascii_host = ascii_host[4:]
    return ascii_host


def _path(path: str) -> str:
    segments: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(_fix_percent(segment, _PATH_SAFE))
    kept = [s for s in segments if s.lower() not in _VARIANT_SEGMENTS]
    if kept and len(kept) < len(segments):
        segments = kept
    if segments and segments[-1].lower() in _INDEX_PAGES:
        segments.pop()
    return "/" + "/".join(segments)


def _is_dropped(key: str, value: str) -> bool:
    name = unquote(key).lower()
    if name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES):
        return True
    switch = _AMP_PRINT_SWITCHES.get(name)
    return switch is not None and unquote(value).lower() in switch


def _query(query: str) -> str:
    kept: list[tuple[str, str]] = []
    for part in query.split("&"):
        if not part:
            continue
        key, eq, value = part.partition("=")
        if not key or _is_dropped(key, value):
            continue
        key = _fix_percent(key, _QUERY_SAFE)
        value = _fix_percent(value, _QUERY_SAFE | {"="})
        kept.append((key, f"{key}{eq}{value}"))
    kept.sort(key=lambda item: item[0])
    return "&".join(text for _, text in kept)


@lru_cache(maxsize=65536)  # pure, and every URL is canonicalised more than once
def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical spelling of an http(s) URL (rules in the module docstring)."""
    raw = _CONTROL.sub("", url.strip())
    if base is not None:
        raw = urljoin(_CONTROL.sub("", base.strip()), raw)
    try:
        parts = urlsplit(raw)
        scheme = parts.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            raise ValueError("not an http(s) URL")
        if not parts.hostname:
            raise ValueError("no host")
        host = _host(parts.hostname)
        port = parts.port  # ValueError for a non-numeric or out-of-range port
    except ValueError as exc:
        raise InputError(f"unusable URL {url!r}: {exc}") from None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _path(parts.path), _query(parts.query), ""))


def url_key(url: str) -> str:
    """The identity of a URL: canonical, without scheme and without a leading ``www.``."""
    parts = urlsplit(canonical_url(url))
    host = parts.netloc.removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path}{query}"


def host_of(url: str) -> str:
    """The canonical host of a URL: lowercase ASCII, ``www.`` kept, no port."""
    return (urlsplit(canonical_url(url)).hostname or "").lower()
