"""The generic main-text extractor, on selectolax (a helper of ``extract``).

This module imports selectolax too: it is ``extract``'s private helper, and the two are
the only modules that touch the library. Nothing else should import it directly.

How a page's body is found without selectors:

1. ``strip_clutter``: elements that are never article text go: scripts, styles, forms,
   ``nav``/``aside``/``footer``, a site ``header`` (one with a ``nav`` or without an
   ``h1``), ARIA navigation/complementary/banner regions, and elements whose class or id
   names clutter (share, social, related, read-also, latest, popular, tags, breadcrumb,
   cookie, consent, banner, advert, subscribe, comments, font-size, sidebar, menu, ...).
   An element holding most of the page's text is kept whatever its class says.
2. ``strip_boilerplate``: figures and captions, buttons, and blocks recognised by their
   text: a "Read also" / "Related news" / "Latest news" heading with its list of links,
   a "Read also: <link>" paragraph, the font-size widget ("+ ↺ − 16 px").
3. ``best_container``: every paragraph (a ``p``, or the direct text of a block) of at
   least 25 characters scores its length minus twice its link text; the score goes to
   its container and half of it to the container's parent. The container with the best
   score, discounted by its own link density, wins; when its siblings carry a good part
   of the text too (lead and body in two blocks), their common parent is taken.
4. ``blocks``: the container's text, split into paragraphs at block elements and
   ``<br>``; link-heavy lines and known clutter lines are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

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
_BYLINE = re.compile(r"^[Bb][Yy]\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})$")
_SPACE = re.compile(r"\s+")

# fmt: off
_BLOCK = frozenset((
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
    "li", "blockquote", "pre", "table", "tbody", "thead", "tr", "td", "th", "dl", "dt", "dd",
    "hr", "address", "center", "header", "details", "summary",
))
# fmt: on
# fmt: off
_SKIP = frozenset((
    "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "textarea",
    "figure", "figcaption", "img", "picture", "video", "audio", "canvas", "object", "embed",
    "input",
))
# fmt: on
_CONTAINERS = "div, section, article, main, td, body"


@dataclass
class Block:
    """One paragraph of text and how much of it sits inside links."""

    text: str
    link_chars: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 1.0


def squash(text: str) -> str:
    """Whitespace runs become one space; the result is stripped."""
    return " ".join(text.split())


def names(node: LexborNode) -> str:
    """The class and id of a node, lowercased, for clutter matching."""
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def _link_chars(node: LexborNode) -> int:
    return sum(len(squash(a.text())) for a in node.css("a"))


def link_density(node: LexborNode) -> float:
    """Share of a node's text that is link text (1.0 for an empty node)."""
    text = squash(node.text())
    return _link_chars(node) / len(text) if text else 1.0


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
                and _link_chars(parent) > 0.5 * (len(squash(parent.text())) - len(text))
            ):
                remover.drop(parent)
                continue
            following = node.next
            while following is not None and following.tag == "-text":
                following = following.next
            if following is not None and link_density(following) > 0.5:
                remover.drop(following)
            remover.drop(node)
        elif _LEAD_IN.match(text) and _link_chars(node) >= 0.4 * len(text):
            remover.drop(node)
    remover.apply()


def _own_text_length(node: LexborNode) -> int:
    return sum(
        len(child.text_content or "")
        for child in node.iter(include_text=True)
        if child.tag == "-text" and (child.text_content or "").strip()
    )


def best_container(root: LexborNode) -> LexborNode | None:
    """The element holding the article's paragraphs (step 3), or None without any."""
    scores: dict[int, list] = {}

    def credit(node: LexborNode | None, value: float) -> None:
        if node is None or node.tag in ("html", "#document"):
            return
        entry = scores.setdefault(node.mem_id, [node, 0.0])
        entry[1] += value

    for para in root.css("p, pre, blockquote"):
        text = squash(para.text())
        if len(text) < 25:
            continue
        value = len(text) - 2 * _link_chars(para)
        if value <= 0:
            continue
        parent = para.parent
        credit(parent, value)
        credit(parent.parent if parent is not None else None, value / 2)
    for node in root.css(_CONTAINERS):
        own = _own_text_length(node)
        if own >= 60:
            credit(node, own)
            credit(node.parent, own / 2)
    if not scores:
        return None
    ranked = sorted(
        ((score * (1 - min(link_density(node), 0.9)), node) for node, score in scores.values()),
        key=lambda pair: pair[0],
        reverse=True,
    )
    best_score, best = ranked[0]
    parent = best.parent
    if parent is not None and parent.tag not in ("html", "#document"):
        siblings = sum(
            score
            for score, node in ranked[1:]
            if node.parent is not None and node.parent.mem_id == parent.mem_id
        )
        if siblings >= 0.25 * best_score and link_density(parent) < 0.35:
            return parent
    return best


