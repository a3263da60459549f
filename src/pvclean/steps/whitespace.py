"""Layout: the last step, so that every other step may leave ragged whitespace behind.

What it does, and why:

* ``\\r\\n`` and ``\\r`` become ``\\n`` — files from every platform end up alike;
* the BOM, zero-width characters, soft hyphens and the html step's link marks are removed —
  they are invisible, and left in they split words for every later tool;
* runs of spaces, tabs, U+00A0 and U+3000 inside a line become one space; at the ends of a line
  they are stripped (Chinese paragraphs are indented with U+3000, which is layout, not text);
* runs of blank lines become exactly one, leading and trailing blank lines go, and a
  non-empty text ends with exactly one newline.

It never joins two lines or splits one: a single line break stays a single line break, because
pvclean cannot know whether it separated two paragraphs or wrapped one.
"""

from __future__ import annotations

import re

from ..pipeline import LINK_MARKS, ChangeBuilder, Options, StepResult, spans_between

NAME = "whitespace"

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad" + LINK_MARKS
_BLANK = " \t\u00a0\u3000\f\v"
_EDGE = _BLANK + _INVISIBLE
# A run of blanks and invisibles inside a line: one character class, one quantifier, so
# matching is linear on any input.
_RUN = re.compile(f"[{_EDGE}]+")
_LINE_BREAK = re.compile(r"\r\n?|\n")
# Anything run() would change. The common case, already-settled text, costs this one scan.
_UNSETTLED = re.compile(f"[\r\t\u00a0\u3000\f\v{_INVISIBLE}]|  | \n|\n |\n\n\n")


def _is_settled(text: str) -> bool:
    return (text.endswith("\n") and not text.endswith("\n\n") and not text[0].isspace()
            and not _UNSETTLED.search(text))


def run(text: str, options: Options) -> StepResult:
    if not text or _is_settled(text):
        return StepResult(text, [])
    builder = ChangeBuilder(NAME, text)
    gap_start: int | None = None  # where the line break after the last content line starts
    blank_lines = 0
    for line_start, line_end in spans_between(text, _LINE_BREAK):
        content_start, content_end = _content_bounds(text, line_start, line_end)
        if content_start == content_end:
            blank_lines += 1
            continue
        if gap_start is None:
            builder.remove(0, content_start, "leading-blank")
        else:
            # Between two content lines, everything (the line break, blank lines, this
            # line's indentation) becomes one line break, or one blank line if there were any.
            builder.replace(gap_start, content_start, "\n\n" if blank_lines else "\n",
                            "blank-lines" if blank_lines > 1 else "line-break")
        _normalise_inside(builder, text, content_start, content_end)
        gap_start, blank_lines = content_end, 0
    if gap_start is None:
        builder.remove(0, len(text), "blank-document")
    else:
        builder.replace(gap_start, len(text), "\n", "final-newline")
    return builder.result()


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line = text[start:end]
    left = len(line) - len(line.lstrip(_EDGE))
    right = len(line.rstrip(_EDGE))
    if right <= left:
        return start, start
    return start + left, start + right


def _normalise_inside(builder: ChangeBuilder, text: str, start: int, end: int) -> None:
    for match in _RUN.finditer(text, start, end):
        span = match.group()
        if span == " ":
            continue
        if span.strip(_INVISIBLE):
            builder.replace(match.start(), match.end(), " ", "space-run")
        else:
            builder.remove(match.start(), match.end(), "invisible")
