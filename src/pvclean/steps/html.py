"""HTML out of scraped text: tags, comments, scripts and styles go, entities are decoded,
link text is marked for the spam step, and every word of the article stays.

How it decides, and why:

* **Real tags only.** :mod:`pvclean.markup` finds candidates with exact spans; a candidate
  tag is markup when it is a known element that may stand alone (void or optional end tag:
  ``<br>``, ``<p>``, ``<td>``), or when it carries a ``name=value`` attribute
  (``<meter id="x">``: SEO tag soup uses any name), closes itself (``<x/>``), or is paired
  with its own end tag. Anything else is text: ``a < b``, ``PM2.5<35微克``, ``x<y>z`` and
  ``a<b>c`` in prose about code, and a tag written between quotes (“<br>”), which is a tag
  being talked about.
* **What goes entirely.** Comments, declarations (``<!DOCTYPE>``, ``<?xml?>``) and the
  elements whose content is never article text (script, style, noscript, template, iframe
  fallback; ``layout raw`` in ``data/html_elements.txt``) up to their end tag. An unclosed
  ``<!--`` or ``<script>`` removes only itself: the least lossy reading, since the text after
  it is as likely to be article text cut short as hidden markup.
* **Layout.** A block tag (``p``, ``div``, ``li``, ``td``, ``h1`` ...) becomes a line break
  when it stands between text on its line and more text; a ``<br>`` becomes one unless the
  source breaks the line right there anyway. Inline tags vanish without adding spaces, which
  is right for Chinese and what a browser shows for English. Other whitespace is left to the
  whitespace step.
* **Entities, once.** ``&nbsp;``, ``&#12345;``, ``&#x4e2d;`` and ``&ldquo;`` are decoded with
  the HTML5 table (:data:`html.entities.html5`); double-escaped forms (``&amp;nbsp;``, up to
  three ``amp;`` deep) are decoded through to the character they stood for. Decoded text is
  never parsed again, so ``&lt;br&gt;`` stays as the text ``<br>``. Unknown names stay as
  written. Numeric references follow the HTML5 rules of :func:`html.unescape` (0, surrogates
  and values past U+10FFFF become U+FFFD; 0x80–0x9F are read as Windows-1252); the ones it
  would delete (C0 controls, non-characters) are left as written, because deleting text
  silently is worse than keeping a visible reference. Legacy names decode without ``;`` only
  where no letter, digit or ``=`` follows, so ``?a=1&not=2`` in a URL stays.
* **Links.** The text of an ``<a>`` element is wrapped in ``LINK_OPEN`` … ``LINK_CLOSE``, one
  pair per line, so the spam step can measure link density per line. The marks are changes
  too (zero-width spans, rule ``link-mark``). An ``<a>`` with no ``</a>`` anywhere after it
  ends at the end of its line; a nested ``<a>`` continues the open one, as in HTML.

Why not BeautifulSoup's parser, which the issue suggested: the trace needs spans (a tree has
none), a parser turns ``<35微克`` and ``x<y>z`` into markup or drops them, and an unclosed
comment takes the rest of the page with it. BeautifulSoup stays the yardstick in
``bench/bench_html.py``.

Text without ``<`` and ``&`` is returned at once: that is most text, and it costs two scans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import NamedTuple

from ..markup import Attributes, EndTag, Kind, Layout, Token, elements, tokenize
from ..pipeline import LINK_CLOSE, LINK_OPEN, ChangeBuilder, Options, StepResult

NAME = "html"


class Action(Enum):
    REMOVE = "remove"          # the span goes
    REPLACE = "replace"        # the span becomes ``after`` (a decoded entity)
    BLOCK = "block"            # a line break if text stands on both sides, else nothing
    BREAK = "break"            # <br>: a line break unless the source breaks there anyway
    LINK_START = "link-start"  # <a ...>: removed, and the link text begins
    LINK_END = "link-end"      # </a>: removed, and the link text ends


class Edit(NamedTuple):
    start: int
    end: int
    action: Action
    rule: str
    after: str = ""
    to_line_end: bool = False  # for LINK_START: no </a> follows, so the link ends with the line


def run(text: str, options: Options) -> StepResult:
    if "<" not in text and "&" not in text:
        return StepResult(text, [])
    edits = list(_edits(text, tokenize(text)))
    if not edits:
        return StepResult(text, [])
    return _Writer(text).write(edits, _breaks_follow(text, edits))


# ---------------------------------------------------------------- what to change

def _edits(text: str, tokens: list[Token]) -> Iterator[Edit]:
    """The tokens that are markup, with what each one becomes; the others stay as text."""
    last_end: dict[str, int] = {}  # tag name -> start of its last end tag
    for token in tokens:
        if token.kind is Kind.END and not token.quoted:
            last_end[token.name] = token.start
    opened: set[str] = set()
    cdata_depth = 0
    for token in tokens:
        if token.kind is Kind.ENTITY:
            decoded = _decode_reference(text[token.start:token.end])
            if decoded is not None:
                length, after = decoded
                yield Edit(token.start, token.start + length, Action.REPLACE, "entity", after)
        elif token.kind is Kind.CDATA_OPEN:
            cdata_depth += 1
            yield Edit(token.start, token.end, Action.REMOVE, "cdata")
        elif token.kind is Kind.CDATA_CLOSE:
            if cdata_depth:
                cdata_depth -= 1
                yield Edit(token.start, token.end, Action.REMOVE, "cdata")
        elif token.kind is Kind.RAW:
            rule = token.name if token.name in ("script", "style") else "raw-text"
            yield Edit(token.start, token.end, Action.REMOVE, rule)
        elif token.kind in (Kind.START, Kind.END):
            if token.kind is Kind.START and not token.quoted:
                opened.add(token.name)
            if _is_markup(token, last_end, opened):
                yield _tag_edit(token, last_end)
        else:  # comments, unclosed comment openers, declarations
            yield Edit(token.start, token.end, Action.REMOVE, token.kind.value)


def _is_markup(token: Token, last_end: dict[str, int], opened: set[str]) -> bool:
    if token.quoted:
        return False
    element = elements().get(token.name)
    if token.kind is Kind.END:
        return element is not None or token.name in opened
    if element is not None and element.end is not EndTag.REQUIRED:
        return True
    if token.attributes is Attributes.VALUED or token.self_closing:
        return True
    return last_end.get(token.name, -1) > token.start


def _tag_edit(token: Token, last_end: dict[str, int]) -> Edit:
    element = elements().get(token.name)
    layout = element.layout if element else Layout.INLINE
    if layout is Layout.BREAK:
        return Edit(token.start, token.end, Action.BREAK, "br")
    if layout is Layout.BLOCK:
        return Edit(token.start, token.end, Action.BLOCK, "block-tag")
    if token.name == "a" and token.kind is Kind.START:
        return Edit(token.start, token.end, Action.LINK_START, "tag",
                    to_line_end=last_end.get("a", -1) < token.start)
    if token.name == "a":
        return Edit(token.start, token.end, Action.LINK_END, "tag")
    return Edit(token.start, token.end, Action.REMOVE, "tag")


def _decode_reference(reference: str) -> tuple[int, str] | None:
    """(length of the span to replace, its text) for ``&...``, or None to leave it.

    ``reference`` may carry up to three ``amp;`` layers of escaping in front of the real
    reference; when that reference is unknown only the ``&amp;`` layers are decoded."""
    body = reference[1:]
    while body.startswith("amp;") and len(body) > len("amp;"):
        body = body[len("amp;"):]
    decoded = _decode_one(body)
    if decoded:
        return len(reference), decoded
    prefix = len(reference) - len(body)
    return (prefix, "&") if prefix > 1 else None


def _decode_one(body: str) -> str | None:
    import html  # only text with "&" in it needs the entity table
    from html.entities import html5

    if body.startswith("#"):
        return html.unescape("&" + body) or None
    return html5.get(body)


# ---------------------------------------------------------------- where lines break

# Anything but horizontal blank space: the first such character after a tag tells whether
# the line goes on (text) or ends there (a line break).
_SIGNIFICANT = re.compile(r"[^ \t\f\v\u00a0\u3000]")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_TEXT = re.compile(r"\S")


def _breaks_follow(text: str, edits: list[Edit]) -> list[bool]:
    """For every edit: does a line break (or the end) come next, before any text?

    One pass from the end. Removed markup is transparent; a ``<br>`` is not, so that in
    ``a<br><br>`` + newline the first ``<br>`` still breaks the line and the second does not.
    """
    follows = [False] * len(edits)
    state = True  # the end of the text ends the line
    next_start = len(text)
    for i in range(len(edits) - 1, -1, -1):
        edit = edits[i]
        state = _line_ends_first(text, edit.end, next_start, state)
        follows[i] = state
        if edit.action is Action.BREAK:
            state = False
        elif edit.action is Action.REPLACE:
            state = _line_ends_first(edit.after, 0, len(edit.after), state)
        next_start = edit.start
    return follows


def _line_ends_first(text: str, start: int, end: int, otherwise: bool) -> bool:
    found = _SIGNIFICANT.search(text, start, end)
    return otherwise if found is None else found.group() in "\r\n"


# ---------------------------------------------------------------- building the output

class _Writer:
    """Applies the edits left to right and places the link marks, one pair per line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.builder = ChangeBuilder(NAME, text)
        self.line_has_text = False
        self.in_link = False
        self.link_to_line_end = False
        self.marked = False  # LINK_OPEN written on this line, LINK_CLOSE not yet

    def write(self, edits: list[Edit], breaks_follow: list[bool]) -> StepResult:
        for edit, break_follows in zip(edits, breaks_follow, strict=True):
            self._keep(edit.start)
            if edit.action is Action.REPLACE:
                if _LINE_BREAK.search(edit.after):  # &#10; is a line break like any other
                    self._end_line(edit.start)
                elif edit.after.strip():
                    self._text_at(edit.start)
                self.builder.replace(edit.start, edit.end, edit.after, edit.rule)
            elif edit.action in (Action.BLOCK, Action.BREAK):
                newline = not break_follows and (
                    self.line_has_text or edit.action is Action.BREAK)
                if newline:
                    self._end_line(edit.start)
                self.builder.replace(edit.start, edit.end, "\n" if newline else "", edit.rule)
            else:
                if edit.action is Action.LINK_START:
                    self.in_link, self.link_to_line_end = True, edit.to_line_end
                elif edit.action is Action.LINK_END:
                    self._close_mark(edit.start)
                    self.in_link = False
                self.builder.remove(edit.start, edit.end, edit.rule)
        self._keep(len(self.text))
        self._close_mark(len(self.text))
        return self.builder.result()

    def _keep(self, end: int) -> None:
        """Keep the text up to ``end``, noting its line breaks and marking link text."""
        start = self.builder.pos
        if not self.in_link:
            last_break = max(self.text.rfind("\n", start, end), self.text.rfind("\r", start, end))
            if last_break >= 0:
                self.line_has_text, start = False, last_break + 1
            if not self.line_has_text:
                self.line_has_text = _TEXT.search(self.text, start, end) is not None
            return
        for piece_start, piece_end, break_end in _pieces(self.text, start, end):
            found = _TEXT.search(self.text, piece_start, piece_end)
            if found:
                self._text_at(found.start())
            if break_end > piece_end:
                self._end_line(piece_end)

    def _text_at(self, pos: int) -> None:
        self.line_has_text = True
        if self.in_link and not self.marked:
            self.builder.replace(pos, pos, LINK_OPEN, "link-mark")
            self.marked = True

    def _end_line(self, pos: int) -> None:
        self._close_mark(pos)
        self.line_has_text = False
        if self.link_to_line_end:
            self.in_link = False

    def _close_mark(self, pos: int) -> None:
        if self.marked:
            self.builder.replace(pos, pos, LINK_CLOSE, "link-mark")
            self.marked = False


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(start, end of line content, end of line break) for each line of text[start:end]."""
    pos = start
    for found in _LINE_BREAK.finditer(text, start, end):
        yield pos, found.start(), found.end()
        pos = found.end()
    yield pos, end, end
