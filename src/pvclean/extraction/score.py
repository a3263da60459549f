"""Which part of a page is the article, and what to remove around and inside it.

The method is readability's paragraph scoring with the densities of GNE's and jusText's
papers as the judges:

1. Every block with text of its own is a paragraph. Its score grows with its sentence
   punctuation and its length, and is zero when most of its text is link text (a menu, a
   "hot" list) or when it stands inside page furniture (nav, aside, footer, furniture
   class/id). The score is credited to the block and to the blocks above it with decay
   (:data:`tables.DECAY`), so the container of many prose paragraphs collects the most.
2. The article's container is the block with the best score after weighting by one minus
   its link density and a small bonus for a content class/id. Siblings that score a good
   share of it (a post split in two columns, a thread's posts) are kept with it.
3. The article's title is kept with them when it stands just before them, outside the
   container (:mod:`.title`).
4. Everything outside the kept blocks goes; the trace names furniture by its kind (``nav``,
   ``footer`` ...) and the rest ``outside-article``. Inside, furniture elements, hidden
   elements, furniture-class blocks and link-dense blocks go with their reason.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from . import tables
from .tree import Node

# A block needs this much non-link text (weighted units) to count as a paragraph at all,
# and this much for the full paragraph bonus.
_MIN_UNITS = 10
_PARAGRAPH_UNITS = 25
# Above this share of link text a block is a link list.
_LINK_DENSE = 0.5
# A sibling of the best container is kept when it scores this share of it (and at least
# _SIBLING_FLOOR).
_SIBLING_SHARE = 0.2
_SIBLING_FLOOR = 10.0
_CONTENT_BONUS = 1.25
# How far, how much more prose, and how few links for a block above the best to take over.
_WIDEN_LEVELS = 5
_WIDEN_SHARE = 0.5
_WIDEN_LINK = 0.3
# Furniture found by class/id inside the article goes only when it holds less than this
# share of the kept text: a misnamed wrapper must not take the article with it.
_CLASS_SHARE = 0.3


class Removal(NamedTuple):
    start: int
    end: int
    reason: str


def furniture_reason(node: Node, inside: bool) -> str | None:
    """Why an element is page furniture, or None. ``inside``: it stands in the article."""
    if node.name in (tables.FURNITURE_INSIDE if inside else tables.FURNITURE_TAGS):
        return tables.FURNITURE_TAGS[node.name]
    if node.hidden:
        return "hidden"
    if node.words & tables.BOILERPLATE_TOKENS and not node.words & tables.CONTENT_TOKENS:
        return "boilerplate-class"
    return None


def paragraph_score(node: Node) -> float:
    """A block's worth as article prose: punctuation and length of its own non-link text."""
    text = node.own_units - node.own_link
    if text < _MIN_UNITS or node.own_link > _LINK_DENSE * node.own_units:
        return 0.0
    base = 1.0 if text >= _PARAGRAPH_UNITS else 0.0
    return base + node.own_punct + min(text / 100, 3.0)


def _walk(root: Node) -> Iterator[tuple[Node, list[Node]]]:
    """Every element with the blocks above it (nearest first), skipping furniture subtrees.

    Iterative: broken pages nest thousands of unclosed elements deep."""
    pending: list[tuple[Node, list[Node]]] = [(root, [])]
    while pending:
        node, above = pending.pop()
        yield node, above
        below = [node, *above[:len(tables.DECAY) - 1]] if node.block else above
        pending.extend((child, below) for child in reversed(node.children)
                       if furniture_reason(child, inside=False) is None)


def score_blocks(root: Node) -> list[Node]:
    """Credit every paragraph's score to itself and the blocks above it; return the blocks
    that received any, in document order."""
    scored: dict[int, Node] = {}
    order: list[Node] = []
    for node, above in _walk(root):
        order.append(node)
        if not node.block or not node.own_units:
            continue
        value = paragraph_score(node)
        if not value:
            continue
        node.prose = value
        for weight, block in zip(tables.DECAY, [node, *above], strict=False):
            block.score += value * weight
            scored[id(block)] = block
    for node in reversed(order):  # children before their parents
        if node.parent is not None:
            node.parent.prose += node.prose
    return list(scored.values())


def container_score(node: Node) -> float:
    bonus = _CONTENT_BONUS if node.words & tables.CONTENT_TOKENS else 1.0
    return node.score * (1.0 - node.link_density) * bonus


