"""Decoding fetched bodies: which charset a page or feed is really in (pure).

The text is decoded with the first charset that decodes it strictly: a byte-order mark;
UTF-8 when the body has non-ASCII bytes (valid UTF-8 is never an accident, so a header or
a ``<meta>`` that lies about it loses; a few broken bytes in an otherwise UTF-8 body are
replaced); the Content-Type charset; ``<meta charset>`` / ``<meta http-equiv>`` in the
first 2 KB; the XML declaration (not for ``text/html``); then windows-1251 (Russian and
older Azerbaijani sites) when it gives Cyrillic words, not Latin words with a Cyrillic
letter inside ("Azerbaпdjan": French in windows-1252); then windows-1252 and latin-1,
which decodes anything. A declared charset that fails to decode (cp1251 bytes under
``charset=utf-8``) is skipped.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_body(body: bytes, declared: str | None = None, media_type: str = "") -> tuple[str, str]:
    """Decode a page or feed; return ``(text, codec name)`` (rules in the module docstring)."""
    head = body[:2048]
    header = _codec(declared)
    meta = _META_CHARSET.search(head)
    meta_name = _codec(meta.group(1).decode("ascii")) if meta else None
    if meta_name and meta_name.startswith("utf-16"):
        meta_name = "utf-8"  # an ASCII-compatible page cannot really be UTF-16 (WHATWG)
    xml = _XML_ENCODING.match(head)
    xml_name = _codec(xml.group(1).decode("ascii")) if xml and media_type != "text/html" else None
    names = [next((name for bom, name in _BOMS if body.startswith(bom)), None)]
    if header and header.startswith(("utf-16", "utf-32")):
        names.append(header)
    if not body.isascii():
        names.append("utf-8")  # valid UTF-8 beats any declaration: it is never an accident
    names += [header, meta_name, xml_name, "utf-8", "cp1251", "cp1252"]
    declared_names = {header, meta_name, xml_name}
    tried: set[str] = set()
    for name in names:
        if name is None or name in tried:
            continue
        tried.add(name)
        try:
            text = body.decode(name)
        except UnicodeDecodeError:
            if name == "utf-8" and _mostly_utf8(body):
                return body.decode("utf-8", errors="replace"), "utf-8"
            continue
        if name == "cp1251" and name not in declared_names and not _reads_as_cyrillic(text):
            continue  # "Azerbaпdjan, coopйration": a West European page, guessed
        return text, name
    return body.decode("latin-1"), "iso8859-1"


_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


def _reads_as_cyrillic(text: str) -> bool:
    """Whether a guessed windows-1251 decoding gives Cyrillic words rather than Latin
    words with a Cyrillic letter inside, which is Latin-1 or windows-1252 text (French,
    Turkish, German) decoded as Cyrillic."""
    cyrillic = mixed = 0
    for word in _WORD.findall(text):
        if _CYRILLIC.search(word):
            if _LATIN.search(word):
                mixed += 1
            else:
                cyrillic += 1
    return cyrillic >= mixed


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _mostly_utf8(body: bytes) -> bool:
    """True when a body that fails strict UTF-8 is still UTF-8 but for a few bad bytes."""
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good >= 10 * bad
