"""Lines with their spans, so that every verdict maps back to the step's own input."""

from __future__ import annotations

import re
from typing import NamedTuple

from ..pipeline import LINK_CLOSE, LINK_OPEN

_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK = " \t\u00a0\u3000\f\v\ufeff\u200b"
_MARKS = {ord(LINK_OPEN): None, ord(LINK_CLOSE): None}


class Line(NamedTuple):
    """One line of the input.

    ``start``/``end`` span the line with its line break (what a whole-line removal takes);
    ``text`` is the visible content: link marks removed, blanks at both ends stripped.
    ``link_chars`` counts the visible characters that were inside a link.
    """

    index: int
    start: int
    end: int
    raw: str
    text: str
    link_chars: int

    @property
    def blank(self) -> bool:
        return not self.text


def _link_chars(raw: str) -> int:
    """Visible characters between LINK_OPEN and LINK_CLOSE (an unclosed link runs to the end:
    the html step closes every link, so that only happens in a hand-made input)."""
    if LINK_OPEN not in raw:
        return 0
    inside = False
    count = 0
    for ch in raw:
        if ch == LINK_OPEN:
            inside = True
        elif ch == LINK_CLOSE:
            inside = False
        elif inside and not ch.isspace():
            count += 1
    return count


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, in order; the spans cover the text exactly."""
    if "\r" not in text:
        return _split_at_newlines(text)
    lines: list[Line] = []
    pos = 0
    for match in _BREAK.finditer(text):
        raw = text[pos:match.start()]
        lines.append(_line(len(lines), pos, match.end(), raw))
        pos = match.end()
    if pos < len(text):
        lines.append(_line(len(lines), pos, len(text), text[pos:]))
    return lines


def _split_at_newlines(text: str) -> list[Line]:
    """``split_lines`` for text whose only break is ``\n`` (most text): ``str.split`` does
    the scan, with no match object per line; text without link marks (most text) is not
    searched for them line by line."""
    raws = text.split("\n")
    if not raws[-1]:
        raws.pop()  # the text ends with a break (or is empty): no line after it
    make = _line if LINK_OPEN in text or LINK_CLOSE in text else _plain_line
    lines: list[Line] = []
    pos = 0
    for index, raw in enumerate(raws):
        end = pos + len(raw) + 1
        lines.append(make(index, pos, end, raw))
        pos = end
    if lines and lines[-1].end > len(text):  # the last line has no break
        lines[-1] = lines[-1]._replace(end=len(text))
    return lines


def _plain_line(index: int, start: int, end: int, raw: str) -> Line:
    return Line(index, start, end, raw, raw.strip(_BLANK), 0)


def _line(index: int, start: int, end: int, raw: str) -> Line:
    if LINK_OPEN in raw or LINK_CLOSE in raw:  # translate() is slow: only when it has work
        return Line(index, start, end, raw, raw.translate(_MARKS).strip(_BLANK),
                    _link_chars(raw))
    return _plain_line(index, start, end, raw)
