"""A light element tree with source spans, built from :func:`pvclean.markup.tokenize`.

Why not lxml or selectolax, which parse faster: neither reports where an element *ends* in
the source, and the extract step's trace is source spans (``explain`` and ``diff --html``
show the very characters a removal took). Why not :class:`html.parser.HTMLParser`: it
reports line/column positions that must be turned back into offsets, and it is slower than
the markup lexer the html step already uses, whose tokens carry offsets and whose regexes
are linear on hostile input. Building the tree is then one pass over the tokens.

Each element records its span (start of its start tag to the end of its end tag, or to the
token that implicitly closed it), its class/id words, and text statistics: the *own* text
of a block (the text in it and its inline children, not in nested blocks) and totals over
its subtree. Unclosed ``p``/``li``/``td`` close as HTML says (:data:`tables.IMPLIED_END`);
a stray end tag with no open element of its name is ignored; at the end of the text every
open element closes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup import EndTag, Kind, Layout, elements, tokenize
from . import tables

_CLASS_ID = re.compile(r"""\s(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                       re.IGNORECASE)


@dataclass(eq=False)
class Node:
    """An element: its span, its words, its place in the tree, and what text it holds."""

    name: str
    start: int
    end: int = -1
    words: frozenset[str] = frozenset()
    hidden: bool = False
    block: bool = True
    in_link: bool = False
    parent: Node | None = None
    owner: Node | None = None  # the nearest block above an inline element
    children: list[Node] = field(default_factory=list)
    depth: int = 0
    # text directly in this block (and its inline children); units weigh CJK double
    own_units: int = 0
    own_link: int = 0
    own_punct: int = 0
    # the same over the whole subtree
    units: int = 0
    link: int = 0
    punct: int = 0
    # the content score of :mod:`.score`, summed from the paragraphs below with decay, and
    # the plain sum of the paragraph scores in the subtree
    score: float = 0.0
    prose: float = 0.0

    @property
    def link_density(self) -> float:
        return self.link / self.units if self.units else 0.0

    def block_ancestor(self) -> Node:
        """The nearest block at or above this element: where its text is counted. Set when
        the element opens, so a run of thousands of nested inline tags costs nothing."""
        return self.owner or self


def class_words(tag: str) -> frozenset[str]:
    """The lower-case words of a start tag's class and id values (``sideBar-left`` gives
    side, bar, left)."""
    words: set[str] = set()
    for match in _CLASS_ID.finditer(tag):
        value = match.group(1) or match.group(2) or match.group(3) or ""
        words.update(w.lower() for w in tables.CLASS_SPLIT.split(value) if w)
    return frozenset(words)


def measure(text: str) -> tuple[int, int]:
    """Weighted length (non-space characters, CJK double) and sentence punctuation count."""
    stripped = len(text) - sum(text.count(c) for c in " \t\r\n\u3000\xa0")
    if stripped <= 0:
        return 0, 0
    return stripped + len(tables.WIDE.findall(text)), len(tables.PUNCTUATION.findall(text))


def build(text: str) -> Node:
    """The element tree of ``text``; the root is a synthetic ``#root`` spanning all of it."""
    known = elements()
    root = Node("#root", 0, len(text))
    stack = [root]
    pos = 0
    for token in tokenize(text):
        if token.start > pos:
            _add_text(stack[-1], text[pos:token.start])
        pos = max(pos, token.end)
        if token.quoted:
            _add_text(stack[-1], text[token.start:token.end])
        elif token.kind is Kind.START:
            element = known.get(token.name)
            if element is not None and element.end is EndTag.VOID:
                continue
            _close_implied(stack, token.name, token.start, element is not None
                           and element.layout is Layout.BLOCK)
            if token.self_closing:
                continue
            tag = text[token.start:token.end]
            parent = stack[-1]
            node = Node(token.name, token.start, words=class_words(tag),
                        hidden=parent.hidden or bool(tables.HIDDEN.search(tag)),
                        block=element is not None and element.layout is Layout.BLOCK,
                        in_link=parent.in_link or token.name == "a",
                        parent=parent, depth=parent.depth + 1)
            if not node.block:
                node.owner = parent.block_ancestor()
            parent.children.append(node)
            stack.append(node)
        elif token.kind is Kind.END:
            _close_named(stack, token.name, token.start, token.end)
        elif token.kind is Kind.RAW:
            parent = stack[-1]
            parent.children.append(Node(token.name, token.start, token.end, parent=parent,
                                        depth=parent.depth + 1))
    if pos < len(text):
        _add_text(stack[-1], text[pos:])
    while len(stack) > 1:
        _pop(stack, len(text))
    _finish(root)
    return root


def _add_text(node: Node, text: str) -> None:
    units, punct = measure(text)
    if not units:
        return
    target = node.block_ancestor()
    target.own_units += units
    target.own_punct += punct
    if node.in_link:
        target.own_link += units


def _pop(stack: list[Node], end: int) -> None:
    node = stack.pop()
    node.end = end
    _finish(node)


def _finish(node: Node) -> None:
    node.units += node.own_units
    node.link += node.own_link
    node.punct += node.own_punct
    if node.parent is not None:
        node.parent.units += node.units
        node.parent.link += node.link
        node.parent.punct += node.punct


def _close_implied(stack: list[Node], name: str, at: int, is_block: bool) -> None:
    """Close what a start tag implicitly ends: an open ``p`` before a block, an ``li``
    before the next ``li`` in the same list, and the table and list rules alike."""
    if is_block:
        for index in range(len(stack) - 1, 0, -1):
            if stack[index].name == "p":
                while len(stack) > index:
                    _pop(stack, at)
                break
            if stack[index].block:
                break
    rule = tables.IMPLIED_END.get(name)
    if rule is None:
        return
    closes, scope = rule
    outermost = 0
    for index in range(len(stack) - 1, 0, -1):
        current = stack[index].name
        if current in scope:
            break
        if current in closes:
            outermost = index  # a new row closes the open row, not only its open cell
    while outermost and len(stack) > outermost:
        _pop(stack, at)


def _close_named(stack: list[Node], name: str, start: int, end: int) -> None:
    """An end tag closes the innermost open element of its name and everything left open
    inside it; with no such element open it is a stray and changes nothing."""
    if name in tables.IGNORED_END:
        return
    for index in range(len(stack) - 1, 0, -1):
        if stack[index].name == name:
            while len(stack) > index + 1:
                _pop(stack, start)
            _pop(stack, end)
            return