def choose(root: Node) -> list[Node]:
    """The kept blocks: the best container and the siblings that score a good share of it.
    Empty when no block holds prose (the page is then left to the html step whole)."""
    candidates = [n for n in score_blocks(root) if n.name in tables.CONTAINER_TAGS]
    if not candidates:
        return []
    best = widen(max(candidates, key=container_score))
    if best.parent is None:
        return [best]
    floor = max(_SIBLING_FLOOR, _SIBLING_SHARE * container_score(best))
    return [child for child in best.parent.children
            if child is best or (child.block and child.link_density < _LINK_DENSE
                                 and furniture_reason(child, inside=False) is None
                                 and container_score(child) >= floor)]


def widen(best: Node) -> Node:
    """The highest of the few blocks above ``best`` that adds prose, not links, to it.

    The best-scoring block is often one post of a thread, or an article body whose
    continuation sits in a sibling block; a block above it that holds much more prose
    (:data:`_WIDEN_SHARE` of ``best``'s) at a low link density is the real container. A block
    that adds a menu or a "related" list adds links and stops the climb."""
    chosen, node = best, best
    for _ in range(_WIDEN_LEVELS):
        node = node.parent
        if node is None or node.name not in tables.CONTAINER_TAGS or node.name == "body":
            break
        extra_prose = node.prose - best.prose
        extra_units = node.units - best.units
        if (extra_prose >= _WIDEN_SHARE * best.prose
                and node.link - best.link <= _WIDEN_LINK * extra_units):
            chosen = node
    return chosen


def plan(root: Node, text: str) -> list[Removal]:
    """The spans of ``text`` (whose tree is ``root``) to remove, in order and disjoint,
    each with its reason. The article's title is kept with the article's blocks when it
    stands beside them (:mod:`.title`); what lies between them goes as it would without
    it."""
    from .title import title_heading  # .title builds on this module's furniture rules

    kept = choose(root)
    if not kept:
        return []
    total = sum(n.units for n in kept)
    title = title_heading(root, kept, text, total)
    removals: list[Removal] = []
    cursor = root.start
    for node, reason in _outside(root, [title, *kept] if title else kept):
        if node.start > cursor:
            removals.append(Removal(cursor, node.start, "outside-article"))
        if reason:
            removals.append(Removal(node.start, node.end, reason))
        else:
            removals.extend(_inside(node, total))
        cursor = max(cursor, node.end)
    if root.end > cursor:
        removals.append(Removal(cursor, root.end, "outside-article"))
    return _merge(removals)


def _outside(root: Node, kept: list[Node]) -> list[tuple[Node, str]]:
    """The kept blocks (reason "") and the furniture beside the blocks above them, in
    document order; whatever lies between is removed as ``outside-article``."""
    above: set[int] = set()
    for node in kept:
        parent = node.parent
        while parent is not None and id(parent) not in above:
            above.add(id(parent))
            parent = parent.parent
    keep = {id(n) for n in kept}
    found: list[tuple[Node, str]] = []
    pending = [root]
    while pending:
        node = pending.pop()
        for child in node.children:
            if id(child) in keep:
                found.append((child, ""))
            elif id(child) in above:
                pending.append(child)
            else:
                reason = furniture_reason(child, inside=False)
                if reason:
                    found.append((child, reason))
    found.sort(key=lambda item: item[0].start)
    return found


def _inside(kept: Node, total: int) -> list[Removal]:
    """The furniture and link lists inside a kept block, in document order."""
    out: list[Removal] = []
    pending = [kept]
    while pending:
        node = pending.pop()
        for child in node.children:
            reason = inside_reason(child, total)
            if reason is not None:
                out.append(Removal(child.start, child.end, reason))
            elif child.children:
                pending.append(child)
    out.sort()
    return out


def inside_reason(node: Node, total: int) -> str | None:
    """Why an element inside a kept block goes, or None; ``total``: the kept blocks' units."""
    reason = furniture_reason(node, inside=True)
    if reason == "boilerplate-class" and node.units >= _CLASS_SHARE * total:
        reason = None
    if reason is None and node.block and node.link > _LINK_DENSE * node.units > 0:
        reason = "link-dense"
    return reason


def _merge(removals: list[Removal]) -> list[Removal]:
    """Join touching removals of the same reason: one trace entry per removed stretch."""
    merged: list[Removal] = []
    for removal in removals:
        if removal.end <= removal.start:
            continue
        if merged and merged[-1].end == removal.start and merged[-1].reason == removal.reason:
            merged[-1] = merged[-1]._replace(end=removal.end)
        else:
            merged.append(removal)
    return merged
