"""Clutter in an article page: what is never article text, found and removed (selectolax).

A helper of ``extract``, like ``extract_generic`` and ``extract_meta``; they are the
only modules that touch selectolax. Nothing else should import it directly.

1. ``strip_clutter``: elements that are never article text go: scripts, styles, forms,
   ``nav``/``aside``/``footer``, a site ``header`` (one with a ``nav`` or without an
   ``h1``), ARIA navigation/complementary/banner regions, and elements whose class or id
   names clutter (share, social, related, read-also, latest, popular, tags, breadcrumb,
   cookie, consent, banner, advert, subscribe, comments, font-size, sidebar, menu, ...).
   An element holding most of the page's text is kept whatever its class says.
2. ``strip_boilerplate``: figures and captions, buttons, and blocks recognised by their
   text: a "Read also" / "Related news" / "Latest news" heading with its list of links,
   a "Read also: <link>" paragraph, the font-size widget ("+ ↺ − 16 px").

``is_clutter_line`` tells the same text-recognised clutter in a line of extracted text,
and ``in_clutter`` whether a node sits in navigation, a sidebar or a clutter-named block.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

# fmt: off
_NEVER_TAGS = frozenset((
    "style", "noscript", "template", "nav", "aside", "footer", "form", "iframe", "svg",
    "select", "textarea", "dialog", "object", "embed", "video", "audio", "canvas",
))
# fmt: on
_NEVER_ROLES = frozenset(("navigation", "complementary", "contentinfo", "banner"))
_CLUTTER_QUERY = ", ".join(sorted(_NEVER_TAGS)) + ", script, [class], [id], [role], [hidden]"
_CLUTTER_NAMES = re.compile(
    r"(?<![a-z0-9])(?:share|sharing|sharethis|social|socials|related|read-?also|also-?read|"
    r"see-?also|latest|last-?news|popular|most-?read|trending|recommended|more-?news|tags?|"
    r"tag-?list|keywords|breadcrumbs?|cookies?|consent|gdpr|banner|adv|advert|advertisement|"
    r"ads?|adsbygoogle|ad-?slot|promo|subscribe|subscription|newsletter|comments?|disqus|"
    r"font-?size|font-?resize|text-?size|fontsize|print|widget|sidebar|side-?bar|menu|navbar|"
    r"nav|navigation|footer|pagination|pager|modal|popup|telegram|whatsapp|follow-?us)"
    r"(?![a-z0-9])"
)
_FONT_WIDGET = re.compile(r"^[\s+↺−\-–A]*\d+\s*px[\s+↺−\-–]*$|^\+\s*↺\s*[−-]", re.IGNORECASE)
_HEADING = re.compile(
    r"^(?:read also|also read|read more|see also|more on the topic|related(?: news| articles|"
    r" stories| posts)?|latest news|latest|more news|other news|most read|popular(?: news)?|"
    r"you may also like|recommended|follow us(?: on)?|share(?: this)?(?: article)?(?: on)?|"
    r"tags|keywords)\s*:?$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(r"^(?:read also|also read|read more|see also|related)\s*:", re.IGNORECASE)
_CLUTTER_LINE = re.compile(
    r"^(?:(?:we|this (?:web)?site) uses? cookies|by (?:continuing|using) (?:to (?:use|browse) )?"
    r"(?:this|our) (?:web)?site|accept(?: all)?(?: cookies)?$|subscribe to|follow us on|"
    r"share on|share this|advertisement$|loading\.{0,3}$|print$|tags?\s*:|©|copyright\b|"
    r"all rights reserved|stay up[- ]to[- ]date with|follow (?:us|[\w.]+) on (?:telegram|x|twitter|"
    r"facebook|instagram|whatsapp))",
    re.IGNORECASE,
)


def squash(text: str) -> str:
    """Whitespace runs become one space; the result is stripped."""
    return " ".join(text.split())


def names(node: LexborNode) -> str:
    """The class and id of a node, lowercased, for clutter matching."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def link_chars(node: LexborNode) -> int:
    return sum(len(squash(a.text())) for a in node.css("a"))


def link_density(node: LexborNode) -> float:
    """Share of a node's text that is link text (1.0 for an empty node)."""
    text = squash(node.text())
    return link_chars(node) / len(text) if text else 1.0


