"""Which heading is the article's title, when it stands outside the article's container.

The scoring of :mod:`.score` finds the block where the prose is. On most templates the
headline is not in it: it sits in a title block just above (``h1``, then a line of date and
source, then the body block), so cutting the page down to the best block loses it. A reader
expects the headline as the first line, so the plan keeps one heading beside the
container, chosen structurally:

1. *Where*: a heading (:data:`tables.TITLE_TAGS`) that comes before the container in
   document order, under one of its ancestors, i.e. in the same column of the page, not
   in page furniture (nav, aside, footer, furniture class/id, a ``<header>`` with menus).
   Headings inside the kept blocks compete too: when the title is already inside, nothing
   is added.
2. *What*: a title is short (:data:`_TITLE_MAX_UNITS`), has text, and is not mostly link
   text (a logo or a "more" link is).
3. *Which*: a page's ``<title>`` names the article, with the site's name and section
   appended (``标题_栏目_站点`` or ``Headline - Site``). The heading whose words overlap it
   best wins, if it overlaps it at all well (:data:`_TITLE_MATCH`): that passes over a
   logo in an ``h1`` when the headline is an ``h2``, and over a section name. Without a
   ``<title>``, the nearest ``h1`` before the container wins, else the nearest ``h2``,
   unless the kept blocks hold a heading of that rank themselves; with a ``<title>`` that
   names no heading, only an ``h1``.

Only the heading itself is kept: whatever stands between it and the container (a byline,
a share bar) is still removed, with the reason it had without the title.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from . import tables
from .score import furniture_reason, inside_reason
from .tree import Node

# A title is one line: at most this many weighted units (160 letters, some 30 English
# words, or 80 Han characters, which count double). A longer "heading" is a teaser
# paragraph, or a whole block that a broken page left open.
_TITLE_MAX_UNITS = 160
# Above this share of link text a heading is a link (a logo, "more news"), not a headline.
_TITLE_LINK = 0.5
# Token F1 between a heading and the page's <title> for the <title> to decide: enough to
# pass a headline with a long site suffix, too much for the site's name alone.
_TITLE_MATCH = 0.4
# A header with more elements than this is not an article's title block (and the walk that
# looks for its menus stays bounded on pages that leave a <header> open).
_HEADER_MAX_NODES = 200

_WIDE_CLASS = tables.WIDE.pattern[1:-1]
# Words for the overlap with <title>: a Han (kana, Hangul) character alone, else a run of
# letters and digits, the way the page's readers would compare them.
_TOKEN = re.compile(f"[{_WIDE_CLASS}]|[^\\W_{_WIDE_CLASS}]+")
_TAG = re.compile(r"<[^<>]*>")


def title_heading(root: Node, kept: list[Node], text: str, total: int) -> Node | None:
    """The heading to keep before the kept blocks, or None (no title, or it is inside).

    ``kept`` are the blocks :func:`.score.choose` picked, in document order; ``total`` their
    units (for :func:`.score.inside_reason`)."""
    before = [h for h in _preceding(kept[0]) if _fits(h)]
    if not before:
        return None
    inside = [h for h in _inside_headings(kept, total) if _fits(h)]
    page = page_title(root, text)
    if page:
        wanted = Counter(_TOKEN.findall(page.lower()))
        first = kept[0].start
        rank = {name: index for index, name in enumerate(tables.TITLE_TAGS)}

        def key(h: Node) -> tuple[float, int, int]:
            return (_overlap(wanted, _text(h, text)), -rank[h.name], -abs(first - h.start))

        best = max([*inside, *before], key=key)
        if key(best)[0] >= _TITLE_MATCH:
            return None if any(h is best for h in inside) else best
    # No <title> to ask, or one that names no heading: the nearest heading of the best rank.
    # A <title> that matches no heading is evidence against the lower ranks (an h2 near
    # the body is then a date line or a section's name), so only the first rank is trusted.
    for name in tables.TITLE_TAGS[:1] if page else tables.TITLE_TAGS:
        if any(h.name == name for h in inside):
            return None
        nearest = [h for h in before if h.name == name]
        if nearest:
            return nearest[-1]
    return None


def page_title(root: Node, text: str) -> str:
    """The text of the page's ``<title>`` (the first one outside furniture such as
    ``<svg>``, whose ``<title>`` is a tooltip); empty without one."""
    pending = [root]
    while pending:
        node = pending.pop()
        if node.name == "title":
            return _text(node, text)
        pending.extend(child for child in reversed(node.children)
                       if child.name not in tables.FURNITURE_TAGS or child.name == "head")
    return ""


def _fits(heading: Node) -> bool:
    """Short, with text, and not mostly a link: what a headline looks like."""
    return (0 < heading.units <= _TITLE_MAX_UNITS
            and heading.link <= _TITLE_LINK * heading.units)


def _preceding(first: Node) -> list[Node]:
    """The headings before ``first`` in the subtrees of its ancestors' earlier children, in
    document order (so the last is the nearest)."""
    levels: list[list[Node]] = []
    child, parent = first, first.parent
    while parent is not None:
        level: list[Node] = []
        for sibling in parent.children:
            if sibling is child:
                break
            level.extend(_headings(sibling))
        levels.append(level)
        child, parent = parent, parent.parent
    # an ancestor's earlier children come before the nearer ancestors' ones
    return [heading for level in reversed(levels) for heading in level]


def _headings(top: Node) -> list[Node]:
    """Title-rank headings in ``top``'s subtree, in document order, outside furniture."""
    found: list[Node] = []
    pending = [top]
    while pending:
        node = pending.pop()
        if _title_furniture(node):
            continue
        if node.name in tables.TITLE_TAGS:
            found.append(node)
            continue
        pending.extend(reversed(node.children))
    return found