class _Walker:
    """Splits a node's text into blocks at block elements and ``<br>``."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._links = 0

    def flush(self) -> None:
        text = squash("".join(self._parts))
        if text:
            self.blocks.append(Block(text, min(self._links, len(text))))
        self._parts, self._links = [], 0

    def walk(self, node: LexborNode, in_link: bool = False) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                text = child.text_content or ""
                self._parts.append(text)
                if in_link:
                    self._links += len(squash(text))
            elif tag in _SKIP or tag == "-comment":
                continue
            elif tag in ("br", "hr"):
                self.flush()
            elif tag in _BLOCK:
                self.flush()
                self.walk(child, in_link)
                self.flush()
            else:
                self.walk(child, in_link or tag == "a")


def blocks(nodes: list[LexborNode]) -> list[Block]:
    """The paragraphs of the given nodes, clutter lines and link lists dropped (step 4)."""
    walker = _Walker()
    for node in nodes:
        if node.tag in _SKIP:
            continue
        walker.flush()
        if node.tag == "-text":
            walker._parts.append(node.text_content or "")
        else:
            walker.walk(node, node.tag == "a")
        walker.flush()
    return [
        block
        for block in walker.blocks
        if block.link_density <= 0.5
        and not _CLUTTER_LINE.match(block.text)
        and not (_FONT_WIDGET.match(block.text) and len(block.text) < 40)
        and not _HEADING.match(block.text)
        and not (_LEAD_IN.match(block.text) and block.link_chars >= 0.4 * len(block.text))
    ]


def split_byline(found: list[Block]) -> tuple[list[Block], str | None]:
    """A leading "By Name" line is a byline, not body text: return it apart."""
    if found:
        match = _BYLINE.match(found[0].text)
        if match and len(found[0].text) < 60:
            return found[1:], match.group(1)
    return found, None


def main_text(root: LexborNode) -> list[Block]:
    """The article's paragraphs in an already cleaned tree (steps 3 and 4)."""
    container = best_container(root)
    return blocks([container]) if container is not None else []


def clean_author(text: str | None) -> str | None:
    """A byline cut to the name: no "By", no "Read more", no URL; None if not a name."""
    if not text:
        return None
    name = squash(text)
    name = re.sub(r"^(?:by|author|written by)\s*:?\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"\s*(?:read more|more articles|all articles)\W*$", "", name, flags=re.I)
    name = name.strip(" ,;|-–—")
    if (
        not name
        or len(name) > 80
        or "://" in name
        or name.startswith("@")
        or any(ch.isdigit() for ch in name)
    ):
        return None
    return name


def in_clutter(node: LexborNode) -> bool:
    """Whether the node sits in navigation, a sidebar, a footer or a clutter-named block."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        if current.tag in ("nav", "aside", "footer") or _CLUTTER_NAMES.search(names(current)):
            return True
        current = current.parent
    return False


def generic_author(root: LexborNode) -> str | None:
    """A byline element outside the page's clutter: rel/itemprop author, author/byline class."""
    query = "[class*=author], [class*=byline], [rel~=author], [itemprop=author]"
    for node in root.css(query):
        if in_clutter(node):
            continue
        name = node.css_first("[itemprop=name]")
        candidate = clean_author((name or node).text(separator=" "))
        if candidate and len(candidate.split()) <= 6:
            return candidate
    return None


def generic_title(tree: LexborHTMLParser) -> str | None:
    """The page's ``h1`` (one in the article first), else its ``<title>`` without suffix."""
    root = tree.body
    if root is not None:
        for query in ("article h1, main h1", "h1"):
            for node in root.css(query):
                text = squash(node.text(separator=" "))
                if len(text) >= 10:
                    return text
    title_node = tree.css_first("title")
    if title_node is None:
        return None
    title = squash(title_node.text())
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", title) if p.strip()]
    return max(parts, key=len) if parts else None


def _dates_in(scope: LexborNode) -> list[str]:
    values: list[str] = []
    for node in scope.css("time[datetime], [itemprop=datePublished]"):
        attrs = node.attributes
        values.append(attrs.get("datetime") or attrs.get("content") or node.text())
    for node in scope.css("time, [class*=date], [class*=time], [class*=publish], [class*=posted]"):
        text = squash(node.text(separator=" "))
        if 6 <= len(text) <= 80:
            values.append(text)
    return values


def date_texts(root: LexborNode) -> list[str]:
    """Values that may hold the publication date, nearest to the headline first.

    The search starts at the ``h1``'s parent and widens one ancestor at a time, so the
    article's own date wins over a masthead's "today" or a sidebar's timestamps.
    """
    heading = root.css_first("article h1, main h1") or root.css_first("h1")
    scopes: list[LexborNode] = []
    node: LexborNode | None = heading.parent if heading is not None else None
    while node is not None and node.tag not in ("html", "#document"):
        scopes.append(node)
        node = node.parent
    values: list[str] = []
    for scope in [*scopes, root]:
        values = _dates_in(scope)
        if values:
            break
    # last resort: a date written near the headline, in no element of its own
    values.extend(squash(scope.text(separator=" "))[:400] for scope in scopes[:2])
    return values
