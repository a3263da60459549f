"""The finer cuts: junk glued to a paragraph, removed without touching the paragraph.

Both cuts are deliberately narrow, because a wrong cut loses article text:

* an *injected lead*: spam mirrors paste an unrelated clause in front of a Chinese paragraph,
  separated from it by a blank — ``某句无关的话 2017年,正文……``. Chinese prose does not put a
  blank between two of its clauses, so a punctuation-free CJK run, a blank, and then prose
  that itself never spaces its CJK text, is the shape;
* a *trailing fragment*: the words left of a removed link after the paragraph's last
  sentence, recognisable by the brackets that held the link — ``… crisis. Glass () Dept``.

Positions are in the line's raw text (link marks included), so the cut maps to the input.
"""

from __future__ import annotations

import re

from . import shapes
from .lines import Line
from .rules import normalize

# The injected clause: 8–40 CJK ideographs, no punctuation, then a blank run, then the
# paragraph proper, which starts with a CJK ideograph or a digit.
_LEAD = re.compile(r"^[ \t\u00a0\u3000]*([\u4e00-\u9fff]{8,40})[ \u00a0\u3000]{1,3}"
                   r"(?=[\u4e00-\u9fff0-9])")
# Prose that spaces its CJK text (pangu style, or blanks as clause breaks): no lead cut then.
_SPACED_CJK = re.compile(r"[\u4e00-\u9fff0-9][ \u00a0\u3000]+[\u4e00-\u9fff]")
_SENTENCE_ENDS = ".!?。!?"
_CLOSERS = "\"'”’)"
MAX_FRAGMENT_UNITS = 8
# Only the end of a line can hold the fragment: look no further back than this.
_WINDOW = 160


def injected_lead(line: Line) -> tuple[int, int] | None:
    """Span (in the input) of an unrelated clause glued to the start of a paragraph."""
    match = _LEAD.match(line.raw)
    if not match:
        return None
    rest = line.raw[match.end():]
    if _SPACED_CJK.search(rest):
        return None
    rest_cjk = shapes.cjk_count(rest)
    if rest_cjk < 2 * len(match.group(1)):
        return None
    return line.start + match.start(1), line.start + match.end()


def trailing_fragment(line: Line) -> tuple[int, int] | None:
    """Span (in the input) of a short emptied-link fragment after the last sentence.

    The sentence end is looked for *before* the brackets: the fragment itself may hold a
    dot (``Steel pipe () Co., Ltd``). A line that ends as a sentence ends after the brackets
    is prose (``It ended. Call f() now.``), never a fragment."""
    raw = line.raw.rstrip(" \t\u00a0\u3000")
    if raw.rstrip(_CLOSERS).endswith(tuple(_SENTENCE_ENDS)):
        return None
    window_start = max(0, len(raw) - _WINDOW)
    pairs = list(shapes.EMPTY_BRACKETS.finditer(raw, window_start))
    if not pairs:
        return None
    brackets = pairs[-1]
    last = max(raw.rfind(ch, window_start, brackets.start()) for ch in _SENTENCE_ENDS)
    if last < 0:
        return None
    end = last + 1
    while end < len(raw) and raw[end] in _CLOSERS:
        end += 1
    tail = normalize(raw[end:])
    if not tail.strip() or shapes.units(tail) > MAX_FRAGMENT_UNITS:
        return None
    return line.start + end, line.start + len(raw)