def _inside_headings(kept: list[Node], total: int) -> list[Node]:
    """Title-rank headings the kept blocks keep (what the plan removes inside is skipped)."""
    found: list[Node] = []
    pending = list(reversed(kept))
    while pending:
        node = pending.pop()
        if node.name in tables.TITLE_TAGS:
            found.append(node)
            continue
        pending.extend(child for child in reversed(node.children)
                       if inside_reason(child, total) is None)
    return found


def _title_furniture(node: Node) -> bool:
    """Furniture for a title: as for the article, except an article's own header (a
    ``<header>`` or a "header" class) that holds no menu."""
    reason = furniture_reason(node, inside=False)
    if reason is None:
        return False
    holder = reason in tables.TITLE_HOLDERS or (
        reason == "boilerplate-class"
        and node.words & tables.BOILERPLATE_TOKENS <= tables.TITLE_HOLDER_TOKENS)
    return not holder or _has_menu(node)


def _has_menu(header: Node) -> bool:
    """A nav, form, menu-named block or a list that is mostly links inside ``header`` (or a
    header too big to be an article's title block)."""
    pending = list(header.children)
    seen = 0
    while pending:
        node = pending.pop()
        seen += 1
        if seen > _HEADER_MAX_NODES:
            return True
        if (node.name in tables.MENU_TAGS or node.words & tables.MENU_TOKENS
                or (node.name in tables.LIST_TAGS and node.link_density > _TITLE_LINK)):
            return True
        pending.extend(node.children)
    return False


def _text(node: Node, text: str) -> str:
    """The plain text of an element's span: tags out, character references decoded."""
    plain = html.unescape(_TAG.sub(" ", text[node.start:node.end]))
    return " ".join(plain.split())


def _overlap(wanted: Counter[str], heading: str) -> float:
    """Token F1 between a heading and the <title>'s words."""
    got = Counter(_TOKEN.findall(heading.lower()))
    common = sum((wanted & got).values())
    if not common:
        return 0.0
    return 2 * common / (sum(wanted.values()) + sum(got.values()))