class Remover:
    """Collects nodes to delete, then deletes them outermost first.

    Deleting a node frees its descendants, so a node inside one already chosen is never
    touched again (a freed node must not be read or deleted twice).
    """

    def __init__(self) -> None:
        self._chosen: dict[int, LexborNode] = {}

    def gone(self, node: LexborNode) -> bool:
        """Whether the node or one of its ancestors is already chosen for deletion."""
        current: LexborNode | None = node
        while current is not None:
            if current.mem_id in self._chosen:
                return True
            current = current.parent
        return False

    def drop(self, node: LexborNode) -> None:
        if not self.gone(node):
            self._chosen[node.mem_id] = node

    def apply(self) -> None:
        outermost = [
            node
            for node in self._chosen.values()
            if node.parent is None or not self.gone(node.parent)
        ]
        for node in outermost:  # nothing is deleted before every ancestor is checked
            node.decompose()
        self._chosen.clear()


def remove_all(nodes: list[LexborNode]) -> None:
    """Delete the nodes (each of them at most once, nested ones with their ancestor)."""
    remover = Remover()
    for node in nodes:
        remover.drop(node)
    remover.apply()


def _never_text(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    if node.tag in _NEVER_TAGS or "hidden" in attrs or attrs.get("role") in _NEVER_ROLES:
        return True
    return node.tag == "script" and attrs.get("type") != "application/ld+json"


def strip_clutter(root: LexborNode, *, site_header: bool = True) -> None:
    """Remove elements that are never article text (step 1 of the module docstring).

    One query finds every candidate; ``site_header=False`` leaves ``header`` elements
    alone (inside a body picked by a selector there is no site header).
    """
    if site_header:
        remove_all(
            [
                node
                for node in root.css("header")
                if node.css_first("nav") is not None or node.css_first("h1") is None
            ]
        )
    total = len(root.text())
    keep = {"html", "body", "main", "article"}
    remover = Remover()
    for node in root.css(_CLUTTER_QUERY):
        attrs = node.attributes
        if _never_text(node, attrs):
            remover.drop(node)
            continue
        named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if node.tag in keep or not _CLUTTER_NAMES.search(named):
            continue
        if len(node.text()) > 0.5 * total:  # a misnamed wrapper of the article itself
            continue
        remover.drop(node)
    remover.apply()


def strip_boilerplate(root: LexborNode) -> None:
    """Remove figures, buttons and text-recognised clutter blocks (step 2)."""
    remove_all(
        [
            node
            for node in root.css("figure, figcaption, button, header")
            if node.tag != "header" or node.css_first("p") is None
        ]
    )
    remover = Remover()
    for node in root.css("p, div, span, li, h2, h3, h4, h5, h6, strong, b, section, ul"):
        raw = node.text()
        if len(raw) > 600 or remover.gone(node):
            continue
        text = squash(raw)
        if not text or len(text) > 300:
            continue
        if _FONT_WIDGET.match(text) and len(text) < 40:
            remover.drop(node)
        elif _HEADING.match(text):
            parent = node.parent
            if (
                parent is not None
                and parent.tag not in ("body", "article", "main")
                and len(squash(parent.text())) < 1500
                and link_chars(parent) > 0.5 * (len(squash(parent.text())) - len(text))
            ):
                remover.drop(parent)
                continue
            following = node.next
            while following is not None and following.tag == "-text":
                following = following.next
            if following is not None and link_density(following) > 0.5:
                remover.drop(following)
            remover.drop(node)
        elif _LEAD_IN.match(text) and link_chars(node) >= 0.4 * len(text):
            remover.drop(node)
    remover.apply()


def in_clutter(node: LexborNode) -> bool:
    """Whether the node sits in navigation, a sidebar, a footer or a clutter-named block."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        if current.tag in ("nav", "aside", "footer") or _CLUTTER_NAMES.search(names(current)):
            return True
        current = current.parent
    return False


def is_clutter_line(text: str, in_links: int) -> bool:
    """Whether a line of extracted text (``in_links`` of its characters in links) is
    clutter: a cookie, copyright or "follow us" notice, the font-size widget, a "Related
    news" heading, a "Read also: <link>" line."""
    return bool(
        _CLUTTER_LINE.match(text)
        or (_FONT_WIDGET.match(text) and len(text) < 40)
        or _HEADING.match(text)
        or (_LEAD_IN.match(text) and in_links >= 0.4 * len(text))
    )
