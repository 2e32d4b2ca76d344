"""The generic main-text extractor, on selectolax (a helper of ``extract``).

This module imports selectolax too: it is ``extract``'s private helper, and with
``extract_clutter`` (its own helper) and ``extract_meta`` they are the only modules that
touch the library. Nothing else should import it directly.

How a page's body is found without selectors:

1. ``strip_clutter`` and 2. ``strip_boilerplate`` (in :mod:`monitor.extract_clutter`,
   re-exported here): elements that are never article text go (scripts, navigation,
   sidebars, share and "related" blocks, cookie banners, ...), then figures, buttons and
   blocks recognised by their text ("Read also" with its links, the font-size widget).
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

from monitor.extract_clutter import Remover as Remover  # re-exported, with the other "as" names
from monitor.extract_clutter import in_clutter, is_clutter_line, link_chars, link_density, squash
from monitor.extract_clutter import names as names
from monitor.extract_clutter import remove_all as remove_all
from monitor.extract_clutter import strip_boilerplate as strip_boilerplate
from monitor.extract_clutter import strip_clutter as strip_clutter

# "By Aysel Mammadova", "By Staff reporter", "By Culture desk", "Автор: Анар Гасанов",
# "Müəllif: ...", "Yazar: ...", "Par ...": the name starts with a capital, four words at most
_BYLINE = re.compile(
    r"^(?:[Bb][Yy]|Par|(?:Автор|Автор текста|Müəllif|Yazar)\s*[:—–-])\s+"
    r"([A-ZА-ЯЁƏÇĞİÖŞÜ][\w.'’-]*(?:\s+[\w.'’-]+){0,3})$"
)
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
        value = len(text) - 2 * link_chars(para)
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
        if block.link_density <= 0.5 and not is_clutter_line(block.text, block.link_chars)
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
